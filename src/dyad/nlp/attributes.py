"""The trained pipeline's attribute_ruler, compiled into dictionary lookups.

A trained English pipeline's `attribute_ruler` maps the tagger's fine-grained tags to
coarse parts of speech and morphology, and a few words (with their tag, or their
dependency) to lemmas and features. spaCy runs its ~180 patterns through the general
`Matcher`, which costs as much per document as the parser's tree. This component reads the
loaded ruler's own patterns when it is built, so it follows whichever model the user loads,
and applies them as spaCy does, only faster:

- every pattern is indexed by one of its exact values (a word, a tag, a dependency label,
  whether the token is a space), so a token looks up the few patterns that can match it;
- the remaining conditions (`IN`, `NOT_IN`, `REGEX`, more tokens) are checked exactly as
  the `Matcher` checks them, on the attributes the ruler saw before it changed any;
- matches are applied in the ruler's order, so a later pattern overwrites an earlier one,
  token by token and attribute by attribute, as in `AttributeRuler.set_annotations`.

A pattern this module cannot read exactly (quantifiers, extension attributes, other
operators, attributes it does not set) makes `compile_rules` raise a `PipelineError`;
`replace_attribute_ruler` then keeps the model's own ruler, so the results never differ.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, NORM, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs
from spacy.vocab import Vocab

from dyad.errors import PipelineError
from dyad.nlp.tokens import forget_tokens

#: Token attributes a pattern may test, by the name spaCy's Matcher reads; all but
#: IS_SPACE are compared by the hash of their string, as the Matcher compares them.
_MATCHED: dict[str, int] = {
    "ORTH": ORTH,
    "TEXT": ORTH,
    "LOWER": LOWER,
    "NORM": NORM,
    "TAG": TAG,
    "DEP": DEP,
    "LEMMA": LEMMA,
    "IS_SPACE": IS_SPACE,
}
#: Token attributes a pattern may set (none of them lexical, so setting them on the token
#: is all spaCy's `set_token_attrs` does).
_SET: dict[str, int] = {"POS": POS, "TAG": TAG, "MORPH": MORPH, "LEMMA": LEMMA, "DEP": DEP}
#: Which exact values index a pattern best: a word is rarer than a tag, a tag than a label.
_ANCHOR_RANK = {ORTH: 0, LOWER: 0, NORM: 0, LEMMA: 1, TAG: 2, DEP: 3, IS_SPACE: 4}
#: Regex results kept per condition before the memory is emptied.
_REGEX_MEMORY = 100_000


@dataclass
class _Condition:
    """One test on one attribute of one token of a pattern."""

    column: int  # index into the attributes read from the Doc
    operator: str  # "==", "IN", "NOT_IN" or "REGEX"
    values: frozenset[int] = frozenset()
    regex: re.Pattern[str] | None = None
    memory: dict[int, bool] = field(default_factory=dict)

    def holds(self, value: int, vocab: Vocab) -> bool:
        if self.operator == "==" or self.operator == "IN":
            return value in self.values
        if self.operator == "NOT_IN":
            return value not in self.values
        found = self.memory.get(value)
        if found is None:
            assert self.regex is not None
            if len(self.memory) > _REGEX_MEMORY:
                self.memory.clear()
            found = self.memory[value] = bool(self.regex.search(vocab.strings[value]))
        return found


@dataclass
class _Alternative:
    """One token sequence of a pattern; a match sets the rule's attributes on `target`."""

    rule: int  # the pattern's position in the ruler: later ones win
    tokens: list[list[_Condition]]
    target: int  # offset of the token that receives the attributes
    anchor: tuple[int, int, _Condition] | None = None  # (offset, column, condition)
    # the anchor is the only condition: a hit on the index is a match
    trivial: bool = False

    def fits(self, columns: list[list[int]], start: int, vocab: Vocab) -> bool:
        if start < 0 or start + len(self.tokens) > len(columns[0]):
            return False
        for offset, conditions in enumerate(self.tokens):
            for condition in conditions:
                if not condition.holds(columns[condition.column][start + offset], vocab):
                    return False
        return True


@dataclass
class CompiledRules:
    """A ruler's patterns as indexes: what to read from a Doc, where to look, what to set."""

    read: list[int]  # attribute ids read from the Doc, indexed by `_Condition.column`
    indexes: list[tuple[int, dict[int, list[tuple[_Alternative, int]]]]]  # (column, index)
    unanchored: list[_Alternative]
    written: list[int]  # attribute ids some pattern sets
    assignments: list[list[tuple[int, int]]]  # per rule: (index into `written`, value)


def compile_rules(vocab: Vocab, patterns: Iterable[Mapping[str, Any]]) -> CompiledRules:
    """Compile `AttributeRuler.patterns` into indexes.

    Args:
        vocab: the pipeline's vocabulary (values are matched and set as its hashes).
        patterns: the ruler's patterns, in its order (`{"patterns", "attrs", "index"}`).

    Returns:
        The compiled rules.

    Raises:
        PipelineError: a pattern uses something this module does not read exactly.
    """
    read: list[int] = []
    written: list[int] = []
    alternatives: list[_Alternative] = []
    assignments: list[list[tuple[int, int]]] = []
    for number, entry in enumerate(patterns):
        index = entry.get("index", 0)
        if not isinstance(index, int):
            raise _unsupported(number, entry, f"index {index!r} is not a number")
        assignments.append(_assignments(vocab, number, entry, written))
        for sequence in entry["patterns"]:
            if not sequence:
                raise _unsupported(number, entry, "an empty token sequence")
            target = index if index >= 0 else len(sequence) + index
            if not 0 <= target < len(sequence):
                raise _unsupported(number, entry, f"index {index} is outside the match")
            tokens = [_conditions(vocab, number, entry, spec, read) for spec in sequence]
            alternatives.append(_anchored(_Alternative(number, tokens, target), read))
    by_column: dict[int, dict[int, list[tuple[_Alternative, int]]]] = {}
    unanchored: list[_Alternative] = []
    for alternative in alternatives:
        if alternative.anchor is None:
            unanchored.append(alternative)
            continue
        offset, column, condition = alternative.anchor
        index_of = by_column.setdefault(column, {})
        for value in condition.values:
            index_of.setdefault(value, []).append((alternative, offset))
    return CompiledRules(read, sorted(by_column.items()), unanchored, written, assignments)


def _unsupported(number: int, entry: Mapping[str, Any], cause: str) -> PipelineError:
    return PipelineError(
        f"attribute_ruler pattern {number} ({dict(entry)!r}): {cause}, which dyad_attributes "
        f"does not read; keep the model's attribute_ruler (build_nlp does) for this pipeline"
    )


def _assignments(
    vocab: Vocab, number: int, entry: Mapping[str, Any], written: list[int]
) -> list[tuple[int, int]]:
    attrs = entry.get("attrs", {})
    names = [name.upper() if isinstance(name, str) else name for name in attrs]
    unknown = [name for name in names if name not in _SET]
    if unknown:
        raise _unsupported(number, entry, f"sets {unknown}, not one of {sorted(_SET)}")
    # the ruler's own normalisation: POS names to ids, MORPH strings to morphology keys
    normal = normalize_token_attrs(vocab, dict(zip(names, attrs.values(), strict=True)))
    out = []
    for name in names:
        attr = _SET[name]
        if attr not in written:
            written.append(attr)
        out.append((written.index(attr), int(normal[attr])))
    return out


def _conditions(
    vocab: Vocab, number: int, entry: Mapping[str, Any], spec: Any, read: list[int]
) -> list[_Condition]:
    if not isinstance(spec, dict):
        raise _unsupported(number, entry, "a token pattern is not a dict")
    conditions = []
    for key, value in spec.items():
        name = key.upper() if isinstance(key, str) else key
        if name not in _MATCHED:
            raise _unsupported(number, entry, f"tests {key!r}")
        attr = _MATCHED[name]
        if attr not in read:
            read.append(attr)
        column = read.index(attr)
        flag = attr == IS_SPACE
        if isinstance(value, bool) and flag:
            conditions.append(_Condition(column, "==", frozenset({int(value)})))
        elif isinstance(value, str) and not flag:
            conditions.append(_Condition(column, "==", frozenset({vocab.strings.add(value)})))
        elif isinstance(value, dict) and not flag and value:
            for operator, operand in value.items():
                conditions.append(_predicate(number, entry, column, operator, operand))
        else:
            raise _unsupported(number, entry, f"{key} = {value!r}")
    return conditions


def _predicate(
    number: int, entry: Mapping[str, Any], column: int, operator: Any, operand: Any
) -> _Condition:
    operator = operator.upper() if isinstance(operator, str) else operator
    strings = isinstance(operand, list | tuple) and all(isinstance(v, str) for v in operand)
    if operator in ("IN", "NOT_IN") and strings:
        return _Condition(column, operator, frozenset(get_string_id(v) for v in operand))
    if operator == "REGEX" and isinstance(operand, str):
        return _Condition(column, operator, regex=re.compile(operand))
    raise _unsupported(number, entry, f"operator {operator!r} with {operand!r}")


def _anchored(alternative: _Alternative, read: list[int]) -> _Alternative:
    """Index the alternative by its rarest exact value (a word before a tag)."""
    best: tuple[int, int, _Condition] | None = None
    for offset, conditions in enumerate(alternative.tokens):
        for condition in conditions:
            if condition.operator not in ("==", "IN"):
                continue
            rank = _ANCHOR_RANK[read[condition.column]]
            if best is None or (rank, offset) < best[:2]:
                best = (rank, offset, condition)
    if best is not None:
        _, offset, condition = best
        alternative.anchor = (offset, condition.column, condition)
        only = len(alternative.tokens) == 1 and len(alternative.tokens[0]) == 1
        alternative.trivial = only
    return alternative


@Language.factory(
    "dyad_attributes",
    assigns=["token.pos", "token.tag", "token.morph", "token.lemma", "token.dep"],
    requires=["token.tag"],
    default_config={"source": "attribute_ruler"},
)
def make_attributes(nlp: Language, name: str, source: str) -> AttributeTable:
    """The compiled patterns of the pipeline's attribute_ruler named `source`.

    Raises:
        PipelineError: there is no such ruler, or it has a pattern `compile_rules` refuses.
    """
    ruler = nlp.get_pipe(source) if source in nlp.component_names else None
    if not isinstance(ruler, AttributeRuler):
        raise PipelineError(
            f"dyad_attributes compiles the patterns of an attribute_ruler named {source!r}, "
            f"and the pipeline's {source!r} is {type(ruler).__name__} (components: "
            f"{nlp.component_names}); add dyad_attributes while the model's ruler is there, "
            f"or set its `source` to the ruler's name"
        )
    return AttributeTable(nlp.vocab, compile_rules(nlp.vocab, ruler.patterns))


class AttributeTable:
    """Sets POS, MORPH, LEMMA (and TAG, DEP) as the model's attribute_ruler would."""

    def __init__(self, vocab: Vocab, rules: CompiledRules) -> None:
        self.vocab = vocab
        self.rules = rules

    def match(self, doc: Doc) -> list[tuple[int, int]]:
        """(pattern number, token index) of every match, in the order they apply."""
        rules = self.rules
        if not len(doc) or not rules.read:
            return []
        array = doc.to_array(_ids(rules.read)).reshape(len(doc), -1)
        columns: list[list[int]] = [array[:, i].tolist() for i in range(len(rules.read))]
        vocab = self.vocab
        hits: list[tuple[int, int]] = []
        for column, index in rules.indexes:
            for position, entries in enumerate(map(index.get, columns[column])):
                if entries is None:
                    continue
                for alternative, offset in entries:
                    start = position - offset
                    if alternative.trivial or alternative.fits(columns, start, vocab):
                        hits.append((alternative.rule, start + alternative.target))
        for alternative in rules.unanchored:
            for start in range(len(doc) - len(alternative.tokens) + 1):
                if alternative.fits(columns, start, vocab):
                    hits.append((alternative.rule, start + alternative.target))
        # spaCy sorts the matches by pattern and applies them in turn: later patterns win
        hits.sort()
        return hits

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int]]) -> None:
        """Set each matched pattern's attributes on its token, in the given order."""
        if not matches:
            return
        written = self.rules.written
        array = doc.to_array(_ids(written)).reshape(len(doc), -1)
        columns: list[list[int]] = [array[:, i].tolist() for i in range(len(written))]
        assignments = self.rules.assignments
        for rule, token in matches:
            for column, value in assignments[rule]:
                columns[column][token] = value
        values = numpy.array(columns, dtype=numpy.uint64).T
        doc.from_array(_ids(written), values)  # type: ignore[arg-type]  # stubs say Ints2d
        forget_tokens(doc)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


def _ids(attrs: list[int]) -> list[int | str]:
    return [*attrs]  # the list type spaCy's stubs ask for


def replace_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Put `dyad_attributes` in the place of the pipeline's attribute_ruler.

    The model's ruler stays when it is missing, is not spaCy's `AttributeRuler`, or has a
    pattern `compile_rules` refuses: the results are then the ruler's own, never different.

    Returns:
        Whether the ruler was replaced.
    """
    ruler = nlp.get_pipe(name) if name in nlp.pipe_names else None
    if not isinstance(ruler, AttributeRuler):
        return False
    try:
        compile_rules(nlp.vocab, ruler.patterns)
    except PipelineError:
        return False
    nlp.add_pipe("dyad_attributes", after=name, config={"source": name})
    nlp.remove_pipe(name)
    return True
