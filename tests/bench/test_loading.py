"""The loading benchmark's floor: Cypher only from the allow-list, and the very graph the loader writes."""

from __future__ import annotations

import pytest

from bench.loading import floor_load, floor_query
from bench.synth import synthetic_factset
from graph.loader import load_facts
from graph.schema import ensure_schema


def test_floor_queries_take_names_only_from_the_ontology():
    query = floor_query("relations", PREDICATE="MOVED", SUBJECT_LABEL="Person", OBJECT_LABEL="Organization",
                        IDENTITY="{`from`: row.`from`}")
    assert "CREATE (s)-[n:MOVED {`from`: row.`from`}]->(o)" in query
    assert "__" not in query
    with pytest.raises(ValueError):
        floor_query("nodes", LABEL="Person) DETACH DELETE n //")
    with pytest.raises(ValueError):
        floor_query("relations", PREDICATE="OWNS", SUBJECT_LABEL="Person", OBJECT_LABEL="Organization", IDENTITY="")


def _graph(driver, database: str) -> tuple[list, list]:
    """Every node and relationship with its properties (but the load's timestamp), in a fixed order."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n) RETURN labels(n) AS labels, [k IN keys(n) WHERE k <> 'loaded_at' | [k, n[k]]] AS props",
        database_=database)
    edges, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, [k IN keys(r) | [k, r[k]]] AS props",
        database_=database)

    def canon(rows):
        return sorted(repr(sorted((k, sorted(v) if k == "props" else v) for k, v in row.data().items())) for row in rows)
    return canon(nodes), canon(edges)


def test_the_floor_writes_the_graph_the_loader_writes(neo4j_db, neo4j_settings):
    database = neo4j_settings.neo4j_database
    facts = synthetic_factset(people=150, organizations=60, products=20, relations=600, seed=3)
    ensure_schema(neo4j_db, database=database)
    load_facts(neo4j_db, facts, database=database, batch_size=200)
    loaded = _graph(neo4j_db, database)
    neo4j_db.execute_query("MATCH (n) DETACH DELETE n", database_=database)
    floor_load(neo4j_db, facts, database=database, batch_size=200)
    floored = _graph(neo4j_db, database)
    assert len(loaded[1]) > 600  # facts, mentions and talent flows
    assert floored == loaded
