"""Every data file of the events package is validated on load, with file and line."""

from pathlib import Path

import pytest

from dyad.errors import LexiconError
from dyad.events.grammar import load_grammar, read_grammar
from dyad.events.lemmas import read_irregular
from dyad.events.modality import load_modality


def test_packaged_files_load() -> None:
    grammar = load_grammar()
    assert "during" in grammar.opener_prepositions
    assert ("along", "with") in grammar.co_subject_openers
    cues = load_modality()
    assert set(cues.order) == {"hypothetical", "negated", "future", "generic"}


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
