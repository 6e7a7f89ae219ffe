"""The `dyad_timex` spaCy component: fills `doc._.times`.

It anchors on `doc._.published`; without one, on a dateline or byline date at the top of
the text; without that, when `year_fallback` is on, on the latest year the document
reports (which resolves "June 13" and "this year" but leaves "on Monday" null).
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from dyad.model import TimeMention
from dyad.nlp.extensions import get_list
from dyad.nlp.tokens import doc_text
from dyad.timex.anchor import find_anchor, infer_year
from dyad.timex.find import find_times
from dyad.timex.lexicon import CalendarLexicon, load_lexicon


@Language.factory(
    "dyad_timex",
    assigns=["doc._.times"],
    default_config={"year_fallback": True},
)
def make_timex(nlp: Language, name: str, year_fallback: bool) -> TimexComponent:
    return TimexComponent(year_fallback=year_fallback)


def parse_published(value: str | None) -> date | None:
    """`doc._.published` as a date; None when missing or not an ISO date."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


class TimexComponent:
    """Finds temporal expressions and resolves them against the document's anchor."""

    def __init__(self, year_fallback: bool = True, lexicon: CalendarLexicon | None = None):
        self.year_fallback = year_fallback
        self.lexicon = lexicon or load_lexicon()

    def match(self, doc: Doc) -> list[TimeMention]:
        """The time mentions of `doc`, as plain values."""
        text = doc_text(doc)
        anchor = parse_published(doc._.published) or find_anchor(text, self.lexicon)
        year = None
        if anchor is None and self.year_fallback:
            year = infer_year(text, self.lexicon)
        return find_times(text, anchor, year=year, lexicon=self.lexicon)

    def set_annotations(self, doc: Doc, mentions: list[TimeMention]) -> None:
        times = get_list(doc, "times")
        times.extend(mentions)
        times.sort(key=lambda t: t.start)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc
