"""Stories: documents that report the same happening, grouped as they arrive.

Two dated documents belong together when they are at most `WINDOW_DAYS` apart and alike
enough (`similarity`); stories are the connected groups of such pairs, so the result is
the same in whatever order documents arrive. A group spanning more than `MAX_STORY_DAYS`
(daily coverage of one relationship, linked day to day) is cut in time. A document with
no date (no publication date, none in its URL) joins the story of the dated document it
is most alike, if any is alike enough; it never joins two stories together, so one
undated article about a pair of leaders cannot merge their meetings months apart.
Undated documents alike no dated one group among themselves.

Ties: an undated document equally alike two dated ones joins the one whose doc_id sorts
first.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dyad.link.groups import Groups, first_wins
from dyad.link.profile import Profile
from dyad.link.similarity import cosine, days_apart, similarity

#: Most days between two dated documents of one story.
WINDOW_DAYS = 3
#: Least similarity of two documents of one story.
SAME_STORY = 0.3
#: Least similarity of two undated documents of one story: with no day to keep them
#: apart, only close wording, names and events group them.
SAME_STORY_UNDATED = 0.45
#: Most days a story spans: daily coverage of one relationship links day to day, and
#: without a cap would chain weeks of news (two meetings a month apart) into one story.
MAX_STORY_DAYS = 7


def same_story(a: Profile, b: Profile) -> bool:
    """Whether two dated documents are one story's (symmetric, order-free)."""
    apart = days_apart(a.anchor, b.anchor)
    return apart is not None and apart <= WINDOW_DAYS and similarity(a, b) >= SAME_STORY


def group_stories(profiles: Sequence[Profile]) -> list[list[str]]:
    """The stories among these documents, as lists of doc ids (see the module docstring)."""
    groups = Groups(p.doc_id for p in profiles)
    dated = sorted((p for p in profiles if p.anchor), key=lambda p: (p.anchor or "", p.doc_id))
    pairs = []
    for i, a in enumerate(dated):
        for b in dated[i + 1 :]:
            if (days_apart(a.anchor, b.anchor) or 0) > WINDOW_DAYS:
                break
            if same_story(a, b):
                pairs.append((a, b))
                groups.union(a.doc_id, b.doc_id)
    groups = _capped(groups, {p.doc_id: p for p in dated}, pairs)
    loose = []
    for u in sorted((p for p in profiles if not p.anchor), key=lambda p: p.doc_id):
        best = max(
            ((similarity(u, d), first_wins(d.doc_id)) for d in dated),
            default=None,
        )
        if best is not None and best[0] >= SAME_STORY:
            groups.union(u.doc_id, first_wins(best[1]))
        else:
            loose.append(u)
    for i, a in enumerate(loose):
        for b in loose[i + 1 :]:
            if similarity(a, b) >= SAME_STORY_UNDATED:
                groups.union(a.doc_id, b.doc_id)
    return groups.groups()


def story_id(doc_ids: Iterable[str]) -> str:
    """A story's id: derived from its first document id, stable while that one stays."""
    return "s-" + hashlib.sha1(min(doc_ids).encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class StoryInfo:
    """A story's summary: its most central headline, date range, documents, outlets."""

    story_id: str
    title: str
    start: str | None
    end: str | None
    doc_ids: list[str]
    outlets: list[str]


#: Days before its first report that a story's range reaches back for the facts it tells.
LOOKBACK_DAYS = 31


def _capped(
    groups: Groups, dated: dict[str, Profile], pairs: list[tuple[Profile, Profile]]
) -> Groups:
    """The dated groups with any that spans more than `MAX_STORY_DAYS` cut in time.

    A long group is cut into spans of at most `MAX_STORY_DAYS` from its earliest day on;
    within each span the documents are grouped again by the pairs inside it. The cut
    depends only on the group, not on the order documents came in.
    """
    span_of: dict[str, tuple[str, int]] = {}
    for members in groups.groups():
        days = sorted(dated[m].anchor or "" for m in members if m in dated)
        if not days or (days_apart(days[0], days[-1]) or 0) <= MAX_STORY_DAYS:
            continue
        start, chunk = days[0], 0
        for member in sorted(members, key=lambda m: (dated[m].anchor or "", m)):
            day = dated[member].anchor or start
            if (days_apart(start, day) or 0) > MAX_STORY_DAYS:
                start, chunk = day, chunk + 1
            span_of[member] = (members[0], chunk)
    if not span_of:
        return groups
    cut = Groups(groups.parent)
    for a, b in pairs:
        if span_of.get(a.doc_id, (a.doc_id, 0)) == span_of.get(b.doc_id, (b.doc_id, 0)) or (
            a.doc_id not in span_of and b.doc_id not in span_of
        ):
            cut.union(a.doc_id, b.doc_id)
    return cut


def _within(day: str, anchors: Sequence[str]) -> bool:
    """Whether a fact's day belongs in the range of a story reported on `anchors`: a
    day-precision date from a month before the first report to a day after the last (a
    misread year must not stretch a story over years)."""
    if len(day) != 10:
        return False
    if not anchors:
        return True
    before = days_apart(day, anchors[0]) or 0
    after = days_apart(day, anchors[-1]) or 0
    return (day >= anchors[0] or before <= LOOKBACK_DAYS) and (day <= anchors[-1] or after <= 1)


def describe(profiles: Sequence[Profile], fact_dates: Iterable[str] = ()) -> StoryInfo:
    """The summary of one story's documents.

    The title is the headline of the document whose words are nearest the story's
    centroid (ties: the earliest doc id); the date range spans the documents' anchors and
    the days of its facts near them (`_within`).
    """
    ids = sorted(p.doc_id for p in profiles)
    centroid: dict[str, float] = {}
    for p in profiles:
        for word, weight in p.terms.items():
            centroid[word] = centroid.get(word, 0.0) + weight
    central = max(profiles, key=lambda p: (cosine(p.terms, centroid), first_wins(p.doc_id)))
    anchors = sorted(p.anchor for p in profiles if p.anchor)
    days = sorted(set(anchors) | {d for d in fact_dates if _within(d, anchors)})
    outlets = Counter(p.outlet for p in profiles if p.outlet)
    return StoryInfo(
        story_id=story_id(ids),
        title=central.headline,
        start=days[0] if days else None,
        end=days[-1] if days else None,
        doc_ids=ids,
        outlets=sorted(outlets),
    )
