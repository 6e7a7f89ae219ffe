"""Sentence boundaries on news text: line breaks, final punctuation, quotes, abbreviations."""

import pytest

from dyad.nlp import build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(components=[])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tehran Hosts Talks\nThe ministers met on Monday. They spoke for hours.",
            ["Tehran Hosts Talks", "The ministers met on Monday.", "They spoke for hours."],
        ),
        (
            'He said: "We are ready." Then he left!',
            ['He said: "We are ready."', "Then he left!"],
        ),
        (
            "“Talks went well,” the envoy said. Both sides agreed.",
            ["“Talks went well,” the envoy said.", "Both sides agreed."],
        ),
        (
            "Russian President Vladimir V. Putin met the envoy. It was brief.",
            ["Russian President Vladimir V. Putin met the envoy.", "It was brief."],
        ),
        (
            "The deal was signed in 2025. 2026 will test it.",
            ["The deal was signed in 2025.", "2026 will test it."],
        ),
        # A lowercase word after a stop does not start a sentence (an abbreviation, an ellipsis).
        ("Prices rose approx. ten percent.", ["Prices rose approx. ten percent."]),
        ("Line one\n\n\nLine two", ["Line one", "Line two"]),
        # a line break after a stop ends the sentence whatever starts the next line
        (
            "Key points.\n• Moscow pledged support.\n• talks resume soon.",
            ["Key points.", "• Moscow pledged support.", "• talks resume soon."],
        ),
    ],
)
def test_sentences_split_news_text(nlp, text, expected):
    doc = nlp(text)
    sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sentences == expected


def test_sentences_offsets_match_text(nlp):
    text = "Headline here\nFirst sentence. Second one?\n“Quoted,” he said."
    doc = nlp(text)
    for sent in doc.sents:
        assert text[sent.start_char : sent.end_char] == sent.text
