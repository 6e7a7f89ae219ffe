"""Case tables for dyad.timex.find: each expression kind, resolved against our own anchors."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyad.timex import find_times

# A Wednesday. Its ISO week is 2024-W11.
ANCHOR = date(2024, 3, 13)


def _only(text: str, anchor: date | None = ANCHOR, **kw: object):
    found = find_times(text, anchor, **kw)  # type: ignore[arg-type]
    for m in found:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.value, m.precision) for m in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # explicit dates in every common form
        ("The accord was signed on March 4, 2024.", ("on March 4, 2024", "2024-03-04", "day")),
        ("It was signed 4 March 2024 in Ankara.", ("4 March 2024", "2024-03-04", "day")),
        ("It was signed on the 4th of March, 2024.", ("4th of March, 2024", "2024-03-04", "day")),
        ("Talks ended Feb. 27 in Doha.", ("Feb. 27", "2024-02-27", "day")),
        ("The summit opened Sept 2, 2023.", ("Sept 2, 2023", "2023-09-02", "day")),
        ("The filing is dated 2023-11-05.", ("2023-11-05", "2023-11-05", "day")),
        ("The series starts 2023-11.", ("2023-11", "2023-11", "month")),
        # a day without a year: the latest such date not far after the anchor
        ("Envoys met on March 10 in Geneva.", ("on March 10", "2024-03-10", "day")),
        ("Envoys met on December 12 in Geneva.", ("on December 12", "2023-12-12", "day")),
        ("Envoys met on March 15 in Geneva.", ("on March 15", "2024-03-15", "day")),
        # ... or the next one when the sentence is future
        ("The ministers will meet on January 8.", ("on January 8", "2025-01-08", "day")),
        # months
        ("Prices rose in January.", ("in January", "2024-01", "month")),
        ("Prices rose in October.", ("in October", "2023-10", "month")),
        ("The vote will take place in October.", ("in October", "2024-10", "month")),
        (
            "In January this year, the pact entered into force.",
            ("In January this year", "2024-01", "month"),
        ),
        (
            "In May last year, the pact entered into force.",
            ("In May last year", "2023-05", "month"),
        ),
        ("The ships docked last April.", ("last April", "2023-04", "month")),
        ("The ships docked last February.", ("last February", "2024-02", "month")),
        ("The ships dock next February.", ("next February", "2025-02", "month")),
        ("The plan dates from June 2019.", ("June 2019", "2019-06", "month")),
        # years
        ("Trade doubled in 2019.", ("in 2019", "2019", "year")),
        ("Ties deepened throughout 2022.", ("throughout 2022", "2022", "year")),
        ("Exports fell last year.", ("last year", "2023", "year")),
        ("Exports grew this year.", ("this year", "2024", "year")),
        ("Exports fell late last year.", ("late last year", "2023", "year")),
        ("Prices rose in mid-June.", ("June", "2023-06", "month")),
        ("Exports will grow next year.", ("next year", "2025", "year")),
        (
            "At the beginning of this year, exports grew.",
            ("the beginning of this year", "2024", "year"),
        ),
        ("The 2015 nuclear deal collapsed.", ("2015", "2015", "year")),
        # relative days, weeks, months
        ("The minister arrived today.", ("today", "2024-03-13", "day")),
        ("The minister arrived yesterday.", ("yesterday", "2024-03-12", "day")),
        ("The minister leaves tomorrow.", ("tomorrow", "2024-03-14", "day")),
        ("The minister visited this week.", ("this week", "2024-W11", "week")),
        ("The minister visited last week.", ("last week", "2024-W10", "week")),
        ("The minister visits next week.", ("next week", "2024-W12", "week")),
        ("The minister visited earlier this month.", ("earlier this month", "2024-03", "month")),
        ("The minister visited last month.", ("last month", "2024-02", "month")),
        # weekdays: past on or before the anchor, future on or after it (a report of a
        # Wednesday saying "will meet on Wednesday" means that day; "next" means a week on)
        ("The two leaders met on Monday.", ("on Monday", "2024-03-11", "day")),
        ("The two leaders met on Wednesday.", ("on Wednesday", "2024-03-13", "day")),
        ("The two leaders will meet on Monday.", ("on Monday", "2024-03-18", "day")),
        ("The two leaders are due to meet on Friday.", ("on Friday", "2024-03-15", "day")),
        ("He said on Monday that he will travel.", ("on Monday", "2024-03-11", "day")),
        ("The leaders met last Wednesday.", ("last Wednesday", "2024-03-06", "day")),
        ("The leaders meet next Monday.", ("next Monday", "2024-03-18", "day")),
        ("The two leaders will meet on Wednesday.", ("on Wednesday", "2024-03-13", "day")),
        ("The leaders meet next Wednesday.", ("next Wednesday", "2024-03-20", "day")),
        # vague expressions and durations: kept, value None
        ("The ministers spoke recently.", ("recently", None, None)),
        ("Strikes began days after the vote.", ("days after", None, None)),
        ("The envoy left a week ago.", ("a week ago", None, None)),
        ("Prices rose over the last 18 months.", ("over the last 18 months", None, None)),
        ("Trade grew in recent years.", ("in recent years", None, None)),
    ],
)
def test_find_times_resolves_single_expression(text: str, expected: tuple) -> None:
    assert _only(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Officials may meet again.",  # the verb, not the month
        "The army sent 2000 troops.",  # a count, not a year
        "The deal is worth $2025 million.",
        "Turnout was 2019.5 per district.",
        "He marched on.",
        "The report has 1,999 pages.",
        "The range is 2023-14.",
    ],
)
def test_find_times_ignores_non_dates(text: str) -> None:
    assert _only(text) == []


def test_explicit_day_is_its_own_mention_beside_the_relative_month() -> None:
    text = "Earlier this month, on March 5, the envoy flew to Baku."
    assert _only(text) == [
        ("Earlier this month", "2024-03", "month"),
        ("on March 5", "2024-03-05", "day"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministers met on June 13.", ("on June 13", "2021-06-13", "day")),
        ("Exports grew this year.", ("this year", "2021", "year")),
        ("The leaders met on Monday.", ("on Monday", None, None)),
        ("The minister visited this week.", ("this week", None, None)),
        ("The ships docked last April.", ("last April", None, None)),
    ],
)
def test_year_only_anchor_resolves_what_the_year_decides(text: str, expected: tuple) -> None:
    assert _only(text, None, year=2021) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministers met on June 13.", ("on June 13", None, None)),
        ("Exports fell last year.", ("last year", None, None)),
        ("The accord was signed on March 4, 2024.", ("on March 4, 2024", "2024-03-04", "day")),
        ("Trade doubled in 2019.", ("in 2019", "2019", "year")),
    ],
)
def test_without_anchor_only_explicit_dates_resolve(text: str, expected: tuple) -> None:
    assert _only(text, None) == [expected]


def test_week_value_crosses_iso_year() -> None:
    assert _only("They met this week.", date(2025, 12, 29)) == [("this week", "2026-W01", "week")]


def test_offsets_hold_on_multiline_text() -> None:
    text = "Headline\n\nBy Staff | Jan 5, 2024\n\nOn Monday, the envoy left. In 2023 he did not."
    found = find_times(text, date(2024, 1, 5))
    assert [m.text for m in found] == ["Jan 5, 2024", "On Monday", "In 2023"]
    assert all(text[m.start : m.end] == m.text for m in found)


_PIECES = [
    "on",
    "Monday",
    "June",
    "13",
    "2024",
    "last",
    "next",
    "this",
    "week",
    "year",
    "in",
    "May",
    "may",
    "recently",
    "days",
    "after",
    ",",
    ".",
    "\n",
    "2024-03-05",
    "Dec.",
    "17th",
    "will",
    "said",
    "earlier",
    "month",
    "the",
    "1,999",
    "$2025",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=30).map(" ".join))
@settings(max_examples=200, deadline=None)
def test_offsets_and_values_are_well_formed(text: str) -> None:
    last_end = 0
    for m in find_times(text, ANCHOR):
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end
        last_end = m.end
        assert (m.value is None) == (m.precision is None)
        if m.precision == "day":
            date.fromisoformat(m.value or "")
