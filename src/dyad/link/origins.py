"""Independent origins: which documents of a story rest on the same copy.

Documents are one origin when `same_origin` says so for any pair between them (the same
outlet, a shared agency credit, copied sentences); origins are the connected groups, so
a rewrite of a reprint of a wire story is still that wire story.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dyad.link.groups import Groups
from dyad.link.profile import Profile
from dyad.link.similarity import COPIED_SENTENCE, same_origin


@dataclass(frozen=True)
class Origin:
    """One independent origin of a story: its documents and why they go together."""

    origin_id: str  # the first doc id of the group
    doc_ids: tuple[str, ...]
    #: (doc id, doc id, why) for the pairs that joined the group: one fewer than its
    #: documents (a pair already joined through others is not checked or kept)
    joins: tuple[tuple[str, str, str], ...]

    def reasons_for(self, doc_id: str) -> list[str]:
        """Why this document is in the origin: the joins it took part in."""
        return [why for a, b, why in self.joins if doc_id in (a, b)]


def group_origins(profiles: Sequence[Profile]) -> dict[str, Origin]:
    """Each document's origin (doc_id -> Origin) among one story's documents."""
    groups = Groups(p.doc_id for p in profiles)
    joins: dict[str, list[tuple[str, str, str]]] = {}
    by_id = {p.doc_id: p for p in profiles}
    copies = copied_between(profiles)
    for a_id, b_id in sorted(_candidate_pairs(profiles) | set(copies)):
        if groups.find(a_id) == groups.find(b_id):
            continue
        a, b = by_id[a_id], by_id[b_id]
        why = same_origin(a, b, copied=sorted(copies.get((a_id, b_id), {}).values()))
        if why is not None:
            groups.union(a_id, b_id)
            joins.setdefault(a_id, []).append((a_id, b_id, f"{a.name} ~ {b.name}: {why}"))
    out: dict[str, Origin] = {}
    for members in groups.groups():
        joined = tuple(j for m in members for j in joins.get(m, []))
        origin = Origin(origin_id=members[0], doc_ids=tuple(members), joins=joined)
        for member in members:
            out[member] = origin
    return out


def _candidate_pairs(profiles: Sequence[Profile]) -> set[tuple[str, str]]:
    """Pairs sharing an outlet or a credit (an inverted index, so a big story is not
    compared all pairs with all)."""
    index: dict[str, list[str]] = {}
    for p in profiles:
        keys = {f"o:{p.outlet}"} if p.outlet else set()
        keys |= {f"c:{c}" for c in p.credits}
        for key in keys:
            index.setdefault(key, []).append(p.doc_id)
    pairs: set[tuple[str, str]] = set()
    for members in index.values():
        if len(members) > 1:
            ordered = sorted(members)
            pairs.update((a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :])
    return pairs


def copied_between(profiles: Sequence[Profile]) -> dict[tuple[str, str], dict[int, int]]:
    """For each pair of documents (a, b), a < b, with near-copied sentences: each copied
    sentence of `a` (its index) and its size in shingles, as `copied_sentences` finds.

    A set-similarity join with the prefix filter: with every sentence's shingles in one
    order (rarest in the story's sentences first), two sentences of Jaccard >= t share one
    of the first n - ceil(t * n) + 1 shingles of each (n a sentence's size). Only
    sentences sharing one are compared, so phrases every report repeats ("said on
    Monday") do not make every pair of a big story a candidate.
    """
    ordered = sorted(profiles, key=lambda p: p.doc_id)
    frequency = Counter(h for p in ordered for s in p.sentence_index[0] for h in s)
    postings: dict[int, list[tuple[int, int]]] = {}  # prefix shingle -> sentences seen
    found: dict[tuple[str, str], dict[int, int]] = {}
    for doc_b, profile in enumerate(ordered):
        sentences = profile.sentence_index[0]
        prefixes = [_prefix(y, frequency) for y in sentences]
        for y, prefix in zip(sentences, prefixes, strict=True):
            candidates = {c for shingle in prefix for c in postings.get(shingle, ())}
            for doc_a, index_a in sorted(candidates):
                x = ordered[doc_a].sentence_index[0][index_a]
                shared = len(x & y)
                if shared / (len(x) + len(y) - shared) >= COPIED_SENTENCE:
                    pair = (ordered[doc_a].doc_id, profile.doc_id)
                    found.setdefault(pair, {})[index_a] = len(x)
        for index_b, prefix in enumerate(prefixes):  # after the document: not with itself
            for shingle in prefix:
                postings.setdefault(shingle, []).append((doc_b, index_b))
    return found


def _prefix(sentence: frozenset[int], frequency: Mapping[int, int]) -> list[int]:
    """The sentence's rarest n - ceil(t * n) + 1 shingles (see `copied_between`)."""
    rarest = sorted(sentence, key=lambda h: (frequency[h], h))
    return rarest[: len(rarest) - math.ceil(COPIED_SENTENCE * len(rarest)) + 1]


def partition(doc_ids: Sequence[str], origins: Mapping[str, Origin]) -> list[list[str]]:
    """The documents split into their independent origins, each sorted, in doc order."""
    parts: dict[str, list[str]] = {}
    for doc_id in sorted(set(doc_ids)):
        parts.setdefault(origins[doc_id].origin_id, []).append(doc_id)
    return sorted(parts.values())
