"""ISO 3166 identifiers (pycountry): countries by alpha-2, alpha-3 and numeric code or by name, former countries
(ISO 3166-3), and ISO 3166-2 subdivisions: a country's subdivisions, a subdivision by code or name, and its children."""

from __future__ import annotations

from pydantic import BaseModel, Field

from tool_catalog.domains.geo import common
from tool_catalog.domains.geo.common import DOMAIN, CountryCode
from tool_catalog.ports import port
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

_ISO_1 = "ISO 3166-1"
_ISO_2 = "ISO 3166-2"


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pycountry",
    description="Look up a country by ISO 3166-1 alpha-2 code: English name, alpha-3 code and numeric code.",
    outputs={
        "name": Output(
            "country_name",
            "the English name of {country_code}",
            asks=(
                "What is the English short name of {country_code} in the ISO country list?",
                "How does the ISO country code standard write the English name of {country_code}?",
            ),
        ),
        "alpha_3": Output(
            "country_alpha3",
            "the ISO alpha-3 code of {country_code}",
            asks=(
                "What is the three-letter ISO code of {country_code}?",
                "Give the ISO 3166-1 alpha-3 code of {country_code}.",
                "Which three-letter country code, as on passports, stands for {country_code}?",
            ),
            chain=False,
        ),
        "numeric": Output(
            "label",
            "the ISO numeric code of {country_code}",
            asks=(
                "What is the ISO 3166-1 numeric code of {country_code}?",
                "Which three-digit UN M49 code does {country_code} have?",
            ),
        ),
    },
    examples=[{"country_code": "JP"}],
    inverse="country_from_alpha3",
)
def country_info(p: CountryCode) -> dict:
    country = common.country(p.country_code)
    return {"name": country.name, "alpha_3": country.alpha_3, "numeric": country.numeric}


class CountryAlpha3(BaseModel):
    alpha_3: str = Field(
        description="ISO 3166-1 alpha-3 country code, e.g. 'DEU'.",
        pattern=r"^[A-Z]{3}$",
        json_schema_extra=port("country_alpha3", samples=["DEU", "JPN", "BRA", "KEN", "CAN"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pycountry",
    description="Resolve an ISO 3166-1 alpha-3 country code to its alpha-2 code, English name and official name.",
    outputs={
        "country_code": Output(
            "country_code",
            "{alpha_3}",
            asks=(
                "What is the two-letter ISO code of {alpha_3}?",
                "Give the ISO 3166-1 alpha-2 code of {alpha_3}.",
            ),
            chain=False,
        ),
        "name": Output(
            "country_name",
            "the English name of {alpha_3}",
            asks=(
                "What is the English short name of {alpha_3} in the ISO country list?",
                "How does the ISO country code standard write the English name of {alpha_3}?",
            ),
        ),
        "official_name": Output(
            "label",
            "the official name of {alpha_3}",
            asks=(
                "What is the official name of {alpha_3}?",
                "Give the full official name of {alpha_3}.",
                "What is the formal state name of {alpha_3}?",
            ),
            source=_ISO_1,
        ),
    },
    examples=[{"alpha_3": "DEU"}, {"alpha_3": "KEN"}],
    inverse="country_info",
)
def country_from_alpha3(p: CountryAlpha3) -> dict:
    import pycountry

    country = pycountry.countries.get(alpha_3=p.alpha_3)
    if country is None:
        raise ToolInputError(f"unknown ISO 3166-1 alpha-3 country code {p.alpha_3!r}")
    return {
        "country_code": country.alpha_2,
        "name": country.name,
        "official_name": getattr(country, "official_name", None),
    }


class CountryNameParam(BaseModel):
    name: str = Field(
        description="English name of a country, e.g. 'Germany' (exact or common name).",
        pattern=r"^[A-Za-z][A-Za-z .,'()\-]{1,60}$",
        json_schema_extra=port("country_name", samples=["Germany", "Japan", "Brazil", "Kenya", "Canada"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pycountry",
    description="Find a country by its English name (exact, common or official name) and return its ISO alpha-2 "
    "and alpha-3 codes.",
    outputs={
        "country_code": Output(
            "country_code",
            "the country named {name}",
            asks=(
                "What is the two-letter ISO country code of {name}?",
                "Which ISO 3166-1 alpha-2 code belongs to {name}?",
            ),
            chain=False,
            askable=False,
        ),
        "alpha_3": Output(
            "country_alpha3",
            "the ISO alpha-3 code of the country named {name}",
            asks=("What is the three-letter ISO code of {name}?", "Give the ISO 3166-1 alpha-3 code of {name}."),
            chain=False,
            askable=False,
        ),
    },
    examples=[{"name": "Germany"}, {"name": "Bolivia, Plurinational State of"}],
    inverse="country_info",
)
def country_by_name(p: CountryNameParam) -> dict:
    import pycountry

    wanted = p.name.strip().lower()
    for country in pycountry.countries:
        names = {getattr(country, a, "").lower() for a in ("name", "common_name", "official_name")}
        if wanted in names:
            return {"country_code": country.alpha_2, "alpha_3": country.alpha_3}
    raise ToolInputError(f"no country is named {p.name!r} in ISO 3166-1")


class NumericCountry(BaseModel):
    numeric: str = Field(
        description="ISO 3166-1 numeric country code (three digits), e.g. '276'.",
        pattern=r"^[0-9]{3}$",
        json_schema_extra=port("label", samples=["276", "392", "076", "404", "124"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pycountry",
    description="Resolve an ISO 3166-1 numeric country code (UN M49) to the country's alpha-2 code and name.",
    outputs={
        "country_code": Output(
            "country_code",
            "the country with ISO numeric code {numeric}",
            asks=(
                "Which country has the ISO 3166-1 numeric code {numeric}? Answer with its two-letter code.",
                "The numeric country code {numeric} belongs to which country? Give its ISO alpha-2 code.",
            ),
            chain=False,
        ),
        "name": Output(
            "country_name",
            "the English name of the country with ISO numeric code {numeric}",
            asks=(
                "Which country has the ISO numeric code {numeric}? Give its English name.",
                "Name the country whose UN M49 numeric code is {numeric}.",
            ),
        ),
    },
    examples=[{"numeric": "276"}, {"numeric": "076"}],
    inverse="country_info",
)
def country_by_numeric_code(p: NumericCountry) -> dict:
    import pycountry

    country = pycountry.countries.get(numeric=p.numeric)
    if country is None:
        raise ToolInputError(f"unknown ISO 3166-1 numeric country code {p.numeric!r}")
    return {"country_code": country.alpha_2, "name": country.name}


class HistoricCountry(BaseModel):
    code: str = Field(
        description="ISO 3166-3 code of a former country (alpha-3, e.g. 'YUG' for Yugoslavia, 'SUN' for the USSR).",
        pattern=r"^[A-Z]{3}$",
        json_schema_extra=port("label", samples=["YUG", "SUN", "CSK", "DDR", "ZAR"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pycountry",
    description="A former country by its ISO 3166-3 code: its name, the date its code was withdrawn, and its "
    "former four-letter code.",
    outputs={
        "name": Output(
            "label",
            "the name of the former country with code {code}",
            asks=(
                "Which former country had the ISO country code {code}?",
                "What was the name of the country once coded {code} in ISO 3166?",
            ),
        ),
        "withdrawal_date": Output(
            "date",
            "the date the code {code} of a former country was withdrawn",
            asks=(
                "When was the former country code {code} withdrawn from ISO 3166-1? Give the date.",
                "On what date did ISO retire the country code {code}?",
            ),
            chain=False,
        ),
        "alpha_4": Output(
            "label",
            "the ISO 3166-3 four-letter code of the former country {code}",
            asks=(
                "What four-letter ISO 3166-3 code was given to the former country coded {code}?",
                "Which ISO 3166-3 code of four letters stands for the former country {code}?",
            ),
        ),
    },
    examples=[{"code": "YUG"}, {"code": "SUN"}],
)
def former_country(p: HistoricCountry) -> dict:
    import pycountry

    country = pycountry.historic_countries.get(alpha_3=p.code)
    if country is None:
        raise ToolInputError(f"no former country has ISO 3166-3 alpha-3 code {p.code!r}")
    withdrawn = getattr(country, "withdrawal_date", None)
    return {"name": country.name, "withdrawal_date": withdrawn or None, "alpha_4": getattr(country, "alpha_4", None)}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pycountry",
    description="ISO 3166-2 subdivisions of a country (ISO alpha-2 code): how many there are in total, how many "
    "are top-level (no parent subdivision), and the distinct subdivision types.",
    outputs={
        "subdivision_count": Output(
            "count",
            "the number of ISO 3166-2 subdivisions of {country_code}",
            asks=(
                "How many subdivisions does {country_code} have, counting every level?",
                "Counting all levels, how many subdivision codes are there for {country_code}?",
            ),
            measure="number of ISO 3166-2 subdivisions",
            source=_ISO_2,
        ),
        "top_level_count": Output(
            "count",
            "the number of top-level ISO 3166-2 subdivisions of {country_code}",
            asks=(
                "How many top-level subdivisions does {country_code} have?",
                "Into how many first-level subdivisions is {country_code} divided?",
            ),
            measure="number of top-level subdivisions",
            source=_ISO_2,
        ),
        "subdivision_types": Output(
            "string_list",
            "the list of ISO 3166-2 subdivision types of {country_code}",
            asks=(
                "What kinds of subdivision does {country_code} have? List the types.",
                "List the subdivision types used in {country_code}, such as state or province.",
            ),
            measure="subdivision types",
            source=_ISO_2,
            avoid=("list_set_operations",),  # each country names its own kinds: no one sets them against another's
        ),
    },
    examples=[{"country_code": "CH"}, {"country_code": "GB"}],
)
def country_subdivisions(p: CountryCode) -> dict:
    import pycountry

    common.country(p.country_code)
    subdivisions = pycountry.subdivisions.get(country_code=p.country_code) or []
    return {
        "subdivision_count": len(subdivisions),
        "top_level_count": sum(1 for s in subdivisions if not s.parent_code),
        "subdivision_types": sorted({s.type for s in subdivisions}),
    }


class SubdivisionCode(BaseModel):
    subdivision_code: str = Field(
        description="ISO 3166-2 subdivision code, e.g. 'GB-CAM' or 'US-CA'.",
        pattern=r"^[A-Z]{2}-[A-Z0-9]{1,3}$",
        json_schema_extra=port("subdivision_code", samples=["US-CA", "GB-CAM", "JP-13", "DE-BY", "BR-SP", "CH-ZH"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pycountry",
    description="Look up an ISO 3166-2 subdivision code: its name, type (state, province, ...), country code and "
    "the code of its parent subdivision, if any.",
    outputs={
        "name": Output(
            "label",
            "the name of {subdivision_code}",
            asks=("What is {subdivision_code} called?", "What is the official name of {subdivision_code}?"),
            source=_ISO_2,
        ),
        "type": Output(
            "label",
            "the type of {subdivision_code}",
            asks=(
                "What kind of subdivision is {subdivision_code}: a state, a province, a county or something else?",
                "What type of administrative division is {subdivision_code}?",
            ),
            source=_ISO_2,
        ),
        "country_code": Output(
            "country_code",
            "the country that {subdivision_code} belongs to",
            asks=(
                "Which country is {subdivision_code} in? Answer with its two-letter ISO code.",
                "To which country does {subdivision_code} belong? Give its ISO 3166-1 alpha-2 code.",
            ),
            chain=False,
        ),
        "parent_code": Output(
            "subdivision_code",
            "the parent subdivision of {subdivision_code}",
            asks=(
                "Which larger subdivision contains {subdivision_code}? Give its ISO 3166-2 code.",
                "What is the ISO 3166-2 code of the parent subdivision of {subdivision_code}?",
            ),
            # the four nations of the United Kingdom are common knowledge (Cambridgeshire is in England)
            worth=lambda _args, out: out.get("country_code") != "GB",
        ),
    },
    examples=[{"subdivision_code": "GB-CAM"}, {"subdivision_code": "US-CA"}],
)
def subdivision_info(p: SubdivisionCode) -> dict:
    import pycountry

    sub = pycountry.subdivisions.get(code=p.subdivision_code)
    if sub is None:
        raise ToolInputError(f"unknown ISO 3166-2 subdivision code {p.subdivision_code!r}")
    return {"name": sub.name, "type": sub.type, "country_code": sub.country_code, "parent_code": sub.parent_code}


class SubdivisionSearch(BaseModel):
    country_code: str = Field(
        description="ISO 3166-1 alpha-2 country code, e.g. 'US'.",
        pattern=r"^[A-Z]{2}$",
        json_schema_extra=port("country_code", samples=["US", "DE", "JP", "CA", "FR"]),
    )
    name: str = Field(
        description="Name of a subdivision (state, province, prefecture ...), e.g. 'Texas'.",
        pattern=r"^[^\x00-\x1f]{2,60}$",
        json_schema_extra=port("label", samples=["Texas", "Bayern", "Hokkaido", "Ontario", "Bretagne"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pycountry",
    description="Find a subdivision of a country by name (case-insensitive, accents ignored; prefix match when "
    "there is no exact match) and return its ISO 3166-2 code and type.",
    outputs={
        "subdivision_code": Output(
            "subdivision_code",
            "the subdivision named {name} in {country_code}",
            asks=(
                "What is the ISO 3166-2 code of {name} in {country_code}?",
                "Which ISO 3166-2 code does the subdivision {name} of {country_code} have?",
                "A shipping form asks for the ISO 3166-2 region code of {name} in {country_code}. What is it?",
            ),
        ),
        "type": Output(
            "label",
            "the type of the subdivision named {name} in {country_code}",
            asks=(
                "What type of subdivision is {name} in {country_code}: a state, a province, a region or another kind?",
                "What kind of subdivision of {country_code} is {name}?",
            ),
            source=_ISO_2,
        ),
    },
    examples=[{"country_code": "US", "name": "Texas"}, {"country_code": "JP", "name": "Hokkaido"}],
    inverse="subdivision_info",
)
def subdivision_by_name(p: SubdivisionSearch) -> dict:
    import unicodedata

    import pycountry

    def norm(text: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()

    common.country(p.country_code)
    subs = sorted(pycountry.subdivisions.get(country_code=p.country_code) or [], key=lambda s: s.code)
    wanted = norm(p.name.strip())
    exact = [s for s in subs if norm(s.name) == wanted]
    found = exact or [s for s in subs if norm(s.name).startswith(wanted)]
    if not found:
        raise ToolInputError(f"no subdivision of {p.country_code} is named {p.name!r}")
    return {"subdivision_code": found[0].code, "type": found[0].type}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pycountry",
    description="The subdivisions directly below an ISO 3166-2 subdivision (e.g. the provinces of a French region): "
    "how many, the first code, and all codes.",
    outputs={
        "child_count": Output(
            "count",
            "the number of subdivisions directly below {subdivision_code}",
            asks=(
                "How many subdivisions lie directly below {subdivision_code}?",
                "Into how many lower-level subdivisions is {subdivision_code} divided?",
            ),
            measure="number of subdivisions directly below",
            source=_ISO_2,
        ),
        "first_child": Output(
            "subdivision_code", "the first subdivision directly below {subdivision_code}", askable=False
        ),
        "children": Output(
            "string_list",
            "the codes of the subdivisions directly below {subdivision_code}",
            asks=(
                "List the ISO 3166-2 codes of the subdivisions directly within {subdivision_code}.",
                "Which subdivisions does {subdivision_code} contain? List their ISO 3166-2 codes.",
            ),
            measure="subdivisions directly below",
        ),
    },
    examples=[{"subdivision_code": "FR-BRE"}, {"subdivision_code": "ES-AN"}],
)
def subdivision_children(p: SubdivisionCode) -> dict:
    import pycountry

    if pycountry.subdivisions.get(code=p.subdivision_code) is None:
        raise ToolInputError(f"unknown ISO 3166-2 subdivision code {p.subdivision_code!r}")
    country = p.subdivision_code.split("-")[0]
    children = sorted(
        s.code for s in pycountry.subdivisions.get(country_code=country) or [] if s.parent_code == p.subdivision_code
    )
    return {"child_count": len(children), "first_child": children[0] if children else None, "children": children}
