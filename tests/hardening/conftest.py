"""Fixtures for the hardening tests (helpers are in harden.py).

The database comes from tests/conftest.py (``neo4j_db``); tests that stop and
start a server use their own, never that one.
"""

from __future__ import annotations

import pytest

from harden import cli_environment


@pytest.fixture
def cli_env(neo4j_db, neo4j_settings, monkeypatch, tmp_path):
    """`kg` (through :func:`harden.kg`) pointed at the test database, run from an empty folder."""
    project = tmp_path / "project"
    project.mkdir()
    for key, value in cli_environment(neo4j_settings, project).items():
        monkeypatch.setenv(key, value)
    return neo4j_db

