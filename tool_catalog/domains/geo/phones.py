"""Phone numbers (phonenumbers, libphonenumber metadata and carrier data): parsing, validation, location, formats
and carrier of a number; a country's dialling facts, example numbers and number lengths; the countries of a calling
code."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from tool_catalog.domains.geo import common
from tool_catalog.domains.geo.common import DOMAIN, CountryCode
from tool_catalog.ports import port
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

_SOURCE = "Google's libphonenumber data"
"""Numbering plans change: validity, line types, lengths, areas, carriers and example numbers are libphonenumber's."""

_PHONE_PATTERN = r"^\+[0-9][0-9 ()\-]{3,24}$"
_PHONE_SAMPLES = ["+41446681800", "+81312345678", "+12015550123", "+447400123456", "+5511961234567"]


class PhoneNumber(BaseModel):
    phone_number: str = Field(
        description="Telephone number in international format starting with '+', e.g. '+41 44 668 18 00'.",
        pattern=_PHONE_PATTERN,
        max_length=30,
        json_schema_extra=port("phone_number", samples=_PHONE_SAMPLES),
    )


def _parse_phone(value: str) -> Any:
    import phonenumbers

    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException as exc:
        raise ToolInputError(f"cannot parse phone number {value!r}: {exc}") from None
    return number


_NUMBER_TYPES = {
    0: "fixed line",
    1: "mobile",
    2: "fixed line or mobile",
    3: "toll free",
    4: "premium rate",
    5: "shared cost",
    6: "VoIP",
    7: "personal number",
    8: "pager",
    9: "universal access number",
    10: "voicemail",
    99: "unknown",
}


@tool(
    domain=DOMAIN,
    kind="processing",
    package="phonenumbers",
    description="Parse and validate an international phone number (libphonenumber metadata): the country it "
    "belongs to, its country calling code, the line type (fixed line, mobile, ...) and its national format.",
    outputs={
        "country_code": Output(
            "country_code",
            "the country that {phone_number} belongs to",
            asks=(
                "Which country does {phone_number} belong to? Answer with its two-letter ISO code.",
                "Someone called me from {phone_number}. Which country is that number from? Give its ISO alpha-2 code.",
                "In which country is {phone_number} registered? Give the ISO 3166-1 alpha-2 code.",
            ),
            chain=False,
        ),
        "calling_code": Output(
            "calling_code",
            "the country calling code of {phone_number}",
            asks=(
                "What is the country calling code of {phone_number}?",
                "Which international dialling code does {phone_number} use? Give the digits without the +.",
            ),
            measure="country calling code",
        ),
        "number_type": Output(
            "label",
            "the line type of {phone_number}",
            asks=(
                "What kind of line is {phone_number}: fixed line, mobile, toll-free or another type?",
                "Is {phone_number} a mobile number, a landline or some other type of line?",
            ),
            source=_SOURCE,
        ),
        "national_format": Output(
            "label",
            "the national dialling format of {phone_number}",
            asks=(
                "How is {phone_number} written in its country's national format?",
                "How would someone calling from within the same country write {phone_number}?",
            ),
        ),
        "is_valid": Output(
            "boolean",
            "whether {phone_number} is a valid phone number",
            asks=(
                "Is {phone_number} a valid number?",
                "Does {phone_number} fit a number range that is in use under its country's numbering plan?",
            ),
            source=_SOURCE,
        ),
    },
    examples=[{"phone_number": "+41 44 668 18 00"}, {"phone_number": "+447400123456"}],
)
def phone_number_info(p: PhoneNumber) -> dict:
    import phonenumbers

    number = _parse_phone(p.phone_number)
    region = phonenumbers.region_code_for_number(number)
    return {
        "country_code": region if region and region != "001" else None,
        "calling_code": number.country_code,
        "number_type": _NUMBER_TYPES.get(phonenumbers.number_type(number), "unknown"),
        "national_format": phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL),
        "is_valid": phonenumbers.is_valid_number(number),
    }


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="phonenumbers",
    description="Where a valid phone number is located (libphonenumber geocoding data): the area it belongs to, "
    "the number of IANA time zones it may be in, and the time zone when it is unique.",
    outputs={
        "area": Output(
            "label",
            "the geographic area of {phone_number}",
            asks=(
                "Which area or city is {phone_number} registered to?",
                "Where is {phone_number} located, judging by its area code?",
            ),
            source=_SOURCE,
        ),
        "timezone": Output(
            "timezone",
            "the time zone of {phone_number}",
            at="where {phone_number} is registered",
            asks=(
                "In which IANA time zone is {phone_number}?",
                "Before calling {phone_number}, I want to check the local time there. Which IANA time zone is the "
                "number in?",
            ),
            source=_SOURCE,
            chain=False,  # a phone number stands in for a place nowhere but in a template
        ),
        "timezone_count": Output(
            "count",
            "the number of IANA time zones {phone_number} may be in",
            asks=(
                "How many time zones could {phone_number} be in?",
                "In how many IANA time zones might {phone_number} be located?",
            ),
            measure="number of possible time zones",
            source=_SOURCE,
            askable=False,  # an artefact of the library's zone lists (London, Guernsey, Jersey, Man: one clock)
        ),
    },
    examples=[{"phone_number": "+41446681800"}, {"phone_number": "+81312345678"}],
)
def phone_number_location(p: PhoneNumber) -> dict:
    import phonenumbers
    from phonenumbers import geocoder, timezone

    number = _parse_phone(p.phone_number)
    if not phonenumbers.is_valid_number(number):
        raise ToolInputError(f"{p.phone_number!r} is not a valid phone number")
    zones = sorted(z for z in timezone.time_zones_for_number(number) if z != timezone.UNKNOWN_TIMEZONE)
    return {
        "area": geocoder.description_for_number(number, "en") or None,
        "timezone": zones[0] if len(zones) == 1 else None,
        "timezone_count": len(zones),
    }


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="phonenumbers",
    description="Dialling facts of a country (ISO alpha-2 code) from libphonenumber: country calling code, "
    "international call prefix, national trunk prefix and an example fixed-line number.",
    outputs={
        "calling_code": Output(
            "calling_code",
            "the international calling code of {country_code}",
            asks=(
                "What is the international calling code of {country_code}?",
                "Which country code do I dial before a phone number in {country_code}? Give the digits without the +.",
                "What is the telephone country code for {country_code}?",
            ),
            measure="country calling code",
        ),
        "international_prefix": Output(
            "label",
            "the international call prefix dialled from {country_code}",
            asks=(
                "What prefix do you dial in {country_code} to make an international call?",
                "I'm calling abroad from {country_code}. Which international access code do I dial first?",
            ),
            source=_SOURCE,
        ),
        "national_prefix": Output(
            "label",
            "the national trunk prefix of {country_code}",
            asks=(
                "What is the national trunk prefix in {country_code}?",
                "Which digits do callers in {country_code} put before the area code for a domestic long-distance call?",
            ),
            source=_SOURCE,
        ),
        "example_number": Output(
            "phone_number", "the libphonenumber example fixed-line number of {country_code}", askable=False
        ),
    },
    examples=[{"country_code": "GB"}, {"country_code": "US"}],
)
def country_dialing_info(p: CountryCode) -> dict:
    import phonenumbers

    common.country(p.country_code)
    meta = phonenumbers.PhoneMetadata.metadata_for_region(p.country_code)
    if meta is None:
        raise ToolInputError(f"libphonenumber has no dialling data for country {p.country_code!r}")
    prefix = meta.preferred_international_prefix or meta.international_prefix
    if prefix and not prefix.isdigit():
        prefix = None
    example = phonenumbers.example_number_for_type(p.country_code, phonenumbers.PhoneNumberType.FIXED_LINE)
    return {
        "calling_code": meta.country_code,
        "international_prefix": prefix,
        "national_prefix": meta.national_prefix or None,
        "example_number": None
        if example is None
        else phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164),
    }


_PHONE_TYPES = {
    "fixed_line": 0,
    "mobile": 1,
    "toll_free": 3,
    "premium_rate": 4,
    "voip": 6,
}


class ExampleNumber(BaseModel):
    country_code: str = Field(
        description="ISO 3166-1 alpha-2 country code, e.g. 'JP'.",
        pattern=r"^[A-Z]{2}$",
        json_schema_extra=port("country_code", samples=["JP", "DE", "BR", "GB", "US"]),
    )
    number_type: Literal["fixed_line", "mobile", "toll_free", "premium_rate", "voip"] = Field(
        description="Kind of number: fixed_line, mobile, toll_free, premium_rate or voip.",
        json_schema_extra=port("label", samples=["mobile", "fixed_line", "toll_free"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="phonenumbers",
    description="libphonenumber's example number of a given kind (mobile, fixed line, toll-free ...) for a "
    "country, in E.164 and national formats.",
    outputs={
        "example_number": Output("phone_number", "the example {number_type} number for {country_code}", askable=False),
        "national_format": Output(
            "label", "the national format of the example {number_type} number for {country_code}", askable=False
        ),
    },
    examples=[{"country_code": "JP", "number_type": "mobile"}, {"country_code": "DE", "number_type": "toll_free"}],
)
def phone_example_number(p: ExampleNumber) -> dict:
    import phonenumbers

    common.country(p.country_code)
    number = phonenumbers.example_number_for_type(p.country_code, _PHONE_TYPES[p.number_type])
    if number is None:
        raise ToolInputError(f"libphonenumber has no example {p.number_type} number for {p.country_code}")
    fmt = phonenumbers.PhoneNumberFormat
    return {
        "example_number": phonenumbers.format_number(number, fmt.E164),
        "national_format": phonenumbers.format_number(number, fmt.NATIONAL),
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="phonenumbers",
    description="Write a phone number in the standard formats: E.164, international, RFC 3966 URI, and its "
    "national significant number.",
    outputs={
        "e164": Output("phone_number", "the E.164 form of {phone_number}", askable=False),
        "international": Output(
            "label",
            "the international format of {phone_number}",
            asks=(
                "How is {phone_number} written in the standard international format, with spaces?",
                "Write {phone_number} the way it should appear on an international business card.",
            ),
        ),
        "rfc3966": Output("label", "the RFC 3966 tel URI of {phone_number}", askable=False),
        "national_significant_number": Output(
            "label", "the national significant number of {phone_number}", askable=False
        ),
    },
    examples=[{"phone_number": "+41446681800"}],
)
def phone_number_formats(p: PhoneNumber) -> dict:
    import phonenumbers

    number = _parse_phone(p.phone_number)
    if not phonenumbers.is_possible_number(number):
        raise ToolInputError(f"{p.phone_number!r} is not a possible phone number (wrong length)")
    fmt = phonenumbers.PhoneNumberFormat
    return {
        "e164": phonenumbers.format_number(number, fmt.E164),
        "international": phonenumbers.format_number(number, fmt.INTERNATIONAL),
        "rfc3966": phonenumbers.format_number(number, fmt.RFC3966),
        "national_significant_number": phonenumbers.national_significant_number(number),
    }


class MobileNumber(BaseModel):
    phone_number: str = Field(
        description="Mobile telephone number in international format, e.g. '+447400123456'.",
        pattern=_PHONE_PATTERN,
        max_length=30,
        json_schema_extra=port(
            "phone_number", samples=["+447400123456", "+819012345678", "+33612345678", "+61412345678"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="phonenumbers",
    description="The mobile network a mobile number's prefix was originally allocated to (libphonenumber carrier "
    "data; numbers may since have been ported).",
    outputs={
        "carrier": Output(
            "label",
            "the mobile carrier originally allocated {phone_number}",
            asks=(
                "Which mobile network was {phone_number} originally allocated to?",
                "Which carrier was the number block of {phone_number} first assigned to?",
                "I got a text from {phone_number}. Which mobile operator issued that number originally?",
            ),
            source=_SOURCE,
        )
    },
    examples=[{"phone_number": "+447400123456"}],
)
def phone_carrier(p: MobileNumber) -> dict:
    from phonenumbers import carrier

    name = carrier.name_for_number(_parse_phone(p.phone_number), "en")
    if not name:
        raise ToolInputError(f"no carrier is recorded for the prefix of {p.phone_number}")
    return {"carrier": name}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="phonenumbers",
    description="Possible lengths (digits of the national significant number) of mobile and fixed-line numbers "
    "in a country, from libphonenumber metadata.",
    outputs={
        "mobile_lengths": Output(
            "number_list",
            "the possible lengths of mobile numbers in {country_code}",
            asks=(
                "How many digits can a mobile number in {country_code} have, without the country code? List the "
                "possible lengths.",
                "List the possible lengths, in digits, of mobile numbers in {country_code}, not counting the "
                "country code.",
            ),
            measure="possible mobile number lengths",
            source=_SOURCE,
        ),
        "fixed_line_lengths": Output(
            "number_list",
            "the possible lengths of fixed-line numbers in {country_code}",
            asks=(
                "How many digits can a landline number in {country_code} have, without the country code? List the "
                "possible lengths.",
                "List the possible lengths, in digits, of fixed-line numbers in {country_code}, not counting the "
                "country code.",
            ),
            measure="possible landline number lengths",
            source=_SOURCE,
        ),
    },
    examples=[{"country_code": "JP"}, {"country_code": "DE"}],
)
def phone_number_lengths(p: CountryCode) -> dict:
    import phonenumbers

    common.country(p.country_code)
    meta = phonenumbers.PhoneMetadata.metadata_for_region(p.country_code)
    if meta is None:
        raise ToolInputError(f"libphonenumber has no metadata for {p.country_code}")
    general = list(meta.general_desc.possible_length or ())
    return {
        "mobile_lengths": list(meta.mobile.possible_length or general) if meta.mobile else general,
        "fixed_line_lengths": list(meta.fixed_line.possible_length or general) if meta.fixed_line else general,
    }


class CallingCode(BaseModel):
    calling_code: int = Field(
        description="International calling code without '+', e.g. 44.",
        ge=1,
        le=999,
        json_schema_extra=port("calling_code", samples=[44, 1, 7, 61, 262]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="phonenumbers",
    description="The countries that share an international calling code, and the main one (e.g. +1: US with "
    "Canada and the Caribbean).",
    outputs={
        "main_country": Output(
            "country_code",
            "the main country using calling code +{calling_code}",
            asks=(
                "Which country is the main user of the calling code +{calling_code}? Answer with its two-letter "
                "ISO code.",
                "I see a missed call starting with +{calling_code}. Which country does that code mainly belong to? "
                "Give its ISO alpha-2 code.",
            ),
            source=_SOURCE,
            chain=False,
        ),
        "countries": Output(
            "string_list",
            "the countries using calling code +{calling_code}",
            asks=(
                "Which countries and territories share the calling code +{calling_code}? List their two-letter ISO "
                "codes.",
                "List every country that uses the dialling code +{calling_code}, by ISO alpha-2 code.",
            ),
            measure="countries using the calling code",
            source=_SOURCE,
        ),
        "country_count": Output(
            "count",
            "the number of countries using calling code +{calling_code}",
            asks=(
                "How many countries and territories use the calling code +{calling_code}?",
                "How many places share the dialling code +{calling_code}?",
            ),
            measure="number of countries using the calling code",
            source=_SOURCE,
        ),
    },
    examples=[{"calling_code": 1}, {"calling_code": 44}],
)
def calling_code_countries(p: CallingCode) -> dict:
    import phonenumbers

    regions = [r for r in phonenumbers.region_codes_for_country_code(p.calling_code) if r != "001"]
    if not regions:
        raise ToolInputError(f"+{p.calling_code} is not assigned to any country")
    return {"main_country": regions[0], "countries": sorted(regions), "country_count": len(regions)}
