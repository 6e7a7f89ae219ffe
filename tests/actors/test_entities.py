"""People and bodies the trained NER finds: acceptance, and country/sector from the parse."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

Run = Callable[..., Doc]


def people(doc: Doc) -> list[tuple[str, str | None, str | None]]:
    return [(a.text, a.country, a.sector) for a in doc._.actors if a.kind == "person"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an apposition with a title and an affiliation
        (
            "Olena Marchuk, a spokeswoman for the Ukrainian foreign ministry, said no.",
            [("Olena Marchuk", "UKR", "GOV")],
        ),
        (
            "Reporters asked Tomasz Wilk, a judge on the Ukrainian supreme court, about it.",
            [("Tomasz Wilk", "UKR", "JUD")],
        ),
        # an adjective and a title before the name
        ("Syrian President Karim Haddour opened the session.", [("Karim Haddour", "SYR", "GOV")]),
        # nothing around the name: a person of unknown country
        ("Reporters asked Tomasz Wilk about the vote.", [("Tomasz Wilk", None, None)]),
        # a bare place beside a name is no affiliation
        ("Acme Daily – Moscow", []),
    ],
)
def test_entities_affiliation(annotate: Run, text: str, expected: list) -> None:
    assert people(annotate(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unnamed single-holder official is that state's government, with the office
        (
            "Syria's foreign minister inspected the troops.",
            [("Syria's foreign minister", "SYR", "GOV", "Foreign Minister")],
        ),
        ("A Ukrainian court ruled against the company.", [("Ukrainian court", "UKR", "JUD", None)]),
        (
            "Lavrov called his Azerbaijani counterpart on Friday.",
            [("Azerbaijani counterpart", "AZE", "GOV", None)],
        ),
    ],
)
def test_entities_unnamed_officials(annotate: Run, text: str, expected: list) -> None:
    got = [(a.text, a.country, a.sector, a.role) for a in annotate(text)._.actors]
    assert [g for g in got if g[0] not in ("Lavrov", "his")] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ships Sail Past Fast Boats",  # a Title-Case headline of ordinary words
        "Background",  # one English word
        "Both states ratified the Nuclear Non-Proliferation Treaty.",  # a document
        "MOSCOW (Reuters) - The talks ended.",  # the agency of a dateline
    ],
)
def test_entities_refused(annotate: Run, text: str) -> None:
    assert [a for a in annotate(text)._.actors if a.how == "model"] == []


def test_entities_surname_is_left_to_coref(annotate: Run) -> None:
    doc = annotate("Analyst Omar Haddadin spoke. Haddadin said more.")
    assert [(a.text, a.how) for a in doc._.actors] == [
        ("Omar Haddadin", "title"),
        ("Haddadin", "coref"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MOSCOW (Reuters) - Iran said so.", [("MOSCOW", "RUS")]),
        ("Tehran, Dec 5 - The talks resumed.", [("Tehran", "IRN")]),
        ("The delegations met on Monday in Moscow.", [("Moscow", "RUS")]),
        ("The minister flew on Sunday to Tehran.", [("Tehran", "IRN")]),
        ("The Moscow talks ended without a deal.", [("Moscow", "RUS")]),
        # metonymy stays
        ("Moscow rejected the Tehran proposal.", []),
    ],
)
def test_entities_places(annotate: Run, text: str, expected: list) -> None:
    doc = annotate(text)
    assert [(p.text, p.country) for p in doc._.places] == expected
    assert not {(a.start, a.end) for a in doc._.actors} & {(p.start, p.end) for p in doc._.places}


def test_entities_are_recognised_only_where_a_name_can_be(fixture_nlp) -> None:
    """The model's NER is kept aside and run on sentences with an unknown capitalised word."""
    from dyad.actors.entities import recognize_entities

    assert "ner" in fixture_nlp.component_names and "ner" not in fixture_nlp.pipe_names
    doc = fixture_nlp("Iran waited. Talks resumed in Geneva under Jane Holloway.")
    ner = fixture_nlp.get_pipe("ner")
    recognize_entities(doc, ner, [list(doc.sents)[1]])
    assert all(ent.start >= list(doc.sents)[1].start for ent in doc.ents)
    assert {"Geneva", "Jane Holloway"} <= {ent.text for ent in doc.ents}
