"""The trained pipeline dyad loads, and the error when it is missing."""

import pytest

from dyad.nlp.pipeline import DEFAULT_SPACY_MODEL, build_nlp


def test_a_missing_model_says_how_to_install_it() -> None:
    with pytest.raises(ValueError, match=r"not installed: install the default one with"):
        build_nlp(spacy_model="en_core_web_nonexistent_pipeline")


def test_the_default_pipeline_is_the_trained_one() -> None:

    nlp = build_nlp(components=[])
    assert nlp.meta["name"] in DEFAULT_SPACY_MODEL
    assert {"tagger", "parser", "lemmatizer"} <= set(nlp.pipe_names)
    assert "ner" in nlp.component_names  # kept aside for dyad_actors
