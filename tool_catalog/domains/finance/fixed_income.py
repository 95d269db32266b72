"""Bonds and money-market instruments: the price, durations and yield of a plain fixed-coupon bond, interest
accrued under the day-count conventions (ACT/360, ACT/365, US 30/360, ACT/ACT ISDA), and Treasury-bill yields."""

from __future__ import annotations

import calendar as cal
import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from tool_catalog.domains.finance.common import (
    DAYS,
    DOMAIN,
    FRACTION,
    PLAIN_AMOUNT,
    YEARS,
    date_field,
    money,
    parse_date,
    rate_field,
    span,
    years_field,
)
from tool_catalog.ports import port
from tool_catalog.quantities import quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError


class Bond(BaseModel):
    face_value: float = money("Face (par) value.", [1000, 100, 1000, 5000, 100], unit=PLAIN_AMOUNT)
    coupon_rate: float = rate_field("Annual coupon rate as a decimal.", [0.05, 0.03, 0.08, 0.0, 0.045])
    yield_rate: float = rate_field("Annual yield to maturity as a decimal.", [0.06, 0.025, 0.07, 0.04, 0.05])
    years: int = years_field("Years to maturity.", [10, 5, 20, 2, 30])
    frequency: Literal[1, 2, 4, 12] = Field(
        description="Coupons per year: 1, 2, 4 or 12.",
        json_schema_extra=port("count", quantity=quantity("1/year"), samples=[2, 4, 12, 2, 4]),
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
        "price": Output(
            "number",
            f"the price of {_BOND}",
            asks=(
                "What is the price of a {years}-year bond with face value {face_value}, a coupon rate of "
                "{coupon_rate} paid {frequency} times a year, and a yield of {yield_rate}?",
                "A {years}-year bond with face value {face_value} pays a coupon rate of {coupon_rate} in {frequency} "
                "instalments a year. What is it worth at a yield of {yield_rate}?",
                "At a yield of {yield_rate}, how much should I pay for a {years}-year bond with face value "
                "{face_value} and a coupon rate of {coupon_rate}, paid {frequency} times a year?",
            ),
            measure="bond price",
            quantity=PLAIN_AMOUNT,
        ),
        "macaulay_duration": Output(
            "number",
            f"the Macaulay duration in years of {_BOND}",
            asks=(
                "What is the Macaulay duration in years of a {years}-year bond with face value {face_value}, coupon "
                "rate {coupon_rate} paid {frequency} times a year and yield {yield_rate}?",
                "A {years}-year bond with face value {face_value} pays {coupon_rate} a year in {frequency} coupons "
                "and yields {yield_rate}. What is its Macaulay duration in years?",
            ),
            measure="Macaulay duration",
            quantity=YEARS,
        ),
        "modified_duration": Output(
            "number",
            f"the modified duration of {_BOND}",
            asks=(
                "What is the modified duration of a {years}-year bond with face value {face_value}, a coupon rate of "
                "{coupon_rate} paid {frequency} times a year and a yield of {yield_rate}?",
                "How rate-sensitive is a {years}-year bond with face value {face_value}, coupon rate {coupon_rate} "
                "({frequency} coupons a year) and yield {yield_rate}? Give its modified duration.",
            ),
            measure="modified duration",
            quantity=YEARS,
        ),
        "at_premium": Output(
            "boolean",
            f"whether {_BOND} trades above par",
            asks=(
                "Does a {years}-year bond with face value {face_value} and a coupon rate of {coupon_rate}, paid "
                "{frequency} times a year, trade above par at a yield of {yield_rate}?",
                "Is it true that a {years}-year bond with face value {face_value}, coupon rate {coupon_rate} "
                "({frequency} coupons a year) and yield {yield_rate} is priced at a premium?",
            ),
            askable=False,  # a coupon above the yield means a premium: fixed by the stated rates, no tool needed
        ),
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
    price: float = money("Market price of the bond.", [950, 102.5, 880, 4900, 100], unit=PLAIN_AMOUNT)
    face_value: float = money("Face (par) value.", [1000, 100, 1000, 5000, 100], unit=PLAIN_AMOUNT)
    coupon_rate: float = rate_field("Annual coupon rate as a decimal.", [0.05, 0.03, 0.08, 0.0, 0.045])
    years: int = years_field("Years to maturity.", [10, 5, 20, 2, 30])
    frequency: Literal[1, 2, 4, 12] = Field(
        description="Coupons per year: 1, 2, 4 or 12.",
        json_schema_extra=port("count", quantity=quantity("1/year"), samples=[2, 4, 12, 2, 4]),
    )


_YTM = "a {years}-year bond priced {price} with face {face_value}, coupon {coupon_rate} and {frequency} coupons a year"


@tool(
    domain=DOMAIN,
    kind="processing",
    package="scipy",
    description="Yield to maturity of a plain fixed-coupon bond from its price (solved with Brent's method) and its "
    "current yield (annual coupon over price).",
    outputs={
        "yield_to_maturity": Output(
            "number",
            f"the annual yield to maturity of {_YTM}",
            asks=(
                "A {years}-year bond with face value {face_value} and coupon rate {coupon_rate}, paid "
                "{frequency} times a year, costs {price}. What is its yield to maturity, as a fraction?",
                "What yield to maturity does a bond priced at {price} earn, with face value {face_value}, a coupon "
                "rate of {coupon_rate} paid {frequency} times a year and {years} years left?",
                "I can buy a {years}-year bond for {price}, with face value {face_value} and a coupon rate of "
                "{coupon_rate} paid {frequency} times a year. What annual yield do I lock in?",
            ),
            measure="yield to maturity",
            quantity=FRACTION,
        ),
        "current_yield": Output(
            "number",
            f"the current yield of {_YTM}",
            asks=(
                "What is the current yield of a {years}-year bond priced at {price} with face value {face_value} and "
                "a coupon rate of {coupon_rate}, paid {frequency} times a year?",
                "A bond costs {price}, has a face value of {face_value}, {years} years to run and a coupon rate of "
                "{coupon_rate} paid {frequency} times a year. What is its current yield, as a "
                "fraction?",
            ),
            measure="current yield",
            quantity=FRACTION,
        ),
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
    principal: float = money("Principal or face amount.", [1000000, 10000, 250000, 5000000, 100], unit=PLAIN_AMOUNT)
    annual_rate: float = rate_field("Annual rate as a decimal.", [0.05, 0.035, 0.08, 0.0125, 0.06])
    start_date: str = date_field(
        "Accrual start date (YYYY-MM-DD).", ["2024-01-15", "2023-03-31", "2024-02-28", "2025-01-01", "2020-06-30"]
    )
    end_date: str = date_field(
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
        "year_fraction": Output(
            "number",
            f"the year fraction for {_ACCRUAL}",
            asks=(
                "Interest on {principal} at {annual_rate} a year accrues from {start_date} to "
                "{end_date} with the day count {basis}. What year fraction is used?",
                "What fraction of a year does the day count {basis} give from {start_date} to {end_date}, for "
                "{principal} lent at {annual_rate} a year?",
            ),
            measure="year fraction",
            quantity=YEARS,
        ),
        "interest": Output(
            "number",
            f"the simple interest accrued on {_ACCRUAL}",
            asks=(
                "How much simple interest accrues on {principal} at {annual_rate} a year from "
                "{start_date} to {end_date}, with the day count {basis}?",
                "A deposit of {principal} earns {annual_rate} a year. Using day count {basis}, how "
                "much interest accrues between {start_date} and {end_date}?",
            ),
            measure="accrued interest",
            quantity=PLAIN_AMOUNT,
        ),
        "calendar_days": Output("count", f"the calendar days of accrual for {_ACCRUAL}", quantity=DAYS, askable=False),
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
    start, end = span(p)
    fraction = _year_fraction(start, end, p.basis)
    return {
        "year_fraction": round(fraction, 8),
        "interest": round(p.principal * p.annual_rate * fraction, 2),
        "calendar_days": (end - start).days,
    }


class TBill(BaseModel):
    face_value: float = money("Face value of the bill.", [1000, 10000, 100, 1000000, 5000], unit=PLAIN_AMOUNT)
    price: float = money("Purchase price.", [990, 9850, 98.5, 995000, 4950], unit=PLAIN_AMOUNT)
    settlement_date: str = date_field(
        "Settlement date (YYYY-MM-DD).", ["2024-01-15", "2023-06-01", "2024-03-01", "2025-02-03", "2020-09-14"]
    )
    maturity_date: str = date_field(
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
        "discount_yield": Output(
            "number",
            f"the bank discount yield of {_TBILL}",
            asks=(
                "A Treasury bill with face value {face_value} is bought for {price} on {settlement_date} and matures "
                "on {maturity_date}. What is its bank discount yield, as a decimal fraction?",
                "What bank discount yield (ACT/360 on face value) does a bill with face value {face_value} give if "
                "bought at {price} on {settlement_date}, maturing on {maturity_date}?",
            ),
            measure="bank discount yield",
            quantity=FRACTION,
        ),
        "money_market_yield": Output(
            "number",
            f"the money-market yield of {_TBILL}",
            asks=(
                "A Treasury bill with face value {face_value} is bought for {price} on {settlement_date} and matures "
                "on {maturity_date}. What is its money-market yield, as a decimal fraction?",
                "What money-market yield (ACT/360 on the price paid) does a bill with face value {face_value} give "
                "if bought at {price} on {settlement_date}, maturing on {maturity_date}? Give it as a decimal "
                "fraction.",
            ),
            measure="money-market yield",
            quantity=FRACTION,
        ),
        "bond_equivalent_yield": Output(
            "number",
            f"the bond-equivalent yield of {_TBILL}",
            asks=(
                "A Treasury bill with face value {face_value} is bought for {price} on {settlement_date} and matures "
                "on {maturity_date}. What is its bond-equivalent yield (ACT/365 on the price), as a decimal "
                "fraction?",
                "I paid {price} on {settlement_date} for a bill that repays {face_value} on {maturity_date}. What "
                "bond-equivalent yield is that, as a fraction?",
            ),
            measure="bond-equivalent yield",
            quantity=FRACTION,
        ),
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
    start = parse_date(p.settlement_date, "settlement_date")
    end = parse_date(p.maturity_date, "maturity_date")
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
