from pathlib import Path

import pytest
from spacy.language import Language

from dyad.errors import LexiconError
from dyad.events.lemmas import load_lemmatizer
from dyad.events.lexicon import load_lexicon, read_lexicon
from dyad.events.ontology import load_ontology


@pytest.fixture(scope="module")
def find(nlp: Language):
    lexicon = load_lexicon()

    def run(text: str) -> list[tuple[str, str]]:
        doc = nlp(text)
        out = []
        for sent in doc.sents:
            for m in lexicon.find(sent):
                out.append((m.entry.id, doc[m.head : m.last + 1].text))
        return out

    return run


def test_lexicon_is_broad() -> None:
    lexicon = load_lexicon()
    assert len(lexicon.entries) >= 250
    assert {e.type for e in lexicon.entries} == set(load_ontology().types)


MATCHES = [
    # verbs by lemma, every inflection
    ("Modi meets Macron.", "consult.meet.v", "meets"),
    ("Modi met Macron.", "consult.meet.v", "met"),
    ("Modi will be meeting Macron.", "consult.meet.v", "meeting"),
    # multi-word with modifiers in between
    ("Lavrov held high-level talks with Wang Yi.", "consult.hold_talks", "held high-level talks"),
    (
        "The EU imposed sweeping new sanctions on Iran.",
        "sanction.impose_sanctions",
        "imposed sweeping new sanctions",
    ),
    ("Turkey called for an immediate ceasefire.", "request.call_for", "called for"),
    (
        "India and Japan signed a defence agreement.",
        "agree.sign_document",
        "signed a defence agreement",
    ),
    ("Japan pledged support for Ukraine.", "support.express_support", "pledged support"),
    ("Iran is supplying drones to Russia.", "aid.provide.v", "supplying drones"),
    # POS decides the reading
    ("Israeli strikes on Gaza continued.", "assault.strike.n", "strikes"),
    ("Trump strikes a deal with Kim.", "agree.strike_deal", "strikes a deal"),
    ("Workers went on strike in Paris.", "protest.go_on_strike", "went on strike"),
    ("Putin held a phone call with Erdogan.", "consult.hold_call", "held a phone call"),
    ("Macron called for restraint.", "request.call_for", "called for"),
    # noun triggers
    ("Araghchi's visit to Moscow ended.", "consult.visit.n", "visit"),
    ("The airstrikes on Tehran resumed.", "assault.airstrike.n", "airstrikes"),
]


@pytest.mark.parametrize(("text", "entry_id", "trigger"), MATCHES)
def test_trigger_matches(find, text: str, entry_id: str, trigger: str) -> None:
    assert (entry_id, trigger) in find(text)


NO_MATCH = [
    ("The Strategic Partnership Treaty was published.", "cooperate.partnership.n"),  # a name
    ("The weather was mild in Geneva.", None),
    ("Turkey called for an immediate ceasefire.", "consult.call_with.n"),  # longest wins
]


@pytest.mark.parametrize(("text", "entry_id"), NO_MATCH)
def test_trigger_does_not_match(find, text: str, entry_id: str | None) -> None:
    ids = [i for i, _ in find(text)]
    if entry_id is None:
        assert ids == []
    else:
        assert entry_id not in ids


BAD = [
    ("- {id: a, type: HUG, pattern: meet}", "not a PLOVER type"),
    ("- {id: a, type: CONSULT, pattern: meet, target: [beside]}", "unknown slot"),
    ("- {id: a, type: CONSULT, pattern: meet, mode: tea}", "not allowed"),
    ("- {id: a, type: CONSULT, pattern: '* meet'}", "cannot start or end"),
    ("- {id: a, type: CONSULT, pattern: 'cease-fire|truce'}", "hyphenated"),
    ("- {id: a, type: CONSULT, pattern: meet, pos: ADVERB}", "pos"),
    ("- {id: a, type: CONSULT, pattern: meet, strength: 2}", "strength"),
    ("- {id: a, type: CONSULT, pattern: meet, colour: red}", "unknown key"),
    (
        "- {id: a, type: CONSULT, pattern: meet}\n- {id: a, type: CONSULT, pattern: visit}",
        "repeated",
    ),
]


@pytest.mark.parametrize(("entries", "message"), BAD)
def test_bad_entry_is_refused_with_file_and_line(
    tmp_path: Path, entries: str, message: str
) -> None:
    path = tmp_path / "triggers.yaml"
    path.write_text("# a comment\ntriggers:\n" + entries + "\n")
    with pytest.raises(LexiconError) as info:
        read_lexicon(path, load_ontology(), load_lemmatizer())
    assert message in info.value.cause
    assert info.value.path == str(path)
    assert info.value.line is not None and info.value.line >= 3


def test_on_stays_a_word_not_a_boolean(tmp_path: Path) -> None:
    path = tmp_path / "triggers.yaml"
    path.write_text("triggers:\n- {id: a, type: ASSAULT, pattern: attack, target: [on, off]}\n")
    with pytest.raises(LexiconError, match="'off'"):
        read_lexicon(path, load_ontology(), load_lemmatizer())
