"""The boilerplate data file is validated on load: a bad entry names its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.clean.boilerplate import find_boilerplate
from dyad.clean.patterns import load_boilerplate, parse_boilerplate
from dyad.clean.settings import CleanSettings
from dyad.errors import LexiconError

from .conftest import article


def test_packaged_file_loads() -> None:
    rules = load_boilerplate()
    assert len(rules.patterns) > 30
    assert {"comment section", "promo", "footer", "byline"} <= {p.name for p in rules.patterns}
    assert "historian" in rules.bio_roles


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("patterns:\n  - {name: a, pattern: '(unclosed'}\n", "x.yaml:2: bad regular expression"),
        ("patterns:\n  - {name: a, pattern: 'ok'}\n  - {pattern: 'x+'}\n", "x.yaml:3: every"),
        ("patterns:\n  - {name: a, pattern: '.*'}\n", "matches the empty line"),
        ("patterns:\n  - {name: a, pattern: 'b', zone: middle}\n", "zone must be one of"),
        ("patterns:\n  - {name: a, pattern: 'b', max_words: 0}\n", "max_words"),
        ("patterns:\n  - {name: a, pattern: 'b', colour: red}\n", "unknown keys"),
        ("patterns:\n  - just a string\n", "expected a mapping"),
        ("bio_roles:\n  - historian\n  - ''\n", "x.yaml:3: expected a non-empty word"),
        ("tail_markers:\n  - ''\n", "x.yaml:2"),
        ("menus: []\n", "unknown sections"),
        ("patterns: [\n", "not valid YAML"),
    ],
)
def test_bad_entries_refused(text: str, fragment: str) -> None:
    with pytest.raises(LexiconError) as info:
        parse_boilerplate(text, "x.yaml")
    assert fragment in str(info.value)


def test_extra_pattern_file_adds_a_reason(tmp_path: Path) -> None:
    extra = tmp_path / "outlet.yaml"
    extra.write_text(
        "patterns:\n  - {name: outlet slogan, pattern: '^caspian wire: news first$'}\n",
        encoding="utf-8",
    )
    settings = CleanSettings(boilerplate_files=(str(extra),))
    rules = load_boilerplate(settings.boilerplate_files)
    lines = article(middle=["Caspian Wire: news first"]).split("\n")
    found = find_boilerplate(lines, rules, settings, "en")
    assert list(found.values()) == ["outlet slogan"]


def test_missing_extra_file_is_a_lexicon_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read"):
        load_boilerplate((str(tmp_path / "nope.yaml"),))
