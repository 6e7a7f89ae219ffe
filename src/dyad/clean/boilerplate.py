"""Line-level boilerplate removal for plain text.

Each line of a decoded document is judged by four kinds of evidence, in this order:
named patterns from data/boilerplate.yaml (with the zone where they apply), line-shape
heuristics (separators, share-button rows, keyword lines, author bios, foreign UI text),
position (comment sections and machine-written Q&A blocks at the end, menus at the edges)
and per-outlet statistics (a line seen in many earlier documents of the outlet).
The result maps a line index to the reason it was removed.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from dyad.clean.language import is_foreign_line
from dyad.clean.patterns import Boilerplate
from dyad.clean.settings import CleanSettings
from dyad.model import Document

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
_ANY_END_PUNCT = re.compile(r"[.!?:;,\"”’]$")
_SPLIT_BUTTONS = re.compile(r"[\s|/·•,]+")
_KEYWORD_SPLIT = re.compile(r"\s*[,|;·•]\s*")
_SMALL_WORDS = frozenset({"of", "and", "the", "in", "on", "for", "to", "a", "an", "&", "-", "vs"})
_PARAGRAPH_WORDS = 12
_LONG_PARAGRAPH_WORDS = 25
_MENU_MAX_WORDS = 4
_FAQ_MAX_ANSWER_LINES = 3
_FAQ_LABEL_MAX_WORDS = 2
_FAQ_MIN_ARTICLE_PARAGRAPHS = 3
_KEYWORD_MIN_WORDS = 6
_PROMO_MAX_LINKS = 5


def normalize_line(line: str) -> str:
    """The form of a line used to compare and count lines: NFKC, casefolded, one space."""
    return " ".join(unicodedata.normalize("NFKC", line).casefold().split())


def line_key(line: str) -> str:
    """Stable key of a line for per-outlet repetition counts (hash of its normal form)."""
    return hashlib.sha1(normalize_line(line).encode("utf-8")).hexdigest()[:16]


def document_line_keys(document: Document) -> set[str]:
    """Keys of every non-empty line a cleaned document had, kept or removed."""
    lines = [*document.text.split("\n"), *(r.line for r in document.removed)]
    return {line_key(line) for line in lines if line.strip()}


def word_count(line: str) -> int:
    """Whitespace-separated tokens: the unit of every length rule here."""
    return len(line.split())


def is_paragraph(line: str) -> bool:
    """A line of running text: a sentence or more, not a heading, menu or caption."""
    words = word_count(line)
    return words >= _LONG_PARAGRAPH_WORDS or (
        words >= _PARAGRAPH_WORDS and _SENTENCE_END.search(line) is not None
    )


def is_headline(line: str) -> bool:
    """Shaped like a headline: a few words, capitalised start, no closing full stop."""
    words = word_count(line)
    return (
        3 <= words <= 30
        and not line.endswith(".")
        and (line[:1].isupper() or line[:1].isdigit() or line[:1] in "\"“‘'")
    )


def is_menu_like(line: str) -> bool:
    """A navigation item: one token, or a few capitalised words without punctuation."""
    words = line.split()
    if len(words) == 1:
        return len(line) <= 20 and not _SENTENCE_END.search(line)
    if len(words) > _MENU_MAX_WORDS or _ANY_END_PUNCT.search(line):
        return False
    return all(not w[:1].isalpha() or w[:1].isupper() for w in words)


def is_question(line: str) -> bool:
    """A question of a few words or more (one-word "Why?" is not a Q&A entry)."""
    return line.endswith("?") and word_count(line) >= 3


def is_separator(line: str) -> bool:
    """A rule drawn with punctuation ("* * *", "-----"): no letters or digits at all."""
    return len(line) >= 2 and not any(ch.isalnum() for ch in line)


def is_share_row(line: str, share_words: frozenset[str]) -> bool:
    """A row of share buttons: every token is a share word ("Share Tweet Email")."""
    tokens = [t for t in _SPLIT_BUTTONS.split(line.casefold()) if t]
    return bool(tokens) and len(tokens) <= 10 and all(t in share_words for t in tokens)


def is_keyword_line(line: str) -> bool:
    """A row of tags: three or more short, capitalised, comma-separated phrases."""
    if _SENTENCE_END.search(line) or line.endswith(":"):
        return False
    items = [i for i in _KEYWORD_SPLIT.split(line) if i]
    if len(items) < 3 or word_count(line) < _KEYWORD_MIN_WORDS:
        return False
    if any(word_count(i) > 5 or i.split()[0].casefold() in {"and", "or"} for i in items):
        return False
    words = [w for i in items for w in i.split() if w.casefold() not in _SMALL_WORDS]
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit() or w[:1] == "#")
    return bool(words) and capitalised / len(words) >= 0.9


def is_hashtag_line(line: str) -> bool:
    """Mostly hashtags: a social-media tag row."""
    tokens = line.split()
    return len(tokens) >= 2 and sum(t.startswith("#") for t in tokens) / len(tokens) > 0.5


@lru_cache(maxsize=16)
def _bio_regex(roles: frozenset[str]) -> re.Pattern[str]:
    """`Name[, credentials,] is a/an/the ... <role>`: how author bios open."""
    role = "|".join(sorted(re.escape(r) for r in roles))
    name = r"[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|al|bin|da|di|le|la)){0,5}"
    return re.compile(
        rf"^{name}(?:,\s*[^,]{{1,40}},)?\s+(?:is|was|serves as|has been)\s+"
        rf"(?:a|an|the)\b[^.]{{0,120}}?\b(?i:{role})s?\b"
    )


@dataclass
class _Doc:
    """Lines of one document with the positions the rules need."""

    lines: list[str]  # stripped
    nz: list[int]  # indices of non-empty lines
    top_end: int  # positions in nz below this are the top edge
    bottom_start: int  # positions in nz from this on are the bottom edge

    def zone_ok(self, zone: str, pos: int) -> bool:
        if zone == "end":
            return False  # judged by _end_notes, once the rest is known
        if zone == "top":
            return pos < self.top_end
        if zone == "bottom":
            return pos >= self.bottom_start
        return True


def _layout(lines: list[str], settings: CleanSettings) -> _Doc:
    nz = [i for i, line in enumerate(lines) if line]
    paragraphs = [p for p, i in enumerate(nz) if is_paragraph(lines[i])]
    first = paragraphs[0] if paragraphs else len(nz)
    last = paragraphs[-1] if paragraphs else -1
    top_end = min(first, settings.edge_lines)
    share_start = int(len(nz) * (1 - settings.bottom_fraction))
    bottom_start = min(last + 1, share_start) if paragraphs else share_start
    return _Doc(lines=lines, nz=nz, top_end=top_end, bottom_start=bottom_start)


def _has_foreign_letter(line: str) -> bool:
    """A letter outside ASCII (an ASCII line is checked in C, without the per-char loop)."""
    return not line.isascii() and any(ord(ch) > 127 and ch.isalpha() for ch in line)


def _line_reason(
    doc: _Doc,
    pos: int,
    rules: Boilerplate,
    settings: CleanSettings,
    language: str | None,
) -> str | None:
    """The reason a single line is boilerplate on its own, or None."""
    line = doc.lines[doc.nz[pos]]
    words = word_count(line)
    for pattern in rules.patterns:
        if doc.zone_ok(pattern.zone, pos) and pattern.matches(line, words):
            return pattern.name
    if is_separator(line):
        return "separator"
    if is_share_row(line, rules.share_words):
        return "share buttons"
    if is_keyword_line(line) or is_hashtag_line(line):
        return "tags"
    at_edge = pos < doc.top_end or pos >= doc.bottom_start
    if (
        settings.detect_language
        and language
        and 2 <= words <= settings.foreign_line_max_words
        and (at_edge or _has_foreign_letter(line))
        and is_foreign_line(line, language, settings.line_languages, settings.foreign_line_min_prob)
    ):
        return "other language"
    return None


def _comment_tail(doc: _Doc, rules: Boilerplate, removed: dict[int, str]) -> None:
    """From a comment-section marker at the bottom to the end, every line goes."""
    for pos in range(doc.bottom_start, len(doc.nz)):
        line = doc.lines[doc.nz[pos]]
        if any(marker.search(line) for marker in rules.tail_markers):
            for later in doc.nz[pos:]:
                removed.setdefault(later, "comment section")
            return


def _faq_block(
    doc: _Doc, rules: Boilerplate, settings: CleanSettings, removed: dict[int, str]
) -> None:
    """Remove a machine-written Q&A block appended after the article.

    The block sits at the end (only boilerplate after it), alternates questions with short
    answers at least `min_faq_questions` times, and is set apart from the article: by a
    boilerplate line or FAQ heading just before it, or by repeated speaker labels.
    """
    kept = [p for p in range(len(doc.nz)) if doc.nz[p] not in removed]
    while kept and is_menu_like(doc.lines[doc.nz[kept[-1]]]) and not _is_label_run(doc, kept):
        kept.pop()
    questions: list[int] = []
    labels: list[int] = []
    gap = 0
    start_k = len(kept)
    for k in range(len(kept) - 1, -1, -1):
        line = doc.lines[doc.nz[kept[k]]]
        if is_question(line):
            questions.append(k)
            start_k, gap = k, 0
        elif word_count(line) <= _FAQ_LABEL_MAX_WORDS and is_menu_like(line):
            labels.append(k)
        else:
            gap += 1
            if gap > _FAQ_MAX_ANSWER_LINES or (not questions and k < len(kept) - 4):
                break
    if len(questions) < settings.min_faq_questions:
        return
    article = sum(1 for k in range(start_k) if is_paragraph(doc.lines[doc.nz[kept[k]]]))
    if article < _FAQ_MIN_ARTICLE_PARAGRAPHS:
        return  # the questions are the document (an interview), not an appended block
    while start_k > 0 and (start_k - 1) in labels:
        start_k -= 1
    block = kept[start_k:]
    label_counts = Counter(
        normalize_line(doc.lines[doc.nz[kept[k]]]) for k in labels if k >= start_k
    )
    repeated_labels = any(n >= 2 for n in label_counts.values())
    before = block[0] - 1
    first = block[0]
    if before >= 0 and _is_faq_heading(doc.lines[doc.nz[before]], rules):
        first = before
    heading = _is_faq_heading(doc.lines[doc.nz[first]], rules)
    after_boilerplate = first > 0 and doc.nz[first - 1] in removed
    if not (repeated_labels or heading or after_boilerplate):
        return
    for pos in range(first, len(doc.nz)):
        removed.setdefault(doc.nz[pos], "trailing Q&A block")


def _is_faq_heading(line: str, rules: Boilerplate) -> bool:
    return any(h.search(line) for h in rules.faq_headings)


def _is_label_run(doc: _Doc, kept: list[int]) -> bool:
    """True when the last kept line is a speaker label repeated earlier (Q&A labels)."""
    last = normalize_line(doc.lines[doc.nz[kept[-1]]])
    return sum(1 for p in kept if normalize_line(doc.lines[doc.nz[p]]) == last) >= 2


def find_title(lines: Sequence[str], removed: Mapping[int, str]) -> int | None:
    """Index of the first kept headline-like line, or None."""
    for i, line in enumerate(lines):
        if line and i not in removed:
            return i if is_headline(line) else None
    return None


def _edge_menus(doc: _Doc, removed: dict[int, str]) -> None:
    """Menu-like lines before the headline and after the last paragraph."""
    title = None
    for pos in range(min(doc.top_end + 1, len(doc.nz))):
        i = doc.nz[pos]
        if i in removed:
            continue
        if is_headline(doc.lines[i]) or is_paragraph(doc.lines[i]):
            title = pos
            break
    for pos in range(title if title is not None else 0):
        i = doc.nz[pos]
        if i not in removed and is_menu_like(doc.lines[i]):
            removed[i] = "menu"
    last = -1
    for pos in range(len(doc.nz)):
        i = doc.nz[pos]
        if i not in removed and is_paragraph(doc.lines[i]):
            last = pos
    for pos in range(last + 1, len(doc.nz)):
        i = doc.nz[pos]
        if i not in removed and pos != title and is_menu_like(doc.lines[i]):
            removed[i] = "menu"


def _promo_links(doc: _Doc, rules: Boilerplate, removed: dict[int, str]) -> None:
    """Headlines listed under a bare "Read also" / "Related" header are links, not text."""
    for pos, i in enumerate(doc.nz):
        if pos < doc.top_end or not any(h.search(doc.lines[i]) for h in rules.promo_headers):
            continue
        removed.setdefault(i, "promo")
        for later in doc.nz[pos + 1 : pos + 1 + _PROMO_MAX_LINKS]:
            line = doc.lines[later]
            if later in removed or is_paragraph(line) or _SENTENCE_END.search(line):
                break
            if not is_headline(line):
                break
            removed[later] = "promo"


def _end_notes(doc: _Doc, rules: Boilerplate, removed: dict[int, str]) -> None:
    """Author bios and source credits after the article's last paragraph.

    Walks back from the end over removed lines and short kept lines (pull quotes, a
    repeated headline) and stops at the first paragraph that is not itself such a note,
    so a sentence about an analyst inside the article is never taken for a bio.
    """
    bio = _bio_regex(rules.bio_roles)
    notes = [p for p in rules.patterns if p.zone == "end"]
    for pos in range(len(doc.nz) - 1, doc.bottom_start - 1, -1):
        i = doc.nz[pos]
        if i in removed:
            continue
        line = doc.lines[i]
        words = word_count(line)
        note = next((p.name for p in notes if p.matches(line, words)), None)
        if note is None and bio.search(line):
            note = "author bio"
        if note is not None:
            removed[i] = note
        elif is_paragraph(line):
            return


def _echoes(doc: _Doc, removed: dict[int, str], window: int = 3) -> None:
    """A kept line that repeats a nearby removed line (an embed's fallback text)."""
    for pos, i in enumerate(doc.nz):
        if i in removed or word_count(doc.lines[i]) < 3:
            continue
        norm = normalize_line(doc.lines[i])
        for other in doc.nz[max(0, pos - window) : pos + window + 1]:
            if (
                other in removed
                and removed[other] != "repeat of removed line"
                and normalize_line(doc.lines[other]).startswith(norm)
            ):
                removed[i] = "repeat of removed line"
                break


def find_boilerplate(
    lines: Sequence[str],
    rules: Boilerplate,
    settings: CleanSettings,
    language: str | None = None,
    line_counts: Mapping[str, int] | None = None,
) -> dict[int, str]:
    """Decide which lines are boilerplate.

    Args:
        lines: the document's lines (any whitespace; compared stripped).
        rules: patterns and word lists from `load_boilerplate`.
        settings: thresholds and options.
        language: the document's language, for the foreign-line check (None: skip it).
        line_counts: `line_key` -> number of earlier documents of the outlet with the line.

    Returns:
        Line index -> reason, for every line to remove (empty lines are never listed).
    """
    doc = _layout([line.strip() for line in lines], settings)
    removed: dict[int, str] = {}
    for pos, i in enumerate(doc.nz):
        reason = _line_reason(doc, pos, rules, settings, language)
        if reason:
            removed[i] = reason
    _comment_tail(doc, rules, removed)
    _faq_block(doc, rules, settings, removed)
    _promo_links(doc, rules, removed)
    _edge_menus(doc, removed)
    _end_notes(doc, rules, removed)
    _echoes(doc, removed)
    if line_counts:
        title = find_title(doc.lines, removed)
        for i in doc.nz:
            seen = line_counts.get(line_key(doc.lines[i]), 0)
            if i not in removed and i != title and seen >= settings.repeat_threshold:
                removed[i] = "repeated in outlet"
    return dict(sorted(removed.items()))
