"""Ctrl-C and concurrent runs, as real `kg` processes against the test database.

Ctrl-C (SIGINT) or `kill` (SIGTERM) in the middle of `kg ingest` must leave whole documents only,
say what was kept, and the next run must finish the job: in the end the
graph equals that of an uninterrupted run. Two `kg ingest` (or `kg load`)
processes on overlapping inputs at the same time must not duplicate a node,
a relationship or a piece of evidence.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest

from extract.facts import write_facts
from graph.loader import FactIndex, load_facts, reset_graph
from graph.schema import ensure_schema

from harden import KG, QUALIFIERS, graph_state, integrity_problems, loaded_documents, many_articles, subprocess_environment, synthetic_facts

pytestmark = pytest.mark.slow


@pytest.fixture
def env(neo4j_db, neo4j_settings, tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    # One row per query: a document's load takes several round trips, so the
    # processes below are caught (or overlap) in the middle of loading.
    return subprocess_environment(neo4j_settings, project, KG_BATCH_SIZE="1")


def _kg(env, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(KG + list(args), env=env, capture_output=True, text=True, timeout=timeout)


def _wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def _stopped_mid_way(command: list[str], env, stop, code: int, said: str, begun, what: str) -> str:
    """Run `kg command`, send ``stop`` once ``begun()`` is true, check it ended as a stop
    should (exit ``code``, one last line saying ``said``, no traceback); return that line."""
    process = subprocess.Popen(KG + command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for(lambda: begun() or process.poll() is not None, 300, what)
        process.send_signal(stop)
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == code, err
    assert "Traceback" not in err
    last = err.strip().splitlines()[-1]
    assert last.startswith(f"{said}: ") and "run the same command again to finish" in last
    return last


@pytest.mark.model
@pytest.mark.parametrize("stop, code, said", [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")])
def test_ctrl_c_or_sigterm_keeps_whole_documents_and_the_next_run_finishes(neo4j_db, env, tmp_path, stop, code, said):
    folder = tmp_path / "stories"
    count = 120  # loading the rest must outlast the signal by far, on a fast machine too
    many_articles(folder, count)
    uninterrupted = _kg(env, "ingest", str(folder))
    assert uninterrupted.returncode == 0, uninterrupted.stderr
    expected = graph_state(neo4j_db, confidences=False)
    reset_graph(neo4j_db)

    last = _stopped_mid_way(["ingest", str(folder)], env, stop, code, said, lambda: loaded_documents(neo4j_db), "the first loaded document")
    assert "each whole or not at all" in last
    kept = loaded_documents(neo4j_db)
    assert 0 < len(kept) < count
    said = re.search(rf"at least (\d+) of {count} documents committed", last)
    assert said is None and "no documents confirmed" in last or said and int(said.group(1)) <= len(kept) <= int(said.group(1)) + 1
    assert integrity_problems(neo4j_db) == []

    rerun = _kg(env, "ingest", str(folder), "--format", "json")
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert summary["documents_unchanged"] == len(kept) and summary["load"]["documents_new"] == count - len(kept)
    assert integrity_problems(neo4j_db) == []
    assert graph_state(neo4j_db, confidences=False) == expected


@pytest.mark.model
def test_two_ingests_of_overlapping_folders_at_once_duplicate_nothing(neo4j_db, env, tmp_path):
    stories = many_articles(tmp_path / "all", 45, seed=9)
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, part in ((first, stories[:30]), (second, stories[15:])):
        folder.mkdir()
        for path in part:
            (folder / path.name).write_bytes(path.read_bytes())
    together = _kg(env, "ingest", str(tmp_path / "all"))
    assert together.returncode == 0, together.stderr
    # Documents remember the file they came from, and facts stated with other
    # dates or roles elsewhere keep those of their latest load: both differ by
    # design, and so does the fingerprint of the facts loaded (it covers both).
    ignore = ("source", "facts_sha256", *QUALIFIERS)
    expected = graph_state(neo4j_db, confidences=False, ignore=ignore)
    reset_graph(neo4j_db)

    processes = [
        subprocess.Popen(KG + ["ingest", str(folder)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for folder in (first, second)
    ]
    errors = [p.communicate(timeout=600)[1] for p in processes]
    results = [(p.returncode, err) for p, err in zip(processes, errors)]
    assert [code for code, _ in results] == [0, 0], results
    assert integrity_problems(neo4j_db) == []
    assert loaded_documents(neo4j_db) == {p.stem for p in stories}
    assert graph_state(neo4j_db, confidences=False, ignore=ignore) == expected


@pytest.mark.parametrize(("per_document", "writers"), [(True, 1), (False, 1), (False, 2)],
                         ids=["per-document", "batches", "batches-2-writers"])
def test_two_loads_of_overlapping_facts_at_once_equal_one_load(neo4j_db, neo4j_settings, tmp_path, per_document, writers):
    facts = synthetic_facts(240)
    ensure_schema(neo4j_db)
    load_facts(neo4j_db, facts)
    expected = graph_state(neo4j_db)
    reset_graph(neo4j_db)

    index = FactIndex(facts)
    ids = [d.id for d in facts.documents]
    files = []
    for name, part in (("first", ids[:160]), ("second", ids[80:])):
        path = tmp_path / f"{name}.jsonl"
        write_facts(index.restrict(part), path)
        files.append(path)
    env = subprocess_environment(neo4j_settings, tmp_path, KG_BATCH_SIZE="20", KG_LOAD_WRITERS=str(writers))
    options = ["--per-document"] if per_document else []
    processes = [
        subprocess.Popen(KG + ["load", str(path), *options], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for path in files
    ]
    errors = [p.communicate(timeout=600)[1] for p in processes]
    results = [(p.returncode, err) for p, err in zip(processes, errors)]
    # Both finish: a document begun by the other process and not yet finished
    # is completed, not replaced (its text is the same), so nothing is purged
    # under the other's feet; deadlocks between them are retried.
    assert [code for code, _ in results] == [0, 0], results
    for _, err in results:
        assert all(line.startswith("note: Neo4j did not take a write") for line in err.splitlines()), err
    assert integrity_problems(neo4j_db) == []
    assert graph_state(neo4j_db) == expected


def _node_count(driver) -> int:
    records, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS n")
    return records[0]["n"]


@pytest.mark.parametrize("writers", [1, 2])
@pytest.mark.parametrize("stop, code, said", [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")])
def test_a_batched_load_stopped_mid_way_says_so_and_the_rerun_equals_one_load(neo4j_db, neo4j_settings, tmp_path, stop, code, said,
                                                                             writers):
    facts = synthetic_facts(600)
    ensure_schema(neo4j_db)
    load_facts(neo4j_db, facts)
    expected = graph_state(neo4j_db)
    reset_graph(neo4j_db)
    path = tmp_path / "facts.jsonl"
    write_facts(facts, path)
    # Small batches: many transactions, so the stop lands between or inside them.
    env = subprocess_environment(neo4j_settings, tmp_path, KG_BATCH_SIZE="10", KG_LOAD_WRITERS=str(writers))

    _stopped_mid_way(["load", str(path)], env, stop, code, said, lambda: _node_count(neo4j_db) > 0, "the first committed batch")
    # A batched load marks its documents loaded last: cut off, they stay unfinished
    # (the rerun completes them), and nothing else may be wrong.
    problems = integrity_problems(neo4j_db)
    assert problems and all(p.startswith("unfinished document: ") for p in problems)

    rerun = subprocess.run(KG + ["load", str(path)], env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert integrity_problems(neo4j_db) == []
    assert graph_state(neo4j_db) == expected
