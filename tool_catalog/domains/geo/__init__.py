"""Geography & travel: airports, countries and their subdivisions, CLDR country conventions, time zones, the sun,
geodesy and coordinate systems, and phone numbers.

Backends (all offline, data shipped in the wheels): airportsdata, pycountry, countryinfo, babel (CLDR), phonenumbers
(libphonenumber metadata and carrier data), timezonefinder, tzdata/zoneinfo (IANA tz database), astral, pyproj (PROJ).
Geohash and Maidenhead are the published encodings written out here.

Modules:
    common               DOMAIN, the shared fields and parameter models, and the airport, distance, time-zone and
                         geodesic helpers used by several modules
    airports             airports by IATA/ICAO code, city, name, country, time zone, radius and nearest point
    countries            countryinfo facts of countries, rankings, neighbours and subregion peers
    country_codes        ISO 3166 country codes, former countries and ISO 3166-2 subdivisions (pycountry)
    country_conventions  CLDR currencies, languages, week conventions and names of countries (babel)
    timezones            time zones: at a point, zone table, offsets, conversions, transitions, names
    sun                  sunrise and sunset, twilight, golden hour and solar position (astral)
    geodesy              WGS84 geodesics, UTM, Web Mercator, ECEF, geohash, Maidenhead and DMS coordinates
    phones               phone numbers: parsing, formats, location, carriers, dialling facts
    seeds                the seed sources (airports, countries, subdivisions, time zones, phone numbers)
"""
