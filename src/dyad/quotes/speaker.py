"""Cues and speakers, read from the parse.

A cue is a reporting verb of the lexicon ("said", "stressed", "described"), a multi-word
phrase ("according to", "called for") or a colon. Its speaker is read from the clause
layer (`dyad.nlp.clauses`): the subject of the reporting verb, inherited through
coordination ("X said ... and added"), relative clauses ("X, who ..., said"), participles
("..., saying") and control; the `by` agent of a passive cue ("it was announced by X");
the object of a framing verb ("media reported X as saying"); the object of "according
to". A subject maps to the actors of `doc._.actors` over its noun phrase (a title, an
appositive name); a speaking body maps to its owner ("Netanyahu's office"); a pronoun
is whoever the actor layer resolved it to (coreference); a proper name the actor layer
does not know ("Reuters") becomes a speaker named by its text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from dyad.model import ActorMention
from dyad.nlp.clauses import (
    agents,
    governor,
    is_passive,
    objects,
    phrase_tokens,
    possessors,
    subjects,
    with_conjuncts,
)
from dyad.nlp.tokens import doc_text, token_table
from dyad.quotes.lexicon import CueLexicon

#: Words of a proper-name phrase that may stand between its capitalised words.
_NAME_JOINERS = frozenset({"of", "al", "-", "the"})


@dataclass(frozen=True)
class Cue:
    """A speech cue over tokens [start, end); `head` is the token whose arguments are read
    (the reporting verb, or the preposition whose object is the source)."""

    start: int
    end: int
    text: str
    complement: str  # clause, object, naming, source
    head: int


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
        self._sentence_cues: dict[int, tuple[list[Cue], list[int]]] = {}
        #: Tokens of reporting verbs coordinated into a clause (indirect.py fills it once).
        self.coordinated_cues: list[int] | None = None
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
                    span = doc[i : i + n]
                    return Cue(i, i + n, span.text, complement, _phrase_head(span, complement))
        token = doc[i]
        entry = self.lexicon.verb_forms.get(lower[i]) or self.lexicon.verb_forms.get(
            token.lemma_.lower()
        )
        if entry is None or not _verb_like(token):
            return None
        return Cue(i, i + 1, token.text, entry[1], i)

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

    def last_cue_before(
        self, sentence: Span, end: int, accept: Callable[[Cue], bool]
    ) -> Cue | None:
        """The last cue of `sentence` starting before token `end` that `accept`s.

        The same cues as `cues(sentence.start, end)`, but the sentence is scanned once and
        kept, so asking before each of many quotation marks costs no rescan.
        """
        found = self._sentence_cues.get(sentence.start)
        if found is None:
            cues = self.cues(sentence.start, sentence.end)
            found = self._sentence_cues[sentence.start] = (cues, [c.start for c in cues])
        cues, starts = found
        for i in range(bisect_left(starts, end) - 1, -1, -1):
            if accept(cues[i]):
                return cues[i]
        return None

    def mentions_at(self, i: int) -> list[ActorMention]:
        return self.covering[i] if 0 <= i < len(self.covering) else []

    def sentence(self, i: int) -> Span:
        return self.sents[self.sent_of[i]]


def _phrase_head(span: Span, complement: str) -> int:
    """The token of a phrase cue whose arguments are read: the last preposition of a
    source ("according to"), else its first verb ("called for", "made clear")."""
    if complement == "source":
        return span[-1].i
    verbs = [t for t in span if t.tag_.startswith("VB")]
    main = [t for t in verbs if t.pos_ == "VERB"] or verbs  # "has made clear": made
    return main[0].i if main else span.start


def _verb_like(token: Token) -> bool:
    """A verb here; an -ed or -ing form the tagger called an adjective or noun counts when
    the parse gives it a clause or an object."""
    if token.tag_.startswith("VB"):
        return True
    if token.tag_ in ("JJ", "NN") and token.lower_.endswith(("ed", "ing")):
        return any(c.dep_ in ("ccomp", "dobj", "nsubj") for c in token.children)
    return False


def _distinct(mentions: list[ActorMention]) -> list[ActorMention]:
    """One mention per actor; within a nested span prefer the widest."""
    if not mentions:
        return []
    widest = max(m.end - m.start for m in mentions)
    outer = [m for m in mentions if m.end - m.start == widest]
    seen: set[str] = set()
    out = []
    for m in outer:
        if m.name not in seen:
            seen.add(m.name)
            out.append(m)
    return out


def named(span: Span) -> ActorMention:
    """A speaker the actor layer does not know, named by its text ("Reuters")."""
    return ActorMention(span.text, span.start_char, span.end_char, span.text, "organization")


def _proper_name(ctx: Context, head: Token) -> list[ActorMention]:
    """A proper-name phrase with no actor ("Reuters", "the Tasnim news agency")."""
    if head.pos_ != "PROPN" and head.tag_ != "NNP":
        return []
    words = sorted(
        (t for t in phrase_tokens(head) if t.dep_ in ("compound", "flat") or t.i == head.i),
        key=lambda t: t.i,
    )
    start = words[0].i
    while start < head.i and not ctx.doc[start].text[:1].isupper():
        start += 1
    return [named(ctx.doc[start : head.i + 1])]


def actors_of(ctx: Context, head: Token) -> list[ActorMention]:
    """The actors a noun phrase names, from the head of the phrase.

    The mentions over the head itself; else over an appositive or compound name ("the
    EU's top diplomat, Kaja Kallas"); else, for a speaking body ("office", "ministry"),
    its owner; else a proper name unknown to the actor layer.
    """
    own = ctx.mentions_at(head.i)
    if own:
        return _distinct(own)
    lex = ctx.lexicon
    body = head.lower_ in lex.possessed or head.lower_ in lex.nouns
    for child in head.children:
        named_by = child.dep_ == "appos" or (body and child.dep_ in ("compound", "nmod"))
        if named_by and ctx.mentions_at(child.i):
            return _distinct(ctx.mentions_at(child.i))
    if body:
        out: list[ActorMention] = []
        for owner in possessors(head) or _by_objects(head):
            out += actors_of(ctx, owner)
        if out:
            return out
        for child in head.children:  # "a Sputnik correspondent", "the Reuters article"
            if child.dep_ == "compound" and child.i < head.i:
                out += _proper_name(ctx, child)
        if out:
            return out[-1:]
    if head.lower_ in lex.unnamed_sources:
        return [_unnamed(ctx, head)]
    return _pronoun(ctx, head) or _pair(ctx, head) or _proper_name(ctx, head)


#: How many sentences back an unresolved he/she may find its person.
PRONOUN_REACH = 2


def _pronoun(ctx: Context, head: Token) -> list[ActorMention]:
    """A he/she the actor layer left unresolved: the person named last before it, within
    the last sentences (a stop-gap behind the actor layer's coreference)."""
    if head.lower_ not in ("he", "she"):
        return []
    floor = ctx.sents[max(0, ctx.sent_of[head.i] - PRONOUN_REACH)].start_char
    before = [m for m in ctx.actors if m.kind == "person" and floor <= m.start < head.idx]
    if not before:
        return []
    return [
        replace(before[-1], text=head.text, start=head.idx, end=head.idx + len(head), how="coref")
    ]


def _unnamed(ctx: Context, head: Token) -> ActorMention:
    """ "Officials", "Russian and Iranian officials", "analysts": a source the text does
    not name, named by its noun and the modifiers before it."""
    first = head.i
    for child in head.lefts:
        if child.dep_ in ("amod", "compound", "nmod") and child.pos_ != "DET":
            first = min(first, child.left_edge.i)
    return named(ctx.doc[first : head.i + 1])


#: How many sentences back "both ministers" may find its two persons.
PAIR_REACH = 6


def _pair(ctx: Context, head: Token) -> list[ActorMention]:
    """ "Both ministers", "the two leaders", a bare "Both": a coordinated subject earlier
    in the sentence ("Moscow and Tehran ..., with both expressing"), else the last two
    persons named. A stop-gap for plural descriptions the actor layer leaves unresolved."""
    lex = ctx.lexicon
    bare = head.lower_ in lex.coordination_openers
    counted = head.lower_ in lex.plural_people and any(
        c.lower_ in lex.coordination_openers or c.lower_ == "two" for c in head.children
    )
    if not (bare or counted):
        return []
    if bare:  # "both X and Y have ..., with both saying": the pair named before
        sent = ctx.sentence(head.i)
        for opener in reversed(ctx.doc[sent.start : head.i]):
            if opener.lower_ in lex.coordination_openers and opener.dep_ == "preconj":
                earlier: list[ActorMention] = []
                for member in with_conjuncts([opener.head]):
                    earlier += actors_of(ctx, member)
                if len(earlier) >= 2:
                    return earlier
    floor = ctx.sents[max(0, ctx.sent_of[head.i] - PAIR_REACH)].start_char
    persons: list[ActorMention] = []
    for m in reversed(ctx.actors):
        if m.start >= head.idx or m.start < floor or m.kind != "person":
            continue
        if m.name not in {p.name for p in persons}:
            persons.append(m)
        if len(persons) == 2:
            break
    if len(persons) < 2:
        return []
    first = min(t.i for t in phrase_tokens(head))
    span = ctx.doc[first : head.i + 1]
    return [
        replace(p, text=span.text, start=span.start_char, end=span.end_char, how="coref")
        for p in reversed(persons)
    ]


def _framed_object(head: Token) -> list[Token]:
    """ "media reported X as saying": X, the object of the verb that frames the cue."""
    prep = head.head
    if head.dep_ in ("pcomp", "pobj") and prep.lower_ == "as" and prep.head.i != prep.i:
        return objects(prep.head)
    return []


def speaker_tokens(ctx: Context, cue: Cue) -> list[Token]:
    """The heads of the noun phrases that say what the cue introduces."""
    head = ctx.doc[cue.head]
    if cue.complement == "source":
        return with_conjuncts([c for c in head.children if c.dep_ == "pobj"])
    framed = _framed_object(head)
    if framed:
        return framed
    for prep in head.children:  # "media reported X as saying "..."": X, not the media
        if (
            prep.dep_ == "prep"
            and prep.lower_ == "as"
            and any(g.dep_ == "pcomp" and g.lower_ in ctx.lexicon.verb_forms for g in prep.children)
        ):
            said = objects(head)
            if said:
                return said
    by = agents(head)
    if by and (is_passive(head) or head.tag_ == "VBN"):  # "(as) announced by X"
        return by
    if (
        head.tag_ == "VBN"
        and any(c.dep_ == "mark" for c in head.children)
        and not any(c.dep_.startswith("nsubj") for c in head.children)
    ):
        # "As announced ahead of the talks by X, ...": the parser may hang the agent on a
        # word of the participle's phrase; the main clause's subject is never the speaker
        return [
            g
            for t in head.subtree
            if t.dep_ in ("prep", "agent") and t.lower_ == "by"
            for g in t.children
            if g.dep_ == "pobj"
        ]
    found = [s for s in subjects(head) if s.dep_ != "expl"]
    # "Both X and, even more pointedly, Y said": a coordination the parse broke in two
    broken = [
        c
        for c in head.children
        if c.dep_ == "nsubj"
        and c not in found
        and any(g.dep_ == "cc" for g in c.children)
        and not any(g.dep_ == "conj" for g in c.children)
    ]
    return sorted(found + broken, key=lambda t: t.i) if found else found


def speakers_of(ctx: Context, cue: Cue) -> list[ActorMention]:
    """Who says what a cue introduces (see the module docstring); [] when unknown."""
    out: list[ActorMention] = []
    for token in speaker_tokens(ctx, cue):
        out += [m for m in actors_of(ctx, token) if m.name not in {o.name for o in out}]
    return out


def noun_speaker(ctx: Context, noun: Token) -> list[ActorMention]:
    """Who a speech noun belongs to: "Moscow's message", "a statement by X", else the
    subject of the clause the noun stands in ("X made a statement: ...")."""
    out: list[ActorMention] = []
    for owner in possessors(noun) or _by_objects(noun):
        out += actors_of(ctx, owner)
    if out:
        return out
    pred = governor(noun)
    if pred is not None and noun.dep_ != "nsubj":
        for subject in subjects(pred):
            if subject.i != noun.i:
                out += actors_of(ctx, subject)
    return out


def _by_objects(noun: Token) -> list[Token]:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            return with_conjuncts([g for g in child.children if g.dep_ == "pobj"])
    return []
