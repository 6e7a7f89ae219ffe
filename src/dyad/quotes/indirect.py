"""Indirect quotes: reported speech introduced by a cue with an actor as its subject.

`X confirmed that Tehran is analysing the offer`, `X said Russia was ready` (no "that"),
`X accused the EU of meddling`, `X stressed the need to ...`, `As X noted, ...`,
`..., X said.`, `According to X, ...`, `X's message was clear: ...`. The content runs from
after the cue (and its "that") to the clause end, without the final stop. A cue whose
clause holds a quotation yields no indirect quote for the part before the quotation (the
quotation is the direct quote); a later "and that ..." still does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span as TokenSpan

from dyad.model import ActorMention
from dyad.nlp.tokens import token_table
from dyad.quotes.marks import Quotation
from dyad.quotes.speaker import Context, Cue, noun_speaker, speakers_of, walk_left

_FINITE = ("VBD", "VBZ", "VBP", "MD")
_SENTENCE_PUNCT = ".!?…"
#: How far after a cue its "that" may come ("said on Monday that ...").
THAT_REACH = 8
MIN_CONTENT_TOKENS = 2
#: A wire dateline opening a sentence ("ANKARA, May 4 (Reuters) - "): not content.
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]+,[^\n]{0,60}?\s[-–—]+\s")
_SEARCH_STOPS = {"—", "–", ";", "(", "“", '"', "«"}


@dataclass(frozen=True)
class Reported:
    """An indirect quote as character offsets and the cue that introduced it."""

    speakers: list[ActorMention]
    cue: str
    start: int
    end: int


def _trim(ctx: Context, start: int, end: int) -> tuple[int, int]:
    text = ctx.text
    while start < end and (text[start].isspace() or text[start] in ",:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _SENTENCE_PUNCT + ",;:"):
        end -= 1
    return start, end


def _clause_end(ctx: Context, start: int, sent: TokenSpan) -> int:
    """Character offset where the clause beginning at `start` ends."""
    text = ctx.text
    end = sent.end_char
    for brk in ctx.lexicon.clause_breaks:
        found = text.find(brk, start, end)
        if found > start:
            end = found
    for token in ctx.doc[sent.start : sent.end]:
        if token.idx <= start or token.idx >= end:
            continue
        nxt = token.nbor(1) if token.i + 1 < len(ctx.doc) else None
        if (
            token.text == ","
            and nxt is not None
            and (nxt.tag_ == "VBG" or nxt.lower_ in ("which", "while", "whereas"))
        ):
            return token.idx
        if token.text == "," and _attribution_follows(ctx, token.i, sent):
            return token.idx  # "..., state media reported."
    return end


#: How long a trailing attribution (", state media reported") may be, in tokens.
TRAILING_REACH = 6


def _attribution_follows(ctx: Context, comma: int, sent: TokenSpan) -> bool:
    """Whether the sentence ends, after this comma, with a short cue clause."""
    rest = [t for t in ctx.doc[comma + 1 : sent.end] if not (t.is_punct or t.is_space)]
    if not rest or len(rest) > TRAILING_REACH:
        return False
    return any(ctx.cue_at(t.i) is not None for t in rest)


def _has_finite(ctx: Context, start: int, end: int) -> bool:
    """Whether a finite verb is in the span; a VBN right after a noun counts (the tagger
    often reads a past tense "Israel reserved" as a participle)."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    for t in span:
        if t.tag_ in _FINITE:
            return True
        if t.tag_ == "VBN" and t.i > span.start and t.nbor(-1).tag_.startswith(("NN", "PRP")):
            return True
    return False


def _content_start(ctx: Context, cue: Cue) -> int:
    """Token where the reported content begins: after a "that" or colon that comes soon.

    A clause cue may have words before its "that" ("said on Monday that", "told
    reporters that"); an object cue only adverbs. Dashes and semicolons end the search.
    """
    doc = ctx.doc
    sent = ctx.sentence(cue.start)
    reach = THAT_REACH if cue.complement == "clause" else 2
    for i in range(cue.end, min(sent.end, cue.end + reach)):
        low = doc[i].lower_
        if low == "that" or (low == ":" and cue.complement == "clause"):
            return i + 1
        if doc[i].tag_ in _FINITE or doc[i].text in _SEARCH_STOPS:
            break
        if cue.complement != "clause" and doc[i].tag_ not in ("RB", "RBR"):
            break
    return cue.end


def _quotations_in(quotes: list[Quotation], start: int, end: int) -> list[Quotation]:
    return [q for q in quotes if start <= q.open < end]


def _after_quotes(ctx: Context, inside: list[Quotation], end: int) -> tuple[int, int] | None:
    """The "and that ..." tail after the last quotation of a clause, if any."""
    tail = ctx.text[inside[-1].outer_end : end]
    stripped = tail.lstrip(" ,")
    if not stripped.lower().startswith("and that "):
        return None
    start = inside[-1].outer_end + (len(tail) - len(stripped)) + len("and that ")
    return start, end


def _source_content(ctx: Context, cue: Cue, speakers: list[ActorMention]) -> tuple[int, int]:
    """The clause "according to X" vouches for: before it, or after X's noun phrase."""
    doc = ctx.doc
    sent = ctx.sentence(cue.start)
    if cue.start > sent.start + 2:
        before_end = doc[cue.start].idx
        if _has_finite(ctx, sent.start_char, before_end):
            return sent.start_char, before_end
    after = max(m.end for m in speakers) if speakers else doc[cue.end - 1].idx
    commas = [t for t in doc[cue.end : sent.end] if t.text == "," and t.idx >= after]
    for k, comma in enumerate(commas):
        stop = commas[k + 1].idx if k + 1 < len(commas) else sent.end_char
        if _has_finite(ctx, comma.idx + 1, stop):
            return comma.idx + 1, _clause_end(ctx, comma.idx + 1, sent)
    return after, after


def _before_speakers(ctx: Context, cue: Cue) -> int | None:
    """Index of the token before the subject group right before the cue, if any."""
    found, _ = walk_left(ctx, cue.start)
    if not found:
        return None
    first = ctx.token_at(min(m.start for m in found))
    return first - 1 if first > ctx.sentence(cue.start).start else None


def _framing(ctx: Context, cue: Cue) -> tuple[int, int] | None:
    """Content framed by its attribution rather than following the cue.

    "As X noted, <content>." and "<content>, X said." (nothing after the cue).
    """
    doc = ctx.doc
    sent = ctx.sentence(cue.start)
    before = _before_speakers(ctx, cue)
    if before is None:
        return None
    if doc[before].lower_ == "as" and cue.end < sent.end and doc[cue.end].text == ",":
        start = doc[cue.end].idx + 1
        return start, _clause_end(ctx, start, sent)
    rest_empty = all(t.is_punct or t.is_space for t in doc[cue.end : sent.end])
    if doc[before].text == "," and rest_empty:
        dateline = _DATELINE.match(sent.text)
        return sent.start_char + (dateline.end() if dateline else 0), doc[before].idx
    return None


def _region(
    ctx: Context, cue: Cue, speakers: list[ActorMention], quotes: list[Quotation]
) -> tuple[int, int] | None:
    if cue.complement == "source":
        return _source_content(ctx, cue, speakers)
    found = _framing(ctx, cue)
    if found:
        return found
    sent = ctx.sentence(cue.start)
    first = _content_start(ctx, cue)
    while first < sent.end and ctx.doc[first].is_punct:
        first += 1
    if first >= sent.end or ctx.doc[first].tag_ in _FINITE:
        return None  # "What Putin promised was ...": the cue sits in a subject clause
    after_comma = cue.start > sent.start and ctx.doc[cue.start - 1].text == ","
    if after_comma and ctx.doc[cue.start].tag_ == "VBG" and first == cue.end:
        return None  # ", underscoring the ..." comments on the clause; it reports nothing
    start = ctx.doc[first].idx
    end = _clause_end(ctx, start, sent)
    inside = _quotations_in(quotes, start, end)
    if inside:
        return _after_quotes(ctx, inside, end)
    if cue.complement == "clause" and not _has_finite(ctx, start, end):
        return None
    return start, end


def _noun_colon(ctx: Context, sent: TokenSpan, quotes: list[Quotation]) -> Reported | None:
    """ "Moscow's message was clear: ..." -- a speech noun before a colon."""
    doc = ctx.doc
    colons = [t for t in sent if t.text == ":"]
    if not colons:
        return None
    colon = colons[0]
    nouns = [t for t in doc[sent.start : colon.i] if t.lower_ in ctx.lexicon.nouns]
    if not nouns or _quotations_in(quotes, colon.idx, sent.end_char):
        return None
    speakers = noun_speaker(ctx, nouns[-1].i)
    start, end = _trim(ctx, colon.idx + 1, sent.end_char)
    if not speakers or end <= start:
        return None
    return Reported(speakers, ":", start, end)


def _is_headline(sent: TokenSpan) -> bool:
    """A title-case line ("Trump Called for Ceasefire") is a headline, not reported speech."""
    table = token_table(sent.doc)  # iterating a span builds a Token per word
    words = [
        w
        for w, alpha in zip(
            table.text[sent.start : sent.end], table.is_alpha[sent.start : sent.end], strict=True
        )
        if alpha and len(w) > 3
    ]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def find_reported(ctx: Context, quotes: list[Quotation], used_cues: set[int]) -> list[Reported]:
    """Indirect quotes of the document; cues in `used_cues` already introduced a quote."""
    out: list[Reported] = []
    doc = ctx.doc
    for sent in ctx.sents:
        if _is_headline(sent):
            continue
        for cue in ctx.cues(sent.start, sent.end):
            if cue.complement == "quote" or any(
                q.open <= doc[cue.start].idx < q.outer_end for q in quotes
            ):
                continue
            if cue.start in used_cues and not _quotations_in(
                quotes, doc[cue.end - 1].idx, sent.end_char
            ):
                continue  # it attributed a quotation before it: `"...," Lavrov said`
            speakers = speakers_of(ctx, cue)
            if not speakers:
                continue
            region = _region(ctx, cue, speakers, quotes)
            if region is None:
                continue
            start, end = _trim(ctx, *region)
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) < MIN_CONTENT_TOKENS:
                continue
            out.append(Reported(speakers, cue.text, start, end))
        colon = _noun_colon(ctx, sent, quotes)
        if colon and not any(r.start <= colon.start < r.end for r in out):
            out.append(colon)
    return out
