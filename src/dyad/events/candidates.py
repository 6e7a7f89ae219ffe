"""An event under construction, and the actor references it is built from.

Shared by the extractor (`extract.py`) and the speech-act rules (`speech.py`).
"""

from __future__ import annotations

from dataclasses import dataclass

from dyad.events.arguments import Group
from dyad.events.lexicon import TriggerMatch
from dyad.events.ontology import EventType
from dyad.model import ActorMention, ActorRef, PlaceMention

#: How much an actor's resolution is trusted, by `ActorMention.how`.
HOW_WEIGHT = {
    "kb": 1.0, "title": 0.95, "metonym": 0.95, "role": 0.9, "demonym": 0.9, "model": 0.85,
    "coref": 0.8, "place": 0.85,
}  # fmt: skip


@dataclass
class Candidate:
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
    argument_of: int | None = None  # a trigger of another type whose argument this noun is
    timed_sentence: bool = False  # the sentence has a time expression, usable or not
    reported_past: bool = False  # told in the simple past ("said", "condemned"): news
    conflict_call: bool = False  # a call for a ceasefire, restraint, de-escalation
    provisional: bool = False  # an act with no target yet: kept if another mention has one
    said_by: int | None = None  # the verb that says a judging word: its modality is the act's


def actor_ref(mention: ActorMention) -> ActorRef:
    return mention.ref()


def place_ref(place: PlaceMention) -> ActorRef:
    """A place standing for its state ("a visit to Moscow" is a visit to Russia); the
    government's name is filled in per document (`_name_states`)."""
    return ActorRef(
        text=place.text, country=place.country, sector="GOV",
        entity_id=f"state:{place.country}", start=place.start, end=place.end,
    )  # fmt: skip


def more_specific(ref: ActorRef | None, *others: ActorRef | None) -> ActorRef | None:
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


def state_level(ref: ActorRef) -> ActorRef:
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


def refs(groups: tuple[Group, ...], allow_places: bool) -> list[Ref]:
    """Actor references of the groups, each with the trust its resolution deserves."""
    out: list[tuple[ActorRef, float]] = []
    for group in groups:
        if group.place is not None:
            if allow_places and group.place.country:
                out.append((place_ref(group.place), HOW_WEIGHT["place"]))
            continue
        for mention in group.mentions:
            out.append((actor_ref(mention), HOW_WEIGHT.get(mention.how, 0.85)))
    return out


def same_actor(a: ActorRef, b: ActorRef) -> bool:
    if a.entity_id and b.entity_id:
        return a.entity_id == b.entity_id
    if a.name and b.name:
        return (a.name, a.country) == (b.name, b.country)
    return a.start == b.start and a.end == b.end
