"""Fixtures for the cleaning tests: an article of our own writing and the seeds folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.clean.settings import CleanSettings

TITLE = "Russia and Iran Sign a Twenty-Year Partnership Treaty"
DEK = "The agreement covers trade and security but stops short of a defence pact."
PARAGRAPHS = [
    "Iranian President Masoud Pezeshkian and Russian President Vladimir Putin signed a "
    "comprehensive strategic partnership treaty at the Kremlin on Friday, both governments said.",
    "The treaty, which runs for twenty years, covers trade, energy, transport and "
    "military-technical cooperation, but it does not contain a mutual defence clause.",
    "Russian officials said the agreement would help the two countries build payment systems "
    "that are not exposed to Western sanctions and to the dollar.",
    "The document was later ratified by the Russian State Duma, and Iran's parliament approved "
    "it a few weeks after that, officials in both capitals confirmed.",
    "Analysts noted that the North-South Transport Corridor, which links Russia to the Indian "
    "Ocean through Iran, featured prominently in the talks between the two delegations.",
    "Both leaders said they would meet again at the BRICS summit later in the year to review "
    "progress on the energy projects and the railway line through Rasht.",
]


def article(
    top: list[str] | None = None,
    middle: list[str] | None = None,
    bottom: list[str] | None = None,
) -> str:
    """Our fixture article with extra lines before the title, mid-body and at the end."""
    lines = [*(top or []), TITLE, DEK, *PARAGRAPHS[:3], *(middle or []), *PARAGRAPHS[3:]]
    return "\n".join([*lines, *(bottom or [])])


def shared_dir() -> Path | None:
    """../shared next to the repository, when this checkout has it."""
    for parent in Path(__file__).resolve().parents:
        candidate = parent.parent / "shared"
        if (candidate / "seeds").is_dir() and (candidate / "gold").is_dir():
            return candidate
    return None


@pytest.fixture(scope="module")
def settings() -> CleanSettings:
    return CleanSettings()


@pytest.fixture(scope="module")
def shared() -> Path:
    found = shared_dir()
    if found is None:
        pytest.skip("../shared (seeds and gold) is not present in this checkout")
    return found
