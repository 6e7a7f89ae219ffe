"""The clause layer: who is the subject, object, agent of a predicate, read from the parse.

Events, quotes and coreference ask the same questions of a sentence ("who did it", "to
whom", "by whom"); this module answers them once, from spaCy's dependency labels (the
ClearNLP scheme of the English pipelines), so that a construction of English is handled in
one place:

- active and passive voice, with the `by` agent of a passive verb or participle;
- coordination of actors ("Russia and Iran") and of verbs ("met and signed": the second
  verb shares the first one's subject);
- relative clauses ("X, who met Y": the subject of `met` is X) and participle modifiers
  ("the attacks carried out by X against Y": X acts, the attacks are the patient);
- control ("agreed to supply": the subject of `agreed` supplies; "urged Iran to stop":
  the object of `urged` stops) and raising ("is set to visit");
- participle adjuncts ("..., saying that"; "after meeting Putin, Araghchi said").

Functions take and return spaCy `Token`s; callers map tokens to actors themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from spacy.tokens import Token

from dyad.datafile import load_yaml, string_list, top_mapping

CLAUSE_WORDS_PATH = Path(__file__).parent / "data" / "clauses.yaml"

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "oprd"})
#: Relations of a noun that is an argument, whatever tag the tagger gave it ("the US
#: strikes on Iran drew ...": `strikes` tagged VBZ but parsed as a subject).
NOMINAL_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "dative", "appos", "conj", "compound"}
)
#: Relations that stay inside a noun phrase: the phrase's own words around its head.
PHRASE_DEPS = frozenset(
    {"compound", "amod", "poss", "case", "det", "nmod", "appos", "flat", "nummod",
     "quantmod", "predet", "punct", "cc", "conj", "npadvmod"}
)  # fmt: skip
#: Relations by which a verb continues the clause of the verb it depends on and so shares
#: its subject when it has none of its own.
SHARED_SUBJECT_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "acomp"})
RELATIVE_WORDS = frozenset({"who", "which", "that", "whom"})
VERBAL_POS = frozenset({"VERB", "AUX"})
NOMINAL_POS = frozenset({"NOUN", "PROPN"})
CLAUSE_DEPS = frozenset(
    {"ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp", "acl", "pcomp", "parataxis", "csubj"}
)
MAX_CLIMB = 12  # predicates walked up when inheriting a subject (parses are shallow)


def with_conjuncts(tokens: Iterable[Token]) -> list[Token]:
    """The tokens and everything coordinated with them ("Russia, China and Iran"), in order."""
    seen: dict[int, Token] = {}
    for token in tokens:
        seen.setdefault(token.i, token)
        for other in token.conjuncts:
            seen.setdefault(other.i, other)
    return [seen[i] for i in sorted(seen)]


def children(token: Token, deps: frozenset[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def reads_as_noun(token: Token) -> bool:
    """A noun here: tagged so, or a verb form parsed as an argument ("US strikes on Iran")."""
    if token.pos_ in NOMINAL_POS:
        return True
    # an argument that heads a subject of its own ("The US strikes on Iran drew ...") is
    # a compound the parser read as a clause
    return (
        token.pos_ in VERBAL_POS
        and token.dep_ in NOMINAL_DEPS - {"conj", "compound"}
        and token.tag_ != "VBG"
        and not children(token, OBJECT_DEPS)
    )


def reading(token: Token) -> str:
    """NOUN, VERB or ADJ: how the token is used in its sentence; ANY when unsure."""
    if reads_as_noun(token):
        return "NOUN"
    if token.pos_ in VERBAL_POS:
        return "ADJ" if token.dep_ == "amod" else "VERB"
    if token.pos_ == "ADJ":
        return "ADJ"
    return "ANY"


def is_passive(pred: Token) -> bool:
    """Passive voice: a passive subject or auxiliary, or a past participle that modifies a
    noun ("the attacks carried out by X")."""
    if any(c.dep_ in ("nsubjpass", "csubjpass", "auxpass") for c in pred.children):
        return True
    if any(c.dep_ in ("nsubj", "aux") for c in pred.children):
        return False  # "reports that X had sent": a clause of its own, active
    return pred.tag_ == "VBN" and pred.dep_ in ("acl", "amod") and pred.head.pos_ in NOMINAL_POS


def governor(token: Token) -> Token | None:
    """The nearest predicate above a token: the verb whose clause it belongs to."""
    node = token
    for _ in range(MAX_CLIMB):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in VERBAL_POS and not reads_as_noun(node):
            return node
    return None


def clause_head(token: Token) -> Token:
    """The predicate heading the clause the token stands in (itself for a verb)."""
    if token.pos_ in VERBAL_POS and not reads_as_noun(token):
        return token
    return governor(token) or token.sent.root


def clause_range(token: Token) -> tuple[int, int]:
    """Token range [start, end) of the clause the token stands in: the unbroken stretch
    around it of words of its clause, stopping at a clause embedded in it ("the meeting
    was planned, as reports said X will meet Y on Tuesday": not the Tuesday)."""
    head = clause_head(token)
    inside = {head.i}
    stack = [head]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.dep_ in CLAUSE_DEPS and child.pos_ in VERBAL_POS:
                continue
            inside.add(child.i)
            stack.append(child)
    start = end = token.i if token.i in inside else head.i
    while start - 1 in inside:
        start -= 1
    while end + 1 in inside:
        end += 1
    return start, end + 1


def _own_subjects(pred: Token) -> list[Token]:
    found = []
    candidates = children(pred, SUBJECT_DEPS)
    if len(candidates) > 1:
        # two subjects not coordinated is a parse of a verbless opener ("Days after the
        # strikes, X flew ..."): the subject next to the verb is the real one
        before = [c for c in candidates if c.i < pred.i] or candidates
        candidates = [min(before, key=lambda c: abs(pred.i - c.i))]
    for subject in candidates:
        if subject.dep_ == "expl":
            continue
        if subject.lower_ in RELATIVE_WORDS and pred.dep_ == "relcl":
            found.append(pred.head)  # "X, who met Y": X
        else:
            found.append(subject)
    return with_conjuncts(found)


@cache
def owning_verbs(path: Path = CLAUSE_WORDS_PATH) -> frozenset[str]:
    """Verbs whose subject owns their object noun (data/clauses.yaml), loaded once."""
    data = top_mapping(path, load_yaml(path))
    return frozenset(string_list(path, data, "owning_verbs", lowercase=True))


def _is_infinitive(pred: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in pred.children)


def _infinitive_controller(noun: Token) -> list[Token] | Token | None:
    """Who does what an infinitive on a noun names ("efforts to help", "steps to end").

    The noun's possessor ("Russia's efforts to help"); for the object of a verb, the
    verb's indirect object ("gave Iran a chance to respond") or, after a verb whose subject
    owns its object (data/clauses.yaml: "made efforts to", "took steps to"), its subject
    (the verb is returned, to climb from). Otherwise the noun does it itself ("the first
    country to recognise"; "called the decision to bomb reckless"): None.
    """
    owners = possessors(noun)
    if owners:
        return with_conjuncts(owners)
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ not in VERBAL_POS:
        return None
    datives = children(verb, frozenset({"dative"}))
    if datives:
        return with_conjuncts(datives)
    if verb.lemma_.lower() not in owning_verbs():
        return None  # "called the decision to bomb irresponsible": not the caller's
    return verb


def subjects(pred: Token) -> list[Token]:
    """Who the predicate's subject is, inherited through coordination, control, raising,
    relative clauses and participles when the predicate has none of its own."""
    node = pred
    for _ in range(MAX_CLIMB):
        own = _own_subjects(node)
        if own:
            return own
        head = node.head
        if head.i == node.i:
            return []
        if node.dep_ in ("relcl", "acl") and _is_infinitive(node):
            controller = _infinitive_controller(head)
            if controller is not None:
                if isinstance(controller, list):
                    return controller
                node = controller
                continue
        if node.dep_ == "relcl":
            return [head]  # "the envoy [who was] sent to Tehran": the noun is the gap
        if node.dep_ == "acl":
            # "officials meeting in Doha" act; "attacks carried out by X" are acted on
            return [] if is_passive(node) else with_conjuncts([head])
        if node.dep_ == "xcomp":
            objects_ = children(head, OBJECT_DEPS)
            if objects_ and objects_[0].i < node.i:
                return with_conjuncts(objects_)  # "urged Iran to stop": object control
            on_objects = prep_objects(head, ("on", "upon"))
            if on_objects and head.lemma_ == "call":
                return on_objects  # "called on Israel to stop"
        elif node.dep_ == "pcomp" and head.lower_ in ("for", "of") and head.dep_ == "prep":
            # "thanked Russia for condemning", "grateful to Moscow for backing": whom
            # the host thanks or credits did it
            host = head.head
            credited = children(host, OBJECT_DEPS) or prep_objects(host, ("to",))
            for predicate in children(host, frozenset({"acomp", "attr"})):
                credited = credited or prep_objects(predicate, ("to",))  # "is grateful to X"
            if credited:
                return with_conjuncts(credited)
        elif node.dep_ not in SHARED_SUBJECT_DEPS:
            return []
        if node.dep_ in ("advcl", "pcomp", "prep") and node.tag_ not in ("VBG", "VBN", "VB"):
            return []  # a finite adverbial clause has its own subject, even if unparsed
        node = head if head.pos_ in VERBAL_POS else (governor(head) or head)
        if node.pos_ not in VERBAL_POS:
            return []
    return []


def objects(pred: Token) -> list[Token]:
    """The direct objects of a predicate (with coordination)."""
    return with_conjuncts(children(pred, frozenset({"dobj", "dative"})))


def prep_objects(head: Token, words: Iterable[str]) -> list[Token]:
    """Objects of the prepositions `words` attached to `head` ("talks with X", "attacks on
    Y", "by X" in the passive), with coordination."""
    wanted = {w.lower() for w in words}
    found: list[Token] = []
    for child in head.children:
        if child.dep_ not in ("prep", "agent", "dative") or child.lower_ not in wanted:
            continue
        found += [g for g in child.children if g.dep_ == "pobj"]
        for conj in child.conjuncts:  # "with X and with Y"
            found += [g for g in conj.children if g.dep_ == "pobj"]
    return with_conjuncts(found)


def all_prep_objects(head: Token) -> list[Token]:
    """Objects of every preposition attached to `head`."""
    return [g for c in head.children if c.dep_ in ("prep", "agent") for g in c.children
            if g.dep_ == "pobj"]  # fmt: skip


def agents(pred: Token) -> list[Token]:
    """The `by` agent of a passive predicate."""
    return prep_objects(pred, ("by",))


def possessors(noun: Token) -> list[Token]:
    """The possessor of a noun ("Iran's", "his"), with coordination."""
    return with_conjuncts(children(noun, frozenset({"poss"})))


def modifiers(noun: Token) -> list[Token]:
    """Name-like modifiers of a noun: compounds and adjectives ("US strikes", "Israeli
    airstrikes"), with coordination ("US and Israeli strikes")."""
    deps = ("compound", "amod", "nmod", "nsubj")  # nsubj: a compound read as a clause
    mods = [c for c in noun.children if c.dep_ in deps and c.i < noun.i]
    return with_conjuncts(mods)


def phrase_tokens(head: Token) -> Iterator[Token]:
    """The head of a noun phrase and the words of its own phrase (not its clauses or
    prepositional phrases): "Iran's top diplomat Abbas Araghchi" from `Araghchi`."""
    stack = [head]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(c for c in node.children if c.dep_ in PHRASE_DEPS and c.dep_ != "conj")
