"""Semantic types ("ports") of tool inputs and outputs.

A port says what a value *means* (an ISO country code, an IATA airport code, a date),
not its Python type. Two tools chain when an output port of one equals an input port
of the other; those pairs are the edges of the tool graph.

Each port also says how a value the question *states* is written in English, so that a
derived question reads naturally whether an argument is stated or produced by a step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

AnswerType = Literal["number", "integer", "string", "code", "date", "boolean", "list"]


@dataclass(frozen=True)
class PortInfo:
    """How a port's values are typed, compared and written in a question."""

    name: str
    description: str
    answer_type: AnswerType
    stated: str = "{value}"
    """Template for writing a stated value as a noun phrase, e.g. "airport {value}"."""
    chainable: bool = True
    """False for ports too generic to link tools meaningfully (free numbers, text)."""
    ask: str = "{phrase}"
    """How to ask for a value of this port directly, given the entity phrase: tool phrases name the
    entity ("the country where airport LHR is located"); a question asks for its code."""
    accepts: tuple[str, ...] = ()
    """Other ports whose values are also values of this one (a country's name is a search query)."""
    case_sensitive: bool = False
    """Letter case carries meaning in a value (SMILES c1ccccc1 is benzene, C1CCCCC1 cyclohexane; CO is not Co): the
    reward compares answers of this port with their case."""


_PORTS: dict[str, PortInfo] = {}


def define_port(
    name: str,
    description: str,
    answer_type: AnswerType = "string",
    stated: str = "{value}",
    chainable: bool = True,
    ask: str = "{phrase}",
    accepts: tuple[str, ...] = (),
    case_sensitive: bool = False,
) -> PortInfo:
    """Register a port once; redefinition with different facts is an error."""
    info = PortInfo(name, description, answer_type, stated, chainable, ask, accepts, case_sensitive)
    existing = _PORTS.get(name)
    if existing is not None and existing != info:
        raise ValueError(f"port {name!r} is already defined differently: {existing}")
    _PORTS[name] = info
    return info


def get_port(name: str) -> PortInfo:
    try:
        return _PORTS[name]
    except KeyError:
        raise KeyError(f"unknown port {name!r}; define it in tool_catalog/ports.py") from None


LIST_PORTS = frozenset({"number_list", "string_list", "boolean_list"})
"""Ports whose values are lists (a list argument may be built from several steps' outputs)."""


def all_ports() -> dict[str, PortInfo]:
    return dict(_PORTS)


def port(name: str, quantity: Any = None, **extra: Any) -> dict[str, Any]:
    """`json_schema_extra` for a pydantic Field: tags the parameter with its port.

    Extra keys (e.g. ``samples=[...]``) are kept in the JSON Schema under ``x-...`` names; a ``quantity``
    (:class:`tool_catalog.quantities.Quantity`: what a numeric parameter measures) as ``x-unit``, ``x-scale`` and
    ``x-additive``.
    """
    get_port(name)
    out: dict[str, Any] = {"x-port": name}
    if quantity is not None:
        out["x-unit"] = quantity.unit
        out["x-scale"] = quantity.scale
        if quantity.additive:
            out["x-additive"] = True
    for key, value in extra.items():
        out[f"x-{key}"] = value
    return out


def render_stated(port_name: str, value: Any) -> str:
    """Write a stated value of a port as a noun phrase for a question."""
    return get_port(port_name).stated.format(value=format_value(value))


def ask_phrase(port_name: str, phrase: str) -> str:
    """Wrap an entity phrase to ask for the port's value ("the ISO 4217 code of <phrase>").

    Phrases that already name a code or name are left as they are.
    """
    head = " ".join(phrase.split()[:4]).lower()
    if "code" in head or "name" in head or "symbol" in head:
        return phrase
    return get_port(port_name).ask.format(phrase=phrase)


def format_value(value: Any) -> str:
    """Human formatting of a scalar: no trailing zeros on floats, lists joined by commas (by semicolons when an
    item has a comma of its own, so the list can be read back)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.10g}"
    if isinstance(value, (list, tuple)):
        items = [format_value(v) for v in value]
        return ("; " if any("," in item for item in items) else ", ").join(items)
    return str(value)


# --- the ports -----------------------------------------------------------------------
# Geography & travel
define_port(
    "country_code",
    "ISO 3166-1 alpha-2 country code",
    "code",
    "the country with ISO code {value}",
    ask="the ISO 3166-1 alpha-2 code of {phrase}",
)
define_port(
    "country_alpha3",
    "ISO 3166-1 alpha-3 country code",
    "code",
    "the country with ISO alpha-3 code {value}",
    ask="the ISO 3166-1 alpha-3 code of {phrase}",
)
define_port("country_name", "English short name of a country", "string", "{value}")
define_port(
    "subdivision_code",
    "ISO 3166-2 subdivision code",
    "code",
    "the subdivision {value}",
    ask="the ISO 3166-2 code of {phrase}",
)
define_port("iata_code", "IATA airport code", "code", "airport {value}", ask="the IATA code of {phrase}")
define_port(
    "icao_code", "ICAO airport code", "code", "the airport with ICAO code {value}", ask="the ICAO code of {phrase}"
)
define_port("city_name", "name of a city or town", "string", "{value}")
define_port("airport_name", "name of an airport", "string", "{value}")
define_port("latitude", "latitude in decimal degrees (WGS84)", "number", "latitude {value}")
define_port("longitude", "longitude in decimal degrees (WGS84)", "number", "longitude {value}")
define_port("timezone", "IANA time zone name", "code", "the time zone {value}")
define_port("phone_number", "telephone number in international format", "string", "the phone number {value}")
define_port("calling_code", "international calling code", "integer", "{value}", chainable=False)
# Finance & business
define_port("currency_code", "ISO 4217 currency code", "code", "{value}", ask="the ISO 4217 code of {phrase}")
define_port("iban", "International Bank Account Number", "code", "the IBAN {value}")
define_port("bic", "SWIFT/BIC bank identifier code", "code", "the BIC {value}")
define_port("isin", "International Securities Identification Number", "code", "the ISIN {value}")
define_port("isbn", "International Standard Book Number", "code", "the ISBN {value}")
define_port(
    "exchange_code",
    "ISO 10383 market identifier of an exchange",
    "code",
    "the exchange {value}",
    ask="the ISO 10383 market identifier code of {phrase}",
)
define_port("money_amount", "an amount of money", "number", "{value}", chainable=False)
define_port(
    "interest_rate", "an interest or growth rate as a decimal fraction per period", "number", "{value}", chainable=False
)
# Dates and time
define_port("date", "calendar date in ISO 8601 (YYYY-MM-DD)", "date", "{value}")
define_port("datetime", "date and time in ISO 8601", "string", "{value}")
define_port("year", "a calendar year", "integer", "{value}")
define_port("month", "a month of the Gregorian calendar, 1 = January", "integer", "{value}")
define_port("islamic_month", "a month of the Islamic (Hijri) calendar, 1 = Muharram", "integer", "{value}")
define_port("weekday", "English name of a day of the week", "string", "{value}", chainable=False)
# Medicine & chemistry
define_port("icd10cm_code", "ICD-10-CM diagnosis code", "code", "the ICD-10-CM code {value}")
define_port("chemical_name", "common name of a chemical compound", "string", "{value}")
define_port(
    "cas_number",
    "CAS registry number",
    "code",
    "the compound with CAS number {value}",
    ask="the CAS registry number of {phrase}",
)
define_port("smiles", "SMILES structure string", "code", "the molecule with SMILES {value}", case_sensitive=True)
define_port("chemical_formula", "chemical formula in Hill notation", "code", "the formula {value}", case_sensitive=True)
define_port(
    "element_symbol",
    "chemical element symbol",
    "code",
    "the element {value}",
    ask="the chemical symbol of {phrase}",
    case_sensitive=True,
)
define_port("temperature_k", "temperature in kelvin", "number", "{value} K", chainable=False)
# Biology & physical science
define_port("dna_sequence", "DNA sequence over A, C, G, T", "code", "the DNA sequence {value}")
define_port("rna_sequence", "RNA sequence over A, C, G, U", "code", "the RNA sequence {value}")
define_port(
    "protein_sequence", "protein sequence in one-letter amino-acid codes", "code", "the protein sequence {value}"
)
define_port("amino_acid", "amino acid one-letter code", "code", "the amino acid {value}")
define_port(
    "codon_table_id", "NCBI genetic code table number", "integer", "NCBI genetic code table {value}", chainable=False
)
define_port("restriction_enzyme", "name of a restriction enzyme in REBASE", "code", "the enzyme {value}")
define_port("celestial_body", "name of a planet, the Sun or the Moon", "string", "{value}")
define_port("star_name", "name of a bright star", "string", "the star {value}")
define_port("unit", "name or symbol of a physical unit", "string", "{value}", chainable=False)
define_port("physical_constant", "name of a CODATA physical constant", "string", "the constant '{value}'")
# Language & time
define_port("word", "an English word", "string", "the word '{value}'")
define_port(
    "language_code",
    "ISO 639 / BCP 47 language code",
    "code",
    "the language with code {value}",
    ask="the language code of {phrase}",
)
define_port("language_name", "English name of a language", "string", "{value}")
define_port("text", "free text", "string", "the text '{value}'")  # chainable: words a tool wrote can be analysed
define_port(  # not chainable (a generated sentence is no query), but the name of a thing the index holds is one
    "search_query",
    "words to search for in a local index",
    "string",
    "'{value}'",
    chainable=False,
    accepts=("country_name", "airport_name", "chemical_name", "star_name", "physical_constant"),
)
define_port("hebrew_date", "date in the Hebrew calendar as year-month-day", "string", "the Hebrew date {value}")
define_port(
    "islamic_date", "date in the Islamic (Hijri) calendar as year-month-day", "string", "the Islamic date {value}"
)
# Generic values
define_port("number", "a real number", "number", "{value}", chainable=False)
define_port("integer", "a whole number", "integer", "{value}", chainable=False)
define_port("count", "a count of things", "integer", "{value}", chainable=False)
define_port("boolean", "true or false", "boolean", "{value}", chainable=False)
define_port("label", "a short descriptive string", "string", "{value}", chainable=False)
define_port("number_list", "a list of numbers", "list", "{value}", chainable=False)
define_port("string_list", "a list of strings", "list", "{value}", chainable=False)
define_port("boolean_list", "a list of true/false values", "list", "{value}", chainable=False)

# Domain-specific ports
define_port(
    "holiday_name",
    "English name of a public or market holiday, e.g. 'Easter Monday'",
    "string",
    "the holiday {value}",
    ask="the name of {phrase}",
)
define_port("cldr_locale", "CLDR locale identifier such as de_DE or ja_JP", "code", "locale {value}", chainable=False)
define_port(
    "math_expression",
    "an arithmetic expression with numbers, + - * / // % **, parentheses and basic math functions",
    "string",
    "{value}",
    chainable=False,
)
define_port("geohash", "geohash cell string (base-32)", "code", "the geohash cell {value}")
define_port("maidenhead_locator", "Maidenhead grid locator", "code", "the Maidenhead grid square {value}")
define_port(
    "arpabet",
    "pronunciation as space-separated ARPAbet phones with stress digits (CMU Pronouncing Dictionary)",
    "string",
    "the ARPAbet pronunciation '{value}'",
)
define_port("part_of_speech", "a coarse part of speech: noun, verb, adjective or adverb", "string", chainable=False)
define_port(
    "julian_date", "date in the Julian calendar as year-month-day", "string", "the Julian calendar date {value}"
)
define_port(
    "persian_date",
    "date in the Persian (Solar Hijri) calendar as year-month-day",
    "string",
    "the Persian calendar date {value}",
)
define_port("roman_numeral", "a number written in Roman numerals", "code", "the Roman numeral {value}")
define_port(
    "icd10cm_block",
    "ICD-10-CM block: a range of three-character categories such as E08-E13",
    "code",
    "the ICD-10-CM block {value}",
    ask="the category range of {phrase}",
)
define_port("inchikey", "InChIKey structure hash", "code", "the compound with InChIKey {value}")
define_port(
    "pubchem_cid", "PubChem compound ID", "integer", "PubChem compound {value}", ask="the PubChem CID of {phrase}"
)
define_port(
    "constellation",
    "English name of one of the IAU constellations, e.g. 'Orion'",
    "string",
    "the constellation {value}",
)
define_port("codon", "a DNA codon of three bases", "code", "the codon {value}")
