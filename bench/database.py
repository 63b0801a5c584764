"""The benchmarks' own Neo4j server: the local launcher of graph/server.py in its own home and ports.

``.neo4j/bench`` on ports 7689/7476 (override with BENCH_NEO4J_HOME,
BENCH_BOLT_PORT, BENCH_HTTP_PORT), so that a benchmark never touches the demo
server (7687) or the test server (7688). Its data folder is deleted before
each run: the benchmarks measure loads into an empty database.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Iterator

import neo4j

from bench.common import PROJECT_DIR
from corpgraph.settings import Settings, load_settings
from graph import server
from graph.connection import open_driver, server_info


def bench_settings() -> Settings:
    """The project's settings (password, heap, page cache) with the bench server's home and ports."""
    settings = load_settings(PROJECT_DIR)
    home = os.environ.get("BENCH_NEO4J_HOME") or str(PROJECT_DIR / ".neo4j" / "bench")
    return replace(
        settings,
        neo4j_uri=None,
        local_home=Path(home),
        bolt_port=int(os.environ.get("BENCH_BOLT_PORT") or 7689),
        http_port=int(os.environ.get("BENCH_HTTP_PORT") or 7476),
    )


@contextlib.contextmanager
def bench_server(*, fresh: bool = True, progress=lambda message: None) -> Iterator[tuple[Settings, neo4j.Driver, str]]:
    """A running bench server (started here, stopped at the end) and a driver: (settings, driver, version)."""
    settings = bench_settings()
    local = server.LocalServer(settings)
    if local.pid() is not None:
        # Ours, left over from an interrupted run: stop it so the data can be reset.
        progress(f"stopping a bench server left running in {local.home}")
        server.stop(settings, "local", progress=progress)
    if fresh and local.data.exists():
        shutil.rmtree(local.data)
    result = server.start(settings, "local", progress=progress)
    # start() may have generated a password into .env: read the settings again.
    settings = replace(bench_settings(), neo4j_password=load_settings(PROJECT_DIR).neo4j_password)
    try:
        with open_driver(settings, result.status.uri) as driver:
            version, edition = server_info(driver)
            yield settings, driver, f"{version} {edition}"
    finally:
        server.stop(settings, "local", progress=progress)


def wipe(driver: neo4j.Driver, database: str = "neo4j") -> None:
    """Delete all data in batches (the schema stays): one transaction would need the whole graph in heap.
    Relationships go first: DETACH DELETE of 5,000 nodes that include hubs (an
    organisation with tens of thousands of relationships) overflowed the
    server's transaction memory."""
    with driver.session(database=database) as session:
        session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS").consume()
        session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
