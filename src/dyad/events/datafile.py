"""Read the package's YAML data files with the line number of every mapping.

Data files are validated on load and a bad entry is refused with its file and line
(`LexiconError`), so the loader keeps each mapping's line under the key `__line__`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from dyad.errors import LexiconError

LINE_KEY = "__line__"
DATA_DIR = Path(__file__).resolve().parent / "data"


class _LineLoader(yaml.SafeLoader):
    """A safe loader that records where each mapping starts."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE_KEY] = node.start_mark.line + 1
        return mapping


# YAML 1.2 booleans only: the slot `on` (and words like yes/no/off) must stay strings.
_LineLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_LineLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def load_yaml(path: Path) -> Any:
    """Parse a YAML data file; syntax errors become `LexiconError` with the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(
            str(path), None, f"cannot read the file ({exc}); check the path"
        ) from exc
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise LexiconError(str(path), line, f"not valid YAML: {exc}") from exc


def line_of(entry: Any) -> int | None:
    """The line where a mapping started, if the loader recorded it."""
    return entry.get(LINE_KEY) if isinstance(entry, dict) else None


def check_keys(path: Path, entry: Any, required: set[str], optional: set[str]) -> dict[str, Any]:
    """Refuse an entry that is not a mapping, lacks a key or has an unknown one."""
    if not isinstance(entry, dict):
        raise LexiconError(str(path), None, f"expected a mapping, got {entry!r}")
    line = line_of(entry)
    keys = set(entry) - {LINE_KEY}
    missing = required - keys
    if missing:
        raise LexiconError(str(path), line, f"missing key(s) {sorted(missing)}")
    unknown = keys - required - optional
    if unknown:
        allowed = sorted(required | optional)
        raise LexiconError(str(path), line, f"unknown key(s) {sorted(unknown)}; allowed: {allowed}")
    return entry
