"""Ctrl-C during a load is exit 130 with one line, even when the driver fails
while the interrupt unwinds (no database needed)."""

from __future__ import annotations

import pytest
import typer

from corpgraph.cli.graph_cmd import _Committed, _interruptible


def test_an_error_raised_while_an_interrupt_unwinds_is_still_the_interrupt(capsys):
    committed = _Committed("documents")
    committed.update(3, 10)
    with pytest.raises(typer.Exit) as exit_info:
        with _interruptible(committed):
            try:
                raise KeyboardInterrupt
            except KeyboardInterrupt:
                # what the driver did in CI: closing a socket cut mid-read
                raise BufferError("Existing exports of data: object cannot be re-sized")
    assert exit_info.value.exit_code == 130
    err = capsys.readouterr().err
    assert "interrupted:" in err and "at least 3 of 10 documents committed" in err
    assert "Traceback" not in err and "BufferError" not in err


def test_other_errors_are_not_taken_for_an_interrupt():
    with pytest.raises(BufferError):
        with _interruptible(_Committed("documents")):
            raise BufferError("a real bug")


def test_sigterm_during_a_load_is_exit_143_with_one_terminated_line(capsys):
    from corpgraph.cli.stopping import Terminated

    committed = _Committed("documents")
    committed.update(1, 4)
    with pytest.raises(typer.Exit) as exit_info:
        with _interruptible(committed):
            raise Terminated()
    assert exit_info.value.exit_code == 143
    err = capsys.readouterr().err
    assert err.startswith("terminated: at least 1 of 4 documents committed")


def test_a_command_stopped_by_sigterm_says_so_once_and_exits_143(tmp_path):
    from typer.testing import CliRunner

    from corpgraph.cli.app import app
    from corpgraph.cli.common import handle_errors
    from corpgraph.cli.stopping import Terminated

    def stopped() -> None:
        raise Terminated()

    app.command("stopped-for-test")(handle_errors(stopped))
    try:
        result = CliRunner().invoke(app, ["stopped-for-test"])
    finally:
        app.registered_commands.pop()
    assert result.exit_code == 143
    assert result.output.strip() == "terminated: stopped before it finished"


def test_a_stop_already_reported_is_not_reported_twice(capsys):
    from corpgraph.cli.common import handle_errors

    committed = _Committed("documents")

    def load() -> None:
        with _interruptible(committed):
            raise KeyboardInterrupt

    with pytest.raises(typer.Exit) as exit_info:
        handle_errors(load)()
    assert exit_info.value.exit_code == 130
    assert capsys.readouterr().err.count("interrupted:") == 1


# A run whose unwinding never ends (as when the stop lands inside a library
# holding its own lock): the watchdog ends it with the stop's line and code.
_STUCK_AFTER_STOP = """
import os, signal, sys, time
import corpgraph.cli.stopping as stopping
stopping.STOP_GRACE_SECONDS = float(sys.argv[2])
stopping.stop_on_sigterm()
try:
    os.kill(os.getpid(), getattr(signal, sys.argv[1]))
    time.sleep(5)
except KeyboardInterrupt:
    pass
if sys.argv[3] == "stuck":
    while True:
        time.sleep(0.05)
sys.exit(7)
"""


@pytest.mark.parametrize("stop, code, said", [("SIGTERM", 143, "terminated"), ("SIGINT", 130, "interrupted")])
def test_a_run_that_does_not_wind_down_after_a_stop_is_ended_by_the_watchdog(stop, code, said):
    import subprocess
    import sys
    import time

    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", _STUCK_AFTER_STOP, stop, "0.5", "stuck"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == code, result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith(f"{said}: the run did not wind down within 0.5 s")
    assert "run the same command again to finish" in result.stderr
    assert time.monotonic() - started < 30


def test_a_run_that_winds_down_in_time_is_not_cut_short_by_the_watchdog():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", _STUCK_AFTER_STOP, "SIGTERM", "30", "done"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 7 and result.stderr == ""
