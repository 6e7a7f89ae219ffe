"""The speech-cue lexicon of dyad.quotes, loaded once and validated.

Reporting verbs are listed by lemma in `data/cues.yaml`; their inflections are generated
here by a small rule set (with irregular forms from the data), so a user adds "opine" once
instead of four times.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from dyad.datafile import (
    entries,
    key_line,
    label_map,
    parse_yaml,
    read_text,
    string_list,
    top_mapping,
)
from dyad.errors import LexiconError

DATA_PATH = Path(__file__).parent / "data" / "cues.yaml"
COMPLEMENTS = ("clause", "object", "naming", "judging", "source")
_VOWELS = set("aeiou")


def inflect(lemma: str) -> set[str]:
    """The lemma and its regular -s, -ed and -ing forms ("stress" -> "stressed")."""
    forms = {lemma}
    if re.search(r"(?:s|x|z|ch|sh)$", lemma):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        forms |= {lemma[:-1] + "ied", lemma + "ing"}
    elif (
        len(lemma) <= 4
        and len(lemma) >= 3
        and lemma[-1] not in _VOWELS | {"w", "x", "y"}
        and lemma[-2] in _VOWELS
        and lemma[-3] not in _VOWELS
    ):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    else:
        forms |= {lemma + "ed", lemma + "ing"}
    return forms


@dataclass(frozen=True, eq=False)  # identity hash: derived tables are cached per lexicon
class CueLexicon:
    """Validated cues. `verb_forms` maps every inflected form to (lemma, complement)."""

    verb_forms: dict[str, tuple[str, str]]
    phrases: dict[tuple[str, ...], str]
    nouns: frozenset[str]
    indirect_markers: frozenset[str]
    relatives: frozenset[str]
    between: frozenset[str]
    coordination_openers: frozenset[str]
    plural_people: frozenset[str]
    possessed: frozenset[str]
    unnamed_sources: frozenset[str]
    clause_breaks: tuple[str, ...]


def parse_lexicon(text: str, path: str) -> CueLexicon:
    """Validate the YAML text of a cue lexicon.

    Raises:
        LexiconError: a section is missing or an entry is malformed.
    """
    data = top_mapping(path, parse_yaml(text, path))

    def complements(section: str) -> dict[str, str]:
        return {k.lower(): v for k, v in label_map(path, data, section, COMPLEMENTS).items()}

    def words(section: str, where: dict[str, Any]) -> tuple[str, ...]:
        return tuple(w.lower() for w in string_list(path, where, section))

    verbs = complements("verbs")
    irregular = data.get("irregular") or {}
    if not isinstance(irregular, dict):
        raise LexiconError(path, key_line(data, "irregular"), "'irregular' must be a map")
    verb_forms: dict[str, tuple[str, str]] = {}
    for lemma, complement in verbs.items():
        given = irregular.get(lemma) is not None
        forms = {lemma, *words(lemma, irregular)} if given else inflect(lemma)
        for form in forms:
            verb_forms.setdefault(form, (lemma, complement))
    for lemma, _ in entries(irregular):
        if lemma not in verbs:
            raise LexiconError(
                path, key_line(irregular, lemma), f"irregular: {lemma!r} is not among the verbs"
            )
    phrases = complements("phrases")

    return CueLexicon(
        verb_forms=verb_forms,
        phrases={tuple(p.split()): c for p, c in phrases.items()},
        nouns=frozenset(words("nouns", data)),
        indirect_markers=frozenset(words("indirect_markers", data)),
        relatives=frozenset(words("relatives", data)),
        between=frozenset(words("between", data)),
        coordination_openers=frozenset(words("coordination_openers", data)),
        plural_people=frozenset(words("plural_people", data)),
        possessed=frozenset(words("possessed", data)),
        unnamed_sources=frozenset(words("unnamed_sources", data)),
        clause_breaks=words("clause_breaks", data),
    )


@cache
def load_lexicon(path: Path = DATA_PATH) -> CueLexicon:
    """The packaged cue lexicon (or one at `path`), parsed once per process."""
    return parse_lexicon(read_text(path), str(path))
