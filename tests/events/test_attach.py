"""Dates and places attached to events."""

from collections.abc import Callable

import pytest

from dyad.events.attach import precision_of, start_of
from dyad.model import Event, EventDate

Extract = Callable[..., list[Event]]

DATES = [
    # a time in the sentence wins
    ("Modi met Macron on Tuesday.", ("2025-06-24", "day")),
    ("Russia and Iran signed an agreement in January.", ("2025-01", "month")),
    ("Trump abandoned the deal with Iran in 2018.", ("2018", "year")),
    # the nearest time to the trigger
    (
        "Israel struck Iran on June 13, and Russia condemned Israel on Monday.",
        ("2025-06-13", "day"),
    ),
    # a time in a later clause that has its own trigger is that trigger's
    ("Modi met Macron, and Trump will meet Erdogan on Tuesday.", None),
    # a fronted time dates the clause after it
    ("In January, Russia and Iran signed an agreement.", ("2025-01", "month")),
    # an asserted past event in the lead with no time: the publication date
    ("Modi met Macron.", ("2025-06-23", "day")),
    # not asserted: no date is guessed
    ("Modi may meet Macron.", None),
    # not past: no date is guessed
    ("Modi meets Macron.", None),
    # a time in a clause modifying another noun is that noun's
    ("Modi discussed with Macron the summit planned for January.", ("2025-06-23", "day")),
    ("Modi discussed with Macron the summit that will open on Tuesday.", ("2025-06-23", "day")),
    ("Putin met Araghchi, who had arrived on Monday, in the lead.", ("2025-06-23", "day")),
    ("Putin met Araghchi, who will leave on Tuesday.", ("2025-06-23", "day")),
    # ... but a clause modifying the trigger, or holding it, dates it
    ("Talks between Modi and Macron held on Tuesday went well.", ("2025-06-24", "day")),
]


@pytest.mark.parametrize(("text", "expected"), DATES)
def test_event_date(extract: Extract, text: str, expected: tuple[str, str] | None) -> None:
    event = extract(text)[0]
    got = (event.date.value, event.date.precision) if event.date else None
    assert got == expected


def test_no_publication_date_after_the_lead(extract: Extract) -> None:
    text = "Filler one. Filler two. Filler three. Filler four. Modi met Macron."
    [event] = extract(text)
    assert event.date is None


def test_no_publication_date_when_unknown(extract: Extract) -> None:
    [event] = extract("Modi met Macron.", published=None)
    assert event.date is None


def test_later_mention_inherits_the_date(extract: Extract) -> None:
    text = "Araghchi met Putin on December 17. Filler one. Filler two. Putin described the meeting with Araghchi as friendly."
    events = [e for e in extract(text) if e.type == "CONSULT"]
    assert [e.date.value if e.date else None for e in events] == ["2025-12-17", "2025-12-17"]


@pytest.mark.parametrize(
    ("value", "start", "precision"),
    [
        ("2025-06-13/2025-06-15", "2025-06-13", "day"),
        ("2025-06", "2025-06", "month"),
        ("2025", "2025", "year"),
        ("2025-W26", "2025-W26", "week"),
        ("sometime", None, None),
    ],
)
def test_time_values(value: str, start: str | None, precision: str | None) -> None:
    assert start_of(value) == start
    if start is not None:
        assert precision_of(start) == precision


PLACES = [
    ("Modi met Macron in New Delhi.", "New Delhi"),
    ("Araghchi paid a visit to Moscow.", "Moscow"),  # a visit's destination
    ("Modi met Macron.", None),
]


@pytest.mark.parametrize(("text", "place"), PLACES)
def test_event_place(extract: Extract, text: str, place: str | None) -> None:
    event = extract(text)[0]
    assert (event.location.name if event.location else None) == place


# a statement told in the simple past with no time of its own is news of the occasion the
# report covers (its first dated meeting); background tenses keep no date
STATEMENTS = [
    ("Modi met Macron on Monday. Macron praised India for its restraint.", "2025-06-23"),
    ("Modi met Macron on Tuesday. Macron has long praised India for its restraint.", None),
    # the day of an arrival is not the day of the talks it was for: the report's day
    (
        "Modi arrived on Monday to hold talks with Macron. Macron praised India for its restraint.",
        "2025-06-25",
    ),
]


def test_a_judgement_whose_author_the_document_tells_is_dated_like_a_statement(
    extract: Extract,
) -> None:
    text = (
        "Israel struck Iran on June 13. Modi met Macron. Erdogan met Putin. Putin spoke. "
        '"This is aggression against Iran," Putin said.'
    )  # after the lead, where undated news takes the publication day anyway
    accuse = [e for e in extract(text, published="2025-06-25") if e.type == "ACCUSE"]
    assert [(e.target.country if e.target else None, e.date) for e in accuse] == [
        ("ISR", EventDate("2025-06-25", "day", None))
    ]


def test_a_purpose_clause_keeps_its_verb_day_but_dates_no_other_mention(
    extract: Extract,
) -> None:
    text = "Modi met Macron. Modi arrived on Monday to hold talks with Macron."
    days = [e.date.value if e.date else None for e in extract(text, published="2025-06-25")]
    assert days == ["2025-06-25", "2025-06-23"]


@pytest.mark.parametrize(("text", "expected"), STATEMENTS)
def test_statements_take_the_date_of_the_occasion(
    extract: Extract, text: str, expected: str | None
) -> None:
    support = [e for e in extract(text, published="2025-06-25") if e.type == "SUPPORT"]
    assert [e.date.value if e.date else None for e in support] == [expected]
