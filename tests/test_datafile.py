"""The shared data-file loader: lines of entries, syntax errors, YAML 1.2 booleans, checks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dyad.datafile import (
    LINE_KEY,
    check_keys,
    entries,
    int_map,
    item_line,
    key_line,
    label_map,
    line_of,
    load_yaml,
    parse_yaml,
    string_list,
    top_mapping,
)
from dyad.errors import LexiconError

ENTRY_LISTS = [
    # (text, index of the bad entry, its line)
    ("- {id: a, name: A}\n- {id: b}\n", 1, 2),
    ("# header\n\n- id: a\n  name: A\n- id: b\n  colour: red\n", 1, 5),
    ("people:\n  - id: a\n    name: A\n  - id: b\n", 1, 4),
    ("- id: a\n  name: A\n  roles:\n    - {title: x}\n- id: b\n", 1, 5),
]


def _entry_list(data: Any) -> list[Any]:
    return data["people"] if isinstance(data, dict) else data


@pytest.mark.parametrize(("text", "index", "line"), ENTRY_LISTS)
def test_bad_entry_in_a_mapping_list_names_its_line(text: str, index: int, line: int) -> None:
    items = _entry_list(parse_yaml(text, "x.yaml"))
    assert line_of(items[index]) == line
    assert item_line(items, index) == line
    with pytest.raises(LexiconError) as info:
        for item in items:
            check_keys("x.yaml", item, {"id", "name"}, {"roles"})
    assert (info.value.path, info.value.line) == ("x.yaml", line)


def test_nested_mappings_have_their_own_line() -> None:
    data = parse_yaml("- id: a\n  roles:\n    - {title: x}\n    - title: y\n", "x.yaml")
    assert [line_of(role) for role in data[0]["roles"]] == [3, 4]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: [1, 2\nb: 3\n", 2),
        ("a: 1\n  b: 2\n", 2),
        ("- id: x\n  name: [unclosed\n", 3),
        ("a: 1\nb: {c: 2\n", 3),
        ("a: 'open\n", 2),
        ("a:\n\tb: 1\n", 2),
    ],
)
def test_syntax_error_names_its_line(text: str, line: int) -> None:
    with pytest.raises(LexiconError) as info:
        parse_yaml(text, "x.yaml")
    assert info.value.line == line
    assert info.value.cause.startswith("not valid YAML")


@pytest.mark.parametrize(
    ("scalar", "value"),
    [
        ("on", "on"),
        ("off", "off"),
        ("yes", "yes"),
        ("no", "no"),
        ("No", "No"),
        ("Y", "Y"),
        ("n", "n"),
        ("true", True),
        ("True", True),
        ("FALSE", False),
        ("'true'", "true"),
        ("12", 12),
        ("~", None),
    ],
)
def test_only_yaml_1_2_booleans(scalar: str, value: Any) -> None:
    data = parse_yaml(f"key: {scalar}\nlist: [{scalar}]\n{scalar}: x\n", "x.yaml")
    assert data["key"] == value and type(data["key"]) is type(value)
    assert data["list"] == [value]
    assert value in data


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"id": "a", LINE_KEY: 4}, "missing keys ['name']"),
        ({LINE_KEY: 4}, "missing keys ['id', 'name']"),
        ({"id": "a", "name": "A", "colour": "red", LINE_KEY: 4}, "unknown keys ['colour']"),
    ],
)
def test_check_keys_refuses_missing_and_unknown(entry: dict[str, Any], message: str) -> None:
    with pytest.raises(LexiconError) as info:
        check_keys(Path("x.yaml"), entry, {"id", "name"}, {"roles"})
    assert message in info.value.cause
    assert info.value.line == 4


@pytest.mark.parametrize(
    "entry",
    [
        {"id": "a", "name": "A"},
        {"id": "a", "name": "A", "roles": [], LINE_KEY: 2},
    ],
)
def test_check_keys_accepts_and_returns_the_entry(entry: dict[str, Any]) -> None:
    assert check_keys("x.yaml", entry, {"id", "name"}, {"roles"}) is entry


@pytest.mark.parametrize("entry", ["just a string", ["a"], None])
def test_check_keys_refuses_a_non_mapping(entry: Any) -> None:
    with pytest.raises(LexiconError, match="expected a mapping"):
        check_keys("x.yaml", entry, {"id"}, set())


def test_key_and_item_lines_of_plain_strings() -> None:
    data = parse_yaml("# c\nmonths:\n  jan: 1\n\n  feb: 2\nwords:\n  - alpha\n  - beta\n", "x")
    assert key_line(data, "months") == 2
    assert key_line(data["months"], "feb") == 5
    assert key_line(data["months"], "mar") == 3  # absent: where the mapping starts
    assert [item_line(data["words"], i) for i in range(3)] == [7, 8, None]
    assert item_line(["not", "loaded"], 0) is None
    assert line_of({"plain": "dict"}) is None
    assert entries(data["months"]) == [("jan", 1), ("feb", 2)]


def test_merge_keys_are_flattened_with_lines() -> None:
    data = parse_yaml("base: &b {x: 1}\nitem:\n  <<: *b\n  y: 2\n", "x")
    assert entries(data["item"]) == [("x", 1), ("y", 2)]
    assert key_line(data["item"], "y") == 4


@pytest.mark.parametrize(
    ("text", "lowercase", "expected", "line", "message"),
    [
        ("w:\n  - a\n  - b\n", False, ["a", "b"], None, None),
        ("w:\n  - a\n  - ''\n", False, None, 3, "expected a non-empty word, got ''"),
        ("w:\n  - a\n  - 7\n", False, None, 3, "got 7 in 'w'"),
        ("w:\n  - a\n  - Visit\n", True, None, 3, "lowercase word"),
        ("x: 1\nw: []\n", False, None, 2, "'w' must be a non-empty list"),
        ("x: 1\nw: word\n", False, None, 2, "'w' must be a non-empty list"),
        ("x: 1\n", False, None, 1, "'w' must be a non-empty list"),
    ],
)
def test_string_list(
    text: str, lowercase: bool, expected: list[str] | None, line: int | None, message: str | None
) -> None:
    data = parse_yaml(text, "x.yaml")
    if expected is not None:
        assert string_list("x.yaml", data, "w", lowercase=lowercase) == expected
        return
    with pytest.raises(LexiconError) as info:
        string_list("x.yaml", data, "w", lowercase=lowercase)
    assert info.value.line == line
    assert message is not None and message in info.value.cause


@pytest.mark.parametrize(("text", "expected"), [("x: 1\n", []), ("w: []\n", []), ("w:\n", [])])
def test_optional_string_list_may_be_absent(text: str, expected: list[str]) -> None:
    assert string_list("x", parse_yaml(text, "x"), "w", required=False) == expected


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("m:\n  he: m\n  she: x\n", 3, "m: 'she' -> 'x'"),
        ("m:\n  He: m\n", 2, "lowercase word"),
        ("m: [he]\n", 1, "'m' must be a non-empty mapping"),
        ("m: {}\n", 1, "'m' must be a non-empty mapping"),
    ],
)
def test_label_map_refuses_bad_entries(text: str, line: int, message: str) -> None:
    with pytest.raises(LexiconError) as info:
        label_map("x.yaml", parse_yaml(text, "x.yaml"), "m", {"m", "f"}, lowercase=True)
    assert (info.value.line, message in info.value.cause) == (line, True)


def test_label_map_reads_words_and_may_be_empty() -> None:
    data = parse_yaml("m:\n  he: m\n  she: f\ne: {}\n", "x")
    assert label_map("x", data, "m", {"m", "f"}) == {"he": "m", "she": "f"}
    assert label_map("x", data, "e", {"m", "f"}, empty_ok=True) == {}


@pytest.mark.parametrize(
    ("text", "expected", "line", "message"),
    [
        ("n:\n  jan: 1\n  dec: 12\n", {"jan": 1, "dec": 12}, None, None),
        ("n:\n  jan: 1\n  dec: 13\n", None, 3, "expected an integer 1..12"),
        ("n:\n  jan: true\n", None, 2, "'jan' has True"),
        ("n:\n  jan: x\n", None, 2, "'jan' has 'x'"),
        ("n:\n  '': 1\n", None, 2, "not a non-empty word"),
        ("n: 1\n", None, 1, "non-empty mapping of word -> integer 1..12"),
    ],
)
def test_int_map(
    text: str, expected: dict[str, int] | None, line: int | None, message: str | None
) -> None:
    data = parse_yaml(text, "x.yaml")
    if expected is not None:
        assert int_map("x.yaml", data, "n", 1, 12) == expected
        return
    with pytest.raises(LexiconError) as info:
        int_map("x.yaml", data, "n", 1, 12)
    assert info.value.line == line
    assert message is not None and message in info.value.cause


@pytest.mark.parametrize(
    ("text", "empty_ok", "ok"),
    [("a: 1\n", False, True), ("", True, True), ("", False, False), ("- a\n", True, False)],
)
def test_top_mapping(text: str, empty_ok: bool, ok: bool) -> None:
    data = parse_yaml(text, "x.yaml")
    if ok:
        assert isinstance(top_mapping("x.yaml", data, empty_ok=empty_ok), dict)
        return
    with pytest.raises(LexiconError, match="expected a mapping of sections") as info:
        top_mapping("x.yaml", data, empty_ok=empty_ok)
    assert info.value.line == 1


def test_load_yaml_reads_a_file_and_refuses_a_missing_one(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("- {id: a}\n", encoding="utf-8")
    assert load_yaml(path) == [{"id": "a", LINE_KEY: 1}]
    with pytest.raises(LexiconError, match="cannot read the file") as info:
        load_yaml(tmp_path / "missing.yaml")
    assert info.value.path.endswith("missing.yaml")
