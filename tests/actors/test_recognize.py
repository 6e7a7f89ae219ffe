"""Recognition: casing rules, longest match, no overlaps, plain `Match` values."""

from __future__ import annotations

import pytest
import spacy

from dyad.actors.cues import load_cues
from dyad.actors.kb import load_kb
from dyad.actors.recognize import Match, Recognizer, case_ok

from .conftest import FIXTURE_KB


@pytest.fixture(scope="module")
def recognize():
    nlp = spacy.blank("en")
    recognizer = Recognizer(nlp.vocab, nlp.make_doc, load_kb(data_dir=FIXTURE_KB), load_cues())

    def run(text: str) -> list[tuple[str, str, str]]:
        doc = nlp.make_doc(text)
        return [(m.category, doc[m.start : m.end].text, m.key) for m in recognizer.match(doc)]

    return run


@pytest.mark.parametrize(
    ("texts", "forms", "category", "ok"),
    [
        (["Iran"], ["Iran"], "state", True),
        (["IRAN"], ["Iran"], "state", True),
        (["iran"], ["Iran"], "state", False),
        (["US"], ["US"], "state", True),
        (["us"], ["US"], "state", False),
        (["Us"], ["US"], "state", False),
        (["The", "Kremlin"], ["the", "Kremlin"], "metonym", True),
        (["the", "kremlin"], ["the", "Kremlin"], "metonym", False),
        (["Donald", "trump"], ["Donald", "Trump"], "person", True),
        (["donald", "trump"], ["Donald", "Trump"], "person", False),
        (["United", "states"], ["United", "States"], "state", False),
        (["Foreign", "Minister"], ["foreign", "minister"], "title", True),
        (["FOREIGN", "minister"], ["foreign", "minister"], "title", True),
    ],
)
def test_recognize_case_ok(texts: list[str], forms: list[str], category: str, ok: bool) -> None:
    assert case_ok(texts, forms, category) is ok


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran's missiles", [("state", "Iran", "IRN")]),
        ("Russia’s drones", [("state", "Russia", "RUS")]),
        ("see https://iran.example/iran-news", []),
        # longest match first, no overlaps
        (
            "The Russian Foreign Ministry said",
            [("org", "Russian Foreign Ministry", "org:rus-mfa")],
        ),
        (
            "the UN Security Council and the UN",
            [("org", "UN Security Council", "org:unsc"), ("org", "UN", "org:un")],
        ),
        (
            "Iranian Foreign Minister Abbas Araghchi",
            [
                ("demonym", "Iranian", "IRN"),
                ("title", "Foreign Minister", "foreign minister"),
                ("person", "Abbas Araghchi", "person:abbas-araghchi"),
            ],
        ),
        # a form two people share keeps both for resolve.py to choose
        ("Aliyev", [("person", "Aliyev", "person:ilham-aliyev|person:heydar-aliyev")]),
        ("the two countries", [("pair", "the two countries", "the two countries")]),
        ("in the Strait of Hormuz", [("place", "Strait of Hormuz", "52")]),
    ],
)
def test_recognize_matches(recognize, text: str, expected: list) -> None:
    got = recognize(text)
    if expected and expected[0][0] == "place":
        assert [(c, t) for c, t, _ in got] == [(c, t) for c, t, _ in expected]
    else:
        assert got == expected


def test_recognize_returns_plain_values(recognize) -> None:
    nlp = spacy.blank("en")
    recognizer = Recognizer(nlp.vocab, nlp.make_doc, load_kb(data_dir=FIXTURE_KB), load_cues())
    matches = recognizer.match(nlp.make_doc("Putin met Lavrov."))
    assert all(isinstance(m, Match) for m in matches)
    assert [(m.start, m.end) for m in matches] == [(0, 1), (2, 3)]
