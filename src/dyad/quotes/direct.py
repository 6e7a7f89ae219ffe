"""Direct quotes: attribute each quotation to a speaker through a cue around it.

In order: a cue right after the closing mark (`"...," Lavrov said`, `"...," said Putin`,
`"...," according to Reuters`); the nearest cue before the opening mark in its sentence
(`Lavrov noted: "..."`, and scare quotes inside a reported clause: `Araghchi described the
talks as "frank"`); an actor introducing it with a colon; and, for a quote that fills its
sentence with no cue of its own, the speaker of the previous sentence. A quotation none of
these attributes (a title, a scare quote with no speaker in its clause) is not a quote.
A quote split by its cue (`"...," he added, "..."`) gives two quotes: each content span
stays contiguous and each half is attributed by the same rules.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from dyad.model import ActorMention
from dyad.quotes.marks import Quotation
from dyad.quotes.speaker import (
    Context,
    Cue,
    main_subject,
    noun_speaker,
    speakers_of,
    walk_left,
    walk_right,
)

#: How many tokens after a closing mark an attribution ("Russian Foreign Minister Sergei
#: Lavrov said") may take.
AFTER_REACH = 10
#: An attribution line under a pull quote is short ("— Jane Roe, foreign minister").
MAX_ATTRIBUTION_LINE = 150
#: How close a naming verb must be to its quotation ("called the plan "a mistake"").
QUOTE_CUE_REACH = 6


@dataclass(frozen=True)
class Attribution:
    """A quotation's speakers, its cue text and the cue's first token (None for context)."""

    speakers: list[ActorMention]
    cue: str
    cue_token: int | None


def _inside(quotes: list[Quotation], offset: int) -> bool:
    return any(q.open <= offset < q.outer_end for q in quotes)


def _after(ctx: Context, q: Quotation, quotes: list[Quotation]) -> Attribution | None:
    """`"...," Lavrov said` / `"...," said Putin` / `"...," according to Reuters`.

    An attribution with no speakers means a cue was there but names no known actor.
    """
    if q.close is None:
        return None
    doc = ctx.doc
    first = ctx.token_at(q.outer_end)
    if first >= len(doc) or doc[first].idx < q.outer_end:
        return None
    sent_end = ctx.sentence(max(first - 1, 0)).end
    limit = min(sent_end, first + AFTER_REACH, len(doc))
    i = first
    while i < limit and doc[i].text in (",", "—", "–", "-"):
        i += 1
    start = i
    while i < limit:
        token = doc[i]
        if _inside(quotes, token.idx):
            return None
        cue = ctx.cue_at(i)
        if cue is not None:
            if cue.complement == "source":
                speakers = speakers_of(ctx, cue)
            elif i == start:
                speakers = walk_right(ctx, cue, reach=AFTER_REACH)
            else:
                speakers, _ = walk_left(ctx, cue.start)
            return Attribution(speakers, cue.text, cue.start)
        if token.tag_.startswith(("VB", "MD")) or token.text in (".", ";", "!", "?"):
            return None
        i += 1
    return None


def _before(ctx: Context, q: Quotation, quotes: list[Quotation]) -> Attribution | None:
    """The nearest cue before the opening mark, in the sentence where the quote opens."""
    doc = ctx.doc
    opening = ctx.token_at(q.open)
    sent = ctx.sentence(opening)
    cues: list[Cue] = [
        c for c in ctx.cues(sent.start, opening) if not _inside(quotes, doc[c.start].idx)
    ]
    if cues:
        cue = cues[-1]
        if cue.complement == "quote" and opening - cue.end > QUOTE_CUE_REACH:
            return None  # "called Erdogan to discuss the "grain deal"": not a naming
        speakers = speakers_of(ctx, cue)
        return Attribution(speakers, cue.text, cue.start) if speakers else None
    # "Lavrov: "..."" -- an actor introducing the quote with a colon
    j = opening - 1
    if j > sent.start and doc[j].text == ":":
        mentions = ctx.mentions_at(j - 1)
        if mentions:
            return Attribution(list(mentions), ":", j)
        nouns = [t for t in doc[sent.start : j] if t.lower_ in ctx.lexicon.nouns]
        if nouns:
            speakers = noun_speaker(ctx, nouns[-1].i)
            return Attribution(speakers, ":", j) if speakers else None
    return None


def _fills_sentence(ctx: Context, q: Quotation) -> bool:
    opening = ctx.token_at(q.open)
    sent = ctx.sentence(opening)
    return all(t.is_punct or t.is_space for t in ctx.doc[sent.start : opening])


def _previous_speaker(
    ctx: Context, q: Quotation, done: list[tuple[Quotation, Attribution]]
) -> Attribution | None:
    """For a quote alone in its sentence: the previous quote's or sentence's speaker."""
    opening = ctx.token_at(q.open)
    index = ctx.sent_of[opening]
    if index == 0:
        return None
    prev = ctx.sents[index - 1]
    if done:
        last_q, last = done[-1]
        if last_q.outer_end >= prev.start_char:
            return Attribution(last.speakers, last.cue, None)
    speakers = main_subject(ctx, prev.end - 1) if len(prev) > 1 else []
    return Attribution(speakers, "", None) if speakers else None


def attribute(ctx: Context, quotes: list[Quotation]) -> list[tuple[Quotation, Attribution]]:
    """Every quotation that has a speaker, with its attribution, in text order."""
    done: list[tuple[Quotation, Attribution]] = []
    for q in quotes:
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
