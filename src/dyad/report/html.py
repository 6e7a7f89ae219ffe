"""HTML pages from Jinja2 templates, escaped: the brief and timeline pages, and the explorer.

One environment, autoescape always on (article text is data: `<script>` in an article
shows as text), templates from `dyad/report/templates` (pages that `dyad brief --format
html` writes as one file) and `dyad/web/templates` (the explorer). The stylesheet is
inlined into each page, so a page needs no network and no other file.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

_PACKAGE = Path(__file__).resolve().parent.parent
TEMPLATE_DIRS = (_PACKAGE / "web" / "templates", _PACKAGE / "report" / "templates")


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja2 environment every dyad page renders with."""
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(d)) for d in TEMPLATE_DIRS]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def render_page(template: str, context: dict[str, Any]) -> str:
    """One template rendered with `context` (HTML-escaped)."""
    return environment().get_template(template).render(**context)
