"""The offline part-of-speech tagger decides readings the event rules depend on."""

import pytest

from dyad.nlp import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(components=[])


@pytest.mark.parametrize(
    ("text", "word", "pos"),
    [
        ("Israel launched strikes on Iran.", "strikes", "NOUN"),
        ("The talks ended without a deal.", "talks", "NOUN"),
        ("Putin calls for calm.", "calls", "VERB"),
        ("The minister will visit Moscow.", "visit", "VERB"),
        ("Lavrov met Araghchi in Moscow.", "met", "VERB"),
        ("Lavrov met Araghchi in Moscow.", "Moscow", "PROPN"),
        ("Iran may respond.", "may", "AUX"),
    ],
)
def test_tagger_coarse_tags(nlp, text, word, pos):
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert token.pos_ == pos


def test_tagger_tags_every_token_and_spaces(nlp):
    doc = nlp("First line.\n\nSecond line here.")
    assert all(t.tag_ for t in doc)
    assert [t.pos_ for t in doc if t.is_space] == ["SPACE"]
