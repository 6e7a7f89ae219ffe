"""Language of a document and of single lines (py3langid, model inside the wheel)."""

from __future__ import annotations

import re
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from dyad.model import EXTRACTION_LANGUAGES, Flag

#: Where a body is cut into the pieces whose languages are counted: sentence ends, lines.
_PIECE_END = re.compile(r"(?<=[.!?\u3002\u061f\u06d4])\s+|\n+")
#: A piece with fewer letters says too little to count; at most this many pieces are read,
#: spread over the whole body.
_MIN_PIECE_LETTERS = 20
_MAX_PIECES = 60


@lru_cache(maxsize=1)
def _full_identifier() -> LanguageIdentifier:
    """The whole model, read from the wheel once (it takes about half a second)."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=8)
def _identifier(languages: tuple[str, ...] | None) -> LanguageIdentifier:
    """One identifier per language subset, sharing the arrays of the full model."""
    if not languages:
        return _full_identifier()
    full = _full_identifier()
    ident = LanguageIdentifier(
        full.nb_ptc,
        full.nb_pc,
        full.nb_classes,
        full.tk_nextmove,
        full.tk_output,
        norm_probs=True,
        tk_row=full.tk_row,
    )
    ident.set_languages(list(languages))
    return ident


def detect_language(text: str, languages: tuple[str, ...] | None = None) -> tuple[str, float]:
    """Best language code and its probability for `text`.

    Args:
        text: any text; long texts are judged on their first 5,000 characters.
        languages: restrict the answer to these ISO 639-1 codes (None: all of them).

    Returns:
        (code, probability); ("und", 0.0) for text with no letters.
    """
    sample = text[:5000]
    if not any(ch.isalpha() for ch in sample):
        return "und", 0.0
    lang, prob = _identifier(languages).classify(sample)
    return str(lang), float(prob)


def body_language(text: str) -> str:
    """The language most of a body is written in, by letters, not by its loudest line.

    One identifier run over a whole text lets a short passage in a distinctive script (a
    quoted Russian sentence in an English article) decide it; here the body is cut into
    sentences and lines, each piece is identified on its own, and the language holding
    the most letters wins. At most `_MAX_PIECES` pieces are read, spread over the body.

    Returns:
        An ISO 639-1 code; "und" for text with no letters.
    """
    pieces = [p for p in _PIECE_END.split(text) if _letters(p) >= _MIN_PIECE_LETTERS]
    if len(pieces) <= 1:
        return detect_language(text)[0]
    step = max(1, len(pieces) // _MAX_PIECES)
    votes: dict[str, float] = {}
    for piece in pieces[::step][:_MAX_PIECES]:
        code, probability = detect_language(piece)
        # weighed by certainty too: a sentence made of names says little of its language
        votes[code] = votes.get(code, 0.0) + _letters(piece) * probability
    return max(votes, key=votes.__getitem__)


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text[:2000])


def language_flags(language: str | None) -> list[Flag]:
    """A warning for a document extraction was not written for (None: not identified)."""
    if language is None or language in EXTRACTION_LANGUAGES:
        return []
    return [
        Flag(
            kind="language",
            message=f"written in {language!r}, not English: dyad extracts actors, events and "
            "quotes from English only, so this document's are missing or unreliable",
        )
    ]


def language_probabilities(text: str, languages: tuple[str, ...]) -> dict[str, float]:
    """Probability of each candidate language for a short text."""
    return {str(lang): float(p) for lang, p in _identifier(languages).rank(text)}


def is_foreign_line(
    line: str,
    document_language: str,
    languages: tuple[str, ...],
    min_prob: float,
) -> bool:
    """True when a short line is clearly in another language than its document.

    Short lines fool language identifiers, so both conditions must hold: another language
    reaches `min_prob` and the document's language stays under 5%.
    """
    if document_language not in languages:
        return False
    probs = language_probabilities(line, languages)
    best = max(probs, key=probs.__getitem__)
    return (
        best != document_language
        and probs[best] >= min_prob
        and probs.get(document_language, 0.0) < 0.05
    )
