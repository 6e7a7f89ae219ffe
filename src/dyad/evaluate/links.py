"""Scores across documents (SPEC.md section 5): stories, facts, origins, conflicts.

Stories: B-cubed precision/recall/F1 of the stored stories against the gold `story` of
each document. Facts: the gold events matched by extracted events (any modality) form
gold facts by (gold story, type, country dyad, date); B-cubed F1 of the system's facts
over those matched mentions. Against a facts file (`dev_facts.jsonl`): the share of gold
facts found (every dyad of the fact has one system fact with its type, a compatible date
and at least half its documents), system facts per found gold fact, wire-copy pairs put
in one origin, and detectable conflicts flagged (a system contradiction of the same field
naming at least two of the gold documents).
"""

from __future__ import annotations

import json
from collections.abc import Hashable, Mapping, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

from dyad.errors import GoldError
from dyad.evaluate.gold import GoldDocument, vocabulary
from dyad.evaluate.score import matched_events
from dyad.model import Document
from dyad.store.links import LinkTables

Scores = dict[str, tuple[float | None, str]]


def bcubed(
    gold: Mapping[Any, Hashable], system: Mapping[Any, Hashable]
) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering over the items both label."""
    items = [i for i in gold if i in system]
    if not items:
        return 0.0, 0.0, 0.0
    precision = recall = 0.0
    for i in items:
        same_system = [j for j in items if system[j] == system[i]]
        same_gold = [j for j in items if gold[j] == gold[i]]
        both = sum(1 for j in same_system if gold[j] == gold[i])
        precision += both / len(same_system)
        recall += both / len(same_gold)
    p, r = precision / len(items), recall / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _pair_key(type_: str, a: str | None, b: str | None) -> tuple[str, str, str]:
    if type_ in vocabulary().symmetric_types and (b or "") < (a or ""):
        a, b = b, a
    return type_, a or "", b or ""


def _date_ok(gold: str | None, found: str | None) -> bool:
    return gold is None or found is None or gold.startswith(found) or found.startswith(gold)


def facts_file_for(gold_path: Path) -> Path | None:
    """The facts gold beside a gold file (`dev.jsonl` -> `dev_facts.jsonl`), if present."""
    sibling = gold_path.with_name(f"{gold_path.stem}_facts{gold_path.suffix}")
    return sibling if sibling.is_file() else None


def load_facts_file(path: Path) -> list[dict[str, Any]]:
    """The entries of a facts gold file (facts, conflicts, origins)."""
    try:
        return [
            json.loads(line)
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    except (OSError, ValueError) as exc:
        raise GoldError(f"cannot read facts gold {path}: {exc}") from exc


def score_links(
    gold_docs: Sequence[GoldDocument],
    documents: Mapping[str, Document],
    links: LinkTables,
    facts_gold: Sequence[dict[str, Any]] = (),
) -> Scores:
    """Every cross-document measure available for this gold (see the module docstring)."""
    out: Scores = {}
    by_doc_id = {d.doc_id: name for name, d in documents.items()}
    story_of: dict[str, str] = {}
    origin_of: dict[str, str] = {}
    for story in links.stories():
        full = links.story(story["story_id"])
        for member in full["documents"] if full else []:
            if member["doc_id"] in by_doc_id:
                story_of[by_doc_id[member["doc_id"]]] = story["story_id"]
                origin_of[by_doc_id[member["doc_id"]]] = f"{story['story_id']}:{member['origin']}"
    gold_story = {g.name: g.story for g in gold_docs if g.story and g.name in documents}
    if gold_story:
        p, r, f = bcubed(gold_story, story_of)
        detail = f"P {p:.3f} R {r:.3f} over {len(gold_story)} documents"
        out["stories.bcubed_f1"] = (f, detail)
    facts = links.facts()
    fact_of = {(m["doc_id"], m["event_id"]): f["fact_id"] for f in facts for m in f["mentions"]}
    gold_fact: dict[Hashable, Hashable] = {}
    system_fact: dict[Hashable, Hashable] = {}
    for g in gold_docs:
        document = documents.get(g.name)
        if document is None or not g.story:
            continue
        for dyad, event in matched_events(g, document):
            item = (g.name, event.id, dyad.source, dyad.target)
            kind = _pair_key(dyad.event.type, dyad.source, dyad.target)
            gold_fact[item] = (g.story, *kind, dyad.event.date)
            system_fact[item] = fact_of.get((document.doc_id, event.id), item)
    if gold_fact:
        p, r, f = bcubed(gold_fact, system_fact)
        out["facts.bcubed_f1"] = (f, f"P {p:.3f} R {r:.3f} over {len(gold_fact)} matched mentions")
    if facts_gold:
        out.update(_against_facts_file(facts_gold, facts, documents, origin_of, links))
    return out


def _fact_fits(fact: Mapping[str, Any], key: tuple[str, str, str], source: str | None) -> bool:
    """Whether a system fact has the gold type and dyad (any target for an empty one)."""
    found = _pair_key(fact["type"], fact["source_country"], fact["target_country"])
    if found[0] != key[0]:
        return False
    return found[1:] == key[1:] or (not key[2] and fact["source_country"] == source)


def _against_facts_file(
    facts_gold: Sequence[dict[str, Any]],
    facts: Sequence[dict[str, Any]],
    documents: Mapping[str, Document],
    origin_of: Mapping[str, str],
    links: LinkTables,
) -> Scores:
    out: Scores = {}
    names_of = {f["fact_id"]: {m["name"] for m in f["mentions"]} for f in facts}
    found = total = 0
    per_found: list[int] = []
    for entry in (e for e in facts_gold if e.get("kind") == "fact"):
        total += 1
        docs = set(entry["documents"])
        ok = True
        counts = 0
        for a in entry["source"] or [None]:
            for b in entry["target"] or [None]:
                if a == b:
                    continue
                key = _pair_key(entry["type"], a, b)
                candidates = [
                    f
                    for f in facts
                    if _fact_fits(f, key, a)
                    and _date_ok(entry.get("date"), f["date_value"])
                    and names_of[f["fact_id"]] & docs
                ]
                counts += len(candidates)
                if not any(len(names_of[f["fact_id"]] & docs) * 2 >= len(docs) for f in candidates):
                    ok = False
        found += ok
        if ok:
            per_found.append(counts)
    if total:
        out["facts.gold_found"] = (found / total, f"{found} of {total} gold facts found whole")
        if per_found:
            mean = sum(per_found) / len(per_found)
            out["facts.per_gold_fact"] = (mean, "system facts per found gold fact (1 is ideal)")
    pairs = together = 0
    for entry in (e for e in facts_gold if e.get("kind") == "origin"):
        for a, b in combinations(sorted(entry["documents"]), 2):
            if a in documents and b in documents:
                pairs += 1
                together += origin_of.get(a) is not None and origin_of.get(a) == origin_of.get(b)
    if pairs:
        out["origins.wire_pairs"] = (
            together / pairs,
            f"{together} of {pairs} wire-copy pairs in one origin",
        )
    conflicts = [c for s in links.stories() for c in links.contradictions(s["story_id"])]
    detectable = [e for e in facts_gold if e.get("kind") == "conflict" and e.get("detectable")]
    flagged = sum(
        any(
            c["field"] == e["field"] and len(set(c["documents"]) & set(e["documents"])) >= 2
            for c in conflicts
        )
        for e in detectable
    )
    if detectable:
        out["conflicts.flagged"] = (
            flagged / len(detectable),
            f"{flagged} of {len(detectable)} detectable conflicts flagged; "
            f"{len(conflicts)} flagged in all",
        )
    return out
