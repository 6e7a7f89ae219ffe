"""resolve_url: what a user types after --db, and what the store connects to."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.errors import StoreError
from dyad.store import mask_url, resolve_url


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://ana@db.example:5432/news", "postgresql+psycopg://ana@db.example:5432/news"),
        ("postgresql://ana:pw@localhost/news", "postgresql+psycopg://ana:pw@localhost/news"),
        ("postgresql+psycopg://ana@localhost/news", "postgresql+psycopg://ana@localhost/news"),
        ("PostgreSQL://ana@localhost/news", "postgresql+psycopg://ana@localhost/news"),
        ("sqlite:///relative.db", "sqlite:///relative.db"),
        ("sqlite:////abs/dyad.db", "sqlite:////abs/dyad.db"),
        ("sqlite://", "sqlite://"),
        ("  sqlite:///padded.db  ", "sqlite:///padded.db"),
    ],
)
def test_resolve_url_urls(given: str, expected: str) -> None:
    assert resolve_url(given) == expected


@pytest.mark.parametrize("given", ["store.db", "data/news.db", "./x/../y.db"])
def test_resolve_url_paths_become_absolute_sqlite(
    given: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_url(given) == "sqlite:///" + str((tmp_path / given).resolve())


def test_resolve_url_home_is_expanded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert resolve_url("~/dyad.db") == f"sqlite:///{tmp_path.resolve()}/dyad.db"


@pytest.mark.parametrize(
    ("env", "expected_name"), [(None, "dyad.db"), ("", "dyad.db"), ("team.db", "team.db")]
)
def test_resolve_url_default_and_env(
    env: str | None, expected_name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    if env is None:
        monkeypatch.delenv("DYAD_DB", raising=False)
    else:
        monkeypatch.setenv("DYAD_DB", env)
    assert resolve_url(None) == f"sqlite:///{tmp_path.resolve() / expected_name}"


def test_resolve_url_explicit_beats_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYAD_DB", "postgres://x@h/db")
    assert resolve_url("sqlite:///mine.db") == "sqlite:///mine.db"


@pytest.mark.parametrize(
    "given",
    ["mysql://u@h/db", "postgresql+psycopg2://u@h/db", "http://example.com/db", "", "   "],
)
def test_resolve_url_refuses_unknown_schemes(given: str) -> None:
    with pytest.raises(StoreError) as info:
        resolve_url(given)
    assert "postgresql://" in str(info.value)  # says what to write instead
    assert info.value.code == "E300"


@pytest.mark.parametrize(
    ("url", "hidden", "kept"),
    [
        ("postgresql+psycopg://ana:s3cret@db.example/news", "s3cret", "ana:***@db.example"),
        ("postgresql+psycopg://ana@db.example/news", None, "ana@db.example"),
        ("sqlite:////tmp/dyad.db", None, "/tmp/dyad.db"),
    ],
)
def test_mask_url_hides_password(url: str, hidden: str | None, kept: str) -> None:
    masked = mask_url(url)
    assert kept in masked
    if hidden:
        assert hidden not in masked
