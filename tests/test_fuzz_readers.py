"""Hypothesis properties over every reader and the cleaning stage: whatever the input,
reading yields documents or error rows (never an exception), and cleaning gives a text
and metadata the store can keep, or a `DocumentError` with a cause.

The inputs come from `hostile_inputs.py` (shared with `make fuzz`, which runs thousands);
here a few dozen per kind keep `make test` fast. Hypothesis draws the generators' `Random`,
so a failure shrinks to its seed and replays.
"""

from __future__ import annotations

import random
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.clean import clean_document
from dyad.errors import DocumentError
from dyad.ingest import IngestSettings, iter_inputs
from dyad.model import Document, IngestError, RawDocument
from hostile_inputs import GENERATORS, NASTY

UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
METADATA = ("name", "source", "url", "outlet", "title", "published", "author")
#: No link is ever fetched: every URL the generators make is refused before connecting.
NO_NETWORK = IngestSettings(timeout=1.0, deadline=2.0, trust_env=False)
BOUNDED = settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _storable(document: Document) -> None:
    assert not UNSTORABLE.search(document.text)
    for field in METADATA:
        value = getattr(document, field)
        assert value is None or not (UNSTORABLE.search(value) or "\n" in value), field


def _read_and_clean(argument: str) -> None:
    for item in iter_inputs([argument], settings=NO_NETWORK):
        assert isinstance(item, RawDocument | IngestError)
        if isinstance(item, IngestError):
            assert item.cause and item.stage
            continue
        try:
            _storable(clean_document(item))
        except DocumentError as exc:
            assert exc.cause


@pytest.mark.parametrize("kind", sorted(GENERATORS))
@BOUNDED
@given(rng=st.randoms(use_true_random=False))
def test_fuzz_every_reader_yields_documents_or_errors(
    tmp_path: Path, kind: str, rng: random.Random
) -> None:
    hostile = GENERATORS[kind](rng)
    if hostile.is_url:
        _read_and_clean(hostile.name)
        return
    path = Path(tempfile.mkdtemp(dir=tmp_path)) / hostile.name  # a fresh folder per example
    assert hostile.data is not None
    path.write_bytes(hostile.data)
    _read_and_clean(str(path))


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    text=st.lists(st.one_of(st.text(max_size=40), st.sampled_from(NASTY)), max_size=40).map(
        "".join
    ),
    title=st.one_of(st.none(), st.text(max_size=30), st.sampled_from(NASTY)),
    html=st.booleans(),
)
def test_fuzz_cleaning_keeps_only_storable_text(text: str, title: str | None, html: bool) -> None:
    raw = RawDocument(
        name=f"doc{title}",
        source="fuzz",
        text=f"<html><body><p>{text}</p></body></html>" if html else text,
        title=title,
        format="html" if html else "text",
    )
    try:
        document = clean_document(raw)
    except DocumentError as exc:
        assert exc.stage in ("decode", "clean") and exc.cause
        return
    _storable(document)
    assert document.text.strip()
