"""The one place tests get a database from: a real Neo4j 5.26, never a mock.

Which server, in order (see ``graph.server.choose_backend``):
1. ``NEO4J_URI`` (with NEO4J_USER/NEO4J_PASSWORD) from the environment or ``.env``;
2. a testcontainers ``Neo4jContainer("neo4j:5.26-community")`` when a Docker engine answers;
3. the local launcher (``graph.server``): started if it is not running, and
   stopped at the end of the session only if this session started it.

Fixtures for tests:
- ``neo4j_settings``: a Settings pointing at that server (``neo4j_uri`` always set);
- ``neo4j_driver``: one session-wide driver (close nothing yourself);
- ``neo4j_db``: the same driver for one test; everything the test wrote is
  deleted afterwards (nodes and relationships; constraints and indexes stay).

The tests delete data, so they refuse to start on a database that already holds
some (for example a demo graph): ``make test`` runs its own test server, or set
KG_TEST_ALLOW_WIPE=1 to let them empty the database first.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import neo4j
import pytest

from corpgraph.settings import Settings, load_settings
from graph import server
from graph.connection import open_driver

PROJECT_DIR = Path(__file__).resolve().parents[1]
DOCKER_IMAGE = "neo4j:5.26-community"
NEO4J_FIXTURES = {"neo4j_settings", "neo4j_driver", "neo4j_db"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses the database, so `-m "not neo4j"` runs without one."""
    for item in items:
        if NEO4J_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.neo4j)


@pytest.fixture(scope="session")
def neo4j_backend() -> str:
    """Which way this session gets its database: external, docker or local."""
    settings = load_settings(PROJECT_DIR)
    return server.choose_backend(settings, docker_available=not settings.neo4j_uri and server.docker_available())


@pytest.fixture(scope="session")
def neo4j_settings(neo4j_backend: str) -> Iterator[Settings]:
    settings = load_settings(PROJECT_DIR)
    if neo4j_backend == "external":
        yield settings
    elif neo4j_backend == "docker":
        yield from _container_settings(settings)
    else:
        yield from _local_settings(settings)


def _container_settings(settings: Settings) -> Iterator[Settings]:
    try:
        from testcontainers.community.neo4j import Neo4jContainer
    except ImportError:  # testcontainers before 4.14 kept it here
        from testcontainers.neo4j import Neo4jContainer

    password = server.generate_password()
    with Neo4jContainer(DOCKER_IMAGE, password=password, username="neo4j") as container:
        yield replace(settings, neo4j_uri=container.get_connection_url(), neo4j_user="neo4j", neo4j_password=password)


def _local_settings(settings: Settings) -> Iterator[Settings]:
    result = server.start(settings, "local")
    # start() may have just written a fresh password into .env: read it back.
    local = replace(server.settings_for(load_settings(PROJECT_DIR), "local"), neo4j_uri=result.status.uri)
    try:
        yield local
    finally:
        if not result.already_running:
            server.stop(local, "local")


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_settings: Settings) -> Iterator[neo4j.Driver]:
    with open_driver(neo4j_settings) as driver:
        nodes = _count_nodes(driver, neo4j_settings)
        if nodes and os.environ.get("KG_TEST_ALLOW_WIPE") == "1":
            _wipe(driver, neo4j_settings)
        elif nodes:
            pytest.fail(
                f"Neo4j at {neo4j_settings.bolt_uri} already holds {nodes} nodes and the tests delete all data: "
                "run them on an empty database (`make test` starts its own test server), "
                "or set KG_TEST_ALLOW_WIPE=1 to let them empty this one",
                pytrace=False,
            )
        yield driver


@pytest.fixture
def neo4j_db(neo4j_driver: neo4j.Driver, neo4j_settings: Settings) -> Iterator[neo4j.Driver]:
    """The session's driver for one test; the data it wrote is gone afterwards."""
    try:
        yield neo4j_driver
    finally:
        _wipe(neo4j_driver, neo4j_settings)


def _count_nodes(driver: neo4j.Driver, settings: Settings) -> int:
    records, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS nodes", database_=settings.neo4j_database)
    return int(records[0]["nodes"])


def _wipe(driver: neo4j.Driver, settings: Settings) -> None:
    # Data only: constraints and indexes belong to the schema the loader creates.
    driver.execute_query("MATCH (n) DETACH DELETE n", database_=settings.neo4j_database)
