"""Known facts and typed chains for the second module of every domain (medchem, geo, finance, science,
language) and the general list/search tools: each value below is a published fact or a textbook result."""

from __future__ import annotations

import pytest

from tool_catalog import call_tool

pytestmark = pytest.mark.usefixtures("no_network")


def _ok(name: str, arguments: dict) -> dict:
    result = call_tool(name, arguments, default_s=60)
    assert result.ok, (name, arguments, result.error_type, result.error)
    assert result.output is not None
    return result.output


def _fails(name: str, arguments: dict) -> str:
    result = call_tool(name, arguments, default_s=10)
    assert not result.ok, (name, arguments, result.output)
    return result.error or ""


def test_medchem_facts() -> None:
    water = _ok("chemical_triple_point", {"cas": "7732-18-5"})
    assert water["triple_point_k"] == pytest.approx(273.16, abs=0.01)
    assert water["triple_point_pa"] == pytest.approx(611.655, abs=0.5)
    assert _ok("chemical_heat_of_vaporization", {"cas": "64-17-5"})["hvap_at_tb_kj_mol"] == pytest.approx(38.56)
    boiling = _ok("chemical_boiling_point_at_pressure", {"cas": "7732-18-5", "pressure_kpa": 101.325})
    assert boiling["boiling_temperature_k"] == pytest.approx(373.15, abs=0.2)
    seventh = _ok("icd10cm_seventh_characters", {"code": "S72.001"})
    assert (seventh["character_count"], seventh["first_meaning"]) == (16, "initial encounter for closed fracture")
    assert _ok("icd10cm_common_ancestor", {"code_a": "E11.9", "code_b": "E10.9"})["common_ancestor"] == "E08-E13"
    assert _ok("element_by_atomic_number", {"atomic_number": 26})["symbol"] == "Fe"
    assert _ok("isotope_data", {"symbol": "C", "mass_number": 13})["abundance_percent"] == pytest.approx(1.07, abs=0.05)
    assert _ok("qtc_correction", {"qt_ms": 400, "heart_rate_bpm": 60})["qtc_bazett"] == 400
    assert _ok("ideal_body_weight", {"height_cm": 152.4, "sex": "male"})["ibw_devine_kg"] == 50.0
    gap = {"sodium": 140, "chloride": 104, "bicarbonate": 24, "albumin_g_dl": 4.0}
    assert _ok("anion_gap", gap)["anion_gap"] == 12
    assert _ok("estimated_average_glucose", {"hba1c_percent": 7.0})["eag_mg_dl"] == pytest.approx(154.2)
    assert _ok("pregnancy_due_date", {"last_menstrual_period": "2024-01-15"})["due_date"] == "2024-10-21"
    assert _ok("formula_unsaturation", {"formula": "C6H6"})["degree_of_unsaturation"] == 4
    ratio = _ok("formula_mass_ratio", {"formula_a": "Fe2O3", "formula_b": "Fe"})["mass_ratio"]
    assert ratio == pytest.approx(159.687 / 55.845, rel=1e-4)
    assert "no measured octane number" in _fails("chemical_octane_numbers", {"cas": "7732-18-5"})


def test_medchem_chains_through_identifiers() -> None:
    ethanol = _ok("chemical_identity", {"cas": "64-17-5"})
    assert _ok("chemical_lookup_by_smiles", {"smiles": ethanol["smiles"]})["cas_number"] == "64-17-5"
    assert _ok("chemical_lookup_by_inchikey", {"inchikey": ethanol["inchikey"]})["cas_number"] == "64-17-5"
    assert _ok("chemical_lookup_by_pubchem_cid", {"cid": ethanol["pubchem_cid"]})["cas_number"] == "64-17-5"
    code = _ok("blood_pressure_assessment", {"systolic": 150, "diastolic": 95})["icd10cm_code"]
    assert _ok("icd10cm_code_info", {"code": code})["block"] == "I10-I1A"


def test_geo_facts_and_chains() -> None:
    assert _ok("geohash_encode", {"latitude": 57.64911, "longitude": 10.40744, "precision": 11})["geohash"] == (
        "u4pruydqqvj"
    )
    decoded = _ok("geohash_decode", {"geohash": "u4pruydqqvj"})
    assert (decoded["latitude"], decoded["longitude"]) == pytest.approx((57.64911, 10.40744), abs=1e-5)
    assert _ok("maidenhead_locator", {"latitude": 51.5074, "longitude": -0.1278})["locator"] == "IO91wm"
    utm = _ok("utm_coordinates", {"latitude": 51.5074, "longitude": -0.1278})
    assert (utm["zone"], utm["hemisphere"], utm["epsg"]) == (30, "N", 32630)
    assert _ok("country_week_convention", {"country_code": "US"})["first_day_of_week"] == "Sunday"
    assert _ok("country_name_in_language", {"country_code": "DE", "language_code": "fr"})["name"] == "Allemagne"
    london = _ok("timezone_transitions", {"timezone": "Europe/London", "year": 2024})
    assert (london["first_transition"], london["last_transition"]) == ("2024-03-31", "2024-10-27")
    assert _ok("timezone_transitions", {"timezone": "Asia/Tokyo", "year": 2024})["observes_dst"] is False
    assert _ok("timezone_windows_id", {"timezone": "Europe/London"})["windows_zone"] == "GMT Standard Time"
    assert _ok("calling_code_countries", {"calling_code": 1})["main_country"] == "US"
    # ICAO <-> IATA round trip, and a neighbour's alpha-3 code back to alpha-2
    icao = _ok("airport_codes", {"iata": "LHR"})["icao"]
    assert icao == "EGLL" and _ok("airport_by_icao", {"icao": icao})["iata"] == "LHR"
    largest = _ok("country_largest_neighbours", {"country_code": "DE"})["largest_neighbour"]
    assert _ok("country_from_alpha3", {"alpha_3": largest})["country_code"] == "FR"


def test_finance_facts_and_chains() -> None:
    assert _ok("isin_from_national_id", {"country_code": "US", "national_id": "037833100"})["isin"] == "US0378331005"
    assert _ok("cusip_details", {"cusip": "037833100"})["isin"] == "US0378331005"
    assert _ok("isin_details", {"isin": "US0378331005"})["country_code"] == "US"
    assert _ok("rf_creditor_reference", {"reference": "539007547034"})["rf_reference"] == "RF18539007547034"
    par = {"face_value": 1000, "coupon_rate": 0.05, "yield_rate": 0.05, "years": 10, "frequency": 2}
    assert _ok("bond_price", par)["price"] == pytest.approx(1000.0)
    npv = {"rate": 0.1, "cashflows": [-1000, 300, 400, 500], "currency_code": "USD"}
    assert _ok("net_present_value", npv)["npv"] == -21.04
    assert _ok("effective_annual_rate", {"nominal_rate": 0.12, "periods_per_year": 12})[
        "effective_annual_rate"
    ] == pytest.approx(0.12682503)
    accrual = {
        "principal": 1000000,
        "annual_rate": 0.05,
        "start_date": "2024-01-15",
        "end_date": "2024-07-15",
        "basis": "ACT/360",
    }
    assert _ok("accrued_interest", accrual)["interest"] == 25277.78
    third = {"country_code": "DE", "year": 2024, "month": 5, "n": 3}
    assert _ok("nth_business_day", third)["business_day"] == "2024-05-06"
    sessions = {"exchange_code": "XNYS", "start_date": "2024-01-02", "end_date": "2024-12-31"}
    assert _ok("exchange_sessions_between", sessions)["session_count"] == 252
    growth = {
        "present_value": 10000,
        "annual_rate": 0.05,
        "years": 10,
        "annual_contribution": 0,
        "currency_code": "JPY",
    }
    assert _ok("future_value", growth)["future_value"] == 16289.0  # yen have no minor units
    iban = _ok("iban_from_account", {"country_code": "DE", "bank_code": "37040044", "account_code": "0532013000"})
    assert iban["iban"] == "DE89370400440532013000"
    assert _ok("iban_details", {"iban": iban["iban"]})["bic"] == "COBADEFFXXX"
    first = _ok("exchanges_in_timezone", {"timezone": "Asia/Tokyo"})["first_exchange"]
    assert _ok("exchange_calendar_info", {"exchange_code": first})["timezone"] == "Asia/Tokyo"


def test_science_facts() -> None:
    assert _ok("codon_meaning", {"codon": "TGA", "table": 2})["amino_acid"] == "W"
    assert _ok("codon_meaning", {"codon": "TGA", "table": 1})["is_stop"] is True
    seasons = _ok("equinoxes_and_solstices", {"date": "2025-01-01"})
    assert [seasons[k] for k in ("march_equinox", "june_solstice", "september_equinox", "december_solstice")] == [
        "2025-03-20",
        "2025-06-21",
        "2025-09-22",
        "2025-12-21",
    ]
    j2000 = _ok("julian_date_to_calendar", {"julian_date": 2451545.0})
    assert (j2000["date"], j2000["utc_time"], j2000["weekday"]) == ("2000-01-01", "12:00:00", "Saturday")
    assert _ok("photon_energy", {"wavelength_nm": 532})["energy_ev"] == pytest.approx(2.3305, abs=1e-3)
    assert _ok("black_body", {"temperature_k": 5772})["peak_wavelength_nm"] == pytest.approx(502.0, abs=0.5)
    factors = _ok("prime_factorization", {"n": 360})
    assert (factors["prime_factors"], factors["divisor_count"], factors["totient"]) == ([2, 2, 2, 3, 3, 5], 24, 96)
    assert _ok("nth_prime", {"n": 100})["prime"] == 541
    assert _ok("normal_distribution", {"mean": 0, "sd": 1, "x": 1.96})["cdf"] == pytest.approx(0.9750021, abs=1e-6)
    isa = _ok("standard_atmosphere", {"altitude_m": 11000})
    assert (isa["temperature_k"], isa["pressure_pa"]) == pytest.approx((216.65, 22632.06), abs=0.5)
    ratio = _ok("constant_ratio", {"name_a": "proton mass", "name_b": "electron mass"})["ratio"]
    assert ratio == pytest.approx(1836.15267, abs=1e-5)
    assert _ok("combinations_count", {"n": 52, "k": 5})["combinations"] == 2598960
    assert _ok("substitution_score", {"amino_acid_a": "L", "amino_acid_b": "I"})["blosum62"] == 2
    rna = _ok("transcribe_dna", {"sequence": "ATGGCCATTGTAATGGGCCGCTGA"})["rna"]
    assert _ok("back_transcribe_rna", {"rna": rna})["protein"] == "MAIVMGR"


def test_language_facts_and_chains() -> None:
    assert _ok("to_roman_numerals", {"number": 1999})["roman"] == "MCMXCIX"
    assert _ok("from_roman_numerals", {"roman": "MCMXCIX"})["number"] == 1999
    assert "standard form" in _fails("from_roman_numerals", {"roman": "IIII"})
    assert _ok("soundex_code", {"word": "Robert"})["soundex"] == "R163"
    assert _ok("soundex_code", {"word": "Tymczak"})["soundex"] == "T522"
    feasts = _ok("movable_feasts", {"year": 2025})
    assert (feasts["ash_wednesday"], feasts["pentecost"], feasts["advent_sunday"]) == (
        "2025-03-05",
        "2025-06-08",
        "2025-11-30",
    )
    assert _ok("persian_to_gregorian", {"persian_date": "1403-01-01"})["date"] == "2024-03-20"
    thanksgiving = {"year": 2025, "month": 11, "weekday": "Thursday", "n": 4}
    assert _ok("nth_weekday_of_month", thanksgiving)["date"] == "2025-11-27"
    assert _ok("friday_the_13ths", {"year": 2026})["dates"] == ["2026-02-13", "2026-03-13", "2026-11-13"]
    assert "silent" in _ok("anagrams", {"word": "listen"})["anagrams"]
    assert "their" in _ok("homophones", {"word": "there"})["homophones"]
    assert _ok("plural_category", {"number": 3, "language_code": "ru"})["plural_category"] == "few"
    assert _ok("plural_category", {"number": 5, "language_code": "ru"})["plural_category"] == "many"
    assert _ok("iso_week_dates", {"year": 2025, "week": 1})["monday"] == "2024-12-30"
    # the Spring Festival itself (29 January 2025, a Wednesday), not China's day off on New Year's Eve the day before
    spring = _ok("lunar_new_year", {"year": 2025})
    assert (spring["lunar_new_year"], spring["weekday"]) == ("2025-01-29", "Wednesday")
    assert _ok("edit_distance", {"word_a": "kitten", "word_b": "sitting"})["edit_distance"] == 3
    # Gregorian -> Julian calendar (other-calendars tool) -> back to Gregorian
    julian = _ok("date_in_other_calendars", {"date": "1917-11-07"})["julian_date"]
    back = _ok("julian_to_gregorian", {"julian_date": julian})
    assert (julian, back["date"], back["offset_days"]) == ("1917-10-25", "1917-11-07", 13)


def test_general_search_and_lists() -> None:
    assert _ok("local_search", {"query": "heathrow"})["best_id"] == "LHR"
    caffeine = _ok("local_search", {"query": "caffeine", "kind": "chemical"})["best_id"]
    assert _ok("chemical_identity", {"cas": caffeine})["formula"] == "C8H10N4O2"
    kidney = _ok("local_search", {"query": "type 2 diabetes chronic kidney disease", "kind": "icd10cm"})["best_id"]
    assert kidney == "E11.22"
    assert "nothing in the local data" in _fails("local_search", {"query": "zzqxv"})
    sets = _ok("list_set_operations", {"first": ["DE", "FR", "IT", "ES"], "second": ["FR", "BE", "ES", "PT"]})
    assert (sets["in_both"], sets["jaccard"]) == (["ES", "FR"], pytest.approx(2 / 6))
    assert _ok("top_k_numbers", {"values": [3, 1, 4, 1, 5, 9, 2, 6], "k": 3})["largest"] == [9, 6, 5]
    assert _ok("rank_of_value", {"values": [3, 1, 4, 1, 5, 9, 2, 6], "value": 4})["rank"] == 4
    p90 = _ok("percentile_of_list", {"values": [3, 1, 4, 1, 5, 9, 2, 6], "percentile": 90})["percentile_value"]
    assert p90 == pytest.approx(6.9)
