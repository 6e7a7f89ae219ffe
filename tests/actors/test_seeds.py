"""On the real seed articles: every person the gold names is recognised wherever named.

Reads ../shared/seeds (raw; cleaning is another stage) and ../shared/gold/seeds.jsonl;
skipped when they or the packaged people table are absent. Nothing from the seeds is
copied here: the names to look for come from the gold file at run time.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dyad.actors.kb import DATA_DIR, Organization, load_kb
from dyad.model import Document
from dyad.nlp import build_nlp, make_doc

from .conftest import check_offsets


def _shared() -> Path | None:
    for parent in Path(__file__).resolve().parents:
        candidate = parent.parent / "shared"
        if (candidate / "seeds").is_dir() and (candidate / "gold" / "seeds.jsonl").is_file():
            return candidate
    return None


SHARED = _shared()
pytestmark = [
    pytest.mark.seeds,
    pytest.mark.skipif(SHARED is None, reason="../shared/seeds is not here"),
    pytest.mark.skipif(
        not (DATA_DIR / "people.yaml").is_file(), reason="packaged people.yaml not written yet"
    ),
]


#: Countries of people the gold names without a code (public facts, not seed text).
KNOWN_COUNTRIES = {"Vassily Nebenzia": "RUS"}


def _is_person(name: str) -> bool:
    if " " not in name or name.endswith(("government", "commentators")):
        return False
    return not any(isinstance(e, Organization) for e in load_kb().entities(name))


def gold_people(gold: dict) -> dict[str, str | None]:
    """Persons named in a gold document, with their country when the gold gives one alone."""
    people: dict[str, str | None] = dict.fromkeys(
        n for n in KNOWN_COUNTRIES if n in json.dumps(gold)
    )
    for event in gold["events"]:
        for side in ("source", "target"):
            name = event.get(f"{side}_actor")
            codes = event.get(side) or []
            if name and _is_person(name):
                known = people.get(name)
                people[name] = known or (codes[0] if len(codes) == 1 else None)
    for quote in gold["quotes"]:
        name = quote.get("speaker")
        if name and _is_person(name):
            people.setdefault(name, None)
    for name, country in KNOWN_COUNTRIES.items():
        if name in people:
            people[name] = country
    return people


def misses(doc: Doc, people: dict[str, str | None]) -> list[str]:
    """Every place a gold person's surname occurs that no right mention covers."""
    out = []
    for name, country in people.items():
        surname = name.split()[-1]
        for hit in re.finditer(rf"\b{re.escape(surname)}\b", doc.text, flags=re.IGNORECASE):
            covering = [a for a in doc._.actors if a.start <= hit.start() < a.end]
            ok = any(
                a.name == name and (country is None or a.country == country) for a in covering
            ) or any(a.kind == "state" and a.how == "metonym" for a in covering)
            if not ok:
                context = doc.text[max(0, hit.start() - 40) : hit.end() + 40].replace("\n", " ")
                got = [(a.name, a.country) for a in covering]
                out.append(f"{name} ({country}) at {hit.start()}: {got} in ...{context}...")
    return out


#: Known misses, each with its reason (xfail, not strict: they pass once the data is fixed).
KNOWN_MISSES: dict[str, str] = {}


@pytest.fixture(scope="module")
def packaged_nlp() -> Language:
    return build_nlp(components=["dyad_actors"])


@pytest.fixture(scope="module")
def seed_docs(packaged_nlp: Language) -> dict[str, Doc]:
    assert SHARED is not None
    docs = {}
    for name, gold in _golds():
        text = (SHARED / "seeds" / f"{name}.txt").read_text(encoding="utf-8")
        document = Document(doc_id=name, name=name, text=text, published=gold.get("published"))
        docs[name] = packaged_nlp(make_doc(packaged_nlp, document))
    return docs


def _golds() -> list[tuple[str, dict]]:
    if SHARED is None:
        return []
    with (SHARED / "gold" / "seeds.jsonl").open(encoding="utf-8") as handle:
        return [(g["name"], g) for g in map(json.loads, handle)]


def _cases() -> list:
    if SHARED is None or not (DATA_DIR / "people.yaml").is_file():
        return []
    cases = []
    for name, gold in _golds():
        for person, country in gold_people(gold).items():
            marks = []
            if person in KNOWN_MISSES:
                marks.append(pytest.mark.xfail(reason=KNOWN_MISSES[person], strict=False))
            cases.append(pytest.param(name, person, country, id=f"{name}-{person}", marks=marks))
    return cases


@pytest.mark.parametrize(("name", "person", "country"), _cases())
def test_seeds_gold_people_recognised(
    seed_docs: dict[str, Doc], name: str, person: str, country: str | None
) -> None:
    doc = seed_docs[name]
    check_offsets(doc)
    assert misses(doc, {person: country}) == []
