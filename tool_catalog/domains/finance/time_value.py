"""Time value of money (numpy-financial and the textbook formulas): future and present values, NPV and IRR of
cash flows, effective, real and compound growth rates, annuities, savings plans and the time to reach a target,
and the depreciation and break-even formulas."""

from __future__ import annotations

import math
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.finance.common import (
    DOMAIN,
    FRACTION,
    MONEY,
    PLAIN_AMOUNT,
    PRICE,
    YEARS,
    cur,
    currency_field,
    money,
    rate_field,
    years_field,
)
from tool_catalog.ports import port
from tool_catalog.quantities import COUNT, ORDINAL, quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError


class Growth(BaseModel):
    currency_code: str = currency_field(
        "ISO 4217 code of the amounts; results are rounded to its minor units (0 for JPY).",
        ["USD", "EUR", "JPY", "GBP", "CHF"],
    )
    present_value: float = money("Amount invested today.", [10000, 2500, 100000, 500, 75000])
    annual_rate: float = rate_field("Annual return as a decimal, e.g. 0.05.", [0.05, 0.07, 0.03, 0.1, 0.045])
    years: int = years_field("Number of years.", [10, 20, 5, 30, 15])
    annual_contribution: float = Field(
        description="Amount added at the end of each year (0 for none).",
        ge=0,
        le=1e12,
        allow_inf_nan=False,
        json_schema_extra=port("money_amount", quantity=MONEY, samples=[1000, 0, 5000, 200, 12000]),
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
        "future_value": Output(
            "number",
            f"the future value of {_GROWTH}",
            asks=(
                "If I invest {present_value} {currency_code:code} at {annual_rate} a year and add "
                "{annual_contribution} at the end of each year, how much will I have after {years} years?",
                "What is the future value after {years} years of {present_value} {currency_code:code} growing at an "
                "annual rate of {annual_rate}, with {annual_contribution} added every year-end?",
                "My pension pot holds {present_value} {currency_code:code}; I add {annual_contribution} each year-end "
                "and it earns {annual_rate} a year. What will it be worth in {years} years?",
            ),
            measure="future value",
            quantity=MONEY,
        ),
        "total_contributed": Output("number", f"the total amount paid in for {_GROWTH}", quantity=MONEY, askable=False),
        "growth": Output(
            "number",
            f"the investment growth earned by {_GROWTH}",
            asks=(
                "Investing {present_value} {currency_code:code} plus {annual_contribution} every year-end for {years} "
                "years at {annual_rate} a year, how much do I earn beyond what I put in?",
                "How much of the final balance is investment growth if I put {present_value} {currency_code:code} at "
                "{annual_rate} a year and add {annual_contribution} yearly for {years} years?",
            ),
            measure="investment growth",
            quantity=MONEY,
        ),
    },
    examples=[
        {"currency_code": "USD", "present_value": 10000, "annual_rate": 0.05, "years": 10, "annual_contribution": 1000}
    ],
)
def future_value(p: Growth) -> dict:
    import numpy_financial as npf

    fv = float(npf.fv(p.annual_rate, p.years, -p.annual_contribution, -p.present_value))
    paid = p.present_value + p.annual_contribution * p.years
    return {"future_value": cur(fv, p), "total_contributed": cur(paid, p), "growth": cur(fv - paid, p)}


class Discounting(BaseModel):
    currency_code: str = currency_field(
        "ISO 4217 code of the amounts; results are rounded to its minor units (0 for JPY).",
        ["USD", "EUR", "JPY", "GBP", "CHF"],
    )
    future_amount: float = money("Amount received in the future.", [10000, 50000, 1000, 250000, 7500])
    annual_rate: float = rate_field("Annual discount rate as a decimal.", [0.05, 0.08, 0.03, 0.1, 0.06])
    years: int = years_field("Years until the amount is received.", [10, 5, 20, 3, 30])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="numpy-financial",
    description="Present value of a single future amount discounted annually (numpy_financial.pv) and the "
    "discount factor.",
    outputs={
        "present_value": Output(
            "number",
            "the present value of {future_amount} {currency_code} received in {years} years at {annual_rate}",
            asks=(
                "What is {future_amount} {currency_code:code}, received in {years} years, worth today at a discount "
                "rate of {annual_rate} a year?",
                "How much must I invest today at {annual_rate} a year (compounded yearly) to have "
                "{future_amount} {currency_code:code} in {years} years?",
                "What is the present value of {future_amount} {currency_code:code} due in {years} years, discounted at "
                "{annual_rate} a year?",
            ),
            measure="present value",
            quantity=MONEY,
        ),
        "discount_factor": Output(
            "number",
            "the discount factor for {years} years at {annual_rate}, applied to {future_amount} {currency_code}",
            asks=(
                "A payment of {future_amount} {currency_code:code} is due in {years} years. At a discount rate of "
                "{annual_rate} a year, by what factor is it discounted?",
                "What discount factor turns {future_amount} {currency_code:code} due in {years} years into today's "
                "value at {annual_rate} a year?",
            ),
            measure="discount factor",
            quantity=FRACTION,
        ),
    },
    examples=[{"currency_code": "USD", "future_amount": 10000, "annual_rate": 0.05, "years": 10}],
)
def present_value(p: Discounting) -> dict:
    import numpy_financial as npf

    pv = -float(npf.pv(p.annual_rate, p.years, 0, p.future_amount))
    return {"present_value": cur(pv, p), "discount_factor": round(pv / p.future_amount, 6)}


def _cashflows_field(samples: list[list[float]]) -> Any:
    return Field(
        description="Cash flows per period, the first usually negative (the investment), e.g. [-1000, 300, 400, 500].",
        min_length=2,
        max_length=100,
        json_schema_extra=port("number_list", samples=samples),
    )


_FLOWS = [[-1000, 300, 400, 500], [-5000, 1000, 2000, 3000, 1500], [-250, 100, 100, 100], [-10000, 4000, 4000, 4000]]


class NpvQuery(BaseModel):
    currency_code: str = currency_field(
        "ISO 4217 code of the amounts; results are rounded to its minor units (0 for JPY).",
        ["USD", "EUR", "JPY", "GBP", "CHF"],
    )
    rate: float = rate_field("Discount rate per period as a decimal.", [0.1, 0.08, 0.05, 0.12])
    cashflows: list[float] = _cashflows_field(_FLOWS)


@tool(
    domain=DOMAIN,
    kind="processing",
    package="numpy-financial",
    description="Net present value of cash flows at a discount rate (first flow at time 0, numpy_financial.npv) "
    "and whether the project is worth doing (NPV > 0).",
    outputs={
        "npv": Output(
            "number",
            "the net present value of the cash flows {cashflows} {currency_code:code} at {rate}",
            asks=(
                "What is the net present value of the cash flows {cashflows} {currency_code:code}, the first one today "
                "and then one per period, at a discount rate of {rate} per period?",
                "A project's cash flows are {cashflows} {currency_code:code}, one per period starting now. What is its "
                "NPV at {rate} per period?",
            ),
            measure="net present value",
            quantity=MONEY,
        ),
        "accept": Output(
            "boolean",
            "whether the cash flows {cashflows} {currency_code:code} have a positive NPV at {rate}",
            asks=(
                "Is a project with cash flows {cashflows} {currency_code:code}, one per period starting today, worth "
                "doing at a discount rate of {rate} per period? Answer yes if its NPV is positive.",
                "Do the cash flows {cashflows} {currency_code:code}, the first one now, have a positive net present "
                "value at {rate} per period?",
            ),
        ),
    },
    examples=[{"currency_code": "USD", "rate": 0.1, "cashflows": [-1000, 300, 400, 500]}],
)
def net_present_value(p: NpvQuery) -> dict:
    import numpy_financial as npf

    if any(not math.isfinite(c) for c in p.cashflows):
        raise ToolInputError("cash flows must be finite numbers")
    npv = float(npf.npv(p.rate, p.cashflows))
    return {"npv": cur(npv, p), "accept": npv > 0}


class Flows(BaseModel):
    cashflows: list[float] = _cashflows_field(_FLOWS)


@tool(
    domain=DOMAIN,
    kind="processing",
    package="numpy-financial",
    description="Internal rate of return of cash flows per period (numpy_financial.irr) and the simple payback "
    "period in periods.",
    outputs={
        "irr": Output(
            "number",
            "the internal rate of return of the cash flows {cashflows}",
            asks=(
                "What is the internal rate of return per period of the cash flows {cashflows}, the first one today? "
                "Give it as a decimal fraction.",
                "An investment has the cash flows {cashflows}, one per period starting now. What IRR does it earn per "
                "period, as a fraction?",
            ),
            measure="internal rate of return",
            quantity=FRACTION,
        ),
        "payback_periods": Output(
            "number",
            "the payback period in periods of the cash flows {cashflows}",
            asks=(
                "With the cash flows {cashflows}, one per period from today, after how many periods is the initial "
                "outlay paid back? Fractions of a period count.",
                "What is the simple payback period, in periods, of an investment with the cash flows {cashflows}?",
            ),
            measure="payback period",
            quantity=quantity("dimensionless"),
        ),
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


class NominalRate(BaseModel):
    nominal_rate: float = rate_field("Nominal annual rate as a decimal.", [0.06, 0.12, 0.045, 0.2, 0.03])
    periods_per_year: int = Field(
        description="Compounding periods per year (12 monthly, 4 quarterly, 365 daily).",
        ge=1,
        le=366,
        json_schema_extra=port("count", quantity=quantity("1/year"), samples=[12, 4, 365, 2, 52]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Effective annual rate of a nominal rate compounded several times a year, and the continuously "
    "compounded equivalent.",
    outputs={
        "effective_annual_rate": Output(
            "number",
            "the effective annual rate of {nominal_rate} compounded {periods_per_year} times a year",
            asks=(
                "What is the effective annual rate of a nominal {nominal_rate} a year compounded "
                "{periods_per_year} times a year? Give it as a decimal fraction.",
                "My savings account pays a nominal {nominal_rate} a year, compounded "
                "{periods_per_year} times a year. What is that as an effective annual rate?",
                "A card charges {nominal_rate} a year nominal, compounded {periods_per_year} times a "
                "year. What annual rate does it really cost, as a fraction?",
            ),
            measure="effective annual rate",
            quantity=FRACTION,
        ),
        "continuous_rate": Output(
            "number",
            "the continuously compounded rate equivalent to {nominal_rate} compounded {periods_per_year} times a year",
            asks=(
                "What continuously compounded rate is equivalent to a nominal {nominal_rate} a year "
                "compounded {periods_per_year} times a year?",
                "Convert a nominal annual rate of {nominal_rate} with {periods_per_year} compounding "
                "periods a year into a continuously compounded rate, as a decimal fraction.",
            ),
            measure="continuously compounded rate",
            quantity=FRACTION,
        ),
    },
    examples=[{"nominal_rate": 0.06, "periods_per_year": 12}],
)
def effective_annual_rate(p: NominalRate) -> dict:
    ear = (1 + p.nominal_rate / p.periods_per_year) ** p.periods_per_year - 1
    return {"effective_annual_rate": round(ear, 8), "continuous_rate": round(math.log1p(ear), 8)}


class GrowthSpan(BaseModel):
    start_value: float = money("Value at the start.", [100, 2500, 1e6, 50, 80000], unit=PLAIN_AMOUNT)
    end_value: float = money("Value at the end.", [180, 4000, 2.5e6, 35, 120000], unit=PLAIN_AMOUNT)
    years: float = Field(
        description="Years between the two values.",
        gt=0,
        le=200,
        allow_inf_nan=False,
        json_schema_extra=port("number", quantity=YEARS, samples=[5, 10, 7, 3, 4.5]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Compound annual growth rate between two values and the years it takes to double at that rate "
    "(exact, and by the rule of 72).",
    outputs={
        "cagr": Output(
            "number",
            "the compound annual growth rate from {start_value} to {end_value} over {years} years",
            asks=(
                "What is the compound annual growth rate of a value that grew from {start_value} to {end_value} over "
                "{years} years? Give it as a decimal fraction.",
                "My portfolio went from {start_value} to {end_value} in {years} years. What was its compound annual "
                "growth rate, as a fraction?",
                "Revenue rose from {start_value} to {end_value} over {years} years. At what steady yearly rate (as a "
                "decimal) did it grow?",
            ),
            measure="compound annual growth rate",
            quantity=FRACTION,
        ),
        "doubling_years": Output(
            "number",
            "the doubling time in years at the growth rate from {start_value} to {end_value} over {years} years",
            asks=(
                "Something grew from {start_value} to {end_value} in {years} years. At that compound rate, how many "
                "years does it take to double?",
                "If a value keeps growing at the compound annual rate that took it from {start_value} to "
                "{end_value} in {years} years, what is its doubling time in years?",
            ),
            measure="doubling time",
            quantity=YEARS,
        ),
        "rule_of_72_years": Output(
            "number",
            "the rule-of-72 doubling time at the growth rate from {start_value} to {end_value} over {years} years",
            asks=(
                "By the rule of 72, how many years would a value take to double at the annual growth rate that took "
                "it from {start_value} to {end_value} in {years} years?",
                "An investment went from {start_value} to {end_value} in {years} years. What doubling time in years "
                "does the rule of 72 give for its compound growth rate?",
            ),
            measure="doubling time by the rule of 72",
            quantity=YEARS,
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
    nominal_rate: float = rate_field("Nominal interest rate as a decimal.", [0.05, 0.08, 0.03, 0.12, 0.045])
    inflation_rate: float = rate_field("Inflation rate as a decimal.", [0.02, 0.06, 0.035, 0.1, 0.01])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Real interest rate by the exact Fisher equation (1+n)/(1+i) - 1 and by the approximation n - i.",
    outputs={
        "real_rate": Output(
            "number",
            "the real interest rate for a nominal rate of {nominal_rate} and inflation of {inflation_rate}",
            asks=(
                "What is the real interest rate for a nominal rate of {nominal_rate} and inflation of "
                "{inflation_rate}, by the exact Fisher equation? Give it as a fraction (0.01 = 1%).",
                "My deposit earns {nominal_rate} a year while inflation runs at {inflation_rate}. What real "
                "return do I get, as a fraction (0.01 = 1%)?",
            ),
            measure="real interest rate",
            quantity=FRACTION,
        ),
        "approximate_real_rate": Output(
            "number",
            "the approximate real rate for a nominal rate of {nominal_rate} and inflation of {inflation_rate}",
            quantity=FRACTION,
            askable=False,
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
    currency_code: str = currency_field(
        "ISO 4217 code of the amounts; results are rounded to its minor units (0 for JPY).",
        ["USD", "EUR", "JPY", "GBP", "CHF"],
    )
    payment: float = money("Payment per period.", [1000, 500, 2500, 100, 12000], unit=PRICE)
    rate: float = rate_field("Rate per period as a decimal.", [0.05, 0.04, 0.06, 0.01, 0.07])
    periods: int = years_field("Number of payments.", [10, 20, 5, 60, 25], unit=COUNT)


@tool(
    domain=DOMAIN,
    kind="processing",
    package="numpy-financial",
    description="Present value of an ordinary annuity and of an annuity due, and of a perpetuity paying the same "
    "amount.",
    outputs={
        "annuity_pv": Output(
            "number",
            "the present value of {periods} payments of {payment} {currency_code} at {rate} per period",
            asks=(
                "What is the present value of {periods} end-of-period payments of {payment} {currency_code:code} at "
                "{rate} per period?",
                "A contract pays {payment} {currency_code:code} at the end of each period for {periods} periods. What "
                "is it worth today at {rate} per period?",
            ),
            measure="present value",
            quantity=MONEY,
        ),
        "annuity_due_pv": Output(
            "number",
            "the present value of {periods} payments of {payment} {currency_code} in advance at {rate}",
            asks=(
                "What is the present value of {periods} payments of {payment} {currency_code:code}, each made at the "
                "start of its period, at {rate} per period?",
                "Rent of {payment} {currency_code:code} is paid in advance for {periods} periods. At {rate} per period"
                ", what is the stream worth today?",
            ),
            measure="present value",
            quantity=MONEY,
        ),
        "perpetuity_pv": Output(
            "number",
            "the value of a perpetuity of {payment} {currency_code} at {rate}, compared with {periods} payments",
            quantity=MONEY,
            askable=False,
        ),
    },
    examples=[{"currency_code": "USD", "payment": 1000, "rate": 0.05, "periods": 10}],
)
def annuity_value(p: Annuity) -> dict:
    import numpy_financial as npf

    if p.rate <= 0:
        raise ToolInputError("the rate must be positive for an annuity and a perpetuity")
    return {
        "annuity_pv": cur(-float(npf.pv(p.rate, p.periods, p.payment)), p),
        "annuity_due_pv": cur(-float(npf.pv(p.rate, p.periods, p.payment, when="begin")), p),
        "perpetuity_pv": cur(p.payment / p.rate, p),
    }


class Asset(BaseModel):
    currency_code: str = currency_field(
        "ISO 4217 code of the amounts; results are rounded to its minor units (0 for JPY).",
        ["USD", "EUR", "JPY", "GBP", "CHF"],
    )
    cost: float = money("Purchase cost of the asset.", [10000, 50000, 2500, 120000, 8000])
    salvage_value: float = Field(
        description="Value at the end of its useful life.",
        ge=0,
        le=1e12,
        allow_inf_nan=False,
        json_schema_extra=port("money_amount", quantity=MONEY, samples=[1000, 5000, 0, 20000, 500]),
    )
    life_years: int = years_field("Useful life in years.", [5, 10, 3, 20, 4])
    year: int = Field(
        description="Year of the asset's life to report (1 = first).",
        ge=1,
        le=100,
        json_schema_extra=port("count", quantity=ORDINAL, samples=[1, 3, 2, 10, 4]),
    )


_ASSET = "year {year} of an asset costing {cost} {currency_code} with salvage {salvage_value} over {life_years} years"


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Depreciation charge for one year by the straight-line, double-declining-balance (switching to "
    "straight line when that is larger, never below salvage) and sum-of-years'-digits methods.",
    outputs={
        "straight_line": Output(
            "number",
            f"the straight-line depreciation in {_ASSET}",
            asks=(
                "What is the straight-line depreciation charge in year {year} for an asset costing {cost} in "
                "{currency_code}, with a salvage value of {salvage_value} after {life_years} years?",
                "An asset bought for {cost} {currency_code:code} is worth {salvage_value} at the end of its "
                "{life_years}-year life. How much straight-line depreciation is booked in year {year}?",
            ),
            measure="depreciation charge",
            quantity=MONEY,
        ),
        "double_declining": Output(
            "number",
            f"the double-declining-balance depreciation in {_ASSET}",
            asks=(
                "By double-declining balance (switching to straight line when larger), how much does an asset "
                "costing {cost} {currency_code:code} with salvage {salvage_value} after {life_years} "
                "years lose in year "
                "{year}?",
                "A machine costs {cost} {currency_code:code}, lasts {life_years} years and is worth {salvage_value} at "
                "the end. How much does it depreciate in year {year} under the double-declining-balance method?",
            ),
            measure="depreciation charge",
            quantity=MONEY,
        ),
        "sum_of_years_digits": Output(
            "number",
            f"the sum-of-years'-digits depreciation in {_ASSET}",
            asks=(
                "By the sum-of-the-years'-digits method, what is the depreciation in year {year} of an asset costing "
                "{cost} {currency_code:code} with a salvage value of {salvage_value} after {life_years} years?",
                "A vehicle bought for {cost} {currency_code:code} will be worth {salvage_value} after {life_years} "
                "years. What sum-of-years'-digits depreciation falls in year {year}?",
            ),
            measure="depreciation charge",
            quantity=MONEY,
        ),
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
        "straight_line": cur(base / n, p),
        "double_declining": cur(ddb, p),
        "sum_of_years_digits": cur(base * (n - p.year + 1) / (n * (n + 1) / 2), p),
    }


_COSTS = "fixed costs {fixed_costs} {currency_code}, price {price_per_unit} and unit cost {variable_cost_per_unit}"


class BreakEven(BaseModel):
    currency_code: str = currency_field(
        "ISO 4217 code of the amounts; results are rounded to its minor units (0 for JPY).",
        ["USD", "EUR", "JPY", "GBP", "CHF"],
    )
    fixed_costs: float = money("Fixed costs per period.", [50000, 12000, 250000, 3000, 80000])
    price_per_unit: float = money("Selling price per unit.", [25, 9.99, 120, 4.5, 60], unit=PRICE)
    variable_cost_per_unit: float = Field(
        description="Variable cost per unit.",
        ge=0,
        le=1e9,
        allow_inf_nan=False,
        json_schema_extra=port("money_amount", quantity=PRICE, samples=[15, 4, 70, 1.5, 35]),
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
            asks=(
                "A product sells for {price_per_unit} and costs {variable_cost_per_unit} to make, with fixed costs "
                "of {fixed_costs}, all in {currency_code}. How many units must be sold to break even?",
                "How many units must I sell to cover fixed costs of {fixed_costs} {currency_code:code} if each sells "
                "for {price_per_unit} and costs {variable_cost_per_unit} to make?",
            ),
            measure="break-even volume",
            quantity=quantity("count", "ratio"),
        ),
        "break_even_revenue": Output(
            "number",
            f"the break-even revenue with {_COSTS}",
            asks=(
                "What revenue does a business need to break even with fixed costs of {fixed_costs}, a price of "
                "{price_per_unit} and a variable cost of {variable_cost_per_unit} per unit? Amounts are in "
                "{currency_code}.",
                "With fixed costs of {fixed_costs} {currency_code:code}, a selling price of "
                "{price_per_unit} and a unit "
                "cost of {variable_cost_per_unit}, how much must sales bring in to break even?",
            ),
            measure="break-even revenue",
            quantity=MONEY,
        ),
        "contribution_margin_ratio": Output(
            "number",
            f"the contribution margin ratio with {_COSTS}",
            asks=(
                "With fixed costs of {fixed_costs} {currency_code:code}, a price of {price_per_unit} and a variable "
                "cost of {variable_cost_per_unit} per unit, what fraction of each sale is contribution margin?",
                "My shop has fixed costs of {fixed_costs} {currency_code:code} and sells an item for {price_per_unit} "
                "that costs {variable_cost_per_unit} to make. What is the contribution margin ratio, as a decimal?",
            ),
            measure="contribution margin ratio",
            quantity=FRACTION,
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
        "break_even_revenue": cur(units * p.price_per_unit, p),
        "contribution_margin_ratio": round(margin / p.price_per_unit, 6),
    }


class SavingsGoal(BaseModel):
    currency_code: str = currency_field(
        "ISO 4217 code of the amounts; results are rounded to its minor units (0 for JPY).",
        ["USD", "EUR", "JPY", "GBP", "CHF"],
    )
    target: float = money("Amount to reach.", [100000, 20000, 1000000, 5000, 50000])
    annual_rate: float = rate_field("Annual return, compounded monthly, as a decimal.", [0.05, 0.03, 0.07, 0.02, 0.04])
    years: int = years_field("Years to save.", [10, 3, 30, 1, 5])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="numpy-financial",
    description="Monthly deposit needed to reach a savings target in a number of years at a monthly-compounded "
    "return (numpy_financial.pmt), and the interest that contributes.",
    outputs={
        "monthly_deposit": Output(
            "number",
            "the monthly deposit to reach {target} {currency_code} in {years} years at {annual_rate}",
            asks=(
                "How much must I deposit at the end of each month to reach {target} {currency_code:code} in {years} "
                "years at {annual_rate} a year, compounded monthly?",
                "I want to save {target} {currency_code:code} over {years} years, earning {annual_rate} a year "
                "compounded monthly. What deposit at the end of each month gets me there?",
                "What end-of-month saving reaches a goal of {target} {currency_code:code} after {years} years at an "
                "annual return of {annual_rate}, compounded monthly?",
            ),
            measure="monthly deposit",
            quantity=MONEY,
        ),
        "interest_earned": Output(
            "number",
            "the interest earned saving {target} {currency_code} in {years} years at {annual_rate}",
            asks=(
                "Saving at the end of each month toward {target} {currency_code:code} over {years} years at "
                "{annual_rate} a year, compounded monthly, how much of the goal comes from interest?",
                "If I reach {target} {currency_code:code} in {years} years with equal end-of-month deposits earning "
                "{annual_rate} a year compounded monthly, how much interest have I earned?",
            ),
            measure="interest earned",
            quantity=MONEY,
        ),
    },
    examples=[{"currency_code": "USD", "target": 100000, "annual_rate": 0.05, "years": 10}],
)
def savings_plan(p: SavingsGoal) -> dict:
    import numpy_financial as npf

    deposit = -float(npf.pmt(p.annual_rate / 12, p.years * 12, 0, p.target))
    return {"monthly_deposit": cur(deposit, p), "interest_earned": cur(p.target - deposit * p.years * 12, p)}


class TargetGrowth(BaseModel):
    present_value: float = money("Amount invested today.", [10000, 5000, 250000, 1000, 40000], unit=PLAIN_AMOUNT)
    target: float = money("Amount to reach.", [20000, 12000, 1000000, 1500, 100000], unit=PLAIN_AMOUNT)
    annual_rate: float = rate_field("Annual return as a decimal, compounded yearly.", [0.07, 0.05, 0.06, 0.03, 0.08])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="numpy-financial",
    description="Years for an investment to grow to a target at an annual return (log(target/pv)/log(1+r), as "
    "numpy_financial.nper with no payments), exact "
    "and rounded up to whole years.",
    outputs={
        "years": Output(
            "number",
            "the years for {present_value} to grow to {target} at {annual_rate}",
            asks=(
                "How many years does it take {present_value} to grow to {target} at {annual_rate} a year "
                ", compounded yearly?",
                "At an annual return of {annual_rate}, how long in years until an investment of "
                "{present_value} reaches {target}?",
            ),
            measure="time to reach the target",
            quantity=YEARS,
        ),
        "whole_years": Output(
            "count",
            "the whole years for {present_value} to reach {target} at {annual_rate}",
            asks=(
                "How many full years must {present_value} be invested at {annual_rate} a year before "
                "it reaches {target}?",
                "I have {present_value} and want {target}. Earning {annual_rate} a year, after how many "
                "whole years will I get there?",
            ),
            measure="whole years to reach the target",
            quantity=YEARS,
        ),
    },
    examples=[{"present_value": 10000, "target": 20000, "annual_rate": 0.07}],
)
def time_to_target(p: TargetGrowth) -> dict:
    if p.target <= p.present_value or p.annual_rate <= 0:
        raise ToolInputError("the target must exceed the present value and the rate must be positive")
    n = math.log(p.target / p.present_value) / math.log1p(p.annual_rate)  # npf.nper with no payments
    return {"years": round(n, 4), "whole_years": math.ceil(n - 1e-9)}
