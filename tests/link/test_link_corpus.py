"""Stories, facts, origins and contradictions of a corpus we wrote, ingested as a user would.

Each case is a construction of news coverage, not of one article: a wire story reprinted
by three outlets, an independent report, an outlet that dates the meeting a day later, the
same two men meeting again weeks later, a denial, an office named after its holder left it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dyad.store import Store
from dyad.store.testing import reset_postgres_database

from .conftest import BACKENDS, ingest_records
from .corpus import ALL, MARCH, MAY, STRIKE

NAME_OF = {r["name"] for r in ALL}


@pytest.fixture(scope="module", params=BACKENDS)
def linked(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    folder = tmp_path_factory.mktemp("linked")
    if request.param == "sqlite":
        url = str(folder / "dyad.db")
    else:
        url = request.getfixturevalue("postgres_url")
        reset_postgres_database(url)
    with Store(url) as store:
        ingest_records(store, folder, "all", ALL)
        yield store


def _story_members(store: Store) -> set[frozenset[str]]:
    out = set()
    for story in store.links.stories():
        full = store.links.story(story["story_id"])
        assert full is not None
        out.add(frozenset(d["name"] for d in full["documents"]))
    return out


def _facts(store: Store, type_: str, dyad: tuple[str, str]) -> list[dict]:
    return [f for f in store.links.facts(dyad=dyad) if f["type"] == type_]


def _doc_names(fact: dict) -> set[str]:
    return {m["name"] for m in fact["mentions"]}


def test_link_stories_group_one_happening_and_split_meetings_weeks_apart(linked):
    stories = _story_members(linked)
    assert frozenset(r["name"] for r in MARCH) in stories
    assert frozenset(r["name"] for r in MAY) in stories
    assert frozenset(r["name"] for r in STRIKE) in stories
    assert frozenset({"sanctions-desk"}) in stories
    assert len(stories) == 4


def test_link_stories_have_a_title_dates_and_outlets(linked):
    march = next(
        s for s in linked.links.stories() if s["start"] and s["start"].startswith("2025-03")
    )
    assert "Putin" in march["title"] or "Araghchi" in march["title"]
    assert march["start"] == "2025-03-10" and march["end"] <= "2025-03-12"
    assert march["documents"] == 5 and len(march["outlets"]) == 5


def _march(store: Store) -> list[dict]:
    return [
        f
        for f in _facts(store, "CONSULT", ("RUS", "IRN"))
        if (f["date_value"] or "").startswith("2025-03")
    ]


def test_link_meetings_weeks_apart_are_two_facts(linked):
    meetings = _facts(linked, "CONSULT", ("RUS", "IRN"))
    may = [f for f in meetings if (f["date_value"] or "").startswith("2025-05")]
    assert len(may) == 1
    assert _doc_names(may[0]) == {"tehran-desk-may", "caspian-notes-may"}
    assert all(f["story_id"] != may[0]["story_id"] for f in _march(linked))


def test_link_wire_reprints_are_one_origin_and_an_independent_report_corroborates(linked):
    (march,) = [f for f in _march(linked) if f["date_value"] == "2025-03-10"]
    assert {"wire-one", "wire-two", "wire-three", "tehran-desk"} <= _doc_names(march)
    wire = next(o for o in march["origins"] if "wire-one" in o)
    assert {"wire-one", "wire-two", "wire-three"} <= set(wire)
    assert "tehran-desk" not in wire
    assert march["status"] == "corroborated"
    assert march["independent_sources"] == len(march["origins"]) >= 2


def test_link_a_day_reported_differently_is_flagged_between_two_facts(linked):
    facts = {f["date_value"]: f for f in _march(linked)}
    assert set(facts) == {"2025-03-10", "2025-03-11"}  # near days stay two facts
    assert _doc_names(facts["2025-03-11"]) == {"caspian-notes"}
    (conflict,) = [c for c in facts["2025-03-10"]["conflicts"] if c["field"] == "date"]
    assert conflict["values"]["caspian-notes"] == "2025-03-11"
    assert conflict["values"]["tehran-desk"] == "2025-03-10"
    assert conflict["facts"] == [facts["2025-03-10"]["fact_id"], facts["2025-03-11"]["fact_id"]]
    assert conflict["evidence"]["caspian-notes"].startswith("Vladimir Putin received")


def test_link_different_counts_of_one_fact_are_a_number_conflict(linked):
    (may,) = [
        f
        for f in _facts(linked, "CONSULT", ("RUS", "IRN"))
        if (f["date_value"] or "").startswith("2025-05")
    ]
    (conflict,) = [c for c in may["conflicts"] if c["field"] == "number"]
    assert conflict["values"] == {"caspian-notes-may": "third", "tehran-desk-may": "second"}


def test_link_a_denial_contests_the_fact(linked):
    (strike,) = _facts(linked, "ASSAULT", ("ISR", "IRN"))
    assert _doc_names(strike) == {"gulf-monitor", "levant-wire"}
    assert strike["status"] == "contested"
    (conflict,) = [c for c in strike["conflicts"] if c["field"] == "modality"]
    assert conflict["values"] == {"gulf-monitor": "asserted", "levant-wire": "negated"}
    assert conflict["severity"] == "contradiction"


def test_link_quote_variants_of_one_statement_are_flagged(linked):
    story = next(s for s in linked.links.stories() if (s["start"] or "").startswith("2025-03"))
    variants = [
        c for c in linked.links.contradictions(story["story_id"]) if c["field"] == "quote_wording"
    ]
    assert len(variants) == 1
    values = variants[0]["values"]
    assert set(values) >= {"tehran-desk", "wire-one"}
    assert "keep growing" in values["wire-one"] and "continue to grow" in values["tehran-desk"]


def test_link_an_office_named_after_its_term_is_a_role_title_conflict(linked):
    (sanction,) = _facts(linked, "SANCTION", ("USA", "IRN"))
    (conflict,) = [c for c in sanction["conflicts"] if c["field"] == "role_title"]
    assert conflict["documents"] == ["sanctions-desk"]
    assert "Biden" in conflict["values"]["sanctions-desk"]


def test_link_every_mention_cites_its_document_sentence_and_trigger(linked):
    texts = {d.doc_id: d.text for d in linked.iter_documents()}
    for fact in linked.links.facts():
        assert fact["mentions"]
        for m in fact["mentions"]:
            text = texts[m["doc_id"]]
            assert m["sentence_start"] <= m["trigger_start"] < m["trigger_end"] <= m["sentence_end"]
            assert text[m["trigger_start"] : m["trigger_end"]].strip()
            assert m["event_id"].startswith(m["doc_id"][:10])


def test_link_event_ids_are_unique_across_the_corpus(linked):
    ids = [e.id for d in linked.iter_documents() for e in d.events]
    assert len(ids) == len(set(ids))
