"""Turn recognised spans into actor mentions, place mentions and anachronism flags.

Reads each match with its neighbours: a demonym or a possessive country before a title
before a name is one person ("Iranian Foreign Minister Abbas Araghchi"); a title with no
name is the office holder at the document's date ("Iran's top diplomat"); a capital after a
locative preposition is a place ("talks in Moscow"), elsewhere the state ("Moscow said");
"the Biden administration" is the US government and, dated after his term, an anachronism.
Pronouns and repeated surnames are left to coref.py.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from dyad.actors.cues import Cues
from dyad.actors.kb import KnowledgeBase, Organization, Person, Role, State, TitleInfo
from dyad.actors.kbfiles import LEADER_OFFICES, SINGLE_HOLDER_OFFICES, TITLE_LEADER
from dyad.actors.parse import Datelines, WordClasses, np_head
from dyad.actors.recognize import Match
from dyad.model import ActorMention, Flag, PlaceMention
from dyad.nlp.tokens import doc_text, token_table

POSSESSIVES = frozenset({"'s", "’s", "'", "’", "'S", "’S"})
_INITIAL = re.compile(r"^[A-Z]\.$")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
MODIFIERS = frozenset({"state", "demonym", "metonym", "combining"})
#: Categories that can stand for a state inside a hyphenated compound ("Russo-Iranian").
_COMPOUNDABLE = frozenset({"state", "demonym", "combining"})


@dataclass(frozen=True)
class Description:
    """A bare title after a determiner ("the minister"), to be resolved by coref."""

    start: int  # token offsets
    end: int
    office: str
    head: str  # the title phrase, lowercase


@dataclass
class Found:
    """What resolution found in one document, in plain values."""

    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    descriptions: list[Description] = field(default_factory=list)
    pairs: list[tuple[int, int]] = field(default_factory=list)  # token offsets
    offices: dict[str, str] = field(default_factory=dict)  # entity id -> office in the text
    genders: dict[str, str] = field(default_factory=dict)  # new-person id -> gender


def slug(name: str) -> str:
    """The id part of a person found only in the text ("Trita Parsi" -> "trita-parsi")."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def char_span(doc: Doc, start: int, end: int) -> tuple[str, int, int]:
    """Text and character offsets of tokens [start, end)."""
    table = token_table(doc)  # doc[i] builds a Token object on every call
    s, e = table.idx[start], table.end[end - 1]
    return doc_text(doc)[s:e], s, e


def mention_at(doc: Doc, start: int, end: int, **fields: str | None) -> ActorMention:
    """An actor mention over tokens [start, end), offsets taken from the tokens."""
    text, s, e = char_span(doc, start, end)
    return ActorMention(text=text, start=s, end=e, **fields)  # type: ignore[arg-type]


class Resolver:
    """Resolves the matches of one document against the knowledge base."""

    def __init__(self, kb: KnowledgeBase, cues: Cues, words: WordClasses) -> None:
        """`words` are the trained pipeline's word classes, which tell a capitalised common
        word ("Just", "Left" in a Title-Case headline) from a name."""
        self.kb = kb
        self.cues = cues
        self.words = words
        self.datelines = Datelines(cues.month_names)

    def name_word(self, doc: Doc, i: int, strict: bool) -> bool:
        """May capitalised token i be part of a personal name?

        A word the lexicon does not know always may; a word it knows as a noun but never as
        an adjective or adverb may when the parse reads it as a proper noun ("Mark", "Will");
        strictly (a name with no title before it), only as a noun and nothing else.
        """
        classes = self.words.classes(token_table(doc).lower[i])
        if not classes:
            return True
        if token_table(doc).pos[i] != "PROPN":
            return False
        if strict:
            return classes == {"noun"}
        return "noun" in classes and not classes & {"adj", "adv"}

    # ----- mention builders -------------------------------------------------------------

    @staticmethod
    def state_mention(
        doc: Doc, start: int, end: int, state: State, how: str, sector: str = "GOV"
    ) -> ActorMention:
        """A state as an actor: its government, sector GOV unless the text says otherwise."""
        return mention_at(
            doc, start, end, name=state.government, kind="state", country=state.code,
            sector=sector, entity_id=state.entity_id, how=how,
        )  # fmt: skip

    @staticmethod
    def person_mention(
        doc: Doc, start: int, end: int, person: Person, role: str | None, how: str
    ) -> ActorMention:
        return mention_at(
            doc, start, end, name=person.name, kind="person", country=person.country,
            sector=person.sector or "GOV", role=role, entity_id=person.entity_id, how=how,
        )  # fmt: skip

    @staticmethod
    def org_mention(doc: Doc, start: int, end: int, org: Organization) -> ActorMention:
        return mention_at(
            doc, start, end, name=org.name, kind="organization", country=org.country,
            sector=org.sector, entity_id=org.entity_id, how="kb",
        )  # fmt: skip

    # ----- helpers over tokens ----------------------------------------------------------

    @staticmethod
    def _lower(doc: Doc, i: int) -> str:
        return token_table(doc).lower[i] if 0 <= i < len(doc) else ""

    def _prev_word(self, doc: Doc, i: int) -> int:
        """Index of the token before i, skipping one determiner "the"."""
        j = i - 1
        if self._lower(doc, j) == "the":
            j -= 1
        return j

    def _is_former(self, doc: Doc, i: int) -> bool:
        """A former-marker shortly before token i ("former US President", "ex-")."""
        table = token_table(doc)
        for j in range(i - 1, max(i - 4, -1), -1):
            word = table.lower[j]
            if word in self.cues.former_markers:
                return True
            if word not in ("-", "the") and not table.text[j][:1].isupper():
                break
        return False

    def _locative(self, doc: Doc, i: int, last_place_end: int, end: int | None = None) -> bool:
        """Is the name at token i a location? ("in Moscow", "a visit to Tehran")."""
        if end is not None and self._locative_parse(doc, i, end):
            return True
        j = self._prev_word(doc, i)
        word = self._lower(doc, j)
        if word in self.cues.locative_prepositions or word in self.cues.place_verbs:
            return True
        if word in self.cues.directional_prepositions:
            return any(self._lower(doc, k) in self.cues.motion_words for k in (j - 1, j - 2, j - 3))
        return word in self.cues.coordinators and j == last_place_end

    def _locative_parse(self, doc: Doc, start: int, end: int) -> bool:
        """The parse puts the name under a locative preposition ("talks held on Monday in
        Moscow"), or under "to"/"from" of a motion word ("flew on Sunday to Tehran")."""
        if not doc.has_annotation("DEP"):
            return False
        head = np_head(doc, start, end)
        if head.dep_ != "pobj":
            return False
        prep = head.head
        if prep.lower_ in self.cues.locative_prepositions:
            return True
        if prep.lower_ in self.cues.directional_prepositions:
            return prep.head.lower_ in self.cues.motion_words or (
                prep.head.lemma_.lower() in self.cues.motion_words
            )
        return False

    def venue_modifier(self, doc: Doc, start: int, end: int) -> bool:
        """Is the name a modifier of a gathering noun ("the Moscow talks")? Then it is where
        the gathering happens, not a party to it."""
        if not doc.has_annotation("DEP"):
            return end < len(doc) and doc[end].lower_ in self.cues.venue_nouns
        head = np_head(doc, start, end)
        return (
            head.dep_ in ("compound", "nmod", "amod", "npadvmod")
            and head.head.i >= end
            and head.head.lower_ in self.cues.venue_nouns
        )

    @staticmethod
    def _noun_modifier(doc: Doc, i: int) -> bool:
        """Is the name before token i a modifier of a noun ("in US rhetoric")?"""
        return i < len(doc) and doc[i].is_lower and doc[i].tag_ in ("NN", "NNS")

    @staticmethod
    def demonym_as_noun(doc: Doc, start: int, end: int) -> bool:
        """A plural demonym that heads its own noun phrase ("the Russians"): the parse
        makes it an argument, not a modifier."""
        token = doc[end - 1]
        return (
            token.text.endswith("s")
            and token.pos_ in ("NOUN", "PROPN")
            and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr")
        )

    def names_a_site(self, doc: Doc, i: int) -> bool:
        """Whether the demonym at token i modifies a noun of sites or land ("Iranian
        nuclear facilities", "Ukrainian cities"), read from the parse."""
        token = doc[i]
        if token.dep_ not in ("amod", "compound", "nmod") or token.head.i <= i:
            return False
        return token.head.lemma_.lower() in self.cues.site_nouns

    @staticmethod
    def modified_noun(doc: Doc, i: int) -> int | None:
        """The noun a coordinated modifier at token i belongs to, from the parse ("Israeli"
        in "the Israeli and US strikes"), when it stands after the coordination."""
        token = doc[i]
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        if token.dep_ not in ("amod", "compound", "nmod") or token.head.i <= i + 1:
            return None
        if not token.conjuncts and token.i == i:
            return None
        return int(token.head.i)

    def _demonym_head(self, doc: Doc, i: int, agents: bool) -> tuple[int, str] | None:
        """An actor noun after a demonym ("officials", "armed forces"): (end, sector).

        With `agents`, also a noun of an act the state performs ("the American offer"):
        then the end is `i` itself, since the noun is the act, not part of the actor's
        name (events read "Israeli" as the author of "airstrikes").
        """
        for width in (2, 1):
            if i + width > len(doc):
                continue
            phrase = " ".join(token_table(doc).lower[i : i + width])
            sector = self.cues.demonym_heads.get(phrase)
            if sector is not None:
                return i + width, sector
            if agents and (sector := self.cues.demonym_agent_nouns.get(phrase)) is not None:
                return i, sector
        return None

    def _name_token(self, doc: Doc, i: int, taken: bytearray, strict: bool = False) -> bool:
        tok = doc[i]
        text = tok.text
        if taken[i] or not text[:1].isupper():
            return False
        if _INITIAL.match(text):
            return True
        if not text.replace("-", "").isalpha() or text.isupper():
            return False
        return self.name_word(doc, i, strict)

    def capitalized_name(
        self, doc: Doc, i: int, taken: bytearray, strict: bool = False
    ) -> int | None:
        """End of a 2-4 word personal name starting at token i, or None."""
        j, words = i, 0
        while j < len(doc) and words < 4:
            if self._name_token(doc, j, taken, strict):
                words += 1
                j += 1
            elif (
                words
                and doc[j].lower_ in self.cues.name_particles
                and j + 1 < len(doc)
                and self._name_token(doc, j + 1, taken, strict)
            ):
                j += 1
            else:
                break
        if words < 2 or _INITIAL.match(doc[j - 1].text):
            return None
        return j

    def _name_before(self, doc: Doc, i: int, taken: bytearray) -> int | None:
        """Start of a 2-4 word name ending just before token i, or None."""
        for width in (4, 3, 2):
            start = i - width
            if start >= 0 and self.capitalized_name(doc, start, taken) == i:
                return start
        return None

    # ----- persons and tenure -----------------------------------------------------------

    def pick_person(self, key: str, on: str | None, seen: set[str]) -> Person | None:
        """One person for a surface form several people share: in office, then seen before."""
        people = [p for p in (self.kb.entity(k) for k in key.split("|")) if isinstance(p, Person)]
        if len(people) > 1:
            people.sort(key=lambda p: (p.role_at(on) is None, p.entity_id not in seen))
        return people[0] if people else None

    def tenure_flag(
        self,
        doc: Doc,
        span: tuple[int, int],
        person: Person,
        offices: AbstractSet[str],
        on: str | None,
    ) -> Flag | None:
        """An anachronism flag when the text gives a person an office not held on the date.

        Not when the sentence itself dates the reference to the tenure ("in 2023").
        """
        if on is None:
            return None
        held = [r for r in person.roles if r.office in offices]
        if not held or any(r.active_on(on) for r in held):
            return None
        past = [r for r in held if r.end and r.end < on]
        role: Role = max(past, key=lambda r: r.end or "") if past else held[0]
        sentence = doc[span[0]].sent.text if doc.has_annotation("SENT_START") else ""
        first, last = (role.start or "0000")[:4], (role.end or on)[:4]
        if any(first <= year <= last for year in _YEAR.findall(sentence)):
            return None
        text, start, end = char_span(doc, *span)
        when = f"until {role.end}" if past else f"only from {role.start}"
        verb = "was" if past else "became"
        message = f"{text}: {person.name} {verb} {role.title} {when}; the document is dated {on}"
        return Flag(kind="anachronism", message=message, start=start, end=end)

    def title_office(self, title: str, state: State | None) -> TitleInfo | None:
        info = self.kb.titles.get(title)
        if (
            title in self.cues.leader_titles
            or (info is not None and info.office == TITLE_LEADER)
            or (
                info is not None
                and info.office == "other"
                and title.split()[-1] in self.cues.leader_titles
            )
        ):
            return TitleInfo(state.leader_office, "GOV") if state else TitleInfo("other", "GOV")
        return info

    # ----- the walk over matches --------------------------------------------------------

    def resolve(self, doc: Doc, matches: list[Match], on: str | None) -> Found:
        """Resolve a document's matches (sorted, non-overlapping) at date `on`."""
        walk = _Walk(self, doc, matches, on)
        i = 0
        while i < len(matches):
            i += walk.step(i)
        walk.appositives()
        walk.found.actors.sort(key=lambda a: (a.start, a.end))
        walk.found.places.sort(key=lambda p: p.start)
        return walk.found


class _Walk:
    """Per-document state of one resolution pass."""

    def __init__(self, r: Resolver, doc: Doc, matches: list[Match], on: str | None) -> None:
        self.r, self.doc, self.ms, self.on = r, doc, matches, on
        self.found = Found()
        self.taken = bytearray(len(doc))
        for m in matches:
            if m.category != "title":
                self.taken[m.start : m.end] = b"\x01" * (m.end - m.start)
        self.last_place_end = -10
        self.datelines = r.datelines.places(doc_text(doc))
        self.seen: set[str] = set()
        self.pending_titles: list[tuple[Match, State | Organization | None]] = []

    def _next(self, i: int, at: int) -> Match | None:
        if i + 1 < len(self.ms) and self.ms[i + 1].start == at:
            return self.ms[i + 1]
        return None

    def _possessive(self, at: int) -> bool:
        return at < len(self.doc) and self.doc[at].text in POSSESSIVES

    def _add(self, mention: ActorMention) -> None:
        self.found.actors.append(mention)
        if mention.entity_id:
            self.seen.add(mention.entity_id)

    def _place(self, start: int, end: int, name: str, country: str | None) -> None:
        text, s, e = char_span(self.doc, start, end)
        self.found.places.append(
            PlaceMention(text=text, start=s, end=e, name=name, country=country)
        )
        self.last_place_end = end

    def _in_dateline(self, m: Match) -> bool:
        table = token_table(self.doc)
        s, e = table.idx[m.start], table.end[m.end - 1]
        return any(a <= s and e <= b for a, b in self.datelines)

    def _dateline_place(self, m: Match) -> bool:
        """A name in a dateline ("MOSCOW (Reuters) -") is where the story was filed."""
        if m.category not in ("state", "metonym", "place") or not self._in_dateline(m):
            return False
        if m.category == "place":
            place = self.r.kb.places[int(m.key)]
            self._place(m.start, m.end, place.name, place.country)
            return True
        state = self.r.kb.state(m.key)
        if state is None:
            return False
        name = state.name if m.category == "state" else m.form.removeprefix("the ")
        self._place(m.start, m.end, name.removeprefix("The "), state.code)
        return True

    def step(self, i: int) -> int:
        """Resolve match i (and the matches it governs); return how many were consumed."""
        m = self.ms[i]
        if self.datelines and self._dateline_place(m):
            return 1
        if m.category in MODIFIERS or m.category == "org":
            return self._modifier(i)
        if m.category == "title":
            return 1 + self._titled(i, None, None)
        if m.category == "person":
            self._person(m)
        elif m.category == "place":
            place = self.r.kb.places[int(m.key)]
            self._place(m.start, m.end, place.name, place.country)
        elif m.category == "pair":
            self.found.pairs.append((m.start, m.end))
        return 1

    def _modifier(self, i: int) -> int:
        m, doc = self.ms[i], self.doc
        at = m.end
        possessive = self._possessive(at)
        if possessive:
            at += 1
        nxt = self._next(i, at)
        org = self.r.kb.organizations.get(m.key.partition(":")[2]) if m.category == "org" else None
        state = None if org else self.r.kb.state(m.key)
        if org is not None:
            self._add(self.r.org_mention(doc, m.start, m.end, org))
        if nxt is not None and nxt.category == "title":
            return 2 + self._titled(i + 1, state or org, m)
        if nxt is not None and nxt.category == "person" and (state is None or not possessive):
            self._person(nxt)
            return 2
        if org is not None:
            end = self.r.capitalized_name(doc, at, self.taken, strict=True) if possessive else None
            if end is not None:
                self._new_person(at, end, org.country, org.sector, None, None)
            return 1
        if state is None:  # a code the states table lacks (a reduced user KB)
            return 1
        agents = m.category == "demonym"
        head = None if possessive else self.r._demonym_head(doc, m.end, agents)
        if head is None and agents and not possessive:
            # "the Israeli and US strikes": a coordinated demonym modifies the noun the
            # parse hangs it on, past the coordination
            noun = self.r.modified_noun(doc, m.end - 1)
            if noun is not None and self.r._demonym_head(doc, noun, agents) is not None:
                head = (m.end, self.r._demonym_head(doc, noun, agents)[1])  # type: ignore[index]
        after = self._next(i, head[0]) if head is not None else None
        if after is not None and after.category == "person":
            return 1  # "his Russian counterpart Sergei Lavrov": the person, not the state
        if head is not None:
            how = "demonym" if m.category == "demonym" else "kb"
            self._add(self.r.state_mention(doc, m.start, head[0], state, how, head[1]))
            return 1
        if m.category in ("demonym", "combining"):
            if self._compound(i):
                self._add(self.r.state_mention(doc, m.start, m.end, state, "demonym"))
            elif self.r.names_a_site(doc, m.end - 1):
                # "Iranian nuclear facilities", "Syrian territory": a place in the state
                self._place(m.start, m.end, state.name, state.code)
            elif self.r.demonym_as_noun(doc, m.start, m.end):
                # "the Russians attacked", "not just Israel but also the Americans"
                self._add(self.r.state_mention(doc, m.start, m.end, state, "demonym"))
            return 1
        suffixed = self.r._lower(doc, m.end) == "-" and (
            self.r._lower(doc, m.end + 1) in self.r.cues.place_suffixes
        )
        if suffixed or (
            not possessive
            and (
                (m.category == "metonym" and self.r.venue_modifier(doc, m.start, m.end))
                or (
                    not self.r._noun_modifier(doc, m.end)
                    and self.r._locative(doc, m.start, self.last_place_end, m.end)
                )
            )
        ):
            name = m.form.removeprefix("the ").removeprefix("The ")
            if m.category == "state":
                name = state.name
            self._place(m.start, m.end, name, state.code)
            return 1
        how = "metonym" if m.category == "metonym" else "kb"
        self._add(self.r.state_mention(doc, m.start, m.end, state, how))
        return 1

    def _compound(self, i: int) -> bool:
        """Is demonym i part of a hyphenated pair or an agentive compound?

        "Russo-Iranian", "Israeli-US" (a pair of states) and "Israeli-instigated" (a state
        doing something) are actors; a combining form alone ("Russo") is nothing.
        """
        m, doc, r = self.ms[i], self.doc, self.r
        if r._lower(doc, m.end) == "-":
            nxt = self._next(i, m.end + 1)
            if nxt is not None and nxt.category in _COMPOUNDABLE:
                return True
            word = r._lower(doc, m.end + 1)
            if m.category == "demonym" and word.endswith("ed") and word.isalpha():
                return word not in r.cues.place_suffixes
        if i > 0 and r._lower(doc, m.start - 1) == "-":
            prev = self.ms[i - 1]
            return prev.end == m.start - 1 and prev.category in _COMPOUNDABLE
        return False

    def _person(
        self,
        m: Match,
        title: TitleInfo | None = None,
        title_text: str = "",
        span_start: int | None = None,
    ) -> None:
        """A person named from the KB, maybe behind a title; checks tenure and administration."""
        r, doc = self.r, self.doc
        person = r.pick_person(m.key, self.on, self.seen)
        if person is None:
            return
        role = person.role_at(self.on)
        if title is not None and (role is None or role.office != title.office):
            named = [r for r in person.roles if r.office == title.office and r.active_on(self.on)]
            role = named[0] if named else role  # the office the text names, if held
        role_title = role.title if role else (title_text.title() if title_text else None)
        if (
            title is None
            and r._lower(doc, m.start - 1) == "the"
            and r._lower(doc, m.end) in r.cues.administration_heads
            and person.country
            and (state := r.kb.state(person.country)) is not None
        ):
            self._add(r.state_mention(doc, m.start, m.end + 1, state, "metonym"))
            flag = r.tenure_flag(doc, (m.start, m.end + 1), person, LEADER_OFFICES, self.on)
            if flag:
                self.found.flags.append(flag)
            return
        mention = r.person_mention(doc, m.start, m.end, person, role_title, "kb")
        self._add(mention)
        if role is not None:
            self.found.offices.setdefault(person.entity_id, role.office)
        if (
            title is not None
            and title.office != "other"
            and span_start is not None
            and not r._is_former(doc, span_start)
            and not any(
                t.lower_ in r.cues.future_markers
                for t in doc[max(0, span_start - 2) : m.end]  # "incoming President X"
            )
        ):
            flag = r.tenure_flag(doc, (span_start, m.end), person, {title.office}, self.on)
            if flag:
                self.found.flags.append(flag)

    def _new_person(
        self,
        start: int,
        end: int,
        country: str | None,
        sector: str | None,
        office: str | None,
        role: str | None,
    ) -> None:
        name = " ".join(self.doc[start:end].text.split())
        entity_id = f"new:{slug(name)}"
        mention = mention_at(
            self.doc, start, end, name=name, kind="person", country=country, sector=sector,
            role=role, entity_id=entity_id, how="title",
        )  # fmt: skip
        self._add(mention)
        self.taken[start:end] = b"\x01" * (end - start)
        if office and office != "other":
            self.found.offices.setdefault(entity_id, office)
        words = (role or "").lower().split()
        gender = self.r.cues.title_genders.get(words[-1]) if words else None
        if gender:  # "spokeswoman Jane Roe": she, for pronouns later
            self.found.genders[entity_id] = gender

    def _titled(self, t_index: int, owner: State | Organization | None, mod: Match | None) -> int:
        """A title, maybe after a country or organisation; returns extra matches consumed."""
        r, doc, t = self.r, self.doc, self.ms[t_index]
        state = owner if isinstance(owner, State) else None
        org = owner if isinstance(owner, Organization) else None
        info = r.title_office(t.key, state)
        if info is None:
            return 0
        title_text = doc[t.start : t.end].text
        span_start = mod.start if mod is not None else t.start
        nxt = self._next(t_index, t.end)
        if nxt is not None and nxt.category == "person":
            self._person(nxt, info, title_text, span_start)
            return 1
        end = r.capitalized_name(doc, t.end, self.taken)
        if end is not None:
            country = state.code if state else (org.country if org else None)
            sector = info.sector or (org.sector if org else None)
            self._new_person(t.end, end, country, sector, info.office, title_text.title())
            return 0
        if state is not None and mod is not None:
            self._role(mod, t, state, info, title_text)
        elif mod is None and r._lower(doc, t.start - 1) in r.cues.description_determiners:
            self.found.descriptions.append(Description(t.start, t.end, info.office, t.key))
        else:
            self.pending_titles.append((t, owner))
        return 0

    def _role(self, mod: Match, t: Match, state: State, info: TitleInfo, title_text: str) -> None:
        """ "Iran's top diplomat", "the Russian leader": the office holder at the date."""
        r, doc = self.r, self.doc
        start = mod.start - 1 if r._lower(doc, mod.start - 1) == "the" else mod.start
        sector = r.cues.demonym_heads.get(t.key)
        if info.office == "other" and sector is not None:
            self._add(r.state_mention(doc, mod.start, t.end, state, "demonym", sector))
            return
        gender = r.cues.title_genders.get(t.key.split()[-1])
        holder = None if info.office == "other" else self._recent_holder(info.office, state.code)
        if info.office == "other":
            holder = self._recent_compatriot(state.code, t.start, info.sector)
        elif holder is None:
            holders = r.kb.office_holders(info.office, state.code, self.on, gender)
            if len(holders) == 1 or (holders and info.office in SINGLE_HOLDER_OFFICES):
                holder = holders[0]
            else:  # "the Russian diplomat": a compatriot named just before, if any
                holder = self._recent_compatriot(state.code, t.start, info.sector)
        if holder is None:
            if not self._named_after(t, state, info, title_text) and (
                info.office in SINGLE_HOLDER_OFFICES
            ):
                # "Turkey's defence minister", whom the KB does not know: that state's
                # official, at country level, with the office the text names
                mention = r.state_mention(doc, start, t.end, state, "role", info.sector or "GOV")
                self._add(replace(mention, role=title_text.title()))
            return
        role = holder.role_at(self.on)
        mention = r.person_mention(
            doc, start, t.end, holder, role.title if role else title_text.title(), "role"
        )
        self._add(mention)

    def _named_after(self, t: Match, state: State, info: TitleInfo, title_text: str) -> bool:
        """ "Moscow's envoy to Tehran, Pavel Grushkin,": the name after the description."""
        r, doc = self.r, self.doc
        j = t.end
        if r._lower(doc, j) in r.cues.affiliation_prepositions | {"to", "in"}:
            j += 1
            while j < min(t.end + 6, len(doc)) and doc[j].text != ",":
                j += 1
        if j >= len(doc) or doc[j].text != ",":
            return False
        end = r.capitalized_name(doc, j + 1, self.taken)
        if end is None:
            return False
        self._new_person(j + 1, end, state.code, info.sector, info.office, title_text.title())
        return True

    def _recent_compatriot(self, country: str, at: int, sector: str | None) -> Person | None:
        """The latest KB person of that country (and sector) named in this or the previous
        sentence: "the Russian diplomat" after Lavrov, not after a Russian journalist."""
        doc = self.doc
        if not doc.has_annotation("SENT_START"):
            return None
        first = doc[at].sent.start
        if first > 0:
            first = doc[first - 1].sent.start
        since = doc[first].idx
        for mention in reversed(self.found.actors):
            if mention.start < since:
                break
            if mention.kind == "person" and mention.country == country:
                entity = self.r.kb.entity(mention.entity_id or "")
                if isinstance(entity, Person) and sector in (None, entity.sector or "GOV"):
                    return entity
                return None
        return None

    def _recent_holder(self, office: str, country: str) -> Person | None:
        """A person of that office and country already named in this document."""
        for mention in reversed(self.found.actors):
            if (
                mention.kind == "person"
                and mention.country == country
                and mention.entity_id
                and self.found.offices.get(mention.entity_id) == office
            ):
                entity = self.r.kb.entity(mention.entity_id)
                return entity if isinstance(entity, Person) else None
        return None

    def appositives(self) -> None:
        """ "Irina Petrova, a senior fellow at ...": a name just before a described title."""
        r, doc = self.r, self.doc
        for t, owner in self.pending_titles:
            j = t.start - 1
            if isinstance(owner, State):
                continue
            skipped = 0
            while j >= 0 and doc[j].is_lower and doc[j].is_alpha and skipped < 3:
                if doc[j].lower_ in r.cues.appositive_determiners:
                    j -= 1
                    break
                j -= 1
                skipped += 1
            if j < 0 or doc[j].text not in r.cues.appositive_marks:
                continue
            start = r._name_before(doc, j, self.taken)
            if start is None:
                continue
            info = r.kb.titles.get(t.key)
            country, sector = None, info.sector if info else None
            k = t.end
            if r._lower(doc, k) in r.cues.affiliation_prepositions:
                for m in self.ms:
                    if m.category == "org" and m.start in (k + 1, k + 2):
                        org = r.kb.organizations.get(m.key.partition(":")[2])
                        if org is not None:
                            country = org.country if len(org.country) == 3 else None
                            sector = sector or org.sector
                        break
            self._new_person(
                start,
                j,
                country,
                sector,
                info.office if info else None,
                doc[t.start : t.end].text.title(),
            )
