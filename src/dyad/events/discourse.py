"""Document-level passes over extracted events: shared dates, who a call for calm addresses.

Mentions of one dated event ("the visit", "the recent summit") share its date.

"Trump called for a ceasefire" names no addressee, yet news means the parties of the
conflict the story is about. A call whose content is a ceasefire, a truce, restraint or
de-escalation (the words are data: `conflict_calls` in `data/grammar.yaml`), and whose
target was only guessed, is addressed to the two sides of an attack the document reports:
the nearest one before it, else the pair the document reports fighting most often.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import replace

from dyad.events.ontology import Ontology
from dyad.model import ActorRef, Event, EventDate

#: The event type whose two sides a call for calm addresses.
CONFLICT_TYPE = "ASSAULT"


def event_id(sentence_start: int, trigger_start: int, type_: str, src: str, tgt: str) -> str:
    """Stable id of an event: a hash of where it is and what it codes."""
    key = f"{sentence_start}:{trigger_start}:{type_}:{src}:{tgt}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _state(ref: ActorRef, governments: dict[str, str]) -> ActorRef:
    """The state behind a party's mention (the addressee is the country, not one official)."""
    return ActorRef(
        text=ref.text, name=governments.get(ref.country or ""), country=ref.country,
        sector="GOV", entity_id=f"state:{ref.country}", start=ref.start, end=ref.end,
    )  # fmt: skip


def _parties(event: Event) -> tuple[ActorRef, ...]:
    return tuple(ref for ref in (event.source, event.target) if ref is not None and ref.country)


def _conflict_parties(events: Sequence[Event], index: int, lookback: int) -> tuple[ActorRef, ...]:
    """The two sides of the attack nearest before event `index` (within `lookback`
    sentences), else of the pair the document reports fighting most often."""
    here = events[index].sentence.index
    for event in reversed([e for e in events if e.sentence.index <= here]):
        if here - event.sentence.index > lookback:
            break
        if event.type == CONFLICT_TYPE and len(_parties(event)) == 2:
            return _parties(event)
    pairs = Counter(
        frozenset(r.country for r in _parties(e))
        for e in events
        if e.type == CONFLICT_TYPE and len(_parties(e)) == 2
    )
    if not pairs:
        return ()
    best = pairs.most_common(1)[0][0]
    first = next(e for e in events if frozenset(r.country for r in _parties(e)) == best)
    return _parties(first)


def address_conflict_calls(
    events: list[Event], calls: set[int], lookback: int, governments: dict[str, str]
) -> list[Event]:
    """Events with each call in `calls` (indices) re-addressed to a conflict's parties:
    one event per party other than the caller, in text order (`governments` names each
    state's government, as the document spells it)."""
    out: list[Event] = []
    seen: set[str] = set()
    for i, event in enumerate(events):
        parties = _conflict_parties(events, i, lookback) if i in calls else ()
        own = event.source.country if event.source else None
        addressees = [p for p in parties if p.country != own]
        if not addressees:
            out.append(event)
            continue
        for party in addressees:
            country = party.country or ""
            new_id = event_id(
                event.sentence.start, event.trigger.start, event.type, own or "", country
            )
            if new_id in seen:
                continue  # "both sides" gave the call twice: once per side is enough
            seen.add(new_id)
            out.append(
                replace(
                    event,
                    target=_state(party, governments),
                    id=new_id,
                    rule=f"{event.rule or ''}/parties",
                )
            )
    return out


def event_key(event: Event, symmetric: bool) -> tuple[str, ...]:
    """(type, source country, target country); the pair unordered for symmetric types."""
    src = event.source.country if event.source else ""
    tgt = event.target.country if event.target else ""
    pair = tuple(sorted((src or "", tgt or ""))) if symmetric else (src or "", tgt or "")
    return (event.type, *pair)


def _people(event: Event) -> tuple[str | None, str | None]:
    """The named persons of an event (entity ids) as (source, target), the side of the
    lower country code first, so that a symmetric act's two mentions compare."""
    sides = [
        ref.entity_id if ref and ref.entity_id and ref.entity_id.startswith("person:") else None
        for ref in (event.source, event.target)
    ]
    countries = [ref.country if ref else None for ref in (event.source, event.target)]
    if (countries[1] or "") < (countries[0] or ""):
        sides.reverse()
    return sides[0], sides[1]


def same_people(a: Event, b: Event) -> bool:
    """Whether two mentions of one (type, pair) may report one act: on each side, one of
    them names no person, or both name the same one ("Putin and Pezeshkian met" is not
    the foreign ministers' meeting, though both are Russia meeting Iran)."""
    return all(
        x is None or y is None or x == y for x, y in zip(_people(a), _people(b), strict=True)
    )


def _may_date(anchor: Event, event: Event) -> bool:
    """Whether a dated mention may date an undated one of its act: one of the same people
    (`same_people`); from a later sentence, one that also names a person the mention
    names, or names no one ("ahead of the meeting ... including meetings between the
    presidents on December 12": the presidents' meeting is not surely the one the report
    leads with)."""
    if not same_people(anchor, event):
        return False
    if anchor.sentence.index <= event.sentence.index:
        return True
    return not any(_people(anchor)) or shares_person(anchor, event)


def shares_person(a: Event, b: Event) -> bool:
    """Whether two mentions name one person in common, on either side."""
    named = set(_people(a)) - {None}
    return bool(named & set(_people(b)))


def propagate_dates(
    events: list[Event], timed: Sequence[bool], types: Collection[str]
) -> list[Event]:
    """Events where later undated mentions of one dated event of `types` share its date.

    The anchor of an asserted (type, pair) is its first mention dated by a time
    expression; without one, its first mention dated by the publication date, which
    then only dates later mentions; in both, only a mention of the same people
    (`same_people`). A mention whose sentence has a time of its own
    (`timed`, by index), even an unanchored one, keeps what it has.
    """
    anchors: dict[tuple[str, ...], list[Event]] = {}
    fallback: dict[tuple[str, ...], list[Event]] = {}
    for event in events:
        dated = event.date is not None and event.date.text is not None
        if event.modality == "asserted" and event.target is not None and dated:
            anchors.setdefault(event_key(event, True), []).append(event)
    out = list(events)
    for i, event in enumerate(events):
        if event.modality != "asserted" or event.target is None:
            continue
        key = event_key(event, True)
        if event.date is not None and event.date.text is not None:
            continue
        # the first dated mention of the act; an act of other named people is another act
        origin = next((a for a in anchors.get(key, ()) if _may_date(a, event)), None)
        if origin is None:
            if event.date is not None:
                fallback.setdefault(key, []).append(event)
                continue
            origin = next((a for a in fallback.get(key, ()) if same_people(a, event)), None)
        if origin is None or origin is event or event.type not in types or timed[i]:
            continue
        out[i] = replace(
            event,
            date=EventDate(origin.date.value, origin.date.precision, None) if origin.date else None,
            location=event.location or (origin.location if event.mode == origin.mode else None),
        )
    return out


def date_statements(
    events: list[Event],
    timed: Sequence[bool],
    statement_types: frozenset[str],
    occasion_types: frozenset[str],
    published: str | None,
) -> list[Event]:
    """Undated asserted statements dated by the occasion the report covers.

    A statement told in the simple past with no time of its own ("Putin said", "X
    condemned") is news of the occasion the report is about: the first meeting
    (`occasion_types`) the document dates with a time expression, else the day of
    publication. `timed[i]` marks the events this does not apply to (a time of their own,
    or background tenses).
    """
    occasion: EventDate | None = next(
        (
            e.date
            for e in events
            if e.type in occasion_types
            and e.modality == "asserted"
            and e.date is not None
            and e.date.text is not None
            and e.date.precision == "day"
        ),
        None,
    )
    dated_occasion = occasion is not None
    if occasion is None and published:
        occasion = EventDate(value=published, precision="day", text=None)
    if occasion is None:
        return events
    return [
        replace(e, date=EventDate(occasion.value, occasion.precision, None))
        if e.type in statement_types
        and e.modality == "asserted"
        # undated, or dated only by the guess that a lead reports the day's news
        and (e.date is None or (dated_occasion and e.date.text is None))
        and not timed[i]
        else e
        for i, e in enumerate(events)
    ]


def guessed_target(event: Event) -> bool:
    """Whether no slot of the event's own trigger named its target."""
    return event.target is None or (event.rule or "").endswith((">document", ">context"))


def retaliation_targets(
    events: list[Event], guessed: Sequence[bool], words: frozenset[str]
) -> list[Event]:
    """A retaliation ("responded with retaliatory strikes", "hit back with missiles")
    whose target no slot named (`guessed`, by index, taken before other mentions lent
    targets) is aimed at whoever last attacked its author in the document, not at the
    document's most named state."""
    out = list(events)
    for i, event in enumerate(events):
        said = set(event.trigger.text.lower().split())
        if event.source is None or not guessed[i] or said.isdisjoint(words):
            continue
        own = event.source.country
        attacker = next(
            (
                e.source
                for e in reversed(events[:i])
                if e.type == event.type
                and e.modality == "asserted"
                and e.source is not None
                and e.target is not None
                and e.target.country == own
                and e.source.country != own
            ),
            None,
        )
        if attacker is not None:
            out[i] = replace(event, target=attacker, rule=f"{event.rule}>retaliation")
    return out


def inherit_targets(events: list[Event], types: frozenset[str], ontology: Ontology) -> list[Event]:
    """Mentions of an act that name its author but not its target ("the US strikes",
    "his visit") take the target another mention of the same act in the document names
    ("the US strikes on Iran", "Pezeshkian's visit to Moscow"): the nearest earlier one,
    else the nearest later one; for a symmetric act the other side of either order."""
    out = list(events)
    for i, event in enumerate(events):
        if event.type not in types or event.target is not None or event.source is None:
            continue
        symmetric = ontology[event.type].symmetric
        own = event.source.country
        others: list[Event] = []
        for e in (*reversed(events[:i]), *events[i + 1 :]):
            if e.type != event.type or e.target is None or e.source is None:
                continue
            if e.source.country == own and e.target.country != own:
                others.append(e)
            elif symmetric and e.target.country == own and e.source.country != own:
                others.append(replace(e, target=e.source))
        if symmetric:
            if others:
                out[i] = replace(event, target=others[0].target)
            continue
        if not others:
            # no other mention of this author's act names its target: the target the
            # document's acts of this type hit most ("the strikes" in a report of strikes
            # on one country)
            hit = Counter(
                e.target.country
                for e in events
                if e.type == event.type
                and e.target is not None
                and e.target.country
                and e.target.country != event.source.country
            )
            if hit:
                most = hit.most_common(1)[0][0]
                others = [
                    e
                    for e in events
                    if e.type == event.type and e.target is not None and e.target.country == most
                ][:1]
        if not others:
            # the one who attacked this author ("Israel struck Iran. Tehran responded with
            # strikes."): an exchange of fire
            attackers = [
                e
                for e in events
                if e.type == event.type
                and e.source is not None
                and e.target is not None
                and e.target.country == event.source.country
                and e.source.country != event.source.country
            ]
            if attackers:
                source = attackers[0].source
                assert source is not None
                out[i] = replace(event, target=source)
                continue
        if others:
            out[i] = replace(event, target=others[0].target)
    return out
