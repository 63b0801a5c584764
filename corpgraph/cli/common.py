"""What every command shares: the consoles and the mapping of errors to exits."""

from __future__ import annotations

import functools
from typing import Callable, TypeVar

import typer
from rich.console import Console

from corpgraph.errors import CorpgraphError

# Results go to stdout; progress, warnings and errors to stderr, so that
# `kg extract ... > facts.jsonl` and `--format json` stay machine-readable.
console = Console()
err_console = Console(stderr=True)

F = TypeVar("F", bound=Callable[..., object])


def fail(error: CorpgraphError) -> typer.Exit:
    """Print one line for an expected failure and return the Exit to raise."""
    err_console.print(f"[bold red]error:[/] {error}", markup=True, highlight=False, soft_wrap=True)
    return typer.Exit(error.exit_code)


def handle_errors(func: F) -> F:
    """Turn a CorpgraphError raised by a command into one line and its exit code."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except CorpgraphError as error:
            raise fail(error) from None

    return wrapper  # type: ignore[return-value]
