"""Helpers that keep the documentation true (used by tests/test_docs.py)."""
