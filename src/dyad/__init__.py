"""dyad."""
