"""Geography & travel tools: examples run offline, known facts hold, seeds and samples are valid, bad input fails."""

from __future__ import annotations

import pytest

from tool_catalog import call_tool, domain_tools, seed_sources

TOOLS = domain_tools("geo")
SOURCES = seed_sources("geo")


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


def test_geo_tools_and_seed_sources_are_registered() -> None:
    assert len(TOOLS) >= 60, [t.name for t in TOOLS]
    assert all(t.domain == "geo" for t in TOOLS)
    assert {s.port for s in SOURCES} >= {"iata_code", "country_code", "subdivision_code", "timezone", "phone_number"}
    values = [v for s in SOURCES for v in s.fn()]
    assert len(values) >= 1000
    assert all(isinstance(v, str) and v for v in values)
    for source in SOURCES:
        listed = list(source.fn())
        assert listed == sorted(set(listed)), source.fn.__name__


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("tool", TOOLS, ids=lambda t: t.name)
def test_every_example_executes_offline(tool) -> None:
    for example in tool.examples:
        output = _ok(tool.name, example)
        assert set(tool.outputs) <= set(output)
        for field, out in tool.outputs.items():
            value = output[field]
            if isinstance(value, list):
                assert out.port in ("string_list", "number_list"), (tool.name, field)


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("tool", TOOLS, ids=lambda t: t.name)
def test_samples_are_valid_arguments(tool) -> None:
    """Fill every required parameter from its samples as the policy does (never repeating a value) and call."""
    samples = {param: tool.param_samples(param) for param in tool.required_params}
    for values in samples.values():
        assert not values or 3 <= len(values) <= 8, (tool.name, values)
    if not all(samples.values()):
        pytest.skip("a required parameter is filled from seeds or other tools' outputs")
    for i in range(max(len(v) for v in samples.values())):
        arguments: dict = {}
        for param, values in samples.items():
            rotated = values[i % len(values) :] + values[: i % len(values)]
            arguments[param] = next(v for v in rotated if v not in arguments.values())
        _ok(tool.name, arguments)


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.fn.__name__)
def test_seeds_are_accepted_by_a_tool(source) -> None:
    """For 50 evenly spaced seeds, at least one geo tool taking the seed's port returns ok."""
    consumers = []
    for t in TOOLS:
        for param in t.required_params:
            if t.input_ports[param] != source.port:
                continue
            others = [p for p in t.required_params if p != param]
            if all(t.param_samples(p) for p in others):
                consumers.append((t, param, {p: t.param_samples(p)[0] for p in others}))
    assert consumers, source.port
    seeds = list(source.fn())
    step = max(1, len(seeds) // 50)
    for value in seeds[::step][:50]:
        results = [call_tool(t.name, {**fixed, param: value}) for t, param, fixed in consumers]
        assert any(r.ok for r in results), (source.port, value, [(r.tool, r.error) for r in results])


@pytest.mark.usefixtures("no_network")
def test_known_facts() -> None:
    lhr = _ok("airport_info", {"iata": "LHR"})
    assert (lhr["country_code"], lhr["city"], lhr["timezone"]) == ("GB", "London", "Europe/London")
    assert _ok("country_info", {"country_code": "JP"})["alpha_3"] == "JPN"
    assert _ok("country_capital", {"country_code": "KE"})["capital"] == "Nairobi"
    assert _ok("country_capital", {"country_code": "AU"})["capital"] == "Canberra"
    germany = _ok("country_geography", {"country_code": "DE"})
    assert germany["region"] == "Europe" and germany["neighbour_count"] == 9
    assert {"AUT", "FRA", "POL", "CHE"} <= set(germany["neighbours"])
    assert _ok("country_geography", {"country_code": "JP"})["neighbour_count"] == 0
    assert _ok("country_legal_tender", {"country_code": "HR", "date": "2022-06-01"})["currency_code"] == "HRK"
    assert _ok("country_legal_tender", {"country_code": "HR", "date": "2023-06-01"})["currency_code"] == "EUR"
    assert _ok("country_legal_tender", {"country_code": "FR", "date": "1998-06-01"})["currency_code"] == "FRF"
    assert _ok("country_legal_tender", {"country_code": "JP", "date": "2024-01-01"}) == {
        "currency_code": "JPY",
        "currency_name": "Japanese Yen",
        "currency_count": 1,
    }
    swiss = _ok("country_language_profile", {"country_code": "CH"})
    assert {"de", "fr", "it"} <= set(swiss["official_languages"]) and swiss["main_language"] == "de"
    assert _ok("country_language_profile", {"country_code": "BR"})["main_language_name"] == "Portuguese"
    assert _ok("country_dialing_info", {"country_code": "BR"})["calling_code"] == 55
    assert _ok("country_dialing_info", {"country_code": "GB"})["international_prefix"] == "00"
    assert _ok("country_subdivisions", {"country_code": "CH"})["subdivision_count"] == 26
    assert _ok("subdivision_info", {"subdivision_code": "GB-CAM"})["parent_code"] == "GB-ENG"
    assert _ok("subdivision_info", {"subdivision_code": "US-CA"})["name"] == "California"
    assert _ok("timezone_at", {"latitude": 35.6762, "longitude": 139.6503}) == {"timezone": "Asia/Tokyo"}
    assert _ok("timezone_location", {"timezone": "America/Denver"})["country_code"] == "US"
    assert _ok("timezone_location", {"timezone": "Asia/Calcutta"})["country_code"] == "IN"  # a backward link
    assert _ok("country_timezones", {"country_code": "FR"}) == {"timezone_count": 1, "timezones": ["Europe/Paris"]}
    assert _ok("timezone_utc_offset", {"timezone": "Asia/Kolkata", "date": "2024-01-15"})["utc_offset_hours"] == 5.5
    assert _ok("timezone_utc_offset", {"timezone": "America/New_York", "date": "2024-07-01"}) == {
        "utc_offset_hours": -4.0,
        "abbreviation": "EDT",
        "is_dst": True,
    }
    assert _ok("timezone_utc_offset", {"timezone": "America/New_York", "date": "2024-01-15"})["is_dst"] is False
    assert _ok(
        "convert_local_time",
        {"datetime": "2024-07-01T09:00", "from_timezone": "America/New_York", "to_timezone": "Asia/Tokyo"},
    ) == {"converted": "2024-07-01T22:00", "date": "2024-07-01", "hours_ahead": 13.0}
    assert (
        _ok(
            "convert_local_time",
            {"datetime": "2024-12-31T23:30", "from_timezone": "Europe/London", "to_timezone": "Asia/Kolkata"},
        )["date"]
        == "2025-01-01"
    )
    # astral: London sunrise on the 2025 solstice is 03:43 UTC = 04:43 BST (about a minute later in central London)
    london = _ok("sunrise_sunset", {"latitude": 51.5074, "longitude": -0.1278, "date": "2025-06-21"})
    assert london["sunrise"] in ("2025-06-21T04:43", "2025-06-21T04:44") and london["sunset"].startswith(
        "2025-06-21T21:2"
    )
    assert 16.5 < london["day_length_hours"] < 16.7
    assert (
        12.0
        < _ok("sunrise_sunset", {"latitude": 0.0, "longitude": 0.0, "date": "2024-03-20"})["day_length_hours"]
        < 12.2
    )
    jfk = _ok(
        "geodesic_distance",
        {"from_latitude": 51.47, "from_longitude": -0.4543, "to_latitude": 40.6398, "to_longitude": -73.7789},
    )
    assert jfk["distance_km"] == pytest.approx(5555.1, abs=0.5) and jfk["initial_bearing_deg"] == pytest.approx(
        287.98, abs=0.05
    )
    east = _ok("geodesic_destination", {"latitude": 0.0, "longitude": 0.0, "bearing_deg": 90, "distance_km": 111.319})
    assert east == {"latitude": 0.0, "longitude": 1.0}
    assert _ok("nearest_airport", {"latitude": 51.4706, "longitude": -0.46194})["iata"] == "LHR"
    assert _ok("airports_in_country", {"country_code": "PE"})["highest_airport"] == "JUL"
    zurich = _ok("phone_number_info", {"phone_number": "+41 44 668 18 00"})
    assert zurich == {
        "country_code": "CH",
        "calling_code": 41,
        "number_type": "fixed line",
        "national_format": "044 668 18 00",
        "is_valid": True,
    }
    assert _ok("phone_number_location", {"phone_number": "+41446681800"}) == {
        "area": "Zurich",
        "timezone": "Europe/Zurich",
        "timezone_count": 1,
    }


@pytest.mark.usefixtures("no_network")
def test_tools_chain_through_ports() -> None:
    """airport -> country -> capital -> coordinates -> time zone -> offset; phone -> zone -> country -> currency."""
    country = _ok("airport_info", {"iata": "NRT"})["country_code"]
    capital = _ok("country_capital", {"country_code": country})
    assert capital["capital"] == "Tokyo"
    zone = _ok("timezone_at", {"latitude": capital["latitude"], "longitude": capital["longitude"]})["timezone"]
    assert zone == "Asia/Tokyo"
    assert _ok("timezone_utc_offset", {"timezone": zone, "date": "2024-07-01"})["utc_offset_hours"] == 9.0
    airport = _ok("nearest_airport", {"latitude": capital["latitude"], "longitude": capital["longitude"]})["iata"]
    assert _ok("airport_info", {"iata": airport})["country_code"] == "JP"

    phone_zone = _ok("phone_number_location", {"phone_number": "+41446681800"})["timezone"]
    swiss = _ok("timezone_location", {"timezone": phone_zone})["country_code"]
    assert swiss == "CH"
    assert _ok("country_legal_tender", {"country_code": swiss, "date": "2024-03-15"})["currency_code"] == "CHF"

    parent = _ok("subdivision_info", {"subdivision_code": "GB-CAM"})["parent_code"]
    england = _ok("subdivision_info", {"subdivision_code": parent})
    assert england["name"] == "England"
    example = _ok("country_dialing_info", {"country_code": england["country_code"]})["example_number"]
    assert _ok("phone_number_info", {"phone_number": example})["country_code"] == "GB"

    sunrise = _ok("sunrise_sunset", {"latitude": 35.6762, "longitude": 139.6503, "date": "2024-06-21"})["sunrise"]
    moved = _ok("convert_local_time", {"datetime": sunrise, "from_timezone": zone, "to_timezone": "Europe/London"})
    assert moved["date"] == "2024-06-20" and moved["hours_ahead"] == -8.0

    # the ports line up for the policy
    spec = {t.name: t for t in TOOLS}
    assert spec["airport_info"].outputs["country_code"].port == spec["country_capital"].input_ports["country_code"]
    assert spec["country_capital"].outputs["latitude"].port == spec["timezone_at"].input_ports["latitude"]
    assert spec["timezone_at"].outputs["timezone"].port == spec["timezone_utc_offset"].input_ports["timezone"]
    assert spec["sunrise_sunset"].outputs["sunrise"].port == spec["convert_local_time"].input_ports["datetime"]


@pytest.mark.usefixtures("no_network")
def test_bad_arguments_give_structured_errors() -> None:
    assert _error("airport_info", {"iata": "ZZZ"}) == "bad_input"
    assert _error("airport_info", {"iata": "lhr"}) == "invalid_arguments"
    assert _error("country_info", {"country_code": "XX"}) == "bad_input"
    assert _error("country_capital", {"country_code": "AQ"}) == "bad_input"
    assert _error("country_capital", {"country_code": "Japan"}) == "invalid_arguments"
    assert _error("country_legal_tender", {"country_code": "AQ", "date": "2024-01-01"}) == "bad_input"
    assert _error("country_legal_tender", {"country_code": "FR", "date": "2024-02-30"}) == "bad_input"
    assert _error("country_legal_tender", {"country_code": "FR", "date": "0001-01-01"}) == "bad_input"
    assert _error("subdivision_info", {"subdivision_code": "XX-ZZ"}) == "bad_input"
    assert _error("timezone_at", {"latitude": 91, "longitude": 0}) == "invalid_arguments"
    assert _error("timezone_at", {"latitude": float("nan"), "longitude": 0}) == "invalid_arguments"
    assert _error("timezone_location", {"timezone": "Mars/Olympus_Mons"}) == "bad_input"
    assert _error("timezone_location", {"timezone": "Etc/UTC"}) == "bad_input"
    assert _error("timezone_location", {"timezone": "../../etc/passwd"}) == "invalid_arguments"
    assert _error("timezone_utc_offset", {"timezone": "Europe/Paris", "date": "tomorrow"}) == "invalid_arguments"
    gap = {"datetime": "2024-03-31T01:30", "from_timezone": "Europe/London", "to_timezone": "Asia/Tokyo"}
    assert _error("convert_local_time", gap) == "bad_input"
    same = {"datetime": "2024-03-31T12:30", "from_timezone": "Asia/Tokyo", "to_timezone": "Asia/Tokyo"}
    assert _error("convert_local_time", same) == "bad_input"
    assert _error("convert_local_time", {**same, "datetime": "2024-13-01T12:00"}) == "bad_input"
    assert _error("sunrise_sunset", {"latitude": 78.2, "longitude": 15.6, "date": "2024-12-21"}) == "bad_input"
    point = {"from_latitude": 10, "from_longitude": 20, "to_latitude": 10, "to_longitude": 20}
    assert _error("geodesic_distance", point) == "bad_input"
    move = {"latitude": 0, "longitude": 0, "bearing_deg": 90, "distance_km": 0}
    assert _error("geodesic_destination", move) == "invalid_arguments"
    assert _error("phone_number_info", {"phone_number": "+999 1234 5678"}) == "bad_input"
    assert _error("phone_number_info", {"phone_number": "0044 20 7946 0958"}) == "invalid_arguments"
    assert _error("phone_number_location", {"phone_number": "+41 1"}) == "bad_input"


def test_twilight_and_golden_hour_are_those_of_the_local_date() -> None:
    """A date is the place's own calendar date: evening astronomical twilight on 27 October 2024 in Tacoma ends after
    midnight UTC, on 28 October, not on the evening before."""
    tacoma = {"latitude": 47.268, "longitude": -122.578, "date": "2024-10-27"}
    dusk = call_tool("astronomical_twilight", tacoma).output["dusk_utc"]
    assert dusk.startswith("2024-10-28T02:"), dusk
    golden = call_tool("golden_hour", tacoma).output
    assert golden["start_utc"].startswith("2024-10-28T00:") or golden["start_utc"].startswith("2024-10-27T23:"), golden
    london = call_tool("civil_twilight", {"latitude": 51.5074, "longitude": -0.1278, "date": "2025-06-21"}).output
    assert london["dawn_utc"].startswith("2025-06-21T02:") and london["dusk_utc"].startswith("2025-06-21T21:")
