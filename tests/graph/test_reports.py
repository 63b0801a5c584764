"""Report packs: discovery, parameters, read-only runs and every output format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from corpgraph.errors import DatabaseError, ReportError
from graph.loader import graph_counts
from graph.reports import (
    FORMATS,
    PACKS,
    discover_reports,
    find_report,
    parse_params,
    parse_report,
    render_text,
    run_report,
    to_table,
    unknown_names,
)

REQUIRED = {
    "talent": {"talent-flows", "person-career", "talent-sources", "talent-destinations", "talent-hubs"},
    "lineage": {"lineage", "joint-ventures", "renames", "acquisitions"},
    "market": {"competitors", "product-stack"},
    "provenance": {"evidence", "path"},
}

# A value for every parameter that names something in the invented world.
EXAMPLES = {
    "org": "borealis motors",
    "person": "Mira Castell",
    "subject": "Mira Castell",
    "object": "Borealis",
    "a": "Tomas Reyes",
    "b": "Delta D9",
    "name": "Helix One",
    "q": "helix*",
    "doc": "news-a",
}
# Where the generic example is not what the report is about.
EXAMPLES_FOR = {
    "renames": {"org": "Helix Auto"},
    "joint-ventures": {"org": "Helix Mobility"},
    "lineage": {"org": "Helix Mobility"},
    "talent-destinations": {"org": "Aurora Dynamics"},
    "investments": {"org": "Quark Sensors"},
    "product-stack": {"org": "Helix Mobility"},
    "products": {"org": "Delta Silicon"},
}


def _examples(report):
    given = {p.name: EXAMPLES[p.name] for p in report.params if p.name in EXAMPLES}
    return {**given, **EXAMPLES_FOR.get(report.name, {})}


def _run(driver, name, **params):
    return run_report(driver, find_report(name, discover_reports()), {k: str(v) for k, v in params.items()})


def test_every_required_report_is_in_its_pack():
    reports = discover_reports()
    for pack, names in REQUIRED.items():
        assert names <= {r.name for r in reports.values() if r.pack == pack}
    assert {r.pack for r in reports.values()} == set(PACKS)
    for report in reports.values():
        assert report.description and "\n" not in report.description
        assert all(p.description for p in report.params), report.name


def test_reports_are_found_by_name_or_alias_ignoring_case():
    reports = discover_reports()
    assert find_report("Talent-Flows", reports).name == "talent-flows"
    assert find_report("FLOWS", reports).name == "talent-flows"
    with pytest.raises(ReportError, match="did you mean 'lineage'"):
        find_report("linage", reports)


def test_parameters_are_typed_by_their_defaults():
    report = find_report("talent-flows", discover_reports())
    assert report.bind({"limit": "3"}) == {"org": "", "limit": 3}
    with pytest.raises(ReportError, match="limit='many' is not a int"):
        report.bind({"limit": "many"})
    with pytest.raises(ReportError, match="has no parameter 'company'"):
        report.bind({"company": "x"})
    assert parse_params(["org=Nova = New", "limit=2"]) == {"org": "Nova = New", "limit": "2"}
    with pytest.raises(ReportError, match="key=value"):
        parse_params(["org"])


def test_a_malformed_header_names_the_file_and_line(tmp_path):
    path = tmp_path / "broken.cypher"
    path.write_text("// name: broken\n// description: x\n// param: limit 5\nRETURN 1\n")
    with pytest.raises(ReportError, match=r"broken.cypher:3"):
        parse_report(path)
    nameless = tmp_path / "nameless.cypher"
    nameless.write_text("// description: x\nRETURN 1\n")
    with pytest.raises(ReportError, match="no '// name: ...' line"):
        parse_report(nameless)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_report_runs_in_every_format(world_graph, fmt):
    for report in discover_reports().values():
        for params in ({}, _examples(report)):
            result = run_report(world_graph, report, params)
            if fmt == "table":
                console = Console(record=True, width=200)
                console.print(to_table(result))
                text = console.export_text()
                assert report.name in text
            else:
                text = render_text(result, fmt)
            if fmt == "json":
                assert len(json.loads(text)) == len(result.rows)
            if fmt == "csv":
                rows = list(csv.reader(io.StringIO(text)))
                assert rows[0] == result.columns and len(rows) == len(result.rows) + 1
            if fmt == "md":
                assert text.count("\n") == len(result.rows) + 2
            if params:
                # Every example names something in the world that the report is about.
                assert result.rows, f"{report.name} {params} returned nothing"


def test_talent_flows_show_who_moved_where_and_when(world_graph):
    rows = _run(world_graph, "talent-flows").rows
    assert {"from": "Aurora Dynamics", "to": "Borealis Motors", "person": "Mira Castell", "date": "2019"}.items() <= rows[0].items()
    filtered = _run(world_graph, "talent-flows", org="cobalt robotics").rows
    assert [(r["from"], r["to"], r["person"]) for r in filtered] == [("Cobalt Robotics", "Helix Mobility", "Tomas Reyes")]


def test_names_match_case_insensitively_and_through_aliases(world_graph):
    by_name = _run(world_graph, "person-career", person="Mira Castell").rows
    assert by_name
    assert _run(world_graph, "person-career", person="  MS. CASTELL ").rows == by_name
    assert _run(world_graph, "person-career", person="mira-castell").rows == by_name
    assert _run(world_graph, "talent-sources", org="BOREALIS").rows[0]["source"] == "Aurora Dynamics"


def test_person_career_is_in_order(world_graph):
    steps = [(r["step"], r["organization"]) for r in _run(world_graph, "person-career", person="Mira Castell").rows]
    assert steps.index(("WORKS_FOR", "Aurora Dynamics")) < steps.index(("MOVED", "Borealis Motors"))


def test_lineage_follows_renames_to_the_founders(world_graph):
    rows = _run(world_graph, "lineage", org="Helix Mobility").rows
    links = {(r["link"], r["subject"], r["predicate"], r["object"]) for r in rows}
    assert ("renamed", "Helix Auto", "RENAMED_TO", "Helix Mobility") in links
    assert ("founded by", "Borealis Motors", "FOUNDED", "Helix Auto") in links
    assert ("founded by", "Cobalt Robotics", "FOUNDED", "Helix Auto") in links
    assert ("joint-venture partners", "Borealis Motors", "PARTNERED_WITH", "Cobalt Robotics") in links
    parts = _run(world_graph, "lineage", org="Quark Sensors").rows
    assert ("part of", "Quark Sensors", "Borealis Motors") in {(r["link"], r["subject"], r["object"]) for r in parts}


def test_evidence_lists_each_sentence_with_its_document(world_graph):
    rows = _run(world_graph, "evidence", subject="Mira Castell", object="Borealis Motors", predicate="moved").rows
    assert {(r["document"], r["title"]) for r in rows} == {("news-a", "Engineers on the move"), ("news-b", "Chips, deals and rivals")}
    assert all(r["sentence"].startswith("Mira Castell") for r in rows)


def test_path_gives_the_chain_of_facts(world_graph):
    rows = _run(world_graph, "path", a="Tomas Reyes", b="Delta D9").rows
    # He both works for and moved to Helix Mobility: two equally short paths,
    # and which one shortestPath meets first depends on how the store ordered them.
    predicates = [r["predicate"] for r in rows]
    assert predicates[0] in ("WORKS_FOR", "MOVED") and predicates[1:] == ["MAKES", "USES"]
    assert [r["step"] for r in rows] == [1, 2, 3]


def test_product_stack_names_the_suppliers(world_graph):
    (row,) = _run(world_graph, "product-stack", org="Helix Mobility").rows
    assert (row["product"], row["uses"], row["made_by"]) == ("Helix One", "Delta D9", ["Delta Silicon"])


def test_unknown_names_are_reported(world_graph):
    report = find_report("talent-flows", discover_reports())
    assert unknown_names(world_graph, report, {"org": "Nowhere Corp"}) == ["org"]
    assert unknown_names(world_graph, report, {"org": "borealis"}) == []


@pytest.mark.parametrize("value", ["') DETACH DELETE n //", '" OR 1=1 //', "`Person`", "$org", "x\\"])
def test_parameters_carrying_cypher_are_only_values(world_graph, value):
    before = graph_counts(world_graph)
    for name in ("talent-flows", "evidence", "lineage", "search"):
        report = find_report(name, discover_reports())
        key = report.params[0].name
        try:
            assert run_report(world_graph, report, {key: value}).rows == [] or name == "search"
        except DatabaseError:
            assert name == "search"  # a Lucene syntax error in a fuzzy query, reported as one line
    assert graph_counts(world_graph) == before


def test_a_report_cannot_write(world_graph, tmp_path: Path):
    pack = tmp_path / "talent"
    pack.mkdir()
    (pack / "sneaky.cypher").write_text(
        "// name: sneaky\n// description: tries to write\nCREATE (:Person {id: 'intruder', name: 'Intruder'}) RETURN 1 AS one\n"
    )
    report = discover_reports(tmp_path)["sneaky"]
    before = graph_counts(world_graph)
    with pytest.raises(DatabaseError, match="read access mode"):
        run_report(world_graph, report)
    assert graph_counts(world_graph) == before


def test_graph_stats_counts_every_label_and_type(graph_db):
    from extract.ontology import ENTITY_TYPES, PREDICATES

    rows = {r["name"]: r["count"] for r in _run(graph_db, "graph-stats").rows}
    assert set(rows) == set(ENTITY_TYPES) | {"Document"} | set(PREDICATES) | {"TALENT_FLOW", "MENTIONS"}
    assert set(rows.values()) == {0}


def _operators(plan):
    yield plan
    for child in plan.get("children", []):
        yield from _operators(child)


def test_a_name_lookup_never_scans_a_label_or_type(world_graph):
    """With an entity parameter given, reports seek through indexes: no scan reads a row."""
    for report in discover_reports().values():
        if not any(p.entity for p in report.params):
            continue
        values = report.bind(_examples(report))
        _, summary, _ = world_graph.execute_query("PROFILE " + report.query, values, routing_="r")
        scans = [op for op in _operators(summary.profile) if "Scan" in op["operatorType"] and op["rows"] > 0]
        assert not scans, f"{report.name}: {[(op['operatorType'], op['rows']) for op in scans]}"


def test_a_table_too_wide_for_the_terminal_shows_one_block_per_row(world_graph):
    result = _run(world_graph, "lineage", org="Helix Mobility")
    console = Console(record=True, width=60)
    console.print(to_table(result, width=60))
    text = console.export_text()
    assert max(len(line) for line in text.splitlines()) <= 60
    assert text.count("│ predicate ") == len(result.rows)
    wide = Console(record=True, width=400)
    wide.print(to_table(result, width=400))
    assert "┃ predicate" in wide.export_text()
