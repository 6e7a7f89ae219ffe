"""End to end: ingest (read, clean, annotate, store) then export, on generated articles.

Prints documents/s and sentences/s with 1 and 2 workers, peak memory, and where the time
goes: the seconds each pipeline stage takes on a sample, in one process.

    python benchmarks/bench_pipeline.py --docs 2000
"""

from __future__ import annotations

import argparse
import io
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import article, peak_memory_mb, write_text_corpus


def run_one(folder: Path, workers: int) -> dict:
    from dyad.pipeline import ingest
    from dyad.report.export import write_jsonl
    from dyad.settings import load_settings
    from dyad.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(None, workers=workers, db=f"{tmp}/bench.db")
        started = time.perf_counter()
        with Store(settings.db) as store:
            report = ingest([str(folder)], store, settings)
            documents = list(store.iter_documents())
            write_jsonl(documents, io.StringIO())
        elapsed = time.perf_counter() - started
    return {
        "workers": workers,
        "documents": len(report.stored),
        "sentences": sum(len(d.sentences) for d in documents),
        "events": sum(len(d.events) for d in documents),
        "seconds": elapsed,
        "peak_mb": peak_memory_mb(),
    }


def stage_profile(samples: int) -> list[tuple[str, float]]:
    """Seconds per stage over `samples` articles, in this process."""
    from dyad.clean import clean_document
    from dyad.model import RawDocument
    from dyad.nlp import build_nlp, make_doc

    rng = random.Random(3)
    raws = [
        RawDocument(name=f"a{i}", source="bench", data=article(rng, i)[2].encode())
        for i in range(samples)
    ]
    timings: dict[str, float] = {"clean": 0.0, "tokenizer": 0.0}
    nlp = build_nlp()
    for raw in raws:
        t0 = time.perf_counter()
        document = clean_document(raw)
        t1 = time.perf_counter()
        doc = make_doc(nlp, document)
        t2 = time.perf_counter()
        timings["clean"] += t1 - t0
        timings["tokenizer"] += t2 - t1
        for name, component in nlp.pipeline:
            t = time.perf_counter()
            doc = component(doc)
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - t
    return sorted(timings.items(), key=lambda kv: -kv[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--child", nargs=2, metavar=("FOLDER", "WORKERS"))
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_one(Path(args.child[0]), int(args.child[1]))))
        return
    with tempfile.TemporaryDirectory() as tmp:
        write_text_corpus(Path(tmp) / "text", args.docs)
        print(
            f"{'workers':>7} {'docs':>6} {'seconds':>8} {'docs/s':>8} {'sent/s':>8} "
            f"{'events':>7} {'peak MB':>8}"
        )
        for workers in (1, 2):
            out = subprocess.run(
                [sys.executable, __file__, "--child", f"{tmp}/text", str(workers)],
                check=True,
                capture_output=True,
                text=True,
            )
            row = json.loads(out.stdout.strip().splitlines()[-1])
            print(
                f"{workers:>7} {row['documents']:>6} {row['seconds']:>8.2f} "
                f"{row['documents'] / row['seconds']:>8.1f} "
                f"{row['sentences'] / row['seconds']:>8.0f} {row['events']:>7} "
                f"{row['peak_mb']:>8.0f}"
            )
    samples = min(200, args.docs)
    print(f"\nwhere the time goes ({samples} articles, one process):")
    profile = stage_profile(samples)
    total = sum(seconds for _, seconds in profile)
    for name, seconds in profile:
        print(f"  {name:16} {seconds:7.2f} s  {100 * seconds / total:5.1f} %")


if __name__ == "__main__":
    main()
