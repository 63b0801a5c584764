"""Constraints and indexes, created before the first load (``queries/schema.cypher``)."""

from __future__ import annotations

import neo4j

from graph.statements import database_errors, read_query, split_statements

# Names given in schema.cypher, so that tests and `kg neo4j status` can check them.
CONSTRAINTS = ("person_id", "organization_id", "product_id", "document_id")
INDEXES = (
    "person_name",
    "organization_name",
    "product_name",
    "entity_keys",
    "entity_names",
    "talent_flow_person",
)
KEYS_INDEX = "entity_keys"
NAMES_INDEX = "entity_names"


def schema_statements() -> list[str]:
    """The schema commands, in order."""
    return split_statements(read_query("schema"))


def ensure_schema(driver: neo4j.Driver, *, database: str = "neo4j", timeout: int = 300) -> None:
    """Create what is missing and wait until every index is online.

    Schema commands cannot share a transaction with writes, so each runs in
    its own auto-commit transaction; all are ``IF NOT EXISTS``.
    """
    with database_errors("creating the graph schema"), driver.session(database=database) as session:
        for statement in schema_statements():
            session.run(statement).consume()
        session.run("CALL db.awaitIndexes($timeout)", timeout=timeout).consume()


def schema_names(driver: neo4j.Driver, *, database: str = "neo4j") -> set[str]:
    """Names of the constraints and indexes that exist now."""
    with database_errors("reading the graph schema"), driver.session(database=database) as session:
        names = {record["name"] for record in session.run("SHOW CONSTRAINTS YIELD name")}
        names |= {record["name"] for record in session.run("SHOW INDEXES YIELD name")}
    return names
