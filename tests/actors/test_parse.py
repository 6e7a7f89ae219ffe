"""Readings of the trained parse: word classes, Title-Case sentences, datelines."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyad.actors.cues import load_cues
from dyad.actors.parse import Datelines, WordClasses, np_head, title_case


@pytest.fixture(scope="module")
def words(fixture_nlp: Language) -> WordClasses:
    return WordClasses.from_nlp(fixture_nlp)


@pytest.mark.parametrize(
    ("word", "common"),
    [
        ("just", True),  # adverb
        ("left", True),  # a verb form the exception table knows
        ("signed", True),  # a verb by its suffix rule
        ("haddour", False),
        ("zelinska", False),
        ("corridor", False),  # a noun only: nouns may be names
    ],
)
def test_parse_word_classes_common(words: WordClasses, word: str, common: bool) -> None:
    assert words.common(word) is common


def test_parse_word_classes_without_tables() -> None:
    empty = WordClasses({}, {}, {})
    assert empty.classes("just") == frozenset()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ships Sail Past Fast Boats After Long Delay", True),
        ("Ships sailed past the fast boats after a long delay.", False),
        ("Lavrov met Olga Smirnova of Acme Corp in Moscow.", False),  # names, not a headline
    ],
)
def test_parse_title_case(fixture_nlp: Language, words: WordClasses, text: str, expected: bool):
    doc = fixture_nlp(text)
    assert title_case(doc[:], words) is expected


def test_parse_np_head(fixture_nlp: Language) -> None:
    doc = fixture_nlp("Syrian President Karim Haddour opened the session.")
    assert np_head(doc, 0, 4).text == "Haddour"


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("BAGHDAD, June 17 (AP) - The talks ended.", ["BAGHDAD"]),
        ("MOSCOW (Reuters) - Iran said so.", ["MOSCOW"]),
        ("Tehran, Dec 5 - The talks resumed.", ["Tehran"]),
        ("NEW YORK, Jan. 3, 2025 (AP) — More talks.", ["NEW YORK"]),
        ("KYIV — Ukraine said so.", ["KYIV"]),
        ("First line.\nAnkara, March 2 - Talks.", ["Ankara"]),
        # no date, agency or capitals: a sentence, not a dateline
        ("Iran said on June 5 - nothing more.", []),
        ("Moscow condemned the strike.", []),
        ("Iran (the country) - a note.", []),
    ],
)
def test_parse_datelines(text: str, places: list[str]) -> None:
    finder = Datelines(load_cues().month_names)
    assert [text[s:e] for s, e in finder.places(text)] == places
