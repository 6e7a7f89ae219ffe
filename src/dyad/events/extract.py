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
import itertools
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Doc

from dyad.actors.cues import load_cues as load_actor_cues
from dyad.events.arguments import ArgumentFrame, Found, Group, token_reading
from dyad.events.attach import (
    clause_times,
    event_date,
    event_place,
    is_past,
    location_of,
    names_a_thing,
    purpose_span,
    without_other_nouns_times,
)
from dyad.events.candidates import (
    HOW_WEIGHT,
    Candidate,
    Ref,
    actor_ref,
    more_specific,
    refs,
    same_actor,
    state_level,
)
from dyad.events.discourse import (
    address_conflict_calls,
    date_statements,
    event_id,
    event_key,
    guessed_target,
    inherit_targets,
    propagate_dates,
    retaliation_targets,
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
from dyad.events.quantities import event_quantities
from dyad.events.speech import Judgement, SpeechActs
from dyad.model import (
    ActorMention,
    ActorRef,
    Event,
    EventDate,
    PlaceMention,
    TimeMention,
)
from dyad.model import (
    Span as TextSpan,
)
from dyad.nlp import clauses
from dyad.nlp.extensions import get_list
from dyad.nlp.sentences import sentence_ref
from dyad.nlp.tokens import doc_text, token_table

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
        self._referable_types = self.ontology.names("referable")
        self._repeat_dated = self.ontology.names("repeat")
        self._occasion_dated = self.ontology.names("occasion")
        self._meetings = self.ontology.names("meeting")
        self.speech = SpeechActs(
            self.ontology, self.lexicon, self.lemmatizer, self._acceptable,
            self.settings.lookback_sentences,
        )  # fmt: skip

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
        events: list[tuple[Event, Candidate]] = []
        quotes = list(get_list(doc, "quotes"))
        judgements: list[tuple[Judgement, ArgumentFrame, list[PlaceMention], list[TimeMention]]]
        judgements = []
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
            frame = ArgumentFrame(sent, s_actors, s_places, quotes)
            matches = self.lexicon.find(sent, frame.named_tokens)
            evaluations = self.lexicon.find_evaluations(sent)
            if not matches and not evaluations:
                continue
            candidates: list[Candidate] = []
            for match in matches:
                candidates += self._candidates(frame, match, index, counterparts)
            candidates, referring = self.speech.acts_on_events(frame, candidates, matches)
            judgements += [(j, frame, s_places, s_times) for j in referring]
            judged, unresolved = self.speech.evaluations(
                frame, index, evaluations, matches, candidates, quotes, counterparts
            )
            candidates += judged
            judgements += [(j, frame, s_places, s_times) for j in unresolved]
            self.speech.resolve_event_references(frame, matches, candidates, events)
            candidates = self._drop_act_contents(frame, candidates)
            self._name_states(candidates, governments)
            heads = tuple(m.head for m in matches)
            speakers = {c.said_by for c in candidates if c.said_by is not None}
            for cand in candidates:
                cand.other_heads = heads
                cand.argument_of = _governing_trigger(doc, cand, matches, speakers)
                cand.reported_past = frame.reported_past(cand.match.head)
                cand.timed_sentence = bool(s_times) and (
                    cand.event_type.name not in self._repeat_dated
                    or self._has_own_time(frame, cand, s_times)
                )
            built = [
                self._build(frame, index, cand, s_places, s_times, published) for cand in candidates
            ]
            events += self._dedupe([(e, c) for e, c in zip(built, candidates, strict=True) if e])
        if judgements:
            events = self._judged_by_document(judgements, events, published)
        found = [e for e, _ in events]
        targeted = inherit_targets(found, self._referable_types | self._repeat_dated, self.ontology)
        targeted = retaliation_targets(
            targeted, [guessed_target(e) for e in found], load_grammar().retaliation_words
        )
        events = [
            (e, c)
            for e, (_, c) in zip(targeted, events, strict=True)
            if e.target is not None or not c.provisional
        ]
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
            and (
                event.target is None
                or cand.contextual
                or cand.rule.endswith(">document")
                # "urged both sides to show restraint": the sides of the fighting, whatever
                # pair the phrase resolved to (often the document's main pair, the caller's)
                or _pair_phrase(event.target)
            )
        }
        found = [e for e, _ in events]
        if calls:
            found = address_conflict_calls(
                found, calls, self.settings.lookback_sentences, governments
            )
        return found

    def _judged_by_document(
        self,
        judgements: list[tuple[Judgement, ArgumentFrame, list[PlaceMention], list[TimeMention]]],
        events: list[tuple[Event, Candidate]],
        published: str | None,
    ) -> list[tuple[Event, Candidate]]:
        """Events for judging words whose authors only the rest of the document tells."""
        found = [e for e, _ in events]
        for judgement, frame, places, times in judgements:
            for cand in self.speech.resolve([judgement], found):
                # told like any act of its sentence: "X said on Monday", "X said"
                said = cand.said_by if cand.said_by is not None else cand.match.head
                cand.reported_past = frame.reported_past(said)
                cand.timed_sentence = bool(times)
                event = self._build(frame, cand.sentence_index, cand, places, times, published)
                if event is not None:
                    events.append((event, cand))
        events.sort(key=lambda ec: (ec[0].sentence.index, ec[0].trigger.start))
        out: list[tuple[Event, Candidate]] = []
        for _, group in itertools.groupby(events, key=lambda ec: ec[0].sentence.index):
            out += self._dedupe(list(group))
        return out

    @staticmethod
    def _has_own_time(frame: ArgumentFrame, cand: Candidate, times: list[TimeMention]) -> bool:
        """Whether a time of the sentence can date this trigger (not only another one's:
        "the meeting was planned as reports said X will meet Y on Monday")."""
        doc, head = frame.doc, cand.match.head
        lo, hi = frame.segment(head)
        segment = (doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]))
        others = [doc[i].idx for i in cand.other_heads if i != head]
        if cand.argument_of is not None:
            return bool(_phrase_times(doc, head, times))
        times = without_other_nouns_times(doc, head, times)
        return bool(clause_times(times, doc[head].idx, segment, others))

    @staticmethod
    def _name_states(candidates: list[Candidate], governments: dict[str, str]) -> None:
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
        meeting = self.ontology[match.entry.type].meeting
        noun = self._noun_reading(frame, match)
        return frame.find(slot, match.token_ids, places, noun, meeting)

    @staticmethod
    def _noun_reading(frame: ArgumentFrame, match: TriggerMatch) -> bool:
        """The trigger reads as a noun in its sentence's parse."""
        return token_reading(frame.doc, match.head, match.last, match.entry.pos, frame.title_case)

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
    ) -> list[Candidate]:
        """One candidate per (source, target) pair the trigger's frame yields."""
        entry = match.entry
        event_type = self.ontology[entry.type]
        noun_reading = self._noun_reading(frame, match)
        src_found, tgt_found, passive = self._arguments(frame, match)
        sources = refs(src_found.groups, False) if src_found else []
        targets = refs(tgt_found.groups, entry.place_target) if tgt_found else []
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
            and not entry.need_target  # a target only its own slots name
        ):
            # the one other state of the trigger's own clause; never of other clauses
            # (other acts' participants)
            other = self._context_target(frame.clause_groups(match.head), sources)
            where = ">context"
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
                    targets = [(state_level(actor_ref(mention)), weight)]
                    rule += ">document"
        pairs, rule = self._pairs(
            event_type, sources, targets, rule, how,
            noun_reading
            and not frame.shares_subject(match.head)
            and not (src_found is not None and src_found.slot == "poss"),
        )  # fmt: skip
        one_sided_noun = noun_reading and (src_found is None or src_found.slot == "subject")
        # "X launched a wave of attacks": an act another mention may give the target of
        # (`inherit_targets`); kept for now, dropped if none does
        provisional = (
            noun_reading
            and not targets
            and (
                (event_type.referable and one_sided_noun)
                or (event_type.symmetric and event_type.dating == "repeat")
            )
            and src_found is not None
            and not entry.need_target
        )
        if (
            entry.need_target
            or (one_sided_noun and not provisional)
            or (event_type.symmetric and not self.settings.one_sided_symmetric and not provisional)
        ):
            # a meeting with nobody, or a noun whose own participants are not in the text,
            # is background, not a codable event
            pairs = [p for p in pairs if p[1] is not None]
        distance = max(
            src_found.distance if src_found else 0, tgt_found.distance if tgt_found else 0
        )
        dist_weight = 1.0 if distance <= 3 else 0.9 if distance <= 8 else 0.8
        place = tgt_found.groups[0].place if tgt_found else None
        out: list[Candidate] = []
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
                Candidate(
                    match, event_type, src_ref, tgt_ref, rule, confidence, index,
                    place if tgt_ref is not None else None,
                    contextual=rule.endswith(">context") and tgt_ref is not None,
                    explicit_source=bool(src_found and src_found.slot != "subject"),
                    verb_reading=not noun_reading,
                    absolute=bool(src_found and src_found.slot == "absolute")
                    or frame.in_absolute_phrase(match.head),
                    conflict_call=event_type.call and frame.calls_for_calm(match.last),
                    provisional=provisional and tgt_ref is None,
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
        groups: list[Group], sources: list[tuple[ActorRef, float]]
    ) -> tuple[ActorRef, float] | None:
        """The one state other than the source's that `groups` name, if just one (a
        media outlet is where something is said, never whom it is aimed at)."""
        own = {ref.country for ref, _ in sources}
        others: dict[str, ActorMention] = {}
        for group in groups:
            for mention in group.mentions:
                if mention.country and mention.country not in own and mention.sector != "MED":
                    others.setdefault(mention.country, mention)
        if len(others) != 1:
            return None
        mention = next(iter(others.values()))
        return state_level(actor_ref(mention)), 0.75 * HOW_WEIGHT.get(mention.how, 0.85)

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
        if tgt.country is None or same_actor(src, tgt):
            return False
        return not (src.country == tgt.country and not event_type.domestic)

    def _drop_act_contents(
        self, frame: ArgumentFrame, candidates: list[Candidate]
    ) -> list[Candidate]:
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
                act is not cand.match and head - act.last > 0 and frame.within(act.head, head)
                for act in acts
            )
            if inside and self._noun_reading(frame, cand.match) and not cand.explicit_source:
                continue
            kept.append(cand)
        return kept

    # ------------------------------------------------------------------ events
    def _build(
        self,
        frame: ArgumentFrame,
        index: int,
        cand: Candidate,
        places: list[PlaceMention],
        times: list[TimeMention],
        published: str | None,
    ) -> Event | None:
        if cand.confidence < self.settings.min_confidence:
            return None
        doc, sent, match = frame.doc, frame.sent, cand.match
        table = token_table(doc)  # doc[i] builds a Token object on every call
        head_idx, head_tag = table.idx[match.head], table.tag[match.head]
        # a judging word ("illegitimate") is an act as far as its speaker says it
        anchor = (match.head, match.last) if cand.said_by is None else (cand.said_by,) * 2
        modality = self.modality.classify(
            doc, sent.start, sent.end, anchor[0], anchor[1], cand.event_type.name
        )
        if modality == "asserted" and (cand.absolute or match.entry.stative):
            # "with Iran supplying drones", "the growing ties between X and Y": background
            # or a relationship's state, not an occurrence the report asserts
            modality = "generic"
        lo, hi = frame.segment(match.head)
        if cand.argument_of is not None:
            # "condemned the attacks on Monday": the day is the condemnation's; the
            # attacks keep only a time of their own phrase ("the June 13 attacks")
            # (with no time in the sentence, the lead's news default still applies to
            # a statement or meeting, not to a material act: the attacks a statement
            # condemns took place before it)
            material = cand.event_type.quad.startswith("material")
            published = None if times or material else published
            times = _phrase_times(doc, match.head, times)
        else:
            times = without_other_nouns_times(doc, match.head, times)
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
        purpose = purpose_span(doc, match.head)
        if (
            date is not None
            and date.text is not None
            and purpose is not None
            and not any(purpose[0] <= t.start < purpose[1] for t in times)
        ):
            # "arrived on Sunday to hold talks": the day is the arrival's; the talks keep
            # it, but it is no stated day of theirs to date other mentions by
            date = EventDate(date.value, date.precision, None)
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
            numbers=event_quantities(doc, match.head),
        )

    def _dedupe(self, items: list[tuple[Event, Candidate]]) -> list[tuple[Event, Candidate]]:
        """One event per (type, source, target) in a sentence: a verb's over a noun's (the
        clause asserts with its verb, a noun often only refers), then the most confident.
        (Sentences never span a line break: bullet points are sentences of their own.)
        """
        best: dict[tuple[str, ...], tuple[Event, Candidate]] = {}
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
                source=more_specific(winner.source, loser.source, loser.target),
                target=more_specific(winner.target, loser.target, loser.source),
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


def _pair_phrase(ref: ActorRef) -> bool:
    """Whether an actor was named by a phrase for two sides ("both sides")."""
    text = " ".join(ref.text.lower().split())
    phrases = load_actor_cues().pair_phrases
    return text in phrases or f"the {text}" in phrases


def _governing_trigger(
    doc: Doc, cand: Candidate, matches: Sequence[TriggerMatch], speakers: Collection[int] = ()
) -> int | None:
    """The trigger of another type whose argument a nominal trigger is, if any.

    In "Putin condemned the attacks on Iran" the attacks are what the condemnation is
    about; the times of the clause date the condemnation, not them. The verb that says a
    judgement (`speakers`: "Putin calls US strikes unprovoked") governs like a trigger.
    """
    noun = doc[cand.match.head]
    if not clauses.reads_as_noun(noun):
        return None
    others = {m.head for m in matches if m.entry.type != cand.event_type.name}
    if cand.said_by is None:
        others |= set(speakers)
    top = clauses.clause_head(noun)
    for ancestor in noun.ancestors:
        if ancestor.i in others:
            return ancestor.i
        if ancestor == top:
            break
    return None


def _phrase_times(doc: Doc, head: int, times: list[TimeMention]) -> list[TimeMention]:
    """The times inside a nominal trigger's own phrase ("the June 13 strikes on Iran")."""
    token = doc[head]
    start, end = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    return [t for t in times if start <= t.start and t.end <= end]
