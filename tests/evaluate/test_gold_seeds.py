"""The seeds gold: loads, every gold string is found, a perfect extraction scores 1.

Reads ../shared/seeds and ../shared/gold at run time (nothing is copied into the
repository); skipped when that folder is absent.
"""

from __future__ import annotations

from pathlib import Path

import ftfy
import pytest
import spacy

import dyad.nlp.sentences  # noqa: F401  (registers dyad_sentences)
from dyad.evaluate.gold import GoldDocument, load_gold
from dyad.evaluate.locate import TextLocator
from dyad.evaluate.score import evaluate, expand_dyads
from dyad.model import (
    ActorRef,
    Document,
    Event,
    EventDate,
    Quote,
    RemovedLine,
    SentenceRef,
    Span,
)

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
GOLD = SHARED / "gold" / "seeds.jsonl"

pytestmark = [
    pytest.mark.seeds,
    pytest.mark.skipif(not GOLD.exists(), reason="needs ../shared/gold and ../shared/seeds"),
]

# How a cleaner may repair the raw text; gold strings must be found in each.
REPAIRS = {
    "raw": lambda text: text,
    "ftfy": ftfy.fix_text,
    "apostrophe": lambda text: text.replace("â", "’"),
    "dash": lambda text: text.replace("â", " – ").replace("’", "'"),
}


@pytest.fixture(scope="module")
def gold() -> list[GoldDocument]:
    return load_gold(GOLD)


def _raw(name: str) -> str:
    return (SHARED / "seeds" / f"{name}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("repair", sorted(REPAIRS))
def test_every_gold_string_is_located_in_the_repaired_text(
    gold: list[GoldDocument], repair: str
) -> None:
    missing = []
    for document in gold:
        locator = TextLocator(REPAIRS[repair](_raw(document.name)))
        strings = [e.evidence for e in document.events] + [q.content for q in document.quotes]
        strings += document.boilerplate
        missing += [s for s in strings if not locator.find_all(s)]
    assert missing == []


def _perfect(document: GoldDocument, nlp) -> Document:
    """An extraction that reproduces the gold, as the best extractor would."""
    text = REPAIRS["apostrophe"](_raw(document.name))
    sentences = [SentenceRef(i, s.start_char, s.end_char) for i, s in enumerate(nlp(text).sents)]
    locator = TextLocator(text)
    events: list[Event] = []
    for number, gold_event in enumerate(document.events):
        start, end = locator.find_all(gold_event.evidence)[0]
        sentence = next(s for s in sentences if s.start <= start < s.end)
        date = EventDate(gold_event.date, gold_event.date_precision) if gold_event.date else None
        for source, target in expand_dyads(gold_event):
            events.append(
                Event(
                    id=str(number),
                    type=gold_event.type,
                    quad="",
                    intensity=0.0,
                    modality=gold_event.modality,
                    confidence=1.0,
                    trigger=Span(text[start:end], start, end),
                    sentence=sentence,
                    source=ActorRef("", name=gold_event.source_actor, country=source),
                    target=None
                    if target is None
                    else ActorRef("", name=gold_event.target_actor, country=target),
                    date=date,
                )
            )
    quotes = []
    for gold_quote in document.quotes:
        start, end = locator.find_all(gold_quote.content)[0]
        speaker = ActorRef("", name=gold_quote.speaker)
        quotes.append(Quote(speaker, "said", gold_quote.direct, Span(text[start:end], start, end)))
    removed = [RemovedLine(line, "boilerplate") for line in document.boilerplate]
    return Document("x", document.name, text, sentences=sentences, events=events,
                    quotes=quotes, removed=removed)  # fmt: skip


def test_a_perfect_extraction_scores_one_and_a_damaged_one_less(
    gold: list[GoldDocument],
) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("dyad_sentences")
    documents = {d.name: _perfect(d, nlp) for d in gold}
    for document in documents.values():
        for _, span in document.spans():
            assert document.text[span.start : span.end] == span.text
    report = evaluate(gold, documents)
    for measure, value, _ in report.rows():
        expected = 0.0 if measure == "events.extra_rate" else 1.0
        assert value == expected, measure
    first = gold[0].name
    documents[first].events = documents[first].events[1:]
    del documents[gold[-1].name]
    damaged = evaluate(gold, documents)
    assert damaged.missing_documents == [gold[-1].name]
    assert damaged.measures["events.all.precision"] == 1.0
    lost = 1 + sum(len(expand_dyads(e)) for e in gold[-1].events)
    total = report.tallies["events.all"].gold
    assert damaged.measures["events.all.recall"] == pytest.approx((total - lost) / total)
