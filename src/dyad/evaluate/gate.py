"""The quality gate: floors for each measure, pinned beside a fingerprint of the gold.

A floors file (`eval/floors-seeds.json`, `eval/floors-dev.json`: one per gold file) holds
`{"gold": <path hint>, "gold_sha256": ..., "floors": {...}}`. CI runs
`dyad eval --floors FILE` and fails when a score falls below its floor. A floor is only
ever raised (`--update-floors`, which also creates a missing file) when a score rises; it
is never lowered silently. Floors are meaningless against another gold file, so a changed
fingerprint fails the gate until someone re-pins on purpose. Measures where lower is
better (the extra-event rate) keep a ceiling under the same key.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any

from dyad.errors import GoldError
from dyad.evaluate.gold import gold_fingerprint
from dyad.evaluate.report import LOWER_IS_BETTER, UNGATED, EvalReport

_EPSILON = 1e-9


def read_floors(floors_path: str | Path) -> dict[str, Any]:
    """Read and check a floors file.

    Raises:
        GoldError: the file is missing or is not a floors file.
    """
    path = Path(floors_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise GoldError(
            f"floors file {path} not found; create it at the current scores with "
            f"`dyad eval --gold GOLD --floors {path} --update-floors`"
        ) from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"cannot read floors file {path}: {exc}; fix or delete it") from exc
    floors = data.get("floors") if isinstance(data, dict) else None
    if not isinstance(floors, dict) or not all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in floors.values()
    ):
        raise GoldError(
            f'floors file {path}: expected {{"gold_sha256": ..., "floors": {{measure: number}}}}'
        )
    checked: dict[str, Any] = data
    return checked


def floors_gold_path(floors_path: str | Path) -> Path | None:
    """The gold file a floors file names, resolved against the floors file's folder."""
    data = read_floors(floors_path)
    hint = data.get("gold")
    if not isinstance(hint, str) or not hint:
        return None
    return (Path(floors_path).parent / hint).resolve()


def check_floors(report: EvalReport, floors_path: str | Path, gold_path: str | Path) -> list[str]:
    """Compare a report with the pinned floors.

    Args:
        report: the scores on `gold_path`.
        floors_path: the floors file (`eval/floors-seeds.json`).
        gold_path: the gold file the report was computed on.

    Returns:
        One message per failure; empty when the gate passes.

    Raises:
        GoldError: the floors file or the gold file cannot be read.
    """
    data = read_floors(floors_path)
    pinned = data.get("gold_sha256")
    current = gold_fingerprint(gold_path)
    if not pinned:
        return [
            f"floors in {floors_path} are not pinned to a gold file (no gold_sha256); "
            "pin them with --update-floors"
        ]
    if pinned != current:
        return [
            f"gold file changed: floors pinned for sha256 {pinned}, got {current}; "
            "re-pin deliberately with --update-floors"
        ]
    measures = report.measures
    failures: list[str] = []
    for name, floor in sorted(data["floors"].items()):
        value = measures.get(name)
        if value is None:
            failures.append(f"{name}: not measured (no value), pinned at {floor:.3f}")
        elif name in LOWER_IS_BETTER and value > floor + _EPSILON:
            failures.append(f"{name}: {value:.3f} is above its ceiling {floor:.3f}")
        elif name not in LOWER_IS_BETTER and value < floor - _EPSILON:
            failures.append(f"{name}: {value:.3f} is below its floor {floor:.3f}")
    return failures


def raise_floors(
    report: EvalReport, floors_path: str | Path, gold_path: str | Path
) -> dict[str, tuple[float | None, float]]:
    """Raise each floor to the current score (down to 3 decimals) and write the file.

    A floor is never lowered (a ceiling never raised), and measures without a floor get
    one. When the gold file changed since the floors were pinned, this is the deliberate
    re-pin: every floor is reset to the current score on the new gold.

    Args:
        report: the scores on `gold_path`.
        floors_path: the floors file; created when missing.
        gold_path: the gold file the report was computed on.

    Returns:
        What changed: measure -> (old floor or None, new floor). After a re-pin every
        measure is listed, with the floor it had under the old gold.
    """
    path = Path(floors_path)
    data = read_floors(path) if path.exists() else {"floors": {}}
    fingerprint = gold_fingerprint(gold_path)
    repin = data.get("gold_sha256") != fingerprint
    old: dict[str, float] = {} if repin else dict(data["floors"])
    floors = dict(old)
    changed: dict[str, tuple[float | None, float]] = {}
    for name, value in report.measures.items():
        if value is None or name in UNGATED:
            continue
        lower = name in LOWER_IS_BETTER
        pinned = _round_up(value) if lower else _round_down(value)
        before = old.get(name)
        if before is None or (pinned < before if lower else pinned > before):
            floors[name] = pinned
            changed[name] = (before, pinned)
    if repin:
        changed = {name: (data["floors"].get(name), new) for name, (_, new) in changed.items()}
    output = {
        "gold": Path(os.path.relpath(Path(gold_path).resolve(), path.parent.resolve())).as_posix(),
        "gold_sha256": fingerprint,
        "floors": dict(sorted(floors.items())),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(output, indent=2) + "\n", encoding="utf-8")
    return changed


def _round_down(value: float) -> float:
    return math.floor(value * 1000 + _EPSILON) / 1000


def _round_up(value: float) -> float:
    return math.ceil(value * 1000 - _EPSILON) / 1000
