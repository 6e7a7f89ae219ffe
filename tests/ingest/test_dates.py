"""Container dates to YYYY-MM-DD: unambiguous forms only, the publisher's own day."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from dyad.ingest.dates import normalize_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-06-23", "2025-06-23"),
        ("2025-06-23T23:30:00-05:00", "2025-06-23"),
        ("2025-06-23 08:00", "2025-06-23"),
        ("20250623", "2025-06-23"),
        ("Mon, 23 Jun 2025 09:00:00 +0300", "2025-06-23"),
        ("23 Jun 2025 09:00 GMT", "2025-06-23"),
        ("June 23, 2025", "2025-06-23"),
        ("Jun 23 2025", "2025-06-23"),
        ("23 June 2025", "2025-06-23"),
        ("Sept. 28, 2025", "2025-09-28"),
        ("Monday, June 23rd, 2025", "2025-06-23"),
        (date(2025, 1, 17), "2025-01-17"),
        (datetime(2025, 1, 17, 23, 0), "2025-01-17"),
        # refused: ambiguous, impossible, relative, partial, not a string
        ("03/04/2025", None),
        ("2025-02-30", None),
        ("yesterday", None),
        ("June 2025", None),
        ("2025", None),
        ("", None),
        (None, None),
        (1737100000, None),
    ],
)
def test_normalize_date(value: object, expected: str | None) -> None:
    assert normalize_date(value) == expected
