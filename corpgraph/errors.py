"""One root exception; every message says what went wrong, where, and what to do.

The CLI maps a CorpgraphError to one line on stderr and a non-zero exit;
anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class CorpgraphError(Exception):
    """Root of every expected failure. ``exit_code`` is what the CLI exits with."""

    exit_code = 1


class ConfigError(CorpgraphError):
    """A setting is missing or malformed (environment, .env, command line)."""

    exit_code = 2


class InputError(CorpgraphError):
    """An input file or folder cannot be read or parsed; the message names it."""

    exit_code = 2


class ModelError(CorpgraphError):
    """The spaCy pipeline cannot be loaded."""

    exit_code = 3


class DatabaseError(CorpgraphError):
    """Neo4j is unreachable, refused the credentials, or failed a query."""

    exit_code = 4


class ServerError(CorpgraphError):
    """The local Neo4j server could not be assembled, started or stopped."""

    exit_code = 5


class WorkspaceError(CorpgraphError):
    """The run's working store on disk cannot be created or written (full disk, no permission)."""

    exit_code = 1


class ReportError(CorpgraphError):
    """A report is unknown, or its parameters are wrong."""

    exit_code = 2
