"""dyad's store: documents, extracted items and statistics in SQLite or PostgreSQL.

```python
from dyad.store import Store

with Store("dyad.db") as store:                       # or "postgresql://user@host/db"
    run = store.start_run("ingest", {"paths": ["news/"]})
    new = store.write_batch(documents, errors, run_id=run)
    store.finish_run(run, {"stored": len(new)})
    rows = store.query_events(type="CONSULT", dyad=("RUS", "IRN"))
```
"""

from dyad.store.migrations import MIGRATIONS, Migration
from dyad.store.rows import DocumentSummary, EventRow, QuoteRow, RunInfo, StoredError
from dyad.store.store import Store
from dyad.store.urls import mask_url, resolve_url

__all__ = [
    "MIGRATIONS",
    "DocumentSummary",
    "EventRow",
    "Migration",
    "QuoteRow",
    "RunInfo",
    "Store",
    "StoredError",
    "mask_url",
    "resolve_url",
]
