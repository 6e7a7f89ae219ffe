"""Anchors for documents without a publication date: datelines, bylines, the text's year."""

from __future__ import annotations

from datetime import date

import pytest

from dyad.timex import find_anchor, infer_year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline here\n\nBy Jane Roe | Mar 3, 2024 | 2 comments\n\nBody.", date(2024, 3, 3)),
        ("Headline\nPublished 2023-07-14\nBody text.", date(2023, 7, 14)),
        ("ANKARA, 4 May 2022 (Reuters) - Officials met.", date(2022, 5, 4)),
        # a dateline without a year takes the latest year the text reports
        ("ANKARA, May 4 (Reuters) - The 2022 accord was discussed.", date(2022, 5, 4)),
        # ... and stays unanchored without one
        ("ANKARA, May 4 (Reuters) - The accord was discussed.", None),
        # a date inside long prose is an event date, not a byline
        (
            "Headline\n"
            + "The talks, which diplomats from many countries followed closely and which "
            "ended on March 3, 2024, were long.",
            None,
        ),
        ("No dates at all here.\nNone.", None),
    ],
)
def test_find_anchor(text: str, expected: date | None) -> None:
    assert find_anchor(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2021 and again in 2021, and once in 2019.", 2021),
        ("In 2019 they met; in 2020 they met.", 2020),
        ("They met in 2020 and will meet again in 2030.", 2020),
        ("No year is named.", None),
        # the ends of a span name a period (a plan), not when things were reported
        ("They agreed a programme for the years 2026 to 2028.", None),
        ("The deal signed in 2024 runs 2026–2028.", 2024),
        ("The accord signed in 2023 set targets between 2026 and 2030.", 2023),
        ("A plan for 2025-27 was signed.", None),
    ],
)
def test_infer_year(text: str, expected: int | None) -> None:
    assert infer_year(text) == expected
