"""The calendar lexicon loads, and refuses bad entries with file and line."""

from __future__ import annotations

import pytest

from dyad.errors import LexiconError
from dyad.timex.lexicon import DATA_PATH, load_lexicon, parse_lexicon

GOOD = DATA_PATH.read_text(encoding="utf-8")


def test_packaged_lexicon_loads() -> None:
    lex = load_lexicon()
    assert lex.months["sept"] == 9
    assert lex.weekdays["sunday"] == 6
    assert "on" in lex.prepositions


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  june: 6", "  june: 13", "june"),
        ("  monday: 0", "  monday: x", "monday"),
        ("  week: week", "  week: fortnight", "fortnight"),
        ('  - "recently"', '  - "(recent"', "not a regex"),
        ('  - "recently"', '  - "(rec)ently"', "(?:...)"),
        ("prepositions:", "prepositions_missing:", "prepositions"),
    ],
)
def test_bad_entries_are_refused(old: str, new: str, message: str) -> None:
    assert old in GOOD
    with pytest.raises(LexiconError) as info:
        parse_lexicon(GOOD.replace(old, new, 1), "calendar.yaml")
    assert message in str(info.value)
    assert "calendar.yaml" in str(info.value)


def test_error_names_the_line() -> None:
    bad = GOOD.replace("  june: 6", "  june: 13", 1)
    line = GOOD.splitlines().index("  june: 6") + 1
    with pytest.raises(LexiconError) as info:
        parse_lexicon(bad, "calendar.yaml")
    assert info.value.line == line
