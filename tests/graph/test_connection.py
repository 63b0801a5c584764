"""graph.connection against the real server: reads, writes, and failures as one clear line."""

from __future__ import annotations

import socket
from dataclasses import replace

import neo4j
import pytest

from corpgraph.errors import ConfigError, DatabaseError
from corpgraph.settings import Settings
from graph.connection import Neo4jUnreachable, display_uri, open_driver, server_info, session


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _assert_one_safe_line(message: str, uri: str, password: str) -> None:
    assert "\n" not in message
    assert uri in message
    assert password not in message


def test_write_and_read_through_bolt(neo4j_db: neo4j.Driver, neo4j_settings: Settings) -> None:
    neo4j_db.execute_query(
        "CREATE (:Probe {name: $name, founded: $year})",
        name="Northwind Traders", year=1994, database_=neo4j_settings.neo4j_database,
    )
    records, _, _ = neo4j_db.execute_query(
        "MATCH (p:Probe {name: $name}) RETURN p.founded AS founded",
        name="Northwind Traders", database_=neo4j_settings.neo4j_database,
    )
    assert [r["founded"] for r in records] == [1994]


def test_the_previous_test_left_no_data_behind(neo4j_db: neo4j.Driver, neo4j_settings: Settings) -> None:
    records, _, _ = neo4j_db.execute_query("MATCH (n) RETURN count(n) AS n", database_=neo4j_settings.neo4j_database)
    assert records[0]["n"] == 0


def test_session_helper_uses_the_configured_database(neo4j_db: neo4j.Driver, neo4j_settings: Settings) -> None:
    with session(neo4j_settings) as s:
        s.run("CREATE (:Probe {name: $name})", name="Contoso").consume()
        count = s.run("MATCH (p:Probe) RETURN count(p) AS n").single()["n"]
    assert count == 1


def test_server_info_reports_version_and_edition(neo4j_driver: neo4j.Driver) -> None:
    version, edition = server_info(neo4j_driver)
    assert version.startswith("5.26.")
    assert edition == "community"


def test_unreachable_server_is_one_line_naming_the_uri() -> None:
    uri = f"bolt://127.0.0.1:{_free_port()}"
    password = "not-shown-4f2a9c"
    with pytest.raises(Neo4jUnreachable) as caught:
        open_driver(Settings(neo4j_uri=uri, neo4j_password=password))
    _assert_one_safe_line(str(caught.value), uri, password)
    assert "kg neo4j start" in str(caught.value)


def test_wrong_password_is_one_line_naming_uri_and_user(neo4j_settings: Settings) -> None:
    password = "wrong-password-7d1e"
    with pytest.raises(DatabaseError, match="refused the credentials") as caught:
        open_driver(replace(neo4j_settings, neo4j_password=password))
    _assert_one_safe_line(str(caught.value), display_uri(neo4j_settings.bolt_uri), password)
    assert repr(neo4j_settings.neo4j_user) in str(caught.value)
    # A good login resets the server's count of failed attempts for this user.
    open_driver(neo4j_settings).close()


def test_missing_database_is_named(neo4j_settings: Settings) -> None:
    with pytest.raises(DatabaseError, match="no database 'archive'"):
        open_driver(replace(neo4j_settings, neo4j_database="archive"))


def test_missing_password_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="NEO4J_PASSWORD"):
        open_driver(Settings(neo4j_uri="bolt://127.0.0.1:7687"))


def test_a_web_address_is_not_a_neo4j_uri() -> None:
    with pytest.raises(ConfigError, match="bolt://"):
        open_driver(Settings(neo4j_uri="http://127.0.0.1:7474", neo4j_password="x-12345678"))


@pytest.mark.parametrize(
    ("uri", "shown"),
    [
        ("bolt://analyst:hunter2-pw@db.example:7687", "bolt://db.example:7687"),
        ("neo4j+s://db.example", "neo4j+s://db.example"),
        ("bolt://127.0.0.1:7687", "bolt://127.0.0.1:7687"),
    ],
)
def test_display_uri_drops_credentials(uri: str, shown: str) -> None:
    assert display_uri(uri) == shown


@pytest.mark.parametrize("failure", [
    neo4j.exceptions.Neo4jError('Illegal value for field "params"'),  # a rollback on a garbled connection
    neo4j.exceptions.ServiceUnavailable("defunct connection"),
], ids=["server error", "connection lost"])
def test_a_driver_error_while_stopping_is_the_stop_not_a_database_error(failure) -> None:
    from graph.statements import database_errors

    class Stopped(KeyboardInterrupt):
        pass

    with pytest.raises(Stopped):
        with database_errors("loading facts"):
            try:
                raise Stopped()
            except Stopped:
                raise failure
    # Without a stop behind it, the same failure is one DatabaseError line.
    with pytest.raises(DatabaseError, match="^loading facts failed: "):
        with database_errors("loading facts"):
            raise failure
