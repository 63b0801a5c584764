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
