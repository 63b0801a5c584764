"""The one way to get a Neo4j driver: connect, verify, and turn failures into one clear line.

Every message names the URI (with any user:password part removed) and what to
do next; none carries the password, so a message can be printed as it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from urllib.parse import urlsplit, urlunsplit

import neo4j
from neo4j import GraphDatabase, RoutingControl
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConfigurationError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from corpgraph.errors import ConfigError, DatabaseError
from corpgraph.settings import Settings

# Long enough for a busy 2-core machine, short enough that a wrong host
# fails while the user is still looking at the terminal.
CONNECTION_TIMEOUT_S = 10.0

START_HINT = "Start it with `kg neo4j start`, or set NEO4J_URI to a running server"


class Neo4jUnreachable(DatabaseError):
    """Nothing answers at the URI yet (or the database is still starting): worth a retry."""


def display_uri(uri: str) -> str:
    """The URI without a ``user:password@`` part, safe to show and log."""
    try:
        parts = urlsplit(uri)
    except ValueError:
        return "<unparseable NEO4J_URI>"
    if parts.hostname is None or "@" not in parts.netloc:
        return uri
    host = parts.hostname if parts.port is None else f"{parts.hostname}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


@contextmanager
def translate_errors(settings: Settings, uri: str | None = None) -> Iterator[None]:
    """Turn the driver's exceptions into a one-line :class:`DatabaseError` naming the URI.

    Wrap any work with the driver in it; the loader and the reports can use it too.
    """
    where = display_uri(uri or settings.bolt_uri)
    try:
        yield
    except AuthError as error:
        if "too many times" in (error.message or ""):
            raise DatabaseError(
                f"Neo4j at {where} locked user {settings.neo4j_user!r} after repeated wrong passwords: "
                "wait a few seconds, then check NEO4J_PASSWORD in the environment or .env"
            ) from None
        raise DatabaseError(
            f"Neo4j at {where} refused the credentials of user {settings.neo4j_user!r}: "
            "check NEO4J_USER and NEO4J_PASSWORD in the environment or .env"
        ) from None
    except (ServiceUnavailable, SessionExpired):
        raise Neo4jUnreachable(f"cannot reach Neo4j at {where}: is it running? {START_HINT}") from None
    except TransientError as error:
        if error.code and error.code.endswith("DatabaseUnavailable"):
            raise Neo4jUnreachable(f"Neo4j at {where} is still starting its database: try again in a few seconds") from None
        raise DatabaseError(f"Neo4j at {where} failed for now ({error.code}): try again") from None
    except ClientError as error:
        if error.code and error.code.endswith("DatabaseNotFound"):
            raise DatabaseError(
                f"Neo4j at {where} has no database {settings.neo4j_database!r}: "
                "check NEO4J_DATABASE (Community edition has only 'neo4j')"
            ) from None
        raise DatabaseError(f"Neo4j at {where} rejected a query: {error.code}: {_first_line(error.message)}") from None
    except Neo4jError as error:
        raise DatabaseError(f"Neo4j at {where} failed: {error.code}: {_first_line(error.message)}") from None
    except DriverError as error:
        raise DatabaseError(f"the Neo4j driver failed talking to {where}: {_first_line(str(error))}") from None


def _first_line(text: str | None) -> str:
    lines = (text or "").strip().splitlines()
    return lines[0] if lines else "no message"


def open_driver(settings: Settings, uri: str | None = None) -> neo4j.Driver:
    """A connected driver for ``uri`` (default: ``settings.bolt_uri``), checked with one query.

    The caller closes it (``with open_driver(settings) as driver: ...``).
    Raises :class:`ConfigError` without a password or with a malformed URI,
    and :class:`DatabaseError` when the server is unreachable, refuses the
    credentials or lacks the configured database.
    """
    target = uri or settings.bolt_uri
    if not settings.neo4j_password:
        raise ConfigError(
            f"no password for Neo4j at {display_uri(target)}: set NEO4J_PASSWORD in the environment or .env "
            "(`kg neo4j start` creates one for a local server)"
        )
    try:
        driver = GraphDatabase.driver(
            target,
            auth=(settings.neo4j_user, settings.neo4j_password),
            connection_timeout=CONNECTION_TIMEOUT_S,
            # Managed transactions (execute_read/execute_write) retry transient
            # failures, a server restart included, with exponential backoff.
            max_transaction_retry_time=float(settings.retry_seconds),
            # The server's query hints ("unknown property key" on a fresh
            # graph) are for developers, not for a user's terminal.
            notifications_min_severity="OFF",
        )
    except (ConfigurationError, ValueError):
        raise ConfigError(
            f"NEO4J_URI {display_uri(target)!r} is not a Neo4j URI: use bolt://HOST:7687 or neo4j://HOST:7687"
        ) from None
    try:
        with translate_errors(settings, target):
            driver.verify_connectivity()
            # Connectivity alone does not prove the database exists.
            driver.execute_query("RETURN 1", database_=settings.neo4j_database, routing_=RoutingControl.READ)
    except BaseException:
        driver.close()
        raise
    return driver


@contextmanager
def session(settings: Settings, **session_config: object) -> Iterator[neo4j.Session]:
    """A session on the configured database; the driver closes with it."""
    with open_driver(settings) as driver, driver.session(database=settings.neo4j_database, **session_config) as s:
        with translate_errors(settings):
            yield s


def server_info(driver: neo4j.Driver) -> tuple[str, str]:
    """``(version, edition)`` as the server reports them, e.g. ``("5.26.19", "community")``."""
    query = resources.files("graph").joinpath("server_info.cypher").read_text(encoding="utf-8")
    records, _, _ = driver.execute_query(query, routing_=RoutingControl.READ)
    if not records:
        raise DatabaseError("Neo4j did not report its version (dbms.components returned nothing)")
    return str(records[0]["version"]), str(records[0]["edition"])
