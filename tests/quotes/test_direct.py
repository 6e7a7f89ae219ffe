"""Direct quotes: quotation marks of every kind, speakers before, after and inside."""

from __future__ import annotations

import pytest

LAVROV = ("Lavrov", "Sergey Lavrov", "person", 0)
P = "person"

CASES = [
    # speaker after, verb last / verb first
    (
        '"We will not accept any deadline," Erdogan said.',
        [("Erdogan", "Recep Tayyip Erdogan", P, 0)],
        [("Recep Tayyip Erdogan", "said", True, "We will not accept any deadline")],
    ),
    (
        '"The talks were useful," said Blinken.',
        [("Blinken", "Antony Blinken", P, 0)],
        [("Antony Blinken", "said", True, "The talks were useful")],
    ),
    (
        "“Our position is clear,” Chinese Foreign Minister Wang Yi told reporters.",
        [("Wang Yi", "Wang Yi", P, 0)],
        [("Wang Yi", "told", True, "Our position is clear")],
    ),
    # speaker before, colon introductions
    (
        'Lavrov noted: "Nobody wants a war."',
        [LAVROV],
        [("Sergey Lavrov", "noted", True, "Nobody wants a war")],
    ),
    (
        'Guterres told reporters: "The ceasefire must hold."',
        [("Guterres", "UN", "igo", 0)],
        [("UN", "told", True, "The ceasefire must hold")],
    ),
    (
        "Zakharova wrote on Telegram: “The statement is a provocation.”",
        [("Zakharova", "Maria Zakharova", P, 0)],
        [("Maria Zakharova", "wrote", True, "The statement is a provocation")],
    ),
    (
        "Scholz said: «We stand with Kyiv.»",
        [("Scholz", "Olaf Scholz", P, 0)],
        [("Olaf Scholz", "said", True, "We stand with Kyiv")],
    ),
    (
        "Scholz said: »We stand with Kyiv.«",
        [("Scholz", "Olaf Scholz", P, 0)],
        [("Olaf Scholz", "said", True, "We stand with Kyiv")],
    ),
    # a quote split by its cue: two quotes, each attributed
    (
        '"Sanctions are illegal," he added, "and they will fail."',
        [("he", "Sergey Lavrov", P, 0)],
        [
            ("Sergey Lavrov", "added", True, "Sanctions are illegal"),
            ("Sergey Lavrov", "added", True, "and they will fail"),
        ],
    ),
    # a description and a pronoun resolved by the actor layer
    (
        '"We are ready," the minister said.',
        [("the minister", "Sergey Lavrov", P, 0)],
        [("Sergey Lavrov", "said", True, "We are ready")],
    ),
    (  # the pronoun as the actor layer's coreference resolves it
        'Lavrov arrived in Ankara. "We came to listen," he said.',
        [LAVROV, ("he", "Sergey Lavrov", P, 0)],
        [("Sergey Lavrov", "said", True, "We came to listen")],
    ),
    # an outlet the actor layer does not know
    (
        '"The strikes hit two depots," according to Reuters.',
        [],
        [("Reuters", "according to", True, "The strikes hit two depots")],
    ),
    # a quote with no cue of its own, after a sentence naming its speaker
    (
        'Lavrov was blunt. "The West has lost its way."',
        [LAVROV],
        [("Sergey Lavrov", "", True, "The West has lost its way")],
    ),
    # scare quotes attributed through the cue of their clause
    (
        'Araghchi described the talks as marked by "deep mutual trust".',
        [("Araghchi", "Abbas Araghchi", P, 0)],
        [("Abbas Araghchi", "described", True, "deep mutual trust")],
    ),
    (
        "Macron called the plan ‘a serious mistake’.",
        [("Macron", "Emmanuel Macron", P, 0)],
        [("Emmanuel Macron", "called", True, "a serious mistake")],
    ),
    (
        "Both Lula and Modi stressed the need for “fair trade” rules.",
        [("Lula", "Luiz Inacio Lula da Silva", P, 0), ("Modi", "Narendra Modi", P, 0)],
        [
            ("Luiz Inacio Lula da Silva", "stressed", True, "fair trade"),
            ("Narendra Modi", "stressed", True, "fair trade"),
        ],
    ),
    # ... and a relative "who" takes its antecedent
    (
        "“It is over,” said Lavrov, who added that “talks are dead.”",
        [LAVROV],
        [
            ("Sergey Lavrov", "said", True, "It is over"),
            ("Sergey Lavrov", "added", True, "talks are dead"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "actors", "expected"), CASES)
def test_direct_quotes(quotes_of, text: str, actors: list, expected: list) -> None:
    assert quotes_of(text, actors) == expected


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # unattributed scare quotes, titles and apostrophes are not quotes
        ('Analysts see the "rise of the rest" in Asia.', []),
        ("The “Trump doctrine” remains contested.", [("Trump", "Donald Trump", P, 0)]),
        ('Lavrov praised the novel "War and Peace" at a school.', [LAVROV]),
        ("Iran’s envoy met the ministers’ aides in Vienna.", []),
        # a quotation with no actor as speaker
        ('"We are worried," a local resident said.', []),
        ('A reader called the vote "a farce".', []),
        # a naming verb far from the quotation does not attribute it
        (
            'Putin called Erdogan on Monday to discuss the future of the "grain deal".',
            [("Putin", "Vladimir Putin", P, 0), ("Erdogan", "Recep Tayyip Erdogan", P, 0)],
        ),
        # a cue after a full-sentence quote with no known speaker: no guess from context
        ('Lavrov met the press. "This is a war," said one activist.', [LAVROV]),
    ],
)
def test_not_quotes(quotes_of, text: str, actors: list) -> None:
    assert [q for q in quotes_of(text, actors) if q[2]] == []


def test_unclosed_quote_ends_at_its_paragraph(quotes_of) -> None:
    text = 'Modi said: "India will stay neutral.\nThe summit ended with no joint statement.'
    assert quotes_of(text, [("Modi", "Narendra Modi", P, 0)]) == [
        ("Narendra Modi", "said", True, "India will stay neutral")
    ]


def test_quote_over_two_paragraphs_is_one(quotes_of) -> None:
    text = "Lula said: “Brazil wants peace. Our diplomats are ready.\n“We talk to everyone.”"
    found = quotes_of(text, [("Lula", "Luiz Inacio Lula da Silva", P, 0)])
    assert found == [
        (
            "Luiz Inacio Lula da Silva",
            "said",
            True,
            "Brazil wants peace. Our diplomats are ready.\n“We talk to everyone",
        )
    ]


@pytest.mark.parametrize(
    ("attribution", "direct"),
    [
        ("— Finnish President Alexander Stubb, in an interview", True),
        ("— Alexander Stubb, paraphrased from his remarks", False),
    ],
)
def test_pull_quote_with_attribution_line(quotes_of, attribution: str, direct: bool) -> None:
    text = f"Talks drag on.\n\nNobody wants a long war\n{attribution}\n\nMore text follows."
    found = quotes_of(text, [("Alexander Stubb", "Alexander Stubb", P, 0)])
    assert found == [("Alexander Stubb", "—", direct, "Nobody wants a long war")]
