"""clean_document end to end: inputs of every kind, the cleaned text, and errors."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyad.clean import CleanSettings, clean_document, line_key, repair_text
from dyad.errors import DocumentError
from dyad.model import RawDocument, make_doc_id

from .conftest import DEK, PARAGRAPHS, TITLE, article

CLEAN = CleanSettings()


def raw(**kwargs: object) -> RawDocument:
    return RawDocument(name="doc", source="test", **kwargs)  # type: ignore[arg-type]


def test_plain_text_document() -> None:
    text = article(
        top=["World", "by | Jan 17, 2025 | 4 comments"],
        bottom=["Join the discussion", "Nice piece!"],
    )
    doc = clean_document(raw(text=text), CLEAN)
    assert doc.text.split("\n") == [TITLE, DEK, *PARAGRAPHS]
    assert doc.doc_id == make_doc_id(doc.text)
    assert doc.title == TITLE
    assert doc.published == "2025-01-17"
    assert doc.language == "en"
    assert [(r.line, r.reason, r.index) for r in doc.removed] == [
        ("World", "menu", 0),
        ("by | Jan 17, 2025 | 4 comments", "byline", 1),
        ("Join the discussion", "comment section", 10),
        ("Nice piece!", "comment section", 11),
    ]


def test_removed_lines_index_the_decoded_input() -> None:
    text = "\r\n\r\n".join(article(middle=["Copy Link"]).split("\n"))
    doc = clean_document(raw(data=text.encode("utf-8")), CLEAN)
    (removed,) = doc.removed
    assert text.replace("\r\n", "\n").split("\n")[removed.index] == "Copy Link"
    assert "\n\n" not in doc.text and "\r" not in doc.text


def test_container_metadata_wins() -> None:
    text = article(top=["by | Jan 17, 2025 | 0 comments"])
    doc = clean_document(
        raw(text=text, title="Given", published="2025-02-01", outlet="Wire", author="A. B."),
        CLEAN,
    )
    assert (doc.title, doc.published, doc.outlet, doc.author) == (
        "Given",
        "2025-02-01",
        "Wire",
        "A. B.",
    )


def test_html_document() -> None:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    page = (
        "<html><head><title>Pact</title><meta property='og:site_name' content='Caspian Wire'>"
        f"</head><body><article><h1>{TITLE}</h1>{body}<p>Copy Link</p></article></body></html>"
    )
    for doc in (
        clean_document(raw(format="html", data=page.encode("utf-8")), CLEAN),
        clean_document(raw(format="html", html=page), CLEAN),
        clean_document(raw(text=page), CLEAN),  # sniffed
    ):
        assert doc.text.split("\n")[1:] == PARAGRAPHS
        assert doc.outlet == "Caspian Wire"


def test_cp1252_bytes_with_lossy_signature_are_not_misread() -> None:
    text = article().replace("Iran's", "Iran’s")
    doc = clean_document(raw(data=text.encode("cp1252")), CLEAN)
    assert "Iran’s parliament" in doc.text
    assert any("charset-normalizer" in r for r in doc.repairs)


def test_lossy_mojibake_is_repaired_in_the_document() -> None:
    text = article().replace("Iran's", "Iranâs").replace("two delegations", "twoâdelegations")
    text = text.replace("North-South", "NorthâSouth").replace(
        "military-technical", "militaryâ technical"
    )
    doc = clean_document(raw(text=text), CLEAN)
    assert "â" not in doc.text
    assert "Iran’s parliament" in doc.text and "North–South" in doc.text
    assert any(r.startswith("lossy mojibake") for r in doc.repairs)


def test_repeated_line_counts_remove_outlet_furniture() -> None:
    slogan = "Independent news from the Caspian region since 1998"
    doc = clean_document(raw(text=article(bottom=[slogan])), CLEAN, {line_key(slogan): 5})
    assert slogan not in doc.text
    assert doc.removed[-1].reason == "repeated in outlet"


@pytest.mark.parametrize(
    ("document", "stage", "fragment"),
    [
        (raw(data=bytes(range(256)) * 8), "decode", "UTF-8"),
        (raw(text="Latest\nWorld\nx\n"), "clean", "no article text left"),
        (raw(text="   \n\n"), "clean", "no article text left"),
        (raw(format="html", html="<html><body></body></html>"), "clean", "no article text"),
        (raw(), "decode", "has no content"),
    ],
)
def test_documents_that_cannot_be_cleaned(document: RawDocument, stage: str, fragment: str) -> None:
    with pytest.raises(DocumentError) as info:
        clean_document(document, CLEAN)
    assert info.value.stage == stage
    assert fragment in info.value.cause


def test_default_settings() -> None:
    assert clean_document(raw(text=article())).text.startswith(TITLE)


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"repeat_threshold": 0}, "repeat_threshold"),
        ({"foreign_line_min_prob": 0}, "foreign_line_min_prob"),
        ({"bottom_fraction": 2}, "bottom_fraction"),
    ],
)
def test_bad_settings(kwargs: dict[str, float], fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        CleanSettings(**kwargs)  # type: ignore[arg-type]


LINE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
    max_size=60,
)


@settings(max_examples=60, deadline=None)
@given(st.lists(LINE, min_size=0, max_size=6))
def test_cleaned_text_shape(extra: list[str]) -> None:
    """Whatever lines are added, the text is NFC, stripped, has no blank lines, keeps the
    article, and every kept line is a line of the repaired input, in order."""
    source = article(middle=extra)
    doc = clean_document(raw(text=source), CleanSettings(detect_language=False))
    lines = doc.text.split("\n")
    assert doc.text == unicodedata.normalize("NFC", doc.text)
    assert all(line and line == line.strip() for line in lines)
    assert all(p in lines for p in PARAGRAPHS)
    repaired = repair_text(source, CleanSettings(detect_language=False)).text
    remaining = iter(line.strip() for line in repaired.split("\n"))
    assert all(any(line == candidate for candidate in remaining) for line in lines)
