"""`kg neo4j start|stop|status`: thin wrappers over :mod:`graph.server`."""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated

import typer
from rich.table import Table

from corpgraph.cli.common import console, err_console, handle_errors
from corpgraph.errors import ConfigError
from corpgraph.settings import load_settings
from graph import server

app = typer.Typer(
    help="Start, stop and inspect the Neo4j server that corpgraph uses.",
    no_args_is_help=True,
    # Locals would print the Neo4j password in a traceback (also when run on its own).
    pretty_exceptions_show_locals=False,
)


class OutputFormat(str, Enum):
    table = "table"
    json = "json"


LocalOption = Annotated[
    bool,
    typer.Option("--local", help="Use the local server assembled from Maven Central into .neo4j/, whatever else is configured."),
]
DockerOption = Annotated[
    bool,
    typer.Option("--docker", help="Use docker compose with docker-compose.yml, whatever else is configured."),
]


def _prefer(local: bool, docker: bool) -> str | None:
    if local and docker:
        raise ConfigError("--local and --docker exclude each other: pass one of them")
    return "local" if local else "docker" if docker else None


def _progress(message: str) -> None:
    err_console.print(message, markup=False, highlight=False, soft_wrap=True)


@app.command()
@handle_errors
def start(
    local: LocalOption = False,
    docker: DockerOption = False,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for Bolt to answer before giving up.")] = server.START_TIMEOUT_S,
) -> None:
    """Start Neo4j (or find it running) and wait until it answers over Bolt.

    Without options: NEO4J_URI if set, else Docker if an engine answers, else
    the local server in .neo4j/ (fetched from Maven Central on the first start).
    """
    result = server.start(load_settings(), _prefer(local, docker), progress=_progress, timeout=timeout)
    state = "was already running" if result.already_running else "is running"
    info = result.status
    pid = f", pid {info.pid}" if info.pid else ""
    console.print(f"Neo4j {info.version} {info.edition} {state} ({info.backend}{pid})", highlight=False, soft_wrap=True)
    console.print(f"  Bolt:    {info.uri}", highlight=False, soft_wrap=True)
    if info.browser_url:
        console.print(f"  Browser: {info.browser_url}  (user neo4j; the password is NEO4J_PASSWORD in .env)", highlight=False, soft_wrap=True)


@app.command()
@handle_errors
def stop(local: LocalOption = False, docker: DockerOption = False) -> None:
    """Stop the Neo4j server that corpgraph started (local or Docker); its data is kept."""
    stopped = server.stop(load_settings(), _prefer(local, docker), progress=_progress)
    console.print("Neo4j stopped" if stopped else "Neo4j was not running", highlight=False, soft_wrap=True)


@app.command()
@handle_errors
def status(
    local: LocalOption = False,
    docker: DockerOption = False,
    output: Annotated[
        OutputFormat, typer.Option("--format", help="table for people, json for programs.")
    ] = OutputFormat.table,
) -> None:
    """Show the URI, server version and edition, Browser URL and which way Neo4j runs.

    Exits non-zero with one line on stderr when the server does not answer.
    """
    info = server.status(load_settings(), _prefer(local, docker))
    if output is OutputFormat.json:
        typer.echo(json.dumps(info.to_dict(), indent=2))
        return
    table = Table(show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column()
    rows = [
        ("way", info.backend),
        ("uri", info.uri),
        ("version", info.version),
        ("edition", info.edition),
        ("browser", info.browser_url or "(not known for a server corpgraph does not manage)"),
    ]
    if info.pid:
        rows += [("pid", str(info.pid)), ("home", str(info.home)), ("log", str(info.log_file))]
    for key, value in rows:
        table.add_row(key, value)
    console.print(table)
