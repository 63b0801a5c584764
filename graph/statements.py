"""The loader's Cypher: read from ``graph/queries/*.cypher`` and rendered safely.

Labels and relationship types cannot be query parameters, so a few queries
are templates with ``__LABEL__``-style tokens. :func:`render` fills them only
with names from the ontology's allow-list (or the fixed strings below) and
refuses anything else: input text can never become Cypher.
"""

from __future__ import annotations

import contextlib
import re
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator

from corpgraph.errors import DatabaseError
from extract.ontology import ENTITY_TYPES, PREDICATES

# The property map a relationship is MERGEd on, besides its endpoints and
# type: one MOVED fact per person, destination and origin.
RELATION_IDENTITY: dict[str, str] = {"MOVED": "{`from`: row.`from`}"}

_ALLOWED_TOKENS: dict[str, frozenset[str]] = {
    "LABEL": frozenset(ENTITY_TYPES),
    "SUBJECT_LABEL": frozenset(ENTITY_TYPES),
    "OBJECT_LABEL": frozenset(ENTITY_TYPES),
    "PREDICATE": frozenset(PREDICATES),
    "IDENTITY": frozenset(RELATION_IDENTITY.values()) | {""},
    # Fragments: the name of another query file, whose text is put in ("" for none).
    "THEN": frozenset({"", "mirror_talent_flow"}),
}
_FRAGMENTS = frozenset({"THEN"})
_TOKEN = re.compile(r"__([A-Z_]+?)__")


class Batch(list[Any]):
    """A list parameter (a batch's rows, ids) that reprs as its length.

    The driver formats every RUN's parameters for its debug log even when
    nothing logs at that level: for a batch of 5,000 fact rows that took
    longer than packing them, and a load waits for it once per query
    (about 4% of a first load). It also keeps evidence text out of debug logs.

    >>> Batch([{"id": "a"}, {"id": "b"}])
    <2 rows>
    >>> Batch([1, 2]) == [1, 2]
    True
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


@lru_cache(maxsize=None)
def read_query(name: str) -> str:
    """The text of ``graph/queries/<name>.cypher``."""
    return resources.files("graph").joinpath("queries", f"{name}.cypher").read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def render(name: str, **tokens: str) -> str:
    """Fill a template's tokens from the allow-list; anything else is a bug.

    >>> "MERGE (n:Person" in render("merge_entities", LABEL="Person")
    True
    >>> render("merge_entities", LABEL="Person) DETACH DELETE (n")
    Traceback (most recent call last):
    ...
    ValueError: template token LABEL='Person) DETACH DELETE (n' is not in the allow-list
    """
    # Comments name the tokens too: only the code is filled in (and sent).
    text = _code(read_query(name))
    for token, value in tokens.items():
        if value not in _ALLOWED_TOKENS.get(token, ()):
            raise ValueError(f"template token {token}={value!r} is not in the allow-list")
        if token in _FRAGMENTS:
            value = _code(read_query(value)).strip() if value else ""
        text = text.replace(f"__{token}__", value)
    left = _TOKEN.search(text)
    if left:
        raise ValueError(f"template {name!r}: token {left.group(0)} was not filled")
    return text


def _code(text: str) -> str:
    """A query's text without its whole-line ``//`` comments."""
    return "".join(line for line in text.splitlines(keepends=True) if not line.lstrip().startswith("//"))


def split_statements(text: str) -> list[str]:
    """Cut a script of ``;``-terminated statements into statements, dropping comments.

    >>> split_statements("// a comment\\nRETURN 1;\\nRETURN 2;")
    ['RETURN 1', 'RETURN 2']
    """
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    return [part.strip() for part in code.split(";") if part.strip()]


@contextlib.contextmanager
def database_errors(action: str) -> Iterator[None]:
    """Turn a driver failure into one DatabaseError line saying what was being done."""
    import neo4j.exceptions as errors

    try:
        yield
    except (errors.Neo4jError, errors.DriverError) as error:
        # A stop (Ctrl-C, SIGTERM) that lands while a message is half sent
        # garbles the connection, and the driver's rollback then fails
        # ("Expected MAP but got STRUCT"): that is still the user's stop.
        stop = _interrupt_behind(error)
        if stop is not None:
            raise stop from None
        raise DatabaseError(_describe(action, error)) from None


def _interrupt_behind(error: BaseException) -> KeyboardInterrupt | None:
    """The KeyboardInterrupt that ``error`` was raised while handling, if any."""
    cause = error.__context__
    for _ in range(20):
        if cause is None:
            return None
        if isinstance(cause, KeyboardInterrupt):
            return cause
        cause = cause.__context__
    return None


def _describe(action: str, error: Exception) -> str:
    import neo4j.exceptions as errors

    from graph.connection import START_HINT

    if isinstance(error, errors.Neo4jError):
        message = (error.message or str(error)).splitlines()[0]
        return f"{action} failed: {message} ({error.code})"
    if isinstance(error, (errors.ServiceUnavailable, errors.SessionExpired)):
        # Raised once the driver's retries are used up: the server went away.
        message = (str(error) or type(error).__name__).splitlines()[0].rstrip(":")
        return f"{action} failed: Neo4j stopped answering ({message}). {START_HINT}"
    message = (str(error) or type(error).__name__).splitlines()[0]
    return f"{action} failed: {message}"
