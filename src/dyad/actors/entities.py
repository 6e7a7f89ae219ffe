"""Names the trained NER finds that the knowledge base does not know, and where they belong.

An unknown person or organisation takes its country and sector from the noun phrase around
it, read from the dependency parse: a title or an adjective before it ("Syrian President
X"), a possessive ("Turkey's X"), a prepositional phrase ("X of Iran"), an apposition ("X,
a spokeswoman for the Kenyan foreign ministry", "the Kenyan spokeswoman, X"). People the
title rules of resolve.py found without a country get theirs the same way.

A model entity is refused when the knowledge base already explains part of it, when its
head is no noun, or when it is made only of ordinary English words ("Just Left" in a
Title-Case headline). An unknown place (GPE) under a locative preposition is a place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from dyad.actors.cues import Cues
from dyad.actors.kb import KnowledgeBase, Organization
from dyad.actors.parse import WordClasses, np_head, title_case
from dyad.actors.recognize import Match
from dyad.actors.resolve import Found, Resolver, slug
from dyad.model import ActorMention, PlaceMention
from dyad.nlp.tokens import doc_text, token_table

#: NER labels that can name an actor dyad does not know, and the actor kind.
MODEL_KINDS = {"PERSON": "person", "ORG": "organization"}
#: NER labels of places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Dependents of a name's head that describe it from the left ("Syrian President X").
_LEFT_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
_STATE_CATEGORIES = frozenset({"state", "demonym", "metonym", "combining"})


@dataclass(frozen=True)
class Affiliation:
    """What the noun phrase around a name says about its bearer."""

    country: str | None = None
    sector: str | None = None
    role: str | None = None
    office: str | None = None


class EntityReader:
    """Adds the trained model's people, organisations and places to a resolution."""

    def __init__(self, kb: KnowledgeBase, cues: Cues, resolver: Resolver, words: WordClasses):
        self.kb = kb
        self.cues = cues
        self.resolver = resolver
        self.words = words
        # "Foreign Ministry" -> the KB organisations whose names end in it
        self._tails: dict[str, list[Organization]] = {}
        for org in kb.organizations.values():
            for form in {org.name, org.full_name or "", *org.aliases}:
                words_ = form.casefold().split()
                for k in range(1, len(words_)):
                    tail = " ".join(words_[k:])
                    if len(words_) - k >= 2 and org not in self._tails.get(tail, []):
                        self._tails.setdefault(tail, []).append(org)

    def _in_focus(self, text: str, before: int, actors: list[ActorMention]) -> ActorMention | None:
        """ "the Foreign Ministry", unqualified: the KB organisation so named of the country
        the document has named most so far (if one country leads)."""
        candidates = self._tails.get(" ".join(text.casefold().split()), [])
        if not candidates:
            return None
        counts: dict[str, int] = {}
        for a in actors:
            if a.start < before and a.country and len(a.country) == 3 and a.country != "IGO":
                counts[a.country] = counts.get(a.country, 0) + 1
        ranked = sorted(counts.values(), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
            return None
        lead = max(counts, key=lambda c: counts[c])
        chosen = [o for o in candidates if o.country == lead]
        if len(chosen) != 1:
            return None
        org = chosen[0]
        return ActorMention(
            text=text, start=0, end=0, name=org.name, kind="organization", country=org.country,
            sector=org.sector, entity_id=org.entity_id, how="coref",
        )  # fmt: skip

    # ----- where a name belongs ---------------------------------------------------------

    def _scopes(self, doc: Doc, start: int, end: int) -> list[list[int]]:
        """Token groups that describe the name [start, end), nearest first."""
        head = np_head(doc, start, end)
        groups: list[list[int]] = []
        for child in head.children:
            if child.i < start and child.dep_ in _LEFT_DEPS:
                groups.append([t.i for t in child.subtree if not start <= t.i < end])
        for child in head.children:
            prep = child.dep_ == "prep" and child.lower_ in self.cues.affiliation_prepositions
            if child.i >= end and prep:
                groups.append([t.i for t in child.subtree])
        for child in head.children:
            # "X, a spokeswoman for ...", not "Shafaq News - Moscow" (a bare name beside it)
            if child.dep_ == "appos" and child.i >= end and child.pos_ == "NOUN":
                groups.append([t.i for t in child.subtree])
        if head.dep_ == "appos" and head.head.i < start:
            # "the Kenyan spokeswoman, Jane Doe": the noun the name stands beside
            outer = head.head
            groups.append([t.i for t in outer.subtree if t.i < start])
        return groups

    def affiliation(
        self, doc: Doc, start: int, end: int, at: list[int], ms: list[Match]
    ) -> Affiliation:
        """Country, sector and title the parse attaches to the name [start, end).

        `at[i]` is the index in `ms` of the recognised match over token i, or -1.
        """
        country: str | None = None
        sector: str | None = None
        role: str | None = None
        office: str | None = None
        lower = token_table(doc).lower
        for group in self._scopes(doc, start, end):
            for i in sorted(group):
                k = at[i]
                if k >= 0:
                    m = ms[k]
                    if m.start != i:
                        continue
                    if m.category in _STATE_CATEGORIES and country is None:
                        state = self.kb.state(m.key)
                        country = state.code if state else None
                    elif m.category == "org" and country is None:
                        org = self.kb.organizations.get(m.key.partition(":")[2])
                        if org is not None:
                            country, sector = org.country, sector or org.sector
                    elif m.category == "title" and role is None:
                        info = self.resolver.title_office(m.key, None)
                        if info is not None:
                            role, office = doc[m.start : m.end].text.title(), info.office
                            sector = sector or info.sector
                    continue
                for width in (2, 1):
                    phrase = " ".join(lower[i : i + width])
                    if sector is None and phrase in self.cues.demonym_heads:
                        sector = self.cues.demonym_heads[phrase]
            if country is not None:
                break
        return Affiliation(country, sector, role, office)

    # ----- model entities ---------------------------------------------------------------

    def acceptable(self, doc: Doc, ent: Span, kind: str) -> bool:
        """Is a PERSON/ORG entity a name, not a run of capitalised ordinary words?

        Its head must be a noun and no document or thing ("Treaty"); a one-word entity
        must be no English word ("Background"); a person must have one word that is no
        verb, adjective or adverb ("Just Left"); and where the sentence capitalises its
        ordinary words (a Title-Case headline), one word must be unknown to the lexicon.
        """
        head = np_head(doc, ent.start, ent.end)
        if head.pos_ not in ("PROPN", "NOUN") or "\n" in ent.text:
            return False
        if head.lower_ in self.cues.non_actor_heads:
            return False
        words = [t for t in ent if t.is_alpha]
        if not words or not words[0].text[:1].isupper() or not words[-1].text[:1].isupper():
            return False
        if len(words) == 1 and self.words.classes(words[0].lower_):
            return False
        if kind == "person" and all(self._plain(t) for t in words):
            return False
        if title_case(ent.sent, self.words):
            return any(not self.words.classes(t.lower_) for t in words)
        return True

    def _plain(self, token: Token) -> bool:
        return token.is_stop or self.words.common(token.lower_)

    @staticmethod
    def _trim(ent: Span) -> tuple[int, int]:
        """The entity without leading determiners and trailing possessives."""
        start, end = ent.start, ent.end
        doc = ent.doc
        while start < end and doc[start].is_lower:
            start += 1
        while end > start and not doc[end - 1].is_alpha:
            end -= 1
        return start, end

    def unknown_name_sentences(self, doc: Doc, found: Found) -> list[Span]:
        """Sentences with a capitalised word that no known actor or place covers and that
        does not only open the sentence: where a name the knowledge base lacks can be."""
        table = token_table(doc)
        taken = bytearray(len(doc))
        spans = [(a.start, a.end) for a in found.actors] + [(p.start, p.end) for p in found.places]
        for s_char, e_char in spans:
            span = table.expand(s_char, e_char)
            if span is not None:
                taken[span[0] : span[1]] = b"\x01" * (span[1] - span[0])
        calendar = self.cues.month_names | self.cues.weekday_names
        out = []
        for sent in doc.sents:
            for i in range(sent.start + 1, sent.end):
                text = table.text[i]
                if (
                    not taken[i]
                    and text[:1].isupper()
                    and table.is_alpha[i]
                    and table.lower[i] not in calendar
                    and table.text[i - 1] not in _OPENERS  # a quotation's first word
                ):
                    out.append(sent)
                    break
        return out

    def read(self, doc: Doc, ms: list[Match], found: Found) -> None:
        """Give title-found people their country, then add the model's own entities."""
        at = [-1] * len(doc)
        for k, m in enumerate(ms):
            at[m.start : m.end] = [k] * (m.end - m.start)
        table = token_table(doc)
        for n, mention in enumerate(found.actors):
            if mention.kind == "person" and mention.how == "title" and mention.country is None:
                span = table.expand(mention.start, mention.end)
                if span is None:
                    continue
                aff = self.affiliation(doc, span[0], span[1], at, ms)
                if aff.country is not None:
                    found.actors[n] = replace(
                        mention, country=aff.country, sector=mention.sector or aff.sector
                    )
        if not doc.ents:
            return
        taken = bytearray(len(doc))
        for m in ms:
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
        spans = [(a.start, a.end) for a in found.actors] + [(p.start, p.end) for p in found.places]
        for s_char, e_char in spans:
            span = table.expand(s_char, e_char)
            if span is not None:
                taken[span[0] : span[1]] = b"\x01" * (span[1] - span[0])
        surnames = {w for a in found.actors if a.kind == "person" for w in a.name.split()[1:]}
        datelines = self.resolver.datelines.lines(doc_text(doc))
        added: list[ActorMention] = []
        for ent in doc.ents:
            start, end = self._trim(ent)
            if start >= end or any(taken[start:end]):
                continue
            if ent.label_ not in PLACE_LABELS and any(
                a <= ent.start_char < b for a, b in datelines
            ):
                continue  # the agency of a dateline reports; it does not act
            if ent.label_ in PLACE_LABELS:
                self._place(doc, start, end, found)
                continue
            kind = MODEL_KINDS.get(ent.label_)
            if kind is None or not self.acceptable(doc, doc[start:end], kind):
                continue
            text = doc_text(doc)[table.idx[start] : table.end[end - 1]]
            if end - start == 1 and text in surnames:
                continue  # a surname of someone named before: coreference's business
            aff = self.affiliation(doc, start, end, at, ms)
            s_char, e_char = table.idx[start], table.end[end - 1]
            if kind == "organization" and aff.country is None:
                known = self._in_focus(text, s_char, found.actors)
                if known is not None:
                    added.append(replace(known, text=text, start=s_char, end=e_char))
                    taken[start:end] = b"\x01" * (end - start)
                    continue
            name = " ".join(text.split())
            added.append(
                ActorMention(
                    text=text, start=table.idx[start], end=table.end[end - 1], name=name,
                    kind=kind, country=aff.country, sector=aff.sector,
                    role=aff.role if kind == "person" else None,
                    entity_id=f"new:{slug(name)}", how="model",
                )
            )  # fmt: skip
            if kind == "person":
                surnames.update(name.split()[1:])
                words = (aff.role or "").lower().split()
                gender = self.cues.title_genders.get(words[-1]) if words else None
                if gender:  # "spokeswoman": she, for pronouns later
                    found.genders[f"new:{slug(name)}"] = gender
            if aff.office and aff.office != "other":
                found.offices.setdefault(f"new:{slug(name)}", aff.office)
            taken[start:end] = b"\x01" * (end - start)
        found.actors.extend(added)
        found.actors.sort(key=lambda a: (a.start, a.end))

    def _place(self, doc: Doc, start: int, end: int, found: Found) -> None:
        """An unknown place is a location when the parse puts it under a preposition of
        place or motion ("talks in Sochi"), or it opens a dateline."""
        table = token_table(doc)
        s, e = table.idx[start], table.end[end - 1]
        dateline = any(a <= s and e <= b for a, b in self.resolver.datelines.places(doc_text(doc)))
        if not dateline and not self.resolver._locative_parse(doc, start, end):
            return
        text = doc_text(doc)[s:e]
        found.places.append(PlaceMention(text=text, start=s, end=e, name=text, country=None))
        found.places.sort(key=lambda p: p.start)


#: Marks after which a capital starts a quotation or a clause, not a name.
_OPENERS = frozenset({'"', "“", "‘", "'", ":", "(", "—", "–"})


def recognize_entities(doc: Doc, ner: Callable[[Doc], Doc], sents: list[Span]) -> None:
    """Run the model's NER on some sentences of `doc` only and set `doc.ents` from them.

    The named entity recogniser of the small English pipeline has its own token vectors,
    so it runs on a document made of just these sentences; its entities are moved back
    to the offsets of `doc`.
    """
    if not sents:
        doc.ents = []
        return
    words: list[str] = []
    spaces: list[bool] = []
    offsets: list[int] = []  # sub-doc token -> doc token
    starts: list[bool] = []
    for sent in sents:
        for k, token in enumerate(sent):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))
            offsets.append(token.i)
            starts.append(k == 0)
    sub = ner(Doc(doc.vocab, words=words, spaces=spaces, sent_starts=list(starts)))
    ents = []
    for ent in sub.ents:
        first, last = offsets[ent.start], offsets[ent.end - 1]
        if last - first == ent.end - 1 - ent.start:  # never across two sentences
            ents.append(Span(doc, first, last + 1, label=ent.label_))
    doc.ents = ents
