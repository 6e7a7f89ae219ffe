"""Near-duplicate documents: MinHash signatures of word 5-shingles and an LSH index."""

from __future__ import annotations

import functools
import hashlib
import re
from array import array
from typing import Any

import numpy

from dyad.model import normalize_for_id

_WORD = re.compile(r"\w+")
SHINGLE_WORDS = 5
#: Pinned so stored signatures stay comparable across datasketch releases.
SCHEME = "affine32"
SEED = 1


def _shingles(text: str) -> set[bytes]:
    words = _WORD.findall(normalize_for_id(text))
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


@functools.cache
def _permutations(num_perm: int) -> Any:
    """The hash permutations for `num_perm`: drawing them dominated the cost of a MinHash."""
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations


def _new_minhash(num_perm: int, hashvalues: list[int] | None = None) -> Any:
    from datasketch import MinHash  # imported on use: the package takes a second to import

    return MinHash(
        num_perm=num_perm,
        seed=SEED,
        scheme=SCHEME,
        hashvalues=hashvalues,
        permutations=_permutations(num_perm),
    )


def minhash_signature(text: str, num_perm: int = 128) -> list[int]:
    """MinHash of the text's word 5-shingles (case, accents width and spacing ignored).

    The seed is fixed, so signatures are comparable across processes and runs.
    """
    mh = _new_minhash(num_perm)
    mh.update_batch(sorted(_shingles(text)))
    return [int(v) for v in mh.hashvalues]


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of two signatures of the same length."""
    if len(a) != len(b):
        raise ValueError(
            f"signatures differ in length ({len(a)} vs {len(b)}); "
            "compute both with the same num_perm"
        )
    if not a:
        return 0.0
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


#: Band keys held in a dict before they are merged into the sorted arrays.
_PENDING_KEYS = 65_536


class NearDuplicateIndex:
    """Earlier documents by signature; `query` finds the most similar one above threshold.

    Banded LSH with datasketch's bands and rows for the threshold, kept compact, since a
    run holds every stored document's entry: each band of a signature is a 64-bit key,
    kept with the document's number in two sorted arrays (recent keys in a dict until
    there are enough to merge), and the signatures are one flat array of 32-bit values
    (MinHash values here are below 2**32). Under a kilobyte per document, where
    datasketch's index with a list of Python ints per signature took nine.
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = 128) -> None:
        if not 0 < threshold <= 1:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        from datasketch import MinHashLSH  # imported on use: the package is slow to import

        shape = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._bands, self._rows = int(shape.b), int(shape.r)
        self._keys = numpy.empty(0, dtype=numpy.uint64)  # sorted
        self._owners = numpy.empty(0, dtype=numpy.uint32)  # document number of each key
        self._pending: dict[int, list[int]] = {}
        self._numbers: dict[str, int] = {}
        self._ids: list[str] = []
        self._signatures = array("I")

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._numbers

    def _band_keys(self, signature: list[int]) -> list[int]:
        if len(signature) != self.num_perm:
            raise ValueError(
                f"signature has {len(signature)} values, the index expects {self.num_perm}; "
                "compute it with minhash_signature(text, num_perm=index.num_perm)"
            )
        keys = []
        for band in range(self._bands):
            rows = array("I", signature[band * self._rows : (band + 1) * self._rows])
            digest = hashlib.blake2b(rows.tobytes(), digest_size=8, salt=band.to_bytes(8, "big"))
            keys.append(int.from_bytes(digest.digest(), "big"))
        return keys

    def add(self, doc_id: str, signature: list[int]) -> None:
        """Remember a document; adding the same id again is a no-op."""
        if doc_id in self._numbers:
            return
        keys = self._band_keys(signature)
        number = len(self._ids)
        self._signatures.extend(signature)
        self._ids.append(doc_id)
        self._numbers[doc_id] = number
        for key in keys:
            self._pending.setdefault(key, []).append(number)
        if len(self._pending) >= _PENDING_KEYS:
            self._merge()

    def _merge(self) -> None:
        pairs = [(k, n) for k, numbers in self._pending.items() for n in numbers]
        keys = numpy.concatenate([self._keys, numpy.array([k for k, _ in pairs], numpy.uint64)])
        owners = numpy.concatenate([self._owners, numpy.array([n for _, n in pairs], numpy.uint32)])
        order = numpy.argsort(keys, kind="stable")
        self._keys, self._owners = keys[order], owners[order]
        self._pending = {}

    def _candidates(self, keys: list[int]) -> set[int]:
        found: set[int] = set()
        wanted = numpy.array(keys, dtype=numpy.uint64)
        lows = numpy.searchsorted(self._keys, wanted, side="left")
        highs = numpy.searchsorted(self._keys, wanted, side="right")
        for low, high in zip(lows.tolist(), highs.tolist(), strict=True):
            found.update(self._owners[low:high].tolist())
        for key in keys:
            found.update(self._pending.get(key, ()))
        return found

    def query(self, signature: list[int]) -> str | None:
        """The most similar earlier doc_id with similarity >= threshold, or None."""
        best: tuple[float, str] | None = None
        for number in self._candidates(self._band_keys(signature)):
            stored = self._signatures[number * self.num_perm : (number + 1) * self.num_perm]
            score = similarity(signature, stored.tolist())
            doc_id = self._ids[number]
            if score >= self.threshold and (best is None or (score, doc_id) > best):
                best = (score, doc_id)
        return best[1] if best else None
