"""Property tests: any text, any quotation marks -- no crash, offsets always hold."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.quotes.marks import find_quotations

PIECES = st.sampled_from(
    [
        '"',
        "'",
        "“",
        "”",
        "‘",
        "’",
        "«",
        "»",
        "„",
        "\n",
        "\n\n",
        " ",
        ", ",
        ". ",
        ": ",
        "Lavrov",
        "said",
        "he",
        "added",
        "that",
        "the",
        "talks",
        "were",
        "useful",
        "according",
        "to",
        "Reuters",
        "Iran’s",
        "—",
        "Both",
        "ministers",
        "stressed",
    ]
)
TEXTS = st.lists(PIECES, max_size=40).map(" ".join)


@given(TEXTS)
@settings(max_examples=200, deadline=None)
def test_quotations_are_well_formed(text: str) -> None:
    last_open = -1
    for q in find_quotations(text):
        assert q.open > last_open
        last_open = q.open
        assert q.open < q.start <= q.end <= len(text)
        assert q.close is None or q.end <= q.close


@given(TEXTS)
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_component_never_breaks_offsets(quotes_of, text: str) -> None:
    specs = [("Lavrov", "Sergey Lavrov", "person", 0)] if "Lavrov" in text else []
    quotes_of(text, specs)  # the fixture checks every offset


def test_empty_and_blank_texts(quotes_of) -> None:
    assert quotes_of("", []) == []
    assert quotes_of(" \n\n ", []) == []
    assert find_quotations('"') == []
