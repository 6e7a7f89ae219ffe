"""The `dyad_events` spaCy component: match triggers and arguments, then set `doc._.events`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyad.events.extract import EventExtractor, ExtractSettings
from dyad.model import Event
from dyad.nlp.extensions import get_list


@Language.factory(
    "dyad_events",
    assigns=["doc._.events"],
    requires=["doc._.actors"],
    default_config={
        "lead_sentences": 3,
        "min_confidence": 0.0,
        "require_source": True,
        "propagate_dates": True,
        "lookback_sentences": 4,
        "one_sided_symmetric": False,
        "document_target": True,
        "triggers_path": None,
        "ontology_path": None,
        "modality_path": None,
    },
)
def make_events_component(
    nlp: Language,
    name: str,
    lead_sentences: int,
    min_confidence: float,
    require_source: bool,
    propagate_dates: bool,
    lookback_sentences: int,
    one_sided_symmetric: bool,
    document_target: bool,
    triggers_path: str | None,
    ontology_path: str | None,
    modality_path: str | None,
) -> EventsComponent:
    """Build the component; data files are loaded (and validated) once, here."""
    settings = ExtractSettings(
        lead_sentences=lead_sentences,
        min_confidence=min_confidence,
        require_source=require_source,
        propagate_dates=propagate_dates,
        lookback_sentences=lookback_sentences,
        one_sided_symmetric=one_sided_symmetric,
        document_target=document_target,
        triggers_path=triggers_path,
        ontology_path=ontology_path,
        modality_path=modality_path,
    )
    return EventsComponent(name, EventExtractor(settings))


class EventsComponent:
    """Writes the PLOVER events of a document to `doc._.events`."""

    def __init__(self, name: str, extractor: EventExtractor) -> None:
        self.name = name
        self.extractor = extractor

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Event]:
        """The events of `doc`, without touching it."""
        return self.extractor.match(doc)

    def set_annotations(self, doc: Doc, events: list[Event]) -> None:
        events_list = get_list(doc, "events")
        events_list.extend(events)
