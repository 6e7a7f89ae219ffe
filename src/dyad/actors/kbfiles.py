"""Reading and validating the actor data files (states.tsv, organizations.yaml, ...).

Every entry is checked when it is read, and a bad one is refused with its file and line
(`LexiconError`), so a typo in a user's actor file is reported where it is, not as a wrong
match three stages later. The functions here return plain dicts; `kb.py` builds the
entities and the indexes from them.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dyad.datafile import item_line, load_yaml, read_text
from dyad.errors import LexiconError

OFFICES = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "supreme_leader",
        "vice_president",
        "foreign_minister",
        "defence_minister",
        "spokesperson",
        "envoy",
        "security_official",
        "military_chief",
        "parliament_speaker",
        "igo_head",
        "opposition_leader",
        "other",
    }
)
#: Offices one person holds at a time per country: a description ("the Iranian foreign
#: minister") names its holder. Others (envoy, spokesperson) need context to resolve.
SINGLE_HOLDER_OFFICES = OFFICES - {
    "spokesperson", "envoy", "security_official", "igo_head", "opposition_leader", "other"
}  # fmt: skip
#: Sector codes of SPEC.md section 1.
SECTORS = frozenset(
    {"GOV", "MIL", "LEG", "JUD", "SPY", "COP", "PTY", "OPP", "REB", "MED", "BUS", "CVL"}
)
#: roles.yaml office of titles that mean "whoever leads this state" ("the Russian leader").
TITLE_LEADER = "leader"
LEADER_OFFICES = frozenset({"head_of_state", "head_of_government", "supreme_leader"})
STATUSES = frozenset({"member", "observer", "disputed"})
PLACE_KINDS = frozenset({"city", "region", "site", "water", "country"})
STATE_COLUMNS = (
    "code",
    "name",
    "aliases",
    "demonyms",
    "capital",
    "metonyms",
    "government",
    "leader_office",
    "status",
)
PLACE_COLUMNS = ("name", "aliases", "country", "kind")

_ISO3 = re.compile(r"^[A-Z]{3}$")
#: Actors that are not one state: international and non-governmental organisations, companies.
GROUP_CODES = frozenset({"IGO", "NGO", "MNC"})
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


def split_list(value: Any) -> list[str]:
    """A `|`-separated string (TSV) or a YAML list, as a list of stripped strings."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split("|") if v.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [v.strip() for v in value if v.strip()]
    raise ValueError(f"expected a list of strings or a '|'-separated string, got {value!r}")


def _require_str(entry: dict[str, Any], key: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"field {key!r} must be a non-empty string, got {value!r}")
    return value.strip()


def _optional_str(entry: dict[str, Any], key: str) -> str | None:
    value = entry.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"field {key!r} must be a string, got {value!r}")
    return value.strip()


def _check_country(value: str, *, allow_groups: bool) -> str:
    groups = GROUP_CODES if allow_groups else frozenset()
    if not (_ISO3.match(value) or value in groups):
        wanted = "an ISO 3166 alpha-3 code (RUS), IGO, NGO or MNC" if allow_groups else "ISO3"
        raise ValueError(f"country {value!r} is not {wanted}")
    return value


def _check_date(value: Any, key: str) -> str | None:
    if value is None:
        return None
    text = str(value)  # YAML reads 2025-01-20 as a date; str() gives it back as written
    parts = [int(p) for p in text.split("-")] if _DATE.match(text) else []
    if (
        not parts
        or not (len(parts) < 2 or 1 <= parts[1] <= 12)
        or not (len(parts) < 3 or 1 <= parts[2] <= 31)
    ):
        raise ValueError(f"{key} {value!r} is not a date YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def _check_id(value: Any) -> str:
    text = str(value).strip() if value is not None else ""
    if not _ID.match(text):
        raise ValueError(f"id {value!r} must be lowercase letters, digits, '_', '-' or '.'")
    return text


def check_state(raw: dict[str, Any]) -> dict[str, Any]:
    """Validate one state row (TSV or YAML) and return it normalized."""
    code = _check_country(_require_str(raw, "code"), allow_groups=False)
    leader = _optional_str(raw, "leader_office") or "head_of_state"
    if leader not in LEADER_OFFICES:
        raise ValueError(f"leader_office {leader!r} is not one of {sorted(LEADER_OFFICES)}")
    status = _optional_str(raw, "status") or "member"
    if status not in STATUSES:
        raise ValueError(f"status {status!r} is not one of {sorted(STATUSES)}")
    name = _require_str(raw, "name")
    return {
        "code": code,
        "name": name,
        "aliases": split_list(raw.get("aliases")),
        "demonyms": split_list(raw.get("demonyms")),
        "capital": _optional_str(raw, "capital"),
        "metonyms": split_list(raw.get("metonyms")),
        "government": _optional_str(raw, "government") or f"{name} government",
        "leader_office": leader,
        "status": status,
    }


def check_organization(raw: dict[str, Any]) -> dict[str, Any]:
    """Validate one organization entry."""
    sector = _optional_str(raw, "sector")
    if sector is not None and sector not in SECTORS:
        raise ValueError(f"sector {sector!r} is not one of {sorted(SECTORS)}")
    return {
        "id": _check_id(raw.get("id")),
        "name": _require_str(raw, "name"),
        "full_name": _optional_str(raw, "full_name"),
        "aliases": split_list(raw.get("aliases")),
        "country": _check_country(_require_str(raw, "country"), allow_groups=True),
        "sector": sector,
    }


def _check_role(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise ValueError(f"a role must be a mapping with title, office, country, got {raw!r}")
    office = _require_str(raw, "office")
    if office not in OFFICES:
        raise ValueError(f"office {office!r} is not one of {sorted(OFFICES)}")
    start = _check_date(raw.get("start"), "start")
    end = _check_date(raw.get("end"), "end")
    if start and end and start > end:
        raise ValueError(f"role starts ({start}) after it ends ({end})")
    country = _optional_str(raw, "country")
    return {
        "title": _require_str(raw, "title"),
        "office": office,
        "country": _check_country(country, allow_groups=True) if country else None,
        "start": start,
        "end": end,
    }


def check_person(raw: dict[str, Any]) -> dict[str, Any]:
    """Validate one person entry."""
    gender = _optional_str(raw, "gender")
    if gender is not None and gender not in ("m", "f"):
        raise ValueError(f"gender {gender!r} must be 'm' or 'f'")
    sector = _optional_str(raw, "sector")
    if sector is not None and sector not in SECTORS:
        raise ValueError(f"sector {sector!r} is not one of {sorted(SECTORS)}")
    country = _optional_str(raw, "country")
    roles = raw.get("roles") or []
    if not isinstance(roles, list):
        raise ValueError(f"roles must be a list, got {roles!r}")
    return {
        "id": _check_id(raw.get("id")),
        "name": _require_str(raw, "name"),
        "variants": split_list(raw.get("variants")),
        "gender": gender,
        "country": _check_country(country, allow_groups=True) if country else None,
        "sector": sector,
        "roles": [_check_role(r) for r in roles],
    }


def check_role_titles(raw: dict[str, Any]) -> dict[str, Any]:
    """Validate one roles.yaml entry (an office and the title phrases that name it)."""
    office = _optional_str(raw, "office") or "other"
    if office not in OFFICES | {TITLE_LEADER}:
        raise ValueError(f"office {office!r} is not one of {sorted(OFFICES)}")
    sector = _optional_str(raw, "sector")
    if sector is not None and sector not in SECTORS:
        raise ValueError(f"sector {sector!r} is not one of {sorted(SECTORS)}")
    titles = split_list(raw.get("titles"))
    if not titles:
        raise ValueError("titles must list at least one title phrase")
    return {"office": office, "sector": sector, "titles": [t.lower() for t in titles]}


def check_place(raw: dict[str, Any]) -> dict[str, Any]:
    """Validate one places.tsv row."""
    kind = _optional_str(raw, "kind") or "city"
    if kind not in PLACE_KINDS:
        raise ValueError(f"kind {kind!r} is not one of {sorted(PLACE_KINDS)}")
    country = _optional_str(raw, "country")
    return {
        "name": _require_str(raw, "name"),
        "aliases": split_list(raw.get("aliases")),
        "country": _check_country(country, allow_groups=False) if country else None,
        "kind": kind,
    }


def check_combining(raw: dict[str, Any]) -> dict[str, Any]:
    """Validate one combining_forms.tsv row ("RUS", "Russo")."""
    forms = split_list(raw.get("forms"))
    if not forms:
        raise ValueError("forms must list at least one combining form")
    return {"code": _check_country(_require_str(raw, "code"), allow_groups=False), "forms": forms}


def iter_tsv(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a TSV file with a header line, as (line number, row); `#` lines are comments."""
    lines = read_text(path).splitlines()
    header: list[str] | None = None
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if header is None:
            header = [c.strip() for c in cells]
            missing = [c for c in columns if c not in header]
            if missing:
                raise LexiconError(
                    str(path), number, f"header lacks columns {missing}; expected {list(columns)}"
                )
            continue
        if len(cells) > len(header):
            raise LexiconError(
                str(path), number, f"{len(cells)} cells but the header has {len(header)} columns"
            )
        yield number, {k: v.strip() for k, v in zip(header, cells, strict=False)}


def read_entries(path: Path, key: str | None) -> list[dict[str, Any]]:
    """The list of entries in a YAML file: the whole file, or the list under `key`."""
    data = load_yaml(path)
    if key is not None:
        if data is None:
            return []
        if not isinstance(data, dict):
            raise LexiconError(str(path), 1, f"expected a mapping with a {key!r} list at the top")
        data = data.get(key) or []
    if data is None:
        return []
    if not isinstance(data, list):
        raise LexiconError(
            str(path), None, f"expected a list of entries, got {type(data).__name__}"
        )
    for index, entry in enumerate(data):
        if not isinstance(entry, dict):
            raise LexiconError(
                str(path), item_line(data, index), f"expected a mapping per entry, got {entry!r}"
            )
    return data
