"""Flat export throughput and memory: rows/s and peak memory for N and 4N events.

Builds two generated stores (N and 4N documents of about 2,000 characters, ten events and
a quote each, written straight to the store: no parsing), then exports the events table
as CSV, Parquet and JSONL from each, every export in a fresh process so its peak memory is
its own. Flat memory shows as the same peak at N and 4N: the export streams a page of
documents at a time and writes Parquet in row groups.

    python benchmarks/bench_export.py --docs 4000
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import ACTORS, article, peak_memory_mb

EVENTS_PER_DOC = 10
TYPES = [("CONSULT", "verbal_cooperation", 2.5), ("ACCUSE", "verbal_conflict", -3.0)]
COUNTRIES = ["RUS", "IRN", "USA", "CHN", "TUR", "ISR"]


def generated_document(rng: random.Random, index: int):  # -> Document
    """One generated article with events on its sentences (offsets are real)."""
    from dyad.model import (
        ActorRef,
        Document,
        Event,
        EventDate,
        Quote,
        SentenceRef,
        Span,
        make_doc_id,
    )

    outlet, title, text = article(rng, index)
    text = text.strip()
    sentences, start = [], 0
    while start < len(text):
        end = text.find(". ", start)
        end = len(text) if end < 0 else end + 1
        sentences.append(SentenceRef(len(sentences), start, end))
        start = end + 1
    events = []
    for n in range(EVENTS_PER_DOC):
        ref = sentences[n % len(sentences)]
        kind, quad, intensity = TYPES[n % 2]
        a, b = rng.sample(COUNTRIES, 2)
        events.append(
            Event(
                id=f"{index}-{n}",
                type=kind,
                quad=quad,
                intensity=intensity,
                modality="asserted",
                confidence=0.8,
                trigger=Span(text[ref.start : ref.start + 5], ref.start, ref.start + 5),
                sentence=ref,
                source=ActorRef(rng.choice(ACTORS), rng.choice(ACTORS), a, "GOV"),
                target=ActorRef(rng.choice(ACTORS), rng.choice(ACTORS), b, "GOV"),
                date=EventDate(f"2025-06-{rng.randint(1, 28):02d}", "day"),
            )
        )
    first = sentences[0]
    quote = Quote(
        speaker=ActorRef("he", "Sergey Lavrov", "RUS", "GOV"),
        cue="said",
        direct=False,
        content=Span(text[first.start : first.end], first.start, first.end),
    )
    return Document(
        doc_id=make_doc_id(f"{index}\n{text}"),
        name=f"article_{index:06d}",
        text=text,
        source="generated",
        outlet=outlet,
        title=title,
        published=f"2025-06-{rng.randint(1, 28):02d}",
        language="en",
        sentences=sentences,
        events=events,
        quotes=[quote],
    )


def build_store(db: str, docs: int, seed: int = 5) -> float:
    """Write `docs` generated documents to a new store; returns the seconds it took."""
    from dyad.store import Store

    rng = random.Random(seed)
    started = time.perf_counter()
    with Store(db) as store:
        for first in range(0, docs, 500):
            batch = [generated_document(rng, i) for i in range(first, min(first + 500, docs))]
            store.write_batch(batch)
    return time.perf_counter() - started


def run_export(db: str, what: str, format: str, trace: bool) -> dict[str, float]:
    from dyad.query import Filters
    from dyad.report.tables import export_table
    from dyad.store import Store

    with tempfile.TemporaryDirectory() as tmp, Store(db, create=False) as store:
        if trace:
            tracemalloc.start()
        started = time.perf_counter()
        rows = export_table(store, what, format, Filters(), Path(tmp) / f"out.{format}")
        elapsed = time.perf_counter() - started
        traced = tracemalloc.get_traced_memory()[1] / 2**20 if trace else 0.0
        size = (Path(tmp) / f"out.{format}").stat().st_size / 2**20
    return {
        "rows": rows,
        "seconds": elapsed,
        "peak_mb": peak_memory_mb(),
        "traced_mb": traced,
        "file_mb": size,
    }


def child(*args: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", *args], check=True, capture_output=True, text=True
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=4000, help="N documents (the large run: 4N)")
    parser.add_argument("--formats", default="csv,parquet,jsonl")
    parser.add_argument("--child", nargs=4, metavar=("DB", "WHAT", "FORMAT", "TRACE"))
    args = parser.parse_args()
    if args.child:
        db, what, format, trace = args.child
        print(json.dumps(run_export(db, what, format, trace == "1")))
        return
    with tempfile.TemporaryDirectory() as tmp:
        stores = {}
        for docs in (args.docs, 4 * args.docs):
            db = f"{tmp}/export_{docs}.db"
            seconds = build_store(db, docs)
            stores[docs] = db
            print(f"built a store of {docs} documents in {seconds:.1f} s", flush=True)
        print(
            f"{'format':8} {'docs':>6} {'events':>8} {'seconds':>8} {'rows/s':>8} "
            f"{'peak RSS MB':>11} {'traced MB':>9} {'file MB':>8}"
        )
        for format in args.formats.split(","):
            for docs, db in stores.items():
                timed = child(db, "events", format, "0")
                traced = child(db, "events", format, "1")
                print(
                    f"{format:8} {docs:>6} {int(timed['rows']):>8} {timed['seconds']:>8.2f} "
                    f"{timed['rows'] / timed['seconds']:>8.0f} {timed['peak_mb']:>11.0f} "
                    f"{traced['traced_mb']:>9.1f} {timed['file_mb']:>8.1f}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
