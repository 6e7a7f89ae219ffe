"""End to end ingest (read, clean, annotate, store) with 1 and 2 local workers and on a Dask
LocalCluster of 2 workers (started by the run, and already up), in one run, on the same
documents: documents/s, the ratio of each to one worker, CPU seconds per document and the
client's peak memory.

The speed figure is documents stored per second until the last batch is written; linking
(stories and facts, a corpus stage that runs after the documents in the client, the same
for every engine) is timed apart. Each run is a fresh process with an empty store.

On generated articles (`--docs N`, default 400), or on real ones: `--input FILE.jsonl
--repeat K` reads the file where it is and ingests it K times, each copy's longest
paragraph marked with its number so it is stored (and annotated) again. `--profile`
adds, for a sample, the seconds each pipeline stage takes in one process.

    python benchmarks/bench_pipeline.py --docs 400
    python benchmarks/bench_pipeline.py --input ../shared/dev/articles.jsonl --repeat 20
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import article, write_text_corpus


def dask_config(values: dict[str, object]) -> Any:
    import dask

    return dask.config.set(values)


def _cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _records(path: Path, repeat: int) -> Iterator[object]:
    """The JSONL file's articles, `repeat` times, each copy's text marked with its number."""
    from dyad.ingest import iter_inputs
    from dyad.model import IngestError, RawDocument

    for copy in range(repeat):
        for raw in iter_inputs([str(path)]):
            if isinstance(raw, IngestError) or copy == 0:
                yield raw
                continue
            assert isinstance(raw, RawDocument)
            mark = f"Copy {copy} of this report, for the benchmark."
            if raw.text is not None:
                # inside the longest paragraph: a line of its own at the end would be cut as
                # boilerplate, and the copy would be the same document again
                paragraphs = raw.text.split("\n\n")
                longest = max(range(len(paragraphs)), key=lambda i: len(paragraphs[i]))
                paragraphs[longest] += f" {mark}"
                text = "\n\n".join(paragraphs)
                yield replace(raw, name=f"{raw.name}-copy{copy}", text=text)
            elif raw.html is not None:
                html = raw.html.replace("<p>", f"<p>{mark} ", 1)
                yield replace(raw, name=f"{raw.name}-copy{copy}", html=html)
            else:
                data = (raw.data or b"") + f"\n\n{mark}\n".encode()
                yield replace(raw, name=f"{raw.name}-copy{copy}", data=data)


def run_one(source: str, repeat: int, engine: str, workers: int) -> dict[str, float]:
    from dyad.pipeline import ingest
    from dyad.settings import load_settings
    from dyad.store import Store

    marks: dict[str, float] = {}
    cluster = None
    options: dict[str, str] = {}
    if engine == "dask-standing":  # a cluster up before the run, as a real one would be
        from distributed import LocalCluster

        from dyad.engines.dask import QUIET_WORKERS

        with dask_config(QUIET_WORKERS):
            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
            )
        options = {"engine": "dask", "scheduler": cluster.scheduler_address}
    elif engine != "local":
        options = {"engine": engine}
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(None, workers=workers, db=f"{tmp}/bench.db", **options)
        inputs = _records(Path(source), repeat) if repeat else None
        started = time.perf_counter()
        own_started = _cpu_seconds(resource.RUSAGE_SELF)

        def progress(event: str, _n: int) -> None:
            if event == "stored":
                marks["stored_at"] = time.perf_counter() - started
                marks["own_at"] = _cpu_seconds(resource.RUSAGE_SELF)

        with Store(settings.db) as store:
            report = ingest([source], store, settings, progress=progress, inputs=inputs)
        total = time.perf_counter() - started
    if cluster is not None:
        cluster.close()
    # Workers are counted once they have ended (with the run); linking, after the last
    # batch, is this process's alone.
    own_end = _cpu_seconds(resource.RUSAGE_SELF)
    cpu = own_end - own_started + _cpu_seconds(resource.RUSAGE_CHILDREN)
    cpu -= own_end - marks["own_at"]
    return {
        "documents": len(report.stored),
        "seconds": marks["stored_at"],
        "link_seconds": total - marks["stored_at"],
        "cpu_per_doc": cpu / max(1, len(report.stored)),
        "client_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
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


def _spin(n: int) -> float:
    started = time.perf_counter()
    total = 0
    for i in range(n):
        total += i * i % 7
    return time.perf_counter() - started


def machine_parallelism(n: int = 8_000_000) -> float:
    """How many times one process's speed two processes of plain Python reach together
    now: 2.0 on two idle cores, less when other work shares them (the ceiling for the
    ratio of 2 workers to 1)."""
    from concurrent.futures import ProcessPoolExecutor

    one = _spin(n)
    with ProcessPoolExecutor(2) as pool:
        started = time.perf_counter()
        list(pool.map(_spin, [n, n]))
        two = time.perf_counter() - started
    return 2 * one / two


def _child(source: str, repeat: int, engine: str, workers: int) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", source, str(repeat), engine, str(workers)]
    out = subprocess.run(command, check=True, capture_output=True, text=True)
    row: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--input", type=Path, help="a JSONL file of articles, read in place")
    parser.add_argument("--repeat", type=int, default=20, help="copies of --input")
    parser.add_argument(
        "--runs",
        default="local:1,local:2,dask:2,dask-standing:2",
        help="engine:workers,... (dask starts a LocalCluster in the run; dask-standing "
        "before it, untimed, as a cluster that is already up)",
    )
    parser.add_argument("--profile", action="store_true", help="also time each stage")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        source, repeat, engine, workers = args.child
        print(json.dumps(run_one(source, int(repeat), engine, int(workers))))
        return
    runs = [(e, int(w)) for e, w in (r.split(":") for r in args.runs.split(","))]
    with tempfile.TemporaryDirectory() as tmp:
        if args.input:
            source, repeat = str(args.input.resolve()), args.repeat
            what = f"{args.input} x {repeat}"
        else:
            write_text_corpus(Path(tmp) / "text", args.docs)
            source, repeat, what = f"{tmp}/text", 0, f"{args.docs} generated articles"
        print(f"== ingest end to end: {what}; load average {os.getloadavg()[0]:.1f} at start")
        print(
            f"{'engine':>8} {'workers':>7} {'docs':>6} {'seconds':>8} {'docs/s':>7} "
            f"{'x 1 worker':>10} {'CPU ms/doc':>10} {'link s':>7} {'client MB':>9}"
        )
        base = None
        for engine, workers in runs:
            row = _child(source, repeat, engine, workers)
            rate = row["documents"] / row["seconds"]
            base = base or rate
            print(
                f"{engine:>8} {workers:>7} {row['documents']:>6.0f} {row['seconds']:>8.1f} "
                f"{rate:>7.1f} {rate / base:>10.2f} {1000 * row['cpu_per_doc']:>10.0f} "
                f"{row['link_seconds']:>7.1f} {row['client_peak_mb']:>9.0f}"
            )
        print(
            f"   load average {os.getloadavg()[0]:.1f} at the end; two processes of plain "
            f"Python ran {machine_parallelism():.2f} x one on this machine just now"
        )
    if args.profile:
        samples = min(200, args.docs)
        print(f"\nwhere the time goes ({samples} articles, one process):")
        profile = stage_profile(samples)
        total = sum(seconds for _, seconds in profile)
        for name, seconds in profile:
            print(f"  {name:16} {seconds:7.2f} s  {100 * seconds / total:5.1f} %")


if __name__ == "__main__":
    main()
