"""Within-document coreference: surnames, pronouns, "the minister", "the two countries".

Runs after resolve.py over its plain results, in text order:
- a surname (or the last word of a name) after the full name is that person;
- he/she/his/her is the most salient compatible person of the same or previous sentence:
  a person followed by a verb (a subject) is preferred, then the first one;
- "the minister" is the latest person named with that office or title word;
- "the two countries" / "both sides" is the two states most mentioned so far;
- it/its/they/their is the state or body that is the subject of a clause governing the
  pronoun ("Iran said it would respond"), or of the sentence before when the pronoun opens
  a reporting sentence ("It said ..."); never an impersonal "it" ("it is unclear whether");
- "the ministry" is the latest organisation named whose name ends in that noun;
- "his Iranian counterpart" is Iran's holder of the office of the person "his" refers to.
Every mention made here has how="coref" (a counterpart: how="role").
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from dataclasses import replace

from spacy.attrs import IDX, LOWER, ORTH
from spacy.tokens import Doc, Token

from dyad.actors.cues import Cues
from dyad.actors.kb import KnowledgeBase, Person
from dyad.actors.kbfiles import SINGLE_HOLDER_OFFICES
from dyad.actors.parse import SUBJECT_DEPS, np_head
from dyad.actors.resolve import Description, Found, Resolver, char_span, mention_at
from dyad.model import ActorMention
from dyad.nlp import clauses
from dyad.nlp.tokens import doc_text

_VERB_TAGS = ("VB", "MD")
_BODY_KINDS = ("state", "organization")
_PLURAL_TAGS = ("NNS", "NNPS")


#: What joins the two names of a pair: "Israel and Iran", "Russia–Iran", "Russia/Iran" (a
#: comma does not: "Iran, the Kremlin said" is no pair).
_PAIR_JOINERS = frozenset({"and", "&", "-", "–", "—", "/", "and the"})


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
        pronouns = self._pronouns(doc, view, persons, covered, found)
        added += pronouns
        self._counterparts(doc, view, pronouns, found, on)
        added += self._descriptions(doc, persons, found, on)
        added += self._pairs(doc, found)
        if doc.has_annotation("DEP"):
            added += self._things(doc, view, found, covered)
            added += self._org_descriptions(doc, view, found, covered)
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
            if doc.has_annotation("DEP"):
                head = np_head(doc, first, end)
                subject = head.dep_ in SUBJECT_DEPS or (
                    head.dep_ == "pobj" and head.head.dep_ == "agent"
                )
            else:
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
        fitting = []
        for mention in reversed(persons):
            if mention.end > start:
                continue
            office = found.offices.get(mention.entity_id or "")
            if (d.office != "other" and office == d.office) or (
                d.office == "other" and head in (mention.role or "").lower().split()
            ):
                fitting.append(mention)
        if not fitting:
            return None
        latest = fitting[0]
        span = doc.char_span(latest.start, latest.end, alignment_mode="expand")
        if span is not None and doc.has_annotation("SENT_START"):
            sent = span.sent
            rivals = {
                m.entity_id
                for m in fitting
                if m.start >= sent.start_char and m.end <= sent.end_char
            }
            if len(rivals) > 1:  # "Lavrov met Araghchi. The foreign minister ...": which?
                return None
        return latest

    def _pairs(self, doc: Doc, found: Found) -> list[ActorMention]:
        out: list[ActorMention] = []
        for start, end in found.pairs:
            first = doc[start].idx
            if doc[end - 1].lower_ in self.cues.pair_person_nouns:
                out += self._pair_of_people(doc, start, end, found)
                continue
            counts: dict[str, float] = {}
            last_seen: dict[str, int] = {}
            states: list[ActorMention] = []
            for a in found.actors:
                if a.start >= first:
                    break
                if a.country and len(a.country) == 3 and a.country not in ("IGO", "NGO", "MNC"):
                    weight = 1.0 if a.kind == "state" else 0.5
                    counts[a.country] = counts.get(a.country, 0.0) + weight
                    last_seen[a.country] = a.start
                    states.append(a)
            ranked = self._named_pair(doc, states, start) or sorted(
                counts, key=lambda c: (-counts[c], -last_seen[c])
            )[:2]
            if len(ranked) < 2:
                continue
            for code in sorted(ranked):
                state = self.kb.state(code)
                if state is not None:
                    out.append(Resolver.state_mention(doc, start, end, state, "coref"))
        return out

    def _named_pair(self, doc: Doc, states: list[ActorMention], start: int) -> list[str]:
        """The last pair of states named together ("Israel and Iran", "between X and Y",
        "the Russia–Iran treaty") in the phrase's sentence or the one before: "the two
        countries" points back to it, not to the states the document names most."""
        token = doc[start]
        sent = token.sent if doc.has_annotation("SENT_START") else doc[:]
        earliest = sent.start_char
        if sent.start > 0 and doc.has_annotation("SENT_START"):
            earliest = doc[sent.start - 1].sent.start_char
        for a, b in reversed(list(itertools.pairwise(states))):
            if a.start < earliest:
                break
            between = doc_text(doc)[a.end : b.start].strip().lower()
            if a.country != b.country and between in _PAIR_JOINERS:
                return [a.country or "", b.country or ""]
        return []

    @staticmethod
    def _pair_of_people(doc: Doc, start: int, end: int, found: Found) -> list[ActorMention]:
        """ "the two leaders": the last two people named before, of two countries."""
        first = doc[start].idx
        latest: dict[str, ActorMention] = {}
        for a in found.actors:
            if a.start >= first:
                break
            if a.kind == "person" and a.country and a.entity_id:
                latest.pop(a.country, None)
                latest[a.country] = a  # insertion order: the most recent last
        people = list(latest.values())[-2:]
        if len(people) < 2:
            return []
        return [
            mention_at(
                doc, start, end, name=p.name, kind="person", country=p.country,
                sector=p.sector, role=p.role, entity_id=p.entity_id, how="coref",
            )
            for p in people
        ]

    # ----- states and bodies ------------------------------------------------------------

    def _body_heads(
        self, doc: Doc, view: _TokenView, found: Found
    ) -> dict[int, list[ActorMention]]:
        """State and organisation mentions by the token that heads them."""
        heads: dict[int, list[ActorMention]] = {}
        for a in found.actors:
            if a.kind in _BODY_KINDS:
                first, end = view.tokens(a.start, a.end)
                heads.setdefault(np_head(doc, first, end).i, []).append(a)
        return heads

    def _impersonal(self, token: Token) -> bool:
        """ "it is unclear whether", "it seems", "it was expected that": no referent."""
        head = token.head
        words = self.cues.impersonal_predicates
        passive = any(c.dep_ == "auxpass" for c in head.children)
        if head.lemma_.lower() in words or (passive and head.lower_ in words):
            return True  # "it seems", "it is said that"; not "it said"
        for child in head.children:
            if child.dep_ in ("acomp", "attr", "oprd") and child.lemma_.lower() in words:
                return True
            if child.dep_ == "expl":
                return True
        be = head.lemma_ == "be"
        return be and any(c.dep_ in ("ccomp", "csubj") and c.i > token.i for c in head.children)

    @staticmethod
    def _subject_of(verb: Token, token: Token) -> Token | None:
        """The subject of a verb before the pronoun, as the clause layer finds it (through
        coordination, control, relative clauses), unless it contains the pronoun itself."""
        for child in clauses.subjects(verb):
            if child.i < token.i:
                if child.left_edge.i <= token.i <= child.right_edge.i:
                    return None
                return child
        return None

    def _referents(
        self, subject: Token, heads: dict[int, list[ActorMention]], number: str
    ) -> list[ActorMention] | None:
        """The bodies a subject names, if they fit the pronoun's number, else None."""
        group = [subject, *(c for c in subject.children if c.dep_ == "conj")]
        mentions = [m for t in group for m in heads.get(t.i, [])]
        if not mentions or len(mentions) < len(group):
            return None
        if number == "sg":
            return mentions if len(mentions) == 1 and subject.tag_ not in _PLURAL_TAGS else None
        plural = len({m.country for m in mentions}) > 1 or subject.tag_ in _PLURAL_TAGS
        return mentions if plural else None

    def _governor(
        self, token: Token, heads: dict[int, list[ActorMention]], number: str
    ) -> list[ActorMention] | None:
        """The bodies that are the subject of the nearest clause governing the pronoun's
        own clause (a possessive may also take its own clause's subject: "Iran defended
        its programme")."""
        node, own_clause = token, token.dep_ != "poss"
        while node.head.i != node.i:
            below, node = node, node.head
            if node.pos_ in ("NOUN", "PROPN") and (
                below.dep_ in ("acl", "relcl")
                or any(c.dep_ == "poss" and c.i != token.i for c in node.children)
            ):
                return None  # "the West's plans to impose its will": a nearer owner
            if node.pos_ not in ("VERB", "AUX"):
                continue
            if own_clause:  # "Russia praised it": never the subject of its own verb
                own_clause = False
                continue
            subject = self._subject_of(node, token)
            if subject is not None:
                return self._referents(subject, heads, number)
        return None

    def _reporting_opener(
        self, doc: Doc, token: Token, heads: dict[int, list[ActorMention]], number: str
    ) -> list[ActorMention] | None:
        """ "Iran rejected the plan. It said ...": a pronoun opening a reporting sentence
        is the subject of the sentence before, when that subject is a state or body."""
        sent = token.sent
        if token.i != sent.start or token.dep_ not in SUBJECT_DEPS or sent.start == 0:
            return None
        if not any(c.dep_ == "ccomp" for c in token.head.children):
            return None
        previous = doc[sent.start - 1].sent.root
        subject = next(iter(clauses.subjects(previous)), None)
        return self._referents(subject, heads, number) if subject is not None else None

    def _things(
        self, doc: Doc, view: _TokenView, found: Found, covered: bytearray
    ) -> list[ActorMention]:
        """it/its/they/their for states and organisations (see the module docstring)."""
        numbers = {doc.vocab.strings.add(w): n for w, n in self.cues.thing_pronouns.items()}
        heads: dict[int, list[ActorMention]] | None = None
        out: list[ActorMention] = []
        for i, lower in enumerate(view.lower):
            number = numbers.get(lower)
            if number is None or covered[i]:
                continue
            token = doc[i]
            if number == "sg" and token.dep_ in SUBJECT_DEPS and self._impersonal(token):
                continue
            if heads is None:
                heads = self._body_heads(doc, view, found)
            referents = self._governor(token, heads, number)
            if referents is None:
                referents = self._reporting_opener(doc, token, heads, number)
            if not referents:
                continue
            text, s, e = char_span(doc, i, i + 1)
            out += [replace(m, text=text, start=s, end=e, how="coref") for m in referents]
            covered[i] = 1
        return out

    def _org_descriptions(
        self, doc: Doc, view: _TokenView, found: Found, covered: bytearray
    ) -> list[ActorMention]:
        """ "the ministry" after "the Russian Foreign Ministry": the latest organisation
        whose name ends in that noun, named within the three sentences before."""
        orgs = sorted(
            (a for a in found.actors if a.kind == "organization"),
            key=lambda a: a.start,
        )
        if not orgs:
            return []
        sent_of = view.sentence_index()
        out: list[ActorMention] = []
        for i in range(1, len(doc)):
            token = doc[i]
            if covered[i] or token.tag_ != "NN" or not token.is_lower:
                continue
            if doc[i - 1].lower_ not in self.cues.description_determiners:
                continue
            if token.dep_ == "compound" or (i + 1 < len(doc) and doc[i + 1].tag_ == "POS"):
                continue
            ante = None
            for org in reversed(orgs):
                first, _ = view.tokens(org.start, org.end)
                if first >= i or sent_of[i] - sent_of[first] > 3:
                    continue
                if org.name.split()[-1].lower() == token.lower_:
                    ante = org
                break
            if ante is None:
                continue
            text, s, e = char_span(doc, i - 1, i + 1)
            out.append(replace(ante, text=text, start=s, end=e, how="coref"))
            covered[i - 1 : i + 1] = b"\x01\x01"
        return out

    # ----- counterparts -----------------------------------------------------------------

    def _counterparts(
        self,
        doc: Doc,
        view: _TokenView,
        pronouns: list[ActorMention],
        found: Found,
        on: str | None,
    ) -> None:
        """ "Putin and his Iranian counterpart": Iran's holder of Putin's office, when the
        knowledge base knows exactly one (replaces the state mention in `found`)."""
        by_start = {p.start: p for p in pronouns}
        for n, mention in enumerate(found.actors):
            if mention.kind != "state" or not mention.text.lower().endswith("counterpart"):
                continue
            first, _ = view.tokens(mention.start, mention.end)
            owner = by_start.get(doc[first - 1].idx) if first > 0 else None
            if owner is None or not owner.entity_id or not mention.country:
                continue
            office = found.offices.get(owner.entity_id)
            if office is None:
                person = self.kb.entity(owner.entity_id)
                role = person.role_at(on) if isinstance(person, Person) else None
                office = role.office if role else None
            if office is None or office not in SINGLE_HOLDER_OFFICES:
                continue
            holders = self.kb.office_holders(office, mention.country, on)
            if len(holders) != 1:
                continue
            holder = holders[0]
            role = holder.role_at(on)
            found.actors[n] = replace(
                mention, name=holder.name, kind="person", sector=holder.sector or "GOV",
                role=role.title if role else None, entity_id=holder.entity_id, how="role",
            )  # fmt: skip
