"""Locating gold strings in cleaned text through the fold."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dyad.evaluate.locate import TextLocator, fold, locate, locate_all, normalize

# (cleaned text, gold string, expected located text or None)
CASES = [
    ("Iran’s foreign minister flew home.", "Iranâs foreign minister", "Iran’s foreign minister"),
    ("the Russia–Iran treaty was signed", "RussiaâIran treaty", "Russia–Iran treaty"),
    ("the Russia – Iran treaty was signed", "RussiaâIran treaty", "Russia – Iran treaty"),
    ("He called it a “roadmap” for ties.", 'a "roadmap" for', "a “roadmap” for"),
    ('He called it a "roadmap" for ties.', "a “roadmap” for", 'a "roadmap" for'),
    ("It's a deal, he said.", "It’s a deal", "It's a deal"),
    ("talks  in\nAstana resumed", "talks in Astana", "talks  in\nAstana"),
    ("TALKS IN ASTANA", "talks in astana", "TALKS IN ASTANA"),
    ("The mayor of São Paulo spoke.", "SÃ£o Paulo", "São Paulo"),
    ("The mayor of Sao Paulo spoke.", "São Paulo", "Sao Paulo"),
    ("So the ÉLYSÉE said.", "the ÃLYSÃE said", "the ÉLYSÉE said"),
    ("Leaders met in Genève.", "in GenÃve", "in Genève"),
    ("Leaders met in Geneva.", "met in Vienna", None),
    ("Leaders met in Geneva.", " … ", None),
    ("Read more\n— — —\nShare", "— — — ", "— — —"),
]


@pytest.mark.parametrize(("text", "needle", "expected"), CASES)
def test_locate_finds_gold_strings_through_repairs(
    text: str, needle: str, expected: str | None
) -> None:
    span = locate(needle, text)
    if expected is None:
        assert span is None
    else:
        assert span is not None
        assert text[span[0] : span[1]] == expected


def test_locate_all_returns_every_occurrence() -> None:
    text = "The summit ended. Later the summit resumed. A summitry expert spoke."
    spans = locate_all("the summit", text)
    assert [text[a:b] for a, b in spans] == ["The summit", "the summit"]
    assert spans[0][0] < spans[1][0]


def test_whole_word_occurrences_are_preferred_over_word_pieces() -> None:
    text = "Ahmet met the envoy; they met again."
    spans = locate_all("met", text)
    assert [text[a:b] for a, b in spans] == ["met", "met"]
    assert all(a > 0 for a, _ in spans)


def test_a_word_piece_is_still_found_when_nothing_better_exists() -> None:
    assert locate("summit", "a summitry expert") == (2, 8)


def test_fold_keeps_an_offset_per_folded_character() -> None:
    folded = fold("Iran’s  Straße")
    assert folded.text == "iransstrasse"
    assert len(folded.offsets) == len(folded.text)
    assert folded.offsets[:4] == (0, 1, 2, 3)
    assert folded.offsets[4] == 5  # the apostrophe at 4 is dropped


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("  Join the Discussion! ", "jointhediscussion"),
        ("by | Dec 1, 2024 | 0 comments", "bydec120240comments"),
        ("— — —", "— — —"),
    ],
)
def test_normalize_is_the_line_comparison_key(line: str, key: str) -> None:
    assert normalize(line) == key


def test_text_locator_reuses_its_fold() -> None:
    locator = TextLocator("Ankara hosted the talks. Ankara said more.")
    assert locator.find("ankara said") == (25, 36)
    assert locator.find("Paris") is None


@given(
    st.lists(st.sampled_from(["Kyiv", "Warsaw", "talks", "’s", "–", " ", "\n", "“", "met"]),
             min_size=1, max_size=30),
    st.data(),
)  # fmt: skip
def test_located_span_folds_to_the_needle(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    needle = text[start:end]
    spans = locate_all(needle, text)
    if not needle.strip():
        assert spans == []
        return
    assert spans
    if not fold(needle).text:
        assert all(text[a:b] == needle.strip() for a, b in spans)
        return
    for a, b in spans:
        assert fold(text[a:b]).text == fold(needle).text
