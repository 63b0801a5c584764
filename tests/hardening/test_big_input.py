"""A long text file is read in bounded memory, with progress, by a real `kg extract` process.

The pipeline cuts a long text at paragraph breaks into pieces
(``extract.pipeline.CHUNK_CHARS``) and bounds a spaCy batch by characters, so
memory depends on those sizes, not on the file. The peak resident memory of the process is
watched from outside (``VmHWM``) and the process is stopped as soon as it
crosses the bound, so a regression fails fast instead of filling the machine.

The size in CI is ``KG_TEST_LONG_MB`` (default 2 MB: more pieces than one
spaCy batch holds); the issue's 50 MB file (about an hour of extraction on a
2-core machine) runs with ``KG_TEST_BIG=1``.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
import time
from pathlib import Path

import pytest

from harden import COMPANIES, FIRST_NAMES, KG, LAST_NAMES

# Measured on 2 cores: 300 KB peaks at 650 MB and 2 MB at 725 MB (pieces of
# 40,000 characters, batches of about 160,000); before batches were bounded,
# 2 MB crossed 1.5 GB and grew towards 5 GB.
pytestmark = [pytest.mark.slow, pytest.mark.model]

BOUND_MB = 1536
FILLER = (
    "The market for electric vehicles grew quickly last year, according to industry figures.",
    "Prices of raw materials have fallen since the spring, and suppliers expect a calmer quarter.",
    "Several analysts said the outlook remained uncertain because of higher interest rates.",
    "The company did not comment on the report when asked on Monday.",
    "Sales in the third quarter rose by twelve percent compared with a year earlier.",
    "The new factory is expected to open next year and employ about two thousand workers.",
)
FACTS = (
    "{p} left {a} and joined {b} in {y}.",
    "{b} hired {p}, formerly of {a}, as chief technology officer.",
    "{a} acquired {b} in {y}.",
)


def write_long_text(path: Path, size: int, seed: int = 3) -> None:
    """News-like paragraphs up to ``size`` characters: mostly filler, a fact now and then."""
    rng = random.Random(seed)
    written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < size:
            sentences = [rng.choice(FILLER) for _ in range(rng.randint(3, 6))]
            if rng.random() < 0.3:
                a, b = rng.sample(COMPANIES, 2)
                person = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
                sentences.insert(rng.randrange(len(sentences)), rng.choice(FACTS).format(p=person, a=a, b=b, y=rng.randint(2001, 2023)))
            paragraph = " ".join(sentences) + "\n\n"
            out.write(paragraph)
            written += len(paragraph)


def peak_rss_mb(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def run_watched(command: list[str], env: dict[str, str], stderr: Path, bound_mb: float, timeout: float) -> tuple[int, float, bool]:
    """Run ``command``; return (exit code, peak RSS in MB, whether it was stopped for crossing the bound)."""
    with stderr.open("w") as err:
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=err)
        peak, stopped, deadline = 0.0, False, time.monotonic() + timeout
        while process.poll() is None:
            peak = max(peak, peak_rss_mb(process.pid) or 0.0)
            if peak > bound_mb or time.monotonic() > deadline:
                stopped = True
                process.kill()
            time.sleep(0.1)
    return process.returncode, peak, stopped


@pytest.mark.parametrize(
    "megabytes",
    [
        pytest.param(float(os.environ.get("KG_TEST_LONG_MB", "2")), id="ci"),
        pytest.param(50.0, id="50mb", marks=pytest.mark.skipif(os.environ.get("KG_TEST_BIG") != "1", reason="set KG_TEST_BIG=1 (about an hour)")),
    ],
)
def test_a_long_text_is_extracted_in_bounded_memory_with_progress(tmp_path, megabytes):
    source = tmp_path / "long.txt"
    write_long_text(source, int(megabytes * 1_000_000))
    out = tmp_path / "facts.jsonl"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
    env.update(KG_PROJECT_DIR=str(tmp_path), FORCE_COLOR="1", COLUMNS="120")  # a terminal's progress bar
    code, peak, stopped = run_watched(
        KG + ["extract", str(source), "-o", str(out)], env, tmp_path / "stderr.txt", BOUND_MB, timeout=7200
    )
    assert not stopped, f"stopped at {peak:.0f} MB resident (bound {BOUND_MB} MB) for {megabytes} MB of text"
    err = (tmp_path / "stderr.txt").read_text(encoding="utf-8", errors="replace")
    assert code == 0, err[-2000:]
    assert peak < BOUND_MB
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", err)
    assert "extracting" in plain and re.search(r"\b1/[1?] documents", plain)  # the bar was drawn and counted it
    assert "1 document read (nothing skipped)" in err
    kinds = [line.split('"kind": "', 1)[1].split('"', 1)[0] for line in out.read_text(encoding="utf-8").splitlines()]
    assert kinds.count("document") == 1 and kinds.count("relation") > 10
