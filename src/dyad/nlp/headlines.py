"""Re-parse Title Case headlines in sentence case, so the parser sees their verbs.

A statistical tagger reads "Putin Pledges Strategic Support For Iran" as a run of proper
nouns: the capitals it learnt names from are on every word. Headlines state the news of
the day, so this component parses each Title Case sentence again with its words in
sentence case (the words of actor and place mentions, and acronyms, keep their capitals)
and copies tags, lemmas and the tree back onto the original tokens; the text and its
offsets do not change.
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span

from dyad.nlp.extensions import get_list
from dyad.nlp.tokens import forget_tokens, is_title_case

#: The trained pipes that tag and parse, in the order they run (`dyad_attributes` stands
#: where the model's attribute_ruler was when build_nlp replaced it).
PARSE_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "dyad_attributes", "lemmatizer")
_ATTRS = [HEAD, DEP, TAG, POS, LEMMA]


@Language.factory(
    "dyad_headlines",
    assigns=["token.dep", "token.head", "token.tag", "token.pos", "token.lemma"],
    requires=["token.dep"],
)
def make_headlines(nlp: Language, name: str) -> HeadlineParser:
    return HeadlineParser(nlp)


class HeadlineParser:
    """Parses Title Case sentences again in sentence case; see the module docstring."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def _pipes(self) -> list[object]:
        return [self.nlp.get_pipe(p) for p in PARSE_PIPES if p in self.nlp.pipe_names]

    def __call__(self, doc: Doc) -> Doc:
        headlines = [s for s in doc.sents if len(s) > 2 and is_title_case(s)]
        if not headlines:
            return doc
        named = self._named_tokens(doc)
        array = doc.to_array(_ATTRS)
        for sent in headlines:
            sub = self._parse(sent, named)
            rows = sub.to_array(_ATTRS)
            # HEAD is relative to the token, so a sentence's rows move over unchanged
            array[sent.start : sent.end] = rows
        doc.from_array(_ATTRS, array.astype(numpy.uint64))  # type: ignore[arg-type]
        forget_tokens(doc)
        return doc

    @staticmethod
    def _named_tokens(doc: Doc) -> set[int]:
        named: set[int] = set()
        for item in [*get_list(doc, "actors"), *get_list(doc, "places")]:
            span = doc.char_span(item.start, item.end, alignment_mode="expand")
            if span is not None:
                named.update(range(span.start, span.end))
        return named

    def _parse(self, sent: Span, named: set[int]) -> Doc:
        words = []
        for token in sent:
            text = token.text
            if token.i not in named and token.is_title and len(text) > 1:
                text = text.lower()
            words.append(text)
        spaces = [bool(t.whitespace_) for t in sent]
        starts: list[bool | int | None] = [True]
        starts += [False] * (len(words) - 1)  # one sentence, as the splitter said
        sub = Doc(sent.doc.vocab, words=words, spaces=spaces, sent_starts=starts)
        for pipe in self._pipes():
            sub = pipe(sub)  # type: ignore[operator]
        return sub
