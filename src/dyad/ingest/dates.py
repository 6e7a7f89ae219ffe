"""Publication dates from containers, normalized to YYYY-MM-DD without guessing.

Only unambiguous forms are accepted: ISO 8601, RFC 2822 (feeds, HTTP, email) and dates
with a spelled-out month. "03/04/2025" is refused: day-first and month-first readers
disagree, and a wrong date is worse than none. The date is the one the publisher wrote,
not converted to UTC, because that is the day the article calls "today".
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_tz

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)")
_ISO_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:$|T\d)")
_SPELLED_FORMATS = ("%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%A %B %d %Y", "%A %d %B %Y")
_SPELLED_ABBR = re.compile(r"\b(Sept)\b", re.IGNORECASE)


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def normalize_date(value: object) -> str | None:
    """`value` as YYYY-MM-DD, or None when it is missing or not unambiguous.

    Args:
        value: A string from a container (JSON field, feed item, WARC header), a date or
            datetime, or anything else (which yields None).
    """
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    for pattern in (_ISO_DATE, _ISO_COMPACT):
        match = pattern.match(text)
        if match:
            return _valid(*(int(g) for g in match.groups()))
    parsed = parsedate_tz(text)
    if parsed is not None and parsed[0] > 0:
        return _valid(parsed[0], parsed[1], parsed[2])
    cleaned = _SPELLED_ABBR.sub("Sep", re.sub(r"[,.]", " ", text))
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", " ".join(cleaned.split()))
    for fmt in _SPELLED_FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date().isoformat()
        except ValueError:
            continue
    return None
