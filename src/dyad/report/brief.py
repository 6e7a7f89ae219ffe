"""`dyad brief`: what happened, said in sentences built only from stored facts, every one cited.

`build_brief` reads the facts a selection covers (`dyad.query.select_facts`) and the
documents behind them, and returns a `Brief`: plain data, the one context that Markdown,
HTML, JSON and the web page all render. It is deterministic (the same store and selection
give the same brief, byte for byte) and says nothing the store does not hold:

- key facts: asserted and dated, in date order, each a sentence from its type's phrase
  (`data/phrases.yaml`), its actors, date and place, cited `[outlet, date]` per document,
  marked corroborated (N independent sources), single-source or contested;
- contradictions between the documents of a fact, each side cited;
- the main actors' quotes, with speaker, date and source;
- kept apart: asserted but undated facts; announced (future), speculated (hypothetical),
  denied (negated) and general (generic) items;
- for a dyad or an actor, the other dated facts of the same stories (the context the
  articles give: a strike, a meeting of third parties), said the same way.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from dyad.model import Document
from dyad.query import Filters, select_facts
from dyad.report.sentences import (
    MODALITY_SECTIONS,
    Citation,
    FactText,
    actor_name,
    cite,
    country_name,
    doc_ids_of,
    facts_text,
)
from dyad.store import Store

BRIEF_FORMATS = ("md", "html", "json")
MAX_QUOTES = 12
QUOTES_PER_SPEAKER = 3
MAX_QUOTE_CHARS = 400
MAIN_ACTORS = 4
#: Markdown that text from a document must not make: links, emphasis, HTML, code, tables.
_MD_SPECIAL = re.compile(r"[\\`*\[\]<>|]|(?<!\w)_|_(?!\w)|^#")


@dataclass
class QuoteText:
    """A quote of one of the main actors, with its source."""

    speaker: str
    content: str
    direct: bool
    citation: Citation


@dataclass
class Brief:
    """Everything a brief says, as plain data (rendered as Markdown, HTML and JSON)."""

    title: str
    selection: dict[str, str]
    summary: str
    key_facts: list[FactText] = field(default_factory=list)
    undated: list[FactText] = field(default_factory=list)
    announced: list[FactText] = field(default_factory=list)
    speculated: list[FactText] = field(default_factory=list)
    denied: list[FactText] = field(default_factory=list)
    general: list[FactText] = field(default_factory=list)
    context: list[FactText] = field(default_factory=list)
    contradictions: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[QuoteText] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The brief as JSON-ready data (`--format json`, the web's JSON twin)."""
        data = asdict(self)
        for name in ("key_facts", "undated", "announced", "speculated", "denied", "general"):
            for item, fact in zip(data[name], getattr(self, name), strict=True):
                item["corroboration"] = fact.corroboration
        for item, fact in zip(data["context"], self.context, strict=True):
            item["corroboration"] = fact.corroboration
        return data

    def sections(self) -> list[tuple[str, str, list[FactText]]]:
        """The kept-apart sections that hold items: (heading, note, facts)."""
        return [(h, n, getattr(self, name)) for name, h, n in _SECTIONS if getattr(self, name)]


def _title(filters: Filters, story: dict[str, Any] | None, actor: str | None) -> str:
    parts = []
    if filters.dyad:
        a, b = filters.dyad
        parts.append(f"{country_name(a)} and {country_name(b)}")
    if story is not None:
        parts.append(story["title"] or story["story_id"])
    if actor:
        parts.append(actor)
    title = " · ".join(parts) if parts else "All stored facts"
    if filters.since or filters.until:
        title += f" ({filters.since or '…'} to {filters.until or '…'})"
    return title


def _selection(filters: Filters, story: str | None, actor: str | None) -> dict[str, str]:
    chosen = {
        "dyad": "-".join(filters.dyad) if filters.dyad else None,
        "story": story,
        "actor": actor,
        "since": filters.since,
        "until": filters.until,
        "type": filters.type,
        "status": filters.status,
    }
    return {k: v for k, v in chosen.items() if v}


def _contradictions(facts: list[FactText], documents: dict[str, Document]) -> list[dict[str, Any]]:
    """Each conflict of a fact, every side with its value and its cited documents."""
    by_name = {d.name: d for d in documents.values()}
    out = []
    for fact in facts:
        for conflict in fact.conflicts:
            sides: dict[str, list[Citation]] = {}
            for name, value in sorted(conflict.get("values", {}).items()):
                document = by_name.get(name)
                if document is None:
                    continue
                found = next((c for c in fact.citations if c.document == name), None)
                sides.setdefault(str(value), []).append(
                    found or cite(document, 0, min(len(document.text), 200))
                )
            out.append(
                {
                    "fact_id": fact.fact_id,
                    "fact": fact.text,
                    "field": conflict["field"],
                    "summary": conflict.get("summary") or "",
                    "sides": [
                        {"value": value, "citations": [asdict(c) for c in cites]}
                        for value, cites in sides.items()
                    ],
                }
            )
    return out


def _main_actors(facts: list[dict[str, Any]]) -> list[str]:
    """The people (not governments) most often a side of the facts."""
    counts: Counter[str] = Counter()
    for fact in facts:
        for side in ("source", "target"):
            name, country = fact[f"{side}_name"], fact[f"{side}_country"]
            if name and actor_name(name, country) == name and name != country:
                counts[name] += 1
    return [name for name, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0]))][:MAIN_ACTORS]


def _quotes(speakers: list[str], documents: dict[str, Document]) -> list[QuoteText]:
    found: list[QuoteText] = []
    seen: set[tuple[str, str]] = set()
    for document in sorted(documents.values(), key=lambda d: (d.published or "9999", d.name)):
        for quote in document.quotes:
            name = quote.speaker.name
            if name not in speakers:
                continue
            content = quote.content.text.strip()
            if (name, content) in seen:
                continue
            seen.add((name, content))
            if len(content) > MAX_QUOTE_CHARS:
                content = content[: MAX_QUOTE_CHARS - 1].rstrip() + "…"
            sentence = quote.sentence or None
            start = sentence.start if sentence else quote.content.start
            end = sentence.end if sentence else quote.content.end
            found.append(QuoteText(name, content, bool(quote.direct), cite(document, start, end)))
    kept: list[QuoteText] = []
    per: Counter[str] = Counter()
    for item in found:
        if per[item.speaker] < QUOTES_PER_SPEAKER and len(kept) < MAX_QUOTES:
            per[item.speaker] += 1
            kept.append(item)
    return kept


def build_brief(
    store: Store,
    filters: Filters | None = None,
    *,
    story: str | None = None,
    actor: str | None = None,
) -> Brief:
    """The brief of the facts a selection covers (see the module's docstring).

    Raises:
        QueryError: a story id that names no single story, or a filter facts cannot take.
    """
    f = filters or Filters()
    selected = select_facts(store, f, story=story, actor=actor)
    found_story = store.links.story(story.strip()) if story else None
    context_raw: list[dict[str, Any]] = []
    if (f.dyad or actor) and not story:
        chosen = {fact["fact_id"] for fact in selected}
        for story_id in sorted({fact["story_id"] for fact in selected}):
            context_raw += [
                fact
                for fact in store.links.facts(story_id=story_id, since=f.since, until=f.until)
                if fact["fact_id"] not in chosen
                and fact["date_value"]
                and fact["modality"] != "generic"
            ]
        context_raw.sort(key=lambda x: (x["date_value"], x["type"], x["fact_id"]))
    documents = {d.doc_id: d for d in store.links.documents(doc_ids_of(selected + context_raw))}
    said = facts_text(selected, documents)
    brief = Brief(
        title=_title(f, found_story, actor), selection=_selection(f, story, actor), summary=""
    )
    for fact in said:
        if fact.modality == "asserted":
            (brief.key_facts if fact.date else brief.undated).append(fact)
        else:
            getattr(brief, MODALITY_SECTIONS.get(fact.modality, "general")).append(fact)
    for fact in facts_text(context_raw, documents):
        if fact.modality == "asserted":
            brief.context.append(fact)
        else:
            getattr(brief, MODALITY_SECTIONS.get(fact.modality, "general")).append(fact)
    brief.contradictions = _contradictions(said, documents)
    speakers = _main_actors(selected)
    brief.quotes = _quotes(
        speakers, {k: documents[k] for k in sorted(doc_ids_of(selected)) if k in documents}
    )
    cited = {c.document: c for fact in said for c in fact.citations}
    brief.sources = [
        {"document": c.document, "outlet": c.outlet, "date": c.date}
        for c in sorted(cited.values(), key=lambda c: (c.date or "9999", c.outlet, c.document))
    ]
    brief.summary = _summary(said, brief)
    return brief


def _summary(said: list[FactText], brief: Brief) -> str:
    if not said:
        return "No stored fact matches this selection."
    dates = sorted(f.date for f in said if f.date)
    span = f", dated {dates[0]} to {dates[-1]}" if dates else ""
    status = Counter(f.status for f in said)
    outlets = {s["outlet"] for s in brief.sources}
    return (
        f"{len(said)} facts from {len(brief.sources)} documents by {len(outlets)} outlets"
        f"{span}: {status['corroborated']} corroborated, {status['single-source']} "
        f"single-source, {status['contested']} contested."
    )


# --- rendering -----------------------------------------------------------------------


def _md(text: object) -> str:
    """Text from a document, inert in Markdown (no links, emphasis or HTML)."""
    value = " ".join(str(text).split())
    return _MD_SPECIAL.sub(lambda m: "\\" + m[0], value)


def _code(text: str) -> str:
    """Text for inside a Markdown code span (which cannot hold a backtick)."""
    return text.replace("`", "'")


def _md_cites(citations: list[Citation]) -> str:
    return " ".join(f"[{_md(c.outlet)}, {_md(c.date or 'undated')}]" for c in citations)


def _md_fact(fact: FactText, *, status: bool = True) -> str:
    mark = f" *{fact.corroboration}*" if status else ""
    return f"- {_md(fact.text)} {_md_cites(fact.citations)}{mark}"


_SECTIONS = (
    ("undated", "Undated", "Reported as having happened, with no date the articles give."),
    ("announced", "Announced or scheduled", "Said to be planned; not reported as done."),
    ("speculated", "Speculated", "Possibilities, predictions and conditions."),
    ("denied", "Denied or said not to have happened", ""),
    ("general", "General or ongoing", "Habitual relations, not one occurrence."),
)


def render_markdown(brief: Brief) -> str:
    """The brief as Markdown (text from documents escaped)."""
    lines = [f"# {_md(brief.title)}", "", _md(brief.summary), ""]
    lines += ["## Key facts", ""]
    lines += [_md_fact(f) for f in brief.key_facts] or ["No dated fact reported as done."]
    lines.append("")
    if brief.context:
        lines += ["## In the same stories", ""]
        lines += [_md_fact(f) for f in brief.context] + [""]
    lines += ["## Contradictions", ""]
    if not brief.contradictions:
        lines.append("None found between the documents of these facts.")
    for c in brief.contradictions:
        lines.append(f"- {_md(c['fact'])} Disagreement on {_md(c['field'])}: {_md(c['summary'])}")
        for side in c["sides"]:
            cites = " ".join(
                f"[{_md(x['outlet'])}, {_md(x['date'] or 'undated')}]" for x in side["citations"]
            )
            lines.append(f"  - {_md(side['value'])} {cites}")
    lines.append("")
    lines += ["## Quotes", ""]
    if not brief.quotes:
        lines.append("No quote of the main actors stored.")
    for q in brief.quotes:
        said = f"“{q.content}”" if q.direct else q.content
        lines.append(
            f"- **{_md(q.speaker)}** ({_md(q.citation.date or 'undated')}): {_md(said)} "
            f"{_md_cites([q.citation])}"
        )
    lines.append("")
    for heading, note, items in brief.sections():
        lines += [f"## {heading}", ""] + ([f"{note}", ""] if note else [])
        lines += [_md_fact(f) for f in items] + [""]
    lines += ["## Sources", ""]
    lines += [
        f"- {_md(s['outlet'])}, {_md(s['date'] or 'undated')}: `{_code(s['document'])}`"
        for s in brief.sources
    ] or ["None."]
    return "\n".join(lines).rstrip() + "\n"


def render_json(brief: Brief) -> str:
    return json.dumps(brief.to_dict(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def render_brief(brief: Brief, format: str) -> str:
    """The brief as md, html (a standalone page) or json."""
    if format == "md":
        return render_markdown(brief)
    if format == "json":
        return render_json(brief)
    from dyad.report.html import render_page

    return render_page("brief_page.html", {"brief": brief, "title": brief.title})
