"""Merged facts: the event mentions of one story that report the same real-world event.

Mentions merge when they have the same type and country dyad (unordered for symmetric
types) and compatible dates: the same day; a month or year that holds exactly the day of
one fact; or no date. Different days are different facts, however near: an arrival on
Sunday and a meeting on Monday are two events (`conflicts.near_date_conflicts` flags near
days from documents that never report both, where outlets may date one event apart).
Every modality joins the fact it speaks of: a denial is a conflicting mention, not a new
fact.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from dyad.events.discourse import same_people, shares_person
from dyad.events.ontology import load_ontology
from dyad.link.profile import fact_key
from dyad.model import Document, Event

#: Modalities that affirm that an event happened.
AFFIRMING = ("asserted",)
#: Modalities that deny it.
DENYING = ("negated",)


@dataclass(frozen=True)
class Mention:
    """One event of one document, as a fact cites it."""

    event: Event
    doc_id: str
    name: str  # the document's name

    @property
    def day(self) -> str | None:
        d = self.event.date
        return d.value if d and d.precision == "day" and d.value else None


@dataclass
class Fact:
    """One real-world event and every mention of it."""

    key: str  # "TYPE|A|B"
    mentions: list[Mention] = field(default_factory=list)

    @property
    def fact_id(self) -> str:
        first = min(m.event.id for m in self.mentions)
        return "f-" + hashlib.sha1(f"{self.key}|{first}".encode()).hexdigest()[:12]

    @property
    def type(self) -> str:
        return self.key.split("|")[0]

    @property
    def doc_ids(self) -> list[str]:
        return sorted({m.doc_id for m in self.mentions})

    def best_date(self) -> tuple[str | None, str | None]:
        """(value, precision): the day most documents give, else the finest other date."""
        days = Counter(d for _, d in {(m.doc_id, m.day) for m in self.mentions if m.day})
        if days:
            value = min(days, key=lambda d: (-days[d], d))
            return value, "day"
        rank = {"day": 0, "month": 1, "year": 2}
        dated = [m.event.date for m in self.mentions if m.event.date and m.event.date.value]
        dated = [d for d in dated if d is not None and d.precision in rank]
        if not dated:
            return None, None
        best = min(dated, key=lambda d: (rank[d.precision or "year"], d.value or ""))
        return best.value, best.precision

    def modality(self) -> str:
        found = Counter(m.event.modality for m in self.mentions)
        for wanted in (*AFFIRMING, *DENYING):
            if found[wanted]:
                return wanted
        return min(found, key=lambda m: (-found[m], m))

    def denials(self) -> list[tuple[str, list[str]]]:
        """Each document that denies this fact, with the documents it contradicts.

        A document that affirms none of the fact contradicts every affirming one. One
        that affirms part of it (the visit) and denies another act of it (the letter
        handed over during the visit) contradicts the documents affirming that act
        (`act_of`); one that affirms what it denies contradicts nobody.
        """
        affirmed: dict[str, set[str]] = {}
        denied: dict[str, set[str]] = {}
        for m in self.mentions:
            if m.event.modality in AFFIRMING:
                affirmed.setdefault(m.doc_id, set()).add(act_of(m.event))
            elif m.event.modality in DENYING:
                denied.setdefault(m.doc_id, set()).add(act_of(m.event))
        out = []
        for doc_id, acts in sorted(denied.items()):
            own = affirmed.get(doc_id)
            if own is None:
                others = sorted(affirmed)
            else:
                acts = acts - own
                others = sorted(d for d, a in affirmed.items() if d != doc_id and a & acts)
            if others:
                out.append((doc_id, others))
        return out

    def side(self, which: str) -> tuple[str | None, str | None]:
        """(name, country) of the source or target: the most cited name of that side."""
        parts = self.key.split("|")
        symmetric_swap = {m.event.id for m in self.mentions if _swapped(m.event, parts[1])}
        names: Counter[str] = Counter()
        for m in self.mentions:
            ref = m.event.source if which == "source" else m.event.target
            if m.event.id in symmetric_swap:
                ref = m.event.target if which == "source" else m.event.source
            if ref is not None and ref.name:
                names[ref.name] += 1
        country = parts[1] if which == "source" else (parts[2] or None)
        name = min(names, key=lambda n: (-names[n], n)) if names else None
        return name, country


def act_of(event: Event) -> str:
    """Which act of a fact a mention tells: the lexicon entry that found it, without its
    part of speech ("consult.send_message", "consult.meet"), else its trigger's words."""
    if event.rule:
        entry = event.rule.split("/", 1)[0]
        return entry.removesuffix(".v").removesuffix(".n").removesuffix(".adj")
    return " ".join(event.trigger.text.lower().split())


def _swapped(event: Event, first_country: str) -> bool:
    """Whether a symmetric event's mention names the fact's second side first."""
    return bool(event.source and event.source.country != first_country)


def _in(value: str, precision: str | None, day: str) -> bool:
    """Whether a month or year date holds the day."""
    return precision in ("month", "year") and day.startswith(value)


def _merge_key(
    key: str, mentions: Sequence[Mention], anchors: Mapping[str, str | None]
) -> list[Fact]:
    """The facts among the mentions of one (type, dyad)."""
    days: dict[str, list[Mention]] = {}
    coarse: list[Mention] = []
    undated: list[Mention] = []
    for m in mentions:
        d = m.event.date
        if m.day:
            days.setdefault(m.day, []).append(m)
        elif d and d.value and d.precision in ("month", "year"):
            coarse.append(m)
        else:
            undated.append(m)
    facts = [Fact(key, days[day]) for day in sorted(days)]

    def day_of(fact: Fact) -> str:
        return fact.best_date()[0] or ""

    by_coarse: dict[str, Fact] = {}
    for m in sorted(coarse, key=lambda m: m.event.id):
        d = m.event.date
        assert d is not None and d.value is not None
        holding = [f for f in facts if day_of(f) and _in(d.value, d.precision, day_of(f))]
        if holding:
            max(holding, key=lambda f: (len(f.doc_ids), _neg(day_of(f)))).mentions.append(m)
        else:
            by_coarse.setdefault(d.value, Fact(key)).mentions.append(m)
    facts += [by_coarse[v] for v in sorted(by_coarse)]
    loose: list[Mention] = []
    # An undated meeting or statement is news of its report's day; an undated attack is
    # the one the story knows best ("the US strikes"): types dated "repeat" in plover.yaml,
    # where the report's day only breaks a tie. Counts are taken before any undated
    # mention joins, so the order mentions come in does not matter.
    # Nor does an undated act of two named people join a fact of two other named people
    # ("Putin and Pezeshkian met" in a report on the ministers' talks is another meeting).
    recalled = key.split("|")[0] in _repeat_dated()
    known = {id(f): len(f.doc_ids) for f in facts}
    for m in sorted(undated, key=lambda m: m.event.id):
        anchor = anchors.get(m.doc_id)
        open_to = [f for f in facts if _same_people(m, f.mentions)]
        same_day = [f for f in open_to if anchor and not recalled and day_of(f) == anchor]
        if same_day:
            same_day[0].mentions.append(m)
        elif open_to:
            best = max(
                open_to,
                key=lambda f: (known.get(id(f), 0), day_of(f) == anchor, _neg(day_of(f))),
            )
            best.mentions.append(m)
        else:
            loose.append(m)
    apart: list[Fact] = []
    for m in loose:  # by their people: one fact per pair of named people
        home = next((f for f in apart if _same_people(m, f.mentions)), None)
        if home is None:
            apart.append(Fact(key, [m]))
        else:
            home.mentions.append(m)
    return facts + apart


@cache
def _repeat_dated() -> frozenset[str]:
    return load_ontology().names("repeat")


def _neg(day: str) -> tuple[int, ...]:
    """A key under which `max` prefers the earlier day."""
    return tuple(-ord(c) for c in day)


def merge_facts(documents: Sequence[Document], anchors: Mapping[str, str | None]) -> list[Fact]:
    """Every fact of one story's documents, ordered by date, then type.

    Args:
        documents: the story's stored documents.
        anchors: each document's anchor day (doc_id -> YYYY-MM-DD or None).
    """
    groups: dict[str, list[Mention]] = {}
    for document in documents:
        for event in document.events:
            key = fact_key(event)
            if key is not None:
                groups.setdefault(key, []).append(Mention(event, document.doc_id, document.name))
    facts = [f for key in sorted(groups) for f in _merge_key(key, groups[key], anchors)]
    return sorted(facts, key=lambda f: (f.best_date()[0] or "9999", f.key, f.fact_id))


def _same_people(mention: Mention, others: Sequence[Mention]) -> bool:
    """Whether a mention may report the act `others` report: its people agree with all
    of theirs (`same_people`: a side naming no one agrees with any), or with those of
    one mention naming one of its people. A meeting of the presidents does not join the
    ministers' talks because a mention of these says only "Russia and Iran"."""
    return all(same_people(mention.event, o.event) for o in others) or any(
        same_people(mention.event, o.event) and shares_person(mention.event, o.event)
        for o in others
    )
