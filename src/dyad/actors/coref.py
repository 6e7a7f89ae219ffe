"""Within-document coreference: surnames, pronouns, "the minister", "the two countries".

Runs after resolve.py over its plain results, in text order:
- a surname (or the last word of a name) after the full name is that person;
- he/she/his/her is the most salient compatible person of the same or previous sentence:
  a person followed by a verb (a subject) is preferred, then the first one;
- "the minister" is the latest person named with that office or title word;
- "the two countries" / "both sides" is the two states most mentioned so far.
Every mention made here has how="coref".
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace

from spacy.attrs import IDX, LOWER, ORTH
from spacy.tokens import Doc

from dyad.actors.cues import Cues
from dyad.actors.kb import KnowledgeBase, Person
from dyad.actors.resolve import Description, Found, Resolver, char_span
from dyad.model import ActorMention

_VERB_TAGS = ("VB", "MD")


class _TokenView:
    """Token offsets and ids as plain lists: iterating spaCy tokens in Python is slow."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        array = doc.to_array([IDX, ORTH, LOWER])
        self.idx: list[int] = array[:, 0].tolist() if len(doc) else []
        self.orth: list[int] = array[:, 1].tolist() if len(doc) else []
        self.lower: list[int] = array[:, 2].tolist() if len(doc) else []

    def tokens(self, start: int, end: int) -> tuple[int, int]:
        """Token range [first, end) covering characters [start, end)."""
        return bisect_right(self.idx, start) - 1, bisect_left(self.idx, end)

    def sentence_index(self) -> list[int]:
        out = [0] * len(self.doc)
        if self.doc.has_annotation("SENT_START"):
            for index, sent in enumerate(self.doc.sents):
                out[sent.start : sent.end] = [index] * (sent.end - sent.start)
        return out


class Coref:
    """Adds coreferent mentions to a document's resolved actors."""

    def __init__(self, kb: KnowledgeBase, cues: Cues) -> None:
        self.kb = kb
        self.cues = cues

    def resolve(self, doc: Doc, found: Found, on: str | None) -> list[ActorMention]:
        """Coreferent mentions for `found` (not yet merged into it), sorted by start."""
        view = _TokenView(doc)
        covered = bytearray(len(doc))
        for a in found.actors:
            first, end = view.tokens(a.start, a.end)
            covered[first:end] = b"\x01" * (end - first)
        added = self._surnames(doc, view, found.actors, covered)
        persons = sorted(
            [a for a in found.actors if a.kind == "person"] + added, key=lambda a: a.start
        )
        added += self._pronouns(doc, view, persons, covered, found)
        added += self._descriptions(doc, persons, found, on)
        added += self._pairs(doc, found)
        added.sort(key=lambda a: (a.start, a.end))
        return added

    def _surnames(
        self, doc: Doc, view: _TokenView, actors: list[ActorMention], covered: bytearray
    ) -> list[ActorMention]:
        """A person's last name after their full name ("Parsi" after "Trita Parsi")."""
        starts = sorted(
            (a for a in actors if a.kind == "person" and a.how != "role" and " " in a.name),
            key=lambda a: a.end,
        )
        words = {w for a in starts for w in (a.name.split()[-1], a.text.split()[-1])}
        words = {w for w in words if w[:1].isupper() and len(w) > 2}
        wanted = {doc.vocab.strings.add(f) for w in words for f in (w, w.upper())}
        aliases: dict[str, ActorMention] = {}
        out: list[ActorMention] = []
        k = 0
        for i, orth in enumerate(view.orth):
            if orth not in wanted or covered[i]:
                continue
            while k < len(starts) and starts[k].end <= view.idx[i]:
                mention = starts[k]
                for word in {mention.name.split()[-1], mention.text.split()[-1]}:
                    aliases[word] = mention
                k += 1
            text = doc.vocab.strings[orth]
            ante = aliases.get(text) or (aliases.get(text.title()) if text.isupper() else None)
            if ante is None:
                continue
            _, s, e = char_span(doc, i, i + 1)
            out.append(replace(ante, text=text, start=s, end=e, how="coref"))
            covered[i] = 1
        return out

    def _gender(self, mention: ActorMention, found: Found) -> str | None:
        entity = self.kb.entity(mention.entity_id or "")
        if isinstance(entity, Person):
            return entity.gender
        return found.genders.get(mention.entity_id or "")

    def _pronouns(
        self,
        doc: Doc,
        view: _TokenView,
        persons: list[ActorMention],
        covered: bytearray,
        found: Found,
    ) -> list[ActorMention]:
        out: list[ActorMention] = []
        if not persons:
            return out
        sent_of = view.sentence_index()
        by_sentence: dict[int, list[tuple[int, ActorMention, bool]]] = {}
        for mention in persons:
            first, end = view.tokens(mention.start, mention.end)
            subject = end < len(doc) and doc[end].tag_.startswith(_VERB_TAGS)
            by_sentence.setdefault(sent_of[first], []).append((first, mention, subject))
        genders = {doc.vocab.strings.add(w): g for w, g in self.cues.pronouns.items()}
        for i, lower in enumerate(view.lower):
            gender = genders.get(lower)
            if gender is None or covered[i]:
                continue
            sentence = sent_of[i]
            ante = self._antecedent(
                [c for c in by_sentence.get(sentence, []) if c[0] < i], gender, found
            ) or self._antecedent(by_sentence.get(sentence - 1, []), gender, found)
            if ante is None:
                continue
            text, s, e = char_span(doc, i, i + 1)
            out.append(replace(ante, text=text, start=s, end=e, how="coref"))
        return out

    def _antecedent(
        self, candidates: list[tuple[int, ActorMention, bool]], gender: str, found: Found
    ) -> ActorMention | None:
        fitting = [c for c in candidates if self._gender(c[1], found) in (None, gender)]
        if not fitting:
            return None
        subjects = [c for c in fitting if c[2]]
        return (subjects[-1] if subjects else fitting[0])[1]

    def _descriptions(
        self, doc: Doc, persons: list[ActorMention], found: Found, on: str | None
    ) -> list[ActorMention]:
        out: list[ActorMention] = []
        for d in found.descriptions:
            ante = self._described(persons, d, doc, found, on)
            if ante is None:
                continue
            before = doc[d.start - 1].lower_ if d.start > 0 else ""
            det = d.start - 1 if before in self.cues.description_determiners else d.start
            text, s, e = char_span(doc, det, d.end)
            out.append(replace(ante, text=text, start=s, end=e, how="coref"))
        return out

    def _described(
        self, persons: list[ActorMention], d: Description, doc: Doc, found: Found, on: str | None
    ) -> ActorMention | None:
        start = doc[d.start].idx
        head = d.head.split()[-1]
        for mention in reversed(persons):
            if mention.end > start:
                continue
            office = found.offices.get(mention.entity_id or "")
            if d.office != "other" and office == d.office:
                return mention
            if d.office == "other" and head in (mention.role or "").lower().split():
                return mention
        return None

    def _pairs(self, doc: Doc, found: Found) -> list[ActorMention]:
        out: list[ActorMention] = []
        for start, end in found.pairs:
            first = doc[start].idx
            counts: dict[str, float] = {}
            last_seen: dict[str, int] = {}
            for a in found.actors:
                if a.start >= first:
                    break
                if a.country and len(a.country) == 3 and a.country not in ("IGO", "NGO", "MNC"):
                    weight = 1.0 if a.kind == "state" else 0.5
                    counts[a.country] = counts.get(a.country, 0.0) + weight
                    last_seen[a.country] = a.start
            ranked = sorted(counts, key=lambda c: (-counts[c], -last_seen[c]))[:2]
            if len(ranked) < 2:
                continue
            for code in sorted(ranked):
                state = self.kb.state(code)
                if state is not None:
                    out.append(Resolver.state_mention(doc, start, end, state, "coref"))
        return out
