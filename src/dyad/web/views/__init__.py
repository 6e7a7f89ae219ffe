"""The explorer's views, one module per resource, each with its `router`."""
