"""Fixtures shared by every test package (registered for the whole suite)."""

pytest_plugins = ["tests.browser"]
