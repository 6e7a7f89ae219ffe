"""The same input gives the same export in every run: Python randomises string hashing per
process, so any output that depends on set or dict-of-set order would differ between runs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _export(tmp_path: Path, seed: str) -> bytes:
    db = tmp_path / f"run{seed}.db"
    out = tmp_path / f"run{seed}.jsonl"
    env = {**os.environ, "PYTHONHASHSEED": seed}
    inputs = [str(EXAMPLES / "text"), str(EXAMPLES / "batch.jsonl")]
    if SEEDS.is_dir():  # real articles exercise more of the rules; ours run everywhere
        inputs.append(str(SEEDS))
    for args in (
        ["ingest", *inputs, "--db", str(db)],
        ["export", "--db", str(db), "-o", str(out)],
    ):
        subprocess.run(
            [sys.executable, "-m", "dyad.cli", *args], env=env, check=True, capture_output=True
        )
    return out.read_bytes()


def test_export_is_identical_across_hash_seeds(tmp_path):
    # Hash seeds 1 and 4 gave different events on the seed articles before trigger ties
    # were broken by lexicon order instead of set order.
    first = _export(tmp_path, "1")
    assert first.count(b"\n") >= 8
    assert _export(tmp_path, "4") == first
