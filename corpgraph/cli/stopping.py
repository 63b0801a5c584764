"""Stopping a run from outside: Ctrl-C (SIGINT) or SIGTERM (``kill``, a
service manager, ``timeout``).

Python turns Ctrl-C into KeyboardInterrupt, so every ``with`` and ``finally``
runs: transactions roll back, the run's working folder goes. SIGTERM would
kill the process outright and leave a ``corpgraph-*`` folder behind, so it is
turned into :class:`Terminated`, a KeyboardInterrupt, and takes the same path.
The exit code tells them apart: 128 + the signal's number, as shells do.

An exception raised wherever the main thread happens to be can land inside a
library holding a lock of its own (such as the Neo4j driver's pool), and the
unwinding may then wait for ever: once in CI, a `kg load` never ended after
SIGTERM (not reproduced since). So every stop also starts a watchdog: a run
still winding down :data:`STOP_GRACE_SECONDS` after the stop says so in one
line and exits with the stop's code. What was committed stays committed (every transaction is
atomic); the next run finishes the job.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from typing import Callable, Iterator

import typer

from corpgraph.cli.common import err_console


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the main thread was."""


# How long a stopped run may take to wind down before the watchdog ends it.
STOP_GRACE_SECONDS = 30.0

_watchdog: threading.Timer | None = None


def stop_on_sigterm() -> None:
    """Make SIGTERM unwind like Ctrl-C, and either stop start the watchdog. Only
    the main thread can own a handler; elsewhere (a host embedding the CLI)
    the defaults stay."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminate)
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not where Ctrl-C is ignored (nohup ... &)
            signal.signal(signal.SIGINT, _interrupt)


def _terminate(signum, frame) -> None:
    _watch(Terminated())
    raise Terminated()


def _interrupt(signum, frame) -> None:
    _watch(KeyboardInterrupt())
    raise KeyboardInterrupt()


def _watch(stop: KeyboardInterrupt) -> None:
    """Start the watchdog of a stop (once: a second Ctrl-C does not restart it)."""
    global _watchdog
    if _watchdog is None:
        _watchdog = threading.Timer(STOP_GRACE_SECONDS, _force_exit, args=(stop,))
        _watchdog.daemon = True
        _watchdog.start()


def _force_exit(stop: KeyboardInterrupt) -> None:
    sys.stderr.write(
        f"{verb(stop)}: the run did not wind down within {STOP_GRACE_SECONDS:g} s of the stop and was ended; "
        "what was committed stays, run the same command again to finish\n"
    )
    sys.stderr.flush()
    os._exit(exit_code(stop))


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
