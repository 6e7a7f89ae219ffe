"""Gold loading, scoring and the quality gate (SPEC.md section 5).

gold = load_gold("../shared/gold/seeds.jsonl")
report = evaluate(gold, {document.name: document for document in documents})
for measure, value, detail in report.rows(): ...
failures = check_floors(report, "eval/floors-seeds.json", gold_path)
"""

from dyad.evaluate.gate import check_floors, floors_gold_path, raise_floors, read_floors
from dyad.evaluate.gold import (
    GoldDocument,
    GoldEvent,
    GoldQuote,
    gold_fingerprint,
    load_gold,
)
from dyad.evaluate.locate import TextLocator, locate, locate_all
from dyad.evaluate.report import EvalReport, Mismatch, Tally
from dyad.evaluate.score import evaluate, expand_dyads

__all__ = [
    "EvalReport",
    "GoldDocument",
    "GoldEvent",
    "GoldQuote",
    "Mismatch",
    "Tally",
    "TextLocator",
    "check_floors",
    "evaluate",
    "expand_dyads",
    "floors_gold_path",
    "gold_fingerprint",
    "load_gold",
    "locate",
    "locate_all",
    "raise_floors",
    "read_floors",
]
