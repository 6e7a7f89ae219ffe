"""Decoding, intact mojibake (ftfy) and the gated lossy-mojibake repair."""

from __future__ import annotations

import codecs

import pytest

from dyad.clean.document import repair_text
from dyad.clean.encoding import (
    decode_bytes,
    drop_unstorable,
    fix_intact_mojibake,
    has_lossy_signature,
    repair_lossy_mojibake,
)
from dyad.clean.settings import CleanSettings
from dyad.errors import DocumentError

SENTENCE = "Iran’s envoy said the “talks” in Moscow – the third round — went well. Café opened."


@pytest.mark.parametrize(
    ("data", "repair_word"),
    [
        (SENTENCE.encode("utf-8"), None),
        (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "byte order mark"),
        (codecs.BOM_UTF16_LE + SENTENCE.encode("utf-16-le"), "byte order mark"),
        (codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), "byte order mark"),
    ],
)
def test_decode_unicode(data: bytes, repair_word: str | None) -> None:
    decoded = decode_bytes(data, "doc")
    assert decoded.text == SENTENCE
    if repair_word is None:
        assert decoded.repairs == []
    else:
        assert repair_word in decoded.repairs[0]


LEGACY = (
    "The foreign minister’s visit to the café near the Kremlin was brief – only an hour – "
    "and the délégation left for Tehran the same evening, officials said. "
) * 3


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_decode_legacy_encodings_are_guessed(encoding: str) -> None:
    text = LEGACY if encoding == "cp1252" else LEGACY.replace("’", "'").replace("–", "-")
    decoded = decode_bytes(text.encode(encoding), "doc")
    assert decoded.text == text
    assert decoded.repairs == ["decoded as cp1252 (guessed by charset-normalizer)"]


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,
        b"\x89PNG\r\n\x1a\n" + bytes([0, 0, 0, 13, 73, 72, 68, 82]) * 64,
        b"\x00\x01\x02\x03\x04\x05\x06\x07" * 100,
    ],
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(DocumentError) as info:
        decode_bytes(data, "blob.bin")
    assert info.value.stage == "decode"
    assert "UTF-8" in info.value.cause


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("Iranâ€™s minister", "Iran’s minister"),
        ("the â€œtalksâ€\x9d ended", "the “talks” ended"),
        ("CafÃ© Pushkin", "Café Pushkin"),
    ],
)
def test_intact_mojibake_fixed_by_ftfy(broken: str, fixed: str) -> None:
    result = fix_intact_mojibake(broken)
    assert result.text == fixed
    assert result.repairs and "ftfy" in result.repairs[0]


@pytest.mark.parametrize(
    "text",
    [
        SENTENCE,
        "He said \"no\" -- twice... and 'maybe' once.",
        "ﬁnal ﬁgures",  # ligatures are the author's, not damage
    ],
)
def test_ftfy_leaves_legitimate_characters(text: str) -> None:
    result = fix_intact_mojibake(text)
    assert result.text == text
    assert result.repairs == []


LOSSY = (
    "Russian President Vladimir Putin met Iranâs foreign minister in Moscow. The RussiaâIran "
    "partnership has grown, often quietlyâthrough working groups. Officials didnât say "
    "much, but they described the âstrategicâ talks as useful, and the two countriesâ "
    "positions were close. Trade rose in 2010â2015, Tehranâs officials noted."
)
LOSSY_FIXED = (
    "Russian President Vladimir Putin met Iran’s foreign minister in Moscow. The Russia–Iran "
    "partnership has grown, often quietly—through working groups. Officials didn’t say "
    "much, but they described the “strategic” talks as useful, and the two countries’ "
    "positions were close. Trade rose in 2010–2015, Tehran’s officials noted."
)


def test_lossy_mojibake_restored_in_english() -> None:
    result = repair_text(LOSSY, CleanSettings())
    assert result.text == LOSSY_FIXED
    assert any(r.startswith("lossy mojibake: 9 characters restored") for r in result.repairs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iranâs envoy", "Iran’s envoy"),
        ("we donât know", "we don’t know"),
        ("theyâre here", "they’re here"),
        ("RussiaâIran ties", "Russia–Iran ties"),
        ("positioningâoften", "positioning—often"),
        ("said âyesâ today", "said “yes” today"),
        ("said âno.â Then", "said “no.” Then"),
        ("Moscow â and Tehran", "Moscow — and Tehran"),
    ],
)
def test_lossy_choice_by_context(text: str, expected: str) -> None:
    assert repair_lossy_mojibake(text)[0] == expected


REAL_CIRCUMFLEX = [
    "La pâte feuilletée et l’âme de la cuisine française sont célèbres dans le monde entier, "
    "et les chefs préparent la pâte avec soin chaque matin à Paris.",
    "A lâmpada da sala apagou-se e a família ficou à espera até o técnico chegar, disse ele, "
    "enquanto a lâmpada nova não chegava à loja da cidade.",
    "România și Republica Moldova au semnat un acord în capitală, iar România a promis "
    "sprijin pentru proiectele din regiune în următorii ani.",
    "The delegation from România arrived on Tuesday; România's minister met officials.",
]


@pytest.mark.parametrize("text", REAL_CIRCUMFLEX)
def test_real_circumflex_untouched(text: str) -> None:
    assert not has_lossy_signature(text)
    result = repair_text(text, CleanSettings())
    assert result.text == text
    assert not any("lossy" in r for r in result.repairs)


def test_lossy_repair_can_be_switched_off() -> None:
    result = repair_text(LOSSY, CleanSettings(repair_lossy_mojibake=False))
    assert "â" in result.text


def test_seed_with_lossy_mojibake_has_no_circumflex_left(shared) -> None:  # type: ignore[no-untyped-def]
    for path in sorted((shared / "seeds").glob("*.txt")):
        text = repair_text(path.read_text(encoding="utf-8"), CleanSettings()).text
        assert "â" not in text, path.name


@pytest.mark.parametrize(
    ("text", "expected", "repairs"),
    [
        ("plain text\nwith\tlines", "plain text\nwith\tlines", []),
        ("nul\x00 inside", "nul inside", ["removed 1 control characters"]),
        ("\x1b[31mred\x1b[0m", "[31mred[0m", ["removed 2 control characters"]),
        ("c1\x9b control", "c1 control", ["removed 1 control characters"]),
        ("lone \ud800 half", "lone \ufffd half", ["replaced 1 lone surrogates"]),
        ("both\x00\udfff", "both\ufffd", ["removed 1", "replaced 1"]),
        ("zero\u200cwidth", "zero\u200cwidth", []),
    ],
)
def test_drop_unstorable(text: str, expected: str, repairs: list[str]) -> None:
    result = drop_unstorable(text)
    assert result.text == expected
    assert len(result.repairs) == len(repairs)
    assert all(r.startswith(p) for r, p in zip(result.repairs, repairs, strict=True))
