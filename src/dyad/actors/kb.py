"""The actor knowledge base: states, organisations, people, role titles and places.

Loaded once from the packaged data files, with a user's YAML files layered on top (an entry
with an existing id replaces it), so analysts can add the actors of their own beat without
touching the package. Lookups are by entity id, by surface form, by demonym or metonym,
and by office at a date (`office_holder`), which is what resolves "the Russian leader".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from dyad.actors import kbfiles
from dyad.datafile import LINE_KEY, line_of, load_yaml
from dyad.errors import LexiconError

DATA_DIR = Path(__file__).resolve().parent / "data"
KB_FILES = ("states.tsv", "organizations.yaml", "people.yaml", "roles.yaml")


def date_floor(value: str) -> str:
    """The first day a partial date (YYYY or YYYY-MM) can mean."""
    return value + "-01-01"[len(value) - 4 :] if len(value) < 10 else value


def date_ceiling(value: str) -> str:
    """The last day a partial date can mean (days compared as strings, so -31 is safe)."""
    return value + "-12-31"[len(value) - 4 :] if len(value) < 10 else value


@dataclass(frozen=True)
class State:
    """A state; as an actor it is its government ("Russian government", sector GOV)."""

    code: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None
    metonyms: tuple[str, ...]
    government: str
    leader_office: str
    status: str

    @property
    def entity_id(self) -> str:
        return f"state:{self.code}"


@dataclass(frozen=True)
class Organization:
    id: str
    name: str
    full_name: str | None
    aliases: tuple[str, ...]
    country: str
    sector: str | None

    @property
    def entity_id(self) -> str:
        return f"org:{self.id}"


@dataclass(frozen=True)
class Role:
    title: str
    office: str
    country: str | None
    start: str | None
    end: str | None

    def active_on(self, on: str | None) -> bool:
        """True when the role is held on the date (None: held now, i.e. not ended)."""
        if on is None:
            return self.end is None
        if self.start and date_floor(self.start) > on:
            return False
        return not (self.end and date_ceiling(self.end) < on)


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    variants: tuple[str, ...]
    gender: str | None
    country: str | None
    sector: str | None
    roles: tuple[Role, ...]

    @property
    def entity_id(self) -> str:
        return f"person:{self.id}"

    def role_at(self, on: str | None) -> Role | None:
        """The role held on the date; without a date, the current role, else the latest."""
        active = [r for r in self.roles if r.active_on(on)]
        if active:
            return max(active, key=lambda r: r.start or "")
        if on is None and self.roles:
            return max(self.roles, key=lambda r: r.start or "")
        return None


@dataclass(frozen=True)
class TitleInfo:
    """What a title phrase ("foreign minister", "analyst") says about its holder."""

    office: str
    sector: str | None


@dataclass(frozen=True)
class Place:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    kind: str


Entity = State | Organization | Person


@dataclass
class KnowledgeBase:
    """Every actor dyad knows, with the indexes recognition and resolution need."""

    states: dict[str, State] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    titles: dict[str, TitleInfo] = field(default_factory=dict)
    places: list[Place] = field(default_factory=list)
    combining: dict[str, str] = field(default_factory=dict)  # "Russo" -> "RUS"
    _by_demonym: dict[str, str] = field(default_factory=dict, repr=False)
    _by_metonym: dict[str, str] = field(default_factory=dict, repr=False)
    _by_surface: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _by_office: dict[tuple[str, str], list[tuple[Role, Person]]] = field(
        default_factory=dict, repr=False
    )

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        """Rebuild the lookup indexes after the tables changed."""
        self._by_demonym, self._by_metonym, self._by_surface = {}, {}, {}
        self._by_office = {}
        for state in self.states.values():
            for demonym in state.demonyms:
                self._by_demonym.setdefault(demonym, state.code)
            for metonym in (state.capital, *state.metonyms):
                if metonym:
                    self._by_metonym.setdefault(metonym, state.code)
            for form in (state.name, *state.aliases):
                self._add_surface(form, state.entity_id)
        for org in self.organizations.values():
            for org_form in (org.name, org.full_name, *org.aliases):
                if org_form:
                    self._add_surface(org_form, org.entity_id)
        for person in self.people.values():
            for form in (person.name, *person.variants):
                self._add_surface(form, person.entity_id)
            for role in person.roles:
                key = (role.office, role.country or person.country or "")
                self._by_office.setdefault(key, []).append((role, person))

    def _add_surface(self, form: str, entity_id: str) -> None:
        ids = self._by_surface.setdefault(form, [])
        if entity_id not in ids:
            ids.append(entity_id)

    def entity(self, entity_id: str) -> Entity | None:
        """The state, organisation or person with this id ("person:sergey-lavrov")."""
        kind, _, key = entity_id.partition(":")
        tables: dict[str, Mapping[str, Entity]] = {
            "state": self.states,
            "org": self.organizations,
            "person": self.people,
        }
        return tables.get(kind, {}).get(key)

    def entities(self, form: str) -> list[Entity]:
        """Entities whose name, alias or variant is exactly this surface form."""
        found = (self.entity(i) for i in self._by_surface.get(form, ()))
        return [e for e in found if e is not None]

    def surface_forms(self) -> dict[str, list[str]]:
        """Every surface form of a named entity and the ids it names (a copy)."""
        return {k: list(v) for k, v in self._by_surface.items()}

    def state(self, code: str) -> State | None:
        return self.states.get(code)

    def state_by_demonym(self, demonym: str) -> State | None:
        code = self._by_demonym.get(demonym)
        return self.states.get(code) if code else None

    def state_by_metonym(self, metonym: str) -> State | None:
        """The state a capital or seat of power stands for ("Moscow", "the Kremlin")."""
        code = self._by_metonym.get(metonym)
        return self.states.get(code) if code else None

    def demonyms(self) -> dict[str, str]:
        return dict(self._by_demonym)

    def metonyms(self) -> dict[str, str]:
        return dict(self._by_metonym)

    def office_holders(
        self, office: str, country: str, on: str | None = None, gender: str | None = None
    ) -> list[Person]:
        """Everyone holding an office for a country on a date, latest appointed first.

        `gender`, when a title gives one ("spokeswoman"), narrows the list.
        """
        found: list[tuple[str, Person]] = []
        for role, person in self._by_office.get((office, country), ()):
            if gender and person.gender and person.gender != gender:
                continue
            if role.active_on(on) and all(p is not person for _, p in found):
                found.append((role.start or "", person))
        found.sort(key=lambda pair: pair[0], reverse=True)
        return [person for _, person in found]

    def office_holder(
        self, office: str, country: str, on: str | None = None, gender: str | None = None
    ) -> Person | None:
        """Who held an office for a country on a date (None: the current holder).

        With several holders (two spokespeople), the latest appointed wins.
        """
        holders = self.office_holders(office, country, on, gender)
        return holders[0] if holders else None


def _states_from(rows: Iterable[tuple[int | None, dict[str, Any]]], path: Path) -> list[State]:
    return [_build(path, line, raw, kbfiles.check_state, _make_state) for line, raw in rows]


def _build(
    path: Path,
    line: int | None,
    raw: dict[str, Any],
    check: Callable[[dict[str, Any]], dict[str, Any]],
    make: Callable[[dict[str, Any]], Any],
) -> Any:
    try:
        return make(check(raw))
    except ValueError as exc:
        raise LexiconError(str(path), line, str(exc)) from exc


def _make_state(d: dict[str, Any]) -> State:
    return State(
        code=d["code"],
        name=d["name"],
        aliases=tuple(d["aliases"]),
        demonyms=tuple(d["demonyms"]),
        capital=d["capital"],
        metonyms=tuple(d["metonyms"]),
        government=d["government"],
        leader_office=d["leader_office"],
        status=d["status"],
    )


def _make_org(d: dict[str, Any]) -> Organization:
    return Organization(
        id=d["id"],
        name=d["name"],
        full_name=d["full_name"],
        aliases=tuple(d["aliases"]),
        country=d["country"],
        sector=d["sector"],
    )


def _make_person(d: dict[str, Any]) -> Person:
    return Person(
        id=d["id"],
        name=d["name"],
        variants=tuple(d["variants"]),
        gender=d["gender"],
        country=d["country"],
        sector=d["sector"],
        roles=tuple(Role(**r) for r in d["roles"]),
    )


def _make_place(d: dict[str, Any]) -> Place:
    return Place(name=d["name"], aliases=tuple(d["aliases"]), country=d["country"], kind=d["kind"])


def _add_unique(table: dict[str, Any], key: str, value: Any, path: Path, line: int | None) -> None:
    if key in table:
        raise LexiconError(str(path), line, f"duplicate id {key!r}; each id may appear once")
    table[key] = value


def _read_tables(data_dir: Path, kb: KnowledgeBase) -> None:
    for name in KB_FILES:
        if not (data_dir / name).is_file():
            raise LexiconError(
                str(data_dir / name), None, f"missing; an actor data directory needs {KB_FILES}"
            )
    path = data_dir / "states.tsv"
    for state in _states_from(kbfiles.iter_tsv(path, kbfiles.STATE_COLUMNS), path):
        _add_unique(kb.states, state.code, state, path, None)
    path = data_dir / "organizations.yaml"
    for raw in kbfiles.read_entries(path, None):
        line = line_of(raw)
        org = _build(path, line, raw, kbfiles.check_organization, _make_org)
        _add_unique(kb.organizations, org.id, org, path, line)
    path = data_dir / "people.yaml"
    for raw in kbfiles.read_entries(path, None):
        line = line_of(raw)
        person = _build(path, line, raw, kbfiles.check_person, _make_person)
        _add_unique(kb.people, person.id, person, path, line)
    path = data_dir / "roles.yaml"
    for raw in kbfiles.read_entries(path, None):
        entry = _build(path, line_of(raw), raw, kbfiles.check_role_titles, dict)
        for title in entry["titles"]:
            kb.titles.setdefault(title, TitleInfo(entry["office"], entry["sector"]))
    places = _own_file(data_dir, "places.tsv")
    for line, raw in kbfiles.iter_tsv(places, kbfiles.PLACE_COLUMNS):
        kb.places.append(_build(places, line, raw, kbfiles.check_place, _make_place))
    combining = _own_file(data_dir, "combining_forms.tsv")
    for line, raw in kbfiles.iter_tsv(combining, ("code", "forms")):
        entry = _build(combining, line, raw, kbfiles.check_combining, dict)
        for form in entry["forms"]:
            kb.combining[form] = entry["code"]


def _own_file(data_dir: Path, name: str) -> Path:
    """A data file of this package's own (not the four KB tables): from data_dir if there."""
    path = data_dir / name
    return path if path.is_file() else DATA_DIR / name


def _layer_user_file(path: Path, kb: KnowledgeBase) -> None:
    """Entries of a user's YAML file replace or extend the packaged ones."""
    data = load_yaml(path)
    if data is None:
        return
    if not isinstance(data, dict) or not set(data) - {LINE_KEY} <= {
        "people",
        "organizations",
        "states",
    }:
        raise LexiconError(
            str(path), 1, "expected top-level keys people:, organizations: and/or states:"
        )
    for raw in kbfiles.read_entries(path, "states"):
        state = _states_from([(line_of(raw), raw)], path)[0]
        kb.states[state.code] = state
    for raw in kbfiles.read_entries(path, "organizations"):
        org = _build(path, line_of(raw), raw, kbfiles.check_organization, _make_org)
        kb.organizations[org.id] = org
    for raw in kbfiles.read_entries(path, "people"):
        person = _build(path, line_of(raw), raw, kbfiles.check_person, _make_person)
        kb.people[person.id] = person


@lru_cache(maxsize=8)
def _load_cached(data_dir: Path, extra: tuple[Path, ...]) -> KnowledgeBase:
    kb = KnowledgeBase()
    _read_tables(data_dir, kb)
    for path in extra:
        _layer_user_file(path, kb)
    kb.reindex()
    return kb


def load_kb(extra_files: Sequence[str | Path] = (), data_dir: Path | None = None) -> KnowledgeBase:
    """Load the packaged actor tables (cached), with a user's YAML files layered on top.

    Args:
        extra_files: YAML files with top-level `people:`, `organizations:`, `states:` lists;
            an entry whose id (or state code) exists replaces the packaged one.
        data_dir: a directory with states.tsv, organizations.yaml, people.yaml, roles.yaml
            (default: the packaged data).

    Raises:
        LexiconError: a file is missing or an entry is bad (with file and line).
    """
    directory = (data_dir or DATA_DIR).resolve()
    return _load_cached(directory, tuple(Path(p).resolve() for p in extra_files))
