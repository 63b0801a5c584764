"""Faults against a real Neo4j that these tests stop, kill and start: their own local server.

The server (``own_server`` in conftest.py) lives under the session's temporary
folder, on free ports, with the jars of the project's local server; the
shared test server is never touched. Covered: no server at all, a server restarted in the middle of an
ingest (the writes wait for it and the ingest completes), and a server killed
in the middle of a document's transaction (nothing of that document is
committed, the ingest stops with one line, a rerun completes it).
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from corpgraph.errors import DatabaseError
from corpgraph.settings import Settings
from graph import loader, server
from graph.connection import START_HINT, open_driver
from graph.ingest import ingest
from graph.loader import reset_graph
from graph.server import LocalServer

from harden import ARTICLES, KG, free_port, graph_state, integrity_problems, loaded_documents, subprocess_environment, write_articles

pytestmark = [pytest.mark.slow, pytest.mark.model]


@pytest.fixture
def articles(tmp_path) -> Path:
    return write_articles(tmp_path / "articles")


@pytest.fixture
def baseline(own_server, articles) -> dict:
    """The graph of an uninterrupted ingest of ``articles``; the database is emptied after it."""
    with open_driver(own_server) as driver:
        reset_graph(driver)
        ingest(driver, [articles])
        state = graph_state(driver, confidences=False)
        assert integrity_problems(driver) == []
        reset_graph(driver)
    return state


def test_commands_without_a_server_say_how_to_start_it(tmp_path, articles):
    """Nothing listens on the port: one line naming the URI and `kg neo4j start`, exit 4, no traceback."""
    nowhere = Settings(neo4j_uri=f"bolt://127.0.0.1:{free_port()}", neo4j_password="not-a-real-secret-7q")
    facts = tmp_path / "facts.jsonl"
    facts.write_text("", encoding="utf-8")
    env = subprocess_environment(nowhere, tmp_path)
    for command in (
        ["ingest", str(articles)],
        ["load", str(facts)],
        ["report", "talent-flows"],
        ["reset", "--yes"],
        ["export", "-o", str(tmp_path / "g.graphml")],
        ["analyze"],
        ["neo4j", "status"],
    ):
        result = subprocess.run(KG + command, env=env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 4, (command, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, (command, result.stderr)
        assert lines[0].startswith(f"error: cannot reach Neo4j at {nowhere.neo4j_uri}") and START_HINT in lines[0]
        assert "Traceback" not in result.stderr and nowhere.neo4j_password not in result.stderr + result.stdout


def test_a_server_restarted_during_an_ingest_is_waited_for(own_server, articles, baseline):
    restarts: list[server.StartResult] = []
    threads: list[threading.Thread] = []

    def restart_after_second_document(done: int, total: int) -> None:
        if done == 2 and not threads:
            server.stop(own_server, "local")  # the next document's writes find no server
            thread = threading.Thread(target=lambda: restarts.append(server.start(own_server, "local")))
            thread.start()
            threads.append(thread)

    with open_driver(own_server) as driver:
        # batch_size=1: a transaction per document, so the stop falls between two.
        summary = ingest(driver, [articles], batch_size=1, on_loaded=restart_after_second_document)
        threads[0].join()
        assert not restarts[0].already_running  # it really was down
        assert summary.load.documents_new == len(ARTICLES)
        assert integrity_problems(driver) == []
        assert graph_state(driver, confidences=False) == baseline


def test_a_server_killed_inside_a_document_leaves_none_of_it_and_a_rerun_completes(own_server, articles, baseline, monkeypatch):
    run_step = loader._run_step
    begun: list[str] = []

    def kill_inside_the_third_document(tx, query, rows, counter, summary):
        if query == loader.read_query("begin_documents"):
            begun.append(rows[0]["id"])
        elif counter == "entities" and len(set(begun)) == 3 and LocalServer(own_server).pid():
            # The document's node and first rows are written, not committed: kill -9 now.
            os.kill(LocalServer(own_server).pid(), signal.SIGKILL)
            while LocalServer(own_server).pid():
                time.sleep(0.1)
        run_step(tx, query, rows, counter, summary)

    monkeypatch.setattr(loader, "_run_step", kill_inside_the_third_document)
    impatient = replace(own_server, retry_seconds=2)
    # batch_size=1: a transaction per document (small ones otherwise share one).
    with open_driver(impatient) as driver, pytest.raises(DatabaseError) as failure:
        ingest(driver, [articles], batch_size=1)
    message = str(failure.value)
    assert "\n" not in message and START_HINT in message
    assert f"2 of {len(ARTICLES)} documents were loaded before this; run the same command again" in message
    monkeypatch.undo()

    server.start(own_server, "local")  # recovers the store
    with open_driver(own_server) as driver:
        first_two = loaded_documents(driver)
        third = list(dict.fromkeys(begun))[2]
        assert len(first_two) == 2 and third not in first_two
        records, _, _ = driver.execute_query("MATCH (d:Document {id: $id}) RETURN d", id=third)
        assert records == []  # not even its node: the transaction never committed
        assert integrity_problems(driver) == []

        again = ingest(driver, [articles])
        assert again.documents_unchanged == 2 and again.load.documents_new == len(ARTICLES) - 2
        assert integrity_problems(driver) == []
        assert graph_state(driver, confidences=False) == baseline
