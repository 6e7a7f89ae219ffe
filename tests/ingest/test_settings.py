"""IngestSettings refuses values that would make every read fail or hang."""

from __future__ import annotations

import pytest

from dyad.ingest import IngestSettings


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_bytes": -1}, "max_bytes must be >= 0"),
        ({"max_redirects": -2}, "max_redirects must be >= 0"),
        ({"timeout": 0}, "timeout must be > 0"),
    ],
)
def test_bad_settings(kwargs: dict[str, float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        IngestSettings(**kwargs)  # type: ignore[arg-type]


def test_defaults() -> None:
    settings = IngestSettings()
    assert settings.max_bytes == 5_000_000
    assert settings.user_agent.startswith("dyad/")
    assert settings.max_redirects == 5
