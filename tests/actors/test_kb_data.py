"""Schema and consistency checks of the packaged actor knowledge base data files.

The files are read with plain csv/PyYAML, not with dyad's loader, so a broken data file is
reported here even when the loader is being changed at the same time. The allowed codes
(offices, sectors, state columns) come from `kbfiles`, so the two lists cannot drift apart.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from dyad.actors.kbfiles import LEADER_OFFICES, OFFICES, SECTORS, STATE_COLUMNS

DATA = Path(__file__).resolve().parents[2] / "src" / "dyad" / "actors" / "data"

NON_STATE_CODES = {"IGO", "NGO", "MNC"}
# Offices one person holds at a time per state; acting holders are exempt (a suspended
# president stays president while someone acts for them).
SINGLE_HOLDER_OFFICES = LEADER_OFFICES | {"foreign_minister", "defence_minister"}
G20_STATES = [
    "ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA",
    "JPN", "KOR", "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA",
]  # fmt: skip
# Surface forms that really belong to two states (documented in states.tsv's header).
SHARED_STATE_FORMS = {"congolese", "dominican"}
# Variants deliberately shared by two people: form -> reason. Empty on purpose.
SHARED_VARIANTS: dict[str, str] = {}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# The C loader reads people.yaml several times faster; the pure-Python one is the fallback.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _split(cell: str) -> list[str]:
    return cell.split("|") if cell else []


def _load_yaml(name: str) -> Any:
    return yaml.load((DATA / name).read_text(encoding="utf-8"), Loader=SAFE_LOADER)


def _data_lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        for line in handle:
            if not line.startswith("#"):
                yield line


@pytest.fixture(scope="module")
def states() -> list[dict[str, str]]:
    return list(csv.DictReader(_data_lines(DATA / "states.tsv"), delimiter="\t"))


@pytest.fixture(scope="module")
def state_codes(states: list[dict[str, str]]) -> set[str]:
    return {row["code"] for row in states}


@pytest.fixture(scope="module")
def orgs() -> list[dict[str, Any]]:
    return _load_yaml("organizations.yaml")


@pytest.fixture(scope="module")
def people() -> list[dict[str, Any]]:
    return _load_yaml("people.yaml")


@pytest.fixture(scope="module")
def roles() -> list[dict[str, Any]]:
    return _load_yaml("roles.yaml")


def _parse_date(value: str) -> dt.date:
    """Earliest day a partial ISO date (YYYY, YYYY-MM, YYYY-MM-DD) can mean."""
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def _held_at(role: dict[str, Any], day: dt.date) -> bool:
    start = _parse_date(role["start"])
    return start <= day and (role["end"] is None or day < _parse_date(role["end"]))


def _state_forms(states: list[dict[str, str]]) -> dict[str, set[str]]:
    forms: dict[str, set[str]] = defaultdict(set)
    for row in states:
        for form in [row["name"], *_split(row["aliases"]), *_split(row["metonyms"])]:
            forms[form.casefold()].add(row["code"])
        for form in _split(row["demonyms"]):
            forms[form.casefold()].add(row["code"])
    return forms


# --- states.tsv ---------------------------------------------------------------------


def test_states_header_and_cells(states: list[dict[str, str]]) -> None:
    with (DATA / "states.tsv").open(encoding="utf-8") as handle:
        assert handle.readline().startswith("#"), "the file must open with its header comment"
    header = next(csv.reader(_data_lines(DATA / "states.tsv"), delimiter="\t"))
    assert header == list(STATE_COLUMNS)
    for row in states:
        assert None not in row and all(v is not None for v in row.values()), row
        assert re.fullmatch(r"[A-Z]{3}", row["code"]), row["code"]
        assert row["name"] and row["capital"] and row["government"], row["code"]
        assert row["leader_office"] in LEADER_OFFICES, row["code"]
        assert row["status"] in {"member", "observer", "disputed"}, row["code"]
        for column in ("aliases", "demonyms", "metonyms"):
            assert all(p and p == p.strip() for p in _split(row[column])), (row["code"], column)


def test_states_codes_and_names_unique(states: list[dict[str, str]]) -> None:
    codes = [row["code"] for row in states]
    names = [row["name"] for row in states]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))
    assert not {"IGO", "NGO", "MNC"} & set(codes)


def test_states_membership_counts(states: list[dict[str, str]]) -> None:
    status = [row["status"] for row in states]
    assert status.count("member") == 193
    assert status.count("observer") == 2
    assert {row["code"] for row in states if row["status"] == "observer"} == {"VAT", "PSE"}


@pytest.mark.parametrize("code", ["TWN", "XKX", "ESH", "XNC", "XAB", "XSO", "XTR", "XSL"])
def test_states_disputed_territories_present(code: str, states: list[dict[str, str]]) -> None:
    assert {row["code"]: row["status"] for row in states}[code] == "disputed"


def test_states_crimea_is_not_a_state(states: list[dict[str, str]]) -> None:
    assert "crimea" not in _state_forms(states)


def test_states_members_have_demonyms(states: list[dict[str, str]]) -> None:
    missing = [r["code"] for r in states if r["status"] != "disputed" and not r["demonyms"]]
    assert missing == []


def test_states_forms_point_to_one_state(states: list[dict[str, str]]) -> None:
    shared = {form: codes for form, codes in _state_forms(states).items() if len(codes) > 1}
    assert set(shared) == SHARED_STATE_FORMS, shared


@pytest.mark.parametrize(
    ("code", "column", "value"),
    [
        ("RUS", "leader_office", "head_of_state"),
        ("IRN", "leader_office", "supreme_leader"),
        ("GBR", "leader_office", "head_of_government"),
        ("DEU", "leader_office", "head_of_government"),
        ("ISR", "leader_office", "head_of_government"),
        ("USA", "leader_office", "head_of_state"),
        ("TUR", "leader_office", "head_of_state"),
        ("RUS", "government", "Russian government"),
        ("IRN", "government", "Iranian government"),
        ("USA", "government", "US government"),
        ("IRN", "name", "Iran"),
        ("USA", "name", "United States"),
        ("XKX", "name", "Kosovo"),
    ],
)
def test_states_known_values(
    code: str, column: str, value: str, states: list[dict[str, str]]
) -> None:
    assert {row["code"]: row for row in states}[code][column] == value


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("the Kremlin", "RUS"),
        ("Moscow", "RUS"),
        ("Tehran", "IRN"),
        ("Teheran", "IRN"),
        ("the White House", "USA"),
        ("Pentagon", "USA"),
        ("Downing Street", "GBR"),
        ("Bankova", "UKR"),
        ("Zhongnanhai", "CHN"),
        ("Persia", "IRN"),
        ("U.S.", "USA"),
        ("Britain", "GBR"),
        ("Türkiye", "TUR"),
        ("Azeri", "AZE"),
    ],
)
def test_states_forms_resolve(form: str, code: str, states: list[dict[str, str]]) -> None:
    assert _state_forms(states)[form.casefold()] == {code}


@pytest.mark.parametrize("form", ["Tel Aviv", "Brussels", "Vienna", "Crimea", "the West", "Korean"])
def test_states_forms_left_out(form: str, states: list[dict[str, str]]) -> None:
    assert form.casefold() not in _state_forms(states)


# --- organizations.yaml -------------------------------------------------------------


def test_orgs_schema(orgs: list[dict[str, Any]], state_codes: set[str]) -> None:
    keys = {"id", "name", "full_name", "aliases", "country", "sector", "kind"}
    for org in orgs:
        assert set(org) == keys, org
        assert SLUG_RE.match(org["id"]), org["id"]
        assert isinstance(org["name"], str) and org["name"], org["id"]
        assert isinstance(org["full_name"], str) and org["full_name"], org["id"]
        assert isinstance(org["aliases"], list), org["id"]
        assert all(isinstance(a, str) and a and a == a.strip() for a in org["aliases"]), org["id"]
        assert org["country"] in state_codes | NON_STATE_CODES, org["id"]
        assert org["sector"] in SECTORS, org["id"]
        assert org["kind"] == "organization", org["id"]


def test_orgs_ids_and_forms_unique(orgs: list[dict[str, Any]]) -> None:
    ids = [org["id"] for org in orgs]
    assert len(ids) == len(set(ids))
    owner: dict[str, str] = {}
    clashes = []
    for org in orgs:
        for form in {f.casefold() for f in [org["name"], *org["aliases"]]}:
            if owner.setdefault(form, org["id"]) != org["id"]:
                clashes.append((form, owner[form], org["id"]))
    assert clashes == []


def test_orgs_forms_are_not_state_forms(
    orgs: list[dict[str, Any]], states: list[dict[str, str]]
) -> None:
    state_forms = _state_forms(states)
    clashes = [
        (org["id"], form)
        for org in orgs
        for form in [org["name"], *org["aliases"]]
        if form.casefold() in state_forms
    ]
    assert clashes == []


@pytest.mark.parametrize(
    ("form", "name", "country", "sector"),
    [
        ("United Nations", "UN", "IGO", "GOV"),
        ("Security Council", "UNSC", "IGO", "GOV"),
        ("U.N. Security Council", "UNSC", "IGO", "GOV"),
        ("General Assembly", "UNGA", "IGO", "GOV"),
        ("International Atomic Energy Agency", "IAEA", "IGO", "GOV"),
        ("European Union", "EU", "IGO", "GOV"),
        ("European Commission", "European Commission", "IGO", "GOV"),
        ("NATO", "NATO", "IGO", "MIL"),
        ("BRICS", "BRICS", "IGO", "GOV"),
        ("Shanghai Cooperation Organisation", "SCO", "IGO", "GOV"),
        ("Eurasian Economic Union", "EAEU", "IGO", "GOV"),
        ("OPEC+", "OPEC+", "IGO", "GOV"),
        ("International Criminal Court", "ICC", "IGO", "JUD"),
        ("Red Cross", "ICRC", "NGO", "CVL"),
        ("Amnesty International", "Amnesty International", "NGO", "CVL"),
        ("Hezbollah", "Hezbollah", "LBN", "REB"),
        ("Ansar Allah", "Houthis", "YEM", "REB"),
        ("Daesh", "Islamic State", "SYR", "REB"),
        ("Taliban", "Taliban", "AFG", "GOV"),
        ("Wagner", "Wagner Group", "RUS", "MIL"),
        ("Russia's Foreign Ministry", "Russian Foreign Ministry", "RUS", "GOV"),
        ("Revolutionary Guards", "IRGC", "IRN", "MIL"),
        ("Israel Defense Forces", "IDF", "ISR", "MIL"),
        ("Duma", "State Duma", "RUS", "LEG"),
        ("Iranian parliament", "Majlis", "IRN", "LEG"),
        ("Tass", "TASS", "RUS", "MED"),
        ("Associated Press", "AP", "USA", "MED"),
        ("Quincy Institute", "Quincy Institute", "USA", "CVL"),
        ("Armenian Apostolic Church", "Armenian Apostolic Church", "ARM", "CVL"),
        ("Civil Contract", "Civil Contract", "ARM", "PTY"),
    ],
)
def test_orgs_known_entries(
    form: str, name: str, country: str, sector: str, orgs: list[dict[str, Any]]
) -> None:
    found = [
        o for o in orgs if form.casefold() in {f.casefold() for f in [o["name"], *o["aliases"]]}
    ]
    assert [(o["name"], o["country"], o["sector"]) for o in found] == [(name, country, sector)]


@pytest.mark.parametrize("form", ["IS", "the Union", "the Alliance", "Pentagon", "Kremlin"])
def test_orgs_ambiguous_forms_left_out(form: str, orgs: list[dict[str, Any]]) -> None:
    assert all(form not in [o["name"], *o["aliases"]] for o in orgs)


# --- people.yaml --------------------------------------------------------------------


def test_people_schema(people: list[dict[str, Any]], state_codes: set[str]) -> None:
    keys = {"id", "name", "variants", "gender", "country", "sector", "roles"}
    role_keys = {"title", "office", "country", "start", "end"}
    countries = state_codes | NON_STATE_CODES
    for person in people:
        assert set(person) == keys, person.get("id")
        assert SLUG_RE.match(person["id"]), person["id"]
        assert isinstance(person["name"], str) and person["name"], person["id"]
        assert isinstance(person["variants"], list), person["id"]
        assert all(isinstance(v, str) and v and v == v.strip() for v in person["variants"])
        assert person["gender"] in {"m", "f"}, person["id"]
        assert person["country"] in countries, person["id"]
        assert person["sector"] in SECTORS, person["id"]
        assert person["roles"], person["id"]
        for role in person["roles"]:
            assert set(role) == role_keys, (person["id"], role)
            assert isinstance(role["title"], str) and role["title"], person["id"]
            assert role["office"] in OFFICES, (person["id"], role["office"])
            assert role["country"] in countries, (person["id"], role["country"])
            for key in ("start", "end"):
                value = role[key]
                if key == "end" and value is None:
                    continue
                assert isinstance(value, str) and DATE_RE.match(value), (person["id"], value)
                _parse_date(value)
            if role["end"] is not None:
                assert _parse_date(role["start"]) <= _parse_date(role["end"]), person["id"]


def test_people_count_and_ids(people: list[dict[str, Any]]) -> None:
    ids = [p["id"] for p in people]
    assert len(people) >= 350
    assert len(ids) == len(set(ids))


def test_people_variants_not_shared(people: list[dict[str, Any]]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for person in people:
        for form in [person["name"], *person["variants"]]:
            owners[form.casefold()].add(person["id"])
    shared = {form: ids for form, ids in owners.items() if len(ids) > 1}
    assert set(shared) == set(SHARED_VARIANTS), shared


def test_people_forms_are_not_state_or_org_forms(
    people: list[dict[str, Any]], states: list[dict[str, str]], orgs: list[dict[str, Any]]
) -> None:
    taken = set(_state_forms(states))
    taken |= {f.casefold() for o in orgs for f in [o["name"], *o["aliases"]]}
    clashes = [
        (p["id"], form) for p in people for form in [p["name"], *p["variants"]]
        if form.casefold() in taken
    ]  # fmt: skip
    assert clashes == []


@pytest.mark.parametrize("code", G20_STATES)
def test_people_g20_leader_in_office(code: str, people: list[dict[str, Any]]) -> None:
    day = dt.date(2025, 6, 1)
    holders = [
        p["name"]
        for p in people
        for r in p["roles"]
        if r["country"] == code and r["office"] in LEADER_OFFICES and _held_at(r, day)
    ]
    assert holders, f"no head of state or government of {code} on {day}"


def test_people_single_holder_offices_do_not_overlap(people: list[dict[str, Any]]) -> None:
    spans: dict[tuple[str, str], list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for person in people:
        for role in person["roles"]:
            if role["office"] in SINGLE_HOLDER_OFFICES and not role["title"].startswith("Acting"):
                end = _parse_date(role["end"]) if role["end"] else dt.date.max
                spans[(role["country"], role["office"])].append(
                    (_parse_date(role["start"]), end, person["id"])
                )
    overlaps = []
    for key, items in spans.items():
        if key[0] in NON_STATE_CODES:
            continue
        items.sort()
        latest_end, latest_who = dt.date.min, ""
        for start, end, who in items:
            if start < latest_end and who != latest_who:
                overlaps.append((key, latest_who, who))
            if end > latest_end:
                latest_end, latest_who = end, who
    assert overlaps == []


@pytest.mark.parametrize(
    ("country", "office", "day", "name"),
    [
        ("RUS", "head_of_state", "2025-06-01", "Vladimir Putin"),
        ("RUS", "foreign_minister", "2025-06-01", "Sergey Lavrov"),
        ("RUS", "defence_minister", "2023-06-01", "Sergei Shoigu"),
        ("RUS", "defence_minister", "2025-06-01", "Andrei Belousov"),
        ("IRN", "supreme_leader", "2025-06-01", "Ali Khamenei"),
        ("IRN", "head_of_state", "2023-06-01", "Ebrahim Raisi"),
        ("IRN", "head_of_state", "2025-06-01", "Masoud Pezeshkian"),
        ("IRN", "foreign_minister", "2024-01-01", "Hossein Amir-Abdollahian"),
        ("IRN", "foreign_minister", "2025-06-01", "Abbas Araghchi"),
        ("USA", "head_of_state", "2024-06-01", "Joe Biden"),
        ("USA", "head_of_state", "2025-06-01", "Donald Trump"),
        ("USA", "foreign_minister", "2024-06-01", "Antony Blinken"),
        ("GBR", "foreign_minister", "2024-01-01", "David Cameron"),
        ("DEU", "head_of_government", "2024-06-01", "Olaf Scholz"),
        ("DEU", "head_of_government", "2025-06-01", "Friedrich Merz"),
        ("ISR", "defence_minister", "2024-06-01", "Yoav Gallant"),
        ("ISR", "head_of_government", "2025-06-01", "Benjamin Netanyahu"),
        ("ARM", "head_of_government", "2025-06-01", "Nikol Pashinyan"),
        ("AZE", "head_of_state", "2025-06-01", "Ilham Aliyev"),
        ("SYR", "head_of_state", "2025-06-01", "Ahmed al-Sharaa"),
        ("IGO", "foreign_minister", "2025-06-01", "Kaja Kallas"),
    ],
)
def test_people_office_holder_on_day(
    country: str, office: str, day: str, name: str, people: list[dict[str, Any]]
) -> None:
    when = dt.date.fromisoformat(day)
    holders = {
        p["name"]
        for p in people
        for r in p["roles"]
        if r["country"] == country and r["office"] == office and _held_at(r, when)
    }
    assert holders == {name}


@pytest.mark.parametrize(
    ("form", "name"),
    [
        ("Putin", "Vladimir Putin"),
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("Araqchi", "Abbas Araghchi"),
        ("Khamenei", "Ali Khamenei"),
        ("Berdimuhamedov", "Serdar Berdimuhamedov"),
        ("Zelenskyy", "Volodymyr Zelensky"),
        ("Nebenzya", "Vassily Nebenzia"),
        ("Jolani", "Ahmed al-Sharaa"),
        ("Erdoğan", "Recep Tayyip Erdogan"),
    ],
)
def test_people_variant_resolves(form: str, name: str, people: list[dict[str, Any]]) -> None:
    found = [p["name"] for p in people if form in [p["name"], *p["variants"]]]
    assert found == [name]


@pytest.mark.parametrize(
    "form", ["Kim", "Khan", "Ali", "Abbas", "Sharif", "Barzani", "Wong", "Albanese", "Store"]
)
def test_people_common_names_are_not_variants(form: str, people: list[dict[str, Any]]) -> None:
    assert all(form not in [p["name"], *p["variants"]] for p in people)


# --- roles.yaml ---------------------------------------------------------------------


def test_roles_schema(roles: list[dict[str, Any]]) -> None:
    seen: set[str] = set()
    for entry in roles:
        assert set(entry) == {"office", "sector", "titles"}, entry
        assert entry["office"] in OFFICES | {"leader"}, entry["office"]
        assert entry["sector"] in SECTORS, entry
        assert entry["titles"], entry
        for title in entry["titles"]:
            assert isinstance(title, str) and title == title.strip().lower() and title, title
            assert title not in seen, f"title listed twice: {title}"
            seen.add(title)
    assert {e["office"] for e in roles} >= OFFICES
    assert [e["office"] for e in roles].count("leader") == 1


@pytest.mark.parametrize(
    ("title", "office", "sector"),
    [
        ("top diplomat", "foreign_minister", "GOV"),
        ("secretary of state", "foreign_minister", "GOV"),
        ("defense secretary", "defence_minister", "GOV"),
        ("spokeswoman", "spokesperson", "GOV"),
        ("ambassador", "envoy", "GOV"),
        ("general", "other", "MIL"),
        ("senator", "other", "LEG"),
        ("prosecutor", "other", "JUD"),
        ("intelligence chief", "security_official", "SPY"),
        ("police chief", "other", "COP"),
        ("party leader", "other", "PTY"),
        ("opposition leader", "opposition_leader", "OPP"),
        ("rebel commander", "other", "REB"),
        ("journalist", "other", "MED"),
        ("ceo", "other", "BUS"),
        ("analyst", "other", "CVL"),
        ("patriarch", "other", "CVL"),
        ("leader", "leader", "GOV"),
    ],
)
def test_roles_title_lookup(
    title: str, office: str, sector: str, roles: list[dict[str, Any]]
) -> None:
    found = [(e["office"], e["sector"]) for e in roles if title in e["titles"]]
    assert found == [(office, sector)]


# --- against the gold annotations (skipped without ../shared) ------------------------


def _gold_path() -> Path | None:
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent / "shared" / "gold" / "seeds.jsonl"
        if candidate.is_file():
            return candidate
    candidate = here.parents[2] / ".." / "shared" / "gold" / "seeds.jsonl"
    return candidate if candidate.is_file() else None


@pytest.mark.seeds
def test_gold_event_actors_are_in_kb(
    people: list[dict[str, Any]], orgs: list[dict[str, Any]], states: list[dict[str, str]]
) -> None:
    gold = _gold_path()
    if gold is None:
        pytest.skip("../shared/gold/seeds.jsonl is absent")
    known = {p["name"] for p in people} | {o["name"] for o in orgs}
    known |= {row["government"] for row in states}
    missing = set()
    for line in gold.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        for event in json.loads(line)["events"]:
            for key in ("source_actor", "target_actor"):
                if event.get(key) and event[key] not in known:
                    missing.add(event[key])
    assert missing == set()
