"""dyad.query: filters normalised and checked, flat records faithful to their documents,
and the store iterators selecting the same rows on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses

import pytest

from dyad import query
from dyad.errors import QueryError
from dyad.query import Filters
from dyad.store import Store
from export_corpus import corpus


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-06-23", ("2025-06-23", "2025-06-23")),
        ("2025-02", ("2025-02-01", "2025-02-28")),
        ("2024-02", ("2024-02-01", "2024-02-29")),
        ("2025", ("2025-01-01", "2025-12-31")),
        ("2025-W10", ("2025-03-03", "2025-03-09")),
        ("2025-13", None),
        ("2025-02-30", None),
        ("next week", None),
        ("", None),
    ],
)
def test_query_period(value, expected):
    assert query.period(value) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"since": "2025-06", "until": "2025"}, {"since": "2025-06-01", "until": "2025-12-31"}),
        ({"dyad": "rus-irn"}, {"dyad": ("RUS", "IRN")}),
        ({"dyad": ("irn", "rus")}, {"dyad": ("IRN", "RUS")}),
        ({"type": " consult", "modality": "Asserted"}, {"type": "CONSULT", "modality": "asserted"}),
        ({"since": ""}, {"since": None}),
    ],
)
def test_query_filters_normalise(given, expected):
    filters = Filters(**given)
    assert {name: getattr(filters, name) for name in expected} == expected


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"since": "23/06/2025"}, "since takes a date"),
        ({"until": "2025-W10"}, "until takes a date"),
        ({"dyad": "RUS"}, "two country codes"),
        ({"dyad": "RUS-IRN-USA"}, "two country codes"),
        ({"modality": "likely"}, "modality is one of"),
        ({"since": "2025-06-02", "until": "2025-06-01"}, "is after until"),
        ({"limit": -1}, "limit"),
        ({"limit": 0}, "1 or more"),
        ({"type": "FOO"}, "type is a PLOVER event type, one of ACCUSE, AGREE, .*; got 'FOO'"),
        ({"modality": "maybe"}, "modality is one of asserted, .*; got 'maybe'"),
        ({"dyad": "Russia-Iran"}, "unknown country code 'RUSSIA' .*write RUS.*: AFG, "),
        ({"dyad": "RUS-XXX"}, "unknown country code 'XXX'.*IGO, NGO, MNC"),
        ({"dyad": ("IRN", "ABC")}, "unknown country code 'ABC'"),
    ],
)
def test_query_filters_refuse_bad_values(given, message):
    with pytest.raises(QueryError, match=message):
        Filters(**given)


@pytest.mark.parametrize(
    ("filters", "allowed", "refused"),
    [
        (Filters(type="CONSULT"), query.EVENT_FILTERS, None),
        (Filters(speaker="x"), query.EVENT_FILTERS, "speaker"),
        (Filters(dyad="ISL-NZL", modality="future"), query.ACTOR_FILTERS, "dyad, modality"),
        (Filters(limit=1), query.ACTOR_FILTERS, None),
    ],
)
def test_query_filters_check(filters, allowed, refused):
    if refused is None:
        filters.check(allowed, "rows")
    else:
        with pytest.raises(QueryError, match=f"cannot be filtered by {refused};"):
            filters.check(allowed, "rows")


@pytest.mark.parametrize(
    ("since", "until", "value", "published", "kept"),
    [
        ("2025-04-10", None, "2025-04", "2025-05-20", True),  # the month overlaps
        ("2025-05-01", None, "2025-04", "2025-05-20", False),  # its own date decides
        (None, "2025-03-03", "2025-W10", None, True),  # week of 3-9 March
        (None, "2025-03-02", "2025-W10", None, False),
        ("2025-05", "2025-05", None, "2025-05-20", True),  # undated: the publication
        ("2025-05", None, None, None, False),  # no date at all: not in any range
        (None, None, None, None, True),  # no range: everything
    ],
)
def test_query_filters_dated_within(since, until, value, published, kept):
    assert Filters(since=since, until=until).dated_within(value, published) is kept


@pytest.mark.parametrize("record", [query.EventRecord, query.QuoteRecord, query.ActorRecord])
def test_query_record_offsets_point_at_their_text(record):
    """text[start:end] is the sentence (events, quotes) or the mention (actors)."""
    for document in corpus():
        rows = {
            query.EventRecord: [query.event_record(document, e) for e in document.events],
            query.QuoteRecord: [query.quote_record(document, q) for q in document.quotes],
            query.ActorRecord: [query.actor_record(document, a) for a in document.actors],
        }[record]
        for row in rows:
            if isinstance(row, query.ActorRecord):
                assert document.text[row.start : row.end] == row.text
            elif isinstance(row, query.QuoteRecord):
                assert document.text[row.content_start : row.content_end] == row.content
                assert document.text[row.sentence_start : row.sentence_end] == row.sentence
            else:
                assert document.text[row.sentence_start : row.sentence_end] == row.sentence
                assert row.trigger in row.sentence


def test_query_columns_follow_the_record_fields():
    columns = query.columns_of(query.EventRecord)
    assert [c.name for c in columns] == [f.name for f in dataclasses.fields(query.EventRecord)]
    kinds = {c.name: (c.kind, c.nullable) for c in columns}
    assert kinds["published"] == ("date", True)
    assert kinds["intensity"] == ("float", False)
    assert kinds["sentence_start"] == ("int", False)
    assert kinds["event_date"] == ("string", True)
    assert query.columns_of(query.QuoteRecord)[9] == query.Column("direct", "bool", False)


def _names(rows) -> list[tuple[str, str]]:
    return [(row.document, getattr(row, "event_type", "")) for row in rows]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (
            Filters(),
            [("summit", "CONSULT"), ("summit", "SUPPORT"), ("canal", "ACCUSE"),
             ("canal", "CONSULT"), ("undated", "REJECT")],
        ),
        (Filters(dyad="CHL-PER"), [("canal", "ACCUSE"), ("canal", "CONSULT")]),
        (Filters(dyad="CHL-PER", modality="asserted"), [("canal", "ACCUSE")]),
        (Filters(type="consult"), [("summit", "CONSULT"), ("canal", "CONSULT")]),
        (Filters(since="2025-04", until="2025-04"), [("canal", "ACCUSE")]),
        (Filters(until="2025-03-05"), [("summit", "CONSULT"), ("summit", "SUPPORT")]),
        (Filters(since="2025-05-20"), [("canal", "CONSULT")]),
        (Filters(type="CONSULT", limit=1), [("summit", "CONSULT")]),
        (Filters(dyad="ARM-PER"), []),
    ],
)  # fmt: skip
def test_query_iter_events_filters(filled_store: Store, filters, expected):
    assert _names(query.iter_events(filled_store, filters)) == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), ["summit", "canal", "undated"]),
        (Filters(since="2025-04"), ["canal"]),  # documents count by publication
        (Filters(dyad="TKM-ARM"), ["summit"]),
        (Filters(modality="hypothetical"), ["canal"]),
        (Filters(speaker="envoy"), ["summit"]),
        (Filters(about="autumn"), []),
        (Filters(limit=2), ["summit", "canal"]),
    ],
)
def test_query_iter_documents_filters(filled_store: Store, filters, expected):
    assert [d.name for d in query.iter_documents(filled_store, filters)] == expected


def test_query_iter_quotes_and_actors(filled_store: Store):
    quotes = list(query.iter_quotes(filled_store, Filters(speaker="ENVOY")))
    assert [(q.speaker_name, q.direct, q.content) for q in quotes] == [
        ("Armenian envoy", True, "We will meet again in spring,")
    ]
    assert quotes[0].sentence == '"We will meet again in spring," the Armenian envoy said.'
    assert list(query.iter_quotes(filled_store, Filters(until="2025-01"))) == []
    actors = list(query.iter_actors(filled_store, Filters(since="2025-05-01")))
    assert [a.name for a in actors] == ["Peruvian government", "Chilean government"]
    with pytest.raises(QueryError, match="quotes cannot be filtered by dyad"):
        query.iter_quotes(filled_store, Filters(dyad="TKM-ARM"))


def test_query_records_from_the_store_equal_those_of_the_documents(filled_store: Store):
    expected = [query.event_record(d, e) for d in corpus() for e in d.events]
    assert list(query.iter_events(filled_store)) == expected


def test_query_by_publication_puts_undated_last_and_keeps_order(filled_store: Store):
    rows = query.by_publication(reversed(list(query.iter_events(filled_store))))
    assert [(r.published, r.event_type) for r in rows] == [
        ("2025-03-03", "SUPPORT"),
        ("2025-03-03", "CONSULT"),
        ("2025-05-20", "CONSULT"),
        ("2025-05-20", "ACCUSE"),
        (None, "REJECT"),
    ]


def test_query_event_row_and_quote_row_feed_the_tables(filled_store: Store):
    event = next(query.iter_events(filled_store, Filters(type="ACCUSE")))
    row = query.event_row(event)
    assert (row.doc_name, row.type, row.date, row.location, row.evidence) == (
        "canal", "ACCUSE", "2025-04", None, event.sentence,
    )  # fmt: skip
    quote = query.quote_row(next(query.iter_quotes(filled_store)))
    assert (quote.speaker_name, quote.doc_name, quote.cue) == ("Armenian envoy", "summit", "said")
