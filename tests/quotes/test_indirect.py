"""Indirect quotes: reported speech with an actor as its subject."""

from __future__ import annotations

import pytest

P = "person"
S = "state"

CASES = [
    (
        "Araghchi confirmed that Tehran is analysing the offer.",
        [("Araghchi", "Abbas Araghchi", P, 0), ("Tehran", "Iranian government", S, 0)],
        [("Abbas Araghchi", "confirmed", False, "Tehran is analysing the offer")],
    ),
    (
        "Lavrov said Russia was making efforts to end the conflict.",
        [("Lavrov", "Sergey Lavrov", P, 0), ("Russia", "Russian government", S, 0)],
        [("Sergey Lavrov", "said", False, "Russia was making efforts to end the conflict")],
    ),
    (
        "Borrell accused Moscow of meddling in the elections.",
        [("Borrell", "Josep Borrell", P, 0), ("Moscow", "Russian government", S, 0)],
        [("Josep Borrell", "accused", False, "Moscow of meddling in the elections")],
    ),
    (
        "Guterres called for an immediate ceasefire in Sudan.",
        [("Guterres", "UN", "igo", 0)],
        [("UN", "called for", False, "an immediate ceasefire in Sudan")],
    ),
    (
        "Wang Yi stressed the need to respect sovereignty.",
        [("Wang Yi", "Wang Yi", P, 0)],
        [("Wang Yi", "stressed", False, "the need to respect sovereignty")],
    ),
    (
        "Blinken noted on Monday that the sanctions would remain in place.",
        [("Blinken", "Antony Blinken", P, 0)],
        [("Antony Blinken", "noted", False, "the sanctions would remain in place")],
    ),
    (
        "Putin told Araghchi that he had received a letter from Tehran.",
        [("Putin", "Vladimir Putin", P, 0), ("Araghchi", "Abbas Araghchi", P, 0)],
        [("Vladimir Putin", "told", False, "he had received a letter from Tehran")],
    ),
    (
        "As Grossi noted, the inspectors have had no access since June.",
        [("Grossi", "Rafael Grossi", P, 0)],
        [("Rafael Grossi", "noted", False, "the inspectors have had no access since June")],
    ),
    (
        "The talks will resume next month, Lavrov said.",
        [("Lavrov", "Sergey Lavrov", P, 0)],
        [("Sergey Lavrov", "said", False, "The talks will resume next month")],
    ),
    (
        "According to Reuters, the convoy crossed the border at dawn.",
        [],
        [("Reuters", "According to", False, "the convoy crossed the border at dawn")],
    ),
    (
        "The Kremlin said the talks were useful.",
        [("The Kremlin", "Russian government", S, 0)],
        [("Russian government", "said", False, "the talks were useful")],
    ),
    (
        "Moscow's message was clear: it will not back down.",
        [("Moscow", "Russian government", S, 0)],
        [("Russian government", ":", False, "it will not back down")],
    ),
    (
        "Lavrov and Wang Yi stressed that the UN Charter must be respected.",
        [("Lavrov", "Sergey Lavrov", P, 0), ("Wang Yi", "Wang Yi", P, 0)],
        [
            ("Sergey Lavrov", "stressed", False, "the UN Charter must be respected"),
            ("Wang Yi", "stressed", False, "the UN Charter must be respected"),
        ],
    ),
    (
        "In an interview with CNN, Zelensky said Ukraine would not cede land.",
        [("CNN", "CNN", "organization", 0), ("Zelensky", "Volodymyr Zelensky", P, 0)],
        [("Volodymyr Zelensky", "said", False, "Ukraine would not cede land")],
    ),
    (
        "Lavrov told reporters in Ankara that the talks had been useful.",
        [("Lavrov", "Sergey Lavrov", P, 0)],
        [("Sergey Lavrov", "told", False, "the talks had been useful")],
    ),
    (
        "Iran's top diplomat said Tehran would study the proposal.",
        [("Iran's top diplomat", "Abbas Araghchi", P, 0), ("Tehran", "Iranian government", S, 0)],
        [("Abbas Araghchi", "said", False, "Tehran would study the proposal")],
    ),
    # a second verb shares the subject of the first
    (
        "Erdogan met the envoys and pledged to reopen the corridor.",
        [("Erdogan", "Recep Tayyip Erdogan", P, 0)],
        [("Recep Tayyip Erdogan", "pledged", False, "to reopen the corridor")],
    ),
    # ... the main clause's subject, not a subordinate one
    (
        "After Israel struck the depot, Putin condemned the raid and called for an end to it.",
        [("Israel", "Israeli government", S, 0), ("Putin", "Vladimir Putin", P, 0)],
        [("Vladimir Putin", "called for", False, "an end to it")],
    ),
    (
        "Putin avoided harsh words toward Israel, instead emphasizing the need for talks.",
        [("Putin", "Vladimir Putin", P, 0), ("Israel", "Israeli government", S, 0)],
        [("Vladimir Putin", "emphasizing", False, "the need for talks")],
    ),
    # a parenthetical between subject and cue; a body named by its owner
    (
        "Putin, speaking in Sochi, said Russia stood ready to mediate.",
        [("Putin", "Vladimir Putin", P, 0), ("Russia", "Russian government", S, 0)],
        [("Vladimir Putin", "said", False, "Russia stood ready to mediate")],
    ),
    (
        "Netanyahu's office said that Israel reserved the right to act.",
        [("Netanyahu", "Benjamin Netanyahu", P, 0), ("Israel", "Israeli government", S, 0)],
        [("Benjamin Netanyahu", "said", False, "Israel reserved the right to act")],
    ),
    (
        "The EU's foreign policy chief, Kaja Kallas, accused Russia of stalling.",
        [("Kaja Kallas", "Kaja Kallas", P, 0), ("Russia", "Russian government", S, 0)],
        [("Kaja Kallas", "accused", False, "Russia of stalling")],
    ),
    (
        "Erdogan offered to host the talks, his office said.",
        [("Erdogan", "Recep Tayyip Erdogan", P, 0), ("his", "Recep Tayyip Erdogan", P, 0)],
        [("Recep Tayyip Erdogan", "said", False, "Erdogan offered to host the talks")],
    ),
    (
        "ANKARA, May 4 (Reuters) - Erdogan offered to host the talks, his office said.",
        [("Erdogan", "Recep Tayyip Erdogan", P, 0), ("his", "Recep Tayyip Erdogan", P, 0)],
        [("Recep Tayyip Erdogan", "said", False, "Erdogan offered to host the talks")],
    ),
    # a trailing attribution is not content; the outlet reports the whole clause
    (
        "Xi urged both sides to show restraint, state media reported.",
        [("Xi", "Xi Jinping", P, 0)],
        [
            ("state media", "reported", False, "Xi urged both sides to show restraint"),
            ("Xi Jinping", "urged", False, "both sides to show restraint"),
        ],
    ),
    # a source the text does not name speaks under its description
    (
        "Officials said the meeting was useful.",
        [],
        [("Officials", "said", False, "the meeting was useful")],
    ),
    (
        "Western and Gulf diplomats warned that the truce was fragile.",
        [],
        [("Western and Gulf diplomats", "warned", False, "the truce was fragile")],
    ),
    # content stops at a dash; a quotation in the clause is the direct quote instead
    (
        "Araghchi confirmed that Tehran is studying the offer — a careful answer.",
        [("Araghchi", "Abbas Araghchi", P, 0)],
        [("Abbas Araghchi", "confirmed", False, "Tehran is studying the offer")],
    ),
    (
        "Lavrov said that the talks were “frank” and that a deal was close.",
        [("Lavrov", "Sergey Lavrov", P, 0)],
        [
            ("Sergey Lavrov", "said", True, "frank"),
            ("Sergey Lavrov", "said", False, "a deal was close"),
        ],
    ),
]


#: Constructions read from the parse: passive and inverted attribution, relative clauses,
#: coordinated reporting verbs, framing verbs, naming and judging speech acts.
PARSE_CASES = [
    (
        "It was announced by the ministry that the border would reopen.",
        [("the ministry", "Turkish Foreign Ministry", "organization", 0)],
        [("Turkish Foreign Ministry", "announced", False, "the border would reopen")],
    ),
    (
        "Ankara would host the summit in May, said Fidan.",
        [("Fidan", "Hakan Fidan", P, 0)],
        [("Hakan Fidan", "said", False, "Ankara would host the summit in May")],
    ),
    (
        "Fidan, who arrived on Monday, said the corridor would stay open.",
        [("Fidan", "Hakan Fidan", P, 0)],
        [("Hakan Fidan", "said", False, "the corridor would stay open")],
    ),
    pytest.param(
        "Fidan said the talks were useful and added that a deal was near.",
        [("Fidan", "Hakan Fidan", P, 0)],
        [
            ("Hakan Fidan", "said", False, "the talks were useful"),
            ("Hakan Fidan", "added", False, "a deal was near"),
        ],
        marks=pytest.mark.xfail(
            reason="en_core_web_sm coordinates 'added' with the reported clause, so it "
            "inherits that clause's subject ('the talks'), not the speaker",
            strict=True,
        ),
    ),
    (
        "Local media reported Fidan as saying that the corridor was open.",
        [("Fidan", "Hakan Fidan", P, 0)],
        [("Hakan Fidan", "saying", False, "the corridor was open")],
    ),
    (
        "Fidan condemned the raid as a violation of the truce.",
        [("Fidan", "Hakan Fidan", P, 0)],
        [("Hakan Fidan", "condemned", False, "the raid as a violation of the truce")],
    ),
    (
        "Fidan met the envoy, calling the raid a violation of the truce.",
        [("Fidan", "Hakan Fidan", P, 0)],
        [("Hakan Fidan", "calling", False, "the raid a violation of the truce")],
    ),
    (
        "As announced by the ministry, the border will reopen on Friday.",
        [("the ministry", "Turkish Foreign Ministry", "organization", 0)],
        [("Turkish Foreign Ministry", "announced", False, "the border will reopen on Friday")],
    ),
    # the agent hung low in the participle's phrase still speaks; the main subject never
    (
        "As announced ahead of the vote by the ministry, the parties will meet on Friday.",
        [("the ministry", "Turkish Foreign Ministry", "organization", 0)],
        [("Turkish Foreign Ministry", "announced", False, "the parties will meet on Friday")],
    ),
]

NOT_PARSE_CASES = [
    # a cue in an "if" clause reports nothing; a judging verb with no "as" is an event only
    ("If Fidan says the talks failed, markets will fall.", [("Fidan", "Hakan Fidan", P, 0)]),
    ("Fidan condemned the raid on Friday.", [("Fidan", "Hakan Fidan", P, 0)]),
    # the object of "described" is a relative pronoun: nothing is reported
    ("Fidan rejected what he described as a threat.", [("Fidan", "Hakan Fidan", P, 0)]),
]


@pytest.mark.parametrize(("text", "actors", "expected"), PARSE_CASES)
def test_indirect_quotes_from_the_parse(quotes_of, text: str, actors: list, expected: list) -> None:
    assert sorted(quotes_of(text, actors)) == sorted(expected)


@pytest.mark.parametrize(("text", "actors"), NOT_PARSE_CASES)
def test_not_indirect_quotes_from_the_parse(quotes_of, text: str, actors: list) -> None:
    assert quotes_of(text, actors) == []


@pytest.mark.parametrize(("text", "actors", "expected"), CASES)
def test_indirect_quotes(quotes_of, text: str, actors: list, expected: list) -> None:
    assert quotes_of(text, actors) == expected


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("What Putin promised was not new.", [("Putin", "Vladimir Putin", P, 0)]),
        (
            "Putin met Erdogan, underscoring the importance of the ties.",
            [("Putin", "Vladimir Putin", P, 0), ("Erdogan", "Recep Tayyip Erdogan", P, 0)],
        ),
        ("Lavrov told reporters.", [("Lavrov", "Sergey Lavrov", P, 0)]),
        ("The United States imposed sanctions on Iran.", [("United States", "US", S, 0)]),
        ("Trump Calls For New Talks With Iran", [("Trump", "Donald Trump", P, 0)]),
        ("A local resident said the meeting was useful.", []),
        (
            "The report highlighted how Moscow and Tehran cooperate.",
            [("Moscow", "Russian government", S, 0), ("Tehran", "Iranian government", S, 0)],
        ),
        (
            "Iran has said little, language suggesting caution.",
            [("Iran", "Iranian government", S, 0)],
        ),
    ],
)
def test_not_indirect_quotes(quotes_of, text: str, actors: list) -> None:
    assert quotes_of(text, actors) == []
