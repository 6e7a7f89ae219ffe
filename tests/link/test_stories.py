"""Grouping documents into stories (link/stories.py), on profiles built by hand."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from dyad.link.profile import Profile, url_day
from dyad.link.stories import MAX_STORY_DAYS, group_stories


def _profile(
    doc_id: str, anchor: str | None, words: str, names: list[str], facts: list[str]
) -> Profile:
    counts = {w: 1.0 for w in words.split()}
    norm = len(counts) ** 0.5
    return Profile(
        doc_id=doc_id, name=doc_id, outlet=f"{doc_id}.example", anchor=anchor,
        headline=words, terms={w: v / norm for w, v in counts.items()}, names=names,
        dyads=["IRN-RUS"], facts=facts,
    )  # fmt: skip


MEETING = "putin araghchi kremlin talks nuclear moscow meeting"
FACTS = ["CONSULT|IRN|RUS"]
NAMES = ["Abbas Araghchi", "Vladimir Putin"]


def _stories(profiles: list[Profile]) -> set[frozenset[str]]:
    return {frozenset(g) for g in group_stories(profiles)}


def test_stories_two_meetings_weeks_apart_are_two_stories():
    profiles = [
        _profile("a1", "2025-06-23", MEETING, NAMES, FACTS),
        _profile("a2", "2025-06-24", MEETING, NAMES, FACTS),
        _profile("b1", "2025-08-20", MEETING, NAMES, FACTS),
        _profile("b2", "2025-08-21", MEETING, NAMES, FACTS),
    ]
    assert _stories(profiles) == {frozenset({"a1", "a2"}), frozenset({"b1", "b2"})}


def test_stories_an_undated_document_never_bridges_two_stories():
    profiles = [
        _profile("a1", "2025-06-23", MEETING, NAMES, FACTS),
        _profile("b1", "2025-08-20", MEETING, NAMES, FACTS),
        _profile("u1", None, MEETING, NAMES, FACTS),
    ]
    stories = _stories(profiles)
    assert len(stories) == 2
    assert frozenset({"a1", "u1"}) in stories  # the tie goes to the smaller doc id


def test_stories_daily_coverage_is_cut_into_spans_of_at_most_a_week():
    start = date(2025, 6, 1)
    profiles = [
        _profile(f"d{i:02d}", (start + timedelta(days=i)).isoformat(), MEETING, NAMES, FACTS)
        for i in range(30)
    ]
    stories = group_stories(profiles)
    anchors = {p.doc_id: p.anchor for p in profiles}
    assert len(stories) >= 4
    for story in stories:
        days = sorted(date.fromisoformat(anchors[d]) for d in story)
        assert (days[-1] - days[0]).days <= MAX_STORY_DAYS


def test_stories_unlike_documents_of_one_day_stay_apart():
    profiles = [
        _profile("m", "2025-06-23", MEETING, NAMES, FACTS),
        _profile(
            "q", "2025-06-23", "earthquake rescue teams rubble province", ["Red Crescent"], []
        ),
    ]
    assert _stories(profiles) == {frozenset({"m"}), frozenset({"q"})}


def test_stories_do_not_depend_on_the_order_documents_come_in():
    rng = random.Random(4)
    start = date(2025, 3, 1)
    topics = [MEETING, "lavrov wang beijing trade talks", "strike isfahan drone attack base"]
    profiles = [
        _profile(
            f"x{i:02d}",
            None if i % 7 == 0 else (start + timedelta(days=rng.randrange(20))).isoformat(),
            rng.choice(topics),
            NAMES,
            FACTS,
        )
        for i in range(40)
    ]
    expected = _stories(profiles)
    for _ in range(5):
        rng.shuffle(profiles)
        assert _stories(profiles) == expected


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://example.com/2025/06/23/putin-meets", "2025-06-23"),
        ("https://example.com/news/20250120/344771", "2025-01-20"),
        ("https://example.com/world/2025-12-17-talks", "2025-12-17"),
        ("https://example.com/en/202512175929", None),  # a longer number, not a date
        ("https://example.com/2025/02/30/x", None),  # no such day
        ("https://example.com/2025/06/23/a/2025/06/24/b", None),  # two days: no answer
        (None, None),
    ],
)
def test_stories_a_url_gives_the_day_it_carries(url, day):
    assert url_day(url) == day


def test_stories_reports_of_one_day_alike_are_one_story():
    profiles = [_profile(f"p{i}", "2025-06-23", MEETING, NAMES, FACTS) for i in range(5)]
    (story,) = group_stories(profiles)
    assert sorted(story) == [f"p{i}" for i in range(5)]
