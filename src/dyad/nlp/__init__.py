"""The spaCy pipeline: a trained model under news-aware sentences, and the clause layer.

`build_nlp` loads the trained pipeline (tagger, parser, lemmatizer, NER) with dyad's own
sentence splitter first; `clauses` answers who is the subject, object and agent of a
predicate for every stage that reads the parse.

Later stages (actors, timex, events, quotes) are spaCy components registered under
`dyad_*` names; they read and write the `Doc._.*` extension attributes declared in
`extensions.py`, never parallel structures of their own.
"""

from dyad.nlp.extensions import register_extensions
from dyad.nlp.pipeline import build_nlp, make_doc
from dyad.nlp.sentences import sentence_ref

__all__ = ["build_nlp", "make_doc", "register_extensions", "sentence_ref"]
