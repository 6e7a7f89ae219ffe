"""Source/target frames, one event per pair, negatives, offsets: case tables."""

from collections.abc import Callable

import pytest

from dyad.events.extract import event_id
from dyad.model import Event

Extract = Callable[..., list[Event]]

# text -> the (type, source, target) triples that must be found
CASES = [
    # one per PLOVER type, verbs and nouns
    ("Iran and Russia agreed on a gas price.", {("AGREE", "IRN", "RUS")}),
    ("Modi met Macron in New Delhi.", {("CONSULT", "IND", "FRA")}),
    ("Japan praised India for its restraint.", {("SUPPORT", "JPN", "IND")}),
    ("Turkey made concessions to the EU over visas.", {("CONCEDE", "TUR", "IGO")}),
    ("India will cooperate with Japan on chips.", {("COOPERATE", "IND", "JPN")}),
    ("France delivered weapons to Ukraine.", {("AID", "FRA", "UKR")}),
    ("Russia withdrew troops from Ukraine.", {("RETREAT", "RUS", "UKR")}),
    (
        "France urged Israel to halt the offensive.",
        {("REQUEST", "FRA", "ISR"), ("RETREAT", "ISR", None)},
    ),
    ("China accused Japan of provocations.", {("ACCUSE", "CHN", "JPN")}),
    ("Iran rejected the offer from the EU.", {("REJECT", "IRN", "IGO"), ("AGREE", "IGO", "IRN")}),
    ("Russia threatened Ukraine with retaliation.", {("THREATEN", "RUS", "UKR")}),
    ("Ukraine boycotted the summit in Moscow.", {("PROTEST", "UKR", None)}),
    ("The EU imposed sanctions on Iran.", {("SANCTION", "IGO", "IRN")}),
    ("Russia deployed troops to the border near Ukraine.", {("MOBILIZE", "RUS", "UKR")}),
    ("Iran seized a tanker owned by Japan.", {("COERCE", "IRN", "JPN")}),
    ("Turkey arrested French journalists.", {("COERCE", "TUR", None)}),  # French: no actor
    ("Israel bombed Iran.", {("ASSAULT", "ISR", "IRN")}),
    # multi-word and noun triggers
    ("Trump softened his tone toward Iran.", {("CONCEDE", "USA", "IRN")}),
    ("Israel agreed to a ceasefire with Iran.", {("RETREAT", "ISR", "IRN")}),
    ("Russia carried out strikes on Ukraine.", {("ASSAULT", "RUS", "UKR")}),
    ("Turkey broke off ties with Israel.", {("SANCTION", "TUR", "ISR")}),
    ("The US withdrew from the nuclear deal with Iran.", {("REJECT", "USA", "IRN")}),
    ("Lavrov held talks with Wang Yi.", {("CONSULT", "RUS", "CHN")}),
    ("Israeli airstrikes on Tehran intensified.", {("ASSAULT", "ISR", "IRN")}),
    ("Putin pledged support for Iran.", {("SUPPORT", "RUS", "IRN")}),
    ("Iran is supplying drones to Russia.", {("AID", "IRN", "RUS")}),
    # passive voice
    ("Israel was attacked by Iran.", {("ASSAULT", "IRN", "ISR")}),
    ("Ukraine was invaded by Russia in 2022.", {("ASSAULT", "RUS", "UKR")}),
    # symmetric pairs and coordination
    ("Russia and Iran signed a strategic partnership agreement.", {("AGREE", "RUS", "IRN")}),
    ("Talks between Russia and Iran ended.", {("CONSULT", "RUS", "IRN")}),
    ("Putin's meeting with Araghchi lasted three hours.", {("CONSULT", "RUS", "IRN")}),
    ("The Araghchi-Putin meeting was held in the Kremlin.", {("CONSULT", "IRN", "RUS")}),
    ("The two countries have cooperated in Syria.", {("COOPERATE", "RUS", "IRN")}),
    (
        "Russia, China and Pakistan condemned Israel.",
        {("ACCUSE", "RUS", "ISR"), ("ACCUSE", "CHN", "ISR"), ("ACCUSE", "PAK", "ISR")},
    ),
    (
        "Russia, along with China and Pakistan, has pushed for a ceasefire.",
        {("REQUEST", "RUS", None), ("REQUEST", "CHN", None), ("REQUEST", "PAK", None)},
    ),
    (
        "Japan condemned attacks by Russia and Iran.",
        {
            ("ACCUSE", "JPN", "RUS"),
            ("ACCUSE", "JPN", "IRN"),
            ("ASSAULT", "RUS", None),
            ("ASSAULT", "IRN", None),
        },
    ),
    # relative clauses and appositives
    (
        "Lavrov, who met Wang Yi, criticized the EU.",
        {("CONSULT", "RUS", "CHN"), ("ACCUSE", "RUS", "IGO")},
    ),
    ("Araghchi flew to Moscow, met Putin and held talks with Lavrov.", {("CONSULT", "IRN", "RUS")}),
    (
        "After meeting Putin, Araghchi praised Russia.",
        {("CONSULT", "IRN", "RUS"), ("SUPPORT", "IRN", "RUS")},
    ),
    # speech acts about an attack: the target is the attacker
    (
        "Putin condemned the US strikes on Iran.",
        {("ACCUSE", "RUS", "USA"), ("ASSAULT", "USA", "IRN")},
    ),
    (
        "Israeli jets struck Tehran. Putin called the strikes unprovoked aggression.",
        {("ASSAULT", "ISR", "IRN"), ("ACCUSE", "RUS", "ISR")},
    ),
    ("Araghchi thanked Russia for its support.", {("SUPPORT", "IRN", "RUS")}),
    # metonymy: a capital as actor, a capital as place
    ("Moscow condemned Kyiv.", {("ACCUSE", "RUS", "UKR")}),
    ("Araghchi paid a visit to Moscow.", {("CONSULT", "IRN", "RUS")}),
    # headline
    ("Iran's Top Diplomat Meets Putin", {("CONSULT", "IRN", "RUS")}),
    # what a verbal act offers or asks for is its content, not another event
    ("Russia offered Iran expanded cooperation on air defence.", {("AGREE", "RUS", "IRN")}),
    (
        "Japan called for talks between Russia and Ukraine.",
        {("REQUEST", "JPN", "RUS"), ("REQUEST", "JPN", "UKR")},
    ),
    # a noun after "as" or "toward" belongs to the subject
    (
        "Turkey acted as a mediator between Russia and Ukraine.",
        {("CONSULT", "TUR", "RUS"), ("CONSULT", "TUR", "UKR")},
    ),
    ("Russia and Iran moved toward closer cooperation.", {("COOPERATE", "RUS", "IRN")}),
    # a possessor inside a multi-word trigger is the author
    ("Araghchi stressed Russia's support for Iran.", {("SUPPORT", "RUS", "IRN")}),
    # a sentence-opening phrase takes the main clause's subject
    (
        "During a visit to Ankara, Lavrov held talks with Erdogan.",
        {("CONSULT", "RUS", "TUR")},
    ),
    # participial phrases are skipped on the way to the subject
    (
        "Russia kept to its line, staying calm, while condemning Israel.",
        {("ACCUSE", "RUS", "ISR")},
    ),
    # a capitalized trigger after an actor is an event, after other capitals a name
    ("The Russia-Iran Summit ended.", {("CONSULT", "RUS", "IRN")}),
    # a possessive names the author of a noun event; "by" names it too
    ("Russia's support for Iran grew.", {("SUPPORT", "RUS", "IRN")}),
    ("The proposal from the EU reached Iran.", {("REQUEST", "IGO", "IRN")}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_events_found(extract: Extract, triples, text: str, expected: set) -> None:
    places_as_actors = ("Moscow", "Kyiv") if text.startswith("Moscow") else ()
    assert triples(extract(text, places_as_actors)) == expected


NEGATIVE = [
    "The striker strikes the ball into the net.",  # sports
    "Workers went on strike in Ankara.",  # no political actor named
    "The West condemned the attacks.",  # an abstraction is not an actor
    "Putin held talks in Moscow.",  # a meeting with nobody
    "Russian President Putin met Russian ministers.",  # one country on both sides
    "The Comprehensive Strategic Partnership Treaty between Russia and Iran was cited.",  # a name
    "Multipolarity is on the rise.",
    "The cooperation between Russia and Iran is old.",  # a relationship, not a change in it
    "Their partnership poses a threat to Japan.",  # an assessment, not a threat made
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_event(extract: Extract, text: str) -> None:
    assert extract(text) == []


def test_one_event_per_pair_and_sentence(extract: Extract) -> None:
    events = extract("Modi met Macron and held talks with Macron in New Delhi.")
    assert [(e.type, e.source.country, e.target.country) for e in events] == [
        ("CONSULT", "IND", "FRA")
    ]


def test_offsets_invariant(extract: Extract) -> None:
    text = (
        "Iran's Top Diplomat Meets Putin\n"
        "Lavrov held high-level talks with Wang Yi on Monday.  Israel was attacked by Iran.\n"
        "Russia, China and Pakistan called for a ceasefire; the EU imposed sanctions on Iran."
    )
    events = extract(text)
    assert len(events) >= 5
    for event in events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        assert event.sentence.start <= event.trigger.start < event.trigger.end <= event.sentence.end
        for ref in (event.source, event.target):
            if ref is not None and ref.start is not None:
                assert text[ref.start : ref.end] == ref.text


def test_event_fields(extract: Extract) -> None:
    [event] = extract("Israel bombed Iran on Monday.")
    assert (event.quad, event.intensity, event.mode) == ("material_conflict", -9.0, None)
    assert 0 < event.confidence <= 1
    assert event.rule is not None and event.rule.startswith("assault.attack.v")
    assert event.source is not None and event.source.name == "Israel"
    assert event.id == event_id(0, 7, "ASSAULT", "ISR", "IRN")


def test_event_ids_are_stable_and_distinct(extract: Extract) -> None:
    text = "Russia condemned Israel. Russia condemned Israel."
    first, second = extract(text)
    assert first.id != second.id
    assert [e.id for e in extract(text)] == [first.id, second.id]


def test_visit_mode_and_location(extract: Extract) -> None:
    [event] = extract("Araghchi paid a working visit to Moscow.")
    assert event.mode == "visit"
    assert event.location is not None and event.location.name == "Moscow"


def test_mediation_has_third_party_mode(extract: Extract, triples) -> None:
    events = extract("Turkey mediated between Russia and Ukraine.")
    assert triples(events) == {("CONSULT", "TUR", "RUS"), ("CONSULT", "TUR", "UKR")}
    assert {e.mode for e in events} == {"third-party"}


def test_document_counterpart_fills_an_implicit_target(extract: Extract, triples) -> None:
    text = "Iran weighs its options. Iran met Japan. The US put forward a proposal for talks."
    events = [e for e in extract(text) if e.type == "REQUEST"]
    assert triples(events) == {("REQUEST", "USA", "IRN")}
    assert events[0].rule is not None and events[0].rule.endswith(">document")
    assert events[0].confidence < 0.5


def test_document_counterpart_can_be_turned_off(nlp) -> None:
    from dyad.events.extract import EventExtractor, ExtractSettings

    from .conftest import annotate_by_hand

    extractor = EventExtractor(ExtractSettings(document_target=False))
    doc = annotate_by_hand(nlp("Iran weighs its options. The US put forward a proposal."))
    [event] = extractor.match(doc)
    assert event.target is None
