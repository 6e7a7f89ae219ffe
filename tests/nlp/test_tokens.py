"""The token table and cached text must say exactly what spaCy's Token and Doc say."""

import pytest

from dyad.nlp import build_nlp
from dyad.nlp.tokens import doc_text, forget_tokens, token_table

TEXTS = [
    "Tehran Hosts Talks\nThe ministers met on Monday.  They spoke for hours.",
    " Leading space, Iran–Russia talks: Putin's  aide said\u00a0no.\t",
    "“Talks went well,” the envoy said.\n\nBoth sides agreed.",
    "x",
]


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(components=[])


@pytest.mark.parametrize("text", TEXTS)
def test_table_matches_tokens(nlp, text):
    doc = nlp(text)
    table = token_table(doc)
    assert table.text == [t.text for t in doc]
    assert table.lower == [t.lower_ for t in doc]
    assert table.tag == [t.tag_ for t in doc]
    assert table.pos == [t.pos_ for t in doc]
    assert table.idx == [t.idx for t in doc]
    assert table.end == [t.idx + len(t) for t in doc]
    assert table.is_space == [t.is_space for t in doc]
    assert table.is_alpha == [t.is_alpha for t in doc]
    assert table.space_after == [bool(t.whitespace_) for t in doc]
    assert doc_text(doc) == doc.text == text


@pytest.mark.parametrize("text", TEXTS)
def test_expand_matches_char_span(nlp, text):
    doc = nlp(text)
    table = token_table(doc)
    for start in range(-1, len(text) + 2):
        for end in range(start, len(text) + 2):
            span = doc.char_span(start, end, alignment_mode="expand")
            expected = None if span is None else (span.start, span.end)
            assert table.expand(start, end) == expected, (start, end)


@pytest.mark.parametrize(
    ("char", "expected"),
    [(0, 0), (4, 0), (5, 1), (9, 1), (10, 2), (12, 2), (13, 3), (14, -1), (-1, -1)],
)
def test_token_at_char(nlp, char, expected):
    # "Iran said yes.": Iran 0-4, said 5-9, yes 10-13, "." 13-14; a space goes with the
    # token before it
    assert token_table(nlp("Iran said yes.")).token_at_char(char) == expected


def test_table_is_cached_until_forgotten(nlp):
    doc = nlp.make_doc("Iran and Russia met.")
    first = token_table(doc)
    assert token_table(doc) is first
    doc[0].tag_ = "NNP"
    assert token_table(doc).tag[0] == ""  # stale on purpose: cached
    forget_tokens(doc)
    assert token_table(doc).tag[0] == "NNP"

