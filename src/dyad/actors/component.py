"""The `dyad_actors` spaCy component: recognise, resolve and link actors in a document.

Follows "match, then annotate": `match(doc)` returns plain values (mentions, places,
flags) and can be tested alone; `set_annotations(doc, matches)` writes them to
`doc._.actors`, `doc._.places` and `doc._.flags`. The knowledge base, the cue lists and
the phrase matcher are built once, when the component is created.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from dyad.actors.coref import Coref
from dyad.actors.cues import load_cues
from dyad.actors.kb import KnowledgeBase, load_kb
from dyad.actors.recognize import Recognizer
from dyad.actors.resolve import Resolver, slug
from dyad.model import ActorMention, Flag, PlaceMention
from dyad.nlp.extensions import get_list, register_extensions

#: Tags a lowercase word may have in the tagger's lexicon and still start a name ("Mark").
_NAME_TAGS = ("NN", "NNP", "NNS", "NNPS", "FW")
#: Entity labels of trained spaCy models that can name an actor dyad does not know.
_MODEL_KINDS = {"PERSON": "person", "ORG": "organization"}


@dataclass
class ActorMatches:
    """Everything `dyad_actors` found in one document, before it is written to the Doc."""

    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


def _name_word_check() -> Callable[[str, bool], bool]:
    """A capitalised word can be part of a name unless the tagger's lexicon knows it as
    another part of speech ("Just", "Left", "Said" in a Title-Case headline are not names);
    strictly, unless the lexicon knows it at all ("the Zangezur Corridor" is no person)."""
    from textblob.en import lexicon

    def is_name_word(lower: str, strict: bool) -> bool:
        tag = lexicon.get(lower)
        return tag is None or (not strict and tag in _NAME_TAGS)

    return is_name_word


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
    return ActorsComponent(nlp, kb)


class ActorsComponent:
    """Finds actor mentions, places and anachronisms; see the module docstring."""

    def __init__(self, nlp: Language, kb: KnowledgeBase) -> None:
        register_extensions()
        cues = load_cues()
        self.kb = kb
        self.recognizer = Recognizer(nlp.vocab, nlp.make_doc, kb, cues)
        self.resolver = Resolver(kb, cues, _name_word_check())
        self.coref = Coref(kb, cues)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> ActorMatches:
        """Resolve every actor mention and place in the document, in plain values."""
        on = doc._.published
        matches = self.recognizer.match(doc)
        found = self.resolver.resolve(doc, matches, on)
        extra = self.coref.resolve(doc, found, on)
        extra += self._model_entities(doc, found.actors + extra)
        actors = sorted(found.actors + extra, key=lambda a: (a.start, a.end, a.name))
        return ActorMatches(actors=actors, places=found.places, flags=found.flags)

    @staticmethod
    def _model_entities(doc: Doc, known: list[ActorMention]) -> list[ActorMention]:
        """PERSON/ORG entities of a trained model that nothing else explains (how="model")."""
        if not doc.ents:
            return []
        taken = sorted((a.start, a.end) for a in known)
        out = []
        for ent in doc.ents:
            kind = _MODEL_KINDS.get(ent.label_)
            s, e = ent.start_char, ent.end_char
            if kind is None or any(a < e and s < b for a, b in taken):
                continue
            out.append(
                ActorMention(
                    text=ent.text,
                    start=s,
                    end=e,
                    name=ent.text,
                    kind=kind,
                    entity_id=f"new:{slug(ent.text)}",
                    how="model",
                )
            )
        return out

    def set_annotations(self, doc: Doc, matches: ActorMatches) -> None:
        """Write the matches to `doc._.actors`, `doc._.places` and `doc._.flags`."""
        get_list(doc, "actors").extend(matches.actors)
        get_list(doc, "places").extend(matches.places)
        get_list(doc, "flags").extend(matches.flags)
