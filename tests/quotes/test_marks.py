"""Quotation spans: marks of every kind, apostrophes, unclosed and multi-paragraph quotes."""

from __future__ import annotations

import pytest

from dyad.quotes.marks import find_quotations


def _contents(text: str) -> list[tuple[str, bool]]:
    out = []
    for q in find_quotations(text):
        assert text[q.open] in "\"'“‘«»„"
        out.append((text[q.start : q.end], q.close is not None))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will win," and left.', [("we will win", True)]),
        ("He said “we will win.”", [("we will win", True)]),
        ("They called it ‘a farce’, and Iran’s side agreed.", [("a farce", True)]),
        ("They called it 'a farce'.", [("a farce", True)]),
        ("The ministers’ talks were ‘useful’.", [("useful", True)]),
        ("Il a dit «oui».", [("oui", True)]),
        ("Er sagte »nein« dazu.", [("nein", True)]),
        ("Sie sagte „ja“ dazu.", [("ja", True)]),
        ('He said: "A." Then "B".', [("A", True), ("B", True)]),
        ("“One. Two.” “Three”", [("One. Two", True), ("Three", True)]),
        # nested quotes belong to the outer content
        ("He said “they told us ‘no’ twice.”", [("they told us ‘no’ twice", True)]),
        # apostrophes are not quotation marks
        ("Iran’s envoy met Grossi’s team.", []),
        ("Rock 'n' roll in the '90s.", []),
        ("It's the ministers' view.", []),
        # unclosed: ends at its paragraph
        ("“Never closed here\nNext paragraph is plain.", [("Never closed here", False)]),
        # print style: a paragraph reopening the quote continues it
        (
            "“First part runs on\n“and ends here,” he said.",
            [("First part runs on\n“and ends here", True)],
        ),
        (
            "“One\n“two\n“three.”",
            [("One\n“two\n“three", True)],
        ),
    ],
)
def test_find_quotations(text: str, expected: list) -> None:
    assert _contents(text) == expected
