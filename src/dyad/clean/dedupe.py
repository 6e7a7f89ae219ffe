"""Near-duplicate documents: MinHash signatures of word 5-shingles and an LSH index."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from dyad.model import normalize_for_id

if TYPE_CHECKING:
    from datasketch import MinHash

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


class NearDuplicateIndex:
    """Earlier documents by signature; `query` finds the most similar one above threshold."""

    def __init__(self, threshold: float = 0.8, num_perm: int = 128) -> None:
        if not 0 < threshold <= 1:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        from datasketch import MinHashLSH  # imported on use: the package is slow to import

        self._lsh: Any = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._signatures: dict[str, list[int]] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._signatures

    def _minhash(self, signature: list[int]) -> MinHash:
        if len(signature) != self.num_perm:
            raise ValueError(
                f"signature has {len(signature)} values, the index expects {self.num_perm}; "
                "compute it with minhash_signature(text, num_perm=index.num_perm)"
            )
        return _new_minhash(self.num_perm, signature)

    def add(self, doc_id: str, signature: list[int]) -> None:
        """Remember a document; adding the same id again is a no-op."""
        if doc_id in self._signatures:
            return
        self._lsh.insert(doc_id, self._minhash(signature))
        self._signatures[doc_id] = list(signature)

    def query(self, signature: list[int]) -> str | None:
        """The most similar earlier doc_id with similarity >= threshold, or None."""
        best: tuple[float, str] | None = None
        for doc_id in self._lsh.query(self._minhash(signature)):
            score = similarity(signature, self._signatures[doc_id])
            if score >= self.threshold and (best is None or (score, doc_id) > best):
                best = (score, doc_id)
        return best[1] if best else None
