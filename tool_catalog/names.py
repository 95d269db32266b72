"""How a value is written in a question: the name people use for an entity, with its code where the code helps.

A question names "Gambia", not "the country with ISO code GM"; "London Heathrow Airport (LHR)", not "airport LHR";
"aspirin (CAS 50-78-2)"; "21 June 2024". :func:`display` gives that form for a value of a port (from the data the
tools ship: CLDR names through babel, airportsdata, pycountry, periodictable, chemicals), :func:`mentions` every
form a question may use to state the value (its raw text and its display), so verification can prove that a
question states what the tools need. :func:`noun` is the word a question uses to refer back to an entity found by
an earlier step ("that country", "this airport").

Every function is deterministic and offline; a value the data does not know is written as the port's template
(``ports.render_stated``) instead.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache
from typing import Any

from tool_catalog.ports import format_value, get_port, render_stated

NOUNS: dict[str, str] = {
    "airport_name": "airport",
    "amino_acid": "amino acid",
    "arpabet": "pronunciation",
    "bic": "bank",
    "cas_number": "compound",
    "celestial_body": "body",
    "chemical_formula": "formula",
    "chemical_name": "compound",
    "city_name": "city",
    "codon": "codon",
    "constellation": "constellation",
    "country_alpha3": "country",
    "country_code": "country",
    "country_name": "country",
    "currency_code": "currency",
    "date": "date",
    "datetime": "moment",
    "dna_sequence": "sequence",
    "element_symbol": "element",
    "exchange_code": "exchange",
    "geohash": "geohash cell",
    "hebrew_date": "Hebrew date",
    "holiday_name": "holiday",
    "iata_code": "airport",
    "iban": "account",
    "icao_code": "airport",
    "icd10cm_block": "block",
    "icd10cm_code": "code",
    "inchikey": "compound",
    "isbn": "book",
    "isin": "security",
    "islamic_date": "Islamic date",
    "julian_date": "Julian date",
    "language_code": "language",
    "language_name": "language",
    "latitude": "latitude",
    "longitude": "longitude",
    "maidenhead_locator": "grid square",
    "persian_date": "Persian date",
    "phone_number": "phone number",
    "physical_constant": "constant",
    "protein_sequence": "protein",
    "pubchem_cid": "compound",
    "restriction_enzyme": "enzyme",
    "rna_sequence": "RNA",
    "roman_numeral": "numeral",
    "smiles": "molecule",
    "star_name": "star",
    "subdivision_code": "region",
    "text": "text",
    "timezone": "time zone",
    "word": "word",
    "year": "year",
}
"""The noun a question uses to refer to an entity of the port found by an earlier step."""


def noun(port_name: str) -> str:
    """The referent noun of a port ("country" for an ISO country code); "value" for a port without one."""
    return NOUNS.get(port_name, "value")


def display(port_name: str, value: Any) -> str:
    """The form a question writes a value of the port in: a name, with the code where the code helps."""
    name = _DISPLAYS.get(port_name)
    if name is not None and isinstance(value, str | int | float) and not isinstance(value, bool):
        shown = name(value)
        if shown:
            return shown
    return render_stated(port_name, value)


def mentions(port_name: str, value: Any) -> list[str]:
    """Every text by which a question states the value: its raw form and its display (longest first)."""
    forms = {format_value(value), display(port_name, value)}
    if port_name == "date" and isinstance(value, str):
        forms.add(date_in_words(value) or value)
    if port_name == "timezone" and isinstance(value, str):
        forms.add(zone_place(value) or "")
    return sorted((f for f in forms if f), key=lambda f: (-len(f), f))


def stated_in(port_name: str, value: Any, text: str) -> bool:
    """Whether ``text`` states the value (any of its :func:`mentions`, case-insensitively); a list when it states
    every item."""
    if isinstance(value, list) and value:
        return all(stated_in(port_name, item, text) for item in value) or stated_in(
            port_name, format_value(value), text
        )
    lowered = text.lower()
    return any(form.lower() in lowered for form in mentions(port_name, value))


# --- the displays ------------------------------------------------------------------------------------------

_COUNTRY_OVERRIDES = {
    "CD": "the Democratic Republic of the Congo",
    "CG": "the Republic of the Congo",
    "HK": "Hong Kong",
    "MO": "Macau",
    "MM": "Myanmar",
    "PS": "Palestine",
    "GM": "The Gambia",
    "BS": "The Bahamas",
    "US": "the United States",
    "GB": "the United Kingdom",
    "NL": "the Netherlands",
    "PH": "the Philippines",
    "AE": "the United Arab Emirates",
    "CZ": "the Czech Republic",
    "DO": "the Dominican Republic",
    "CF": "the Central African Republic",
}


@cache
def _territories() -> dict[str, str]:
    from babel import Locale

    return dict(Locale("en").territories)


def country_name(code: str) -> str | None:
    """The English short name of an ISO 3166-1 alpha-2 country (CLDR), as a sentence writes it."""
    if code in _COUNTRY_OVERRIDES:
        return _COUNTRY_OVERRIDES[code]
    name = _territories().get(code)
    if name is None or not (len(code) == 2 and code.isalpha()):
        return None
    name = name.replace(" & ", " and ").replace("St. ", "Saint ")
    return f"the {name}" if name.endswith(" Islands") else name  # "does the Faroe Islands have"


@cache
def _alpha3() -> dict[str, str]:
    import pycountry

    return {c.alpha_3: c.alpha_2 for c in pycountry.countries}


def _country3(code: str) -> str | None:
    alpha2 = _alpha3().get(code)
    return None if alpha2 is None else country_name(alpha2)


@cache
def _airports() -> dict[str, dict]:
    import airportsdata

    return airportsdata.load("IATA")


def _airport(code: str) -> str | None:
    record = _airports().get(code)
    return None if record is None else f"{record['name']} ({code})"


@cache
def _icao_airports() -> dict[str, dict]:
    import airportsdata

    return airportsdata.load("ICAO")


def _icao(code: str) -> str | None:
    record = _icao_airports().get(code)
    return None if record is None else f"{record['name']} (ICAO {code})"


@cache
def _currencies() -> dict[str, str]:
    from babel import Locale

    return dict(Locale("en").currencies)


_CURRENCY_NOUNS = re.compile(
    r"\b(Dollar|Euro|Pound|Franc|Yen|Yuan|Krona|Krone|Kroner|Rupee|Rupiah|Peso|Real|Rand|Won|Ringgit|Baht|Zloty|"
    r"Forint|Lira|Dinar|Dirham|Riyal|Rial|Shilling|Ruble|Koruna|Leu|Lev|Kuna|Dong|Kina|Guarani|Sol|Boliviano|Colón|"
    r"Lempira|Quetzal|Córdoba|Balboa|Tenge|Som|Manat|Lari|Dram|Hryvnia|Taka|Kyat|Riel|Kip|Tugrik|Afghani|Naira|Cedi|"
    r"Kwacha|Birr|Nakfa|Ariary|Ouguiya|Dalasi|Leone|Loti|Lilangeni|Pula|Escudo|Florin|Gourde|Mark|Markka|Schilling|"
    r"Drachma|Guilder|Tolar|Kroon|Lats|Litas|Pataca|Vatu|Tala|Pa’anga|Rufiyaa|Ngultrum|Somoni|Denar|Marka)\b"
)


def _currency(code: str) -> str | None:
    """ "the US dollar (USD)", "the euro (EUR)": the unit's noun in lower case, as in running text."""
    name = _currencies().get(code)
    if name is None:
        return None
    return f"the {_CURRENCY_NOUNS.sub(lambda m: m.group(1).lower(), name)} ({code})"


@cache
def _languages() -> dict[str, str]:
    from babel import Locale

    return dict(Locale("en").languages)


def _language(code: str) -> str | None:
    name = _languages().get(code.replace("-", "_"))
    return None if name is None else f"{name} ({code})"


def _element(symbol: str) -> str | None:
    import periodictable

    try:
        return periodictable.elements.symbol(symbol).name
    except ValueError:
        return None


def _subdivision(code: str) -> str | None:
    import pycountry

    record = pycountry.subdivisions.get(code=code)
    return None if record is None else f"{record.name} ({code})"


def _cas(cas: str) -> str | None:
    from chemicals.identifiers import search_chemical

    try:
        name = search_chemical(cas).common_name
    except Exception:  # a CAS number the shipped data does not know
        return None
    return f"{name} (CAS {cas})" if name else None


def _locale(code: str) -> str | None:
    """A CLDR locale as people name it: "Arabic as used in Egypt (ar_EG)", "French (fr)"."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return None
    language = Locale("en").languages.get(locale.language)
    if not language:
        return None
    territory = Locale("en").territories.get(locale.territory or "")
    return f"{language} as used in {territory} ({code})" if territory else f"{language} ({code})"


def _compound(kind: str, label: str) -> Callable[[Any], str | None]:
    """A compound named by an identifier (a SMILES string, a PubChem CID), shown by its common name
    with the identifier ("ethanol (SMILES CCO)"), as the shipped ``chemicals`` data names it."""

    def show(value: Any) -> str | None:
        from chemicals.identifiers import search_chemical

        try:
            name = search_chemical(f"{kind}={value}").common_name
        except Exception:  # an identifier the shipped data does not know
            return None
        return f"{name} ({label} {value})" if name else None

    return show


_EXCHANGES = {
    "XNYS": "the New York Stock Exchange",
    "XLON": "the London Stock Exchange",
    "XTKS": "the Tokyo Stock Exchange",
    "XETR": "Xetra",
    "XFRA": "the Frankfurt Stock Exchange",
    "XHKG": "the Hong Kong Stock Exchange",
    "XPAR": "Euronext Paris",
    "XAMS": "Euronext Amsterdam",
    "XBRU": "Euronext Brussels",
    "XLIS": "Euronext Lisbon",
    "XDUB": "Euronext Dublin",
    "XMIL": "Borsa Italiana",
    "XASX": "the Australian Securities Exchange",
    "XTSE": "the Toronto Stock Exchange",
    "XSWX": "the SIX Swiss Exchange",
    "XMAD": "the Madrid Stock Exchange",
    "XSTO": "Nasdaq Stockholm",
    "XCSE": "Nasdaq Copenhagen",
    "XHEL": "Nasdaq Helsinki",
    "XOSL": "the Oslo Stock Exchange",
    "XWAR": "the Warsaw Stock Exchange",
    "XWBO": "the Vienna Stock Exchange",
    "XKRX": "the Korea Exchange",
    "XSHG": "the Shanghai Stock Exchange",
    "XBOM": "the Bombay Stock Exchange",
    "XSES": "the Singapore Exchange",
    "XJSE": "the Johannesburg Stock Exchange",
    "BVMF": "B3 in São Paulo",
    "XMEX": "the Mexican Stock Exchange",
    "XIST": "Borsa Istanbul",
    "XNZE": "the New Zealand Exchange",
    "XTAI": "the Taiwan Stock Exchange",
    "XTAE": "the Tel Aviv Stock Exchange",
    "XBKK": "the Stock Exchange of Thailand",
    "XIDX": "the Indonesia Stock Exchange",
    "XKLS": "Bursa Malaysia",
    "XPHS": "the Philippine Stock Exchange",
    "XSAU": "the Saudi Exchange",
    "XBUE": "the Buenos Aires Stock Exchange",
    "XSGO": "the Santiago Stock Exchange",
    "XLIM": "the Lima Stock Exchange",
    "XBOG": "the Colombia Stock Exchange",
    "XPRA": "the Prague Stock Exchange",
    "XBUD": "the Budapest Stock Exchange",
    "XATH": "the Athens Stock Exchange",
    "ASEX": "the Athens Stock Exchange",
    "XICE": "Nasdaq Iceland",
    "XKAR": "the Pakistan Stock Exchange",
    "XDUS": "the Düsseldorf Stock Exchange",
    "XHAM": "the Hamburg Stock Exchange",
    "XSTU": "the Stuttgart Stock Exchange",
    "XTAL": "Nasdaq Tallinn",
    "XRIS": "Nasdaq Riga",
    "XLIT": "Nasdaq Vilnius",
    "XLJU": "the Ljubljana Stock Exchange",
    "XZAG": "the Zagreb Stock Exchange",
    "XBRA": "the Bratislava Stock Exchange",
    "XLUX": "the Luxembourg Stock Exchange",
    "XMOS": "the Moscow Exchange",
    "XEUR": "Eurex",
    "XBDA": "the Bermuda Stock Exchange",
    "XEEE": "the European Energy Exchange",
    "AIXK": "the Astana International Exchange",
    "CMES": "the Chicago Mercantile Exchange",
    "XCBF": "the Cboe Futures Exchange",
    "IEPA": "ICE Futures US",
}


def _exchange(code: str) -> str | None:
    name = _EXCHANGES.get(code)
    return None if name is None else f"{name} ({code})"


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)  # not strftime: month names must not depend on the machine's locale
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday_name(day: Any) -> str:
    """The English weekday of a date or datetime, whatever the machine's locale (strftime's %A is not)."""
    return WEEKDAYS[day.weekday()]


def month_name(day: Any) -> str:
    """The English month of a date or datetime, whatever the machine's locale."""
    return MONTHS[day.month - 1]


def date_in_words(value: str) -> str | None:
    """An ISO date as a sentence writes it ("21 June 2024"); None for a value that is not one."""
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return None
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def datetime_in_words(value: str) -> str | None:
    """An ISO date and time as a sentence writes it ("14:45 on 20 May 2025"); None for a value that is not one."""
    date, sep, clock = value.partition("T")
    if not sep or not re.fullmatch(r"\d\d:\d\d(:\d\d)?", clock) or (day := date_in_words(date)) is None:
        return None
    return f"{clock.removesuffix(':00') if len(clock) == 8 else clock} on {day}"


def _percent(value: Any) -> str | None:
    """A rate given as a fraction, as people write it ("7.5%")."""
    try:
        return f"{float(value) * 100:.10g}%"
    except (TypeError, ValueError):
        return None


def _quoted(template: str) -> Callable[[str], str]:
    return lambda value: template.format(value=value)


ISLAMIC_MONTHS = (
    "Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula", "Jumada al-Akhirah", "Rajab",
    "Shaban", "Ramadan", "Shawwal", "Dhu al-Qadah", "Dhu al-Hijjah",
)  # fmt: skip


def _icd(code: str) -> str:
    return f"ICD-10-CM code {code}"


AMINO_ACIDS = {
    "A": "alanine", "R": "arginine", "N": "asparagine", "D": "aspartic acid", "C": "cysteine", "Q": "glutamine",
    "E": "glutamic acid", "G": "glycine", "H": "histidine", "I": "isoleucine", "L": "leucine", "K": "lysine",
    "M": "methionine", "F": "phenylalanine", "P": "proline", "S": "serine", "T": "threonine", "W": "tryptophan",
    "Y": "tyrosine", "V": "valine", "U": "selenocysteine", "O": "pyrrolysine",
}  # fmt: skip
"""The amino acids by one-letter code (IUPAC-IUB): a question says "serine (S)", not "the amino acid S"."""

_DISPLAYS: dict[str, Callable[[Any], str | None]] = {
    "amino_acid": lambda v: f"{AMINO_ACIDS[str(v)]} ({v})" if str(v) in AMINO_ACIDS else None,
    "interest_rate": _percent,
    "country_code": lambda v: country_name(str(v)),
    "country_alpha3": lambda v: _country3(str(v)),
    "iata_code": lambda v: _airport(str(v)),
    "icao_code": lambda v: _icao(str(v)),
    "currency_code": lambda v: _currency(str(v)),
    "language_code": lambda v: _language(str(v)),
    "element_symbol": lambda v: _element(str(v)),
    "subdivision_code": lambda v: _subdivision(str(v)),
    "cas_number": lambda v: _cas(str(v)),
    "cldr_locale": lambda v: _locale(str(v)),
    "smiles": _compound("smiles", "SMILES"),
    "pubchem_cid": _compound("pubchem", "PubChem CID"),
    "exchange_code": lambda v: _exchange(str(v)),
    "date": lambda v: date_in_words(str(v)),
    "datetime": lambda v: datetime_in_words(str(v)),
    "month": lambda v: MONTHS[int(v) - 1] if str(v).isdigit() and 1 <= int(v) <= 12 else None,
    "islamic_month": lambda v: ISLAMIC_MONTHS[int(v) - 1] if str(v).isdigit() and 1 <= int(v) <= 12 else None,
    "icd10cm_code": lambda v: _icd(str(v)),
    "timezone": lambda v: "UTC" if str(v) in UTC_ZONES else f"the {v} time zone",
    "word": _quoted('the word "{value}"'),
    "text": _quoted('the text "{value}"'),
    "physical_constant": lambda v: f"the {v}" if not str(v).lower().startswith("the ") else str(v),
    "star_name": _quoted("{value}"),
    "restriction_enzyme": _quoted("the enzyme {value}"),
}


def _check() -> None:
    for port_name in (*NOUNS, *_DISPLAYS):
        get_port(port_name)


_check()


class Mention:
    """A value as a question template writes it: ``{param}`` gives the display (or a reference such as "that
    airport"), ``{param:code}`` the raw value (a code, an amount) where a template needs it bare."""

    def __init__(self, text: str, code: str | None = None, at: str | None = None) -> None:
        self.text = text
        self.code = text if code is None else code
        self.at = f"in {text}" if at is None else at

    def __format__(self, spec: str) -> str:
        if spec == "code":
            return self.code
        if spec == "at":
            return self.at
        if spec:
            raise ValueError(
                f"unknown format {spec!r} in a question template (use {{name}}, {{name:code}} or {{name:at}})"
            )
        return self.text

    def __str__(self) -> str:
        return self.text

    @classmethod
    def stated(cls, port_name: str, value: Any) -> Mention:
        """A stated value: its display, its raw form for ``:code`` and where it is for ``:at`` ("in Kolkata, India"
        for the zone Asia/Kolkata, whose clock a question reads there)."""
        place = zone_place(value) if port_name == "timezone" and isinstance(value, str) else None
        return cls(display(port_name, value), format_value(value), f"in {place}" if place else None)

    @classmethod
    def reference(cls, port_name: str, determiner: str = "that") -> Mention:
        """An entity an earlier step found: "that country" (also for ``:code``)."""
        return cls(f"{determiner} {noun(port_name)}")


KNOWN_PLACES = {
    (51.5074, -0.1278): "central London",
    (40.7128, -74.006): "New York City",
    (-33.8688, 151.2093): "Sydney",
    (35.6762, 139.6503): "Tokyo",
    (48.8566, 2.3522): "Paris",
    (64.1466, -21.9426): "Reykjavík",
    (-1.2921, 36.8219): "Nairobi",
    (52.52, 13.405): "Berlin",
    (43.0621, 141.3544): "Sapporo",
    (-27.4698, 153.0251): "Brisbane",
    (41.8781, -87.6298): "Chicago",
    (-3.3869, 36.683): "Arusha",
    (59.3293, 18.0686): "Stockholm",
    (34.6937, 135.5023): "Osaka",
    (-37.8136, 144.9631): "Melbourne",
    (38.9072, -77.0369): "Washington, D.C.",
    (-6.7924, 39.2083): "Dar es Salaam",
    (60.1699, 24.9384): "Helsinki",
    (40.4168, -3.7038): "Madrid",
}
"""The city centres the catalog's coordinate samples are: a question names the city with its coordinates."""


def place(latitude: Any, longitude: Any) -> Mention | None:
    """A stated coordinate pair as people write it when it is a known city centre: "Paris (48.8566, 2.3522)"."""
    if isinstance(latitude, bool) or isinstance(longitude, bool):
        return None
    try:
        name = KNOWN_PLACES.get((float(latitude), float(longitude)))
    except (TypeError, ValueError):
        return None
    return Mention(f"{name} ({format_value(latitude)}, {format_value(longitude)})") if name else None


UTC_ZONES = frozenset({"UTC", "Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "UCT", "Universal", "Zulu"})
"""Names of UTC itself: a question says "in UTC", not "in the Etc/UTC time zone"."""


@cache
def zone_place(zone: str) -> str | None:
    """The place whose clock an IANA zone keeps, as people name it: CLDR's exemplar city and its country ("Kolkata,
    India" for Asia/Kolkata, "Knox, Indiana" for America/Indiana/Knox); "UTC" for UTC itself; None for a zone with
    no city (Etc/GMT+5)."""
    from babel.dates import get_timezone_location

    if zone in UTC_ZONES:
        return "UTC"
    try:
        city = get_timezone_location(zone, locale="en", return_city=True)
        region = get_timezone_location(zone, locale="en")
    except (LookupError, ValueError):
        return None
    country = "Antarctica" if zone.startswith("Antarctica/") else region.removesuffix(" Time").split(" (")[0]
    city = city.rsplit("/", 1)[-1] if city else city
    if not city or city.upper().startswith(("GMT", "UTC")) or country in ("Unknown Region", "world"):
        return None
    return city if "," in city or country.startswith(city) else f"{city}, {country}"


def fill(template: str, mentions_by_param: dict[str, Mention]) -> str:
    """A question template with its placeholders written; the first letter capitalized."""
    text = template.format(**mentions_by_param)
    return text[:1].upper() + text[1:]


NOUN_PREFIX = re.compile(r"^the (enzyme|formula|word|sequence|element|locale|exchange|code|tag) (?=\S)")
"""The noun some displays start with ("the element fluorine"), said once for a whole list."""
_WRAPPED = re.compile(r"^the (.+) time zone$")


def bare(name: str) -> str:
    """A display without the noun a list's own name already says ("America/Sitka" among "the United States' time
    zones", "fluorine" among "the halogens")."""
    name = NOUN_PREFIX.sub("", name, count=1)
    return m.group(1) if (m := _WRAPPED.match(name)) else name
