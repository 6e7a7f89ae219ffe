"""Closed-class words (prepositions, relatives, auxiliaries) as packaged data.

The argument and modality rules reason with these word classes; keeping them in
`data/grammar.yaml` keeps the rules' code free of word lists.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

from dyad.errors import LexiconError
from dyad.events.datafile import DATA_DIR, LINE_KEY, load_yaml

DEFAULT_PATH = DATA_DIR / "grammar.yaml"


@dataclass(frozen=True)
class Grammar:
    """Word classes; each a set of lower-case words (openers are word tuples)."""

    co_subject_openers: tuple[tuple[str, ...], ...]
    perfect_auxiliaries: frozenset[str]
    subject_prepositions: frozenset[str]
    opener_prepositions: frozenset[str]
    place_prepositions: frozenset[str]
    conflict_calls: frozenset[str]
    light_verbs: frozenset[str]
    opinion_verbs: frozenset[str]
    first_person: frozenset[str]
    reported_self: frozenset[str]
    office_nouns: frozenset[str]
    partitive_nouns: frozenset[str]
    demonstratives: frozenset[str]
    period_words: frozenset[str]
    scheduling_verbs: frozenset[str]
    tie_nouns: frozenset[str]
    retaliation_words: frozenset[str]


def read_grammar(path: Path) -> Grammar:
    """Load and validate a grammar file.

    Raises:
        LexiconError: a class is missing, unknown, empty or not a list of words.
    """
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise LexiconError(str(path), None, "expected a mapping of word classes")
    names = {f.name for f in fields(Grammar)}
    given = set(data) - {LINE_KEY}
    if given != names:
        raise LexiconError(
            str(path), None, f"word classes missing {sorted(names - given)}, "
            f"unknown {sorted(given - names)}"
        )  # fmt: skip
    values: dict[str, object] = {}
    for name in sorted(names):
        words = data[name]
        if not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
            raise LexiconError(str(path), None, f"{name}: expected a non-empty list of words")
        if name == "co_subject_openers":
            values[name] = tuple(tuple(w.lower().split()) for w in words)
        else:
            values[name] = frozenset(w.lower() for w in words)
    return Grammar(**values)  # type: ignore[arg-type]


@lru_cache(maxsize=4)
def load_grammar(path: Path | None = None) -> Grammar:
    """The word classes from `path` or the packaged file, loaded once per path."""
    return read_grammar(path or DEFAULT_PATH)
