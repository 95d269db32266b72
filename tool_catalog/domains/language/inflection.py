"""Inflection of English words (lemminflect, inflect): lemmas, verb forms, adjective degrees, noun plurals
and singulars, indefinite articles and count-noun phrases.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from tool_catalog.domains.language import common
from tool_catalog.domains.language.common import DOMAIN, WordParam, cmu, inflect_engine, word_field
from tool_catalog.ports import port
from tool_catalog.registry import tool
from tool_catalog.spec import Output, ToolInputError

_UPOS = {"noun": "NOUN", "verb": "VERB", "adjective": "ADJ", "adverb": "ADV"}


class LemmaParams(BaseModel):
    word: str = word_field(
        "An inflected English word, e.g. 'geese' or 'running'.",
        ["geese", "running", "better", "faster", "mice", "went", "happier", "best"],
    )
    pos: Literal["noun", "verb", "adjective", "adverb"] = Field(
        description="Part of speech the word is used as.",
        json_schema_extra=port("part_of_speech", samples=["noun", "verb", "adjective", "adverb"]),
    )


@tool(
    inverse="verb_inflections",
    domain=DOMAIN,
    kind="retrieval",
    package="lemminflect",
    description="Dictionary form (lemma) of an English word used as the given part of speech, from lemminflect's "
    "dictionary (e.g. geese as a noun -> goose, went as a verb -> go).",
    outputs={
        "lemma": Output(
            "word",
            "the lemma (dictionary form) of {word} used as a {pos}",
            asks=(
                "What is the lemma of {word} as part of speech {pos}?",
                "Give the dictionary form of {word} (part of speech: {pos}).",
                "Which headword would I look up in a dictionary for {word} (part of speech: {pos})?",
            ),
        )
    },
    examples=[
        {"word": "geese", "pos": "noun"},
        {"word": "went", "pos": "verb"},
        {"word": "better", "pos": "adjective"},
    ],
)
def word_lemma(p: LemmaParams) -> dict:
    import lemminflect

    lemmas = lemminflect.getLemma(common.word(p.word), _UPOS[p.pos], lemmatize_oov=False)
    if not lemmas:
        raise ToolInputError(f"{p.word!r} is not a known English {p.pos} in lemminflect's dictionary")
    return {"lemma": lemmas[0]}


def _inflections(word: str, upos: str, what: str) -> dict[str, tuple[str, ...]]:
    import lemminflect

    forms = lemminflect.getAllInflections(common.word(word), upos)
    if not forms:
        raise ToolInputError(f"{word!r} is not the base form of a known English {what} (lemmatize it first)")
    return forms


class VerbParam(BaseModel):
    word: str = word_field(
        "Base form of an English verb, e.g. 'run'.", ["run", "go", "swim", "be", "write", "study", "eat", "think"]
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="lemminflect",
    description="Inflected forms of an English verb given in its base form (lemminflect dictionary): simple past, "
    "past participle, present participle and third-person singular present.",
    outputs={
        "past_tense": Output(
            "word",
            "the simple past tense of the verb {word}",
            asks=(
                "What is the simple past tense of {word}?",
                "How do you write {word} in the simple past?",
                "Give the past tense of {word} used as a verb.",
            ),
            askable=False,
        ),
        "past_participle": Output(
            "word",
            "the past participle of the verb {word}",
            asks=(
                "What is the past participle of {word}?",
                "Which form of {word} completes 'they have ___'? Give the past participle.",
            ),
            askable=False,
        ),
        "present_participle": Output(
            "word",
            "the present participle (-ing form) of the verb {word}",
            asks=(
                "What is the -ing form of {word}?",
                "Give the present participle of {word}.",
            ),
            askable=False,
        ),
        "third_person_singular": Output(
            "word",
            "the third-person singular present form of the verb {word}",
            asks=(
                "What is the third-person singular present form of {word}?",
                "Which form of {word} goes with 'she' in the simple present?",
            ),
            askable=False,
        ),
    },
    examples=[{"word": "run"}, {"word": "write"}],
)
def verb_inflections(p: VerbParam) -> dict:
    import lemminflect

    _inflections(p.word, "VERB", "verb")
    word = common.word(p.word)
    forms = {tag: lemminflect.getInflection(word, tag, inflect_oov=False) for tag in ("VBD", "VBN", "VBG", "VBZ")}
    if not all(forms.values()):
        raise ToolInputError(f"lemminflect lacks some inflected forms of the verb {p.word!r}")
    return {
        "past_tense": forms["VBD"][0],
        "past_participle": forms["VBN"][0],
        "present_participle": forms["VBG"][0],
        "third_person_singular": forms["VBZ"][0],
    }


class AdjectiveParam(BaseModel):
    word: str = word_field(
        "Base form of an English adjective, e.g. 'happy'.", ["happy", "good", "big", "bad", "simple", "far", "early"]
    )


@tool(
    domain=DOMAIN,
    kind="retrieval",
    package="lemminflect",
    description="Comparative and superlative of an English adjective that inflects (happy -> happier, happiest; "
    "good -> better, best), from lemminflect's dictionary. Adjectives compared with more/most are refused.",
    outputs={
        "comparative": Output(
            "word",
            "the comparative form of the adjective {word}",
            asks=(
                "What is the comparative form of {word}?",
                "Complete 'this one is ___ than that one' with the comparative of {word}.",
            ),
        ),
        "superlative": Output(
            "word",
            "the superlative form of the adjective {word}",
            asks=(
                "What is the superlative form of {word}?",
                "Complete 'the ___ of all' with the superlative of {word}.",
            ),
        ),
    },
    examples=[{"word": "happy"}, {"word": "good"}],
)
def adjective_degrees(p: AdjectiveParam) -> dict:
    forms = _inflections(p.word, "ADJ", "adjective")
    if "JJR" not in forms or "JJS" not in forms:
        raise ToolInputError(f"the adjective {p.word!r} has no inflected comparative (it takes 'more'/'most')")
    return {"comparative": forms["JJR"][0], "superlative": forms["JJS"][0]}


class NounParam(BaseModel):
    word: str = word_field(
        "A singular English noun, e.g. 'mouse'.",
        ["mouse", "hour", "criterion", "child", "university", "sheep", "cactus", "knife"],
    )


@tool(
    inverse="noun_singular",
    domain=DOMAIN,
    kind="processing",
    package="inflect",
    description="English plural of a singular noun (inflect's rules and irregular tables: mouse -> mice) and the "
    "indefinite article it takes ('a' or 'an', by sound: an hour, a university).",
    outputs={
        "plural": Output(
            "word",
            "the plural of the noun {word}",
            asks=(
                "What is the plural of {word}?",
                "How do you write {word} in the plural?",
                "Give the English plural of {word}.",
            ),
        ),
        "indefinite_article": Output(
            "label",
            "the indefinite article ('a' or 'an') used before {word}",
            asks=(
                "Does {word} take 'a' or 'an'?",
                "Which indefinite article goes before {word}: 'a' or 'an'?",
            ),
        ),
    },
    examples=[{"word": "mouse"}, {"word": "hour"}, {"word": "criterion"}],
)
def noun_forms(p: NounParam) -> dict:
    import lemminflect

    word = common.word(p.word)
    if word not in cmu() and not lemminflect.getAllInflections(word, "NOUN"):
        raise ToolInputError(f"{p.word!r} is not a known English word")
    engine = inflect_engine()
    return {"plural": engine.plural_noun(word), "indefinite_article": engine.a(word).split(" ", 1)[0]}


@tool(
    inverse="noun_forms",
    domain=DOMAIN,
    kind="processing",
    package="inflect",
    description="The singular of an English plural noun (inflect), with whether the input was plural at all.",
    outputs={
        "singular": Output(
            "word",
            "the singular of {word}",
            asks=(
                "What is the singular of {word}?",
                "Give the singular form of {word}.",
            ),
            askable=False,
        ),
        "was_plural": Output(
            "boolean",
            "whether {word} is a plural noun",
            asks=(
                "Is {word} a plural noun?",
                "Is it true that {word} is in the plural?",
            ),
            askable=False,
        ),
    },
    examples=[{"word": "geese"}, {"word": "analyses"}],
)
def noun_singular(p: WordParam) -> dict:
    singular = inflect_engine().singular_noun(p.word.lower())
    return {"singular": singular or p.word.lower(), "was_plural": bool(singular)}


class Quantity(BaseModel):
    word: str = word_field("An English noun in the singular, e.g. 'goose'.", ["goose", "child", "box", "mouse", "city"])
    count: int = Field(
        description="How many.", ge=0, le=10**6, json_schema_extra=port("count", samples=[3, 0, 1, 12, 2])
    )


@tool(
    domain=DOMAIN,
    kind="processing",
    package="inflect",
    description="A count and a noun in correct English (inflect): '3 geese', 'no children', '1 box', and the count "
    "spelled out with the noun.",
    outputs={
        "phrase": Output(
            "label",
            "{count} {word} written as an English phrase",
            asks=(
                "How do you write the number {count} followed by {word} in correct English, with digits and the "
                "right noun form?",
                "Write a count of {count} with {word} as an English phrase, using the correct plural.",
            ),
            askable=False,  # "3 geese": any speaker writes it without a tool
        ),
        "spelled_phrase": Output(
            "text",
            "{count} {word} written with the number in words",
            asks=(
                "Write the number {count} and {word} as an English phrase, with the number spelled out and the right "
                "noun form.",
                "Combine the number {count} with {word} in correct English, writing the number in words.",
            ),
            askable=False,
        ),
    },
    examples=[{"word": "goose", "count": 3}],
)
def quantity_phrase(p: Quantity) -> dict:
    engine = inflect_engine()
    noun = engine.plural_noun(p.word, p.count)
    return {"phrase": engine.no(p.word, p.count), "spelled_phrase": f"{engine.number_to_words(p.count)} {noun}"}
