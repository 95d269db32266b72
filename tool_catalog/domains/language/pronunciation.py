"""Pronunciation and sound-based word search over the CMU Pronouncing Dictionary (pronouncing): phones,
rhymes, homophones, anagrams, minimal pairs, Soundex, stress patterns and alliteration; also spelling distance and
spelling suggestions over the same vocabulary.
"""

from __future__ import annotations

import collections
from functools import cache

from pydantic import BaseModel, Field

from tool_catalog.domains.language import common
from tool_catalog.domains.language.common import CMU_DICT, DOMAIN, WordParam, cmu, word_field
from tool_catalog.ports import port
from tool_catalog.quantities import quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError


@cache
def _words_by_phones() -> dict[str, tuple[str, ...]]:
    import pronouncing

    pronouncing.init_cmu()
    index: dict[str, list[str]] = {}
    for word, phones in pronouncing.pronunciations:
        index.setdefault(phones, []).append(word)
    return {phones: tuple(sorted(set(words))) for phones, words in index.items()}


def _phones(word: str) -> list[str]:
    phones = cmu().get(common.word(word))
    if not phones:
        raise ToolInputError(f"the word {word!r} is not in the CMU Pronouncing Dictionary")
    return phones


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pronouncing",
    description="Pronunciation of an English word from the CMU Pronouncing Dictionary: its first listed ARPAbet "
    "phones, syllable count, stress pattern (1 primary, 2 secondary, 0 unstressed) and how many pronunciations "
    "the dictionary lists.",
    outputs={
        "phones": Output(
            "arpabet",
            "the ARPAbet pronunciation of {word} in the CMU Pronouncing Dictionary",
            asks=(
                "How is {word} pronounced? Give its ARPAbet transcription with stress digits.",
                "What is the ARPAbet pronunciation of {word}?",
                "Write {word} in ARPAbet phones, with stress marks.",
            ),
            source=CMU_DICT,
        ),
        "syllables": Output(
            "count",
            "the number of syllables of {word}",
            asks=(
                "How many syllables does {word} have?",
                "Count the syllables in {word}.",
                "I'm writing a haiku: how many syllables is {word}?",
            ),
            measure="number of syllables",
            source=CMU_DICT,
        ),
        "stress_pattern": Output(
            "label",
            "the stress pattern of {word} (1 primary, 2 secondary, 0 unstressed)",
            asks=(
                "What is the stress pattern of {word}? Write one digit per syllable (1 primary, 2 secondary, 0 "
                "unstressed).",
                "Which syllables of {word} are stressed? Answer as a digit string such as 010 (1 primary, 2 "
                "secondary, 0 unstressed).",
            ),
            source=CMU_DICT,
        ),
        "pronunciation_count": Output(
            "count",
            "the number of pronunciations the CMU dictionary lists for {word}",
            asks=(
                "How many different pronunciations are listed for {word}?",
                "In how many accepted ways can {word} be pronounced?",
            ),
            measure="number of listed pronunciations",
            source=CMU_DICT,
        ),
    },
    examples=[{"word": "computer"}, {"word": "tomato"}],
)
def word_pronunciation(p: WordParam) -> dict:
    import pronouncing

    phones = _phones(p.word)
    first = phones[0]
    return {
        "phones": first,
        "syllables": pronouncing.syllable_count(first),
        "stress_pattern": pronouncing.stresses(first),
        "pronunciation_count": len(phones),
    }


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pronouncing",
    description="Words that rhyme with an English word in the CMU Pronouncing Dictionary (same phones from the "
    "last stressed vowel on, over all its pronunciations): how many, and the alphabetically first and last.",
    outputs={
        "rhyme_count": Output(
            "count",
            "the number of words in the CMU dictionary that rhyme with {word}",
            asks=(
                "How many words rhyme with {word}?",
                "Count the words that rhyme with {word}.",
                "I need a rhyme for {word}: how many options are there?",
            ),
            measure="number of rhyming words",
            source=CMU_DICT,
        ),
        "first_rhyme": Output(
            "word",
            "the alphabetically first word in the CMU dictionary that rhymes with {word}",
            asks=(
                "Which word that rhymes with {word} comes first alphabetically?",
                "Give the alphabetically first rhyme for {word}.",
            ),
            source=CMU_DICT,
            askable=False,
        ),
        "last_rhyme": Output(
            "word",
            "the alphabetically last word in the CMU dictionary that rhymes with {word}",
            asks=(
                "Which rhyme for {word} comes last in alphabetical order?",
                "What is the alphabetically last word that rhymes with {word}?",
            ),
            source=CMU_DICT,
            askable=False,
        ),
    },
    examples=[{"word": "climb"}, {"word": "light"}],
)
def word_rhymes(p: WordParam) -> dict:
    import pronouncing

    _phones(p.word)
    rhymes = sorted(set(pronouncing.rhymes(common.word(p.word))))
    if not rhymes:
        raise ToolInputError(f"no word in the CMU Pronouncing Dictionary rhymes with {p.word!r}")
    return {"rhyme_count": len(rhymes), "first_rhyme": rhymes[0], "last_rhyme": rhymes[-1]}


class PhonesParam(BaseModel):
    phones: str = Field(
        description="A pronunciation as space-separated ARPAbet phones with stress digits, e.g. 'DH EH1 R'.",
        pattern=r"^[A-Z]{1,2}[0-2]?( [A-Z]{1,2}[0-2]?){0,29}$",
        json_schema_extra=port(
            "arpabet", samples=["DH EH1 R", "N OW1", "R AY1 T", "T UW1", "S IY1", "F L AW1 ER0", "M EY1 D"]
        ),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pronouncing",
    description="All words of the CMU Pronouncing Dictionary pronounced exactly as the given ARPAbet phones "
    "(homophones): how many, the alphabetically first, and the full sorted list.",
    outputs={
        "word_count": Output(
            "count",
            "the number of words in the CMU dictionary pronounced as {phones}",
            asks=(
                "How many words have {phones}?",
                "Count the words that share {phones}.",
            ),
            measure="number of words with this pronunciation",
            source=CMU_DICT,
        ),
        "first_word": Output(
            "word",
            "the alphabetically first word in the CMU dictionary pronounced as {phones}",
            asks=(
                "Which word with {phones} comes first alphabetically?",
                "Give the alphabetically first word that has {phones}.",
            ),
            source=CMU_DICT,
            askable=False,
        ),
        "words": Output(
            "string_list",
            "the words in the CMU dictionary pronounced as {phones}",
            asks=(
                "Which words have {phones}? List them.",
                "List all the words that share {phones}.",
            ),
            measure="words with this pronunciation",
            source=CMU_DICT,
        ),
    },
    examples=[{"phones": "DH EH1 R"}, {"phones": "R AY1 T"}],
)
def words_with_pronunciation(p: PhonesParam) -> dict:
    words = _words_by_phones().get(p.phones)
    if not words:
        raise ToolInputError(f"no word in the CMU Pronouncing Dictionary is pronounced {p.phones!r}")
    return {"word_count": len(words), "first_word": words[0], "words": list(words)}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pronouncing",
    description="Homophones of an English word: other words in the CMU Pronouncing Dictionary with exactly the "
    "same pronunciation as its first listed one (e.g. 'there' -> their, they're).",
    outputs={
        "homophone_count": Output(
            "count",
            "the number of homophones of {word}",
            asks=(
                "How many homophones does {word} have?",
                "Count the words that sound exactly like {word}.",
                "How many other words are pronounced exactly like {word}?",
            ),
            measure="number of homophones",
            source=CMU_DICT,
        ),
        "homophones": Output(
            "string_list",
            "the homophones of {word}",
            asks=(
                "What are the homophones of {word}? List them.",
                "Which words sound exactly like {word} but are spelled differently? List them.",
            ),
            measure="homophones",
            source=CMU_DICT,
        ),
        "first_homophone": Output(
            "word",
            "the alphabetically first homophone of {word}",
            asks=(
                "Which homophone of {word} comes first alphabetically?",
                "Name the alphabetically first word that sounds exactly like {word}.",
            ),
            source=CMU_DICT,
            askable=False,
        ),
    },
    examples=[{"word": "there"}, {"word": "knight"}],
)
def homophones(p: WordParam) -> dict:
    word = common.word(p.word)
    same = sorted(w for w in _words_by_phones().get(_phones(word)[0], ()) if w != word and "(" not in w)
    return {"homophone_count": len(same), "homophones": same, "first_homophone": same[0] if same else None}


@cache
def _anagram_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = collections.defaultdict(list)
    for word in cmu():
        if word.isalpha():
            index["".join(sorted(word))].append(word)
    return {k: tuple(sorted(v)) for k, v in index.items()}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pronouncing",
    description="Anagrams of an English word among the 130,000 words of the CMU Pronouncing Dictionary (same "
    "letters rearranged): how many and which.",
    outputs={
        "anagram_count": Output(
            "count",
            "the number of anagrams of {word}",
            asks=(
                "How many anagrams does {word} have?",
                "How many other words can be made by rearranging the letters of {word}?",
                "A word game asks for anagrams of {word}: how many does the CMU Pronouncing "
                "Dictionary list, names included?",
            ),
            measure="number of anagrams",
            source=CMU_DICT,
            askable=False,  # the dictionary's anagrams are mostly surnames (artino, norita): no word game takes them
        ),
        "anagrams": Output(
            "string_list",
            "the anagrams of {word}",
            asks=(
                "List the anagrams of {word}.",
                "Which entries of the CMU Pronouncing Dictionary (names included) use exactly the "
                "same letters as {word}? "
                "List them.",
            ),
            measure="anagrams",
            source=CMU_DICT,
            askable=False,
        ),
        "first_anagram": Output(
            "word",
            "the alphabetically first anagram of {word}",
            asks=(
                "Which anagram of {word} comes first alphabetically?",
                "Give the alphabetically first word formed by rearranging the letters of {word}.",
            ),
            source=CMU_DICT,
            askable=False,
        ),
    },
    examples=[{"word": "listen"}, {"word": "stone"}],
)
def anagrams(p: WordParam) -> dict:
    word = common.word(p.word)
    found = [w for w in _anagram_index().get("".join(sorted(word)), ()) if w != word]
    return {"anagram_count": len(found), "anagrams": found, "first_anagram": found[0] if found else None}


@cache
def _first_pronunciations() -> dict[str, tuple[str, ...]]:
    return {w: tuple(pr[0].split()) for w, pr in cmu().items() if w.isalpha() and pr}


@cache
def _pronunciations_by_length() -> dict[int, tuple[tuple[str, tuple[str, ...]], ...]]:
    grouped: dict[int, list[tuple[str, tuple[str, ...]]]] = collections.defaultdict(list)
    for word, phones in _first_pronunciations().items():
        grouped[len(phones)].append((word, phones))
    return {n: tuple(v) for n, v in grouped.items()}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pronouncing",
    description="Minimal pairs of an English word: words whose pronunciation differs from it in exactly one phone "
    "(substitution, same length), as phonetics lessons use (e.g. 'ship' / 'sheep').",
    outputs={
        "pair_count": Output(
            "count",
            "the number of minimal pairs of {word}",
            asks=(
                "How many minimal pairs does {word} have?",
                "How many dictionary entries, names included, differ from {word} in exactly one sound?",
                "For a phonetics lesson: how many words differ from {word} in just one phone?",
            ),
            measure="number of minimal pairs",
            source=CMU_DICT,
        ),
        "first_pairs": Output(
            "string_list",
            "the first ten minimal pairs of {word} alphabetically",
            asks=(
                "List the first ten minimal pairs of {word} in alphabetical order.",
                "Which entries differ from {word} by one substituted sound (names included)? List the first ten "
                "alphabetically.",
            ),
            measure="minimal pairs",
            source=CMU_DICT,
        ),
    },
    examples=[{"word": "ship"}],
    timeout_s=15.0,
)
def minimal_pairs(p: WordParam) -> dict:
    word = common.word(p.word)
    target = tuple(_phones(word)[0].split())
    found = sorted(
        w
        for w, phones in _pronunciations_by_length().get(len(target), ())
        if w != word and sum(a != b for a, b in zip(phones, target, strict=True)) == 1
    )
    return {"pair_count": len(found), "first_pairs": found[:10]}


def _soundex(word: str) -> str:
    codes = {
        **dict.fromkeys("BFPV", "1"),
        **dict.fromkeys("CGJKQSXZ", "2"),
        **dict.fromkeys("DT", "3"),
        "L": "4",
        **dict.fromkeys("MN", "5"),
        "R": "6",
    }
    letters = [c for c in word.upper() if c.isalpha()]
    if not letters:
        raise ToolInputError(f"{word!r} has no letters")
    out, previous = letters[0], codes.get(letters[0], "")
    for c in letters[1:]:
        code = codes.get(c, "")
        if code and code != previous:
            out += code
        if c not in "HW":
            previous = code
    return (out + "000")[:4]


@cache
def _soundex_index() -> dict[str, int]:
    return collections.Counter(_soundex(w) for w in cmu() if w.isalpha())


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pronouncing",
    description="American Soundex code of a word or surname (the census phonetic index), and how many words of the "
    "CMU dictionary share it.",
    outputs={
        "soundex": Output(
            "label",
            "the Soundex code of {word}",
            asks=(
                "What is the Soundex code of {word}?",
                "Give the American Soundex code for {word}.",
                "I'm searching census records: under which Soundex code is {word} filed?",
            ),
            askable=False,
        ),
        "words_sharing_code": Output(
            "count",
            "the number of dictionary words sharing the Soundex code of {word}",
            asks=(
                "How many words share the Soundex code of {word}?",
                "How many dictionary words have the same Soundex code as {word}?",
            ),
            measure="number of words sharing the Soundex code",
            source=CMU_DICT,
            askable=False,
        ),
    },
    examples=[{"word": "Robert"}, {"word": "Tymczak"}],
)
def soundex_code(p: WordParam) -> dict:
    code = _soundex(p.word)
    return {"soundex": code, "words_sharing_code": _soundex_index().get(code, 0)}


class StressPattern(BaseModel):
    pattern: str = Field(
        description="Stress pattern as digits per syllable (1 primary, 2 secondary, 0 unstressed), e.g. '010'.",
        pattern=r"^[012]{1,8}$",
        json_schema_extra=port("label", samples=["010", "10", "100", "0100", "1"]),
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pronouncing",
    description="Words of the CMU dictionary whose first pronunciation has a given stress pattern (e.g. '010' like "
    "'banana'): how many, and the first alphabetically.",
    outputs={
        "word_count": Output(
            "count",
            "the number of words with the stress pattern {pattern}",
            asks=(
                "How many words have the stress pattern {pattern} (1 primary, 2 secondary, 0 unstressed)?",
                "Count the words stressed as {pattern}, one digit per syllable (1 primary, 2 secondary, 0 unstressed).",
            ),
            measure="number of words with this stress pattern",
            source=CMU_DICT,
        ),
        "first_word": Output(
            "word",
            "the alphabetically first word with the stress pattern {pattern}",
            asks=(
                "Which word with the stress pattern {pattern} comes first alphabetically?",
                "Give the alphabetically first word stressed as {pattern} (1 primary, 2 secondary, 0 unstressed).",
            ),
            source=CMU_DICT,
            askable=False,
        ),
    },
    examples=[{"pattern": "010"}],
)
def words_with_stress_pattern(p: StressPattern) -> dict:
    found = _stress_index().get(p.pattern)
    if not found:
        raise ToolInputError(f"no word has the stress pattern {p.pattern!r}")
    return {"word_count": len(found), "first_word": found[0]}


@cache
def _stress_index() -> dict[str, tuple[str, ...]]:
    """Stress pattern of each word's first pronunciation -> the words, sorted (built once per process)."""
    index: dict[str, list[str]] = collections.defaultdict(list)
    for word, phones in _first_pronunciations().items():
        index["".join(ch for ph in phones for ch in ph if ch.isdigit())].append(word)
    return {k: tuple(sorted(v)) for k, v in index.items()}


class WordPair(BaseModel):
    word_a: str = word_field("First English word.", ["cat", "night", "orange", "sister", "light"])
    word_b: str = word_field("Second English word.", ["hat", "knight", "door", "mister", "delight"])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pronouncing",
    description="Whether two English words rhyme (same sounds from the last stressed vowel on), and the number "
    "of syllables of each.",
    outputs={
        "rhyme": Output(
            "boolean",
            "whether {word_a} rhymes with {word_b}",
            asks=(
                "Does {word_a} rhyme with {word_b}?",
                "Is it true that {word_a} and {word_b} rhyme?",
                "I'm writing a verse: do {word_a} and {word_b} rhyme?",
            ),
            source=CMU_DICT,
            askable=False,
        ),
        "syllables_a": Output(
            "count",
            "the number of syllables of {word_a}",
            ignores=("word_b",),
            measure="number of syllables",
            source=CMU_DICT,
            askable=False,
        ),
        "syllables_b": Output(
            "count",
            "the number of syllables of {word_b}",
            ignores=("word_a",),
            measure="number of syllables",
            source=CMU_DICT,
            askable=False,
        ),
    },
    examples=[{"word_a": "cat", "word_b": "hat"}, {"word_a": "orange", "word_b": "door"}],
)
def rhyme_check(p: WordPair) -> dict:
    import pronouncing

    a, b = common.word(p.word_a), common.word(p.word_b)
    parts_a = {pronouncing.rhyming_part(x) for x in _phones(a)}
    parts_b = {pronouncing.rhyming_part(x) for x in _phones(b)}
    return {
        "rhyme": a != b and bool(parts_a & parts_b),
        "syllables_a": pronouncing.syllable_count(_phones(a)[0]),
        "syllables_b": pronouncing.syllable_count(_phones(b)[0]),
    }


def _levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


class SpellingPair(BaseModel):
    word_a: str = word_field("First word.", ["kitten", "receive", "color", "banana", "flaw"])
    word_b: str = word_field("Second word.", ["sitting", "recieve", "colour", "bandana", "lawn"])


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Spelling distance between two words: Levenshtein edit distance (insertions, deletions, "
    "substitutions) and a similarity ratio from 0 to 1.",
    outputs={
        "edit_distance": Output(
            "count",
            "the Levenshtein distance between {word_a} and {word_b}",
            asks=(
                "What is the Levenshtein distance between {word_a} and {word_b}?",
                "How many single-letter insertions, deletions or substitutions turn {word_a} into {word_b}?",
                "What is the edit distance from {word_a} to {word_b}?",
            ),
            measure="Levenshtein edit distance",
        ),
        "similarity": Output(
            "number",
            "the spelling similarity ratio of {word_a} and {word_b}",
            asks=(
                "What is the Ratcliff/Obershelp similarity ratio of {word_a} and {word_b}, from 0 to 1?",
                "How similar are the spellings of {word_a} and {word_b}, as a Ratcliff/Obershelp ratio between 0 and "
                "1?",
            ),
            measure="spelling similarity ratio",
            quantity=quantity("dimensionless"),
        ),
    },
    examples=[{"word_a": "kitten", "word_b": "sitting"}],
)
def edit_distance(p: SpellingPair) -> dict:
    import difflib

    a, b = p.word_a.lower(), p.word_b.lower()
    return {
        "edit_distance": _levenshtein(a, b),
        "similarity": round(difflib.SequenceMatcher(None, a, b).ratio(), 4),
    }


class Misspelling(BaseModel):
    word: str = Field(
        description="A possibly misspelled English word, e.g. 'recieve'.",
        pattern=r"^[A-Za-z][A-Za-z'\-]{1,44}$",
        json_schema_extra=port("word", samples=["recieve", "definately", "accomodate", "seperate", "wierd"]),
    )


@cache
def _vocabulary() -> tuple[str, ...]:
    return tuple(sorted(w for w in cmu() if w.isalpha()))


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pronouncing",
    description="Spelling suggestions for a word: the closest dictionary words by similarity (difflib over the CMU "
    "dictionary vocabulary), the best one, and whether the word itself is in the dictionary.",
    outputs={
        "best_suggestion": Output("word", "the best spelling suggestion for {word}", source=CMU_DICT, askable=False),
        "suggestions": Output(
            "string_list",
            "the spelling suggestions for {word}",
            measure="spelling suggestions",
            source=CMU_DICT,
            askable=False,
        ),
        "is_known_word": Output(
            "boolean",
            "whether {word} is in the pronouncing dictionary",
            asks=(
                "Is {word} listed as an English word?",
                "Does the dictionary have an entry for {word}?",
            ),
            source=CMU_DICT,
        ),
    },
    examples=[{"word": "recieve"}],
    timeout_s=20.0,
)
def spelling_suggestions(p: Misspelling) -> dict:
    import difflib

    word = p.word.lower()
    pool = [w for w in _vocabulary() if abs(len(w) - len(word)) <= 2 and w[:1] == word[:1]]
    close = difflib.get_close_matches(word, pool, n=5, cutoff=0.75)
    return {"best_suggestion": close[0] if close else None, "suggestions": close, "is_known_word": word in cmu()}


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pronouncing",
    description="Sound profile of an English word's first pronunciation: number of phones, vowels and consonants, "
    "and its first and last phone.",
    outputs={
        "phone_count": Output(
            "count",
            "the number of phones in {word}",
            asks=(
                "How many phones (speech sounds) does {word} have?",
                "How many speech sounds make up {word}?",
            ),
            measure="number of phones",
            source=CMU_DICT,
        ),
        "vowel_count": Output(
            "count",
            "the number of vowel sounds in {word}",
            asks=(
                "How many vowel sounds does {word} have?",
                "Count the vowel sounds in {word}.",
            ),
            measure="number of vowel sounds",
            source=CMU_DICT,
        ),
        "consonant_count": Output(
            "count",
            "the number of consonant sounds in {word}",
            asks=(
                "How many consonant sounds does {word} have?",
                "Count the consonant sounds in {word}.",
            ),
            measure="number of consonant sounds",
            source=CMU_DICT,
        ),
        "first_phone": Output(
            "label",
            "the first phone of {word}",
            asks=(
                "What is the first sound of {word}, written as an ARPAbet phone?",
                "Which ARPAbet phone does {word} begin with?",
            ),
            source=CMU_DICT,
        ),
    },
    examples=[{"word": "computer"}],
)
def word_sound_profile(p: WordParam) -> dict:
    phones = _phones(common.word(p.word))[0].split()
    vowels = sum(1 for ph in phones if ph[-1].isdigit())
    return {
        "phone_count": len(phones),
        "vowel_count": vowels,
        "consonant_count": len(phones) - vowels,
        "first_phone": phones[0],
    }


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pronouncing",
    description="Alliteration partners of an English word: dictionary words starting with the same first sound "
    "(phone), how many, and the first few alphabetically.",
    outputs={
        "word_count": Output(
            "count",
            "the number of words starting with the same sound as {word}",
            asks=(
                "How many words start with the same sound as {word}?",
                "For an alliteration: how many words begin with the same sound as {word}?",
            ),
            measure="number of words starting with the same sound",
            source=CMU_DICT,
        ),
        "first_words": Output(
            "string_list",
            "the first five words starting with the same sound as {word}",
            asks=(
                "List the first five words, alphabetically, that start with the same sound as {word}.",
                "Which words alliterate with {word}? Give the first five in alphabetical order.",
            ),
            measure="alliterating words",
            source=CMU_DICT,
        ),
    },
    examples=[{"word": "happy"}],
)
def alliteration_words(p: WordParam) -> dict:
    first = _phones(common.word(p.word))[0].split()[0]
    found = sorted(w for w, phones in _first_pronunciations().items() if phones[0] == first and w != p.word.lower())
    return {"word_count": len(found), "first_words": found[:5]}


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="pronouncing",
    description="Rhymes of an English word grouped by length: how many rhyming words have one, two and three or "
    "more syllables.",
    outputs={
        "one_syllable": Output(
            "count",
            "the number of one-syllable rhymes of {word}",
            asks=(
                "How many one-syllable words rhyme with {word}?",
                "Count the single-syllable rhymes for {word}.",
            ),
            measure="number of one-syllable rhymes",
            source=CMU_DICT,
        ),
        "two_syllables": Output(
            "count",
            "the number of two-syllable rhymes of {word}",
            asks=(
                "How many two-syllable words rhyme with {word}?",
                "Count the rhymes for {word} that have exactly two syllables.",
            ),
            measure="number of two-syllable rhymes",
            source=CMU_DICT,
        ),
        "three_plus_syllables": Output(
            "count",
            "the number of rhymes of {word} with three or more syllables",
            asks=(
                "How many words of three or more syllables rhyme with {word}?",
                "Count the rhymes for {word} with at least three syllables.",
            ),
            measure="number of rhymes with three or more syllables",
            source=CMU_DICT,
        ),
    },
    examples=[{"word": "computer"}],
)
def rhymes_by_length(p: WordParam) -> dict:
    import pronouncing

    word = common.word(p.word)
    rhymes = sorted(set(pronouncing.rhymes(word)))
    counts = collections.Counter(min(pronouncing.syllable_count(cmu()[r][0]), 3) for r in rhymes if r in cmu())
    return {"one_syllable": counts[1], "two_syllables": counts[2], "three_plus_syllables": counts[3]}
