"""What every command shares: the consoles and the mapping of errors to exits."""

from __future__ import annotations

import functools
import logging
from typing import Callable, Iterable, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

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
    """Turn a CorpgraphError raised by a command into one line and its exit
    code, and a stop (Ctrl-C, SIGTERM) into one line and 130 or 143."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from corpgraph.cli.stopping import stoppable  # it prints with this module's console

        # A command that says nothing itself about being stopped (reports,
        # export, the server commands) still gets one line, not click's "Aborted!".
        with stoppable("stopped before it finished"):
            try:
                return func(*args, **kwargs)
            except CorpgraphError as error:
                raise fail(error) from None

    return wrapper  # type: ignore[return-value]


# Problems with inputs are printed one a line as they happen, up to this many,
# and listed again (up to this many) in the closing summary.
MAX_PROBLEMS_SHOWN = 20


def problem_printer() -> Callable[[object], None]:
    """A ``warn`` callback for reading inputs: one stderr line per problem, as it happens.

    A problem is a ``SourceProblem``; its ``skipped`` tells a file or line left
    out from a warning about one that was still read.
    """
    shown = 0

    def warn(problem: object) -> None:
        nonlocal shown
        shown += 1
        if shown <= MAX_PROBLEMS_SHOWN:
            label = "skipped" if getattr(problem, "skipped", True) else "warning"
            err_console.print(f"[yellow]{label}:[/] {escape(str(problem))}", highlight=False, soft_wrap=True)
        elif shown == MAX_PROBLEMS_SHOWN + 1:
            err_console.print("[yellow]more problems: see the summary at the end[/]", highlight=False)

    return warn


def print_skipped(problems: Iterable[object]) -> None:
    """The closing list of what was left out and why (stderr)."""
    skipped = [p for p in problems if getattr(p, "skipped", True)]
    if not skipped:
        return
    err_console.print(f"skipped {len(skipped)} file{'s' if len(skipped) != 1 else ''} or line{'s' if len(skipped) != 1 else ''}:", highlight=False)
    for problem in skipped[:MAX_PROBLEMS_SHOWN]:
        err_console.print(f"  {escape(str(problem))}", highlight=False, soft_wrap=True)
    if len(skipped) > MAX_PROBLEMS_SHOWN:
        err_console.print(f"  ... and {len(skipped) - MAX_PROBLEMS_SHOWN} more", highlight=False)


class _DriverNotes(logging.Handler):
    """The Neo4j driver's warnings as one line each on stderr.

    Its retry warnings carry the server's whole message (a deadlock's wait
    list runs over several lines): say what happened and when it tries again.
    """

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno < logging.WARNING:
            return
        if record.msg.startswith("Transaction failed and will be retried") and len(record.args or ()) == 2:
            delay, reason = record.args  # type: ignore[misc]
            text = f"Neo4j did not take a write ({_reason(str(reason))}); retrying in {float(delay):.1f} s"
        else:
            text = _reason(record.getMessage())
        err_console.print(f"[yellow]note:[/] {escape(text)}", highlight=False, soft_wrap=True)


def _reason(message: str) -> str:
    # "{code: Neo.TransientError.Transaction.DeadlockDetected} {message: ...}" -> the code says it.
    if message.startswith("{code: "):
        return message[len("{code: "):].split("}", 1)[0]
    if "ForsetiClient" in message:  # the lock manager's wait list: two writers crossed
        return "a deadlock with another transaction"
    first = (message.strip().splitlines() or ["no message"])[0].rstrip(":")
    return first if len(first) <= 160 else first[:157] + "..."


def install_driver_notes() -> None:
    """Route the driver's log to :class:`_DriverNotes` (once per process)."""
    driver_log = logging.getLogger("neo4j")
    if not any(isinstance(h, _DriverNotes) for h in driver_log.handlers):
        driver_log.addHandler(_DriverNotes())
        driver_log.propagate = False
