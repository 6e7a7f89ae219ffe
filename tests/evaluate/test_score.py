"""Scoring events, quotes and boilerplate against hand-made gold (SPEC.md section 5)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from dyad.evaluate.gold import GoldDocument, GoldEvent, GoldQuote
from dyad.evaluate.score import evaluate, expand_dyads
from dyad.model import (
    ActorRef,
    Document,
    Event,
    EventDate,
    Quote,
    RemovedLine,
    SentenceRef,
    Span,
)

SENTENCES = [
    "Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergey Lavrov in Vientiane.",
    "Lavrov condemned the new sanctions of the European Union.",
    "Russia, China and Iran called on the United States to lift its sanctions.",
    "The ministers said the talks were “useful and frank” and that trade would grow.",
]
TEXT = " ".join(SENTENCES)

WANG = ActorRef("Wang Yi", name="Wang Yi", country="CHN", sector="GOV", entity_id="q:wang")
LAVROV = ActorRef("Lavrov", name="Sergey Lavrov", country="RUS", sector="GOV", entity_id="q:lav")
EU = ActorRef("European Union", name="EU", country="IGO", entity_id="igo:EU")
RUSSIA = ActorRef("Russia", name="Russia", country="RUS", entity_id="state:RUS")
CHINA = ActorRef("China", name="China", country="CHN", entity_id="state:CHN")
IRAN = ActorRef("Iran", name="Iran", country="IRN", entity_id="state:IRN")
USA = ActorRef("United States", name="United States", country="USA", entity_id="state:USA")


def _sentences(text: str = TEXT) -> list[SentenceRef]:
    refs, at = [], 0
    for index, sentence in enumerate(SENTENCES):
        start = text.index(sentence, at)
        refs.append(SentenceRef(index, start, start + len(sentence)))
        at = start + len(sentence)
    return refs


def _event(
    trigger: str,
    kind: str,
    source: ActorRef | None,
    target: ActorRef | None,
    modality: str = "asserted",
    date: EventDate | None = None,
    occurrence: int = 0,
) -> Event:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(trigger, start + 1)
    sentence = next(s for s in _sentences() if s.start <= start < s.end)
    return Event(
        id=f"{kind}-{start}",
        type=kind,
        quad="",
        intensity=0.0,
        modality=modality,
        confidence=1.0,
        trigger=Span(trigger, start, start + len(trigger)),
        sentence=sentence,
        source=source,
        target=target,
        date=date,
    )


def _gold_event(evidence: str, kind: str, source: list[str], target: list[str], **kw) -> GoldEvent:
    return GoldEvent(kind, tuple(source), tuple(target), kw.pop("modality", "asserted"),
                     evidence, **kw)  # fmt: skip


def _score(gold_events: list[GoldEvent], events: list[Event], **document: object):
    gold = GoldDocument("doc", events=gold_events)
    extracted = Document(doc_id="d", name="doc", text=TEXT, sentences=_sentences(),
                         events=events, **document)  # fmt: skip
    return evaluate([gold], {"doc": extracted})


MEET = _gold_event("Wang Yi met Russian Foreign Minister", "CONSULT", ["CHN"], ["RUS"],
                   source_actor="Wang Yi", target_actor="Sergey Lavrov")  # fmt: skip
CONDEMN = _gold_event("Lavrov condemned the new sanctions", "ACCUSE", ["RUS"], ["IGO"],
                      source_actor="Sergey Lavrov", target_actor="EU")  # fmt: skip


def test_perfect_match_scores_one_everywhere() -> None:
    report = _score([MEET, CONDEMN], [
        _event("met", "CONSULT", WANG, LAVROV), _event("condemned", "ACCUSE", LAVROV, EU)
    ])  # fmt: skip
    measures = report.measures
    for name in ("events.all", "events.asserted", "events.actor_level.all"):
        assert measures[f"{name}.precision"] == 1.0
        assert measures[f"{name}.recall"] == 1.0
        assert measures[f"{name}.f1"] == 1.0
    assert measures["events.extra_rate"] == 0.0
    assert report.mismatches() == []


EVENT_CASES = [
    # (label, gold events, extracted events, matched of events.all, gold dyads, extracted)
    ("wrong type", [MEET], [_event("met", "AGREE", WANG, LAVROV)], 0, 1, 1),
    ("symmetric swap", [MEET], [_event("met", "CONSULT", LAVROV, WANG)], 1, 1, 1),
    ("non-symmetric swap", [CONDEMN], [_event("condemned", "ACCUSE", EU, LAVROV)], 0, 1, 1),
    ("wrong target", [CONDEMN], [_event("condemned", "ACCUSE", LAVROV, USA)], 0, 1, 1),
    ("missing target", [CONDEMN], [_event("condemned", "ACCUSE", LAVROV, None)], 0, 1, 1),
    ("other sentence", [CONDEMN], [_event("sanctions", "ACCUSE", LAVROV, EU, occurrence=1)],
     0, 1, 1),
    ("nothing extracted", [MEET, CONDEMN], [], 0, 2, 0),
    ("nothing in gold", [], [_event("met", "CONSULT", WANG, LAVROV)], 0, 0, 1),
    ("two extracted, one gold", [MEET],
     [_event("met", "CONSULT", WANG, LAVROV), _event("met", "CONSULT", WANG, LAVROV)], 1, 1, 2),
]  # fmt: skip


@pytest.mark.parametrize(
    ("label", "gold", "events", "matched", "n_gold", "n_extracted"),
    EVENT_CASES,
    ids=[c[0] for c in EVENT_CASES],
)
def test_event_matching_cases(
    label: str,
    gold: list[GoldEvent],
    events: list[Event],
    matched: int,
    n_gold: int,
    n_extracted: int,
) -> None:
    tally = _score(gold, events).tallies["events.all"]
    assert (tally.matched, tally.gold, tally.extracted) == (matched, n_gold, n_extracted)


def test_one_gold_matches_one_extracted_and_the_other_is_extra() -> None:
    report = _score([MEET], [
        _event("met", "CONSULT", WANG, LAVROV), _event("met", "CONSULT", WANG, LAVROV)
    ])  # fmt: skip
    assert report.measures["events.all.precision"] == 0.5
    assert report.measures["events.all.recall"] == 1.0
    assert report.measures["events.extra_rate"] == 1.0
    extra = [m for m in report.mismatches() if m.kind == "extra"]
    assert len(extra) == 1
    assert extra[0].sentence == SENTENCES[0]


def test_greedy_prefers_the_event_whose_trigger_lies_in_the_evidence() -> None:
    gold = _gold_event("new sanctions", "ACCUSE", ["RUS"], ["IGO"])
    outside = _event("condemned", "ACCUSE", LAVROV, EU)
    inside = _event("sanctions", "ACCUSE", LAVROV, EU, modality="hypothetical")
    report = _score([gold], [outside, inside])
    extra = [m for m in report.mismatches() if m.kind == "extra"]
    assert len(extra) == 1
    assert "trigger 'condemned'" in extra[0].item
    assert report.accuracies["modality"].value == 0.0


COMPOUND = _gold_event("Russia, China and Iran called on the United States", "REQUEST",
                       ["RUS", "CHN", "IRN"], ["USA"])  # fmt: skip


@pytest.mark.parametrize(
    ("sources", "matched"),
    [((RUSSIA, CHINA, IRAN), 3), ((RUSSIA, CHINA), 2), ((RUSSIA,), 1), ((WANG,), 1), ((), 0)],
)
def test_compound_gold_actor_expands_to_one_dyad_per_pair(
    sources: tuple[ActorRef, ...], matched: int
) -> None:
    events = [_event("called", "REQUEST", source, USA) for source in sources]
    tally = _score([COMPOUND], events).tallies["events.all"]
    assert (tally.matched, tally.gold, tally.extracted) == (matched, 3, len(sources))


@pytest.mark.parametrize(
    ("kind", "source", "target", "pairs"),
    [
        ("REQUEST", ("RUS", "CHN"), ("USA",), [("RUS", "USA"), ("CHN", "USA")]),
        ("REQUEST", ("RUS",), (), [("RUS", None)]),
        ("CONSULT", ("RUS", "CHN"), ("RUS", "CHN"), [("RUS", "CHN")]),
        ("ACCUSE", ("RUS", "CHN"), ("RUS", "CHN"), [("RUS", "CHN"), ("CHN", "RUS")]),
        ("COERCE", ("ARM",), ("ARM",), [("ARM", "ARM")]),
    ],
)
def test_expand_dyads(
    kind: str, source: tuple[str, ...], target: tuple[str, ...], pairs: list[tuple]
) -> None:
    assert expand_dyads(GoldEvent(kind, source, target, "asserted", "x")) == pairs


@pytest.mark.parametrize("target", [USA, None, EU])
def test_empty_gold_target_accepts_any_extracted_target(target: ActorRef | None) -> None:
    gold = _gold_event("called on the United States", "REQUEST", ["RUS"], [])
    report = _score([gold], [_event("called", "REQUEST", RUSSIA, target)])
    assert report.tallies["events.all"].matched == 1
    assert report.tallies["events.actor_level.all"].matched == 1


def test_sentence_overlap_uses_the_evidence_span_without_sentences() -> None:
    gold = GoldDocument("doc", events=[CONDEMN])
    right = Document("d", "doc", TEXT, events=[_event("condemned", "ACCUSE", LAVROV, EU)])
    elsewhere = replace(right.events[0], sentence=SentenceRef(0, 0, 10))
    wrong = Document("d", "doc", TEXT, events=[elsewhere])
    assert evaluate([gold], {"doc": right}).tallies["events.all"].matched == 1
    assert evaluate([gold], {"doc": wrong}).tallies["events.all"].matched == 0


@pytest.mark.parametrize(
    ("source", "target", "country_level", "actor_level"),
    [
        (LAVROV, EU, 1, 1),
        (ActorRef("he", name="sergey lavrov", country="RUS"), EU, 1, 1),
        (RUSSIA, EU, 1, 0),
        (ActorRef("minister", name="Maria Zakharova", country="RUS"), EU, 1, 0),
        (LAVROV, ActorRef("Brussels", name="EU Commission", country="IGO"), 1, 0),
    ],
)
def test_actor_level_requires_canonical_names(
    source: ActorRef, target: ActorRef, country_level: int, actor_level: int
) -> None:
    report = _score([CONDEMN], [_event("condemned", "ACCUSE", source, target)])
    assert report.tallies["events.all"].matched == country_level
    assert report.tallies["events.actor_level.all"].matched == actor_level
    actor_items = [m for m in report.mismatches() if m.kind == "actor"]
    assert len(actor_items) == country_level - actor_level


@pytest.mark.parametrize(
    ("target", "accepted"),
    [
        (RUSSIA, True),  # a state, entity_id "state:"
        (ActorRef("Moscow", name=None, country="RUS"), True),
        (LAVROV, False),  # gold says no specific actor; a named person is not that
    ],
)
def test_gold_null_actor_accepts_only_country_level_actors(
    target: ActorRef, accepted: bool
) -> None:
    gold = _gold_event("Wang Yi met Russian Foreign Minister", "CONSULT", ["CHN"], ["RUS"],
                       source_actor="Wang Yi")  # fmt: skip
    report = _score([gold], [_event("met", "CONSULT", WANG, target)])
    assert report.tallies["events.actor_level.all"].matched == int(accepted)


def test_asserted_scores_compare_asserted_with_asserted() -> None:
    hypothetical = replace(CONDEMN, modality="hypothetical")
    events = [
        _event("met", "CONSULT", WANG, LAVROV, modality="future"),
        _event("condemned", "ACCUSE", LAVROV, EU, modality="hypothetical"),
    ]
    report = _score([MEET, hypothetical], events)
    assert report.tallies["events.all"].matched == 2
    asserted = report.tallies["events.asserted"]
    assert (asserted.matched, asserted.gold, asserted.extracted) == (0, 1, 0)
    assert report.measures["events.asserted.recall"] == 0.0
    assert report.accuracies["modality"].value == 0.5
    modality = [m for m in report.mismatches() if m.kind == "modality"]
    assert [m.item for m in modality] == ["CONSULT: gold asserted, extracted future"]


@pytest.mark.parametrize(
    ("gold_date", "extracted", "right"),
    [
        ("2024-07-25", EventDate("2024-07-25", "day"), True),
        ("2024-07", EventDate("2024-07", "month"), True),
        ("2024", EventDate("2024", "year"), True),
        ("2024-07", EventDate("2024-07", "day"), False),
        ("2024-07-25", EventDate("2024-07-26", "day"), False),
        ("2024-07-25", None, False),
        (None, None, True),
        (None, EventDate(None, None, "recently"), True),
        (None, EventDate("2024-07-25", "day"), False),
    ],
)
def test_date_accuracy_needs_value_and_precision(
    gold_date: str | None, extracted: EventDate | None, right: bool
) -> None:
    report = _score([replace(MEET, date=gold_date)],
                    [_event("met", "CONSULT", WANG, LAVROV, date=extracted)])  # fmt: skip
    assert report.accuracies["date"].value == float(right)
    assert report.tallies["events.all"].matched == 1


def test_accuracies_are_none_when_nothing_matched() -> None:
    report = _score([MEET], [])
    assert report.measures["modality.accuracy"] is None
    assert report.measures["date.accuracy"] is None


def test_unlocated_evidence_counts_as_a_miss_and_is_listed() -> None:
    gold = _gold_event("Lavrov praised the European Union", "SUPPORT", ["RUS"], ["IGO"])
    report = _score([gold], [_event("condemned", "SUPPORT", LAVROV, EU)])
    assert report.tallies["events.all"].matched == 0
    assert [m.kind for m in report.mismatches() if m.category == "event"] == [
        "unlocated",
        "extra",
    ]
    assert report.per_document[0].unlocated == 1
    assert report.to_dict()["events.unlocated"] == 1


def test_per_type_breakdown_counts_gold_extracted_and_matched() -> None:
    report = _score([MEET, CONDEMN, COMPOUND], [
        _event("met", "CONSULT", WANG, LAVROV), _event("condemned", "ACCUSE", LAVROV, USA),
        _event("called", "REQUEST", RUSSIA, USA),
    ])  # fmt: skip
    assert report.type_rows() == [
        ("REQUEST", 3, 1, 1),
        ("ACCUSE", 1, 1, 0),
        ("CONSULT", 1, 1, 1),
    ]


# (gold speaker, gold direct, gold content, extracted speaker, extracted direct,
#  extracted content, matches)
QUOTE_CASES = [
    ("Sergey Lavrov", True, "useful and frank", "Sergey Lavrov", True, "useful and frank", True),
    ("Sergey Lavrov", True, "useful and frank", "sergey lavrov", True, "useful and", True),
    ("Sergey Lavrov", True, "useful and frank", "Sergey Lavrov", False, "useful", True),
    ("Sergey Lavrov", True, "useful and frank", "Wang Yi", True, "useful and frank", False),
    ("Sergey Lavrov", False, "that trade would grow", "Sergey Lavrov", False,
     "” and that trade would", True),
    ("Sergey Lavrov", True, "useful and frank", "Sergey Lavrov", True, "frank” and", True),
    ("Sergey Lavrov", True, "useful and frank", "Sergey Lavrov", True, "frank” and ", False),
    ("Sergey Lavrov", False, "that trade would grow", "Sergey Lavrov", False,
     "the talks were “useful and frank” and that", False),
    ("Sergey Lavrov", False, "that trade would grow", None, False, "that trade would grow",
     False),
]  # fmt: skip


def _quote(speaker: str | None, direct: bool, content: str) -> Quote:
    start = TEXT.index(content)
    return Quote(ActorRef("he", name=speaker), "said", direct,
                 Span(content, start, start + len(content)))  # fmt: skip


@pytest.mark.parametrize(
    ("gold_speaker", "gold_direct", "gold_content", "speaker", "direct", "content", "matches"),
    QUOTE_CASES,
)
def test_quote_matches_on_speaker_and_half_overlap(
    gold_speaker: str,
    gold_direct: bool,
    gold_content: str,
    speaker: str | None,
    direct: bool,
    content: str,
    matches: bool,
) -> None:
    gold = GoldDocument("doc", quotes=[GoldQuote(gold_speaker, gold_direct, gold_content)])
    document = Document("d", "doc", TEXT, quotes=[_quote(speaker, direct, content)])
    report = evaluate([gold], {"doc": document})
    assert report.tallies["quotes"].matched == int(matches)


def test_quotes_split_recall_by_gold_and_precision_by_extracted_directness() -> None:
    gold = GoldDocument("doc", quotes=[
        GoldQuote("Sergey Lavrov", True, "useful and frank"),
        GoldQuote("Sergey Lavrov", False, "that trade would grow"),
    ])  # fmt: skip
    extracted = [
        _quote("Sergey Lavrov", False, "useful and frank"),  # right quote, wrong directness
        _quote("Sergey Lavrov", False, "that trade would grow"),
        _quote("Wang Yi", True, "Vientiane"),
    ]
    report = evaluate([gold], {"doc": Document("d", "doc", TEXT, quotes=extracted)})
    m = report.measures
    assert (m["quotes.precision"], m["quotes.recall"]) == (pytest.approx(2 / 3), 1.0)
    assert m["quotes.direct.recall"] == 1.0  # the gold direct quote was found
    assert m["quotes.direct.precision"] == 0.0  # the one extracted direct quote is wrong
    assert m["quotes.indirect.recall"] == 1.0
    assert m["quotes.indirect.precision"] == 1.0


def test_boilerplate_line_scores_after_normalisation() -> None:
    gold = GoldDocument("doc", boilerplate=["Join the discussion!", "It’s free", "Print"])
    removed = [
        RemovedLine("  join the  discussion ", "boilerplate"),
        RemovedLine("It's free", "boilerplate"),
        RemovedLine("Subscribe", "boilerplate"),
        RemovedLine("   ", "blank"),
    ]
    report = evaluate([gold], {"doc": Document("d", "doc", TEXT, removed=removed)})
    tally = report.tallies["boilerplate"]
    assert (tally.matched, tally.gold, tally.extracted) == (2, 3, 3)
    assert report.measures["boilerplate.f1"] == pytest.approx(2 / 3)
    kinds = sorted((m.kind, m.item) for m in report.mismatches())
    assert kinds == [("extra", "Subscribe"), ("missed", "Print")]


def test_boilerplate_repeated_line_counts_once() -> None:
    gold = GoldDocument("doc", boilerplate=["Menu", "Share"])
    removed = [
        RemovedLine("Menu", "menu"),
        RemovedLine("Menu", "menu"),
        RemovedLine("Menu", "menu"),
    ]
    report = evaluate([gold], {"doc": Document("d", "doc", TEXT, removed=removed)})
    tally = report.tallies["boilerplate"]
    assert (tally.matched, tally.gold, tally.extracted) == (1, 2, 1)
    assert report.measures["boilerplate.precision"] == 1.0


def test_missing_document_counts_every_gold_item_as_missed() -> None:
    gold = GoldDocument("absent", boilerplate=["Print"], events=[MEET, COMPOUND],
                        quotes=[GoldQuote("Wang Yi", True, "fine")])  # fmt: skip
    report = evaluate([gold], {})
    assert report.missing_documents == ["absent"]
    assert report.tallies["events.all"].gold == 4
    assert report.tallies["events.asserted"].gold == 4
    assert report.measures["events.all.recall"] == 0.0
    assert report.measures["quotes.recall"] == 0.0
    assert report.measures["boilerplate.recall"] == 0.0
    assert report.per_document[0].missing is True
    assert report.type_rows() == [("REQUEST", 3, 0, 0), ("CONSULT", 1, 0, 0)]


def test_documents_without_gold_are_ignored() -> None:
    other = Document("x", "other", TEXT, events=[_event("met", "CONSULT", WANG, LAVROV)])
    report = evaluate([GoldDocument("doc", events=[MEET])], {
        "doc": Document("d", "doc", TEXT, events=[_event("met", "CONSULT", WANG, LAVROV)]),
        "other": other,
    })  # fmt: skip
    assert report.tallies["events.all"].extracted == 1


def test_report_dict_rows_and_mismatches_have_stable_keys() -> None:
    report = _score([MEET, CONDEMN], [_event("met", "CONSULT", WANG, LAVROV)])
    data = report.to_dict()
    json.dumps(data)
    for key in (
        "events.asserted.f1",
        "events.all.precision",
        "events.actor_level.asserted.f1",
        "modality.accuracy",
        "date.accuracy",
        "events.extra_rate",
        "quotes.f1",
        "quotes.direct.recall",
        "quotes.indirect.precision",
        "boilerplate.f1",
        "events.all.gold",
    ):
        assert key in data
    assert data["events.all.recall"] == 0.5
    assert data["per_type"]["ACCUSE"] == {"gold": 1, "extracted": 0, "matched": 0}
    assert data["per_document"][0]["events.matched"] == 1
    rows = {measure: (value, detail) for measure, value, detail in report.rows()}
    assert rows["events.all.recall"] == (0.5, "1 matched, 2 gold, 1 extracted")
    missed = [m for m in report.mismatches() if m.kind == "missed"]
    assert len(missed) == 1
    assert missed[0].sentence == SENTENCES[1]
    assert missed[0].item.startswith("ACCUSE RUS -> IGO")


def test_greedy_prefers_the_closest_sentence_when_no_trigger_is_in_the_evidence() -> None:
    gold = _gold_event("the new sanctions", "ACCUSE", ["RUS"], ["IGO"])
    sentences = _sentences()
    same = _event("condemned", "ACCUSE", LAVROV, EU, modality="hypothetical")
    wide = replace(same, modality="asserted",
                   sentence=SentenceRef(0, sentences[0].start, sentences[2].end))  # fmt: skip
    report = _score([gold], [wide, same])
    assert report.accuracies["modality"].value == 0.0  # the same-sentence one was taken
    assert report.tallies["events.all"].matched == 1
