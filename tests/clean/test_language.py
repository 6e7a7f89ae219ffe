"""Document language and the foreign-line check."""

from __future__ import annotations

import pytest

from dyad.clean.language import detect_language, is_foreign_line
from dyad.clean.settings import DEFAULT_LINE_LANGUAGES

from .conftest import PARAGRAPHS


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (" ".join(PARAGRAPHS), "en"),
        ("Le ministre russe des Affaires étrangères a reçu son homologue iranien à Moscou.", "fr"),
        ("Der russische Außenminister empfing seinen iranischen Amtskollegen in Moskau.", "de"),
        ("12345 -- 678", "und"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text)[0] == lang


@pytest.mark.parametrize(
    ("line", "foreign"),
    [
        ("Leia o original em português no site da agência", True),
        ("Lisez l'article complet sur le site de notre partenaire", True),
        ("Conclusion", False),
        ("Final Thoughts", False),
        ("What comes next for the corridor", False),
        ("Sergei Lavrov", False),
        ("Copy Link", False),
    ],
)
def test_is_foreign_line(line: str, foreign: bool) -> None:
    assert is_foreign_line(line, "en", DEFAULT_LINE_LANGUAGES, 0.8) is foreign


def test_unknown_document_language_never_flags() -> None:
    assert not is_foreign_line("Leia o original em português", "xx", DEFAULT_LINE_LANGUAGES, 0.8)
