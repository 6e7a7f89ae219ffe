"""Modality of an event: asserted, negated, future, hypothetical or generic.

The trigger's modality is read from the dependency tree, clause by clause. The classifier
starts at the trigger and climbs through the clauses that govern it, collecting a vote
from every cue on the way (cue words are data, `data/modality.yaml`):

- the trigger's own clause: modal and negating auxiliaries ("did not sign", "will meet",
  "may discuss"), adverbs ("regularly", "possibly"), a conditional subordinator ("if"),
  a conditional clause it heads ("X will help if ..."), a negated subject or object ("no
  talks were held", "neither side attacked"), time phrases ("next week", "for years"), a
  noun trigger's modifiers ("the planned visit", "talks scheduled for Monday");
- the words that govern it: a verb controlling its clause ("refused to meet", "is due to
  meet", "is expected to address"), a verb whose object or subject the noun trigger is
  ("agreed to hold talks", "called for talks"), a noun it complements ("willingness to
  supply"), a clause reporting speculation ("it is possible that ...");
- the sentence's question mark, when it closes one of those clauses.

The climb stops where a clause of its own begins: a relative clause, an adverbial clause
other than a purpose clause, a noun's prepositional phrase ("the outcome of the talks could
matter": the modal is the outcome's), a conjunct with its own subject. So "analysts say
Moscow could mediate" is hypothetical while "Moscow mediated, and analysts could say more"
is not. The first modality of the file's `order` among the votes wins; no vote: asserted.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from dyad.datafile import item_line, key_line, string_list, top_mapping
from dyad.errors import LexiconError
from dyad.events.datafile import DATA_DIR, LINE_KEY, check_keys, line_of, load_yaml
from dyad.events.grammar import load_grammar
from dyad.events.lemmas import Lemmatizer
from dyad.nlp.tokens import token_table

DEFAULT_PATH = DATA_DIR / "modality.yaml"
MODALITIES = ("hypothetical", "negated", "future", "generic")
#: How a governor reaches the trigger (see the data file).
VIAS = frozenset({"xcomp", "ccomp", "obj", "prep", "acl", "subj"})

#: The sections of the data file.
_SECTIONS = (
    "order",
    "auxiliaries",
    "reporting_verbs",
    "negators",
    "negative_subjects",
    "realizing_verbs",
    "performative_frames",
    "noun_modifiers",
    "adverbs",
    "conditionals",
    "inverted_conditionals",
    "governors",
    "phrases",
    "perfect_generic_types",
    "content_nouns",
    "claim_nouns",
    "confirming_verbs",
    "falsity_words",
)
#: Dependents that begin a clause of their own: their words are not the parent clause's.
_CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
_OBJECTS = frozenset({"dobj", "attr", "oprd", "dative"})
_AUX = frozenset({"aux", "auxpass"})
#: Relative pronouns ("that", "which", "who"): a clause with one as its object has a gap.
_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
_MAX_CLIMB = 12
_QUESTION_KEY = "dyad.question_marks"


@dataclass(frozen=True)
class Governor:
    """Words whose complement (reached `via` one of the paths) takes `modality`."""

    words: frozenset[str]
    via: frozenset[str]
    preps: frozenset[str]  # empty: any preposition
    tags: frozenset[str]  # empty: any tag
    modality: str


@dataclass(frozen=True, eq=False)
class ModalityCues:
    """The cue words of `data/modality.yaml`, indexed for the classifier."""

    order: tuple[str, ...]
    auxiliaries: dict[str, str]
    reporting_verbs: frozenset[str]
    negators: frozenset[str]
    negative_subjects: frozenset[str]
    realizing_verbs: frozenset[str]
    performative_frames: frozenset[str]
    noun_modifiers: dict[str, str]
    adverbs: dict[str, str]
    conditionals: frozenset[str]
    inverted_conditionals: frozenset[str]
    governors: tuple[Governor, ...]
    phrases: dict[str, tuple[tuple[frozenset[str], ...], ...]]
    perfect_generic_types: frozenset[str]
    content_nouns: frozenset[str]
    claim_nouns: frozenset[str]
    confirming_verbs: frozenset[str]
    falsity_words: frozenset[str]

    def governed(
        self, words: frozenset[str], via: str, prep: str = "", tag: str = ""
    ) -> str | None:
        """The modality a governor with these `words` gives its complement, if any."""
        for gov in self.governors:
            if (
                via in gov.via
                and not gov.words.isdisjoint(words)
                and (not gov.preps or prep in gov.preps)
                and (not gov.tags or tag in gov.tags)
            ):
                return gov.modality
        return None


def _modality_words(path: Path, data: dict[str, Any], key: str) -> dict[str, str]:
    """`key: {modality: [words]}` read as word -> modality; a word under two is refused."""
    section = data.get(key)
    if not isinstance(section, dict):
        raise LexiconError(str(path), key_line(data, key), f"{key!r} must map modality -> words")
    out: dict[str, str] = {}
    for modality in section:
        if modality == LINE_KEY:
            continue
        if modality not in MODALITIES:
            raise LexiconError(
                str(path),
                key_line(section, modality),
                f"{key}: unknown modality {modality!r}; expected one of {MODALITIES}",
            )
        for index, word in enumerate(string_list(path, section, modality, lowercase=True)):
            if word in out:
                raise LexiconError(
                    str(path),
                    item_line(section[modality], index) or key_line(section, modality),
                    f"{key}: {word!r} is listed under {out[word]!r} and {modality!r}",
                )
            out[word] = modality
    return out


def _governors(path: Path, data: dict[str, Any]) -> tuple[Governor, ...]:
    items = data.get("governors")
    if not isinstance(items, list) or not items:
        raise LexiconError(str(path), key_line(data, "governors"), "'governors' must be a list")
    out = []
    for index, item in enumerate(items):
        entry = check_keys(path, item, {"words", "via", "modality"}, {"preps", "tags"})
        line = line_of(entry) or item_line(items, index)
        lists: dict[str, frozenset[str]] = {}
        for key in ("words", "via", "preps", "tags"):
            value = entry.get(key, [])
            if not isinstance(value, list) or not all(
                isinstance(w, str) and w.strip() for w in value
            ):
                raise LexiconError(str(path), line, f"{key} must be a list of words")
            lists[key] = frozenset(w if key == "tags" else w.lower() for w in value)
        if not lists["words"] or not lists["via"]:
            raise LexiconError(str(path), line, "a governor needs words and at least one via")
        if not lists["via"] <= VIAS:
            raise LexiconError(
                str(path), line, f"via {sorted(lists['via'] - VIAS)}: expected {sorted(VIAS)}"
            )
        if lists["preps"] and "prep" not in lists["via"]:
            raise LexiconError(str(path), line, "preps apply only with via: [prep]")
        if entry["modality"] not in MODALITIES:
            raise LexiconError(
                str(path), line, f"modality {entry['modality']!r}: expected one of {MODALITIES}"
            )
        out.append(
            Governor(lists["words"], lists["via"], lists["preps"], lists["tags"], entry["modality"])
        )
    return tuple(out)


def _phrases(path: Path, data: dict[str, Any]) -> dict[str, tuple[tuple[frozenset[str], ...], ...]]:
    section = data.get("phrases")
    if not isinstance(section, dict):
        raise LexiconError(str(path), key_line(data, "phrases"), "'phrases' must be a mapping")
    out: dict[str, tuple[tuple[frozenset[str], ...], ...]] = {}
    for modality in section:
        if modality == LINE_KEY:
            continue
        if modality not in MODALITIES:
            raise LexiconError(
                str(path), key_line(section, modality), f"phrases: unknown modality {modality!r}"
            )
        phrases = []
        for index, phrase in enumerate(string_list(path, section, modality, lowercase=True)):
            words = tuple(frozenset(w.split("|")) for w in phrase.split())
            if any("" in w for w in words):
                line = item_line(section[modality], index) or key_line(section, modality)
                raise LexiconError(str(path), line, f"phrases: empty choice in {phrase!r}")
            phrases.append(words)
        out[modality] = tuple(phrases)
    return out


def read_modality(path: Path) -> ModalityCues:
    """Load and validate a modality cue file.

    Args:
        path: the YAML file (see `data/modality.yaml` for its sections).

    Returns:
        The cues, indexed by word.

    Raises:
        LexiconError: a missing or unknown section, an unknown modality, a word listed
            under two modalities, or a bad governor, each with its file and line.
    """
    data = top_mapping(path, load_yaml(path))
    unknown = set(data) - set(_SECTIONS) - {LINE_KEY}
    if unknown:
        first = sorted(unknown)[0]
        raise LexiconError(
            str(path),
            key_line(data, first),
            f"unknown sections {sorted(unknown)}; expected {sorted(_SECTIONS)}",
        )
    order = data.get("order")
    if not isinstance(order, list) or sorted(order) != sorted(MODALITIES):
        raise LexiconError(str(path), key_line(data, "order"), f"order must list {MODALITIES}")

    def words(key: str, *, lowercase: bool = True) -> frozenset[str]:
        return frozenset(string_list(path, data, key, lowercase=lowercase))

    return ModalityCues(
        order=tuple(order),
        auxiliaries=_modality_words(path, data, "auxiliaries"),
        reporting_verbs=words("reporting_verbs"),
        negators=words("negators"),
        negative_subjects=words("negative_subjects"),
        realizing_verbs=words("realizing_verbs"),
        performative_frames=words("performative_frames"),
        noun_modifiers=_modality_words(path, data, "noun_modifiers"),
        adverbs=_modality_words(path, data, "adverbs"),
        conditionals=words("conditionals"),
        inverted_conditionals=words("inverted_conditionals"),
        governors=_governors(path, data),
        phrases=_phrases(path, data),
        perfect_generic_types=words("perfect_generic_types", lowercase=False),
        content_nouns=words("content_nouns"),
        claim_nouns=words("claim_nouns"),
        confirming_verbs=words("confirming_verbs"),
        falsity_words=words("falsity_words"),
    )


@lru_cache(maxsize=4)
def load_modality(path: Path | None = None) -> ModalityCues:
    """The cues from `path` or the packaged file, loaded once per path."""
    return read_modality(path or DEFAULT_PATH)


def _own_tokens(tok: Token) -> Iterator[Token]:
    """The words of `tok`'s clause: its subtree without the clauses below it."""
    stack = [tok]
    while stack:
        cur = stack.pop()
        yield cur
        stack.extend(c for c in cur.children if c.dep_ not in _CLAUSAL)


def _is_verbal(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or tok.tag_ == "MD"


class ModalityClassifier:
    """Labels a trigger's modality from the clauses that govern it."""

    def __init__(self, cues: ModalityCues, lemmatizer: Lemmatizer) -> None:
        self.cues = cues
        self.lemmatizer = lemmatizer
        self.grammar = load_grammar()

    def _words(self, tok: Token) -> frozenset[str]:
        """A token's lower-case form, the parser's lemma and the lemmas the word may be an
        inflection of (the parser reads "hopes" as a form of "hop")."""
        return self.lemmatizer.candidates(tok.text) | {tok.lemma_.lower()}

    def classify(
        self, doc: Doc, sent_start: int, sent_end: int, head: int, last: int, event_type: str
    ) -> str:
        """The modality of the trigger spanning tokens `head`..`last`.

        Args:
            doc: a parsed document.
            sent_start: first token of the trigger's sentence.
            sent_end: the token after the sentence.
            head: the trigger's head token.
            last: the trigger's last token.
            event_type: the PLOVER type (some types' present perfect is generic).

        Returns:
            One of asserted, negated, future, hypothetical, generic.
        """
        votes = self.votes(doc, sent_start, sent_end, head, event_type)
        for modality in self.cues.order:
            if modality in votes:
                return modality
        return "asserted"

    def votes(
        self, doc: Doc, sent_start: int, sent_end: int, head: int, event_type: str = ""
    ) -> dict[str, str]:
        """Each modality some cue votes for, with the first cue that did (for `explain`)."""
        votes: dict[str, str] = {}
        cur = doc[head]
        if not sent_start <= cur.i < sent_end:
            return votes
        self._clause(cur, votes)
        self._noun(cur, votes)
        self._perfect(cur, event_type, votes)
        visited = [cur]
        for _ in range(_MAX_CLIMB):
            nxt = self._climb(cur, votes)
            if nxt is None:
                break
            cur = nxt
            visited.append(cur)
        self._question(doc, sent_start, sent_end, visited, votes)
        return votes

    # ------------------------------------------------------------------ the climb
    def _climb(self, cur: Token, votes: dict[str, str]) -> Token | None:
        """Collect the votes of `cur`'s governor and return it, or None where a clause of
        its own ends the climb."""
        up = cur.head
        if up.i == cur.i:
            return None
        dep = cur.dep_
        if dep == "conj":
            if _is_verbal(cur) and any(c.dep_ in _SUBJECTS for c in cur.children):
                return None  # "Modi met Macron, and the two may meet again"
            self._shared(cur, up, votes)
            return up
        if dep in ("compound", "appos", "acomp", "xcomp"):
            if dep == "xcomp" and self._performative(up):
                return None  # "we would like to thank Russia": the thanks are given
            if dep == "xcomp":
                self._governor(up, "xcomp", votes)
            self._clause(up, votes)
            return up
        if dep == "ccomp":
            if not _is_verbal(up) and self._content_clause(cur, up):
                self._content_noun(up, votes)  # the parser's other reading of "claims that"
                return None
            report = up.head if up.dep_ == "acl" and up.tag_ == "VBG" else None
            if report is not None and not self._words(report).isdisjoint(self.cues.content_nouns):
                denial = self._denial(report)  # "a report claiming that X ... is untrue"
                if denial is not None:
                    self._vote(votes, "negated", denial)
                    return None
            self._governor(up, "ccomp", votes)
            for child in up.children:
                if child.dep_ in ("acomp", "attr"):  # "it is possible that ..."
                    self._governor(child, "ccomp", votes)
            if self._negated(up):
                # "did not confirm that X struck" leaves X open; "did not agree that ..." denies it
                reported = not self._words(up).isdisjoint(self.cues.reporting_verbs)
                self._vote(votes, "hypothetical" if reported else "negated", f"not {up.lower_}")
            return None
        if dep == "advcl":
            if self._purpose(cur):  # "will travel to Tehran to meet": the travel's modality
                self._clause(up, votes)
                return up
            return None
        if dep in _SUBJECTS or dep in _OBJECTS:
            if dep not in _SUBJECTS or not self._past_perfect(up):
                # "the meeting had been planned" took place since
                self._governor(up, "subj" if dep in _SUBJECTS else "obj", votes)
            realizes = not self._words(up).isdisjoint(self.cues.realizing_verbs)
            if dep in _OBJECTS and not realizes:
                return None  # "may condemn the strikes", "whether it uses Russian backing"
            self._clause(up, votes, negation=realizes)
            return up
        if dep in ("pobj", "pcomp"):
            prep = up
            top = prep.head
            self._governor(prep, "prep", votes)  # "without meeting"
            if top.i == prep.i:
                return None
            if (
                prep.lower_ in ("about", "of")
                and not _is_verbal(top)
                and not self._words(top).isdisjoint(self.cues.content_nouns)
            ):
                self._content_noun(top, votes)  # "denied reports of strikes on X"
                return None
            self._governor(top, "prep", votes, prep=prep.lower_)
            if (
                prep.dep_ in ("prep", "dative")
                and prep.lower_ in self.grammar.subject_prepositions
                and _is_verbal(top)
            ):  # "will travel to Tehran for talks", not "will review ..., including talks"
                self._clause(top, votes)
                return top
            return None  # a noun's phrase: "the outcome of the talks could matter"
        if dep in ("acl", "relcl"):
            # the parser reads "reports that X sent" as either
            if self._content_clause(cur, up):
                self._content_noun(up, votes)  # "denied reports that X had sent"
            else:
                self._governor(up, "acl", votes)  # "willingness to supply"
            return None
        return None

    def _content_clause(self, clause: Token, noun: Token) -> bool:
        """A finite clause that tells what a report or claim says: "reports that X sent"
        (its own subject; not "plans to visit", whose noun governs it)."""
        if self._words(noun).isdisjoint(self.cues.content_nouns):
            return False
        kids = list(clause.children)
        if any(c.dep_ in _OBJECTS and c.tag_ in _RELATIVE_TAGS for c in kids):
            return False  # "the reports that Reuters published": a relative clause
        return any(c.dep_ in _SUBJECTS and c.tag_ not in _RELATIVE_TAGS for c in kids)

    def _content_noun(self, noun: Token, votes: dict[str, str]) -> None:
        """A reported event is as sure as what the sentence says of the report: denied
        ("rejected claims that", "reports that ... are false", "reports ... were
        denied"), confirmed ("confirmed reports that": no vote), else as sure as its
        own clause after a report, and only claimed after a claim or a rumour."""
        denial = self._denial(noun)
        if denial is not None:
            self._vote(votes, "negated", denial)
            return
        said = self._words(noun.head)
        confirmed = noun.dep_ in _OBJECTS or noun.dep_ == "nsubjpass"
        if (
            confirmed
            and not said.isdisjoint(self.cues.confirming_verbs)
            and not self._negated(noun.head)
        ):
            return
        if not self._words(noun).isdisjoint(self.cues.claim_nouns):
            self._vote(votes, "hypothetical", noun.lower_)

    def _denial(self, noun: Token) -> str | None:
        """The cue by which the sentence calls a report false, if it does: "denied the
        reports", "the reports were dismissed", "the claims are untrue/not true"."""
        up = noun.head
        if noun.dep_ in _OBJECTS or noun.dep_ == "nsubjpass":
            if self.cues.governed(self._words(up), "obj") == "negated":
                return f"{up.lemma_.lower()} {noun.lower_}"
        elif noun.dep_ == "nsubj":
            for predicate in [up, *(c for c in up.children if c.dep_ in ("acomp", "attr"))]:
                if self._words(predicate).isdisjoint(self.cues.falsity_words):
                    continue
                false = predicate.lemma_.lower() != "true"  # "are false", "are not true"
                if false != (self._negated(up) or self._negated(predicate)):
                    return f"{noun.lower_} {predicate.lower_}"
                return None
        return None

    def _performative(self, frame: Token) -> bool:
        """A polite frame by which a speaker performs the act it introduces: "I would
        like to thank", "we want to express" (first-person subject, no negation)."""
        if frame.lemma_.lower() not in self.cues.performative_frames or self._negated(frame):
            return False
        return any(c.dep_ in _SUBJECTS and c.lower_ in ("i", "we") for c in frame.children)

    def _governor(self, gov: Token, via: str, votes: dict[str, str], prep: str = "") -> None:
        modality = self.cues.governed(self._words(gov), via, prep, gov.tag_)
        if modality is not None:
            cue = f"{gov.lemma_.lower()} {prep}".strip()
            self._vote(votes, modality, f"{via}:{cue}")

    def _shared(self, conj: Token, first: Token, votes: dict[str, str]) -> None:
        """What a conjunct without its own subject shares with the first: the auxiliaries
        when it has none of its own ("will host and chair"), a conditional subordinator,
        and the negation across "or"/"nor" ("did not sign or ratify")."""
        own_aux = any(c.dep_ in _AUX for c in conj.children)
        cc = {c.lower_ for c in first.children if c.dep_ == "cc" and first.i < c.i < conj.i}
        for child in first.children:
            if child.dep_ in _AUX and not own_aux:
                self._auxiliary(child, first, votes)
            elif child.dep_ == "mark" and child.lower_ in self.cues.conditionals:
                self._vote(votes, "hypothetical", child.lower_)
            elif child.dep_ == "neg" and cc & {"or", "nor"}:
                self._vote(votes, "negated", child.lower_)

    def _purpose(self, clause: Token) -> bool:
        """An infinitival adverbial clause without a subject: "(travelled) to meet"."""
        kids = list(clause.children)
        return (
            any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
            and not any(c.dep_ in _SUBJECTS for c in kids)
            and not any(c.dep_ == "mark" and c.lower_ in self.cues.conditionals for c in kids)
        )

    # ------------------------------------------------------------------ one clause
    def _clause(self, verb: Token, votes: dict[str, str], *, negation: bool = True) -> None:
        """Votes of the cues in one clause, headed by `verb` (or an adjective or noun);
        without `negation`, a negation there is not the trigger's."""
        cues = self.cues
        subject_seen = None
        for child in verb.children:
            dep = child.dep_
            if dep in _SUBJECTS and subject_seen is None:
                subject_seen = child.i
            if dep in _AUX:
                self._auxiliary(child, verb, votes)
            elif dep == "neg" and child.lower_ in cues.negators:
                if negation:
                    self._vote(votes, "negated", child.lower_)
            elif dep in ("advmod", "npadvmod") and child.lower_ in cues.adverbs:
                self._vote(votes, cues.adverbs[child.lower_], child.lower_)
            elif dep == "advmod" and negation and self._negated(child):  # "no longer"
                self._vote(votes, "negated", f"no {child.lower_}")
            elif dep == "mark" and child.lower_ in cues.conditionals:
                self._vote(votes, "hypothetical", child.lower_)
            elif dep in ("advcl", "ccomp") and self._conditional(child):
                self._vote(votes, "hypothetical", "conditional clause")  # "X will help if ..."
            if (dep in _SUBJECTS or dep in _OBJECTS) and negation and self._negative_noun(child):
                self._vote(votes, "negated", child.lower_)
        # an inverted conditional: "Had Iran accepted ..."
        first = min((c for c in verb.children if c.dep_ in _AUX), key=lambda c: c.i, default=None)
        if (
            first is not None
            and subject_seen is not None
            and first.i < subject_seen
            and first.i == verb.left_edge.i
            and first.lower_ in cues.inverted_conditionals
            and verb.dep_ in ("advcl", "ccomp")
        ):
            self._vote(votes, "hypothetical", f"inverted {first.lower_}")
        self._phrases(verb, votes)

    def _auxiliary(self, aux: Token, verb: Token, votes: dict[str, str]) -> None:
        modality = self.cues.auxiliaries.get(aux.lower_) or self.cues.auxiliaries.get(
            aux.lemma_.lower()
        )
        if modality is None:
            return
        if modality == "hypothetical" and aux.lower_ in ("would", "'d") and self._reported(verb):
            modality = "future"  # "announced that they would sign": the future of the past
        self._vote(votes, modality, aux.lower_)

    def _reported(self, verb: Token) -> bool:
        """Whether `verb`'s clause is what a reporting verb reports."""
        cur = verb
        for _ in range(_MAX_CLIMB):
            if cur.dep_ in ("xcomp", "conj") and cur.head.i != cur.i:
                cur = cur.head
                continue
            return cur.dep_ in ("ccomp", "parataxis") and not self._words(cur.head).isdisjoint(
                self.cues.reporting_verbs
            )
        return False

    def _conditional(self, clause: Token) -> bool:
        """An adverbial clause opened by "if"/"unless", or an inverted one ("had X ...")."""
        kids = list(clause.children)
        if clause.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in self.cues.conditionals - {"whether"} for c in kids
        ):
            return True
        auxes = [c for c in kids if c.dep_ in _AUX]
        subjects = [c.i for c in kids if c.dep_ in _SUBJECTS]
        return bool(
            auxes
            and subjects
            and auxes[0].i == clause.left_edge.i
            and auxes[0].i < subjects[0]
            and auxes[0].lower_ in self.cues.inverted_conditionals
        )

    def _past_perfect(self, verb: Token) -> bool:
        return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)

    def _negated(self, verb: Token) -> bool:
        return any(c.dep_ == "neg" and c.lower_ in self.cues.negators for c in verb.children)

    def _negative_noun(self, noun: Token) -> bool:
        """ "no talks", "neither side", "nobody", "none of them"."""
        if noun.lower_ in self.cues.negative_subjects:
            return True
        return any(
            c.dep_ in ("det", "neg", "preconj") and c.lower_ in self.cues.negators
            for c in noun.children
        )

    def _noun(self, noun: Token, votes: dict[str, str]) -> None:
        """A noun trigger's own modifiers: "the planned visit", "talks scheduled for Monday",
        "consultations held regularly"."""
        if _is_verbal(noun) and noun.dep_ not in ("pobj", "pcomp"):
            return
        modifiers = self.cues.noun_modifiers
        for child in noun.children:
            if child.dep_ in ("amod", "det", "compound", "nummod", "neg", "advmod"):
                word = child.lower_ if child.lower_ in modifiers else child.lemma_.lower()
                if word in modifiers:
                    self._vote(votes, modifiers[word], word)
            elif child.dep_ == "acl":
                if child.lower_ in modifiers and child.tag_ == "VBN":
                    self._vote(votes, modifiers[child.lower_], child.lower_)
                for adv in child.children:
                    if adv.dep_ == "advmod" and adv.lower_ in self.cues.adverbs:
                        self._vote(votes, self.cues.adverbs[adv.lower_], adv.lower_)

    def _phrases(self, head: Token, votes: dict[str, str]) -> None:
        tokens = sorted(_own_tokens(head), key=lambda t: t.i)
        lowers = [t.lower_ for t in tokens]
        positions = [t.i for t in tokens]
        for modality, phrases in self.cues.phrases.items():
            for phrase in phrases:
                n = len(phrase)
                for k in range(len(lowers) - n + 1):
                    if positions[k + n - 1] - positions[k] == n - 1 and all(
                        lowers[k + j] in want for j, want in enumerate(phrase)
                    ):
                        self._vote(votes, modality, " ".join(lowers[k : k + n]))
                        break

    def _perfect(self, verb: Token, event_type: str, votes: dict[str, str]) -> None:
        """ "The two nations have cooperated": a durable type's perfect is a state."""
        if event_type not in self.cues.perfect_generic_types or verb.tag_ not in ("VBN", "VBD"):
            return  # (the tagger confuses the two after "have")
        if any(
            c.dep_ == "aux" and c.lower_ in self.grammar.perfect_auxiliaries for c in verb.children
        ):
            self._vote(votes, "generic", "perfect")

    def _question(
        self,
        doc: Doc,
        sent_start: int,
        sent_end: int,
        clauses: list[Token],
        votes: dict[str, str],
    ) -> None:
        """A question mark that closes one of the trigger's clauses: "Will Putin meet ...?"."""
        heads = {t.i for t in clauses}
        marks = _question_marks(doc)  # a long sentence is not rescanned for every trigger
        for i in marks[bisect_left(marks, sent_start) : bisect_left(marks, sent_end)]:
            if doc[i].head.i in heads:
                self._vote(votes, "hypothetical", "?")
                return

    @staticmethod
    def _vote(votes: dict[str, str], modality: str, cue: str) -> None:
        votes.setdefault(modality, cue)


def _question_marks(doc: Doc) -> list[int]:
    """Token indices of the document's question marks, found once per Doc."""
    marks = doc.user_data.get(_QUESTION_KEY)
    if not isinstance(marks, list):
        marks = [i for i, text in enumerate(token_table(doc).text) if text == "?"]
        doc.user_data[_QUESTION_KEY] = marks
    return marks
