"""A document may affirm one act of a fact and deny another: the visit took place, the
letter said to have been handed over during it was not. The denial contradicts the
documents that affirm that act (link/facts.py `Fact.denials`), and contests the fact."""

from __future__ import annotations

from dyad.link.conflicts import fact_conflicts
from dyad.link.facts import Fact, Mention, act_of
from dyad.link.origins import Origin
from dyad.link.update import fact_status
from dyad.model import ActorRef, Document, Event, SentenceRef, Span

IRAN = ActorRef(text="Iran", name="Iran", country="IRN", entity_id="state:IRN")
RUSSIA = ActorRef(text="Russia", name="Russia", country="RUS", entity_id="state:RUS")


def _event(event_id: str, rule: str, trigger: str, modality: str) -> Event:
    return Event(
        id=event_id, type="CONSULT", quad="verbal_cooperation", intensity=2.5,
        modality=modality, confidence=0.9, trigger=Span(trigger, 0, len(trigger)),
        sentence=SentenceRef(0, 0, 10), source=IRAN, target=RUSSIA, rule=rule,
    )  # fmt: skip


VISIT = ("consult.visit.v/subject>obj", "visited")
LETTER = ("consult.send_message/subject>to", "handed a letter")


def _fact(*mentions: tuple[str, tuple[str, str], str]) -> Fact:
    fact = Fact(key="CONSULT|IRN|RUS")
    for i, (doc_id, (rule, trigger), modality) in enumerate(mentions):
        fact.mentions.append(
            Mention(_event(f"{doc_id}-{i}", rule, trigger, modality), doc_id, doc_id)
        )
    return fact


def _documents(*doc_ids: str) -> dict[str, Document]:
    return {d: Document(doc_id=d, name=d, text="x" * 10, source="test") for d in doc_ids}


def _origins(*doc_ids: str) -> dict[str, Origin]:
    return {d: Origin(origin_id=d, doc_ids=(d,), joins=()) for d in doc_ids}


def test_act_of_drops_the_part_of_speech_and_the_slots() -> None:
    assert act_of(_event("a", "consult.meet.v/subject>obj", "met", "asserted")) == "consult.meet"
    assert act_of(_event("b", "consult.send_message/passive", "sent", "negated")) == (
        "consult.send_message"
    )


def test_a_denied_act_contradicts_the_documents_affirming_it() -> None:
    fact = _fact(
        ("wire", VISIT, "asserted"),
        ("wire", LETTER, "asserted"),
        ("kremlin", VISIT, "asserted"),
        ("kremlin", LETTER, "negated"),
        ("other", VISIT, "asserted"),
    )
    assert fact.denials() == [("kremlin", ["wire"])]
    (conflict,) = [c for c in fact_conflicts(fact, _documents("wire", "kremlin", "other"))]
    assert conflict.field == "modality"
    assert conflict.values == {"kremlin": "negated", "wire": "asserted"}
    assert fact_status(fact, _origins("wire", "kremlin", "other"))[0] == "contested"


def test_a_document_denying_what_it_affirms_contradicts_nobody() -> None:
    fact = _fact(
        ("wire", LETTER, "asserted"),
        ("kremlin", LETTER, "asserted"),
        ("kremlin", LETTER, "negated"),
    )
    assert fact.denials() == []
    assert fact_conflicts(fact, _documents("wire", "kremlin")) == []
    assert fact_status(fact, _origins("wire", "kremlin"))[0] == "corroborated"


def test_a_denied_act_nobody_else_affirms_is_no_conflict() -> None:
    fact = _fact(
        ("wire", VISIT, "asserted"),
        ("kremlin", VISIT, "asserted"),
        ("kremlin", LETTER, "negated"),
    )
    assert fact.denials() == []
    assert fact_status(fact, _origins("wire", "kremlin"))[0] == "corroborated"


def test_a_whole_denial_contradicts_every_affirming_document() -> None:
    fact = _fact(("wire", VISIT, "asserted"), ("kremlin", LETTER, "negated"))
    assert fact.denials() == [("kremlin", ["wire"])]


def test_a_denial_sharing_the_affirmer_origin_does_not_contest() -> None:
    fact = _fact(("wire", LETTER, "asserted"), ("reprint", LETTER, "negated"))
    shared = Origin(origin_id="wire", doc_ids=("wire", "reprint"), joins=())
    assert fact_status(fact, {"wire": shared, "reprint": shared})[0] == "single-source"
