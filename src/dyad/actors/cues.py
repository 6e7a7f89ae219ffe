"""The context words the actor resolver reads (data/cues.yaml), loaded once and validated.

Prepositions that make a capital a place, nouns that make a demonym an actor, pronouns and
their genders: these are word lists, so they live in a data file; the rules that use them
live in resolve.py and coref.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dyad.actors.kbfiles import SECTORS
from dyad.datafile import label_map, load_yaml, string_list, top_mapping

CUES_FILE = Path(__file__).resolve().parent / "data" / "cues.yaml"
_GENDERS = frozenset({"m", "f"})

_WORD_LISTS = (
    "locative_prepositions",
    "motion_words",
    "directional_prepositions",
    "place_verbs",
    "place_suffixes",
    "former_markers",
    "future_markers",
    "pair_phrases",
    "pair_person_nouns",
    "administration_heads",
    "name_particles",
    "leader_titles",
    "coordinators",
    "description_determiners",
    "appositive_marks",
    "appositive_determiners",
    "affiliation_prepositions",
    "month_names",
    "weekday_names",
    "venue_nouns",
    "site_nouns",
    "impersonal_predicates",
    "non_actor_heads",
)
_NUMBERS = frozenset({"sg", "pl"})


@dataclass(frozen=True)
class Cues:
    """Word lists (lowercase) that steer recognition and resolution."""

    locative_prepositions: frozenset[str]
    motion_words: frozenset[str]
    directional_prepositions: frozenset[str]
    place_verbs: frozenset[str]
    place_suffixes: frozenset[str]
    former_markers: frozenset[str]
    future_markers: frozenset[str]
    pair_phrases: tuple[str, ...]
    pair_person_nouns: frozenset[str]
    administration_heads: frozenset[str]
    name_particles: frozenset[str]
    leader_titles: frozenset[str]
    coordinators: frozenset[str]
    description_determiners: frozenset[str]
    appositive_marks: frozenset[str]
    appositive_determiners: frozenset[str]
    affiliation_prepositions: frozenset[str]
    month_names: frozenset[str]
    weekday_names: frozenset[str]
    venue_nouns: frozenset[str]
    site_nouns: frozenset[str]
    impersonal_predicates: frozenset[str]
    non_actor_heads: frozenset[str]
    pronouns: dict[str, str]  # lowercase pronoun -> "m" | "f"
    demonym_heads: dict[str, str]  # lowercase noun phrase -> sector
    title_genders: dict[str, str]  # lowercase title -> "m" | "f"
    demonym_agent_nouns: dict[str, str]  # lowercase noun -> sector, after demonyms only
    thing_pronouns: dict[str, str]  # lowercase pronoun -> "sg" | "pl", for states and bodies


def parse_cues(path: Path) -> Cues:
    """Read and validate a cues file.

    Raises:
        LexiconError: a list is missing or empty, or a word is not lowercase.
    """
    data = top_mapping(path, load_yaml(path))
    lists = {
        key: [w.strip() for w in string_list(path, data, key, lowercase=True)]
        for key in _WORD_LISTS
    }

    def labels(key: str, allowed: frozenset[str]) -> dict[str, str]:
        return label_map(path, data, key, allowed, lowercase=True, empty_ok=True)

    return Cues(
        **{k: frozenset(v) for k, v in lists.items() if k != "pair_phrases"},
        pair_phrases=tuple(lists["pair_phrases"]),
        pronouns=labels("pronouns", _GENDERS),
        demonym_heads=labels("demonym_heads", SECTORS),
        title_genders=labels("title_genders", _GENDERS),
        demonym_agent_nouns=labels("demonym_agent_nouns", SECTORS),
        thing_pronouns=labels("thing_pronouns", _NUMBERS),
    )


@lru_cache(maxsize=4)
def load_cues(path: Path = CUES_FILE) -> Cues:
    """The packaged cue lists (or another cues file), parsed once."""
    return parse_cues(path)
