"""Bytes to trustworthy text: decoding, intact mojibake (ftfy) and lossy mojibake (ours).

Lossy mojibake is what is left when UTF-8 punctuation was decoded as cp1252 and the two
continuation bytes were then dropped: "Iran’s" becomes "Iranâs", "Russia–Iran" becomes
"RussiaâIran". ftfy cannot undo it (the information is gone), so a gated rule picks the
lost character from its context, and only in English text that shows the signature.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field

import ftfy
from charset_normalizer import from_bytes

from dyad.errors import DocumentError
from dyad.sanitize import SURROGATE

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Only undo encoding damage; curly quotes, dashes, ligatures and widths are legitimate.
_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    fix_line_breaks=False,
    normalization="NFC",
)

_CONTROL_OK = {"\n", "\r", "\t", "\f", "\v"}
# General category Cc is exactly U+0000-U+001F and U+007F-U+009F (fixed by Unicode's
# stability policy); the translate table deletes those that are not allowed.
_DROP_CONTROL: dict[int, None] = {
    c: None
    for c in range(0xA0)
    if unicodedata.category(chr(c)) == "Cc" and chr(c) not in _CONTROL_OK
}
_MAX_CONTROL_SHARE = 0.01

_LETTER = r"[^\W\d_]"
_A = "â"
_APOSTROPHE_TAIL = re.compile(r"(?:s|t|ll|re|ve|d|m)(?![^\W_])")
_APOSTROPHE_SIGNATURE = re.compile(rf"[a-z]{_A}(?:s|t|ll|re|ve|d|m)(?![^\W_])")
_LOSSY_SIGNATURE = re.compile(rf"{_LETTER}{_A}(?:{_LETTER}|\s)|\s{_A}{_LETTER}")
_MIN_LOSSY = 3


@dataclass
class Decoded:
    """Decoded text and the repairs that produced it, for `Document.repairs`."""

    text: str
    repairs: list[str] = field(default_factory=list)


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = len(text) - len(text.translate(_DROP_CONTROL))  # one C loop, not one per char
    return bad / len(text)


def decode_bytes(data: bytes, name: str) -> Decoded:
    """Decode a file's bytes: BOM, then strict UTF-8, then charset-normalizer's guess.

    Raises:
        DocumentError: the bytes are binary or no encoding decodes them.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), [f"decoded as {encoding} (byte order mark)"])
            except UnicodeDecodeError as exc:
                raise DocumentError(
                    name,
                    "decode",
                    f"has a {encoding} byte order mark but is not {encoding}: "
                    f"{exc.reason} at byte {exc.start}; re-save the file as UTF-8",
                ) from exc
    if b"\x00" not in data:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            _refuse_binary(text, name)
            return Decoded(text)
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DocumentError(
            name,
            "decode",
            "is not text in any known encoding (binary file?); "
            "give dyad UTF-8 text or an HTML page",
        )
    text, encoding = str(best), best.encoding
    if encoding != "cp1252" and _decodes_same(data, "cp1252", text):
        encoding = "cp1252"  # the same text: name the far more common Western code page
    _refuse_binary(text, name)
    return Decoded(text, [f"decoded as {encoding} (guessed by charset-normalizer)"])


def drop_unstorable(text: str) -> Decoded:
    """Delete control characters other than line breaks and tabs; lone surrogates -> U+FFFD.

    NUL cannot be stored, ESC and its kin would reach a terminal, and a lone surrogate
    (a JSON `\\ud800`) cannot be encoded at all: none of them is ever part of an article.
    """
    dropped = len(text) - len(cleaned := text.translate(_DROP_CONTROL))
    surrogates = len(SURROGATE.findall(cleaned)) if not cleaned.isascii() else 0
    repairs = []
    if dropped:
        repairs.append(f"removed {dropped} control characters (NUL, escape and the like)")
    if surrogates:
        cleaned = SURROGATE.sub("\ufffd", cleaned)
        repairs.append(f"replaced {surrogates} lone surrogates (broken UTF-16) with U+FFFD")
    return Decoded(cleaned, repairs)


def _decodes_same(data: bytes, encoding: str, text: str) -> bool:
    try:
        return data.decode(encoding) == text
    except UnicodeDecodeError:
        return False


def _refuse_binary(text: str, name: str) -> None:
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise DocumentError(
            name,
            "decode",
            "looks binary (many control characters), expected text; "
            "give dyad UTF-8 text or an HTML page",
        )


def fix_intact_mojibake(text: str) -> Decoded:
    """Undo mojibake whose bytes are all still there ("â€™" -> "’") with ftfy."""
    fixed, explanation = ftfy.fix_and_explain(text, config=_FTFY_CONFIG)
    steps = [f"{step} {arg}" for step, arg in (explanation or []) if step != "normalize"]
    repairs = [f"mojibake fixed by ftfy: {', '.join(steps)}"] if steps and fixed != text else []
    return Decoded(fixed, repairs)


def has_lossy_signature(text: str) -> bool:
    """True when `â` appears where punctuation was lost, and little else is accented.

    Real `â` (French "pâte", Romanian "România") sits inside words of a text full of other
    accented letters, and never before the "s" of a possessive.
    """
    lossy = len(_LOSSY_SIGNATURE.findall(text))
    if lossy < _MIN_LOSSY or not _APOSTROPHE_SIGNATURE.search(text):
        return False
    other = sum(1 for ch in text if ord(ch) > 127 and ch.isalpha() and ch != _A)
    return other <= max(2, lossy // 10)


def _left_word(text: str, i: int) -> str:
    j = i
    while j > 0 and (text[j - 1].isalnum()):
        j -= 1
    return text[j:i]


def _choose(text: str, i: int, quote_open: bool) -> str:
    """The character a lost `â` at `text[i]` most likely stood for."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isalnum() and _APOSTROPHE_TAIL.match(text, i + 1) and not quote_open:
        return "’"
    if prev.isalnum() and nxt.isalnum():
        left = _left_word(text, i)
        if (prev.isdigit() and nxt.isdigit()) or (left[:1].isupper() and nxt.isupper()):
            return "–"
        return "—"
    if prev.isspace() and nxt.isspace():
        return "—"
    if (prev.isspace() or prev in "([{") and (nxt.isalnum() or nxt in "'‘"):
        return "“"
    if prev.isalnum() or prev in ".,!?;:)'’":
        if quote_open or prev in ".,!?":
            return "”"
        return "’"
    return "—"


def repair_lossy_mojibake(text: str) -> tuple[str, dict[str, int]]:
    """Replace every `â` by the quote or dash it stood for; call only after the gate.

    Returns:
        The repaired text and how many apostrophes, dashes and quotes were restored.
    """
    out: list[str] = []
    counts = {"apostrophes": 0, "dashes": 0, "quotes": 0}
    quote_open = False
    last = 0
    for i, ch in enumerate(text):
        if ch == "\n":
            quote_open = False
        if ch != _A:
            continue
        choice = _choose(text, i, quote_open)
        out.append(text[last:i])
        out.append(choice)
        last = i + 1
        if choice == "“":
            quote_open = True
        elif choice == "”":
            quote_open = False
        kind = {"’": "apostrophes", "–": "dashes", "—": "dashes"}.get(choice, "quotes")
        counts[kind] += 1
    out.append(text[last:])
    return "".join(out), counts


def describe_lossy_repair(counts: dict[str, int]) -> str:
    """A `Document.repairs` entry for a lossy repair."""
    parts = [f"{n} {kind}" for kind, n in counts.items() if n]
    total = sum(counts.values())
    return f"lossy mojibake: {total} characters restored ({', '.join(parts)})"
