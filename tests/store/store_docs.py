"""Small hand-written documents for the store tests (our own sentences, not articles)."""

from __future__ import annotations

from dyad.model import (
    ActorRef,
    Document,
    Event,
    EventDate,
    Location,
    Quote,
    RemovedLine,
    SentenceRef,
    Span,
    make_doc_id,
)

TREATY = (
    "Russia and Iran signed a strategic partnership treaty in Moscow on Friday. "
    "Russian Foreign Minister Sergei Lavrov said the treaty was not aimed at any third "
    "country. The United States criticized the agreement."
)
TALKS = (
    "Iranian officials hosted a Russian energy delegation in Tehran. "
    "The two sides may discuss gas swaps next month. "
    '"We will not accept pressure from anyone," the Iranian foreign ministry spokesman said.'
)
TRADE = (
    "China agreed to buy more soybeans from Brazil. "
    "A trade official said the deal would help farmers."
)

QUADS = {
    "SUPPORT": "verbal_cooperation",
    "CONSULT": "verbal_cooperation",
    "AGREE": "verbal_cooperation",
    "ACCUSE": "verbal_conflict",
}


def span(text: str, part: str) -> Span:
    """The span of the first occurrence of `part` in `text`."""
    start = text.index(part)
    return Span(part, start, start + len(part))


def sentence_of(text: str, start: int, index: int = 0) -> SentenceRef:
    """The sentence (split at '. ') holding offset `start`."""
    begin = text.rfind(". ", 0, start)
    begin = 0 if begin < 0 else begin + 2
    end = text.find(". ", start)
    end = len(text) if end < 0 else end + 1
    return SentenceRef(index, begin, end)


def event(
    text: str,
    trigger: str,
    type: str,
    source: tuple[str, str | None],
    target: tuple[str, str | None],
    modality: str = "asserted",
    *,
    location: str | None = None,
    date: str | None = None,
) -> Event:
    """An event whose trigger is the first `trigger` in `text`; actors are (country, name)."""
    trig = span(text, trigger)
    return Event(
        id=f"{type}-{trig.start}",
        type=type,
        quad=QUADS[type],
        intensity=2.5,
        modality=modality,
        confidence=0.8,
        trigger=trig,
        sentence=sentence_of(text, trig.start),
        source=ActorRef(text=source[1] or source[0], name=source[1], country=source[0]),
        target=ActorRef(text=target[1] or target[0], name=target[1], country=target[0]),
        location=Location(location, location) if location else None,
        date=EventDate(date, "day") if date else None,
    )


def quote(
    text: str, speaker: str, name: str | None, country: str | None, content: str, direct: bool
) -> Quote:
    """A quote with cue 'said'; the sentence is left for the store to find."""
    who = span(text, speaker)
    return Quote(
        speaker=ActorRef(speaker, name=name, country=country, start=who.start, end=who.end),
        cue="said",
        direct=direct,
        content=span(text, content),
    )


def make_document(
    text: str,
    name: str,
    *,
    outlet: str | None = None,
    published: str | None = None,
    source: str | None = None,
    doc_id: str | None = None,
    events: list[Event] | None = None,
    quotes: list[Quote] | None = None,
    removed: list[RemovedLine] | None = None,
    duplicate_of: str | None = None,
) -> Document:
    """A Document with sentences split at '. ' and the given items."""
    sentences, begin = [], 0
    while begin < len(text):
        ref = sentence_of(text, begin, len(sentences))
        sentences.append(ref)
        begin = ref.end + 1
    return Document(
        doc_id=doc_id or make_doc_id(text),
        name=name,
        text=text,
        source=source if source is not None else f"corpus/{name}.txt",
        outlet=outlet,
        published=published,
        language="en",
        events=events or [],
        quotes=quotes or [],
        removed=removed or [],
        sentences=sentences,
        duplicate_of=duplicate_of,
    )


def corpus() -> list[Document]:
    """Three documents: two about Russia and Iran, one about trade, in ingest order."""
    treaty = make_document(
        TREATY,
        "treaty",
        outlet="example-wire",
        published="2025-01-17",
        events=[
            event(TREATY, "signed", "SUPPORT", ("RUS", None), ("IRN", None), location="Moscow",
                  date="2025-01-17"),
            event(TREATY, "criticized", "ACCUSE", ("USA", None), ("RUS", None)),
        ],
        quotes=[
            quote(TREATY, "Sergei Lavrov", "Sergei Lavrov", "RUS",
                  "the treaty was not aimed at any third country", direct=False),
        ],
        removed=[RemovedLine("Share this story", "boilerplate", 0)],
    )  # fmt: skip
    talks = make_document(
        TALKS,
        "talks",
        outlet="another-daily",
        published="2025-03-04",
        events=[
            event(TALKS, "hosted", "CONSULT", ("IRN", None), ("RUS", None)),
            event(TALKS, "discuss", "CONSULT", ("RUS", None), ("IRN", None), "hypothetical"),
        ],
        quotes=[
            quote(TALKS, "the Iranian foreign ministry spokesman", "Esmaeil Baghaei", "IRN",
                  "We will not accept pressure from anyone,", direct=True),
        ],
    )  # fmt: skip
    trade = make_document(
        TRADE,
        "trade",
        events=[event(TRADE, "agreed", "AGREE", ("CHN", None), ("BRA", None))],
        quotes=[quote(TRADE, "A trade official", None, None, "the deal would help farmers", False)],
    )
    return [treaty, talks, trade]
