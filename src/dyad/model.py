"""Plain dataclasses shared by every stage.

One place for the shapes that flow through dyad: readers yield `RawDocument`, cleaning
turns it into a `Document` with text and offsets, the annotators fill its `actors`,
`times`, `places`, `events` and `quotes`, and the store and exports read it back.
No stage invents its own container; everything here converts to and from plain dicts
(`to_dict` / `from_dict`) in the shape of SPEC.md section 3.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field, fields
from typing import Any, Literal, TypeVar

Modality = Literal["asserted", "negated", "future", "hypothetical", "generic"]
Precision = Literal["day", "month", "year", "week"]
ActorKind = Literal["person", "state", "organization"]

T = TypeVar("T")


def _from_dict(cls: type[T], data: dict[str, Any] | None) -> T | None:
    """Build a flat dataclass from a dict, ignoring keys it does not know."""
    if data is None:
        return None
    names = _FIELD_SETS.get(cls)
    if names is None:  # fields() rebuilds a tuple per call: read once per class
        names = _FIELD_SETS[cls] = frozenset(f.name for f in fields(cls))  # type: ignore[arg-type]
    if names.issuperset(data):
        return cls(**data)  # the usual case: no unknown keys to leave out
    return cls(**{k: v for k, v in data.items() if k in names})


#: Field names per dataclass, read once: `dataclasses.fields()` rebuilds a tuple per call.
_FIELD_NAMES: dict[type[Any], tuple[str, ...]] = {}
_FIELD_SETS: dict[type[Any], frozenset[str]] = {}
#: Exact types `_plain` returns as they are (subclasses take the general path).
_LEAVES = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    """A dataclass tree as plain dicts and lists.

    `dataclasses.asdict` deep-copies every leaf, which made serialising a document's
    extractions a tenth of the pipeline's time; our leaves are immutable, so they are shared.
    """
    cls = type(value)
    if cls in _LEAVES:
        return value  # most calls: checked first, before the isinstance tests below
    leaves = _LEAVES
    if isinstance(value, list | tuple):
        return [v if type(v) in leaves else _plain(v) for v in value]
    if isinstance(value, dict):
        return {k: v if type(v) in leaves else _plain(v) for k, v in value.items()}
    if hasattr(cls, "__dataclass_fields__"):
        names = _FIELD_NAMES.get(cls)
        if names is None:
            names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(value))
        out: dict[str, Any] = {}
        for name in names:  # leaves inline: one call less per field
            v = getattr(value, name)
            out[name] = v if type(v) in leaves else _plain(v)
        return out
    return value


def normalize_for_id(text: str) -> str:
    """The form of a text that decides whether two documents are the same document."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(text.split())


def make_doc_id(text: str) -> str:
    """Stable id of a document: a hash of its normalized cleaned text."""
    return hashlib.sha256(normalize_for_id(text).encode("utf-8")).hexdigest()[:16]


@dataclass
class RawDocument:
    """What a reader found: bytes or decoded text, and the metadata the container gave.

    Exactly one of `data` (undecoded bytes of a plain-text or HTML file), `text` (already
    decoded plain text, e.g. a JSONL `text` field) or `html` (decoded HTML) is set.
    """

    name: str
    source: str  # file path, URL or "<stdin>" it came from, for error messages
    format: Literal["text", "html"] = "text"
    data: bytes | None = None
    text: str | None = None
    html: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD when the container gave one
    author: str | None = None


@dataclass
class IngestError:
    """A document that could not be ingested, and why, in words a user can act on."""

    name: str
    source: str
    stage: str  # "read", "skip" (not a news input), "decode", "clean", "annotate", "store"
    cause: str


@dataclass
class RemovedLine:
    """A line cut from the text during cleaning, with the reason it was cut."""

    line: str
    reason: str
    index: int | None = None  # 0-based line number in the decoded input


@dataclass
class Span:
    """A piece of the cleaned text: `text[start:end] == span.text` always holds."""

    text: str
    start: int
    end: int


@dataclass
class SentenceRef:
    index: int
    start: int
    end: int


@dataclass
class ActorRef:
    """An actor as an event or quote names it: the mention text and its resolution."""

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    entity_id: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class ActorMention:
    """A resolved mention of a person, organisation, state or government in the text."""

    text: str
    start: int
    end: int
    name: str
    kind: str  # ActorKind
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    entity_id: str | None = None
    how: str = "kb"  # kb, title, role, coref, metonym, demonym, model: why it resolved

    def ref(self) -> ActorRef:
        return ActorRef(
            text=self.text,
            name=self.name,
            country=self.country,
            sector=self.sector,
            entity_id=self.entity_id,
            start=self.start,
            end=self.end,
        )


@dataclass
class TimeMention:
    """A temporal expression and its TIMEX3-style value (None when it cannot be anchored)."""

    text: str
    start: int
    end: int
    value: str | None
    precision: str | None  # Precision


@dataclass
class PlaceMention:
    text: str
    start: int
    end: int
    name: str
    country: str | None = None


@dataclass
class EventDate:
    value: str | None
    precision: str | None
    text: str | None = None


@dataclass
class Location:
    text: str
    name: str
    country: str | None = None


@dataclass
class Quantity:
    """A number the text attaches to an event: "his third visit" (3, ordinal), "a 20-year
    treaty" (20, year), "met five times" (5, time), "killed two guards" (2, guard)."""

    text: str
    start: int
    end: int
    value: float
    unit: str


@dataclass
class Event:
    """One coded event: one (source, target) pair, as GDELT and ICEWS rows are."""

    id: str
    type: str
    quad: str
    intensity: float
    modality: str
    confidence: float
    trigger: Span
    sentence: SentenceRef
    source: ActorRef | None = None
    target: ActorRef | None = None
    mode: str | None = None
    location: Location | None = None
    date: EventDate | None = None
    rule: str | None = None  # the lexicon entry or rule that fired, for `dyad show --events`
    numbers: list[Quantity] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return cls(
            id=data["id"],
            type=data["type"],
            quad=data["quad"],
            intensity=data["intensity"],
            modality=data["modality"],
            confidence=data["confidence"],
            trigger=Span(**data["trigger"]),
            sentence=SentenceRef(**data["sentence"]),
            source=_from_dict(ActorRef, data.get("source")),
            target=_from_dict(ActorRef, data.get("target")),
            mode=data.get("mode"),
            location=_from_dict(Location, data.get("location")),
            date=_from_dict(EventDate, data.get("date")),
            rule=data.get("rule"),
            numbers=[Quantity(**q) for q in data.get("numbers", [])],
        )


@dataclass
class Quote:
    """Content attributed to a speaker, direct (quoted) or indirect (reported)."""

    speaker: ActorRef
    cue: str
    direct: bool
    content: Span
    sentence: SentenceRef | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        return cls(
            speaker=ActorRef(**data["speaker"]),
            cue=data["cue"],
            direct=data["direct"],
            content=Span(**data["content"]),
            sentence=_from_dict(SentenceRef, data.get("sentence")),
        )


@dataclass
class Flag:
    """Something about a document a reader should know (an anachronism, a doubtful date)."""

    kind: str
    message: str
    start: int | None = None
    end: int | None = None


#: Languages extraction is written for (trigger lexicon, actor names, the parser's model);
#: a document in another is stored with a warning (`dyad.clean.language.language_flags`).
EXTRACTION_LANGUAGES = frozenset({"en"})


@dataclass
class Document:
    """A cleaned document and everything extracted from it; offsets refer to `text`."""

    doc_id: str
    name: str
    text: str
    source: str = ""
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    author: str | None = None
    language: str | None = None
    removed: list[RemovedLine] = field(default_factory=list)
    duplicate_of: str | None = None
    repairs: list[str] = field(default_factory=list)  # encoding and other repairs applied
    sentences: list[SentenceRef] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The export shape of SPEC.md section 3 (plus a few extra fields)."""
        record: dict[str, Any] = _plain(self)
        return record

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls(
            doc_id=data["doc_id"],
            name=data["name"],
            text=data["text"],
            source=data.get("source", ""),
            url=data.get("url"),
            outlet=data.get("outlet"),
            title=data.get("title"),
            published=data.get("published"),
            author=data.get("author"),
            language=data.get("language"),
            removed=[RemovedLine(**r) for r in data.get("removed", [])],
            duplicate_of=data.get("duplicate_of"),
            repairs=list(data.get("repairs", [])),
            sentences=[SentenceRef(**s) for s in data.get("sentences", [])],
            actors=[ActorMention(**a) for a in data.get("actors", [])],
            times=[TimeMention(**t) for t in data.get("times", [])],
            places=[PlaceMention(**p) for p in data.get("places", [])],
            events=[Event.from_dict(e) for e in data.get("events", [])],
            quotes=[Quote.from_dict(q) for q in data.get("quotes", [])],
            flags=[Flag(**f) for f in data.get("flags", [])],
        )

    def spans(
        self,
    ) -> list[tuple[str, Span | ActorMention | TimeMention | PlaceMention | Quantity]]:
        """Every offset-carrying item, for checking `text[start:end] == item.text`."""
        out: list[tuple[str, Span | ActorMention | TimeMention | PlaceMention | Quantity]] = []
        out += [("actor", a) for a in self.actors]
        out += [("time", t) for t in self.times]
        out += [("place", p) for p in self.places]
        out += [("trigger", e.trigger) for e in self.events]
        out += [("number", q) for e in self.events for q in e.numbers]
        out += [("quote", q.content) for q in self.quotes]
        return out
