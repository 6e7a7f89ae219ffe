"""Linking as documents arrive: a later document joins its story, re-ingest changes
nothing, and the stories do not depend on the order documents came in."""

from __future__ import annotations

from pathlib import Path

from dyad.store import Store

from .conftest import ingest_records
from .corpus import ALL, MARCH


def _snapshot(store: Store) -> tuple[set, set]:
    stories = set()
    for s in store.links.stories():
        full = store.links.story(s["story_id"])
        assert full is not None
        stories.add((s["story_id"], s["title"], frozenset(d["name"] for d in full["documents"])))
    facts = {
        (
            f["fact_id"],
            f["type"],
            f["source_country"],
            f["target_country"],
            f["date_value"],
            f["status"],
            f["independent_sources"],
            frozenset(m["name"] for m in f["mentions"]),
        )
        for f in store.links.facts()
    }
    return stories, facts


def test_link_a_later_document_joins_the_story_and_corroborates_its_fact(
    empty_store, tmp_path: Path
):
    wire, independent = MARCH[0], MARCH[3]
    first = ingest_records(empty_store, tmp_path, "first", [wire])
    assert first.linked is not None and first.linked.documents == 1
    (before,) = [f for f in empty_store.links.facts(dyad=("RUS", "IRN")) if f["type"] == "CONSULT"]
    assert before["status"] == "single-source"
    second = ingest_records(empty_store, tmp_path, "second", [independent])
    assert second.linked is not None and second.linked.documents == 1
    stories = empty_store.links.stories()
    assert len(stories) == 1 and stories[0]["documents"] == 2
    (after,) = [f for f in empty_store.links.facts(dyad=("RUS", "IRN")) if f["type"] == "CONSULT"]
    assert after["status"] == "corroborated" and after["independent_sources"] == 2
    assert {m["name"] for m in after["mentions"]} == {"wire-one", "tehran-desk"}


def test_link_re_ingesting_links_nothing_twice(empty_store, tmp_path: Path):
    ingest_records(empty_store, tmp_path, "all", MARCH)
    before = _snapshot(empty_store)
    again = ingest_records(empty_store, tmp_path, "again", MARCH)
    assert again.linked is not None and again.linked.documents == 0
    assert _snapshot(empty_store) == before


def test_link_result_does_not_depend_on_arrival_order(tmp_path: Path):
    with (
        Store(str(tmp_path / "forward.db")) as forward,
        Store(str(tmp_path / "backward.db")) as backward,
    ):
        for i, record in enumerate(ALL):
            ingest_records(forward, tmp_path, f"f{i}", [record])
        ingest_records(backward, tmp_path, "backward", list(reversed(ALL)))
        assert _snapshot(forward) == _snapshot(backward)
