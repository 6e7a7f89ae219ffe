"""Hard-wrapped text is joined back into paragraphs; normal text is left alone."""

from __future__ import annotations

import textwrap

import pytest

from dyad.clean import clean_document
from dyad.clean.lines import is_hard_wrapped, unwrap
from dyad.model import RawDocument

from .conftest import DEK, PARAGRAPHS, TITLE


def wrapped(width: int = 66) -> list[str]:
    lines = [TITLE, ""]
    for paragraph in [DEK, *PARAGRAPHS]:
        lines += [*textwrap.wrap(paragraph, width), ""]
    return lines


@pytest.mark.parametrize("width", [50, 66, 72, 80])
def test_wrapped_paragraphs_are_joined(width: int) -> None:
    lines = wrapped(width)
    assert is_hard_wrapped(lines)
    out, starts = unwrap(lines)
    assert [line for line in out if line] == [TITLE, DEK, *PARAGRAPHS]
    assert all(out[k].startswith(lines[s].strip()) for k, s in enumerate(starts))


@pytest.mark.parametrize(
    "lines",
    [
        [TITLE, DEK, *PARAGRAPHS],
        [TITLE, "", DEK, "", *PARAGRAPHS[:2]],
        ["Short line"] * 12,
    ],
)
def test_unwrapped_text_left_alone(lines: list[str]) -> None:
    assert not is_hard_wrapped(lines)
    assert unwrap(lines) == (lines, list(range(len(lines))))


def test_list_items_are_never_joined() -> None:
    lines = ["- " + p[:60].strip() for p in PARAGRAPHS * 2]
    assert unwrap(lines) == (lines, list(range(len(lines))))


def test_bullets_are_not_joined_to_the_line_above() -> None:
    lines = wrapped(60)
    bullet = "- Iran and Russia also discussed payments"
    lines[-1:] = [bullet]
    out, _ = unwrap(lines)
    assert bullet in out


def test_clean_document_unwraps_and_keeps_input_line_numbers() -> None:
    lines = [*wrapped(66), "Reporting by Jane Roe; Editing by John Doe"]
    doc = clean_document(RawDocument(name="w", source="w", text="\n".join(lines)))
    assert doc.text.split("\n") == [TITLE, DEK, *PARAGRAPHS]
    assert any(r.startswith("hard-wrapped text") for r in doc.repairs)
    (removed,) = doc.removed
    assert removed.index == len(lines) - 1
