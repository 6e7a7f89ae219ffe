"""Load and validate the gold files of SPEC.md section 4.

A gold file is JSON Lines, one annotated document per line. Every line is checked on
load, so that a typo in the gold surfaces as an error naming file and line, not as a
silently lower score.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dyad.errors import GoldError, LexiconError

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_PRECISION_BY_LENGTH = {4: "year", 7: "month", 10: "day"}


@dataclass(frozen=True)
class Vocabulary:
    """What a gold file may say: PLOVER types, symmetric types, modalities."""

    event_types: frozenset[str]
    symmetric_types: frozenset[str]
    modalities: frozenset[str]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The packaged vocabulary (`data/scoring.yaml`), loaded and checked once.

    Raises:
        LexiconError: the data file is missing a list or has a bad entry.
    """
    source = resources.files("dyad.evaluate") / "data" / "scoring.yaml"
    path = str(source)
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    lists: dict[str, frozenset[str]] = {}
    for key in ("event_types", "symmetric_types", "modalities"):
        values = data.get(key) if isinstance(data, dict) else None
        if not isinstance(values, list) or not values:
            raise LexiconError(path, None, f"expected a non-empty list under {key!r}")
        for value in values:
            if not isinstance(value, str) or not value.strip():
                raise LexiconError(path, None, f"{key}: expected a name, got {value!r}")
        lists[key] = frozenset(values)
    unknown = lists["symmetric_types"] - lists["event_types"]
    if unknown:
        raise LexiconError(path, None, f"symmetric_types not in event_types: {sorted(unknown)}")
    return Vocabulary(lists["event_types"], lists["symmetric_types"], lists["modalities"])


@dataclass(frozen=True)
class GoldEvent:
    """One annotated event; `source`/`target` list country-level codes (compounds)."""

    type: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    modality: str
    evidence: str
    source_actor: str | None = None
    target_actor: str | None = None
    date: str | None = None
    location: str | None = None
    mode: str | None = None

    @property
    def date_precision(self) -> str | None:
        """`day`, `month` or `year`, from the shape of the date value."""
        return None if self.date is None else _PRECISION_BY_LENGTH[len(self.date)]


@dataclass(frozen=True)
class GoldQuote:
    """One annotated quote: the speaker's canonical name and the content as written."""

    speaker: str
    direct: bool
    content: str


@dataclass
class GoldDocument:
    """The gold of one document, keyed by `name` (the export's `name`)."""

    name: str
    published: str | None = None
    story: str | None = None  # the story the document belongs to (dev gold)
    boilerplate: list[str] = field(default_factory=list)
    events: list[GoldEvent] = field(default_factory=list)
    quotes: list[GoldQuote] = field(default_factory=list)
    line: int | None = None  # line number in the gold file, for messages


def gold_fingerprint(path: str | Path) -> str:
    """The sha256 of the gold file's bytes, which pins the quality gate's floors.

    Raises:
        GoldError: the file cannot be read.
    """
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError as exc:
        raise GoldError(
            f"cannot read gold file {path}: {exc.strerror}; give the path of a gold JSONL file"
        ) from exc


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Read a gold JSONL file, validating every line.

    Args:
        path: the gold file (SPEC.md section 4); blank lines are skipped.

    Returns:
        The documents in file order.

    Raises:
        GoldError: the file is missing, or a line is malformed (file, line and cause).
    """
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(
            f"cannot read gold file {path}: {exc}; give the path of a UTF-8 gold JSONL file"
        ) from exc
    documents: list[GoldDocument] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            document = parse_document(json.loads(line))
        except (json.JSONDecodeError, ValueError, TypeError) as exc:
            cause = exc.message if isinstance(exc, GoldError) else str(exc)
            raise GoldError(f"{path}:{number}: {cause}") from exc
        if document.name in seen:
            raise GoldError(
                f"{path}:{number}: document {document.name!r} already annotated on line "
                f"{seen[document.name]}; merge the two lines"
            )
        seen[document.name] = number
        document.line = number
        documents.append(document)
    return documents


def parse_document(data: Any) -> GoldDocument:
    """Build one gold document from its decoded JSON object.

    Raises:
        ValueError: a field is missing or has the wrong shape (the message says which).
    """
    if not isinstance(data, dict):
        raise ValueError(f"expected a JSON object, got {type(data).__name__}")
    name = _text(data, "name", where="document")
    published = _optional_text(data, "published", where=name)
    if published is not None and not _DATE.match(published):
        raise ValueError(f"{name}: published: expected YYYY-MM-DD, got {published!r}")
    boilerplate = _list(data, "boilerplate", where=name)
    for item in boilerplate:
        if not isinstance(item, str):
            raise ValueError(f"{name}: boilerplate: expected strings, got {item!r}")
    events = [
        _event(item, f"{name}: events[{i}]")
        for i, item in enumerate(_list(data, "events", where=name))
    ]
    quotes = [
        _quote(item, f"{name}: quotes[{i}]")
        for i, item in enumerate(_list(data, "quotes", where=name))
    ]
    story = _optional_text(data, "story", where=name)
    return GoldDocument(name, published, story, list(boilerplate), events, quotes)


def _event(data: Any, where: str) -> GoldEvent:
    if not isinstance(data, dict):
        raise ValueError(f"{where}: expected an object, got {data!r}")
    vocab = vocabulary()
    kind = _text(data, "type", where=where)
    if kind not in vocab.event_types:
        raise ValueError(
            f"{where}: type: expected a PLOVER type ({', '.join(sorted(vocab.event_types))}), "
            f"got {kind!r}"
        )
    modality = _text(data, "modality", where=where)
    if modality not in vocab.modalities:
        raise ValueError(
            f"{where}: modality: expected one of {', '.join(sorted(vocab.modalities))}, "
            f"got {modality!r}"
        )
    date = _optional_text(data, "date", where=where)
    if date is not None and not _DATE.match(date):
        raise ValueError(f"{where}: date: expected YYYY-MM-DD, YYYY-MM, YYYY or null, got {date!r}")
    return GoldEvent(
        type=kind,
        source=_codes(data, "source", where),
        target=_codes(data, "target", where),
        modality=modality,
        evidence=_text(data, "evidence", where=where),
        source_actor=_optional_text(data, "source_actor", where=where),
        target_actor=_optional_text(data, "target_actor", where=where),
        date=date,
        location=_optional_text(data, "location", where=where),
        mode=_optional_text(data, "mode", where=where),
    )


def _quote(data: Any, where: str) -> GoldQuote:
    if not isinstance(data, dict):
        raise ValueError(f"{where}: expected an object, got {data!r}")
    direct = data.get("direct")
    if not isinstance(direct, bool):
        raise ValueError(f"{where}: direct: expected true or false, got {direct!r}")
    return GoldQuote(
        speaker=_text(data, "speaker", where=where),
        direct=direct,
        content=_text(data, "content", where=where),
    )


def _codes(data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    """A list of country-level codes; empty means the text names none."""
    values = _list(data, key, where=where)
    for value in values:
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{where}: {key}: expected codes like 'RUS' or 'IGO', got {value!r}")
    return tuple(values)


def _list(data: dict[str, Any], key: str, where: str) -> list[Any]:
    if key not in data:
        raise ValueError(f"{where}: missing {key!r} (a list, possibly empty)")
    value = data[key]
    if not isinstance(value, list):
        raise ValueError(f"{where}: {key}: expected a list, got {value!r}")
    return value


def _text(data: dict[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where}: {key}: expected a non-empty string, got {value!r}")
    return value


def _optional_text(data: dict[str, Any], key: str, where: str) -> str | None:
    value = data.get(key)
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise ValueError(f"{where}: {key}: expected a non-empty string or null, got {value!r}")
    return value
