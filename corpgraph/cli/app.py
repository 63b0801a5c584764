"""The `kg` command: wiring only. Each command group lives in its own module."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from corpgraph import __version__
from corpgraph.cli import extract_cmd, graph_cmd, neo4j_cmd
from corpgraph.cli.common import install_driver_notes
from corpgraph.cli.stopping import stop_on_sigterm

app = typer.Typer(
    name="kg",
    help="corpgraph: build a knowledge graph of corporate lineage and talent flows from news text.",
    no_args_is_help=True,
    # Locals would print the Neo4j password in a traceback.
    pretty_exceptions_show_locals=False,
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"corpgraph {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        Optional[bool],
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = None,
) -> None:
    """corpgraph: news text -> spaCy facts -> Neo4j -> Cypher reports."""
    install_driver_notes()
    stop_on_sigterm()


app.add_typer(neo4j_cmd.app, name="neo4j")
extract_cmd.register(app)
graph_cmd.register(app)


def main() -> None:
    app()
