"""Helpers for events tests: docs with hand-made actors, places and times.

The events component reads what the actors and timex stages wrote; these tests set
those by hand so that each case tests the event rules alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dyad.events.extract import EventExtractor
from dyad.model import ActorMention, Event, PlaceMention, TimeMention
from dyad.nlp import build_nlp

#: Surface form -> (canonical name, kind, country, sector, how). Real public facts.
ACTORS: dict[str, tuple[str, str, str, str | None, str]] = {
    "Russia": ("Russia", "state", "RUS", "GOV", "kb"),
    "Iran": ("Iran", "state", "IRN", "GOV", "kb"),
    "China": ("China", "state", "CHN", "GOV", "kb"),
    "Pakistan": ("Pakistan", "state", "PAK", "GOV", "kb"),
    "Israel": ("Israel", "state", "ISR", "GOV", "kb"),
    "Ukraine": ("Ukraine", "state", "UKR", "GOV", "kb"),
    "Turkey": ("Turkey", "state", "TUR", "GOV", "kb"),
    "India": ("India", "state", "IND", "GOV", "kb"),
    "France": ("France", "state", "FRA", "GOV", "kb"),
    "Japan": ("Japan", "state", "JPN", "GOV", "kb"),
    "the United States": ("United States", "state", "USA", "GOV", "kb"),
    "US": ("United States", "state", "USA", "GOV", "kb"),
    "Washington": ("United States", "state", "USA", "GOV", "metonym"),
    "the Kremlin": ("Russia", "state", "RUS", "GOV", "metonym"),
    "Beijing": ("China", "state", "CHN", "GOV", "metonym"),
    "Israeli": ("Israel", "state", "ISR", "GOV", "demonym"),
    "Russian": ("Russia", "state", "RUS", "GOV", "demonym"),
    "Iranian": ("Iran", "state", "IRN", "GOV", "demonym"),
    "Vladimir Putin": ("Vladimir Putin", "person", "RUS", "GOV", "kb"),
    "Putin": ("Vladimir Putin", "person", "RUS", "GOV", "kb"),
    "Sergey Lavrov": ("Sergey Lavrov", "person", "RUS", "GOV", "kb"),
    "Lavrov": ("Sergey Lavrov", "person", "RUS", "GOV", "kb"),
    "Abbas Araghchi": ("Abbas Araghchi", "person", "IRN", "GOV", "kb"),
    "Araghchi": ("Abbas Araghchi", "person", "IRN", "GOV", "kb"),
    "Wang Yi": ("Wang Yi", "person", "CHN", "GOV", "kb"),
    "Narendra Modi": ("Narendra Modi", "person", "IND", "GOV", "kb"),
    "Modi": ("Narendra Modi", "person", "IND", "GOV", "kb"),
    "Emmanuel Macron": ("Emmanuel Macron", "person", "FRA", "GOV", "kb"),
    "Macron": ("Emmanuel Macron", "person", "FRA", "GOV", "kb"),
    "Netanyahu": ("Benjamin Netanyahu", "person", "ISR", "GOV", "kb"),
    "Trump": ("Donald Trump", "person", "USA", "GOV", "kb"),
    "Erdogan": ("Recep Tayyip Erdogan", "person", "TUR", "GOV", "kb"),
    "the EU": ("EU", "organization", "IGO", "GOV", "kb"),
    "NATO": ("NATO", "organization", "IGO", "MIL", "kb"),
    "the UN": ("UN", "organization", "IGO", "GOV", "kb"),
    "the two countries": ("", "state", "", "GOV", "coref"),
}
PLACES: dict[str, tuple[str, str]] = {
    "Moscow": ("Moscow", "RUS"),
    "Tehran": ("Tehran", "IRN"),
    "Ankara": ("Ankara", "TUR"),
    "Kyiv": ("Kyiv", "UKR"),
    "New Delhi": ("New Delhi", "IND"),
    "Gaza": ("Gaza", "PSE"),
    "Geneva": ("Geneva", "CHE"),
}
TIMES: dict[str, tuple[str, str]] = {
    "on Monday": ("2025-06-23", "day"),
    "on Tuesday": ("2025-06-24", "day"),
    "next week": ("2025-W27", "week"),
    "in January": ("2025-01", "month"),
    "In January": ("2025-01", "month"),
    "on June 13": ("2025-06-13", "day"),
    "in 2018": ("2018", "year"),
    "on December 17": ("2025-12-17", "day"),
    "1951": ("1951", "year"),
}
PUBLISHED = "2025-06-23"


def _find_all(text: str, needle: str) -> list[int]:
    flags = re.IGNORECASE if needle.startswith("the ") else 0  # "The Kremlin" opens a sentence
    return [m.start() for m in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", text, flags)]


def annotate_by_hand(
    doc: Doc, places_as_actors: Sequence[str] = (), published: str | None = PUBLISHED
) -> Doc:
    """Set actors/places/times from the tables above, longest surface forms first.

    `places_as_actors` lists place names that this text uses as actors (metonymy:
    "Moscow condemned"), which the actors stage would decide.
    """
    text = doc.text
    taken: list[tuple[int, int]] = []
    actors: list[ActorMention] = []
    places: list[PlaceMention] = []
    times: list[TimeMention] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for surface in sorted(ACTORS, key=len, reverse=True):
        name, kind, country, sector, how = ACTORS[surface]
        for start in _find_all(text, surface):
            end = start + len(surface)
            if not free(start, end):
                continue
            taken.append((start, end))
            surface = text[start:end]
            if surface.lower() == "the two countries":
                for c, n in (("RUS", "Russia"), ("IRN", "Iran")):
                    actors.append(ActorMention(surface, start, end, n, kind, c, sector, how=how))
                continue
            actors.append(
                ActorMention(
                    surface, start, end, name, kind, country, sector, entity_id=name, how=how
                )
            )
    for surface, (name, country) in PLACES.items():
        for start in _find_all(text, surface):
            end = start + len(surface)
            if not free(start, end):
                continue
            taken.append((start, end))
            if surface in places_as_actors:
                actors.append(
                    ActorMention(
                        surface,
                        start,
                        end,
                        name,
                        "state",
                        country,
                        "GOV",
                        entity_id=country,
                        how="metonym",
                    )
                )
            else:
                places.append(PlaceMention(surface, start, end, name, country))
    for surface, (value, precision) in TIMES.items():
        for start in _find_all(text, surface):
            times.append(TimeMention(surface, start, start + len(surface), value, precision))
    doc._.actors = sorted(actors, key=lambda a: a.start)
    doc._.places = sorted(places, key=lambda p: p.start)
    doc._.times = sorted(times, key=lambda t: t.start)
    doc._.published = published
    return doc


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_nlp(components=[])


@pytest.fixture(scope="session")
def extractor() -> EventExtractor:
    return EventExtractor()


@pytest.fixture(scope="session")
def extract(nlp: Language, extractor: EventExtractor) -> Callable[..., list[Event]]:
    """text -> events, with actors, places and times set by hand."""

    def run(
        text: str, places_as_actors: Sequence[str] = (), published: str | None = PUBLISHED
    ) -> list[Event]:
        doc = annotate_by_hand(nlp(text), places_as_actors, published)
        return extractor.match(doc)

    return run


def _triples(events: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {
        (e.type, e.source.country if e.source else None, e.target.country if e.target else None)
        for e in events
    }


@pytest.fixture(scope="session")
def triples() -> Callable[[list[Event]], set[tuple[str, str | None, str | None]]]:
    """events -> {(type, source country, target country)}."""
    return _triples
