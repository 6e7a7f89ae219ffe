"""Modality of an event: asserted, negated, future, hypothetical or generic.

Cues are data (`data/modality.yaml`), scoped to the trigger's clause so that "analysts
say Moscow could mediate" is hypothetical while "Moscow mediated, analysts could say" is
not. Speculation is never promoted to fact: with no cue the answer is `asserted` only
when nothing in the clause says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from dyad.errors import LexiconError
from dyad.events.datafile import DATA_DIR, check_keys, line_of, load_yaml
from dyad.events.grammar import load_grammar
from dyad.events.lemmas import Lemmatizer
from dyad.nlp.tokens import token_table

DEFAULT_PATH = DATA_DIR / "modality.yaml"
MODALITIES = ("hypothetical", "negated", "future", "generic")
WHERE = frozenset({"before", "after", "modifier", "noun_after", "gerund", "opener"})
_CLAUSE_STOPS = frozenset({";", ":", ",", "—", "–", "(", ")", "?", "!", "\n"})


@dataclass(frozen=True)
class Cue:
    words: tuple[frozenset[str], ...]
    where: str
    window: int
    lemma: bool


@dataclass(frozen=True, eq=False)
class ModalityCues:
    """Cues per modality, in the order they are tried."""

    order: tuple[str, ...]
    cues: dict[str, tuple[Cue, ...]]
    perfect_generic_types: frozenset[str]


def read_modality(path: Path) -> ModalityCues:
    """Load and validate a modality cue file.

    Raises:
        LexiconError: an unknown modality, a bad cue or a missing section.
    """
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("cues"), dict):
        raise LexiconError(str(path), None, "expected a mapping with 'order' and 'cues'")
    order = data.get("order")
    if not isinstance(order, list) or sorted(order) != sorted(MODALITIES):
        raise LexiconError(str(path), line_of(data), f"order must list exactly {MODALITIES}")
    cues: dict[str, tuple[Cue, ...]] = {}
    for modality in MODALITIES:
        items = data["cues"].get(modality)
        if not isinstance(items, list):
            raise LexiconError(str(path), line_of(data["cues"]), f"no cue list for {modality}")
        parsed = []
        for item in items:
            entry = check_keys(path, item, {"phrase", "where"}, {"window", "lemma"})
            line = line_of(entry)
            phrase = entry["phrase"]
            if not isinstance(phrase, str) or not phrase.split():
                raise LexiconError(str(path), line, f"phrase must be words, got {phrase!r}")
            if entry["where"] not in WHERE:
                raise LexiconError(str(path), line, f"where must be one of {sorted(WHERE)}")
            window = entry.get("window", 6 if entry["where"] == "before" else 8)
            if isinstance(window, bool) or not isinstance(window, int) or window < 1:
                raise LexiconError(
                    str(path), line, f"window must be a positive integer, got {window!r}"
                )
            words = tuple(frozenset(w.split("|")) for w in phrase.lower().split())
            parsed.append(Cue(words, entry["where"], window, bool(entry.get("lemma", False))))
        cues[modality] = tuple(parsed)
    perfect = data.get("perfect_generic_types", [])
    if not isinstance(perfect, list):
        raise LexiconError(str(path), None, "perfect_generic_types must be a list of types")
    return ModalityCues(tuple(order), cues, frozenset(perfect))


@lru_cache(maxsize=4)
def load_modality(path: Path | None = None) -> ModalityCues:
    """The cues from `path` or the packaged file, loaded once per path."""
    return read_modality(path or DEFAULT_PATH)


class ModalityClassifier:
    """Labels a trigger's modality from the cues around it in its clause."""

    def __init__(self, cues: ModalityCues, lemmatizer: Lemmatizer) -> None:
        self.cues = cues
        self.lemmatizer = lemmatizer
        self.grammar = load_grammar()

    def _left(self, doc: Doc, sent_start: int, head: int) -> list[int]:
        """Token ids of the trigger's clause to its left, nearest last."""
        table = token_table(doc)
        texts, spaces, tags, lowers = table.text, table.is_space, table.tag, table.lower
        i = head - 1
        while i >= sent_start and texts[i] not in _CLAUSE_STOPS and not spaces[i]:
            i -= 1
        out = list(range(i + 1, head))
        if not [
            t
            for t in out
            if tags[t] not in ("RB", "MD", "TO")
            and lowers[t]
            not in ("has", "have", "had", "not", "n't", "been", "be", "is", "are", "was", "were")
        ]:
            # only a verb group here ("X, who ..., has pushed"): the clause began earlier,
            # before any relative clause or appositive in between
            end = i
            for _ in range(4):
                j = end - 1
                while j >= sent_start and texts[j] not in _CLAUSE_STOPS and not spaces[j]:
                    j -= 1
                segment = [t for t in range(j + 1, end) if not spaces[t]]
                if not segment or lowers[segment[0]] not in self.grammar.relatives - {"that"}:
                    out = segment + out
                    break
                end = j
                if end < sent_start:
                    break
        return out

    def _right(self, doc: Doc, sent_end: int, last: int) -> list[int]:
        table = token_table(doc)
        texts, spaces = table.text, table.is_space
        i = last + 1
        while i < sent_end and texts[i] not in _CLAUSE_STOPS and not spaces[i]:
            i += 1
        return list(range(last + 1, i))

    def _forms(self, doc: Doc, tokens: list[int]) -> list[tuple[str, frozenset[str]]]:
        """Lower-case form and lemma candidates of each token, computed once per trigger."""
        table = token_table(doc)
        candidates = self.lemmatizer.candidates
        return [(table.lower[i], candidates(table.text[i])) for i in tokens]

    @staticmethod
    def _matches(forms: list[tuple[str, frozenset[str]]], cue: Cue) -> bool:
        n = len(cue.words)
        if n == 1:  # most cues are one word: no window to slide
            want = cue.words[0]
            if cue.lemma:
                return any(not want.isdisjoint(lemmas) for _, lemmas in forms)
            return any(lower in want for lower, _ in forms)
        for k in range(len(forms) - n + 1):
            for offset, want in enumerate(cue.words):
                lower, lemmas = forms[k + offset]
                if want.isdisjoint(lemmas) if cue.lemma else lower not in want:
                    break
            else:
                return True
        return False

    def _cue_hits(
        self,
        cue: Cue,
        left: list[tuple[str, frozenset[str]]],
        right: list[tuple[str, frozenset[str]]],
    ) -> bool:
        if cue.where == "before":
            return self._matches(left[-cue.window :], cue)
        if cue.where in ("after", "noun_after"):
            return self._matches(right[: cue.window], cue)
        if cue.where == "gerund":
            return self._matches(left[-cue.window :], cue)
        if cue.where == "opener":
            return self._matches(left[:1], cue)
        # modifier: within the two words right before a noun trigger
        return self._matches(left[-2:], cue)

    def classify(
        self, doc: Doc, sent_start: int, sent_end: int, head: int, last: int, event_type: str
    ) -> str:
        """The modality of the trigger spanning tokens `head`..`last`."""
        left = self._left(doc, sent_start, head)
        right = self._right(doc, sent_end, last)
        stop = right[-1] + 1 if right else last + 1
        table = token_table(doc)
        question = stop < sent_end and table.text[stop] == "?"
        left_forms = self._forms(doc, left)
        right_forms = self._forms(doc, right)
        noun = table.tag[head].startswith("NN")
        subject_noun = noun and not self._in_of_phrase(doc, sent_start, head)
        gerund = table.tag[head] == "VBG" and not (
            left and table.lower[left[-1]] in ("is", "are", "was", "were", "be", "been")
        )
        for modality in self.cues.order:
            if modality == "hypothetical" and question:
                return "hypothetical"
            for cue in self.cues.cues[modality]:
                if (
                    (cue.where == "modifier" and not noun)
                    or (cue.where == "noun_after" and not subject_noun)
                    or (cue.where == "gerund" and not gerund)
                ):
                    continue
                if self._cue_hits(cue, left_forms, right_forms):
                    return modality
            if modality == "generic" and self._perfect(doc, left, head, event_type):
                return "generic"
        return "asserted"

    @staticmethod
    def _in_of_phrase(doc: Doc, sent_start: int, head: int) -> bool:
        """A noun inside "the outcome of the talks": a modal after it is not its own."""
        table = token_table(doc)
        i = head - 1
        while i >= sent_start and (
            table.tag[i] in ("DT", "JJ", "NNP", "NNPS", "NN", "NNS", "POS", "PRP$", "CD")
            or table.text[i] in ("-", "–")
        ):
            i -= 1
        return i >= sent_start and table.lower[i] in ("of", "from", "about", "after")

    def _perfect(self, doc: Doc, left: list[int], head: int, event_type: str) -> bool:
        if event_type not in self.cues.perfect_generic_types or doc[head].tag_ not in (
            "VBN",
            "VBD",  # the tagger confuses the two after "have"
        ):
            return False
        for i in reversed(left[-3:]):
            if doc[i].lower_ in self.grammar.perfect_auxiliaries:
                return True
            if not doc[i].tag_.startswith("RB"):
                return False
        return False
