"""A document not in English is stored with a warning that extraction supports English
only: `ingest` names it in its summary, `docs` marks it, `show` lists the flag."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from dyad.cli import app

from .conftest import PARAGRAPHS
from .test_language import PERSIAN, RUSSIAN

runner = CliRunner()


def test_cli_non_english_documents_are_stored_with_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "english.txt").write_text("\n\n".join([*PARAGRAPHS[:2], RUSSIAN, *PARAGRAPHS[2:]]))
    (folder / "russian.txt").write_text("\n\n".join([RUSSIAN, RUSSIAN.replace("Москве", "Казани")]))
    (folder / "persian.txt").write_text("\n\n".join([PERSIAN, PERSIAN.replace("روسیه", "چین")]))
    db = str(tmp_path / "s.db")
    ingested = runner.invoke(app, ["ingest", str(folder), "--db", db])
    assert ingested.exit_code == 0, ingested.output
    summary = " ".join(ingested.output.split())
    assert "3 stored" in summary
    assert "2 stored documents are not in English: persian (fa), russian (ru)" in summary
    assert "extraction supports English only" in summary
    listed = " ".join(runner.invoke(app, ["docs", "--db", db]).output.split())
    assert "ru (not English)" in listed and "fa (not English)" in listed
    assert "en (not English)" not in listed
    assert "2 not in English" in listed
    shown = " ".join(runner.invoke(app, ["show", "persian", "--db", db]).output.split())
    assert "flag (language): written in 'fa', not English" in shown
    assert "\u200c" in runner.invoke(app, ["show", "persian", "--db", db]).output
