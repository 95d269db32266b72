"""Loans (numpy-financial): the monthly payment of an amortizing loan, the number of payments that repay it, one
row of its amortization schedule, and the largest loan a monthly payment repays."""

from __future__ import annotations

from pydantic import BaseModel, Field

from tool_catalog.domains.finance import common
from tool_catalog.domains.finance.common import (
    DOMAIN,
    MONEY,
    YEARS,
    cur,
    currency,
    currency_field,
    money,
    rate_field,
    years_field,
)
from tool_catalog.ports import port
from tool_catalog.quantities import ORDINAL, quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

_LOAN = " on a loan of {principal} at an annual rate of {annual_rate} over {years} years"


class Loan(BaseModel):
    principal: float = Field(
        description="Amount borrowed, e.g. 300000.",
        gt=0,
        le=1e12,
        allow_inf_nan=False,
        json_schema_extra=port("money_amount", quantity=MONEY, samples=[300000, 25000, 1500000, 48000, 250000]),
    )
    annual_rate: float = Field(
        description="Nominal annual interest rate as a decimal fraction, compounded monthly, e.g. 0.06 for 6%.",
        ge=0,
        le=1,
        allow_inf_nan=False,
        json_schema_extra=port("interest_rate", samples=[0.06, 0.045, 0.0325, 0.12, 0.075]),
    )
    years: int = Field(
        description="Term of the loan in whole years (monthly payments), e.g. 30.",
        ge=1,
        le=50,
        json_schema_extra=port("count", quantity=YEARS, samples=[30, 5, 15, 20, 3]),
    )
    currency_code: str = currency_field(
        "ISO 4217 code of the loan currency, e.g. 'USD'.", ["USD", "EUR", "JPY", "GBP", "KWD", "CHF"]
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="numpy-financial",
    description="Monthly payment of a fixed-rate amortizing loan (numpy-financial pmt, payments at month end), the "
    "total interest over the term and the interest paid in the first year, rounded to the currency's minor units.",
    outputs={
        "monthly_payment": Output(
            "number",
            "the monthly payment in {currency_code}" + _LOAN,
            asks=(
                "What is the monthly payment on a {years}-year loan of {principal} {currency_code:code} at an annual "
                "interest rate of {annual_rate}?",
                "I'm borrowing {principal} {currency_code:code} over {years} years at a nominal "
                "{annual_rate} a year "
                ", compounded monthly. How much is each monthly payment?",
                "How much will I pay each month to repay {principal} over {years} years at {annual_rate} a year "
                "? Give the amount in {currency_code:code}.",
            ),
            measure="monthly payment",
            quantity=MONEY,
        ),
        "total_interest": Output(
            "number",
            "the total interest in {currency_code}" + _LOAN,
            asks=(
                "How much interest in total is paid over the life of a {years}-year loan of {principal} in "
                "{currency_code} at an annual rate of {annual_rate}?",
                "Over {years} years of monthly payments on {principal} borrowed at {annual_rate} a year "
                ", what does the interest add up to? Give the amount in {currency_code:code}.",
                "A mortgage of {principal} {currency_code:code} runs {years} years at {annual_rate} a year "
                ". What is the total cost of the interest?",
            ),
            measure="total interest",
            quantity=MONEY,
        ),
        "first_year_interest": Output(
            "number",
            "the interest paid in the first year in {currency_code}" + _LOAN,
            asks=(
                "How much interest is paid in the first year of a {years}-year loan of {principal} "
                "{currency_code:code} "
                "at {annual_rate} a year?",
                "Of the first twelve monthly payments on a loan of {principal} {currency_code:code} over {years} years "
                "at an annual rate of {annual_rate}, how much goes to interest?",
            ),
            measure="first-year interest",
            quantity=MONEY,
        ),
    },
    examples=[{"principal": 300000, "annual_rate": 0.06, "years": 30, "currency_code": "USD"}],
)
def loan_payment(p: Loan) -> dict:
    import numpy_financial as npf

    digits = common.digits(currency(p.currency_code))
    months = p.years * 12
    monthly = p.annual_rate / 12
    payment = -float(npf.pmt(monthly, months, p.principal))
    first_year = -float(sum(npf.ipmt(monthly, k, months, p.principal) for k in range(1, min(12, months) + 1)))
    return {
        "monthly_payment": round(payment, digits),
        "total_interest": round(payment * months - p.principal, digits),
        "first_year_interest": round(first_year, digits),
    }


class LoanTerm(BaseModel):
    currency_code: str = currency_field(
        "ISO 4217 code of the amounts; results are rounded to its minor units (0 for JPY).",
        ["USD", "EUR", "JPY", "GBP", "CHF"],
    )
    principal: float = money("Amount borrowed.", [200000, 15000, 350000, 5000, 80000])
    annual_rate: float = rate_field(
        "Nominal annual rate, compounded monthly, as a decimal.", [0.05, 0.08, 0.04, 0.12, 0.065]
    )
    monthly_payment: float = money("Payment made each month.", [1500, 400, 2000, 250, 900])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="numpy-financial",
    description="How many monthly payments repay a loan (numpy_financial.nper), in months and years, and the total "
    "interest paid.",
    outputs={
        "months": Output(
            "number",
            "the monthly payments of {monthly_payment} needed to repay {principal} {currency_code} at {annual_rate}",
            asks=(
                "How many monthly payments of {monthly_payment} does it take to repay a loan of {principal} at "
                "{annual_rate} a year? Both amounts are in {currency_code}.",
                "I owe {principal} {currency_code:code} at an annual rate of {annual_rate} (compounded "
                "monthly) and pay {monthly_payment} a month. How many months until it is paid off?",
            ),
            measure="repayment term in months",
            quantity=quantity("month"),
        ),
        "years": Output(
            "number",
            "the years needed to repay {principal} {currency_code} at {annual_rate} with {monthly_payment} a month",
            asks=(
                "How many years does it take to repay {principal} {currency_code:code} at {annual_rate} a year "
                " with payments of {monthly_payment} a month?",
                "Paying {monthly_payment} a month on a loan of {principal} at a nominal {annual_rate} a year "
                ", both amounts in {currency_code}, how long in years until the debt is gone?",
            ),
            measure="repayment term",
            quantity=YEARS,
        ),
        "total_interest": Output(
            "number",
            "the interest paid repaying {principal} {currency_code} at {annual_rate} with {monthly_payment} a month",
            asks=(
                "How much interest is paid in total when repaying {principal} {currency_code:code} at {annual_rate} a "
                "year with {monthly_payment} a month?",
                "I pay off a loan of {principal} at an annual rate of {annual_rate} with monthly "
                "payments of {monthly_payment}. What does the interest cost me altogether? Answer in "
                "{currency_code}.",
            ),
            measure="total interest",
            quantity=MONEY,
        ),
    },
    examples=[{"currency_code": "USD", "principal": 200000, "annual_rate": 0.05, "monthly_payment": 1500}],
)
def loan_term(p: LoanTerm) -> dict:
    import numpy_financial as npf

    rate = p.annual_rate / 12
    if p.monthly_payment <= p.principal * rate:
        raise ToolInputError("the payment does not cover the monthly interest; the loan never gets repaid")
    n = float(npf.nper(rate, -p.monthly_payment, p.principal))
    return {
        "months": round(n, 2),
        "years": round(n / 12, 2),
        "total_interest": cur(p.monthly_payment * n - p.principal, p),
    }


class LoanPeriod(BaseModel):
    currency_code: str = currency_field(
        "ISO 4217 code of the amounts; results are rounded to its minor units (0 for JPY).",
        ["USD", "EUR", "JPY", "GBP", "CHF"],
    )
    principal: float = money("Amount borrowed.", [200000, 15000, 350000, 5000, 80000])
    annual_rate: float = rate_field(
        "Nominal annual rate, compounded monthly, as a decimal.", [0.05, 0.08, 0.04, 0.12, 0.065]
    )
    years: int = years_field("Term in years.", [30, 5, 25, 3, 10])
    month: int = Field(
        description="Payment number (1 = first month).",
        ge=1,
        le=1200,
        json_schema_extra=port("count", quantity=ORDINAL, samples=[1, 12, 60, 24, 100]),
    )


_AMORT = "payment {month} of a {years}-year loan of {principal} {currency_code} at {annual_rate}"


@tool(
    domain=DOMAIN,
    kind="processing",
    package="numpy-financial",
    description="One row of a monthly amortization schedule (numpy_financial.ipmt/ppmt): the interest and "
    "principal parts of a payment and the balance left after it.",
    outputs={
        "interest_part": Output(
            "number",
            f"the interest part of {_AMORT}",
            asks=(
                "In payment number {month} of a {years}-year loan of {principal} {currency_code:code} at {annual_rate} "
                "a year, how much is interest?",
                "On a loan of {principal} {currency_code:code} over {years} years at an annual rate of {annual_rate}"
                ", what is the interest part of monthly payment {month}?",
            ),
            measure="interest part of the payment",
            quantity=MONEY,
        ),
        "principal_part": Output(
            "number",
            f"the principal part of {_AMORT}",
            asks=(
                "How much of payment number {month} on a {years}-year loan of {principal} {currency_code:code} at "
                "{annual_rate} a year pays down the principal?",
                "On a loan of {principal} {currency_code:code} over {years} years at an annual rate of {annual_rate}"
                ", what is the principal part of monthly payment {month}?",
            ),
            measure="principal part of the payment",
            quantity=MONEY,
        ),
        "remaining_balance": Output(
            "number",
            f"the balance remaining after {_AMORT}",
            asks=(
                "What balance is left after payment {month} on a {years}-year loan of {principal} {currency_code:code} "
                "at {annual_rate} a year?",
                "After I make monthly payment number {month} on my {years}-year loan of {principal} at {annual_rate} "
                "a year, how much do I still owe? Give the amount in {currency_code:code}.",
            ),
            measure="remaining balance",
            quantity=MONEY,
        ),
    },
    examples=[{"currency_code": "USD", "principal": 200000, "annual_rate": 0.05, "years": 30, "month": 1}],
)
def amortization_row(p: LoanPeriod) -> dict:
    import numpy_financial as npf

    n, rate = p.years * 12, p.annual_rate / 12
    if p.month > n:
        raise ToolInputError(f"payment {p.month} is after the last payment ({n})")
    interest = -float(npf.ipmt(rate, p.month, n, p.principal))
    principal = -float(npf.ppmt(rate, p.month, n, p.principal))
    balance = float(npf.fv(rate, p.month, npf.pmt(rate, n, p.principal), p.principal)) * -1
    return {
        "interest_part": cur(interest, p),
        "principal_part": cur(principal, p),
        "remaining_balance": cur(max(balance, 0.0), p),
    }


_AFFORD = "the largest loan {monthly_payment} {currency_code} a month repays in {years} years at {annual_rate}"


class Affordability(BaseModel):
    currency_code: str = currency_field(
        "ISO 4217 code of the amounts; results are rounded to its minor units (0 for JPY).",
        ["USD", "EUR", "JPY", "GBP", "CHF"],
    )
    monthly_payment: float = money("Monthly payment the borrower can afford.", [1500, 800, 3000, 450, 2200])
    annual_rate: float = rate_field(
        "Nominal annual rate, compounded monthly, as a decimal.", [0.05, 0.07, 0.04, 0.09, 0.06]
    )
    years: int = years_field("Term in years.", [30, 5, 25, 3, 20])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="numpy-financial",
    description="The largest loan a monthly payment can repay over a term at a rate (numpy_financial.pv), and the "
    "total interest over the term.",
    outputs={
        "max_loan": Output(
            "number",
            "the largest loan repaid by {monthly_payment} {currency_code} a month over {years} years at {annual_rate}",
            asks=(
                "I can afford {monthly_payment} a month for {years} years at an annual rate of {annual_rate} "
                ". How big a loan can I take? Give the amount in {currency_code:code}.",
                "What is the largest loan that monthly payments of {monthly_payment} {currency_code:code} repay over "
                "{years} years at {annual_rate} a year?",
                "How much can I borrow in {currency_code} if I pay {monthly_payment} a month for {years} years at a "
                "nominal {annual_rate} a year?",
            ),
            measure="largest affordable loan",
            quantity=MONEY,
        ),
        "total_interest": Output(
            "number",
            f"the interest on {_AFFORD}",
            asks=(
                "I borrow the most that {monthly_payment} a month repays over {years} years at {annual_rate} a year"
                ". How much interest do I pay in total? Give the amount in {currency_code:code}.",
                "I take the biggest loan that {monthly_payment} a month can repay over {years} years at "
                "{annual_rate} a year. How much interest will I have paid by the end, in "
                "{currency_code}?",
            ),
            measure="total interest",
            quantity=MONEY,
        ),
    },
    examples=[{"currency_code": "USD", "monthly_payment": 1500, "annual_rate": 0.05, "years": 30}],
)
def affordable_loan(p: Affordability) -> dict:
    import numpy_financial as npf

    loan = -float(npf.pv(p.annual_rate / 12, p.years * 12, p.monthly_payment))
    return {"max_loan": cur(loan, p), "total_interest": cur(p.monthly_payment * p.years * 12 - loan, p)}
