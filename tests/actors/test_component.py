"""Behaviour of the dyad_actors component, as case tables over fixture sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

Run = Callable[..., Doc]


def actors(doc: Doc) -> list[tuple[str, str, str | None, str]]:
    return [(a.text, a.name, a.country, a.how) for a in doc._.actors]


def places(doc: Doc) -> list[tuple[str, str, str | None]]:
    return [(p.text, p.name, p.country) for p in doc._.places]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iranian Foreign Minister Abbas Araghchi arrived.",
            [("Abbas Araghchi", "Abbas Araghchi", "IRN", "kb")],
        ),
        ("Putin spoke.", [("Putin", "Vladimir Putin", "RUS", "kb")]),
        ("Vladimir V. Putin spoke.", [("Vladimir V. Putin", "Vladimir Putin", "RUS", "kb")]),
        # possessives keep the name without the 's, straight or curly
        (
            "Iran's missiles and Russia’s drones.",
            [
                ("Iran", "Iranian government", "IRN", "kb"),
                ("Russia", "Russian government", "RUS", "kb"),
            ],
        ),
        # headline casing
        (
            "IRAN WARNS ISRAEL",
            [
                ("IRAN", "Iranian government", "IRN", "kb"),
                ("ISRAEL", "Israeli government", "ISR", "kb"),
            ],
        ),
        (
            "Iran Warns Israel",
            [
                ("Iran", "Iranian government", "IRN", "kb"),
                ("Israel", "Israeli government", "ISR", "kb"),
            ],
        ),
        # lowercase words and URLs are not names
        ("let us see iran.com and the iran page", []),
        ("The US said so.", [("US", "US government", "USA", "kb")]),
        # longest match wins: the ministry, not the demonym
        (
            "The Russian Foreign Ministry protested.",
            [("Russian Foreign Ministry", "Russian Foreign Ministry", "RUS", "kb")],
        ),
        ("The UN Security Council met.", [("UN Security Council", "UNSC", "IGO", "kb")]),
        # demonyms as actors, and not as actors
        (
            "Iranian officials denied it.",
            [("Iranian officials", "Iranian government", "IRN", "demonym")],
        ),
        ("The Russian side agreed.", [("Russian side", "Russian government", "RUS", "demonym")]),
        ("Iranian oil exports rose.", []),
        (
            "A Russian official said so.",
            [("Russian official", "Russian government", "RUS", "demonym")],
        ),
        # metonymy
        ("Moscow condemned the strike.", [("Moscow", "Russian government", "RUS", "metonym")]),
        ("The Kremlin said no.", [("The Kremlin", "Russian government", "RUS", "metonym")]),
        ("Tehran's position is firm.", [("Tehran", "Iranian government", "IRN", "metonym")]),
        (
            "Washington and Moscow agreed.",
            [
                ("Washington", "US government", "USA", "metonym"),
                ("Moscow", "Russian government", "RUS", "metonym"),
            ],
        ),
        ("Talks in Moscow ended; he arrived in Tehran.", []),
        (
            "Iran said it would respond.",
            [
                ("Iran", "Iranian government", "IRN", "kb"),
                ("it", "Iranian government", "IRN", "coref"),
            ],
        ),
        ("Protests spread in Iran.", []),
    ],
)
def test_component_recognition(run: Run, text: str, expected: list) -> None:
    assert actors(run(text)) == expected


@pytest.fixture
def run(annotate: Run) -> Run:
    return annotate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks in Moscow ended.", [("Moscow", "Moscow", "RUS")]),
        (
            "He arrived in Tehran and Geneva.",
            [("Tehran", "Tehran", "IRN"), ("Geneva", "Geneva", "CHE")],
        ),
        ("A visit to Moscow was planned.", [("Moscow", "Moscow", "RUS")]),
        ("They met at the Kremlin.", [("the Kremlin", "Kremlin", "RUS")]),
        ("Protests spread in Iran.", [("Iran", "Iran", "IRN")]),
        (
            "Enrichment at Fordow and Natanz resumed.",
            [("Fordow", "Fordow", "IRN"), ("Natanz", "Natanz", "IRN")],
        ),
        ("Ships crossed the Strait of Hormuz.", [("Strait of Hormuz", "Strait of Hormuz", None)]),
        # not places: actors
        ("Moscow condemned the strike.", []),
        ("A message from Moscow arrived.", []),
    ],
)
def test_component_places(run: Run, text: str, expected: list) -> None:
    assert places(run(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # unknown people found by their title
        (
            "Ukrainian President Petro Novak spoke.",
            [("Petro Novak", "Petro Novak", "UKR", "title", "GOV", "President")],
        ),
        (
            "The Quincy Institute’s Trita Parsi spoke on Monday.",
            [
                ("Quincy Institute", "Quincy Institute", "USA", "kb", "CVL", None),
                ("Trita Parsi", "Trita Parsi", "USA", "title", "CVL", None),
            ],
        ),
        (
            "Russian envoy Pavel Orlikov spoke.",
            [("Pavel Orlikov", "Pavel Orlikov", "RUS", "title", "GOV", "Envoy")],
        ),
        (
            "Said analyst Jane Doerring in a note.",
            [("Jane Doerring", "Jane Doerring", None, "title", "CVL", "Analyst")],
        ),
        (
            "Mark Halden, a senior fellow at Brookings, disagreed.",
            [
                ("Mark Halden", "Mark Halden", "USA", "title", "CVL", "Senior Fellow"),
                ("Brookings", "Brookings Institution", "USA", "kb", "CVL", None),
            ],
        ),
        # a title-case headline word is not a name
        (
            "Iran's Foreign Minister Just Left Moscow",
            [
                (
                    "Iran's Foreign Minister",
                    "Abbas Araghchi",
                    "IRN",
                    "role",
                    "GOV",
                    "Foreign Minister",
                ),
            ],
        ),
        # roles without a name: the holder at the document's date
        (
            "Iran's top diplomat spoke.",
            [("Iran's top diplomat", "Abbas Araghchi", "IRN", "role", "GOV", "Foreign Minister")],
        ),
        (
            "The Russian leader spoke.",
            [("The Russian leader", "Vladimir Putin", "RUS", "role", "GOV", "President")],
        ),
        (
            "the Iranian foreign minister spoke.",
            [
                (
                    "the Iranian foreign minister",
                    "Abbas Araghchi",
                    "IRN",
                    "role",
                    "GOV",
                    "Foreign Minister",
                )
            ],
        ),
        (
            "The Kremlin spokesman spoke.",
            [("The Kremlin spokesman", "Dmitry Peskov", "RUS", "role", "GOV", "Kremlin Spokesman")],
        ),
        (
            "The US president spoke.",
            [("The US president", "Donald Trump", "USA", "role", "GOV", "President")],
        ),
        # a journalist is not the state
        ("One Iranian journalist asked.", []),
    ],
)
def test_component_titles_and_roles(run: Run, text: str, expected: list) -> None:
    got = [(a.text, a.name, a.country, a.how, a.sector, a.role) for a in run(text)._.actors]
    assert got == expected


def test_component_role_follows_document_date(run: Run) -> None:
    doc = run("The US president spoke.", published="2023-03-01")
    assert [a.name for a in doc._.actors] == ["Joe Biden"]


def test_component_entity_ids(run: Run) -> None:
    doc = run("Iranian President Masoud Pezeshkian and the UN met Moscow and analyst Ana Lopezz.")
    assert [a.entity_id for a in doc._.actors] == [
        "person:masoud-pezeshkian",
        "org:un",
        "state:RUS",
        "new:ana-lopezz",
    ]


@pytest.mark.parametrize(
    ("text", "published", "messages"),
    [
        (
            "The Biden administration imposed sanctions.",
            "2025-06-22",
            [
                "Biden administration: Joe Biden was President until 2025-01-20; "
                "the document is dated 2025-06-22"
            ],
        ),
        (
            "President Biden spoke.",
            "2025-06-22",
            [
                "President Biden: Joe Biden was President until 2025-01-20; "
                "the document is dated 2025-06-22"
            ],
        ),
        ("President Biden spoke.", "2023-06-22", []),
        ("Former President Biden spoke.", "2025-06-22", []),
        # a title still to come is no anachronism
        ("President-elect Trump spoke.", "2025-01-10", []),
        ("Incoming President Trump spoke.", "2025-01-10", []),
        ("The Biden administration imposed sanctions in 2023.", "2025-06-22", []),
        ("The Trump administration imposed sanctions.", "2025-06-22", []),
        ("President Biden spoke.", None, []),
        ("Biden spoke.", "2025-06-22", []),
    ],
)
def test_component_anachronism(run: Run, text: str, published: str | None, messages: list) -> None:
    doc = run(text, published=published)
    assert [f.message for f in doc._.flags or []] == messages
    assert all(f.kind == "anachronism" for f in doc._.flags or [])


def test_component_administration_is_government(run: Run) -> None:
    doc = run("The Trump administration imposed sanctions.")
    assert actors(doc) == [("Trump administration", "US government", "USA", "metonym")]


@pytest.mark.parametrize(
    ("published", "name"),
    [("2025-06-22", "Ilham Aliyev"), ("2000-01-01", "Heydar Aliyev")],
)
def test_component_shared_surname_prefers_office_holder(
    run: Run, published: str, name: str
) -> None:
    assert [a.name for a in run("Aliyev said so.", published=published)._.actors] == [name]


@pytest.mark.parametrize(
    ("text", "expected_places", "expected_actors"),
    [
        ("The shift in US rhetoric was clear.", [], [("US", "US government", "USA", "kb")]),
        ("He lives in Iran now.", [("Iran", "Iran", "IRN")], []),
    ],
)
def test_component_name_before_noun_is_no_place(
    run: Run, text: str, expected_places: list, expected_actors: list
) -> None:
    doc = run(text)
    assert places(doc) == expected_places
    assert [a for a in actors(doc) if a[3] != "coref"] == expected_actors


def test_component_model_entities(fixture_nlp) -> None:
    from spacy.tokens import Span

    doc = fixture_nlp.make_doc("Lavrov met Olga Smirnova of Acme Corp in Moscow.")
    doc._.published = "2025-06-22"
    doc.ents = [
        Span(doc, 0, 1, label="PERSON"),
        Span(doc, 2, 4, label="PERSON"),
        Span(doc, 5, 7, label="ORG"),
        Span(doc, 8, 9, label="GPE"),
    ]
    for _, component in fixture_nlp.pipeline:
        doc = component(doc)
    got = [(a.text, a.kind, a.how, a.entity_id) for a in doc._.actors]
    assert got == [
        ("Lavrov", "person", "kb", "person:sergey-lavrov"),
        ("Olga Smirnova", "person", "model", "new:olga-smirnova"),
        ("Acme Corp", "organization", "model", "new:acme-corp"),
    ]


def test_component_user_actor_file(tmp_path) -> None:
    from dyad.model import Document
    from dyad.nlp import build_nlp, make_doc

    from .conftest import FIXTURE_KB

    extra = tmp_path / "beat.yaml"
    extra.write_text(
        "people:\n  - {id: ivan-testov, name: Ivan Testov, variants: [Testov], country: RUS}\n",
        encoding="utf-8",
    )
    nlp = build_nlp(
        components=["dyad_actors"],
        component_config={
            "dyad_actors": {"data_dir": str(FIXTURE_KB), "actors_files": [str(extra)]}
        },
    )
    doc = nlp(make_doc(nlp, Document(doc_id="u", name="u", text="Testov spoke.")))
    assert [(a.name, a.country, a.entity_id) for a in doc._.actors] == [
        ("Ivan Testov", "RUS", "person:ivan-testov")
    ]


@pytest.mark.parametrize(
    ("text", "expected_actors", "expected_places"),
    [
        ("The U.S. and Iran talked.", ["US government", "Iranian government"], []),
        ("Pezeshkian will visit Moscow.", ["Masoud Pezeshkian"], ["Moscow"]),
        ("Araghchi left Tehran on Sunday.", ["Abbas Araghchi"], ["Tehran"]),
        ("Moscow-based analysts and US-backed plans.", ["US government"], ["Moscow"]),
        # a generic title after a compatriot is that compatriot; an envoy office has many
        # holders, so with nobody named before it stays unresolved
        (
            "Lavrov spoke in Ankara. The Russian diplomat criticised NATO.",
            ["Sergey Lavrov", "Sergey Lavrov", "NATO"],
            ["Ankara"],
        ),
        ("A Russian envoy spoke.", [], []),
        ("Peskov spoke. One Russian journalist asked.", ["Dmitry Peskov"], []),
        # his Russian counterpart + name is the person, not the state
        (
            "Rubio called his Russian counterpart Sergei Lavrov.",
            ["Marco Rubio", "Marco Rubio", "Sergey Lavrov"],
            [],
        ),
    ],
)
def test_component_context_rules(
    run: Run, text: str, expected_actors: list, expected_places: list
) -> None:
    doc = run(text)
    assert [a.name for a in doc._.actors] == expected_actors
    assert [p.name for p in doc._.places] == expected_places


def test_component_title_picks_the_office_the_text_names(run: Run) -> None:
    doc = run("US Secretary of State Marco Rubio spoke.")
    assert [(a.name, a.role) for a in doc._.actors] == [("Marco Rubio", "Secretary of State")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russo-Iranian ties deepened.", [("Russo", "RUS"), ("Iranian", "IRN")]),
        ("The Israeli-US war on Iran.", [("Israeli", "ISR"), ("US", "USA"), ("Iran", "IRN")]),
        ("An Israeli-instigated war.", [("Israeli", "ISR")]),
        ("Sino-American trade.", [("Sino", "CHN"), ("American", "USA")]),
        ("Rene Russo starred in a film.", []),
        ("Iran weighed the American offer.", [("Iran", "IRN"), ("American", "USA")]),
        ("Israeli airstrikes intensified.", [("Israeli", "ISR")]),
        ("Chinese mediation ended the standoff.", [("Chinese", "CHN")]),
        ("The Israeli war on Gaza went on.", [("Israeli", "ISR")]),
        ("Iranian Foreign Minister Abbas Araghchi spoke.", [("Abbas Araghchi", "IRN")]),
        ("Russian-speaking residents fled.", []),
        ("Iranian oil exports rose.", []),
    ],
)
def test_component_demonym_compounds_and_agent_nouns(run: Run, text: str, expected: list) -> None:
    assert [(a.text, a.country) for a in run(text)._.actors] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israel strikes Iran.", [("Israel", "GOV"), ("Iran", "GOV")]),
        ("ISRAEL STRIKES IRAN", [("ISRAEL", "GOV"), ("IRAN", "GOV")]),
        ("US officials agreed.", [("US officials", "GOV")]),
        ("Israeli strikes hit Iran.", [("Israeli", "MIL"), ("Iran", "GOV")]),
        # a state's people, as the target of help or harm
        ("Israel hit the Iranian people.", [("Israel", "GOV"), ("Iranian people", "CVL")]),
    ],
)
def test_component_agent_nouns_only_after_demonyms(run: Run, text: str, expected: list) -> None:
    assert [(a.text, a.sector) for a in run(text)._.actors] == expected


def test_component_name_after_a_description(run: Run) -> None:
    doc = run("Moscow's envoy to Tehran, Pavel Grushkin, met officials.")
    got = [(a.text, a.country, a.how, a.role) for a in doc._.actors if a.kind == "person"]
    assert got == [("Pavel Grushkin", "RUS", "title", "Envoy")]


# a demonym coordinated before an act noun is the state that acts ("the Israeli and US
# strikes"), found through the parse past the coordination
@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Moscow condemned the Israeli and US strikes.", "ISR"),
        ("Officials listed the Russian and Belarusian attacks on Ukraine.", "RUS"),
    ],
)
def test_component_coordinated_demonym_before_an_act(annotate, text: str, country: str) -> None:
    doc = annotate(text)
    assert country in {a.country for a in doc._.actors if a.how == "demonym"}


# a demonym before a noun of sites or land is a place in that state, not an actor
@pytest.mark.parametrize(
    ("text", "place_country"),
    [
        ("Jets struck Syrian territory overnight.", "SYR"),
        ("Drones hit Ukrainian cities.", "UKR"),
    ],
)
def test_component_demonym_before_a_site_is_a_place(
    annotate, text: str, place_country: str
) -> None:
    doc = annotate(text)
    assert place_country in {p.country for p in doc._.places}
    assert place_country not in {a.country for a in doc._.actors}
