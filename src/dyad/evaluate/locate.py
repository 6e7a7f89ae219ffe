"""Find a gold string in a document's cleaned text, whatever cleaning did to it.

Gold strings (evidence, quote content, boilerplate lines) were copied from the raw text,
but offsets refer to the cleaned text, and the two can differ: lossy mojibake repaired
(`Iranâs` in the gold, `Iran’s` in the text), intact mojibake fixed by ftfy, curly or
straight quotes, dashes, spacing. Both sides are therefore compared through a *fold*
that keeps only letters and digits (casefolded, accents stripped) and drops the lone
lead bytes that lossy mojibake leaves behind, with a map from each folded character back
to its offset in the original text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import ftfy

# What survives of a UTF-8 sequence decoded as cp1252 once its continuation bytes were
# lost (`Iranâs` for `Iran’s`, `RussiaâIran` for `Russia–Iran`), plus the two remnants
# that NFKD would otherwise turn into letters. They are dropped on both sides.
_MOJIBAKE_REMNANTS = frozenset("âÃÂ€™")


@dataclass(frozen=True)
class Folded:
    """A folded text: `text[i]` came from `offsets[i]` in the original.

    `lost` holds the folded positions right after a dropped mojibake remnant, where the
    repaired text may have one letter more than the folded gold string.
    """

    text: str
    offsets: tuple[int, ...]
    lost: frozenset[int]


def fold(text: str) -> Folded:
    """Fold a text to letters and digits, keeping where each came from.

    Args:
        text: any text.

    Returns:
        The folded text with its offset map.
    """
    chars: list[str] = []
    offsets: list[int] = []
    lost: set[int] = set()
    for index, char in enumerate(text):
        if char in _MOJIBAKE_REMNANTS:
            lost.add(len(chars))
            continue
        for part in unicodedata.normalize("NFKD", char):
            if unicodedata.combining(part):
                continue
            for folded in part.casefold():
                if folded.isalnum():
                    chars.append(folded)
                    offsets.append(index)
    return Folded("".join(chars), tuple(offsets), frozenset(lost))


def normalize(text: str) -> str:
    """The comparison key of a line: its fold, or its spacing-collapsed form if it has no
    letters or digits at all (a rule of dashes is still a line)."""
    folded = fold(text).text
    return folded or " ".join(text.split()).casefold()


class TextLocator:
    """Locates strings in one text; folds the text once for many look-ups."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded = fold(text)

    def find_all(self, needle: str) -> list[tuple[int, int]]:
        """Every occurrence of `needle` in the text, as (start, end) offsets.

        Tries the needle as ftfy repairs it, then as given; within each, an exact folded
        match first, then one that lets a lost mojibake remnant stand for one letter.
        Occurrences that cut a word in two are dropped when whole-word ones exist. A
        needle without letters or digits is searched as it is, stripped.

        Args:
            needle: the gold string.

        Returns:
            Sorted (start, end) pairs into the original text; empty when not found.
        """
        repaired = ftfy.fix_text(needle)
        variants = [repaired] if repaired == needle else [repaired, needle]
        for variant in variants:
            folded = fold(variant)
            if not folded.text:
                continue
            spans = self._exact(folded.text) or self._loose(folded)
            if spans:
                return self._prefer_whole_words(spans, variant)
        return self._literal(needle.strip()) if not fold(needle).text else []

    def find(self, needle: str) -> tuple[int, int] | None:
        """The first occurrence of `needle`, or None."""
        spans = self.find_all(needle)
        return spans[0] if spans else None

    def _exact(self, folded: str) -> list[tuple[int, int]]:
        hay = self._folded.text
        spans: list[tuple[int, int]] = []
        at = hay.find(folded)
        while at >= 0:
            spans.append(self._span(at, at + len(folded)))
            at = hay.find(folded, at + 1)
        return spans

    def _literal(self, needle: str) -> list[tuple[int, int]]:
        """Plain search, for a needle with no letters or digits (a rule of dashes)."""
        if not needle:
            return []
        spans: list[tuple[int, int]] = []
        at = self.text.find(needle)
        while at >= 0:
            spans.append((at, at + len(needle)))
            at = self.text.find(needle, at + 1)
        return spans

    def _loose(self, needle: Folded) -> list[tuple[int, int]]:
        if not needle.lost:
            return []
        cuts = sorted(p for p in needle.lost if 0 < p < len(needle.text))
        bounds = zip([0, *cuts], [*cuts, len(needle.text)], strict=True)
        pieces = [needle.text[a:b] for a, b in bounds]
        pattern = re.compile(".?".join(re.escape(piece) for piece in pieces))
        return [self._span(m.start(), m.end()) for m in pattern.finditer(self._folded.text)]

    def _span(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded [start, end) back to the original text."""
        offsets = self._folded.offsets
        first, last = offsets[start], offsets[end - 1] + 1
        while last < len(self.text) and unicodedata.combining(self.text[last]):
            last += 1
        return first, last

    def _prefer_whole_words(
        self, spans: list[tuple[int, int]], needle: str
    ) -> list[tuple[int, int]]:
        stripped = needle.strip()
        check_start = bool(stripped) and stripped[0].isalnum()
        check_end = bool(stripped) and stripped[-1].isalnum()
        text = self.text

        def whole(span: tuple[int, int]) -> bool:
            start, end = span
            if check_start and start > 0 and text[start - 1].isalnum():
                return False
            return not (check_end and end < len(text) and text[end].isalnum())

        kept = [span for span in spans if whole(span)]
        return sorted(set(kept or spans))


@lru_cache(maxsize=16)
def _locator(text: str) -> TextLocator:
    return TextLocator(text)


def locate_all(needle: str, text: str) -> list[tuple[int, int]]:
    """Every occurrence of a gold string in a cleaned text (see `TextLocator.find_all`)."""
    return _locator(text).find_all(needle)


def locate(needle: str, text: str) -> tuple[int, int] | None:
    """The first occurrence of a gold string in a cleaned text, or None."""
    return _locator(text).find(needle)
