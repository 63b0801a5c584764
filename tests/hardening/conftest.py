"""Fixtures for the hardening tests (helpers are in harden.py).

The database comes from tests/conftest.py (``neo4j_db``); tests that stop and
start a server use their own, never that one.
"""

from __future__ import annotations

import os
import subprocess

import pytest
from dotenv import dotenv_values

from corpgraph.settings import Settings, load_settings
from graph import server
from graph.server import LocalServer
from harden import KG, PROJECT, cli_environment, free_port


@pytest.fixture
def cli_env(neo4j_db, neo4j_settings, monkeypatch, tmp_path):
    """`kg` (through :func:`harden.kg`) pointed at the test database, run from an empty folder."""
    project = tmp_path / "project"
    project.mkdir()
    for key, value in cli_environment(neo4j_settings, project).items():
        monkeypatch.setenv(key, value)
    return neo4j_db



# What `kg neo4j start` printed for the own server (its output must not hold the password).
_OWN_SERVER: dict[str, str] = {}


@pytest.fixture(scope="session")
def own_server(tmp_path_factory) -> Settings:
    """A local Neo4j for the tests that stop, kill and restart it, set up as a user would.

    `kg neo4j start --local` in a fresh project folder (no .env, no
    password): the password it generates into .env is what the tests use.
    It shares the jars of the project's local server and runs on free ports.
    """
    shared_lib = LocalServer(server.settings_for(load_settings(PROJECT), "local")).lib
    if not (shared_lib / ".corpgraph-assembled").is_file():
        pytest.skip(f"the local server's jars are not assembled ({shared_lib}): run `kg neo4j start --local` once")
    project = tmp_path_factory.mktemp("own-server")
    home = project / ".neo4j"
    home.mkdir()
    (home / "lib").symlink_to(shared_lib, target_is_directory=True)
    ports = {"KG_NEO4J_BOLT_PORT": free_port(), "KG_NEO4J_HTTP_PORT": free_port()}
    # Nothing of this session's own configuration (NEO4J_URI, KG_NEO4J_HOME...) may leak in.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
    env.update({"KG_PROJECT_DIR": str(project), "KG_NEO4J_HEAP": "512m", "KG_NEO4J_PAGECACHE": "64m"})
    env.update({key: str(port) for key, port in ports.items()})
    started = subprocess.run(KG + ["neo4j", "start", "--local"], env=env, capture_output=True, text=True, timeout=600)
    assert started.returncode == 0, started.stderr
    _OWN_SERVER["start_output"] = started.stdout + started.stderr
    settings = Settings(
        neo4j_uri=f"bolt://127.0.0.1:{ports['KG_NEO4J_BOLT_PORT']}",
        neo4j_password=dotenv_values(project / ".env").get("NEO4J_PASSWORD"),
        project_dir=project,
        local_home=home,
        bolt_port=ports["KG_NEO4J_BOLT_PORT"],
        http_port=ports["KG_NEO4J_HTTP_PORT"],
        heap_size="512m",
        pagecache_size="64m",
        retry_seconds=300,
    )
    try:
        yield settings
    finally:
        server.stop(settings, "local")


@pytest.fixture
def own_server_start_output(own_server) -> str:
    return _OWN_SERVER["start_output"]
