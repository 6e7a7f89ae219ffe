"""Numbers the text attaches to an event, read from the parse.

"his third visit" (3, ordinal), "met five times" (5, time), "twice" (2, time), "a
20-year treaty" (20, year), "killed two guards" (2, guard). Linking compares them across
outlets: one fact told as a first and as a third meeting is a discrepancy to show.
Number words are data (`data/numbers.yaml`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Token

from dyad.datafile import int_map, load_yaml, string_list, top_mapping
from dyad.model import Quantity

NUMBERS_PATH = Path(__file__).parent / "data" / "numbers.yaml"
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$", re.IGNORECASE)
#: Dependencies under which a trigger's arguments hold the nouns a number may count.
_ARGUMENT_DEPS = frozenset({"dobj", "pobj", "attr", "nsubjpass"})


@dataclass(frozen=True)
class NumberWords:
    ordinals: dict[str, int]
    cardinals: dict[str, int]
    times_nouns: frozenset[str]
    times_adverbs: dict[str, int]
    occurrence_nouns: frozenset[str]
    window_words: frozenset[str]


@cache
def load_numbers(path: Path = NUMBERS_PATH) -> NumberWords:
    """The number words, validated once (each bad entry named with its file and line)."""
    data = top_mapping(path, load_yaml(path))
    return NumberWords(
        ordinals=int_map(path, data, "ordinals", 1, 10_000),
        cardinals=int_map(path, data, "cardinals", 1, 10_000),
        times_nouns=frozenset(string_list(path, data, "times_nouns", lowercase=True)),
        times_adverbs=int_map(path, data, "cardinals_of_times", 1, 100),
        occurrence_nouns=frozenset(string_list(path, data, "occurrence_nouns", lowercase=True)),
        window_words=frozenset(string_list(path, data, "window_words", lowercase=True)),
    )


def _cardinal(token: Token, words: NumberWords) -> float | None:
    text = token.text.lower()
    if _DIGITS.match(text):
        return float(text.replace(",", ""))
    value = words.cardinals.get(text)
    return float(value) if value is not None else None


def _ordinal(token: Token, words: NumberWords) -> float | None:
    text = token.text.lower()
    if m := _ORDINAL_DIGITS.match(text):
        return float(m.group(1))
    value = words.ordinals.get(text)
    return float(value) if value is not None else None


def _quantity(token: Token, value: float, unit: str) -> Quantity:
    return Quantity(token.text, token.idx, token.idx + len(token.text), value, unit)


def _nouns(trigger: Token) -> list[Token]:
    """The trigger (when a noun) and the nouns of its arguments ("for his third meeting")."""
    out = [trigger] if trigger.pos_ in ("NOUN", "PROPN") else []
    for child in trigger.children:
        if child.dep_ in _ARGUMENT_DEPS:
            out.append(child)
        elif child.dep_ == "prep":
            out += [g for g in child.children if g.dep_ == "pobj"]
    return out


def event_quantities(doc: Doc, head: int) -> list[Quantity]:
    """The numbers attached to the event whose trigger head is `head`, in text order."""
    words = load_numbers()
    trigger = doc[head]
    found: list[Quantity] = []
    for noun in _nouns(trigger):
        if any(c.lower_ in words.window_words for c in noun.children):
            continue  # "over the past 18 months": a window, not a count of the event
        occurrence = noun.i == head or noun.lemma_.lower() in words.occurrence_nouns
        for child in noun.children:
            if child.dep_ in ("amod", "nummod") and (value := _ordinal(child, words)):
                if occurrence:
                    found.append(_quantity(child, value, "ordinal"))
            elif child.dep_ == "nummod" and (value := _cardinal(child, words)) is not None:
                unit = "time" if noun.lower_ in words.times_nouns else noun.lemma_.lower()
                found.append(_quantity(child, value, unit))
            elif child.dep_ in ("compound", "amod", "npadvmod") and child.pos_ == "NOUN":
                for grand in child.children:  # "a 20-year treaty"
                    if grand.dep_ == "nummod" and (value := _cardinal(grand, words)) is not None:
                        found.append(_quantity(grand, value, child.lemma_.lower()))
    for child in trigger.children:
        if child.dep_ in ("npadvmod", "dobj", "advmod") and child.lower_ in words.times_nouns:
            for grand in child.children:  # "met five times"
                if grand.dep_ == "nummod" and (value := _cardinal(grand, words)) is not None:
                    found.append(_quantity(grand, value, "time"))
        elif child.dep_ == "advmod" and child.lower_ in words.times_adverbs:  # "met twice"
            found.append(_quantity(child, float(words.times_adverbs[child.lower_]), "time"))
    unique = {(q.start, q.unit): q for q in found}
    return sorted(unique.values(), key=lambda q: q.start)
