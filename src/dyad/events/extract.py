"""Match triggers, find their arguments and build `Event`s: the component's `match` step.

Per sentence: find trigger entries (longest first), look for the source and the target in
the slots the entry names, swap roles in the passive, emit one event per (source, target)
pair (a missing target may come from the sentence's one other state, else, with low
confidence, from the state the document names most), drop pairs that are not between
identifiable political actors, label modality,
attach a date and a place, and keep one event per (type, source, target) and sentence.
A document-level pass then resolves speech acts about an earlier attack ("condemned the
strikes") to the attacker, and lets a repeated mention of a dated event inherit its date.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Doc, Token

from dyad.events.arguments import ArgumentFrame, Found, Group, token_reading
from dyad.events.attach import (
    clause_times,
    event_date,
    event_place,
    is_past,
    location_of,
    names_a_thing,
)
from dyad.events.discourse import (
    address_conflict_calls,
    date_statements,
    event_id,
    event_key,
    inherit_targets,
    propagate_dates,
)
from dyad.events.grammar import load_grammar
from dyad.events.lemmas import Lemmatizer, load_lemmatizer
from dyad.events.lexicon import (
    TriggerLexicon,
    TriggerMatch,
    load_lexicon,
    read_lexicon,
)
from dyad.events.modality import ModalityClassifier, load_modality, read_modality
from dyad.events.ontology import EventType, Ontology, load_ontology, read_ontology
from dyad.model import (
    ActorMention,
    ActorRef,
    Event,
    PlaceMention,
    TimeMention,
)
from dyad.model import (
    Span as TextSpan,
)
from dyad.nlp.extensions import get_list
from dyad.nlp.sentences import sentence_ref
from dyad.nlp.tokens import doc_text, token_table

#: How much an actor's resolution is trusted, by `ActorMention.how`.
HOW_WEIGHT = {
    "kb": 1.0, "title": 0.95, "metonym": 0.95, "role": 0.9, "demonym": 0.9, "model": 0.85,
    "coref": 0.8, "place": 0.85,
}  # fmt: skip
SLOT_WEIGHT = {"subject": 1.0, "obj": 1.0, "poss": 0.95, "between": 0.95, "pair": 0.85}
MIN_REPEAT_CHARS = 40  # a sentence this long repeated word for word is a copy, not news


@dataclass(frozen=True)
class ExtractSettings:
    """Knobs of the extractor (the component's config)."""

    lead_sentences: int = 3  # headline and lead: where an undated event is the day's news
    min_confidence: float = 0.0
    require_source: bool = True
    propagate_dates: bool = True
    lookback_sentences: int = 4  # how far back "the strikes" may find its attacker
    one_sided_symmetric: bool = False  # keep a meeting or deal with no counterpart found
    context_target: bool = True  # no target slot filled: the one other state in the sentence
    document_target: bool = True  # else the state the document names most (low confidence)
    triggers_path: str | None = None
    ontology_path: str | None = None
    modality_path: str | None = None


@dataclass
class _Candidate:
    """An event under construction, with what built it."""

    match: TriggerMatch
    event_type: EventType
    source: ActorRef | None
    target: ActorRef | None
    rule: str
    confidence: float
    sentence_index: int
    place: PlaceMention | None = None
    contextual: bool = False  # the target came from the sentence, not from a slot
    explicit_source: bool = False  # the source is the trigger's own (poss, by, of)
    verb_reading: bool = False
    absolute: bool = False  # "with X doing Y": the source came from an absolute phrase
    other_heads: tuple[int, ...] = ()  # token ids of every trigger of the sentence
    timed_sentence: bool = False  # the sentence has a time expression, usable or not
    reported_past: bool = False  # told in the simple past ("said", "condemned"): news
    conflict_call: bool = False  # a call for a ceasefire, restraint, de-escalation


def _actor_ref(mention: ActorMention) -> ActorRef:
    return mention.ref()


def _place_ref(place: PlaceMention) -> ActorRef:
    """A place standing for its state ("a visit to Moscow" is a visit to Russia); the
    government's name is filled in per document (`_name_states`)."""
    return ActorRef(
        text=place.text, country=place.country, sector="GOV",
        entity_id=f"state:{place.country}", start=place.start, end=place.end,
    )  # fmt: skip


def _more_specific(ref: ActorRef | None, *others: ActorRef | None) -> ActorRef | None:
    """Of two mentions of one event, the named person or body over the bare state
    ("arrived in Moscow for talks with Putin": the target is Putin, not Moscow)."""
    if ref is None or not (ref.entity_id or "").startswith("state:"):
        return ref
    for other in others:
        if (
            other is not None
            and other.country == ref.country
            and other.entity_id
            and not other.entity_id.startswith("state:")
        ):
            return other
    return ref


def _state_level(ref: ActorRef) -> ActorRef:
    """An inferred counterpart is the country, not whichever of its officials the text
    happened to name first: the state's reference, over the same text."""
    if ref.country in (None, "IGO", "NGO", "MNC") or (ref.entity_id or "").startswith("state:"):
        return ref
    return ActorRef(
        text=ref.text, country=ref.country, sector="GOV", entity_id=f"state:{ref.country}",
        start=ref.start, end=ref.end,
    )  # fmt: skip


#: An actor reference with the trust its resolution deserves.
Ref = tuple[ActorRef, float]


def _refs(groups: tuple[Group, ...], allow_places: bool) -> list[Ref]:
    """Actor references of the groups, each with the trust its resolution deserves."""
    out: list[tuple[ActorRef, float]] = []
    for group in groups:
        if group.place is not None:
            if allow_places and group.place.country:
                out.append((_place_ref(group.place), HOW_WEIGHT["place"]))
            continue
        for mention in group.mentions:
            out.append((_actor_ref(mention), HOW_WEIGHT.get(mention.how, 0.85)))
    return out


def _same_actor(a: ActorRef, b: ActorRef) -> bool:
    if a.entity_id and b.entity_id:
        return a.entity_id == b.entity_id
    if a.name and b.name:
        return (a.name, a.country) == (b.name, b.country)
    return a.start == b.start and a.end == b.end


class EventExtractor:
    """Finds PLOVER events in an annotated spaCy `Doc` (actors, places, times set)."""

    def __init__(
        self,
        settings: ExtractSettings | None = None,
        *,
        lexicon: TriggerLexicon | None = None,
        ontology: Ontology | None = None,
        lemmatizer: Lemmatizer | None = None,
    ) -> None:
        self.settings = settings or ExtractSettings()
        s = self.settings
        self.ontology = ontology or (
            read_ontology(Path(s.ontology_path)) if s.ontology_path else load_ontology()
        )
        self.lemmatizer = lemmatizer or load_lemmatizer()
        if lexicon is None:
            lexicon = (
                read_lexicon(Path(s.triggers_path), self.ontology, self.lemmatizer)
                if s.triggers_path
                else load_lexicon(None, self.ontology, self.lemmatizer)
            )
        self.lexicon = lexicon
        cues = read_modality(Path(s.modality_path)) if s.modality_path else load_modality()
        self.modality = ModalityClassifier(cues, self.lemmatizer)
        self._referable: dict[str, str] = {}
        self._referable_types = self.ontology.names("referable")
        self._repeat_dated = self.ontology.names("repeat")
        self._occasion_dated = self.ontology.names("occasion")
        self._meetings = self.ontology.names("meeting")
        from dyad.quotes.lexicon import load_lexicon as load_cues

        grammar = load_grammar()
        self._speech_lemmas = frozenset(
            lemma for lemma, _ in load_cues().verb_forms.values()
        ) | grammar.opinion_verbs
        for entry in self.lexicon.entries:
            first = entry.words[0]
            referable = entry.type in self._referable_types
            if referable and entry.size == 1 and entry.pos == "NOUN" and first:
                for lemma in first:
                    self._referable.setdefault(lemma, entry.type)

    # ------------------------------------------------------------------ public
    def match(self, doc: Doc) -> list[Event]:
        """Every event of the document, in text order (plain values; the doc is untouched)."""
        actors = sorted(get_list(doc, "actors"), key=lambda a: a.start)
        places = sorted(get_list(doc, "places"), key=lambda p: p.start)
        times = sorted(get_list(doc, "times"), key=lambda t: t.start)
        actor_starts = [a.start for a in actors]
        place_starts = [p.start for p in places]
        time_starts = [t.start for t in times]
        published = doc._.published
        counterparts = self._counterparts(actors)
        governments = {
            a.country: a.name
            for a in actors
            if a.kind == "state" and a.country and a.entity_id == f"state:{a.country}"
        }
        events: list[tuple[Event, _Candidate]] = []
        seen_sentences: set[str] = set()
        text = doc_text(doc)  # built once: Span.text and Doc.text join tokens on each call
        for index, sent in enumerate(doc.sents):
            lo, hi = sent.start_char, sent.end_char
            key = " ".join(text[lo:hi].split())
            if len(key) >= MIN_REPEAT_CHARS:
                if key in seen_sentences:
                    continue  # a headline repeated verbatim (a related link): no new report
                seen_sentences.add(key)
            s_actors = actors[
                bisect.bisect_left(actor_starts, lo) : bisect.bisect_left(actor_starts, hi)
            ]
            s_places = places[
                bisect.bisect_left(place_starts, lo) : bisect.bisect_left(place_starts, hi)
            ]
            s_times = [
                t
                for t in times[
                    bisect.bisect_left(time_starts, lo) : bisect.bisect_left(time_starts, hi)
                ]
                if not names_a_thing(doc, t)
            ]
            if not s_actors:
                continue
            frame = ArgumentFrame(sent, s_actors, s_places)
            matches = self.lexicon.find(sent, frame.named_tokens)
            evaluations = self.lexicon.find_evaluations(sent)
            if not matches and not evaluations:
                continue
            candidates: list[_Candidate] = []
            for match in matches:
                candidates += self._candidates(frame, match, index, counterparts)
            candidates = self._acts_on_events(frame, candidates)
            candidates += self._evaluations(frame, index, evaluations, matches, candidates, events)
            self._resolve_event_references(frame, matches, candidates, events)
            candidates = self._drop_act_contents(frame, candidates)
            self._name_states(candidates, governments)
            heads = tuple(m.head for m in matches)
            for cand in candidates:
                cand.other_heads = heads
                cand.reported_past = frame.reported_past(cand.match.head)
                cand.timed_sentence = bool(s_times) and (
                    cand.event_type.name not in self._repeat_dated
                    or self._has_own_time(frame, cand, s_times)
                )
            built = [
                self._build(frame, index, cand, s_places, s_times, published) for cand in candidates
            ]
            events += self._dedupe([(e, c) for e, c in zip(built, candidates, strict=True) if e])
        targeted = inherit_targets([e for e, _ in events], self._referable_types)
        events = [(e, c) for e, (_, c) in zip(targeted, events, strict=True)]
        if self.settings.propagate_dates:
            timed = [cand.timed_sentence for _, cand in events]
            dated = propagate_dates([e for e, _ in events], timed, self._repeat_dated)
            background = [t or not c.reported_past for t, (_, c) in zip(timed, events, strict=True)]
            dated = date_statements(
                dated, background, self._occasion_dated, self._meetings, published
            )
            events = [(e, c) for e, (_, c) in zip(dated, events, strict=True)]
        calls = {
            i
            for i, (event, cand) in enumerate(events)
            if cand.conflict_call
            and (event.target is None or cand.contextual or cand.rule.endswith(">document"))
        }
        found = [e for e, _ in events]
        if calls:
            found = address_conflict_calls(
                found, calls, self.settings.lookback_sentences, governments
            )
        return found

    @staticmethod
    def _has_own_time(frame: ArgumentFrame, cand: _Candidate, times: list[TimeMention]) -> bool:
        """Whether a time of the sentence can date this trigger (not only another one's:
        "the meeting was planned as reports said X will meet Y on Monday")."""
        doc, head = frame.doc, cand.match.head
        lo, hi = frame.segment(head)
        segment = (doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]))
        others = [doc[i].idx for i in cand.other_heads if i != head]
        return bool(clause_times(times, doc[head].idx, segment, others))

    @staticmethod
    def _name_states(candidates: list[_Candidate], governments: dict[str, str]) -> None:
        """A state-level target with no name yet takes its government's name, as the
        document's own mentions of that state spell it."""
        for cand in candidates:
            ref = cand.target
            if ref is not None and ref.name is None and ref.country in governments:
                cand.target = replace(ref, name=governments[ref.country])

    @staticmethod
    def _counterparts(actors: list[ActorMention]) -> list[ActorMention]:
        """One mention per state the document names, the most often named first: the
        candidates for a target the sentence leaves implicit."""
        counts = Counter(a.country for a in actors if a.country and a.country != "IGO")
        first: dict[str, ActorMention] = {}
        for actor in actors:
            if actor.country is not None and actor.country in counts:
                first.setdefault(actor.country, actor)
        return [first[c] for c, _ in counts.most_common()]

    # ------------------------------------------------------------------ arguments
    def _slot(
        self, frame: ArgumentFrame, slot: str, match: TriggerMatch, places: bool
    ) -> Found | None:
        return frame.find(slot, match.token_ids, places, self._noun_reading(frame, match))

    @staticmethod
    def _noun_reading(frame: ArgumentFrame, match: TriggerMatch) -> bool:
        """The trigger reads as a noun in its sentence's parse."""
        return token_reading(
            frame.doc, match.head, match.last, match.entry.pos, frame.title_case
        )

    def _arguments(
        self, frame: ArgumentFrame, match: TriggerMatch
    ) -> tuple[Found | None, Found | None, bool]:
        """Where the source and the target are, and whether the trigger is passive."""
        entry = match.entry
        noun_reading = self._noun_reading(frame, match)
        if not noun_reading and frame.is_passive(match.head):
            by = frame.find("by", match.token_ids, False, False)
            return by, frame.subject(match.head, False), True
        src_found = frame.possessor_inside(match.token_ids)
        for slot in () if src_found else entry.source:
            if slot in ("poss", "by") and not noun_reading:
                continue  # "Russia condemned attacks by Israel": not the verb's agent
            src_found = self._slot(frame, slot, match, False)
            if src_found:
                break
        tgt_found: Found | None = None
        for slot in entry.target:
            if slot == "poss":
                continue  # a possessor before the trigger is its source, never its target
            tgt_found = self._slot(frame, slot, match, entry.place_target)
            if tgt_found:
                break
        return src_found, tgt_found, False

    def _candidates(
        self,
        frame: ArgumentFrame,
        match: TriggerMatch,
        index: int,
        counterparts: list[ActorMention] = (),  # type: ignore[assignment]
    ) -> list[_Candidate]:
        """One candidate per (source, target) pair the trigger's frame yields."""
        entry = match.entry
        event_type = self.ontology[entry.type]
        noun_reading = self._noun_reading(frame, match)
        src_found, tgt_found, passive = self._arguments(frame, match)
        sources = _refs(src_found.groups, False) if src_found else []
        targets = _refs(tgt_found.groups, entry.place_target) if tgt_found else []
        rule = entry.id + ("/passive" if passive else "")
        how = "pair"
        if src_found and src_found.pair and not targets:
            # "the Araghchi-Lavrov meeting": first of the pair is source, second target
            sources, targets = sources[:1], sources[1:]
            rule += "/poss-pair"
        elif (
            tgt_found
            and tgt_found.slot in ("between", "among")
            and len(targets) >= 2
            and (
                not sources
                or (
                    noun_reading
                    and src_found
                    and src_found.slot == "subject"
                    and entry.mode != "third-party"  # the mediator stands apart from the two
                )
            )
        ):
            sources, targets = targets[:1], targets[1:]
            rule += f"/{tgt_found.slot}"
            how = "between"
        else:
            if src_found:
                rule += f"/{src_found.slot}"
                how = src_found.slot
            if tgt_found:
                rule += f">{tgt_found.slot}"
        if (
            not targets
            and sources
            and self._wants_context(event_type, src_found, sources)
            and not (entry.need_target and noun_reading)  # "welcomed the agreement"
        ):
            # the trigger's own clause first, then the whole sentence
            other = self._context_target(frame.clause_groups(match.head), sources, True)
            if other is None:
                other = self._context_target(frame.segment_groups(match.head), sources, True)
            where = ">context"
            if other is None:
                other = self._context_target(frame.groups, sources, False)
                where = ">sentence"
            if other is not None and entry.target:
                targets = [other]
                rule += where
            elif (
                entry.target
                and self.settings.document_target
                and len(sources) == 1  # "Japan and Australia voiced concern": about whom?
                and counterparts
                and not entry.need_target
                and not event_type.symmetric
                and not (noun_reading and (src_found is None or src_found.slot == "subject"))
            ):
                # no one else in the sentence: the story's main counterpart ("the US
                # proposal" in a report on Iran), with low confidence
                own = {ref.country for ref, _ in sources}
                mention = next((m for m in counterparts if m.country not in own), None)
                if mention is not None:
                    weight = 0.45 * HOW_WEIGHT.get(mention.how, 0.85)
                    targets = [(_state_level(_actor_ref(mention)), weight)]
                    rule += ">document"
        pairs, rule = self._pairs(
            event_type, sources, targets, rule, how,
            noun_reading and not frame.after_subject_preposition(match.head),
        )  # fmt: skip
        one_sided_noun = noun_reading and (src_found is None or src_found.slot == "subject")
        if (
            entry.need_target
            or one_sided_noun
            or (event_type.symmetric and not self.settings.one_sided_symmetric)
        ):
            # a meeting with nobody, or a noun whose own participants are not in the text,
            # is background, not a codable event
            pairs = [p for p in pairs if p[1] is not None]
        distance = max(
            src_found.distance if src_found else 0, tgt_found.distance if tgt_found else 0
        )
        dist_weight = 1.0 if distance <= 3 else 0.9 if distance <= 8 else 0.8
        place = tgt_found.groups[0].place if tgt_found else None
        out: list[_Candidate] = []
        for src, tgt in pairs:
            src_ref, src_w = src if src else (None, 1.0)
            tgt_ref, tgt_w = tgt if tgt else (None, 1.0)
            if not self._acceptable(event_type, src_ref, tgt_ref):
                if src_ref is None or src_ref.country is None:
                    continue
                tgt_ref, tgt_w = None, 1.0  # keep the event, drop the doubtful target
                if entry.need_target or one_sided_noun or event_type.symmetric:
                    continue
            confidence = entry.strength * src_w * tgt_w * dist_weight * SLOT_WEIGHT.get(how, 1.0)
            out.append(
                _Candidate(
                    match, event_type, src_ref, tgt_ref, rule, confidence, index,
                    place if tgt_ref is not None else None,
                    contextual=rule.endswith((">context", ">sentence")) and tgt_ref is not None,
                    explicit_source=bool(src_found and src_found.slot != "subject"),
                    verb_reading=not noun_reading,
                    absolute=bool(src_found and src_found.slot == "absolute")
                    or frame.in_absolute_phrase(match.head),
                    conflict_call=event_type.call and frame.calls_for_calm(match.last),
                )
            )  # fmt: skip
        return out

    def _wants_context(
        self, event_type: EventType, src_found: Found | None, sources: list[Ref]
    ) -> bool:
        """Whether a missing target may be taken from the sentence."""
        return (
            self.settings.context_target
            and event_type.context_target
            and not (src_found and src_found.slot == "by")  # "attacks by X" names no victim
            and not (event_type.symmetric and len(sources) >= 2)
        )

    @staticmethod
    def _pairs(
        event_type: EventType,
        sources: list[Ref],
        targets: list[Ref],
        rule: str,
        how: str,
        noun_reading: bool = False,
    ) -> tuple[list[tuple[Ref | None, Ref | None]], str]:
        """(source, target) pairs: one per pair, as GDELT and ICEWS rows are.

        Coordinated subjects are the two sides of a symmetric verb ("Russia and Iran
        signed") or of a noun they move into ("moved toward closer cooperation"), not of
        a noun the clause only mentions (`noun_reading`: "X and Y framed the meeting").
        """
        if not targets and len(sources) >= 2 and event_type.symmetric and not noun_reading:
            # "Russia and Iran signed ...": the coordinated subjects are the two sides
            pairs: list[tuple[Ref | None, Ref | None]] = [
                (sources[i], sources[j])
                for i in range(len(sources))
                for j in range(i + 1, len(sources))
            ]
            return pairs, rule + "/mutual"
        if how == "between" and not event_type.symmetric:
            # "fighting between X and Y" goes both ways
            pairs = [(s, t) for s in sources for t in targets]
            return pairs + [(t, s) for s, t in pairs], rule
        if not targets:
            return [(s, None) for s in sources], rule
        return [(s, t) for s in sources for t in targets], rule

    @staticmethod
    def _context_target(
        groups: list[Group], sources: list[tuple[ActorRef, float]], near: bool
    ) -> tuple[ActorRef, float] | None:
        """The one state other than the source's that `groups` name, if just one (`near`:
        the groups are the trigger's own clause, which is surer)."""
        own = {ref.country for ref, _ in sources}
        others: dict[str, ActorMention] = {}
        for group in groups:
            for mention in group.mentions:
                if mention.country and mention.country not in own:
                    others.setdefault(mention.country, mention)
        if len(others) != 1:
            return None
        mention = next(iter(others.values()))
        return _state_level(_actor_ref(mention)), (0.75 if near else 0.6) * HOW_WEIGHT.get(
            mention.how, 0.85
        )

    def _acceptable(
        self, event_type: EventType, src: ActorRef | None, tgt: ActorRef | None
    ) -> bool:
        """Source and target are identifiable and not one country (for international types)."""
        if src is None:
            return not self.settings.require_source
        if src.country is None:
            return False
        if tgt is None:
            return True
        if tgt.country is None or _same_actor(src, tgt):
            return False
        return not (src.country == tgt.country and not event_type.domestic)

    def _acts_on_events(
        self, frame: ArgumentFrame, candidates: list[_Candidate]
    ) -> list[_Candidate]:
        """ "Condemned the attacks carried out by X and Y", "called the US strikes
        aggression": a speech act whose object is an attack is aimed at the attackers, one
        event per attacker, unless the act names its target itself."""
        out: list[_Candidate] = []
        for cand in candidates:
            if not cand.event_type.refers:
                out.append(cand)
                continue
            authors: list[ActorRef] = []
            for other in candidates:
                if (
                    other.event_type.referable
                    and other.source is not None
                    and frame.within(cand.match.head, other.match.head)
                    and self._acceptable(cand.event_type, cand.source, other.source)
                    and not any(_same_actor(other.source, a) for a in authors)
                ):
                    authors.append(other.source)
            guessed = cand.target is None or cand.contextual or cand.rule.endswith(">document")
            if not authors and guessed:
                authors = [
                    ref
                    for ref in self._authors_of_object(frame, cand)
                    if self._acceptable(cand.event_type, cand.source, ref)
                ]
            if not authors:
                out.append(cand)
                continue
            rule = cand.rule.removesuffix(">document").removesuffix(">context")
            out += [
                replace(cand, target=author, contextual=False, rule=rule + ">author")
                for author in authors
            ]
        return out

    def _evaluations(
        self,
        frame: ArgumentFrame,
        index: int,
        evaluations: list[TriggerMatch],
        matches: list[TriggerMatch],
        candidates: list[_Candidate],
        earlier: list[tuple[Event, _Candidate]],
    ) -> list[_Candidate]:
        """ "This is unprovoked aggression against Iran," X said: X accuses whoever
        committed the act judged, one event per author (see `accuse.evaluation`)."""
        out: list[_Candidate] = []
        stops = {i for m in matches for i in m.token_ids}
        for match in evaluations:
            token = frame.doc[match.head]
            verb = frame.speech_verb(token, self._speech_lemmas, stops)
            if verb is None:
                continue
            speakers = frame.subject(verb.i, False)
            if speakers is None:
                continue
            event_type = self.ontology[match.entry.type]
            authors = self._judged_authors(frame, token, verb, candidates, earlier)
            for source, weight in _refs(speakers.groups, False):
                for author in authors:
                    if not self._acceptable(event_type, source, author):
                        continue
                    out.append(
                        _Candidate(
                            match, event_type, source, author, f"{match.entry.id}/speaker>author",
                            match.entry.strength * weight, index,
                        )
                    )  # fmt: skip
        return out

    def _judged_authors(
        self,
        frame: ArgumentFrame,
        token: Token,
        verb: Token,
        candidates: list[_Candidate],
        earlier: list[tuple[Event, _Candidate]],
    ) -> list[ActorRef]:
        """Who committed the act a judging word is said of: named in the judged phrase
        ("the actions of X", "X's aggression"), the author of an attack the sentence
        reports, else the authors of the attacks the document reported on the victim."""
        judged = frame.judged_phrases(token, verb)
        named = frame.authors_in(judged)
        if named is not None:
            return [_actor_ref(m) for g in named.groups for m in g.mentions]
        inside = {t.i for phrase in judged for t in phrase.subtree}
        authors: list[ActorRef] = []
        for cand in candidates:
            if (
                cand.event_type.referable
                and cand.source is not None
                and cand.match.head in inside
                and not any(_same_actor(cand.source, a) for a in authors)
            ):
                authors.append(cand.source)
        if authors:
            return authors
        victims = frame.victims(judged)
        seen: set[str] = set()
        for event, _ in reversed(earlier):
            if (
                event.type in self._referable_types
                and event.modality == "asserted"
                and event.source is not None
                and event.source.country
                and event.source.country not in seen
                and (not victims or (event.target is not None and event.target.country in victims))
            ):
                seen.add(event.source.country)
                authors.append(_state_level(event.source))
        return authors

    @staticmethod
    def _authors_of_object(frame: ArgumentFrame, cand: _Candidate) -> list[ActorRef]:
        """ "Condemned the actions by X", "criticised X's policy": whoever the object of a
        speech act belongs to is its target."""
        found = frame.object_authors(cand.match.token_ids)
        if found is None:
            return []
        return [_actor_ref(m) for g in found.groups for m in g.mentions]

    def _resolve_event_references(
        self,
        frame: ArgumentFrame,
        matches: list[TriggerMatch],
        candidates: list[_Candidate],
        earlier: list[tuple[Event, _Candidate]],
    ) -> None:
        """ "Condemned the strikes": the target is whoever struck.

        A target guessed from the sentence yields to the author of an attack the same
        sentence reports ("as Israeli strikes went on, Russia voiced concern about the
        violation of Iran's sovereignty": the state named is the victim, not the accused).
        """
        for cand in candidates:
            if not cand.event_type.refers or (
                cand.target is not None and not cand.contextual
            ):
                continue
            attacker = next(
                (
                    c.source
                    for c in candidates
                    if c.event_type.referable
                    and c.source is not None
                    and self._acceptable(cand.event_type, cand.source, c.source)
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
                    if (
                        cand.sentence_index - prior.sentence_index
                        > self.settings.lookback_sentences
                    ):
                        break
                    if event.type == inner_type and event.source is not None:
                        author = event.source
                        break
            if author is not None and self._acceptable(cand.event_type, cand.source, author):
                cand.target = author
                cand.contextual = False
            elif cand.contextual:
                cand.target = None  # the state the sentence names is the victim, not the author
                cand.rule += f"/refers:{inner_type}"

    def _drop_act_contents(
        self, frame: ArgumentFrame, candidates: list[_Candidate]
    ) -> list[_Candidate]:
        """ "Offered expanded cooperation", "a proposal for talks": a noun that is what a
        verbal act offers, asks or rejects is that act's content, not an event of its own
        (unless the noun names its own author: "condemned the US strikes")."""
        acts = [
            c.match
            for c in candidates
            if c.event_type.quad.startswith("verbal") and not c.event_type.meeting
        ]
        kept = []
        for cand in candidates:
            head = cand.match.head
            inside = any(
                act is not cand.match
                and head - act.last > 0
                and frame.within(act.head, head)
                for act in acts
            )
            if inside and self._noun_reading(frame, cand.match) and not cand.explicit_source:
                continue
            kept.append(cand)
        return kept

    def _referable_word(self, frame: ArgumentFrame, match: TriggerMatch) -> str | None:
        """The type of an attack-like word inside or just after a trigger ("called the
        strikes aggression"), found by the first word of the referable entries."""
        for i in range(match.head + 1, min(frame.end, match.last + 7)):
            for lemma in self.lemmatizer.candidates(frame.doc[i].text):
                if lemma in self._referable:
                    return self._referable[lemma]
        return None

    # ------------------------------------------------------------------ events
    def _build(
        self,
        frame: ArgumentFrame,
        index: int,
        cand: _Candidate,
        places: list[PlaceMention],
        times: list[TimeMention],
        published: str | None,
    ) -> Event | None:
        if cand.confidence < self.settings.min_confidence:
            return None
        doc, sent, match = frame.doc, frame.sent, cand.match
        table = token_table(doc)  # doc[i] builds a Token object on every call
        head_idx, head_tag = table.idx[match.head], table.tag[match.head]
        modality = self.modality.classify(
            doc, sent.start, sent.end, match.head, match.last, cand.event_type.name
        )
        if modality == "asserted" and (cand.absolute or match.entry.stative):
            # "with Iran supplying drones", "the growing ties between X and Y": background
            # or a relationship's state, not an occurrence the report asserts
            modality = "generic"
        lo, hi = frame.segment(match.head)
        date = event_date(
            times,
            head_idx,
            published,
            modality=modality,
            in_lead=index < self.settings.lead_sentences,
            past=is_past(doc, match.head),
            segment=(table.idx[lo], table.end[hi - 1]),
            others=[table.idx[i] for i in cand.other_heads if i != match.head],
        )
        if (
            modality == "asserted"
            and date is not None
            and published
            and date.value
            and date.value[:10] > published
            and head_tag not in ("VBD", "VBN")
        ):
            modality = "future"
        place = event_place(doc, places, match.head, match.last) or cand.place
        end = table.end[match.last]
        trigger = TextSpan(text=doc_text(doc)[head_idx:end], start=head_idx, end=end)
        src_country = cand.source.country if cand.source else ""
        tgt_country = cand.target.country if cand.target else ""
        return Event(
            id=event_id(
                sent.start_char,
                head_idx,
                cand.event_type.name,
                src_country or "",
                tgt_country or "",
            ),
            type=cand.event_type.name,
            quad=cand.event_type.quad,
            intensity=cand.event_type.intensity,
            modality=modality,
            confidence=round(min(1.0, max(0.05, cand.confidence)), 3),
            trigger=trigger,
            # the same reference as dyad.pipeline.annotate: trailing whitespace left out
            sentence=sentence_ref(index, sent),
            source=cand.source,
            target=cand.target,
            mode=match.entry.mode,
            location=location_of(place) if place is not None else None,
            date=date,
            rule=cand.rule,
        )

    def _dedupe(self, items: list[tuple[Event, _Candidate]]) -> list[tuple[Event, _Candidate]]:
        """One event per (type, source, target) in a sentence: a verb's over a noun's (the
        clause asserts with its verb, a noun often only refers), then the most confident.
        (Sentences never span a line break: bullet points are sentences of their own.)
        """
        best: dict[tuple[str, ...], tuple[Event, _Candidate]] = {}
        for event, cand in items:
            key = event_key(event, cand.event_type.symmetric)
            kept = best.get(key)
            if kept is None:
                best[key] = (event, cand)
                continue
            rank_new = (cand.verb_reading, event.confidence)
            rank_old = (kept[1].verb_reading, kept[0].confidence)
            winner, loser = (event, kept[0]) if rank_new > rank_old else (kept[0], event)
            winner = replace(
                winner,
                source=_more_specific(winner.source, loser.source, loser.target),
                target=_more_specific(winner.target, loser.target, loser.source),
                mode=winner.mode or loser.mode,
                location=winner.location or loser.location,
                date=winner.date or loser.date,
            )
            best[key] = (winner, cand if winner.id == event.id else kept[1])
        # an event with no target adds nothing when the same source has a targeted one
        targeted = {(e.type, e.source.country) for e, _ in best.values() if e.source and e.target}
        out = [
            (e, c)
            for e, c in best.values()
            if e.target is not None
            or (e.type, e.source.country if e.source else None) not in targeted
        ]
        return sorted(out, key=lambda ec: ec[0].trigger.start)
