"""Independent origins: which documents of a story rest on the same copy.

Documents are one origin when `same_origin` says so for any pair between them (the same
outlet, a shared agency credit, copied sentences); origins are the connected groups, so
a rewrite of a reprint of a wire story is still that wire story.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dyad.link.groups import Groups
from dyad.link.profile import Profile
from dyad.link.similarity import same_origin


@dataclass(frozen=True)
class Origin:
    """One independent origin of a story: its documents and why they go together."""

    origin_id: str  # the first doc id of the group
    doc_ids: tuple[str, ...]
    reasons: tuple[str, ...]  # one line per pair that joined the group


def group_origins(profiles: Sequence[Profile]) -> dict[str, Origin]:
    """Each document's origin (doc_id -> Origin) among one story's documents."""
    groups = Groups(p.doc_id for p in profiles)
    reasons: dict[str, list[str]] = {}
    by_id = {p.doc_id: p for p in profiles}
    for a_id, b_id in sorted(_candidate_pairs(profiles)):
        a, b = by_id[a_id], by_id[b_id]
        why = same_origin(a, b)
        if why is not None:
            groups.union(a.doc_id, b.doc_id)
            reasons.setdefault(a.doc_id, []).append(f"{a.name} ~ {b.name}: {why}")
    out: dict[str, Origin] = {}
    for members in groups.groups():
        joined = tuple(r for m in members for r in reasons.get(m, []))
        origin = Origin(origin_id=members[0], doc_ids=tuple(members), reasons=joined)
        for member in members:
            out[member] = origin
    return out


def _candidate_pairs(profiles: Sequence[Profile]) -> set[tuple[str, str]]:
    """Pairs that could be one origin: sharing an outlet, a credit or a sentence shingle
    (an inverted index, so a big story is not compared all pairs with all)."""
    index: dict[str, list[str]] = {}
    for p in profiles:
        keys = {f"o:{p.outlet}"} if p.outlet else set()
        keys |= {f"c:{c}" for c in p.credits}
        keys |= {f"s:{h}" for sentence in p.copy for h in sentence}
        for key in keys:
            index.setdefault(key, []).append(p.doc_id)
    pairs: set[tuple[str, str]] = set()
    for members in index.values():
        if len(members) > 1:
            ordered = sorted(members)
            pairs.update((a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :])
    return pairs


def partition(doc_ids: Sequence[str], origins: Mapping[str, Origin]) -> list[list[str]]:
    """The documents split into their independent origins, each sorted, in doc order."""
    parts: dict[str, list[str]] = {}
    for doc_id in sorted(set(doc_ids)):
        parts.setdefault(origins[doc_id].origin_id, []).append(doc_id)
    return sorted(parts.values())
