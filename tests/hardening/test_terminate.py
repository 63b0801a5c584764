"""`kill` (SIGTERM) in the middle of `kg extract`, as real processes: the run
stops with one line and exit 143, like Ctrl-C does with 130, its working
folder is removed, no facts file or part of one is left, and no worker
process outlives it."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from harden import KG, many_articles

pytestmark = [pytest.mark.slow, pytest.mark.model]


def _processes_naming(text: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if text in (entry / "cmdline").read_bytes().decode(errors="replace"):
                    found.append(int(entry.name))
            except OSError:
                continue  # gone meanwhile
    return found


@pytest.mark.parametrize("n_process", [1, 2])
def test_sigterm_during_extract_leaves_no_working_folder_no_facts_file_and_no_workers(tmp_path, n_process):
    folder = tmp_path / f"articles-{n_process}"
    # Two short sentences each: 6000 keep two workers busy for about half a minute,
    # so the signal lands mid-run even on a fast machine.
    many_articles(folder, 6000)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        KG + ["extract", str(folder), "-o", str(out / "facts.jsonl"), "--n-process", str(n_process), "--batch-size", "4"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 300
        # Working folder made, and the model at work: the run is well under way.
        while not any(scratch.glob("corpgraph-*/run.sqlite")) and process.poll() is None:
            assert time.monotonic() < deadline, "the run never started its workspace"
            time.sleep(0.05)
        time.sleep(4)
        assert process.poll() is None, "the run ended before it could be stopped; give it more articles"
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 143, err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith(f"terminated: {out / 'facts.jsonl'} not written")
    assert list(scratch.iterdir()) == []
    assert list(out.iterdir()) == []
    deadline = time.monotonic() + 10
    while _processes_naming(str(folder)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _processes_naming(str(folder)) == []
