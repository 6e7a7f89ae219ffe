"""Loading and validating gold files (SPEC.md section 4)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from dyad.errors import GoldError
from dyad.evaluate.gold import GoldEvent, gold_fingerprint, load_gold, vocabulary


def _event(**changes: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "type": "CONSULT",
        "mode": "visit",
        "source": ["CHN"],
        "target": ["RUS"],
        "source_actor": "Wang Yi",
        "target_actor": "Sergey Lavrov",
        "modality": "asserted",
        "date": "2024-07-25",
        "location": "Vientiane",
        "evidence": "Wang Yi met Sergey Lavrov",
    }
    event.update(changes)
    return event


def _document(**changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "name": "doc-a",
        "published": "2024-07-26",
        "boilerplate": ["Share this article"],
        "events": [_event()],
        "quotes": [{"speaker": "Sergey Lavrov", "direct": True, "content": "useful talks"}],
    }
    document.update(changes)
    return document


def _write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_load_gold_reads_documents_events_and_quotes(tmp_path: Path) -> None:
    second = _document(name="doc-b", published=None, events=[], quotes=[])
    path = _write(tmp_path, json.dumps(_document()), "", json.dumps(second))
    gold = load_gold(path)
    assert [d.name for d in gold] == ["doc-a", "doc-b"]
    assert [d.line for d in gold] == [1, 3]
    event = gold[0].events[0]
    assert event == GoldEvent(
        type="CONSULT",
        source=("CHN",),
        target=("RUS",),
        modality="asserted",
        evidence="Wang Yi met Sergey Lavrov",
        source_actor="Wang Yi",
        target_actor="Sergey Lavrov",
        date="2024-07-25",
        location="Vientiane",
        mode="visit",
    )
    assert gold[0].quotes[0].direct is True
    assert gold[0].boilerplate == ["Share this article"]


@pytest.mark.parametrize(
    ("date", "precision"),
    [("2024-07-25", "day"), ("2024-07", "month"), ("2024", "year"), (None, None)],
)
def test_gold_event_date_precision_follows_the_value_shape(
    date: str | None, precision: str | None
) -> None:
    event = GoldEvent("AID", ("USA",), ("UKR",), "asserted", "sent aid", date=date)
    assert event.date_precision == precision


def test_optional_event_fields_may_be_left_out(tmp_path: Path) -> None:
    event = {k: v for k, v in _event().items() if k not in {"mode", "location", "date"}}
    gold = load_gold(_write(tmp_path, json.dumps(_document(events=[event]))))
    assert gold[0].events[0].date is None
    assert gold[0].events[0].mode is None


MALFORMED = [
    ("not json", "{name: ", "Expecting"),
    ("not an object", json.dumps([1, 2]), "expected a JSON object"),
    ("no name", json.dumps(_document(name="")), "name"),
    ("events not a list", json.dumps(_document(events={})), "events: expected a list"),
    ("missing quotes", json.dumps({k: v for k, v in _document().items() if k != "quotes"}),
     "missing 'quotes'"),
    ("unknown type", json.dumps(_document(events=[_event(type="MEET")])), "PLOVER type"),
    ("unknown modality", json.dumps(_document(events=[_event(modality="likely")])), "modality"),
    ("bad date", json.dumps(_document(events=[_event(date="25 July 2024")])), "date"),
    ("source not a list", json.dumps(_document(events=[_event(source="CHN")])), "source"),
    ("empty code", json.dumps(_document(events=[_event(target=[""])])), "target"),
    ("empty evidence", json.dumps(_document(events=[_event(evidence=" ")])), "evidence"),
    ("direct not bool", json.dumps(_document(quotes=[{"speaker": "A", "direct": "yes",
                                                      "content": "x"}])), "direct"),
    ("boilerplate not text", json.dumps(_document(boilerplate=[3])), "boilerplate"),
    ("bad published", json.dumps(_document(published="July 2024")), "published"),
]  # fmt: skip


@pytest.mark.parametrize(("label", "line", "cause"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_gold_line_names_file_line_and_cause(
    tmp_path: Path, label: str, line: str, cause: str
) -> None:
    path = _write(tmp_path, json.dumps(_document(name="fine")), line)
    with pytest.raises(GoldError) as caught:
        load_gold(path)
    message = str(caught.value)
    assert f"{path}:2:" in message
    assert cause in message


def test_duplicate_document_names_are_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, json.dumps(_document()), json.dumps(_document()))
    with pytest.raises(GoldError, match="already annotated on line 1"):
        load_gold(path)


def test_missing_gold_file_is_a_gold_error(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="cannot read gold file"):
        load_gold(tmp_path / "absent.jsonl")
    with pytest.raises(GoldError, match="cannot read gold file"):
        gold_fingerprint(tmp_path / "absent.jsonl")


def test_gold_fingerprint_is_sha256_of_the_bytes(tmp_path: Path) -> None:
    path = _write(tmp_path, json.dumps(_document()))
    assert gold_fingerprint(path) == hashlib.sha256(path.read_bytes()).hexdigest()
    before = gold_fingerprint(path)
    path.write_text(path.read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert gold_fingerprint(path) != before


def test_vocabulary_has_the_sixteen_plover_types() -> None:
    vocab = vocabulary()
    assert len(vocab.event_types) == 16
    assert vocab.symmetric_types == {"CONSULT", "AGREE", "COOPERATE"}
    assert "asserted" in vocab.modalities
