"""Direct quotes: attribute each quotation to a speaker through the cue that governs it.

In order: the reporting verb the quotation depends on in the parse (`"...," Lavrov said`,
`"...," said Putin`, `Lavrov noted: "..."`, and scare quotes inside what a cue reports:
`Araghchi described the talks as marked by "frank" exchanges`, `called the plan "a
mistake"`); a cue right after the closing mark (`"...," according to Reuters`); the
nearest cue before the opening mark in its sentence; an actor or a speech noun
introducing it with a colon; and, for a quote that fills its sentence with no cue of its
own, the speaker of the previous sentence ("X said:", "X was blunt."). A quotation none
of these attributes (a title, a scare quote with no speaker) is not a quote. A quote
split by its cue (`"...," he added, "..."`) gives two quotes, each attributed alike.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from spacy.tokens import Token

from dyad.model import ActorMention
from dyad.nlp.clauses import subjects
from dyad.quotes.indirect import NAMING, conditional, naming_predicates
from dyad.quotes.marks import Quotation, Quotations
from dyad.quotes.speaker import Context, Cue, actors_of, noun_speaker, speakers_of

#: How many tokens after a closing mark an attribution ("Russian Foreign Minister Sergei
#: Lavrov said") may take.
AFTER_REACH = 10
#: An attribution line under a pull quote is short ("— Jane Roe, foreign minister").
MAX_ATTRIBUTION_LINE = 150
#: How many heads up from a quotation its governing cue may stand.
CLIMB = 10
#: Relations by which a quotation reaches a naming cue: its object or its predicate.
_NAMING_DEPS = frozenset({"dobj", "oprd", "ccomp"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})


@dataclass(frozen=True)
class Attribution:
    """A quotation's speakers, its cue text and the cue's first token (None for context)."""

    speakers: list[ActorMention]
    cue: str
    cue_token: int | None


def _inside(quotes: Quotations, offset: int) -> bool:
    return quotes.covers(offset)


def _tops(ctx: Context, q: Quotation) -> list[Token]:
    """Tokens of the quotation whose head stands outside it, in text order."""
    doc = ctx.doc
    first, last = ctx.token_at(q.start), ctx.token_at(max(q.end - 1, q.start))
    return [
        t
        for t in doc[first : last + 1]
        if not (q.open <= t.head.idx < q.outer_end) or t.head.i == t.i
    ]


def _accepts(ctx: Context, cue: Cue, entering: Token) -> bool:
    """Whether a quotation reaching the cue through `entering` is what the cue reports:
    for a naming cue, its object or what it names it ("called the plan "a mistake"")."""
    if entering.dep_ in _SUBJECT_DEPS:
        return False
    if cue.complement not in NAMING:
        return True
    predicates = naming_predicates(ctx.doc[cue.head], cue.complement)
    return bool(predicates) and (entering in predicates or entering.dep_ in _NAMING_DEPS)


def _own_clause(node: Token) -> bool:
    """A verb with a subject of its own that is not what a reporting verb reports."""
    has_subject = any(c.dep_ in _SUBJECT_DEPS for c in node.children)
    return has_subject and node.pos_ in ("VERB", "AUX") and node.dep_ not in ("ccomp", "conj")


def _governing(ctx: Context, q: Quotation, quotes: Quotations) -> Attribution | None:
    """The cue the quotation depends on in the parse, and its speakers (maybe none)."""
    for top in _tops(ctx, q):
        child, node = top, top.head
        for _ in range(CLIMB):
            if node.i == child.i:
                break
            cue = ctx.cue_at(node.i)
            if cue is not None and cue.head == node.i and cue.complement != "source":
                if _inside(quotes, node.idx):
                    break  # a cue quoted is someone's words, not an attribution
                if not _accepts(ctx, cue, child) or conditional(node):
                    break
                return Attribution(speakers_of(ctx, cue), cue.text, cue.start)
            if _own_clause(node):
                break  # "with commentators giving it the name "X"": their words, not a cue's
            child, node = node, node.head
    return None


def _after(ctx: Context, q: Quotation, quotes: Quotations) -> Attribution | None:
    """A cue right after the closing mark: `"...," according to Reuters`."""
    if q.close is None:
        return None
    doc = ctx.doc
    first = ctx.token_at(q.outer_end)
    if first >= len(doc) or doc[first].idx < q.outer_end:
        return None
    sent_end = ctx.sentence(max(first - 1, 0)).end
    limit = min(sent_end, first + AFTER_REACH, len(doc))
    for i in range(first, limit):
        token = doc[i]
        if _inside(quotes, token.idx):
            return None
        cue = ctx.cue_at(i)
        if cue is not None and cue.complement not in NAMING:
            return Attribution(speakers_of(ctx, cue), cue.text, cue.start)
        if token.text in (".", ";", "!", "?") or (i > first and token.tag_.startswith("VB")):
            return None
    return None


def _before(ctx: Context, q: Quotation, quotes: Quotations) -> Attribution | None:
    """The nearest cue before the opening mark in its sentence, or a colon introduction."""
    doc = ctx.doc
    opening = ctx.token_at(q.open)
    sent = ctx.sentence(opening)
    cue = ctx.last_cue_before(
        sent,
        opening,
        lambda c: not _inside(quotes, doc[c.start].idx) and c.complement in ("clause", "object"),
    )
    if cue is not None:
        between = ctx.text[doc[cue.end - 1].idx + len(doc[cue.end - 1]) : q.open].strip()
        if between and not between.endswith((":", ",")):
            return None  # the quotation does not follow its cue ("Lavrov noted: "...")
        speakers = speakers_of(ctx, cue)
        return Attribution(speakers, cue.text, cue.start) if speakers else None
    j = opening - 1  # "Lavrov: "..."" / "Moscow's message: "...""
    if j > sent.start and doc[j].text == ":":
        mentions = actors_of(ctx, doc[j - 1])
        if mentions:
            return Attribution(mentions, ":", j)
        nouns = [t for t in doc[sent.start : j] if t.lower_ in ctx.lexicon.nouns]
        if nouns:
            speakers = noun_speaker(ctx, nouns[-1])
            return Attribution(speakers, ":", j) if speakers else None
    return None


def _fills_sentence(ctx: Context, q: Quotation) -> bool:
    opening = ctx.token_at(q.open)
    sent = ctx.sentence(opening)
    return all(t.is_punct or t.is_space for t in ctx.doc[sent.start : opening])


def _previous_speaker(
    ctx: Context, q: Quotation, done: list[tuple[Quotation, Attribution]]
) -> Attribution | None:
    """For a quote alone in its sentence: the previous quote's speaker, the speaker of a
    cue ending the previous sentence ("X said:"), or its main subject ("X was blunt.")."""
    opening = ctx.token_at(q.open)
    index = ctx.sent_of[opening]
    if index == 0:
        return None
    prev = ctx.sents[index - 1]
    if done:
        last_q, last = done[-1]
        if last_q.outer_end >= prev.start_char:
            return Attribution(last.speakers, last.cue, None)
    cues = ctx.cues(prev.start, prev.end)
    if cues:
        speakers = speakers_of(ctx, cues[-1])
        return Attribution(speakers, cues[-1].text, None) if speakers else None
    speakers = []
    for subject in subjects(prev.root):
        speakers += actors_of(ctx, subject)
    return Attribution(speakers, "", None) if speakers else None


def attribute(ctx: Context, quotes: list[Quotation]) -> list[tuple[Quotation, Attribution]]:
    """Every quotation that has a speaker, with its attribution, in text order."""
    done: list[tuple[Quotation, Attribution]] = []
    quotes = Quotations(quotes)
    for q in quotes:
        found = _governing(ctx, q, quotes)
        if found is None:
            after = _after(ctx, q, quotes)
            found = after if after is not None and after.speakers else _before(ctx, q, quotes)
            if found is None and after is None and _fills_sentence(ctx, q):
                found = _previous_speaker(ctx, q, done)  # only when no cue follows it
        if found is not None and found.speakers:
            done.append((q, found))
    return done


def attribution_lines(
    ctx: Context, quotes: list[Quotation]
) -> list[tuple[int, int, Attribution, bool]]:
    """Pull quotes: a paragraph followed by a line "— Name, title" that attributes it.

    Returns (start, end, attribution, direct) per quote; direct is False when the
    attribution line says the words are paraphrased.
    """
    text = ctx.text
    lines: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((offset, offset + len(line)))
        offset += len(line) + 1
    out: list[tuple[int, int, Attribution, bool]] = []
    for (p_start, p_end), (a_start, a_end) in itertools.pairwise(lines):
        head = text[a_start:a_end].lstrip()
        if not head or head[0] not in "—–-" or any(p_start <= q.open < p_end for q in quotes):
            continue
        first = ctx.token_at(a_start + (a_end - a_start - len(head)) + 1)
        if a_end - a_start > MAX_ATTRIBUTION_LINE:
            continue
        speakers: list[ActorMention] = []
        for i in range(first, min(first + 8, len(ctx.doc))):
            if ctx.doc[i].idx >= a_end:
                break
            speakers = [m for m in ctx.mentions_at(i) if m.kind == "person"]
            if speakers:
                break
        if not speakers:
            continue
        words = {w.strip(",.;()").lower() for w in head.split()}
        direct = not words & ctx.lexicon.indirect_markers
        start, end = p_start, p_end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1] in " \t.,;":
            end -= 1
        out.append((start, end, Attribution(speakers, head[0], None), direct))
    return out
