"""Document language and the foreign-line check."""

from __future__ import annotations

import pytest

from dyad.clean import clean_document
from dyad.clean.language import body_language, detect_language, is_foreign_line, language_flags
from dyad.clean.settings import DEFAULT_LINE_LANGUAGES
from dyad.model import RawDocument

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


#: Sentences of our own: Russian and Persian, about the same meeting as PARAGRAPHS.
RUSSIAN = (
    "Министр иностранных дел России провёл переговоры с иранским коллегой в Москве, "
    "заявив, что стороны обсудили широкий круг вопросов."
)
PERSIAN = (
    "وزیر امور خارجه ایران می\u200cگوید که مذاکرات با روسیه ادامه خواهد داشت و دو کشور "
    "همکاری\u200cهای خود را گسترش می\u200cدهند."
)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # one Russian sentence, as a line or inside a paragraph, does not make it Russian
        ("\n".join([PARAGRAPHS[0], RUSSIAN, *PARAGRAPHS[1:]]), "en"),
        (" ".join([*PARAGRAPHS[:3], f"«{RUSSIAN}»", *PARAGRAPHS[3:]]), "en"),
        # more Russian letters than English ones: Russian
        ("\n".join([RUSSIAN, RUSSIAN.replace("Москве", "Тегеране"), PARAGRAPHS[0]]), "ru"),
        ("\n".join([PERSIAN, PERSIAN]), "fa"),
        (RUSSIAN, "ru"),
        ("12345 -- 678", "und"),
    ],
)
def test_body_language_counts_letters_not_lines(text: str, lang: str) -> None:
    assert body_language(text) == lang


def test_body_language_of_an_english_article_with_a_russian_line() -> None:
    text = "\n".join([PARAGRAPHS[0], PARAGRAPHS[1], RUSSIAN, *PARAGRAPHS[2:]])
    assert clean_document(RawDocument(name="a", source="a.txt", text=text)).language == "en"


@pytest.mark.parametrize(
    ("language", "flagged"), [("en", False), (None, False), ("ru", True), ("fa", True)]
)
def test_language_flags_warn_of_what_extraction_does_not_support(
    language: str | None, flagged: bool
) -> None:
    flags = language_flags(language)
    assert bool(flags) is flagged
    if flagged:
        assert flags[0].kind == "language" and "English only" in flags[0].message


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (PERSIAN, PERSIAN),  # U+200C spells Persian words: kept
        ("क्\u200dष is a conjunct in Devanagari script today.", "क्\u200dष"),
        ("A family 👨\u200d👩\u200d👧 sat at the table at the summit.", "👨\u200d👩\u200d👧"),
        ("Ira\u200cn and Rus\u200dsia met in Moscow on Monday.", "Iran and Russia met"),
    ],
)
def test_zero_width_joiners_survive_where_a_script_uses_them(text: str, kept: str) -> None:
    cleaned = clean_document(RawDocument(name="a", source="a.txt", text=text)).text
    assert kept in cleaned
