"""Shared fixtures: a pipeline over the small test knowledge base in fixtures/kb."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dyad.model import Document
from dyad.nlp import build_nlp, make_doc

FIXTURE_KB = Path(__file__).resolve().parent / "fixtures" / "kb"


def check_offsets(doc: Doc) -> None:
    """Every mention, place and flag must point at its own text."""
    for item in [*(doc._.actors or []), *(doc._.places or [])]:
        assert doc.text[item.start : item.end] == item.text, item
    for flag in doc._.flags or []:
        assert flag.start is not None and flag.end is not None
        assert 0 <= flag.start < flag.end <= len(doc.text)


@pytest.fixture(scope="session")
def fixture_nlp() -> Language:
    return build_nlp(
        components=["dyad_actors"],
        component_config={"dyad_actors": {"data_dir": str(FIXTURE_KB)}},
    )


@pytest.fixture(scope="session")
def annotate(fixture_nlp: Language) -> Callable[..., Doc]:
    """Run the pipeline on a text with a publication date; checks offsets on the way."""

    def run(text: str, published: str | None = "2025-06-22") -> Doc:
        document = Document(doc_id="t", name="t", text=text, published=published)
        doc = make_doc(fixture_nlp, document)
        for _, component in fixture_nlp.pipeline:
            doc = component(doc)
        check_offsets(doc)
        return doc

    return run
