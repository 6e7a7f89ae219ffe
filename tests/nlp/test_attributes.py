"""dyad_attributes must set exactly what the model's attribute_ruler sets, token by token."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from dyad.errors import PipelineError
from dyad.nlp import build_nlp
from dyad.nlp.attributes import AttributeTable, compile_rules, replace_attribute_ruler
from dyad.nlp.pipeline import DEFAULT_SPACY_MODEL

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "text"
_ATTRS = [POS, TAG, DEP, MORPH, LEMMA]

SUBJECTS = [
    "Russian President Vladimir Putin",
    "Iran's foreign minister",
    "The Kremlin",
    "I",
    "You",
    "It",
    "We",
    "They",
    "She",
    "Tehran",
    "The ministers",
    "Nobody",
    "That",
    "This deal",
    "Both sides",
    "Some of them",
    "Each delegation",
    "The IAEA's inspectors",
]
PREDICATES = [
    "met",
    "has met",
    "had been meeting",
    "is meeting",
    "was criticised by",
    "will meet",
    "would not meet",
    "didn't meet",
    "hasn't called",
    "isn't sure about",
    "can't accept",
    "won't sign",
    "'s been warning",
    "'d have thanked",
    "'ll host",
    "'re hosting",
    "'ve told",
    "does support",
    "did reject",
    "ain't ready for",
    "are going to sanction",
    "is gonna visit",
    "has gotta answer",
    "am told about",
    "were asked by",
    "be seen with",
    "doesn't trust",
    "must have known",
    "used to praise",
    "should be condemning",
]
OBJECTS = [
    "Moscow",
    "them",
    "me",
    "you",
    "it",
    "the proposal",
    "that",
    "those who",
    "the talks",
    "Israeli Prime Minister Benjamin Netanyahu",
    "what it said",
    "all of it",
    "y'all",
    "whatever they want",
    "nothin' new",
    "the other one",
    "each other",
]
TAILS = [
    "",
    " on Monday",
    " in Geneva",
    ", but not yet",
    " because it was late",
    " if asked",
    " since June",
    " though it's early",
    " as there is no deal",
    " , so what",
    " while they wait",
    " which it does",
    " that he'd seen",
    " unless it is signed",
    " whether or not",
]
FIXED = [
    "I ain't gonna do it, y'all.",
    "Let's go. C'mon, let's go!",
    "There's no deal and there are no talks; there were none and there is none.",
    "Is it? Are they? Am I? Was he? Were we? Do you? Does it? Did they? Have we? Has he?",
    "Don't, won't, can't, shouldn't, wouldn't, couldn't, isn't, aren't, wasn't, weren't.",
    "I'm, you're, he's, she's, it's, we're, they're, I've, you've, I'd, you'd, I'll, it'll.",
    "Nothin' doin', nuthin' at all. We gotta go, you gotta see, I'm gonna try.",
    "But he said no.  But why?\n\nBecause.\t Whether it works or not, cause it will.",
    "It is what it is, and I said it to you, and you said it to me.",
    "They have done what they had to do, and do it they did.",
    "Which one? That one. This is that. Those are these. Whose is which?",
    "The U.S. and the E.U. met w/out the U.K. 'til 5 p.m., albeit late.",
    "   Leading spaces, trailing spaces   ",
    "\n\n\n",
    "Tehran Hosts Talks\nPutin Pledges Support For Iran",
]


def _generated(count: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    return [
        f"{rng.choice(SUBJECTS)} {rng.choice(PREDICATES)} {rng.choice(OBJECTS)}{rng.choice(TAILS)}."
        for _ in range(count)
    ]


def _examples() -> list[str]:
    return [
        path.read_bytes().decode("utf-8", errors="replace")
        for path in sorted(EXAMPLES.glob("*.txt"))
    ]


@pytest.fixture(scope="module")
def model() -> Language:
    """The trained model up to its parser, with its own attribute_ruler beside it."""
    return spacy.load(DEFAULT_SPACY_MODEL, exclude=["ner", "senter"])


def _both(model: Language, texts: list[str]) -> list[tuple[Doc, Doc]]:
    ruler = model.get_pipe("attribute_ruler")
    table = AttributeTable(model.vocab, compile_rules(model.vocab, ruler.patterns))
    pairs = []
    with model.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        for doc in model.pipe(texts):
            theirs, ours = ruler(doc.copy()), table(doc.copy())
            pairs.append((theirs, ours))
    return pairs


def _differences(theirs: Doc, ours: Doc) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    def row(t: spacy.tokens.Token) -> tuple[str, ...]:
        return t.pos_, t.tag_, t.dep_, str(t.morph), t.lemma_

    return [(a.text, row(a), row(b)) for a, b in zip(theirs, ours, strict=True) if row(a) != row(b)]


def test_attributes_equal_the_ruler_on_generated_sentences(model):
    texts = _generated(400) + FIXED
    for theirs, ours in _both(model, texts):
        assert _differences(theirs, ours) == [], theirs.text
        assert (theirs.to_array(_ATTRS) == ours.to_array(_ATTRS)).all()


def test_attributes_equal_the_ruler_on_the_example_articles(model):
    texts = _examples()
    assert texts
    for theirs, ours in _both(model, texts):
        assert _differences(theirs, ours) == [], theirs.text[:80]


def test_attributes_equal_the_ruler_end_to_end(model):
    """Through the lemmatizer too: it keeps the lemmas the ruler set."""
    lemmatizer = model.get_pipe("lemmatizer")
    for theirs, ours in _both(model, FIXED + _generated(50, seed=3)):
        a, b = lemmatizer(theirs), lemmatizer(ours)
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]


def test_attributes_replace_the_ruler_in_build_nlp():
    nlp = build_nlp(components=[])
    assert "attribute_ruler" not in nlp.component_names
    index = nlp.pipe_names.index("dyad_attributes")
    assert nlp.pipe_names[index - 1 : index + 2] == ["parser", "dyad_attributes", "lemmatizer"]


# --- the matching rules on a blank pipeline, against spaCy's own ruler -------------------

WORDS = ["gon", "na", "do", "it", "gon", "na", " ", "Let", "'s", "nothin'", "is", "it"]
TAGS = ["VBG", "TO", "VB", "PRP", "VBG", "TO", "_SP", "VB", "PRP", "NN", "VBZ", "PRP"]
DEPS = [
    "ROOT",
    "aux",
    "xcomp",
    "dobj",
    "conj",
    "aux",
    "dep",
    "ROOT",
    "nsubj",
    "dobj",
    "ROOT",
    "nsubj",
]
HEADS = [0, 2, 0, 2, 0, 4, 4, 7, 7, 7, 10, 10]

PATTERNS = [
    {"patterns": [[{"TAG": "VBG"}]], "attrs": {"POS": "VERB", "MORPH": "VerbForm=Ger"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
    {"patterns": [[{"TAG": "PRP"}]], "attrs": {"POS": "PRON"}},
    # a later pattern wins on the attribute it sets, not on the others
    {"patterns": [[{"LOWER": "it", "DEP": {"IN": ["dobj", "pobj"]}}]], "attrs": {"POS": "X"}},
    {
        "patterns": [[{"DEP": {"NOT_IN": ["nsubj", ""]}, "TAG": {"IN": ["PRP"]}}]],
        "attrs": {"MORPH": "Case=Acc"},
    },
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE", "MORPH": "_"}},
    # tested on the attributes as they were before any pattern applied
    {"patterns": [[{"TAG": "_SP", "IS_SPACE": False}]], "attrs": {"POS": "X"}},
    {
        "patterns": [[{"DEP": "nsubj"}, {"LOWER": "nothin'"}], [{"TEXT": "Let"}]],
        "attrs": {"LEMMA": "x"},
    },
    {"patterns": [[{"LOWER": "is"}, {}]], "attrs": {"DEP": "cop"}, "index": 0},
    {"patterns": [[{}, {"LOWER": "it"}]], "attrs": {"LEMMA": "IT"}, "index": 1},
]


def _blank_doc(nlp: Language) -> Doc:
    return Doc(nlp.vocab, words=WORDS, tags=TAGS, deps=DEPS, heads=HEADS)


def test_attributes_equal_the_ruler_on_written_patterns():
    nlp = spacy.blank("en")
    ruler = AttributeRuler(nlp.vocab)
    ruler.add_patterns(PATTERNS)
    theirs = ruler(_blank_doc(nlp))
    ours = AttributeTable(nlp.vocab, compile_rules(nlp.vocab, ruler.patterns))(_blank_doc(nlp))
    assert _differences(theirs, ours) == []
    assert [t.lemma_ for t in ours][:2] == ["go", "to"]
    assert ours[3].pos_ == "X" and str(ours[3].morph) == "Case=Acc"


@pytest.mark.parametrize(
    ("pattern", "cause"),
    [
        ({"patterns": [[{"LOWER": "a", "OP": "+"}]], "attrs": {"POS": "DET"}}, "'OP'"),
        ({"patterns": [[{"_": {"x": 1}}]], "attrs": {"POS": "DET"}}, "'_'"),
        ({"patterns": [[{"LOWER": {"FUZZY": "a"}}]], "attrs": {"POS": "DET"}}, "FUZZY"),
        ({"patterns": [[{"LENGTH": {">=": 3}}]], "attrs": {"POS": "DET"}}, "LENGTH"),
        ({"patterns": [[{"LOWER": "a"}]], "attrs": {"NORM": "an"}}, "NORM"),
        ({"patterns": [[{"LOWER": "a"}]], "attrs": {"POS": "DET"}, "index": 1}, "outside"),
        (
            {"patterns": [[{"MORPH": {"IS_SUPERSET": ["Number=Sing"]}}]], "attrs": {"POS": "DET"}},
            "MORPH",
        ),
    ],
)
def test_attributes_refuse_patterns_they_cannot_read(pattern, cause):
    nlp = spacy.blank("en")
    with pytest.raises(PipelineError, match=cause):
        compile_rules(nlp.vocab, [pattern])


def test_attributes_keep_a_ruler_they_cannot_read():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"POS": "DET"})
    assert replace_attribute_ruler(nlp) is False
    assert nlp.pipe_names == ["attribute_ruler"]
    ruler.clear()
    ruler.add([[{"LOWER": "a"}]], {"POS": "DET"})
    assert replace_attribute_ruler(nlp) is True
    assert nlp.pipe_names == ["dyad_attributes"]
    assert nlp("a")[0].pos_ == "DET"


def test_attributes_without_a_ruler_say_what_to_do():
    nlp = spacy.blank("en")
    assert replace_attribute_ruler(nlp) is False
    with pytest.raises(PipelineError, match="attribute_ruler"):
        nlp.add_pipe("dyad_attributes")
