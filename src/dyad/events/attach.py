"""Attach a date and a place to an event from what the timex and actors stages found.

The date is the temporal expression of the sentence nearest to the trigger (a range
gives its start). With none, the publication date is used only when the event is plainly
the report's news: asserted, past, in the lead, and no other time in the sentence.
Otherwise the date stays unknown: never a guess dressed as a fact.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from dyad.events.grammar import load_grammar
from dyad.model import EventDate, Location, PlaceMention, TimeMention
from dyad.nlp.tokens import token_table

_VALUE = re.compile(r"^\d{4}(-W\d{2}|-\d{2}(-\d{2})?)?$")
_PAST_TAGS = frozenset({"VBD", "VBN", "NN", "NNS", "NNP", "NNPS"})


def precision_of(value: str) -> str:
    """TIMEX3 value -> day, month, week or year."""
    if "-W" in value:
        return "week"
    return {4: "year", 7: "month"}.get(len(value), "day")


def start_of(value: str) -> str | None:
    """The start of a value; "2025-06-13/2025-06-15" gives "2025-06-13"."""
    first = value.split("/")[0].strip()
    return first if _VALUE.match(first) else None


def nearest_time(times: list[TimeMention], trigger_start: int) -> TimeMention | None:
    """The anchored time mention whose span is closest to the trigger."""
    best: TimeMention | None = None
    best_distance = 0
    for time in times:
        if time.value is None or start_of(time.value) is None:
            continue
        distance = min(abs(time.start - trigger_start), abs(time.end - trigger_start))
        if best is None or distance < best_distance:
            best, best_distance = time, distance
    return best


def clause_times(
    times: list[TimeMention],
    trigger_start: int,
    segment: tuple[int, int],
    others: list[int] = (),  # type: ignore[assignment]
) -> list[TimeMention]:
    """Times that can date the trigger: those of its own clause (`segment`, characters),
    else any other with no other trigger (`others`, character offsets) between them: in
    "the meeting was planned, as reports said Netanyahu will meet Trump on Monday" the
    Monday is the second meeting's."""
    own = [t for t in times if t.start < segment[1] and t.end > segment[0]]
    if own:
        return own
    return [
        t
        for t in times
        if not any(min(t.start, trigger_start) < o < max(t.end, trigger_start) for o in others)
    ]


def event_date(
    times: list[TimeMention],
    trigger_start: int,
    published: str | None,
    *,
    modality: str,
    in_lead: bool,
    past: bool,
    segment: tuple[int, int] | None = None,
    others: list[int] = (),  # type: ignore[assignment]
) -> EventDate | None:
    """The date of an event from the times of its sentence, or the publication date."""
    usable = clause_times(times, trigger_start, segment, others) if segment else times
    time = nearest_time(usable, trigger_start)
    if time is not None and time.value is not None:
        value = start_of(time.value)
        assert value is not None
        precision = time.precision if "/" not in time.value and time.precision else None
        return EventDate(value=value, precision=precision or precision_of(value), text=time.text)
    if published and not times and modality == "asserted" and in_lead and past:
        return EventDate(value=published, precision="day", text=None)
    return None


def without_other_nouns_times(doc: Doc, head: int, times: list[TimeMention]) -> list[TimeMention]:
    """The times, less those a clause modifying another noun holds: "discussed the
    session scheduled for February" (February is the session's), "met Araghchi, who
    arrived on Sunday" (the arrival's). A clause modifying the trigger itself ("talks
    held on Monday") or holding it keeps its times."""
    return [t for t in times if not _held_by_other_noun(doc, head, t)]


def _held_by_other_noun(doc: Doc, head: int, time: TimeMention) -> bool:
    span = token_table(doc).expand(time.start, time.end)
    if span is None:
        return False
    node = doc[span[0] : span[1]].root
    while node.i != head and node.head.i != node.i:
        if node.dep_ in ("acl", "relcl") and node.head.pos_ in ("NOUN", "PROPN", "PRON"):
            holds_trigger = node.left_edge.i <= head <= node.right_edge.i
            return node.head.i != head and not holds_trigger
        node = node.head
    return False


def purpose_span(doc: Doc, head: int) -> tuple[int, int] | None:
    """The characters of the purpose clause the trigger stands in ("arrived on Sunday to
    hold talks": "to hold talks"), if it stands in one: an infinitive adverbial or
    complement clause with no subject of its own."""
    node = doc[head]
    for _ in range(4):
        kids = list(node.children)
        if (
            node.dep_ in ("advcl", "xcomp")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids)
        ):
            end = node.right_edge
            return node.left_edge.idx, end.idx + len(end)
        if node.head.i == node.i or node.pos_ in ("VERB", "AUX"):
            return None
        node = node.head
    return None


def names_a_thing(doc: Doc, time: TimeMention) -> bool:
    """A bare year used as a modifier ("the 1951 treaty", "its 2015 deal"), a time in the
    possessive ("Monday's vote") or the period a thing covers ("a programme for 2026-2028")
    names which thing is meant; it does not date the event the sentence reports."""
    table = token_table(doc)
    span = table.expand(time.start, time.end)
    if span is not None and span[1] < len(doc) and table.lower[span[1]] in ("'s", "’s"):
        return True  # "Monday's inauguration": the day of another event, named
    if span is not None and _covered_period(doc[span[0] : span[1]].root):
        return True
    if not time.text.isdigit():
        return False
    if span is None or span[0] == 0 or span[1] >= len(doc):
        return False
    return table.tag[span[0] - 1] in ("DT", "PRP$", "POS") and table.is_alpha[span[1]]


def _covered_period(root: Token) -> bool:
    """ "A programme for 2026-2028", "signed a plan for next year", "a plan covering
    2026": the period a thing covers, not when the act took place; except the day a
    scheduling verb gives ("talks were set for Thursday")."""
    grammar = load_grammar()
    host = root.head
    if root.dep_ == "pobj" and host.lower_ in grammar.period_words:
        owner = host.head
        if owner.pos_ in ("NOUN", "PROPN"):
            return True
        return owner.pos_ == "VERB" and owner.lemma_ not in grammar.scheduling_verbs
    return root.dep_ == "dobj" and host.lemma_ in grammar.period_words and host.dep_ == "acl"


def is_past(doc: Doc, head: int) -> bool:
    """A trigger reported as done: a past-tense verb, or a noun (its verb decides little)."""
    return token_table(doc).tag[head] in _PAST_TAGS


def event_place(
    doc: Doc, places: list[PlaceMention], head: int, last: int, window: int = 10
) -> PlaceMention | None:
    """A place after "in"/"at" near the trigger, in the same sentence."""
    best: PlaceMention | None = None
    best_distance = window + 1
    table = token_table(doc)
    # Only places within the window can win: a character test is enough to pass over the
    # others, so a long sentence full of places costs places x events comparisons only.
    low = table.idx[max(0, head - window - 1)]
    high = table.end[min(len(table.idx) - 1, last + window + 1)]
    for place in places:
        if place.end < low or place.start > high:
            continue
        span = table.expand(place.start, place.end)  # doc.char_span(..., "expand")
        if span is None or span[0] == 0:
            continue
        if table.lower[span[0] - 1] not in load_grammar().place_prepositions:
            continue
        distance = span[0] - last if span[0] > last else head - span[1]
        if 0 <= distance < best_distance:
            best, best_distance = place, distance
    return best


def location_of(place: PlaceMention) -> Location:
    return Location(text=place.text, name=place.name, country=place.country)
