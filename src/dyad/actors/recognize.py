"""Find the names, demonyms, capitals, places, titles and pair phrases in a document.

One spaCy `PhraseMatcher` over lowercased tokens holds every surface form of the knowledge
base, built once; a match is then kept only if its casing fits (so "us" is not the US and
"iran" inside a URL is not Iran, while "IRAN" in a shouted headline is). Overlaps are settled
longest first. The result is a list of plain `Match` values; resolve.py gives them meaning.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dyad.actors.cues import Cues
from dyad.actors.kb import KnowledgeBase
from dyad.nlp.tokens import token_table

#: Surface categories, most specific first: when one span has several, the first wins.
CATEGORIES = (
    "state", "metonym", "demonym", "combining", "org", "person", "place", "title", "pair"
)  # fmt: skip
#: Categories matched whatever their case (common nouns, not names).
CASELESS = frozenset({"title", "pair"})
_PRIORITY = {c: i for i, c in enumerate(CATEGORIES)}


@dataclass(frozen=True)
class Surface:
    """One way the knowledge base can be written, and what it names."""

    category: str
    key: str  # entity id, state code, place index, title phrase or pair phrase
    form: str  # as written in the data


@dataclass(frozen=True)
class Match:
    """A recognised span in token offsets, before any resolution."""

    category: str
    start: int
    end: int
    key: str
    form: str


def _token_case_ok(text: str, form: str) -> bool:
    return text == form or text == form.upper() or text == form[:1].upper() + form[1:]


def case_ok(texts: list[str], forms: list[str], category: str) -> bool:
    """Does the span's casing fit the surface form?

    Exact, ALL CAPS, or capitalised first letters (headlines, sentence starts). A person's
    multi-word name also passes when its first word does ("Donald trump" in sloppy copy).
    """
    if category in CASELESS:
        return True
    if len(texts) != len(forms):
        return False
    flags = [_token_case_ok(t, f) for t, f in zip(texts, forms, strict=True)]
    if all(flags):
        return True
    return category == "person" and len(forms) > 1 and flags[0]


class Recognizer:
    """Holds the phrase matcher over every surface form; `match(doc)` finds them."""

    def __init__(
        self, vocab: Vocab, make_doc: Callable[[str], Doc], kb: KnowledgeBase, cues: Cues
    ) -> None:
        self._surfaces: dict[str, list[Surface]] = {}
        self._forms: dict[str, list[str]] = {}
        for surface in self._collect(kb, cues):
            self._surfaces.setdefault(surface.form.lower(), []).append(surface)
        self._matcher = PhraseMatcher(vocab, attr="LOWER")
        for key in sorted(self._surfaces):
            patterns: dict[tuple[str, ...], Doc] = {}
            for surface in self._surfaces[key]:
                if surface.form not in self._forms:
                    # tokenize the form as written: "U.S." is one token, "u.s." is two
                    pattern = make_doc(surface.form)
                    self._forms[surface.form] = [t.text for t in pattern]
                    patterns.setdefault(tuple(t.lower_ for t in pattern), pattern)
            if patterns:
                self._matcher.add(key, list(patterns.values()))
        for key in self._surfaces:
            self._surfaces[key].sort(key=lambda s: _PRIORITY[s.category])

    @staticmethod
    def _collect(kb: KnowledgeBase, cues: Cues) -> list[Surface]:
        out: list[Surface] = []
        for form, ids in kb.surface_forms().items():
            people = [i for i in ids if i.startswith("person:")]
            if people:  # a form several people share is settled in context by resolve.py
                out.append(Surface("person", "|".join(people), form))
            for entity_id in ids:
                kind, _, key = entity_id.partition(":")
                if kind == "state":
                    out.append(Surface("state", key, form))
                elif kind == "org":
                    out.append(Surface("org", entity_id, form))
        out += [Surface("demonym", code, form) for form, code in kb.demonyms().items()]
        out += [Surface("metonym", code, form) for form, code in kb.metonyms().items()]
        out += [Surface("combining", code, form) for form, code in kb.combining.items()]
        for index, place in enumerate(kb.places):
            out += [Surface("place", str(index), f) for f in (place.name, *place.aliases)]
        out += [Surface("title", title, title) for title in kb.titles]
        out += [Surface("title", title, title) for title in cues.leader_titles]
        out += [Surface("pair", phrase, phrase) for phrase in cues.pair_phrases]
        return out

    def match(self, doc: Doc) -> list[Match]:
        """Non-overlapping matches, longest first, then sorted by start."""
        found: list[Match] = []
        words = token_table(doc).text  # doc[start:end] builds Token objects
        for match_id, start, end in self._matcher(doc):
            key = doc.vocab.strings[match_id]
            texts = words[start:end]
            for surface in self._surfaces.get(key, ()):
                if case_ok(texts, self._forms[surface.form], surface.category):
                    found.append(Match(surface.category, start, end, surface.key, surface.form))
                    break
        found.sort(key=lambda m: (-(m.end - m.start), m.start, _PRIORITY[m.category]))
        taken = bytearray(len(doc))
        kept: list[Match] = []
        for m in found:
            if any(taken[m.start : m.end]):
                continue
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
            kept.append(m)
        kept.sort(key=lambda m: m.start)
        return kept
