"""The calendar lexicon of dyad.timex: month, weekday and relative words, loaded once.

Words live in `data/calendar.yaml` so a user can add a spelling ("Sept.") without touching
code. Loading validates every entry and refuses a bad one with its file and line, because a
silently ignored typo would make a whole class of dates disappear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dyad.datafile import (
    int_map,
    item_line,
    label_map,
    parse_yaml,
    read_text,
    string_list,
    top_mapping,
)
from dyad.errors import LexiconError

DATA_PATH = Path(__file__).parent / "data" / "calendar.yaml"
_PRECISIONS = {"day", "week", "month", "year"}


@dataclass(frozen=True, eq=False)  # identity hash: compiled patterns are cached per lexicon
class CalendarLexicon:
    """Validated calendar words; all keys lower-case."""

    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    units: dict[str, str]
    shifts: dict[str, int]
    prepositions: tuple[str, ...]
    bare_cues: frozenset[str]
    unit_edges: tuple[str, ...]
    future_cues: tuple[str, ...]
    past_words: frozenset[str]
    not_past: frozenset[str]
    vague_patterns: tuple[str, ...]


def parse_lexicon(text: str, path: str) -> CalendarLexicon:
    """Validate the YAML text of a calendar lexicon.

    Raises:
        LexiconError: a section is missing or an entry is malformed.
    """
    data = top_mapping(path, parse_yaml(text, path))
    units = label_map(path, data, "units", _PRECISIONS)
    vague = tuple(string_list(path, data, "vague_patterns"))
    for index, pattern in enumerate(vague):
        line = item_line(data["vague_patterns"], index)
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise LexiconError(
                path, line, f"vague pattern {pattern!r} is not a regex: {exc}"
            ) from exc
        if compiled.groups or compiled.match(""):
            raise LexiconError(
                path,
                line,
                f"vague pattern {pattern!r} must use (?:...) groups and not match empty text",
            )

    def numbers(section: str, low: int, high: int) -> dict[str, int]:
        return {k.lower(): v for k, v in int_map(path, data, section, low, high).items()}

    def words(section: str) -> tuple[str, ...]:
        return tuple(w.lower() for w in string_list(path, data, section))

    return CalendarLexicon(
        months=numbers("months", 1, 12),
        weekdays=numbers("weekdays", 0, 6),
        relative_days=numbers("relative_days", -7, 7),
        units={k.lower(): v for k, v in units.items()},
        shifts=numbers("shifts", -1, 1),
        prepositions=words("prepositions"),
        bare_cues=frozenset(words("bare_cues")),
        unit_edges=words("unit_edges"),
        future_cues=words("future_cues"),
        past_words=frozenset(words("past_words")),
        not_past=frozenset(words("not_past")),
        vague_patterns=vague,
    )


@cache
def load_lexicon(path: Path = DATA_PATH) -> CalendarLexicon:
    """The packaged calendar lexicon (or one at `path`), parsed once per process."""
    return parse_lexicon(read_text(path), str(path))
