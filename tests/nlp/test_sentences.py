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


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # a dateline is a sentence of its own, so the parser does not take the city for
        # the subject
        (
            "MOSCOW, March 10 (Reuters) - Putin met Araghchi on Monday.",
            ["MOSCOW, March 10 (Reuters) -", "Putin met Araghchi on Monday."],
        ),
        ("TEHRAN — Iran said no.", ["TEHRAN —", "Iran said no."]),
        # a capitalised opening that is no dateline stays whole
        ("NATO - the alliance - met today.", ["NATO - the alliance - met today."]),
        ("Putin - who met Araghchi - left.", ["Putin - who met Araghchi - left."]),
    ],
)
def test_sentences_a_dateline_stands_alone(nlp, text, sentences):
    assert [s.text.strip() for s in nlp(text).sents] == sentences


def test_sentences_a_run_without_an_end_is_cut_and_flagged(nlp):
    from dyad.nlp.extensions import get_list
    from dyad.nlp.sentences import MAX_SENTENCE_TOKENS

    clause = "Iran met Russia in Baku, Turkey met Azerbaijan in Ankara, "
    doc = nlp(clause * 60 + "and talks went on")
    lengths = [len(s) for s in doc.sents]
    assert len(lengths) > 1 and max(lengths) <= MAX_SENTENCE_TOKENS
    # cut after a comma, where one can be found
    assert all(s[-1].text == "," for s in list(doc.sents)[:-1])
    (flag,) = [f for f in get_list(doc, "flags") if f.kind == "long_sentence"]
    assert str(MAX_SENTENCE_TOKENS) in flag.message
    short = nlp("Iran met Russia in Baku.")
    assert not [f for f in get_list(short, "flags") if f.kind == "long_sentence"]
