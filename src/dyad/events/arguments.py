"""Find an event's source and target among the actors of its sentence, from the parse.

A trigger entry names its argument slots (`subject`, `obj`, `poss`, or a preposition); the
clause layer (`dyad.nlp.clauses`) says which tokens fill them, and this module maps those
tokens to the actor mentions and places of the sentence:

- a verb's subject, object, `by` agent and prepositional objects, with the clause layer's
  inheritance (coordination, control, relative clauses, participles);
- a noun trigger's own arguments: possessor and name-like modifiers ("Iran's visit",
  "Israeli strikes", "the US-Iran talks"), prepositional objects ("talks with X", "strikes
  on Y"), those of a participle that modifies it ("attacks carried out against Y by X"), and
  the subject of a light verb it is the object of ("X held talks", "X paid a visit");
- an argument token stands for the actor whose mention covers it, else for the actors
  named inside its own noun phrase ("his Azerbaijani counterpart", "Turkey's minister").
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dyad.events.grammar import load_grammar
from dyad.events.lexicon import reading_of
from dyad.model import ActorMention, PlaceMention, Quote
from dyad.nlp import clauses
from dyad.nlp.tokens import is_title_case, token_table

HYPHENS = frozenset({"-", "–", "—"})
_PARTICIPLE = frozenset({"acl"})
_CONTROLLED = frozenset({"xcomp"})
_POBJ = frozenset({"pobj"})

_TENSE_CLIMB = 12  # clauses above a trigger that may still set its tense


@dataclass(frozen=True)
class Group:
    """Actors sharing one span ("the two countries" is one group of two), or a place."""

    start: int  # token index, inclusive
    end: int  # token index, exclusive
    mentions: tuple[ActorMention, ...] = ()
    place: PlaceMention | None = None

    @property
    def is_place(self) -> bool:
        return self.place is not None


@dataclass(frozen=True)
class Found:
    """Groups found in one slot, and how far (in tokens) they are from the trigger."""

    slot: str
    groups: tuple[Group, ...]
    distance: int
    pair: bool = False  # a hyphenated pair "X-Y meeting": first is source, second target


class ArgumentFrame:
    """The actors and places of one sentence, indexed by token, with slot finders."""

    def __init__(
        self,
        sent: Span,
        actors: list[ActorMention],
        places: list[PlaceMention],
        quotes: Sequence[Quote] = (),
    ) -> None:
        self.sent = sent
        self.doc: Doc = sent.doc
        self.start = sent.start
        self.end = sent.end
        self.title_case = is_title_case(sent)
        self.g = load_grammar()
        table = token_table(self.doc)
        by_span: dict[tuple[int, int], list[ActorMention]] = {}
        for actor in actors:
            span = table.expand(actor.start, actor.end)  # doc.char_span(..., "expand")
            if span is not None and span[0] >= self.start and span[1] <= self.end:
                by_span.setdefault(span, []).append(actor)
        covered = {i for start, end in by_span for i in range(start, end)}
        for i, mention in self._speakers_in_quotes(quotes, covered):
            by_span.setdefault((i, i + 1), [mention])
        groups = [Group(s, e, tuple(ms)) for (s, e), ms in by_span.items()]
        for place in places:
            span = table.expand(place.start, place.end)
            if span is None or span[0] < self.start or span[1] > self.end:
                continue
            if span not in by_span:
                groups.append(Group(span[0], span[1], (), place))
        groups.sort(key=lambda g: (g.start, -g.end))
        self.groups = groups
        self._inside: dict[int, Group] = {}
        for group in groups:
            for i in range(group.start, group.end):
                self._inside.setdefault(i, group)
        self.named_tokens = frozenset(self._inside)

    def _speakers_in_quotes(
        self, quotes: Sequence[Quote], covered: set[int]
    ) -> list[tuple[int, ActorMention]]:
        """ "Araghchi and I held talks," Lavrov said: a first-person pronoun inside a
        quotation is its speaker; so is "he" or "she" opening what a speaker is reported
        to have said ("Lavrov said he had met Araghchi")."""
        found: list[tuple[int, ActorMention]] = []
        for token in self.sent:
            first = token.lower_ in self.g.first_person
            # "X said he had met Y": in reported (not quoted) speech, the speaker
            third = token.lower_ in self.g.reported_self and token.dep_ in ("nsubj", "nsubjpass")
            if not (first or third) or token.i in covered:
                continue
            quote = next(
                (
                    q
                    for q in quotes
                    if q.content.start <= token.idx < q.content.end
                    and q.speaker.country
                    and (first or not q.direct)
                    and (first or q.content.start == token.idx)
                ),
                None,
            )
            if quote is None:
                continue
            speaker = quote.speaker
            entity = speaker.entity_id or ""
            kind = "state" if entity.startswith("state:") else "person"
            found.append(
                (
                    token.i,
                    ActorMention(
                        text=token.text, start=token.idx, end=token.idx + len(token.text),
                        name=speaker.name or speaker.text, kind=kind, country=speaker.country,
                        sector=speaker.sector, entity_id=speaker.entity_id, how="coref",
                    ),
                )
            )  # fmt: skip
        return found

    # ------------------------------------------------------------------ tokens to actors
    def groups_of(self, token: Token, allow_places: bool) -> list[Group]:
        """The actors an argument token stands for: the mention that covers it, else the
        actors named in its own noun phrase (not in its clauses or prepositional phrases),
        or for an office noun, those of its `of` phrase ("the presidents of X and Y")."""
        group = self._inside.get(token.i)
        if group is None and token.pos_ == "PROPN":
            # "Iran's Foreign Minister Seyed Abbas Araghchi", the title parsed apart from
            # the name that follows it: the name, and what the parse coordinates with it
            after = self._name_after_title(token)
            if after is not None:
                name = next(
                    (self.doc[i] for i in range(after.start, after.end)
                     if not after.start <= self.doc[i].head.i < after.end),
                    self.doc[after.start],
                )  # fmt: skip
                named = [after]
                for other in name.conjuncts:
                    named += [g for g in self.groups_of(other, allow_places) if g not in named]
                return named
        if group is not None:
            return [group] if allow_places or not group.is_place else []
        found: list[Group] = []
        words = list(clauses.phrase_tokens(token))
        if token.lemma_.lower() in self.g.office_nouns:
            words += clauses.prep_objects(token, ("of",))
        for word in words:
            inner = self._inside.get(word.i)
            if inner is None or inner in found or (inner.is_place and not allow_places):
                continue
            if word.dep_ == "appos" or word.dep_ == "punct":
                continue
            found.append(inner)
        if not found and token.pos_ == "NOUN":
            # "the three European powers (France, Germany and Britain)": a common noun
            # named by the list set beside it
            for appos in (c for c in token.children if c.dep_ == "appos"):
                for member in (appos, *appos.conjuncts):
                    inner = self._inside.get(member.i)
                    if inner is not None and inner not in found and not inner.is_place:
                        found.append(inner)
        return sorted(found, key=lambda g: g.start)

    def _name_after_title(self, token: Token) -> Group | None:
        """The name a title starts ("Foreign Minister Seyed Abbas Araghchi", "Iran's
        Foreign Minister Seyed ..."): the group that begins after the title's own
        capitalised words and possessive mark."""
        j = token.i + 1
        while j < min(self.end, token.i + 6) and j not in self._inside:
            word = self.doc[j]
            if word.pos_ != "PROPN" and word.dep_ != "case":
                return None
            j += 1
        group = self._inside.get(j)
        if group is None or group.start != j or group.is_place:
            return None
        return group

    def _found(
        self, slot: str, tokens: list[Token], head: int, allow_places: bool, pair: bool = False
    ) -> Found | None:
        groups: list[Group] = []
        for token in tokens:
            for group in self.groups_of(token, allow_places):
                if group not in groups:
                    groups.append(group)
        if not groups:
            return None
        distance = min(min(abs(g.start - head), abs(g.end - 1 - head)) for g in groups)
        return Found(slot, tuple(groups), distance, pair)

    # ------------------------------------------------------------------ clause shape
    def segment(self, head: int) -> tuple[int, int]:
        """Token range [lo, hi) of the trigger's clause."""
        return clauses.clause_range(self.doc[head])

    def clause_groups(self, head: int) -> list[Group]:
        """Actor groups in the trigger's own clause (not in clauses embedded in it)."""
        lo, hi = self.segment(head)
        return [g for g in self.groups if g.start >= lo and g.end <= hi and not g.is_place]

    def is_passive(self, head: int) -> bool:
        token = self.doc[head]
        return clauses.reading(token) == "VERB" and clauses.is_passive(token)

    def _light_verb(self, noun: Token, openers: bool = True) -> Token | None:
        """The verb a noun trigger is the object of, when that verb only carries the noun
        ("held talks", "paid a visit", "arrived for talks", "during a visit to X, Y met")."""
        head = noun.head
        if (
            noun.dep_ == "pobj"
            and head.lower_ == "of"
            and head.head.lemma_.lower() in self.g.partitive_nouns
        ):
            return self._light_verb(head.head, openers)  # "launched a wave of attacks"
        if noun.dep_ in ("dobj", "attr", "nsubjpass") and head.pos_ in clauses.VERBAL_POS:
            return head if head.lemma_.lower() in self.g.light_verbs else None
        if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in clauses.VERBAL_POS:
            word = head.lower_
            if word == "as" and clauses.objects(head.head):
                return None  # "described the strikes as aggression": said of the object
            if word in self.g.subject_prepositions or (
                openers and word in self.g.opener_prepositions
            ):
                return head.head
        return None

    def _noun_hosts(self, tokens: list[Token]) -> list[Token]:
        """Tokens whose prepositions belong to a noun trigger: itself, the participles
        that modify it ("attacks carried out against Y by X") and a light verb."""
        hosts = list(tokens)
        for token in tokens:
            hosts += [c for c in token.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG")]
        verb = self._light_verb(tokens[0])
        if verb is not None:
            hosts.append(verb)
        return hosts

    # ------------------------------------------------------------------ slots
    def _companions(self, token: Token) -> list[Token]:
        """ "Russia, along with China and Pakistan, ...": co-subjects a phrase adds."""
        found: list[Token] = []
        for child in token.children:
            if child.dep_ not in ("prep", "advmod", "cc"):
                continue
            words = [child] + [g for g in child.children if g.dep_ == "prep"]
            for opener in self.g.co_subject_openers:
                if tuple(w.lower_ for w in words[: len(opener)]) == opener:
                    last = words[len(opener) - 1]
                    found += clauses.with_conjuncts(clauses.children(last, _POBJ))
        return found

    def _with_companions(self, tokens: list[Token]) -> list[Token]:
        return tokens + [c for t in tokens for c in self._companions(t)]

    def subject(self, head: int, noun: bool, meeting: bool = False) -> Found | None:
        """Who acts: a verb's subject (with companions), or for a noun the subject of the
        light verb that carries it, or the owner of the noun it is for ("X's arrival in
        Moscow for talks", "the visit of X for talks")."""
        token = self.doc[head]
        if not noun:
            subjects = self._with_companions(clauses.subjects(token))
            subjects += self._companions(token)  # "X, along with Y, called": on the verb
            return self._found("subject", subjects, head, False)
        # "During a visit to Ankara, Lavrov met ...": a meeting the clause's subject attends;
        # not "during the war, Russia used drones", whose sides are the war's own
        verb = self._light_verb(token, openers=meeting)
        if verb is not None:
            if clauses.is_passive(verb):
                return self._found("subject", clauses.agents(verb), head, False)
            subjects = self._with_companions(clauses.subjects(verb))
            return self._found("subject", subjects, head, False)
        host = token.head.head if token.dep_ == "pobj" else None
        if host is not None and token.head.lower_ == "as" and host.pos_ in ("VERB", "AUX"):
            # a role the clause gives someone: "X acted as a mediator", "pitched himself as
            # a mediator", "offered X's good offices as an intermediary"
            objs = [o for o in clauses.objects(host) if not o.lower_.endswith(("self", "selves"))]
            if not objs:  # "acted as", "pitched himself as": the subject takes the role
                return self._found("subject", clauses.subjects(host), head, False)
            owners = [p for o in objs for p in clauses.possessors(o)]
            return self._found("subject", objs, head, False) or self._found(
                "subject", owners, head, False
            )
        if (
            host is not None
            and token.head.lower_ in self.g.subject_prepositions
            and clauses.reads_as_noun(host)
        ):
            owners = clauses.possessors(host) or clauses.prep_objects(host, ("of", "by"))
            return self._found("subject", owners, head, False)
        verb = clauses.governor(token)
        if meeting and verb is not None and clauses.prep_objects(token, ("with",)):
            # "Putin described the meeting with X as friendly": the one it was with is
            # named, the other side is who speaks of it
            return self._found("subject", clauses.subjects(verb), head, False)
        return None

    def poss(self, head: int) -> Found | None:
        """Possessor and name-like modifiers of a noun trigger; "the X-Y meeting" is a pair."""
        token = self.doc[head]
        owners = clauses.possessors(token)
        if owners:
            found = self._found("poss", owners, head, False)
            if found is None and any(o.lower_ == "their" for o in owners):
                found = self._their(token)
            return found
        mods = []
        for mod in clauses.modifiers(token):
            group = self._inside.get(mod.i)
            if group is not None and all(m.how == "metonym" for m in group.mentions):
                continue  # "the Moscow talks": a city naming a place, not an actor
            mods.append(mod)
        # "the Russia–Iran summit": two names joined by a dash are the two sides
        pair = any(
            self.doc[k].text in HYPHENS
            for a, b in itertools.pairwise(mods)
            for k in range(a.i + 1, b.i)
        )
        for mod in list(mods):
            joined = [
                c
                for c in mod.children
                if c.dep_ in ("compound", "amod", "nmod")
                and any(self.doc[k].text in HYPHENS for k in range(c.i + 1, mod.i))
            ]
            if joined:
                mods = joined + mods  # "the Araghchi-Lavrov meeting"
                pair = True
        return self._found("poss", mods, head, False, pair)

    def _their(self, noun: Token) -> Found | None:
        """ "X and Y signed it at the end of their talks": "their" is the two or more
        actors who are the clause's subject (or the agents of its passive)."""
        verb = clauses.governor(noun)
        if verb is None:
            return None
        people = clauses.agents(verb) if clauses.is_passive(verb) else clauses.subjects(verb)
        found = self._found("poss", people, noun.i, False)
        mentions = sum(len(g.mentions) for g in found.groups) if found is not None else 0
        return found if mentions >= 2 else None

    def shares_subject(self, head: int) -> bool:
        """A noun trigger whose participants are its clause's subject: the object of a
        light verb ("held talks"), after "for/in/during" ("arrived for talks")."""
        return self._light_verb(self.doc[head]) is not None or self.after_subject_preposition(head)

    def possessor_inside(self, tokens: tuple[int, ...]) -> Found | None:
        """ "stressed Russia's support": a possessor inside a multi-word trigger authors it."""
        owners = [o for i in tokens[1:] for o in clauses.possessors(self.doc[i])]
        return self._found("poss", owners, tokens[0], False) if owners else None

    def find(
        self,
        slot: str,
        tokens: tuple[int, ...],
        allow_places: bool,
        noun: bool,
        meeting: bool = False,
    ) -> Found | None:
        """The groups in `slot` of the trigger made of `tokens` (`noun`: it reads as a noun)."""
        head = tokens[0]
        words = [self.doc[i] for i in tokens]
        # the noun that heads a multi-word noun trigger ("the X-Y press conference",
        # "retaliatory strikes"): its arguments are the trigger's
        top = next((i for i in tokens if self.doc[i].head.i not in tokens), head)
        if slot == "subject":
            return self.subject(top if noun else head, noun, meeting)
        if slot == "poss":
            return self.poss(top) if noun else None
        if slot == "place":
            # "his Kremlin visit", "a Moscow trip": the place a noun is compounded with
            mods = [m for m in clauses.modifiers(self.doc[top]) if m.dep_ == "compound"]
            return self._found("place", mods, head, True) if noun else None
        if noun:
            words = [self.doc[top], *(w for w in words if w.i != top)]
        hosts = self._noun_hosts(words) if noun else words
        if slot == "obj":
            objs = [o for w in hosts for o in clauses.objects(w) if o.i not in tokens]
            if not objs and not noun:
                # "refused to meet X", "declined to receive X": whom the act it governs
                # is aimed at
                objs = [o for w in words for x in clauses.children(w, _CONTROLLED)
                        for o in clauses.objects(x)]  # fmt: skip
            found = self._found("obj", objs, head, allow_places)
            if found is None:
                # "seized a tanker owned by X": the owner; "struck sites in X": the place
                owners = [a for o in objs for p in clauses.children(o, _PARTICIPLE)
                          for a in clauses.agents(p)]  # fmt: skip
                found = self._found("obj", owners, head, False)
            if found is None and allow_places:
                inside = [p for o in objs for p in clauses.prep_objects(o, ("in", "across"))]
                found = self._found("obj", inside, head, True)
            return found
        if slot == "by" and not noun:
            return self._found("by", clauses.agents(words[0]), head, False)
        objs = [o for w in hosts for o in clauses.prep_objects(w, (slot,))]
        if not objs and not noun:
            # "offered to mediate between X and Y", "agreed to provide loans to X": the
            # parties of the act it governs
            objs = [o for w in words for x in clauses.children(w, _CONTROLLED)
                    for o in clauses.prep_objects(x, (slot,))]  # fmt: skip
        if not objs and (allow_places or slot in ("between", "among")):
            # the parser often hangs a place or the parties one level low ("deployed troops
            # to the border near X", "called for talks between X and Y"): look inside the
            # host's own phrases
            inner = [o for w in hosts for o in clauses.objects(w) + clauses.all_prep_objects(w)]
            objs = [o for w in inner for o in clauses.prep_objects(w, (slot,))]
        found = self._found(slot, objs, head, allow_places)
        if found is not None and slot in ("between", "among") and len(found.groups) == 1:
            # "between" names two sides; when the parse folds them into one phrase
            # ("between Iranian President X and Russian President Y" parsed as one name),
            # the sides are the actors named within it
            inside = [w for o in objs for w in o.subtree if w.i in self._inside]
            return self._found(slot, inside, head, allow_places) or found
        return found

    def object_authors(self, tokens: tuple[int, ...], event_heads: set[int]) -> Found | None:
        """Who the object of a verb belongs to: its `by` phrase or possessor ("condemned
        the actions by X", "X's policy"), or its `of` phrase unless the object is itself an
        event, whose `of` is what it is done to ("the actions of X", not "the bombing of
        X")."""
        head = tokens[0]
        authors: list[Token] = []
        for obj in clauses.objects(self.doc[tokens[-1]]):
            authors += clauses.prep_objects(obj, ("by",)) or clauses.possessors(obj)
            if not authors and obj.i not in event_heads:
                authors += clauses.prep_objects(obj, ("of",))
        return self._found("author", authors, head, False)

    # ------------------------------------------------------------------ reported speech
    def speech_verb(self, token: Token, lemmas: frozenset[str], stops: set[int]) -> Token | None:
        """The reporting or opinion verb whose statement a word is part of ("aggression"
        in '"This is aggression," X said'; "illegitimate" in "X considers Y illegitimate"),
        unless another trigger's verb stands between (its own event takes the word)."""
        for node in [token, *token.ancestors]:
            if node.pos_ in clauses.VERBAL_POS and node.lemma_.lower() in lemmas:
                return node
            if node.i != token.i and node.i in stops and node.pos_ in clauses.VERBAL_POS:
                return None
        return None

    def judged_phrases(self, token: Token, verb: Token | None) -> list[Token]:
        """The phrases a judging word is said of: itself when a noun ("aggression against
        Iran"), the noun it modifies, the subject it is predicated of ("the strikes are
        illegal"), the object a naming or opinion verb judges ("called the strikes a
        crime", "considers the actions illegitimate")."""
        phrases = [token] if clauses.reads_as_noun(token) else []
        if token.dep_ in ("amod", "compound"):
            phrases.append(token.head)
        if token.dep_ in ("acomp", "attr", "oprd", "xcomp", "ccomp") or (
            clauses.reads_as_noun(token) and token.dep_ in ("attr", "oprd", "pobj")
        ):
            host = token.head if token.dep_ != "pobj" else token.head.head
            if verb is None or host.i != verb.i:
                phrases += clauses.subjects(host)
            phrases += clauses.objects(host)
        if verb is not None:
            phrases += [o for o in clauses.objects(verb) if o.i != token.i]
        return [p for p in phrases if p.pos_ not in ("PRON",) or p.lower_ in ("they", "them")]

    def authors_in(self, phrases: list[Token]) -> Found | None:
        """Actors a judged phrase names as its authors: possessor, name-like modifier,
        `by` or `of` object ("Israeli aggression", "the actions of X and Y")."""
        authors: list[Token] = []
        for phrase in phrases:
            authors += clauses.possessors(phrase) + clauses.modifiers(phrase)
            authors += clauses.prep_objects(phrase, ("by", "of", "from"))
            group = self._inside.get(phrase.i)
            if group is not None and not group.is_place:
                authors.append(phrase)  # "they decided to attack": the pronoun's referent
        return self._found("author", authors, phrases[0].i, False) if phrases else None

    def victims(self, phrases: list[Token]) -> set[str]:
        """Countries a judged act was against ("aggression against Iran")."""
        found = self._found(
            "victim",
            [o for p in phrases for o in clauses.prep_objects(p, ("against", "on", "upon"))],
            phrases[0].i if phrases else 0,
            True,
        )
        if found is None:
            return set()
        countries = {m.country for g in found.groups for m in g.mentions if m.country}
        countries |= {g.place.country for g in found.groups if g.place and g.place.country}
        return countries

    # ------------------------------------------------------------------ clause facts
    def reported_past(self, head: int) -> bool:
        """The trigger's clause is told in the simple past ("condemned", "said X was"):
        news of an occasion, not background ("has long accused", "accuses")."""
        token = self.doc[head]
        verb = clauses.clause_head(token)
        # A few clauses up is as far as a tense carries; a run-on "sentence" thousands of
        # clauses deep must not be climbed whole for each of its triggers.
        for node in (verb, *itertools.islice(verb.ancestors, _TENSE_CLIMB)):
            if node.pos_ in clauses.VERBAL_POS:
                if any(c.dep_ in ("aux", "auxpass") and c.tag_ != "VBD" for c in node.children):
                    return False
                if node.tag_ == "VBD" or any(c.tag_ == "VBD" for c in node.children):
                    return True
        return False

    def in_absolute_phrase(self, head: int) -> bool:
        """The trigger is the -ing of an absolute phrase ("with Iran supplying drones")."""
        token = self.doc[head]
        if token.tag_ != "VBG":
            return False
        up = token.head
        if token.dep_ == "pcomp" and up.lower_ == "with":
            return True
        return token.dep_ == "acl" and up.dep_ == "pobj" and up.head.lower_ == "with"

    def calls_for_calm(self, last: int) -> bool:
        """Whether a ceasefire, a truce, restraint or de-escalation is what the act asks for."""
        token = self.doc[last]
        return any(t.lower_ in self.g.conflict_calls for t in token.subtree if t.i != token.i)

    def after_subject_preposition(self, head: int) -> bool:
        """ "moved toward closer cooperation", "in talks": the clause's subject takes part."""
        token = self.doc[head]
        return token.dep_ == "pobj" and token.head.lower_ in self.g.subject_prepositions

    def within(self, act: int, head: int) -> bool:
        """Whether the noun at `head` is part of what the predicate at `act` says, offers or
        asks ("offered expanded cooperation", "called for a ceasefire and talks")."""
        token = self.doc[head]
        verb = clauses.governor(token)
        if verb is None:
            return False
        # "signed a deal after talks": a time adjunct is no content of the act
        path = [t for t in token.ancestors if t.i != verb.i and verb.is_ancestor(t)]
        if any(t.dep_ == "prep" and t.lower_ in self.g.opener_prepositions for t in path):
            return False
        return verb.i == act or (verb.dep_ == "xcomp" and verb.head.i == act)


def token_reading(doc: Doc, head: int, last: int, entry_pos: str, title_case: bool) -> bool:
    """Whether a trigger reads as a noun here ("diplomatic cover": an adjective and its
    noun read as a noun; headline capitals hide the part of speech)."""
    reading = reading_of(doc[head], title_case)
    if reading == "ANY":
        return entry_pos == "NOUN"
    # "diplomatic cover" reads as its noun; an adjective entry's own words ("ready to",
    # "willing to") are a predicate, whose subject acts
    return reading == "NOUN" or (reading == "ADJ" and last > head and entry_pos != "ADJ")


__all__ = ["ArgumentFrame", "Found", "Group", "token_reading"]
