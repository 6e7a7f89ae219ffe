"""One transfer told in opposite directions by different documents (link/conflicts.py
`direction_conflicts`): greetings Y sent to X in one report, greetings X conveyed to Y in
another, neither report telling both, on one occasion."""

from __future__ import annotations

from dyad.link.conflicts import direction_conflicts
from dyad.link.facts import Fact, Mention
from dyad.model import ActorRef, Document, Event, EventDate, SentenceRef, Span

STATES = {c: ActorRef(text=c, name=c, country=c, entity_id=f"state:{c}") for c in ("IND", "FRA")}
WISHES = "support.send_wishes/subject>to"
PRAISE = "support.praise.v/subject>obj"


def _fact(source: str, target: str, *mentions: tuple[str, str, str | None]) -> Fact:
    fact = Fact(key=f"SUPPORT|{source}|{target}")
    for i, (doc_id, rule, day) in enumerate(mentions):
        event = Event(
            id=f"{doc_id}-{source}-{i}", type="SUPPORT", quad="verbal_cooperation",
            intensity=5.0, modality="asserted", confidence=0.9, trigger=Span("sent", 0, 4),
            sentence=SentenceRef(0, 0, 10), source=STATES[source], target=STATES[target],
            date=EventDate(day, "day", None) if day else None, rule=rule,
        )  # fmt: skip
        fact.mentions.append(Mention(event, doc_id, doc_id))
    return fact


def _documents(*doc_ids: str) -> dict[str, Document]:
    return {d: Document(doc_id=d, name=d, text="x" * 10, source="test") for d in doc_ids}


def test_greetings_in_opposite_directions_are_an_attribution_discrepancy() -> None:
    facts = [
        _fact("IND", "FRA", ("delhi-desk", WISHES, "2025-03-02")),
        _fact("FRA", "IND", ("paris-wire", WISHES, None), ("third", WISHES, "2025-03-02")),
    ]
    (conflict,) = direction_conflicts(facts, _documents("delhi-desk", "paris-wire", "third"))
    assert conflict.field == "attribution"
    assert conflict.severity == "discrepancy"
    assert conflict.values == {
        "delhi-desk": "IND to FRA",
        "paris-wire": "FRA to IND",
        "third": "FRA to IND",
    }


def test_no_discrepancy_when_a_document_tells_both_or_the_days_differ() -> None:
    both = [
        _fact("IND", "FRA", ("delhi-desk", WISHES, None), ("paris-wire", WISHES, None)),
        _fact("FRA", "IND", ("paris-wire", WISHES, None)),
    ]
    assert direction_conflicts(both, _documents("delhi-desk", "paris-wire")) == []
    apart = [
        _fact("IND", "FRA", ("delhi-desk", WISHES, "2025-03-02")),
        _fact("FRA", "IND", ("paris-wire", WISHES, "2025-05-09")),
    ]
    assert direction_conflicts(apart, _documents("delhi-desk", "paris-wire")) == []


def test_mutual_praise_is_ordinary_news() -> None:
    facts = [
        _fact("IND", "FRA", ("delhi-desk", PRAISE, None)),
        _fact("FRA", "IND", ("paris-wire", PRAISE, None)),
    ]
    assert direction_conflicts(facts, _documents("delhi-desk", "paris-wire")) == []
