"""What every benchmark shares: where files go, sizes from the environment, memory, timing, tables."""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

PROJECT_DIR = Path(__file__).resolve().parents[1]
# Corpora, facts files and raw results; ignored by git (.gitignore: bench/out/).
OUT_DIR = PROJECT_DIR / "bench" / "out"
RESULTS_MD = PROJECT_DIR / "bench" / "RESULTS.md"


def env_float(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    return float(raw) if raw else default


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(float(raw)) if raw else default


def env_floats(name: str, default: Sequence[float]) -> list[float]:
    raw = os.environ.get(name, "").replace(",", " ").split()
    return [float(v) for v in raw] if raw else list(default)


# ---------------------------------------------------------------------------
# Memory


def _status_kb(field: str) -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def rss_kb() -> int:
    """This process's resident set size now, in KiB (Linux /proc)."""
    return _status_kb("VmRSS")


def peak_rss_kb() -> int:
    """The largest RSS of this process's own memory, in KiB.

    VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec, so a worker
    started by a big parent would report the parent's peak as its own.
    """
    return _status_kb("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def cpu_seconds() -> float:
    """User + system CPU time of this process and its waited-for children so far."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def children_peak_rss_kb() -> int:
    """The largest RSS of any waited-for child (the worker processes of n_process > 1)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


class RssSampler:
    """Samples RSS in a background thread; ``peak`` catches what ru_maxrss reports too, but per phase."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_kb())
            self._stop.wait(self.interval)

    def __enter__(self) -> "RssSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_kb())


# ---------------------------------------------------------------------------
# Timing


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (0..100) by linear interpolation, as numpy's default."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


class Stopwatch:
    def __enter__(self) -> "Stopwatch":
        self.start = time.perf_counter()
        self.seconds = 0.0
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.start


# ---------------------------------------------------------------------------
# Subprocess workers


def run_worker(module: str, args: list[str], *, timeout: float | None = None) -> dict[str, Any]:
    """Run ``python -m module args`` in a fresh process; its last stdout line is a JSON result."""
    command = [sys.executable, "-m", module, *args]
    result = subprocess.run(
        command, cwd=PROJECT_DIR, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout, check=False
    )
    if result.returncode != 0:
        tail = "\n".join(result.stderr.strip().splitlines()[-15:])
        raise RuntimeError(f"{' '.join(command[1:])} failed (exit {result.returncode}):\n{tail}")
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    return json.loads(lines[-1])


# ---------------------------------------------------------------------------
# The machine


@dataclass(frozen=True)
class Machine:
    cpus: int
    cpu_model: str
    memory_gb: float
    os: str
    python: str
    spacy: str
    spacy_model: str
    neo4j_driver: str

    def rows(self) -> list[tuple[str, str]]:
        return [
            ("CPUs (nproc)", str(self.cpus)),
            ("CPU model", self.cpu_model),
            ("Memory", f"{self.memory_gb:.1f} GB"),
            ("OS", self.os),
            ("Python", self.python),
            ("spaCy", self.spacy),
            ("spaCy model", self.spacy_model),
            ("Neo4j Python driver", self.neo4j_driver),
        ]


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gb() -> float:
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return 0.0


def load_average() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def describe_machine() -> Machine:
    import neo4j
    import spacy

    from extract.pipeline import model_candidates

    model = "not installed"
    import importlib.util

    for name in model_candidates(None):
        if importlib.util.find_spec(name.replace("-", "_")) is not None:
            try:
                from importlib.metadata import version

                model = f"{name} {version(name.replace('_', '-'))}"
            except Exception:  # the package's metadata name may differ from its module
                model = name
            break
    return Machine(
        cpus=os.cpu_count() or 0,
        cpu_model=_cpu_model(),
        memory_gb=_memory_gb(),
        os=f"{platform.system()} {platform.release()}",
        python=platform.python_version(),
        spacy=spacy.__version__,
        spacy_model=model,
        neo4j_driver=neo4j.__version__,
    )


# ---------------------------------------------------------------------------
# Markdown


def md_table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    def cell(value: Any) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(cell(h) for h in header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def fmt_int(value: float) -> str:
    return f"{value:,.0f}"


def fmt_mb(kb: float) -> str:
    return f"{kb / 1024:,.0f} MB"


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"
