"""Read and check the package's YAML data files, keeping the line of every entry.

Data files (lexicons, actor tables, pattern lists) are validated on load and a bad entry is
refused with its file and line (`LexiconError`), so a typo is reported where it is, not as a
wrong match three stages later. The loader therefore records each mapping's first line under
the key `__line__` (the entry carries it wherever it goes), and each mapping and list it
builds knows the line of every key and item (`key_line`, `item_line`) for entries that are
plain strings. Booleans are YAML 1.2's only: `on`, `off`, `yes` and `no` stay words.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

import yaml

from dyad.errors import LexiconError

LINE_KEY = "__line__"

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml
_BOOL_TAG = "tag:yaml.org,2002:bool"


class YamlMap(dict[Any, Any]):
    """A mapping read from a data file, with the line of each of its keys."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lines: dict[Any, int] = {}


class YamlList(list[Any]):
    """A list read from a data file, with the line of each of its items."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.lines: list[int] = []


class _LineLoader(_BaseLoader):  # type: ignore[misc,valid-type]
    """A safe loader whose mappings and lists remember their lines."""


def _construct_map(loader: _LineLoader, node: yaml.MappingNode) -> Iterator[YamlMap]:
    data = YamlMap()
    yield data
    data.update(loader.construct_mapping(node))  # flattens merge keys (<<) into node.value
    data.lines = {loader.construct_object(key): key.start_mark.line + 1 for key, _ in node.value}
    data[LINE_KEY] = node.start_mark.line + 1


def _construct_seq(loader: _LineLoader, node: yaml.SequenceNode) -> Iterator[YamlList]:
    data = YamlList()
    yield data
    data.extend(loader.construct_sequence(node))
    data.lines = [item.start_mark.line + 1 for item in node.value]


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_seq)
# YAML 1.2 booleans only: a slot `on` or a word list with `no` must stay strings.
_LineLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != _BOOL_TAG]
    for key, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
_LineLoader.add_implicit_resolver(
    _BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def parse_yaml(text: str, path: Path | str) -> Any:
    """Parse the text of a YAML data file; syntax errors become `LexiconError` with the line."""
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise LexiconError(str(path), line, f"not valid YAML: {exc}") from exc


def read_text(path: Path) -> str:
    """The UTF-8 text of a data file; an unreadable file is a `LexiconError`."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(
            str(path), None, f"cannot read the file ({exc}); check the path"
        ) from exc


def load_yaml(path: Path) -> Any:
    """Read and parse a YAML data file; an unreadable file or bad syntax is a `LexiconError`."""
    return parse_yaml(read_text(path), path)


def top_mapping(path: Path | str, data: Any, *, empty_ok: bool = False) -> dict[Any, Any]:
    """A data file's top level, which must be a mapping of section name -> content.

    With `empty_ok`, an empty file counts as a mapping without sections.
    """
    if data is None and empty_ok:
        return YamlMap()
    if not isinstance(data, dict):
        raise LexiconError(
            str(path), 1, f"expected a mapping of sections at the top, got {type(data).__name__}"
        )
    return data


def line_of(entry: Any) -> int | None:
    """The line where a mapping started, if the loader recorded it."""
    line = entry.get(LINE_KEY) if isinstance(entry, dict) else None
    return line if isinstance(line, int) else None


def key_line(mapping: Any, key: Any) -> int | None:
    """The line of `key` in a loaded mapping; else the line where the mapping started."""
    lines = getattr(mapping, "lines", None)
    if isinstance(lines, dict) and key in lines:
        line = lines[key]
        return int(line) if line is not None else None
    return line_of(mapping)


def item_line(items: Any, index: int) -> int | None:
    """The line of the `index`-th item of a loaded list, if known."""
    lines = getattr(items, "lines", None)
    return lines[index] if isinstance(lines, list) and 0 <= index < len(lines) else None


def entries(mapping: dict[Any, Any]) -> list[tuple[Any, Any]]:
    """The (key, value) pairs of a loaded mapping, without the line marker."""
    return [(key, value) for key, value in mapping.items() if key != LINE_KEY]


def check_keys(
    path: Path | str, entry: Any, required: set[str], optional: set[str]
) -> dict[str, Any]:
    """Refuse an entry that is not a mapping, lacks a key or has an unknown one."""
    if not isinstance(entry, dict):
        raise LexiconError(str(path), None, f"expected a mapping, got {entry!r}")
    line = line_of(entry)
    keys = set(entry) - {LINE_KEY}
    missing = required - keys
    if missing:
        raise LexiconError(str(path), line, f"missing keys {sorted(missing)}")
    unknown = keys - required - optional
    if unknown:
        allowed = sorted(required | optional)
        raise LexiconError(str(path), line, f"unknown keys {sorted(unknown)}; allowed: {allowed}")
    return entry


def list_under(path: Path | str, data: dict[Any, Any], key: Any, *, required: bool) -> list[Any]:
    """The list under `key`; an absent or empty one is `[]` unless `required`."""
    value = data.get(key)
    if not required and not value:
        return YamlList()
    if not isinstance(value, list) or not value:
        wanted = "a non-empty list" if required else "a list"
        raise LexiconError(str(path), key_line(data, key), f"{key!r} must be {wanted}")
    return value


def string_list(
    path: Path | str,
    data: dict[Any, Any],
    key: Any,
    *,
    required: bool = True,
    lowercase: bool = False,
) -> list[str]:
    """The words listed under `key`, each a non-empty string (and lowercase if asked).

    Items come back as written; callers fold case or strip as their matching needs.
    """
    items = list_under(path, data, key, required=required)
    kind = "lowercase word" if lowercase else "word"
    for index, item in enumerate(items):
        if not isinstance(item, str) or not item.strip() or (lowercase and item != item.lower()):
            raise LexiconError(
                str(path),
                item_line(items, index) or key_line(data, key),
                f"expected a non-empty {kind}, got {item!r} in {key!r}",
            )
    return list(items)


def _word_map(
    path: Path | str, data: dict[Any, Any], key: Any, what: str, *, empty_ok: bool = False
) -> list[tuple[Any, Any]]:
    """The (word, value) pairs of the mapping under `key`."""
    value = data.get(key)
    pairs = entries(value) if isinstance(value, dict) else []
    if not isinstance(value, dict) or not (pairs or empty_ok):
        wanted = "a mapping" if empty_ok else "a non-empty mapping"
        raise LexiconError(
            str(path), key_line(data, key), f"{key!r} must be {wanted} of word -> {what}"
        )
    return pairs


def label_map(
    path: Path | str,
    data: dict[Any, Any],
    key: Any,
    allowed: Collection[str],
    *,
    lowercase: bool = False,
    empty_ok: bool = False,
) -> dict[str, str]:
    """The mapping under `key` of non-empty words (as written) to a label from `allowed`."""
    labels = sorted(allowed)
    kind = "a non-empty lowercase word" if lowercase else "a non-empty word"
    out: dict[str, str] = {}
    for word, label in _word_map(path, data, key, f"one of {labels}", empty_ok=empty_ok):
        if (
            not isinstance(word, str)
            or not word.strip()
            or (lowercase and word != word.lower())
            or label not in allowed
        ):
            raise LexiconError(
                str(path),
                key_line(data[key], word),
                f"{key}: {word!r} -> {label!r}; expected {kind} -> one of {labels}",
            )
        out[word] = label
    return out


def int_map(
    path: Path | str, data: dict[Any, Any], key: Any, low: int, high: int
) -> dict[str, int]:
    """The mapping under `key` of non-empty words (as written) to integers `low`..`high`."""
    out: dict[str, int] = {}
    for word, number in _word_map(path, data, key, f"integer {low}..{high}"):
        line = key_line(data[key], word)
        if not isinstance(word, str) or not word.strip():
            raise LexiconError(str(path), line, f"{key}: {word!r} is not a non-empty word")
        if not isinstance(number, int) or isinstance(number, bool) or not low <= number <= high:
            wanted = f"expected an integer {low}..{high}"
            raise LexiconError(str(path), line, f"{key}: {word!r} has {number!r}; {wanted}")
        out[word] = number
    return out
