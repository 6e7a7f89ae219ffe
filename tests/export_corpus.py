"""A small hand-made store for the export, query and API tests (our own sentences).

Its sentences carry what breaks naive CSV (commas, double quotes, a line break inside a
sentence), its events have day, month, week and missing dates, and one document has no
publication date. `filled_store` is a module-scoped store of these documents on SQLite and,
when the server answers, on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dyad.model import (
    ActorMention,
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
from dyad.store import Store
from dyad.store.testing import (
    postgres_unavailable,
    reset_postgres_database,
    scratch_postgres_database,
)

SUMMIT = (
    'Turkmenistan and Armenia held talks in Ashgabat, the foreign ministry said, calling them "frank,\n'
    'useful and long". '
    "Armenian officials thanked Ashgabat for its hospitality. "
    '"We will meet again in spring," the Armenian envoy said.'
)
CANAL = (
    "Peru accused Chile of blocking a joint canal survey last month. "
    "The two governments may hold new talks, officials said."
)
UNDATED = "Chile rejected the survey terms, a spokesperson said."

FIELDS = {  # type -> (quad, intensity)
    "CONSULT": ("verbal_cooperation", 2.5),
    "SUPPORT": ("verbal_cooperation", 5.0),
    "ACCUSE": ("verbal_conflict", -3.0),
    "REJECT": ("verbal_conflict", -2.0),
}


def span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(part, start, start + len(part))


def sentence_ref(text: str, part: str, index: int) -> SentenceRef:
    whole = span(text, part)
    return SentenceRef(index, whole.start, whole.end)


def actor(text: str, part: str, name: str, country: str, kind: str = "state") -> ActorMention:
    where = span(text, part)
    return ActorMention(part, where.start, where.end, name, kind, country, "GOV")


def event(
    text: str,
    sentence: str,
    index: int,
    trigger: str,
    type: str,
    source: ActorMention,
    target: ActorMention | None,
    *,
    modality: str = "asserted",
    date: tuple[str, str] | None = None,
    place: tuple[str, str] | None = None,
    mode: str | None = None,
) -> Event:
    quad, intensity = FIELDS[type]
    trig = span(text, trigger)
    return Event(
        id=f"{type.lower()}-{trig.start}",
        type=type,
        quad=quad,
        intensity=intensity,
        modality=modality,
        confidence=0.75,
        trigger=trig,
        sentence=sentence_ref(text, sentence, index),
        source=source.ref(),
        target=target.ref() if target else None,
        mode=mode,
        location=Location(place[0], place[0], place[1]) if place else None,
        date=EventDate(date[0], date[1], "last month") if date else None,
    )


def document(
    text: str, name: str, published: str | None, sentences: list[str], **items: object
) -> Document:
    return Document(
        doc_id=make_doc_id(text),
        name=name,
        text=text,
        source=f"corpus/{name}.txt",
        url=f"https://example.test/{name}" if published else None,
        outlet='Example, "Wire"' if name == "summit" else "Example Post",
        title=name.title(),
        published=published,
        language="en",
        sentences=[sentence_ref(text, s, i) for i, s in enumerate(sentences)],
        **items,  # type: ignore[arg-type]
    )


def corpus() -> list[Document]:
    """Three documents, in ingest order: summit (2025-03-03), canal (2025-05-20), undated."""
    s1, s2, s3 = (
        'Turkmenistan and Armenia held talks in Ashgabat, the foreign ministry said, calling them "frank,\nuseful and long".',
        "Armenian officials thanked Ashgabat for its hospitality.",
        '"We will meet again in spring," the Armenian envoy said.',
    )
    tkm, arm = (
        actor(SUMMIT, "Turkmenistan", "Turkmen government", "TKM"),
        actor(SUMMIT, "Armenia", "Armenian government", "ARM"),
    )
    officials = actor(SUMMIT, "Armenian officials", "Armenian government", "ARM")
    host = actor(SUMMIT, "Ashgabat for", "Turkmen government", "TKM")
    envoy = actor(SUMMIT, "the Armenian envoy", "Armenian envoy", "ARM", "person")
    summit = document(
        SUMMIT,
        "summit",
        "2025-03-03",
        [s1, s2, s3],
        actors=[tkm, arm, officials, host, envoy],
        events=[
            event(SUMMIT, s1, 0, "held talks", "CONSULT", tkm, arm, date=("2025-03-03", "day"),
                  place=("Ashgabat", "TKM"), mode="visit"),
            event(SUMMIT, s2, 1, "thanked", "SUPPORT", officials, host, date=("2025-W10", "week")),
        ],
        quotes=[
            Quote(
                speaker=ActorRef("the Armenian envoy", "Armenian envoy", "ARM", "GOV"),
                cue="said",
                direct=True,
                content=span(SUMMIT, "We will meet again in spring,"),
            )
        ],
        removed=[RemovedLine("Share this story", "boilerplate", 0)],
    )  # fmt: skip
    c1, c2 = (
        "Peru accused Chile of blocking a joint canal survey last month.",
        "The two governments may hold new talks, officials said.",
    )
    peru, chile = (
        actor(CANAL, "Peru", "Peruvian government", "PER"),
        actor(CANAL, "Chile", "Chilean government", "CHL"),
    )
    canal = document(
        CANAL,
        "canal",
        "2025-05-20",
        [c1, c2],
        actors=[peru, chile],
        events=[
            event(CANAL, c1, 0, "accused", "ACCUSE", peru, chile, date=("2025-04", "month")),
            event(CANAL, c2, 1, "hold new talks", "CONSULT", peru, chile, modality="hypothetical"),
        ],
    )
    rejecter = actor(UNDATED, "Chile", "Chilean government", "CHL")
    undated = document(
        UNDATED,
        "undated",
        None,
        [UNDATED],
        actors=[rejecter],
        events=[event(UNDATED, UNDATED, 0, "rejected", "REJECT", rejecter, None)],
    )
    return [summit, canal, undated]


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A scratch PostgreSQL database for the session, or a skip with the reason."""
    reason = postgres_unavailable()
    if reason is not None:
        pytest.skip(reason)
    with scratch_postgres_database(prefix="dyad_export") as url:
        yield url


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def filled_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """The corpus in a store, on each backend; read-only for the tests that use it."""
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("export") / "dyad.db")
    else:
        url = request.getfixturevalue("postgres_url")
        reset_postgres_database(url)
    with Store(url) as store:
        store.write_batch(corpus())
        yield store


def sqlite_store(folder: Path) -> Store:
    """The corpus in a new SQLite store in `folder` (for tests that need a file path)."""
    store = Store(str(folder / "dyad.db"))
    store.write_batch(corpus())
    return store
