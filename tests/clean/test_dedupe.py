"""MinHash signatures and the near-duplicate index."""

from __future__ import annotations

import random

import pytest

from dyad.clean.dedupe import SCHEME, NearDuplicateIndex, minhash_signature, similarity

from .conftest import PARAGRAPHS

ORIGINAL = " ".join(PARAGRAPHS)
REWRITE = ORIGINAL.replace("Friday", "Saturday")  # one word changed
OTHER = (
    "The European Union adopted a new package of sanctions against tankers of the shadow "
    "fleet on Tuesday, and Hungary said it would not block the decision this time."
)


def test_signature_is_stable_and_sized() -> None:
    sig = minhash_signature(ORIGINAL)
    assert sig == minhash_signature(ORIGINAL)
    assert len(sig) == 128
    assert len(minhash_signature(ORIGINAL, num_perm=64)) == 64


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        (ORIGINAL, ORIGINAL, 1.0, 1.0),
        (ORIGINAL, ORIGINAL.upper().replace(" ", "  "), 1.0, 1.0),
        (ORIGINAL, REWRITE, 0.8, 0.99),
        (ORIGINAL, OTHER, 0.0, 0.1),
    ],
)
def test_similarity(a: str, b: str, low: float, high: float) -> None:
    assert low <= similarity(minhash_signature(a), minhash_signature(b)) <= high


def test_index_returns_most_similar_earlier_document() -> None:
    index = NearDuplicateIndex(threshold=0.8)
    index.add("orig", minhash_signature(ORIGINAL))
    index.add("other", minhash_signature(OTHER))
    assert index.query(minhash_signature(REWRITE)) == "orig"
    assert index.query(minhash_signature(OTHER + " Officials confirmed it.")) == "other"
    assert index.query(minhash_signature("A short unrelated note about rain.")) is None
    assert len(index) == 2 and "orig" in index


def test_index_prefers_the_closer_of_two() -> None:
    index = NearDuplicateIndex(threshold=0.5)
    half = " ".join(PARAGRAPHS[:4])
    index.add("half", minhash_signature(half))
    index.add("full", minhash_signature(ORIGINAL))
    assert index.query(minhash_signature(REWRITE)) == "full"


@pytest.mark.parametrize("threshold", [0.0, 1.5, -0.1])
def test_bad_threshold(threshold: float) -> None:
    with pytest.raises(ValueError, match="threshold"):
        NearDuplicateIndex(threshold=threshold)


def test_signature_of_other_length_refused() -> None:
    index = NearDuplicateIndex()
    with pytest.raises(ValueError, match="num_perm"):
        index.add("x", minhash_signature(ORIGINAL, num_perm=64))


def test_empty_text_has_a_signature() -> None:
    assert len(minhash_signature("")) == 128


def test_index_finds_what_datasketch_lsh_finds() -> None:
    """The compact index bands like datasketch's MinHashLSH: same candidates, same answer."""
    from datasketch import MinHash, MinHashLSH

    rng = random.Random(5)
    words = [f"w{i}" for i in range(60)]
    texts = [" ".join(rng.choice(words) for _ in range(40)) for _ in range(60)]
    texts += [t.replace("w1 ", "w2 ", 1) for t in texts[:20]]  # near copies
    index = NearDuplicateIndex(threshold=0.7)
    reference = MinHashLSH(threshold=0.7, num_perm=128)
    signatures: dict[str, list[int]] = {}
    found = 0
    for number, text in enumerate(texts):
        signature = minhash_signature(text)
        candidates = reference.query(MinHash(num_perm=128, hashvalues=signature, scheme=SCHEME))
        scored = [(similarity(signature, signatures[c]), c) for c in candidates]
        expected = max((s for s in scored if s[0] >= 0.7), default=(0.0, None))[1]
        assert index.query(signature) == expected
        found += expected is not None
        doc_id = f"d{number:03d}"
        index.add(doc_id, signature)
        reference.insert(doc_id, MinHash(num_perm=128, hashvalues=signature, scheme=SCHEME))
        signatures[doc_id] = signature
    assert len(index) == len(texts)
    assert found >= 15  # the near copies were found
