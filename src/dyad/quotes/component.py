"""The `dyad_quotes` spaCy component: fills `doc._.quotes` from quotations and cues.

`match` finds direct quotes (quotation marks and pull quotes) and indirect ones (reported
speech) as plain values; `set_annotations` writes them. Speakers come from
`doc._.actors`: one quote per actor when a mention names several ("both ministers").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dyad.model import ActorMention, ActorRef, Quote, Span
from dyad.nlp.extensions import get_list
from dyad.nlp.sentences import sentence_ref
from dyad.quotes.direct import attribute, attribution_lines
from dyad.quotes.indirect import find_reported
from dyad.quotes.lexicon import CueLexicon, load_lexicon
from dyad.quotes.marks import find_quotations
from dyad.quotes.speaker import Context


@Language.factory(
    "dyad_quotes",
    assigns=["doc._.quotes"],
    requires=["doc._.actors"],
    default_config={"indirect": True},
)
def make_quotes(nlp: Language, name: str, indirect: bool) -> QuotesComponent:
    return QuotesComponent(indirect=indirect)


class QuotesComponent:
    """Direct and indirect quotes with resolved speakers."""

    def __init__(self, indirect: bool = True, lexicon: CueLexicon | None = None) -> None:
        self.indirect = indirect
        self.lexicon = lexicon or load_lexicon()

    def match(self, doc: Doc) -> list[Quote]:
        """The quotes of `doc`, sorted by content start."""
        actors = sorted(get_list(doc, "actors"), key=lambda a: (a.start, a.end))
        ctx = Context(doc, actors, self.lexicon)
        quotations = find_quotations(ctx.text)
        out: list[Quote] = []
        for q, found in attribute(ctx, quotations):
            out += _quotes(ctx, found.speakers, found.cue, True, q.start, q.end)
        for start, end, found, direct in attribution_lines(ctx, quotations):
            out += _quotes(ctx, found.speakers, found.cue, direct, start, end)
        if self.indirect:
            direct_spans = [(q.content.start, q.content.end) for q in out]
            for r in find_reported(ctx, quotations):
                if any(s < r.end and r.start < e for s, e in direct_spans):
                    continue
                out += _quotes(ctx, r.speakers, r.cue, False, r.start, r.end)
        return sorted(out, key=lambda q: (q.content.start, q.speaker.name or ""))

    def set_annotations(self, doc: Doc, quotes: list[Quote]) -> None:
        get_list(doc, "quotes").extend(quotes)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


def _quotes(
    ctx: Context, speakers: list[ActorMention], cue: str, direct: bool, start: int, end: int
) -> list[Quote]:
    text = ctx.text
    sent = ctx.sentence(ctx.token_at(start))
    ref = sentence_ref(ctx.sent_of[sent.start], sent)
    content = Span(text[start:end], start, end)
    seen: set[str] = set()
    out = []
    for m in speakers:
        if m.name in seen:
            continue
        seen.add(m.name)
        speaker = ActorRef(m.text, m.name, m.country, m.sector, m.entity_id, m.start, m.end)
        out.append(Quote(speaker, cue, direct, content, ref))
    return out
