"""Which agencies and official sources a text credits (link/credits.py): a credit cue
makes a mention a credit; an official source needs a sourcing cue, since every report
quotes officials; a document on a source's own site is that source's copy."""

from __future__ import annotations

import pytest

from dyad.errors import LexiconError
from dyad.link.credits import load_agencies, parse_agencies
from dyad.link.profile import build_profile
from dyad.model import Document, RemovedLine

CREDITED = [
    # agencies: a cue before or after, a dateline, a line of its own
    ("Talks resumed on Friday, Reuters reported.", ["Reuters"]),
    ("ANKARA (AP) — Talks resumed on Friday.", ["Associated Press"]),
    ("BEIJING, May 2. /TASS/. Talks resumed.", ["TASS"]),
    ("Talks resumed.\nAFP\n", ["AFP"]),
    ("The talks resumed, as reported by Xinhua, on Friday.", ["Xinhua"]),
    ("TASS is one of the oldest agencies in the world.", []),
    # officials: only a report taken from them
    (
        "According to the Chinese Foreign Ministry, the talks covered trade.",
        ["Chinese Foreign Ministry"],
    ),
    (
        "As announced before the visit by the State Department, the envoy will stay two days.",
        ["US State Department"],
    ),
    (
        "The paper, citing a statement by the White House, said the call was cordial.",
        ["White House"],
    ),
    ("The Kremlin said the call was cordial.", []),
    ("The envoy was received at the Turkish Foreign Ministry on Monday.", []),
    ("The Pentagon declined to comment.", []),
    # a list after one cue shares it
    ("Source: TASS, RIA Novosti and Interfax", ["Interfax", "RIA Novosti", "TASS"]),
]


@pytest.mark.parametrize(("text", "expected"), CREDITED)
def test_credited(text: str, expected: list[str]) -> None:
    assert load_agencies().credited(text) == expected


def test_a_document_on_a_source_site_is_its_copy() -> None:
    agencies = load_agencies()
    assert agencies.of_outlet("www.reuters.com") == "Reuters"
    assert agencies.of_outlet("en.kremlin.ru") == "Kremlin"
    assert agencies.of_outlet("state.gov") == "US State Department"
    assert agencies.of_outlet("example-news.com") is None


def test_an_alias_of_two_sources_is_refused() -> None:
    data = {
        "agencies": [{"name": "Wire", "aliases": ["Wire"], "domains": ["wire.example"]}],
        "officials": [{"name": "Office", "aliases": ["Wire"], "domains": ["office.example"]}],
        "cues": {"before": ["according to"], "after": ["said"], "passive": [], "sourcing": []},
    }
    with pytest.raises(LexiconError, match="belongs to Wire and Office"):
        parse_agencies("sources.yaml", data)


def test_a_credit_line_that_cleaning_cut_still_credits() -> None:
    text = "Russia and Iran held talks in Moscow on Friday."
    removed = [
        RemovedLine("AP", "source note"),
        RemovedLine("Delegations in the Kremlin. Photo: Reuters", "photo caption"),
    ]
    document = Document(doc_id="d", name="d", text=text, source="test", removed=removed)
    assert build_profile(document).credits == ["Associated Press"]
