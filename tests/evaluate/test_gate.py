"""The quality gate: floors pinned to a gold fingerprint, raised and never lowered."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.errors import GoldError
from dyad.evaluate.gate import check_floors, floors_gold_path, raise_floors, read_floors
from dyad.evaluate.gold import gold_fingerprint
from dyad.evaluate.report import Accuracy, EvalReport, Tally


def _report(matched: int = 3, gold: int = 4, extracted: int = 5) -> EvalReport:
    """events.all: P = matched/extracted, R = matched/gold; boilerplate perfect."""
    return EvalReport(
        tallies={"events.all": Tally(matched, gold, extracted), "boilerplate": Tally(2, 2, 2)},
        accuracies={"modality": Accuracy(0, 0)},
    )


@pytest.fixture
def gold_path(tmp_path: Path) -> Path:
    path = tmp_path / "gold" / "mine.jsonl"
    path.parent.mkdir()
    path.write_text('{"name": "a", "boilerplate": [], "events": [], "quotes": []}\n')
    return path


def _pin(tmp_path: Path, gold_path: Path, floors: dict[str, float]) -> Path:
    path = tmp_path / "eval" / "floors.json"
    path.parent.mkdir(exist_ok=True)
    data = {"gold": "x", "gold_sha256": gold_fingerprint(gold_path), "floors": floors}
    path.write_text(json.dumps(data))
    return path


@pytest.mark.parametrize(
    ("floors", "failures"),
    [
        ({"events.all.recall": 0.75}, []),  # equal passes
        ({"events.all.recall": 0.7, "boilerplate.f1": 1.0}, []),  # above passes
        ({"events.all.recall": 0.8}, ["events.all.recall: 0.750 is below its floor 0.800"]),
        ({"events.extra_rate": 0.5}, []),  # 2 extra / 4 gold = 0.5, at its ceiling
        ({"events.extra_rate": 0.4}, ["events.extra_rate: 0.500 is above its ceiling 0.400"]),
        ({"modality.accuracy": 0.5}, ["modality.accuracy: not measured (no value), pinned at 0.500"]),
        ({"quotes.f1": 0.1}, ["quotes.f1: not measured (no value), pinned at 0.100"]),
    ],
)  # fmt: skip
def test_check_floors(
    tmp_path: Path, gold_path: Path, floors: dict[str, float], failures: list[str]
) -> None:
    assert check_floors(_report(), _pin(tmp_path, gold_path, floors), gold_path) == failures


def test_check_floors_fails_when_a_score_drops(tmp_path: Path, gold_path: Path) -> None:
    floors = _pin(tmp_path, gold_path, {})
    raise_floors(_report(matched=3), floors, gold_path)
    assert check_floors(_report(matched=3), floors, gold_path) == []
    failures = check_floors(_report(matched=2), floors, gold_path)
    assert "events.all.recall: 0.500 is below its floor 0.750" in failures
    assert "events.all.precision: 0.400 is below its floor 0.600" in failures


def test_check_floors_refuses_a_changed_gold(tmp_path: Path, gold_path: Path) -> None:
    floors = _pin(tmp_path, gold_path, {"events.all.recall": 0.1})
    pinned = gold_fingerprint(gold_path)
    gold_path.write_text(gold_path.read_text() + "\n")
    failures = check_floors(_report(), floors, gold_path)
    assert failures == [
        f"gold file changed: floors pinned for sha256 {pinned}, got "
        f"{gold_fingerprint(gold_path)}; re-pin deliberately with --update-floors"
    ]


def test_raise_floors_adds_rounds_down_and_never_lowers(tmp_path: Path, gold_path: Path) -> None:
    floors = _pin(tmp_path, gold_path, {"events.all.recall": 0.9, "events.all.precision": 0.1})
    report = EvalReport(tallies={"events.all": Tally(2, 3, 3)})  # 0.6666...
    changed = raise_floors(report, floors, gold_path)
    pinned = read_floors(floors)["floors"]
    assert pinned["events.all.recall"] == 0.9  # not lowered to 0.666
    assert pinned["events.all.precision"] == 0.666  # raised, rounded down
    assert pinned["events.all.f1"] == 0.666  # added
    assert pinned["events.extra_rate"] == 0.334  # a ceiling, rounded up
    assert changed["events.all.precision"] == (0.1, 0.666)
    assert changed["events.all.f1"] == (None, 0.666)
    assert "events.all.recall" not in changed
    assert check_floors(report, floors, gold_path) == [
        "events.all.recall: 0.667 is below its floor 0.900"
    ]


def test_raise_floors_tightens_a_ceiling_only(tmp_path: Path, gold_path: Path) -> None:
    floors = _pin(tmp_path, gold_path, {"events.extra_rate": 0.2})
    raise_floors(_report(extracted=5), floors, gold_path)  # extra rate 0.5
    assert read_floors(floors)["floors"]["events.extra_rate"] == 0.2
    raise_floors(_report(extracted=3), floors, gold_path)  # extra rate 0.0
    assert read_floors(floors)["floors"]["events.extra_rate"] == 0.0


def test_raise_floors_writes_a_new_file_pinned_to_the_gold(tmp_path: Path, gold_path: Path) -> None:
    floors = tmp_path / "eval" / "floors.json"
    raise_floors(_report(), floors, gold_path)
    data = read_floors(floors)
    assert data["gold_sha256"] == gold_fingerprint(gold_path)
    assert data["gold"] == "../gold/mine.jsonl"
    assert floors_gold_path(floors) == gold_path.resolve()
    assert "modality.accuracy" not in data["floors"]  # nothing measured, nothing pinned


def test_raise_floors_on_a_changed_gold_re_pins_every_floor(
    tmp_path: Path, gold_path: Path
) -> None:
    floors = _pin(tmp_path, gold_path, {"events.all.recall": 0.9})
    gold_path.write_text(gold_path.read_text() + "\n")
    changed = raise_floors(_report(), floors, gold_path)
    assert read_floors(floors)["floors"]["events.all.recall"] == 0.75
    assert changed["events.all.recall"] == (0.9, 0.75)
    assert check_floors(_report(), floors, gold_path) == []


def test_check_floors_refuses_unpinned_floors(tmp_path: Path, gold_path: Path) -> None:
    floors = tmp_path / "floors.json"
    floors.write_text('{"floors": {"events.all.f1": 0.1}}')
    assert check_floors(_report(), floors, gold_path) == [
        f"floors in {floors} are not pinned to a gold file (no gold_sha256); "
        "pin them with --update-floors"
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "not found"),
        ("{not json", "cannot read floors file"),
        ('{"floors": {"events.all.f1": "high"}}', "expected"),
        ("[1]", "expected"),
    ],
)
def test_bad_floors_file_is_a_gold_error(
    tmp_path: Path, gold_path: Path, content: str | None, message: str
) -> None:
    floors = tmp_path / "floors.json"
    if content is not None:
        floors.write_text(content)
    with pytest.raises(GoldError, match=message):
        check_floors(_report(), floors, gold_path)


def test_read_floors_missing_file_says_how_to_create_it(tmp_path: Path) -> None:
    floors = tmp_path / "floors-new.json"
    with pytest.raises(GoldError, match=f"--floors {floors} --update-floors"):
        read_floors(floors)


@pytest.mark.parametrize("name", ["seeds", "dev"])
def test_floors_files_in_the_repository_are_valid(name: str) -> None:
    """One floors file per evaluation set of the Makefile, each pinned to its own gold."""
    floors = Path(__file__).resolve().parents[2] / "eval" / f"floors-{name}.json"
    data = read_floors(floors)
    assert data["gold"] == f"../../shared/gold/{name}.jsonl"
    assert len(data["gold_sha256"]) == 64
    assert all(0.0 <= v <= 1.0 for v in data["floors"].values())
