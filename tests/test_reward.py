"""The RL reward: every equivalent form of a gold answer the question allows scores 1, anything else 0.

Property-based over every answer type (generated gold answers rendered in each accepted form; perturbed values
beyond tolerance, wrong units, wrong sets), plus the forms named in issue 25 and the records that carry what the
reward needs (tolerance kind, asked unit, list order)."""

from __future__ import annotations

import datetime as dt
import math
import random

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dive_assets.synthesis.answer_forms import asks_order, read_date, read_number
from dive_assets.synthesis.derivation import derive_task
from dive_assets.synthesis.realize import answer_form
from dive_assets.synthesis.reward import extract_answer, is_correct, number_tolerance, score, score_row, within
from dive_assets.synthesis.verification import verify_task
from tests.test_list_fan_in import TOOLS, _airports, _trace
from tool_catalog import get_tool
from tool_catalog.quantities import UNIT_WORDS

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MAGNITUDES = st.floats(min_value=1e-9, max_value=1e13, allow_nan=False, allow_infinity=False)
SIGNED = st.builds(lambda m, neg: -m if neg else m, MAGNITUDES, st.booleans())
UNITS = ["K", "km", "ft", "g/mol", "keV", "mPa*s", "Da", "percent", "kg/m**3", "degC", "hour"]


def reply(answer: str) -> str:
    return f"I called the tools.\nThe final answer is: {answer}."


def correct(answer: str, truth: object, answer_type: str, **key: object) -> bool:
    tolerance = key.pop("tolerance", None)
    return score(reply(answer), truth, answer_type, tolerance, **key).correct == 1.0  # type: ignore[arg-type]


def grouped(text: str, separator: str) -> str:
    """``text`` (digits, a point, digits) with its whole part in groups of three."""
    sign = "-" if text.startswith("-") else ""
    whole, _, frac = text.lstrip("-").partition(".")
    groups = f"{int(whole):,}".replace(",", separator)
    return sign + groups + (f".{frac}" if frac else "")


def scientific(value: float, times: str) -> str:
    mantissa, exponent = f"{value:.12e}".split("e")
    return f"{mantissa.rstrip('0').rstrip('.')}{times}10^{int(exponent)}"


# --- numbers ----------------------------------------------------------------------------------------------------
@SETTINGS
@given(SIGNED, st.sampled_from(UNITS))
def test_every_accepted_form_of_a_number_scores_1(value: float, unit: str) -> None:
    text, tolerance, kind, _ = answer_form(value, "number")
    key = {"tolerance": tolerance, "tolerance_kind": kind, "unit": unit}
    assert correct(text, value, "number", **key)
    assert correct(repr(value), value, "number", **key)  # more places than asked
    if "e" not in text:
        for separator in (",", "_", "\u2009", "\u202f"):
            assert correct(grouped(text, separator), value, "number", **key), grouped(text, separator)
    for times in ("e", " × ", "x", "*", " \\times "):
        form = scientific(value, times) if times != "e" else f"{value:.15e}"
        assert correct(form, value, "number", **key), form
    suffix = "%" if unit == "percent" else (UNIT_WORDS.get(unit) or unit)
    for form in (f"{text} {suffix}", f"{text}{suffix}" if unit in ("percent", "K", "km") else f"{text} {unit}"):
        assert correct(form, value, "number", **key), form
    assert correct(f"**{text}**", value, "number", **key)


@SETTINGS
@given(SIGNED, st.sampled_from(UNITS), st.floats(min_value=1.5, max_value=1e3))
def test_a_number_beyond_its_tolerance_scores_0(value: float, unit: str, factor: float) -> None:
    _, tolerance, kind, _ = answer_form(value, "number")
    assert tolerance is not None and kind == "relative"
    off = value + math.copysign(factor * tolerance * abs(value), value)
    assume(off != value and math.isfinite(off))
    assert not correct(repr(off), value, "number", tolerance=tolerance, tolerance_kind=kind, unit=unit)


@SETTINGS
@given(MAGNITUDES, st.sampled_from(["kg", "s", "mol", "m**2"]))
def test_a_unit_of_another_dimension_or_a_unit_on_a_count_scores_0(value: float, wrong: str) -> None:
    text, tolerance, kind, _ = answer_form(value, "number")
    assert correct(text, value, "number", tolerance=tolerance, tolerance_kind=kind, unit="km")
    assert not correct(f"{text} {wrong}", value, "number", tolerance=tolerance, tolerance_kind=kind, unit="km")
    assert not correct(f"{text} km", value, "number", tolerance=tolerance, tolerance_kind=kind, unit=None)


@SETTINGS
@given(st.floats(min_value=1e-3, max_value=1e6))
def test_a_convertible_unit_is_converted_exactly(value: float) -> None:
    _, tolerance, kind, _ = answer_form(value, "number")
    key = {"tolerance": tolerance, "tolerance_kind": kind}
    assert correct(f"{value * 1000!r} m", value, "number", unit="km", **key)
    assert not correct(f"{value!r} m", value, "number", unit="km", **key)  # the number of the asked unit, mislabelled
    kelvin = value + 273.15
    assert correct(f"{value!r} °C", kelvin, "number", tolerance=1e-9, tolerance_kind="relative", unit="K")
    assert not correct(f"{kelvin!r} °C", kelvin, "number", tolerance=1e-9, tolerance_kind="relative", unit="K")


@SETTINGS
@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_integers_are_exact_in_every_form(value: int) -> None:
    assert correct(str(value), value, "integer")
    assert correct(grouped(str(value), ","), value, "integer")
    assert correct(f"{value:.15e}", value, "integer")
    assert correct(str(value), str(value), "integer")  # a gold of digits kept as a string
    for wrong in (value + 1, value - 1):
        assert not correct(str(wrong), value, "integer")
    assert not correct(f"{value}.5", value, "integer")


@SETTINGS
@given(st.integers(min_value=1, max_value=10**6), st.sampled_from(["EUR", "USD", "GBP", "JPY"]))
def test_money_takes_its_own_currency_only(cents: int, code: str) -> None:
    value = cents / 100
    symbol = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥"}[code]
    key = {"tolerance": 1e-4, "tolerance_kind": "relative", "unit": f"currency:{code}"}
    for form in (f"{value:.2f}", f"{value:,.2f} {code}", f"{code} {value:.2f}", f"{symbol}{value:,.2f}",
                 f"{value:.2f} {code.lower()}"):  # fmt: skip
        assert correct(form, value, "number", **key), form
    other = "CHF" if code != "CHF" else "EUR"
    assert not correct(f"{value:.2f} {other}", value, "number", **key)
    assert not correct(f"{value:.2f} kg", value, "number", **key)


# --- dates, booleans, codes and text ----------------------------------------------------------------------------
@SETTINGS
@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_every_accepted_form_of_a_date_scores_1(date: dt.date) -> None:
    gold = date.isoformat()
    month, short = date.strftime("%B"), date.strftime("%b")
    forms = [gold, f"{month} {date.day}, {date.year}", f"{date.day} {month} {date.year}",
             f"{date.day} {short} {date.year}", f"{date.year}/{date.month:02d}/{date.day:02d}",
             f"{date.strftime('%A')}, {month} {date.day}, {date.year}", f"{month.upper()} {date.day}, {date.year}",
             f"{short}. {date.day}, {date.year}"]  # fmt: skip
    for form in forms:
        assert correct(form, gold, "date"), form
    assert not correct((date + dt.timedelta(days=1)).isoformat(), gold, "date")
    wrong_day = _WEEKDAYS[(date.weekday() + 1) % 7]
    assert not correct(f"{wrong_day}, {month} {date.day}, {date.year}", gold, "date")
    assert not correct(f"{date.month:02d}/{date.day:02d}/{date.year}", gold, "date")  # ambiguous digits
    assert not correct(f"{date.day:02d}/{date.month:02d}/{date.year}", gold, "date")


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@SETTINGS
@given(st.booleans(), st.sampled_from(["yes", "true", "no", "false"]), st.randoms(use_true_random=False))
def test_booleans_in_any_case(gold: bool, word: str, rng: random.Random) -> None:
    cased = "".join(c.upper() if rng.random() < 0.5 else c for c in word)
    assert correct(cased, gold, "boolean") == ((word in ("yes", "true")) == gold)
    assert correct(cased, "yes" if gold else "no", "boolean") == ((word in ("yes", "true")) == gold)
    assert not correct("maybe", gold, "boolean")


CODES = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-./", min_size=2, max_size=12).filter(
    lambda s: any(c.isalpha() for c in s) and not s.endswith(".")
)  # a final period is the sentence's, on either side
TEXT = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzéô'", min_size=1, max_size=8), min_size=1, max_size=4)


@SETTINGS
@given(CODES, st.randoms(use_true_random=False))
def test_codes_are_exact_after_normalization(code: str, rng: random.Random) -> None:
    mangled = "".join(c.lower() if rng.random() < 0.5 else c for c in code)
    assert correct(f"  {mangled} ", code, "code")
    assert correct(f"`{code}`", code, "code")
    assert not correct(code + "X", code, "code")
    assert not correct(code[:-1], code, "code")
    assume(mangled != code)
    assert not correct(mangled, code, "code", tolerance_kind="exact_case")  # SMILES, formulas, element symbols
    assert correct(code, code, "code", tolerance_kind="exact_case")


@SETTINGS
@given(TEXT, st.randoms(use_true_random=False))
def test_text_ignores_case_spacing_and_accents(words: list[str], rng: random.Random) -> None:
    gold = " ".join(words).strip()
    assume(gold.strip(".'"))
    spaced = "  ".join(w.upper() if rng.random() < 0.5 else w for w in words)
    assert correct(spaced, gold, "string")
    plain = gold.replace("é", "e").replace("ô", "o")
    assert correct(plain, gold, "string")
    assert not correct(gold + " extra", gold, "string")


# --- lists ------------------------------------------------------------------------------------------------------
ITEMS = st.lists(st.from_regex(r"[A-Z][a-z]{1,5}[0-9]?", fullmatch=True), min_size=1, max_size=6, unique=True)


@SETTINGS
@given(ITEMS, st.randoms(use_true_random=False))
def test_a_set_in_any_order_an_order_only_as_asked(items: list[str], rng: random.Random) -> None:
    shuffled = items[:]
    rng.shuffle(shuffled)
    for text in (", ".join(shuffled), "; ".join(shuffled), str(shuffled).replace("'", '"')):
        assert correct(text, items, "list", ordered=False), text
    if len(shuffled) > 1:
        assert correct(", ".join(shuffled[:-1]) + " and " + shuffled[-1], items, "list", ordered=False)
    assert correct(", ".join(items), items, "list", ordered=True)
    assert correct(", ".join(shuffled), items, "list", ordered=True) == (shuffled == items)
    assert not correct(", ".join(items[:-1]) or "nothing", items, "list", ordered=False)  # one missing
    assert not correct(", ".join([*items, "Zzz9"]), items, "list", ordered=False)  # one extra
    assert not correct(", ".join([*items[:-1], items[0]]), items, "list", ordered=False) or len(items) == 1


@SETTINGS
@given(st.lists(st.integers(min_value=-(10**7), max_value=10**7), min_size=1, max_size=5, unique=True))
def test_lists_of_numbers_and_dates_compare_by_value(numbers: list[int]) -> None:
    assert correct(", ".join(f"{n:,}" for n in reversed(numbers)), numbers, "list")
    assert not correct(", ".join(str(n + 1) for n in numbers), numbers, "list")
    dates = [dt.date(2025, 1, 1) + dt.timedelta(days=abs(n) % 3000) for n in numbers]
    assume(len(set(dates)) == len(dates))
    gold = [d.isoformat() for d in dates]
    assert correct("; ".join(f"{d:%B} {d.day}, {d.year}" for d in dates), gold, "list")


# --- the forms of issue 25 --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("answer", "truth", "answer_type", "key"),
    [
        ("278.9 K", 278.94, "number", {"unit": "K"}),
        ("278.9 kelvin", 278.94, "number", {"unit": "K"}),
        ("142,180,148.4", 142180148.4, "number", {}),
        ("-130.2064%", -130.2064, "number", {"unit": "percent"}),
        ("-130.2064 percent", -130.2064, "number", {"unit": "percent"}),
        ("1.5e7", 15000000, "integer", {}),
        ("1.5 × 10^7", 15000000.0, "number", {}),
        ("1.5x10^7", 15000000.0, "number", {}),
        ("January 10, 2025", "2025-01-10", "date", {}),
        ("10 Jan 2025", "2025-01-10", "date", {}),
        ("2025/01/10", "2025-01-10", "date", {}),
        ("YES", True, "boolean", {}),
        ("  london  HEATHROW airport ", "London Heathrow Airport", "string", {}),
        ("CviKI_1, AluI", ["AluI", "CviKI_1"], "list", {}),
        ("5%", 0.05, "number", {"unit": "dimensionless"}),
        ("51.4706° N", 51.4706, "number", {"unit": "degree"}),
        ("0.4619° W", -0.4619, "number", {"unit": "degree"}),
        ("$1,234.50", 1234.5, "number", {"unit": "currency:USD"}),
    ],
)
def test_the_forms_of_the_issue_score_1(answer: str, truth: object, answer_type: str, key: dict) -> None:
    if answer_type == "number" and isinstance(truth, float):
        _, tolerance, kind, _ = answer_form(truth, "number")
        key = {"tolerance": tolerance, "tolerance_kind": kind, **key}
    assert correct(answer, truth, answer_type, **key)


@pytest.mark.parametrize(
    ("answer", "truth", "answer_type", "key"),
    [
        ("0.0051", 0.0050031, "number", {"tolerance": 1e-3, "tolerance_kind": "relative"}),  # 1.9% off
        ("0.0051", 0.0050031, "number", {"tolerance": 1e-3}),  # a tolerance of no kind is relative
        ("279.0", 278.94, "number", {"tolerance": 0.05 / 278.94, "unit": "K"}),  # not 278.94 to one decimal
        ("278.9 °C", 278.94, "number", {"tolerance": 0.05 / 278.94, "unit": "K"}),
        ("278.9 kg", 278.94, "number", {"tolerance": 0.05 / 278.94, "unit": "K"}),
        ("278,9", 278.9, "number", {"tolerance": 1e-4}),  # a decimal comma reads as nothing
        ("-1.302064", -130.2064, "number", {"tolerance": 1e-4, "unit": "percent"}),  # a bare number is in percent
        ("5 USD", 5.0, "number", {"tolerance": 1e-4, "unit": "currency:EUR"}),
        ("42 airports", 42, "integer", {"unit": None}),
        ("01/10/2025", "2025-01-10", "date", {}),
        ("Thursday, January 10, 2025", "2025-01-10", "date", {}),  # 10 January 2025 was a Friday
        ("C1CCCCC1", "c1ccccc1", "code", {"tolerance_kind": "exact_case"}),  # cyclohexane is not benzene
        ("AluI, CviKI_1", ["CviKI_1", "AluI"], "list", {"ordered": True}),
        ("AluI, AluI", ["AluI", "CviKI_1"], "list", {}),
        ("yes and no", True, "boolean", {}),
    ],
)
def test_wrong_or_ambiguous_forms_score_0(answer: str, truth: object, answer_type: str, key: dict) -> None:
    assert not correct(answer, truth, answer_type, **key)


def test_relative_and_absolute_tolerances_are_separate() -> None:
    assert within(0.00500, 0.0050031, "relative", 1e-3)
    assert not within(0.0051, 0.0050031, "relative", 1e-3)
    assert within(0.00005, 0.0, "absolute", 1e-4) and not within(0.0002, 0.0, "absolute", 1e-4)
    assert not within(1e-12, 0.0, "relative", 1e-4)  # a relative tolerance fits no gold of zero
    assert number_tolerance(0.0) == (1e-4, "absolute")
    assert number_tolerance(278.94, decimals=1) == (pytest.approx(0.05 / 278.94), "relative")


def test_the_reward_format_term_and_extraction() -> None:
    assert extract_answer("The final answer is: **Japan**.") == "**Japan**"
    assert score(reply("**Japan**"), "Japan", "string").total == pytest.approx(1.1)
    assert score(reply("China"), "Japan", "string").total == pytest.approx(0.1)
    assert score("Japan", "Japan", "string").total == 0.0
    with pytest.raises(ValueError, match="unknown tolerance kind"):
        is_correct("1", 1, "number", 1e-4, "fuzzy")


def test_score_row_reads_an_rl_row_a_table_row_and_a_task() -> None:
    row = {"ground_truth": "278.94", "answer_type": "number", "tolerance": 0.05 / 278.94,
           "tolerance_kind": "relative", "answer_unit": "K", "ordered": None}  # fmt: skip
    assert score_row(reply("278.9 K"), row).correct == 1.0
    assert score_row(reply("278.9 kg"), row).correct == 0.0
    table_row = {"answer": '["a", "b"]', "answer_type": "list", "tolerance": None, "ordered": True}
    assert score_row(reply("a, b"), table_row).correct == 1.0
    assert score_row(reply("b, a"), table_row).correct == 0.0


@pytest.mark.parametrize(
    ("question", "ordered"),
    [
        ("Rank 2024, 2025 and 2018 by number of weekdays the exchange is closed, highest first.", True),
        ("List the ancestors of ICD-10-CM code E75.01, from its parent up to its chapter.", True),
        ("Which airports lie within 50 km of 51.5, -0.1? List their IATA codes, nearest first.", True),
        ("List the strings in alphabetical order.", True),
        ("List the countries where 15 September 2008 is a public holiday, by ISO 3166-1 alpha-2 code.", False),
        ("List the holidays from 1 January to 31 March.", False),
        ("Which restriction enzymes cut the DNA sequence CATGG? List them.", False),
    ],
)
def test_a_question_asks_for_an_order_or_a_set(question: str, ordered: bool) -> None:
    assert asks_order(question) is ordered


def test_readers_refuse_what_they_cannot_read() -> None:
    assert read_number("about 5") == (5.0, "")
    assert read_number("five") is None and read_number("1,23") is None and read_number("3/4") is None
    assert read_date("2025-02-30") is None and read_date("Smarch 3, 2025") is None


# --- the records carry what the reward needs; verification stays exact -------------------------------------------
def test_tasks_record_the_tolerance_kind_unit_and_order_and_replay_stays_exact() -> None:
    steps, _ = _airports(["LHR", "LGW", "STN"])
    trace = _trace(steps)
    task = derive_task(trace, TOOLS, random.Random(0), "test")
    tool = get_tool(steps[task.answer_step].tool_name)
    port = tool.outputs[task.answer_field].port
    assert task.tolerance_kind in ("relative", "absolute", "exact", "exact_case")
    if task.answer_type == "number":
        assert task.tolerance is not None and task.tolerance_kind in ("relative", "absolute")
        declared = tool.outputs[task.answer_field].resolved_quantity()
        assert task.answer_unit == (declared.unit if declared and declared.unit != "count" else None), port
    assert score_row(reply(task.answer_text), task).correct == 1.0
    assert all(c.passed for c in verify_task(task, trace, TOOLS, 10.0))
    if task.answer_type == "number":  # an answer the reward accepts is still no replay of the tools
        nudged = task.model_copy(update={"answer": task.answer * (1 + 1e-6) + 1e-6})
        replay = next(c for c in verify_task(nudged, trace, TOOLS, 10.0) if c.check_name == "replay")
        assert not replay.passed
