"""Fixtures shared across test packages, loaded as plugins (each module says what it holds)."""

pytest_plugins = ["backends", "export_corpus"]
