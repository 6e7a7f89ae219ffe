"""Speech acts about other acts: condemnations aimed at the authors of the attacks they
name, and judging words ("aggression", "illegitimate") in what a speaker says.

"X condemned the attacks carried out by Y": X accuses Y. '"This is aggression against
Z," X said': X accuses whoever attacked Z, named in the phrase, in the sentence, or in
the attacks the document reports. '"The treaty is a breakthrough," X said': X supports
the other party of the tie it praises. These rules read the parse through
`ArgumentFrame` and the candidates the extractor built for the sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Token

from dyad.events.arguments import ArgumentFrame
from dyad.events.candidates import (
    Candidate,
    Ref,
    actor_ref,
    refs,
    same_actor,
    state_level,
)
from dyad.events.grammar import load_grammar
from dyad.events.lemmas import Lemmatizer
from dyad.events.lexicon import TriggerLexicon, TriggerMatch
from dyad.events.ontology import EventType, Ontology
from dyad.model import ActorMention, ActorRef, Event, Quote
from dyad.nlp import clauses


@dataclass(frozen=True)
class Judgement:
    """A speaker's judging word whose authors are still to be found."""

    match: TriggerMatch
    event_type: EventType
    source: ActorRef
    weight: float
    index: int  # sentence
    victims: set[str]
    acts: frozenset[str] = frozenset()  # the types of act it may judge
    said_by: int | None = None  # the reporting or opinion verb, if the sentence has one


#: Whether an event of a type may go from a source to a target.
Acceptable = Callable[[EventType, ActorRef | None, ActorRef | None], bool]


class SpeechActs:
    """The speech-act rules, with the lexicon and ontology they read."""

    def __init__(
        self,
        ontology: Ontology,
        lexicon: TriggerLexicon,
        lemmatizer: Lemmatizer,
        acceptable: Acceptable,
        lookback: int,
    ) -> None:
        from dyad.quotes.lexicon import load_lexicon as load_cues

        self.ontology = ontology
        self.lexicon = lexicon
        self.lemmatizer = lemmatizer
        self.acceptable = acceptable
        self.lookback = lookback
        self._referable_types = ontology.names("referable")
        self._demonstratives = load_grammar().demonstratives
        self._tie_nouns = load_grammar().tie_nouns
        self._speech_lemmas = (
            frozenset(lemma for lemma, _ in load_cues().verb_forms.values())
            | load_grammar().opinion_verbs
        )
        self._referable: dict[str, str] = {}
        for entry in lexicon.entries:
            first = entry.words[0]
            referable = entry.type in self._referable_types
            if referable and entry.size == 1 and entry.pos == "NOUN" and first:
                for lemma in first:
                    self._referable.setdefault(lemma, entry.type)

    def acts_on_events(
        self, frame: ArgumentFrame, candidates: list[Candidate], matches: list[TriggerMatch]
    ) -> tuple[list[Candidate], list[Judgement]]:
        """ "Condemned the attacks carried out by X and Y", "called the US strikes
        aggression": a speech act whose object is an attack is aimed at the attackers, one
        event per attacker, unless the act names its target itself.

        Returns the candidates, and the speech acts whose object refers back to acts only
        the document names ("thanked Russia for condemning these actions").
        """
        out: list[Candidate] = []
        pending: list[Judgement] = []
        for cand in candidates:
            if not cand.event_type.refers:
                out.append(cand)
                continue
            authors: list[ActorRef] = []
            guessed = cand.target is None or cand.contextual or cand.rule.endswith(">document")
            # with a target of its own ("criticized the IAEA's response to the US strikes"),
            # only an act that is itself the object is what the speech act judges
            judged = {o.i for o in clauses.objects(frame.doc[cand.match.last])}
            for other in candidates:
                if (
                    other.event_type.referable
                    and other.source is not None
                    and frame.within(cand.match.head, other.match.head)
                    and (guessed or not judged or other.match.head in judged)
                    and self.acceptable(cand.event_type, cand.source, other.source)
                    and not any(same_actor(other.source, a) for a in authors)
                ):
                    authors.append(other.source)
            if not authors and guessed:
                heads = {i for m in matches for i in m.token_ids}
                authors = [
                    ref
                    for ref in self._authors_of_object(frame, cand, heads)
                    if self.acceptable(cand.event_type, cand.source, ref)
                ]
            if not authors and guessed and cand.source is not None:
                objects = clauses.objects(frame.doc[cand.match.last])
                acts = self._referred_acts(objects)
                if acts:
                    weight = cand.confidence / cand.match.entry.strength
                    victims = frame.victims(objects)
                    pending.append(
                        Judgement(
                            cand.match, cand.event_type, cand.source, weight,
                            cand.sentence_index, victims, acts,
                        )
                    )  # fmt: skip
                    continue
            if not authors:
                out.append(cand)
                continue
            rule = cand.rule.removesuffix(">document").removesuffix(">context")
            out += [
                replace(cand, target=author, contextual=False, rule=rule + ">author")
                for author in authors
            ]
        return out, pending

    def _referred_acts(self, objects: list[Token]) -> frozenset[str]:
        """The kinds of act an object refers back to: the type its noun names ("the
        strikes"), or any attack-like act for a demonstrative ("these actions", "this")."""
        for obj in objects:
            for lemma in self.lemmatizer.candidates(obj.text):
                if lemma in self._referable:
                    return frozenset({self._referable[lemma]})
            determiners = {c.lower_ for c in obj.children if c.dep_ == "det"}
            if obj.lower_ in self._demonstratives or determiners & self._demonstratives:
                return self._referable_types
        return frozenset()

    def evaluations(
        self,
        frame: ArgumentFrame,
        index: int,
        evaluations: list[TriggerMatch],
        matches: list[TriggerMatch],
        candidates: list[Candidate],
        quotes: list[Quote],
        counterparts: Sequence[ActorMention] = (),
    ) -> tuple[list[Candidate], list[Judgement]]:
        """ "This is unprovoked aggression against Iran," X said: X accuses whoever
        committed the act judged, one event per author (see `accuse.evaluation`).

        Returns the events whose authors the sentence names, and the judgements whose
        authors the rest of the document must tell (`discourse_authors`).
        """
        out: list[Candidate] = []
        pending: list[Judgement] = []
        stops = {i for m in matches for i in m.token_ids}
        for match in evaluations:
            token = frame.doc[match.head]
            verb = frame.speech_verb(token, self._speech_lemmas, stops)
            speakers = self._speakers(frame, token, verb, quotes)
            if not speakers:
                continue
            event_type = self.ontology[match.entry.type]
            judged = frame.judged_phrases(token, verb)
            if event_type.quad == "verbal_cooperation":
                out += self._praise(
                    frame, index, match, event_type, verb, speakers, judged, counterparts
                )
                continue
            authors = self._named_authors(frame, judged, candidates)
            if not authors:
                acts = self._judged_acts(token, judged)
                said_by = verb.i if verb is not None else None
                pending += [
                    Judgement(
                        match,
                        event_type,
                        source,
                        weight,
                        index,
                        frame.victims(judged),
                        acts,
                        said_by,
                    )
                    for source, weight in speakers
                    if acts
                ]
                continue
            for source, weight in speakers:
                judgement = Judgement(
                    match, event_type, source, weight, index, set(),
                    said_by=verb.i if verb is not None else None,
                )  # fmt: skip
                out += self._accusations(judgement, authors)
        return out, pending

    def _praise(
        self,
        frame: ArgumentFrame,
        index: int,
        match: TriggerMatch,
        event_type: EventType,
        verb: Token | None,
        speakers: list[Ref],
        judged: list[Token],
        counterparts: Sequence[ActorMention],
    ) -> list[Candidate]:
        """ "The treaty is a breakthrough," X said; X described the deal as a new chapter in
        relations: X supports the other party of the tie it praises. The tie must be what is
        judged (`tie_nouns`); the party is a state named there or in the sentence, else the
        state the document names most after the speaker's own, with less confidence."""
        token = frame.doc[match.head]
        if token.dep_ in ("amod", "compound"):
            if token.head.lemma_.lower() in self._tie_nouns:
                return []  # "the historic signing": the writer's epithet, not a judgement
            token = token.head  # "called the deal a major step": judged as the step is
            judged = frame.judged_phrases(token, verb)
        things = [p for p in judged if p.i != token.i]
        if not any(p.lemma_.lower() in self._tie_nouns for p in things):
            return []  # "described the weather as a breakthrough"
        inside = {t.i for phrase in [token, *things] for t in phrase.subtree}
        named = [m for g in frame.groups if g.start in inside for m in g.mentions]
        sentence = [m for g in frame.groups for m in g.mentions]
        out: list[Candidate] = []
        for source, weight in speakers:
            for mentions, how, share in (
                (named, "tie", 1.0),
                (sentence, "context", 0.9),
                (counterparts, "document", 0.6),
            ):
                others = [m for m in mentions if m.country and m.country != source.country]
                if others:
                    target = actor_ref(others[0])
                    if self.acceptable(event_type, source, target):
                        out.append(
                            Candidate(
                                match, event_type, source, target,
                                f"{match.entry.id}/speaker>{how}",
                                match.entry.strength * weight * share, index,
                                contextual=how != "tie",
                                said_by=verb.i if verb is not None else None,
                            )
                        )  # fmt: skip
                    break
        return out

    def _judged_acts(self, token: Token, judged: list[Token]) -> frozenset[str]:
        """The types of act a judgement may be about, for finding its authors elsewhere in
        the document: what a judged noun names ("unlawful sanctions": sanctions) or points
        back to ("this"), any attack-like act for a judging word that names one
        ("aggression"); none for a judged thing that is no act ("an illegal policy")."""
        referred = self._referred_acts(judged)
        if referred:
            return referred
        if clauses.reads_as_noun(token) or not judged:
            return self._referable_types
        if all(p.pos_ in ("PRON", "DET") for p in judged):
            return self._referable_types
        return frozenset()

    def _speakers(
        self, frame: ArgumentFrame, token: Token, verb: Token | None, quotes: list[Quote]
    ) -> list[Ref]:
        """Who says the judging word: the subject of its reporting verb, else the speaker
        of the quotation it stands in."""
        if verb is not None:
            found = frame.subject(verb.i, False)
            return refs(found.groups, False) if found is not None else []
        at = token.idx
        for quote in quotes:
            speaker = quote.speaker
            if quote.content.start <= at < quote.content.end and speaker.country:
                return [(speaker, 0.8)]
        return []

    def _accusations(self, judgement: Judgement, authors: list[ActorRef]) -> list[Candidate]:
        return [
            Candidate(
                judgement.match,
                judgement.event_type,
                judgement.source,
                author,
                f"{judgement.match.entry.id}/speaker>author",
                judgement.match.entry.strength * judgement.weight,
                judgement.index,
                said_by=judgement.said_by,
            )
            for author in authors
            if self.acceptable(judgement.event_type, judgement.source, author)
            and author.country != judgement.source.country
        ]

    @staticmethod
    def _named_authors(
        frame: ArgumentFrame, judged: list[Token], candidates: list[Candidate]
    ) -> list[ActorRef]:
        """Who committed the judged act, as the sentence tells: named in the judged phrase
        ("the actions of X", "X's aggression"), or the author of an attack the sentence
        reports inside it."""
        named = frame.authors_in(judged)
        if named is not None:
            return [actor_ref(m) for g in named.groups for m in g.mentions]
        inside = {t.i for phrase in judged for t in phrase.subtree}
        authors: list[ActorRef] = []
        for cand in candidates:
            if (
                cand.event_type.referable
                and cand.source is not None
                and cand.match.head in inside
                and not any(same_actor(cand.source, a) for a in authors)
            ):
                authors.append(cand.source)
        return authors

    def resolve(self, judgements: list[Judgement], events: list[Event]) -> list[Candidate]:
        """Accusations for judgements whose authors only the document tells: the authors
        of the attacks it reports on the victim, the nearest mentions first (before the
        judgement, then after)."""
        out: list[Candidate] = []
        for judgement in judgements:
            before = [e for e in events if e.sentence.index < judgement.index]
            after = [e for e in events if e.sentence.index > judgement.index]
            authors: list[ActorRef] = []
            seen: set[str] = set()
            for event in [*reversed(before), *after]:
                source, target = event.source, event.target
                if (
                    event.type in judgement.acts
                    and event.modality == "asserted"
                    and source is not None
                    and source.country
                    and source.country not in seen
                    and (
                        not judgement.victims
                        or (target is not None and target.country in judgement.victims)
                    )
                ):
                    seen.add(source.country)
                    authors.append(state_level(source))
            out += self._accusations(judgement, authors)
        return out

    @staticmethod
    def _authors_of_object(
        frame: ArgumentFrame, cand: Candidate, event_heads: set[int]
    ) -> list[ActorRef]:
        """ "Condemned the actions by X", "criticised X's policy": whoever the object of a
        speech act belongs to is its target."""
        found = frame.object_authors(cand.match.token_ids, event_heads)
        if found is None:
            return []
        return [actor_ref(m) for g in found.groups for m in g.mentions]

    def resolve_event_references(
        self,
        frame: ArgumentFrame,
        matches: list[TriggerMatch],
        candidates: list[Candidate],
        earlier: list[tuple[Event, Candidate]],
    ) -> None:
        """ "Condemned the strikes": the target is whoever struck.

        A target guessed from the sentence yields to the author of an attack the same
        sentence reports ("as Israeli strikes went on, Russia voiced concern about the
        violation of Iran's sovereignty": the state named is the victim, not the accused).
        """
        for cand in candidates:
            if not cand.event_type.refers or (cand.target is not None and not cand.contextual):
                continue
            attacker = next(
                (
                    c.source
                    for c in candidates
                    if c.event_type.referable
                    and c.source is not None
                    and self.acceptable(cand.event_type, cand.source, c.source)
                ),
                None,
            )
            if attacker is not None:
                cand.target = attacker
                cand.contextual = False
                cand.rule += "/author"
                continue
            inner = next(
                (
                    m
                    for m in matches
                    if m.head > cand.match.last
                    and m.head - cand.match.last <= 6
                    and m.entry.type in self._referable_types
                ),
                None,
            )
            inner_type = inner.entry.type if inner else self._referable_word(frame, cand.match)
            if inner_type is None:
                continue
            author = next(
                (c.source for c in candidates if c.match is inner and c.source is not None), None
            ) or next(
                (
                    c.source
                    for c in candidates
                    if c.event_type.name == inner_type
                    and c.source is not None
                    and c.match.head < cand.match.head
                ),
                None,
            )
            if author is None:
                for event, prior in reversed(earlier):
                    if cand.sentence_index - prior.sentence_index > self.lookback:
                        break
                    if event.type == inner_type and event.source is not None:
                        author = event.source
                        break
            if author is not None and self.acceptable(cand.event_type, cand.source, author):
                cand.target = author
                cand.contextual = False
            elif cand.contextual:
                cand.target = None  # the state the sentence names is the victim, not the author
                cand.rule += f"/refers:{inner_type}"

    def _referable_word(self, frame: ArgumentFrame, match: TriggerMatch) -> str | None:
        """The type of an attack-like word inside or just after a trigger ("called the
        strikes aggression"), found by the first word of the referable entries."""
        for i in range(match.head + 1, min(frame.end, match.last + 7)):
            for lemma in self.lemmatizer.candidates(frame.doc[i].text):
                if lemma in self._referable:
                    return self._referable[lemma]
        return None
