"""Store writes and reads: idempotent re-ingest, transactions, statistics, lookups."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from store_docs import TALKS, TRADE, TREATY, corpus, event, make_document

from dyad.errors import StoreError
from dyad.model import IngestError, RemovedLine
from dyad.store import MIGRATIONS, Store, schema
from dyad.store import queries as store_queries
from dyad.store import store as store_module


def count_rows(store: Store, table: object) -> int:
    with store._engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_store_new_store_is_at_latest_schema(store: Store) -> None:
    assert store.schema_version() == len(MIGRATIONS)
    assert store.list_documents() == []


def test_store_reopen_keeps_data(store_url: str) -> None:
    with Store(store_url) as first:
        first.write_batch(corpus())
    with Store(store_url, create=False) as again:
        assert again.schema_version() == len(MIGRATIONS)
        assert [s.name for s in again.list_documents()] == ["treaty", "talks", "trade"]


def test_write_batch_returns_new_ids_and_reingest_is_noop(store: Store) -> None:
    docs = corpus()
    assert store.write_batch(docs) == [d.doc_id for d in docs]
    assert store.write_batch(docs) == []
    assert store.write_batch([*docs[:1], make_document("A new text.", "new")]) == [
        make_document("A new text.", "new").doc_id
    ]
    assert count_rows(store, schema.documents) == 4
    assert count_rows(store, schema.events) == 5


def test_write_batch_first_of_a_doc_id_wins(store: Store) -> None:
    first = make_document(TRADE, "first")
    second = make_document(TRADE, "second")
    assert store.write_batch([first, second]) == [first.doc_id]
    stored = store.get_document(first.doc_id)
    assert stored is not None and stored.name == "first"


def test_list_documents_summaries(store: Store) -> None:
    store.write_batch(corpus())
    treaty, talks, trade = store.list_documents()
    assert (treaty.name, treaty.outlet, treaty.published) == (
        "treaty",
        "example-wire",
        "2025-01-17",
    )
    assert (treaty.chars, treaty.removed, treaty.events, treaty.quotes) == (len(TREATY), 1, 2, 1)
    assert (talks.removed, talks.events, talks.quotes, talks.language) == (0, 2, 1, "en")
    assert (trade.outlet, trade.published, trade.duplicate_of) == (None, None, None)
    assert trade.source == "corpus/trade.txt"


def test_write_batch_roundtrip_of_full_documents(store: Store) -> None:
    docs = corpus()
    store.write_batch(docs)
    assert list(store.iter_documents()) == docs
    for doc in docs:
        assert store.get_document(doc.doc_id) == doc


def test_write_batch_is_one_transaction(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(store_module.Store, "_bump_line_stats", staticmethod(boom))
    errors = [IngestError("bad", "in/bad.txt", "decode", "not text")]
    with pytest.raises(RuntimeError, match="disk gone"):
        store.write_batch(corpus(), errors, line_keys={corpus()[0].doc_id: ["k"]})
    for table in (schema.documents, schema.events, schema.quotes, schema.removed_lines):
        assert count_rows(store, table) == 0
    assert store.list_errors() == []


def test_interrupted_ingest_run_again_stores_each_document_once(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = [
        make_document(f"Item number {i} of the feed.", f"item{i}", outlet="w") for i in range(9)
    ]
    docs += corpus()
    keys = {d.doc_id: ["shared-line", f"own-{d.name}"] for d in docs}
    batches = [docs[i : i + 3] for i in range(0, len(docs), 3)]

    real = store_module.Store._write_signatures
    calls = {"n": 0}

    def crash_on_third(*args: object) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # the process is killed in the middle of batch 3
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(store_module.Store, "_write_signatures", staticmethod(crash_on_third))
    with pytest.raises(KeyboardInterrupt):
        for batch in batches:
            store.write_batch(batch, line_keys=keys, signatures={d.doc_id: [1, 2] for d in batch})
    assert count_rows(store, schema.documents) == 6
    monkeypatch.undo()

    stored_again = []
    for batch in batches:
        stored_again += store.write_batch(
            batch, line_keys=keys, signatures={d.doc_id: [1, 2] for d in batch}
        )
    assert stored_again == [d.doc_id for d in docs[6:]]
    assert count_rows(store, schema.documents) == len(docs)
    assert count_rows(store, schema.events) == sum(len(d.events) for d in docs)
    assert count_rows(store, schema.signatures) == len(docs)
    assert store.line_counts("w", ["shared-line"]) == {"shared-line": 9}
    assert store.line_counts("w", ["own-item4"]) == {"own-item4": 1}


def test_write_batch_refuses_nul_characters_as_error(store: Store) -> None:
    bad = make_document("A broken\x00 text.", "broken")
    good = make_document("A fine text.", "fine")
    assert store.write_batch([bad, good], run_id=None) == [good.doc_id]
    (error,) = store.list_errors()
    assert (error.name, error.stage) == ("broken", "store")
    assert "documents.text" in error.cause and "NUL" in error.cause


def test_line_counts_per_outlet_only_for_new_documents(store: Store) -> None:
    a1 = make_document("First page of outlet a.", "a1", outlet="a")
    a2 = make_document("Second page of outlet a.", "a2", outlet="a")
    n1 = make_document("A page without outlet.", "n1")
    keys = {a1.doc_id: ["k1", "k2", "k1"], a2.doc_id: ["k1"], n1.doc_id: ["k1"]}
    store.write_batch([a1, a2, n1], line_keys=keys)
    store.write_batch([a1, a2, n1], line_keys=keys)  # re-ingest bumps nothing
    assert store.line_counts("a", ["k1", "k2", "k3"]) == {"k1": 2, "k2": 1, "k3": 0}
    assert store.line_counts(None, ["k1", "k2"]) == {"k1": 1, "k2": 0}
    assert store.line_counts("b", ["k1"]) == {"k1": 0}
    assert store.line_counts("a", []) == {}
    assert store.frequent_lines("a", 2) == {"k1": 2}
    assert store.frequent_lines("a", 1) == {"k1": 2, "k2": 1}
    assert store.frequent_lines(None, 1) == {"k1": 1}
    assert store.frequent_lines("a", 3) == {}


def test_line_counts_many_keys(store: Store) -> None:
    doc = make_document("Many lines.", "many", outlet="big")
    keys = [f"key{i:05d}" for i in range(1200)]  # more than one IN chunk
    store.write_batch([doc], line_keys={doc.doc_id: keys})
    counts = store.line_counts("big", [*keys, "absent"])
    assert sum(counts.values()) == 1200 and counts["absent"] == 0


def test_signatures_roundtrip(store: Store) -> None:
    docs = corpus()
    values = {docs[0].doc_id: [0, 7, 2**32 - 1], docs[2].doc_id: [2**64 - 1, 5]}
    store.write_batch(docs, signatures=values)
    assert list(store.signatures()) == [
        (docs[0].doc_id, [0, 7, 2**32 - 1]),
        (docs[2].doc_id, [2**64 - 1, 5]),
    ]


def test_errors_and_runs(store: Store) -> None:
    run = store.start_run("ingest", {"paths": ["news/"], "workers": 2})
    other = store.start_run("ingest", {"paths": ["more/"]})
    store.write_batch(
        [], [IngestError("x.pdf", "news/x.pdf", "read", "not a text file")], run_id=run
    )
    store.write_batch([], [IngestError("y", "more/y", "decode", "binary")], run_id=other)
    store.finish_run(run, {"stored": 0, "errors": 1})
    assert [e.name for e in store.list_errors(run)] == ["x.pdf"]
    assert [e.name for e in store.list_errors()] == ["x.pdf", "y"]
    assert store.list_errors(run + other + 100) == []
    (error,) = store.list_errors(run)
    assert (error.source, error.stage, error.cause, error.run_id) == (
        "news/x.pdf", "read", "not a text file", run
    )  # fmt: skip
    first, second = store.list_runs()
    assert first.arguments == {"paths": ["news/"], "workers": 2}
    assert first.counts == {"stored": 0, "errors": 1} and first.finished is not None
    assert second.counts is None and second.finished is None


def test_documents_record_their_run(store: Store) -> None:
    run = store.start_run("ingest", {})
    store.write_batch(corpus()[:1], run_id=run)
    with store._engine.connect() as conn:
        assert conn.execute(select(schema.documents.c.run_id)).scalar_one() == run


def test_existing_ids(store: Store) -> None:
    docs = corpus()
    store.write_batch(docs[:2])
    assert store.existing_ids([d.doc_id for d in docs] + ["nope"]) == {
        docs[0].doc_id,
        docs[1].doc_id,
    }
    assert store.existing_ids([]) == set()


@pytest.fixture
def named(store: Store) -> Store:
    docs = [
        make_document(
            "Version one of the note.", "note", source="in/note.txt", doc_id="abcdef0001"
        ),
        make_document(
            "Version two of the note.", "note", source="in/note.txt", doc_id="abcdef0002"
        ),
        make_document("A memo from one place.", "memo", source="a/memo.txt", doc_id="1234567aaa"),
        make_document("A memo from elsewhere.", "memo", source="b/memo.txt", doc_id="1234568bbb"),
    ]
    store.write_batch(docs)
    return store


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("abcdef0001", "abcdef0001"),  # full doc_id
        ("1234567", "1234567aaa"),  # unique prefix of 7
        ("note", "abcdef0002"),  # a name from one source: the latest
        (" note ", "abcdef0002"),
        ("12345", None),  # prefixes shorter than 6 are not looked up
        ("zzzzzz", None),
        ("%%%%%%", None),  # LIKE wildcards are literal
        ("______", None),
        ("Note", None),  # names are exact
    ],
)
def test_get_document_by_id_prefix_or_name(named: Store, key: str, expected: str | None) -> None:
    found = named.get_document(key)
    assert (found.doc_id if found else None) == expected


@pytest.mark.parametrize(
    ("key", "listed"),
    [("abcdef", ["abcdef0001", "abcdef0002"]), ("memo", ["1234567aaa", "1234568bbb"])],
)
def test_get_document_ambiguous_lists_candidates(named: Store, key: str, listed: list[str]) -> None:
    with pytest.raises(StoreError) as info:
        named.get_document(key)
    for doc_id in listed:
        assert doc_id in str(info.value)


def test_iter_documents_pages_and_duplicates(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_queries, "PAGE", 2)
    docs = [make_document(f"Story {i} of five.", f"s{i}") for i in range(5)]
    docs[3].duplicate_of = docs[1].doc_id
    for doc in docs:  # one batch each: ingest order is batch order
        store.write_batch([doc])
    assert [d.name for d in store.iter_documents()] == ["s0", "s1", "s2", "s3", "s4"]
    assert [d.name for d in store.iter_documents(include_duplicates=False)] == [
        "s0", "s1", "s2", "s4"
    ]  # fmt: skip


def test_iter_documents_allows_writes_while_reading(store: Store) -> None:
    store.write_batch(corpus())
    seen = []
    for doc in store.iter_documents():
        seen.append(doc.name)
        if not doc.name.startswith("w-"):
            store.write_batch(
                [make_document(f"Written while reading {doc.name}.", f"w-{doc.name}")]
            )
    assert seen == ["treaty", "talks", "trade", "w-treaty", "w-talks", "w-trade"]
    assert len(store.list_documents()) == 6


def test_update_annotations_replaces_extracted_items(store: Store) -> None:
    docs = corpus()
    store.write_batch(docs)
    talks = docs[1]
    talks.events = [event(TALKS, "hosted", "CONSULT", ("IRN", None), ("RUS", None))]
    talks.quotes = []
    unknown = make_document("Never stored.", "unknown")
    assert store.update_annotations([talks, unknown]) == 1
    assert store.get_document("talks") == talks
    assert [r.doc_name for r in store.query_events(type="CONSULT")] == ["talks"]
    assert store.query_quotes(speaker="baghaei") == []
    assert [s.events for s in store.list_documents()] == [2, 1, 1]


def test_update_annotations_refuses_changed_text(store: Store) -> None:
    doc = corpus()[0]
    store.write_batch([doc])
    doc.text = doc.text.upper()  # same normalized id would differ; offsets would lie
    with pytest.raises(StoreError, match="re-ingest"):
        store.update_annotations([doc])


def test_removed_lines_keep_order_and_index(store: Store) -> None:
    removed = [
        RemovedLine("Subscribe now", "boilerplate", 3),
        RemovedLine("Photo: AP", "caption", None),
        RemovedLine("Subscribe now", "boilerplate", 9),
    ]
    doc = make_document("Body text.", "with-removed", removed=removed)
    store.write_batch([doc])
    stored = store.get_document("with-removed")
    assert stored is not None and stored.removed == removed


def test_store_create_false_refuses_missing_store(tmp_path: Path) -> None:
    path = tmp_path / "absent.db"
    with pytest.raises(StoreError, match="no store"):
        Store(str(path), create=False)
    assert not path.exists()


def test_store_create_false_refuses_empty_postgres(postgres_url: str) -> None:
    from dyad.store.testing import reset_postgres_database

    reset_postgres_database(postgres_url)
    with pytest.raises(StoreError, match="holds no dyad store"):
        Store(postgres_url, create=False)


def test_store_creates_parent_folders(tmp_path: Path) -> None:
    with Store(str(tmp_path / "a" / "b" / "dyad.db")) as store:
        assert store.schema_version() == len(MIGRATIONS)


def test_store_in_memory_sqlite() -> None:
    with Store("sqlite://") as store:
        store.write_batch(corpus())
        assert len(store.list_documents()) == 3


def test_store_unreachable_server_names_masked_url() -> None:
    with pytest.raises(StoreError) as info:
        Store("postgresql://ana:topsecret@127.0.0.1:1/news")
    message = str(info.value)
    assert "topsecret" not in message
    assert "127.0.0.1:1/news" in message and "***" in message
    assert "refused" in message.lower() or "connect" in message.lower()


def test_write_batch_retries_when_another_process_stored_a_doc(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = corpus()
    store.write_batch(docs[:1])  # "the other process" stored the first document
    real = store_queries.existing_ids
    calls = {"n": 0}

    def stale_then_real(conn: object, doc_ids: object) -> set[str]:
        calls["n"] += 1
        return set() if calls["n"] <= 2 else real(conn, doc_ids)  # type: ignore[arg-type]

    monkeypatch.setattr(store_queries, "existing_ids", stale_then_real)
    assert store.write_batch(docs) == [docs[1].doc_id, docs[2].doc_id]
    assert calls["n"] >= 4
    assert count_rows(store, schema.documents) == 3


def test_write_batch_bad_row_raises_and_stores_nothing(store: Store) -> None:
    good = make_document("A fine text.", "fine")
    bad = corpus()[0]
    bad.events[0].type = None  # type: ignore[assignment]  # violates NOT NULL
    with pytest.raises(IntegrityError):
        store.write_batch([good, bad])
    assert count_rows(store, schema.documents) == 0


def test_two_writers_store_each_document_once(store_url: str) -> None:
    docs = [make_document(f"Wire item {i} about the summit.", f"w{i}") for i in range(60)]
    stores = [Store(store_url), Store(store_url)]
    results: list[list[str]] = [[], []]

    def ingest(k: int) -> None:
        order = docs if k == 0 else docs[::-1]  # the two meet in the middle
        for i in range(0, len(order), 6):
            results[k] += stores[k].write_batch(order[i : i + 6])

    try:
        threads = [threading.Thread(target=ingest, args=(k,)) for k in (0, 1)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        for opened in stores:
            opened.close()
    assert sorted(results[0] + results[1]) == sorted(d.doc_id for d in docs)
    with Store(store_url) as store:
        assert count_rows(store, schema.documents) == len(docs)


def test_store_unwritable_folder_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot create the folder"):
        Store(str(blocker / "sub" / "dyad.db"))
