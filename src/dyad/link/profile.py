"""What linking needs to know about one stored document, computed once.

A profile holds the signals stories and origins are decided on: the day the document
reports on, its headline and lead words, the people and organisations it names, the
country dyads and event types it codes, the agencies it credits, and fingerprints of its
own sentences (quotations masked) for finding copied text. It is built from the stored
record, never from raw input, and kept as JSON so later runs need not rebuild it.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cache, cached_property
from urllib.parse import urlsplit

from spacy.lang.en.stop_words import STOP_WORDS

from dyad.events.ontology import load_ontology
from dyad.link.credits import load_agencies
from dyad.model import Document, Event

#: Sentences of the lead (after the headline) whose words count towards similarity.
LEAD_SENTENCES = 3
#: A sentence shorter than this many words is too common to show copying.
COPY_MIN_WORDS = 8
#: Content words a first sentence needs to stand as the headline of an untitled document.
HEADLINE_MIN_WORDS = 4
#: Words per shingle when comparing sentences for copying.
SHINGLE = 4

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: A calendar day in a URL path: /2025/06/23/, /20250623/, /2025-06-23-.
_URL_DAY = re.compile(r"(?<!\d)(20\d\d)([/_-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


@dataclass
class Profile:
    """The linking signals of one document (see the module docstring)."""

    doc_id: str
    name: str
    outlet: str | None
    anchor: str | None  # YYYY-MM-DD: publication date, else a date in the URL
    headline: str
    terms: dict[str, float] = field(default_factory=dict)  # unit-length word weights
    names: list[str] = field(default_factory=list)  # people and organisations named
    dyads: list[str] = field(default_factory=list)  # unordered country pairs of events
    facts: list[str] = field(default_factory=list)  # "TYPE|A|B" of its events
    credits: list[str] = field(default_factory=list)  # agencies credited or published by
    copy: list[list[int]] = field(default_factory=list)  # shingle hashes per sentence

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Profile:
        return cls(**json.loads(text))

    @cached_property
    def sentence_index(self) -> tuple[list[frozenset[int]], dict[int, list[int]]]:
        """Its sentences' shingle sets, and for each shingle the sentences that hold it
        (built once, for the many pairs a document's copies are checked in)."""
        sentences = [frozenset(s) for s in self.copy]
        holding: dict[int, list[int]] = {}
        for index, shingles in enumerate(sentences):
            for shingle in shingles:
                holding.setdefault(shingle, []).append(index)
        return sentences, holding

    def keys(self) -> list[str]:
        """Blocking keys: a candidate for the same story shares at least one."""
        return sorted({f"n:{n}" for n in self.names} | {f"d:{d}" for d in self.dyads})


def url_day(url: str | None) -> str | None:
    """The calendar day a news URL's path carries, if it holds exactly one valid one."""
    if not url:
        return None
    days = set()
    for m in _URL_DAY.finditer(urlsplit(url).path):
        try:
            days.add(date(int(m[1]), int(m[3]), int(m[4])).isoformat())
        except ValueError:
            continue
    return days.pop() if len(days) == 1 else None


def words(text: str) -> list[str]:
    """Lowercase content words (stop words and one-letter words dropped)."""
    out = []
    for match in _WORD.finditer(text):
        word = match.group().lower().replace("’", "'").removesuffix("'s").strip("'-")
        if len(word) > 1 and word not in STOP_WORDS:
            out.append(word)
    return out


def _unit(counts: Counter[str]) -> dict[str, float]:
    """Sublinear term weights scaled to unit length (cosine is then a dot product)."""
    weights = {w: 1.0 + math.log(c) for w, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
    return {w: round(v / norm, 4) for w, v in sorted(weights.items())}


@cache
def _symmetric() -> frozenset[str]:
    return load_ontology().names("symmetric")


def fact_key(event: Event) -> str | None:
    """ "TYPE|A|B" with the country codes of both sides (sorted for symmetric types)."""
    a = event.source.country if event.source else None
    b = event.target.country if event.target else None
    if not a:
        return None
    b = b or ""
    if event.type in _symmetric() and b and b < a:
        a, b = b, a
    return f"{event.type}|{a}|{b}"


def _shingles(sentence: str) -> list[int]:
    tokens = [t.lower() for t in _WORD.findall(sentence)]
    if len(tokens) < COPY_MIN_WORDS:
        return []
    grams = {" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}
    return sorted(zlib.crc32(g.encode("utf-8")) for g in grams)


def _masked(document: Document) -> str:
    """The text with every quotation's content blanked: quoting one statement is not copying."""
    chars = list(document.text)
    for quote in document.quotes:
        if quote.direct:
            chars[quote.content.start : quote.content.end] = " " * (
                quote.content.end - quote.content.start
            )
    return "".join(chars)


def headline(document: Document) -> str:
    """The document's title, else its first sentence (shortened)."""
    if document.title and document.title.strip():
        return " ".join(document.title.split())
    spans = [document.text[s.start : s.end] for s in document.sentences] or [document.text]
    # The first sentence with some words: a timestamp or a dateline is not a headline.
    text = next((s for s in spans if len(words(s)) >= HEADLINE_MIN_WORDS), spans[0])
    text = " ".join(text.split())
    return text if len(text) <= 160 else text[:157].rsplit(" ", 1)[0] + "…"


#: Reasons of removed lines that may credit an agency (`clean/data/boilerplate.yaml`).
CREDIT_LINES = frozenset({"source note", "byline", "reprint note", "dateline"})


def build_profile(document: Document) -> Profile:
    """The linking signals of a stored document."""
    agencies = load_agencies()
    title = headline(document)
    lead = [document.text[s.start : s.end] for s in document.sentences[: LEAD_SENTENCES + 1]]
    counts = Counter(words(title) * 2 + [w for s in lead for w in words(s)])
    names = {
        a.name
        for a in document.actors
        if a.kind in ("person", "organization") and a.name and a.sector != "MED"
    }
    facts = {key for event in document.events if (key := fact_key(event))}
    dyads = {"-".join(sorted(k.split("|")[1:])) for k in facts if k.split("|")[2]}
    # a credit line cleaning cut ("AP" alone, "By Jane Roe | Reuters") still credits
    cut = [r.line for r in document.removed if r.reason in CREDIT_LINES]
    credits = set(agencies.credited("\n".join([document.text, *cut])))
    if (own := agencies.of_outlet(document.outlet)) is not None:
        credits.add(own)
    masked = _masked(document)
    copy = [sh for s in document.sentences if (sh := _shingles(masked[s.start : s.end]))]
    return Profile(
        doc_id=document.doc_id,
        name=document.name,
        outlet=(document.outlet or "").lower().removeprefix("www.") or None,
        anchor=document.published or url_day(document.url),
        headline=title,
        terms=_unit(counts),
        names=sorted(names),
        dyads=sorted(dyads),
        facts=sorted(facts),
        credits=sorted(credits),
        copy=copy,
    )
