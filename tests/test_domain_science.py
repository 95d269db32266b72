"""Science domain: examples run offline, known facts hold, seeds are valid inputs, bad input is reported."""

from __future__ import annotations

from typing import Any

import pytest

from tool_catalog import call_tool, domain_tools, seed_sources

TOOLS = domain_tools("science")
SOURCES = seed_sources("science")


def _ok(name: str, arguments: dict[str, Any]) -> dict[str, Any]:
    result = call_tool(name, arguments)
    assert result.ok, (name, arguments, result.error_type, result.error)
    assert result.output is not None
    return result.output


def test_domain_size() -> None:
    assert len(TOOLS) >= 60, [t.name for t in TOOLS]
    seeds = [v for s in SOURCES for v in s.fn()]
    assert len(seeds) >= 1000
    assert all(isinstance(v, str) and v for v in seeds)
    for source in SOURCES:
        values = list(source.fn())
        assert values == sorted(values), source.port
        assert len(values) == len(set(values)), source.port


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("tool", TOOLS, ids=lambda t: t.name)
def test_examples_run_offline(tool) -> None:
    for example in tool.examples:
        output = _ok(tool.name, example)
        assert set(tool.outputs) <= set(output)


# Tools whose documented samples combine into valid calls in any rotation; the others' samples deliberately combine
# into some failing calls (a stop codon first, a unit of another dimension), which the pipeline records as failures.
COMBINABLE_SAMPLES = frozenset(
    {
        "align_dna",
        "align_proteins",
        "back_transcribe_rna",
        "binomial_probability",
        "black_body",
        "body_rise_set",
        "body_separation",
        "codon_meaning",
        "codon_table_differences",
        "codon_usage",
        "codons_for_amino_acid",
        "combinations_count",
        "compatible_end_enzymes",
        "constant_ratio",
        "constellation_at",
        "cpg_content",
        "critical_values",
        "dew_point_and_heat_index",
        "dna_kmer_spectrum",
        "dna_skew",
        "doppler_shift",
        "double_digest",
        "enzymes_by_site_length",
        "enzymes_for_site",
        "equinoxes_and_solstices",
        "find_dna_motif",
        "gc_window_extremes",
        "gcd_lcm",
        "hydropathy_window",
        "julian_date_to_calendar",
        "linear_regression",
        "local_sidereal_time",
        "moon_age",
        "normal_distribution",
        "normal_gravity",
        "nth_prime",
        "number_bases",
        "orf_count",
        "photon_energy",
        "planet_heliocentric",
        "poisson_probability",
        "prime_factorization",
        "primer_tm_in_buffer",
        "protein_charge_at_ph",
        "protein_codon_degeneracy",
        "protein_motif_search",
        "protein_structure_propensity",
        "protein_three_letter",
        "quadratic_roots",
        "radioactive_decay",
        "shadow_length",
        "standard_atmosphere",
        "star_altitude",
        "star_separation",
        "star_visibility",
        "substitution_score",
        "sun_on_date",
        "survey_sample_size",
        "transcribe_dna",
        "trypsin_digest",
        "unit_in_si",
        "welch_t_test",
    }
)


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("tool", [t for t in TOOLS if t.name in COMBINABLE_SAMPLES], ids=lambda t: t.name)
def test_samples_are_valid_arguments(tool) -> None:
    """Fill every required parameter from its samples as the policy does (never repeating a value) and call.

    Only for the tools of :data:`COMBINABLE_SAMPLES`.
    """
    samples = {param: tool.param_samples(param) for param in tool.required_params}
    for param, values in samples.items():
        assert 2 <= len(values) <= 8, (tool.name, param, values)
    for i in range(max(len(v) for v in samples.values())):
        arguments: dict = {}
        for param, values in samples.items():
            rotated = values[i % len(values) :] + values[: i % len(values)]
            lengths = {len(v) for v in arguments.values() if isinstance(v, list)}
            paired = [v for v in rotated if isinstance(v, list) and len(v) in lengths]  # x and y: as long
            arguments[param] = next(v for v in paired or rotated if v not in arguments.values())
        _ok(tool.name, arguments)


def test_known_biology_facts() -> None:
    ecori = _ok("restriction_enzyme_info", {"enzyme": "EcoRI"})
    assert ecori["site"] == "GAATTC"
    assert ecori["cut_pattern"] == "G^AATT_C"
    assert ecori["end_type"] == "5' overhang"
    assert _ok("restriction_enzyme_info", {"enzyme": "SmaI"})["end_type"] == "blunt"
    assert "XmaI" in _ok("restriction_enzyme_info", {"enzyme": "SmaI"})["isoschizomers"]
    # pUC19 multiple cloning site: one EcoRI site at its 5' end, one HindIII site at its 3' end.
    mcs = "GAATTCGAGCTCGGTACCCGGGGATCCTCTAGAGTCGACCTGCAGGCATGCAAGCTT"
    assert _ok("restriction_digest", {"enzyme": "EcoRI", "sequence": mcs})["cut_positions"] == [2]
    assert _ok("restriction_digest", {"enzyme": "HindIII", "sequence": mcs})["cut_positions"] == [len(mcs) - 4]
    cutters = _ok("enzymes_cutting_sequence", {"sequence": mcs})["single_cutters"]
    assert {"EcoRI", "BamHI", "HindIII", "KpnI", "PstI", "SalI", "XbaI"} <= set(cutters)
    t7 = _ok("reverse_complement", {"sequence": "TAATACGACTCACTATAGGG"})
    assert t7 == {"reverse_complement": "CCCTATAGTGAGTCGTATTA", "is_palindromic": False}
    # TGA is a stop in the standard code and tryptophan in vertebrate mitochondria; AGA is a stop there.
    assert _ok("translate_dna", {"sequence": "ATGTGAAGA", "table": 1})["protein"] == "M"
    assert _ok("translate_dna", {"sequence": "ATGTGAAGA", "table": 2})["protein"] == "MW"
    assert _ok("codon_table_info", {"table": 2})["reassigned_codons"] == ["AGA", "AGG", "ATA", "TGA"]
    assert _ok("amino_acid_info", {"amino_acid": "W"})["codons"] == ["TGG"]
    assert _ok("amino_acid_info", {"amino_acid": "L"})["three_letter"] == "Leu"
    assert _ok("dna_composition", {"sequence": "GCGGCCGC"})["gc_fraction"] == 1.0
    assert _ok("dna_melting_temperature", {"sequence": "TAATACGACTCACTATAGGG"})["tm_wallace"] == 56.0
    # Angiotensin II weighs 1046.2 Da; glucagon 3482.8 Da.
    assert _ok("protein_properties", {"protein": "DRVYIHPF"})["molecular_weight"] == pytest.approx(1046.18, abs=0.05)
    glucagon = "HSQGTFTSDYSKYLDSRRAQDFVQWLMNT"
    assert _ok("protein_properties", {"protein": glucagon})["molecular_weight"] == pytest.approx(3482.75, abs=0.05)
    orf = _ok("longest_orf", {"sequence": mcs, "table": 1})
    assert orf["protein"].startswith("M") and orf["has_stop"]


@pytest.mark.usefixtures("no_network")
def test_known_physics_and_sky_facts() -> None:
    electron = _ok("physical_constant_lookup", {"name": "electron mass"})
    assert electron["value"] == pytest.approx(9.1093837139e-31) and electron["unit"] == "kg"
    assert _ok("physical_constant_lookup", {"name": "speed of light in vacuum"})["is_exact"] is True
    mev = _ok("constant_in_unit", {"name": "electron mass", "to_unit": "MeV/c**2"})["value"]
    assert mev == pytest.approx(0.51099895, rel=1e-8)
    assert "Bohr radius" in _ok("search_physical_constants", {"keyword": "bohr"})["matches"]
    assert _ok("star_info", {"star": "Sirius"})["constellation"] == "Canis Major"
    assert _ok("star_info", {"star": "Polaris"})["constellation"] == "Ursa Minor"
    assert _ok("brightest_star_in_constellation", {"constellation": "Lyra"})["brightest_star"] == "Vega"
    assert _ok("brightest_star_in_constellation", {"constellation": "canis major"})["brightest_star"] == "Sirius"
    assert _ok("planet_position", {"body": "Mars", "date": "2025-01-01"})["constellation"] == "Cancer"
    assert _ok("moon_phases_after_date", {"date": "2025-01-01"})["next_full_moon"] == "2025-01-13"
    # The total solar eclipse of 2024-04-08 happened at new moon.
    assert _ok("moon_phases_after_date", {"date": "2024-04-01"})["next_new_moon"] == "2024-04-08"
    assert _ok("julian_date", {"date": "2000-01-01"})["julian_date"] == 2451544.5
    london = _ok("city_coordinates", {"city": "London"})
    assert london["latitude"] == pytest.approx(51.5, abs=0.05)
    sun = _ok("sun_times", {"latitude": london["latitude"], "longitude": london["longitude"], "date": "2025-06-21"})
    assert sun["sunrise"] == "2025-06-21T03:43Z" and 16.5 < sun["day_length_hours"] < 16.8


@pytest.mark.usefixtures("no_network")
def test_chains_through_typed_ports() -> None:
    site = _ok("restriction_enzyme_info", {"enzyme": "BamHI"})["site"]
    protein = _ok("translate_dna", {"sequence": site, "table": 1})["protein"]
    residue = _ok("protein_composition", {"protein": protein})["most_common"]
    assert (site, protein, residue) == ("GGATCC", "GS", "G")
    assert _ok("amino_acid_info", {"amino_acid": residue})["three_letter"] == "Gly"

    full_moon = _ok("moon_phases_after_date", {"date": "2025-01-01"})["next_full_moon"]
    constellation = _ok("planet_position", {"body": "Mars", "date": full_moon})["constellation"]
    star = _ok("brightest_star_in_constellation", {"constellation": constellation})["brightest_star"]
    assert (constellation, star) == ("Gemini", "Pollux")
    assert _ok("star_info", {"star": star})["constellation"] == "Gemini"

    name = _ok("search_physical_constants", {"keyword": "Planck"})["first_match"]
    assert name == "Planck constant"
    assert _ok("constant_in_unit", {"name": name, "to_unit": "eV*s"})["value"] == pytest.approx(4.135667697e-15)


def _fill(tool, param: str, value: str) -> dict[str, Any]:
    arguments: dict[str, Any] = {param: value}
    for other in tool.required_params:
        if other != param:
            arguments[other] = tool.param_samples(other)[0]
    return arguments


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.port)
def test_seeds_are_valid_inputs(source) -> None:
    values = list(source.fn())
    picks = [values[i * len(values) // 50] for i in range(min(50, len(values)))]
    consumers = [(t, p) for t in TOOLS for p, port_name in t.input_ports.items() if port_name == source.port]
    assert consumers, source.port
    for value in picks:
        results = [call_tool(t.name, _fill(t, p, value)) for t, p in consumers]
        assert any(r.ok for r in results), (source.port, value, [r.error for r in results])


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize(
    ("name", "arguments", "error_type"),
    [
        ("restriction_enzyme_info", {"enzyme": "EcoRXYZ"}, "bad_input"),
        ("reverse_complement", {"sequence": "GATTACA!"}, "invalid_arguments"),
        ("translate_dna", {"sequence": "ATGAAA", "table": 7}, "bad_input"),
        ("translate_dna", {"sequence": "TAAATG", "table": 1}, "bad_input"),
        ("dna_composition", {"sequence": "ACGTN"}, "bad_input"),
        ("protein_properties", {"protein": "MKX*"}, "invalid_arguments"),
        ("amino_acid_info", {"amino_acid": "B"}, "bad_input"),
        ("physical_constant_lookup", {"name": "flux capacitor constant"}, "bad_input"),
        ("constant_in_unit", {"name": "electron mass", "to_unit": "meter"}, "bad_input"),
        ("planet_position", {"body": "Vulcan", "date": "2025-01-01"}, "bad_input"),
        ("planet_position", {"body": "Mars", "date": "2024-02-30"}, "bad_input"),
        ("julian_date", {"date": "1492-10-12"}, "bad_input"),
        ("sun_times", {"latitude": 89.0, "longitude": 0.0, "date": "2025-12-21"}, "bad_input"),
        ("sun_times", {"latitude": 123.0, "longitude": 0.0, "date": "2025-12-21"}, "invalid_arguments"),
        ("city_coordinates", {"city": "Atlantis"}, "bad_input"),
        ("brightest_star_in_constellation", {"constellation": "Cancer"}, "bad_input"),
    ],
)
def test_bad_arguments_give_structured_errors(name: str, arguments: dict[str, Any], error_type: str) -> None:
    result = call_tool(name, arguments)
    assert not result.ok
    assert result.error_type == error_type, result.error
    assert result.error


def test_codon_table_info_samples_every_ncbi_table() -> None:
    """Its one parameter is the table: sampling five of them made its questions repeat
    (7 split-task calls over the science partitions at 2,400 traces each)."""
    from Bio.Data import CodonTable

    from tool_catalog import get_tool

    samples = get_tool("codon_table_info").param_samples("table")
    assert sorted(samples) == sorted(CodonTable.unambiguous_dna_by_id)
    counts = {table: _ok("codon_table_info", {"table": table})["reassigned_count"] for table in samples}
    assert counts[1] == 0 and counts[2] == 4 and counts[11] == 0  # the standard, vertebrate mito, bacterial codes
