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
