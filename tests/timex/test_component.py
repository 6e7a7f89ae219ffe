"""The dyad_timex component: anchors on the publication date, a dateline or the year."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from dyad.model import Document
from dyad.nlp import build_nlp, make_doc


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp(components=["dyad_timex"])


def _times(nlp: Language, text: str, published: str | None) -> list[tuple]:
    doc = nlp(make_doc(nlp, Document(doc_id="t", name="t", text=text, published=published)))
    for t in doc._.times:
        assert text[t.start : t.end] == t.text
    return [(t.text, t.value) for t in doc._.times]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The envoys met on Monday.", "2024-03-13", [("on Monday", "2024-03-11")]),
        ("The envoys met on Monday.", "2024-03-13T09:00:00", [("on Monday", "2024-03-11")]),
        (
            "Title\nBy Staff | Mar 13, 2024\nThe envoys met on Monday.",
            None,
            [("Mar 13, 2024", "2024-03-13"), ("on Monday", "2024-03-11")],
        ),
        (
            "The envoys met on June 13. The 2021 accord holds.",
            None,
            [("on June 13", "2021-06-13"), ("2021", "2021")],
        ),
        ("The envoys met on Monday.", None, [("on Monday", None)]),
        ("The envoys met on Monday.", "not a date", [("on Monday", None)]),
    ],
)
def test_component_anchors(nlp: Language, text: str, published: str | None, expected) -> None:
    assert _times(nlp, text, published) == expected


def test_year_fallback_can_be_switched_off() -> None:
    nlp = build_nlp(
        components=["dyad_timex"], component_config={"dyad_timex": {"year_fallback": False}}
    )
    assert _times(nlp, "They met on June 13 under the 2021 accord.", None) == [
        ("on June 13", None),
        ("2021", "2021"),
    ]


def _shared() -> Path | None:
    for parent in Path(__file__).resolve().parents:
        candidate = parent.parent / "shared" / "seeds"
        if candidate.is_dir():
            return candidate.parent
    return None


@pytest.mark.seeds
@pytest.mark.skipif(_shared() is None, reason="../shared/seeds not present")
def test_seed_gold_dates_found(nlp: Language) -> None:
    """Most distinct gold event dates of the seeds are among the values found.

    Some gold dates are inferred by the annotator from context, not stated, so the floor
    is below 1.
    """
    import json

    shared = _shared()
    assert shared is not None
    lines = (shared / "gold" / "seeds.jsonl").read_text(encoding="utf-8").splitlines()
    found = wanted_total = 0
    for entry in (json.loads(line) for line in lines if line.strip()):
        text = (shared / "seeds" / f"{entry['name']}.txt").read_text(encoding="utf-8")
        values = {v for _, v in _times(nlp, text, entry["published"])}
        wanted = {e["date"] for e in entry["events"] if e["date"]} - {entry["published"]}
        found += len(wanted & values)
        wanted_total += len(wanted)
    assert found / wanted_total >= 0.85
