"""Which news agencies and official sources a document credits or comes from.

Wire copy is one origin, and so is an official statement that outlets relay. An agency
counts when the text credits it with a cue ("according to AP", "Reuters reported",
"/TASS/", a line that is only the agency's name); an official source only when the text
takes its report from it ("according to the Russian Foreign Ministry", "as announced by
the ministry"), not when it quotes it ("the Kremlin said": every report quotes officials).
Either counts when the document was published on its own site. A bare mention ("TASS is
a state agency") is not a credit. Sources and cues are data (`data/agencies.yaml`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dyad.datafile import check_keys, list_under, load_yaml, string_list, top_mapping
from dyad.errors import LexiconError

AGENCIES_PATH = Path(__file__).parent / "data" / "agencies.yaml"

#: What separates the agencies of one credit line: "TASS, RIA Novosti and RBC".
_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|&)\s*")

#: How far before and after an alias a cue may sit (characters).
_REACH = 40
#: How far before an alias "as announced ... by" may begin (characters).
_PASSIVE_REACH = 80


@dataclass(frozen=True)
class Agencies:
    """The source table: alias patterns, domains, and the credit cues."""

    aliases: tuple[tuple[re.Pattern[str], str], ...]  # (pattern, source name)
    domains: dict[str, str]  # domain -> source name
    before: re.Pattern[str]
    after: re.Pattern[str]
    #: "as announced (ahead of the talks) by": a credit of agencies and officials alike
    passive: re.Pattern[str]
    #: official sources: credited by `sourcing` cues and `passive` only
    officials: frozenset[str] = frozenset()
    sourcing: re.Pattern[str] = re.compile(r"(?!)")

    def of_outlet(self, outlet: str | None) -> str | None:
        """The agency whose own site the outlet is ("tass.com", "www.reuters.com")."""
        if not outlet:
            return None
        host = outlet.lower().removeprefix("www.")
        while host:
            if host in self.domains:
                return self.domains[host]
            host = host.partition(".")[2] if host.count(".") > 1 else ""
        return None

    def credited(self, text: str) -> list[str]:
        """The agencies the text credits, sorted.

        An agency listed right after a credited one shares its cue ("Source: TASS, RIA
        Novosti and RBC").
        """
        matches: dict[int, tuple[int, str]] = {}
        for pattern, name in self.aliases:  # longest aliases first: they keep their span
            for m in pattern.finditer(text):
                if not any(s <= m.start() < e for s, (e, _) in matches.items()):
                    matches[m.start()] = (m.end(), name)
        found: set[str] = set()
        previous_end: int | None = None
        for start in sorted(matches):
            end, name = matches[start]
            listed = previous_end is not None and _LIST_GAP.fullmatch(text[previous_end:start])
            if listed or self._is_credit(text, start, end, official=name in self.officials):
                found.add(name)
                previous_end = end
            else:
                previous_end = None
        return sorted(found)

    def _is_credit(self, text: str, start: int, end: int, *, official: bool = False) -> bool:
        line_start = text.rfind("\n", 0, start) + 1
        if self.passive.search(text[max(line_start, start - _PASSIVE_REACH) : start]):
            return True  # "as announced ahead of the meeting by the ministry"
        window = text[max(line_start, start - _REACH) : start]
        if official:
            return bool(self.sourcing.search(window))
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        if not text[line_start:start].strip(" -–—|/©") and not text[end:line_end].strip(" -–—|/."):
            return True  # a line that is only the credit: "AP", "— Reuters"
        left, right = text[max(line_start, start - 1) : start], text[end : end + 1]
        if (left, right) in {("(", ")"), ("/", "/"), ("[", "]")}:
            return True  # a dateline credit: "(AP)", "/TASS/"
        return bool(self.before.search(window) or self.after.match(text[end : end + _REACH]))


def _cue_pattern(cues: list[str], *, at_end: bool) -> re.Pattern[str]:
    words = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(cues, key=len)[::-1])
    if at_end:  # "according to (the) ", "Source: "
        return re.compile(rf"\b(?:{words})\s*[:,]?\s*(?:the\s+)?$", re.IGNORECASE)
    return re.compile(rf"\s*[,)]?\s*(?:{words})\b", re.IGNORECASE)


def _passive_pattern(verbs: list[str]) -> re.Pattern[str]:
    words = "|".join(re.escape(v) for v in sorted(verbs, key=len)[::-1])
    return re.compile(rf"\bas\s+(?:{words})\b[^.;:!?\n]{{0,60}}?\bby\s+(?:the\s+)?$", re.I)


def parse_agencies(path: Path | str, data: object) -> Agencies:
    """Validate the source table; each bad entry is refused with its file and line."""
    top = top_mapping(path, data)
    aliases: list[tuple[re.Pattern[str], str]] = []
    domains: dict[str, str] = {}
    owner: dict[str, str] = {}
    officials: set[str] = set()
    entries = [(e, False) for e in list_under(path, top, "agencies", required=True)]
    entries += [(e, True) for e in list_under(path, top, "officials", required=False)]
    for entry, official in entries:
        entry = check_keys(path, entry, {"name", "aliases", "domains"}, set())
        name = entry["name"]
        if not isinstance(name, str) or not name.strip():
            raise LexiconError(str(path), None, f"source name must be a word, got {name!r}")
        if official:
            officials.add(name)
        for alias in string_list(path, entry, "aliases"):
            if owner.setdefault(alias, name) != name:
                raise LexiconError(
                    str(path), None, f"alias {alias!r} belongs to {owner[alias]} and {name}"
                )
            aliases.append((re.compile(rf"(?<![\w-]){re.escape(alias)}(?![\w-])"), name))
        for domain in string_list(path, entry, "domains", lowercase=True):
            domains[domain] = name
    cues = top.get("cues")
    if not isinstance(cues, dict):
        raise LexiconError(str(path), None, "'cues' must be a mapping with before and after")
    before = string_list(path, cues, "before", lowercase=True)
    after = string_list(path, cues, "after", lowercase=True)
    passive = string_list(path, cues, "passive", lowercase=True)
    sourcing = string_list(path, cues, "sourcing", lowercase=True)
    aliases.sort(key=lambda item: -len(item[0].pattern))  # "RIA Novosti" before "RIA"
    return Agencies(
        aliases=tuple(aliases),
        domains=domains,
        before=_cue_pattern(before, at_end=True),
        after=_cue_pattern(after, at_end=False),
        passive=_passive_pattern(passive),
        officials=frozenset(officials),
        sourcing=_cue_pattern(sourcing, at_end=True),
    )


@cache
def load_agencies(path: Path = AGENCIES_PATH) -> Agencies:
    """The packaged agency table, loaded once."""
    return parse_agencies(path, load_yaml(path))
