"""Numbers attached to an event, read from the parse (events/quantities.py)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyad.events.quantities import event_quantities

# sentence, trigger word -> (number text, value, unit) attached to that trigger
CASES = [
    ("Putin met Araghchi for the second time this year.", "met", [("second", 2.0, "ordinal")]),
    (
        "Pezeshkian, on his first Kremlin visit, signed the pact.",
        "visit",
        [("first", 1.0, "ordinal")],
    ),
    (
        "Welcoming Pezeshkian for his third meeting with him, Putin smiled.",
        "Welcoming",
        [("third", 3.0, "ordinal")],
    ),
    ("The two presidents have met five times.", "met", [("five", 5.0, "time")]),
    ("They met twice in Sochi.", "met", [("twice", 2.0, "time")]),
    ("They signed a 20-year treaty.", "signed", [("20", 20.0, "year")]),
    ("The strike killed 12 soldiers.", "killed", [("12", 12.0, "soldier")]),
    # a window of time around the event counts nothing of it
    ("The presidents met over the past 18 months.", "met", []),
    # an ordinal in a title is not a rank of the event
    ("Putin met the first deputy prime minister.", "met", []),
    ("Putin met Araghchi.", "met", []),
]


@pytest.mark.parametrize(("text", "word", "expected"), CASES)
def test_quantities_attached_to_a_trigger(
    nlp: Language, text: str, word: str, expected: list
) -> None:
    doc = nlp(text)
    head = next(t.i for t in doc if t.text == word)
    found = event_quantities(doc, head)
    assert [(q.text, q.value, q.unit) for q in found] == expected
    assert all(text[q.start : q.end] == q.text for q in found)
