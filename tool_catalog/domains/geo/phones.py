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
        "country_code": Output("country_code", "the country that {phone_number} belongs to"),
        "calling_code": Output("calling_code", "the country calling code of {phone_number}"),
        "number_type": Output("label", "the line type of {phone_number}"),
        "national_format": Output("label", "the national dialling format of {phone_number}"),
        "is_valid": Output("boolean", "whether {phone_number} is a valid phone number"),
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
        "area": Output("label", "the geographic area of {phone_number}"),
        "timezone": Output("timezone", "the IANA time zone of {phone_number}"),
        "timezone_count": Output("count", "the number of IANA time zones {phone_number} may be in"),
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
        "calling_code": Output("calling_code", "the international calling code of {country_code}"),
        "international_prefix": Output("label", "the international call prefix dialled from {country_code}"),
        "national_prefix": Output("label", "the national trunk prefix of {country_code}"),
        "example_number": Output("phone_number", "the libphonenumber example fixed-line number of {country_code}"),
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
        "example_number": Output("phone_number", "the example {number_type} number for {country_code}"),
        "national_format": Output(
            "label", "the national format of the example {number_type} number for {country_code}"
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
        "e164": Output("phone_number", "the E.164 form of {phone_number}"),
        "international": Output("label", "the international format of {phone_number}"),
        "rfc3966": Output("label", "the RFC 3966 tel URI of {phone_number}"),
        "national_significant_number": Output("label", "the national significant number of {phone_number}"),
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
    outputs={"carrier": Output("label", "the mobile carrier originally allocated {phone_number}")},
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
        "mobile_lengths": Output("number_list", "the possible lengths of mobile numbers in {country_code}"),
        "fixed_line_lengths": Output("number_list", "the possible lengths of fixed-line numbers in {country_code}"),
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
        "main_country": Output("country_code", "the main country using calling code +{calling_code}"),
        "countries": Output("string_list", "the countries using calling code +{calling_code}"),
        "country_count": Output("count", "the number of countries using calling code +{calling_code}"),
    },
    examples=[{"calling_code": 1}, {"calling_code": 44}],
)
def calling_code_countries(p: CallingCode) -> dict:
    import phonenumbers

    regions = [r for r in phonenumbers.region_codes_for_country_code(p.calling_code) if r != "001"]
    if not regions:
        raise ToolInputError(f"+{p.calling_code} is not assigned to any country")
    return {"main_country": regions[0], "countries": sorted(regions), "country_count": len(regions)}
