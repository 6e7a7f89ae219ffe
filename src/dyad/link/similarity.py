"""How alike two documents are, and whether one copies the other.

Both are pairwise and symmetric and read only the two profiles, so stories and origins
built from them do not depend on the order documents arrive in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from dyad.link.profile import Profile

#: Weights of the three signals in `similarity`: headline and lead words, the people and
#: organisations named, the (type, dyad) pairs of the events coded.
WEIGHTS = {"words": 0.5, "names": 0.3, "facts": 0.2}
#: Shingle overlap (Jaccard) at which two sentences count as one copied sentence.
COPIED_SENTENCE = 0.5
#: Copied sentences that make two documents one origin.
COPIED_SENTENCES = 2
#: Shingles of a sentence long enough that copying it alone makes one origin (about 15
#: words: a long sentence is not repeated word for word by chance).
LONG_SENTENCE_SHINGLES = 12


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    first, second = set(a), set(b)
    union = first | second
    return len(first & second) / len(union) if union else 0.0


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two unit-length weight maps."""
    if len(b) < len(a):
        a, b = b, a
    return sum(weight * b.get(word, 0.0) for word, weight in a.items())


def similarity(a: Profile, b: Profile) -> float:
    """0..1: how likely two documents report the same story, time aside."""
    return (
        WEIGHTS["words"] * cosine(a.terms, b.terms)
        + WEIGHTS["names"] * jaccard(a.names, b.names)
        + WEIGHTS["facts"] * jaccard(a.facts, b.facts)
    )


def days_apart(a: str | None, b: str | None) -> int | None:
    """Days between two anchors, or None when either is unknown."""
    if a is None or b is None:
        return None
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def copied_sentences(a: Profile, b: Profile) -> list[int]:
    """The sizes (in shingles) of the sentences of `a` with a near-copy in `b`
    (quotations masked out)."""
    others, holding = b.sentence_index
    sizes = []
    for mine in a.sentence_index[0]:
        shared = Counter(i for shingle in mine for i in holding.get(shingle, ()))
        if any(n / (len(mine) + len(others[i]) - n) >= COPIED_SENTENCE for i, n in shared.items()):
            sizes.append(len(mine))
    return sizes


def same_origin(a: Profile, b: Profile, copied: list[int] | None = None) -> str | None:
    """Why two documents are not independent sources, or None when they are.

    The same outlet; the same agency credited or publishing both; or shared sentences
    outside quotations (a reprint or a rewrite of one copy): `copied`, the sizes of the
    sentences of `a` copied in `b` when a story-wide join has found them already.
    """
    if a.outlet and a.outlet == b.outlet:
        return f"same outlet {a.outlet}"
    shared = sorted(set(a.credits) & set(b.credits))
    if shared:
        return f"both credit {', '.join(shared)}"
    if copied is None:
        copied = copied_sentences(a, b)
    if len(copied) >= COPIED_SENTENCES:
        return f"{len(copied)} sentences copied"
    if copied and max(copied) >= LONG_SENTENCE_SHINGLES:
        return "a long sentence copied"
    return None
