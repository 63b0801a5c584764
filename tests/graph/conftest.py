"""Fixtures for the graph tests: a schema'd empty database, and the invented world loaded.

The database itself comes from tests/conftest.py (``neo4j_db``); the data from
graph_world.py.
"""

from __future__ import annotations

import neo4j
import pytest

from graph.schema import ensure_schema
from graph_world import world_facts


@pytest.fixture
def graph_db(neo4j_db: neo4j.Driver, neo4j_settings) -> neo4j.Driver:
    """An empty database with the corpgraph schema."""
    ensure_schema(neo4j_db, database=neo4j_settings.neo4j_database)
    return neo4j_db


@pytest.fixture
def world_graph(graph_db: neo4j.Driver, neo4j_settings) -> neo4j.Driver:
    """The invented world, loaded."""
    from graph.loader import load_facts

    load_facts(graph_db, world_facts(), database=neo4j_settings.neo4j_database)
    return graph_db
