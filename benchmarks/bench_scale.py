"""A big corpus end to end: N generated articles of about 2 KB (default 100,000) ingested
from one streamed JSONL file (read, clean, annotate with the parser, store, link) into a
fresh SQLite store, with the memory of the client, of each worker and of the whole
process tree (the sum of proportional set sizes, shared pages counted once) sampled
from /proc every second.

Prints, every 5,000 stored documents (`--every`), the rate so far and the memory now,
then the totals: documents/s until the last batch is stored, linking seconds, and the
peak resident memory
of the client, of the largest worker and of the tree (the sum at one moment), so a
growth with N shows as a rising line. The articles are spread 40 a day from 2020, as a
real archive of that size spans years; `--per-day` changes it.

    python benchmarks/bench_scale.py --docs 100000 --workers 2
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_jsonl_corpus

PAGE_KB = os.sysconf("SC_PAGE_SIZE") / 1024


def _rss_mb(pid: int) -> float:
    """Resident memory of one process in MB (0 once it has ended)."""
    try:
        pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * PAGE_KB / 1024


def _pss_mb(pid: int) -> float:
    """Proportional resident memory in MB: pages shared with the other processes (a
    forked worker shares the model with its parent) count as a share, so the sum over
    the tree is the memory the run really holds."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0.0


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _tree(pid: int) -> list[int]:
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo += _children(current)
    return tree


class MemorySampler(threading.Thread):
    """Samples once a second the resident memory of a process and of each descendant,
    and the memory of the whole tree (the sum of their proportional shares)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.client_peak = self.worker_peak = self.tree_peak = self.now = 0.0
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(1.0):
            pids = _tree(self.pid)
            sizes = [_rss_mb(p) for p in pids]
            self.now = sum(_pss_mb(p) for p in pids)
            self.client_peak = max(self.client_peak, sizes[0] if sizes else 0.0)
            self.worker_peak = max([self.worker_peak, *sizes[1:]])
            self.tree_peak = max(self.tree_peak, self.now)


def child(source: str, db: str, workers: int, every: int) -> None:
    """Ingest `source` into `db`, printing a JSON line at every `every` stored documents."""
    from dyad.pipeline import ingest
    from dyad.settings import load_settings
    from dyad.store import Store

    settings = load_settings(None, workers=workers, db=db)
    started = time.perf_counter()
    stored = 0
    marks: dict[str, float] = {}

    def progress(event: str, n: int) -> None:
        nonlocal stored
        if event != "stored":
            return
        before, stored = stored, stored + n
        marks["stored_at"] = time.perf_counter() - started
        if before // every != stored // every:
            print(json.dumps({"stored": stored, "seconds": marks["stored_at"]}), flush=True)

    with Store(settings.db) as store:
        report = ingest([source], store, settings, progress=progress)
    total = time.perf_counter() - started
    print(
        json.dumps(
            {
                "done": len(report.stored),
                "errors": len(report.errors),
                "seconds": marks.get("stored_at", total),
                "link_seconds": total - marks.get("stored_at", total),
                "linked": str(report.linked),
            }
        ),
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--per-day", type=int, default=40)
    parser.add_argument("--every", type=int, default=5000, help="report every N stored")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        source, db, workers, every = args.child
        child(source, db, int(workers), int(every))
        return
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "corpus.jsonl"
        size = write_jsonl_corpus(source, args.docs, per_day=args.per_day)
        print(
            f"== {args.docs:,} generated articles ({size / args.docs / 1024:.1f} KB each, "
            f"{size / 2**20:.0f} MB in one JSONL file), {args.workers} worker(s); load "
            f"average {os.getloadavg()[0]:.1f} at start",
            flush=True,
        )
        command = [sys.executable, __file__, "--child", str(source), f"{tmp}/scale.db"]
        process = subprocess.Popen(
            [*command, str(args.workers), str(args.every)], stdout=subprocess.PIPE, text=True
        )
        sampler = MemorySampler(process.pid)
        sampler.start()
        assert process.stdout is not None
        final: dict[str, object] = {}
        for line in process.stdout:
            row = json.loads(line)
            if "stored" in row:
                print(
                    f"  {row['stored']:>7,} stored  {row['seconds']:>7.0f} s  "
                    f"{row['stored'] / row['seconds']:5.1f} docs/s  tree {sampler.now:5.0f} MB "
                    f"now, {sampler.tree_peak:5.0f} MB peak",
                    flush=True,
                )
            else:
                final = row
        process.wait()
        sampler.stopped.set()
        sampler.join()
        if process.returncode or not final:
            raise SystemExit(f"the ingest process failed (exit code {process.returncode})")
        seconds = float(str(final["seconds"]))
        print(
            f"stored {final['done']:,} documents ({final['errors']} errors) in {seconds:.0f} s: "
            f"{int(str(final['done'])) / seconds:.1f} docs/s; "
            f"linking {final['link_seconds']:.0f} s "
            f"({final['linked']})\npeak resident memory: client {sampler.client_peak:.0f} MB, "
            f"largest worker {sampler.worker_peak:.0f} MB, whole tree {sampler.tree_peak:.0f} MB"
            f"; load average {os.getloadavg()[0]:.1f} at the end"
        )


if __name__ == "__main__":
    main()
