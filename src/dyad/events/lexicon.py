"""The trigger lexicon: data entries (`data/triggers.yaml`) compiled into a lemma index.

An entry names a PLOVER type, a pattern of lemmas ("hold * talk", "call for",
"airstrike"), an optional part-of-speech constraint on its first word (the reading that
decides "strikes" NOUN vs VERB), an optional mode, and the argument frame: the slots in
which the source and the target are looked for (`subject`, `poss`, `obj`, or a
preposition such as `with`, `to`, `on`, `between`). Everything is validated on load.

Pattern syntax: words separated by spaces; `a|b` is a choice of lemmas; `*` lets up to
four modifiers (determiners, adjectives, adverbs, numbers, noun modifiers) sit between
two words ("imposed new sweeping sanctions").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from dyad.errors import LexiconError
from dyad.events.datafile import DATA_DIR, check_keys, line_of, load_yaml
from dyad.events.lemmas import Lemmatizer
from dyad.events.ontology import Ontology
from dyad.nlp import clauses
from dyad.nlp.tokens import is_title_case, token_table

DEFAULT_PATH = DATA_DIR / "triggers.yaml"
GAP = "*"
MAX_GAP = 4
NEAR_WINDOW = 8
POS_VALUES = frozenset({"VERB", "NOUN", "ADJ", "ANY"})
#: Slots an argument can be found in; a preposition slot is the word itself.
SLOTS = frozenset(
    {
        "subject", "poss", "obj", "with", "to", "on", "against", "for", "of", "from", "at",
        "in", "into", "toward", "towards", "between", "among", "over", "about", "by", "upon",
        "near", "along", "across", "inside", "within", "behind", "outside", "place",
    }
)  # fmt: skip
_WORD = re.compile(r"^[a-z][a-z'’.]*$")
#: Tags a `*` gap may skip: modifiers inside a noun phrase.
_GAP_TAGS = frozenset(
    {"DT", "PDT", "JJ", "JJR", "JJS", "RB", "RBR", "RBS", "PRP$", "CD", "VBN", "VBG", "NN",
     "NNS", "NNP", "NNPS", "HYPH", "POS", ":", "``", "''"}
)  # fmt: skip
_GAP_WORDS = frozenset({"-", "–", "'s", "’s", "and"})
#: Before a participle that modifies the noun after it ("for coordinated action").


@dataclass(frozen=True)
class TriggerEntry:
    """One lexicon entry; `id` names it in `Event.rule`."""

    id: str
    type: str
    words: tuple[frozenset[str] | None, ...]  # None is a gap
    pos: str
    mode: str | None
    source: tuple[str, ...]
    target: tuple[str, ...]
    strength: float
    need_target: bool
    place_target: bool
    line: int | None
    near: frozenset[str] = frozenset()  # lemmas one of which must stand near the trigger
    stative: bool = False  # names a relationship or a trend, not an occurrence
    speech: bool = False  # an evaluation: an event only as what a speaker says of an act

    @property
    def size(self) -> int:
        """Number of words (not gaps): longer entries win over shorter ones."""
        return sum(1 for w in self.words if w is not None)


@dataclass(frozen=True)
class TriggerMatch:
    """A matched entry: token indices (doc-level) of its words, first to last."""

    entry: TriggerEntry
    token_ids: tuple[int, ...]

    @property
    def head(self) -> int:
        return self.token_ids[0]

    @property
    def last(self) -> int:
        return self.token_ids[-1]


def _parse_words(
    path: Path, line: int | None, pattern: object
) -> tuple[frozenset[str] | None, ...]:
    if not isinstance(pattern, str) or not pattern.strip():
        raise LexiconError(str(path), line, f"pattern must be a non-empty string, got {pattern!r}")
    words: list[frozenset[str] | None] = []
    items: list[str] = []
    for item in pattern.lower().split():
        if "-" in item and "|" in item:
            raise LexiconError(
                str(path),
                line,
                f"pattern {pattern!r}: a hyphenated word cannot be one of "
                "several choices (the tokenizer splits it); write it in an entry of its own",
            )
        items += item.replace("-", " - ").split() if item != "-" else [item]
    for item in items:
        if item == GAP:
            words.append(None)
            continue
        choices = frozenset(item.split("|"))
        bad = [c for c in choices if c != "-" and not _WORD.match(c)]
        if bad:
            raise LexiconError(str(path), line, f"pattern {pattern!r}: bad word(s) {bad}")
        words.append(choices)
    if words[0] is None or words[-1] is None:
        raise LexiconError(str(path), line, f"pattern {pattern!r} cannot start or end with '*'")
    if any(a is None and b is None for a, b in itertools.pairwise(words)):
        raise LexiconError(str(path), line, f"pattern {pattern!r} has two gaps in a row")
    return tuple(words)


def _parse_slots(path: Path, line: int | None, value: object, key: str) -> tuple[str, ...]:
    items = value.split() if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not all(isinstance(s, str) for s in items):
        raise LexiconError(str(path), line, f"{key} must be a list of slots, got {value!r}")
    unknown = [s for s in items if s not in SLOTS]
    if unknown:
        raise LexiconError(
            str(path), line, f"{key}: unknown slot(s) {unknown}; use {sorted(SLOTS)}"
        )
    return tuple(items)


def _parse_entry(path: Path, entry: object, ontology: Ontology) -> TriggerEntry:
    item = check_keys(
        path,
        entry,
        {"id", "type", "pattern"},
        {
            "pos",
            "mode",
            "source",
            "target",
            "strength",
            "need_target",
            "place_target",
            "near",
            "stative",
            "speech",
        },
    )
    line = line_of(item)
    if item["type"] not in ontology:
        raise LexiconError(str(path), line, f"type {item['type']!r} is not a PLOVER type")
    event_type = ontology[item["type"]]
    mode = item.get("mode")
    if mode is not None and mode not in event_type.modes:
        raise LexiconError(
            str(path),
            line,
            f"mode {mode!r} not allowed for {event_type.name}; "
            f"allowed: {sorted(event_type.modes)} (see plover.yaml)",
        )
    pos = item.get("pos", "ANY")
    if pos not in POS_VALUES:
        raise LexiconError(str(path), line, f"pos {pos!r} is not one of {sorted(POS_VALUES)}")
    default_source = ["subject"] if pos in ("VERB", "ADJ") else ["poss", "by", "subject"]
    strength = item.get("strength", 0.8)
    if isinstance(strength, bool) or not isinstance(strength, int | float) or not 0 < strength <= 1:
        raise LexiconError(str(path), line, f"strength must be in (0, 1], got {strength!r}")
    for flag in ("need_target", "place_target", "stative", "speech"):
        if not isinstance(item.get(flag, False), bool):
            raise LexiconError(str(path), line, f"{flag} must be true or false")
    if not isinstance(item["id"], str) or not item["id"]:
        raise LexiconError(str(path), line, "id must be a non-empty string")
    near = item.get("near", "")
    if not isinstance(near, str) or (near and not all(_WORD.match(w) for w in near.split("|"))):
        raise LexiconError(str(path), line, f"near must be lemmas joined by '|', got {near!r}")
    return TriggerEntry(
        near=frozenset(near.split("|")) if near else frozenset(),
        id=item["id"],
        type=event_type.name,
        words=_parse_words(path, line, item["pattern"]),
        pos=pos,
        mode=mode,
        source=_parse_slots(path, line, item.get("source", default_source), "source"),
        target=_parse_slots(path, line, item.get("target", []), "target"),
        strength=float(strength),
        need_target=item.get("need_target", False),
        place_target=item.get("place_target", False),
        stative=item.get("stative", False),
        speech=item.get("speech", False),
        line=line,
    )


def reading_of(token: Token, title_case: bool) -> str:
    """VERB, NOUN, ADJ or ANY: how a word is used in its sentence's parse (ANY for a
    capitalised word of a headline, whose capitals hide the part of speech)."""
    if title_case and token.pos_ == "PROPN":
        return "ANY"
    return clauses.reading(token)


class TriggerLexicon:
    """Entries indexed by the lemmas of their first word; matching is linear per sentence."""

    def __init__(self, entries: Sequence[TriggerEntry], lemmatizer: Lemmatizer) -> None:
        self.entries = tuple(entries)
        self.lemmatizer = lemmatizer
        index: dict[str, list[TriggerEntry]] = {}
        self._speech_index: dict[str, TriggerEntry] = {}
        for entry in entries:
            if entry.speech:
                for lemma in entry.words[0] or ():
                    self._speech_index.setdefault(lemma, entry)
                continue
            first = entry.words[0]
            assert first is not None
            for lemma in first:
                index.setdefault(lemma, []).append(entry)
        for bucket in index.values():
            bucket.sort(key=lambda e: (-e.size, -e.strength))
        self._index = index

    def _word_matches(self, word: str, choices: frozenset[str]) -> bool:
        return not choices.isdisjoint(self.lemmatizer.candidates(word))

    def _match_at(self, sent: Span, i: int, entry: TriggerEntry) -> tuple[int, ...] | None:
        """Token ids of `entry` matched from token `i` on, or None."""
        table = token_table(sent.doc)
        texts, tags = table.text, table.tag
        ids = [i]
        j = i + 1
        words = entry.words
        k = 1
        while k < len(words):
            want = words[k]
            if want is None:  # a gap: find the next word within MAX_GAP modifiers
                nxt = words[k + 1]
                assert nxt is not None
                found = None
                for skip in range(MAX_GAP + 1):
                    pos = j + skip
                    if pos >= sent.end:
                        break
                    if self._word_matches(texts[pos], nxt):
                        found = pos
                        break
                    if tags[pos] not in _GAP_TAGS and texts[pos] not in _GAP_WORDS:
                        break
                if found is None:
                    return None
                ids.append(found)
                j = found + 1
                k += 2
                continue
            if j >= sent.end or not self._word_matches(texts[j], want):
                return None
            ids.append(j)
            j += 1
            k += 1
        return tuple(ids)

    def _near(self, sent: Span, ids: tuple[int, ...], lemmas: frozenset[str]) -> bool:
        """Whether one of `lemmas` stands within NEAR_WINDOW words of the match."""
        lo = max(sent.start, ids[0] - NEAR_WINDOW)
        hi = min(sent.end, ids[-1] + NEAR_WINDOW + 1)
        texts = token_table(sent.doc).text
        return any(
            not lemmas.isdisjoint(self.lemmatizer.candidates(texts[i]))
            for i in range(lo, hi)
            if i not in ids
        )

    def find_evaluations(self, sent: Span) -> list[TriggerMatch]:
        """Words of `speech` entries ("aggression", "illegitimate"): events only where a
        speaker says them of an act, which the extractor decides from the parse."""
        if not self._speech_index:
            return []
        texts = token_table(sent.doc).text
        found = []
        for i in range(sent.start, sent.end):
            for lemma in sorted(self.lemmatizer.candidates(texts[i])):
                entry = self._speech_index.get(lemma)
                if entry is not None:
                    found.append(TriggerMatch(entry, (i,)))
                    break
        return found

    def find(self, sent: Span, names: frozenset[int] = frozenset()) -> list[TriggerMatch]:
        """Non-overlapping trigger matches in a sentence, longest entries first.

        A capitalized word inside a run of capitalized words that are not actors (token ids
        in `names` are actors) belongs to a name ("the Strategic Partnership Treaty"), not a
        trigger; "the Araghchi-Lavrov Summit" still is one.
        """
        title_case = is_title_case(sent)
        found: list[TriggerMatch] = []
        table = token_table(sent.doc)
        texts, alpha = table.text, table.is_alpha
        for i in range(sent.start, sent.end):
            if not alpha[i]:
                continue
            word = texts[i]
            if (
                not title_case
                and i > sent.start
                and word[0].isupper()
                and alpha[i - 1]
                and texts[i - 1][0].isupper()
                and i - 1 not in names
            ):
                continue  # "the Strategic Partnership Treaty" names a document
            seen: set[str] = set()
            reading: str | None = None
            for lemma in sorted(self.lemmatizer.candidates(word)):  # sets vary by run
                for entry in self._index.get(lemma, ()):
                    if entry.id in seen:
                        continue
                    seen.add(entry.id)
                    if entry.pos != "ANY":
                        if reading is None:
                            reading = reading_of(sent.doc[i], title_case)
                        if reading not in ("ANY", entry.pos):
                            continue
                    ids = self._match_at(sent, i, entry)
                    if ids is not None and (not entry.near or self._near(sent, ids, entry.near)):
                        found.append(TriggerMatch(entry, ids))
        # the entry covering more of the phrase wins ("reaffirmed a deepening strategic
        # partnership" is the reaffirming, not the deepening), then the one of more words;
        # a full tie goes to the entry written first in the lexicon, so runs agree
        found.sort(
            key=lambda m: (
                m.head - m.last,
                -m.entry.size,
                m.head,
                -m.entry.strength,
                m.entry.line or 0,
                m.entry.id,
            )
        )
        taken: set[int] = set()
        chosen: list[TriggerMatch] = []
        for match in found:
            span = range(match.head, match.last + 1)
            if taken.isdisjoint(span):
                chosen.append(match)
                taken.update(span)
        chosen.sort(key=lambda m: m.head)
        return chosen


def read_lexicon(path: Path, ontology: Ontology, lemmatizer: Lemmatizer) -> TriggerLexicon:
    """Load and validate a trigger file.

    Raises:
        LexiconError: an entry is malformed, names an unknown type or mode, or repeats an id.
    """
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("triggers"), list):
        raise LexiconError(str(path), None, "expected a mapping with a list under 'triggers'")
    entries: list[TriggerEntry] = []
    ids: set[str] = set()
    for raw in data["triggers"]:
        entry = _parse_entry(path, raw, ontology)
        if entry.id in ids:
            raise LexiconError(str(path), entry.line, f"id {entry.id!r} repeated")
        ids.add(entry.id)
        entries.append(entry)
    if not entries:
        raise LexiconError(str(path), None, "no trigger entries; an empty lexicon finds nothing")
    return TriggerLexicon(entries, lemmatizer)


@lru_cache(maxsize=4)
def load_lexicon(
    path: Path | None = None, ontology: Ontology | None = None, lemmatizer: Lemmatizer | None = None
) -> TriggerLexicon:
    """The lexicon from `path` or the packaged file, loaded once per argument set."""
    from dyad.events.lemmas import load_lemmatizer
    from dyad.events.ontology import load_ontology

    return read_lexicon(
        path or DEFAULT_PATH, ontology or load_ontology(), lemmatizer or load_lemmatizer()
    )
