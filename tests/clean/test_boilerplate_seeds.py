"""Line-level boilerplate removal measured on the seed articles against their gold.

Lines are compared after strip, as sets of distinct lines per document; precision,
recall and F1 are pooled over the seeds. Skipped when ../shared is absent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from dyad.clean import CleanSettings, clean_document
from dyad.model import Document, RawDocument

F1_FLOOR = 0.95

pytestmark = pytest.mark.seeds


@dataclass
class Seed:
    doc: Document
    boilerplate: set[str]
    published: str | None

    @property
    def removed(self) -> set[str]:
        return {r.line.strip() for r in self.doc.removed}


@pytest.fixture(scope="module")
def seeds(shared: Path) -> list[Seed]:
    gold = {}
    for line in (shared / "gold" / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            gold[record["name"]] = record
    out = []
    for path in sorted((shared / "seeds").glob("*.txt")):
        raw = RawDocument(name=path.stem, source=str(path), data=path.read_bytes())
        record = gold.get(path.stem, {})
        out.append(
            Seed(
                doc=clean_document(raw, CleanSettings()),
                boilerplate={b.strip() for b in record.get("boilerplate", [])},
                published=record.get("published"),
            )
        )
    assert out, "no seeds found"
    return out


def scores(seeds: list[Seed]) -> tuple[float, float, float]:
    tp = sum(len(s.removed & s.boilerplate) for s in seeds)
    fp = sum(len(s.removed - s.boilerplate) for s in seeds)
    fn = sum(len(s.boilerplate - s.removed) for s in seeds)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def test_boilerplate_f1_on_seeds(seeds: list[Seed]) -> None:
    precision, recall, f1 = scores(seeds)
    misses = {
        s.doc.name: sorted(s.boilerplate ^ s.removed) for s in seeds if s.boilerplate ^ s.removed
    }
    assert f1 >= F1_FLOOR, f"P={precision:.3f} R={recall:.3f} F1={f1:.3f}; differences: {misses}"


def test_seed_texts_are_clean(seeds: list[Seed]) -> None:
    for seed in seeds:
        doc = seed.doc
        assert "â" not in doc.text, doc.name
        assert doc.language == "en"
        assert doc.title and doc.text.startswith(doc.title), doc.name
        assert "\n\n" not in doc.text


def test_seed_publication_dates_match_gold(seeds: list[Seed]) -> None:
    for seed in seeds:
        assert seed.doc.published == seed.published, seed.doc.name
