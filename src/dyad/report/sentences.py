"""Merged facts said in plain English, with the documents behind them as citations.

The brief, the timeline and the web pages all say a fact the same way: the PLOVER type's
clause from `data/phrases.yaml` (the only words a brief adds), the fact's actors, date and
place, and one citation `[outlet, date]` per document that reports it. Nothing here reads
anything but what the store holds: a fact without a date says no date, a fact without a
target says no target.
"""

from __future__ import annotations

import string
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from dyad.datafile import check_keys, line_of, load_yaml
from dyad.errors import LexiconError
from dyad.model import Document

DATA_DIR = Path(__file__).resolve().parent / "data"
PHRASES_PATH = DATA_DIR / "phrases.yaml"
_CLAUSES = ("did", "did_alone", "do", "do_alone")
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
#: What each modality is called where the brief keeps it apart from what happened.
MODALITY_SECTIONS = {
    "future": "announced",
    "hypothetical": "speculated",
    "negated": "denied",
    "generic": "general",
}


@dataclass(frozen=True)
class Phrase:
    """How one PLOVER type is said: four clauses with {source} and {target}."""

    did: str
    did_alone: str
    do: str
    do_alone: str


def read_phrases(path: Path) -> dict[str, Phrase]:
    """Load and validate a phrases file (see `data/phrases.yaml`).

    Raises:
        LexiconError: a malformed entry, an unknown, repeated or missing type, or a
            placeholder other than {source} and {target} (with the file and line).
    """
    from dyad.events.ontology import PLOVER_TYPES

    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("types"), list):
        raise LexiconError(str(path), None, "expected a mapping with a list under 'types'")
    phrases: dict[str, Phrase] = {}
    for entry in data["types"]:
        item = check_keys(path, entry, {"type", *_CLAUSES}, set())
        line, name = line_of(item), item["type"]
        if name not in PLOVER_TYPES:
            raise LexiconError(str(path), line, f"unknown type {name!r}; expected a PLOVER type")
        if name in phrases:
            raise LexiconError(str(path), line, f"type {name} repeated")
        for clause in _CLAUSES:
            text = item[clause]
            if not isinstance(text, str) or not text.strip():
                raise LexiconError(str(path), line, f"{clause} must be a non-empty string")
            names = {f[1] for f in string.Formatter().parse(text) if f[1] is not None}
            allowed = {"source", "target"} if not clause.endswith("alone") else {"source"}
            if clause.startswith("do"):
                allowed -= {"source"}
            if names - allowed:
                raise LexiconError(
                    str(path),
                    line,
                    f"{clause} uses {sorted(names - allowed)}; it may use only "
                    f"{sorted('{' + a + '}' for a in allowed) or 'no placeholder'}",
                )
        phrases[name] = Phrase(**{clause: item[clause] for clause in _CLAUSES})
    missing = PLOVER_TYPES - set(phrases)
    if missing:
        raise LexiconError(str(path), None, f"types missing: {sorted(missing)}")
    return phrases


@lru_cache(maxsize=4)
def load_phrases(path: Path | None = None) -> dict[str, Phrase]:
    """The phrases from `path` or the packaged file, loaded once per path."""
    return read_phrases(path or PHRASES_PATH)


@lru_cache(maxsize=1)
def _states() -> dict[str, tuple[str, str]]:
    """Country code -> (state name, its government's name)."""
    from dyad.actors.kb import load_kb

    return {code: (s.name, s.government) for code, s in load_kb().states.items()}


def country_name(code: str | None) -> str | None:
    """A state's name for its code ("RUS" -> "Russia"); other codes as they are."""
    if code is None:
        return None
    return _the(_states().get(code, (code, ""))[0])


def _the(name: str) -> str:
    """A state's name as a sentence says it ("the United States", "the Netherlands")."""
    first = name.split(" ")[0]
    plural = name.endswith(("lands", "ines", "Emirates", "Islands", "States"))
    return f"the {name}" if plural or first in ("United", "Republic", "Democratic") else name


def actor_name(name: str | None, country: str | None) -> str | None:
    """How a brief names an actor: a person or body by name, a government by its state."""
    state = _states().get(country or "")
    if state and (name is None or name == state[1]):
        return _the(state[0])
    return name or country


def date_phrase(value: str | None, precision: str | None) -> str | None:
    """'on 17 December 2025', 'in January 2025', 'in 2025', or None when undated."""
    if not value:
        return None
    parts = value.split("-")
    try:
        if precision == "day" and len(parts) == 3:
            day = date.fromisoformat(value)
            return f"on {day.day} {_MONTHS[day.month - 1]} {day.year}"
        if len(parts) >= 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
            return f"in {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except ValueError:
        pass
    return f"in {parts[0]}" if parts[0].isdigit() else f"at {value}"


def clause(fact: Mapping[str, Any], *, infinitive: bool = False) -> str:
    """The fact's act with its actors, from its type's phrase ("Iran held talks with Russia",
    or with `infinitive`, "hold talks with Russia")."""
    phrase = load_phrases()[fact["type"]]
    source = actor_name(fact.get("source_name"), fact.get("source_country")) or "someone"
    target = actor_name(fact.get("target_name"), fact.get("target_country"))
    if infinitive:
        return phrase.do.format(target=target) if target else phrase.do_alone
    if target:
        return phrase.did.format(source=source, target=target)
    return phrase.did_alone.format(source=source)


def _subject(fact: Mapping[str, Any]) -> str:
    return actor_name(fact.get("source_name"), fact.get("source_country")) or "Someone"


def statement(fact: Mapping[str, Any], place: str | None = None) -> str:
    """The sentence a brief says for a fact: its act, place and date, by its modality.

    asserted: "On 22 June 2025, Iran held talks with Russia in Moscow."
    future: "Israel is to hold talks with the United States on 29 December 2025 (announced)."
    hypothetical: "Iran may give aid (speculation)." negated: "... did not ... (denied)."
    """
    when = date_phrase(fact.get("date_value"), fact.get("date_precision"))
    sides = {fact.get("source_name"), fact.get("target_name")}
    sides |= {country_name(fact.get("source_country")), country_name(fact.get("target_country"))}
    where = f" in {place}" if place and place not in sides else ""
    modality = fact.get("modality", "asserted")
    if modality in ("future", "hypothetical", "negated"):
        verb = {"future": "is to", "hypothetical": "may", "negated": "did not"}[modality]
        body = f"{_subject(fact)} {verb} {clause(fact, infinitive=True)}{where}"
        body += f" {when}" if when else ""
    elif modality == "generic":
        body = f"{clause(fact)}{where}, as a general or ongoing matter"
    else:
        body = f"{clause(fact)}{where}"
        body = f"{when[0].upper()}{when[1:]}, {body}" if when else body
    return body[0].upper() + body[1:] + "."  # "the United States ..." starts a sentence


@dataclass(frozen=True)
class Citation:
    """One document behind a fact: `[outlet, date]`, and the sentence that states it."""

    outlet: str
    date: str | None
    document: str
    sentence: str
    sentence_start: int
    sentence_end: int

    @property
    def label(self) -> str:
        return f"{self.outlet}, {self.date or 'undated'}"


@dataclass
class FactText:
    """A fact as the brief, the timeline and the web pages say it."""

    fact_id: str
    story_id: str
    type: str
    quad: str
    intensity: float
    modality: str
    source: str | None
    target: str | None
    source_country: str | None
    target_country: str | None
    date: str | None
    precision: str | None
    place: str | None
    status: str
    independent_sources: int
    text: str
    citations: list[Citation] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)

    @property
    def corroboration(self) -> str:
        """'corroborated (3 independent sources)', 'single-source' or 'contested'."""
        if self.status == "corroborated":
            return f"corroborated ({self.independent_sources} independent sources)"
        return self.status


def cite(document: Document, start: int, end: int) -> Citation:
    """A citation of one sentence of a document."""
    return Citation(
        outlet=document.outlet or document.name,
        date=document.published,
        document=document.name,
        sentence=document.text[start:end].strip(),
        sentence_start=start,
        sentence_end=end,
    )


def fact_text(fact: Mapping[str, Any], documents: Mapping[str, Document]) -> FactText:
    """A stored fact (`LinkTables.facts`) said and cited, one citation per document.

    Args:
        fact: the fact with its mentions and conflicts.
        documents: doc_id -> the stored document, for the sentences, outlets and places
            (a mention whose document is missing is left out of the citations).
    """
    from dyad.events.ontology import load_ontology

    citations: dict[str, Citation] = {}
    places: Counter[str] = Counter()
    for mention in sorted(
        fact["mentions"], key=lambda m: (m["name"], m["sentence_start"], m["event_id"])
    ):
        document = documents.get(mention["doc_id"])
        if document is None:
            continue
        if document.name not in citations:
            citations[document.name] = cite(
                document, mention["sentence_start"], mention["sentence_end"]
            )
        for event in document.events:
            if event.id == mention["event_id"] and event.location is not None:
                name, said = event.location.name, event.location.text
                if said.lower().startswith("the ") and not name.lower().startswith("the "):
                    name = f"the {name}"  # "in the Kremlin", as the article says
                places[name] += 1
    place = min(places, key=lambda p: (-places[p], p)) if places else None
    kind = load_ontology()[fact["type"]]
    ordered = sorted(citations.values(), key=lambda c: (c.date or "9999", c.outlet, c.document))
    return FactText(
        fact_id=fact["fact_id"],
        story_id=fact["story_id"],
        type=fact["type"],
        quad=kind.quad,
        intensity=kind.intensity,
        modality=fact["modality"],
        source=actor_name(fact["source_name"], fact["source_country"]),
        target=actor_name(fact["target_name"], fact["target_country"]),
        source_country=fact["source_country"],
        target_country=fact["target_country"],
        date=fact["date_value"],
        precision=fact["date_precision"],
        place=place,
        status=fact["status"],
        independent_sources=fact["independent_sources"],
        text=statement(fact, place),
        citations=ordered,
        conflicts=list(fact["conflicts"]),
    )


def doc_ids_of(facts: Iterable[Mapping[str, Any]]) -> set[str]:
    """Every document a fact's mentions come from."""
    return {m["doc_id"] for f in facts for m in f["mentions"]}


def facts_text(
    facts: Sequence[Mapping[str, Any]], documents: Mapping[str, Document]
) -> list[FactText]:
    """`fact_text` of each fact, in the given order."""
    return [fact_text(f, documents) for f in facts]
