"""Find temporal expressions in text and resolve them: `find_times`.

Patterns are built once from the calendar lexicon. Every candidate match is collected,
overlaps are settled by keeping the longest (then the earliest), and each survivor is
resolved against an `Anchor`. Durations and vague times ("over the last 18 months",
"recently", "days after") are kept as mentions with value None: SPEC asks `times` to list
every temporal expression, and a null value says honestly that it cannot be anchored.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache

from dyad.model import TimeMention
from dyad.timex import resolve as R
from dyad.timex.lexicon import CalendarLexicon, load_lexicon

Value = tuple[str, str] | None

#: What may follow a bare four-digit number that no cue word announces for it to be a year.
_YEAR_AFTER = ("", "\n", ".", ",", ";", ":", ")", "]", "!", "?", "|", "’", "'")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s|\n")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Patterns:
    """Compiled regular expressions of one lexicon, by expression kind."""

    lexicon: CalendarLexicon
    kinds: tuple[tuple[str, re.Pattern[str]], ...]
    future: re.Pattern[str]
    past: re.Pattern[str]
    preposition: re.Pattern[str]
    cue_before: re.Pattern[str]


@cache
def compile_patterns(lexicon: CalendarLexicon) -> Patterns:
    """All patterns of a lexicon, compiled once per lexicon."""
    months = lexicon.months
    abbreviations = {
        w for w in months if any(len(o) > len(w) and months[o] == months[w] for o in months)
    }
    full = _alternation(set(months) - abbreviations)
    mon = rf"(?P<mon>(?:{full})\b|(?:{_alternation(abbreviations)})\b\.?)"
    wd = rf"(?P<wd>{_alternation(lexicon.weekdays)})\b"
    shift = rf"(?P<shift>{_alternation(lexicon.shifts)})"
    unit = rf"(?P<unit>{_alternation(lexicon.units)})"
    edge = rf"(?:(?P<edge>{_alternation(lexicon.unit_edges)})\s+)?"
    day = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<y>(?:1[89]|20|21)\d{2})"
    kinds = (
        ("iso", rf"\b{year}-(?P<m>\d{{2}})-(?P<d>\d{{2}})\b"),
        ("mdy", rf"\b{mon}\s+{day}\b(?:,?\s*{year}\b)?"),
        ("dmy", rf"\b{day}\s+(?:of\s+)?{mon}(?:,?\s+{year}\b)?"),
        ("month_year", rf"\b{mon},?\s+{year}\b"),
        ("iso_month", rf"\b{year}-(?P<m>\d{{2}})\b(?!-\d)"),
        ("month_rel_year", rf"\b{mon}\s+(?:of\s+)?{shift}\s+year\b"),
        ("shifted_month", rf"\b{shift}\s+{mon}"),
        ("bare_month", rf"\b{mon}"),
        ("year", rf"(?<![\d$£€.,-]){year}\b(?!(?:[.,]\d|%|-\d|\s+\d))"),
        ("relative_day", rf"\b(?P<rel>{_alternation(lexicon.relative_days)})\b"),
        ("unit", rf"\b{edge}{shift}\s+{unit}\b"),
        ("weekday", rf"\b(?:{shift}\s+)?{wd}"),
        *(("vague", rf"\b(?:{p})\b") for p in lexicon.vague_patterns),
    )
    cues = [re.escape(c).replace(r"\ ", r"\s+") for c in lexicon.future_cues]
    future = "|".join(cues)
    return Patterns(
        lexicon=lexicon,
        kinds=tuple((name, re.compile(rx, re.IGNORECASE)) for name, rx in kinds),
        future=re.compile(rf"(?<![\w'])(?:{future})\b", re.IGNORECASE),
        past=re.compile(rf"\b(?:{_alternation(lexicon.past_words)})\b|\b[a-z]+(?<!e)ed\b"),
        preposition=re.compile(rf"\b(?:{_alternation(lexicon.prepositions)})\s+$", re.I),
        cue_before=re.compile(rf"\b(?:{_alternation(lexicon.bare_cues)})[\s-]+$", re.I),
    )


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    kind: str
    match: re.Match[str]


def _capitalised(match: re.Match[str], group: str) -> bool:
    """Month and weekday names count only when capitalised ("may" is a verb)."""
    word = match.group(group) if group in match.re.groupindex else None
    return word is None or word[:1].isupper()


def _acceptable(c: _Candidate, text: str, p: Patterns) -> bool:
    m = c.match
    if not (_capitalised(m, "mon") and _capitalised(m, "wd")):
        return False
    before = text[max(0, c.start - 40) : c.start]
    if c.kind in ("iso", "iso_month") and not 1 <= int(m["m"]) <= 12:
        return False
    if c.kind == "bare_month":
        return bool(p.cue_before.search(before))
    if c.kind == "year":
        return bool(p.cue_before.search(before)) or text[c.end : c.end + 1] in _YEAR_AFTER
    return True


def _candidates(text: str, p: Patterns) -> Iterator[_Candidate]:
    for kind, rx in p.kinds:
        for m in rx.finditer(text):
            c = _Candidate(m.start(), m.end(), kind, m)
            if _acceptable(c, text, p):
                yield c


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest match first, then earliest; drop anything overlapping a kept one."""
    kept: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        kept.append(c)
        taken.append((c.start, c.end))
    return sorted(kept, key=lambda c: c.start)


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - 600), start):
        left = m.end()
    right_match = _SENTENCE_END.search(text, end)
    return left, right_match.start() + 1 if right_match else len(text)


def is_future(text: str, start: int, end: int, patterns: Patterns) -> bool:
    """Whether the verb nearest the expression in its sentence is future.

    The nearest marker wins, so "said on Monday that he will visit" stays past while
    "on Monday, he will visit" is future.
    """
    left, right = _sentence_bounds(text, start, end)
    best: tuple[int, bool] | None = None
    for rx, future in ((patterns.future, True), (patterns.past, False)):
        for m in rx.finditer(text, left, right):
            if future is False and m.group(0).lower() in patterns.lexicon.not_past:
                continue
            if start <= m.start() < end:
                continue
            distance = start - m.end() if m.end() <= start else m.start() - end
            if best is None or distance < best[0]:
                best = (distance, future)
    return bool(best and best[1])


def _num(m: re.Match[str], group: str) -> int | None:
    value = m.groupdict().get(group)
    return int(value) if value else None


def _shift(m: re.Match[str], lex: CalendarLexicon) -> int | None:
    word = m.groupdict().get("shift")
    return lex.shifts[word.lower()] if word else None


def _resolve(c: _Candidate, text: str, anchor: R.Anchor, p: Patterns) -> Value:
    m, lex = c.match, p.lexicon
    name = m.groupdict().get("mon")
    month = lex.months[name.rstrip(".").lower()] if name else _num(m, "m")
    year, day, shift = _num(m, "y"), _num(m, "d"), _shift(m, lex)

    def future() -> bool:
        return is_future(text, c.start, c.end, p)

    handlers: dict[str, Callable[[], Value]] = {
        "iso": lambda: _day(R.safe_date(year, month, day)),  # type: ignore[arg-type]
        "mdy": lambda: _explicit_day(anchor, year, month, day, future),  # type: ignore[arg-type]
        "month_year": lambda: R.month_value(year, month),  # type: ignore[arg-type]
        "iso_month": lambda: R.month_value(year, month),  # type: ignore[arg-type]
        "month_rel_year": lambda: _month_of_year(anchor, month, shift),  # type: ignore[arg-type]
        "shifted_month": lambda: _month(anchor, month, shift, future),  # type: ignore[arg-type]
        "bare_month": lambda: _month(anchor, month, None, future),  # type: ignore[arg-type]
        "year": lambda: R.year_value(year),  # type: ignore[arg-type]
        "relative_day": lambda: _relative_day(anchor, lex.relative_days[m["rel"].lower()]),
        "unit": lambda: R.relative_unit(anchor, lex.units[m["unit"].lower()], shift or 0),
        "weekday": lambda: _day(R.weekday(anchor, lex.weekdays[m["wd"].lower()], shift, future())),
        "vague": lambda: None,
    }
    handlers["dmy"] = handlers["mdy"]
    return handlers[c.kind]()


def _day(value: date | None) -> Value:
    return R.day_value(value) if value else None


def _explicit_day(
    anchor: R.Anchor, year: int | None, month: int, day: int, future: Callable[[], bool]
) -> Value:
    if year is not None:
        return _day(R.safe_date(year, month, day))
    return _day(R.month_day(anchor, month, day, future()))


def _month_of_year(anchor: R.Anchor, month: int, shift: int | None) -> Value:
    year = anchor.known_year
    if year is None or shift is None:
        return None
    return R.month_value(year + shift, month)


def _month(anchor: R.Anchor, month: int, shift: int | None, future: Callable[[], bool]) -> Value:
    found = R.named_month(anchor, month, shift, future())
    return R.month_value(*found) if found else None


def _relative_day(anchor: R.Anchor, offset: int) -> Value:
    if anchor.day is None:
        return None
    return R.day_value(date.fromordinal(anchor.day.toordinal() + offset))


def find_times(
    text: str,
    anchor: date | None,
    *,
    year: int | None = None,
    lexicon: CalendarLexicon | None = None,
) -> list[TimeMention]:
    """Every temporal expression in `text`, resolved against `anchor`.

    Args:
        text: the cleaned text; offsets of the mentions refer to it.
        anchor: publication date, or None when unknown.
        year: the document's year when only that is known (used when `anchor` is None).
        lexicon: a calendar lexicon (default: the packaged one).

    Returns:
        Mentions sorted by start; `value` is None when the expression cannot be anchored.
    """
    patterns = compile_patterns(lexicon or load_lexicon())
    resolved_anchor = R.Anchor(day=anchor, year=anchor.year if anchor else year)
    mentions: list[TimeMention] = []
    for c in _select(list(_candidates(text, patterns))):
        found = _resolve(c, text, resolved_anchor, patterns)
        start = c.start
        prep = patterns.preposition.search(text, max(0, start - 20), start)
        if prep and c.kind != "vague" and (not mentions or mentions[-1].end <= prep.start()):
            start = prep.start()
        value, precision = found if found else (None, None)
        mentions.append(TimeMention(text[start : c.end], start, c.end, value, precision))
    return mentions
