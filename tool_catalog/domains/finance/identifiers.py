"""Securities, company, tax and product identifiers checked offline (python-stdnum): ISIN, CUSIP, FIGI, LEI, EU
VAT and French SIREN numbers, US EINs, RF creditor references, ISBN, ISSN, retail barcodes and the Luhn check."""

from __future__ import annotations

from pydantic import BaseModel, Field

from tool_catalog.domains.finance.common import DOMAIN, country_field
from tool_catalog.ports import port
from tool_catalog.quantities import IDENTIFIER
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError


class IsinCode(BaseModel):
    isin: str = Field(
        description="International Securities Identification Number (12 characters), e.g. 'US0378331005'.",
        pattern=r"^[A-Z]{2}[A-Z0-9]{9}[0-9]$",
        json_schema_extra=port(
            "isin", samples=["US0378331005", "DE0007164600", "GB0002634946", "JP3633400001", "FR0000120271"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-stdnum",
    description="Validate an ISIN (Luhn check digit over its letters-as-numbers) and split it into the issuing "
    "country, the national security identifier (CUSIP in the US, WKN-derived in Germany ...) and the check digit.",
    outputs={
        "country_code": Output(
            "country_code",
            "the country that issued {isin}",
            asks=(
                "Which country issued {isin}? Answer with its two-letter ISO code.",
                "In which country is {isin} registered? Give the ISO 3166-1 alpha-2 code.",
            ),
            chain=False,  # the country is the code's first two letters: a chain through it shows in the question
            askable=False,  # and a question about it answers itself
        ),
        "national_id": Output("label", "the national security identifier inside {isin}", askable=False),
        "check_digit": Output("integer", "the check digit of {isin}", quantity=IDENTIFIER, askable=False),
    },
    examples=[{"isin": "US0378331005"}],
    inverse="isin_from_national_id",
)
def isin_details(p: IsinCode) -> dict:
    from stdnum import isin
    from stdnum.exceptions import ValidationError

    try:
        code = isin.validate(p.isin)
    except ValidationError as exc:
        raise ToolInputError(f"invalid ISIN {p.isin!r}: {exc}") from None
    return {"country_code": code[:2], "national_id": code[2:11], "check_digit": int(code[11])}


class NationalSecurity(BaseModel):
    country_code: str = country_field("ISO country code of the issuer, e.g. 'US'.", ["US", "DE", "GB", "JP", "FR"])
    national_id: str = Field(
        description="National security identifier (9 characters, e.g. a CUSIP '037833100').",
        pattern=r"^[A-Z0-9]{9}$",
        json_schema_extra=port("label", samples=["037833100", "000716460", "000263494", "363340000", "000012027"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-stdnum",
    description="Build the ISIN of a security from its issuing country and 9-character national identifier "
    "(computing the check digit).",
    outputs={
        "isin": Output(
            "isin",
            "the ISIN of the security {national_id} issued in {country_code}",
            asks=(
                "What is the ISIN of the security with national identifier {national_id} issued in {country_code}?",
                "A security from {country_code} has the national security number {national_id}. What is its ISIN?",
                "Build the ISIN, check digit included, for the national security number {national_id} of "
                "{country_code}.",
            ),
        ),
    },
    examples=[{"country_code": "US", "national_id": "037833100"}],
    inverse="isin_details",
)
def isin_from_national_id(p: NationalSecurity) -> dict:
    from stdnum import isin
    from stdnum.exceptions import ValidationError

    try:
        return {"isin": isin.from_natid(p.country_code, p.national_id)}
    except (ValidationError, KeyError, ValueError) as exc:
        raise ToolInputError(f"cannot build an ISIN from {p.country_code} {p.national_id}: {exc}") from None


class LeiCode(BaseModel):
    lei: str = Field(
        description="Legal Entity Identifier (20 characters), e.g. '5493001KJTIIGC8Y1R12'.",
        pattern=r"^[A-Z0-9]{18}[0-9]{2}$",
        json_schema_extra=port(
            "label",
            # registered LEIs, then one with mistyped check digits: validity is not always true
            samples=[
                "5493001KJTIIGC8Y1R12",
                "7LTWFZYICNSX8D621K86",
                "HWUPKR0MPOU8FGXBT394",
                "INR2EJN1ERAN0W5ZP974",
                "8I5DZWZKVSZI1NUHU748",
                "213800D1EI4B9WTWWD28",
                "529900T8BM49AURSDO55",
                "W22LROWP2IHZNBB6K528",
                "549300E9W63X1E5A3N24",
                "R0MUWSFPU8MPRO8K5P83",
                "2138005O9XJIJN4JPN90",
                "784F5XWPLTWKTBV3E584",
                "O2RNE8IBXP4R0TD8PU41",
                "549300GKFG0RYRRQ1414",
                "HPFHU0OQ28E4N0NFVK49",
                "HWUPKR0MPOU8FGXBT395",
            ],
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-stdnum",
    description="Validate a Legal Entity Identifier (ISO 17442, ISO 7064 mod 97-10 check digits) and return the "
    "prefix of the issuing Local Operating Unit.",
    outputs={
        "is_valid": Output(
            "boolean",
            "whether {lei} is a valid Legal Entity Identifier",
            asks=(
                "Is the LEI {lei} valid?",
                "Do the check digits of the Legal Entity Identifier {lei} hold?",
                "Is it true that {lei} is a well-formed LEI?",
            ),
        ),
        "lou_prefix": Output("label", "the Local Operating Unit prefix of the LEI {lei}", askable=False),
    },
    examples=[{"lei": "5493001KJTIIGC8Y1R12"}],
)
def lei_check(p: LeiCode) -> dict:
    from stdnum import lei

    return {"is_valid": lei.is_valid(p.lei), "lou_prefix": p.lei[:4]}


class VatNumber(BaseModel):
    vat_number: str = Field(
        description="EU VAT identification number with its country prefix, e.g. 'DE136695976'.",
        pattern=r"^[A-Z]{2}[0-9A-Z+*. -]{2,14}$",
        json_schema_extra=port(
            "label", samples=["DE136695976", "FR40303265045", "NL004495445B01", "IE6388047V", "BE0403170701"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-stdnum",
    description="Validate an EU VAT number offline with its country's check-digit algorithm and return its member "
    "state and compact form.",
    outputs={
        "is_valid": Output(
            "boolean",
            "whether {vat_number} is a valid EU VAT number",
            asks=(
                "Is {vat_number} a valid EU VAT number?",
                "Does the VAT number {vat_number} pass its country's check-digit test?",
                "A supplier gave me the VAT number {vat_number}. Is it valid?",
            ),
        ),
        "country_code": Output(
            "country_code",
            "the member state that issued the VAT number {vat_number}",
            asks=(
                "Which EU member state issued the VAT number {vat_number}? Answer with its two-letter ISO code.",
                "Which country does the VAT number {vat_number} belong to? Give the ISO 3166-1 alpha-2 code.",
            ),
            chain=False,  # the country is the code's first two letters: a chain through it shows in the question
            askable=False,  # and a question about it answers itself
        ),
        "compact": Output("label", "the compact form of the VAT number {vat_number}", askable=False),
    },
    examples=[{"vat_number": "DE136695976"}],
)
def eu_vat_check(p: VatNumber) -> dict:
    from stdnum.eu import vat
    from stdnum.exceptions import ValidationError

    compact = vat.compact(p.vat_number)
    prefix = compact[:2]
    try:
        vat.validate(compact)
        valid = True
    except ValidationError:
        valid = False
    country = "GR" if prefix == "EL" else prefix
    if prefix.lower() not in vat.MEMBER_STATES and prefix != "EL":
        raise ToolInputError(f"{prefix!r} is not an EU VAT country prefix")
    return {"is_valid": valid, "country_code": country, "compact": compact}


class IsbnCode(BaseModel):
    isbn: str = Field(
        description="ISBN-10 or ISBN-13, hyphens optional, e.g. '978-0-306-40615-7'.",
        pattern=r"^[0-9][0-9 -]{8,16}[0-9X]$",
        json_schema_extra=port(
            "isbn", samples=["9780306406157", "0306406152", "9783161484100", "9784873113685", "9780262033848"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-stdnum",
    description="Validate an ISBN and convert it: its ISBN-13 and ISBN-10 forms, and its parts (prefix, "
    "registration group, registrant, publication, check digit) from the ISBN range table.",
    outputs={
        "isbn13": Output(
            "isbn",
            "the ISBN-13 form of {isbn}",
            asks=(
                "What is the ISBN-13 of {isbn}?",
                "Give the 13-digit form of {isbn}.",
            ),
        ),
        "isbn10": Output(
            "label",
            "the ISBN-10 form of {isbn}",
            asks=(
                "What is the ISBN-10 of {isbn}?",
                "Give the old 10-digit form of {isbn}.",
            ),
        ),
        "registration_group": Output(
            "label",
            "the registration group (language or country area) of {isbn}",
            asks=(
                "What is the registration group element (language or country area) of {isbn}?",
                "Which registration group does {isbn} belong to? Give its number.",
            ),
            source="the ISBN range table",
        ),
        "registrant": Output(
            "label",
            "the registrant (publisher) element of {isbn}",
            asks=(
                "What is the registrant (publisher) element of {isbn}?",
                "Which publisher code does {isbn} contain?",
            ),
            source="the ISBN range table",
        ),
    },
    examples=[{"isbn": "9780306406157"}],
)
def isbn_details(p: IsbnCode) -> dict:
    from stdnum import isbn
    from stdnum.exceptions import ValidationError

    try:
        code = isbn.validate(p.isbn)
    except ValidationError as exc:
        raise ToolInputError(f"invalid ISBN {p.isbn!r}: {exc}") from None
    thirteen = isbn.to_isbn13(code)
    parts = isbn.split(thirteen)
    try:
        ten = isbn.to_isbn10(thirteen)
    except ValidationError:
        ten = None
    return {"isbn13": thirteen, "isbn10": ten, "registration_group": parts[1], "registrant": parts[2]}


class LuhnNumber(BaseModel):
    number: str = Field(
        description="Digits to check with the Luhn (mod 10) algorithm, e.g. a card number '4111111111111111'.",
        pattern=r"^[0-9]{2,30}$",
        json_schema_extra=port(
            "label", samples=["4111111111111111", "79927398713", "5500005555555559", "378282246310005"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-stdnum",
    description="Luhn (mod 10) check of a number such as a payment card number: whether it is valid, the check "
    "digit its other digits imply, and the card network its prefix belongs to.",
    outputs={
        "is_valid": Output(
            "boolean",
            "whether {number} passes the Luhn check",
            asks=(
                "Does {number} pass the Luhn check?",
                "Is {number} a valid card number by the Luhn checksum?",
                "I may have mistyped the card number {number}. Does its Luhn check digit still hold?",
            ),
        ),
        "expected_check_digit": Output(
            "integer",
            "the Luhn check digit implied by all but the last digit of {number}",
            asks=(
                "Ignoring its last digit, which Luhn check digit should {number} end with?",
                "What Luhn check digit do all but the last digit of {number} call for?",
            ),
            measure="Luhn check digit",
            quantity=IDENTIFIER,
        ),
        "network": Output(
            "label",
            "the card network of the prefix of {number}",
            asks=(
                "Which card network does the number {number} belong to, judging by its prefix?",
                "Is {number} a Visa, Mastercard, American Express or Discover card number?",
            ),
        ),
    },
    examples=[{"number": "4111111111111111"}],
)
def luhn_check(p: LuhnNumber) -> dict:
    from stdnum import luhn

    n = p.number
    network = None
    if n.startswith("4"):
        network = "Visa"
    elif n[:2] in ("34", "37"):
        network = "American Express"
    elif 51 <= int(n[:2]) <= 55 or (len(n) >= 4 and 2221 <= int(n[:4]) <= 2720):
        network = "Mastercard"
    elif n.startswith("6011") or n.startswith("65") or 644 <= int(n[:3]) <= 649:
        network = "Discover"
    return {
        "is_valid": luhn.is_valid(n),
        "expected_check_digit": int(luhn.calc_check_digit(n[:-1])),
        "network": network,
    }


class Cusip(BaseModel):
    cusip: str = Field(
        description="CUSIP (9 characters: issuer, issue, check digit), e.g. '037833100'.",
        pattern=r"^[0-9A-Z*@#]{9}$",
        json_schema_extra=port("label", samples=["037833100", "594918104", "38259P508", "30231G102", "46625H100"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-stdnum",
    description="Validate a CUSIP (North American security identifier) and return its issuer number, issue "
    "number and the US ISIN built from it.",
    outputs={
        "issuer": Output("label", "the six-character issuer number of the CUSIP {cusip}", askable=False),
        "issue": Output("label", "the two-character issue number of the CUSIP {cusip}", askable=False),
        "isin": Output(
            "isin",
            "the ISIN of the US security with CUSIP {cusip}",
            asks=(
                "What is the ISIN of the US security with CUSIP {cusip}?",
                "Convert the CUSIP {cusip} into an ISIN.",
                "A US share has the CUSIP {cusip}. Which ISIN does it trade under internationally?",
            ),
        ),
    },
    examples=[{"cusip": "037833100"}],
)
def cusip_details(p: Cusip) -> dict:
    from stdnum import cusip
    from stdnum.exceptions import ValidationError

    try:
        code = cusip.validate(p.cusip)
    except ValidationError as exc:
        raise ToolInputError(f"invalid CUSIP {p.cusip!r}: {exc}") from None
    return {"issuer": code[:6], "issue": code[6:8], "isin": cusip.to_isin(code)}


class Figi(BaseModel):
    figi: str = Field(
        description="Financial Instrument Global Identifier (12 characters starting 'BBG'), e.g. 'BBG000BLNNH6'.",
        pattern=r"^[A-Z0-9]{12}$",
        json_schema_extra=port(
            "label",
            # listed instruments' FIGIs, then two with a mistyped check digit: validity is not always true
            samples=[
                "BBG000BLNNH6",
                "BBG000B9XRY4",
                "BBG000BPH459",
                "BBG000BVPV84",
                "BBG000BBJQV0",
                "BBG009S39JX6",
                "BBG000MM2P62",
                "BBG000N9MNX3",
                "BBG000DMBXR2",
                "BBG000BMHYD1",
                "BBG000BKZB36",
                "BBG000CH5208",
                "BBG000BWXBC2",
                "BBG000GZQ728",
                "BBG000BLNNH7",
                "BBG000B9XRY5",
            ],
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-stdnum",
    description="Validate a Financial Instrument Global Identifier (OpenFIGI) with its check digit and return its "
    "certified-provider prefix.",
    outputs={
        "is_valid": Output(
            "boolean",
            "whether {figi} is a valid FIGI",
            asks=(
                "Is {figi} a valid FIGI?",
                "Does the check digit of the Financial Instrument Global Identifier {figi} hold?",
            ),
        ),
        "provider_prefix": Output("label", "the provider prefix of the FIGI {figi}", askable=False),
    },
    examples=[{"figi": "BBG000BLNNH6"}],
)
def figi_check(p: Figi) -> dict:
    from stdnum import figi

    return {"is_valid": figi.is_valid(p.figi), "provider_prefix": p.figi[:2]}


class PaymentReference(BaseModel):
    reference: str = Field(
        description="Creditor's own payment reference (letters and digits, up to 21), e.g. '539007547034'.",
        pattern=r"^[A-Z0-9]{1,21}$",
        json_schema_extra=port("label", samples=["539007547034", "INVOICE2024", "12345", "A1B2C3D4", "2024000157"]),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-stdnum",
    description="Build the ISO 11649 structured creditor reference (RF reference used on SEPA invoices) of a "
    "payment reference: RF, two mod 97-10 check digits, then the reference.",
    outputs={
        "rf_reference": Output(
            "label",
            "the ISO 11649 RF creditor reference of the payment reference {reference}",
            asks=(
                "What is the ISO 11649 RF creditor reference for the payment reference {reference}?",
                "I want to print the reference {reference} on a SEPA invoice as a structured RF reference. What "
                "should it read?",
            ),
        ),
        "check_digits": Output(
            "label",
            "the RF check digits of the payment reference {reference}",
            asks=(
                "What are the two RF check digits for the payment reference {reference}?",
                "Which check digits follow 'RF' in the creditor reference built from {reference}?",
            ),
        ),
    },
    examples=[{"reference": "539007547034"}],
)
def rf_creditor_reference(p: PaymentReference) -> dict:
    from stdnum import iso11649
    from stdnum.iso7064 import mod_97_10

    digits = mod_97_10.calc_check_digits(p.reference + "RF")
    rf = f"RF{digits}{p.reference}"
    iso11649.validate(rf)
    return {"rf_reference": rf, "check_digits": digits}


class Ean(BaseModel):
    ean: str = Field(
        description="EAN-13, EAN-8, UPC-A or GTIN-14 barcode number, e.g. '4006381333931'.",
        pattern=r"^[0-9]{8,14}$",
        json_schema_extra=port(
            "label", samples=["4006381333931", "73513537", "036000291452", "9780306406157", "5901234123457"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-stdnum",
    description="Validate a retail barcode number (EAN-13, EAN-8, UPC-A, GTIN-14): whether its check digit is "
    "right, the check digit its other digits imply, and its format.",
    outputs={
        "is_valid": Output(
            "boolean",
            "whether the barcode number {ean} is valid",
            asks=(
                "Is {ean} a valid barcode number?",
                "Does the check digit of the barcode {ean} hold?",
                "The scanner rejected the barcode {ean}. Is its check digit wrong?",
            ),
        ),
        "expected_check_digit": Output(
            "integer",
            "the check digit implied by the other digits of the barcode {ean}",
            asks=(
                "What check digit do the other digits of the barcode {ean} call for?",
                "Which last digit should the barcode {ean} have for its check digit to be right?",
            ),
            measure="barcode check digit",
            quantity=IDENTIFIER,
        ),
        "format": Output("label", "the barcode format of {ean}", askable=False),
    },
    examples=[{"ean": "4006381333931"}],
)
def barcode_check(p: Ean) -> dict:
    from stdnum import ean

    formats = {8: "EAN-8", 12: "UPC-A", 13: "EAN-13", 14: "GTIN-14"}
    if len(p.ean) not in formats:
        raise ToolInputError(f"{p.ean!r} has {len(p.ean)} digits; barcodes have 8, 12, 13 or 14")
    return {
        "is_valid": ean.is_valid(p.ean),
        "expected_check_digit": int(ean.calc_check_digit(p.ean[:-1])),
        "format": formats[len(p.ean)],
    }


class Issn(BaseModel):
    issn: str = Field(
        description="International Standard Serial Number, e.g. '0317-8471'.",
        pattern=r"^[0-9]{4}-?[0-9]{3}[0-9X]$",
        json_schema_extra=port(
            "label",
            # ISSNs of journals (Nature, Science, The Lancet, JAMA, NEJM, BMJ, PNAS, Cell ...), then one mistyped
            samples=[
                "0317-8471",
                "0028-0836",
                "0036-8075",
                "1476-4687",
                "0140-6736",
                "0098-7484",
                "0028-4793",
                "0959-8138",
                "0027-8424",
                "0031-9007",
                "0002-7863",
                "1095-9203",
                "0092-8674",
                "2041-1723",
                "1932-6203",
                "0035-8711",
                "0004-637X",
                "0031-899X",
                "0001-0782",
                "0018-9219",
                "0028-0837",
            ],
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-stdnum",
    description="Validate an ISSN (serial publication number, mod 11 check digit) and return the EAN-13 barcode "
    "printed on the periodical.",
    outputs={
        "is_valid": Output(
            "boolean",
            "whether {issn} is a valid ISSN",
            asks=(
                "Is {issn} a valid ISSN?",
                "Is it true that the ISSN {issn} has a correct check digit?",
            ),
        ),
        "ean13": Output(
            "label",
            "the EAN-13 barcode number of the serial with ISSN {issn}",
            asks=(
                "What is the EAN-13 barcode number of the periodical with ISSN {issn}, with issue digits 00?",
                "Which 13-digit barcode goes with the ISSN {issn}, taking the issue digits as 00?",
            ),
        ),
    },
    examples=[{"issn": "0317-8471"}],
)
def issn_details(p: Issn) -> dict:
    from stdnum import issn

    if not issn.is_valid(p.issn):
        return {"is_valid": False, "ean13": None}
    return {"is_valid": True, "ean13": issn.to_ean(p.issn)}


class Ein(BaseModel):
    ein: str = Field(
        description="US Employer Identification Number, e.g. '04-2103594'.",
        pattern=r"^[0-9]{2}-?[0-9]{7}$",
        json_schema_extra=port("label", samples=["04-2103594", "94-1081436", "13-5562308", "91-1144442", "52-0930220"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="python-stdnum",
    description="The IRS campus (or internet/SBA program) that assigned a US Employer Identification Number, "
    "from its two-digit prefix.",
    outputs={
        "campus": Output(
            "label",
            "the IRS campus that assigned the EIN {ein}",
            asks=(
                "Which IRS campus assigned the Employer Identification Number {ein}?",
                "Where was the EIN {ein} issued? Name the IRS campus or program its prefix stands for.",
            ),
            source="the IRS list of EIN prefixes",
        ),
    },
    examples=[{"ein": "04-2103594"}],
)
def ein_campus(p: Ein) -> dict:
    from stdnum.exceptions import ValidationError
    from stdnum.us import ein

    try:
        return {"campus": ein.get_campus(p.ein)}
    except ValidationError as exc:
        raise ToolInputError(f"invalid EIN {p.ein!r}: {exc}") from None


class Siren(BaseModel):
    siren: str = Field(
        description="French company SIREN number (9 digits), e.g. '443121975'.",
        pattern=r"^[0-9]{3} ?[0-9]{3} ?[0-9]{3}$",
        json_schema_extra=port(
            "label",
            samples=[
                "443121975",
                "552120222",
                "542051180",
                "552032534",
                "775670417",
                "552081317",
                "356000000",
                "380129866",
                "632012100",
                "542107651",
                "552100554",
                "542065479",
                "784824153",
                "572093920",
                "410409460",
                "542097902",
                "712042456",
                "383474814",
            ],
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="python-stdnum",
    description="The French intra-community VAT number of a company from its SIREN (validated with the Luhn "
    "check), as used on French invoices.",
    outputs={
        "vat_number": Output(
            "label",
            "the French VAT number of the company with SIREN {siren}",
            asks=(
                "What is the French VAT number of the company with SIREN {siren}?",
                "A French company has the SIREN {siren}. Which intra-community VAT number goes on its invoices?",
            ),
        ),
    },
    examples=[{"siren": "443121975"}],
)
def french_vat_from_siren(p: Siren) -> dict:
    from stdnum.exceptions import ValidationError
    from stdnum.fr import siren

    try:
        code = siren.validate(p.siren)
    except ValidationError as exc:
        raise ToolInputError(f"invalid SIREN {p.siren!r}: {exc}") from None
    return {"vat_number": "FR" + siren.to_tva(code)}
