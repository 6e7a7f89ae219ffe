"""Where the events package keeps its data files; reading them is `dyad.datafile`'s job."""

from __future__ import annotations

from pathlib import Path

from dyad.datafile import LINE_KEY, check_keys, item_line, key_line, line_of, load_yaml

DATA_DIR = Path(__file__).resolve().parent / "data"

__all__ = ["DATA_DIR", "LINE_KEY", "check_keys", "item_line", "key_line", "line_of", "load_yaml"]
