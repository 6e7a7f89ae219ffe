"""Sentence boundaries for news text, without a trained parser.

News scrapes put headlines, deks and bylines on lines of their own with no final stop, so a
line break always ends a sentence. Inside a paragraph a sentence ends at `.`, `!` or `?`
(with any closing quotes or brackets that follow) when the next word starts like a sentence.
A wire dateline ("MOSCOW, March 10 (Reuters) -") is a sentence of its own: left in front
of the clause, the parser takes the city for the subject and the actor for an apposition.
A run of more than `MAX_SENTENCE_TOKENS` tokens with no end (a scrape that lost its
punctuation, a list, a hostile input) is cut at a comma or semicolon, else where it stands,
and the cut is flagged: every later stage's cost grows faster than a sentence's length.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from dyad.model import Flag, SentenceRef
from dyad.nlp.extensions import get_list
from dyad.nlp.tokens import doc_text

_FINAL = {".", "!", "?", "…", "?!", "!?", "...", "...."}
_CLOSERS = {'"', "”", "’", "'", ")", "]", "»", "›"}
_OPENERS = {'"', "“", "‘", "'", "(", "[", "«", "‹", "—", "–", "-"}
_DASHES = {"-", "–", "—", "--"}
#: Longest sentence the later stages see; news sentences rarely pass 80 tokens.
MAX_SENTENCE_TOKENS = 150
#: Where an over-long sentence is preferably cut: after a clause-ending punctuation mark.
_SOFT_BREAKS = {",", ";", ":", "—", "–"}
#: How many tokens a dateline may run before its dash.
_DATELINE_TOKENS = 12


def _dateline_end(doc: Doc, start: int) -> int | None:
    """The token after a dateline opening the line at `start`, if the line opens with one.

    A dateline starts with a place in capitals ("MOSCOW", "NEW DELHI") and ends at a dash
    that follows the place, a date or an agency credit ("(Reuters)", "/AP/"), before a
    capitalised word.
    """
    first = doc[start]
    if not (first.is_alpha and first.is_upper and len(first.text) > 1):
        return None
    stop = min(len(doc) - 1, start + _DATELINE_TOKENS)
    for i in range(start + 1, stop):
        token = doc[i]
        if "\n" in token.text or "\n" in doc[i - 1].whitespace_:
            return None
        if token.text in _DASHES:
            before, after = doc[i - 1], doc[i + 1]
            credited = before.text in {")", "/"} or before.is_upper or before.like_num
            return i + 1 if credited and after.text[:1].isupper() else None
        if token.pos_ == "VERB" or token.text in _FINAL:
            return None
    return None


def _starts_sentence(text: str) -> bool:
    first = text[:1]
    return first.isupper() or first.isdigit() or first in _OPENERS


@Language.component(
    "dyad_sentences",
    assigns=["token.is_sent_start"],
)
def dyad_sentences(doc: Doc) -> Doc:
    """Mark sentence starts at line breaks and at sentence-final punctuation."""
    n = len(doc)
    if not n:
        return doc
    # Collected first and written once: Token.is_sent_start's setter scans the whole doc.
    starts = [-1] * n
    starts[0] = 1
    i = 0
    if (end := _dateline_end(doc, 0)) is not None:
        starts[end] = 1
    while i < n:
        token = doc[i]
        if "\n" in token.text or "\n" in token.whitespace_:
            j = i + 1
            while j < n and doc[j].is_space:
                j += 1
            if j < n:
                starts[j] = 1
                if (end := _dateline_end(doc, j)) is not None:
                    starts[end] = 1
            i = j
            continue
        if token.text in _FINAL:
            j = i + 1
            while j < n and doc[j].text in _CLOSERS and not doc[j - 1].whitespace_:
                j += 1
            line_break = "\n" in doc[j - 1].whitespace_
            while j < n and doc[j].is_space:
                line_break = line_break or "\n" in doc[j].text
                j += 1
            if j < n and (
                line_break
                or (
                    (doc[j - 1].whitespace_ or doc[j - 1].is_space)
                    and _starts_sentence(doc[j].text)
                )
            ):
                starts[j] = 1
            i = j
            continue
        i += 1
    cuts = _cap_lengths(doc, starts)
    if cuts:
        get_list(doc, "flags").append(
            Flag(
                kind="long_sentence",
                message=(
                    f"{cuts} sentence breaks added where a run went past "
                    f"{MAX_SENTENCE_TOKENS} tokens without an end"
                ),
            )
        )
    values = numpy.asarray(starts, dtype="int64").view("uint64").reshape(-1, 1)
    doc.from_array([SENT_START], values)  # type: ignore[arg-type]  # thinc's Ints2d is an ndarray
    return doc


def _cap_lengths(doc: Doc, starts: list[int]) -> int:
    """Add starts so no sentence passes `MAX_SENTENCE_TOKENS`; returns how many were added.

    A cut goes after the last comma-like mark in the second half of the window, else at
    the window's end: one pass, linear in the text.
    """
    added = 0
    begin = 0
    n = len(doc)
    i = 1
    while i <= n:
        if i == n or starts[i] == 1:
            begin, i = i, i + 1
            continue
        if i - begin >= MAX_SENTENCE_TOKENS:
            cut = next(
                (
                    j + 1
                    for j in range(i - 1, begin + MAX_SENTENCE_TOKENS // 2, -1)
                    if doc[j].text in _SOFT_BREAKS
                ),
                i,
            )
            starts[cut] = 1
            added += 1
            begin, i = cut, cut + 1
            continue
        i += 1
    return added


def sentence_ref(index: int, sent: Span) -> SentenceRef:
    """The `SentenceRef` of a spaCy sentence: its index and its span without the trailing
    line break, so every stage that cites a sentence cites the same characters."""
    start = sent.start_char
    text = doc_text(sent.doc)[start : sent.end_char]  # Span.text joins its tokens each call
    return SentenceRef(index=index, start=start, end=start + len(text.rstrip()))
