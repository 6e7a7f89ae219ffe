"""Document-level passes: shared dates and the addressees of a call for calm."""

from dyad.events.discourse import address_conflict_calls, event_key, propagate_dates
from dyad.model import ActorRef, Event, EventDate, SentenceRef, Span


def _event(
    type_: str,
    src: str,
    tgt: str | None,
    sentence: int,
    date: EventDate | None = None,
    modality: str = "asserted",
) -> Event:
    start = sentence * 100
    return Event(
        id=f"{type_}{sentence}{src}{tgt}",
        type=type_,
        quad="verbal_cooperation",
        intensity=0.0,
        modality=modality,
        confidence=0.5,
        trigger=Span(text="x", start=start + 10, end=start + 11),
        sentence=SentenceRef(index=sentence, start=start, end=start + 90),
        source=ActorRef(text=src, country=src),
        target=ActorRef(text=tgt, country=tgt) if tgt else None,
        date=date,
        rule="test",
    )


def test_event_key_orders_a_symmetric_pair() -> None:
    a, b = _event("CONSULT", "RUS", "IRN", 0), _event("CONSULT", "IRN", "RUS", 1)
    assert event_key(a, True) == event_key(b, True)
    assert event_key(a, False) != event_key(b, False)


def test_a_later_undated_mention_shares_the_date() -> None:
    monday = EventDate("2025-06-23", "day", "on Monday")
    events = [
        _event("CONSULT", "RUS", "IRN", 0, monday),
        _event("CONSULT", "IRN", "RUS", 1),
        _event("CONSULT", "IRN", "RUS", 2, modality="future"),
    ]
    dated = propagate_dates(events, [True, False, False], ("CONSULT",))
    assert [e.date.value if e.date else None for e in dated] == ["2025-06-23"] * 2 + [None]
    # a sentence with a time of its own keeps what it has; other types are left alone
    assert propagate_dates(events, [True, True, False], ("CONSULT",))[1].date is None
    assert propagate_dates(events, [True, False, False], ("ASSAULT",))[1].date is None


def test_a_call_for_calm_goes_to_both_sides() -> None:
    events = [_event("ASSAULT", "ISR", "IRN", 0), _event("REQUEST", "JPN", None, 1)]
    out = address_conflict_calls(events, {1}, 4, {"ISR": "Israeli government"})
    calls = [(e.target.country, e.target.name) for e in out if e.type == "REQUEST" and e.target]
    assert calls == [("ISR", "Israeli government"), ("IRN", None)]
    assert len({e.id for e in out}) == len(out)


def test_a_call_with_no_conflict_in_the_document_is_left_alone() -> None:
    events = [_event("CONSULT", "ISR", "IRN", 0), _event("REQUEST", "JPN", None, 1)]
    assert address_conflict_calls(events, {1}, 4, {}) == events
