"""The story-wide join for copied sentences finds exactly what comparing every pair of
documents finds (the prefix filter may only skip pairs that cannot be copies)."""

from __future__ import annotations

import random

from dyad.link.origins import copied_between, group_origins
from dyad.link.profile import Profile
from dyad.link.similarity import copied_sentences


def _story(seed: int, documents: int = 14) -> list[Profile]:
    """Documents whose sentences draw shingles from a small vocabulary, some copied
    whole or in part from an earlier document, so near-copies of every degree occur."""
    rng = random.Random(seed)
    profiles: list[Profile] = []
    for d in range(documents):
        sentences: list[list[int]] = []
        for _ in range(rng.randint(1, 6)):
            if profiles and rng.random() < 0.4:
                source = rng.choice(rng.choice(profiles).copy or [[1]])
                kept = [h for h in source if rng.random() < 0.75]
                sentences.append(kept + rng.sample(range(60), rng.randint(0, 3)))
            else:
                sentences.append(rng.sample(range(60), rng.randint(1, 9)))
        profiles.append(Profile(doc_id=f"d{d:02d}", name=f"doc{d}", outlet=None, anchor=None,
                                headline="", copy=sentences))  # fmt: skip
    return profiles


def test_the_join_finds_what_every_pair_finds() -> None:
    for seed in range(40):
        story = _story(seed)
        joined = copied_between(story)
        for i, a in enumerate(story):
            for b in story[i + 1 :]:
                expected = sorted(copied_sentences(a, b))
                assert sorted(joined.get((a.doc_id, b.doc_id), {}).values()) == expected


def test_two_copied_sentences_make_one_origin_and_a_shared_phrase_does_not() -> None:
    wire = [[1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12], [40, 41, 42]]
    reprint = [[1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12], [50, 51, 52]]
    own = [[1, 2, 30, 31, 32, 33], [60, 61, 62, 63]]  # shares one phrase only
    story = [
        Profile(doc_id=d, name=d, outlet=None, anchor=None, headline="", copy=c)
        for d, c in (("a", wire), ("b", reprint), ("c", own))
    ]
    origins = group_origins(story)
    assert origins["a"] is origins["b"]
    assert origins["c"].doc_ids == ("c",)
