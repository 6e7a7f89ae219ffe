from pathlib import Path

import pytest

from dyad.errors import LexiconError
from dyad.events.ontology import load_ontology, read_ontology

# SPEC.md section 1, exactly.
SPEC = [
    ("AGREE", "verbal_cooperation", 2.5, True),
    ("CONSULT", "verbal_cooperation", 2.5, True),
    ("SUPPORT", "verbal_cooperation", 5, False),
    ("CONCEDE", "verbal_cooperation", 4.5, False),
    ("COOPERATE", "material_cooperation", 9.5, True),
    ("AID", "material_cooperation", 10, False),
    ("RETREAT", "material_cooperation", 6.5, False),
    ("REQUEST", "verbal_conflict", 0, False),
    ("ACCUSE", "verbal_conflict", -3, False),
    ("REJECT", "verbal_conflict", -2, False),
    ("THREATEN", "verbal_conflict", -3.5, False),
    ("PROTEST", "material_conflict", -5, False),
    ("SANCTION", "material_conflict", -6, False),
    ("MOBILIZE", "material_conflict", -5.5, False),
    ("COERCE", "material_conflict", -7, False),
    ("ASSAULT", "material_conflict", -9, False),
]


@pytest.mark.parametrize(("name", "quad", "intensity", "symmetric"), SPEC)
def test_ontology_matches_spec(name: str, quad: str, intensity: float, symmetric: bool) -> None:
    event_type = load_ontology()[name]
    assert (event_type.quad, event_type.intensity, event_type.symmetric) == (
        quad,
        intensity,
        symmetric,
    )


def test_ontology_has_exactly_sixteen_types() -> None:
    assert len(load_ontology().types) == 16


def test_consult_modes() -> None:
    assert load_ontology()["CONSULT"].modes == {"visit", "third-party", "multilateral", "phone"}


BAD = [
    ("types:\n  - {name: AGREE, quad: verbal_cooperation, intensity: 2.5}\n", 2, "missing key"),
    (
        "types:\n  - {name: HUG, quad: verbal_cooperation, intensity: 2.5, symmetric: true}\n",
        2,
        "unknown type",
    ),
    ("types:\n  - {name: AGREE, quad: friendly, intensity: 2.5, symmetric: true}\n", 2, "quad"),
    (
        "types:\n  - {name: AGREE, quad: verbal_cooperation, intensity: 20, symmetric: true}\n",
        2,
        "outside",
    ),
    (
        "types:\n  - {name: AGREE, quad: verbal_cooperation, intensity: 2.5, symmetric: true}\n",
        None,
        "types missing",
    ),
    ("types: [\n", None, "not valid YAML"),
]


@pytest.mark.parametrize(("text", "line", "message"), BAD)
def test_bad_ontology_is_refused_with_line(
    tmp_path: Path, text: str, line: int | None, message: str
) -> None:
    path = tmp_path / "plover.yaml"
    path.write_text(text)
    with pytest.raises(LexiconError) as info:
        read_ontology(path)
    assert message in info.value.cause
    if line is not None:
        assert info.value.line == line


# type behaviour is a column of plover.yaml: flag -> the types that have it
BEHAVIOURS = [
    ("referable", {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"}),
    ("refers", {"ACCUSE"}),
    ("call", {"REQUEST"}),
    ("meeting", {"CONSULT"}),
    ("repeat", {"CONSULT", "ASSAULT"}),
]


@pytest.mark.parametrize(("flag", "types"), BEHAVIOURS)
def test_type_behaviours_come_from_the_data(flag: str, types: set[str]) -> None:
    assert load_ontology().names(flag) == types


def test_unknown_dating_is_refused(tmp_path: Path) -> None:
    text = (Path(__file__).parents[2] / "src/dyad/events/data/plover.yaml").read_text()
    path = tmp_path / "plover.yaml"
    path.write_text(text.replace("dating: repeat, meeting: true", "dating: sometimes, meeting: true"))
    with pytest.raises(LexiconError, match="dating 'sometimes'"):
        read_ontology(path)
