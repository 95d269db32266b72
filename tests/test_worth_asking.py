"""What is worth asking: facts everyone knows, near-certain answers, trend trivia and unlike comparisons are not
asked, and a time zone is named by the place whose clock it keeps. Real tool calls, the real gate."""

from __future__ import annotations

import random

from dive_assets.synthesis.derivation import build_task
from dive_assets.synthesis.operands import (
    OperandGroup,
    incomparable,
    obvious_extreme,
    operand_group,
    refusal,
    trend_trivia,
)
from dive_assets.synthesis.realism import meaning_problems
from dive_assets.synthesis.realize import Unrealizable, answer_form, realize
from dive_assets.synthesis.records import Provenance, Step, Trace
from tests.test_realism import TOOLS, _run
from tool_catalog import get_tool
from tool_catalog.names import Mention, country_name, stated_in, zone_place

NOT_ASKED = "not something people ask for here"


def _problems(steps: list[Step], field: str, domain: str) -> list[str]:
    by_index = {s.step_index: s for s in steps}
    trace = Trace(
        trace_id="tr_worth", toolset_id="ts", domain=domain, diversity="full-varied", policy="test",
        seed_port="x", seed_value="x", status="ok", step_count=len(steps), task_slot=0, steps=steps,
    )  # fmt: skip
    task = build_task(trace, by_index, TOOLS, steps[-1].step_index, field, "A question?", "test", 1)
    return meaning_problems(task, by_index, TOOLS)


def _asked(tool: str, arguments: dict, field: str, domain: str) -> bool:
    return not any(NOT_ASKED in p for p in _problems([_run(0, tool, arguments)], field, domain))


def test_daylight_saving_is_asked_near_a_clock_change_not_in_midsummer() -> None:
    assert not _asked("timezone_utc_offset", {"timezone": "America/New_York", "date": "2024-07-01"}, "is_dst", "geo")
    assert _asked("timezone_utc_offset", {"timezone": "Europe/London", "date": "2024-10-27"}, "is_dst", "geo")
    assert not _asked("timezone_utc_offset", {"timezone": "Asia/Kolkata", "date": "2024-10-27"}, "is_dst", "geo")


def test_facts_everyone_knows_are_not_asked_and_not_followed() -> None:
    assert not _asked("element_by_atomic_number", {"atomic_number": 79}, "symbol", "medchem")  # gold
    assert _asked("element_by_atomic_number", {"atomic_number": 76}, "symbol", "medchem")  # osmium
    assert not _asked("chemical_identity", {"cas": "58-08-2"}, "formula", "medchem")  # caffeine
    assert _asked("chemical_identity", {"cas": "75-97-8"}, "formula", "medchem")  # pinacolone
    # a systematic name spells its formula out
    assert not _asked("chemical_identity", {"cas": "565-61-7"}, "formula", "medchem")  # 3-methyl-2-pentanone
    assert not _asked("chemical_lookup_by_name", {"name": "1-chloro-3-nitrobenzene"}, "formula", "medchem")
    assert not _asked("subdivision_info", {"subdivision_code": "GB-CAM"}, "parent_code", "geo")  # England
    assert _asked("subdivision_info", {"subdivision_code": "FR-21"}, "parent_code", "geo")
    assert not _asked("country_name_translations", {"country_code": "JP"}, "german_name", "geo")  # Japan
    assert _asked("country_name_translations", {"country_code": "DE"}, "german_name", "geo")  # Deutschland
    # Cambridgeshire's parent is not followed to a further question either
    cam = _run(0, "subdivision_info", {"subdivision_code": "GB-CAM"})
    parent = _run(
        1, "subdivision_info", {"subdivision_code": cam.output["parent_code"]},
        {"subdivision_code": Provenance(source="step", step=0, field="parent_code")},
    )  # fmt: skip
    assert any("no one would follow" in p for p in _problems([cam, parent], "type", "geo"))


def test_certainties_and_visible_answers_are_not_asked() -> None:
    assert not _asked("poisson_probability", {"events": 12, "rate": 2.2}, "p_at_most", "science")  # 1.0000
    assert _asked("poisson_probability", {"events": 2, "rate": 2.2}, "p_at_most", "science")
    assert not _asked("quadratic_roots", {"a": 1, "b": 2, "c": 1.5}, "root_2", "science")  # complex roots
    assert _asked("quadratic_roots", {"a": 1, "b": -3, "c": 2}, "root_2", "science")
    assert not _asked("formula_isotope_peak", {"formula": "C3H6O"}, "base_peak_mass_number", "medchem")
    assert _asked("formula_isotope_peak", {"formula": "CH2Br2"}, "base_peak_mass_number", "medchem")
    polylinker = "GAATTCGAGCTCGGTACCCGGGGATCCTCTAGAGTCGACCTGCAGGCATGCAAGCTT"
    assert not _asked("reverse_complement", {"sequence": polylinker}, "is_palindromic", "science")
    assert _asked("reverse_complement", {"sequence": "GAATTC"}, "is_palindromic", "science")
    assert not _asked("brightest_star_in_constellation", {"constellation": "Aquarius"}, "brightest_star", "science")
    assert _asked("brightest_star_in_constellation", {"constellation": "Lyra"}, "brightest_star", "science")


def test_a_periodic_trend_is_not_ranked_and_unlike_crystals_are_not_compared() -> None:
    metals = [_run(i, "element_periodic_properties", {"symbol": s}) for i, s in enumerate(["Li", "Rb"])]
    group = operand_group(get_tool("element_periodic_properties"), "ionization_energy_ev", metals)
    assert group is not None and incomparable(group) is None  # the values may be compared or totalled
    assert "periodic trend" in (trend_trivia("rank_by_value", group) or "")  # but not "which is lower"
    assert trend_trivia("aggregate_numbers", group) is None  # the highest value, in eV, needs the tool
    crystals = [_run(i, "element_crystal_structure", {"symbol": s}) for i, s in enumerate(["Pb", "Si", "Ge"])]
    group = operand_group(get_tool("element_crystal_structure"), "lattice_a_angstrom", crystals)
    assert group is not None and "not like for like" in (incomparable(group) or "")
    same = [_run(i, "element_crystal_structure", {"symbol": s}) for i, s in enumerate(["Si", "Ge"])]
    group = operand_group(get_tool("element_crystal_structure"), "lattice_a_angstrom", same)
    assert group is not None and "like for like" not in (incomparable(group) or "")


def test_a_time_zone_is_named_by_the_place_whose_clock_it_keeps() -> None:
    assert zone_place("Asia/Kolkata") == "Kolkata, India"
    assert zone_place("America/Indiana/Knox") == "Knox, Indiana"
    assert zone_place("Etc/GMT+5") is None
    assert format(Mention.stated("timezone", "Europe/Zurich"), "at") == "in Zurich, Switzerland"
    assert stated_in("timezone", "Asia/Kolkata", "What is the date in Kolkata, India?")
    airport = _run(0, "airport_info", {"iata": "BOK"})
    convert = _run(
        1, "convert_local_time",
        {"datetime": "2025-05-20T14:45", "from_timezone": airport.output["timezone"], "to_timezone": "Asia/Kolkata"},
        {"datetime": Provenance(source="sample"), "to_timezone": Provenance(source="sample"),
         "from_timezone": Provenance(source="step", step=0, field="timezone")},
    )  # fmt: skip
    steps = {0: airport, 1: convert}
    questions = set()
    for seed in range(12):
        try:
            questions.add(realize(steps, TOOLS, 1, "date", [0, 1], random.Random(seed)).question)
        except Unrealizable:
            continue
    assert questions
    for question in questions:
        assert "at Brookings Airport (BOK)" in question and "Kolkata, India" in question, question
        assert "Asia/Kolkata" not in question and "America/Los_Angeles" not in question, question


def test_a_ranking_whose_winner_stands_out_is_not_asked() -> None:
    countries = [_run(i, "country_geography", {"country_code": c}) for i, c in enumerate(["BG", "BA", "AL"])]
    group = operand_group(get_tool("country_geography"), "area_km2", countries)
    assert group is not None
    assert "guessed" in (obvious_extreme("rank_by_value", "highest", group) or "")  # Bulgaria, twice the next
    # the largest area in km² is then Bulgaria's: one lookup, not a comparison
    assert "guessed" in (obvious_extreme("aggregate_numbers", "maximum", group) or "")
    assert obvious_extreme("aggregate_numbers", "mean", group) is None
    close = [_run(i, "country_geography", {"country_code": c}) for i, c in enumerate(["BA", "HR"])]
    group = operand_group(get_tool("country_geography"), "area_km2", close)
    assert group is not None and obvious_extreme("rank_by_value", "highest", group) is None


def test_a_zone_offset_is_asked_near_a_change_or_of_a_zone_without_one_and_no_language_everyone_knows() -> None:
    tz = "timezone_utc_offset"
    assert not _asked(tz, {"timezone": "Europe/London", "date": "2025-07-04"}, "utc_offset_hours", "geo")
    assert _asked(tz, {"timezone": "Europe/London", "date": "2024-10-27"}, "utc_offset_hours", "geo")
    assert _asked(tz, {"timezone": "Asia/Kathmandu", "date": "2025-07-04"}, "utc_offset_hours", "geo")
    assert not _asked("territory_languages", {"country_code": "BR"}, "most_spoken_language", "language")
    assert _asked("territory_languages", {"country_code": "CH"}, "most_spoken_language", "language")


def test_a_known_city_utc_and_one_atmosphere_read_as_people_say_them() -> None:
    assert not _asked("timezone_at", {"latitude": 35.6762, "longitude": 139.6503}, "timezone", "geo")  # Tokyo
    assert _asked("timezone_at", {"latitude": -9.35167, "longitude": -140.078}, "timezone", "geo")
    assert format(Mention.stated("timezone", "Etc/UTC"), "at") == "in UTC"
    assert not _asked("chemical_vapor_pressure", {"cas": "7732-18-5", "temperature_k": 373.15}, "vapor_pressure_kpa",
                      "medchem")  # fmt: skip
    assert _asked(
        "chemical_vapor_pressure", {"cas": "64-17-5", "temperature_k": 298.15}, "vapor_pressure_kpa", "medchem"
    )


def test_an_order_that_a_glance_gives_is_not_asked() -> None:
    asean = [_run(i, "country_population", {"country_code": c}) for i, c in enumerate(["ID", "BN", "LA"])]
    group = operand_group(get_tool("country_population"), "population", asean)
    assert group is not None and "guessed" in (obvious_extreme("rank_by_value", "descending", group) or "")


def test_a_holiday_date_or_weekday_that_never_changes_is_not_asked() -> None:
    thanksgiving = {"country_code": "US", "year": 2025, "holiday_name": "Thanksgiving"}
    assert not _asked("holiday_date_by_name", thanksgiving, "weekday", "finance")  # always a Thursday
    assert _asked("holiday_date_by_name", thanksgiving, "holiday_date", "finance")  # its date moves
    unity = {"country_code": "DE", "year": 2025, "holiday_name": "German Unity Day"}
    assert not _asked("holiday_date_by_name", unity, "holiday_date", "finance")  # always 3 October
    assert _asked("holiday_date_by_name", unity, "weekday", "finance")
    assert not _asked("date_add_days", {"date": "2017-11-22", "days": 365}, "date", "general")
    assert _asked("date_add_days", {"date": "2017-11-22", "days": 100}, "date", "general")


def test_a_sum_on_the_page_an_undated_headcount_and_physics_out_of_range_are_not_asked() -> None:
    # pulse pressure is systolic minus diastolic, both in the question
    assert not _asked("blood_pressure_assessment", {"systolic": 135, "diastolic": 110}, "pulse_pressure", "medchem")
    assert _asked("blood_pressure_assessment", {"systolic": 135, "diastolic": 85}, "mean_arterial_pressure", "medchem")
    # the observed/expected CpG ratio is a criterion for windows of 200 bases or more
    primer = "CCGGGAGCTGCATGTGTCAGAGG"
    assert not _asked("cpg_content", {"sequence": primer}, "observed_expected_ratio", "science")
    assert _asked("cpg_content", {"sequence": primer * 10}, "observed_expected_ratio", "science")
    # an ideal-gas density of a liquid (pinacolone at 273 K and 10 bar) means nothing; of methane at 1 atm it does
    liquid = {"cas": "75-97-8", "temperature_k": 273.15, "pressure_kpa": 1000.0}
    assert not _asked("ideal_gas_density", liquid, "density_kg_m3", "medchem")
    gas = {"cas": "74-82-8", "temperature_k": 298.15, "pressure_kpa": 101.325}
    assert _asked("ideal_gas_density", gas, "density_kg_m3", "medchem")
    # the nautical zone of open sea is of use to no one
    assert not _asked("timezone_at", {"latitude": -30.0, "longitude": -140.0}, "timezone", "geo")
    assert _asked("timezone_at", {"latitude": -33.9461, "longitude": 151.177}, "timezone", "geo")
    # countryinfo's populations are of no single year: compared across countries, never asked alone
    assert not _asked("country_population", {"country_code": "KE"}, "population", "geo")
    assert not _asked("country_population", {"country_code": "KE"}, "density_per_km2", "geo")
    assert _asked("country_geography", {"country_code": "KE"}, "area_km2", "geo")
    population = TOOLS["country_population"].outputs["population"]
    assert population.askable and not population.alone  # still an operand of a comparison


def test_the_site_of_an_enzyme_every_lab_knows_is_not_asked() -> None:
    for field in ("site", "site_length", "end_type"):
        assert not _asked("restriction_enzyme_info", {"enzyme": "RsaI"}, field, "science")
        assert not _asked("restriction_enzyme_info", {"enzyme": "NotI"}, field, "science")
        assert _asked("restriction_enzyme_info", {"enzyme": "BsrDI"}, field, "science")
    assert _asked("restriction_enzyme_info", {"enzyme": "EcoRI"}, "supplier_count", "science")
    assert not _asked("restriction_enzyme_info", {"enzyme": "Fnu11326IV"}, "site", "science")  # sold by no one


def test_an_ecb_figure_is_asked_of_a_euro_pair_not_of_a_cross() -> None:
    cross = {"base_currency": "SKK", "quote_currency": "JPY", "year": 2008}
    assert not _asked("exchange_rate_month_extremes", cross, "best_month", "finance")
    euro = {"base_currency": "EUR", "quote_currency": "JPY", "year": 2008}
    assert _asked("exchange_rate_month_extremes", euro, "best_month", "finance")


def test_a_density_of_an_allotrope_and_a_grazing_twilight_are_not_asked() -> None:
    assert not _asked("element_number_density", {"symbol": "C"}, "atoms_per_cm3", "medchem")  # diamond or graphite?
    assert _asked("element_number_density", {"symbol": "Cu"}, "atoms_per_cm3", "medchem")
    tromso = {"latitude": 69.6492, "longitude": 18.9553, "date": "2024-03-20"}
    assert not _asked("nautical_twilight", tromso, "dusk_utc", "geo")
    london = {"latitude": 51.5074, "longitude": -0.1278, "date": "2024-03-20"}
    assert _asked("nautical_twilight", london, "dusk_utc", "geo")


def test_a_subregion_that_m49_divides_again_is_not_asked() -> None:
    assert not _asked("country_subregion_peers", {"country_code": "BR"}, "peer_count", "geo")  # not South America
    assert not _asked("country_geography", {"country_code": "KE"}, "subregion", "geo")  # Sub-Saharan Africa
    assert _asked("country_subregion_peers", {"country_code": "FR"}, "peer_count", "geo")
    assert _asked("country_geography", {"country_code": "FR"}, "subregion", "geo")


def test_part_of_a_closed_group_is_not_ranked_but_part_of_an_open_one_is() -> None:
    def group_of(tool: str, field: str, param: str, values: list[str]) -> OperandGroup:
        group = operand_group(get_tool(tool), field, [_run(i, tool, {param: v}) for i, v in enumerate(values)])
        assert group is not None
        return group

    group14 = group_of("element_periodic_properties", "ionization_energy_ev", "symbol", ["C", "Pb", "Si", "Ge"])
    assert "named group" in (refusal("extreme", group14) or "")  # tin, the lowest, left out
    g7 = group_of("country_geography", "area_km2", "country_code", ["JP", "US", "IT", "DE"])
    assert "named group" in (refusal("order", g7) or "")
    assert refusal("ratio", group_of("country_geography", "area_km2", "country_code", ["DE", "GB"])) is None
    london = group_of("airport_info", "elevation_ft", "iata", ["LHR", "LGW", "STN"])
    assert refusal("extreme", london) is None  # three of London's airports are still London's airports
    # Italy the least populous of Japan, Germany and Italy: known without the tool
    populous = group_of("country_population", "population", "country_code", ["JP", "DE", "IT"])
    assert "guessed" in (obvious_extreme("rank_by_value", "lowest", populous) or "")


def test_quiz_facts_and_glance_answers_are_not_asked() -> None:
    # a holiday the same day holds every year is known; Good Friday's date is not
    def holiday(date: str) -> bool:
        return _asked("public_holiday_check", {"country_code": "DE", "date": date}, "is_public_holiday", "finance")

    assert not holiday("2024-10-03") and holiday("2024-03-29") and holiday("2024-03-12")
    # different first letters are different chapters at a glance
    assert not _asked("icd10cm_common_ancestor", {"code_a": "M89.8X8", "code_b": "I11.9"}, "same_chapter", "medchem")
    assert _asked("icd10cm_common_ancestor", {"code_a": "E11.9", "code_b": "E10.9"}, "same_chapter", "medchem")
    # Badi dates of the unified calendar's nineteen months only
    assert not _asked("gregorian_to_bahai", {"date": "1984-11-22"}, "date_in_calendar", "language")
    assert not _asked("gregorian_to_bahai", {"date": "2026-02-27"}, "date_in_calendar", "language")  # Ayyam-i-Ha
    assert _asked("gregorian_to_bahai", {"date": "2026-04-02"}, "date_in_calendar", "language")
    assert not TOOLS["english_number_words"].outputs["ordinal_words"].askable
    assert not TOOLS["country_capital"].outputs["capital"].alone
    assert TOOLS["element_xray_lines"].outputs["k_alpha_kev"].trend  # Moseley's law
    assert country_name("FO") == "the Faroe Islands"
    # one CG in a 20-mer is counted at a glance
    primer = [_run(0, "cpg_content", {"sequence": "GACTATCATATGCTTACCGT"})]
    assert any("short enough" in p for p in _problems(primer, "cpg_count", "science"))


def test_what_any_speaker_writes_and_library_artefacts_are_not_asked() -> None:
    assert not TOOLS["quantity_phrase"].outputs["spelled_phrase"].askable  # three geese
    assert not TOOLS["english_number_words"].outputs["cardinal_words"].askable
    assert not TOOLS["phone_number_location"].outputs["timezone_count"].askable
    assert TOOLS["element_xray_lines"].outputs["k_beta1_angstrom"].trend
    # a computed 49.0 is asked to the nearest whole number, not as if exact
    assert answer_form(49.0, "number")[3] == "Round to the nearest whole number."
    assert answer_form(49, "number")[3] == ""


def test_what_a_speaker_or_a_quiz_knows_is_not_asked() -> None:
    assert not _asked("country_native_name", {"country_code": "SY"}, "demonym", "geo")  # Syrian
    assert _asked("country_native_name", {"country_code": "FR"}, "demonym", "geo")  # French
    assert not _asked("language_info", {"language_code": "id"}, "autonym", "language")  # bahasa Indonesia
    assert _asked("language_info", {"language_code": "eu"}, "autonym", "language")  # euskara
    assert not _asked("territory_languages", {"country_code": "BR"}, "official_languages", "language")
    assert _asked("territory_languages", {"country_code": "CH"}, "official_languages", "language")
    km = {"language_code": "fr", "unit": "kilometer", "value": 12}
    assert not _asked("unit_in_language", km, "long_form", "language")
    assert _asked("unit_in_language", {**km, "language_code": "pl"}, "long_form", "language")
    krona = {"currency_code": "SEK", "locale": "fr_CH"}
    assert not _asked("currency_name_in_locale", krona, "plural_name", "finance")
    assert _asked("currency_name_in_locale", {**krona, "locale": "pl"}, "plural_name", "finance")
    assert not _asked("date_add_days", {"date": "2047-03-22", "days": 30}, "date", "language")
    assert _asked("date_add_days", {"date": "2047-03-22", "days": 45}, "date", "language")
    assert not TOOLS["age_on_date"].outputs["years"].askable  # a subtraction
    assert not TOOLS["airports_in_timezone"].outputs["airport_count"].askable
    assert not TOOLS["phone_number_location"].outputs["timezone"].follows("convert_time_between_zones")


def test_what_the_question_shows_or_a_quiz_knows_is_not_asked_and_places_read_as_people_say_them() -> None:
    assert not TOOLS["iban_details"].outputs["account_code"].askable  # digits of the IBAN in the question
    assert not TOOLS["combustion_stoichiometry"].outputs["h2o_mol"].askable  # half the hydrogens
    assert not TOOLS["anagrams"].outputs["anagram_count"].askable  # surnames
    assert not TOOLS["estimated_average_glucose"].outputs["icd10cm_code"].askable
    assert TOOLS["element_atomic_data"].outputs["atomic_mass"].trend
    assert not _asked("year_in_words", {"language_code": "fr", "year": 2024}, "words", "language")
    assert _asked("year_in_words", {"language_code": "pl", "year": 2024}, "words", "language")
    assert not _asked("chemical_identity", {"cas": "58-08-2"}, "iupac_name", "medchem")  # caffeine
    below = {"star": "Betelgeuse", "latitude": 50.8503, "longitude": 4.3517, "datetime_utc": "2025-06-21T21:00"}
    assert not _asked("star_altitude", below, "azimuth_deg", "science")  # 22 degrees below the horizon
    assert stated_in("cldr_locale", "ar_EG", "Translate the name into Arabic as used in Egypt (ar_EG).")


def test_an_undated_headcount_is_compared_by_ratio_not_by_its_exact_difference() -> None:
    steps = [_run(i, "country_population", {"country_code": c}) for i, c in enumerate(["JP", "DE"])]
    group = operand_group(get_tool("country_population"), "population", steps)
    assert group is not None
    assert "ratio or rank only" in (refusal("difference", group) or "")
    assert "ratio or rank only" in (refusal("sum", group) or "")
    assert refusal("extreme", group) is None  # which is more populous holds
    assert not _asked("country_internet_domains", {"country_code": "MW"}, "tlds", "geo")  # [".mw"]
