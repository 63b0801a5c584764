"""Schema: created idempotently, and the lookups the reports rely on are index seeks."""

from __future__ import annotations

import doctest

import pytest

from graph import loader, statements
from graph.schema import CONSTRAINTS, INDEXES, ensure_schema, schema_names, schema_statements
from graph.statements import render, split_statements


@pytest.mark.parametrize("module", [statements, loader], ids=["statements", "loader"])
def test_docstring_examples_run(module):
    failures, tried = doctest.testmod(module)
    assert tried > 0 and failures == 0


def test_every_named_constraint_and_index_is_in_the_script():
    script = " ".join(schema_statements())
    for name in CONSTRAINTS + INDEXES:
        assert f" {name} IF NOT EXISTS" in script


def test_templates_accept_only_allow_listed_names():
    assert ":Organization {id: row.id}" in render("merge_entities", LABEL="Organization")
    with pytest.raises(ValueError, match="allow-list"):
        render("merge_entities", LABEL="Organization {id: 1}) DETACH DELETE n //")
    with pytest.raises(ValueError, match="allow-list"):
        render("merge_relations", PREDICATE="KNOWS", SUBJECT_LABEL="Person", OBJECT_LABEL="Person", IDENTITY="")
    with pytest.raises(ValueError, match="was not filled"):
        render("merge_relations", PREDICATE="MOVED", SUBJECT_LABEL="Person", IDENTITY="")


def test_split_statements_drops_comments():
    assert split_statements("// one\nRETURN 1;\n\n// two\nRETURN 2;\n") == ["RETURN 1", "RETURN 2"]


def test_ensure_schema_creates_everything_and_can_run_again(neo4j_db):
    ensure_schema(neo4j_db)
    ensure_schema(neo4j_db)
    names = schema_names(neo4j_db)
    assert set(CONSTRAINTS + INDEXES) <= names


def test_uniqueness_constraint_rejects_a_second_node_with_the_same_id(graph_db):
    graph_db.execute_query("CREATE (:Person {id: 'lena-ortiz', name: 'Lena Ortiz'})")
    from neo4j.exceptions import ConstraintError

    with pytest.raises(ConstraintError):
        graph_db.execute_query("CREATE (:Person {id: 'lena-ortiz', name: 'Lena Ortiz'})")


def _plan(driver, query: str, **params) -> str:
    records, summary, _ = driver.execute_query("EXPLAIN " + query, **params)
    return summary.plan["args"]["string-representation"]


def test_lookups_by_id_and_name_are_index_seeks(world_graph):
    by_id = _plan(world_graph, "MATCH (o:Organization {id: $id}) RETURN o", id="borealis-motors")
    assert "NodeUniqueIndexSeek" in by_id
    by_name = _plan(world_graph, "MATCH (o:Organization {name: $name}) RETURN o", name="Borealis Motors")
    assert "NodeIndexSeek" in by_name
    flows = _plan(world_graph, "MATCH ()-[t:TALENT_FLOW {person_id: $p}]->() RETURN t", p="mira-castell")
    assert "RelationshipIndexSeek" in flows


def test_case_insensitive_alias_lookup_uses_the_keyword_index(world_graph):
    records, _, _ = world_graph.execute_query(
        "CALL db.index.fulltext.queryNodes('entity_keys', $q) YIELD node RETURN node.id AS id", q='"borealis"'
    )
    assert [r["id"] for r in records] == ["borealis-motors"]
    records, _, _ = world_graph.execute_query(
        "CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node RETURN node.id AS id", q="helix~"
    )
    assert {r["id"] for r in records} >= {"helix-auto", "helix-mobility", "helix-one"}


def test_load_facts_creates_a_missing_schema_before_writing(graph_db):
    """A caller of the Python API on a fresh database gets the constraints too:
    without them every look-up scans a label and concurrent loads may duplicate nodes."""
    from graph.loader import load_facts
    from tests.graph.graph_world import world_facts

    graph_db.execute_query("DROP CONSTRAINT person_id")
    graph_db.execute_query("DROP CONSTRAINT organization_id")
    assert not {"person_id", "organization_id"} & schema_names(graph_db)
    load_facts(graph_db, world_facts())
    assert set(CONSTRAINTS + INDEXES) <= schema_names(graph_db)
    assert "NodeUniqueIndexSeek" in _plan(graph_db, "MATCH (p:Person {id: $id}) RETURN p", id="mira-castell")
