"""Lemma candidates for English verbs and nouns without a trained model.

spaCy's lookup tables (spacy-lookups-data) are not installed, so triggers are matched by
lemma through a small rule lemmatizer: a word maps to the *set* of bases it may come from
("accused" -> accuse, accus; "talks" -> talk). A trigger lemma matches when it is in that
set, which makes suffix guessing safe without a dictionary of all English words.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from dyad.errors import LexiconError
from dyad.events.datafile import DATA_DIR, LINE_KEY, line_of, load_yaml

DEFAULT_PATH = DATA_DIR / "lemmas.yaml"
_VOWELS = frozenset("aeiou")


def read_irregular(path: Path) -> dict[str, str]:
    """Inflected form -> base form, from the `irregular` table of a lemma file.

    Raises:
        LexiconError: the table is missing or an entry is not a list of words.
    """
    data = load_yaml(path)
    table = data.get("irregular") if isinstance(data, dict) else None
    if not isinstance(table, dict):
        raise LexiconError(str(path), None, "expected a mapping under 'irregular'")
    line = line_of(table)
    forms: dict[str, str] = {}
    for base, inflected in table.items():
        if base == LINE_KEY:
            continue
        if not isinstance(base, str) or not isinstance(inflected, list):
            raise LexiconError(str(path), line, f"{base!r}: expected a base word and a list")
        for form in inflected:
            if not isinstance(form, str) or not form.isalpha():
                raise LexiconError(str(path), line, f"{base!r}: bad form {form!r}")
            forms[form.lower()] = base.lower()
    return forms


class Lemmatizer:
    """Maps a word to the set of lemmas it may be an inflection of."""

    def __init__(self, irregular: dict[str, str]) -> None:
        self._irregular = irregular
        self.candidates = lru_cache(maxsize=65536)(self._candidates)

    def _candidates(self, word: str) -> frozenset[str]:
        w = word.lower().replace("’", "'")
        out = {w}
        if w in self._irregular:
            out.add(self._irregular[w])
        if len(w) <= 3 or not w.isalpha():
            return frozenset(out)
        if w.endswith("ies"):
            out.add(w[:-3] + "y")
        elif w.endswith("es"):
            out.update((w[:-2], w[:-1]))
        elif w.endswith("s") and not w.endswith("ss"):
            out.add(w[:-1])
        if w.endswith("ied"):
            out.add(w[:-3] + "y")
        elif w.endswith("ed"):
            out.update(self._stem_forms(w[:-2]))
        if w.endswith("ing"):
            out.update(self._stem_forms(w[:-3]))
        return frozenset(x for x in out if len(x) >= 2)

    @staticmethod
    def _stem_forms(stem: str) -> set[str]:
        """Bases a stripped stem may come from: as is, with an e, undoubled."""
        forms = {stem, stem + "e"}
        if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
            forms.add(stem[:-1])
        return forms


@lru_cache(maxsize=4)
def load_lemmatizer(path: Path | None = None) -> Lemmatizer:
    """The lemmatizer built from `path` or the packaged table, loaded once per path."""
    return Lemmatizer(read_irregular(path or DEFAULT_PATH))
