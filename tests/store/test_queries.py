"""query_events and query_quotes: filters, order, and the evidence they carry."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from store_docs import corpus

from dyad.store import Store


@pytest.fixture(scope="module")
def filled(module_store_url: str) -> Iterator[Store]:
    """The three-document corpus, written once per backend; these tests only read."""
    with Store(module_store_url) as store:
        store.write_batch(corpus())
        yield store


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["SUPPORT", "ACCUSE", "CONSULT", "CONSULT", "AGREE"]),
        ({"type": "CONSULT"}, ["CONSULT", "CONSULT"]),
        ({"type": "consult"}, ["CONSULT", "CONSULT"]),
        ({"type": "ASSAULT"}, []),
        ({"dyad": ("RUS", "IRN")}, ["SUPPORT", "CONSULT", "CONSULT"]),
        ({"dyad": ("IRN", "RUS")}, ["SUPPORT", "CONSULT", "CONSULT"]),
        ({"dyad": ("irn", "rus")}, ["SUPPORT", "CONSULT", "CONSULT"]),
        ({"dyad": ("RUS", "USA")}, ["ACCUSE"]),
        ({"dyad": ("USA", "IRN")}, []),
        ({"modality": "hypothetical"}, ["CONSULT"]),
        ({"modality": "negated"}, []),
        ({"type": "CONSULT", "modality": "asserted"}, ["CONSULT"]),
        ({"name": "treaty"}, ["SUPPORT", "ACCUSE"]),
        ({"name": "treat"}, []),
        ({"limit": 2}, ["SUPPORT", "ACCUSE"]),
        ({"dyad": ("RUS", "IRN"), "name": "talks", "limit": 1}, ["CONSULT"]),
    ],
)
def test_query_events_filters(filled: Store, filters: dict, expected: list[str]) -> None:
    assert [row.type for row in filled.query_events(**filters)] == expected


def test_query_events_rows_carry_document_and_evidence(filled: Store) -> None:
    rows = filled.query_events(type="SUPPORT")
    assert len(rows) == 1
    row = rows[0]
    assert (row.doc_name, row.outlet, row.published) == ("treaty", "example-wire", "2025-01-17")
    assert (row.source_country, row.target_country) == ("RUS", "IRN")
    assert (row.date, row.location, row.modality) == ("2025-01-17", "Moscow", "asserted")
    assert (
        row.evidence == "Russia and Iran signed a strategic partnership treaty in Moscow on Friday."
    )
    assert row.confidence == pytest.approx(0.8)
    document = filled.get_document(row.doc_id)
    assert document is not None and row.evidence in document.text


def test_query_events_undated_documents_come_last(filled: Store) -> None:
    names = [row.doc_name for row in filled.query_events()]
    assert names == ["treaty", "treaty", "talks", "talks", "trade"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["Sergei Lavrov", "Esmaeil Baghaei", "A trade official"]),
        ({"speaker": "lavrov"}, ["Sergei Lavrov"]),
        ({"speaker": "LAVROV"}, ["Sergei Lavrov"]),
        ({"speaker": "baghaei"}, ["Esmaeil Baghaei"]),
        ({"speaker": "spokesman"}, []),  # the resolved name is searched, not the mention
        ({"speaker": "official"}, ["A trade official"]),  # unresolved: the mention text
        ({"speaker": "Putin"}, []),
        ({"about": "third country"}, ["Sergei Lavrov"]),
        ({"about": "PRESSURE"}, ["Esmaeil Baghaei"]),
        ({"about": "%"}, []),  # LIKE wildcards are taken literally
        ({"about": "_"}, []),
        ({"speaker": "lavrov", "about": "pressure"}, []),
        ({"limit": 1}, ["Sergei Lavrov"]),
    ],
)
def test_query_quotes_filters(filled: Store, filters: dict, expected: list[str]) -> None:
    assert [row.speaker_name for row in filled.query_quotes(**filters)] == expected


def test_query_quotes_rows(filled: Store) -> None:
    (row,) = filled.query_quotes(speaker="baghaei")
    assert row.direct is True
    assert (row.speaker_country, row.cue, row.doc_name, row.outlet) == (
        "IRN",
        "said",
        "talks",
        "another-daily",
    )
    assert row.content == "We will not accept pressure from anyone,"
    assert row.evidence is not None and row.evidence.startswith('"We will not accept')
    (indirect,) = filled.query_quotes(speaker="lavrov")
    assert indirect.direct is False
