"""Analysis of English text and phrases: readability (syllables from the CMU Pronouncing Dictionary),
vocabulary, letters, palindromes and the Caesar cipher.
"""

from __future__ import annotations

import collections

from pydantic import BaseModel, Field

from tool_catalog.domains.language.common import CMU_DICT, DOMAIN, cmu
from tool_catalog.ports import port
from tool_catalog.quantities import quantity
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError


class TextParam(BaseModel):
    text: str = Field(
        description="English text (up to 5,000 characters).",
        min_length=1,
        max_length=5000,
        json_schema_extra=port(
            "text",
            samples=[
                "The quick brown fox jumps over the lazy dog.",
                "It was the best of times, it was the worst of times. It was the age of wisdom.",
                "Call me Ishmael. Some years ago, never mind how long precisely, I thought I would sail about.",
            ],
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="pronouncing",
    description="Readability of English text: words, sentences and syllables (CMU dictionary, vowel groups for "
    "unknown words), the Flesch reading ease and the Flesch-Kincaid grade level.",
    outputs={
        "word_count": Output(
            "count",
            "the number of words in {text}",
            asks=(
                "How many words are in {text}?",
                "Count the words of {text}.",
            ),
            measure="number of words",
            askable=False,
        ),
        "sentence_count": Output(
            "count",
            "the number of sentences in {text}",
            asks=(
                "How many sentences does {text} have?",
                "Count the sentences in {text}.",
            ),
            measure="number of sentences",
            askable=False,  # the text is in the question: its sentences are counted at a glance
        ),
        "syllable_count": Output(
            "count",
            "the number of syllables in {text}",
            asks=(
                "Reading {text} as English, how many syllables does it have in all?",
                "Count the syllables in {text}, pronounced as English.",
            ),
            measure="number of syllables",
            source=CMU_DICT,
        ),
        "flesch_reading_ease": Output(
            "number",
            "the Flesch reading ease of {text}",
            asks=(
                "What is the Flesch reading ease score of {text}, read as English?",
                "How readable is {text} as English prose? Give its Flesch reading ease score.",
            ),
            measure="Flesch reading ease score",
            quantity=quantity("dimensionless", "interval"),
        ),
        "flesch_kincaid_grade": Output(
            "number",
            "the Flesch-Kincaid grade level of {text}",
            asks=(
                "What is the Flesch-Kincaid grade level of {text}, read as English?",
                "Which US school grade level does {text} read at by the Flesch-Kincaid formula for English?",
            ),
            measure="Flesch-Kincaid grade level",
            quantity=quantity("dimensionless", "interval"),
        ),
    },
    examples=[{"text": "The quick brown fox jumps over the lazy dog."}],
)
def readability(p: TextParam) -> dict:
    import re

    import pronouncing

    words = re.findall(r"[A-Za-z']+", p.text)
    if not words:
        raise ToolInputError("the text has no words")
    sentences = max(1, len(re.findall(r"[.!?]+(?:\s|$)", p.text)))

    def syllables(word: str) -> int:
        phones = cmu().get(word.lower())
        if phones:
            return pronouncing.syllable_count(phones[0])
        return max(1, len(re.findall(r"[aeiouy]+", word.lower())))

    total = sum(syllables(w) for w in words)
    wps, spw = len(words) / sentences, total / len(words)
    return {
        "word_count": len(words),
        "sentence_count": sentences,
        "syllable_count": total,
        "flesch_reading_ease": round(206.835 - 1.015 * wps - 84.6 * spw, 2),
        "flesch_kincaid_grade": round(0.39 * wps + 11.8 * spw - 15.59, 2),
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Vocabulary of a text: distinct words, the type-token ratio, the most frequent word (ties broken "
    "alphabetically) and the longest word.",
    outputs={
        "distinct_words": Output(
            "count",
            "the number of distinct words in {text}",
            asks=(
                "How many different words does {text} use?",
                "Ignoring case, how many distinct words are in {text}?",
            ),
            measure="number of distinct words",
        ),
        "type_token_ratio": Output(
            "number",
            "the type-token ratio of {text}",
            asks=(
                "What is the type-token ratio of {text}, as a fraction?",
                "What fraction of the words in {text} are distinct (the type-token ratio)?",
            ),
            measure="type-token ratio",
            quantity=quantity("dimensionless"),
        ),
        "most_frequent_word": Output(
            "word",
            "the most frequent word in {text}",
            asks=(
                "Which word occurs most often in {text}? Break ties alphabetically.",
                "What is the most frequent word in {text}, ignoring case (alphabetically first on a tie)?",
            ),
            chain=False,
        ),
        "longest_word": Output(
            "word",
            "the longest word in {text}",
            asks=(
                "What is the longest word in {text}? Break ties alphabetically.",
                "Which word in {text} has the most letters (alphabetically first on a tie)?",
            ),
        ),
    },
    examples=[{"text": "It was the best of times, it was the worst of times. It was the age of wisdom."}],
)
def text_vocabulary(p: TextParam) -> dict:
    import re

    words = [w.lower() for w in re.findall(r"[A-Za-z']+", p.text)]
    if not words:
        raise ToolInputError("the text has no words")
    counts = collections.Counter(words)
    return {
        "distinct_words": len(counts),
        "type_token_ratio": round(len(counts) / len(words), 4),
        "most_frequent_word": min(counts, key=lambda w: (-counts[w], w)),
        "longest_word": min(counts, key=lambda w: (-len(w), w)),
    }


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Letters of a text: how many, the share of vowels, the most frequent letter, and whether the text "
    "is a pangram (uses all 26 letters).",
    outputs={
        "letter_count": Output(
            "count",
            "the number of letters in {text}",
            asks=(
                "How many letters of the English alphabet does {text} contain?",
                "Count the letters A to Z in {text}, ignoring spaces and punctuation.",
            ),
            measure="number of letters",
        ),
        "vowel_share": Output(
            "number",
            "the share of vowels among the letters of {text}",
            asks=(
                "What fraction of the letters in {text} are vowels (a, e, i, o, u)?",
                "Among the letters of {text}, what share are the English vowels a, e, i, o and u? Answer as a "
                "fraction.",
            ),
            measure="share of vowels among the letters",
            quantity=quantity("dimensionless"),
        ),
        "most_frequent_letter": Output(
            "label",
            "the most frequent letter in {text}",
            asks=(
                "Which letter appears most often in {text}? Break ties alphabetically.",
                "What is the most common letter in {text}, ignoring case (alphabetically first on a tie)?",
            ),
        ),
        "is_pangram": Output(
            "boolean",
            "whether {text} uses every letter of the alphabet",
            asks=(
                "Is {text} a pangram, using all 26 letters of the English alphabet?",
                "Does {text} contain every letter of the English alphabet?",
            ),
        ),
    },
    examples=[{"text": "The quick brown fox jumps over the lazy dog."}],
)
def text_letters(p: TextParam) -> dict:
    letters = [c for c in p.text.lower() if "a" <= c <= "z"]
    if not letters:
        raise ToolInputError("the text has no Latin letters")
    counts = collections.Counter(letters)
    return {
        "letter_count": len(letters),
        "vowel_share": round(sum(counts[v] for v in "aeiou") / len(letters), 4),
        "most_frequent_letter": min(counts, key=lambda c: (-counts[c], c)),
        "is_pangram": len(counts) == 26,
    }


class Phrase(BaseModel):
    text: str = Field(
        description="A word or phrase.",
        min_length=1,
        max_length=500,
        json_schema_extra=port(
            "text",
            samples=[
                "A man, a plan, a canal: Panama",
                "racecar",
                "Hello world",
                "Was it a car or a cat I saw?",
                "level",
            ],
        ),
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Whether a phrase is a palindrome ignoring case, spaces and punctuation, and the longest "
    "palindromic word in it.",
    outputs={
        "is_palindrome": Output(
            "boolean",
            "whether {text} reads the same backwards",
            asks=(
                "Is {text} a palindrome, ignoring case, spaces and punctuation?",
                "Does {text} read the same backwards as forwards, counting only letters and digits?",
            ),
        ),
        "longest_palindromic_word": Output(
            "label",
            "the longest palindromic word in {text}",
            asks=(
                "What is the longest palindromic word in {text}, of two letters or more?",
                "Which word in {text} is the longest palindrome? Break ties alphabetically.",
            ),
        ),
    },
    examples=[{"text": "A man, a plan, a canal: Panama"}],
)
def palindrome_check(p: Phrase) -> dict:
    import re

    letters = [c for c in p.text.lower() if c.isalnum()]
    if not letters:
        raise ToolInputError("the text has no letters or digits")
    words = [w for w in re.findall(r"[A-Za-z]+", p.text.lower()) if len(w) > 1 and w == w[::-1]]
    return {
        "is_palindrome": letters == letters[::-1],
        "longest_palindromic_word": min(words, key=lambda w: (-len(w), w)) if words else None,
    }


class CaesarQuery(BaseModel):
    text: str = Field(
        description="Text to encode (letters are shifted, other characters kept).",
        min_length=1,
        max_length=500,
        json_schema_extra=port("text", samples=["Attack at dawn", "Hello world", "Veni vidi vici", "ROT13 example"]),
    )
    shift: int = Field(
        description="Letters to shift forward (negative shifts back; 13 is ROT13).",
        ge=-25,
        le=25,
        json_schema_extra=port("integer", quantity=quantity("dimensionless"), samples=[3, 13, -3, 1]),
    )


@tool(
    inverse="caesar_shift",
    domain=DOMAIN,
    kind="processing",
    package="stdlib",
    description="Caesar cipher: shift every Latin letter of a text by a number of places (case kept), as in ROT13.",
    outputs={
        "encoded": Output(
            "text",
            "{text} shifted by {shift} letters",
            asks=(
                "Encode {text} with a Caesar cipher that shifts each letter forward by {shift} places.",
                "What does {text} become when every letter is shifted {shift} places along the alphabet (a negative "
                "shift moves back)?",
                "Apply a Caesar shift of {shift} to {text}. What is the result?",
            ),
        )
    },
    examples=[{"text": "Attack at dawn", "shift": 3}],
)
def caesar_shift(p: CaesarQuery) -> dict:
    def shift(c: str) -> str:
        if "a" <= c <= "z":
            return chr((ord(c) - 97 + p.shift) % 26 + 97)
        if "A" <= c <= "Z":
            return chr((ord(c) - 65 + p.shift) % 26 + 65)
        return c

    return {"encoded": "".join(shift(c) for c in p.text)}
