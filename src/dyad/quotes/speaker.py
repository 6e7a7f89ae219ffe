"""Cues and speakers: which token starts a speech cue, and which actors say it.

Works on a tagged spaCy `Doc` and the resolved actors of `doc._.actors`. The speaker of a
cue is its subject: the actors right before it (over adverbs and auxiliaries, through
coordinations "Lavrov and Araghchi"), the antecedent of a relative "who", the actor right
after an inverted cue ("said Putin"), or, for a participle or a second verb ("..., calling",
"... and stressed"), the subject of the sentence's main verb.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from dyad.model import ActorMention
from dyad.nlp.tokens import doc_text, token_table
from dyad.quotes.lexicon import CueLexicon

_QUOTE_CHARS = set("\"'“”‘’«»„")
_VERB_TAGS = ("VB", "MD")
_SUBORDINATORS = ("IN", "WDT", "WRB", "WP")
_ADVERB_TAGS = ("RB", "RBR", "RBS")
_PERSONAL_PRONOUNS = {"he": "m", "she": "f", "they": None}
_COORDINATORS = {"and", "or"}
#: Tokens after which a cue with no subject of its own takes the sentence's main subject.
_SHARED_SUBJECT_STOPS = {
    ",",
    "and",
    "but",
    "instead",
    "then",
    "while",
    "before",
    "after",
    "with",
    "by",
}
#: How many sentences back an unresolved pronoun may find its person.
PRONOUN_REACH = 3


@dataclass(frozen=True)
class Cue:
    """A speech cue over tokens [start, end)."""

    start: int
    end: int
    text: str
    complement: str  # clause, object, quote, source


class Context:
    """A document prepared for cue and speaker lookup."""

    def __init__(self, doc: Doc, actors: list[ActorMention], lexicon: CueLexicon) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.lexicon = lexicon
        self.actors = actors
        self.sents: list[Span] = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        self.sent_of = [0] * len(doc)
        for index, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = index
        # Token attributes read once: spaCy builds a Token object on every doc[i].
        table = token_table(doc)
        idx = table.idx
        # mentions covering each token; a span may carry several actors ("the two sides")
        self.covering: list[list[ActorMention]] = [[] for _ in idx]
        starts = {start: i for i, start in enumerate(idx)}
        for mention in actors:
            first = starts.get(mention.start)
            if first is None:
                continue
            i = first
            while i < len(idx) and idx[i] < mention.end:
                self.covering[i].append(mention)
                i += 1
        self._ends = table.end
        self._max_phrase = max((len(p) for p in lexicon.phrases), default=1)
        self._lower = table.lower
        self._phrase_firsts = {p[0] for p in lexicon.phrases}
        self._cues: dict[int, Cue | None] = {}

    def token_at(self, offset: int) -> int:
        """Index of the token containing character `offset` (or the next one)."""
        i = bisect_right(self._ends, offset)
        return min(i, len(self.doc) - 1)

    def cue_at(self, i: int) -> Cue | None:
        """The cue starting at token `i`: the longest phrase, else a reporting verb."""
        if i not in self._cues:
            self._cues[i] = self._find_cue(i)
        return self._cues[i]

    def _find_cue(self, i: int) -> Cue | None:
        doc, lower = self.doc, self._lower
        if lower[i] in self._phrase_firsts:
            for n in range(min(self._max_phrase, len(doc) - i), 1, -1):
                complement = self.lexicon.phrases.get(tuple(lower[i : i + n]))
                if complement:
                    return Cue(i, i + n, doc[i : i + n].text, complement)
        entry = self.lexicon.verb_forms.get(lower[i])
        if entry is None:
            return None
        token = doc[i]
        if not _verb_like(token.tag_, token.lower_):
            return None
        return Cue(i, i + 1, token.text, entry[1])

    def cues(self, start: int, end: int) -> list[Cue]:
        """Cues starting in tokens [start, end), longest first where they overlap."""
        out: list[Cue] = []
        i = start
        while i < end:
            cue = self.cue_at(i)
            if cue:
                out.append(cue)
                i = cue.end
            else:
                i += 1
        return out

    def mentions_at(self, i: int) -> list[ActorMention]:
        return self.covering[i] if 0 <= i < len(self.covering) else []

    def sentence(self, i: int) -> Span:
        return self.sents[self.sent_of[i]]


def _verb_like(tag: str, lower: str) -> bool:
    """A tagged verb; an -ed or -ing form the tagger called an adjective or noun counts."""
    if not tag or tag.startswith("VB"):
        return True
    return tag in ("JJ", "NN") and lower.endswith(("ed", "ing"))


def _group_start(ctx: Context, i: int) -> int:
    """First token of the actor mention(s) covering token `i`."""
    first = min(m.start for m in ctx.mentions_at(i))
    while i > 0 and ctx.doc[i - 1].idx >= first:
        i -= 1
    return i


def _pronoun_antecedent(ctx: Context, i: int) -> list[ActorMention]:
    """A person for an unresolved he/she: the latest one named in the last sentences."""
    token = ctx.doc[i]
    if token.lower_ not in ("he", "she", "his", "her"):
        return []
    floor = ctx.sents[max(0, ctx.sent_of[i] - PRONOUN_REACH)].start_char
    before = [m for m in ctx.actors if m.kind == "person" and floor <= m.start < token.idx]
    if not before:
        return []
    latest = before[-1]
    return [
        replace(latest, text=token.text, start=token.idx, end=token.idx + len(token), how="coref")
    ]


def walk_left(ctx: Context, verb: int) -> tuple[list[ActorMention], int]:
    """Actors right before token `verb` and the index of the token the walk stopped at."""
    doc, lex = ctx.doc, ctx.lexicon
    sent_start = ctx.sentence(verb).start
    groups: list[list[ActorMention]] = []
    coordinated = False
    i = verb - 1
    while i >= sent_start:
        token = doc[i]
        mentions = ctx.mentions_at(i)
        if mentions:
            if i + 1 < len(doc) and doc[i + 1].lower_ in ("'s", "’s"):
                break  # a possessor ("Iran's envoy"), not the subject
            groups.append(_distinct(mentions))
            i = _group_start(ctx, i) - 1
            continue
        low = token.lower_
        if low in lex.relatives and i > sent_start and doc[i - 1].text == ",":
            antecedent = ctx.mentions_at(i - 2)
            return (
                (_distinct(antecedent), i)
                if antecedent and not groups
                else (_flatten(groups, coordinated), i)
            )
        if low in _PERSONAL_PRONOUNS and not groups:
            return _pronoun_antecedent(ctx, i), i
        if low in lex.between or token.tag_ in _ADVERB_TAGS:
            i -= 1
            continue
        if low in _COORDINATORS and groups:
            coordinated = True
            i -= 1
            continue
        if low in lex.coordination_openers and groups:
            i -= 1
            continue
        if low == "," and groups:
            i -= 1
            continue
        if low == "," and not groups and _appositive_name(ctx, i, sent_start):
            i -= 1  # "The EU's foreign policy chief, Kaja Kallas, said"
            continue
        if low == "," and not groups:
            opening = _parenthetical_start(ctx, i, sent_start)
            if opening is not None:  # "Putin, speaking in Moscow, said"
                i = opening - 1
                continue
        if low in lex.possessed and not groups:
            owner = _possessor(ctx, i)
            if owner:  # "Netanyahu's office said"
                return owner, i
        break
    return _flatten(groups, coordinated), i


def _appositive_name(ctx: Context, comma: int, sent_start: int) -> bool:
    """Whether an actor between two commas ends at this comma (", Kaja Kallas,")."""
    if comma <= sent_start or not ctx.mentions_at(comma - 1):
        return False
    first = _group_start(ctx, comma - 1)
    return first > sent_start and ctx.doc[first - 1].text == ","


#: How long a parenthetical between a subject and its verb may be, in tokens.
PARENTHETICAL_REACH = 10


def _parenthetical_start(ctx: Context, comma: int, sent_start: int) -> int | None:
    """The comma opening ", speaking in Moscow," when an actor stands before it."""
    doc = ctx.doc
    for j in range(comma - 1, max(sent_start, comma - PARENTHETICAL_REACH) - 1, -1):
        if doc[j].tag_ in ("VBD", "VBZ", "VBP", "MD") or doc[j].text in _QUOTE_CHARS:
            return None
        if doc[j].text == ",":
            return j if j > sent_start and ctx.mentions_at(j - 1) else None
    return None


def _possessor(ctx: Context, noun: int) -> list[ActorMention]:
    """The actor owning a speaking body: "Netanyahu's office", "Iran's foreign ministry"."""
    doc = ctx.doc
    i = noun - 1
    while i > 0 and doc[i].tag_ in ("JJ", "NN", "NNP") and doc[i].lower_ not in ("'s", "’s"):
        i -= 1
    if i > 0 and doc[i].lower_ in ("'s", "’s") and ctx.mentions_at(i - 1):
        return _distinct(ctx.mentions_at(i - 1))
    if i >= 0 and doc[i].lower_ in ("his", "her"):
        return ctx.mentions_at(i) or _pronoun_antecedent(ctx, i)
    return []


def _distinct(mentions: list[ActorMention]) -> list[ActorMention]:
    """One mention per actor; within a nested span prefer a person over a state."""
    widest = max(m.end - m.start for m in mentions)
    outer = [m for m in mentions if m.end - m.start == widest]
    seen: set[str] = set()
    out = []
    for m in outer:
        if m.name not in seen:
            seen.add(m.name)
            out.append(m)
    return out


def _flatten(groups: list[list[ActorMention]], coordinated: bool) -> list[ActorMention]:
    if not groups:
        return []
    chosen = groups if coordinated else groups[:1]
    out: list[ActorMention] = []
    for group in reversed(chosen):
        out += [m for m in group if m.name not in {o.name for o in out}]
    return out


def walk_right(ctx: Context, cue: Cue, reach: int = 6, closing: bool = False) -> list[ActorMention]:
    """Actors right after an inverted cue ("said Russian Foreign Minister Sergei Lavrov").

    With `closing`, the actors must end their clause ("..., said Putin."), so that the
    object of a verb ("accused Russia of stalling") is not taken for its subject.
    """
    doc = ctx.doc
    end = min(ctx.sentence(cue.start).end, cue.end + reach)
    found: list[ActorMention] = []
    i = cue.end
    while i < end:
        token = doc[i]
        mentions = ctx.mentions_at(i)
        if mentions:
            found = _distinct(mentions)
            i += 1
            while (
                i < len(doc)
                and ctx.mentions_at(i)
                and set(m.start for m in ctx.mentions_at(i)) & {m.start for m in found}
            ):
                i += 1
            if i < len(doc) and doc[i].lower_ in ("'s", "’s"):
                found = []
                continue
            if i < len(doc) and doc[i].tag_.startswith(_VERB_TAGS):
                return []  # "said Russia stood ready": the subject of what was said
            if closing and i < len(doc) and not (doc[i].is_punct or doc[i].is_space):
                return []
            persons = [m for m in found if m.kind == "person"]
            return persons or found
        if token.is_punct or token.tag_.startswith(_VERB_TAGS):
            break
        if token.lower_ in ("he", "she") and i == cue.end:
            return _pronoun_antecedent(ctx, i)
        i += 1
    return []


def main_subject(ctx: Context, before: int) -> list[ActorMention]:
    """The subject of the sentence's main verb, found before token `before`.

    The first verb group with an actor subject that does not open a subordinate clause
    ("After Israel struck, Putin condemned ..." gives Putin).
    """
    doc = ctx.doc
    sent = ctx.sentence(before)
    for j in range(sent.start + 1, before):
        if not doc[j].tag_.startswith(_VERB_TAGS) or doc[j - 1].tag_.startswith(_VERB_TAGS):
            continue  # not a verb, or inside a verb group ("have taken")
        found, stop = walk_left(ctx, j)
        if found and not (stop >= sent.start and doc[stop].tag_ in _SUBORDINATORS):
            return found
    return []


def noun_speaker(ctx: Context, noun: int) -> list[ActorMention]:
    """Who a speech noun belongs to: "Moscow's message", "a statement by X", the subject."""
    doc = ctx.doc
    i = noun - 1
    while i >= 0 and doc[i].tag_ in ("JJ", "RB"):
        i -= 1
    if i >= 1 and doc[i].lower_ in ("'s", "’s") and ctx.mentions_at(i - 1):
        return list(ctx.mentions_at(i - 1))
    if noun + 2 < len(doc) and doc[noun + 1].lower_ in ("by", "from", "of"):
        mentions = ctx.mentions_at(noun + 2)
        if mentions:
            return list(mentions)
    for j in range(noun - 1, ctx.sentence(noun).start - 1, -1):
        if doc[j].tag_.startswith(_VERB_TAGS):
            return subject_of(ctx, j)[0]
    return []


def named_after(ctx: Context, cue: Cue, reach: int = 8) -> list[ActorMention]:
    """A source the actor layer does not know ("according to Reuters"): its proper name.

    The first run of capitalised words after the cue, before any punctuation, becomes an
    unresolved speaker whose name is its text.
    """
    doc = ctx.doc
    end = min(ctx.sentence(cue.start).end, cue.end + reach)
    i = cue.end
    while i < end and not doc[i].is_punct and not doc[i].text[:1].isupper():
        i += 1
    j = i
    while j < end and (doc[j].text[:1].isupper() or doc[j].lower_ in ("of", "al", "-")):
        j += 1
    while j > i and not doc[j - 1].text[:1].isupper():
        j -= 1
    if j <= i:
        return []
    span = doc[i:j]
    return [ActorMention(span.text, span.start_char, span.end_char, span.text, "organization")]


def _pair_of_persons(ctx: Context, stop: int) -> list[ActorMention]:
    """ "Both ministers" / "the two leaders" / a bare "Both": the last two persons named.

    A bare "Both" first looks for a coordinated subject earlier in its sentence. A stop-gap
    for plural descriptions the actor layer leaves unresolved.
    """
    doc, lex = ctx.doc, ctx.lexicon
    i = stop
    if doc[i].lower_ in lex.plural_people:
        i -= 1
        while i >= 0 and doc[i].tag_ in ("JJ", "NN", "NNP"):
            i -= 1
    low = doc[i].lower_ if i >= 0 else ""
    if low == "two" and i > 0 and doc[i - 1].lower_ == "the":
        i -= 1
    elif low not in lex.coordination_openers:
        return []
    if i == stop:
        if i > ctx.sentence(stop).start and doc[i - 1].tag_.startswith("N"):
            return []  # "the two sides both said": not a bare "Both"
        earlier = main_subject(ctx, stop)
        if len(earlier) >= 2:  # "Moscow and Tehran ..., with both expressing"
            return earlier
    floor = ctx.sents[max(0, ctx.sent_of[stop] - 2 * PRONOUN_REACH)].start_char
    persons: list[ActorMention] = []
    for m in reversed(ctx.actors):
        if m.start >= doc[i].idx or m.start < floor or m.kind != "person":
            continue
        if m.name not in {p.name for p in persons}:
            persons.append(m)
        if len(persons) == 2:
            break
    if len(persons) < 2:
        return []
    span = doc[i : stop + 1]
    return [
        replace(p, text=span.text, start=span.start_char, end=span.end_char, how="coref")
        for p in reversed(persons)
    ]


def subject_of(ctx: Context, verb: int) -> tuple[list[ActorMention], int]:
    """The subject of the verb at token `verb`, and where the walk to it stopped.

    The actors right before it; else, after a comma, "and" or a quotation mark, the
    subject it shares with the sentence's earlier verb; else "both ministers".
    """
    found, stop = walk_left(ctx, verb)
    if found or stop < ctx.sentence(verb).start:
        return found, stop
    stopped_at = ctx.doc[stop]
    if stopped_at.lower_ in _SHARED_SUBJECT_STOPS or stopped_at.text in _QUOTE_CHARS:
        return main_subject(ctx, stop), stop
    return _pair_of_persons(ctx, stop), stop


def speakers_of(ctx: Context, cue: Cue) -> list[ActorMention]:
    """Who says what a cue introduces (see the module docstring); [] when unknown."""
    if cue.complement == "source":
        return walk_right(ctx, cue, reach=12) or named_after(ctx, cue)
    found, stop = subject_of(ctx, cue.start)
    if found:
        return found
    stopped_at = ctx.doc[stop] if stop >= 0 else None
    if (
        stopped_at is not None
        and stop == cue.start - 1
        and (stopped_at.is_punct or stopped_at.text in _QUOTE_CHARS)
    ):
        return walk_right(ctx, cue, closing=True)  # inverted: `..., said Putin.`
    return []
