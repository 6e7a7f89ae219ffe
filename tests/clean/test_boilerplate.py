"""Line-level boilerplate: each kind on our own fixture article, with negative cases."""

from __future__ import annotations

import pytest

from dyad.clean.boilerplate import (
    document_line_keys,
    find_boilerplate,
    is_headline,
    is_keyword_line,
    is_menu_like,
    line_key,
)
from dyad.clean.patterns import load_boilerplate
from dyad.clean.settings import CleanSettings
from dyad.model import Document, RemovedLine

from .conftest import PARAGRAPHS, TITLE, article

RULES = load_boilerplate()


def removed_lines(text: str, settings: CleanSettings, **kwargs: object) -> dict[str, str]:
    lines = text.split("\n")
    found = find_boilerplate(lines, RULES, settings, language="en", **kwargs)  # type: ignore[arg-type]
    return {lines[i].strip(): reason for i, reason in found.items()}


TOP = [
    ("World", "menu"),
    ("By Jane Roe | Reuters", "byline"),
    ("by | Jan 17, 2025 | 3 comments", "byline"),
    ("Updated 14:30 GMT", "timestamp"),
    ("Published: January 17, 2025", "timestamp"),
    ("Friday, January 17, 2025", "timestamp"),
    ("Maria Ivanova XQ_77ZZ 09:15", "timestamp"),
    ("Updated 2:31 PM GMT, Tuesday, April 8, 2025", "timestamp"),
    ("Posted on March 3, 2025 by caspianwatcher", "timestamp"),
    ("3 min read", "promo"),
    ("14:05 GMT 17.01.2025 (Updated: 16:40 GMT 17.01.2025)", "timestamp"),
    ("Tehran, January 17, 2025", "dateline"),
    ("Site icon Caspian Wire", "page furniture"),
    ("AFP", "source note"),
]
MIDDLE = [
    ("kremlin_signing_2025.jpg", "image file"),
    ("Putin and Pezeshkian at the signing ceremony in Moscow. Photo: Reuters", "photo caption"),
    ("Read more: Putin hosts Central Asian leaders in Dushanbe", "promo"),
    ("- YOU MAY ALSO LIKE: Ten facts about the Caspian Sea", "promo"),
    ("Putin signs the treaty pic.twitter.com/AbC123xyz", "social embed"),
    ("— Some Reporter (@somereporter) January 17, 2025", "social embed"),
    ("https://example.org/world/treaty-text", "link"),
    ("* * *", "separator"),
    ("—————–", "separator"),
    ("Share Tweet Email", "share buttons"),
    ("Copy Link", "share buttons"),
    ("Russia Iran Treaty, Pezeshkian Kremlin Visit, Strategic Partnership 2025", "tags"),
    ("Tags: Russia, Iran, treaty", "tags"),
    ("Reprinted from Example Review:", "reprint note"),
    ("Subscribe to our newsletter for daily updates", "promo"),
    ("Share this:", "share buttons"),
    ("Like Loading...", "share buttons"),
    (".png&w=1920&q=80)", "image file"),
    (
        "President Pezeshkian (L) and President Putin (R) in the Kremlin, January 17, 2025",
        "photo caption",
    ),
    ("Delegations at the signing in Moscow. x/ @example_photos", "photo caption"),
    ("Summary is AI-generated and reviewed by editors", "page furniture"),
]
BOTTOM = [
    (
        "Jane Roe is a journalist covering Eurasian energy politics and the author of two "
        "books on the Caspian region.",
        "author bio",
    ),
    ("Karl Weber, PhD, is a historian of the Caucasus at a university in Vienna.", "author bio"),
    ("According to TASS", "source note"),
    ("Powered by ExampleCMS", "footer"),
    ("© 2025 Example News. All rights reserved.", "footer"),
    ("Latest", "menu"),
    ("x", "share buttons"),
    ("Featured Caspian Wire Newsroom", "menu"),
    ("Privacy Policy", "page furniture"),
    ("Reporting by Jane Roe; Editing by John Doe", "byline"),
    ("Leia o original em português no site da agência", "other language"),
    ("The views expressed in this article are those of the author.", "disclaimer"),
]


def placed(where: str, line: str) -> str:
    return article(**{where: [line]})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("where", "line", "reason"),
    [("top", *case) for case in TOP]
    + [("middle", *case) for case in MIDDLE]
    + [("bottom", *case) for case in BOTTOM],
)
def test_boilerplate_removed(where: str, line: str, reason: str, settings: CleanSettings) -> None:
    assert removed_lines(placed(where, line), settings) == {line: reason}


KEPT_MIDDLE = [
    "By Friday, the two delegations had agreed on the final wording.",
    "Background of the treaty",
    "Conclusion",
    "What comes next",
    "Russia, Iran and China held naval drills in the Gulf of Oman in March.",
    "The photo: a handshake that lasted nearly a minute, observers said.",
    "Updated figures show that bilateral trade rose by 15 percent last year.",
    "Read the full text of the treaty on the Kremlin website, officials said.",
    "Officials from România and Moldova also attended the ceremony.",
    "Trade, Energy and Security",
    "Ahmad Vahidi is a former defence minister who now advises the government.",
    "“We have no secrets from each other,” Putin said.",
    "At 10:30, on 17.01.2025, the two leaders met in the Kremlin.",
    "Moscow, the capital, hosted the talks on January 17, 2025.",
    "AP reporters saw the delegations arrive.",
    "Exit polls showed a clear result.",
]


KEPT_BOTTOM = [
    "— Sergei Lavrov, speaking to reporters",
    "Iran is studying the offer",
    "Conclusion: a partnership with limits",
    "The treaty is expected to enter into force once both sides exchange documents.",
    "Karimi, who is the author of a book on the Caspian, said the deal would hold.",
]


@pytest.mark.parametrize(
    ("where", "line"),
    [("middle", line) for line in KEPT_MIDDLE] + [("bottom", line) for line in KEPT_BOTTOM],
)
def test_article_lines_kept(where: str, line: str, settings: CleanSettings) -> None:
    assert removed_lines(placed(where, line), settings) == {}


def test_title_and_dek_kept(settings: CleanSettings) -> None:
    assert removed_lines(article(), settings) == {}


def test_comment_section_runs_to_the_end(settings: CleanSettings) -> None:
    tail = [
        "Join the Discussion!",
        "Great article, thanks for writing it.",
        "I disagree with the second paragraph entirely.",
    ]
    got = removed_lines(article(bottom=tail), settings)
    assert got == dict.fromkeys(tail, "comment section")


def test_comment_marker_in_the_byline_does_not_cut_the_article(settings: CleanSettings) -> None:
    got = removed_lines(article(top=["by | Jan 17, 2025 | 0 comments"]), settings)
    assert got == {"by | Jan 17, 2025 | 0 comments": "byline"}


QA = [
    "Why does the treaty matter for Europe?",
    "Because it ties two sanctioned economies closer together.",
    "Does it include a defence clause?",
    "No. The text stops short of any mutual defence obligation.",
    "What should readers watch next?",
    "Whether the transport corridor gets new funding this year.",
]


def with_labels(qa: list[str]) -> list[str]:
    out: list[str] = []
    for i, line in enumerate(qa):
        out += ["Reader" if i % 2 == 0 else "Bot", line]
    return out


@pytest.mark.parametrize(
    ("block", "expected_removed"),
    [
        (with_labels(QA), True),
        (["Frequently asked questions", *QA], True),
        (["FAQ", *QA], True),
        (["Leia mais notícias sobre o assunto no nosso site", *QA], True),
        (QA, False),  # nothing sets it apart: it may be the article's own Q&A
        (with_labels(QA[:4]), False),  # two questions are not a block
    ],
)
def test_trailing_qa_block(
    block: list[str], expected_removed: bool, settings: CleanSettings
) -> None:
    got = removed_lines(article(bottom=block), settings)
    faq = {line for line, reason in got.items() if reason == "trailing Q&A block"}
    if expected_removed:
        assert set(QA) <= faq and set(block) <= set(got)
    else:
        assert not faq
    assert not any(p in got for p in PARAGRAPHS)


def test_interview_made_of_questions_is_kept(settings: CleanSettings) -> None:
    text = "\n".join([TITLE, *with_labels(QA), *with_labels(QA)])
    got = removed_lines(text, settings)
    assert not any(reason == "trailing Q&A block" for reason in got.values())


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (
            ["Read also", "Putin to visit Tehran in the spring", "Caspian states agree on fishing"],
            ["promo", "promo", "promo"],
        ),
        (
            ["Related", "Russia and Iran sign treaty", "The talks ended late on Friday evening."],
            ["promo", "promo", None],
        ),
    ],
)
def test_headlines_under_a_promo_header(
    block: list[str], expected: list[str | None], settings: CleanSettings
) -> None:
    got = removed_lines(article(middle=block), settings)
    assert [got.get(line) for line in block] == expected


def test_embed_fallback_text_removed_with_the_embed(settings: CleanSettings) -> None:
    embed = [
        "BREAKING: Putin signs treaty with Iran pic.twitter.com/Zz9Yy8Xx",
        "— Some Reporter (@somereporter) January 17, 2025",
        "BREAKING: Putin signs treaty with Iran",
    ]
    got = removed_lines(article(middle=embed), settings)
    assert got[embed[2]] == "repeat of removed line"
    assert set(got) == set(embed)


def test_repeated_in_outlet(settings: CleanSettings) -> None:
    slogan = "Independent news from the Caspian region since 1998"
    text = article(bottom=[slogan])
    counts = {line_key(slogan): settings.repeat_threshold}
    assert removed_lines(text, settings, line_counts=counts) == {slogan: "repeated in outlet"}
    below = {line_key(slogan): settings.repeat_threshold - 1}
    assert removed_lines(text, settings, line_counts=below) == {}


def test_foreign_line_check_can_be_switched_off() -> None:
    line = "Leia o original em português no site da agência"
    off = CleanSettings(detect_language=False)
    assert removed_lines(article(bottom=[line]), off) == {}


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Join the discussion!", "  join   the DISCUSSION!  ", True),
        ("Join the discussion!", "Join the discussion", False),
        ("Latest", "Latest news", False),
    ],
)
def test_line_key_normalizes_case_and_space(a: str, b: str, same: bool) -> None:
    assert (line_key(a) == line_key(b)) is same
    assert len(line_key(a)) == 16


def test_document_line_keys_cover_kept_and_removed_lines() -> None:
    doc = Document(
        doc_id="x",
        name="n",
        text="First line\nSecond line",
        removed=[RemovedLine(line="Copy Link", reason="share buttons", index=3)],
    )
    assert document_line_keys(doc) == {
        line_key("First line"),
        line_key("Second line"),
        line_key("Copy Link"),
    }


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Caspian Energy, Transport Corridors, Sanctions Policy, Rail Links", True),
        ("Kremlin Treaty Signing, Pezeshkian Moscow Visit, Partnership 2025", True),
        ("Russia, Iran and China held drills.", False),
        ("Oil, Gas, and Power Markets in Eurasia", False),
        ("Trade, Energy, Security", False),
        ("Tehran, Moscow, Beijing: a new axis", False),
    ],
)
def test_is_keyword_line(line: str, expected: bool) -> None:
    assert is_keyword_line(line) is expected


@pytest.mark.parametrize(
    ("line", "menu", "headline"),
    [
        ("Latest", True, False),
        ("x", True, False),
        ("World News", True, False),
        ("Russia and Iran Sign a Treaty", False, True),
        ("The treaty was signed on Friday.", False, False),
        ("— Lavrov, speaking to reporters", False, False),
    ],
)
def test_line_shapes(line: str, menu: bool, headline: bool) -> None:
    assert is_menu_like(line) is menu
    assert is_headline(line) is headline


def test_bio_like_sentence_inside_the_article_is_kept(settings: CleanSettings) -> None:
    analyst = "Nikolai Petrov is a senior analyst at a Moscow think tank who follows Iran closely."
    closing = "The next round of talks is planned for the autumn in Tehran, officials said."
    assert removed_lines(article(bottom=[analyst, closing]), settings) == {}
    assert removed_lines(article(bottom=[closing, analyst]), settings) == {analyst: "author bio"}
