"""Turning stored documents into things people read: console views and exports."""
