"""Reports: p50/p95 latency of every report, and whether its plan seeks indexes, on a big graph.

Runs on the graph bench/loading.py leaves behind (the synthetic fact set:
by default 100k people, 20k organisations, 500k facts). Each report runs
through :func:`graph.reports.run_report` (what `kg report` calls: a read
transaction, rows converted to plain values) with:

* ``all``: its defaults (for most reports, the whole graph, up to ``limit``);
* ``typical``: every entity parameter set to an entity of median degree;
* ``hub``: every entity parameter set to the best-connected entity of its kind.

Parameters are chosen from the graph itself, before any timing. Each
parameterised variant is also run once with ``PROFILE``: the plan's
operators show whether a name lookup is an index seek (the ``entity_keys``
full-text index, a range index seek) or a scan of a large label.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from dataclasses import asdict, dataclass
from typing import Any, Callable

import neo4j

from bench.common import OUT_DIR, env_int, md_table, median, percentile, verdict

P95_TARGET_MS = 300.0
# Operators that read every node of the graph, of a label, or every relationship of a type.
SCANS = ("AllNodesScan", "NodeByLabelScan", "UnionNodeByLabelsScan", "IntersectionNodeByLabelsScan",
         "DirectedAllRelationshipsScan", "UndirectedAllRelationshipsScan", "DirectedRelationshipTypeScan",
         "UndirectedRelationshipTypeScan")
SEEKS = ("NodeIndexSeek", "NodeUniqueIndexSeek", "NodeIndexContainsScan", "NodeIndexEndsWithScan",
         "MultiNodeIndexSeek", "DirectedRelationshipIndexSeek", "UndirectedRelationshipIndexSeek",
         "NodeIndexSeekByRange", "NodeUniqueIndexSeekByRange")
# A label is large when it holds more nodes than this (Document, Person, Organization, Product here).
LARGE_LABEL = 1_000


@dataclass(frozen=True)
class ReportsConfig:
    runs: int = 20
    warmup: int = 2
    # A variant slower than this on its first run runs fewer times (its p95 is then over fewer samples).
    slow_seconds: float = 2.0
    slow_runs: int = 3
    # A run still going after this long is terminated on the server and the variant recorded as timed out.
    timeout_seconds: float = 60.0

    @classmethod
    def from_env(cls) -> "ReportsConfig":
        return cls(runs=env_int("BENCH_REPORT_RUNS", cls.runs), warmup=env_int("BENCH_REPORT_WARMUP", cls.warmup),
                   timeout_seconds=env_int("BENCH_REPORT_TIMEOUT", int(cls.timeout_seconds)))


class TimedOut(Exception):
    """The watchdog terminated the report's transaction."""


class Watchdog:
    """Terminates, after ``timeout`` seconds, the server transactions running a report's query.

    Neo4j Community cannot set a transaction timeout at run time and
    run_report takes none, so the benchmark ends runaway reports itself with
    TERMINATE TRANSACTION (its own server; nobody else's queries run there).
    """

    def __init__(self, driver: neo4j.Driver, marker: str, timeout: float, database: str) -> None:
        self.driver, self.marker, self.timeout, self.database = driver, marker, timeout, database
        self.fired = False
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        if self._done.wait(self.timeout):
            return
        self.fired = True
        records, _, _ = self.driver.execute_query(
            "SHOW TRANSACTIONS YIELD transactionId AS id, currentQuery AS query WHERE query CONTAINS $marker RETURN id",
            marker=self.marker, database_=self.database)
        ids = [r["id"] for r in records]
        if ids:
            self.driver.execute_query("TERMINATE TRANSACTIONS $ids", ids=ids, database_=self.database)

    def __enter__(self) -> "Watchdog":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._thread.join()


def _guarded(driver: neo4j.Driver, report, timeout: float, database: str, work: Callable[[], Any]) -> Any:
    marker = next((line for line in report.query.splitlines() if line.startswith("// name:")), report.name)
    with Watchdog(driver, marker, timeout, database) as dog:
        try:
            return work()
        except Exception:
            if dog.fired:
                raise TimedOut(f"{report.name}: terminated after {timeout:.0f} s") from None
            raise


# ---------------------------------------------------------------------------
# Parameters from the graph


def _read(driver: neo4j.Driver, query: str, database: str, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(query, params, database_=database, routing_=neo4j.RoutingControl.READ)
    return [dict(r) for r in records]


def choose_entities(driver: neo4j.Driver, database: str = "neo4j") -> dict[str, dict[str, str]]:
    """For each kind of parameter, a ``typical`` (median degree) and a ``hub`` (highest degree) value."""
    chosen: dict[str, dict[str, str]] = {}
    for key, label, rel in (("org", "Organization", None), ("person", "Person", "MOVED"), ("product", "Product", "MAKES")):
        pattern = f"(n)-[:{rel}]-()" if rel else "(n)--()"
        rows = _read(driver, f"MATCH (n:{label}) WHERE EXISTS {{ {pattern} }} "
                             "RETURN n.name AS name, COUNT { (n)--() } AS degree ORDER BY degree, n.id", database)
        if rows:
            chosen[key] = {"typical": rows[len(rows) // 2]["name"], "hub": rows[-1]["name"],
                           "typical_degree": rows[len(rows) // 2]["degree"], "hub_degree": rows[-1]["degree"]}
    docs = _read(driver, "MATCH (d:Document) RETURN d.id AS id, COUNT { (d)--() } AS degree ORDER BY degree, d.id", database)
    if docs:
        chosen["doc"] = {"typical": docs[len(docs) // 2]["id"], "hub": docs[-1]["id"]}
    if "org" in chosen:
        stem = chosen["org"]["typical"].split()[0].lower()
        chosen["q"] = {"typical": f"{stem}~", "hub": f"{chosen['org']['hub'].split()[0].lower()}*"}
    return chosen


def variants(report, chosen: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """Parameter sets to time a report with: its defaults, and typical and hub values of its parameters."""
    out: dict[str, dict[str, str]] = {"all": {}}
    names = {p.name for p in report.params}
    for level in ("typical", "hub"):
        params: dict[str, str] = {}
        for name in names:
            if name in ("org", "name") and "org" in chosen:
                params[name] = chosen["org"][level]
            elif name in ("person", "subject", "a") and "person" in chosen:
                params[name] = chosen["person"][level]
            elif name == "b" and "org" in chosen:
                params[name] = chosen["org"][level]
            elif name == "doc" and "doc" in chosen:
                params[name] = chosen["doc"][level]
            elif name == "q" and "q" in chosen:
                params[name] = chosen["q"][level]
            elif name == "predicate":
                params[name] = "WORKS_FOR"
        if params:
            out[level] = params
    # Reports that need a parameter have no meaningful 'all'.
    if any(p.entity and not p.default and p.name in ("name", "a", "b") for p in report.params) or "q" in names:
        out.pop("all")
    return out


# ---------------------------------------------------------------------------
# Timing and plans


def time_report(driver: neo4j.Driver, report, params: dict[str, str], config: ReportsConfig, database: str
                ) -> dict[str, Any]:
    from graph.reports import run_report

    samples: list[float] = []
    rows = 0
    warmup, runs = config.warmup, config.runs
    i = 0
    while i < warmup + runs:
        started = time.perf_counter()
        try:
            result = _guarded(driver, report, config.timeout_seconds, database,
                              lambda: run_report(driver, report, params, database=database))
        except TimedOut:
            return {"runs": len(samples), "timed_out": True, "p50_ms": float("nan"), "p95_ms": float("nan"),
                    "max_ms": config.timeout_seconds * 1000, "rows": rows}
        elapsed = time.perf_counter() - started
        rows = len(result.rows)
        if i == 0 and elapsed > config.slow_seconds:
            # A slow report: one warm-up is enough, and a few runs.
            warmup, runs = 1, min(runs, config.slow_runs)
        if i >= warmup:
            samples.append(elapsed * 1000)
        i += 1
    return {"runs": len(samples), "timed_out": False, "p50_ms": median(samples), "p95_ms": percentile(samples, 95),
            "max_ms": max(samples), "rows": rows}


def _walk(plan: dict[str, Any]):
    yield plan
    for child in plan.get("children", ()):
        yield from _walk(child)


def profile_report(driver: neo4j.Driver, report, params: dict[str, str], label_sizes: dict[str, int], database: str,
                   *, explain: bool = False, timeout: float = 60.0) -> dict[str, Any]:
    """Run the report once under PROFILE (or only plan it, EXPLAIN): its scans, index seeks and db hits."""
    values = report.bind(params)
    keyword = "EXPLAIN" if explain else "PROFILE"

    def work(tx: neo4j.ManagedTransaction) -> dict[str, Any]:
        result = tx.run(f"{keyword}\n" + report.query, values)
        list(result)
        summary = result.consume()
        return (summary.plan if explain else summary.profile) or {}

    def read() -> dict[str, Any]:
        with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS,
                            notifications_min_severity="OFF") as session:
            return session.execute_read(work)

    try:
        plan = _guarded(driver, report, timeout, database, read)
    except TimedOut:
        return profile_report(driver, report, params, label_sizes, database, explain=True) if not explain else {}
    seeks, scans, fulltext = [], [], False
    db_hits = 0
    for op in _walk(plan):
        kind = str(op.get("operatorType", "")).split("@")[0]
        args = op.get("args", {}) or {}
        details = str(args.get("Details", ""))
        db_hits += int(op.get("dbHits", 0) or 0)
        if kind in SEEKS:
            seeks.append(f"{kind} {details}".strip())
        if kind == "ProcedureCall" and "fulltext.queryNodes" in details:
            fulltext = True
            seeks.append("full-text index " + details.split("(", 1)[1].split(",", 1)[0] if "(" in details else details)
        if kind in SCANS:
            rows = int(op.get("rows", 0) or 0)
            hits = int(op.get("dbHits", 0) or 0)
            large = kind in ("AllNodesScan", "DirectedAllRelationshipsScan", "UndirectedAllRelationshipsScan") or any(
                size > LARGE_LABEL and f":{label}" in details for label, size in label_sizes.items())
            scans.append({"operator": kind, "details": details, "rows": rows, "db_hits": hits, "large": large,
                          "executed": rows > 0 or hits > 0})
    return {"seeks": sorted(set(seeks)), "fulltext": fulltext, "scans": scans, "db_hits": db_hits,
            "explain_only": explain,
            "large_scan_executed": any(s["large"] and (s["executed"] or explain) for s in scans)}


def run(driver: neo4j.Driver, config: ReportsConfig, *, database: str = "neo4j",
        log: Callable[[str], None] = lambda m: None) -> dict[str, Any]:
    from graph.reports import discover_reports

    label_sizes = {r["label"]: r["n"] for r in _read(
        driver, "CALL db.labels() YIELD label CALL (label) { MATCH (n) WHERE label IN labels(n) RETURN count(n) AS n } "
                "RETURN label, n", database)}
    chosen = choose_entities(driver, database)
    log(f"reports: parameters {json.dumps(chosen)}")
    results = []
    for name, report in sorted(discover_reports().items()):
        for level, params in variants(report, chosen).items():
            log(f"reports: {name} [{level}] {params}")
            timing = time_report(driver, report, params, config, database)
            entry = {"report": name, "pack": report.pack, "variant": level, "params": params, **timing}
            log(f"  p50 {timing['p50_ms']:.0f} ms, p95 {timing['p95_ms']:.0f} ms, {timing['rows']} rows"
                + (" (timed out)" if timing["timed_out"] else ""))
            if params:
                entry["profile"] = profile_report(driver, report, params, label_sizes, database,
                                                  explain=timing["timed_out"], timeout=config.timeout_seconds)
            results.append(entry)
    return {"config": asdict(config), "label_sizes": label_sizes, "chosen": chosen, "results": results}


# ---------------------------------------------------------------------------
# Report


def _plan_cell(entry: dict[str, Any]) -> str:
    profile = entry.get("profile")
    if not profile:
        return "-"
    parts = []
    if profile["fulltext"]:
        parts.append("full-text seek")
    other = [s for s in profile["seeks"] if not s.startswith("full-text")]
    if other:
        parts.append(", ".join(sorted({s.split()[0] for s in other})))
    executed = [s for s in profile["scans"] if s["executed"]]
    if profile.get("explain_only"):
        parts.append("EXPLAIN only (PROFILE timed out)")
        executed = profile["scans"]
    for scan in executed:
        flag = "**" if scan["large"] else ""
        parts.append(f"{flag}{scan['operator']} {scan['details'].split(' ')[0]} ({scan['rows']:,} rows){flag}")
    return "; ".join(parts) or "no index, no scan"


def render(results: dict[str, Any]) -> str:
    entries = results["results"]
    chosen = results["chosen"]
    sizes = results["label_sizes"]
    out = [
        "## Report latency",
        "",
        "Graph: " + ", ".join(f"{v:,} {k}" for k, v in sorted(sizes.items())) + " (the graph the loading benchmark "
        f"left). Each variant ran {results['config']['warmup']} times untimed, then {results['config']['runs']} times "
        "timed through `graph.reports.run_report` (read transaction, rows as plain values), client-side wall time. "
        "Variants: `all` = the report's defaults; `typical` = entity parameters set to an entity of median degree "
        "(organisation " + f"{chosen.get('org', {}).get('typical', '?')!r}, {chosen.get('org', {}).get('typical_degree', '?')} "
        "relationships; person " + f"{chosen.get('person', {}).get('typical', '?')!r}); `hub` = the best-connected one "
        f"(organisation {chosen.get('org', {}).get('hub', '?')!r}, {chosen.get('org', {}).get('hub_degree', '?'):,} "
        f"relationships; person {chosen.get('person', {}).get('hub', '?')!r}). The plan column is from one PROFILE "
        "run: index seeks used, and any scan that read rows (bold when the label is large).",
        "",
    ]
    rows = []
    for entry in entries:
        if entry.get("timed_out"):
            timing = ("**timed out**", f"**> {entry['max_ms'] / 1000:.0f} s**")
        else:
            timing = (f"{entry['p50_ms']:.0f}", f"{entry['p95_ms']:.0f}")
        rows.append((entry["report"], entry["variant"], *timing, f"{entry['rows']:,}", entry["runs"], _plan_cell(entry)))
    out.append(md_table(("report", "variant", "p50 ms", "p95 ms", "rows", "runs", "plan (PROFILE)"), rows))
    parameterised = [e for e in entries if e["variant"] != "all"]
    slow = [e for e in parameterised if e.get("timed_out") or e["p95_ms"] >= P95_TARGET_MS]
    scanning = [e for e in parameterised if e.get("profile", {}).get("large_scan_executed")]
    out += [
        "",
        f"- parameterised variants with p95 < {P95_TARGET_MS:.0f} ms: {len(parameterised) - len(slow)} of "
        f"{len(parameterised)} ({verdict(not slow)})"
        + ("; over: " + ", ".join(f"{e['report']} [{e['variant']}] "
                                   + ("timed out" if e.get("timed_out") else f"{e['p95_ms']:.0f} ms") for e in slow)
           if slow else ""),
        f"- parameterised variants whose plan scanned a large label: {len(scanning)}"
        + (" (" + ", ".join(f"{e['report']} [{e['variant']}]" for e in scanning) + ")" if scanning else "")
        + f" ({verdict(not scanning)}: name lookups by index)",
    ]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Time the reports on the bench server as it is (run bench.loading first, or use bench.run)."""
    from bench.database import bench_server

    log = lambda m: sys.stderr.write(m + "\n")  # noqa: E731
    with bench_server(fresh=False, progress=log) as (settings, driver, _version):
        results = run(driver, ReportsConfig.from_env(), database=settings.neo4j_database, log=log)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / "reports.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    sys.stdout.write(render(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
