"""Language & time tools: examples run offline, known facts hold, seeds are valid, hostile input is refused."""

from __future__ import annotations

import pytest

from tool_catalog import call_tool, domain_tools, seed_sources

# convertdate's Hebrew calendar calls its own deprecated month_days internally.
pytestmark = pytest.mark.filterwarnings("ignore:month_days is deprecated:DeprecationWarning")

DOMAIN = "language"
TOOLS = domain_tools(DOMAIN)
SOURCES = seed_sources(DOMAIN)


def _ok(name: str, arguments: dict) -> dict:
    result = call_tool(name, arguments)
    assert result.ok, (name, arguments, result.error_type, result.error)
    assert result.output is not None
    return result.output


def _error(name: str, arguments: dict) -> str:
    result = call_tool(name, arguments, default_s=5.0)
    assert not result.ok, (name, arguments, result.output)
    assert result.error_type and result.error
    return result.error_type


def test_domain_is_registered() -> None:
    assert len(TOOLS) >= 60, [t.name for t in TOOLS]
    assert all(t.domain == DOMAIN for t in TOOLS)
    counts = {s.port: len(list(s.fn())) for s in SOURCES}
    assert sum(counts.values()) >= 1000, counts
    assert counts["word"] >= 1000


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("tool", TOOLS, ids=lambda t: t.name)
def test_every_example_executes_offline(tool) -> None:
    for example in tool.examples:
        output = _ok(tool.name, example)
        assert set(tool.outputs) <= set(output)


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("tool", TOOLS, ids=lambda t: t.name)
def test_required_parameters_have_samples_that_run(tool) -> None:
    samples = {param: tool.param_samples(param) for param in tool.required_params}
    for param, values in samples.items():
        assert 3 <= len(values) <= 8, (tool.name, param, values)
    longest = max(len(v) for v in samples.values())
    for i in range(longest):
        _ok(tool.name, {param: values[i % len(values)] for param, values in samples.items()})


@pytest.mark.usefixtures("no_network")
def test_known_facts() -> None:
    assert _ok("word_pronunciation", {"word": "computer"}) == {
        "phones": "K AH0 M P Y UW1 T ER0",
        "syllables": 3,
        "stress_pattern": "010",
        "pronunciation_count": 1,
    }
    assert _ok("word_rhymes", {"word": "climb"})["rhyme_count"] == 29
    assert _ok("words_with_pronunciation", {"phones": "DH EH1 R"})["words"] == ["their", "there", "they're"]
    assert _ok("word_lemma", {"word": "geese", "pos": "noun"}) == {"lemma": "goose"}
    assert _ok("word_lemma", {"word": "went", "pos": "verb"}) == {"lemma": "go"}
    assert _ok("verb_inflections", {"word": "write"})["past_participle"] == "written"
    assert _ok("adjective_degrees", {"word": "good"}) == {"comparative": "better", "superlative": "best"}
    assert _ok("noun_forms", {"word": "mouse"}) == {"plural": "mice", "indefinite_article": "a"}
    assert _ok("noun_forms", {"word": "hour"})["indefinite_article"] == "an"
    assert _ok("english_number_words", {"number": 21}) == {
        "cardinal_words": "twenty-one",
        "ordinal_words": "twenty-first",
        "ordinal_numeral": "21st",
    }
    assert _ok("number_in_words", {"number": 42, "language_code": "de"}) == {"words": "zweiundvierzig"}
    assert _ok("number_in_words", {"number": 1234567, "language_code": "fr"})["words"] == (
        "un million deux cent trente-quatre mille cinq cent soixante-sept"
    )
    pt = _ok("language_info", {"language_code": "pt"})
    assert (pt["name"], pt["likely_country"], pt["iso639_3"]) == ("Portuguese", "BR", "por")
    assert pt["speaking_population"] == 249_463_920
    assert _ok("language_code_lookup", {"name": "German"}) == {"language_code": "de"}
    assert _ok("language_name_translated", {"language_code": "fr", "in_language": "de"}) == {"name": "Französisch"}
    assert _ok("territory_languages", {"country_code": "IN"})["official_languages"] == ["hi", "en"]
    assert _ok("territory_languages", {"country_code": "CH"})["most_spoken_language"] == "de"
    assert _ok("language_share_in_territory", {"country_code": "IN", "language_code": "hi"}) == {
        "population_percent": 41.0,
        "official_status": "official",
    }
    assert _ok("localized_date", {"date": "2025-03-14", "language_code": "de"})["full_date"] == "Freitag, 14. März 2025"
    # convertdate facts (also in the backends reference): 2025-03-14 is 14 Adar 5785 and 14 Ramadan 1446
    assert _ok("gregorian_to_hebrew", {"date": "2025-03-14"})["hebrew_date"] == "5785-12-14"
    assert _ok("gregorian_to_hebrew", {"date": "2024-03-24"})["month_name"] == "Adar II"
    assert _ok("hebrew_to_gregorian", {"hebrew_date": "5786-01-15"}) == {"date": "2026-04-02"}
    assert _ok("gregorian_to_islamic", {"date": "2025-03-14"})["islamic_date"] == "1446-09-14"
    assert _ok("islamic_to_gregorian", {"islamic_date": "1446-09-01"}) == {"date": "2025-03-01"}
    others = _ok("date_in_other_calendars", {"date": "2012-12-21"})
    assert others["maya_long_count"] == "13.0.0.0.0"
    assert others["julian_date"] == "2012-12-08"
    assert _ok("date_in_other_calendars", {"date": "2025-03-21"})["persian_date"] == "1404-01-01"  # Nowruz
    assert _ok("easter_dates", {"year": 2024}) == {"western_easter": "2024-03-31", "orthodox_easter": "2024-05-05"}
    assert _ok("jewish_holidays", {"year": 2025}) == {
        "rosh_hashanah": "2025-09-23",
        "yom_kippur": "2025-10-02",
        "hanukkah": "2025-12-15",
        "purim": "2025-03-14",
        "passover": "2025-04-13",
    }


@pytest.mark.usefixtures("no_network")
def test_tools_chain_through_ports() -> None:
    # language name -> code -> likely country -> most spoken language -> date written in it
    code = _ok("language_code_lookup", {"name": "Swahili"})["language_code"]
    country = _ok("language_info", {"language_code": code})["likely_country"]
    assert country == "TZ"
    language = _ok("territory_languages", {"country_code": country})["most_spoken_language"]
    assert language == "sw"
    easter = _ok("easter_dates", {"year": 2025})["western_easter"]
    assert _ok("localized_date", {"date": easter, "language_code": language})["weekday_name"] == "Jumapili"
    # word -> lemma -> past tense -> pronunciation -> homophones
    lemma = _ok("word_lemma", {"word": "running", "pos": "verb"})["lemma"]
    past = _ok("verb_inflections", {"word": lemma})["past_tense"]
    phones = _ok("word_pronunciation", {"word": past})["phones"]
    assert (lemma, past, phones) == ("run", "ran", "R AE1 N")
    assert "ran" in _ok("words_with_pronunciation", {"phones": phones})["words"]
    # year -> feast day -> Hebrew date -> back to Gregorian
    passover = _ok("jewish_holidays", {"year": 2026})["passover"]
    hebrew = _ok("gregorian_to_hebrew", {"date": passover})["hebrew_date"]
    assert hebrew == "5786-01-15"
    assert _ok("hebrew_to_gregorian", {"hebrew_date": hebrew})["date"] == passover
    spec = {t.name: t for t in TOOLS}
    assert spec["word_pronunciation"].outputs["phones"].port == spec["words_with_pronunciation"].input_ports["phones"]
    assert spec["language_info"].outputs["likely_country"].port == "country_code"


def _arguments_for(tool, port_name: str, value: str) -> dict | None:
    """Arguments for ``tool`` with ``value`` in its first parameter of ``port_name`` and samples elsewhere."""
    params = [p for p, pp in tool.input_ports.items() if pp == port_name]
    if not params:
        return None
    arguments = {p: tool.param_samples(p)[0] for p in tool.required_params if p != params[0]}
    arguments[params[0]] = value
    return arguments


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.port)
def test_seeds_are_valid_inputs(source) -> None:
    seeds = list(source.fn())
    assert seeds == sorted(seeds) or source.port in {"year", "date"}
    assert len(seeds) == len(set(seeds))
    step = max(1, len(seeds) // 50)
    for value in seeds[::step][:50]:
        accepted = False
        for tool in TOOLS:
            arguments = _arguments_for(tool, source.port, value)
            if arguments is not None and call_tool(tool.name, arguments).ok:
                accepted = True
                break
        assert accepted, (source.port, value)


@pytest.mark.usefixtures("no_network")
def test_bad_arguments_give_structured_errors() -> None:
    assert _error("word_pronunciation", {"word": "zzzqqq"}) == "bad_input"
    assert _error("word_pronunciation", {"word": "drop table;"}) == "invalid_arguments"
    assert _error("word_lemma", {"word": "geese", "pos": "pronoun"}) == "invalid_arguments"
    assert _error("verb_inflections", {"word": "ran"}) == "bad_input"
    assert _error("adjective_degrees", {"word": "beautiful"}) == "bad_input"
    assert _error("number_in_words", {"number": 5, "language_code": "xx"}) == "bad_input"
    assert _error("english_number_words", {"number": 10**16}) == "invalid_arguments"


@pytest.mark.usefixtures("no_network")
def test_num2words_tools_refuse_amharic_instead_of_hanging() -> None:
    """num2words' Amharic converter loops forever on 1234567: a refused call returns at once and names why, where
    a timed-out one would leave a thread spinning for the rest of the run."""
    calls = {
        "number_in_words": {"number": 1234567, "language_code": "am"},
        "ordinal_in_words": {"number": 1234567, "language_code": "am"},
        "year_in_words": {"year": 1999, "language_code": "am"},
        "amount_in_words": {"amount": 12.5, "currency_code": "EUR", "language_code": "am"},
    }
    for name, arguments in calls.items():
        result = call_tool(name, arguments, default_s=5.0)
        assert result.error_type == "bad_input", (name, result.error_type, result.error)
        assert "Amharic" in (result.error or "") and result.latency_ms < 1000, (name, result.latency_ms)
    assert _error("language_info", {"language_code": "eo"}) == "bad_input"
    assert _error("language_code_lookup", {"name": "Blorfish"}) == "bad_input"
    assert _error("territory_languages", {"country_code": "XX"}) == "bad_input"
    assert _error("language_share_in_territory", {"country_code": "JP", "language_code": "sw"}) == "bad_input"
    assert _error("localized_date", {"date": "2025-01-01", "language_code": "zz"}) == "bad_input"
    assert _error("gregorian_to_hebrew", {"date": "2024-02-30"}) == "bad_input"
    assert _error("gregorian_to_islamic", {"date": "0999-12-31"}) == "bad_input"
    assert _error("hebrew_to_gregorian", {"hebrew_date": "5785-13-01"}) == "bad_input"
    assert _error("hebrew_to_gregorian", {"hebrew_date": "5785-02-31"}) == "bad_input"
    assert _error("islamic_to_gregorian", {"islamic_date": "1446-13-01"}) == "bad_input"
    assert _error("easter_dates", {"year": 1200}) == "invalid_arguments"
    assert _error("words_with_pronunciation", {"phones": "ZZ9"}) == "invalid_arguments"
    assert _error("date_in_other_calendars", {"date": "not a date"}) == "invalid_arguments"


def test_a_bahai_date_before_172_be_counts_from_21_march() -> None:
    """The Badíʻ calendar began each year on 21 March until 172 BE (2015), at the Tehran equinox since: 22 November
    1984 is 141-13-19 (the last day of Qudrat), not convertdate's equinox-based 141-14-1."""
    from tool_catalog.runtime import call_tool

    def badi(date: str) -> str:
        result = call_tool("gregorian_to_bahai", {"date": date})
        assert result.ok, result.error
        return result.output["date_in_calendar"]

    assert badi("1984-11-22") == "141-13-19"
    assert badi("1984-03-01") == "140-19-5"  # Ayyám-i-Há has five days before a leap-year March
    assert badi("1900-03-01") == "56-19-4" and badi("1900-03-02") == "56-20-1"
    assert badi("2015-03-20") == "171-20-19" and badi("2015-03-21") == "172-1-1"
    assert badi("2026-04-02") == "183-1-13"  # the unified calendar, as convertdate computes it
