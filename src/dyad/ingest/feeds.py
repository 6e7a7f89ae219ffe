"""RSS and Atom feeds: one document per item, from its body or from its linked page.

An item whose `content:encoded` (or a long summary) carries the article becomes a document
directly; an item with only a teaser is fetched from its link, keeping the item's title,
date and id, which are more reliable than what a page scrape finds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import feedparser

from dyad.ingest.base import read_error
from dyad.ingest.dates import normalize_date
from dyad.ingest.settings import IngestSettings
from dyad.model import IngestError, RawDocument

Item = RawDocument | IngestError
LinkFetcher = Callable[[str], Iterator[Item]]
_TAG = re.compile(r"<[^>]*>")
_SURROGATE_REF = re.compile(
    rb"&#(?:[xX]0*[dD][89a-fA-F][0-9a-fA-F]{2}|0*(?:5529[6-9]|55[3-9][0-9]{2}|56[0-9]{3}"
    rb"|57[0-2][0-9]{2}|573[0-3][0-9]|5734[0-3]));"
)
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def parse_feed(data: bytes) -> tuple[Any | None, str]:
    """(parsed feed, "") when `data` is an RSS/Atom feed, else (None, why not)."""
    # A character reference to a surrogate (`&#xD800;`) names no character; feedparser's
    # encoder would fail on the whole feed, so it becomes U+FFFD like any unknown character.
    data = _SURROGATE_REF.sub(b"&#xFFFD;", data)
    try:
        parsed = feedparser.parse(data)
    except Exception as failure:  # feedparser raises what its XML and encoding layers raise
        return None, f"{type(failure).__name__}: {failure}"
    if parsed.get("version") or parsed.get("entries"):
        return parsed, ""
    exc = parsed.get("bozo_exception")
    if exc is None:
        return None, "no <rss>, <feed> or items found"
    return None, str(exc).strip() or type(exc).__name__


def _web_link(value: object) -> str | None:
    """The item's link when it is a web address (feedparser turns any guid into a link)."""
    if not isinstance(value, str):
        return None
    try:
        scheme = urlsplit(value).scheme
    except ValueError:  # "http://[::1" and the like: not a web address at all
        return None
    return value if scheme in ("http", "https") else None


def _visible_length(markup: str) -> int:
    return len(" ".join(_TAG.sub(" ", markup).split()))


def _body(entry: Any, settings: IngestSettings) -> tuple[str, str] | None:
    """(value, mime type) of the item's article body, or None when it only has a teaser."""
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        if value.strip():
            return value, content.get("type") or "text/html"
    summary = entry.get("summary") or ""
    if _visible_length(summary) >= settings.min_summary_chars:
        detail = entry.get("summary_detail") or {}
        return summary, detail.get("type") or "text/html"
    return None


def _summary_document(entry: Any, meta: dict[str, Any]) -> RawDocument | None:
    summary = entry.get("summary") or ""
    if not summary.strip():
        return None
    return RawDocument(format="html", html=summary, **meta)


def iter_feed(
    data: bytes,
    *,
    stem: str,
    source: str,
    outlet: str | None,
    settings: IngestSettings,
    fetch_link: LinkFetcher | None = None,
) -> Iterator[Item]:
    """The items of a feed as documents.

    The outlet is the user's `outlet` when given (a feed title such as "World - Caspian
    Wire" is a poor outlet name), else the feed's title.

    Args:
        data: The feed's bytes.
        stem: Name prefix for items with neither id nor link.
        source: Path or URL of the feed, for error messages.
        outlet: The user's outlet, or None.
        settings: `min_summary_chars`, `fetch_links`.
        fetch_link: Turns an item link into documents (an HTTP fetch); None disables it.
    """
    parsed, reason = parse_feed(data)
    if parsed is None:
        yield read_error(stem, source, f"not an RSS or Atom feed ({reason}); check the file")
        return
    feed_title = (parsed.feed.get("title") or "").strip() or None
    if not parsed.entries:
        yield read_error(stem, source, "nothing to read: the feed has no items")
        return
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            yield from _entry(
                entry, number, stem, source, outlet or feed_title, settings, fetch_link
            )
        except Exception as exc:  # one odd item (feedparser's dict shapes vary) is its own loss
            cause = f"feed item {number} could not be read ({type(exc).__name__}: {exc})"
            yield read_error(f"{stem}:{number}", source, cause)


def _entry(
    entry: Any,
    number: int,
    stem: str,
    source: str,
    outlet: str | None,
    settings: IngestSettings,
    fetch_link: LinkFetcher | None,
) -> Iterator[Item]:
    """The document of one feed item: its body, its linked page, or its summary."""
    link = _web_link(entry.get("link"))
    name = entry.get("id") or link or f"{stem}:{number}"
    meta: dict[str, Any] = {
        "name": name,
        "source": source,
        "url": link,
        "outlet": outlet,
        "title": (entry.get("title") or "").strip() or None,
        "published": normalize_date(entry.get("published") or entry.get("updated")),
        "author": entry.get("author") or None,
    }
    body = _body(entry, settings)
    if body is not None:
        value, mime = body
        if mime in _HTML_TYPES:
            yield RawDocument(format="html", html=value, **meta)
        else:
            yield RawDocument(format="text", text=value, **meta)
    elif link and settings.fetch_links and fetch_link is not None:
        yield from _from_link(link, meta, fetch_link)
    else:
        doc = _summary_document(entry, meta)
        if doc is not None:
            yield doc
        else:
            yield read_error(name, source, "feed item has no content, no summary and no link")


def _from_link(link: str, meta: dict[str, Any], fetch_link: LinkFetcher) -> Iterator[Item]:
    """The page behind an item's link, labelled with the item's metadata."""
    for item in fetch_link(link):
        if isinstance(item, IngestError):
            item.name = meta["name"]
            item.cause = f"feed item link: {item.cause}"
            yield item
            continue
        for key, value in meta.items():
            if value is not None and key != "source":
                setattr(item, key, value)
        yield item
