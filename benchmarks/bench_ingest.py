"""Ingest throughput: documents/s, MB/s and peak memory, plain text and HTML, 1 and 2 workers.

Ingest here means read, decode, clean, detect duplicates and store (extraction components
off, so the figure is the foundation's own cost; `bench_pipeline.py` measures end to end).
Each configuration runs in a fresh process so peak memory is its own.

    python benchmarks/bench_ingest.py --docs 2000
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import peak_memory_mb, write_html_corpus, write_text_corpus


def run_one(kind: str, folder: Path, workers: int, components: list[str]) -> dict:
    from dyad.pipeline import ingest
    from dyad.settings import load_settings
    from dyad.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(None, workers=workers, db=f"{tmp}/bench.db")
        settings.components = components
        started = time.perf_counter()
        with Store(settings.db) as store:
            report = ingest([str(folder)], store, settings)
        elapsed = time.perf_counter() - started
    return {
        "kind": kind,
        "workers": workers,
        "documents": len(report.stored),
        "errors": len(report.errors),
        "seconds": elapsed,
        "peak_mb": peak_memory_mb(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--child", nargs=3, metavar=("KIND", "FOLDER", "WORKERS"))
    parser.add_argument("--components", default="", help="comma-separated; empty = none")
    args = parser.parse_args()
    components = [c for c in args.components.split(",") if c]
    if args.child:
        kind, folder, workers = args.child
        print(json.dumps(run_one(kind, Path(folder), int(workers), components)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        sizes = {
            "text": write_text_corpus(Path(tmp) / "text", args.docs),
            "html": write_html_corpus(Path(tmp) / "html", args.docs),
        }
        print(
            f"{'input':6} {'workers':>7} {'docs':>6} {'seconds':>8} {'docs/s':>8} "
            f"{'MB/s':>6} {'peak MB':>8}"
        )
        for kind in ("text", "html"):
            for workers in (1, 2):
                out = subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--child",
                        kind,
                        f"{tmp}/{kind}",
                        str(workers),
                        "--components",
                        args.components,
                    ],
                    check=True,
                    capture_output=True,
                    text=True,
                )
                row = json.loads(out.stdout.strip().splitlines()[-1])
                rate = row["documents"] / row["seconds"]
                mbs = sizes[kind] / 1e6 / row["seconds"]
                print(
                    f"{kind:6} {workers:>7} {row['documents']:>6} {row['seconds']:>8.2f} "
                    f"{rate:>8.1f} {mbs:>6.2f} {row['peak_mb']:>8.0f}"
                )


if __name__ == "__main__":
    main()
