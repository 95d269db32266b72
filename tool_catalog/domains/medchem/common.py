"""Helpers shared by the medchem topic modules: the ICD-10-CM tabular list, CAS-number lookups in the chemicals
database, formula parsing (molmass), element lookup (periodictable), and the parameter models several modules use."""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import BaseModel, Field

from tool_catalog.ports import port
from tool_catalog.spec import ToolInputError

DOMAIN = "medchem"
ICD_PKG = "simple-icd-10-cm"
ICD_SOURCE = "the April 2026 ICD-10-CM"
"""The release of the tabular list the ICD-10-CM tools read (codes, titles, notes and counts change every year)."""
ICD_CODE = r"^[A-Z][0-9A-Z]{2}(\.[0-9A-Z]{1,4})?$"
CAS = r"^[1-9][0-9]{1,6}-[0-9]{2}-[0-9]$"
CAS_SAMPLES = ["64-17-5", "71-43-2", "7732-18-5", "67-64-1", "74-82-8", "108-88-3", "67-56-1"]
FORMULA = r"^[A-Z\[(][A-Za-z0-9()\[\]]{0,59}([+-][0-9]?)?$"
_MAX_ATOMS = 5000


@cache
def icd() -> Any:
    """The simple_icd_10_cm module (its import parses the tabular list)."""
    import simple_icd_10_cm

    return simple_icd_10_cm


@cache
def icd_leaves() -> tuple[tuple[str, str], ...]:
    """Billable (leaf) codes in tabular order with lower-cased descriptions."""
    cm = icd()
    seen: set[str] = set()
    leaves = []
    for code in cm.get_all_codes():
        if code in seen or not cm.is_category_or_subcategory(code) or not cm.is_leaf(code):
            continue
        seen.add(code)
        leaves.append((code, cm.get_description(code).lower()))
    return tuple(leaves)


def icd_code(code: str) -> str:
    cm = icd()
    if not cm.is_valid_item(code) or not cm.is_category_or_subcategory(code):
        raise ToolInputError(f"unknown ICD-10-CM code {code!r} (use the dotted form, e.g. 'E11.9')")
    return code


def icd_params(name: str, samples: list[str]) -> type[BaseModel]:
    """An ICD-10-CM code parameter model whose samples are codes the tool has data for."""
    from pydantic import create_model

    field = Field(
        description="ICD-10-CM code in dotted form, e.g. 'E11.9' or the category 'J45'.",
        pattern=ICD_CODE,
        json_schema_extra=port("icd10cm_code", samples=samples),
    )
    return create_model(name, code=(str, field))


class IcdCode(BaseModel):
    code: str = Field(
        description="ICD-10-CM code in dotted form, e.g. 'E11.9' or the category 'J45'.",
        pattern=ICD_CODE,
        json_schema_extra=port("icd10cm_code", samples=["E11.9", "J45.909", "I10", "S72.001A", "F32.A", "K21.9"]),
    )


def metadata(cas: str) -> Any:
    from chemicals.identifiers import check_CAS, search_chemical

    if not check_CAS(cas):
        raise ToolInputError(f"{cas!r} is not a valid CAS registry number (check digit mismatch)")
    try:
        return search_chemical(cas)
    except ValueError:
        raise ToolInputError(f"unknown CAS registry number {cas!r}") from None


def checked_cas(cas: str) -> str:
    from chemicals.identifiers import check_CAS

    if not check_CAS(cas):
        raise ToolInputError(f"{cas!r} is not a valid CAS registry number (check digit mismatch)")
    return cas


class CasNumber(BaseModel):
    cas: str = Field(
        description="CAS registry number, e.g. '64-17-5' for ethanol.",
        pattern=CAS,
        json_schema_extra=port("cas_number", samples=CAS_SAMPLES),
    )


def r(value: float | None, digits: int) -> float | None:
    return None if value is None else round(float(value), digits)


def formula(text: str) -> Any:
    from molmass import Formula, FormulaError

    try:
        formula = Formula(text)
        atoms = formula.atoms
        _ = formula.mass
    except (FormulaError, KeyError, ValueError) as exc:
        raise ToolInputError(f"cannot parse chemical formula {text!r}: {str(exc).splitlines()[0]}") from None
    if atoms > _MAX_ATOMS:
        raise ToolInputError(f"formula {text!r} has more than {_MAX_ATOMS} atoms")
    return formula


def element(symbol: str) -> Any:
    import periodictable

    try:
        element = periodictable.elements.symbol(symbol)
    except ValueError:
        raise ToolInputError(f"unknown element symbol {symbol!r}") from None
    if element.number < 1:
        raise ToolInputError(f"unknown element symbol {symbol!r}")
    return element


FAMILIAR_ELEMENTS = frozenset({*range(1, 31), 47, 50, 53, 78, 79, 80, 82, 92})
"""Atomic numbers of the elements whose place in the periodic table is common knowledge: hydrogen to zinc, and
silver, tin, iodine, platinum, gold, mercury, lead and uranium. Their symbol, name, atomic number, period, group and
block are trivia, not questions for a tool."""

FAMILIAR_COMPOUNDS = frozenset(
    {
        "7732-18-5",  # water
        "124-38-9",  # carbon dioxide
        "630-08-0",  # carbon monoxide
        "74-82-8",  # methane
        "74-98-6",  # propane
        "106-97-8",  # butane
        "64-17-5",  # ethanol
        "67-56-1",  # methanol
        "67-64-1",  # acetone
        "64-19-7",  # acetic acid
        "58-08-2",  # caffeine
        "50-99-7",  # glucose
        "57-50-1",  # sucrose
        "50-78-2",  # aspirin
        "7664-41-7",  # ammonia
        "7647-14-5",  # sodium chloride
        "71-43-2",  # benzene
        "7782-44-7",  # oxygen
        "7727-37-9",  # nitrogen
        "1333-74-0",  # hydrogen
        "10028-15-6",  # ozone
        "7664-93-9",  # sulfuric acid
        "7647-01-0",  # hydrogen chloride
        "7722-84-1",  # hydrogen peroxide
    }
)
"""CAS numbers of compounds whose molecular formula everyone learns at school: asking a tool for it is trivia."""


def unfamiliar_element(arguments: dict[str, Any]) -> bool:
    """Whether the element a call names (by symbol or atomic number) is not one of :data:`FAMILIAR_ELEMENTS`."""
    import periodictable

    try:
        if "atomic_number" in arguments:
            number = int(arguments["atomic_number"])
        else:
            number = periodictable.elements.symbol(str(arguments.get("symbol", ""))).number
    except (ValueError, TypeError):
        return True
    return number not in FAMILIAR_ELEMENTS
