"""Find an event's source and target among the actors of its sentence, without a parser.

The default pipeline is blank (no dependency parse), so arguments are found with
clause-aware heuristics over tokens and part-of-speech tags:

- subject: the nearest actor to the left in the trigger's clause that is not the object of
  a preposition, skipping appositives and relative clauses ("X, who met Y, said"), with
  coordination ("Russia, China and Pakistan") and "X, along with Y," collected;
- object: the first actor to the right before a preposition, verb or clause boundary;
- a preposition slot ("with X", "to X", "on X", "between X and Y");
- poss: an actor right before a noun trigger ("Iran's visit", "Israeli strikes",
  "the Araghchi-Lavrov meeting");
- passive voice ("was attacked by X") swaps the roles;
- special cases: a sentence-opening phrase takes the main clause's subject ("During a
  visit to Ankara, Lavrov ..."), an absolute phrase its own ("with Iran supplying drones"),
  and a possessor inside a multi-word trigger authors it ("stressed Russia's support").

The closed-class words these rules use are data (`data/grammar.yaml`).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from dyad.events.grammar import load_grammar
from dyad.events.lexicon import is_title_case
from dyad.model import ActorMention, PlaceMention
from dyad.nlp.tokens import token_table

HARD_STOPS = frozenset({";", ":", "(", ")", "[", "]", "?", "!", "\n"})
SOFT_STOPS = frozenset({",", "—", "–", "--", "-", "―"})
#: Tags that may sit inside a noun phrase between a preposition and its actor.
NP_TAGS = frozenset(
    {"DT", "PDT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "PRP$", "POS", "CD", "HYPH",
     "VBN", "VBG", "RB"}
)  # fmt: skip
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_HEAD_TAGS = frozenset({"POS", "NN", "NNS", "NNP", "NNPS"})
VERB_GROUP_TAGS = frozenset({"MD", "RB", "RBR", "RBS", "TO"})
MAX_OBJ_GAP = 8
MAX_PREP_DISTANCE = 12
MAX_SEGMENTS = 4
MAX_TITLE_WORDS = 4  # "Iranian Foreign Minister" before a name
CALL_WINDOW = 6  # words after a request within which its content stands


@dataclass(frozen=True)
class Group:
    """Actors sharing one span ("the two countries" is one group of two), or a place."""

    start: int  # token index, inclusive
    end: int  # token index, exclusive
    mentions: tuple[ActorMention, ...] = ()
    place: PlaceMention | None = None

    @property
    def is_place(self) -> bool:
        return self.place is not None


@dataclass(frozen=True)
class Found:
    """Groups found in one slot, and how far (in tokens) they are from the trigger."""

    slot: str
    groups: tuple[Group, ...]
    distance: int
    pair: bool = False  # a hyphenated pair "X-Y meeting": first is source, second target


class SentenceFrame:
    """The actors and places of one sentence, indexed by token, with slot finders."""

    def __init__(self, sent: Span, actors: list[ActorMention], places: list[PlaceMention]) -> None:
        self.sent = sent
        self.doc: Doc = sent.doc
        self.start = sent.start
        self.end = sent.end
        self.title_case = is_title_case(sent)
        self.g = load_grammar()
        table = token_table(self.doc)  # per-token lookups as plain lists, no Token objects
        lo, hi = self.start, self.end
        self.tags = table.tag[lo:hi]
        self.lowers = table.lower[lo:hi]
        self.texts = table.text[lo:hi]
        spaces, after = table.is_space, table.space_after
        self._hard = [
            w in HARD_STOPS or "\n" in w or spaces[i]
            for i, w in zip(range(lo, hi), self.texts, strict=True)
        ]
        # "Araghchi-Lavrov", "Russia–Iran": a hyphen or an en dash between words with no
        # spaces joins, not separates
        self._soft = [
            w in SOFT_STOPS
            and not (w in ("-", "–") and not after[i] and i > 0 and not after[i - 1])
            for i, w in zip(range(lo, hi), self.texts, strict=True)
        ]
        by_span: dict[tuple[int, int], list[ActorMention]] = {}
        for actor in actors:
            span = table.expand(actor.start, actor.end)  # doc.char_span(..., "expand")
            if span is not None and span[0] >= self.start and span[1] <= self.end:
                by_span.setdefault(span, []).append(actor)
        groups = [Group(s, e, tuple(ms)) for (s, e), ms in by_span.items()]
        for place in places:
            span = table.expand(place.start, place.end)
            if span is None or span[0] < self.start or span[1] > self.end:
                continue
            if span not in by_span:
                groups.append(Group(span[0], span[1], (), place))
        groups.sort(key=lambda g: (g.start, -g.end))
        self.groups = groups
        self._ending: dict[int, Group] = {}
        self._starting: dict[int, Group] = {}
        for group in groups:
            self._ending.setdefault(group.end - 1, group)
            self._starting.setdefault(group.start, group)
        self._inside: dict[int, Group] = {}
        for group in groups:
            for i in range(group.start, group.end):
                self._inside.setdefault(i, group)
        self.named_tokens = frozenset(self._inside)
        #: (head, last, entry pos) -> whether a trigger reads as a noun: asked often
        self.noun_readings: dict[tuple[int, int, str], bool] = {}

    # ------------------------------------------------------------------ helpers
    def _text(self, i: int) -> str:
        return self.lowers[i - self.start]

    def _is_hard(self, i: int) -> bool:
        return self._hard[i - self.start]

    def _is_soft(self, i: int) -> bool:
        return self._soft[i - self.start]

    def segment(self, head: int) -> tuple[int, int]:
        """Token range [lo, hi) between the punctuation around the trigger."""
        lo = head
        while lo - 1 >= self.start and not (self._is_hard(lo - 1) or self._is_soft(lo - 1)):
            lo -= 1
        hi = head
        while hi + 1 < self.end and not (self._is_hard(hi + 1) or self._is_soft(hi + 1)):
            hi += 1
        return lo, hi + 1

    def clause_groups(self, head: int) -> list[Group]:
        """Actor groups in the trigger's own clause: its segment, cut at the subordinate
        or relative clauses on either side ("X's commitment gives Iran hope as it weighs
        Washington's offer": Iran, not Washington)."""
        lo, hi = self.segment(head)
        for i in range(head - 1, lo - 1, -1):
            word = self._text(i)
            if word in self.g.subordinators or (word in self.g.relatives and word != "that"):
                lo = i + 1
                break
        for i in range(head + 1, hi):
            word = self._text(i)
            if word in self.g.subordinators or (word in self.g.relatives and word != "that"):
                hi = i
                break
        return [g for g in self.groups if g.start >= lo and g.end <= hi and not g.is_place]

    def segment_groups(self, head: int) -> list[Group]:
        """Actor groups in the trigger's segment."""
        lo, hi = self.segment(head)
        return [g for g in self.groups if g.start >= lo and g.end <= hi and not g.is_place]

    def group_at(self, i: int) -> Group | None:
        return self._inside.get(i)

    def _after_preposition(self, group: Group) -> bool:
        """Whether the word before a group (past determiners and a title: "with Iranian
        Foreign Minister Abbas Araghchi") is a preposition."""
        i = group.start - 1
        titled = False
        while i >= self.start and (
            self.tags[i - self.start] in ("DT", "PDT", "JJ", "CD", "PRP$")
            or (self.tags[i - self.start] in ("NNP", "NNPS") and i not in self._inside)
        ):
            titled = titled or self.tags[i - self.start] in ("NNP", "NNPS")
            i -= 1
        if i < self.start or self._text(i) not in self.g.prepositions:
            return False
        # "Secretary of State Marco Rubio": the preposition is inside the title
        return not (titled and i > self.start and self.texts[i - 1 - self.start][:1].isupper())

    def _has_verb(self, tokens: list[int]) -> bool:
        return any(
            self.tags[i - self.start].startswith("VB") or self.tags[i - self.start] == "MD"
            for i in tokens
        )

    # ------------------------------------------------------------------ passive
    def is_passive(self, head: int) -> bool:
        """`head` is a past participle after a form of "be" ("was attacked")."""
        if self.tags[head - self.start] not in ("VBN", "VBD"):  # the tagger confuses the two
            return False
        i = head - 1
        while i >= self.start and (
            self.tags[i - self.start].startswith("RB") or self._text(i) == "n't"
        ):
            i -= 1
        return i >= self.start and self._text(i) in self.g.be_forms

    # ------------------------------------------------------------------ subject
    def _segments(self, head: int) -> list[list[int]]:
        """Comma/dash-separated stretches left of `head`, nearest first, within the clause."""
        segments: list[list[int]] = [[]]
        i = head - 1
        while i >= self.start and not self._is_hard(i):
            if self._is_soft(i):
                segments.append([])
            else:
                segments[-1].insert(0, i)
            i -= 1
        return segments

    def _candidates(self, seg: list[int], any_position: bool = False) -> list[Group]:
        """Actor groups of a segment that can be a subject (not a preposition's object)."""
        seen: list[Group] = []
        for i in seg:
            group = self._inside.get(i)
            if group is not None and group not in seen and not group.is_place:
                seen.append(group)
        if any_position:
            return seen
        return [g for g in seen if not self._after_preposition(g)]

    def _coordinated_left(self, group: Group, floor: int) -> list[Group]:
        """Groups joined to `group` by "and", "or", "&", "both" or a comma, leftwards
        (past a title before a name: "Putin and Iranian Foreign Minister Araghchi")."""
        out = [group]
        i = self._title_start(group.start, floor) - 1
        while i >= floor:
            word = self._text(i)
            if word in self.g.coordinators or self.texts[i - self.start] == ",":
                i -= 1
                continue
            prev = self._ending.get(i)
            if prev is None or prev.is_place:
                break
            out.insert(0, prev)
            i = self._title_start(prev.start, floor) - 1
        return out

    def _coordinated_verb(self, cands: list[Group], head: int) -> bool:
        """The trigger is a second verb joined by "and"/"but"/"or" after an earlier
        verb's object, which an earlier candidate (the shared subject) precedes."""
        if len(cands) < 2 or not self._after_verb(cands[-1]):
            return False
        return any(self._text(j) in ("and", "but", "or") for j in range(cands[-1].end, head))

    def _title_start(self, start: int, floor: int) -> int:
        """Where a title of capitalised words (not an actor) before a name begins, if a
        coordinator stands before it; else `start`."""
        i = start - 1
        while (
            i >= floor
            and start - i <= MAX_TITLE_WORDS
            and i not in self._inside
            and self.tags[i - self.start] in ("NNP", "NNPS", "JJ")
            and self.texts[i - self.start][:1].isupper()
        ):
            i -= 1
        if i < start - 1 and i >= floor and self._text(i) in self.g.coordinators:
            return i + 1
        return start

    def _opener(self, seg: list[int]) -> int:
        """Length of a co-subject opener ("along with") at the start of a segment, or 0."""
        words = [self._text(i) for i in seg[:3]]
        for opener in self.g.co_subject_openers:
            if tuple(words[: len(opener)]) == opener:
                return len(opener)
        return 0

    def _after_verb(self, group: Group) -> bool:
        """Whether a group directly follows a verb (past determiners): an object."""
        i = group.start - 1
        while i >= self.start and self.tags[i - self.start] in ("DT", "PDT", "JJ", "CD", "PRP$"):
            i -= 1
        return i >= self.start and self.tags[i - self.start] in (
            "VB", "VBD", "VBN", "VBZ", "VBP", "VBG"
        )  # fmt: skip

    def governed_by_verb(self, head: int) -> bool:
        """A noun trigger is the object of a verb of its clause ("held talks", "voiced
        support"), or follows "for"/"in" ("arrived for talks"): its agent is the subject."""
        i = head - 1
        while i >= self.start:
            tok = self.doc[i]
            if (
                tok.tag_ in ("VBN", "VBG")
                and i > self.start
                and (self.tags[i - 1 - self.start] in ("DT", "JJ", "PRP$", "POS", "IN", "CD", "CC"))
            ):
                i -= 1  # "for renewed talks": a participle modifying the noun, read on
                continue
            if tok.tag_.startswith("VB"):
                return True
            if tok.lower_ in self.g.subject_prepositions:
                # "arrived in Moscow for talks", not "a proposal for talks"
                return i > self.start and self.tags[i - 1 - self.start] not in ("NN", "NNS")
            if tok.tag_ in NP_TAGS or tok.text in ("-", "'s", "’s") or tok.lower_ in ("and", "or"):
                i -= 1
                continue
            return False
        return False

    def subject(self, head: int, noun: bool = False) -> Found | None:
        """The subject of the clause the trigger at `head` is in.

        For a noun trigger (`noun`), an actor right after a verb is that verb's object
        ("thanked Russia for its support"), not the one the noun belongs to.
        """
        segments = self._segments(head)
        extra: list[Group] = []
        absolute = self._absolute_subject(head)
        if absolute is not None:
            return absolute
        tags, lowers, start, be_forms = self.tags, self.lowers, self.start, self.g.be_forms
        for k, seg in enumerate(segments[:MAX_SEGMENTS]):
            core = [
                i
                for i in seg
                if tags[i - start] not in VERB_GROUP_TAGS
                and lowers[i - start] not in ("not", "n't")
                and lowers[i - start] not in be_forms
                and lowers[i - start] not in ("has", "have", "had")
            ]
            if (
                k == 0
                and core
                and self._text(core[-1]) in self.g.relatives
                and core[-1] == max(core)
            ):
                # "X, who met Y": the antecedent stands just before the relative pronoun
                rel = core[-1]
                ante = self._ending.get(rel - 1)
                if ante is None and rel - 1 >= self.start and self._is_soft(rel - 1):
                    ante = self._ending.get(rel - 2)
                if ante is not None and not ante.is_place:
                    return Found("subject", (ante,), head - ante.end + 1)
            opener = self._opener(seg)
            if opener:
                extra += self._candidates(seg[opener:], any_position=True)
                continue
            first = self._text(seg[0]) if seg else ""
            if k > 0 and first in self.g.relatives:
                continue  # "X, who met Y, said": skip the relative clause
            cands = self._candidates(seg)
            if noun or self._coordinated_verb(cands, head):
                # "X condemned Y and praised Z": Y is the first verb's object
                cands = [g for g in cands if not self._after_verb(g)]
            if cands:
                chosen = cands[-1]
                floor = seg[0]
                groups = self._coordinated_left(chosen, floor)
                # a list split by commas: "Russia, China and Pakistan"
                for prev_seg in segments[k + 1 : k + 4]:
                    if groups[0].start != floor and self._text(groups[0].start - 1) not in (
                        "both",
                        "and",
                    ):
                        break
                    words = [i for i in prev_seg if self._text(i) not in self.g.coordinators]
                    listed = self._candidates(prev_seg)
                    if len(listed) != 1 or (
                        words and (words[0] < listed[0].start or words[-1] >= listed[0].end)
                    ):
                        break
                    groups.insert(0, listed[0])
                    floor = prev_seg[0]
                result = tuple(groups + [g for g in extra if g not in groups])
                return Found("subject", result, head - chosen.end + 1)
            if (
                k == 0
                and not noun
                and core
                and self._common_noun(core[-1])
                and not self._has_verb([i for i in seg if i < core[-1]])
            ):
                # "one journalist asked X": the subject is no actor (but in "X welcomed
                # the deal and urged Y" the noun is an object and X the subject)
                return None
            if (
                k == 0
                or first in self.g.relatives
                or first in self.g.subordinators
                or not self._has_verb(seg)
                or self.tags[seg[0] - self.start] == "VBG"
            ):
                continue  # VP coordination, relative, participial, appositive or adverbial
            break
        if extra:
            return Found("subject", tuple(extra), MAX_OBJ_GAP)
        return self._opener_subject(head, segments)

    def _common_noun(self, i: int) -> bool:
        """A lower-case common noun outside any actor: the head of a subject that names
        no political actor ("one journalist", "analysts")."""
        return (
            self.tags[i - self.start] in ("NN", "NNS")
            and self.texts[i - self.start].islower()
            and i not in self._inside
        )

    def _absolute_subject(self, head: int) -> Found | None:
        """ "with Russia and Iran supporting X": the actors after "with" do the -ing."""
        if not self._gerund(head):
            return None
        last = self._ending.get(head - 1)
        if last is None or last.is_place:
            return None
        groups = self._coordinated_left(last, max(self.start, last.start - 8))
        before = groups[0].start - 1
        if before >= self.start and self._text(before) in ("both",):
            before -= 1
        if before >= self.start and self._text(before) == "with":
            return Found("absolute", tuple(groups), 1)
        if (
            before >= self.start
            and self._text(before) in ("and", ",")
            and self._in_absolute(before)
        ):
            # "with Iran supplying drones and Russia offering cover": the second conjunct
            return Found("absolute", tuple(groups), 1)
        return None

    def in_absolute_phrase(self, head: int) -> bool:
        """The trigger is the -ing of an absolute phrase ("with Iran supplying drones")."""
        return self._absolute_subject(head) is not None

    def _gerund(self, i: int) -> bool:
        """An -ing form (the tagger often calls "offering" a noun)."""
        return self.tags[i - self.start] == "VBG" or (
            self.tags[i - self.start] == "NN" and self.lowers[i - self.start].endswith("ing")
        )

    def _in_absolute(self, i: int) -> bool:
        """Whether token `i` follows an absolute phrase "with <actor> <-ing>" in its
        clause."""
        while i > self.start and not self._is_hard(i - 1):
            i -= 1
            if self._text(i) != "with":
                continue
            group = self._starting.get(i + 1)
            if (
                group is not None
                and not group.is_place
                and group.end < self.end
                and self._gerund(group.end)
            ):
                return True
        return False

    def gap_possessor(self, head: int, last: int) -> Found | None:
        """ "stressed Russia's support": a possessor inside a multi-word trigger is the
        author of the act it names."""
        for i in range(head + 1, last):
            group = self._ending.get(i)
            if group is not None and not group.is_place and self.tags[i + 1 - self.start] == "POS":
                return Found("poss", (group,), 1)
        return None

    def _opener_subject(
        self, head: int, segments: list[list[int]], preps_only: bool = False
    ) -> Found | None:
        """ "After meeting Putin, Araghchi said": a sentence-opening participle or
        subordinate phrase takes the subject of the main clause that follows it."""
        if len(segments) != 1 or (segments[0] and segments[0][0] != self.start):
            return None
        words = [self._text(i) for i in segments[0]]
        opener = words[0] if words else ""
        if preps_only:
            # "During a visit to Ankara, Lavrov ...", not "As pressures grow, Russia ..."
            if opener not in self.g.opener_prepositions:
                return None
        elif (
            opener not in self.g.subordinators
            and opener not in self.g.opener_prepositions
            and (self.tags[head - self.start] != "VBG")
        ):
            return None
        i = head + 1
        while i < self.end and not self._is_hard(i) and self.texts[i - self.start] != ",":
            i += 1
        if i >= self.end or self.texts[i - self.start] != ",":
            return None
        for j in range(i + 1, min(self.end, i + 8)):
            group = self._starting.get(j)
            if group is not None and not group.is_place and not self._after_preposition(group):
                return Found("subject", (group,), j - head)
            if self._is_hard(j) or self.tags[j - self.start] in FINITE_TAGS:
                break
        return None

    # ------------------------------------------------------------------ right side
    def _clause_end(self, after: int) -> int:
        """First token index after `after` that ends the trigger's clause."""
        i = after + 1
        while i < self.end:
            if self._is_hard(i) or (self._is_soft(i) and self._text(i) != "-"):
                return i
            word = self._text(i)
            if word in self.g.relatives and word != "that":
                return i
            if word in self.g.subordinators and word not in ("as", "if"):
                return i
            if (
                word in ("and", "but")
                and i + 1 < self.end
                and self.tags[i + 1 - self.start] in FINITE_TAGS
            ):
                return i
            i += 1
        return self.end

    def _np_groups(self, first: int, stop: int, allow_places: bool) -> tuple[list[Group], int]:
        """Groups in the noun phrase starting at `first`, with coordinated phrases."""
        out: list[Group] = []
        i = first
        current: Group | None = None
        while i < stop:
            group = self._starting.get(i)
            if group is not None and (allow_places or not group.is_place):
                current = group
                i = group.end
                continue
            tok = self.doc[i]
            word = tok.lower_
            if word in self.g.coordinators or tok.text == "," or word in ("as", "well"):
                if current is not None:
                    out.append(current)
                    current = None
                nxt = self._starting.get(i + 1)
                if word in ("as", "well") or (
                    nxt is not None or self.tags[i + 1 - self.start] in NP_TAGS
                    if i + 1 < stop
                    else False
                ):
                    i += 1
                    continue
                break
            if current is not None and tok.tag_ not in _HEAD_TAGS and word not in ("'s", "’s"):
                break  # past the actor's phrase ("with Aliyev endorsing the plan")
            if tok.tag_ in NP_TAGS or word in ("'s", "’s", "-"):
                i += 1
                continue
            break
        if current is not None:
            out.append(current)
        return out, i

    def obj(self, last: int, allow_places: bool = False) -> Found | None:
        """The first actor right of the trigger before a preposition, verb or boundary."""
        stop = min(self._clause_end(last), last + 1 + MAX_OBJ_GAP)
        i = last + 1
        while i < stop:
            group = self._starting.get(i)
            if group is not None and (allow_places or not group.is_place):
                groups, _ = self._np_groups(i, self._clause_end(last), allow_places)
                return Found("obj", tuple(groups), i - last)
            tok = self.doc[i]
            if tok.lower_ in self.g.prepositions or tok.tag_ in FINITE_TAGS or tok.tag_ == "TO":
                return None
            if tok.lower_ in self.g.relatives or tok.lower_ in self.g.subordinators:
                return None
            i += 1
        return None

    def prep(self, last: int, word: str, allow_places: bool = False) -> Found | None:
        """The actor(s) after the first `word` right of the trigger in its clause."""
        end = self._clause_end(last)
        if self._text(last) == word:  # the entry ends with the preposition ("side with")
            groups, _ = self._np_groups(last + 1, end, allow_places)
            if groups and groups[0].start - last <= 6:
                return Found(word, tuple(groups), 1)
            return None
        stop = min(end, last + 1 + MAX_PREP_DISTANCE)
        for i in range(last + 1, stop):
            if self._text(i) == word:
                groups, _ = self._np_groups(i + 1, end, allow_places)
                if groups and groups[0].start - i <= 6:
                    return Found(word, tuple(groups), i - last)
                return None
            if i > last + 1 and self.tags[i - self.start] in FINITE_TAGS:
                return None
        return None

    def poss(self, head: int) -> Found | None:
        """Actors right before a noun trigger: possessor, modifier, hyphenated pair."""
        i = head - 1
        skipped = 0
        while i >= self.start and skipped <= 3:
            group = self._ending.get(i)
            if group is not None and not group.is_place:
                possessive = i + 1 < head and self.tags[i + 1 - self.start] == "POS"
                if not possessive and all(m.how == "metonym" for m in group.mentions):
                    return None  # "the Moscow talks": a city naming a place, not an actor
                groups = [group]
                pair = False
                j = group.start - 1
                if (
                    j > self.start
                    and self.texts[j - self.start] in ("-", "–")
                    and not self._is_soft(j)
                ):
                    before = self._ending.get(j - 1)
                    if before is not None and not before.is_place:
                        groups.insert(0, before)
                        pair = True
                if not pair:
                    groups = self._coordinated_left(group, max(self.start, group.start - 6))
                return Found("poss", tuple(groups), head - group.end + 1, pair)
            tok = self.doc[i]
            if tok.lower_ in ("'s", "’s", "'", "’") or tok.tag_ in ("POS", "``", "''"):
                i -= 1
                continue
            if tok.text in ("“", "”", '"'):
                i -= 1  # "the Israeli-US “12-day war”": quotation marks inside the phrase
                continue
            if tok.tag_ in ("JJ", "JJR", "JJS", "CD", "NN", "NNS") or (
                tok.text == "-" and not self._is_soft(i)
            ):
                i -= 1
                skipped += 1
                continue
            break
        return None

    def calls_for_calm(self, last: int) -> bool:
        """Whether a ceasefire, a truce, restraint or de-escalation is what the act at
        `last` asks for (within a few words, in its clause)."""
        stop = min(self._clause_end(last), last + 1 + CALL_WINDOW)
        return any(self._text(i) in self.g.conflict_calls for i in range(last + 1, stop))

    def after_subject_preposition(self, head: int) -> bool:
        """A noun trigger in a phrase like "toward closer cooperation", "in talks": the
        clause's subject takes part in it."""
        i = head - 1
        while i >= self.start and self.tags[i - self.start] in NP_TAGS:
            i -= 1
        return i >= self.start and self._text(i) in self.g.subject_prepositions

    def noun_phrases_between(self, after: int, head: int) -> bool:
        """Whether only noun phrases and their coordination stand between two tokens
        ("calling for a ceasefire and a roadmap"): the later noun is in the same object."""
        if head - after > 2 * MAX_OBJ_GAP:
            return False
        for i in range(after + 1, head):
            word = self._text(i)
            if self._is_hard(i) or (
                self.tags[i - self.start] not in NP_TAGS
                and word not in self.g.coordinators
                and word != ","
            ):
                return False
        return True

    def find(self, slot: str, head: int, last: int, allow_places: bool, noun: bool) -> Found | None:
        """Dispatch to the finder of `slot` (see `dyad.events.lexicon.SLOTS`); `noun` says
        the trigger reads as a noun here."""
        if slot == "subject":
            if noun and not self.governed_by_verb(head):
                return self._opener_subject(head, self._segments(head), preps_only=True)
            tok = self.doc[head]
            if (
                tok.tag_ == "VBG"
                and head > self.start
                and self.group_at(head - 1) is None
                and (self.tags[head - 1 - self.start] in ("NN", "NNS"))
            ):
                return None  # "a resolution calling for": the noun, not an actor, acts
            return self.subject(head, noun=noun)
        if slot == "poss":
            return self.poss(head)
        if slot == "obj":
            return self.obj(last, allow_places)
        return self.prep(last, slot, allow_places)
