"""Indirect quotes: reported speech, read from the parse of a reporting verb.

The content is the complement the cue governs: the clause of a reporting verb (its
`ccomp`, before or after it: "X said Russia was ready", "Russia was ready, X said"), the
object of an object cue ("stressed the need for talks", "accused Y of meddling", "pledged
to help"), the object and its predicate for a naming cue ("described the strikes as
aggression", "called them a crime"), the clause an adverbial cue frames ("As X noted,
...", "According to X, ..."), or what a speech noun introduces with a colon ("Moscow's
message was clear: ..."). The span is the complement's subtree, without its "that" and
trailing punctuation. A quotation inside the content is the direct quote instead; a
coordinated clause of the content without one ("... and that ...") is still reported.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from dyad.model import ActorMention
from dyad.nlp.clauses import governor
from dyad.nlp.tokens import token_table
from dyad.quotes.marks import Quotation, Quotations
from dyad.quotes.speaker import Context, Cue, noun_speaker, speakers_of

MIN_CONTENT_TOKENS = 2
#: Cues that report only an object and what it is called or judged as.
NAMING = frozenset({"naming", "judging"})
#: A wire dateline opening a sentence ("ANKARA, May 4 (Reuters) - "): not content.
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]+,[^\n]{0,60}?\s[-–—]+\s")
#: Prepositions whose object an object cue reports ("accused X of", "called for",
#: "warned against", "spoke about").
OBJECT_PREPOSITIONS = frozenset({"of", "for", "against", "about"})
#: Words a content span never starts with.
_LEADING = frozenset({"that", ",", ":", "-", "—", "–"})
_TRAILING = ".,;:!?…-—– \n\t"


@dataclass(frozen=True)
class Reported:
    """An indirect quote as character offsets and the cue that introduced it."""

    speakers: list[ActorMention]
    cue: str
    start: int
    end: int


def _complements(head: Token, complement: str) -> list[Token]:
    """The children of a cue whose subtrees are its content."""
    clauses = [c for c in head.children if c.dep_ == "ccomp"]
    if complement == "clause":
        return clauses
    if complement in NAMING:
        predicates = naming_predicates(head, complement)
        if not predicates:
            return []
        said = [c for c in head.children if c.dep_ in ("dobj", "ccomp") and c.i > head.i]
        if not said:
            return []  # "what he described as a crisis": the object is not reported here
        return sorted({c.i: c for c in said + predicates}.values(), key=lambda c: c.i)
    found = [c for c in head.children if c.dep_ in ("ccomp", "dobj", "xcomp")]
    found += [c for c in head.children if c.dep_ == "prep" and c.lower_ in OBJECT_PREPOSITIONS]
    return found


def naming_predicates(head: Token, complement: str) -> list[Token]:
    """What a naming cue calls its object: "a crime" (oprd, or an appositive of the object
    when the parser reads "called the plan a mistake" so), "as aggression", "as marked by
    ..." (an "as" clause)."""
    found = [
        c
        for c in head.children
        if c.dep_ == "oprd"
        or (c.dep_ == "prep" and c.lower_ == "as")
        or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children))
    ]
    for obj in head.children:  # "condemned the raid as a violation", "as" on the object
        if obj.dep_ == "dobj" and not found:
            found += [c for c in obj.children if c.dep_ == "prep" and c.lower_ == "as"]
    if not found and complement == "naming":
        objects_ = [c for c in head.children if c.dep_ == "dobj"]
        found = objects_[1:]  # "calling them aggression" parsed with two objects
        for obj in objects_[:1]:
            found += [c for c in obj.children if c.dep_ == "appos" and c.i > obj.i]
    return found


def _subtree_range(tokens: Iterable[Token]) -> tuple[int, int] | None:
    starts, ends = [], []
    for token in tokens:
        starts.append(token.left_edge.i)
        ends.append(token.right_edge.i + 1)
    return (min(starts), max(ends)) if starts else None


def _without(outer: tuple[int, int], inner: tuple[int, int]) -> tuple[int, int]:
    """The larger part of token range `outer` left when `inner` is cut out of it."""
    before = (outer[0], inner[0])
    after = (inner[1], outer[1])
    return before if before[1] - before[0] >= after[1] - after[0] else after


def content_range(ctx: Context, cue: Cue) -> tuple[int, int] | None:
    """Token range [start, end) of what the cue reports, before trimming; None if none."""
    doc = ctx.doc
    head = doc[cue.head]
    if cue.complement == "source":  # "According to X, <clause>" / "<clause>, according to X"
        anchor = doc[cue.start]
        pred = governor(anchor)
        if pred is None:
            return None
        framed = _subtree_range([pred])
        assert framed is not None
        return _without(framed, (anchor.left_edge.i, anchor.right_edge.i + 1))
    if head.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in head.children
    ):  # "As X noted, <clause>"
        pred = head.head
        framed = _subtree_range([pred])
        assert framed is not None
        return _without(framed, (head.left_edge.i, head.right_edge.i + 1))
    parts = _complements(head, cue.complement)
    if cue.complement in NAMING:  # an appositive predicate is inside its object
        parts = [p for p in parts if p.head.i == head.i]
    if not parts:
        return None
    if cue.complement != "clause":
        parts = [p for p in parts if p.i > head.i] or parts
    found = _subtree_range(parts)
    if found is None:
        return None
    start, end = found
    if start <= head.i < end:  # complements on both sides: keep the side of the first one
        start, end = (start, head.i) if parts[0].i < head.i else (cue.end, end)
    if head.i < start < cue.end:  # "called for X": the phrase's preposition is the cue's
        start = cue.end
    end = _without_comment(ctx, parts, start, end)
    end = _before_next_cue(ctx, start, end)
    return start, _clause_break(ctx, start, end)


def _coordinated_cue(ctx: Context, i: int) -> bool:
    """A reporting verb coordinated into a clause without a subject of its own."""
    cue = ctx.cue_at(i)
    if cue is None or cue.head != i:
        return False
    token = ctx.doc[i]
    if token.dep_ != "conj":
        return False
    # "... and the minister added": a clause of the content, not a second report
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _before_next_cue(ctx: Context, start: int, end: int) -> int:
    """Token end of a content range before a reporting verb coordinated into it ("said the
    talks were useful and added that ..." read as one clause by the parser)."""
    doc = ctx.doc
    if ctx.coordinated_cues is None:  # found once: a long sentence holds many contents
        ctx.coordinated_cues = [i for i in range(len(doc)) if _coordinated_cue(ctx, i)]
    found = ctx.coordinated_cues
    at = bisect_right(found, start)
    if at < len(found) and found[at] < end:
        i = found[at]
        cut = i
        while cut > start and doc[cut - 1].dep_ in ("cc", "punct", "advmod"):
            cut -= 1
        return cut
    return end


def _without_comment(ctx: Context, parts: list[Token], start: int, end: int) -> int:
    """Token end of a content range without a trailing comment on it: ", referencing
    the US", ", as noted by AP" (a participle or an "as" clause after a comma)."""
    doc = ctx.doc
    for part in parts:
        for child in part.children:
            comment = child.dep_ == "advcl" and (
                child.tag_ == "VBG" or any(m.lower_ == "as" for m in child.children)
            )
            first = child.left_edge.i
            if comment and start < first - 1 and doc[first - 1].text == ",":
                end = min(end, first - 1)
    return end


def _clause_break(ctx: Context, start: int, end: int) -> int:
    """Token end of a content range cut at a clause break ("... — a careful answer")."""
    text = ctx.text
    first, last = ctx.doc[start].idx, ctx.doc[end - 1].idx + len(ctx.doc[end - 1])
    for brk in ctx.lexicon.clause_breaks:
        found = text.find(brk, first, last)
        if found > first:
            end = min(end, ctx.token_at(found + len(brk) - len(brk.lstrip())))
    return end


def _trim(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """Character range of tokens [start, end) without a leading "that", punctuation or
    wire dateline, and without trailing punctuation."""
    doc = ctx.doc
    while start < end and (doc[start].lower_ in _LEADING or doc[start].is_space):
        start += 1
    if start >= end:
        return 0, 0
    first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    text = ctx.text
    dateline = _DATELINE.match(text, first, last)
    if dateline and start == ctx.sentence(start).start:
        first = dateline.end()
    while last > first and text[last - 1] in _TRAILING:
        last -= 1
    return first, last


def _quotations_in(quotes: list[Quotation], start: int, end: int) -> list[Quotation]:
    if isinstance(quotes, Quotations):
        return quotes.opening_in(start, end)
    return [q for q in quotes if start <= q.open < end]


def _clauses_outside(
    ctx: Context, start: int, end: int, quotes: list[Quotation]
) -> list[tuple[int, int]]:
    """Coordinated clauses of a content span that hold no quotation ("that the talks were
    "frank" and that a deal was close": the second)."""
    doc = ctx.doc
    out = []
    for token in doc[start:end]:
        if token.dep_ != "conj" or not (start <= token.head.i < end):
            continue
        if token.pos_ not in ("VERB", "AUX") or not any(
            c.dep_ in ("mark", "nsubj", "nsubjpass") for c in token.children
        ):
            continue  # a clause of its own: "and that ...", "and a deal was close"
        first, last = token.left_edge.i, token.right_edge.i + 1
        while first > start and doc[first - 1].lower_ == "that":
            first -= 1
        s, e = _trim(ctx, first, last)
        if e > s and not _quotations_in(quotes, s, e):
            out.append((s, e))
    return out


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
    speakers = noun_speaker(ctx, nouns[-1])
    start, end = _trim(ctx, colon.i + 1, sent.end)
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


def _comments(ctx: Context, cue: Cue) -> bool:
    """ "..., underscoring the importance of ties": a participle after a comma with only a
    noun object comments on its clause; it reports nothing."""
    doc = ctx.doc
    head = doc[cue.head]
    after_comma = head.dep_ in ("advcl", "conj") and head.i > 0 and doc[head.i - 1].text == ","
    return (
        cue.complement == "object"
        and head.tag_ == "VBG"
        and (after_comma or head.dep_ == "pcomp")  # ", underscoring" / "in voicing"
        and any(c.dep_ == "dobj" for c in head.children)
        and not any(c.dep_ in ("ccomp", "xcomp") for c in head.children)
    )


def conditional(pred: Token) -> bool:
    """A cue in an "if" clause reports nothing said ("if the media stresses X, ...")."""
    return pred.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in pred.children
    )


def reported(ctx: Context, cue: Cue, quotes: list[Quotation]) -> list[tuple[int, int]]:
    """Character ranges of what one cue reports (several when a quotation splits it)."""
    if conditional(ctx.doc[cue.head]):
        return []
    found = content_range(ctx, cue)
    if found is None:
        return []
    first, last = found
    if last - first < MIN_CONTENT_TOKENS or _comments(ctx, cue):
        return []
    start, end = _trim(ctx, first, last)
    if end <= start:
        return []
    if _quotations_in(quotes, start, end):
        return _clauses_outside(ctx, first, last, quotes)
    return [(start, end)]


def find_reported(ctx: Context, quotes: list[Quotation]) -> list[Reported]:
    """Indirect quotes of the document."""
    out: list[Reported] = []
    doc = ctx.doc
    quotes = Quotations(quotes)
    for sent in ctx.sents:
        if _is_headline(sent):
            continue
        for cue in ctx.cues(sent.start, sent.end):
            if quotes.covers(doc[cue.start].idx):
                continue  # words inside a quotation are the speaker's, not a report
            ranges = reported(ctx, cue, quotes)
            if not ranges:
                continue
            speakers = speakers_of(ctx, cue)
            if not speakers:
                continue
            out += [Reported(speakers, cue.text, s, e) for s, e in ranges]
        colon = _noun_colon(ctx, sent, quotes)
        if colon and not any(r.start <= colon.start < r.end for r in out):
            out.append(colon)
    return out
