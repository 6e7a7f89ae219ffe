"""The explorer's tests share one store of our own corpus (tests/briefing_corpus.py)."""

from __future__ import annotations

import pytest

from briefing_corpus import build_store


@pytest.fixture(scope="session")
def briefing_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("explorer"))
