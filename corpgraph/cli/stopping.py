"""Stopping a run from outside: Ctrl-C (SIGINT) or SIGTERM (``kill``, a
service manager, ``timeout``).

Python turns Ctrl-C into KeyboardInterrupt, so every ``with`` and ``finally``
runs: transactions roll back, the run's working folder goes. SIGTERM would
kill the process outright and leave a ``corpgraph-*`` folder behind, so it is
turned into :class:`Terminated`, a KeyboardInterrupt, and takes the same path.
The exit code tells them apart: 128 + the signal's number, as shells do.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from typing import Callable, Iterator

import typer

from corpgraph.cli.common import err_console


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the main thread was."""


def stop_on_sigterm() -> None:
    """Make SIGTERM unwind like Ctrl-C. Only the main thread can own a handler;
    elsewhere (a host embedding the CLI) the default stays."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminate)


def _terminate(signum, frame) -> None:
    raise Terminated()


def stop_cause(error: BaseException | None) -> KeyboardInterrupt | None:
    """The interrupt behind ``error``: the error itself, or one it was raised
    while handling (the Neo4j driver can fail closing a socket the signal cut
    mid-read, and that is still the user's stop, not a crash)."""
    seen = 0
    while error is not None and seen < 20:
        if isinstance(error, KeyboardInterrupt):
            return error
        if error.__suppress_context__:
            return None  # raised "from None": the stop, if any, was already dealt with
        error = error.__context__
        seen += 1
    return None


def exit_code(stop: KeyboardInterrupt) -> int:
    return 128 + (signal.SIGTERM if isinstance(stop, Terminated) else signal.SIGINT)


def verb(stop: KeyboardInterrupt) -> str:
    return "terminated" if isinstance(stop, Terminated) else "interrupted"


@contextlib.contextmanager
def stoppable(what_is_kept: str | Callable[[], str]) -> Iterator[None]:
    """A stop becomes one line, ``what_is_kept`` (or what it returns at that
    moment), and exit 130 (Ctrl-C) or 143 (SIGTERM); no traceback."""
    try:
        yield
    except BaseException as error:
        stop = stop_cause(error)
        if stop is None:
            raise
        said = what_is_kept() if callable(what_is_kept) else what_is_kept
        err_console.print(f"[bold red]{verb(stop)}:[/] {said}", highlight=False, soft_wrap=True)
        raise typer.Exit(exit_code(stop)) from None
