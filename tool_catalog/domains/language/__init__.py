"""Language & time: pronunciation, inflection, number words, languages of the world, locale conventions, calendars,
feasts and date puzzles, and text analysis.

Backends: pronouncing (CMU Pronouncing Dictionary), lemminflect, inflect, num2words, langcodes + language_data,
babel (CLDR), convertdate, python-dateutil and holidays. Soundex, Levenshtein and Roman numerals are the published
algorithms written out here. Date arithmetic, weekdays and ISO weeks live in the general tools; this domain adds what
they lack: other calendars, religious feast days and locale-specific names.

Modules:
    common         shared backends, checks, field builders and params models, and DOMAIN
    pronunciation  phones, rhymes, homophones, anagrams, minimal pairs, Soundex, stress patterns, spelling
    inflection     lemmas, verb forms, adjective degrees, noun plurals and singulars, count-noun phrases
    numbers        numbers, years, amounts, digits and dates in words, Roman numerals
    languages      facts, codes and names of languages, the languages of a country, language distance and tags
    conventions    CLDR plural rules, lists, number symbols, date patterns, units and relative time in a language
    calendars      Gregorian to and from the Hebrew, Islamic, Julian, Persian and other calendars; calendar years
    feasts         Easter, the Jewish holidays, movable Christian feasts, Islamic festivals, Ramadan, Lunar New Year
    dates          Friday the 13ths, n-th weekdays, age, ISO weeks, day of year, weekday counts, centuries
    text           readability, vocabulary, letters, palindromes and the Caesar cipher
    seeds          the seed sources
"""
