"""The explorer in-process (FastAPI's TestClient): pages, JSON twins, escaping, bad input."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from briefing_corpus import HOSTILE_OUTLET, HOSTILE_TITLE
from dyad.errors import StoreError
from dyad.web.app import create_app


@pytest.fixture(scope="module")
def client(briefing_db: str) -> TestClient:
    return TestClient(create_app(briefing_db))


@pytest.fixture(scope="module")
def story_id(client: TestClient) -> str:
    return str(client.get("/stories.json").json()["stories"][0]["story_id"])


PAGES = [
    "/",
    "/stories",
    "/documents",
    "/dyads/RUS-IRN",
    "/dyads/irn-rus?by=week",
    "/actors/Vladimir%20Putin",
    "/documents/hostile",
    "/documents/hostile?start=0&end=20",
    "/search?q=Putin",
    "/search?q=grain%20railway",
]


@pytest.mark.parametrize("url", PAGES)
def test_app_pages_and_their_json_twins(client: TestClient, url: str) -> None:
    page = client.get(url)
    assert page.status_code == 200, page.text
    assert page.headers["content-type"].startswith("text/html")
    assert "<script" not in page.text  # no script of ours, none from an article
    assert "http://" not in page.text.replace("http://www.w3.org/2000/svg", "")  # no CDN
    path, _, query = url.partition("?")
    twin = client.get(
        ("/index" if path == "/" else path) + ".json" + ("?" + query if query else "")
    )
    assert twin.status_code == 200, twin.text
    assert isinstance(twin.json(), dict)


def test_app_story_page_cites_sentences_that_the_document_page_highlights(
    client: TestClient, story_id: str
) -> None:
    data = client.get(f"/stories/{story_id}.json").json()
    cited = data["facts"][0]["citations"][0]
    page = client.get(f"/stories/{story_id}")
    link = (
        f"/documents/{quote(cited['document'])}?start={cited['sentence_start']}"
        f"&end={cited['sentence_end']}#hl"
    )
    assert link in page.text
    document = client.get(
        f"/documents/{cited['document']}",
        params={"start": cited["sentence_start"], "end": cited["sentence_end"]},
    )
    assert 'id="hl"' in document.text


def test_app_escapes_hostile_article_text(client: TestClient) -> None:
    for url in ("/documents/hostile", "/documents", "/search?q=alert", "/dyads/RUS-IRN"):
        text = client.get(url).text
        assert "<script>" not in text and "<b>evil</b>" not in text and "<b>never" not in text
    page = client.get("/documents/hostile").text
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in page
    assert "[red]markup[/red]" in page
    assert "&lt;b&gt;evil&lt;/b&gt;.example" in page
    data = client.get("/documents/hostile.json").json()
    assert data["document"]["title"] == HOSTILE_TITLE
    assert data["document"]["outlet"] == HOSTILE_OUTLET


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/stories/s-none", 404, "no single story"),
        ("/stories/s-none.json", 404, "no single story"),
        ("/documents/nothing-here", 404, "no document named"),
        ("/actors/Nobody%20Atall", 404, "no event or quote"),
        ("/no/such/page", 404, "no page at"),
        ("/dyads/RUSSIA-IRN", 400, "unknown country code"),
        ("/dyads/RUS", 400, "two country codes"),
        ("/dyads/RUS-IRN?by=day", 400, "bad parameter"),
        ("/stories?page=0", 400, "bad parameter"),
        ("/stories.json?size=100000", 400, "bad parameter"),
        ("/stories?page=abc", 400, "bad parameter"),
        ("/search", 400, "bad parameter"),
        ("/search?q=", 400, "bad parameter"),
        ("/search?q=%22%28*", 400, "at least one word"),
        ("/documents/hostile?start=5", 400, "start and end"),
        ("/documents/hostile?start=5&end=100000", 400, "start and end"),
        ("/documents/hostile?start=-1&end=3", 400, "bad parameter"),
    ],
)
def test_app_bad_parameters_get_a_message_not_a_500(
    client: TestClient, url: str, status: int, message: str
) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert message in response.text


def test_app_lists_are_paginated(client: TestClient) -> None:
    first = client.get("/documents.json?size=2").json()
    assert len(first["documents"]) == 2
    assert first["pager"]["total"] > 2 and first["pager"]["next"]
    second = client.get("/documents.json?size=2&page=2").json()
    assert {d["name"] for d in first["documents"]}.isdisjoint(
        d["name"] for d in second["documents"]
    )
    beyond = client.get("/documents.json?size=2&page=999").json()
    assert beyond["documents"] == []


def test_app_search_finds_documents_quotes_and_facts(client: TestClient) -> None:
    data = client.get("/search.json?q=Araghchi").json()
    assert data["documents_total"] >= 3
    assert data["facts_total"] >= 1
    assert any(part["match"] for d in data["documents"] for part in d["parts"])


def test_app_openapi_lists_the_json_twins(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/stories.json", "/stories/{story_id}.json", "/dyads/{pair}.json"} <= set(paths)
    assert "/docs" not in paths


def test_app_document_names_with_slashes(tmp_path) -> None:
    """A WARC or feed document is named by its URL: its page and its JSON twin open."""
    import json as _json

    from dyad.pipeline import ingest
    from dyad.settings import load_settings
    from dyad.store import Store

    name = "https://news.example/2025/03/10/meeting"
    records = tmp_path / "r.jsonl"
    row = {"name": name, "outlet": "news.example", "published": "2025-03-10",
           "text": "Vladimir Putin met Abbas Araghchi in Moscow on Monday."}  # fmt: skip
    records.write_text(_json.dumps(row) + "\n", encoding="utf-8")
    db = str(tmp_path / "slash.db")
    with Store(db) as store:
        ingest([str(records)], store, load_settings(None, db=db))
    client = TestClient(create_app(db))
    assert client.get(f"/documents/{name}").status_code == 200
    assert client.get(f"/documents/{name}.json").json()["document"]["name"] == name


def test_app_refuses_a_missing_store(tmp_path) -> None:
    with pytest.raises(StoreError):
        create_app(str(tmp_path / "none.db"))
