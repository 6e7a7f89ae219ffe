"""The clause layer over the parse: who is the subject, object, agent of a predicate."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from dyad.nlp import build_nlp, clauses


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp(components=[])


def _token(doc: Doc, word: str) -> Token:
    return next(t for t in doc if t.text == word)


def _words(tokens: list[Token]) -> list[str]:
    return [t.text for t in tokens]


# sentence, predicate word, expected subject words
SUBJECTS = [
    ("Russia and China condemned the raid.", "condemned", ["Russia", "China"]),
    ("Lavrov, who met Wang on Monday, spoke.", "met", ["Lavrov"]),
    ("Fidan met Shoukry and signed a deal.", "signed", ["Fidan"]),
    ("Egypt agreed to supply Sudan with grain.", "supply", ["Egypt"]),
    ("France urged Israel to halt the offensive.", "halt", ["Israel"]),
    ("Brazil called on Chile to stop the strikes.", "stop", ["Chile"]),
    ("Erdogan thanked Qatar for condemning the raid.", "condemning", ["Qatar"]),
    ("Officials meeting in Doha agreed.", "meeting", ["Officials"]),
    ("The attacks carried out by Israel killed ten.", "carried", []),
    ("Days after the strikes, Jordan's minister flew to Cairo.", "flew", ["minister"]),
    ("Ankara is grateful to Doha.", "grateful", ["Ankara"]),
    # an infinitive on a noun: the noun's owner, the object's verb's indirect object or
    # subject does it; a noun elsewhere does it itself
    ("Japan made efforts to support India.", "support", ["Japan"]),
    ("Peru took steps to help Chile.", "help", ["Peru"]),
    ("Chile's efforts to help Peru failed.", "help", ["Chile"]),
    ("Peru gave Chile a chance to respond.", "respond", ["Chile"]),
    ("Peru called the decision to bomb Chile reckless.", "bomb", ["decision"]),
    ("Chile was the first country to recognise Kosovo.", "recognise", ["country"]),
]


@pytest.mark.parametrize(("text", "word", "expected"), SUBJECTS)
def test_clauses_subjects(nlp: Language, text: str, word: str, expected: list[str]) -> None:
    doc = nlp(text)
    assert _words(clauses.subjects(_token(doc, word))) == expected


def test_clauses_objects_agents_and_prepositions(nlp: Language) -> None:
    doc = nlp("Iran was attacked by Israel and the United States.")
    attacked = _token(doc, "attacked")
    assert clauses.is_passive(attacked)
    assert _words(clauses.agents(attacked)) == ["Israel", "States"]
    doc = nlp("Modi held talks with Macron and Scholz in Paris.")
    assert _words(clauses.prep_objects(_token(doc, "talks"), ("with",))) == ["Macron", "Scholz"]
    assert _words(clauses.objects(_token(doc, "held"))) == ["talks"]


def test_clauses_possessors_and_modifiers(nlp: Language) -> None:
    doc = nlp("Iran's visit followed the Israeli and US strikes.")
    assert _words(clauses.possessors(_token(doc, "visit"))) == ["Iran"]
    assert set(_words(clauses.modifiers(_token(doc, "strikes")))) == {"Israeli", "US"}


@pytest.mark.parametrize(
    ("text", "word", "reading"),
    [
        ("The US strikes on Iran drew condemnation.", "strikes", "NOUN"),
        ("Israel strikes Iran.", "strikes", "VERB"),
        ("The talks were useful.", "talks", "NOUN"),
    ],
)
def test_clauses_reading(nlp: Language, text: str, word: str, reading: str) -> None:
    assert clauses.reading(_token(nlp(text), word)) == reading


def test_clauses_clause_range_stops_at_embedded_clauses(nlp: Language) -> None:
    doc = nlp("The meeting had been planned, as reports said Modi will meet Putin on Tuesday.")
    start, end = clauses.clause_range(_token(doc, "meeting"))
    assert "Tuesday" not in doc[start:end].text
    assert "planned" in doc[start:end].text
