"""The context words the actor resolver reads (data/cues.yaml), loaded once and validated.

Prepositions that make a capital a place, nouns that make a demonym an actor, pronouns and
their genders: these are word lists, so they live in a data file; the rules that use them
live in resolve.py and coref.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from dyad.actors.kbfiles import SECTORS, read_yaml
from dyad.errors import LexiconError

CUES_FILE = Path(__file__).resolve().parent / "data" / "cues.yaml"

_WORD_LISTS = (
    "locative_prepositions",
    "motion_words",
    "directional_prepositions",
    "place_verbs",
    "place_suffixes",
    "former_markers",
    "pair_phrases",
    "administration_heads",
    "name_particles",
    "leader_titles",
    "coordinators",
    "description_determiners",
    "appositive_marks",
    "appositive_determiners",
    "affiliation_prepositions",
)


@dataclass(frozen=True)
class Cues:
    """Word lists (lowercase) that steer recognition and resolution."""

    locative_prepositions: frozenset[str]
    motion_words: frozenset[str]
    directional_prepositions: frozenset[str]
    place_verbs: frozenset[str]
    place_suffixes: frozenset[str]
    former_markers: frozenset[str]
    pair_phrases: tuple[str, ...]
    administration_heads: frozenset[str]
    name_particles: frozenset[str]
    leader_titles: frozenset[str]
    coordinators: frozenset[str]
    description_determiners: frozenset[str]
    appositive_marks: frozenset[str]
    appositive_determiners: frozenset[str]
    affiliation_prepositions: frozenset[str]
    pronouns: dict[str, str]  # lowercase pronoun -> "m" | "f"
    demonym_heads: dict[str, str]  # lowercase noun phrase -> sector
    title_genders: dict[str, str]  # lowercase title -> "m" | "f"
    demonym_agent_nouns: dict[str, str]  # lowercase noun -> sector, after demonyms only


def _words(path: Path, data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key)
    if not isinstance(value, list) or not value:
        raise LexiconError(str(path), data.get("__line__"), f"{key!r} must be a non-empty list")
    out = []
    for item in value:
        if not isinstance(item, str) or not item.strip() or item != item.lower():
            raise LexiconError(
                str(path), None, f"{key!r}: {item!r} must be a non-empty lowercase string"
            )
        out.append(item.strip())
    return out


def _mapping(path: Path, data: dict[str, Any], key: str, allowed: frozenset[str]) -> dict[str, str]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise LexiconError(str(path), None, f"{key!r} must be a mapping of word -> value")
    line = value.get("__line__")
    out = {}
    for word, label in value.items():
        if word == "__line__":
            continue
        if not isinstance(word, str) or word != word.lower() or label not in allowed:
            raise LexiconError(
                str(path), line, f"{key!r}: {word!r}: {label!r} must be one of {sorted(allowed)}"
            )
        out[word] = label
    return out


def parse_cues(path: Path) -> Cues:
    """Read and validate a cues file.

    Raises:
        LexiconError: a list is missing or empty, or a word is not lowercase.
    """
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise LexiconError(str(path), 1, "expected a mapping of cue list names to word lists")
    lists = {key: _words(path, data, key) for key in _WORD_LISTS}
    return Cues(
        **{k: frozenset(v) for k, v in lists.items() if k != "pair_phrases"},
        pair_phrases=tuple(lists["pair_phrases"]),
        pronouns=_mapping(path, data, "pronouns", frozenset({"m", "f"})),
        demonym_heads=_mapping(path, data, "demonym_heads", SECTORS),
        title_genders=_mapping(path, data, "title_genders", frozenset({"m", "f"})),
        demonym_agent_nouns=_mapping(path, data, "demonym_agent_nouns", SECTORS),
    )


@lru_cache(maxsize=4)
def load_cues(path: Path = CUES_FILE) -> Cues:
    """The packaged cue lists (or another cues file), parsed once."""
    return parse_cues(path)
