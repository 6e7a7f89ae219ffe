"""RSS and Atom files: item bodies, teasers, metadata and files that are not feeds."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dyad.ingest import IngestSettings
from dyad.ingest.feeds import iter_feed
from dyad.model import IngestError, RawDocument

LONG = "Lavrov and Araghchi discussed the corridor and energy projects. " * 10

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Caspian Desk</title><link>https://desk.example/</link><description>x</description>
<item><title>Encoded</title><link>https://desk.example/1</link><guid>g-1</guid>
<pubDate>Fri, 17 Jan 2025 18:00:00 +0300</pubDate><dc:creator>A. Writer</dc:creator>
<description>Teaser.</description>
<content:encoded><![CDATA[<p>Putin and Pezeshkian signed the treaty.</p>]]></content:encoded></item>
<item><title>Long summary</title><link>https://desk.example/2</link>
<pubDate>Sat, 18 Jan 2025 09:00:00 GMT</pubDate>
<description><![CDATA[<p>{LONG}</p>]]></description></item>
<item><title>Teaser only</title><link>https://desk.example/3</link><guid>g-3</guid>
<description>Short teaser.</description></item>
<item><title>Nothing at all</title><guid>g-4</guid></item>
</channel></rss>""".encode()

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger Atom</title><id>urn:feed</id>
<updated>2025-06-24T10:00:00+03:00</updated>
<entry><title>Ceasefire</title><id>urn:entry:1</id><link href="https://ledger.example/c"/>
<updated>2025-06-24T10:00:00+03:00</updated>
<content type="text">The Kremlin welcomed the ceasefire on Tuesday.</content></entry>
</feed>"""


def _items(
    data: bytes,
    settings: IngestSettings | None = None,
    outlet: str | None = None,
    fetched: list[str] | None = None,
) -> list[RawDocument | IngestError]:
    def fake_fetch(link: str) -> Iterator[RawDocument | IngestError]:
        assert fetched is not None
        fetched.append(link)
        yield RawDocument(
            name=link, source=link, format="html", data=b"<p>page</p>", title="Page title"
        )

    return list(
        iter_feed(
            data,
            stem="feed",
            source="feed.rss",
            outlet=outlet,
            settings=settings or IngestSettings(),
            fetch_link=fake_fetch if fetched is not None else None,
        )
    )


def test_rss_items_without_fetching() -> None:
    items = _items(RSS)
    encoded, summary, teaser, nothing = items
    assert isinstance(encoded, RawDocument)
    assert (encoded.name, encoded.format, encoded.html) == (
        "g-1",
        "html",
        "<p>Putin and Pezeshkian signed the treaty.</p>",
    )
    assert (encoded.published, encoded.author, encoded.outlet) == (
        "2025-01-17",
        "A. Writer",
        "Caspian Desk",
    )
    assert (encoded.url, encoded.title) == ("https://desk.example/1", "Encoded")
    assert isinstance(summary, RawDocument) and summary.name == "https://desk.example/2"
    assert summary.html is not None and LONG.strip() in summary.html
    assert isinstance(teaser, RawDocument) and teaser.html == "Short teaser."
    assert isinstance(nothing, IngestError)
    assert nothing.name == "g-4" and "no content, no summary and no link" in nothing.cause


def test_teaser_items_fetch_their_link_keeping_item_metadata() -> None:
    fetched: list[str] = []
    items = _items(RSS, fetched=fetched)
    assert fetched == ["https://desk.example/3"]
    page = items[2]
    assert isinstance(page, RawDocument)
    assert (page.name, page.title, page.data, page.outlet) == (
        "g-3",
        "Teaser only",
        b"<p>page</p>",
        "Caspian Desk",
    )
    assert page.source == "https://desk.example/3"


@pytest.mark.parametrize(("threshold", "fetches"), [(10_000, 2), (100, 1)])
def test_summary_length_threshold(threshold: int, fetches: int) -> None:
    fetched: list[str] = []
    _items(RSS, settings=IngestSettings(min_summary_chars=threshold), fetched=fetched)
    assert len(fetched) == fetches


def test_atom_text_content() -> None:
    (doc,) = _items(ATOM, outlet="Eurasia Ledger")
    assert isinstance(doc, RawDocument)
    assert (doc.format, doc.text, doc.html) == (
        "text",
        "The Kremlin welcomed the ceasefire on Tuesday.",
        None,
    )
    assert (doc.name, doc.url, doc.published, doc.outlet) == (
        "urn:entry:1",
        "https://ledger.example/c",
        "2025-06-24",
        "Eurasia Ledger",
    )


@pytest.mark.parametrize(
    "data",
    [
        b"<?xml version='1.0'?><catalog><book id='1'/></catalog>",
        b"<html><body><p>not a feed</p></body></html>",
        b"plain words",
    ],
)
def test_not_a_feed(data: bytes) -> None:
    (err,) = _items(data)
    assert isinstance(err, IngestError)
    assert err.cause.startswith("not an RSS or Atom feed") and err.source == "feed.rss"


def _rss(*items: str) -> bytes:
    body = "".join(f"<item>{item}</item>" for item in items)
    head = '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Desk</title>'
    return f"{head}{body}</channel></rss>".encode()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (_rss(), ["error feed: nothing to read: the feed has no items"]),
        (
            b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title></feed>',
            ["error feed: nothing to read: the feed has no items"],
        ),
        # a character reference to a surrogate names no character: U+FFFD, the feed is read
        (
            _rss(
                f"<title>Talks &#xD800; resume</title><guid>g1</guid><description>{LONG}</description>"
            ),
            ["g1: Talks \ufffd resume"],
        ),
        (
            _rss(
                f"<title>Decimal &#56320;</title><guid>g2</guid><description>{LONG}</description>"
            ),
            ["g2: Decimal \ufffd"],
        ),
        # links no URL parser accepts are not links: the item says it has nothing to read
        (
            _rss("<title>Broken</title><link>http://[::1</link>"),
            ["error feed:1: feed item has no content, no summary and no link"],
        ),
    ],
)
def test_hostile_feeds_never_raise(data: bytes, expected: list[str]) -> None:
    items = _items(data, fetched=[])
    shown = [
        f"{i.name}: {i.title}" if isinstance(i, RawDocument) else f"error {i.name}: {i.cause}"
        for i in items
    ]
    assert shown == expected


def test_one_failing_item_costs_only_itself() -> None:
    def fetch(link: str) -> Iterator[RawDocument | IngestError]:
        if link.endswith("/bad"):
            raise KeyError("links")
        yield RawDocument(name=link, source=link, format="html", data=b"<p>page</p>")

    data = _rss(
        "<title>A</title><link>https://desk.example/bad</link><guid>g-a</guid>",
        "<title>B</title><link>https://desk.example/good</link><guid>g-b</guid>",
    )
    items = list(
        iter_feed(
            data,
            stem="feed",
            source="feed.rss",
            outlet=None,
            settings=IngestSettings(),
            fetch_link=fetch,
        )
    )
    assert [type(i).__name__ for i in items] == ["IngestError", "RawDocument"]
    assert isinstance(items[0], IngestError) and "KeyError" in items[0].cause
    assert items[1].name == "g-b"
