"""The cue lexicon: generated inflections, and bad entries refused with file and line."""

from __future__ import annotations

import pytest

from dyad.errors import LexiconError
from dyad.quotes.lexicon import DATA_PATH, inflect, load_lexicon, parse_lexicon

GOOD = DATA_PATH.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("stress", {"stress", "stresses", "stressed", "stressing"}),
        ("note", {"note", "notes", "noted", "noting"}),
        ("deny", {"deny", "denies", "denied", "denying"}),
        ("dub", {"dub", "dubs", "dubbed", "dubbing"}),
        ("vow", {"vow", "vows", "vowed", "vowing"}),
        ("add", {"add", "adds", "added", "adding"}),
    ],
)
def test_inflect(lemma: str, forms: set[str]) -> None:
    assert inflect(lemma) == forms


def test_packaged_lexicon() -> None:
    lex = load_lexicon()
    assert lex.verb_forms["said"] == ("say", "clause")
    assert lex.verb_forms["underscored"] == ("underscore", "object")
    assert lex.phrases[("according", "to")] == "source"
    assert "sayed" not in lex.verb_forms  # irregular forms replace the generated ones


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  say: clause", "  say: speech", "say"),
        ("  according to: source", "  according to: nowhere", "according to"),
        ("  tell: [tells, told, telling]", "  yell: [yells]", "not among the verbs"),
        ("nouns:", "nounz:", "nouns"),
    ],
)
def test_bad_entries_are_refused(old: str, new: str, message: str) -> None:
    assert old in GOOD
    with pytest.raises(LexiconError) as info:
        parse_lexicon(GOOD.replace(old, new, 1), "cues.yaml")
    assert message in str(info.value)
    assert "cues.yaml" in str(info.value)


def test_error_names_the_line() -> None:
    line = GOOD.splitlines().index("  say: clause") + 1
    with pytest.raises(LexiconError) as info:
        parse_lexicon(GOOD.replace("  say: clause", "  say: speech", 1), "cues.yaml")
    assert info.value.line == line
