"""Finance tools: examples run offline, known facts hold, seeds are valid inputs, bad input is refused cleanly."""

from __future__ import annotations

import pytest

from tool_catalog import call_tool, domain_tools, seed_sources

DOMAIN = "finance"
TOOLS = domain_tools(DOMAIN)
SOURCES = seed_sources(DOMAIN)


def _ok(name: str, arguments: dict) -> dict:
    result = call_tool(name, arguments)
    assert result.ok, (name, arguments, result.error_type, result.error)
    assert result.output is not None
    return result.output


def _error(name: str, arguments: dict) -> str:
    result = call_tool(name, arguments, default_s=10.0)
    assert not result.ok, (name, arguments, result.output)
    assert result.error_type and result.error
    return result.error_type


def test_tool_and_seed_counts() -> None:
    assert len(TOOLS) >= 60, [t.name for t in TOOLS]
    assert all(t.domain == DOMAIN for t in TOOLS)
    assert {s.port for s in SOURCES} >= {"country_code", "currency_code", "exchange_code", "bic"}
    total = 0
    for source in SOURCES:
        values = list(source.fn())
        assert values == sorted(set(values)), source.port
        assert all(isinstance(v, str) and v for v in values)
        total += len(values)
    assert total >= 1000


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
        # identifiers to validate take more: with 3-5 samples their questions repeat and fail the duplicate check
        assert 3 <= len(values) <= (24 if tool.input_ports[param] == "label" else 8), (tool.name, param, values)
    _ok(tool.name, {param: values[0] for param, values in samples.items()})


IDENTIFIER_CHECKS = {"figi_check": "figi", "lei_check": "lei", "issn_details": "issn", "french_vat_from_siren": "siren"}
MISTYPED = {"BBG000BLNNH7", "BBG000B9XRY5", "HWUPKR0MPOU8FGXBT395", "0028-0837"}


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("name", sorted(IDENTIFIER_CHECKS))
def test_identifier_samples_are_real_numbers_but_for_the_marked_typos(name: str) -> None:
    """Samples of the identifier checks are registered numbers (their check digits hold) and distinct; the few
    mistyped ones make "is it valid?" sometimes false, and a typo of a valid number is caught."""
    tool = next(t for t in TOOLS if t.name == name)
    values = tool.param_samples(IDENTIFIER_CHECKS[name])
    assert len(values) == len(set(values)) >= 15
    for value in values:
        result = call_tool(name, {IDENTIFIER_CHECKS[name]: value})
        if name == "french_vat_from_siren":
            assert result.ok and result.output["vat_number"].endswith(value), value
        else:
            assert result.ok and result.output["is_valid"] is (value not in MISTYPED), value
    assert MISTYPED & set(values) or name == "french_vat_from_siren"


@pytest.mark.usefixtures("no_network")
def test_currency_facts() -> None:
    assert _ok("currency_profile", {"currency_code": "CHF"})["cash_increment"] == 0.05
    assert _ok("currency_profile", {"currency_code": "JPY"})["minor_units"] == 0
    assert _ok("currency_profile", {"currency_code": "KWD"})["minor_units"] == 3
    assert _ok("country_currency_on_date", {"country_code": "HR", "date": "2022-06-01"})["currency_code"] == "HRK"
    euro = _ok("country_currency_on_date", {"country_code": "HR", "date": "2023-06-01"})
    assert euro["currency_code"] == "EUR"
    assert euro["in_use_since"] == "2023-01-01"
    assert _ok("currency_users_on_date", {"currency_code": "XOF", "date": "2016-06-24"})["territory_count"] == 8
    assert "DE" not in _ok("currency_users_on_date", {"currency_code": "USD", "date": "2024-01-02"})["territories"]
    money = _ok("format_money", {"amount": 1234567.891, "currency_code": "EUR", "locale": "de_DE"})
    assert money["formatted"] == "1.234.567,89\xa0€"


@pytest.mark.usefixtures("no_network")
def test_ecb_rate_facts() -> None:
    # 2024-01-06 is a Saturday: the Friday fixing is used and reported.
    saturday = _ok("ecb_exchange_rate", {"base_currency": "EUR", "quote_currency": "USD", "date": "2024-01-06"})
    assert saturday == {"rate": 1.0921, "fixing_date": "2024-01-05"}
    assert _ok(
        "convert_currency", {"amount": 100, "from_currency": "EUR", "to_currency": "JPY", "date": "2024-01-02"}
    ) == {"converted_amount": 15568.0}
    cross = _ok("ecb_exchange_rate", {"base_currency": "USD", "quote_currency": "JPY", "date": "2020-03-02"})
    assert cross["rate"] == pytest.approx(107.732, rel=1e-5)
    assert _ok("ecb_rate_coverage", {"currency_code": "RUB"})["last_fixing"] == "2022-03-01"
    assert _ok("ecb_rate_coverage", {"currency_code": "CYP"})["last_fixing"] == "2007-12-31"
    year = _ok("exchange_rate_extremes", {"base_currency": "EUR", "quote_currency": "USD", "year": 2022})
    assert year["min_rate"] < 1 < year["max_rate"]  # the euro fell below parity in 2022
    assert year["min_date"].startswith("2022-09")


@pytest.mark.usefixtures("no_network")
def test_holiday_facts() -> None:
    unity = _ok("public_holiday_check", {"country_code": "DE", "date": "2024-10-03"})
    assert unity == {"is_public_holiday": True, "holiday_name": "German Unity Day", "is_working_day": False}
    assert _ok("public_holiday_check", {"country_code": "US", "date": "2025-03-12"})["holiday_name"] is None
    assert _ok("next_public_holiday", {"country_code": "JP", "date": "2024-12-24"})["holiday_date"] == "2025-01-01"
    thanksgiving = _ok("holiday_date_by_name", {"country_code": "US", "year": 2025, "holiday_name": "Thanksgiving"})
    assert thanksgiving == {"holiday_date": "2025-11-27", "weekday": "Thursday"}
    easter = _ok("holiday_date_by_name", {"country_code": "DE", "year": 2027, "holiday_name": "Easter Monday"})
    assert easter["holiday_date"] == "2027-03-29"
    shift = _ok("add_working_days", {"country_code": "DE", "date": "2025-12-23", "working_days": 3})
    assert shift == {"result_date": "2025-12-30", "calendar_days": 7, "holidays_skipped": 2}
    assert _ok("public_holidays_in_year", {"country_code": "US", "year": 2025})["holiday_count"] == 11


@pytest.mark.usefixtures("no_network")
def test_exchange_facts() -> None:
    assert _ok("exchange_calendar_info", {"exchange_code": "XTKS"})["timezone"] == "Asia/Tokyo"
    assert _ok("exchange_calendar_info", {"exchange_code": "XNYS"})["session_hours"] == 6.5
    thanksgiving = _ok("exchange_session_status", {"exchange_code": "XNYS", "date": "2025-11-27"})
    assert thanksgiving == {"is_session": False, "previous_session": "2025-11-26", "next_session": "2025-11-28"}
    assert (
        _ok("exchange_session_status", {"exchange_code": "XLON", "date": "2025-12-26"})["next_session"] == "2025-12-29"
    )
    friday = _ok("exchange_session_hours", {"exchange_code": "XNYS", "date": "2025-11-27"})
    assert friday["close_utc"] == "2025-11-28T18:00:00Z"
    assert friday["is_early_close"] is True
    assert _ok("exchange_session_counts", {"exchange_code": "XNYS", "date": "2025-06-30"})["year_sessions"] == 250
    holidays = _ok("market_holidays_in_year", {"exchange_code": "XNYS", "year": 2025})["holiday_names"]
    assert "National Day of Mourning for former President Jimmy Carter" in holidays


@pytest.mark.usefixtures("no_network")
def test_bank_and_loan_facts() -> None:
    commerzbank = _ok("bic_details", {"bic": "COBADEFFXXX"})
    assert commerzbank["country_code"] == "DE"
    assert commerzbank["bank_name"] == "Commerzbank"
    iban = _ok("iban_details", {"iban": "DE89 3704 0044 0532 0130 00"})
    assert (iban["bank_code"], iban["bic"], iban["account_code"]) == ("37040044", "COBADEFFXXX", "0532013000")
    assert _ok("iban_details", {"iban": "FR1420041010050500013M02606"})["bic"] == "PSSTFRPP"
    assert _ok("iban_country_format", {"country_code": "DE"})["iban_length"] == 22
    assert _ok("iban_country_format", {"country_code": "NO"})["iban_length"] == 15
    loan = _ok("loan_payment", {"principal": 300000, "annual_rate": 0.06, "years": 30, "currency_code": "USD"})
    assert loan["monthly_payment"] == 1798.65
    yen = _ok("loan_payment", {"principal": 300000, "annual_rate": 0.06, "years": 30, "currency_code": "JPY"})
    assert yen["monthly_payment"] == 1799.0  # yen has no minor units


@pytest.mark.usefixtures("no_network")
def test_chains_through_typed_ports() -> None:
    # BIC -> country -> legal tender on a date -> ECB rate -> fixing date -> exchange session
    country = _ok("bic_details", {"bic": "UBSWCHZH80A"})["country_code"]
    assert country == "CH"
    currency = _ok("country_currency_on_date", {"country_code": country, "date": "2024-12-24"})["currency_code"]
    assert currency == "CHF"
    rate = _ok("ecb_exchange_rate", {"base_currency": currency, "quote_currency": "USD", "date": "2024-12-28"})
    assert rate["fixing_date"] == "2024-12-27"
    session = _ok("exchange_session_status", {"exchange_code": "XSWX", "date": rate["fixing_date"]})
    assert session["is_session"] is True
    # IBAN -> BIC -> bank; holiday -> next exchange session -> rate on that day
    bic = _ok("iban_details", {"iban": "GB29NWBK60161331926819"})["bic"]
    assert _ok("bic_details", {"bic": bic})["country_code"] == "GB"
    holiday = _ok("next_public_holiday", {"country_code": "GB", "date": "2025-04-18"})["holiday_date"]
    following = _ok("exchange_session_status", {"exchange_code": "XLON", "date": holiday})["next_session"]
    assert _ok("ecb_exchange_rate", {"base_currency": "GBP", "quote_currency": "EUR", "date": following})["rate"] > 1


def _evenly_spaced(values: list[str], count: int = 50) -> list[str]:
    if len(values) <= count:
        return values
    step = len(values) / count
    return [values[int(i * step)] for i in range(count)]


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.port)
def test_seeds_are_valid_inputs(source) -> None:
    consumers = [(t, p) for t in TOOLS for p in t.required_params if t.input_ports[p] == source.port]
    assert consumers, source.port
    for value in _evenly_spaced(list(source.fn())):
        errors = []
        for tool, param in consumers:
            arguments = {q: value if q == param else tool.param_samples(q)[0] for q in tool.required_params}
            result = call_tool(tool.name, arguments)
            if result.ok:
                break
            errors.append((tool.name, result.error))
        else:
            pytest.fail(f"seed {value!r} ({source.port}) is accepted by no tool: {errors}")


@pytest.mark.usefixtures("no_network")
def test_bad_arguments_give_structured_errors() -> None:
    assert _error("currency_profile", {"currency_code": "XYZ"}) == "bad_input"
    assert _error("currency_profile", {"currency_code": "usd"}) == "invalid_arguments"
    assert _error("ecb_exchange_rate", {"base_currency": "USD", "quote_currency": "XOF", "date": "2024-01-02"}) == (
        "bad_input"
    )
    assert _error("ecb_exchange_rate", {"base_currency": "USD", "quote_currency": "JPY", "date": "1990-01-02"}) == (
        "bad_input"
    )
    assert _error("ecb_exchange_rate", {"base_currency": "USD", "quote_currency": "USD", "date": "2024-01-02"}) == (
        "bad_input"
    )
    assert _error("public_holiday_check", {"country_code": "DE", "date": "2024-02-30"}) == "bad_input"
    assert _error("public_holiday_check", {"country_code": "QQ", "date": "2024-02-01"}) == "bad_input"
    assert _error("exchange_session_status", {"exchange_code": "ABCD", "date": "2024-02-01"}) == "bad_input"
    assert _error("exchange_session_status", {"exchange_code": "XNYS", "date": "1999-06-01"}) == "bad_input"
    assert _error("iban_details", {"iban": "DE00370400440532013000"}) == "bad_input"
    assert _error("bic_details", {"bic": "ZZZZDEFF"}) == "bad_input"
    assert _error("format_money", {"amount": 5, "currency_code": "EUR", "locale": "xx_YY"}) == "bad_input"
    assert _error("loan_payment", {"principal": 1000, "annual_rate": 5, "years": 10, "currency_code": "USD"}) == (
        "invalid_arguments"
    )
    assert _error("holiday_date_by_name", {"country_code": "JP", "year": 2025, "holiday_name": "Easter Monday"}) == (
        "bad_input"
    )
    assert _error("add_working_days", {"country_code": "FR", "date": "2025-01-01", "working_days": 0}) == (
        "invalid_arguments"
    )
