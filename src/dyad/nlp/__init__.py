"""The spaCy pipeline: tokenizer, news-aware sentences, a part-of-speech tagger.

Later stages (actors, timex, events, quotes) are spaCy components registered under
`dyad_*` names; they read and write the `Doc._.*` extension attributes declared in
`extensions.py`, never parallel structures of their own.
"""

from dyad.nlp.extensions import register_extensions
from dyad.nlp.pipeline import build_nlp, make_doc
from dyad.nlp.sentences import sentence_ref

__all__ = ["build_nlp", "make_doc", "register_extensions", "sentence_ref"]
