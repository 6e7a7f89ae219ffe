"""Date arithmetic that turns a recognised expression into a TIMEX3-style value.

News logic: a date named without its year ("June 13") is the most recent such date not far
after the publication date, or the next one when the sentence speaks of the future. Every
function returns None rather than guess when the anchor does not determine the answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

#: How far after the anchor a past-tense date without a year may fall (time zones, late
#: copy edits); beyond it the previous year is meant.
PAST_SLACK = timedelta(days=7)
#: How far before the anchor a future date without a year may fall.
FUTURE_SLACK = timedelta(days=1)


@dataclass(frozen=True)
class Anchor:
    """What a document's expressions are resolved against.

    `day` is the publication (or dateline) date; `year` alone is known when only the
    document's year could be inferred, which resolves "June 13" and "this year" but not
    "on Monday".
    """

    day: date | None = None
    year: int | None = None

    @property
    def known_year(self) -> int | None:
        return self.day.year if self.day else self.year


def day_value(value: date) -> tuple[str, str]:
    return value.isoformat(), "day"


def month_value(year: int, month: int) -> tuple[str, str]:
    return f"{year:04d}-{month:02d}", "month"


def year_value(year: int) -> tuple[str, str]:
    return f"{year:04d}", "year"


def week_value(value: date) -> tuple[str, str]:
    iso_year, week, _ = value.isocalendar()
    return f"{iso_year:04d}-W{week:02d}", "week"


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None for an impossible one ("February 30")."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_day(anchor: Anchor, month: int, day: int, future: bool) -> date | None:
    """The date of "June 13" with no year, by news logic (see module docstring)."""
    if anchor.day is None:
        return safe_date(anchor.year, month, day) if anchor.year else None
    years = (anchor.day.year - 1, anchor.day.year, anchor.day.year + 1)
    candidates = [d for y in years if (d := safe_date(y, month, day)) is not None]
    if future:
        later = [d for d in candidates if d >= anchor.day - FUTURE_SLACK]
        return min(later) if later else None
    earlier = [d for d in candidates if d <= anchor.day + PAST_SLACK]
    return max(earlier) if earlier else None


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def named_month(
    anchor: Anchor, month: int, shift: int | None, future: bool
) -> tuple[int, int] | None:
    """Year and month of "in January", "last January", "next January".

    `shift` is None for a bare month name (most recent one, or the next one in a future
    sentence), -1 for "last", +1 for "next", 0 for "this" (the anchor's year).
    """
    if anchor.day is None:
        if anchor.year is None or shift not in (None, 0):
            return None
        return anchor.year, month
    here = (anchor.day.year, anchor.day.month)
    if shift == 0:
        return anchor.day.year, month
    if shift == -1 or (shift is None and not future):
        year = anchor.day.year if (anchor.day.year, month) <= here else anchor.day.year - 1
        if shift == -1 and (year, month) == here:
            year -= 1
        return year, month
    year = anchor.day.year if (anchor.day.year, month) >= here else anchor.day.year + 1
    if shift == 1 and (year, month) == here:
        year += 1
    return year, month


def weekday(anchor: Anchor, target: int, shift: int | None, future: bool) -> date | None:
    """Date of "on Monday" (tense decides), "last Monday" or "next Monday".

    A past "on Monday" is the latest Monday on or before the anchor; a future one is the
    first Monday on or after it ("will meet on Wednesday" in a Wednesday report is that
    day: a week ahead would be "next Wednesday").
    """
    if anchor.day is None:
        return None
    back = (anchor.day.weekday() - target) % 7
    ahead = (target - anchor.day.weekday()) % 7
    if shift == -1:
        return anchor.day - timedelta(days=back or 7)
    if shift == 1:
        return anchor.day + timedelta(days=ahead or 7)
    if shift == 0 or shift is None:
        if future:
            return anchor.day + timedelta(days=ahead)
        return anchor.day - timedelta(days=back)
    return None


def relative_unit(anchor: Anchor, unit: str, shift: int) -> tuple[str, str] | None:
    """Value of "this week", "last month", "next year" and their edges."""
    if unit == "year":
        year = anchor.known_year
        return year_value(year + shift) if year is not None else None
    if anchor.day is None:
        return None
    if unit == "week":
        return week_value(anchor.day + timedelta(weeks=shift))
    if unit == "month":
        return month_value(*shift_month(anchor.day.year, anchor.day.month, shift))
    return None
