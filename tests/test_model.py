"""The shared dataclasses round-trip through plain dicts without loss."""

from hypothesis import given
from hypothesis import strategies as st

from dyad.model import (
    ActorMention,
    ActorRef,
    Document,
    Event,
    EventDate,
    Quote,
    SentenceRef,
    Span,
    make_doc_id,
)


def _document(text: str) -> Document:
    start, end = 0, min(len(text), 5)
    span = Span(text=text[start:end], start=start, end=end)
    ref = ActorRef(text=span.text, name="X", country="RUS", sector="GOV", start=0, end=end)
    return Document(
        doc_id=make_doc_id(text),
        name="n",
        text=text,
        actors=[ActorMention(text=span.text, start=0, end=end, name="X", kind="state")],
        events=[
            Event(
                id="e1",
                type="CONSULT",
                quad="verbal_cooperation",
                intensity=2.5,
                modality="asserted",
                confidence=0.5,
                trigger=span,
                sentence=SentenceRef(index=0, start=0, end=len(text)),
                source=ref,
                date=EventDate(value="2025-06", precision="month"),
            )
        ],
        quotes=[Quote(speaker=ref, cue="said", direct=True, content=span)],
    )


@given(st.text(min_size=1, max_size=200))
def test_model_document_round_trip(text):
    document = _document(text)
    assert Document.from_dict(document.to_dict()) == document
    for _, item in document.spans():
        assert document.text[item.start : item.end] == item.text


def test_model_doc_id_ignores_case_and_spacing():
    assert make_doc_id("Iran  and\nRussia") == make_doc_id("iran and russia")
    assert make_doc_id("Iran and Russia") != make_doc_id("Iran and Armenia")
