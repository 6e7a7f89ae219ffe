"""Linking (stories, facts, origins, contradictions): its share of an end-to-end run, and
how its time and memory grow with the number of stored documents.

Part 1 ingests generated articles (read, clean, annotate, store, link) and times linking
again on its own, to print its share. Part 2 writes N, 2N and 4N already-annotated
documents straight into a store (no parsing: the documents are built with actors and
events) spread over a year of daily stories, then links them in one pass, printing
seconds, documents per second and peak Python memory. Linking blocks candidates by day
and by shared names, so time should roughly double and memory stay near flat when N
doubles; all-pairs work would quadruple.

    python benchmarks/bench_link.py --docs 200 --scale 2500
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_text_corpus

from dyad.model import (
    ActorMention,
    ActorRef,
    Document,
    Event,
    EventDate,
    SentenceRef,
    Span,
)

PEOPLE = [
    ("Vladimir Putin", "RUS"), ("Abbas Araghchi", "IRN"), ("Sergey Lavrov", "RUS"),
    ("Masoud Pezeshkian", "IRN"), ("Wang Yi", "CHN"), ("Recep Tayyip Erdogan", "TUR"),
    ("Benjamin Netanyahu", "ISR"), ("Ilham Aliyev", "AZE"), ("Nikol Pashinyan", "ARM"),
    ("Emmanuel Macron", "FRA"), ("Narendra Modi", "IND"), ("Shehbaz Sharif", "PAK"),
]  # fmt: skip
TYPES = ["CONSULT", "AGREE", "SUPPORT", "ACCUSE", "REQUEST", "COOPERATE"]
STEMS = [
    "trade", "corridor", "energy", "grain", "sanction", "nuclear", "security", "summit",
    "treaty", "railway", "pipeline", "visit", "minister", "delegation", "cooperation",
    "agreement", "defence", "border", "ceasefire", "port", "tariff", "wheat", "oil", "gas",
    "drone", "missile", "election", "refugee", "water", "dam", "bank", "loan", "satellite",
    "vaccine", "fishery", "shipping", "customs", "visa", "student", "airline", "power", "grid",
]  # fmt: skip
#: A vocabulary for topics and filler: each story draws its own topic words from it.
WORDS = [f"{stem}{suffix}" for stem in STEMS for suffix in ("", "s", "ing", "al", "ers")]


def end_to_end(docs: int) -> None:
    from dyad.link import link_new
    from dyad.pipeline import ingest
    from dyad.settings import load_settings
    from dyad.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        write_text_corpus(folder, docs)
        settings = load_settings(None, db=f"{tmp}/bench.db")
        with Store(settings.db) as store:
            started = time.perf_counter()
            report = ingest([str(folder)], store, settings)
            total = time.perf_counter() - started
            store.links.clear()
            started = time.perf_counter()
            linked = link_new(store.links)
            link_seconds = time.perf_counter() - started
    print(
        f"end to end: {len(report.stored)} documents in {total:.1f} s "
        f"({len(report.stored) / total:.1f} docs/s); linking {link_seconds:.2f} s = "
        f"{100 * link_seconds / total:.1f}% of the run ({linked.stories} stories, "
        f"{linked.facts} facts)"
    )


def synthetic(index: int, rng: random.Random, start: date) -> Document:
    """One annotated document of a daily story: two leaders meet, outlets report it."""
    story = index // 8  # eight reports per story
    day = start + timedelta(days=story // 3)  # three stories a day
    srng = random.Random(story)
    (a, ca), (b, cb) = srng.sample(PEOPLE, 2)
    kind = srng.choice(TYPES)
    topic = srng.sample(WORDS, 8)
    mine = rng.sample(topic, 5) + rng.sample(WORDS, 3)  # each report words it its own way
    lead = f"{a} and {b} discussed {' '.join(mine[:4])} on {day:%A}."
    extra = " ".join(mine[4:] + rng.sample(WORDS, 4))
    body = f"{lead} The {extra} came up too. {b} thanked {a}."
    text = f"{a} meets {b} on {topic[0]}\n\n{body}"
    first = text.index(lead)
    doc_id = f"{index:016x}"
    trigger_at = text.index("discussed")
    event = Event(
        id=f"{doc_id[:10]}-{index:010x}",
        type=kind, quad="verbal_cooperation", intensity=2.5, modality="asserted",
        confidence=0.8,
        trigger=Span("discussed", trigger_at, trigger_at + len("discussed")),
        sentence=SentenceRef(1, first, first + len(lead)),
        source=ActorRef(a, a, ca, "GOV"), target=ActorRef(b, b, cb, "GOV"),
        date=EventDate(day.isoformat(), "day", f"on {day:%A}"),
    )  # fmt: skip
    actors = [
        ActorMention(a, first, first + len(a), a, "person", ca, "GOV"),
        ActorMention(
            b, text.index(b, first), text.index(b, first) + len(b), b, "person", cb, "GOV"
        ),
    ]
    published = day + timedelta(days=rng.choice([0, 0, 1]))
    return Document(
        doc_id=doc_id, name=f"s{story}-r{index % 8}", text=text,
        outlet=f"outlet{rng.randrange(40)}.example", published=published.isoformat(),
        sentences=[SentenceRef(0, 0, text.index("\n")), SentenceRef(1, first, first + len(lead))],
        actors=actors, events=[event],
    )  # fmt: skip


def scaled(count: int) -> tuple[float, float, int]:
    """Seconds and peak traced MB to link `count` stored documents, and the story count."""
    from dyad.link import link_new
    from dyad.store import Store

    rng = random.Random(5)
    start = date(2025, 1, 1)
    with tempfile.TemporaryDirectory() as tmp, Store(f"{tmp}/scale.db") as store:
        batch: list[Document] = []
        for i in range(count):
            batch.append(synthetic(i, rng, start))
            if len(batch) == 500:
                store.write_batch(batch)
                batch = []
        if batch:
            store.write_batch(batch)
        tracemalloc.start()
        started = time.perf_counter()
        report = link_new(store.links)
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return seconds, peak, report.stories


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200, help="articles for the end-to-end run")
    parser.add_argument("--scale", type=int, default=2500, help="N of the N, 2N, 4N runs")
    args = parser.parse_args()
    end_to_end(args.docs)
    previous: tuple[float, float] | None = None
    for n in (args.scale, 2 * args.scale, 4 * args.scale):
        seconds, peak, stories = scaled(n)
        growth = (
            f"  x{seconds / previous[0]:.2f} time, x{peak / previous[1]:.2f} memory"
            if previous
            else ""
        )
        print(
            f"link {n:6d} stored documents: {seconds:6.1f} s ({n / seconds:6.0f} docs/s), "
            f"peak {peak:6.1f} MB traced, {stories} stories{growth}"
        )
        previous = (seconds, peak)


if __name__ == "__main__":
    main()
