"""dyad_quotes in the full pipeline (with the actor layer), and its score on the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from dyad.model import Document, RawDocument
from dyad.nlp import build_nlp, make_doc


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = build_nlp()
    if "dyad_actors" not in nlp.pipe_names:
        pytest.skip("the actor component is not installed")
    return nlp


def _quotes(nlp: Language, text: str) -> list[tuple]:
    doc = nlp(make_doc(nlp, Document(doc_id="t", name="t", text=text, published="2024-03-13")))
    for q in doc._.quotes:
        assert text[q.content.start : q.content.end] == q.content.text
    return [(q.speaker.text, q.speaker.name, q.direct, q.content.text) for q in doc._.quotes]


def test_component_declares_its_needs() -> None:
    nlp = build_nlp(components=["dyad_quotes"])
    meta = nlp.get_pipe_meta("dyad_quotes")
    assert meta.assigns == ["doc._.quotes"]
    assert meta.requires == ["doc._.actors"]


def test_pronoun_speaker_through_actor_layer(nlp: Language) -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov met reporters in Ankara. "
        "“We are not in a hurry,” he said."
    )
    assert _quotes(nlp, text) == [("he", "Sergey Lavrov", True, "We are not in a hurry")]


def test_metonym_speaker_through_actor_layer(nlp: Language) -> None:
    text = "The Kremlin said the talks had been constructive."
    assert _quotes(nlp, text) == [
        ("The Kremlin", "Russian government", False, "the talks had been constructive")
    ]


def _shared() -> Path | None:
    for parent in Path(__file__).resolve().parents:
        if (parent.parent / "shared" / "seeds").is_dir():
            return parent.parent / "shared"
    return None


@pytest.mark.seeds
@pytest.mark.skipif(_shared() is None, reason="../shared/seeds not present")
def test_seed_quote_scores(nlp: Language) -> None:
    """Floors on the five seeds (measured 0.96 F1, 0.93 direct recall when written)."""
    from dyad.clean import clean_document
    from dyad.evaluate import evaluate, load_gold

    shared = _shared()
    assert shared is not None
    gold = load_gold(str(shared / "gold" / "seeds.jsonl"))
    documents = {}
    for entry in gold:
        path = shared / "seeds" / f"{entry.name}.txt"
        raw = RawDocument(name=entry.name, source=str(path), data=path.read_bytes())
        document = clean_document(raw)
        document.published = entry.published
        doc = nlp(make_doc(nlp, document))
        document.quotes = list(doc._.quotes)
        documents[entry.name] = document
    rows = {name: value for name, value, _ in evaluate(gold, documents).rows()}
    assert rows["quotes.f1"] >= 0.85
    assert rows["quotes.direct.recall"] >= 0.90
