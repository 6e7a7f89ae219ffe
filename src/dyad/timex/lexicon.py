"""The calendar lexicon of dyad.timex: month, weekday and relative words, loaded once.

Words live in `data/calendar.yaml` so a user can add a spelling ("Sept.") without touching
code. Loading validates every entry and refuses a bad one with its file and line, because a
silently ignored typo would make a whole class of dates disappear. The small YAML helpers
here (`yaml_sections`, `word_list`, `line_of`) also serve `dyad.quotes.lexicon`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

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


def line_of(text: str, key: str) -> int | None:
    """1-based line where a YAML key or list item first appears, for error messages."""
    pattern = re.compile(rf"^\s*(?:-\s*)?['\"]?{re.escape(key)}['\"]?\s*:?", re.M)
    found = pattern.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else None


def _int_map(raw: Any, section: str, low: int, high: int, path: str, text: str) -> dict[str, int]:
    if not isinstance(raw, dict) or not raw:
        raise LexiconError(path, line_of(text, section), f"{section!r} must be a non-empty map")
    out: dict[str, int] = {}
    for key, value in raw.items():
        if not isinstance(key, str) or not key.strip():
            raise LexiconError(path, line_of(text, str(key)), f"{section}: empty word")
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise LexiconError(
                path,
                line_of(text, key),
                f"{section}: {key!r} has {value!r}; expected an integer from {low} to {high}",
            )
        out[key.lower()] = value
    return out


def word_list(raw: Any, section: str, path: str, text: str) -> tuple[str, ...]:
    """A non-empty list of non-empty strings, lower-cased; else LexiconError."""
    if not isinstance(raw, list) or not raw:
        raise LexiconError(path, line_of(text, section), f"{section!r} must be a non-empty list")
    out = []
    for item in raw:
        if not isinstance(item, str) or not item.strip():
            raise LexiconError(
                path, line_of(text, section), f"{section}: {item!r} is not a non-empty string"
            )
        out.append(item.lower())
    return tuple(out)


def yaml_sections(text: str, path: str) -> dict[str, Any]:
    """The top-level map of a YAML data file; LexiconError with the line when malformed."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise LexiconError(path, mark.line + 1 if mark else None, f"bad YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise LexiconError(path, None, "expected a YAML map of sections")
    return data


def parse_lexicon(text: str, path: str) -> CalendarLexicon:
    """Validate the YAML text of a calendar lexicon.

    Raises:
        LexiconError: a section is missing or an entry is malformed.
    """
    data = yaml_sections(text, path)
    units = data.get("units")
    if not isinstance(units, dict) or not units:
        raise LexiconError(path, line_of(text, "units"), "'units' must be a non-empty map")
    for key, value in units.items():
        if value not in _PRECISIONS:
            raise LexiconError(
                path,
                line_of(text, str(key)),
                f"units: {key!r} -> {value!r}; expected one of {sorted(_PRECISIONS)}",
            )
    vague = word_list(data.get("vague_patterns"), "vague_patterns", path, text)
    for pattern in vague:
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise LexiconError(
                path, line_of(text, pattern), f"vague pattern {pattern!r} is not a regex: {exc}"
            ) from exc
        if compiled.groups or compiled.match(""):
            raise LexiconError(
                path,
                line_of(text, pattern),
                f"vague pattern {pattern!r} must use (?:...) groups and not match empty text",
            )
    return CalendarLexicon(
        months=_int_map(data.get("months"), "months", 1, 12, path, text),
        weekdays=_int_map(data.get("weekdays"), "weekdays", 0, 6, path, text),
        relative_days=_int_map(data.get("relative_days"), "relative_days", -7, 7, path, text),
        units={str(k).lower(): str(v) for k, v in units.items()},
        shifts=_int_map(data.get("shifts"), "shifts", -1, 1, path, text),
        prepositions=word_list(data.get("prepositions"), "prepositions", path, text),
        bare_cues=frozenset(word_list(data.get("bare_cues"), "bare_cues", path, text)),
        unit_edges=word_list(data.get("unit_edges"), "unit_edges", path, text),
        future_cues=word_list(data.get("future_cues"), "future_cues", path, text),
        past_words=frozenset(word_list(data.get("past_words"), "past_words", path, text)),
        not_past=frozenset(word_list(data.get("not_past"), "not_past", path, text)),
        vague_patterns=vague,
    )


@cache
def load_lexicon(path: Path = DATA_PATH) -> CalendarLexicon:
    """The packaged calendar lexicon (or one at `path`), parsed once per process."""
    return parse_lexicon(path.read_text(encoding="utf-8"), str(path))
