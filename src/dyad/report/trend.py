"""`dyad trend`: how a relationship moves, per week or month, as a table and as a chart.

Counted are merged facts (one real-world event however many articles report it), asserted
and dated at least as finely as the period (a fact dated only by month is not put in a
week; the trend says how many were left out). Per period: facts per PLOVER quad class and
the summed intensity (SPEC.md section 1), the period's main fact (the one most
independent sources report, then the strongest) and whether the period is a spike (the
busiest period, or one at least one standard deviation above the mean with two or more
facts).

Charts: `trend_svg` writes SVG by hand (inline in the explorer, no library needed);
`trend_png` draws the same chart with matplotlib's Agg backend (`dyad[test]`, or
`pip install matplotlib`). Cooperation stacks above the axis, conflict below, the summed
intensity is the line, each spike is labelled with its main fact's date.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from dyad.errors import QueryError
from dyad.query import Filters, select_facts
from dyad.report.sentences import country_name, doc_ids_of, facts_text
from dyad.store import Store

PERIODS = ("week", "month")
QUAD_CLASSES = (
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
)
COLOURS = {
    "verbal_cooperation": "#8cc9a6",
    "material_cooperation": "#2e7d5b",
    "verbal_conflict": "#ec9a9a",
    "material_conflict": "#b23a3a",
}
TREND_SUFFIXES = (".csv", ".svg", ".png")


@dataclass(frozen=True, slots=True)
class TrendRow:
    """One period: facts per quad class, summed intensity, its main fact."""

    period: str
    start: str
    end: str
    facts: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    intensity: float
    spike: bool
    main_fact_date: str | None
    main_fact: str | None
    main_fact_id: str | None


@dataclass
class Trend:
    """The periods of a trend, in order, with what was left out and why."""

    title: str
    by: str
    rows: list[TrendRow] = field(default_factory=list)
    undated: int = 0  # asserted facts with no date
    too_coarse: int = 0  # dated less precisely than the period


def _period_of(value: str, precision: str | None, by: str) -> tuple[str, date, date] | None:
    """The period a fact's date falls in, or None when the date is coarser than it."""
    parts = value.split("-")
    try:
        if by == "week":
            if precision != "day" or len(parts) != 3:
                return None
            day = date.fromisoformat(value)
            year, week, _ = day.isocalendar()
            monday = day - timedelta(days=day.weekday())
            return f"{year}-W{week:02d}", monday, monday + timedelta(days=6)
        if len(parts) < 2 or precision == "year":
            return None
        first = date(int(parts[0]), int(parts[1]), 1)
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return f"{parts[0]}-{parts[1]}", first, following - timedelta(days=1)
    except ValueError:
        return None


def _next(start: date, by: str) -> date:
    if by == "week":
        return start + timedelta(days=7)
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


def build_trend(
    store: Store,
    filters: Filters | None = None,
    *,
    by: str = "month",
    story: str | None = None,
    actor: str | None = None,
) -> Trend:
    """Facts per period and quad class, every period from the first to the last shown.

    Raises:
        QueryError: `by` is not week or month; a bad story id or filter.
    """
    if by not in PERIODS:
        raise QueryError(f"--by is week or month; got {by!r}")
    f = filters or Filters()
    facts = [x for x in select_facts(store, f, story=story, actor=actor)]
    asserted = [x for x in facts if x["modality"] == "asserted"]
    documents = {d.doc_id: d for d in store.links.documents(doc_ids_of(asserted))}
    title = "-".join(f.dyad) if f.dyad else "all facts"
    if f.dyad:
        title = f"{country_name(f.dyad[0])} and {country_name(f.dyad[1])}"
    trend = Trend(title=title, by=by)
    buckets: dict[str, list[Any]] = {}
    bounds: dict[str, tuple[date, date]] = {}
    for fact in facts_text(asserted, documents):
        if not fact.date:
            trend.undated += 1
            continue
        found = _period_of(fact.date, fact.precision, by)
        if found is None:
            trend.too_coarse += 1
            continue
        name, start, end = found
        buckets.setdefault(name, []).append(fact)
        bounds[name] = (start, end)
    if not buckets:
        return trend
    starts = sorted(bounds.values())
    cursor, last = starts[0][0], starts[-1][0]
    while cursor <= last:
        found = _period_of(cursor.isoformat(), "day", by)
        assert found is not None
        name, start, end = found
        bounds.setdefault(name, (start, end))
        buckets.setdefault(name, [])
        cursor = _next(start, by)
    counts = [len(buckets[n]) for n in sorted(buckets)]
    mean = sum(counts) / len(counts)
    spread = math.sqrt(sum((c - mean) ** 2 for c in counts) / len(counts))
    peak = max(counts)
    for name in sorted(buckets):
        items = buckets[name]
        start, end = bounds[name]
        per = {q: sum(1 for x in items if x.quad == q) for q in QUAD_CLASSES}
        main = min(
            items,
            key=lambda x: (
                -x.independent_sources,
                -len(x.citations),
                -abs(x.intensity),
                x.date or "",
                x.fact_id,
            ),
            default=None,
        )
        n = len(items)
        trend.rows.append(
            TrendRow(
                period=name,
                start=start.isoformat(),
                end=end.isoformat(),
                facts=n,
                intensity=round(sum(x.intensity for x in items), 2),
                spike=n > 0 and (n == peak or (n >= 2 and n >= mean + spread)),
                main_fact_date=main.date if main else None,
                main_fact=main.text if main else None,
                main_fact_id=main.fact_id if main else None,
                **per,
            )
        )
    return trend


def trend_csv(trend: Trend) -> str:
    from dyad.query import columns_of
    from dyad.report.export import write_csv

    buffer = io.StringIO()
    write_csv(columns_of(TrendRow), trend.rows, buffer)
    return buffer.getvalue()


def _nice(value: float) -> float:
    """A round axis limit at or above `value`."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return float(step * power)
    return float(10 * power)


def trend_svg(trend: Trend, width: int = 900, height: int = 420) -> str:
    """The trend as an SVG chart (escaped; no script, no external reference)."""
    left, right, top, bottom = 56, 64, 44, 78
    plot_w, plot_h = width - left - right, height - top - bottom
    rows = trend.rows
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" font-family="sans-serif" font-size="11">',
        f"<title>{xml_escape(trend.title)}: facts per {trend.by}</title>",
        f'<text x="{left}" y="20" font-size="14" font-weight="bold">'
        f"{xml_escape(trend.title)}: facts per {trend.by} (cooperation up, conflict down)</text>",
    ]
    if not rows:
        parts.append(f'<text x="{left}" y="{top + 30}">No dated fact to chart.</text></svg>')
        return "".join(parts)
    up = max(r.verbal_cooperation + r.material_cooperation for r in rows)
    down = max(r.verbal_conflict + r.material_conflict for r in rows)
    scale = _nice(max(up, down, 1))
    mid = top + plot_h / 2
    unit = (plot_h / 2) / scale
    band = plot_w / len(rows)
    bar = max(2.0, band * 0.6)
    parts.append(
        f'<line x1="{left}" y1="{mid:.1f}" x2="{left + plot_w}" y2="{mid:.1f}" stroke="#333"/>'
    )
    for tick in (scale, scale / 2, -scale / 2, -scale):
        y = mid - tick * unit
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" '
            'stroke="#e3e3e3"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{abs(tick):g}</text>'
        )
    parts.append(
        f'<text x="14" y="{mid:.1f}" transform="rotate(-90 14 {mid:.1f})" '
        'text-anchor="middle">facts</text>'
    )
    every = max(1, math.ceil(len(rows) / 18))
    peak_i = max(abs(r.intensity) for r in rows) or 1.0
    points = []
    for i, r in enumerate(rows):
        x = left + i * band + (band - bar) / 2
        y = mid
        for quad in ("verbal_cooperation", "material_cooperation"):
            h = getattr(r, quad) * unit
            y -= h
            if h:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                    f'fill="{COLOURS[quad]}"><title>{r.period}: {getattr(r, quad)} '
                    f"{quad.replace('_', ' ')}</title></rect>"
                )
        top_y = y
        y = mid
        for quad in ("verbal_conflict", "material_conflict"):
            h = getattr(r, quad) * unit
            if h:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                    f'fill="{COLOURS[quad]}"><title>{r.period}: {getattr(r, quad)} '
                    f"{quad.replace('_', ' ')}</title></rect>"
                )
            y += h
        cx = left + i * band + band / 2
        points.append(f"{cx:.1f},{mid - r.intensity / peak_i * (plot_h / 2) * 0.95:.1f}")
        if i % every == 0:
            ly = top + plot_h + 14
            parts.append(
                f'<text x="{cx:.1f}" y="{ly}" text-anchor="end" '
                f'transform="rotate(-40 {cx:.1f} {ly})">{xml_escape(r.period)}</text>'
            )
        if r.spike and r.main_fact_date:
            label = xml_escape(f"{r.main_fact_date}")
            detail = xml_escape(r.main_fact or "")
            parts.append(
                f'<text class="spike" x="{cx:.1f}" y="{max(top - 4, top_y - 6):.1f}" '
                f'text-anchor="middle" font-weight="bold">▲ {label}<title>{detail}</title></text>'
            )
    parts.append(
        f'<polyline points="{" ".join(points)}" fill="none" stroke="#1d2b3a" '
        'stroke-width="1.5" stroke-dasharray="4 3"/>'
    )
    legend = [(COLOURS[q], q.replace("_", " ")) for q in QUAD_CLASSES]
    lx = left
    ly = height - 14
    for colour, name in legend:
        parts.append(
            f'<rect x="{lx}" y="{ly - 9}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{lx + 14}" y="{ly}">{name}</text>'
        )
        lx += 150
    parts.append(
        f'<line x1="{lx}" y1="{ly - 4}" x2="{lx + 18}" y2="{ly - 4}" stroke="#1d2b3a" '
        f'stroke-dasharray="4 3"/><text x="{lx + 22}" y="{ly}">summed intensity '
        f"(peak {peak_i:g})</text>"
    )
    parts.append("</svg>")
    return "".join(parts)


def trend_png(trend: Trend, path: Path | io.BytesIO) -> None:
    """The trend chart as a PNG, drawn with matplotlib (Agg).

    Raises:
        QueryError: matplotlib is not installed (says how to install it).
    """
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise QueryError(
            "a PNG chart needs matplotlib: pip install matplotlib (or write -o trend.svg)"
        ) from exc
    rows = trend.rows
    fig, ax = plt.subplots(figsize=(11, 5.2), dpi=110)
    try:
        xs = list(range(len(rows)))
        names = [r.period for r in rows]
        bottom_up = [0.0] * len(rows)
        bottom_down = [0.0] * len(rows)
        for quad in QUAD_CLASSES:
            values = [float(getattr(r, quad)) for r in rows]
            if "cooperation" in quad:
                ax.bar(xs, values, 0.6, bottom=bottom_up, color=COLOURS[quad], label=quad)
                bottom_up = [a + b for a, b in zip(bottom_up, values, strict=True)]
            else:
                neg = [-v for v in values]
                ax.bar(xs, neg, 0.6, bottom=bottom_down, color=COLOURS[quad], label=quad)
                bottom_down = [a + b for a, b in zip(bottom_down, neg, strict=True)]
        ax.axhline(0, color="#333", linewidth=1)
        ax.set_ylabel("facts (cooperation up, conflict down)")
        ax.set_title(f"{trend.title}: facts per {trend.by}")
        ax.set_xticks(xs)
        every = max(1, math.ceil(len(rows) / 18))
        ax.set_xticklabels(
            [n if i % every == 0 else "" for i, n in enumerate(names)], rotation=40, ha="right"
        )
        twin = ax.twinx()
        twin.plot(xs, [r.intensity for r in rows], color="#1d2b3a", linestyle="--",
                  marker="o", markersize=3, label="summed intensity")  # fmt: skip
        twin.axhline(0, color="#1d2b3a", linewidth=0.3)
        limit = max([abs(r.intensity) for r in rows] or [1.0]) * 1.15 or 1.0
        twin.set_ylim(-limit, limit)
        twin.set_ylabel("summed intensity")
        high = max(bottom_up or [1.0])
        low = min(bottom_down or [-1.0])
        span = max(high, -low, 1.0) * 1.3
        ax.set_ylim(-span, span)
        for x, r, height in zip(xs, rows, bottom_up, strict=True):
            if r.spike and r.main_fact_date:
                ax.annotate(r.main_fact_date, (x, height), xytext=(0, 6),
                            textcoords="offset points", ha="center", fontsize=8,
                            fontweight="bold")  # fmt: skip
        handles, labels = ax.get_legend_handles_labels()
        more, more_labels = twin.get_legend_handles_labels()
        ax.legend(handles + more, [x.replace("_", " ") for x in labels + more_labels],
                  loc="lower left", fontsize=8, ncol=5)  # fmt: skip
        fig.tight_layout()
        fig.savefig(path, format="png")
    finally:
        plt.close(fig)


def write_trend(trend: Trend, output: Path) -> None:
    """Write the trend by the file's suffix: .csv, .svg or .png.

    Raises:
        QueryError: another suffix (naming the ones that work).
    """
    suffix = output.suffix.lower()
    if suffix not in TREND_SUFFIXES:
        raise QueryError(
            f"-o takes a file ending in {', '.join(TREND_SUFFIXES)}; got {output.name!r}"
        )
    if suffix == ".png":
        trend_png(trend, output)
    elif suffix == ".svg":
        output.write_text(trend_svg(trend), encoding="utf-8")
    else:
        output.write_text(trend_csv(trend), encoding="utf-8", newline="")
