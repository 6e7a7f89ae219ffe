"""Linking as documents arrive: stories, facts, origins and contradictions, kept current.

`link_new(store)` takes the documents stored but not linked yet, finds the stories they
could touch (dated documents within the story window, documents sharing a name or a
dyad), recomputes only those stories, and swaps them in one transaction. Re-running it
links nothing twice; a run killed midway is finished by the next one. The stories come
out the same whatever order the documents arrived in (see `stories`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dyad.link.conflicts import (
    Conflict,
    direction_conflicts,
    fact_conflicts,
    near_date_conflicts,
    quote_conflicts,
)
from dyad.link.facts import AFFIRMING, Fact, merge_facts
from dyad.link.origins import Origin, group_origins, partition
from dyad.link.profile import Profile, build_profile
from dyad.link.stories import WINDOW_DAYS, describe, group_stories
from dyad.model import Document
from dyad.store.links import LinkTables, StoryRows

#: Documents profiled and linked per step (bounds memory on a big first link).
LINK_BATCH = 200


@dataclass
class LinkReport:
    """What one linking pass did."""

    documents: int = 0
    stories: int = 0  # stories written (new or recomputed)
    facts: int = 0
    contradictions: int = 0


def link_new(store_links: LinkTables, progress: Callable[[int], None] | None = None) -> LinkReport:
    """Link every stored document not linked yet (see the module docstring)."""
    report = LinkReport()
    pending = store_links.unlinked()
    for start in range(0, len(pending), LINK_BATCH):
        batch = pending[start : start + LINK_BATCH]
        _link_batch(store_links, batch, report)
        if progress is not None:
            progress(len(batch))
    return report


def _link_batch(links: LinkTables, doc_ids: Sequence[str], report: LinkReport) -> None:
    documents = links.documents(doc_ids)
    profiles = {d.doc_id: build_profile(d) for d in documents}
    touched: set[str] = set()
    for profile in profiles.values():
        touched |= links.candidates(profile.anchor, profile.keys(), WINDOW_DAYS)
    old_stories = links.stories_of(touched)
    region = (touched | links.members(old_stories)) - set(profiles)
    stored = {d: Profile.from_json(p) for d, p in links.profiles(region).items()}
    everyone = {**stored, **profiles}
    links.save_profiles([(p.doc_id, p.anchor, p.to_json(), p.keys()) for p in profiles.values()])
    by_id = {d.doc_id: d for d in documents}
    by_id.update({d.doc_id: d for d in links.documents(set(stored))})
    rows = [
        story_rows([everyone[i] for i in group], [by_id[i] for i in group])
        for group in group_stories(list(everyone.values()))
    ]
    links.replace_stories(old_stories, rows)
    report.documents += len(profiles)
    report.stories += len(rows)
    report.facts += sum(len(r.facts) for r in rows)
    report.contradictions += sum(len(r.contradictions) for r in rows)


def fact_status(fact: Fact, origins: dict[str, Origin]) -> tuple[str, int, list[list[str]]]:
    """(status, independent origins, origins as doc-id groups) of one fact.

    Origins are counted among the documents that affirm the fact (all of them when none
    does: an announced meeting is still reported by so many). A fact is contested when a
    document denies it (or an act of it) and no document it contradicts shares its origin.
    """
    affirming = sorted({m.doc_id for m in fact.mentions if m.event.modality in AFFIRMING})
    counted = affirming or fact.doc_ids
    independent = len(partition(counted, origins))
    if any(
        origins[denier].origin_id not in {origins[d].origin_id for d in affirmers}
        for denier, affirmers in fact.denials()
    ):
        status = "contested"
    else:
        status = "corroborated" if independent >= 2 else "single-source"
    return status, independent, partition(fact.doc_ids, origins)


def story_anchors(profiles: Sequence[Profile]) -> dict[str, str | None]:
    """Each document's day; an undated one is read as of its story's most common day
    (ties: the earliest), since it reports what the story's dated documents report."""
    days = Counter(p.anchor for p in profiles if p.anchor)
    usual = min(days, key=lambda d: (-days[d], d)) if days else None
    return {p.doc_id: p.anchor or usual for p in profiles}


def story_rows(profiles: Sequence[Profile], documents: Sequence[Document]) -> StoryRows:
    """Every row of one story: its summary, members, facts, mentions, contradictions."""
    anchors = story_anchors(profiles)
    names = {p.doc_id: p.name for p in profiles}
    documents = sorted(documents, key=lambda d: d.doc_id)
    facts = merge_facts(documents, anchors)
    info = describe(profiles, [v for f in facts if (v := f.best_date()[0])])
    origins = group_origins(profiles)
    by_id = {d.doc_id: d for d in documents}
    rows = StoryRows(
        story={
            "story_id": info.story_id,
            "title": info.title,
            "start": info.start,
            "end": info.end,
            "documents": len(info.doc_ids),
            "outlets": json.dumps(info.outlets),
            "facts": len(facts),
        },
        members=[
            {
                "doc_id": d,
                "story_id": info.story_id,
                "origin": origins[d].origin_id,
                "origin_reason": "; ".join(origins[d].reasons_for(d)) or "independent",
            }
            for d in info.doc_ids
        ],
    )
    conflicts: list[Conflict] = []
    for fact in facts:
        status, independent, groups = fact_status(fact, origins)
        value, precision = fact.best_date()
        (source_name, source_country), (target_name, target_country) = (
            fact.side("source"),
            fact.side("target"),
        )
        rows.facts.append(
            {
                "fact_id": fact.fact_id,
                "story_id": info.story_id,
                "type": fact.type,
                "modality": fact.modality(),
                "source_country": source_country,
                "source_name": source_name,
                "target_country": target_country,
                "target_name": target_name,
                "date_value": value,
                "date_precision": precision,
                "status": status,
                "independent_sources": independent,
                "origins": json.dumps([[names[d] for d in g] for g in groups]),
            }
        )
        seen: set[str] = set()
        for m in fact.mentions:
            if m.event.id in seen:
                continue
            seen.add(m.event.id)
            rows.mentions.append(
                {
                    "fact_id": fact.fact_id,
                    "event_id": m.event.id,
                    "doc_id": m.doc_id,
                    "modality": m.event.modality,
                    "sentence_start": m.event.sentence.start,
                    "sentence_end": m.event.sentence.end,
                    "trigger_start": m.event.trigger.start,
                    "trigger_end": m.event.trigger.end,
                }
            )
        conflicts += fact_conflicts(fact, by_id)
    conflicts += near_date_conflicts(facts, by_id)
    conflicts += direction_conflicts(facts, by_id)
    conflicts += quote_conflicts(documents, facts)
    for c in conflicts:
        rows.contradictions.append(
            {
                "story_id": info.story_id,
                "fact_id": c.fact_id,
                "field": c.field,
                "payload": json.dumps(
                    {
                        "documents": [names[d] for d in c.doc_ids],
                        "values": {names[d]: v for d, v in c.values.items()},
                        "evidence": {names[d]: v for d, v in c.evidence.items()},
                        "summary": c.summary,
                        "severity": c.severity,
                        "facts": c.facts or ([c.fact_id] if c.fact_id else []),
                    },
                    ensure_ascii=False,
                ),
            }
        )
    return rows
