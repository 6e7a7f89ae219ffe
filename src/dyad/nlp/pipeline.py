"""Build the spaCy `Language` that annotates a cleaned document.

A blank English pipeline (no model weights needed) with dyad's own sentence splitter and
tagger, followed by whichever `dyad_*` extraction components are installed. A user with a
trained spaCy model may pass its name; its parser and NER then run first and the dyad
components use what they provide.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dyad.model import Document
from dyad.nlp import sentences as _sentences  # noqa: F401  (registers dyad_sentences)
from dyad.nlp import tagger as _tagger  # noqa: F401  (registers dyad_tagger)
from dyad.nlp.extensions import register_extensions

#: The extraction components, in pipeline order. A name whose module is missing is skipped.
EXTRACTION_COMPONENTS: tuple[tuple[str, str], ...] = (
    ("dyad_actors", "dyad.actors.component"),
    ("dyad_timex", "dyad.timex.component"),
    ("dyad_events", "dyad.events.component"),
    ("dyad_quotes", "dyad.quotes.component"),
)


def build_nlp(
    spacy_model: str | None = None,
    components: Sequence[str] | None = None,
    component_config: dict[str, dict[str, Any]] | None = None,
) -> Language:
    """Return the annotation pipeline.

    Args:
        spacy_model: name of an installed trained spaCy model to start from, or None for
            a blank English pipeline.
        components: extraction components to add (default: all that are importable).
        component_config: per-component config dicts, keyed by component name.

    Raises:
        ValueError: the named spaCy model is not installed.
    """
    import importlib

    register_extensions()
    if spacy_model:
        try:
            nlp = spacy.load(spacy_model, exclude=["lemmatizer"])
        except OSError as exc:
            raise ValueError(
                f"spaCy model {spacy_model!r} is not installed; install it with pip, "
                "or leave out --spacy-model to use dyad's built-in rules"
            ) from exc
    else:
        nlp = spacy.blank("en")
    nlp.max_length = 5_000_000
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("dyad_sentences", first=True)
    if "tagger" not in nlp.pipe_names:
        nlp.add_pipe("dyad_tagger")
    wanted = set(components) if components is not None else None
    config = component_config or {}
    for name, module in EXTRACTION_COMPONENTS:
        if wanted is not None and name not in wanted:
            continue
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name and module.startswith(exc.name):
                continue  # stage not built yet
            raise
        nlp.add_pipe(name, config=config.get(name, {}))
    return nlp


def make_doc(nlp: Language, document: Document) -> Doc:
    """Tokenize a cleaned document and attach the metadata the components need."""
    doc = nlp.make_doc(document.text)
    doc._.published = document.published
    doc._.dyad_doc = document
    return doc
