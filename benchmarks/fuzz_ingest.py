"""Fuzz the readers and cleaning with generated hostile inputs; count crashes and hangs.

Every input (a file of each format, or a URL argument; see tests/hostile_inputs.py for the
kinds) goes through the real readers (`iter_inputs`) and `clean_document`, in this process,
under a per-input deadline. A crash is an exception that escapes them (a reader must turn
every problem into an `IngestError`, cleaning into a `DocumentError`) or a cleaned document
the store could not keep (NUL, control characters, lone surrogates, a metadata field of
more than one line). A hang is an input still running at its deadline. A sample of the
cleaned documents is also annotated by the full pipeline under its time budget, and a
sample of the inputs is ingested end to end into a SQLite store, whose summary must add up.

    python benchmarks/fuzz_ingest.py                      # 10,000 inputs, seed 12
    python benchmarks/fuzz_ingest.py --inputs 500 --seed 3 --kinds feed warc

Failing inputs are saved under --failures (default .fuzz-failures/) to replay.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import peak_memory_mb  # noqa: E402  (benchmarks/ on the path first)

from dyad.budget import OverBudget, deadline  # noqa: E402
from dyad.clean import CleanSettings, clean_document  # noqa: E402
from dyad.errors import DocumentError  # noqa: E402
from dyad.ingest import IngestSettings, iter_inputs  # noqa: E402
from dyad.model import Document, IngestError, RawDocument  # noqa: E402
from hostile_inputs import GENERATORS, Hostile  # noqa: E402

#: What a stored text or field may not hold (see dyad.clean.encoding.drop_unstorable).
UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
METADATA = ("name", "source", "url", "outlet", "title", "published", "author")


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000, help="inputs to generate")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--kinds", nargs="*", default=sorted(GENERATORS), help="input kinds")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per input")
    parser.add_argument("--annotate-every", type=int, default=50, help="annotate 1 input in N")
    parser.add_argument("--ingest-sample", type=int, default=150, help="inputs ingested end to end")
    parser.add_argument("--failures", type=Path, default=ROOT / ".fuzz-failures")
    return parser.parse_args()


def bad_output(document: Document) -> str | None:
    """Why the store could not keep this cleaned document, or None."""
    if UNSTORABLE.search(document.text):
        return "unstorable character in the cleaned text"
    for field in METADATA:
        value = getattr(document, field)
        if value is not None and (UNSTORABLE.search(value) or "\n" in value):
            return f"unstorable or multi-line {field}: {value[:60]!r}"
    return None


class Fuzz:
    def __init__(self, args: argparse.Namespace, folder: Path) -> None:
        self.args = args
        self.folder = folder
        self.tried: Counter[str] = Counter()
        self.crashes: Counter[str] = Counter()
        self.hangs: Counter[str] = Counter()
        self.documents = 0
        self.errors = 0
        self.slowest = (0.0, "")
        self.to_annotate: list[Document] = []
        self.failures: list[str] = []
        # no link is ever fetched from a public host: links are refused before connecting
        self.settings = IngestSettings(timeout=2.0, deadline=5.0, trust_env=False)
        self.cleaning = CleanSettings()

    def path_of(self, hostile: Hostile, index: int) -> str:
        if hostile.is_url:
            return hostile.name
        path = self.folder / f"{index:05d}" / hostile.name
        path.parent.mkdir()
        assert hostile.data is not None
        path.write_bytes(hostile.data)
        return str(path)

    def one(self, index: int, hostile: Hostile, annotate: bool) -> None:
        self.tried[hostile.kind] += 1
        started = time.perf_counter()
        problem = None
        try:
            with deadline(self.args.timeout):
                problem = self.read_and_clean(self.path_of(hostile, index), annotate)
        except OverBudget:
            self.hangs[hostile.kind] += 1
            problem = f"hang: still running after {self.args.timeout:g} s"
        except Exception:
            self.crashes[hostile.kind] += 1
            problem = "crash: " + traceback.format_exc(limit=6)
        finally:
            if not hostile.is_url:
                shutil.rmtree(self.folder / f"{index:05d}", ignore_errors=True)
        spent = time.perf_counter() - started
        if spent > self.slowest[0]:
            self.slowest = (spent, hostile.kind)
        if problem:
            self.save(index, hostile, problem)

    def read_and_clean(self, path: str, annotate: bool) -> str | None:
        for item in iter_inputs([path], settings=self.settings):
            if isinstance(item, IngestError):
                self.errors += 1
                continue
            assert isinstance(item, RawDocument), f"reader yielded {type(item).__name__}"
            try:
                document = clean_document(item, self.cleaning)
            except DocumentError:
                self.errors += 1
                continue
            self.documents += 1
            why = bad_output(document)
            if why:
                self.crashes["bad output"] += 1
                return f"bad output: {why}"
            if annotate and len(self.to_annotate) < 400:
                self.to_annotate.append(document)
        return None

    def save(self, index: int, hostile: Hostile, problem: str) -> None:
        self.failures.append(f"#{index} {hostile.kind}: {problem.splitlines()[-1][:200]}")
        target = self.args.failures / f"{index:05d}-{hostile.kind}"
        target.mkdir(parents=True, exist_ok=True)
        (target / "problem.txt").write_text(f"{hostile.name!r}\n{problem}", encoding="utf-8")
        if hostile.data is not None:
            (target / "input.bin").write_bytes(hostile.data)


def annotate_sample(documents: list[Document]) -> tuple[int, int, int, float]:
    """The full pipeline on cleaned hostile documents: (annotated, over budget, crashes, s)."""
    from dyad.pipeline import _annotate_one, _Annotated, _worker_init
    from dyad.settings import load_settings

    _worker_init(load_settings(None))
    started = time.perf_counter()
    over = crashes = 0
    for document in documents:
        result = _annotate_one(document)
        if isinstance(result, _Annotated):
            for kind, span in result.document.spans():
                if result.document.text[span.start : span.end] != span.text:
                    crashes += 1
                    print(f"  offset mismatch ({kind}) in {document.name!r}")
        elif "time budget" in result.cause:
            over += 1
        else:
            crashes += 1
            print(f"  annotation crash in {document.name!r}: {result.cause[:200]}")
    return len(documents), over, crashes, time.perf_counter() - started


def ingest_sample(args: argparse.Namespace, rng: random.Random, folder: Path) -> str:
    """Hostile files of every kind ingested in one run into SQLite, as `dyad ingest` does."""
    from dyad.pipeline import ingest
    from dyad.settings import load_settings
    from dyad.store import Store

    inputs = folder / "mixed"
    inputs.mkdir()
    kinds = [k for k in args.kinds if k != "url"]
    for i in range(args.ingest_sample):
        hostile = GENERATORS[kinds[i % len(kinds)]](rng)
        assert hostile.data is not None
        (inputs / f"{i:04d}-{hostile.name}").write_bytes(hostile.data)
    settings = load_settings(None, db=str(folder / "fuzz.db"))
    try:
        with Store(settings.db) as store:
            report = ingest([str(inputs)], store, settings)
    except Exception:
        return "CRASH:\n" + traceback.format_exc(limit=8)
    parts = len(report.stored) + report.already_stored + len(report.errors)
    unread = sum(e.stage in ("read", "skip") for e in report.errors)
    adds_up = report.read == parts - unread
    return (
        f"{args.ingest_sample} files, {report.read} documents read: {len(report.stored)} "
        f"stored, {report.already_stored} already stored, {len(report.errors) - unread} "
        f"errors, {unread} inputs unread; summary adds up: {'yes' if adds_up else 'NO'}"
    )


def main() -> int:
    args = arguments()
    rng = random.Random(args.seed)
    kinds = [k for k in args.kinds if k in GENERATORS]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="dyad-fuzz-") as tmp:
        fuzz = Fuzz(args, Path(tmp))
        for index in range(args.inputs):
            kind = kinds[index % len(kinds)]
            hostile = GENERATORS[kind](rng)
            fuzz.one(index, hostile, annotate=index % args.annotate_every == 0)
            if (index + 1) % 1000 == 0:
                print(f"  {index + 1} inputs, {time.perf_counter() - started:.0f} s", flush=True)
        read_time = time.perf_counter() - started
        annotated, over, annotation_crashes, annotate_time = annotate_sample(fuzz.to_annotate)
        ingested = ingest_sample(args, rng, Path(tmp)) if args.ingest_sample else "skipped"
    crashes = sum(fuzz.crashes.values()) + annotation_crashes
    hangs = sum(fuzz.hangs.values())
    print(f"fuzz_ingest: seed {args.seed}, per-input timeout {args.timeout:g} s")
    print(f"inputs tried: {sum(fuzz.tried.values())}  ({read_time:.0f} s)")
    for kind in kinds:
        print(
            f"  {kind:6} {fuzz.tried[kind]:6} tried, {fuzz.crashes[kind]} crashes, "
            f"{fuzz.hangs[kind]} hangs"
        )
    print(
        f"documents cleaned: {fuzz.documents}; inputs and documents refused with a cause: "
        f"{fuzz.errors}; bad outputs: {fuzz.crashes['bad output']}"
    )
    print(f"slowest input: {fuzz.slowest[0]:.2f} s ({fuzz.slowest[1]})")
    print(
        f"annotated by the full pipeline: {annotated} documents in {annotate_time:.0f} s, "
        f"{over} over their time budget (error rows), {annotation_crashes} crashes"
    )
    print(f"ingested end to end: {ingested}")
    print(f"crashes: {crashes}")
    print(f"hangs: {hangs}")
    print(f"peak memory: {peak_memory_mb():.0f} MB")
    for line in fuzz.failures[:20]:
        print(f"  {line}")
    if fuzz.failures:
        print(f"  failing inputs saved under {args.failures}")
    failed = crashes or hangs or "CRASH" in ingested or "adds up: NO" in ingested
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
