"""Generators of hostile inputs, one per kind of input dyad reads, all built here.

Each generator takes a `random.Random` and returns a `Hostile`: a file (name and bytes)
or a URL argument. The Hypothesis properties of the suite draw their `Random` from
Hypothesis (`st.randoms()`), so a failure shrinks and replays; `benchmarks/fuzz_ingest.py`
runs thousands of them from a seed. Every kind the hardening issue names is here: deep
nesting, huge integers, lone surrogates, NUL and control characters, terminal escapes,
Rich markup, U+2028, bad feeds, bad URLs, huge attributes, run-on text, quote storms.

Links and URLs never name a host that needs DNS: only literal addresses and `localhost`,
which dyad refuses before connecting (private addresses are off by default), and malformed
URLs, which are refused before any connection.
"""

from __future__ import annotations

import io
import json
import random
from collections.abc import Callable
from dataclasses import dataclass

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

#: Strings that have broken a reader, a store or a terminal somewhere.
NASTY = [
    "\x00",
    "\ud800",
    "\udfff",
    "\x1b]0;owned\x07",
    "\x1b[2J",
    "\x9b31m",
    "[/x]",
    "[bold]",
    "[link=https://evil.example]x[/link]",
    "[the United States]",
    "\u2028",
    "\u2029",
    "\x85",
    "\u200c",
    "\u200d",
    "\ufeff",
    "\u202e",
    "\x7f",
    "\r",
    "\t",
    "\\",
    "%s%n",
    "{0}",
    "💥",
    "İ",
    "ﬀ",
    "\U0010ffff",
    '"',
    "“",
    "”",
    "«",
    "»",
    "'",
    "<script>alert(1)</script>",
    "&#xD800;",
    "&#0;",
    "&amp;&lt;",
]
WORDS = [
    "the",
    "minister",
    "said",
    "talks",
    "on",
    "trade",
    "and",
    "transport",
    "would",
    "go",
    "on",
    "next",
    "week",
    "with",
    "Russia",
    "Iran",
    "Moscow",
    "Tehran",
    "Lavrov",
    "Araghchi",
    "Putin",
    "officials",
    "agreed",
    "to",
    "meet",
    "again",
    "on",
    "Monday",
    "in",
    "sanctions",
    "treaty",
    "signed",
    "visited",
    "condemned",
    "accused",
]
NAMES = ["Lavrov", "Araghchi", "Putin", "Pezeshkian", "Russia", "Iran", "Moscow", "Tehran"]
#: URLs dyad must refuse without reaching any network.
BAD_URLS = [
    "http://[::1",
    "http://[::1]:1/",
    "http://x:99999/",
    "http://127.0.0.1:1/secret",
    "http://localhost:1/",
    "http://10.0.0.1:1/",
    "http://169.254.169.254/latest/meta-data",
    "http://[::ffff:127.0.0.1]:1/",
    "http://2130706433:1/",
    "http://0x7f.1:1/",
    "http://224.0.0.1:1/",
    "http://0.0.0.0:1/",
    "https://user:pw@192.168.0.1:1/",
    "http://a\x00b/",
    "http://a b/",
    "http://\x1b]0;t\x07/",
    "http:///nohost",
    "http://%00/",
    "http://[/x]/",
    "ftp://127.0.0.1/file",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "data:text/html,<p>inline</p>",
    "gopher://127.0.0.1:70/",
    "http://" + "a" * 300 + "/",
    "//127.0.0.1/",  # no scheme: a path that does not exist, as dyad ingest reads it
]


@dataclass(frozen=True)
class Hostile:
    """One hostile input: a file to read, or a URL given as an argument."""

    kind: str
    name: str  # file name (may hold markup, escapes, undecodable bytes) or the URL
    data: bytes | None = None  # None: `name` is a URL argument

    @property
    def is_url(self) -> bool:
        return self.data is None


def nasty(rng: random.Random) -> str:
    return rng.choice(NASTY)


def words(rng: random.Random, n: int, *, periods: bool = True, density: float = 0.05) -> str:
    """`n` words of news-like text with nasty strings strewn in."""
    out = []
    for i in range(n):
        roll = rng.random()
        if roll < density:
            out.append(nasty(rng))
        elif roll < density * 2:
            out.append(rng.choice(NAMES))
        else:
            out.append(rng.choice(WORDS))
        if periods and i % rng.randint(8, 30) == 0:
            out[-1] += "."
    return " ".join(out)


def no_period(words: int) -> str:
    """One sentence of `words` plain words with no full stop."""
    return " ".join(WORDS[i % len(WORDS)] for i in range(words))


def run_on_actors(words: int) -> str:
    """Run-on text: one sentence with no full stop, dense with actor names."""
    return " and ".join(NAMES[i % len(NAMES)] for i in range(words // 2)) + " met"


def quote_marks(words: int) -> str:
    """Quote marks and 'said' over and over, unbalanced."""
    marks = ['"', "said", "“", "Lavrov said", "”", "'", ":", "«"]
    return " ".join(marks[i % len(marks)] for i in range(words))


def run_on(rng: random.Random) -> str:
    words = rng.choice([200, 2000, 8000])
    return rng.choice([no_period, run_on_actors])(words)


def quote_storm(rng: random.Random) -> str:
    return quote_marks(rng.choice([100, 1000, 5000]))


def body(rng: random.Random) -> str:
    """A document's text: news-like, run-on, a quote storm or mostly nasty."""
    roll = rng.random()
    if roll < 0.15:
        return run_on(rng)
    if roll < 0.3:
        return quote_storm(rng)
    if roll < 0.4:
        return "".join(nasty(rng) for _ in range(rng.randint(1, 200)))
    return words(rng, rng.randint(5, 400), periods=rng.random() < 0.8)


def file_name(rng: random.Random, extension: str) -> str:
    """A file name, often one that would break a terminal, Rich or UTF-8."""
    stem = rng.choice(
        [
            "doc",
            "[bold]file",
            "[link=javascript:alert(1)]x",
            "esc\x1b]0;t\x07name",
            "a\u2028b",
            "\u202eevil",
            "undecodable\udcff\udcfe",  # bytes 0xff 0xfe in the name (surrogateescape)
            " spaced ",
            "-dash",
            "n" * 200,
            "ok",
        ]
    )
    return f"{stem}{rng.randint(0, 999)}{extension}"


def encode(rng: random.Random, text: str) -> bytes:
    """Text as bytes in a random, possibly broken, encoding."""
    choice = rng.random()
    if choice < 0.6:
        return text.encode("utf-8", "surrogatepass")  # lone surrogates as invalid UTF-8
    if choice < 0.7:
        return text.encode("utf-16", "surrogatepass")
    if choice < 0.8:
        return text.encode("latin-1", "replace")
    if choice < 0.85:
        return b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    if choice < 0.9:
        return rng.randbytes(rng.randint(0, 2000))
    return text.encode("utf-8", "surrogatepass").replace(b" ", b"\x00", rng.randint(1, 50))


def mutate(rng: random.Random, data: bytes) -> bytes:
    """Truncate, splice nasty bytes into, or repeat a slice of `data`."""
    for _ in range(rng.randint(1, 4)):
        if not data:
            return data
        at = rng.randrange(len(data) + 1)
        roll = rng.random()
        if roll < 0.3:
            data = data[:at]
        elif roll < 0.7:
            data = data[:at] + nasty(rng).encode("utf-8", "surrogatepass") + data[at:]
        elif roll < 0.85:
            data = data[:at] + data[at : at + 64] * rng.randint(2, 200) + data[at:]
        else:
            data = data[:at] + bytes([rng.randrange(256)]) + data[at + 1 :]
    return data


def _maybe_mutate(rng: random.Random, data: bytes) -> bytes:
    return mutate(rng, data) if rng.random() < 0.3 else data


# --- one generator per kind --------------------------------------------------------------


def text_file(rng: random.Random) -> Hostile:
    data = encode(rng, body(rng))
    return Hostile("text", file_name(rng, ".txt"), _maybe_mutate(rng, data))


def html_file(rng: random.Random) -> Hostile:
    roll = rng.random()
    text = body(rng)
    if roll < 0.2:  # one tag with very many or very long attributes
        attrs = " ".join(f'a{i}="{nasty(rng)}"' for i in range(rng.choice([10, 1000, 20000])))
        page = f"<html><body><p {attrs}>{text}</p></body></html>"
    elif roll < 0.3:
        page = f'<html><body><p title="{"x" * rng.choice([1000, 200_000])}">{text}</p></body>'
    elif roll < 0.45:  # deep nesting
        depth = rng.choice([100, 2000, 20000])
        page = "<div>" * depth + text + "</div>" * rng.randint(0, depth)
    elif roll < 0.55:  # character references of every kind
        refs = ["&#xD800;", "&#0;", "&#x1b;", "&#1114112;", "&#xFFFE;", "&nbsp;", "&bogus;"]
        page = "<p>" + " ".join(rng.choice(refs) + w for w in text.split()[:2000]) + "</p>"
    else:
        head = f"<head><title>{nasty(rng)}{text[:80]}</title><meta name='author' "
        head += f"content='{nasty(rng)}'></head>"
        paragraphs = "".join(f"<p>{p}</p>" for p in text.split(".") if p)
        page = f"<!doctype html><html>{head}<body><article>{paragraphs}</article></body></html>"
    return Hostile("html", file_name(rng, ".html"), _maybe_mutate(rng, encode(rng, page)))


def _record(rng: random.Random) -> dict[str, object]:
    record: dict[str, object] = {"text": body(rng)}
    for key in ("name", "title", "outlet", "author", "url", "published", "id"):
        if rng.random() < 0.5:
            record[key] = rng.choice(
                [nasty(rng) * rng.randint(1, 3), words(rng, 3), rng.choice(BAD_URLS), 12, None]
            )
    if rng.random() < 0.1:
        record["text"] = rng.choice([None, 42, ["a"], {"b": 1}, ""])
    return record


def _json_line(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.08:
        depth = rng.choice([1000, 10_000, 100_000])
        return "[" * depth + "]" * depth
    if roll < 0.16:
        return '{"text": "x", "n": ' + "7" * rng.choice([4301, 5000, 20000]) + "}"
    if roll < 0.2:
        return rng.choice(["NaN", "1e999999", '"just a string"', "[1, 2]", "null", "{", "}{"])
    if roll < 0.25:  # raw U+2028 / U+2029 inside a string: valid JSON, one line
        record = {"name": "sep", "text": words(rng, 20) + "\u2028" + words(rng, 20)}
        return json.dumps(record).replace("\\u2028", "\u2028")
    line = json.dumps(_record(rng), ensure_ascii=rng.random() < 0.5)
    if rng.random() < 0.2:  # escapes JSON allows but Python strings hate
        line = line.replace("x", "\\ud800", 1).replace("e", "\\u0000", 1)
    return line


def jsonl_file(rng: random.Random) -> Hostile:
    lines = [_json_line(rng) for _ in range(rng.randint(0, 12))]
    sep = rng.choice(["\n", "\r\n", "\n\n"])
    data = sep.join(lines).encode("utf-8", "surrogatepass")
    return Hostile("jsonl", file_name(rng, ".jsonl"), _maybe_mutate(rng, data))


def json_file(rng: random.Random) -> Hostile:
    roll = rng.random()
    if roll < 0.1:
        text = rng.choice(["[]", "{}", "", "null", "[[]]", '{"articles": []}'])
    elif roll < 0.2:
        depth = rng.choice([1000, 100_000])
        text = '{"a":' * depth + "1" + "}" * depth
    elif roll < 0.3:
        text = "[" + ", ".join(rng.choice(["1", '"s"', "null", "[]"]) for _ in range(50)) + "]"
    else:
        text = "[" + ",\n".join(_json_line(rng) for _ in range(rng.randint(1, 10))) + "]"
        if rng.random() < 0.2:
            text = text[: rng.randrange(len(text))]  # truncated array
    data = text.encode("utf-8", "surrogatepass")
    return Hostile("json", file_name(rng, ".json"), _maybe_mutate(rng, data))


def _xml_text(rng: random.Random, text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;") if rng.random() < 0.7 else text


def feed_file(rng: random.Random) -> Hostile:
    encoding = rng.choice(
        ['encoding="UTF-8"', 'encoding="ÿ"', 'encoding="utf-16"', "", 'encoding="koi8-r"']
    )
    items = []
    for i in range(rng.randint(0, 6)):
        title = rng.choice(["&#xD800;", "&#55296;", nasty(rng), words(rng, 5)])
        link = rng.choice([*BAD_URLS, f"<link>{rng.choice(BAD_URLS)}</link>", ""])
        content = _xml_text(rng, body(rng))
        part = rng.choice(
            [
                f"<description>{content}</description>",
                f"<content:encoded><![CDATA[<p>{content}</p>]]></content:encoded>",
                "",
            ]
        )
        items.append(
            f"<item><title>{_xml_text(rng, title)}</title><link>{_xml_text(rng, link)}</link>"
            f"<guid>{_xml_text(rng, nasty(rng))}{i}</guid>{part}</item>"
        )
    if rng.random() < 0.1:  # an attribute of 100,000 characters
        items.append(f'<item><title a="{"y" * 100_000}">t</title></item>')
    if rng.random() < 0.05:  # entity expansion (XML bomb)
        ents = '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">' + "".join(
            f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">' for k in range(8)
        )
        prolog, items = ents + "]>", [*items, "<item><title>&i;</title></item>"]
    else:
        prolog = ""
    if rng.random() < 0.5:
        xml = (
            f'<?xml version="1.0" {encoding}?>{prolog}<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>{_xml_text(rng, nasty(rng))}</title>{''.join(items)}</channel></rss>"
        )
    else:
        entries = "".join(
            item.replace("<item>", "<entry>").replace("</item>", "</entry>") for item in items
        )
        xml = (
            f'<?xml version="1.0" {encoding}?>{prolog}<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{nasty(rng)}</title>{entries}</feed>"
        )
    extension = rng.choice([".rss", ".atom", ".xml"])
    data = _maybe_mutate(rng, xml.encode("utf-8", "surrogatepass"))
    return Hostile("feed", file_name(rng, extension), data)


def warc_file(rng: random.Random) -> Hostile:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=rng.random() < 0.3)
    for _ in range(rng.randint(0, 4)):
        status = rng.choice(["200 OK", "404 Not Found", "301 Moved"])
        ctype = rng.choice(["text/html", "text/plain", "image/png", "text/html; charset=ÿ", ""])
        payload = encode(rng, f"<html><body><p>{body(rng)}</p></body></html>")
        headers = [("Content-Type", ctype)] if ctype else []
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        uri = rng.choice(["https://news.example/a", *BAD_URLS[:6]])
        kind = rng.choice(["response", "response", "resource", "metadata"])
        record = writer.create_warc_record(
            uri,
            kind,
            payload=io.BytesIO(payload),
            length=len(payload),
            http_headers=http if kind == "response" else None,
        )
        writer.write_record(record)
    data = out.getvalue()
    roll = rng.random()
    if roll < 0.15:  # a first line that an error message copies
        bad = nasty(rng).encode("utf-8", "surrogatepass")
        data = (
            b"WARC/1.0" + bad + b"\r\nWARC-Type: response\r\nContent-Length: 10\r\n\r\nnot http\r\n"
        )
    elif roll < 0.4:
        data = mutate(rng, data)
    return Hostile("warc", file_name(rng, rng.choice([".warc", ".warc.gz"])), data)


def url_argument(rng: random.Random) -> Hostile:
    url = rng.choice(BAD_URLS)
    if rng.random() < 0.3:
        url += rng.choice(
            ["/", "?q=" + nasty(rng), "#" + nasty(rng), ":" + str(rng.randint(0, 10**6))]
        )
    return Hostile("url", url)


GENERATORS: dict[str, Callable[[random.Random], Hostile]] = {
    "text": text_file,
    "html": html_file,
    "jsonl": jsonl_file,
    "json": json_file,
    "feed": feed_file,
    "warc": warc_file,
    "url": url_argument,
}
