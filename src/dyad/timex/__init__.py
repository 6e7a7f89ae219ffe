"""Temporal expressions and their resolution against the publication date."""

from dyad.timex.anchor import find_anchor, infer_year
from dyad.timex.find import find_times

__all__ = ["find_anchor", "find_times", "infer_year"]
