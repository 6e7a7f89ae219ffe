"""Quotation spans: marks of every kind, apostrophes, unclosed and multi-paragraph quotes."""

from __future__ import annotations

import pytest

from dyad.quotes.marks import Quotation, Quotations, find_quotations


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


def _q(open_: int, close: int | None, end: int) -> Quotation:
    return Quotation(open=open_, close=close, start=open_ + 1, end=end)


@pytest.mark.parametrize(
    ("quotes", "offset", "inside"),
    [
        ([], 5, False),
        ([_q(10, 20, 20)], 9, False),
        ([_q(10, 20, 20)], 10, True),
        ([_q(10, 20, 20)], 20, True),  # the closing mark itself
        ([_q(10, 20, 20)], 21, False),
        ([_q(10, None, 15)], 14, True),
        ([_q(10, None, 15)], 15, False),
        ([_q(30, 40, 40), _q(10, 20, 20)], 35, True),  # not in text order
        ([_q(10, 40, 40), _q(15, 20, 20)], 30, True),  # one inside another
        ([_q(10, 20, 20), _q(30, 40, 40)], 25, False),
    ],
)
def test_quotations_cover_like_a_scan(quotes: list[Quotation], offset: int, inside: bool) -> None:
    index = Quotations(quotes)
    assert index.covers(offset) is inside
    assert inside is any(q.open <= offset < q.outer_end for q in quotes)


@pytest.mark.parametrize(
    ("start", "end", "opens"),
    [(0, 100, [10, 30, 50]), (11, 50, [30]), (10, 11, [10]), (51, 60, [])],
)
def test_quotations_opening_in(start: int, end: int, opens: list[int]) -> None:
    index = Quotations([_q(50, 55, 55), _q(10, 20, 20), _q(30, 40, 40)])
    assert [q.open for q in index.opening_in(start, end)] == opens
