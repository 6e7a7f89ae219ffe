"""Throughput of the dyad_actors component on generated sentences.

Sentences come from templates filled with names from the knowledge base (people, states,
capitals, titles), grouped into ~2,000-character documents. Prints sentences/s and
documents/s for the tokenizer alone, the trained pipeline with actors, and dyad_actors
alone on documents already parsed (its own NER pass included).

    python benchmarks/bench_actors.py --sentences 20000
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc

from dyad.actors.kb import KnowledgeBase, load_kb
from dyad.nlp import build_nlp

TEMPLATES = (
    "{demonym} Foreign Minister {person} arrived in {capital} on Monday for talks.",
    "{state} said it would respond to the sanctions imposed by {state2}.",
    "{capital} condemned the strikes, and {person} said he was ready to talk.",
    "The {demonym} side agreed with {state2} that the two countries would sign a deal.",
    "Analyst Jane Example said {person}'s visit to {capital} was a turning point.",
    "{person} met {person2} and the two discussed energy, trade and security.",
    "{state}'s top diplomat told reporters the minister would travel to {capital} soon.",
    "Officials in {capital} declined to comment on the report published by local media.",
)


def sentences(kb: KnowledgeBase, count: int, seed: int = 7) -> list[str]:
    """`count` sentences from the templates, with names drawn from the knowledge base."""
    rng = random.Random(seed)
    people = [p.name for p in kb.people.values()]
    states = [s for s in kb.states.values() if s.demonyms and s.capital]
    out = []
    for i in range(count):
        state, state2 = rng.sample(states, 2)
        out.append(
            TEMPLATES[i % len(TEMPLATES)].format(
                demonym=state.demonyms[0],
                state=state.name,
                state2=state2.name,
                capital=state.capital,
                person=rng.choice(people),
                person2=rng.choice(people),
            )
        )
    return out


def documents(lines: list[str], size: int = 2000) -> list[str]:
    """Group sentences into documents of about `size` characters."""
    docs, current = [], ""
    for line in lines:
        current = f"{current} {line}" if current else line
        if len(current) >= size:
            docs.append(current)
            current = ""
    return docs + ([current] if current else [])


def timed(label: str, run: Callable[[list], object], texts: list, n_sentences: int) -> None:
    start = time.perf_counter()
    run(texts)
    seconds = time.perf_counter() - start
    print(
        f"{label:<40} {n_sentences / seconds:>10,.0f} sentences/s "
        f"{len(texts) / seconds:>8,.1f} documents/s"
    )


def _pipe(nlp: Language, names: tuple[str, ...]) -> Callable[[Iterable[str]], list[Doc]]:
    components = [(n, p) for n, p in nlp.pipeline if n in names]

    def run(texts: Iterable[str]) -> list[Doc]:
        out = []
        for text in texts:
            doc = nlp.make_doc(text)
            doc._.published = "2025-06-22"
            for _, proc in components:
                doc = proc(doc)
            out.append(doc)
        return out

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=5000)
    args = parser.parse_args()
    started = time.perf_counter()
    nlp = build_nlp(components=["dyad_actors"])
    print(f"pipeline built in {time.perf_counter() - started:.2f}s: {nlp.pipe_names}")
    kb = load_kb()
    texts = documents(sentences(kb, args.sentences))
    n = args.sentences
    print(f"{n} sentences in {len(texts)} documents of ~2,000 characters")
    timed("tokenizer", _pipe(nlp, ()), texts, n)
    timed("tokenizer + sentences + the trained pipeline + actors",
          _pipe(nlp, tuple(nlp.pipe_names)), texts, n)  # fmt: skip
    parse = tuple(name for name in nlp.pipe_names if not name.startswith("dyad_actors"))
    prepared = _pipe(nlp, parse)(texts)
    actors = nlp.get_pipe("dyad_actors")
    timed("dyad_actors alone (on parsed docs, with its NER pass)",
          lambda docs: [actors(d) for d in docs], prepared, n)  # fmt: skip


if __name__ == "__main__":
    main()
