"""Reading a model's stated answer: numbers with units, dates, booleans, lists and text, in the forms people write.

Every reader returns None for text it cannot read unambiguously; the reward (:mod:`reward`) then scores 0. The forms
accepted and refused are tabulated in docs/reward.md.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import unicodedata
from typing import Any

from tool_catalog.quantities import CURRENCY, UNIT_WORDS, _registry

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2032": "'", "\u00b4": "'"})
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-"})
_WRAPPERS = ("**", "__", "`", '"', "'")


def clean(text: str) -> str:
    """The answer without markdown emphasis, code ticks or quotes around it, and without a sentence's final period."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES).strip()
    changed = True
    while changed and text:
        changed = False
        for wrap in _WRAPPERS:
            if len(text) > 2 * len(wrap) and text.startswith(wrap) and text.endswith(wrap):
                text, changed = text[len(wrap) : -len(wrap)].strip(), True
        if text.endswith((".", "!")):
            text, changed = text[:-1].rstrip(), True
    return text


def fold_text(text: Any) -> str:
    """Text compared as people read it: case, spacing, accents, quote and dash styles do not count."""
    text = unicodedata.normalize("NFKC", clean(str(text))).translate(_DASHES).casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def fold_code(text: Any, case_sensitive: bool = False) -> str:
    """A code compared exactly after normalization: no spaces anywhere, letter case only where it carries meaning."""
    text = "".join(unicodedata.normalize("NFKC", clean(str(text))).translate(_DASHES).split())
    return text if case_sensitive else text.upper()


# --- booleans ---------------------------------------------------------------------------------------------------
_BOOLEANS = {"yes": True, "true": True, "no": False, "false": False}


def read_bool(value: Any) -> bool | None:
    """yes / no / true / false in any case (a JSON boolean as itself)."""
    if isinstance(value, bool):
        return value
    return _BOOLEANS.get(clean(str(value)).casefold())


# --- numbers ----------------------------------------------------------------------------------------------------
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_HEDGES = re.compile(r"^(?:approximately|approx\.?|about|around|roughly|~|≈)\s*", re.IGNORECASE)
_SYMBOLS = {"$": ("USD",), "US$": ("USD",), "€": ("EUR",), "£": ("GBP",), "¥": ("JPY", "CNY"), "₹": ("INR",)}
_SYMBOLS |= {"₩": ("KRW",), "₽": ("RUB",), "₺": ("TRY",), "₪": ("ILS",), "₱": ("PHP",), "₦": ("NGN",)}
_PREFIX = re.compile(r"^(?P<pre>US\$|[$€£¥₹₩₽₺₪₱₦]|[A-Z]{3}(?=\s*[-+\d.]))\s*")
_NUMBER = re.compile(
    r"(?P<sign>[-+])?\s*"
    r"(?P<int>\d{1,3}(?:(?P<sep>[,_\u2009\u202f\u00a0])\d{3})(?:(?P=sep)\d{3})*|\d+)?"
    r"(?:\.(?P<frac>\d+))?"
    r"(?:[eE](?P<e1>[-+]?\d+)"
    r"|\s*(?:[xX×*·⋅]|\\times|\\cdot)\s*10\s*(?:\^|\*\*)\s*\{?(?P<e2>[-+]?\d+)\}?"
    r"|\s*(?:[xX×*·⋅]|\\times|\\cdot)\s*10(?P<e3>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))?"
)
_HEMISPHERES = re.compile(r"^(?:°|degrees?|deg)?\s*(?P<h>[NSEW])$")


def read_number(value: Any) -> tuple[float, str] | None:
    """(value, unit text) of a stated number: a sign, thousands separated by commas, underscores or thin spaces in
    groups of three, a decimal point, an exponent (1.5e7, 1.5 × 10^7, 1.5x10⁷), then an optional unit or percent
    sign; a currency code or symbol may come first. None for anything else (a decimal comma, words, ranges)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return (float(value), "") if math.isfinite(float(value)) else None
    text = _HEDGES.sub("", clean(str(value)).translate(_DASHES))
    prefix = ""
    sign = ""
    if text[:1] in "-+" and _PREFIX.match(text[1:].lstrip()):  # -$5
        sign, text = text[0], text[1:].lstrip()
    found = _PREFIX.match(text)
    if found:
        prefix, text = found.group("pre"), text[found.end() :]
    match = _NUMBER.match(text)
    if match is None or not (match.group("int") or match.group("frac")):
        return None
    digits = (match.group("int") or "0").replace(match.group("sep") or "\0", "")
    exponent = int(match.group("e1") or match.group("e2") or (match.group("e3") or "0").translate(_SUPERSCRIPTS))
    number = float(f"{digits}.{match.group('frac') or '0'}e{exponent}")
    negative = (sign == "-") != (match.group("sign") == "-")
    rest = text[match.end() :].strip()
    if rest[:1] in tuple(",.0123456789/-"):
        return None  # a decimal comma (278,9), a second number, digits grouped irregularly (1,23)
    hemisphere = _HEMISPHERES.match(rest)
    if hemisphere and not prefix:
        return (-number if negative != (hemisphere.group("h") in "SW") else number), "degree"
    if prefix and rest:
        return None  # "$5 USD": one unit, please
    return (-number if negative else number), prefix or rest


def in_unit(number: float, unit_text: str, asked: str | None) -> float | None:
    """``number`` written with ``unit_text`` expressed in the ``asked`` unit, or None when the unit is not the asked
    one or a unit pint converts exactly into it. A bare number is read in the asked unit; a count, or an answer with
    no recorded unit, takes no unit; money takes its ISO code or symbol (no conversion between currencies)."""
    unit_text = unit_text.strip().rstrip(".").strip()
    if not unit_text:
        return number
    if asked is None or asked in ("count", "operand"):
        return None
    money = CURRENCY.match(asked)
    if money:
        code = money.group(1)
        return number if unit_text.upper() == code or code in _SYMBOLS.get(unit_text, ()) else None
    words = UNIT_WORDS.get(asked)
    if words and fold_text(unit_text) == fold_text(words):
        return number
    if unit_text in ("%", "percent", "per cent", "pct"):
        unit_text = "percent"
    if asked == "dimensionless" and unit_text not in ("percent", "‰", "permille"):
        return None  # a pure number takes a percent sign at most ("5%" for 0.05)
    try:
        target = _registry().parse_units(asked)
        for unit in _units(unit_text):  # "AU" is pint's absorbance unit, "au" the astronomical one
            if unit.dimensionality == target.dimensionality:
                return float(_registry().Quantity(number, unit).to(target).magnitude)
    except Exception:  # pint raises several error types for units it cannot relate
        return None
    return None


def _units(text: str) -> list[Any]:
    """The pint units ``text`` may name: as written, in lower case, with its words joined ("astronomical units")."""
    registry = _registry()
    units = []
    for candidate in dict.fromkeys((text, text.lower(), "_".join(text.lower().split()))):
        try:
            units.append(registry.parse_units(candidate))
        except Exception:  # pint's UndefinedUnitError, DefinitionSyntaxError, AttributeError ...
            continue
    return units


# --- dates ------------------------------------------------------------------------------------------------------
_MONTHS = {
    name: number
    for number, full in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
         "november", "december"),
        start=1,
    )
    for name in (full, full[:3], full[:4] if full == "september" else full[:3])
}  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_MONTH = r"(?P<month>[a-z]+)\.?"
_YEAR = r"(?P<year>\d{4})"
_DATE_FORMS = (
    re.compile(r"(?P<year>\d{4})([-/.])(?P<month>\d{1,2})\2(?P<day>\d{1,2})"),  # 2025-01-10, 2025/01/10
    re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}"),  # January 10, 2025
    re.compile(rf"{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}"),  # 10 January 2025
    re.compile(rf"{_DAY}-{_MONTH}-{_YEAR}"),  # 10-Jan-2025
)


def read_date(value: Any) -> dt.date | None:
    """A calendar date written year first in digits (2025-01-10, 2025/01/10) or with the month in words (January 10,
    2025; 10 January 2025; 10 Jan 2025), optionally with its weekday, which must then be right. Day/month orders in
    digits only (01/10/2025) are ambiguous and read as nothing."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = clean(str(value)).casefold()
    weekdays: set[str] = set()
    for day in _WEEKDAYS:
        for name in (day, day[:3]):
            pattern = rf"^{name}\.?,?\s+|\s*\({name}\)$|,?\s+{name}$"
            if re.search(pattern, text):
                weekdays.add(day)
                text = re.sub(pattern, "", text).strip()
    for form in _DATE_FORMS:
        match = form.fullmatch(text)
        if match is None:
            continue
        month = match.group("month")
        month_number = int(month) if month.isdigit() else _MONTHS.get(month)
        if month_number is None:
            return None
        try:
            date = dt.date(int(match.group("year")), month_number, int(match.group("day")))
        except ValueError:
            return None
        if len(weekdays) > 1 or (weekdays and _WEEKDAYS[date.weekday()] not in weekdays):
            return None
        return date
    return None


def is_iso_date(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None


# --- lists ------------------------------------------------------------------------------------------------------
_ORDER_WORDS = (
    r"highest|lowest|largest|smallest|biggest|greatest|nearest|closest|farthest|furthest|earliest|latest|oldest|"
    r"newest|longest|shortest|most|least|first|last|top|bottom|parent"
)
_ASKS_ORDER = re.compile(
    rf"\b(?:{_ORDER_WORDS})\s+first\b"
    r"|\bin\s+(?:\w+\s+)?order\b|\b(?:alphabetical(?:ly)?|ascending|descending|chronological(?:ly)?)\b"
    r"|\b(?:sorted|ordered|ranked)\b|^\s*(?:\w+,\s+)?rank\b"
    rf"|\bfrom\s+(?:the\s+|its\s+|their\s+)?(?:{_ORDER_WORDS})\b.{{0,40}}?\bto\b",
    re.IGNORECASE,
)


def asks_order(question: str) -> bool:
    """Whether a question asks for its list in an order ("highest first", "in alphabetical order", "from its parent
    up to its chapter", "Rank ..."); otherwise a list answer is a set."""
    return any(_ASKS_ORDER.search(sentence) for sentence in re.split(r"(?<=[.?!])\s+", question))


def read_lists(value: Any) -> list[list[Any]]:
    """The ways a stated list can be read: a JSON-like list, or items separated by semicolons, by commas followed
    by a space, by commas, with an "and" before the last item. Each reading is tried by the reward."""
    if isinstance(value, list):
        return [value]
    text = clean(str(value))
    readings: list[list[Any]] = []
    try:
        parsed = json.loads(text)
        if isinstance(parsed, list):
            readings.append(parsed)
    except json.JSONDecodeError:
        pass
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    for separator in (r"\s*;\s*", r",\s+", r"\s*,\s*", r"\s+and\s+"):
        parts = [p.strip() for p in re.split(separator, text) if p.strip()]
        if not parts:
            continue
        parts[-1] = re.sub(r"^(?:and|&)\s+", "", parts[-1])
        last = [p for p in re.split(r"\s+(?:and|&)\s+", parts[-1]) if p.strip()]
        for split in (parts, parts[:-1] + last):  # "a, b and c"
            items = [p.strip("\"'`").strip() for p in split]
            if items not in readings:
                readings.append(items)
    return readings
