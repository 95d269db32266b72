"""Cohorts: entities people compare with each other, and the words that say why.

A comparison needs a reason. "Which has the higher elevation: Sydney Kingsford Smith or Charles de Gaulle?" compares
two airports nobody weighs against each other; "Of London's airports Heathrow (LHR), Gatwick (LGW) and Stansted
(STN), which sits highest?" is a question someone choosing between them asks. A cohort is such a set: the airports
of one metropolitan area (IATA's metropolitan area codes), a country's neighbours (from ``countryinfo``), a
regional group of countries, two countries that border each other, the bright stars of one constellation
(``ephem``), a group of the periodic table, a homologous series of compounds, a family of languages, a group of
currencies or exchanges. Time zones have none: ranking offsets answers nothing. The embedded policy draws the
entities of a comparison from one cohort, the realization names it ("London's airports", "Germany's neighbours")
and the realism gate refuses a comparison of stated entities that share none.

Ports whose values need no cohort: words (which of these words has more syllables), and years within a decade (the
same fact in 2023, 2024 and 2025). Dates are compared only for quantities that move with time, such as exchange
rates (see :func:`common_cohort`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

NEIGHBOURING = "{}"
"""The frame of two countries that border each other: they need no name for why they are compared."""
FREE_PORTS = frozenset({"word"})
"""Ports whose values may be compared without a cohort."""
YEAR_SPAN = 10
"""Years compared in one question lie within this many years of each other."""


@dataclass(frozen=True)
class Cohort:
    """A set of entities of one port that people compare, and how a question names it."""

    port: str
    members: tuple[str, ...]
    frame: str = "{}"
    """Where the listed entities go: "London's airports {}", "{} in Western Africa"; "{}" names no reason."""

    def names(self, listed: str) -> str:
        return self.frame.format(listed)


_METRO_AIRPORTS: dict[str, tuple[str, ...]] = {
    "London": ("LHR", "LGW", "STN", "LTN", "LCY", "SEN"),
    "New York": ("JFK", "LGA", "EWR"),
    "Paris": ("CDG", "ORY", "BVA"),
    "Tokyo": ("HND", "NRT"),
    "Osaka": ("KIX", "ITM", "UKB"),
    "Seoul": ("ICN", "GMP"),
    "Shanghai": ("PVG", "SHA"),
    "Beijing": ("PEK", "PKX"),
    "Moscow": ("SVO", "DME", "VKO"),
    "Milan": ("MXP", "LIN", "BGY"),
    "Rome": ("FCO", "CIA"),
    "Stockholm": ("ARN", "BMA", "NYO"),
    "Istanbul": ("IST", "SAW"),
    "Chicago": ("ORD", "MDW"),
    "Washington": ("IAD", "DCA", "BWI"),
    "the Los Angeles area": ("LAX", "BUR", "LGB", "SNA", "ONT"),
    "the San Francisco Bay Area": ("SFO", "OAK", "SJC"),
    "Houston": ("IAH", "HOU"),
    "Dallas": ("DFW", "DAL"),
    "Toronto": ("YYZ", "YTZ"),
    "São Paulo": ("GRU", "CGH", "VCP"),
    "Rio de Janeiro": ("GIG", "SDU"),
    "Buenos Aires": ("EZE", "AEP"),
    "Bangkok": ("BKK", "DMK"),
    "Taipei": ("TPE", "TSA"),
    "Jakarta": ("CGK", "HLP"),
    "Dubai": ("DXB", "DWC"),
    "Tehran": ("IKA", "THR"),
    "Glasgow": ("GLA", "PIK"),
    "Belfast": ("BFS", "BHD"),
    "Oslo": ("OSL", "TRF"),
    "Mexico City": ("MEX", "NLU"),
    "Kuala Lumpur": ("KUL", "SZB"),
}
"""Airports of IATA's metropolitan areas (LON, NYC, PAR, TYO, ...) and of a few more multi-airport cities."""

_COUNTRY_GROUPS: dict[str, tuple[str, ...]] = {
    "the Nordic countries {}": ("DK", "FI", "IS", "NO", "SE"),
    "the Baltic states {}": ("EE", "LV", "LT"),
    "the Benelux countries {}": ("BE", "NL", "LU"),
    "the G7 members {}": ("CA", "FR", "DE", "IT", "JP", "GB", "US"),
    "the BRICS founders {}": ("BR", "RU", "IN", "CN", "ZA"),
    "the Visegrád Group's {}": ("CZ", "HU", "PL", "SK"),
    "the Gulf Cooperation Council members {}": ("BH", "KW", "OM", "QA", "SA", "AE"),
    "the Maghreb countries {}": ("DZ", "LY", "MR", "MA", "TN"),
    "the ASEAN members {}": ("BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN"),
    "the Mercosur founders {}": ("AR", "BR", "PY", "UY"),
    "the Andean Community's {}": ("BO", "CO", "EC", "PE"),
    "the South Caucasus countries {}": ("AM", "AZ", "GE"),
    "the Central Asian countries {}": ("KZ", "KG", "TJ", "TM", "UZ"),
    "the Horn of Africa countries {}": ("DJ", "ER", "ET", "SO"),
    "the East African Community founders {}": ("KE", "TZ", "UG"),
    "the German-speaking countries {}": ("AT", "DE", "CH", "LI"),
    "the Iberian countries {}": ("ES", "PT", "AD"),
    "the Five Eyes countries {}": ("AU", "CA", "NZ", "GB", "US"),
    "the Caribbean countries {}": ("JM", "TT", "BB", "BS", "DO", "HT", "CU"),
    "the Central American countries {}": ("BZ", "CR", "SV", "GT", "HN", "NI", "PA"),
    "the South Asian countries {}": ("AF", "BD", "BT", "IN", "MV", "NP", "PK", "LK"),
    "the Pacific island countries {}": ("FJ", "PG", "WS", "TO", "VU", "SB", "KI"),
}
"""Regional and political groups of countries (ISO 3166-1 alpha-2)."""

_CURRENCY_GROUPS: dict[str, tuple[str, ...]] = {
    "the Nordic currencies {}": ("DKK", "NOK", "SEK", "ISK"),
    "the Central European currencies {}": ("CZK", "HUF", "PLN", "RON"),
    "the East Asian currencies {}": ("CNY", "JPY", "KRW", "HKD"),
    "the Southeast Asian currencies {}": ("IDR", "MYR", "PHP", "SGD", "THB"),
    "the commodity currencies {}": ("AUD", "CAD", "NZD", "NOK"),
    "the major reserve currencies {}": ("USD", "EUR", "JPY", "GBP", "CHF"),
}

_ELEMENT_GROUPS: dict[str, tuple[str, ...]] = {
    "the alkali metals {}": ("Li", "Na", "K", "Rb", "Cs"),
    "the alkaline earth metals {}": ("Be", "Mg", "Ca", "Sr", "Ba"),
    "the halogens {}": ("F", "Cl", "Br", "I"),
    "the noble gases {}": ("He", "Ne", "Ar", "Kr", "Xe"),
    "the chalcogens {}": ("O", "S", "Se", "Te"),
    "the pnictogens {}": ("N", "P", "As", "Sb", "Bi"),
    "the group 14 elements {}": ("C", "Si", "Ge", "Sn", "Pb"),
    "the coinage metals {}": ("Cu", "Ag", "Au"),
    "the platinum-group metals {}": ("Ru", "Rh", "Pd", "Os", "Ir", "Pt"),
    "the first-row transition metals {}": ("Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn"),
    "the lanthanides {}": ("La", "Ce", "Pr", "Nd", "Sm", "Eu", "Gd", "Tb", "Dy"),
}

_COMPOUND_GROUPS: dict[str, tuple[tuple[str, str], ...]] = {
    "the alcohols {}": (
        ("67-56-1", "methanol"),
        ("64-17-5", "ethanol"),
        ("71-23-8", "1-propanol"),
        ("67-63-0", "isopropanol"),
        ("71-36-3", "1-butanol"),
    ),
    "the alkanes {}": (
        ("74-98-6", "propane"),
        ("106-97-8", "butane"),
        ("109-66-0", "pentane"),
        ("110-54-3", "hexane"),
        ("142-82-5", "heptane"),
        ("111-65-9", "octane"),
    ),
    "the aromatic solvents {}": (
        ("71-43-2", "benzene"),
        ("108-88-3", "toluene"),
        ("100-41-4", "ethylbenzene"),
        ("95-47-6", "o-xylene"),
        ("106-42-3", "p-xylene"),
    ),
    "the ketones {}": (("67-64-1", "acetone"), ("78-93-3", "2-butanone"), ("108-94-1", "cyclohexanone")),
    "the chlorinated solvents {}": (
        ("75-09-2", "dichloromethane"),
        ("67-66-3", "chloroform"),
        ("56-23-5", "carbon tetrachloride"),
    ),
    "the common lab solvents {}": (
        ("67-64-1", "acetone"),
        ("75-05-8", "acetonitrile"),
        ("141-78-6", "ethyl acetate"),
        ("109-99-9", "tetrahydrofuran"),
        ("67-68-5", "dimethyl sulfoxide"),
        ("60-29-7", "diethyl ether"),
    ),
    "the carboxylic acids {}": (
        ("64-18-6", "formic acid"),
        ("64-19-7", "acetic acid"),
        ("79-09-4", "propionic acid"),
        ("107-92-6", "butyric acid"),
    ),
    "the greenhouse gases {}": (
        ("124-38-9", "carbon dioxide"),
        ("74-82-8", "methane"),
        ("10024-97-2", "nitrous oxide"),
    ),
}
"""Homologous series and families of compounds, by CAS number and common name."""

_LANGUAGE_GROUPS: dict[str, tuple[str, ...]] = {
    "the Romance languages {}": ("es", "fr", "it", "pt", "ro", "ca"),
    "the Germanic languages {}": ("de", "nl", "sv", "da", "nb", "is", "en"),
    "the Slavic languages {}": ("ru", "pl", "cs", "uk", "sk", "bg", "sr", "hr", "sl"),
    "the Indo-Aryan languages {}": ("hi", "bn", "mr", "pa", "gu", "ur", "ne"),
    "the Turkic languages {}": ("tr", "az", "kk", "uz", "ky", "tk"),
    "the Semitic languages {}": ("ar", "he", "am", "mt"),
    "the Bantu languages {}": ("sw", "zu", "xh", "rw", "sn"),
    "the Dravidian languages {}": ("ta", "te", "kn", "ml"),
}

_EXCHANGE_GROUPS: dict[str, tuple[str, ...]] = {
    "the Baltic exchanges {}": ("XTAL", "XRIS", "XLIT"),
    "the Latin American exchanges {}": ("BVMF", "XMEX", "XBUE", "XSGO", "XBOG", "XLIM"),
    "the Central European exchanges {}": ("XWAR", "XPRA", "XBUD", "XWBO", "XLJU", "XZAG"),
    "the European exchanges {}": ("XLON", "XETR", "XPAR", "XAMS", "XSWX", "XMIL", "XMAD"),
    "the Asia-Pacific exchanges {}": ("XTKS", "XHKG", "XASX", "XSES", "XKRX", "XBOM"),
    "the Nordic exchanges {}": ("XSTO", "XCSE", "XHEL", "XOSL"),
}


def possessive(name: str) -> str:
    """ "London's", "the United States'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


@cache
def _curated() -> dict[str, tuple[Cohort, ...]]:
    by_port: dict[str, list[Cohort]] = {}

    def add(port: str, frame: str, members: Sequence[str]) -> None:
        by_port.setdefault(port, []).append(Cohort(port, tuple(members), frame))

    for city, codes in _METRO_AIRPORTS.items():
        add(
            "iata_code",
            f"{city}'s airports {{}}" if not city.startswith("the ") else f"the airports of {city} {{}}",
            codes,
        )
    for frame, codes in _COUNTRY_GROUPS.items():
        add("country_code", frame, codes)
    for frame, codes in _CURRENCY_GROUPS.items():
        add("currency_code", frame, codes)
    for frame, codes in _ELEMENT_GROUPS.items():
        add("element_symbol", frame, codes)
    for frame, pairs in _COMPOUND_GROUPS.items():
        add("cas_number", frame, [cas for cas, _ in pairs])
        add("chemical_name", frame, [name for _, name in pairs])
    for frame, codes in _LANGUAGE_GROUPS.items():
        add("language_code", frame, codes)
    for frame, codes in _EXCHANGE_GROUPS.items():
        add("exchange_code", frame, codes)
    return {port: tuple(cohorts) for port, cohorts in by_port.items()}


@cache
def _neighbours() -> tuple[Cohort, ...]:
    """Each country's land neighbours (``countryinfo``), as "Germany's neighbours {}"."""
    from countryinfo import all_countries

    from tool_catalog.names import country_name

    alpha2: dict[str, str] = {}
    borders: dict[str, list[str]] = {}
    for record in all_countries():
        info = record.info()
        iso = info.get("ISO") or {}
        if iso.get("alpha2") and iso.get("alpha3"):
            alpha2[iso["alpha3"]] = iso["alpha2"]
            borders[iso["alpha2"]] = list(info.get("borders") or [])
    out = []
    pairs: set[tuple[str, str]] = set()
    for code, around in sorted(borders.items()):
        members = tuple(sorted(alpha2[a] for a in around if a in alpha2))
        pairs |= {tuple(sorted((code, m))) for m in members}  # type: ignore[misc]
        name = country_name(code)
        if len(members) >= 2 and name:
            out.append(Cohort("country_code", members, f"{possessive(name)} neighbours {{}}"))
    # two countries that border each other are compared as they are ("Kenya or Ethiopia"); two neighbours of a third
    # only with that third named ("of Turkey's neighbours Iraq and Bulgaria"), which a pair's question does not do
    out += [Cohort("country_code", pair, NEIGHBOURING) for pair in sorted(pairs)]
    return tuple(out)


@cache
def _constellations() -> tuple[Cohort, ...]:
    from tool_catalog.domains.science.common import star_catalog

    return _grouped(
        "star_name",
        ((name, entry[1]) for name, entry in star_catalog().items()),
        lambda constellation: f"the bright stars of {constellation} {{}}",
    )


def _grouped(port: str, pairs: Iterable[tuple[str, str]], frame: Callable[[str], str | None]) -> tuple[Cohort, ...]:
    """Cohorts of the members sharing a group key (a constellation, a country), framed by the key; groups of one and
    keys without a frame are left out."""
    by: dict[str, list[str]] = {}
    for member, key in pairs:
        by.setdefault(key, []).append(member)
    return tuple(
        Cohort(port, tuple(sorted(members)), framed)
        for key, members in sorted(by.items())
        if len(members) >= 2 and (framed := frame(key)) is not None
    )


CLOSED_PORTS = frozenset({"element_symbol", "country_code"})
"""Ports whose named groups are closed lists everyone can complete (a group of the periodic table, the G7, the Baltic
states): three of them are not "the group", and the left-out member may hold the answer."""


def closed(c: Cohort) -> bool:
    """Whether a ranking, extreme or average over part of the cohort misleads (see :data:`CLOSED_PORTS`); the derived
    cohorts (a country's neighbours) and open ones (London's airports, the alcohols) may be taken in part."""
    return c.port in CLOSED_PORTS and c in _curated().get(c.port, ())


def cohorts(port: str) -> tuple[Cohort, ...]:
    """Every cohort of the port (empty for a port without any)."""
    derived: tuple[Cohort, ...] = ()
    if port == "country_code":
        derived = _neighbours()
    elif port == "star_name":
        derived = _constellations()
    return _curated().get(port, ()) + derived


@cache
def _by_member(port: str) -> dict[str, tuple[Cohort, ...]]:
    """The port's cohorts indexed by member, each list in :func:`cohorts` order (a lookup, not a scan of ~1,000)."""
    index: dict[str, list[Cohort]] = {}
    for c in cohorts(port):
        for member in c.members:
            index.setdefault(member, []).append(c)
    return {member: tuple(found) for member, found in index.items()}


def cohorts_of(port: str, value: object) -> list[Cohort]:
    """The cohorts the value belongs to."""
    return list(_by_member(port).get(value, ())) if isinstance(value, str) else []


def common_cohort(port: str, values: Sequence[object], over_money: bool = False) -> Cohort | None:
    """A cohort holding every value (one made of exactly them first), or None when the values have no reason to be
    compared.

    Words and years within :data:`YEAR_SPAN` need none (a frame of "{}"); dates only where the compared quantity
    moves with time and is money (``over_money``: an exchange rate on two dates)."""
    if len(set(map(str, values))) < len(values):
        return None
    if port in FREE_PORTS:
        return Cohort(port, tuple(map(str, values)))
    if port == "year":
        years = [int(v) for v in values if isinstance(v, int | str) and str(v).lstrip("-").isdigit()]
        ok = len(years) == len(values) and max(years) - min(years) <= YEAR_SPAN
        return Cohort(port, tuple(map(str, values))) if ok else None
    if port == "date":
        return Cohort(port, tuple(map(str, values))) if over_money else None
    candidates = cohorts_of(port, values[0]) if values else list(cohorts(port))
    holding = [c for c in candidates if all(v in c.members for v in values)]
    whole = [c for c in holding if set(c.members) == set(values)]  # the Baltic states, all three: a whole group
    if len(values) == 2 and not whole:  # a pair's question names no group: it must read as a pair on its own
        holding = [c for c in holding if "neighbours" not in c.frame]
    return (whole or holding or [None])[0]


def has_cohorts(port: str) -> bool:
    """Whether siblings of this port can be drawn at all (from a cohort, or freely)."""
    return port in FREE_PORTS or port in ("year", "date") or bool(cohorts(port))
