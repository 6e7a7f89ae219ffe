"""Every data file of the events package is validated on load, with file and line."""

from pathlib import Path

import pytest

from dyad.errors import LexiconError
from dyad.events.grammar import load_grammar, read_grammar
from dyad.events.lemmas import read_irregular
from dyad.events.modality import load_modality, read_modality


def test_packaged_files_load() -> None:
    grammar = load_grammar()
    assert "between" in grammar.prepositions
    assert ("along", "with") in grammar.co_subject_openers
    cues = load_modality()
    assert set(cues.order) == {"hypothetical", "negated", "future", "generic"}


MODALITY_BAD = [
    ("order: [hypothetical]\ncues: {}\n", "order must list"),
    (
        "order: [hypothetical, negated, future, generic]\ncues:\n  hypothetical:\n"
        "    - {phrase: may, where: somewhere}\n",
        "where must be",
    ),
    (
        "order: [hypothetical, negated, future, generic]\ncues:\n  hypothetical:\n"
        "    - {phrase: may, where: before, window: 0}\n",
        "window",
    ),
    (
        "order: [hypothetical, negated, future, generic]\ncues:\n  hypothetical: []\n",
        "no cue list for negated",
    ),
]


@pytest.mark.parametrize(("text", "message"), MODALITY_BAD)
def test_bad_modality_file(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "modality.yaml"
    path.write_text(text)
    with pytest.raises(LexiconError) as info:
        read_modality(path)
    assert message in info.value.cause
    assert info.value.path == str(path)


def test_bad_modality_cue_has_its_line(tmp_path: Path) -> None:
    path = tmp_path / "modality.yaml"
    path.write_text(
        "order: [hypothetical, negated, future, generic]\ncues:\n  hypothetical:\n"
        "    - {phrase: may, where: before}\n    - {phrase: '', where: before}\n"
    )
    with pytest.raises(LexiconError) as info:
        read_modality(path)
    assert info.value.line == 5


def test_bad_grammar_file(tmp_path: Path) -> None:
    path = tmp_path / "grammar.yaml"
    path.write_text("prepositions: [with]\n")
    with pytest.raises(LexiconError, match="word classes missing"):
        read_grammar(path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("irregular:\n  meet: met\n", "expected a base word and a list"),
        ("verbs: {}\n", "irregular"),
    ],
)
def test_bad_lemma_file(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "lemmas.yaml"
    path.write_text(text)
    with pytest.raises(LexiconError, match=message):
        read_irregular(path)
