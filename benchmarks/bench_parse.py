"""Parser cost: dyad end to end against the trained model's own tagger and parser.

Both run, one process each and one core each, over the same real-length articles, cleaned
once beforehand and not timed: generated ones (2,000-4,000 characters, several paragraphs,
with the junk lines of a scrape), or real ones from a JSONL file of {"text": ...} records
as `dyad ingest` reads it (`--input`, read and cleaned by dyad's own reader and cleaner):

- parse only: the model's own tok2vec, tagger and parser (`spacy.load(model,
  exclude=[every other component])`), `nlp.pipe(texts)` over the whole cleaned texts,
  once with the model's own batch size and once with a small batch;
- end to end: `dyad.pipeline.annotate` on each cleaned Document, with the pipeline
  `dyad ingest` builds (dyad's sentences, the whole trained pipeline, actors, dates, events,
  quotes, results copied onto the Document); no reading, cleaning or store.

Prints documents/s, sentences/s and tokens/s for both, the ratio end to end / parse only
(1.0 or more: dyad costs no more than the model's own parse), each process's peak memory,
and where the end-to-end time goes: in a second pass over the same documents, each
component call timed alone (the tokenizer with dyad's sentence splitter), then by group.

    python benchmarks/bench_parse.py --docs 300
    python benchmarks/bench_parse.py --input ../shared/dev/articles.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import article, peak_memory_mb

#: What "parse only" keeps of the trained pipeline.
PARSE_PIPES = ("tok2vec", "tagger", "parser")
#: Documents run through each pipeline, untimed, before the clock starts.
WARMUP = 10
#: The second parse-only batch: long documents parse faster, in far less memory, in small
#: batches than in the model's default one (256).
SMALL_BATCH = 8
#: One core per measurement: no BLAS or OpenMP threads beside the process.
ONE_CORE = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def cleaned_documents(count: int, seed: int) -> list:
    """`count` generated articles of 2,000-4,000 characters, cleaned as ingest cleans them."""
    from dyad.clean import clean_document
    from dyad.model import RawDocument

    rng = random.Random(seed)
    documents = []
    for i in range(count):
        _, _, text = article(rng, i, target_chars=rng.randint(2000, 4000))
        raw = RawDocument(name=f"article-{i:05d}", source="bench", data=text.encode())
        documents.append(clean_document(raw))
    return documents


def input_documents(path: str, count: int) -> list:
    """The first `count` records of a JSONL file, read and cleaned as ingest does."""
    from dyad.clean import clean_document
    from dyad.errors import DocumentError
    from dyad.ingest import iter_inputs
    from dyad.model import RawDocument

    documents = []
    for raw in iter_inputs([path]):
        if len(documents) == count:
            break
        if not isinstance(raw, RawDocument):
            continue  # a record ingest would refuse: not benchmarked either
        try:
            documents.append(clean_document(raw))
        except DocumentError:
            continue
    if not documents:
        raise SystemExit(f"{path}: no article ingest would annotate")
    return documents


def _digest(texts: list[str]) -> str:
    return hashlib.sha256("\0".join(texts).encode()).hexdigest()[:12]


def parse_only(documents: list, model: str, batch_size: int | None) -> dict:
    """The model's tagger and parser alone, through its own `nlp.pipe`."""
    import spacy
    from spacy.util import get_model_meta, get_package_path, is_package

    # The component names from the package's meta: loading the whole model to list them
    # would count a second model in this process's peak memory.
    path = get_package_path(model) if is_package(model) else Path(model)
    every = get_model_meta(path)["components"]
    nlp = spacy.load(model, exclude=[name for name in every if name not in PARSE_PIPES])
    nlp.max_length = 5_000_000
    nlp.batch_size = batch_size or nlp.batch_size
    texts = [d.text for d in documents]
    list(nlp.pipe(texts[:WARMUP]))
    started = time.perf_counter()
    sentences = tokens = 0
    for doc in nlp.pipe(texts):
        sentences += sum(1 for _ in doc.sents)
        tokens += len(doc)
    seconds = time.perf_counter() - started
    return {
        "run": f"parse only ({' + '.join(nlp.pipe_names)}, nlp.pipe, batch {nlp.batch_size})",
        "batch_size": nlp.batch_size,
        "seconds": seconds,
        "sentences": sentences,
        "tokens": tokens,
    }


def end_to_end(documents: list, model: str | None) -> dict:
    """`dyad.pipeline.annotate` per document, then each component timed on its own."""
    import copy

    from dyad.nlp import make_doc
    from dyad.pipeline import annotate, nlp_for
    from dyad.settings import load_settings

    settings = load_settings(None, spacy_model=model)
    nlp = nlp_for(settings)
    fresh = copy.deepcopy(documents)  # annotate fills the Documents in place
    for document in copy.deepcopy(documents[:WARMUP]):
        annotate(document, nlp)
    started = time.perf_counter()
    for document in fresh:
        annotate(document, nlp)
    seconds = time.perf_counter() - started
    (first, split), *rest = nlp.pipeline
    if first != "dyad_sentences":
        raise SystemExit(f"expected dyad_sentences first, got {nlp.pipe_names}")
    tokens = 0
    stages: dict[str, float] = {"tokenizer + dyad_sentences": 0.0}
    for document in documents:  # the same documents, not annotated yet
        t0 = time.perf_counter()
        doc = split(make_doc(nlp, document))
        stages["tokenizer + dyad_sentences"] += time.perf_counter() - t0
        for name, component in rest:
            t = time.perf_counter()
            doc = component(doc)
            stages[name] = stages.get(name, 0.0) + time.perf_counter() - t
        tokens += len(doc)
    return {
        "run": "end to end (dyad.pipeline.annotate per cleaned Document)",
        "seconds": seconds,
        "sentences": sum(len(d.sentences) for d in fresh),
        "tokens": tokens,
        "stages": stages,
        "pipeline": nlp.pipe_names,
    }


def child(args: argparse.Namespace) -> dict:
    if args.input:
        documents = input_documents(args.input, args.docs)
    else:
        documents = cleaned_documents(args.docs, args.seed)
    from dyad.nlp.pipeline import DEFAULT_SPACY_MODEL

    if args.child == "parse":
        result = parse_only(documents, args.model or DEFAULT_SPACY_MODEL, args.batch_size)
    else:
        result = end_to_end(documents, args.model)
    result.update(
        documents=len(documents),
        chars=sum(len(d.text) for d in documents),
        digest=_digest([d.text for d in documents]),
        peak_mb=peak_memory_mb(),
    )
    return result


def _run_child(which: str, args: argparse.Namespace, batch_size: int | None = None) -> dict:
    command = [sys.executable, __file__, "--child", which, "--docs", str(args.docs)]
    command += ["--seed", str(args.seed)] + (["--model", args.model] if args.model else [])
    command += ["--input", args.input] if args.input else []
    command += ["--batch-size", str(batch_size)] if batch_size else []
    out = subprocess.run(
        command, check=True, capture_output=True, text=True, env={**os.environ, **ONE_CORE}
    )
    result: dict = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--docs", type=int, default=300, help="articles (default 300; with --input, at most)"
    )
    parser.add_argument(
        "--input",
        metavar="FILE.jsonl",
        help='real articles instead of generated ones: JSONL of {"text": ...} records',
    )
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--model", help="spaCy pipeline (default: dyad's default model)")
    parser.add_argument(
        "--batch-size",
        type=int,
        help=f"nlp.pipe batch of the parse-only run (default: the model's, then {SMALL_BATCH})",
    )
    parser.add_argument("--child", choices=("parse", "annotate"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args)))
        return
    batches = [args.batch_size] if args.batch_size else [None, SMALL_BATCH]
    parses = [_run_child("parse", args, batch) for batch in batches]
    full = _run_child("annotate", args)
    if any(parse["digest"] != full["digest"] for parse in parses):
        raise SystemExit("the runs did not read the same documents")
    what = f"articles from {args.input}" if args.input else "generated articles"
    print(
        f"{full['documents']} {what}, {full['chars'] / full['documents']:,.0f} "
        f"characters on average after cleaning; one process, one core each\n"
    )
    print(f"{'run':<62} {'docs/s':>7} {'sent/s':>7} {'tokens/s':>9} {'seconds':>8} {'peak MB':>8}")
    for row in (*parses, full):
        seconds = row["seconds"]
        print(
            f"{row['run']:<62} {row['documents'] / seconds:>7.1f} "
            f"{row['sentences'] / seconds:>7,.0f} {row['tokens'] / seconds:>9,.0f} "
            f"{seconds:>8.2f} {row['peak_mb']:>8.0f}"
        )
    print()
    for parse in parses:
        ratio = parse["seconds"] / full["seconds"]  # docs/s end to end over docs/s parse only
        print(
            f"end to end / parse only, batch {parse['batch_size']:<4} (documents/s): "
            f"{ratio:.2f}  (goal: 1.00 or more)"
        )
    print(f"sentences: {parses[0]['sentences']} by the parser, {full['sentences']} by dyad")
    print(f"\nwhere the end-to-end time goes ({' > '.join(full['pipeline'])}),")
    print("each component call timed over the same documents in a second pass:")
    stages = full["stages"]
    for name, seconds in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(_stage_line(name, seconds, full["documents"], sum(stages.values())))
    groups: dict[str, float] = {}
    for name, seconds in stages.items():
        groups[_group(name)] = groups.get(_group(name), 0.0) + seconds
    print("by group:")
    for name, seconds in sorted(groups.items(), key=lambda kv: -kv[1]):
        print(_stage_line(name, seconds, full["documents"], sum(stages.values())))
    print(
        f"{'  sum of the timed calls':<46} {sum(stages.values()):7.2f} s "
        f"(the untimed end-to-end pass: {full['seconds']:.2f} s)"
    )


def _group(stage: str) -> str:
    if stage in PARSE_PIPES:
        return "the model's tok2vec + tagger + parser"
    if stage.startswith(("dyad_", "tokenizer")):
        return "dyad's tokenizer and components"
    return "the model's other components"


def _stage_line(name: str, seconds: float, documents: int, total: float) -> str:
    return (
        f"  {name:<44} {seconds:7.2f} s  {1000 * seconds / documents:6.1f} ms/doc"
        f"  {100 * seconds / total:5.1f} %"
    )


if __name__ == "__main__":
    main()
