"""The cue lists file: loaded once, and bad entries refused with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dyad.actors.cues import CUES_FILE, load_cues, parse_cues
from dyad.errors import LexiconError


def test_cues_packaged_file_loads() -> None:
    cues = load_cues()
    assert "in" in cues.locative_prepositions
    assert cues.pronouns["she"] == "f"
    assert cues.demonym_heads["officials"] == "GOV"
    assert load_cues() is cues


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"locative_prepositions": []}, "non-empty list"),
        ({"motion_words": ["Visit"]}, "lowercase"),
        ({"pronouns": {"he": "x"}}, "pronouns"),
        ({"demonym_heads": {"officials": "GOVT"}}, "demonym_heads"),
        ({"pair_phrases": None}, "non-empty list"),
    ],
)
def test_cues_bad_entries_refused(tmp_path: Path, change: dict, message: str) -> None:
    data = yaml.safe_load(CUES_FILE.read_text(encoding="utf-8"))
    data.update(change)
    path = tmp_path / "cues.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as info:
        parse_cues(path)
    assert info.value.path == str(path)
