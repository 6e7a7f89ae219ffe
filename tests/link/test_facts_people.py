"""Mentions of one (type, pair) by other named people are other acts: an undated meeting
of two presidents in a report on their ministers' talks is not those talks, in the merged
facts (link/facts.py) nor when a document's dates spread to later mentions
(events/discourse.py)."""

from __future__ import annotations

from dataclasses import replace

from dyad.events.discourse import propagate_dates, same_people
from dyad.link.facts import merge_facts
from dyad.model import ActorRef, Document, Event, EventDate, SentenceRef, Span

PEOPLE = {
    "Lavrov": ("person:sergey-lavrov", "RUS"),
    "Araghchi": ("person:abbas-araghchi", "IRN"),
    "Putin": ("person:vladimir-putin", "RUS"),
    "Pezeshkian": ("person:masoud-pezeshkian", "IRN"),
    "Russia": ("state:RUS", "RUS"),
    "Iran": ("state:IRN", "IRN"),
}


def _ref(name: str) -> ActorRef:
    entity, country = PEOPLE[name]
    return ActorRef(text=name, name=name, country=country, entity_id=entity)


def _meeting(event_id: str, source: str, target: str, day: str | None) -> Event:
    return Event(
        id=event_id, type="CONSULT", quad="verbal_cooperation", intensity=2.5,
        modality="asserted", confidence=0.9, trigger=Span("met", 0, 3),
        sentence=SentenceRef(0, 0, 10), source=_ref(source), target=_ref(target),
        date=EventDate(day, "day", "on Wednesday") if day else None,
    )  # fmt: skip


def _document(doc_id: str, events: list[Event]) -> Document:
    return Document(doc_id=doc_id, name=doc_id, text="x" * 10, source="test", events=events)


def test_same_people_compares_the_named_persons_on_each_side() -> None:
    talks = _meeting("a", "Lavrov", "Araghchi", None)
    assert same_people(talks, _meeting("b", "Araghchi", "Lavrov", None))  # either order
    assert same_people(talks, _meeting("c", "Russia", "Araghchi", None))  # a state: no person
    assert not same_people(talks, _meeting("d", "Putin", "Pezeshkian", None))


def test_an_undated_meeting_of_other_people_is_a_fact_of_its_own() -> None:
    ministers = _document("m", [_meeting("m1", "Lavrov", "Araghchi", "2025-12-17")])
    report = _document(
        "r",
        [
            _meeting("r1", "Araghchi", "Lavrov", None),
            _meeting("r2", "Putin", "Pezeshkian", None),
            _meeting("r3", "Iran", "Russia", None),
        ],
    )
    facts = merge_facts([ministers, report], {"m": "2025-12-17", "r": "2025-12-17"})
    groups = {frozenset(m.event.id for m in f.mentions) for f in facts}
    assert groups == {frozenset({"m1", "r1", "r3"}), frozenset({"r2"})}


def test_an_undated_meeting_of_other_people_joins_their_dated_meeting() -> None:
    earlier = _document("e", [_meeting("e1", "Putin", "Pezeshkian", "2025-12-12")])
    ministers = _document("m", [_meeting("m1", "Lavrov", "Araghchi", "2025-12-17")])
    report = _document("r", [_meeting("r1", "Pezeshkian", "Putin", None)])
    anchors = {"e": "2025-12-12", "m": "2025-12-17", "r": "2025-12-17"}
    facts = merge_facts([earlier, ministers, report], anchors)
    groups = {frozenset(m.event.id for m in f.mentions) for f in facts}
    assert groups == {frozenset({"e1", "r1"}), frozenset({"m1"})}


def test_a_date_does_not_spread_to_a_mention_of_other_people() -> None:
    events = [
        _meeting("a", "Putin", "Pezeshkian", "2025-12-12"),
        _meeting("b", "Lavrov", "Araghchi", None),
        _meeting("c", "Pezeshkian", "Putin", None),
    ]
    dated = propagate_dates(events, [True, False, False], {"CONSULT"})
    assert dated[1].date is None
    assert dated[2].date is not None and dated[2].date.value == "2025-12-12"


def _in_sentence(event: Event, index: int) -> Event:
    return replace(event, sentence=SentenceRef(index, index * 100, index * 100 + 90))


def test_a_later_date_reaches_back_only_to_a_mention_naming_no_one_else() -> None:
    events = [
        _in_sentence(_meeting("a", "Russia", "Iran", None), 0),  # "ahead of the meeting"
        _in_sentence(_meeting("b", "Lavrov", "Iran", None), 1),  # "Lavrov's talks with Iran"
        _in_sentence(_meeting("c", "Putin", "Pezeshkian", "2025-12-12"), 2),
        _in_sentence(_meeting("d", "Lavrov", "Araghchi", "2025-12-17"), 3),
        _in_sentence(_meeting("e", "Russia", "Iran", None), 4),  # after both: the first
    ]
    dated = propagate_dates(events, [False, False, True, True, False], {"CONSULT"})
    days = [e.date.value if e.date else None for e in dated]
    # the headline names no one: a later meeting of named people is not surely its meeting;
    # Lavrov's mention takes the day of his own meeting; a mention after both, the first
    assert days == [None, "2025-12-17", "2025-12-12", "2025-12-17", "2025-12-12"]


def test_a_meeting_of_other_people_does_not_join_through_a_mention_naming_no_one() -> None:
    # the ministers' talks, once told as "Russia and Iran held talks"; then the presidents
    ministers = _document(
        "m",
        [
            _meeting("m1", "Lavrov", "Araghchi", "2025-12-17"),
            _meeting("m2", "Russia", "Iran", "2025-12-17"),
        ],
    )
    report = _document(
        "r",
        [_meeting("r1", "Putin", "Pezeshkian", None), _meeting("r2", "Araghchi", "Russia", None)],
    )
    facts = merge_facts([ministers, report], {"m": "2025-12-17", "r": "2025-12-17"})
    groups = {frozenset(m.event.id for m in f.mentions) for f in facts}
    assert groups == {frozenset({"m1", "m2", "r2"}), frozenset({"r1"})}
