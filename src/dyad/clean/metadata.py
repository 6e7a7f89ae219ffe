"""Metadata the text itself carries: publication date, author, outlet, title.

Read from the decoded lines BEFORE boilerplate is removed: the byline that gives the date
is boilerplate itself. Every rule prefers no answer to a guess: a dateline without a year
gives no date unless another line of the document gives exactly one year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from dyad.clean.patterns import compile_regex
from dyad.datafile import int_map, item_line, key_line, list_under, parse_yaml, top_mapping
from dyad.errors import LexiconError

PACKAGED = "metadata.yaml"
_WHERE = ("any", "top", "bottom")
_SHORT_LINE_WORDS = 15
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")


@dataclass(frozen=True)
class MetadataRules:
    """The compiled contents of data/metadata.yaml."""

    months: dict[str, int]
    date_patterns: tuple[re.Pattern[str], ...]
    published_lines: tuple[re.Pattern[str], ...]
    updated_lines: tuple[re.Pattern[str], ...]
    dateline: re.Pattern[str]
    year_lines: tuple[re.Pattern[str], ...]
    tweet_lines: tuple[re.Pattern[str], ...]
    outlet_patterns: tuple[tuple[re.Pattern[str], str], ...]
    author_patterns: tuple[re.Pattern[str], ...]


@dataclass
class TextMetadata:
    """What the text says about itself; None where it says nothing certain."""

    published: str | None = None
    author: str | None = None
    outlet: str | None = None


def parse_metadata_rules(text: str, path: str) -> MetadataRules:
    """Validate and compile a metadata rules file.

    Raises:
        LexiconError: with the file and line of the first bad entry.
    """
    data = top_mapping(path, parse_yaml(text, path), empty_ok=True)

    def regexes(section: str, groups: tuple[str, ...] = ()) -> tuple[re.Pattern[str], ...]:
        items = list_under(path, data, section, required=False)
        return tuple(
            compile_regex(path, item_line(items, i), item, True, groups)
            for i, item in enumerate(items)
        )

    outlets: list[tuple[re.Pattern[str], str]] = []
    items = list_under(path, data, "outlet_patterns", required=False)
    for i, entry in enumerate(items):
        line = item_line(items, i)
        if not isinstance(entry, dict) or entry.get("where", "any") not in _WHERE:
            raise LexiconError(path, line, f"expected {{pattern, where: {_WHERE}}}, got {entry!r}")
        regex = compile_regex(path, line, entry.get("pattern"), True, ("outlet",))
        outlets.append((regex, str(entry.get("where", "any"))))
    return MetadataRules(
        months={name.casefold(): n for name, n in int_map(path, data, "months", 1, 12).items()},
        date_patterns=regexes("date_patterns", ("month", "day", "year")),
        published_lines=regexes("published_lines"),
        updated_lines=regexes("updated_lines"),
        dateline=compile_regex(
            path, key_line(data, "dateline"), data.get("dateline"), True, ("month", "day", "year")
        ),
        year_lines=regexes("year_lines", ("year",)),
        tweet_lines=regexes("tweet_lines"),
        outlet_patterns=tuple(outlets),
        author_patterns=regexes("author_patterns", ("author",)),
    )


@lru_cache(maxsize=1)
def load_metadata_rules() -> MetadataRules:
    """The packaged rules, loaded once."""
    packaged = resources.files("dyad.clean").joinpath("data").joinpath(PACKAGED)
    return parse_metadata_rules(packaged.read_text(encoding="utf-8"), str(packaged))


def _iso(rules: MetadataRules, month: str, day: str, year: str | None) -> str | None:
    number = int(month) if month.isdigit() else rules.months.get(month.casefold().rstrip("."))
    if number is None or year is None:
        return None
    try:
        return dt.date(int(year), number, int(day)).isoformat()
    except ValueError:
        return None


def find_date(line: str, rules: MetadataRules) -> str | None:
    """The first full date (day, month and year) written in `line`, as YYYY-MM-DD."""
    for pattern in rules.date_patterns:
        for m in pattern.finditer(line):
            iso = _iso(rules, m["month"], m["day"], m["year"])
            if iso:
                return iso
    return None


def _dateline(lines: Sequence[str], rules: MetadataRules, edge: int) -> str | None:
    """A wire dateline's date; its year from the dateline or from exactly one other line."""
    for line in lines[: edge * 2]:
        m = rules.dateline.match(line)
        if not m:
            continue
        year = m["year"]
        if year is None:
            years = {
                y["year"] for other in lines for p in rules.year_lines if (y := p.search(other))
            }
            years |= {
                d[:4]
                for other in lines
                if _is_tweet(other, rules) and (d := find_date(other, rules))
            }
            year = years.pop() if len(years) == 1 else None
        return _iso(rules, m["month"], m["day"], year)
    return None


def _is_tweet(line: str, rules: MetadataRules) -> bool:
    return any(p.search(line) for p in rules.tweet_lines)


def _published(
    lines: Sequence[str], rules: MetadataRules, edge: int, title: int | None
) -> str | None:
    top = [
        line
        for i, line in enumerate(lines[:edge])
        if i != title and len(line.split()) <= _SHORT_LINE_WORDS
    ]
    for wanted in (rules.published_lines, None, rules.updated_lines):
        for line in top:
            if wanted is not None:
                kind_ok = any(p.search(line) for p in wanted)
            else:  # a bare date line, not a sentence that happens to hold a date
                kind_ok = not _SENTENCE_END.search(line) and not any(
                    p.search(line) for p in rules.updated_lines
                )
            if kind_ok and (date := find_date(line, rules)):
                return date
    if date := _dateline(lines, rules, edge):
        return date
    for line in lines:
        if _is_tweet(line, rules) and (date := find_date(line, rules)):
            return date
    return None


def read_metadata(
    lines: Sequence[str],
    rules: MetadataRules,
    edge_lines: int = 8,
    bottom_fraction: float = 0.25,
    title_index: int | None = None,
) -> TextMetadata:
    """Publication date, author and outlet that the text states.

    Args:
        lines: the decoded lines, boilerplate included.
        rules: from `load_metadata_rules`.
        edge_lines: how many non-empty lines at the top may hold bylines and datelines.
        bottom_fraction: share of the non-empty lines at the end that may name the outlet.
        title_index: position among the non-empty lines of the headline, never a byline.
    """
    text_lines = [line.strip() for line in lines if line.strip()]
    meta = TextMetadata(published=_published(text_lines, rules, edge_lines, title_index))
    for line in text_lines[:edge_lines]:
        for pattern in rules.author_patterns:
            if _SENTENCE_END.search(line) or len(line.split()) > _SHORT_LINE_WORDS:
                continue
            if m := pattern.match(line):
                meta.author = m["author"].strip()
                break
        if meta.author:
            break
    bottom_start = int(len(text_lines) * (1 - bottom_fraction))
    for pos, line in enumerate(text_lines):
        for pattern, where in rules.outlet_patterns:
            if (where == "bottom" and pos < bottom_start) or (where == "top" and pos >= edge_lines):
                continue
            if m := pattern.search(line):
                meta.outlet = m["outlet"].strip(" :.-–—")
                return meta
    return meta
