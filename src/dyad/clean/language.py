"""Language of a document and of single lines (py3langid, model inside the wheel)."""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier


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
