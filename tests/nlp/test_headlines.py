"""Title Case headlines are parsed again in sentence case; the text never changes."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyad.nlp import build_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp(components=["dyad_actors"])


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Macron Pledges Strategic Support For India After Meeting Modi", "Pledges"),
        ("Iran's Top Diplomat Meets Putin In Moscow", "Meets"),
    ],
)
def test_headline_verbs_are_verbs(nlp: Language, text: str, verb: str) -> None:
    doc = nlp(text)
    assert doc.text == text
    token = next(t for t in doc if t.text == verb)
    assert token.pos_ == "VERB" and token.dep_ == "ROOT"
    assert len(list(doc.sents)) == 1


def test_body_sentences_keep_their_parse(nlp: Language) -> None:
    text = "Macron Meets Modi In Paris\nThe two leaders discussed trade."
    doc = nlp(text)
    assert [s.text.strip() for s in doc.sents] == ["Macron Meets Modi In Paris", "The two leaders discussed trade."]
    assert next(t for t in doc if t.text == "discussed").dep_ == "ROOT"
