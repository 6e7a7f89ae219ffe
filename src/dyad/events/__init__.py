"""PLOVER event extraction: ontology, trigger lexicon (data), arguments, modality.

The spaCy component `dyad_events` (see `component.py`) finds trigger words in each
sentence, fills their argument slots from the dependency parse (`arguments.py`, through
the clause layer `dyad.nlp.clauses`) with the actors `dyad_actors` found, resolves speech
acts about other acts (`speech.py`), labels modality from the tree, attaches a date and a
place, and writes `doc._.events`.
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
