"""Arguments read from the dependency tree, through the whole pipeline: case tables.

Each sentence is ours and shows one construction of English (SPEC.md section 1): who did
what to whom must come out of the parse, whatever the sentence is about.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from dyad.model import Event
from dyad.nlp import build_nlp

Triple = tuple[str, str | None, str | None]


@pytest.fixture(scope="module")
def full_nlp() -> Language:
    return build_nlp()


def _triples(nlp: Language, text: str) -> set[Triple]:
    doc = nlp.make_doc(text)
    doc._.published = "2025-06-23"
    for _, component in nlp.pipeline:
        doc = component(doc)
    events: list[Event] = doc._.events or []
    return {
        (e.type, e.source.country if e.source else None, e.target.country if e.target else None)
        for e in events
    }


# text -> triples that must be found, triples that must not
CASES: list[tuple[str, set[Triple], set[Triple]]] = [
    # a participle's `by` agent is the author of the act a speech act condemns
    (
        "Putin condemned the attacks carried out against Iran by the United States and Israel.",
        {("ACCUSE", "RUS", "USA"), ("ACCUSE", "RUS", "ISR"), ("ASSAULT", "USA", "IRN")},
        {("ACCUSE", "RUS", "IRN")},
    ),
    # unnamed officials: a possessive and an adjective give their countries
    (
        "Turkey's defence minister met his Azerbaijani counterpart in Baku on Friday.",
        {("CONSULT", "TUR", "AZE")},
        set(),
    ),
    # nominal events: a compound or adjective source, a prepositional target
    ("The US strikes on Iran drew condemnation.", {("ASSAULT", "USA", "IRN")}, set()),
    ("Israeli airstrikes hit Tehran overnight.", {("ASSAULT", "ISR", "IRN")}, set()),
    (
        "The American attacks on Iran's nuclear facilities were widely condemned.",
        {("ASSAULT", "USA", "IRN")},
        set(),
    ),
    ("Putin's meeting with Araghchi lasted two hours.", {("CONSULT", "RUS", "IRN")}, set()),
    ("Talks between Japan and South Korea resumed.", {("CONSULT", "JPN", "KOR")}, set()),
    ("The Brazil–Argentina summit ended early.", {("CONSULT", "BRA", "ARG")}, set()),
    # relative clauses, control, raising, light verbs, the passive
    (
        "Lavrov, who met Wang Yi on Monday, said the talks were useful.",
        {("CONSULT", "RUS", "CHN")},
        set(),
    ),
    ("Russia agreed to supply Iran with fighter jets.", {("AID", "RUS", "IRN")}, set()),
    ("Araghchi is set to visit Beijing next week.", {("CONSULT", "IRN", "CHN")}, set()),
    ("Modi held talks with Macron in Paris.", {("CONSULT", "IND", "FRA")}, set()),
    ("Erdogan paid a visit to Qatar.", {("CONSULT", "TUR", "QAT")}, set()),
    ("Iran was attacked by Israel.", {("ASSAULT", "ISR", "IRN")}, {("ASSAULT", "IRN", "ISR")}),
    (
        "Russia and China called on Israel to stop the strikes.",
        {("REQUEST", "RUS", "ISR"), ("REQUEST", "CHN", "ISR")},
        set(),
    ),
    # what a call asks for may name whom it asks: "pushed for a UN resolution"
    (
        "Brazil pushed for a new UN Security Council resolution on Gaza.",
        {("REQUEST", "BRA", "IGO")},
        set(),
    ),
    ("Egypt called for Israel's withdrawal from Gaza.", {("REQUEST", "EGY", "ISR")}, set()),
    # a co-subject phrase adds sources
    (
        "Brazil, along with Mexico, called for talks between Russia and Ukraine.",
        {("REQUEST", "BRA", "RUS"), ("REQUEST", "MEX", "UKR")},
        set(),
    ),
    # coordinated verbs share their subject; a verbless opener is not the subject
    (
        "Days after the Israeli strikes on Gaza, Jordan's foreign minister flew to Cairo "
        "and met President Sisi.",
        {("CONSULT", "JOR", "EGY")},
        {("CONSULT", "ISR", "EGY")},
    ),
    # a Title Case headline is parsed in sentence case
    ("Macron Meets Modi in Paris", {("CONSULT", "FRA", "IND")}, set()),
    # judging words in reported speech accuse the authors of the judged act
    (
        "Israel bombed Syria on Monday. "
        '"This is unprovoked aggression against Syria," Erdogan said.',
        {("ACCUSE", "TUR", "ISR")},
        set(),
    ),
    # the attack may be reported after the judgement; a quotation's speaker judges too
    (
        '"This is unprovoked aggression against Syria," Erdogan said. '
        "Israel bombed Syria on Monday.",
        {("ACCUSE", "TUR", "ISR")},
        set(),
    ),
    (
        'Erdogan spoke in Ankara. "The raids on Syria are illegitimate. They must stop," '
        "he said. Israel bombed Syria on Monday.",
        {("ACCUSE", "TUR", "ISR")},
        {("ACCUSE", "TUR", "SYR")},
    ),
    # "described X as Y": the "as" phrase is said of the object, not done by the subject
    (
        "Israel bombed Syria on Monday. "
        "Erdogan described the raids on Syria as unprovoked aggression.",
        {("ACCUSE", "TUR", "ISR")},
        {("ASSAULT", "TUR", "SYR")},
    ),
    # a judged act is looked for among acts of its own kind only
    (
        "Israel bombed Syria on Monday. "
        '"We will fight the unlawful sanctions of the West," Erdogan said.',
        set(),
        {("ACCUSE", "TUR", "ISR")},
    ),
    (
        "Tehran considers the actions of the United States against Iraq to be illegitimate.",
        {("ACCUSE", "IRN", "USA")},
        {("ACCUSE", "IRN", "IRQ")},
    ),
    # a coordinated demonym is a source too; a later mention of one act takes the target
    # an earlier mention named, and a speech act about it is aimed at its authors
    (
        "The US struck Iran's nuclear sites on Sunday. "
        "Moscow condemned the Israeli and US strikes.",
        {("ACCUSE", "RUS", "ISR"), ("ACCUSE", "RUS", "USA"), ("ASSAULT", "USA", "IRN")},
        {("ACCUSE", "RUS", "IRN")},
    ),
    # "thank X for V-ing", "grateful to X for V-ing": X did it; "the actions of X" are X's
    (
        "Cairo is grateful to Ankara for condemning the actions of Israel against Gaza.",
        {("SUPPORT", "EGY", "TUR"), ("ACCUSE", "TUR", "ISR")},
        {("ACCUSE", "EGY", "TUR")},
    ),
    (
        "Erdogan thanked Qatar for condemning the raids by Israel.",
        {("SUPPORT", "TUR", "QAT"), ("ACCUSE", "QAT", "ISR")},
        set(),
    ),
    # "their" is the clause's coordinated subject or agents; an office's `of` phrase
    # names its countries; a time adjunct is no content of the act
    (
        "The accord was signed by Fidan and Shoukry at the end of their talks.",
        {("AGREE", "TUR", "EGY"), ("CONSULT", "TUR", "EGY")},
        set(),
    ),
    (
        "The presidents of Brazil and Chile have met three times.",
        {("CONSULT", "BRA", "CHL")},
        set(),
    ),
    (
        "Japan and India signed a trade pact after talks in Tokyo.",
        {("AGREE", "JPN", "IND"), ("CONSULT", "JPN", "IND")},
        set(),
    ),
    ("Macron greeted Modi at the Elysee Palace.", {("CONSULT", "FRA", "IND")}, set()),
    # the victim of an attack on sites: a demonym before a site noun, or a place the sites
    # are in; the owner of a seized thing
    (
        "The US Air Force attacked three Iranian nuclear facilities.",
        {("ASSAULT", "USA", "IRN")},
        set(),
    ),
    ("Israel bombed key military sites in Syria.", {("ASSAULT", "ISR", "SYR")}, set()),
    ("Iran seized a tanker owned by Greece.", {("COERCE", "IRN", "GRC")}, set()),
    # the noun that heads a multi-word trigger takes the pair; a title parsed apart from
    # the name after it is still that person
    (
        "During the Fidan-Shoukry press conference, a reporter asked about Gaza.",
        {("CONSULT", "TUR", "EGY")},
        set(),
    ),
    (
        "The meeting between Emmanuel Macron and India's Prime Minister Narendra Modi "
        "in Paris reflects a long partnership.",
        {("CONSULT", "FRA", "IND")},
        set(),
    ),
    # a plural demonym acts; a quantity noun passes its verb on; "responded with strikes"
    # on the side the document's attacks hit
    ("The Russians shelled border towns in Ukraine.", {("ASSAULT", "RUS", "UKR")}, set()),
    ("Israel launched a wave of attacks on Lebanon.", {("ASSAULT", "ISR", "LBN")}, set()),
    (
        "Israel struck Iran on Friday. Tehran responded with retaliatory strikes.",
        {("ASSAULT", "IRN", "ISR")},
        set(),
    ),
    # a title split from its name keeps the name's coordination: both signers
    (
        "The accord was signed by Turkish Foreign Minister Hakan Fidan and his Egyptian "
        "counterpart Badr Abdelatty at the end of their talks.",
        {("AGREE", "TUR", "EGY")},
        set(),
    ),
    # "X's Foreign Minister Name" with the country parsed apart from its title and name
    (
        "The meeting between Emmanuel Macron and India’s External Affairs Minister "
        "Subrahmanyam Jaishankar in Paris was brief.",
        {("CONSULT", "FRA", "IND")},
        set(),
    ),
    # a refusal is aimed at whom the refused act was; a denial or a refusal with no one
    # to aim at is no rejection of anybody
    ("Oman declined to receive Iranian officials.", {("REJECT", "OMN", "IRN")}, set()),
    (
        "Iran met Oman on Monday. Tehran denies supplying drones to the rebels.",
        set(),
        {("REJECT", "IRN", "OMN")},
    ),
    (
        "Iran met Oman on Monday. The Kremlin declined to comment on the talks.",
        set(),
        {("REJECT", "RUS", "IRN"), ("REJECT", "RUS", "OMN")},
    ),
    # a time phrase lends its clause's subject to a meeting, not to a war
    (
        "During a visit to Ankara, Lavrov met Erdogan.",
        {("CONSULT", "RUS", "TUR")},
        set(),
    ),
    (
        "Russia used Iranian drones during the war with the United States' allies.",
        set(),
        {("ASSAULT", "RUS", "USA")},
    ),
    # a place compounded onto a visit is where it went; a later "his visit" is the same
    (
        "Erdogan, on his first Elysee visit, praised Macron.",
        {("CONSULT", "TUR", "FRA")},
        set(),
    ),
    # greetings and wishes sent are support
    ("Erdogan conveyed his greetings to Emir Tamim.", {("SUPPORT", "TUR", "QAT")}, set()),
    # an outlet a statement is made to is not its target
    (
        "Lavrov met Araghchi. Lavrov stressed Russia's support in an interview with the BBC.",
        {("CONSULT", "RUS", "IRN")},
        {("SUPPORT", "RUS", "GBR")},
    ),
    # "X said he met Y": the subject opening reported speech is its speaker; not in a
    # direct quotation, where "he" is someone else
    ("Erdogan said he exchanged views with Macron on Syria.", {("CONSULT", "TUR", "FRA")}, set()),
    # a first-person speaker inside a quotation
    (
        '"President Lula and I held long talks today," Macron said.',
        {("CONSULT", "BRA", "FRA")},
        set(),
    ),
    # "these actions": a speech act about acts the document reported before
    (
        "Israel bombed Syria on Monday. Erdogan thanked Qatar for strongly condemning "
        "these actions.",
        {("SUPPORT", "TUR", "QAT"), ("ACCUSE", "QAT", "ISR")},
        {("ACCUSE", "QAT", "SYR")},
    ),
    # the `of` of an event noun is what the act was done to, not its author
    ("Russia condemned the bombing of Syria.", set(), {("ACCUSE", "RUS", "SYR")}),
    # a commitment's other party is named in the act it governs
    (
        "Japan agreed to provide loans to Pakistan.",
        {("AGREE", "JPN", "PAK"), ("AID", "JPN", "PAK")},
        set(),
    ),
    (
        "Turkey offered to mediate between Russia and Ukraine.",
        {("AGREE", "TUR", "RUS"), ("AGREE", "TUR", "UKR")},
        set(),
    ),
    ("India promised to work with France on climate finance.", {("AGREE", "IND", "FRA")}, set()),
    # a predicate adjective of readiness: its subject commits ("is ready to help X")
    ("Turkey is ready to help Israel.", {("AGREE", "TUR", "ISR")}, set()),
    # a role given with "as": its holder is the mediator, not one of the parties
    (
        "China acted as an intermediary between Pakistan and India.",
        {("CONSULT", "CHN", "PAK"), ("CONSULT", "CHN", "IND")},
        {("CONSULT", "PAK", "IND")},
    ),
    (
        "Israel described Turkey as a mediator between Russia and Ukraine.",
        {("CONSULT", "TUR", "RUS"), ("CONSULT", "TUR", "UKR")},
        {("CONSULT", "ISR", "RUS"), ("CONSULT", "RUS", "UKR")},
    ),
    # "between" names two sides even when the parse folds both titled names into one
    (
        "The meeting between Iranian President Masoud Pezeshkian and Turkish President "
        "Recep Tayyip Erdogan took place in Ankara.",
        {("CONSULT", "IRN", "TUR")},
        set(),
    ),
    # a pejorative word for a head of state is still the state's leader
    (
        "The Russian dictator and the French president held talks.",
        {("CONSULT", "RUS", "FRA")},
        set(),
    ),
    # a common noun named by the list set beside it
    (
        "Iran criticized the role of the three European powers (France, Germany and "
        "the United Kingdom) in the talks.",
        {("ACCUSE", "IRN", "FRA"), ("ACCUSE", "IRN", "DEU"), ("ACCUSE", "IRN", "GBR")},
        set(),
    ),
    # with a target of its own, a speech act judges its object, not acts nested inside it
    (
        "China criticized Japan's reaction to the Russian attacks on Ukraine.",
        {("ACCUSE", "CHN", "JPN")},
        {("ACCUSE", "CHN", "RUS")},
    ),
    # the role is the object's when the verb has one that is not a reflexive; offered, the
    # role is an offer of mediation to both sides
    (
        "Russia offered Moscow's good offices as an intermediary between Armenia and Azerbaijan.",
        {("AGREE", "RUS", "ARM"), ("AGREE", "RUS", "AZE")},
        {("CONSULT", "RUS", "ARM"), ("CONSULT", "RUS", "AZE")},
    ),
    (
        "Japan described him as a mediator between Pakistan and India.",
        set(),
        {("CONSULT", "JPN", "PAK"), ("CONSULT", "JPN", "IND")},
    ),
    # advocating for something is asking for it
    ("China is advocating for talks with Japan.", {("REQUEST", "CHN", "JPN")}, set()),
    # no event between the parties named: an offer to end a war, a description, a clause
    # that says what a treaty does not do
    (
        "Putin has offered to help end the fighting between Israel and Iran.",
        set(),
        {("ASSAULT", "RUS", "IRN"), ("ASSAULT", "RUS", "ISR")},
    ),
    (
        "Russia and Iran are two heavily sanctioned countries.",
        set(),
        {("SANCTION", "RUS", "IRN"), ("SANCTION", "IRN", "RUS")},
    ),
    (
        "The treaty does not oblige either side to defend the other.",
        set(),
        {("SUPPORT", "RUS", "IRN"), ("SUPPORT", "IRN", "RUS")},
    ),
]


@pytest.mark.parametrize(("text", "present", "absent"), CASES)
def test_arguments_from_the_tree(
    full_nlp: Language, text: str, present: set[Triple], absent: set[Triple]
) -> None:
    found = _triples(full_nlp, text)
    assert present <= found, f"missing {present - found}, found {found}"
    assert not (absent & found), f"wrong {absent & found}"


def test_a_judgement_has_the_modality_of_its_saying(full_nlp: Language) -> None:
    """ "X considers Y illegitimate" is asserted: X says so now, whatever "considers" is."""
    doc = full_nlp.make_doc("Ankara considers the raids by Israel to be illegitimate.")
    doc._.published = "2025-06-23"
    for _, component in full_nlp.pipeline:
        doc = component(doc)
    accusations = [e for e in doc._.events if e.type == "ACCUSE"]
    assert accusations and {e.modality for e in accusations} == {"asserted"}


def test_a_later_mention_of_a_visit_takes_its_destination(full_nlp: Language) -> None:
    text = "Erdogan visited Qatar on Friday. His visit came ahead of a summit."
    doc = full_nlp.make_doc(text)
    doc._.published = "2025-06-23"
    for _, component in full_nlp.pipeline:
        doc = component(doc)
    visits = [(e.sentence.index, e.source.country, e.target.country) for e in doc._.events
              if e.type == "CONSULT" and e.source and e.target]  # fmt: skip
    assert visits == [(0, "TUR", "QAT"), (1, "TUR", "QAT")]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("China and Pakistan agreed on a roadmap for 2027.", "2027"),
        ("Japan and India signed a trade plan for next year.", "2026"),
    ],
)
def test_the_period_a_thing_covers_does_not_date_the_act(
    full_nlp: Language, text: str, period: str
) -> None:
    doc = full_nlp.make_doc(text)
    doc._.published = "2025-06-23"
    for _, component in full_nlp.pipeline:
        doc = component(doc)
    events: list[Event] = doc._.events or []
    assert events
    assert all(e.date is None or not e.date.value.startswith(period) for e in events)
