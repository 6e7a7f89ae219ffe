"""The PLOVER ontology as dyad pins it: type, quad class, intensity, symmetry, modes.

The table is data (`data/plover.yaml`) so that SPEC.md and the code cannot drift apart
silently: the loader refuses a file that does not list exactly the 16 types.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dyad.errors import LexiconError
from dyad.events.datafile import DATA_DIR, check_keys, line_of, load_yaml

QUADS = frozenset(
    {"verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"}
)
PLOVER_TYPES = frozenset(
    {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }
)  # fmt: skip
DEFAULT_PATH = DATA_DIR / "plover.yaml"
DATINGS = frozenset({"repeat", "occasion", "own"})
#: Per-type behaviours, each a true/false column of plover.yaml.
_FLAGS = ("context_target", "meeting", "referable", "refers", "call")


@dataclass(frozen=True)
class EventType:
    """One PLOVER event type."""

    name: str
    quad: str
    intensity: float
    symmetric: bool
    domestic: bool
    modes: frozenset[str]
    dating: str = "own"  # repeat | occasion | own (see plover.yaml)
    context_target: bool = False
    meeting: bool = False
    referable: bool = False
    refers: bool = False
    call: bool = False


@dataclass(frozen=True, eq=False)
class Ontology:
    """The 16 types by name."""

    types: dict[str, EventType]

    def __getitem__(self, name: str) -> EventType:
        return self.types[name]

    def __contains__(self, name: object) -> bool:
        return name in self.types

    def names(self, flag: str) -> frozenset[str]:
        """The types whose `flag` column is true (or whose dating is `flag`)."""
        return frozenset(
            t.name
            for t in self.types.values()
            if getattr(t, flag, False) is True or t.dating == flag
        )


def _parse_type(path: Path, entry: object) -> EventType:
    item = check_keys(
        path,
        entry,
        {"name", "quad", "intensity", "symmetric"},
        {"modes", "domestic", "dating", *_FLAGS},
    )
    line = line_of(item)
    name = item["name"]
    if name not in PLOVER_TYPES:
        raise LexiconError(str(path), line, f"unknown type {name!r}; expected a PLOVER type")
    if item["quad"] not in QUADS:
        raise LexiconError(str(path), line, f"quad {item['quad']!r} is not one of {sorted(QUADS)}")
    intensity = item["intensity"]
    if isinstance(intensity, bool) or not isinstance(intensity, int | float):
        raise LexiconError(str(path), line, f"intensity must be a number, got {intensity!r}")
    if not -10 <= intensity <= 10:
        raise LexiconError(str(path), line, f"intensity {intensity} is outside -10..10")
    modes = item.get("modes") or []
    if not isinstance(modes, list) or not all(isinstance(m, str) for m in modes):
        raise LexiconError(str(path), line, "modes must be a list of strings")
    dating = item.get("dating", "own")
    if dating not in DATINGS:
        raise LexiconError(str(path), line, f"dating {dating!r} is not one of {sorted(DATINGS)}")
    for flag in ("symmetric", "domestic", *_FLAGS):
        if not isinstance(item.get(flag, False), bool):
            raise LexiconError(str(path), line, f"{flag} must be true or false")
    return EventType(
        name=name,
        quad=item["quad"],
        intensity=float(intensity),
        symmetric=item["symmetric"],
        domestic=item.get("domestic", False),
        modes=frozenset(modes),
        dating=dating,
        **{flag: item.get(flag, False) for flag in _FLAGS},
    )


def read_ontology(path: Path) -> Ontology:
    """Load and validate an ontology file.

    Raises:
        LexiconError: the file is malformed, repeats a type or misses one.
    """
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("types"), list):
        raise LexiconError(str(path), None, "expected a mapping with a list under 'types'")
    types: dict[str, EventType] = {}
    for entry in data["types"]:
        event_type = _parse_type(path, entry)
        if event_type.name in types:
            raise LexiconError(str(path), line_of(entry), f"type {event_type.name} repeated")
        types[event_type.name] = event_type
    missing = PLOVER_TYPES - set(types)
    if missing:
        raise LexiconError(str(path), None, f"types missing: {sorted(missing)}")
    return Ontology(types=types)


@lru_cache(maxsize=4)
def load_ontology(path: Path | None = None) -> Ontology:
    """The ontology from `path` or the packaged table, loaded once per path."""
    return read_ontology(path or DEFAULT_PATH)
