"""The explorer in a real browser: Debian's chromium driven by Playwright (marked browser).

The real server (uvicorn) runs on a free loopback port over a store built from
`examples/` and our hostile article; the tests click from the stories list to a story, to
a fact's source sentence, to the document with its highlight, check the chart, and save
screenshots under the test's temporary folder. Playwright's own browser download is never
used: `executable_path` names the system chromium (`make install` installs it).
"""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing_corpus import EXTRA

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (make install installs it)")
    import uvicorn

    from dyad.pipeline import ingest
    from dyad.settings import load_settings
    from dyad.store import Store
    from dyad.web.app import create_app

    folder = tmp_path_factory.mktemp("browser")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(EXTRA[0]) + "\n", encoding="utf-8")
    db = str(folder / "examples.db")
    with Store(db) as store:
        ingest([str(EXAMPLES), str(hostile)], store, load_settings(None, db=db))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        if time.monotonic() > deadline:
            pytest.fail("the explorer did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield launched
        launched.close()


def test_browser_story_to_source_sentence(server: str, browser, tmp_path: Path) -> None:
    page = browser.new_page()
    page.goto(f"{server}/stories")
    page.screenshot(path=str(tmp_path / "stories.png"), full_page=True)
    page.locator('a.story:not([data-facts="0"])').first.click()
    page.wait_for_selector("table.facts")
    page.screenshot(path=str(tmp_path / "story.png"), full_page=True)
    page.locator("table.facts .cite a").first.click()
    page.wait_for_selector(".doctext")
    highlighted = page.locator("#hl")
    assert highlighted.count() == 1 and highlighted.is_visible()
    assert "/documents/" in page.url and "#hl" in page.url
    page.screenshot(path=str(tmp_path / "document.png"), full_page=True)
    trigger = page.locator("a.trigger").first
    if trigger.count():
        title = trigger.get_attribute("title") or ""
        assert "→" in title
        trigger.click()
        assert "#ev-" in page.url
    page.close()


def test_browser_dyad_chart_renders(server: str, browser, tmp_path: Path) -> None:
    page = browser.new_page()
    page.goto(f"{server}/")
    page.locator("a[href^='/dyads/']").first.click()
    chart = page.locator(".chart svg")
    chart.wait_for()
    box = chart.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 150
    assert page.locator(".chart svg rect").count() > 0
    page.screenshot(path=str(tmp_path / "dyad.png"), full_page=True)
    page.close()


def test_browser_hostile_article_shows_as_text(server: str, browser, tmp_path: Path) -> None:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{server}/documents/hostile")
    text = page.locator(".doctext").inner_text()
    assert "<script>alert('xss')</script>" in text
    assert "[red]markup[/red]" in text
    assert "<script>alert('title')</script> [bold]Summit[/bold]" in page.locator("h1").inner_text()
    assert dialogs == []
    page.screenshot(path=str(tmp_path / "hostile.png"), full_page=True)
    page.close()
