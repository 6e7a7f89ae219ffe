"""Modality case tables: each cue class, its scope, and its negatives."""

from collections.abc import Callable

import pytest

from dyad.model import Event

Extract = Callable[..., list[Event]]

CASES = [
    # asserted
    ("Modi met Macron in New Delhi.", "asserted"),
    ("Lavrov has accused the EU of meddling.", "asserted"),
    ("Israel was attacked by Iran.", "asserted"),
    # negated
    ("Modi did not meet Macron.", "negated"),
    ("Modi has not met Macron.", "negated"),
    ("Modi never met Macron.", "negated"),
    # future
    ("Netanyahu will meet Trump.", "future"),
    ("Netanyahu is scheduled to meet Trump.", "future"),
    ("Netanyahu is due to meet Trump.", "future"),
    ("Netanyahu plans to meet Trump.", "future"),
    ("Netanyahu is set to meet Trump next week.", "future"),
    ("Netanyahu meets Trump next week.", "future"),
    ("The planned visit of Modi to Japan was announced.", "future"),
    # hypothetical
    ("Russia may offer support to Iran.", "hypothetical"),
    ("Russia could offer support to Iran.", "hypothetical"),
    ("Russia might meet Iran.", "hypothetical"),
    ("Russia would condemn Israel.", "hypothetical"),
    ("Russia is expected to condemn Israel.", "hypothetical"),
    ("Russia is likely to condemn Israel.", "hypothetical"),
    ("Will Putin meet Araghchi?", "hypothetical"),
    ("If Iran attacks Israel, the region burns.", "hypothetical"),
    ("Russia will help Iran if the talks fail.", "hypothetical"),
    ("Had Iran accepted the offer from Russia, the war would have ended.", "hypothetical"),
    ("The talks between Russia and Iran are expected to address sanctions.", "hypothetical"),
    ("Any potential talks between Russia and Iran remain open.", "hypothetical"),
    # generic
    ("Russia and Iran have cooperated in Syria.", "generic"),
    ("Russia regularly holds talks with Iran.", "generic"),
    ("Russia has long supported Iran.", "generic"),
    ("Russia continues to support Iran.", "generic"),
    ("Russia has supplied arms to Iran for years.", "generic"),
    ("Cooperation between Russia and Iran has deepened in recent years.", "generic"),
    ("With Iran supplying drones to Russia, the war went on.", "generic"),
    # a relationship or a trend is a state, not an occurrence
    ("Observers noted the growing ties between Russia and Iran.", "generic"),
    ("Russia and Iran strengthened ties over the decade.", "generic"),
    # the tagger's past tense after "have" is still a perfect
    ("Russia and Iran have collaborated on energy.", "generic"),
    ("Japan restored diplomatic relations with China.", "asserted"),
    ("Macron once praised Modi.", "generic"),
    # a willingness or an effort is not the act
    ("Russia's willingness to supply weapons to Iran alarmed Israel.", "hypothetical"),
    ("Japan made efforts to support India.", "hypothetical"),
    # a modal after "the outcome of the talks" is the outcome's, not the talks'
    ("The outcome of the talks between Russia and Iran could matter.", "asserted"),
]


@pytest.mark.parametrize(("text", "modality"), CASES)
def test_modality(extract: Extract, text: str, modality: str) -> None:
    events = extract(text)
    assert events, "no event found"
    assert events[0].modality == modality


SCOPE = [
    # a cue in another clause does not reach the trigger
    ("Analysts said that talks may follow, but Modi met Macron.", "met", "asserted"),
    ("Modi met Macron, and the two may meet again.", "met", "asserted"),
    ("Lavrov, who may travel later, condemned Israel.", "condemned", "asserted"),
    ("Russia condemned Israel, which might attack Iran.", "condemned", "asserted"),
    # a requested act has not happened
    ("France urged Israel to halt attacks on Gaza.", "urged", "asserted"),
    ("France urged Israel to halt attacks on Gaza.", "halt attacks", "hypothetical"),
    # the second conjunct of an absolute phrase is background too
    (
        "With Iran supplying drones and Russia offering fuel to India, trade grew.",
        "offering",
        "generic",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "modality"), SCOPE)
def test_modality_cue_scope(extract: Extract, text: str, trigger: str, modality: str) -> None:
    events = [e for e in extract(text) if e.trigger.text == trigger]
    assert events and events[0].modality == modality


def test_refusal_is_a_rejection_and_negates_the_refused_act(extract: Extract) -> None:
    events = {e.type: e.modality for e in extract("Modi refused to meet Macron.")}
    assert events == {"REJECT": "asserted", "CONSULT": "negated"}
