"""`kg ingest|load|reset|report|export|analyze|browse` through Typer's CliRunner, on a real Neo4j."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from corpgraph.cli.app import app
from extract.facts import write_facts
from graph.reports import discover_reports

# The invented world of the graph tests (tests/graph/graph_world.py).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "graph"))
from graph_world import world_facts  # noqa: E402

COMMANDS = ("ingest", "load", "reset", "report", "export", "analyze", "browse")
runner = CliRunner()


@pytest.fixture
def cli_env(neo4j_db, neo4j_settings, monkeypatch, tmp_path):
    """The CLI pointed at the test database, run from an empty folder (no stray .env)."""
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.bolt_uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_settings.neo4j_user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.neo4j_password or "")
    monkeypatch.setenv("NEO4J_DATABASE", neo4j_settings.neo4j_database)
    monkeypatch.setenv("KG_PROJECT_DIR", str(tmp_path))
    return neo4j_db


@pytest.fixture
def facts_file(tmp_path) -> Path:
    path = tmp_path / "world.jsonl"
    write_facts(world_facts(), path)
    return path


@pytest.fixture
def loaded(cli_env, facts_file):
    result = runner.invoke(app, ["load", str(facts_file)])
    assert result.exit_code == 0, result.output
    return cli_env


def kg(*args: str):
    return runner.invoke(app, list(args))


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    result = kg(command, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.output and len(result.output.splitlines()) > 4


def test_load_twice_reports_new_then_skipped(cli_env, facts_file):
    first = kg("load", str(facts_file), "--format", "json")
    assert first.exit_code == 0, first.output
    data = json.loads(first.stdout)
    assert data["documents_new"] == 2 and data["entities_created"] == 13
    again = kg("load", str(facts_file), "--format", "json")
    data = json.loads(again.stdout)
    assert data["documents_skipped"] == 2 and data["relations"] == 0
    table = kg("load", str(facts_file), "--batch-size", "5")
    assert "documents unchanged" in table.stdout


def test_load_of_a_missing_file_is_one_line(cli_env, tmp_path):
    result = kg("load", str(tmp_path / "nothing.jsonl"))
    assert result.exit_code != 0
    assert "nothing.jsonl" in result.stderr and "Traceback" not in result.output


def test_report_list_names_every_report(cli_env):
    result = kg("report", "--list", "--format", "json")
    assert result.exit_code == 0
    listed = {row["name"] for row in json.loads(result.stdout)}
    assert listed == set(discover_reports())
    table = kg("report", "--list")
    assert "talent-flows" in table.stdout and "org=" in table.stdout


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "md"])
def test_report_in_each_format(loaded, fmt):
    result = kg("report", "Talent-Flows", "--param", "org=BOREALIS", "--format", fmt)
    assert result.exit_code == 0, result.output
    # A table folds long cells onto several lines, so look for single words.
    assert "Castell" in result.stdout and "Aurora" in result.stdout
    if fmt == "json":
        rows = json.loads(result.stdout)
        assert {(r["from"], r["to"], r["person"]) for r in rows} == {
            ("Aurora Dynamics", "Borealis Motors", "Mira Castell"),
            ("Aurora Dynamics", "Borealis Motors", "Ines Varga"),
        }


def test_report_errors_are_one_line_with_exit_code_2(loaded):
    unknown = kg("report", "talent-flow")
    assert unknown.exit_code == 2 and "did you mean" in unknown.stderr
    bad = kg("report", "talent-flows", "-p", "limit=lots")
    assert bad.exit_code == 2 and "not a int" in bad.stderr
    nameless = kg("report")
    assert nameless.exit_code == 2


def test_report_on_an_unknown_name_says_so(loaded):
    result = kg("report", "lineage", "-p", "org=Nowhere Industries")
    assert result.exit_code == 0
    assert "no entity is named 'Nowhere Industries'" in result.stderr


def test_reset_needs_yes(loaded):
    refused = kg("reset")
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    assert json.loads(kg("report", "graph-stats", "-f", "json").stdout)[0]["count"] > 0
    done = kg("reset", "--yes")
    assert done.exit_code == 0 and "deleted 15 nodes" in done.stdout
    assert all(row["count"] == 0 for row in json.loads(kg("report", "graph-stats", "-f", "json").stdout))


def test_export_writes_a_file_gephi_can_read(loaded, tmp_path):
    target = tmp_path / "world.gexf"
    result = kg("export", "--format", "gexf", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert nx.read_gexf(target).number_of_nodes() == 13


def test_analyze_prints_brokers_and_groups(loaded):
    result = kg("analyze", "--format", "json", "--top", "2")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["betweenness"]) == 2 and "Borealis Motors" in data["groups"][0]
    table = kg("analyze")
    assert "betweenness" in table.stdout


def test_browse_prints_the_url_and_how_to_load_the_guide(cli_env, neo4j_settings):
    result = kg("browse")
    assert result.exit_code == 0
    assert "/browser/" in result.stdout and "style.grass" in result.stdout and ":guide http://localhost:" in result.stdout


@pytest.mark.model
def test_ingest_twice_changes_nothing_the_second_time(cli_env, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Lena Ortiz left Kestrel Aerospace and joined Vantor Systems in 2020. "
        "Vantor Systems makes the Skyline drone.\n",
        encoding="utf-8",
    )
    first = kg("ingest", str(folder), "--format", "json")
    assert first.exit_code == 0, first.output
    data = json.loads(first.stdout)
    assert data["documents_read"] == 1 and data["load"]["documents_new"] == 1
    counts = kg("report", "graph-stats", "-f", "json").stdout
    second = kg("ingest", str(folder), "--format", "json")
    data = json.loads(second.stdout)
    assert data["documents_unchanged"] == 1 and data["documents_extracted"] == 0
    assert kg("report", "graph-stats", "-f", "json").stdout == counts

    # --force extracts again; the same facts come out, so nothing is rewritten.
    loaded_at = kg("report", "documents", "-f", "json").stdout
    forced = kg("ingest", str(folder), "--force", "--format", "json")
    assert forced.exit_code == 0, forced.output
    data = json.loads(forced.stdout)
    assert data["documents_extracted"] == 1 and data["load"]["documents_skipped"] == 1
    assert data["load"]["documents_loaded"] == 0 and data["load"]["relations"] == 0
    assert kg("report", "graph-stats", "-f", "json").stdout == counts
    assert kg("report", "documents", "-f", "json").stdout == loaded_at
    table = kg("ingest", str(folder), "--force")
    (row,) = [line for line in table.stdout.splitlines() if "documents unchanged" in line]
    assert [cell.strip() for cell in row.split("│") if cell.strip()] == ["documents unchanged (skipped)", "1"]


# --- the seeds, end to end (the "Done when") -------------------------
# Expectations come from the gold file, not from names written here.

PROJECT = Path(__file__).resolve().parents[2]
SEEDS = PROJECT / "seeds"
GOLD = PROJECT / "tests" / "data" / "seeds_gold.jsonl"


def _gold():
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    names = {
        r["id"]: {n.lower() for n in [r["name"], *r.get("aliases", [])]} for r in records if r["kind"] == "entity"
    }
    core = [r for r in records if r["kind"] == "relation" and r.get("tier") == "core"]
    return names, core


@pytest.fixture
def seeded(cli_env):
    first = kg("ingest", str(SEEDS))
    assert first.exit_code == 0, first.output
    return cli_env


@pytest.mark.model
@pytest.mark.slow
def test_seeds_ingest_twice_changes_no_counts(seeded):
    before = kg("report", "graph-stats", "-f", "json").stdout
    again = kg("ingest", str(SEEDS), "--format", "json")
    assert json.loads(again.stdout)["documents_unchanged"] == len(list(SEEDS.glob("*.txt")))
    assert kg("report", "graph-stats", "-f", "json").stdout == before


@pytest.mark.model
@pytest.mark.slow
def test_seeds_headline_reports(seeded):
    names, core = _gold()
    flows = json.loads(kg("report", "talent-flows", "--format", "json").stdout)
    for fact in (r for r in core if r["predicate"] == "MOVED"):
        matching = [
            row
            for row in flows
            if row["person"].lower() in names[fact["subject"]]
            and row["to"].lower() in names[fact["object"]]
            and row["from"].lower() in names[fact["qualifiers"]["from"]]
        ]
        assert matching, f"no talent flow for {fact['subject']} -> {fact['object']}"
        if "date" in fact["qualifiers"]:
            assert any((row["date"] or "").startswith(fact["qualifiers"]["date"]) for row in matching)
        person = sorted(names[fact["subject"]])[0]
        evidence = json.loads(kg("report", "evidence", "-p", f"subject={person}", "-f", "json").stdout)
        assert evidence and all(row["sentence"] and row["document"] for row in evidence)

    for rename in (r for r in core if r["predicate"] == "RENAMED_TO"):
        new_name = sorted(names[rename["object"]])[0]
        rows = json.loads(kg("report", "lineage", "--param", f"org={new_name}", "-f", "json").stdout)
        renamed = [r for r in rows if r["link"] == "renamed" and r["subject"].lower() in names[rename["subject"]]]
        assert renamed, f"lineage of {new_name} lacks the rename from {rename['subject']}"
        founders = {r["subject"].lower() for r in rows if r["link"] == "founded by"}
        for founded in (r for r in core if r["predicate"] == "FOUNDED" and r["object"] == rename["subject"]):
            assert founders & names[founded["subject"]], f"lineage of {new_name} lacks founder {founded['subject']}"


@pytest.mark.model
@pytest.mark.slow
def test_every_report_runs_on_the_seed_graph_in_every_format(seeded):
    for name in discover_reports():
        for fmt in ("table", "json", "csv", "md"):
            result = kg("report", name, "-f", fmt)
            assert result.exit_code == 0, f"{name} {fmt}: {result.output}"


def test_every_graph_command_and_report_is_documented():
    docs = "".join(
        path.read_text(encoding="utf-8") for path in (PROJECT / "README.md",) if path.exists()
    )
    for command in COMMANDS:
        assert f"`kg {command}`" in docs, command
    for name in discover_reports():
        assert f"`{name}`" in docs, name
