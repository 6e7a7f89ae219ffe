"""Within-document coreference: surnames, pronouns, descriptions, "the two countries"."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

Run = Callable[..., Doc]


def corefs(doc: Doc) -> list[tuple[str, str]]:
    return [(a.text, a.name) for a in doc._.actors if a.how == "coref"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # surnames after the full name, also for people found by title
        ("Analyst Omar Haddadin spoke. Haddadin said more.", [("Haddadin", "Omar Haddadin")]),
        ("Haddadin spoke. Analyst Omar Haddadin said more.", []),
        # pronouns: gender from the KB, same or previous sentence, subjects first
        ("Lavrov met Araghchi. He said the talks went well.", [("He", "Sergey Lavrov")]),
        ("Maria Zakharova spoke after Lavrov. She said no.", [("She", "Maria Zakharova")]),
        ("Lavrov said his talks were friendly.", [("his", "Sergey Lavrov")]),
        ("Lavrov spoke. Nothing happened. He left.", []),
        ("Zakharova spoke. He left.", []),
        # descriptions
        ("Lavrov arrived. The minister said no.", [("The minister", "Sergey Lavrov")]),
        (
            "Putin met Araghchi. The president said yes.",
            [("The president", "Vladimir Putin")],
        ),
        ("The minister said no.", []),
    ],
)
def test_coref_people(annotate: Run, text: str, expected: list) -> None:
    assert corefs(annotate(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iran and Russia signed a deal. Russia praised it, and the two countries agreed.",
            [
                ("the two countries", "Iranian government"),
                ("the two countries", "Russian government"),
            ],
        ),
        (
            "Putin hosted Araghchi. Both sides agreed.",
            [("Both sides", "Iranian government"), ("Both sides", "Russian government")],
        ),
        ("Iran spoke. Both sides agreed.", []),
        # a pair named together is the pair, though another state is named more
        (
            "Russia offered talks. Russia urged calm between Israel and Iran, the Kremlin "
            "said, as the war between the two countries went on.",
            [
                ("the two countries", "Iranian government"),
                ("the two countries", "Israeli government"),
            ],
        ),
        (
            "Russia and Iran signed a treaty. Russia praised it. The two countries will meet.",
            [
                ("The two countries", "Iranian government"),
                ("The two countries", "Russian government"),
            ],
        ),
        # "the two ministers" are the last two people named, of two countries
        (
            "Lavrov met Araghchi in Moscow. The two ministers discussed trade.",
            [("The two ministers", "Abbas Araghchi"), ("The two ministers", "Sergey Lavrov")],
        ),
    ],
)
def test_coref_pairs(annotate: Run, text: str, expected: list) -> None:
    assert corefs(annotate(text)) == expected


def test_coref_pair_mentions_share_one_span(annotate: Run) -> None:
    doc = annotate("Iran and Russia met. Both countries agreed.")
    pair = [a for a in doc._.actors if a.how == "coref"]
    assert len({(a.start, a.end) for a in pair}) == 1
    assert {a.country for a in pair} == {"IRN", "RUS"}


def test_coref_title_gives_new_person_gender(annotate: Run) -> None:
    doc = annotate("Ukrainian spokeswoman Olena Petrenkova met analyst Jan Kowalczyk. He left.")
    assert corefs(doc) == [("He", "Jan Kowalczyk")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of the clause that governs the pronoun
        ("Iran said it would respond.", [("it", "Iranian government")]),
        ("Iranian officials said they would not attend.", [("they", "Iranian government")]),
        (
            "Armenia and Azerbaijan said their talks went well.",
            [("their", "Armenian government"), ("their", "Azerbaijani government")],
        ),
        # a pronoun opening a reporting sentence: the subject of the sentence before
        ("Iran rejected the plan. It said the terms were unfair.", [("It", "Iranian government")]),
        # never the subject of the pronoun's own verb, never an impersonal "it"
        ("Russia praised it, and Iran agreed.", []),
        ("It is unclear whether Iran will attend.", []),
        ("Iran rejected the plan. It is said that the terms were unfair.", []),
        # a nearer owner: "the West's plans to impose its will"
        ("Russia criticised the West's plans to impose its rules.", []),
    ],
)
def test_coref_states_and_bodies(annotate: Run, text: str, expected: list) -> None:
    assert corefs(annotate(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Russian Foreign Ministry issued a statement. The ministry said no.",
            [("The ministry", "Russian Foreign Ministry")],
        ),
        ("The ministry said no.", []),
        (
            "Lavrov met Pezeshkian. The foreign minister said yes.",
            [("The foreign minister", "Sergey Lavrov")],
        ),
        # two foreign ministers named together: no guess
        ("Lavrov met Araghchi. The foreign minister said yes.", []),
    ],
)
def test_coref_descriptions(annotate: Run, text: str, expected: list) -> None:
    assert corefs(annotate(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin and his Iranian counterpart met.", ("Masoud Pezeshkian", "role")),
        # an office with several holders stays the state
        ("Lavrov called his Azerbaijani counterpart.", ("Azerbaijani government", "demonym")),
    ],
)
def test_coref_counterpart(annotate: Run, text: str, expected: tuple) -> None:
    got = [(a.name, a.how) for a in annotate(text)._.actors if a.text.endswith("counterpart")]
    assert got == [expected]
