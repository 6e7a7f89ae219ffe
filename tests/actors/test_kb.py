"""Loading, validating and querying the actor knowledge base."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dyad.actors.kb import KnowledgeBase, Person, State, date_ceiling, date_floor, load_kb
from dyad.errors import LexiconError

from .conftest import FIXTURE_KB


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb(data_dir=FIXTURE_KB)


def _copy_kb(tmp_path: Path) -> Path:
    target = tmp_path / "kb"
    shutil.copytree(FIXTURE_KB, target)
    return target


def test_kb_load_is_cached() -> None:
    assert load_kb(data_dir=FIXTURE_KB) is load_kb(data_dir=FIXTURE_KB)


@pytest.mark.parametrize(
    ("entity_id", "name"),
    [
        ("person:sergey-lavrov", "Sergey Lavrov"),
        ("org:unsc", "UNSC"),
        ("state:IRN", "Iran"),
        ("person:nobody", None),
        ("bogus", None),
    ],
)
def test_kb_entity_by_id(kb: KnowledgeBase, entity_id: str, name: str | None) -> None:
    entity = kb.entity(entity_id)
    assert (entity.name if entity else None) == name


@pytest.mark.parametrize(
    ("form", "ids"),
    [
        ("Lavrov", ["person:sergey-lavrov"]),
        ("Sergei Lavrov", ["person:sergey-lavrov"]),
        ("US", ["state:USA"]),
        ("us", []),
        ("United Nations", ["org:un"]),
    ],
)
def test_kb_entities_by_surface(kb: KnowledgeBase, form: str, ids: list[str]) -> None:
    assert [e.entity_id for e in kb.entities(form)] == ids


@pytest.mark.parametrize(
    ("office", "country", "on", "name"),
    [
        ("head_of_state", "USA", "2025-06-22", "Donald Trump"),
        ("head_of_state", "USA", "2023-01-01", "Joe Biden"),
        ("head_of_state", "USA", "2019-01-01", "Donald Trump"),
        ("head_of_state", "USA", None, "Donald Trump"),
        ("head_of_state", "IRN", "2023-01-01", "Ebrahim Raisi"),
        ("head_of_state", "IRN", "2025-01-01", "Masoud Pezeshkian"),
        ("head_of_government", "RUS", "2010-01-01", "Vladimir Putin"),
        ("head_of_government", "RUS", "2020-01-01", None),
        ("foreign_minister", "IRN", "2020-01-01", None),
    ],
)
def test_kb_office_holder(
    kb: KnowledgeBase, office: str, country: str, on: str | None, name: str | None
) -> None:
    holder = kb.office_holder(office, country, on)
    assert (holder.name if holder else None) == name


def test_kb_office_holder_gender(kb: KnowledgeBase) -> None:
    assert kb.office_holder("spokesperson", "RUS", None, gender="m").name == "Dmitry Peskov"
    assert kb.office_holder("spokesperson", "RUS", None, gender="f").name == "Maria Zakharova"


@pytest.mark.parametrize(
    ("on", "title"),
    [
        ("2025-06-22", None),
        ("2024-01-01", "President"),
        ("2010-01-01", "Vice President"),
        (None, "President"),
    ],
)
def test_kb_person_role_at(kb: KnowledgeBase, on: str | None, title: str | None) -> None:
    biden = kb.entity("person:joe-biden")
    assert isinstance(biden, Person)
    role = biden.role_at(on)
    assert (role.title if role else None) == title


@pytest.mark.parametrize(
    ("lookup", "word", "code"),
    [
        ("demonym", "Iranian", "IRN"),
        ("demonym", "Azeri", "AZE"),
        ("demonym", "Martian", None),
        ("metonym", "the Kremlin", "RUS"),
        ("metonym", "Tehran", "IRN"),
        ("metonym", "Paris", None),
    ],
)
def test_kb_state_lookups(kb: KnowledgeBase, lookup: str, word: str, code: str | None) -> None:
    method = kb.state_by_demonym if lookup == "demonym" else kb.state_by_metonym
    state = method(word)
    assert (state.code if state else None) == code
    if state:
        assert isinstance(state, State) and kb.state(state.code) is state


@pytest.mark.parametrize(
    ("value", "floor", "ceiling"),
    [
        ("2025", "2025-01-01", "2025-12-31"),
        ("2025-06", "2025-06-01", "2025-06-31"),
        ("2025-06-22", "2025-06-22", "2025-06-22"),
    ],
)
def test_kb_partial_dates(value: str, floor: str, ceiling: str) -> None:
    assert (date_floor(value), date_ceiling(value)) == (floor, ceiling)


def test_kb_user_file_overrides_and_extends(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "people:\n"
        "  - id: sergey-lavrov\n"
        "    name: Sergey V. Lavrov\n"
        "    country: RUS\n"
        "  - id: new-envoy\n"
        "    name: Ivan Testov\n"
        "    variants: [Testov]\n"
        "    country: RUS\n"
        "    roles: [{title: Envoy, office: envoy, country: RUS, start: 2024, end: null}]\n"
        "states:\n"
        "  - {code: FRA, name: France, demonyms: French, capital: Paris}\n",
        encoding="utf-8",
    )
    kb = load_kb([extra], data_dir=FIXTURE_KB)
    assert kb.entity("person:sergey-lavrov").name == "Sergey V. Lavrov"
    assert [e.entity_id for e in kb.entities("Testov")] == ["person:new-envoy"]
    assert kb.state_by_metonym("Paris").government == "France government"
    assert kb.office_holder("envoy", "RUS", "2025-01-01").name == "Ivan Testov"
    # the packaged (here: fixture) base is untouched
    assert load_kb(data_dir=FIXTURE_KB).entity("person:new-envoy") is None


@pytest.mark.parametrize(
    ("file", "text", "line", "cause"),
    [
        ("people.yaml", "- id: x\n  name: X\n- id: y\n  name: Y\n  gender: q\n", 3, "gender"),
        (
            "people.yaml",
            "- id: x\n  name: X\n  roles:\n    - {title: P, office: king}\n",
            1,
            "office",
        ),
        (
            "people.yaml",
            "- id: x\n  name: X\n  roles:\n    - {title: P, office: envoy, start: 2025-13}\n",
            1,
            "date",
        ),
        ("people.yaml", "- id: x\n  name: X\n- id: x\n  name: Z\n", 3, "duplicate"),
        ("people.yaml", "- id: Bad Id\n  name: X\n", 1, "id"),
        ("organizations.yaml", "- id: a\n  name: A\n  country: Russia\n", 1, "country"),
        ("organizations.yaml", "- id: a\n  name: A\n  country: RUS\n  sector: XYZ\n", 1, "sector"),
        ("roles.yaml", "- office: envoy\n  titles: []\n", 1, "titles"),
        ("roles.yaml", "- office: tsar\n  titles: [tsar]\n", 1, "office"),
        (
            "states.tsv",
            "code\tname\taliases\tdemonyms\tcapital\tmetonyms\tgovernment\t"
            "leader_office\tstatus\nRU\tRussia\t\t\t\t\t\t\t\n",
            2,
            "ISO3",
        ),
        ("states.tsv", "code\tname\n", 1, "header"),
        (
            "states.tsv",
            "code\tname\taliases\tdemonyms\tcapital\tmetonyms\tgovernment\t"
            "leader_office\tstatus\n# c\nFRA\tFrance\t\t\t\t\t\tking\t\n",
            3,
            "leader_office",
        ),
        ("people.yaml", "- id: x\n  name: [unclosed\n", 3, "YAML"),
    ],
)
def test_kb_bad_entries_name_file_and_line(
    tmp_path: Path, file: str, text: str, line: int, cause: str
) -> None:
    directory = _copy_kb(tmp_path)
    (directory / file).write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_kb(data_dir=directory)
    assert info.value.path.endswith(file)
    assert info.value.line == line
    assert cause in info.value.cause


def test_kb_missing_file_is_reported(tmp_path: Path) -> None:
    directory = _copy_kb(tmp_path)
    (directory / "roles.yaml").unlink()
    with pytest.raises(LexiconError, match=r"roles\.yaml: missing"):
        load_kb(data_dir=directory)


def test_kb_user_file_with_wrong_shape(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text("persons:\n  - id: x\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="top-level keys"):
        load_kb([extra], data_dir=FIXTURE_KB)
