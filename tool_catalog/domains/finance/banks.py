"""Banks and accounts (schwifty: the SWIFT IBAN registry and national bank registries): BIC details, IBAN
validation and parts, a country's IBAN format, the BIC of a national bank code, and building an IBAN."""

from __future__ import annotations

from pydantic import BaseModel, Field

from tool_catalog.domains.finance.common import DOMAIN, country_field
from tool_catalog.ports import port
from tool_catalog.quantities import quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError


class BicCode(BaseModel):
    bic: str = Field(
        description="SWIFT/BIC code of 8 or 11 characters, e.g. 'COBADEFFXXX'.",
        pattern=r"^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$",
        json_schema_extra=port(
            "bic", samples=["COBADEFFXXX", "DEUTDEFF", "PSSTFRPP", "NWBKGB2L", "UBSWCHZH80A", "BKAUATWW"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="schwifty",
    description="Look up a SWIFT/BIC code in schwifty's bank registry: the bank's country, its name (the "
    "alphabetically first if several are registered), the lowest national bank code (e.g. German BLZ, French code "
    "banque) mapped to it and how many national bank codes map to it.",
    outputs={
        "country_code": Output(
            "country_code",
            "the country of the bank with {bic}",
            asks=(
                "In which country is {bic} based? Answer with its two-letter ISO code.",
                "Which country is {bic} registered in? Give the ISO 3166-1 alpha-2 code.",
            ),
            chain=False,  # the country is two letters of the code: a chain through it shows in the question
            askable=False,  # and a question about it answers itself
        ),
        "bank_name": Output(
            "label",
            "the name of the bank with {bic}",
            asks=(
                "What is the registered name of {bic}?",
                "Look up {bic} in the bank registry: what name is it registered under?",
            ),
            source="the national bank registries",
        ),
        "bank_code": Output(
            "label",
            "the lowest national bank code registered for {bic}",
            asks=(
                "What national bank code (such as a German Bankleitzahl) is registered for {bic}? If there are "
                "several, give the lowest.",
                "Which domestic bank code corresponds to {bic}? Give the lowest one if several are registered.",
            ),
            source="the national bank registries",
        ),
        "bank_code_count": Output(
            "count",
            "the number of national bank codes registered for {bic}",
            asks=(
                "How many national bank codes are registered for {bic}?",
                "How many domestic bank codes (such as German Bankleitzahlen) map to {bic}?",
            ),
            measure="number of national bank codes",
            source="the national bank registries",
        ),
    },
    examples=[{"bic": "COBADEFFXXX"}, {"bic": "PSSTFRPP"}],
)
def bic_details(p: BicCode) -> dict:
    from schwifty import BIC
    from schwifty.exceptions import SchwiftyException

    try:
        bic = BIC(p.bic)
        codes = [code for code in bic.domestic_bank_codes if code]
        names = bic.bank_names
    except SchwiftyException as exc:
        raise ToolInputError(f"invalid BIC {p.bic!r}: {exc}") from None
    if not names:
        raise ToolInputError(f"BIC {p.bic!r} is not in schwifty's bank registry")
    return {
        "country_code": bic.country_code,
        "bank_name": names[0],
        "bank_code": min(codes) if codes else None,
        "bank_code_count": len(codes),
    }


class IbanCode(BaseModel):
    iban: str = Field(
        description="International Bank Account Number, with or without spaces, e.g. 'DE89 3704 0044 0532 0130 00'.",
        min_length=15,
        max_length=42,
        pattern=r"^[A-Za-z]{2}[0-9]{2}[A-Za-z0-9 ]+$",
        json_schema_extra=port(
            "iban",
            samples=[
                "DE89370400440532013000",
                "GB29NWBK60161331926819",
                "FR1420041010050500013M02606",
                "NL91ABNA0417164300",
                "ES9121000418450200051332",
                "IT60X0542811101000000123456",
            ],
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="schwifty",
    description="Validate an IBAN (ISO 13616 check digits and the country's BBAN format) and split it into country, "
    "national bank code and account number; the bank's BIC and name come from schwifty's bank registry when known.",
    outputs={
        "country_code": Output(
            "country_code",
            "the country of {iban}",
            asks=(
                "In which country is {iban} held? Answer with its two-letter ISO code.",
                "Which country does {iban} belong to? Give the ISO 3166-1 alpha-2 code.",
            ),
            chain=False,  # the country is two letters of the code: a chain through it shows in the question
            askable=False,  # and a question about it answers itself
        ),
        "bank_code": Output(
            "label",
            "the national bank code in {iban}",
            asks=(
                "What national bank code is contained in {iban}?",
                "Which domestic bank code (sort code, Bankleitzahl ...) does {iban} carry?",
            ),
            askable=False,  # digits of the IBAN in the question: a chain to the bank's name uses it
        ),
        "account_code": Output(
            "label",
            "the account number in {iban}",
            asks=(
                "What is the domestic account number of {iban}?",
                "Which part of {iban} is the account number itself, by the country's IBAN format?",
            ),
            askable=False,  # the last digits of the IBAN in the question
        ),
        "bic": Output(
            "bic",
            "the BIC of the bank holding {iban}",
            asks=(
                "What is the BIC of the bank that holds {iban}?",
                "I'm sending money to {iban}. Which SWIFT/BIC code does the receiving bank have?",
                "Which SWIFT code goes with {iban}?",
            ),
            source="the national bank registries",
        ),
        "bank_name": Output(
            "label",
            "the name of the bank holding {iban}",
            asks=(
                "Which bank holds {iban}? Give its name.",
                "What is the name of the bank that keeps {iban}?",
            ),
            source="the national bank registries",
        ),
    },
    examples=[{"iban": "DE89 3704 0044 0532 0130 00"}, {"iban": "GB29NWBK60161331926819"}],
    inverse="iban_from_account",
)
def iban_details(p: IbanCode) -> dict:
    from schwifty import IBAN
    from schwifty.exceptions import SchwiftyException

    try:
        iban = IBAN(p.iban)
    except SchwiftyException as exc:
        raise ToolInputError(f"invalid IBAN {p.iban!r}: {exc}") from None
    try:
        bic = iban.bic
    except SchwiftyException:
        bic = None
    return {
        "country_code": iban.country_code,
        "bank_code": iban.bank_code,
        "account_code": iban.account_code,
        "bic": str(bic) if bic else None,
        "bank_name": iban.bank_name,
    }


class IbanCountry(BaseModel):
    country_code: str = country_field(
        "ISO 3166-1 alpha-2 code of a country that uses IBANs, e.g. 'NO'.", ["NO", "DE", "MT", "FR", "SA", "BR", "GB"]
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="schwifty",
    description="The IBAN format of a country from the SWIFT IBAN registry: total IBAN length, BBAN structure "
    "(e.g. '8!n10!n'), length of the national bank code, and whether the country is in the SEPA zone.",
    outputs={
        "iban_length": Output(
            "integer",
            "the number of characters of an IBAN in {country_code}",
            asks=(
                "How many characters long is an IBAN in {country_code}?",
                "What is the length of an IBAN from {country_code}, in characters?",
                "I'm checking an IBAN from {country_code}. How many characters should it have?",
            ),
            measure="IBAN length",
            quantity=quantity("count", "count"),
            source="the SWIFT IBAN registry",
        ),
        "bban_format": Output(
            "label",
            "the BBAN structure of IBANs in {country_code}",
            asks=(
                "What is the BBAN structure of IBANs in {country_code}, in the IBAN registry's notation (like "
                "'8!n10!n')?",
                "How is the domestic part (BBAN) of an IBAN from {country_code} built? Give its format string.",
            ),
            source="the SWIFT IBAN registry",
        ),
        "bank_code_length": Output(
            "integer",
            "the number of characters of the bank code in IBANs of {country_code}",
            asks=(
                "How many characters does the bank code take in an IBAN from {country_code}?",
                "What is the length of the national bank code inside IBANs of {country_code}?",
            ),
            measure="bank code length",
            quantity=quantity("count", "count"),
            source="the SWIFT IBAN registry",
        ),
        "in_sepa_zone": Output(
            "boolean",
            "whether {country_code} is in the SEPA zone",
            asks=(
                "Is {country_code} in the SEPA zone?",
                "Can I make a SEPA transfer to an account in {country_code}, i.e. is it part of SEPA?",
                "Is it true that {country_code} belongs to the Single Euro Payments Area?",
            ),
            source="the SWIFT IBAN registry",
        ),
    },
    examples=[{"country_code": "NO"}, {"country_code": "MT"}],
)
def iban_country_format(p: IbanCountry) -> dict:
    from schwifty import registry
    from schwifty.exceptions import SchwiftyException

    try:
        spec = registry.get_iban_spec(p.country_code)
    except (SchwiftyException, KeyError):
        raise ToolInputError(f"country {p.country_code!r} has no entry in the IBAN registry") from None
    bank = spec.positions[registry.Component.BANK_CODE]
    return {
        "iban_length": spec.iban_length,
        "bban_format": spec.bban_spec,
        "bank_code_length": bank.end - bank.start,
        "in_sepa_zone": bool(spec.in_sepa_zone),
    }


class BankCode(BaseModel):
    country_code: str = country_field("ISO country code of the bank, e.g. 'DE'.", ["DE", "AT", "CH", "DE", "BE"])
    bank_code: str = Field(
        description="National bank code (German Bankleitzahl, Austrian BLZ, Swiss clearing number ...).",
        pattern=r"^[0-9A-Z]{3,12}$",
        json_schema_extra=port("label", samples=["37040044", "20111", "00230", "10070000", "539"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="schwifty",
    description="Find the BIC of a bank from its national bank code (schwifty's bank directories for Germany, "
    "Austria, Switzerland, Belgium and others).",
    outputs={
        "bic": Output(
            "bic",
            "the BIC of the bank with code {bank_code} in {country_code}",
            asks=(
                "What is the BIC of the bank with national bank code {bank_code} in {country_code}?",
                "Which SWIFT/BIC code belongs to bank code {bank_code} in {country_code}?",
            ),
            source="the national bank registries",
        ),
        "bank_name": Output(
            "label",
            "the name of the bank with code {bank_code} in {country_code}",
            asks=(
                "Which bank has the national bank code {bank_code} in {country_code}? Give its name.",
                "What is the name of the bank registered under bank code {bank_code} in {country_code}?",
            ),
            source="the national bank registries",
        ),
    },
    examples=[{"country_code": "DE", "bank_code": "37040044"}],
)
def bic_for_bank_code(p: BankCode) -> dict:
    from schwifty import BIC

    try:
        bic = BIC.from_bank_code(p.country_code, p.bank_code)
    except Exception:
        raise ToolInputError(
            f"no bank with code {p.bank_code!r} in {p.country_code} in schwifty's directories"
        ) from None
    names = getattr(bic, "bank_names", None) or []
    return {"bic": str(bic), "bank_name": names[0] if names else getattr(bic, "bank_short_name", None)}


class IbanParts(BaseModel):
    country_code: str = country_field("ISO country code, e.g. 'DE'.", ["DE", "AT", "NL", "GB", "FR"])
    bank_code: str = Field(
        description="National bank code.",
        pattern=r"^[0-9A-Z]{1,12}$",
        json_schema_extra=port("label", samples=["37040044", "19043", "ABNA", "NWBK601613", "2004101005"]),
    )
    account_code: str = Field(
        description="Account number.",
        pattern=r"^[0-9A-Z]{1,30}$",
        json_schema_extra=port("label", samples=["0532013000", "00234573201", "0417164300", "31926819", "0500013M026"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="schwifty",
    description="Build a valid IBAN from a country, national bank code and account number (padding and check "
    "digits per the IBAN registry).",
    outputs={
        "iban": Output(
            "iban",
            "the IBAN of account {account_code} at bank {bank_code} in {country_code}",
            asks=(
                "What is the IBAN of account number {account_code} at the bank with code {bank_code} in "
                "{country_code}?",
                "Build the IBAN for account {account_code} at bank code {bank_code} in {country_code}.",
                "My account number is {account_code} and my bank code is {bank_code}, in {country_code}. What is my "
                "IBAN?",
            ),
        ),
    },
    # the IBAN registry's example account of each sample country: a country linked from the trace gets its own
    # bank and account (a German bank code under another country fails)
    examples=[
        {"country_code": "DE", "bank_code": "37040044", "account_code": "0532013000"},
        {"country_code": "AT", "bank_code": "19043", "account_code": "00234573201"},
        {"country_code": "NL", "bank_code": "ABNA", "account_code": "0417164300"},
        {"country_code": "GB", "bank_code": "NWBK601613", "account_code": "31926819"},
        {"country_code": "FR", "bank_code": "2004101005", "account_code": "0500013M026"},
    ],
    inverse="iban_details",
)
def iban_from_account(p: IbanParts) -> dict:
    from schwifty import IBAN

    try:
        return {"iban": str(IBAN.generate(p.country_code, bank_code=p.bank_code, account_code=p.account_code))}
    except Exception as exc:
        raise ToolInputError(f"cannot build an IBAN: {exc}") from None
