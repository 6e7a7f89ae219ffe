"""Main text and metadata of HTML pages; broken pages give text or a DocumentError."""

from __future__ import annotations

import pytest

from dyad.clean.html import MAX_TAG_CHARS, cut_long_tags, extract_html
from dyad.errors import DocumentError

P1 = (
    "Russian President Vladimir Putin and Iranian President Masoud Pezeshkian signed a "
    "strategic partnership treaty in Moscow on Friday, the Kremlin said."
)
P2 = (
    "The treaty covers trade, energy and military cooperation over twenty years, according "
    "to officials who spoke to reporters after the ceremony."
)
PAGE = f"""<html><head><title>Russia and Iran sign a pact | Caspian Wire</title>
<meta name="author" content="Jane Roe">
<meta property="og:site_name" content="Caspian Wire">
<meta property="article:published_time" content="2025-01-17T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Russia and Iran sign a pact</h1><p>{P1}</p><p>{P2}</p></article>
<footer>Copyright 2025 Caspian Wire</footer></body></html>"""


def test_article_page_text_and_metadata() -> None:
    got = extract_html(PAGE, "page")
    assert got.text.split("\n") == ["Russia and Iran sign a pact", P1, P2]
    assert got.title == "Russia and Iran sign a pact"
    assert got.author == "Jane Roe"
    assert got.outlet == "Caspian Wire"
    assert got.published == "2025-01-17"


def test_htmldate_is_the_date_fallback() -> None:
    page = (
        "<html><head><title>Talks</title></head><body><article>"
        f"<p>{P1}</p><p>{P2}</p><p class='date'>Published on 2024-03-05</p>"
        "</article></body></html>"
    )
    got = extract_html(page, "page", url="https://example.org/2024/03/05/talks.html")
    assert got.published == "2024-03-05"


@pytest.mark.parametrize(
    "page",
    [
        f"<html><body><div><p>Unclosed <b>bold <p>{P1}<div>",
        f"<p>{P1}</p><p>{P2}",
        f"<html><body><table><tr><td><p>{P1}</td></p></tr><p>{P2}</body>",
    ],
)
def test_broken_html_still_gives_text(page: str) -> None:
    assert P1 in extract_html(page, "broken").text


@pytest.mark.parametrize(
    "page",
    ["", "   ", "<<<>>> \x00\x01 garbage", "<html><head></head><body></body></html>"],
)
def test_pages_without_text_raise(page: str) -> None:
    with pytest.raises(DocumentError) as info:
        extract_html(page, "empty")
    assert info.value.stage == "clean"
    assert "no article text found" in info.value.cause


def test_page_without_a_date_gets_none_not_today() -> None:
    page = f"<html><head><title>T</title></head><body><article><p>{P1}</p><p>{P2}</p></article></body></html>"
    assert extract_html(page, "page").published is None


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<p class="lead">Text</p>', '<p class="lead">Text</p>'),
        ("<p " + 'a="x" ' * 10 + ">T</p>", "<p " + 'a="x" ' * 10 + ">T</p>"),
        ("<p " + " ".join(f'a{i}="v"' for i in range(1000)) + ">Talks</p>", None),
        ("<div " + "x" * 5000 + ">Talks</div>", "<div>Talks</div>"),
    ],
)
def test_long_start_tags_are_cut(html: str, expected: str | None) -> None:
    cut = cut_long_tags(html)
    if expected is not None:
        assert cut == expected
    else:
        assert len(cut) < MAX_TAG_CHARS + 20 and cut.endswith(">Talks</p>")
        assert '" a' in cut and not cut.startswith("<p>")  # whole attributes kept


def test_page_with_a_huge_attribute_list_still_yields_its_text() -> None:
    attrs = " ".join(f'data-k{i}="v{i}"' for i in range(50_000))
    page = f"<html><body><article><p {attrs}>Lavrov met Araghchi in Moscow on Monday.</p></article></body></html>"
    assert "Lavrov met Araghchi" in extract_html(page, "wide").text
