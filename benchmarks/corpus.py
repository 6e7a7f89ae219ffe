"""Generate a synthetic news corpus for benchmarks: varied, reproducible, about 2,000 chars.

Sentences are assembled from templates, real actor names and random dates, with the junk
lines real scrapes carry (bylines, share buttons, promos), so every stage does real work.
"""

from __future__ import annotations

import json
import random
import resource
from datetime import date, timedelta
from pathlib import Path

ACTORS = [
    "Russian President Vladimir Putin",
    "Iranian Foreign Minister Abbas Araghchi",
    "Sergey Lavrov",
    "Masoud Pezeshkian",
    "the Kremlin",
    "Tehran",
    "Moscow",
    "Washington",
    "Chinese Foreign Minister Wang Yi",
    "Turkish President Recep Tayyip Erdogan",
    "the IAEA",
    "Israeli Prime Minister Benjamin Netanyahu",
    "the European Union",
    "Beijing",
    "Azerbaijani President Ilham Aliyev",
    "Armenian Prime Minister Nikol Pashinyan",
]
VERBS = [
    "met",
    "held talks with",
    "condemned",
    "thanked",
    "called on",
    "signed an agreement with",
    "accused",
    "warned",
    "praised",
    "offered aid to",
    "rejected a proposal from",
    "hosted",
    "criticized",
    "pledged support for",
    "imposed sanctions on",
]
PLACES = ["in Moscow", "in Tehran", "in Geneva", "at the Kremlin", "in Baku", "in Istanbul"]
WHEN = ["on Monday", "on Tuesday", "last week", "earlier this month", "on June 12", "in May"]
QUOTES = [
    '"We will continue to work together," {a} said.',
    "{a} told reporters that the talks had been constructive.",
    '"This is a serious mistake," {a} said, adding that consequences would follow.',
]
JUNK = [
    "Share this:",
    "Copy Link",
    "You may also like: ten photos of the week",
    "Join the discussion below.",
    "Follow us on Telegram",
]
OUTLETS = ["Caspian Wire", "Eurasia Ledger", "Gulf Monitor Daily", "Steppe Review"]


def article(
    rng: random.Random, index: int, target_chars: int = 2000, day: date | None = None
) -> tuple[str, str, str]:
    """Return (outlet, title, text) of one synthetic article, its byline dated `day` (a
    random day of June 2025 when None)."""
    outlet = rng.choice(OUTLETS)
    a, b = rng.sample(ACTORS, 2)
    title = f"{a.split()[-1]} and {b.split()[-1]} discuss regional security ({index})"
    byline = f"{day:%b} {day.day}, {day.year}" if day else f"Jun {rng.randint(1, 28)}, 2025"
    lines = [title, f"by Staff | {byline} | {rng.randint(0, 9)} comments"]
    body: list[str] = []
    while sum(len(s) for s in body) < target_chars:
        x, y = rng.sample(ACTORS, 2)
        sentence = f"{x} {rng.choice(VERBS)} {y} {rng.choice(PLACES)} {rng.choice(WHEN)}."
        body.append(sentence[0].upper() + sentence[1:])
        if rng.random() < 0.25:
            body.append(rng.choice(QUOTES).format(a=rng.choice(ACTORS)))
    for i in range(0, len(body), 4):
        lines.append(" ".join(body[i : i + 4]))
        if rng.random() < 0.3:
            lines.append(rng.choice(JUNK))
    lines.append(rng.choice(JUNK))
    return outlet, title, "\n\n".join(lines) + "\n"


def write_text_corpus(folder: Path, count: int, seed: int = 7) -> int:
    """Write `count` .txt articles; returns total bytes."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(count):
        _, _, text = article(rng, i)
        data = text.encode("utf-8")
        (folder / f"article_{i:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def write_jsonl_corpus(path: Path, count: int, per_day: int = 40, seed: int = 13) -> int:
    """Write `count` articles as JSONL records with outlet, title and a published day,
    `per_day` of them a day from 1 January 2020 (a realistic spread for linking: a
    100,000-article corpus covers about seven years). Streams; returns total bytes."""
    rng = random.Random(seed)
    total = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            day = date(2020, 1, 1) + timedelta(days=i // per_day)
            outlet, title, text = article(rng, i, day=day)
            record = {"outlet": outlet, "title": title, "published": day.isoformat()}
            line = json.dumps({**record, "text": text}) + "\n"
            out.write(line)
            total += len(line.encode("utf-8"))
    return total


def write_html_corpus(folder: Path, count: int, seed: int = 11) -> int:
    """Write `count` .html article pages with navigation and footers; returns total bytes."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(count):
        outlet, title, text = article(rng, i)
        paragraphs = "\n".join(f"<p>{p}</p>" for p in text.split("\n\n")[2:] if p.strip())
        page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="{outlet}">
<meta property="article:published_time" content="2025-06-{rng.randint(1, 28):02d}">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>{paragraphs}</article>
<footer>Copyright {outlet}. All rights reserved.</footer></body></html>"""
        data = page.encode("utf-8")
        (folder / f"page_{i:05d}.html").write_bytes(data)
        total += len(data)
    return total


def peak_memory_mb() -> float:
    """Peak resident memory of this process and its finished children (worker pools)."""
    peak_kb = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    return peak_kb / 1024
