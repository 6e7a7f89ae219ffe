"""The result of `dyad eval`: measures, counts behind them, and the items that missed.

Measures have stable dotted names ("events.asserted.f1", "quotes.direct.recall") so that
the quality gate can pin a floor to each; every measure keeps the counts it came from, so
that a developer sees "7 of 30" and not only "0.233".
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Measures where a lower value is better; the gate pins a ceiling for them.
LOWER_IS_BETTER = frozenset({"events.extra_rate"})
#: Measures shown but not gated: neither higher nor lower is plainly better (facts per
#: found gold fact is 1 at best, and rises when more gold facts are found at all).
UNGATED = frozenset({"facts.per_gold_fact"})


@dataclass(frozen=True)
class Tally:
    """Matched, gold and extracted counts of one kind of item."""

    matched: int
    gold: int
    extracted: int
    # Matched counts seen from each side, when they differ (direct/indirect quotes).
    matched_gold: int | None = None
    matched_extracted: int | None = None

    @property
    def precision(self) -> float:
        hits = self.matched if self.matched_extracted is None else self.matched_extracted
        return _ratio(hits, self.extracted, empty=1.0 if self.gold == 0 else 0.0)

    @property
    def recall(self) -> float:
        hits = self.matched if self.matched_gold is None else self.matched_gold
        return _ratio(hits, self.gold, empty=1.0 if self.extracted == 0 else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def __add__(self, other: Tally) -> Tally:
        def both(a: int | None, b: int | None, fa: int, fb: int) -> int | None:
            if a is None and b is None:
                return None
            return (fa if a is None else a) + (fb if b is None else b)

        return Tally(
            self.matched + other.matched,
            self.gold + other.gold,
            self.extracted + other.extracted,
            both(self.matched_gold, other.matched_gold, self.matched, other.matched),
            both(self.matched_extracted, other.matched_extracted, self.matched, other.matched),
        )

    def detail(self) -> str:
        if self.matched_gold is None and self.matched_extracted is None:
            return f"{self.matched} matched, {self.gold} gold, {self.extracted} extracted"
        return (
            f"{self.matched_gold} of {self.gold} gold found, "
            f"{self.matched_extracted} of {self.extracted} extracted right"
        )


def _ratio(part: int, whole: int, empty: float) -> float:
    """part/whole, or `empty` when there is nothing to divide by (nothing to find and
    nothing found scores 1; something to find and nothing found scores 0)."""
    return part / whole if whole else empty


@dataclass(frozen=True)
class Accuracy:
    """Right out of total; None when there was nothing to judge."""

    right: int
    total: int

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.right + other.right, self.total + other.total)

    def detail(self) -> str:
        return f"{self.right} of {self.total} matched events"


@dataclass(frozen=True)
class Mismatch:
    """One item that did not match, or matched with a wrong label, for `--details`.

    `kind` is "missed" (gold, not found), "extra" (extracted, not in the gold),
    "unlocated" (gold string not found in the text), "missing_document", "modality" or
    "date" (matched, label differs).
    """

    document: str
    category: str  # event, quote, boilerplate, document
    kind: str
    item: str
    sentence: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class DocumentCounts:
    """Per-document tallies, to see where the misses are."""

    name: str
    events: Tally
    quotes: Tally
    boilerplate: Tally
    missing: bool = False
    unlocated: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "missing": self.missing,
            "unlocated": self.unlocated,
            **{
                f"{key}.{part}": getattr(tally, part)
                for key, tally in (
                    ("events", self.events),
                    ("quotes", self.quotes),
                    ("boilerplate", self.boilerplate),
                )
                for part in ("gold", "extracted", "matched")
            },
        }


@dataclass
class EvalReport:
    """Scores of extracted documents against gold (SPEC.md section 5)."""

    tallies: dict[str, Tally] = field(default_factory=dict)
    accuracies: dict[str, Accuracy] = field(default_factory=dict)
    per_type: dict[str, Tally] = field(default_factory=dict)
    per_document: list[DocumentCounts] = field(default_factory=list)
    missing_documents: list[str] = field(default_factory=list)
    items: list[Mismatch] = field(default_factory=list)
    # Across documents (stories, facts, origins, conflicts): measure -> (value, detail).
    links: dict[str, tuple[float | None, str]] = field(default_factory=dict)

    @property
    def measures(self) -> dict[str, float | None]:
        """Every measure by its stable name, in a fixed order."""
        out: dict[str, float | None] = {}
        for name, tally in self.tallies.items():
            out[f"{name}.precision"] = tally.precision
            out[f"{name}.recall"] = tally.recall
            out[f"{name}.f1"] = tally.f1
        for name, accuracy in self.accuracies.items():
            out[f"{name}.accuracy"] = accuracy.value
        events = self.tallies.get("events.all")
        if events is not None:
            out["events.extra_rate"] = _ratio(
                events.extracted - events.matched, events.gold, empty=0.0
            )
        out.update({name: value for name, (value, _) in self.links.items()})
        return out

    def to_dict(self) -> dict[str, Any]:
        """Measures under their dotted names, plus counts and breakdowns; JSON-able."""
        out: dict[str, Any] = dict(self.measures)
        for name, tally in self.tallies.items():
            out[f"{name}.gold"] = tally.gold
            out[f"{name}.extracted"] = tally.extracted
            out[f"{name}.matched"] = tally.matched
        out["events.unlocated"] = sum(counts.unlocated for counts in self.per_document)
        out["per_type"] = {
            kind: {"gold": t.gold, "extracted": t.extracted, "matched": t.matched}
            for kind, t in sorted(self.per_type.items())
        }
        out["per_document"] = [counts.to_dict() for counts in self.per_document]
        out["missing_documents"] = list(self.missing_documents)
        return out

    def rows(self) -> list[tuple[str, float | None, str]]:
        """(measure, value, detail) for a table, detail giving the counts behind it."""
        details: dict[str, str] = {}
        for name, tally in self.tallies.items():
            for part in ("precision", "recall", "f1"):
                details[f"{name}.{part}"] = tally.detail()
        for name, accuracy in self.accuracies.items():
            details[f"{name}.accuracy"] = accuracy.detail()
        events = self.tallies.get("events.all")
        if events is not None:
            extra = events.extracted - events.matched
            details["events.extra_rate"] = f"{extra} unmatched extracted / {events.gold} gold"
        details.update({name: detail for name, (_, detail) in self.links.items()})
        return [(name, value, details.get(name, "")) for name, value in self.measures.items()]

    def type_rows(self) -> list[tuple[str, int, int, int]]:
        """(type, gold, extracted, matched) per PLOVER type, most gold first."""
        return [
            (kind, t.gold, t.extracted, t.matched)
            for kind, t in sorted(self.per_type.items(), key=lambda kv: (-kv[1].gold, kv[0]))
        ]

    def mismatches(self) -> list[Mismatch]:
        """Gold items not found, extracted items not in the gold, and wrong labels."""
        return list(self.items)
