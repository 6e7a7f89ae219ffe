"""Docs with hand-made actors, so quote rules are tested without the actor layer."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dyad.model import ActorMention
from dyad.nlp import build_nlp
from dyad.quotes.component import QuotesComponent

#: (substring, canonical name, kind, occurrence) -- occurrence counts from 0.
ActorSpec = tuple[str, str, str, int]


def mentions(text: str, specs: Sequence[ActorSpec]) -> list[ActorMention]:
    """ActorMentions for substrings of `text` (the nth occurrence of each)."""
    out = []
    for sub, name, kind, nth in specs:
        start = -1
        for _ in range(nth + 1):
            start = text.index(sub, start + 1)
        how = "coref" if sub[:1].islower() else "kb"
        country = "IGO" if kind == "igo" else None
        out.append(
            ActorMention(
                sub,
                start,
                start + len(sub),
                name,
                "state" if kind == "igo" else kind,
                country=country,
                how=how,
            )
        )
    return sorted(out, key=lambda m: (m.start, m.end))


@pytest.fixture(scope="session")
def base_nlp() -> Language:
    return build_nlp(components=[])


@pytest.fixture(scope="session")
def quotes_of(base_nlp: Language) -> Callable[[str, Sequence[ActorSpec]], list[tuple]]:
    """Run the quote component on `text` with the given actors; return plain tuples."""
    component = QuotesComponent()

    def run(text: str, specs: Sequence[ActorSpec]) -> list[tuple]:
        doc: Doc = base_nlp(text)
        doc._.actors = mentions(text, specs)
        doc = component(doc)
        out = []
        for q in doc._.quotes:
            assert text[q.content.start : q.content.end] == q.content.text
            if q.speaker.start is not None:
                assert text[q.speaker.start : q.speaker.end] == q.speaker.text
            assert q.sentence is not None
            assert q.sentence.start <= q.content.start < q.sentence.end
            out.append((q.speaker.name, q.cue, q.direct, q.content.text))
        return out

    return run
