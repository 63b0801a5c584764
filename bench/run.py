"""`make bench`: every benchmark in one run, written to bench/RESULTS.md (raw numbers in bench/out/*.json).

Sections: extraction (speed, memory, recall; no database), then, on the
benchmarks' own Neo4j server (bench/database.py, started and stopped here),
loading and report latency. Sizes come from environment variables (see
bench/README.md). A run of some sections (BENCH_ONLY) keeps the others
from the previous RESULTS.md, marked with the run they came from. A section that fails is reported as failed in RESULTS.md, the others
still run, and the exit code is 1.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
import time
import traceback
from typing import Any, Callable

from bench.common import OUT_DIR, RESULTS_MD, describe_machine, load_average, md_table

SECTIONS = ("extraction", "loading", "reports")
ENV_KNOBS = (
    "BENCH_SPEED_MB", "BENCH_MEMORY_MB", "BENCH_REPEATS", "BENCH_N_PROCESS", "BENCH_BATCH_SIZE", "BENCH_PEOPLE", "BENCH_ORGANIZATIONS",
    "BENCH_PRODUCTS", "BENCH_RELATIONS", "BENCH_NAIVE_SAMPLE", "BENCH_PER_DOCUMENT_SAMPLE", "BENCH_BREAKDOWN_DOCUMENTS",
    "BENCH_FORCE_RELOAD", "BENCH_REPORT_RUNS", "KG_NEO4J_HEAP", "KG_NEO4J_PAGECACHE", "KG_BATCH_SIZE", "KG_SPACY_MODEL",
)


def _log(message: str) -> None:
    sys.stderr.write(f"[{dt.datetime.now():%H:%M:%S}] {message}\n")
    sys.stderr.flush()


def _revision() -> str:
    """The commit measured, and whether the working tree differed from it."""
    import subprocess

    from bench.common import PROJECT_DIR

    def git(*args: str) -> str:
        result = subprocess.run(["git", *args], cwd=PROJECT_DIR, capture_output=True, text=True, check=False)
        # Only trailing whitespace goes: a porcelain line starts with its status column.
        return result.stdout.rstrip() if result.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return "unknown (not a git checkout)"
    # RESULTS.md is this run's output: a partial run starts from the last one's, edited or not.
    changed = [line[3:] for line in git("status", "--porcelain", "--untracked-files=no").splitlines()
               if line[3:] != "bench/RESULTS.md"]
    return f"{commit}" + (f" with uncommitted changes to {', '.join(changed)}" if changed else " (clean)")


# The first heading each section renders: how a partial run finds the
# sections it did not run in the previous RESULTS.md, to keep them.
HEADINGS = {"extraction": "## Extraction speed", "loading": "## Loading", "reports": "## Report latency"}
CARRIED = "> Carried over from"


def _carried_over(previous: str, name: str) -> str | None:
    """Section ``name`` of the previous RESULTS.md, marked with the run it came from."""
    start = previous.find("\n" + HEADINGS[name] + "\n")
    if start < 0:
        return None
    ends = [i for i in (previous.find("\n" + h + "\n", start + 1) for h in HEADINGS.values()) if i > start]
    failed = previous.find("\n## Failed sections", start + 1)
    end = min(ends + ([failed] if failed > start else []) + [len(previous)])
    heading, _, body = previous[start + 1:end].partition("\n")
    if not body.lstrip().startswith(CARRIED):
        written = re.search(r"on (\d{4}-\d\d-\d\d \d\d:\d\d \w+)", previous)
        revision = re.search(r"\| corpgraph revision \| ([^|]+) \|", previous)
        server = re.search(r"\| Neo4j server \| ([^|]+) \|", previous)
        note = (f"{CARRIED} the run of {written.group(1) if written else 'an earlier date'} at revision "
                f"{revision.group(1).strip() if revision else 'unknown'}"
                + (f", Neo4j {server.group(1).strip()}" if server and name != "extraction" else "")
                + " (a partial `make bench`, BENCH_ONLY, did not run this section).")
        body = "\n" + note + "\n" + body
    return heading + "\n" + body.rstrip("\n") + "\n"


def _section(name: str, work: Callable[[], Any], failures: dict[str, str]) -> Any:
    try:
        return work()
    except Exception as error:  # one broken section must not lose the others' numbers
        failures[name] = f"{type(error).__name__}: {error}"
        _log(f"{name} failed:\n{traceback.format_exc()}")
        return None


def main() -> int:
    from bench import extraction, loading, reports
    from bench.database import bench_server

    wanted = [s.strip() for s in os.environ.get("BENCH_ONLY", ",".join(SECTIONS)).split(",") if s.strip()]
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    started_at = dt.datetime.now().astimezone()
    load_before = load_average()
    machine = describe_machine()
    revision = _revision()
    failures: dict[str, str] = {}
    results: dict[str, Any] = {}

    if "extraction" in wanted:
        config = extraction.ExtractionConfig.from_env()
        results["extraction"] = _section("extraction", lambda: extraction.run(config, log=_log), failures)

    neo4j_version = "not run"
    settings_note = ""
    if "loading" in wanted or "reports" in wanted:
        loading_config = loading.LoadingConfig.from_env()

        def database_sections() -> None:
            nonlocal neo4j_version, settings_note
            _log(f"loading: building {loading_config.relations:,} synthetic facts")
            facts = loading.build_facts(loading_config)
            with bench_server(progress=_log) as (settings, driver, version):
                neo4j_version = version
                settings_note = (f"heap {settings.heap_size}, page cache {settings.pagecache_size}, "
                                 f"loader batch size {settings.batch_size}, {settings.writers} writers")
                if "loading" in wanted:
                    results["loading"] = _section("loading", lambda: loading.run(
                        driver, facts, loading_config, database=settings.neo4j_database,
                        batch_size=settings.batch_size, writers=settings.writers, log=_log), failures)
                else:
                    from graph.loader import load_facts
                    from graph.schema import ensure_schema

                    ensure_schema(driver, database=settings.neo4j_database)
                    load_facts(driver, facts, database=settings.neo4j_database, batch_size=settings.batch_size,
                               writers=settings.writers)
                del facts
                if "reports" in wanted:
                    results["reports"] = _section("reports", lambda: reports.run(
                        driver, reports.ReportsConfig.from_env(), database=settings.neo4j_database, log=_log), failures)

        _section("database", database_sections, failures)

    seconds = time.perf_counter() - started
    (OUT_DIR / "results.json").write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    knobs = {k: os.environ[k] for k in ENV_KNOBS if os.environ.get(k)}
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (`python -m bench.run`) on {started_at:%Y-%m-%d %H:%M %Z}; the whole run took "
        f"{seconds / 60:.1f} minutes. Timings are wall-clock and noisy: compare rows within this file, not across "
        "machines or runs. How to run, and what each number means: bench/README.md.",
        "",
        "## Machine",
        "",
        md_table(("", ""), machine.rows() + [
            ("Neo4j server", f"{neo4j_version} (local launcher, {settings_note})" if settings_note else neo4j_version),
            ("corpgraph revision", revision),
            ("Load average (1/5/15 min) at start / end", f"{load_before} / {load_average()}"),
            ("Settings from the environment", ", ".join(f"{k}={v}" for k, v in knobs.items()) or "defaults"),
        ]),
        "",
        "The machine is shared: other processes (other people's servers and tests) ran during the benchmark, "
        "as the load average shows.",
        "",
    ]
    renderers = {"extraction": extraction.render, "loading": loading.render, "reports": reports.render}
    previous = RESULTS_MD.read_text(encoding="utf-8") if RESULTS_MD.exists() else ""
    for name in SECTIONS:
        if results.get(name):
            lines.append(renderers[name](results[name]))
        elif name not in wanted and (kept := _carried_over(previous, name)):
            lines.append(kept)
    if failures:
        lines += ["## Failed sections", ""]
        lines += [f"- {name}: `{message}`" for name, message in failures.items()]
        lines.append("")
    RESULTS_MD.write_text("\n".join(lines), encoding="utf-8")
    _log(f"wrote {RESULTS_MD} in {seconds / 60:.1f} minutes")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
