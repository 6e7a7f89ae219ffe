"""Property: any Document written to the store reads back equal, with its offsets intact."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.model import (
    ActorMention,
    ActorRef,
    Document,
    Event,
    EventDate,
    Flag,
    Location,
    PlaceMention,
    Quote,
    RemovedLine,
    SentenceRef,
    Span,
    TimeMention,
)
from dyad.store import Store

# Any Unicode but NUL (the store refuses it, see test_store) and lone surrogates.
CHARS = st.characters(exclude_characters="\x00", exclude_categories=("Cs",))
WORDS = st.text(CHARS, max_size=12)
MAYBE = st.none() | WORDS
NUMBER = st.floats(allow_nan=False, allow_infinity=False, width=32)
INDEX = st.integers(min_value=0, max_value=100_000)
Draw = Callable[[st.SearchStrategy[Any]], Any]


def draw_span(draw: Draw, text: str) -> Span:
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return Span(text[start:end], start, end)


def draw_ref(draw: Draw, text: str) -> ActorRef:
    s = draw_span(draw, text)
    return ActorRef(s.text, draw(MAYBE), draw(MAYBE), draw(MAYBE), draw(MAYBE), s.start, s.end)


@st.composite
def documents(draw: Draw) -> Document:
    text = draw(st.text(CHARS, min_size=1, max_size=80))

    def sentence() -> SentenceRef:
        s = draw_span(draw, text)
        return SentenceRef(draw(INDEX), s.start, s.end)

    def actor() -> ActorMention:
        s = draw_span(draw, text)
        return ActorMention(s.text, s.start, s.end, draw(WORDS), draw(WORDS), draw(MAYBE))

    def time() -> TimeMention:
        s = draw_span(draw, text)
        return TimeMention(s.text, s.start, s.end, draw(MAYBE), draw(MAYBE))

    def place() -> PlaceMention:
        s = draw_span(draw, text)
        return PlaceMention(s.text, s.start, s.end, draw(WORDS), draw(MAYBE))

    def event() -> Event:
        return Event(
            id=draw(WORDS),
            type=draw(st.sampled_from(["CONSULT", "ACCUSE", "AID"])),
            quad=draw(WORDS),
            intensity=draw(NUMBER),
            modality=draw(st.sampled_from(["asserted", "negated", "future"])),
            confidence=draw(NUMBER),
            trigger=draw_span(draw, text),
            sentence=sentence(),
            source=draw_ref(draw, text) if draw(st.booleans()) else None,
            target=draw_ref(draw, text) if draw(st.booleans()) else None,
            mode=draw(MAYBE),
            location=Location(draw(WORDS), draw(WORDS), draw(MAYBE))
            if draw(st.booleans())
            else None,
            date=EventDate(draw(MAYBE), draw(MAYBE), draw(MAYBE)) if draw(st.booleans()) else None,
            rule=draw(MAYBE),
        )

    def quote() -> Quote:
        return Quote(
            speaker=draw_ref(draw, text),
            cue=draw(WORDS),
            direct=draw(st.booleans()),
            content=draw_span(draw, text),
            sentence=sentence() if draw(st.booleans()) else None,
        )

    def some(make: Callable[[], Any]) -> list[Any]:
        return [make() for _ in range(draw(st.integers(0, 3)))]

    return Document(
        doc_id=uuid.uuid4().hex[:16],  # fresh each example: replays must not collide
        name=draw(WORDS),
        text=text,
        source=draw(WORDS),
        url=draw(MAYBE),
        outlet=draw(MAYBE),
        title=draw(MAYBE),
        published=draw(MAYBE),
        author=draw(MAYBE),
        language=draw(MAYBE),
        removed=some(lambda: RemovedLine(draw(WORDS), draw(WORDS), draw(st.none() | INDEX))),
        duplicate_of=draw(MAYBE),
        repairs=draw(st.lists(WORDS, max_size=2)),
        sentences=some(sentence),
        actors=some(actor),
        times=some(time),
        places=some(place),
        events=some(event),
        quotes=some(quote),
        flags=some(lambda: Flag(draw(WORDS), draw(WORDS), draw(st.none() | INDEX), None)),
    )


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(batch=st.lists(documents(), min_size=1, max_size=3))
def test_roundtrip_write_then_read_is_equal(store: Store, batch: list[Document]) -> None:
    assert store.write_batch(batch) == [d.doc_id for d in batch]
    for original in batch:
        loaded = store.get_document(original.doc_id)
        assert loaded == original
        for kind, item in loaded.spans():
            assert loaded.text[item.start : item.end] == item.text, kind
    assert list(store.iter_documents())[-len(batch) :] == batch  # ingest order
