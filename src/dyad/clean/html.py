"""Main text and metadata of an HTML page (trafilatura, htmldate as the date fallback)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from htmldate import find_date

from dyad.errors import DocumentError

#: A start tag longer than this is cut: no page needs kilobytes of attributes on one tag,
#: and lxml's and justext's cost grows with the square of an attribute list.
MAX_TAG_CHARS = 2048
_LONG_TAG = re.compile(rf"<([a-zA-Z][\w:.-]*)(\s[^<>]{{{MAX_TAG_CHARS},}})>")

_NO_TEXT = "no article text found in the HTML page; check that it is an article, not a menu"


@dataclass
class HtmlExtract:
    """The article text (one paragraph per line) and what the page says about itself."""

    text: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None


def _cut_tag(match: re.Match[str]) -> str:
    attributes = match.group(2)[:MAX_TAG_CHARS]
    attributes = attributes[: attributes.rfind(" ")]  # never half an attribute
    return f"<{match.group(1)}{attributes}>"


def cut_long_tags(html: str) -> str:
    """`html` with every start tag cut to its first `MAX_TAG_CHARS` characters of attributes."""
    return _LONG_TAG.sub(_cut_tag, html)


def extract_html(html: str, name: str, url: str | None = None) -> HtmlExtract:
    """Extract the main text and metadata of one page.

    Args:
        html: the decoded page.
        name: the document name, for error messages.
        url: the page's address when known (helps trafilatura and htmldate).

    Raises:
        DocumentError: no article text could be found (empty, broken or non-article page).
    """
    if not html.strip():
        raise DocumentError(name, "clean", _NO_TEXT)
    html = cut_long_tags(html)
    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            favor_precision=False,
        )
    except Exception as exc:
        raise DocumentError(name, "clean", f"{_NO_TEXT} ({type(exc).__name__}: {exc})") from exc
    if result is None:
        raise DocumentError(name, "clean", _NO_TEXT)
    data = result if isinstance(result, dict) else result.as_dict()
    text = (data.get("text") or "").strip()
    if not text:
        raise DocumentError(name, "clean", _NO_TEXT)
    published = data.get("date")
    if not published:
        try:
            published = find_date(html, url=url, original_date=True, extensive_search=False)
        except Exception:
            published = None
    return HtmlExtract(
        text=text,
        title=data.get("title") or None,
        author=data.get("author") or None,
        outlet=data.get("sitename") or None,
        published=published or None,
        url=data.get("url") or url,
    )
