"""Load and validate the boilerplate data file(s): patterns, tail markers, bio roles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from dyad.datafile import (
    check_keys,
    entries,
    item_line,
    list_under,
    parse_yaml,
    read_text,
    string_list,
    top_mapping,
)
from dyad.errors import LexiconError

Zone = Literal["any", "top", "bottom", "end"]
_ZONES = ("any", "top", "bottom", "end")
_PATTERN_KEYS = {"name", "pattern", "zone", "max_words", "case"}
_LIST_SECTIONS = ("tail_markers", "bio_roles", "promo_headers", "faq_headings", "share_words")
_REGEX_SECTIONS = ("tail_markers", "promo_headers", "faq_headings")
_WORD_SECTIONS = ("bio_roles", "share_words")
PACKAGED = "boilerplate.yaml"


@dataclass(frozen=True)
class LinePattern:
    """One named regular expression that marks a whole line as boilerplate."""

    name: str
    regex: re.Pattern[str]
    zone: Zone = "any"
    max_words: int | None = None

    def matches(self, line: str, words: int) -> bool:
        if self.max_words is not None and words > self.max_words:
            return False
        return self.regex.search(line) is not None


@dataclass(frozen=True)
class Boilerplate:
    """Everything the boilerplate rules read from data."""

    patterns: tuple[LinePattern, ...]
    tail_markers: tuple[re.Pattern[str], ...]
    bio_roles: frozenset[str]
    promo_headers: tuple[re.Pattern[str], ...]
    faq_headings: tuple[re.Pattern[str], ...]
    share_words: frozenset[str]


def compile_regex(
    path: str, line: int | None, text: Any, case: bool = False, groups: tuple[str, ...] = ()
) -> re.Pattern[str]:
    """Compile one pattern of a data file, refusing bad or match-everything expressions.

    Raises:
        LexiconError: the expression is empty, invalid, matches "" or lacks `groups`.
    """
    if not isinstance(text, str) or not text.strip():
        raise LexiconError(path, line, f"expected a non-empty regular expression, got {text!r}")
    try:
        regex = re.compile(text, 0 if case else re.IGNORECASE)
    except re.error as exc:
        raise LexiconError(path, line, f"bad regular expression {text!r}: {exc}") from exc
    if regex.search(""):
        raise LexiconError(path, line, f"pattern {text!r} matches the empty line; anchor it")
    missing = [g for g in groups if g not in regex.groupindex]
    if missing:
        raise LexiconError(path, line, f"pattern {text!r} needs the named groups {missing}")
    return regex


def _pattern(path: str, line: int | None, entry: Any) -> LinePattern:
    if not isinstance(entry, dict):
        raise LexiconError(path, line, f"expected a mapping with name and pattern, got {entry!r}")
    check_keys(path, entry, set(), _PATTERN_KEYS)
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise LexiconError(path, line, "every pattern needs a name (the removal reason)")
    zone = entry.get("zone", "any")
    if zone not in _ZONES:
        raise LexiconError(path, line, f"zone must be one of {_ZONES}, got {zone!r}")
    max_words = entry.get("max_words")
    if max_words is not None and (not isinstance(max_words, int) or max_words < 1):
        raise LexiconError(path, line, f"max_words must be a positive integer, got {max_words!r}")
    regex = compile_regex(path, line, entry.get("pattern"), bool(entry.get("case", False)))
    return LinePattern(name=name.strip(), regex=regex, zone=zone, max_words=max_words)


def parse_boilerplate(text: str, path: str) -> dict[str, list[Any]]:
    """Parse one boilerplate YAML file into validated sections.

    Raises:
        LexiconError: with the file and line of the first bad entry.
    """
    data = top_mapping(path, parse_yaml(text, path), empty_ok=True)
    unknown = {key for key, _ in entries(data)} - {"patterns", *_LIST_SECTIONS}
    if unknown:
        raise LexiconError(path, 1, f"unknown sections {sorted(unknown)}")
    out: dict[str, list[Any]] = {}
    for section in ("patterns", *_REGEX_SECTIONS):
        items = list_under(path, data, section, required=False)
        make = _pattern if section == "patterns" else compile_regex
        out[section] = [make(path, item_line(items, i), item) for i, item in enumerate(items)]
    for section in _WORD_SECTIONS:
        words = string_list(path, data, section, required=False)
        out[section] = [word.strip().casefold() for word in words]
    return out


@lru_cache(maxsize=16)
def load_boilerplate(extra_files: tuple[str, ...] = ()) -> Boilerplate:
    """The packaged patterns plus any extra files, loaded once per combination."""
    packaged = resources.files("dyad.clean").joinpath("data").joinpath(PACKAGED)
    sources = [(str(packaged), packaged.read_text(encoding="utf-8"))]
    for name in extra_files:
        sources.append((name, read_text(Path(name))))
    merged: dict[str, list[Any]] = {s: [] for s in ("patterns", *_LIST_SECTIONS)}
    for path, text in sources:
        for section, items in parse_boilerplate(text, path).items():
            merged[section].extend(items)
    return Boilerplate(
        patterns=tuple(merged["patterns"]),
        tail_markers=tuple(merged["tail_markers"]),
        bio_roles=frozenset(merged["bio_roles"]),
        promo_headers=tuple(merged["promo_headers"]),
        faq_headings=tuple(merged["faq_headings"]),
        share_words=frozenset(merged["share_words"]),
    )
