"""Readings of the trained parse that recognition, resolution and coreference share.

- `WordClasses`: the open word classes (noun, verb, adj, adv) in which the pipeline's own
  lemmatizer tables know a word, so "Just" and "Left" in a Title-Case headline are known
  English words while "Araghchi" is not (no TextBlob, no second lexicon);
- `np_head`: the syntactic head of a token span;
- `title_case`: a sentence that capitalises nearly every word, where capitals say nothing;
- `Datelines`: the place at the start of a dateline ("MOSCOW (Reuters) -").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dyad.nlp import clauses

#: The lemmatizer's open word classes, as its tables name them.
WORD_CLASSES = ("noun", "verb", "adj", "adv")
#: Classes that make a capitalised word an ordinary English word rather than a name.
FUNCTION_CLASSES = frozenset({"verb", "adj", "adv"})
#: Dependency labels of a subject, and of the `by` agent of a passive.
#: Relations of a nominal subject (the clause layer's, without expletives).
SUBJECT_DEPS = clauses.SUBJECT_DEPS - {"expl", "csubjpass"}


class WordClasses:
    """Which word classes the trained pipeline's lemmatizer knows a lowercase word in.

    A word is known in a class when the class's lemma index holds it, its exception table
    lists it ("left" -> "leave"), or one of its suffix rules turns it into an indexed
    lemma ("signed" -> "sign"). A pipeline without rule tables knows no word.
    """

    def __init__(
        self,
        index: dict[str, frozenset[str]],
        exceptions: dict[str, frozenset[str]],
        rules: dict[str, list[tuple[str, str]]],
    ) -> None:
        self._index = index
        self._exceptions = exceptions
        self._rules = rules
        self._cache: dict[str, frozenset[str]] = {}

    @classmethod
    def from_nlp(cls, nlp: Language) -> WordClasses:
        """The tables of the pipeline's rule lemmatizer (empty when it has none)."""
        lookups = None
        if "lemmatizer" in nlp.pipe_names:
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)

        def table(name: str) -> Any:
            if lookups is None or not lookups.has_table(name):
                return {}
            return lookups.get_table(name)

        index, exc, rules = table("lemma_index"), table("lemma_exc"), table("lemma_rules")
        return cls(
            {c: frozenset(index.get(c, ())) for c in WORD_CLASSES},
            {c: frozenset(exc.get(c, {})) for c in WORD_CLASSES},
            {c: [(old, new) for old, new in rules.get(c, ())] for c in WORD_CLASSES},
        )

    def classes(self, word: str) -> frozenset[str]:
        """The classes a lowercase word is known in (empty: not an English word we know)."""
        found = self._cache.get(word)
        if found is None:
            found = frozenset(c for c in WORD_CLASSES if self._knows(c, word))
            self._cache[word] = found
        return found

    def _knows(self, cls: str, word: str) -> bool:
        index = self._index.get(cls, frozenset())
        if word in index or word in self._exceptions.get(cls, frozenset()):
            return True
        for old, new in self._rules.get(cls, ()):
            if old and word.endswith(old) and word[: len(word) - len(old)] + new in index:
                return True
        return False

    def common(self, word: str) -> bool:
        """Known as a verb, adjective or adverb: an ordinary word, whatever its capitals."""
        return bool(self.classes(word) & FUNCTION_CLASSES)


def np_head(doc: Doc, start: int, end: int) -> Token:
    """The token of [start, end) whose head lies outside the span (the last such one)."""
    head = doc[end - 1]
    for token in doc[start:end]:
        if not start <= token.head.i < end or token.head.i == token.i:
            head = token
    return head


def title_case(sent: Span, words: WordClasses) -> bool:
    """Does the sentence capitalise its ordinary words ("Minister Just Left Moscow")?

    Counts the words the lexicon knows as verbs, adjectives or adverbs (names do not
    count, so a sentence full of names is not a headline): at least two, nearly all
    capitalised.
    """
    common = [t.text for t in sent if t.is_alpha and not t.is_stop and words.common(t.lower_)]
    if len(common) < 2:
        return False
    return sum(w[:1].isupper() for w in common) >= 0.8 * len(common)


class Datelines:
    """Finds the place of a dateline at the start of a line.

    A capitalised place (one to four words) followed by a date ("Tehran, Dec 5 -"), an
    agency in brackets or slashes ("MOSCOW (Reuters) -", "MOSCOW, June 23. /TASS/."), or,
    in capitals, a dash ("TEHRAN - "), then a dash, colon or full stop.
    """

    def __init__(self, months: Iterable[str]) -> None:
        names = sorted({m.lower() for m in months}, key=len, reverse=True)
        month = "(?i:" + "|".join(re.escape(m) for m in names) + r")\.?"
        place = r"(?P<place>[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*){0,3})"
        region = r"(?:,[ \t]*[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)?"
        date = rf"(?:,?[ \t]*{month}[ \t]+\d{{1,2}}(?:,?[ \t]*\d{{4}})?\.?)"
        agency = r"(?:[ \t]*[(/][A-Z][^()/\n]{0,39}[)/]\.?)"
        end = r"[ \t]*(?:[-–—:]|(?<=\.))"
        self._with_date = re.compile(
            rf"^[ \t]*{place}{region}(?:{date}{agency}?|{agency}){end}",
            re.MULTILINE,
        )
        self._caps = re.compile(
            r"^[ \t]*(?P<place>[A-Z][A-Z'’.\-]+(?:[ \t]+[A-Z][A-Z'’.\-]+){0,3})"
            r"(?:,[ \t]*[A-Z][\w.]*)?[ \t]+[-–—][ \t]",
            re.MULTILINE,
        )

    def lines(self, text: str) -> list[tuple[int, int]]:
        """Character ranges of whole datelines, place to dash ("MOSCOW (Reuters) -")."""
        out = [m.span() for p in (self._with_date, self._caps) for m in p.finditer(text)]
        return sorted(set(out))

    def places(self, text: str) -> list[tuple[int, int]]:
        """Character ranges of dateline places in the text."""
        out = []
        for pattern in (self._with_date, self._caps):
            for m in pattern.finditer(text):
                s, e = m.span("place")
                if text[s:e][:1].isupper():
                    out.append((s, e))
        return sorted(set(out))
