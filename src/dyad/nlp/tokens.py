"""Token attributes of a Doc read once into plain lists, and the Doc's text built once.

spaCy builds a new Token object on every `doc[i]` and rebuilds `Doc.text` on every access;
the extraction components look at each token many times, so they index these lists.
Both are cached in `doc.user_data` and valid only after the tagger has run (the tables
carry tags) and as long as the tokens are not changed (dyad never retokenizes).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span

_TEXT_KEY = "dyad.text"
_TABLE_KEY = "dyad.tokens"


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined once per Doc."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return str(text)


@dataclass(frozen=True)
class TokenTable:
    """Per-token attributes, indexed by token id."""

    text: list[str]
    lower: list[str]
    tag: list[str]
    pos: list[str]
    idx: list[int]
    end: list[int]  # idx + len(text)
    is_space: list[bool]
    is_alpha: list[bool]
    space_after: list[bool]  # token.whitespace_ is not empty

    def token_at_char(self, char: int) -> int:
        """The token whose text or trailing space holds `char`, or -1 (as spaCy's
        `token_by_char`: tokens tile the text, each with its trailing space)."""
        i = bisect_right(self.idx, char) - 1
        if i < 0 or char >= self.end[i] + self.space_after[i]:
            return -1
        return i

    def expand(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """Token range [start, end) of `doc.char_span(start_char, end_char,
        alignment_mode="expand")`, or None where spaCy returns None."""
        start = self.token_at_char(start_char)
        if start < 0:
            return None
        end = self.token_at_char(end_char - 1)
        if end < 0:
            return None
        if start_char == self.end[start]:
            start += 1  # the trailing space is not part of the token before it
        return start, end + 1


def forget_tokens(doc: Doc) -> None:
    """Drop a cached token table: the caller is about to change token attributes."""
    doc.user_data.pop(_TABLE_KEY, None)


def token_table(doc: Doc) -> TokenTable:
    """The token table of a tagged Doc, built on first use."""
    table = doc.user_data.get(_TABLE_KEY)
    if isinstance(table, TokenTable):
        return table
    text: list[str] = []
    lower: list[str] = []
    tag: list[str] = []
    pos: list[str] = []
    idx: list[int] = []
    end: list[int] = []
    is_space: list[bool] = []
    is_alpha: list[bool] = []
    space_after: list[bool] = []
    for t in doc:
        word = t.text
        text.append(word)
        lower.append(t.lower_)
        tag.append(t.tag_)
        pos.append(t.pos_)
        start = t.idx
        idx.append(start)
        end.append(start + len(word))
        is_space.append(t.is_space)
        is_alpha.append(t.is_alpha)
        space_after.append(bool(t.whitespace_))
    table = TokenTable(text, lower, tag, pos, idx, end, is_space, is_alpha, space_after)
    doc.user_data[_TABLE_KEY] = table
    return table


def is_title_case(sent: Span) -> bool:
    """A headline-style sentence: most content words start with a capital."""
    table = token_table(sent.doc)
    start, end = sent.start, sent.end
    texts = table.text[start:end]
    spaces = table.is_space[start:end]
    last = [t for t, space in zip(texts, spaces, strict=True) if not space]
    if last and last[-1] == ".":
        return False  # headlines carry no final stop
    alpha = table.is_alpha[start:end]
    words = [t for t, a in zip(texts, alpha, strict=True) if a and len(t) > 3]
    return len(words) >= 2 and sum(t[0].isupper() for t in words) >= 0.8 * len(words)
