"""Publication date, author and outlet read from the text."""

from __future__ import annotations

import pytest

from dyad.clean.metadata import (
    TextMetadata,
    find_date,
    load_metadata_rules,
    parse_metadata_rules,
    read_metadata,
)
from dyad.errors import LexiconError

RULES = load_metadata_rules()
BODY = [
    "Russia and Iran agreed to expand rail links through the Caspian region, officials said "
    "after a day of talks between the two delegations.",
    "The ministers also discussed payments in national currencies and new gas deliveries.",
    "Further meetings are planned for the autumn, according to the statement.",
    "Both sides described the talks as constructive and businesslike.",
]


def meta(*lines: str, title_index: int | None = None) -> TextMetadata:
    return read_metadata(list(lines), RULES, title_index=title_index)


@pytest.mark.parametrize(
    ("lines", "published"),
    [
        (["Caspian Rail Talks", "by | Dec 29, 2025 | 0 comments", *BODY], "2025-12-29"),
        (["Caspian Rail Talks", "By Jane Roe | 3 March 2024", *BODY], "2024-03-03"),
        (["Caspian Rail Talks", "Published: 2024-11-05 08:00", *BODY], "2024-11-05"),
        (
            ["Caspian Rail Talks", "Updated: June 2, 2025", "Published: June 1, 2025", *BODY],
            "2025-06-01",
        ),
        (["Caspian Rail Talks", "Updated: June 2, 2025", *BODY], "2025-06-02"),
        (["MOSCOW, June 23 /TASS/. " + BODY[0], *BODY[1:]], None),
        (["MOSCOW, June 23 /TASS/. " + BODY[0], *BODY[1:], "© 2025 TASS"], "2025-06-23"),
        (["TEHRAN, Jan. 5, 2026 (Reuters) - " + BODY[0], *BODY[1:]], "2026-01-05"),
        ([*BODY, "— Jane Roe (@janeroe) June 22, 2025"], "2025-06-22"),
        ([*BODY, "Trade rose sharply in 2024."], None),
        (["Caspian Rail Talks", "By Friday the talks had ended on March 3, 2024.", *BODY], None),
        (["Caspian Rail Talks", "Published: February 30, 2025", *BODY], None),
    ],
)
def test_published(lines: list[str], published: str | None) -> None:
    assert meta(*lines).published == published


def test_title_line_is_never_a_byline() -> None:
    lines = ["Talks on June 22, 2025", *BODY]
    assert meta(*lines, title_index=0).published is None


@pytest.mark.parametrize(
    ("lines", "author"),
    [
        (["Caspian Rail Talks", "By Jane Roe | Reuters", *BODY], "Jane Roe"),
        (["Caspian Rail Talks", "By Jane Roe and John Doe", *BODY], "Jane Roe and John Doe"),
        (["Caspian Rail Talks", "by | Dec 29, 2025 | 0 comments", *BODY], None),
        (["Caspian Rail Talks", "By Friday, the talks had ended.", *BODY], None),
    ],
)
def test_author(lines: list[str], author: str | None) -> None:
    assert meta(*lines).author == author


@pytest.mark.parametrize(
    ("lines", "outlet"),
    [
        (["Caspian Rail Talks", "Reprinted from The Caspian Review:", *BODY], "The Caspian Review"),
        ([*BODY, "According to TASS"], "TASS"),
        ([*BODY, "© 2025 Example News. All rights reserved."], "Example News"),
        ([*BODY, "Copyright 2024 Caspian Wire"], "Caspian Wire"),
        (["According to TASS", *BODY], None),  # not at the end: a sentence start, not a credit
        (BODY, None),
    ],
)
def test_outlet(lines: list[str], outlet: str | None) -> None:
    assert meta(*lines).outlet == outlet


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("June 22, 2025", "2025-06-22"),
        ("22 June 2025", "2025-06-22"),
        ("Sept. 3, 2024 10:00", "2024-09-03"),
        ("2023-12-31T23:00", "2023-12-31"),
        ("June 22", None),
        ("Mayday 12, 2025", None),
    ],
)
def test_find_date(line: str, date: str | None) -> None:
    assert find_date(line, RULES) == date


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("months: {jan: 13}\ndateline: '^(?P<month>x)(?P<day>1)(?P<year>2)'", "1..12"),
        ("months: {jan: 1}\ndateline: '^(?P<month>x)'", "named groups"),
        (
            "months: {jan: 1}\ndateline: '^(?P<month>x)(?P<day>1)(?P<year>2)'\n"
            "date_patterns:\n  - '(unclosed'",
            ":4:",
        ),
    ],
)
def test_bad_rules_refused(text: str, fragment: str) -> None:
    with pytest.raises(LexiconError) as info:
        parse_metadata_rules(text, "rules.yaml")
    assert fragment in str(info.value)
