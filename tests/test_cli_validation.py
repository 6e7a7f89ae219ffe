"""Options are checked before anything is read: unknown event types, modalities and dyad
codes, a limit below 1, and a store path that does not exist are clean errors (exit 2)
that say what was expected, and no command that reads creates an empty store."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.store import Store

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "s.db")
    Store(path).close()
    return path


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["events", "--type", "FOO"], "one of ACCUSE, AGREE"),
        (["facts", "--type", "FOO"], "one of ACCUSE, AGREE"),
        (["export", "--what", "events", "--type", "FOO"], "one of ACCUSE, AGREE"),
        (["events", "--modality", "maybe"], "asserted, future, generic"),
        (["events", "--dyad", "Russia-Iran"], "for Russia, write RUS"),
        (["events", "--dyad", "RUS-ZZZ"], "unknown country code 'ZZZ'"),
        (["facts", "--dyad", "RUS-ZZZ"], "unknown country code 'ZZZ'"),
        (["events", "--limit", "-1"], "1 or more"),
        (["events", "--limit", "0"], "1 or more"),
        (["quotes", "--limit", "-5"], "1 or more"),
    ],
)
def test_cli_bad_option_is_an_error_listing_valid_values(
    db: str, args: list[str], expected: str
) -> None:
    result = runner.invoke(app, [*args, "--db", db])
    assert result.exit_code == 2, result.output
    assert expected in " ".join(result.output.split())


@pytest.mark.parametrize(
    "args",
    [
        ["docs"],
        ["docs", "--errors"],
        ["show", "x"],
        ["events"],
        ["quotes"],
        ["export"],
        ["facts"],
        ["stories"],
        ["story", "s-1"],
        ["reannotate"],
    ],
)
def test_cli_read_commands_refuse_a_missing_store(tmp_path: Path, args: list[str]) -> None:
    missing = tmp_path / "typo.db"
    result = runner.invoke(app, [*args, "--db", str(missing)])
    assert result.exit_code == 2, result.output
    assert "no store at" in result.output
    assert not missing.exists()


def test_cli_eval_refuses_a_missing_store(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("", encoding="utf-8")
    missing = tmp_path / "typo.db"
    result = runner.invoke(app, ["eval", "--gold", str(gold), "--db", str(missing)])
    assert result.exit_code == 2
    assert not missing.exists()
