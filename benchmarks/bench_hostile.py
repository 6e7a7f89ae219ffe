"""Growth on pathological inputs: each kind at N, 2N and 4N units, with the time ratios.

Linear work doubles when the input doubles (ratio about 2); quadratic work quadruples
(about 4). Each input is one document taken through cleaning and annotation in this
process, as `dyad ingest` does; the JSON array and the error listing are read and printed
the way the CLI does.

    python benchmarks/bench_hostile.py            # N = 2000 words
    python benchmarks/bench_hostile.py --units 500 --kinds run-on quotes
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import peak_memory_mb

NAMES = ["Lavrov", "Araghchi", "Putin", "Pezeshkian", "Erdogan", "Aliyev", "Peskov", "Zakharova"]
PLACES = ["Moscow", "Tehran", "Ankara", "Baku", "Russia", "Iran", "Turkey", "Azerbaijan"]
WORDS = [
    "the",
    "minister",
    "said",
    "talks",
    "on",
    "trade",
    "and",
    "transport",
    "would",
    "go",
    "on",
    "next",
    "week",
    "with",
]


def no_period(units: int) -> str:
    """One sentence of `units` words with no full stop anywhere."""
    return " ".join(WORDS[i % len(WORDS)] for i in range(units))


def run_on(units: int) -> str:
    """Run-on text dense with actor and place names, commas and verbs, no full stop."""
    parts = [
        f"{NAMES[i % 8]} met {NAMES[(i + 3) % 8]} in {PLACES[i % 8]} and said {PLACES[(i + 1) % 8]}"
        for i in range(units // 8)
    ]
    return ", ".join(parts)


def quotes(units: int) -> str:
    """Quote marks and "said" over and over, in one long paragraph."""
    return " ".join(f'"{WORDS[i % len(WORDS)]}" said' for i in range(units // 2))


def attributes(units: int) -> str:
    """An HTML paragraph whose tag carries `units` * 10 attributes."""
    attrs = " ".join(f'a{i}="v{i}"' for i in range(units * 10))
    return f"<html><body><p {attrs}>Lavrov met Araghchi in Moscow on Monday.</p></body></html>"


KINDS: dict[str, tuple[Callable[[int], str], str]] = {
    "no-period": (no_period, "text"),
    "run-on": (run_on, "text"),
    "quotes": (quotes, "text"),
    "attributes": (attributes, "html"),
}


def time_document(text: str, fmt: str, nlp: object) -> tuple[float, str]:
    from dyad.clean import clean_document
    from dyad.model import RawDocument
    from dyad.pipeline import annotate

    raw = RawDocument(name="x", source="bench", format=fmt, data=text.encode())  # type: ignore[arg-type]
    started = time.perf_counter()
    try:
        document = annotate(clean_document(raw), nlp)  # type: ignore[arg-type]
        outcome = f"{len(document.sentences)} sentences, {len(document.events)} events"
    except Exception as exc:  # a refusal is an outcome too (the limit is the point)
        outcome = f"refused: {type(exc).__name__}: {str(exc)[:60]}"
    return time.perf_counter() - started, outcome


def time_json_array(units: int) -> tuple[float, str]:
    """Read a JSON array of `units` * 50 small records as `dyad ingest` does."""
    import json

    from dyad.ingest import IngestSettings
    from dyad.ingest.jsonl import iter_json

    entry = json.dumps({"text": "Lavrov met Araghchi in Moscow."}).encode()
    data = b"[" + b",".join([entry] * (units * 50)) + b"]"
    started = time.perf_counter()
    count = sum(
        1
        for _ in iter_json(
            io.BytesIO(data),
            stem="a",
            source="a.json",
            outlet=None,
            settings=IngestSettings(),
            lines=False,
        )
    )
    return time.perf_counter() - started, f"{count} records"


def time_error_listing(units: int) -> tuple[float, str]:
    """Print `units` * 20 ingest errors the way `dyad ingest` and `dyad docs --errors` do."""
    from types import SimpleNamespace

    from rich.console import Console

    from dyad.model import IngestError
    from dyad.report import console as render

    errors = [
        IngestError(f"doc{i}", f"in/doc{i}.json", "read", "bad line") for i in range(units * 20)
    ]
    report = SimpleNamespace(read=0, stored=[], already_stored=0, near_duplicates=0, errors=errors)
    console = Console(file=io.StringIO(), width=160)
    started = time.perf_counter()
    render.ingest_report(console, report)
    rows = [
        SimpleNamespace(run_id=1, name=e.name, source=e.source, stage=e.stage, cause=e.cause)
        for e in errors
    ]
    render.errors_table(console, rows)
    return time.perf_counter() - started, f"{len(errors)} errors"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=2000, help="N: words (or attributes/10)")
    parser.add_argument(
        "--kinds", nargs="*", default=[*KINDS, "json-array", "error-listing"], help="which inputs"
    )
    args = parser.parse_args()
    from dyad.pipeline import nlp_for
    from dyad.settings import load_settings

    nlp = nlp_for(load_settings(None))
    print(f"{'input':<14} {'size':>8} {'seconds':>9} {'ratio':>6}  outcome")
    for kind in args.kinds:
        previous = None
        for factor in (1, 2, 4):
            units = args.units * factor
            if kind in KINDS:
                make, fmt = KINDS[kind]
                seconds, outcome = time_document(make(units), fmt, nlp)
            elif kind == "json-array":
                seconds, outcome = time_json_array(units)
            else:
                seconds, outcome = time_error_listing(units)
            ratio = f"{seconds / previous:.1f}" if previous else "-"
            previous = max(seconds, 1e-6)
            print(f"{kind:<14} {units:>8} {seconds:>9.2f} {ratio:>6}  {outcome}", flush=True)
    print(f"peak memory {peak_memory_mb():.0f} MB")


if __name__ == "__main__":
    main()
