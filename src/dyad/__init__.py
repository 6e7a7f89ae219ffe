"""dyad: turn news coverage into a sourced record of international relations.

```python
import dyad

store = dyad.open("dyad.db")                  # or any --db URL
store.ingest(["news/"])
events = store.events(dyad="RUS-IRN")         # a pandas DataFrame (dyad[pandas])
record = dyad.extract("Lavrov met Araghchi in Moscow.", published="2025-06-23")
```

`open`, `extract` and `Corpus` live in `dyad.api`, imported on first use so that
`import dyad.model` (in a worker process, say) stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dyad.api import Corpus, extract, open

__all__ = ["Corpus", "extract", "open"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from dyad import api

        return getattr(api, name)
    raise AttributeError(f"module 'dyad' has no attribute {name!r}")
