"""The CLI end to end, in-process: every command has help with an example, and a user's
round trip (ingest -> docs -> show -> export -> events -> quotes -> eval) works."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.store import Store

runner = CliRunner()

ARTICLE = """Moscow and Tehran Sign Energy Roadmap

Officials promise more cooperation on the Bushehr plant.

Share this:

MOSCOW — Russian Foreign Minister Sergey Lavrov met Iranian Foreign Minister Abbas Araghchi in Moscow on Tuesday. The two ministers signed a plan of consultations for the next three years.

"Our countries will keep working together," Lavrov told reporters after the talks.

Copy Link
"""

SECOND = """Ankara Offers To Host Talks

Turkish President Recep Tayyip Erdogan offered on Friday to host talks between Russia and Ukraine in Istanbul.

Erdogan said Turkey was ready to help both sides.
"""


def _commands() -> list[str]:
    return sorted(c.name or c.callback.__name__ for c in app.registered_commands)


@pytest.mark.parametrize("command", _commands())
def test_cli_every_command_has_help_with_example(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "energy_roadmap.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "ankara_talks.txt").write_text(SECOND, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_cli_round_trip(tmp_path, corpus):
    db = str(tmp_path / "store.db")
    result = runner.invoke(app, ["ingest", str(corpus), "--db", db])
    assert result.exit_code == 0, result.output
    assert "2 stored" in result.output
    assert "empty" in result.output  # the broken file is named with its cause

    again = runner.invoke(app, ["ingest", str(corpus), "--db", db])
    assert again.exit_code == 0, again.output
    assert "0 stored, 2 already stored" in again.output

    docs = runner.invoke(app, ["docs", "--db", db])
    assert "energy_roadmap" in docs.output and "ankara_talks" in docs.output
    errors = runner.invoke(app, ["docs", "--db", db, "--errors"])
    assert "empty" in errors.output

    shown = runner.invoke(app, ["show", "energy_roadmap", "--db", db, "--actors", "--events"])
    assert shown.exit_code == 0, shown.output
    assert "Share this:" in shown.output  # listed among the removed lines, with a reason

    out = tmp_path / "export.jsonl"
    exported = runner.invoke(app, ["export", "--format", "jsonl", "-o", str(out), "--db", db])
    assert exported.exit_code == 0, exported.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["name"] for r in records} == {"energy_roadmap", "ankara_talks"}
    for record in records:
        for key in (
            "doc_id",
            "name",
            "url",
            "outlet",
            "title",
            "published",
            "language",
            "text",
            "removed",
            "events",
            "actors",
            "times",
            "places",
            "quotes",
        ):
            assert key in record
        text = record["text"]
        assert "Share this:" not in text
        for item in record["actors"] + record["times"] + record["places"]:
            assert text[item["start"] : item["end"]] == item["text"]
        for event in record["events"]:
            trigger = event["trigger"]
            assert text[trigger["start"] : trigger["end"]] == trigger["text"]
        for quote in record["quotes"]:
            content = quote["content"]
            assert text[content["start"] : content["end"]] == content["text"]

    assert runner.invoke(app, ["events", "--db", db, "--dyad", "RUS-IRN"]).exit_code == 0
    assert runner.invoke(app, ["quotes", "--db", db, "--speaker", "lavrov"]).exit_code == 0


def test_cli_eval_update_floors_creates_a_floors_file_then_gates(tmp_path, corpus):
    db = str(tmp_path / "store.db")
    assert runner.invoke(app, ["ingest", str(corpus), "--db", db]).exit_code == 0
    gold = tmp_path / "gold.jsonl"
    line = {
        "name": "energy_roadmap",
        "boilerplate": ["Share this:", "Copy Link"],
        "events": [],
        "quotes": [{"speaker": "Sergey Lavrov", "direct": True, "content": "keep working"}],
    }
    gold.write_text(json.dumps(line) + "\n", encoding="utf-8")
    floors = tmp_path / "eval" / "floors-mine.json"
    evaluate = ["eval", "--gold", str(gold), "--db", db, "--floors", str(floors)]

    missing = runner.invoke(app, evaluate)
    assert missing.exit_code == 2  # a clean error that says how to create it, no traceback
    assert "--update-floors" in missing.output and "Traceback" not in missing.output

    created = runner.invoke(app, [*evaluate, "--update-floors"])
    assert created.exit_code == 0, created.output
    assert "created at the current scores" in created.output
    pinned = json.loads(floors.read_text(encoding="utf-8"))
    assert pinned["gold"] == "../gold.jsonl"
    assert pinned["floors"]["boilerplate.recall"] == 1.0

    passed = runner.invoke(app, evaluate)
    assert passed.exit_code == 0, passed.output
    assert "at or above the floors" in passed.output

    gold.write_text(gold.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    changed = runner.invoke(app, evaluate)
    assert changed.exit_code == 1
    assert "gold file changed" in changed.output


def test_cli_unknown_document_is_a_clean_error(tmp_path):
    Store(str(tmp_path / "s.db")).close()
    result = runner.invoke(app, ["show", "nothing-here", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 2
    assert "no document named 'nothing-here'" in result.output


def test_cli_nothing_ingested_exits_nonzero(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"")
    result = runner.invoke(
        app, ["ingest", str(tmp_path / "bad.txt"), "--db", str(tmp_path / "s.db")]
    )
    assert result.exit_code == 1


def test_cli_bad_dyad_option(tmp_path):
    result = runner.invoke(app, ["events", "--dyad", "RUSIRN", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 2
    assert "RUS-IRN" in result.output


def test_cli_bad_export_format(tmp_path):
    result = runner.invoke(app, ["export", "--format", "xml", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 2
    assert "jsonl" in result.output


USER_ACTORS = """people:
  - id: leyla-example
    name: Leyla Mammadova-Example
    variants: [Mammadova-Example]
    gender: f
    country: AZE
    sector: GOV
    roles:
      - {title: Special Envoy, office: envoy, country: AZE, start: "2025-01", end: null}
"""


def test_cli_user_actor_file_resolves_a_new_person(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "envoy.txt").write_text(
        "Envoy Visits Tehran\n\nLeyla Mammadova-Example arrived in Tehran on Sunday. "
        "Mammadova-Example said the visit would strengthen ties.\n",
        encoding="utf-8",
    )
    actors = tmp_path / "mine.yaml"
    actors.write_text(USER_ACTORS, encoding="utf-8")
    db = str(tmp_path / "s.db")
    result = runner.invoke(app, ["ingest", str(folder), "--db", db, "--actors", str(actors)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "e.jsonl"
    runner.invoke(app, ["export", "-o", str(out), "--db", db])
    record = json.loads(out.read_text(encoding="utf-8"))
    people = [a for a in record["actors"] if a["name"] == "Leyla Mammadova-Example"]
    assert len(people) == 2
    assert {a["country"] for a in people} == {"AZE"}
    assert {a["entity_id"] for a in people} == {"person:leyla-example"}


def test_cli_bad_user_actor_file_is_a_clean_error(tmp_path):
    actors = tmp_path / "bad.yaml"
    actors.write_text("people:\n  - id: x\n    name: X\n    country: NOWHERE\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Iran and Russia met.\n", encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "ingest",
            str(tmp_path / "a.txt"),
            "--db",
            str(tmp_path / "s.db"),
            "--actors",
            str(actors),
        ],
    )
    assert result.exit_code == 2
    assert "bad.yaml" in result.output


def test_cli_show_lists_anachronism_flags(tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        json.dumps(
            {
                "name": "stale-analysis",
                "published": "2025-06-20",
                "text": "Tehran Weighs Its Options\n\nThe Biden administration has kept up pressure on Iran, the report said.",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["ingest", str(batch), "--db", db]).exit_code == 0
    shown = runner.invoke(app, ["show", "stale-analysis", "--db", db, "--actors"])
    assert shown.exit_code == 0, shown.output
    assert "anachronism" in shown.output
    assert "Biden" in shown.output


def test_cli_reading_commands_use_the_config_db(tmp_path, corpus, monkeypatch):
    config = tmp_path / "dyad.yaml"
    config.write_text(f"db: {tmp_path / 'configured.db'}\n", encoding="utf-8")
    monkeypatch.setenv("DYAD_CONFIG", str(config))
    assert runner.invoke(app, ["ingest", str(corpus)]).exit_code == 0
    docs = runner.invoke(app, ["docs"])
    assert "energy_roadmap" in docs.output
    assert (tmp_path / "configured.db").exists()


def test_cli_missing_spacy_model_is_a_clean_error(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Iran and Russia signed a treaty.")
    result = runner.invoke(
        app, ["ingest", str(text), "--db", str(tmp_path / "x.db"), "--spacy-model", "no_such_model"]
    )
    assert result.exit_code != 0
    assert "[E600]" in result.output and "requirements/model.txt" in result.output
    assert "Traceback" not in result.output
