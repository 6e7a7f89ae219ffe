"""Part-of-speech tags without model weights: TextBlob's PatternTagger as a spaCy component.

The pattern lexicon ships inside the textblob wheel. We call the tagger on spaCy's own
tokens (joined by spaces, tokenize=False) so that tags line up one-to-one with tokens;
`TextBlob(...).tags` would need NLTK data that cannot be downloaded here.
"""

from __future__ import annotations

import gc
import warnings

from spacy.language import Language
from spacy.tokens import Doc, Token

from dyad.nlp.tokens import forget_tokens

# Penn tag -> Universal POS, for the rules that only need the coarse class.
_UPOS = {
    "NN": "NOUN",
    "NNS": "NOUN",
    "NNP": "PROPN",
    "NNPS": "PROPN",
    "VB": "VERB",
    "VBD": "VERB",
    "VBG": "VERB",
    "VBN": "VERB",
    "VBP": "VERB",
    "VBZ": "VERB",
    "MD": "AUX",
    "JJ": "ADJ",
    "JJR": "ADJ",
    "JJS": "ADJ",
    "RB": "ADV",
    "RBR": "ADV",
    "RBS": "ADV",
    "WRB": "ADV",
    "IN": "ADP",
    "TO": "PART",
    "RP": "PART",
    "DT": "DET",
    "WDT": "DET",
    "PDT": "DET",
    "PRP": "PRON",
    "PRP$": "PRON",
    "WP": "PRON",
    "WP$": "PRON",
    "CC": "CCONJ",
    "CD": "NUM",
    "UH": "INTJ",
    "POS": "PART",
    "EX": "PRON",
    "FW": "X",
    "SYM": "SYM",
}
_AUX_WORDS = {
    "be",
    "is",
    "are",
    "was",
    "were",
    "been",
    "being",
    "am",
    "has",
    "have",
    "had",
    "having",
    "do",
    "does",
    "did",
    "will",
    "would",
    "shall",
    "should",
    "may",
    "might",
    "must",
    "can",
    "could",
}


def _after_modal(tags: list[str], tokens: list[Token]) -> list[str]:
    """A base-form noun right after a modal is a verb ("will visit", "could strike").

    The pattern lexicon tags such words by their most frequent reading; this is the one
    contextual rule it misses that the event rules depend on.
    """
    fixed = list(tags)
    for i in range(1, len(fixed)):
        modal_before = fixed[i - 1] == "MD" or (
            fixed[i - 1] == "RB" and i > 1 and fixed[i - 2] == "MD"
        )
        if fixed[i] == "NN" and modal_before and tokens[i].text.islower():
            fixed[i] = "VB"
    return fixed


@Language.factory("dyad_tagger", assigns=["token.tag", "token.pos"])
def make_dyad_tagger(nlp: Language, name: str) -> PatternTaggerComponent:
    return PatternTaggerComponent()


class PatternTaggerComponent:
    """Sets `token.tag_` (Penn) and `token.pos_` (Universal) on every token."""

    def __init__(self) -> None:
        from textblob.en import tag as pattern_tag

        self._tag = pattern_tag
        # The lexicon loads lazily and textblob leaves its files to the garbage collector;
        # load it now and collect, so the ResourceWarning is not raised inside user code.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            pattern_tag("warm up", tokenize=False)
            gc.collect()

    def __call__(self, doc: Doc) -> Doc:
        forget_tokens(doc)  # a table read before tagging would hold no tags
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        for sent in sents:
            tokens = [t for t in sent if not t.is_space]
            if not tokens:
                continue
            words = [t.text.replace(" ", "_") or "_" for t in tokens]
            tagged = self._tag(" ".join(words), tokenize=False)
            if len(tagged) != len(tokens):  # pattern re-split something; tag word by word
                tagged = [self._tag(w, tokenize=False)[0] for w in words]
            tags = _after_modal([penn for _, penn in tagged], tokens)
            for token, penn in zip(tokens, tags, strict=True):
                token.tag_ = penn
                upos = _UPOS.get(penn, "PUNCT" if not token.text[:1].isalnum() else "X")
                if upos == "VERB" and token.lower_ in _AUX_WORDS:
                    upos = "AUX"
                token.pos_ = upos
        for token in doc:
            if token.is_space:
                token.tag_ = "_SP"
                token.pos_ = "SPACE"
        return doc
