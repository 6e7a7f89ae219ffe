"""Write examples/archive.warc.gz: two article pages, a request and a non-HTML response.

Run from the repository root: `.venv/bin/python examples/make_warc.py`. The output is
deterministic (fixed record ids and dates), so regenerating it changes nothing.
"""

# ruff: noqa: E501  (the pages below are article prose, one paragraph per line)
from __future__ import annotations

import uuid
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).resolve().parent / "archive.warc.gz"

TIANJIN = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Putin and Pezeshkian Meet at SCO Summit in Tianjin | Gulf Monitor Daily</title>
<meta property="og:title" content="Putin and Pezeshkian Meet at SCO Summit in Tianjin">
<meta property="og:site_name" content="Gulf Monitor Daily">
<meta property="article:published_time" content="2025-09-01T18:20:00+04:00">
<meta name="author" content="Omar Saeed">
</head><body>
<nav><a href="/">Home</a> <a href="/iran">Iran</a> <a href="/asia">Asia</a></nav>
<article>
<h1>Putin and Pezeshkian Meet at SCO Summit in Tianjin</h1>
<p class="dek">The two presidents discuss Iran's nuclear programme as a European deadline nears.</p>
<p class="byline">By Omar Saeed, September 1, 2025</p>
<p>TIANJIN, China &#8212; Russian President Vladimir Putin met Iranian President Masoud Pezeshkian on Monday on the sidelines of the Shanghai Cooperation Organisation summit in the Chinese city of Tianjin.</p>
<p>The two leaders discussed Iran's nuclear programme days after Britain, France and Germany started the process of restoring United Nations sanctions on Tehran. Putin said Russia and Iran were working together closely at the United Nations and in other international bodies.</p>
<p>Pezeshkian thanked Moscow for its support and said Iran had never sought nuclear weapons. He said the European move had no legal basis because the Europeans had not kept their own commitments under the 2015 deal.</p>
<p>Putin also said the strategic partnership treaty signed in January had given relations a new impulse, and that trade between the two countries was growing.</p>
<p>"Tianjin was a chance for Tehran to show that it is not isolated," said Farah Nasser, a researcher on Gulf security. "Russia and China were both in the room."</p>
<p>The SCO, which Iran joined in 2023, adopted a declaration at the summit that condemned the Israeli and U.S. strikes on Iran in June.</p>
</article>
<footer>&#169; 2025 Gulf Monitor Daily &#183; <a href="/terms">Terms</a></footer>
</body></html>
"""

TREATY = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Russia-Iran Partnership Treaty Enters Into Force | Eurasia Ledger</title>
<meta property="og:title" content="Russia-Iran Partnership Treaty Enters Into Force">
<meta property="og:site_name" content="Eurasia Ledger">
<meta property="article:published_time" content="2025-10-02T15:00:00+03:00">
<meta name="author" content="Leila Haddad">
</head><body>
<header><a href="/">Eurasia Ledger</a> | <a href="/subscribe">Subscribe</a></header>
<article>
<h1>Russia-Iran Partnership Treaty Enters Into Force</h1>
<p class="dek">The twenty-year pact takes effect as both countries face tighter Western sanctions.</p>
<p class="byline">By Leila Haddad | October 2, 2025</p>
<p>MOSCOW &#8212; The Comprehensive Strategic Partnership Treaty between Russia and Iran entered into force on Thursday, the Russian Foreign Ministry said, nine months after Presidents Vladimir Putin and Masoud Pezeshkian signed it in Moscow.</p>
<p>The ministry said the two sides had completed the exchange of notes confirming ratification. Russia ratified the treaty in April and Iran's parliament approved it later in the spring.</p>
<p>Iran's ambassador to Moscow, Kazem Jalali, said the treaty would raise cooperation in energy, transport and finance to a new level. He said the two countries would keep coordinating their positions at the United Nations.</p>
<p>The treaty takes effect days after UN sanctions on Iran returned at the request of Britain, France and Germany. Russia has said it does not recognise the reimposed sanctions and will keep trading with Iran.</p>
<p>"The treaty gives legal form to a partnership that already exists," said Irina Volkova, a researcher on Russian policy in the Middle East. "Its real test is whether money and goods move faster."</p>
</article>
<aside><h2>Related</h2><a href="/2025/01/17/treaty">What the treaty says</a></aside>
</body></html>
"""

PNG_BYTES = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")


def _id(n: int) -> str:
    return f"<urn:uuid:{uuid.UUID(int=n)}>"


def _response(writer: WARCWriter, n: int, uri: str, date: str, ctype: str, body: bytes) -> None:
    http = StatusAndHeaders(
        "200 OK",
        [("Content-Type", ctype), ("Content-Length", str(len(body)))],
        protocol="HTTP/1.1",
    )
    record = writer.create_warc_record(
        uri,
        "response",
        payload=BytesIO(body),
        length=len(body),
        http_headers=http,
        warc_headers_dict={"WARC-Record-ID": _id(n), "WARC-Date": date},
    )
    writer.write_record(record)


def main() -> None:
    """Write the archive next to this script."""
    with OUT.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        tianjin = "https://gulf-monitor-daily.example/2025/09/01/putin-pezeshkian-tianjin"
        request = writer.create_warc_record(
            tianjin,
            "request",
            payload=BytesIO(b""),
            length=0,
            http_headers=StatusAndHeaders(
                "GET /2025/09/01/putin-pezeshkian-tianjin HTTP/1.1",
                [("Host", "gulf-monitor-daily.example"), ("User-Agent", "dyad-example")],
                is_http_request=True,
            ),
            warc_headers_dict={"WARC-Record-ID": _id(1), "WARC-Date": "2025-09-01T19:00:00Z"},
        )
        writer.write_record(request)
        _response(
            writer, 2, tianjin, "2025-09-01T19:00:01Z", "text/html; charset=utf-8", TIANJIN.encode()
        )
        _response(
            writer,
            3,
            "https://gulf-monitor-daily.example/img/tianjin.png",
            "2025-09-01T19:00:02Z",
            "image/png",
            PNG_BYTES,
        )
        _response(
            writer,
            4,
            "https://eurasia-ledger.example/2025/10/02/treaty-in-force",
            "2025-10-02T13:30:00Z",
            "text/html; charset=utf-8",
            TREATY.encode(),
        )


if __name__ == "__main__":
    main()
