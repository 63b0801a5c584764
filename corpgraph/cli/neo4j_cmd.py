"""`kg neo4j start|stop|status`."""

from __future__ import annotations

import typer

app = typer.Typer(help="Start, stop and inspect the Neo4j server that corpgraph uses.", no_args_is_help=True)
