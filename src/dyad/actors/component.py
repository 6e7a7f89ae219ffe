"""The `dyad_actors` spaCy component: recognise, resolve and link actors in a document.

Follows "match, then annotate": `match(doc)` returns plain values (mentions, places,
flags) and can be tested alone; `set_annotations(doc, matches)` writes them to
`doc._.actors`, `doc._.places` and `doc._.flags`. The knowledge base, the cue lists and
the phrase matcher are built once, when the component is created.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from dyad.actors.coref import Coref
from dyad.actors.cues import load_cues
from dyad.actors.entities import EntityReader, recognize_entities
from dyad.actors.kb import KnowledgeBase, load_kb
from dyad.actors.parse import WordClasses
from dyad.actors.recognize import Recognizer
from dyad.actors.resolve import Resolver
from dyad.model import ActorMention, Flag, PlaceMention
from dyad.nlp.extensions import get_list, register_extensions


@dataclass
class ActorMatches:
    """Everything `dyad_actors` found in one document, before it is written to the Doc."""

    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


@Language.factory(
    "dyad_actors",
    assigns=["doc._.actors", "doc._.places", "doc._.flags"],
    default_config={"actors_files": [], "data_dir": None},
)
def make_dyad_actors(
    nlp: Language, name: str, actors_files: list[str], data_dir: str | None
) -> ActorsComponent:
    """Build the component; `actors_files` are user YAML files layered on the packaged KB."""
    kb = load_kb(actors_files, Path(data_dir) if data_dir else None)
    return ActorsComponent(nlp, kb, WordClasses.from_nlp(nlp))


class ActorsComponent:
    """Finds actor mentions, places and anachronisms; see the module docstring."""

    def __init__(self, nlp: Language, kb: KnowledgeBase, words: WordClasses) -> None:
        register_extensions()
        cues = load_cues()
        self.kb = kb
        self.recognizer = Recognizer(nlp.vocab, nlp.make_doc, kb, cues)
        self.resolver = Resolver(kb, cues, words)
        self.entities = EntityReader(kb, cues, self.resolver, words)
        self.coref = Coref(kb, cues)
        # the model's NER, when the pipeline keeps it aside to run where it pays
        self.ner = (
            nlp.get_pipe("ner")
            if "ner" in nlp.component_names and "ner" not in nlp.pipe_names
            else None
        )

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> ActorMatches:
        """Resolve every actor mention and place in the document, in plain values."""
        on = doc._.published
        matches = self.recognizer.match(doc)
        found = self.resolver.resolve(doc, matches, on)
        if self.ner is not None and not doc.has_annotation("ENT_IOB"):
            recognize_entities(doc, self.ner, self.entities.unknown_name_sentences(doc, found))
        self.entities.read(doc, matches, found)
        extra = self.coref.resolve(doc, found, on)
        actors = sorted(found.actors + extra, key=lambda a: (a.start, a.end, a.name))
        return ActorMatches(actors=actors, places=found.places, flags=found.flags)

    def set_annotations(self, doc: Doc, matches: ActorMatches) -> None:
        """Write the matches to `doc._.actors`, `doc._.places` and `doc._.flags`."""
        get_list(doc, "actors").extend(matches.actors)
        get_list(doc, "places").extend(matches.places)
        get_list(doc, "flags").extend(matches.flags)
