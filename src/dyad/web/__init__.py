"""The explorer (`dyad serve`): server-rendered pages over a store, each with a JSON twin.

Needs the `web` extra (FastAPI, uvicorn). `create_app(db)` builds the application.
"""
