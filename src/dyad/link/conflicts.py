"""Where the documents of a story disagree, with both sides cited.

Per fact: different days for one event, affirmed against denied (a contradiction) or
against only announced or speculated (a discrepancy), and a person given an office they
did not hold on the date (the actor layer's anachronism flags in a mention's sentence).
Per story: one speaker quoted in different wordings of one statement (translations,
paraphrases), one statement put in the mouths of different speakers, and one transfer
(greetings, a letter, weapons) carried in opposite directions by different documents.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dyad.datafile import load_yaml, string_list, top_mapping
from dyad.link.facts import AFFIRMING, Fact, Mention, act_of
from dyad.link.groups import Groups
from dyad.link.profile import words
from dyad.link.similarity import days_apart
from dyad.model import Document, Quote

#: Share of the shorter quotation's words the longer one must hold to be the same
#: statement; identical wording (after normalising case and punctuation) is no conflict.
SAME_STATEMENT = 0.6
#: Least ratio of the shorter quotation's words to the longer's: a short phrase inside a
#: long passage is a quote of a part, not another wording of the whole.
SAME_LENGTH = 0.4
#: Shared words (Jaccard) at which two speakers' quotations are one statement.
SAME_WORDS = 0.6
#: Content words a quotation needs before its wording is compared.
MIN_QUOTE_WORDS = 5
#: Letters a word keeps when quotations are compared.
STEM = 5
#: Modalities that only announce or imagine an event.
UNREALISED = ("future", "hypothetical")


@dataclass
class Conflict:
    """One disagreement: its field, the documents on each side, and what each says."""

    field: str  # date | modality | quote_wording | attribution | role_title | number
    doc_ids: list[str]
    values: dict[str, str]  # doc_id -> what that document says
    summary: str
    fact_id: str | None = None
    severity: str = "contradiction"  # or "discrepancy": both may be true
    evidence: dict[str, str] = dataclasses.field(default_factory=dict)  # doc_id -> sentence
    facts: list[str] = dataclasses.field(default_factory=list)  # every fact it concerns


def _mention_sentence(mention: Mention, documents: Mapping[str, Document]) -> str:
    """The sentence of a mention, as evidence, its whitespace folded."""
    sentence = mention.event.sentence
    return " ".join(documents[mention.doc_id].text[sentence.start : sentence.end].split())


def fact_conflicts(fact: Fact, documents: Mapping[str, Document]) -> list[Conflict]:
    """The disagreements among one fact's mentions."""
    out: list[Conflict] = []
    evidence = {
        m.doc_id: _mention_sentence(m, documents)
        for m in sorted(fact.mentions, key=lambda m: m.event.sentence.start, reverse=True)
    }
    # only days the sentences state: a date guessed from the publication is no testimony
    days = {m.doc_id: m.day for m in fact.mentions if m.day and m.event.date and m.event.date.text}
    if len(set(days.values())) > 1:
        out.append(
            Conflict(
                "date",
                sorted(days),
                {d: v for d, v in sorted(days.items()) if v},
                f"{fact.type} dated {' / '.join(sorted(set(v for v in days.values() if v)))}",
                evidence={d: evidence[d] for d in days},
            )
        )
    by_doc: dict[str, set[str]] = {}
    for m in fact.mentions:
        by_doc.setdefault(m.doc_id, set()).add(m.event.modality)
    affirm = {d for d, ms in by_doc.items() if ms & set(AFFIRMING)}
    denials = fact.denials()
    if denials:
        deniers = {d for d, _ in denials}
        docs = sorted(deniers | {a for _, affirmers in denials for a in affirmers})
        out.append(
            Conflict(
                "modality",
                docs,
                {d: ("negated" if d in deniers else "asserted") for d in docs},
                f"{fact.type} affirmed by some documents, denied by others",
                evidence={d: evidence[d] for d in docs},
            )
        )
    # announced or speculated by documents that never report it done
    against = {d for d, ms in by_doc.items() if ms & set(UNREALISED) and d not in affirm}
    if affirm and against:
        docs = sorted(affirm | against)
        values = {d: ("asserted" if d in affirm else sorted(by_doc[d])[0]) for d in docs}
        out.append(
            Conflict(
                "modality",
                docs,
                values,
                f"{fact.type} reported as done by some documents, as only expected by others",
                severity="discrepancy",
                evidence={d: evidence[d] for d in docs},
            )
        )
    out += _number_conflicts(fact, evidence)
    roles: dict[str, str] = {}
    for m in fact.mentions:
        document = documents[m.doc_id]
        for flag in document.flags:
            inside = flag.start is not None and (
                m.event.sentence.start <= flag.start < m.event.sentence.end
            )
            if flag.kind == "anachronism" and inside:
                roles[m.doc_id] = flag.message
    if roles:
        docs = sorted(roles)
        out.append(
            Conflict(
                "role_title",
                docs,
                roles,
                "an office the person did not hold on that date (per the actor data)",
                evidence={d: evidence[d] for d in docs},
            )
        )
    for conflict in out:
        conflict.fact_id = fact.fact_id
    return out


#: Most days apart two facts of one type and pair may be, for their dates to be flagged as
#: one event the outlets may date differently.
NEAR_DAYS = 2


def near_date_conflicts(facts: Sequence[Fact], documents: Mapping[str, Document]) -> list[Conflict]:
    """Facts of one type and pair on near days whose documents never report both days.

    Both stay facts (a visit's arrival and its meeting are two events); the flag shows
    that the outlets may be dating one event differently, with each side's sentences.
    """
    out: list[Conflict] = []
    by_key: dict[str, list[tuple[str, Fact]]] = {}
    for fact in facts:
        value, precision = fact.best_date()
        if precision == "day" and value:
            by_key.setdefault(fact.key, []).append((value, fact))
    pairs = [
        (day_a, a, day_b, b)
        for dated in by_key.values()
        for i, (day_a, a) in enumerate(dated)
        for day_b, b in dated[i + 1 :]
    ]
    for day_a, a, day_b, b in pairs:
        docs_a, docs_b = set(a.doc_ids), set(b.doc_ids)
        apart = days_apart(day_a, day_b) or 0
        if docs_a & docs_b or not 0 < apart <= NEAR_DAYS:
            continue
        major, minor = (a, b) if len(docs_a) >= len(docs_b) else (b, a)
        values = {d: day_a for d in docs_a} | {d: day_b for d in docs_b}
        evidence = {m.doc_id: _mention_sentence(m, documents) for m in (*a.mentions, *b.mentions)}
        out.append(
            Conflict(
                "date",
                sorted(values),
                dict(sorted(values.items())),
                f"{a.type} on {min(day_a, day_b)} and on {max(day_a, day_b)}, never both "
                "in one document: one event dated differently?",
                fact_id=major.fact_id,
                severity="discrepancy",
                evidence=evidence,
                facts=[major.fact_id, minor.fact_id],
            )
        )
    return out


TRANSFERS_PATH = Path(__file__).parent / "data" / "transfers.yaml"


@cache
def transfer_acts(path: Path = TRANSFERS_PATH) -> frozenset[str]:
    """The acts whose reversal between documents is flagged (`data/transfers.yaml`)."""
    data = top_mapping(path, load_yaml(path))
    return frozenset(string_list(path, data, "transfers"))


def direction_conflicts(facts: Sequence[Fact], documents: Mapping[str, Document]) -> list[Conflict]:
    """One act carried in opposite directions by different documents on one occasion:
    greetings Y sent to X in one report, greetings X conveyed to Y in another, neither
    report telling both (`transfer_acts`)."""
    transfers = transfer_acts()
    out: list[Conflict] = []
    carried: dict[tuple[str, str, str, str], dict[str, list[Mention]]] = {}
    for fact in facts:
        kind, source, target = fact.key.split("|")
        for m in fact.mentions:
            act = act_of(m.event)
            if act in transfers and target:
                key = (kind, act, source, target)
                carried.setdefault(key, {}).setdefault(fact.fact_id, []).append(m)
    for (kind, act, source, target), by_fact in sorted(carried.items()):
        back = carried.get((kind, act, target, source))
        if back is None or source > target:
            continue
        forth_mentions = [m for ms in by_fact.values() for m in ms]
        back_mentions = [m for ms in back.values() for m in ms]
        if not _same_occasion(forth_mentions, back_mentions):
            continue
        forth = {m.doc_id for m in forth_mentions}
        backward = {m.doc_id for m in back_mentions}
        only_forth, only_back = forth - backward, backward - forth
        if not only_forth or not only_back:
            continue
        values = {d: f"{source} to {target}" for d in only_forth}
        values |= {d: f"{target} to {source}" for d in only_back}
        evidence = {
            m.doc_id: _mention_sentence(m, documents)
            for m in (*forth_mentions, *back_mentions)
            if m.doc_id in values
        }
        ids = sorted({*by_fact, *back})
        out.append(
            Conflict(
                "attribution",
                sorted(values),
                dict(sorted(values.items())),
                f"{kind} ({act}) from {source} to {target} in some documents, from {target} "
                f"to {source} in others, never both in one",
                fact_id=ids[0],
                severity="discrepancy",
                evidence=evidence,
                facts=ids,
            )
        )
    return out


def _same_occasion(a: Sequence[Mention], b: Sequence[Mention]) -> bool:
    """Whether two sets of mentions may tell one occasion: a day in common, or no day."""
    days_a = {m.day for m in a if m.day}
    days_b = {m.day for m in b if m.day}
    return not days_a or not days_b or bool(days_a & days_b)


def _number_conflicts(fact: Fact, evidence: Mapping[str, str]) -> list[Conflict]:
    """One conflict per unit that the documents of a fact give different numbers for."""
    by_unit: dict[str, dict[str, set[float]]] = {}
    texts: dict[tuple[str, str, float], str] = {}
    for m in fact.mentions:
        for q in m.event.numbers:
            by_unit.setdefault(q.unit, {}).setdefault(m.doc_id, set()).add(q.value)
            texts[(q.unit, m.doc_id, q.value)] = q.text
    out = []
    for unit, per_doc in sorted(by_unit.items()):
        if len(per_doc) < 2 or len({frozenset(v) for v in per_doc.values()}) < 2:
            continue
        docs = sorted(per_doc)
        values = {d: ", ".join(texts[(unit, d, v)] for v in sorted(per_doc[d])) for d in docs}
        what = "rank" if unit == "ordinal" else unit
        out.append(
            Conflict(
                "number",
                docs,
                values,
                f"{fact.type}: different numbers for its {what}",
                severity="discrepancy",
                evidence={d: evidence[d] for d in docs},
            )
        )
    return out


@dataclass(frozen=True)
class _Said:
    doc_id: str
    speaker: str
    quote: Quote
    words: frozenset[str]
    wording: str  # normalised: lowercase words joined


def stem(word: str) -> str:
    """A crude stem that lets translations of one statement meet ("relations" and
    "relationship", "strategic" and "strategy"): the first `STEM` letters."""
    return word[:STEM]


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared words over the shorter quotation's; 0 when their lengths are too unequal."""
    small, large = sorted((len(a), len(b)))
    if not small or small < SAME_LENGTH * large:
        return 0.0
    return len(a & b) / small


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def _quoted(documents: Sequence[Document]) -> list[_Said]:
    said = []
    for document in documents:
        for quote in document.quotes:
            tokens = [stem(w) for w in words(quote.content.text)]
            if quote.speaker.name and len(tokens) >= MIN_QUOTE_WORDS:
                said.append(
                    _Said(
                        document.doc_id,
                        quote.speaker.name,
                        quote,
                        frozenset(tokens),
                        " ".join(tokens),
                    )
                )
    return said


def _fact_of(quotes: Sequence[_Said], facts: Sequence[Fact]) -> str | None:
    """The fact whose mentions share sentences with the quotations, if one does."""
    counts: dict[str, int] = {}
    for s in quotes:
        start = s.quote.content.start
        for fact in facts:
            for m in fact.mentions:
                if m.doc_id == s.doc_id and m.event.sentence.start <= start < m.event.sentence.end:
                    counts[fact.fact_id] = counts.get(fact.fact_id, 0) + 1
    return min(counts, key=lambda f: (-counts[f], f)) if counts else None


def quote_conflicts(documents: Sequence[Document], facts: Sequence[Fact]) -> list[Conflict]:
    """Wording variants of one speaker's statement, and statements given two speakers."""
    said = _quoted(documents)
    out: list[Conflict] = []
    by_speaker: dict[str, list[_Said]] = {}
    for s in said:
        by_speaker.setdefault(s.speaker, []).append(s)
    for speaker in sorted(by_speaker):
        items = by_speaker[speaker]
        groups = Groups(str(i) for i in range(len(items)))
        for i, a in enumerate(items):
            for j in range(i + 1, len(items)):
                b = items[j]
                if a.doc_id != b.doc_id and _overlap(a.words, b.words) >= SAME_STATEMENT:
                    groups.union(str(i), str(j))
        for members in groups.groups():
            variants = [items[int(m)] for m in members]
            docs = sorted({v.doc_id for v in variants})
            if len(docs) < 2 or len({v.wording for v in variants}) < 2:
                continue
            values: dict[str, str] = {}
            for v in sorted(variants, key=lambda v: (v.doc_id, -len(v.words))):
                values.setdefault(v.doc_id, v.quote.content.text)
            out.append(
                Conflict(
                    "quote_wording",
                    docs,
                    values,
                    f"{speaker} quoted in {len(set(values.values()))} wordings",
                    fact_id=_fact_of(variants, facts),
                    severity="discrepancy",
                )
            )
    for i, a in enumerate(said):
        for b in said[i + 1 :]:
            if (
                a.doc_id != b.doc_id
                and a.speaker != b.speaker
                and _jaccard(a.words, b.words) >= SAME_WORDS
            ):
                out.append(
                    Conflict(
                        "attribution",
                        sorted({a.doc_id, b.doc_id}),
                        {
                            a.doc_id: f"{a.speaker}: {a.quote.content.text}",
                            b.doc_id: f"{b.speaker}: {b.quote.content.text}",
                        },
                        f"the same words attributed to {a.speaker} and to {b.speaker}",
                        fact_id=_fact_of([a, b], facts),
                    )
                )
    return out
