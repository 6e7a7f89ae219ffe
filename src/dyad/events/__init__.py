"""PLOVER event extraction: ontology, trigger lexicon (data), argument frames, modality.

The spaCy component `dyad_events` (see `component.py`) finds trigger words in each
sentence, picks source and target from the actors the `dyad_actors` component found,
labels modality, attaches a date and a place, and writes `doc._.events`.
"""

from dyad.events.extract import EventExtractor, ExtractSettings
from dyad.events.lexicon import TriggerEntry, TriggerLexicon, load_lexicon
from dyad.events.ontology import EventType, Ontology, load_ontology

__all__ = [
    "EventExtractor",
    "EventType",
    "ExtractSettings",
    "Ontology",
    "TriggerEntry",
    "TriggerLexicon",
    "load_lexicon",
    "load_ontology",
]
