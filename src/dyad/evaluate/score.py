"""Score extracted documents against gold, as SPEC.md section 5 defines it.

Events: a gold event is expanded into one dyad per (source, target) pair; an extracted
event matches a dyad when they share a document, their sentences overlap, their types are
equal and their country codes agree (unordered for symmetric types). Matching is greedy
and one-to-one, best pairs first. Quotes match on speaker and half-overlapping content;
boilerplate on normalized lines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from dyad.evaluate.gold import GoldDocument, GoldEvent, GoldQuote, load_gold, vocabulary
from dyad.evaluate.locate import TextLocator, normalize
from dyad.evaluate.report import (
    Accuracy,
    DocumentCounts,
    EvalReport,
    Mismatch,
    Tally,
)
from dyad.model import ActorRef, Document, Event, Quote

Range = tuple[int, int]

# The event matchings reported: (name, asserted only, actor-level names required).
_EVENT_LEVELS: tuple[tuple[str, bool, bool], ...] = (
    ("events.all", False, False),
    ("events.asserted", True, False),
    ("events.actor_level.all", False, True),
    ("events.actor_level.asserted", True, True),
)


@dataclass(frozen=True)
class GoldDyad:
    """One (source, target) pair of a gold event; None on a side accepts any actor."""

    event: GoldEvent
    source: str | None
    target: str | None
    source_actor: str | None
    target_actor: str | None
    evidence: tuple[Range, ...]  # located occurrences of the evidence
    regions: tuple[Range, ...]  # the sentence range around each occurrence


def expand_dyads(event: GoldEvent) -> list[tuple[str | None, str | None]]:
    """The (source, target) pairs a gold event stands for.

    A compound side lists several codes; an empty side means the text names none (None
    accepts any extracted actor). A compound never pairs a code with itself, and for
    symmetric types (A, B) and (B, A) count once.
    """
    sources: tuple[str | None, ...] = event.source or (None,)
    targets: tuple[str | None, ...] = event.target or (None,)
    compound = len(sources) > 1 or len(targets) > 1
    symmetric = event.type in vocabulary().symmetric_types
    pairs: list[tuple[str | None, str | None]] = []
    seen: set[object] = set()
    for source in sources:
        for target in targets:
            if compound and source is not None and source == target:
                continue
            key: object = frozenset((source, target)) if symmetric else (source, target)
            if key not in seen:
                seen.add(key)
                pairs.append((source, target))
    return pairs


def evaluate(
    gold: Sequence[GoldDocument] | str | Path,
    documents: Mapping[str, Document] | Iterable[Document],
) -> EvalReport:
    """Score extracted documents against gold documents.

    Args:
        gold: the gold documents (`load_gold`), or the path of a gold file.
        documents: extracted documents keyed by `name` (or an iterable of them, keyed
            here); documents without gold are ignored.

    Returns:
        The report; a gold document missing from `documents` counts every gold item as
        missed and is listed in `missing_documents`.
    """
    if isinstance(gold, str | Path):
        gold = load_gold(gold)
    if not isinstance(documents, Mapping):
        documents = {document.name: document for document in documents}
    report = EvalReport()
    tallies: dict[str, Tally] = {}
    accuracies = {"modality": Accuracy(0, 0), "date": Accuracy(0, 0)}
    per_type: dict[str, Tally] = {}
    for gold_document in gold:
        document = documents.get(gold_document.name)
        if document is None:
            scored = _score_missing(gold_document)
            report.missing_documents.append(gold_document.name)
        else:
            scored = _score_document(gold_document, document)
        for name, tally in scored.tallies.items():
            tallies[name] = tallies.get(name, Tally(0, 0, 0)) + tally
        for name, accuracy in scored.accuracies.items():
            accuracies[name] = accuracies[name] + accuracy
        for kind, tally in scored.per_type.items():
            per_type[kind] = per_type.get(kind, Tally(0, 0, 0)) + tally
        report.per_document.append(scored.counts)
        report.items.extend(scored.items)
    report.tallies = tallies
    report.accuracies = accuracies
    report.per_type = per_type
    return report


@dataclass
class _Scored:
    """What one document contributes to the report."""

    tallies: dict[str, Tally]
    accuracies: dict[str, Accuracy]
    per_type: dict[str, Tally]
    counts: DocumentCounts
    items: list[Mismatch]


def _score_missing(gold: GoldDocument) -> _Scored:
    dyads = sum(len(expand_dyads(event)) for event in gold.events)
    asserted = sum(len(expand_dyads(e)) for e in gold.events if e.modality == "asserted")
    tallies = {
        name: Tally(0, asserted if only_asserted else dyads, 0)
        for name, only_asserted, _ in _EVENT_LEVELS
    }
    direct = sum(quote.direct for quote in gold.quotes)
    tallies["quotes"] = Tally(0, len(gold.quotes), 0)
    tallies["quotes.direct"] = Tally(0, direct, 0, 0, 0)
    tallies["quotes.indirect"] = Tally(0, len(gold.quotes) - direct, 0, 0, 0)
    tallies["boilerplate"] = Tally(0, len(_line_keys(gold.boilerplate)), 0)
    per_type: dict[str, Tally] = {}
    for event in gold.events:
        per_type[event.type] = per_type.get(event.type, Tally(0, 0, 0)) + Tally(
            0, len(expand_dyads(event)), 0
        )
    counts = DocumentCounts(
        gold.name, tallies["events.all"], tallies["quotes"], tallies["boilerplate"], missing=True
    )
    item = Mismatch(gold.name, "document", "missing_document", "no extracted document")
    return _Scored(tallies, {}, per_type, counts, [item])


def _score_document(gold: GoldDocument, document: Document) -> _Scored:
    locator = TextLocator(document.text)
    dyads, items = _gold_dyads(gold, document, locator)
    unlocated = len(items)  # gold events whose evidence is not in the text
    tallies: dict[str, Tally] = {}
    matches: dict[str, list[tuple[int, int]]] = {}
    for name, only_asserted, actor_level in _EVENT_LEVELS:
        gold_ids = [
            i for i, d in enumerate(dyads) if not only_asserted or d.event.modality == "asserted"
        ]
        extracted_ids = [
            j
            for j, e in enumerate(document.events)
            if not only_asserted or e.modality == "asserted"
        ]
        pairs = _match_events(dyads, gold_ids, document.events, extracted_ids, actor_level)
        matches[name] = pairs
        tallies[name] = Tally(len(pairs), len(gold_ids), len(extracted_ids))
    pairs = matches["events.all"]
    accuracies = {
        "modality": Accuracy(
            sum(dyads[i].event.modality == document.events[j].modality for i, j in pairs),
            len(pairs),
        ),
        "date": Accuracy(
            sum(_date_equal(dyads[i].event, document.events[j]) for i, j in pairs), len(pairs)
        ),
    }
    items += _event_mismatches(gold.name, document, dyads, pairs)
    quote_tallies, quote_items = _score_quotes(gold.name, gold.quotes, document, locator)
    tallies.update(quote_tallies)
    boilerplate, boilerplate_items = _score_boilerplate(gold, document)
    tallies["boilerplate"] = boilerplate
    counts = DocumentCounts(
        gold.name,
        tallies["events.all"],
        tallies["quotes"],
        boilerplate,
        unlocated=unlocated,
    )
    return _Scored(
        tallies,
        accuracies,
        _per_type(dyads, document.events, pairs),
        counts,
        items + quote_items + boilerplate_items,
    )


def matched_events(gold: GoldDocument, document: Document) -> list[tuple[GoldDyad, Event]]:
    """The (gold dyad, extracted event) pairs the event scores match, for any modality."""
    dyads, _ = _gold_dyads(gold, document, TextLocator(document.text))
    pairs = _match_events(
        dyads, range(len(dyads)), document.events, range(len(document.events)), False
    )
    return [(dyads[i], document.events[j]) for i, j in pairs]


def _gold_dyads(
    gold: GoldDocument, document: Document, locator: TextLocator
) -> tuple[list[GoldDyad], list[Mismatch]]:
    """Expand every gold event into dyads placed in the text; report unlocated evidence."""
    dyads: list[GoldDyad] = []
    items: list[Mismatch] = []
    for event in gold.events:
        evidence = tuple(locator.find_all(event.evidence))
        regions = tuple(_sentence_region(document, span) for span in evidence)
        if not evidence:
            items.append(
                Mismatch(gold.name, "event", "unlocated", _describe_gold(event, None, None))
            )
        for source, target in expand_dyads(event):
            dyads.append(
                GoldDyad(
                    event,
                    source,
                    target,
                    event.source_actor,
                    event.target_actor,
                    evidence,
                    regions,
                )
            )
    return dyads, items


def _sentence_region(document: Document, span: Range) -> Range:
    """The sentence(s) containing a span, or the span itself when there are none."""
    start, end = span
    around = [s for s in document.sentences if s.start < end and start < s.end]
    if not around:
        return span
    return min(s.start for s in around), max(s.end for s in around)


def _sentence_text(document: Document, span: Range) -> str:
    start, end = _sentence_region(document, span)
    return document.text[start:end]


def _event_range(event: Event) -> Range:
    if event.sentence.end > event.sentence.start:
        return event.sentence.start, event.sentence.end
    return event.trigger.start, event.trigger.end


def _overlap(a: Range, b: Range) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _closeness(a: Range, b: Range) -> float:
    """Overlap over union of two ranges: 1 for the same sentence, 0 for disjoint ones."""
    union = max(a[1], b[1]) - min(a[0], b[0])
    return _overlap(a, b) / union if union > 0 else 0.0


def _country_equal(code: str | None, ref: ActorRef | None) -> bool:
    if code is None:
        return True
    return ref is not None and ref.country is not None and ref.country.upper() == code.upper()


def _actor_equal(code: str | None, name: str | None, ref: ActorRef | None) -> bool:
    """Actor-level agreement of one side (country level assumed already equal)."""
    if code is None:
        return True
    if ref is None:
        return False
    if name is None:
        return ref.name is None or (ref.entity_id or "").startswith("state:")
    return ref.name is not None and ref.name.casefold() == name.casefold()


def _orientations(dyad: GoldDyad, event: Event) -> list[tuple[ActorRef | None, ActorRef | None]]:
    """The (source, target) readings of an extracted event that agree at country level."""
    readings = [(event.source, event.target)]
    if dyad.event.type in vocabulary().symmetric_types:
        readings.append((event.target, event.source))
    return [
        (source, target)
        for source, target in readings
        if _country_equal(dyad.source, source) and _country_equal(dyad.target, target)
    ]


def _actors_agree(dyad: GoldDyad, event: Event) -> bool:
    return any(
        _actor_equal(dyad.source, dyad.source_actor, source)
        and _actor_equal(dyad.target, dyad.target_actor, target)
        for source, target in _orientations(dyad, event)
    )


def _match_events(
    dyads: Sequence[GoldDyad],
    gold_ids: Sequence[int],
    events: Sequence[Event],
    extracted_ids: Sequence[int],
    actor_level: bool,
) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of gold dyads to extracted events."""
    candidates: list[tuple[tuple[float, ...], int, int]] = []
    for i in gold_ids:
        dyad = dyads[i]
        for j in extracted_ids:
            event = events[j]
            if event.type != dyad.event.type or not _orientations(dyad, event):
                continue
            if actor_level and not _actors_agree(dyad, event):
                continue
            sentence = _event_range(event)
            closeness = max((_closeness(r, sentence) for r in dyad.regions), default=0.0)
            if closeness == 0:
                continue
            trigger = (event.trigger.start, event.trigger.end)
            included = trigger[1] > trigger[0] and any(
                e[0] <= trigger[0] and trigger[1] <= e[1] for e in dyad.evidence
            )
            labels = (event.modality == dyad.event.modality) + _date_equal(dyad.event, event)
            named = float(_actors_agree(dyad, event))
            key = (float(included), closeness, float(labels), named)
            candidates.append((key, i, j))
    return _greedy(candidates)


def _greedy(candidates: list[tuple[tuple[float, ...], int, int]]) -> list[tuple[int, int]]:
    """Take the best-scoring pairs first, each gold and extracted item at most once."""
    candidates.sort(key=lambda c: (tuple(-k for k in c[0]), c[1], c[2]))
    used_gold: set[int] = set()
    used_extracted: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in candidates:
        if i not in used_gold and j not in used_extracted:
            used_gold.add(i)
            used_extracted.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _date_equal(gold: GoldEvent, event: Event) -> bool:
    """Exact value and precision; a null gold date wants a null extracted date."""
    value = event.date.value if event.date is not None else None
    if gold.date is None:
        return value is None
    return (
        event.date is not None
        and value == gold.date
        and (event.date.precision == gold.date_precision)
    )


def _per_type(
    dyads: Sequence[GoldDyad], events: Sequence[Event], pairs: Sequence[tuple[int, int]]
) -> dict[str, Tally]:
    gold = Counter(d.event.type for d in dyads)
    extracted = Counter(e.type for e in events)
    matched = Counter(dyads[i].event.type for i, _ in pairs)
    return {
        kind: Tally(matched[kind], gold[kind], extracted[kind])
        for kind in sorted(set(gold) | set(extracted))
    }


def _event_mismatches(
    name: str,
    document: Document,
    dyads: Sequence[GoldDyad],
    pairs: Sequence[tuple[int, int]],
) -> list[Mismatch]:
    """Missed gold dyads, extra events, and matched pairs with a wrong label."""
    text = document.text
    items: list[Mismatch] = []
    matched_gold = {i for i, _ in pairs}
    matched_extracted = {j for _, j in pairs}
    for i, dyad in enumerate(dyads):
        if i not in matched_gold and dyad.evidence:
            region = dyad.regions[0]
            items.append(
                Mismatch(
                    name,
                    "event",
                    "missed",
                    _describe_gold(dyad.event, dyad.source, dyad.target),
                    text[region[0] : region[1]],
                )
            )
    for j, event in enumerate(document.events):
        if j not in matched_extracted:
            start, end = _event_range(event)
            items.append(Mismatch(name, "event", "extra", _describe_event(event), text[start:end]))
    for i, j in pairs:
        gold, event = dyads[i].event, document.events[j]
        start, end = _event_range(event)
        sentence = text[start:end]
        if gold.modality != event.modality:
            detail = f"{gold.type}: gold {gold.modality}, extracted {event.modality}"
            items.append(Mismatch(name, "event", "modality", detail, sentence))
        if not _date_equal(gold, event):
            got = (event.date.value, event.date.precision) if event.date else None
            detail = f"{gold.type}: gold {gold.date} ({gold.date_precision}), extracted {got}"
            items.append(Mismatch(name, "event", "date", detail, sentence))
        if not _actors_agree(dyads[i], event):
            detail = (
                f"{gold.type}: gold {gold.source_actor} -> {gold.target_actor}, extracted "
                f"{_ref_name(event.source)} -> {_ref_name(event.target)}"
            )
            items.append(Mismatch(name, "event", "actor", detail, sentence))
    return items


def _ref_name(ref: ActorRef | None) -> str:
    if ref is None:
        return "-"
    return ref.name or ref.country or ref.text


def _describe_gold(event: GoldEvent, source: str | None, target: str | None) -> str:
    pair = (
        f"{'/'.join(event.source) or '-'} -> {'/'.join(event.target) or '-'}"
        if source is None and target is None
        else f"{source or '*'} -> {target or '*'}"
    )
    return (
        f"{event.type} {pair} [{event.source_actor} -> {event.target_actor}] "
        f"{event.modality} {event.date}: {event.evidence!r}"
    )


def _describe_event(event: Event) -> str:
    def side(ref: ActorRef | None) -> str:
        return "-" if ref is None else f"{ref.country}"

    return (
        f"{event.type} {side(event.source)} -> {side(event.target)} "
        f"[{_ref_name(event.source)} -> {_ref_name(event.target)}] {event.modality} "
        f"{event.date.value if event.date else None}: trigger {event.trigger.text!r}"
    )


def _score_quotes(
    name: str, gold: Sequence[GoldQuote], document: Document, locator: TextLocator
) -> tuple[dict[str, Tally], list[Mismatch]]:
    """Match quotes on speaker and content overlapping by half the shorter span."""
    extracted = document.quotes
    located = [tuple(locator.find_all(quote.content)) for quote in gold]
    candidates: list[tuple[tuple[float, ...], int, int]] = []
    for i, quote in enumerate(gold):
        for j, found in enumerate(extracted):
            if not _same_speaker(quote, found):
                continue
            best = max((_content_overlap(span, found) for span in located[i]), default=0.0)
            if best >= 0.5:
                candidates.append(((best, float(quote.direct == found.direct)), i, j))
    pairs = _greedy(candidates)
    gold_hit = {i for i, _ in pairs}
    extracted_hit = {j for _, j in pairs}
    tallies = {"quotes": Tally(len(pairs), len(gold), len(extracted))}
    for label, direct in (("quotes.direct", True), ("quotes.indirect", False)):
        found_gold = sum(1 for i in gold_hit if gold[i].direct is direct)
        found_extracted = sum(1 for j in extracted_hit if extracted[j].direct is direct)
        tallies[label] = Tally(
            found_gold,
            sum(1 for q in gold if q.direct is direct),
            sum(1 for q in extracted if q.direct is direct),
            found_gold,
            found_extracted,
        )
    items = [
        Mismatch(
            name,
            "quote",
            "missed" if located[i] else "unlocated",
            f"{q.speaker} ({'direct' if q.direct else 'indirect'}): {q.content!r}",
            _sentence_text(document, located[i][0]) if located[i] else None,
        )
        for i, q in enumerate(gold)
        if i not in gold_hit
    ]
    items += [
        Mismatch(
            name,
            "quote",
            "extra",
            f"{_ref_name(q.speaker)} ({'direct' if q.direct else 'indirect'}): {q.content.text!r}",
            _sentence_text(document, (q.content.start, q.content.end)),
        )
        for j, q in enumerate(extracted)
        if j not in extracted_hit
    ]
    return tallies, items


def _same_speaker(gold: GoldQuote, found: Quote) -> bool:
    name = found.speaker.name
    return name is not None and name.casefold() == gold.speaker.casefold()


def _content_overlap(span: Range, found: Quote) -> float:
    """Overlap of two contents as a share of the shorter one."""
    other = (found.content.start, found.content.end)
    shorter = min(span[1] - span[0], other[1] - other[0])
    return _overlap(span, other) / shorter if shorter > 0 else 0.0


def _line_keys(lines: Sequence[str]) -> Counter[str]:
    """Distinct normalized lines: the gold lists each boilerplate line once, however often
    the page repeats it, so a line removed three times counts as one removed line."""
    keys = {normalize(line.strip()) for line in lines}
    return Counter(key for key in keys if key)


def _score_boilerplate(gold: GoldDocument, document: Document) -> tuple[Tally, list[Mismatch]]:
    """Line-level agreement of removed lines with gold boilerplate lines."""
    wanted = _line_keys(gold.boilerplate)
    removed_lines = [r.line for r in document.removed]
    removed = _line_keys(removed_lines)
    hits = wanted & removed
    tally = Tally(sum(hits.values()), sum(wanted.values()), sum(removed.values()))
    items = _unmatched_lines(gold.name, gold.boilerplate, wanted - hits, "missed")
    items += _unmatched_lines(gold.name, removed_lines, removed - hits, "extra")
    return tally, items


def _unmatched_lines(
    name: str, lines: Sequence[str], left: Counter[str], kind: str
) -> list[Mismatch]:
    items: list[Mismatch] = []
    left = Counter(left)
    for line in lines:
        key = normalize(line.strip())
        if key and left[key] > 0:
            left[key] -= 1
            items.append(Mismatch(name, "boilerplate", kind, line.strip()))
    return items
