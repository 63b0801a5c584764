"""Loading: relationships/second of the project's loader against one MERGE per fact, and reloads.

On the bench server (bench/database.py), in one run:

1. baseline: the first ``naive_sample`` facts of the synthetic fact set, each
   in its own auto-commit query (``bench/queries/naive_merge.cypher``: MERGE
   both nodes, MERGE the relationship, set its qualifiers and evidence); its
   rate is extrapolated to the whole set. The database is then emptied.
2. ``kg ingest``'s way: ``load_facts(per_document=True)`` (whole documents
   per transaction, small ones together up to ``batch_size`` rows) on the
   first ``per_document_sample`` documents, and the same documents with
   ``load_document`` one transaction each; emptied after each.
3. ``kg load``'s way: ``load_facts`` on all of it (batches of ``batch_size``
   rows, one transaction per batch), timed from the FactSet in memory to the
   last commit (building the rows is part of the loader's time).
4. The same facts again, unchanged (documents with the same sha256 and the
   same facts fingerprint are skipped), and with ``force=True`` (the texts
   are not compared, the fingerprints still are: nothing is rewritten).
5. Every document re-extracted with other facts (each evidence span moved by
   one character): every document's evidence is taken out and written
   again. The node and relationship counts must not change.
6. The first load again with another number of writers (into an emptied
   database, as every load below).
7. The floor: the same graph written with nothing but batched CREATEs
   (``bench/queries/floor_*.cypher``: no MERGE, no lookup of what exists, no
   locks for concurrent loads), in the loader's own rows and transaction
   sizes, after a warm-up of its own: what the graph itself costs to write
   in batched Cypher on this server, with nothing checked or locked.
8. The first load again with the configured writers, right after the floor,
   on an equally warm server: the two compare.

The graph left behind is the loader's: the one bench/reports.py measures.
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, Callable

import neo4j

from bench.common import OUT_DIR, RssSampler, Stopwatch, env_int, fmt_int, fmt_mb, md_table, verdict
from corpgraph.settings import DEFAULT_WRITERS
from extract.model import FactSet, Relation
from extract.ontology import ENTITY_TYPES, PREDICATES

SPEEDUP_TARGET = 20
WARM_UP_FACTS = 300
WARM_UP_DOCUMENTS = 40
RATE_TARGET = 10_000
QUERIES = Path(__file__).with_name("queries")
NAIVE_QUERY = QUERIES / "naive_merge.cypher"


@dataclass(frozen=True)
class LoadingConfig:
    people: int = 100_000
    organizations: int = 20_000
    products: int = 10_000
    relations: int = 500_000
    naive_sample: int = 2_000
    per_document_sample: int = 100
    breakdown_documents: int = 2_000
    force_reload: bool = True
    replace_reload: bool = True
    other_writers: int = 0  # 0: 1 if the configured count is more, else 2
    floor: bool = True
    seed: int = 20240822

    @classmethod
    def from_env(cls) -> "LoadingConfig":
        return cls(
            people=env_int("BENCH_PEOPLE", cls.people),
            organizations=env_int("BENCH_ORGANIZATIONS", cls.organizations),
            products=env_int("BENCH_PRODUCTS", cls.products),
            relations=env_int("BENCH_RELATIONS", cls.relations),
            naive_sample=env_int("BENCH_NAIVE_SAMPLE", cls.naive_sample),
            per_document_sample=env_int("BENCH_PER_DOCUMENT_SAMPLE", cls.per_document_sample),
            breakdown_documents=env_int("BENCH_BREAKDOWN_DOCUMENTS", cls.breakdown_documents),
            force_reload=bool(env_int("BENCH_FORCE_RELOAD", 1)),
            replace_reload=bool(env_int("BENCH_REPLACE_RELOAD", 1)),
            other_writers=env_int("BENCH_OTHER_WRITERS", cls.other_writers),
            floor=bool(env_int("BENCH_FLOOR", 1)),
        )


def reextracted(facts: FactSet) -> FactSet:
    """The same documents as a new extractor might see them: every evidence span one
    character later, so every document's facts fingerprint changes while the facts
    (and so the graph's counts) stay the same."""
    return replace(facts, relations=tuple(
        replace(r, evidence=tuple(replace(e, start=e.start + 1, end=e.end + 1) for e in r.evidence))
        for r in facts.relations))


def build_facts(config: LoadingConfig) -> FactSet:
    from bench.synth import synthetic_factset

    return synthetic_factset(people=config.people, organizations=config.organizations, products=config.products,
                             relations=config.relations, seed=config.seed)


# ---------------------------------------------------------------------------
# The baseline


def naive_query(predicate: str, subject_label: str, object_label: str) -> str:
    """The baseline query for one (predicate, label, label); tokens only from the ontology's allow-list."""
    if predicate not in PREDICATES or subject_label not in ENTITY_TYPES or object_label not in ENTITY_TYPES:
        raise ValueError(f"not in the ontology: {predicate} {subject_label} {object_label}")
    identity = "{`from`: $from}" if predicate == "MOVED" else ""
    text = NAIVE_QUERY.read_text(encoding="utf-8")
    for token, value in (("SUBJECT_LABEL", subject_label), ("OBJECT_LABEL", object_label), ("PREDICATE", predicate),
                         ("IDENTITY", identity)):
        text = text.replace(f"__{token}__", value)
    return text


def naive_load(driver: neo4j.Driver, facts: FactSet, relations: list[Relation], database: str = "neo4j") -> float:
    """Load ``relations`` one auto-commit query each; returns the seconds taken."""
    entities = {e.id: e for e in facts.entities}
    queries: dict[tuple[str, str, str], str] = {}
    with driver.session(database=database) as session, Stopwatch() as timer:
        for relation in relations:
            subject, obj = entities[relation.subject], entities[relation.object]
            key = (relation.predicate, subject.type, obj.type)
            if key not in queries:
                queries[key] = naive_query(*key)
            qualifiers = {k: v for k, v in relation.qualifiers.items() if k != "from"}
            session.run(
                queries[key],
                subject=subject.id, subject_name=subject.name, object=obj.id, object_name=obj.name,
                qualifiers=qualifiers, confidence=relation.confidence, **{"from": relation.qualifiers.get("from")},
                sentences=[e.sentence for e in relation.evidence], docs=[e.doc for e in relation.evidence],
                starts=[e.start for e in relation.evidence], ends=[e.end for e in relation.evidence],
            ).consume()
    return timer.seconds


# ---------------------------------------------------------------------------
# The floor


def floor_query(name: str, **tokens: str) -> str:
    """``bench/queries/floor_<name>.cypher`` with its tokens filled; values only from the ontology's allow-list."""
    from graph.statements import RELATION_IDENTITY

    allowed = {"LABEL": ENTITY_TYPES, "SUBJECT_LABEL": ENTITY_TYPES, "OBJECT_LABEL": ENTITY_TYPES,
               "PREDICATE": PREDICATES, "IDENTITY": {"", *RELATION_IDENTITY.values()}}
    text = (QUERIES / f"floor_{name}.cypher").read_text(encoding="utf-8")
    for token, value in tokens.items():
        if value not in allowed[token]:
            raise ValueError(f"not in the ontology: {token}={value!r}")
        text = text.replace(f"__{token}__", value)
    return text


def floor_load(driver: neo4j.Driver, facts: FactSet, *, database: str = "neo4j", batch_size: int = 1000) -> float:
    """Write the loader's graph of ``facts`` with plain CREATEs into an empty database; the seconds taken.

    Timed like ``load_facts``: from the FactSet in memory (the loader's own
    rows, built with Python's cycle collector paused as it does), in its
    transactions of about ``batch_size`` rows (``graph.loader._transactions``).
    """
    from graph import loader
    from graph.statements import RELATION_IDENTITY, Batch

    paused = getattr(loader, "_collector_paused", lambda: contextlib.nullcontext())
    with paused(), Stopwatch() as timer:
        rows = loader.Rows.of(facts, loader.FactIndex(facts))
        steps = [(floor_query("documents"), rows.documents)]
        steps += [(floor_query("nodes", LABEL=label), items) for label, items in sorted(rows.entities.items())]
        steps += [(floor_query("mentions", LABEL=label), items) for label, items in sorted(rows.mentions.items())]
        steps += [(floor_query("moves") if p == "MOVED" else
                   floor_query("relations", PREDICATE=p, SUBJECT_LABEL=s, OBJECT_LABEL=o,
                               IDENTITY=RELATION_IDENTITY.get(p, "")), items)
                  for (p, s, o), items in sorted(rows.relations.items())]
        # The loader's own packing: the same transactions as load_facts would commit.
        transactions = loader._transactions([(query, items, None) for query, items in steps], batch_size)

        def write(tx: neo4j.ManagedTransaction, work: list[tuple[str, list[dict[str, Any]], None]]) -> None:
            for query, chunk, _ in work:
                tx.run(query, rows=Batch(chunk)).consume()

        with driver.session(database=database) as session:
            for work in transactions:
                session.execute_write(write, work)
    return timer.seconds


# ---------------------------------------------------------------------------
# Where the loader's time goes


def step_breakdown(driver: neo4j.Driver, facts: FactSet, *, database: str = "neo4j", batch_size: int = 1000
                   ) -> dict[str, Any]:
    """Seconds per loader query over ``facts``, replaying the steps of ``load_facts`` one batch at a time.

    This reaches into graph/loader.py's private step list (``Rows``, ``_Steps``,
    ``_run_step``, ``_collector_paused``) to name the query that costs most; when those change shape
    the breakdown is skipped, never the benchmark.
    """
    try:
        from graph import loader

        # As load_facts builds them: with Python's cycle collector paused.
        paused = getattr(loader, "_collector_paused", lambda: contextlib.nullcontext())
        with paused():
            rows_started = time.perf_counter()
            index = loader.FactIndex(facts)
            rows = loader.Rows.of(facts, index)
            steps = loader._Steps(rows)
            rows_seconds = time.perf_counter() - rows_started
        plan = steps.before() + steps.body() + steps.after()
    except (AttributeError, TypeError) as error:
        return {"skipped": f"graph.loader internals changed: {error}"}
    seconds: dict[str, float] = {"building rows in Python (FactIndex, Rows)": rows_seconds}
    counts: dict[str, int] = {}
    # The loader's own chunking where it has one (rows weighted by what they carry).
    chunks = getattr(loader, "_chunks", loader.batched)
    weight = getattr(loader, "row_weight", lambda row: 1)
    with driver.session(database=database) as session:
        for query, items, counter in plan:
            label = _query_label(query)
            for chunk in chunks(items, batch_size):
                started = time.perf_counter()
                session.execute_write(lambda tx: loader._run_step(tx, query, chunk, counter, loader.LoadSummary()))
                seconds[label] = seconds.get(label, 0.0) + time.perf_counter() - started
                counts[label] = counts.get(label, 0) + sum(weight(row) for row in chunk)
    return {"facts": len(facts.relations), "seconds": seconds, "rows": counts}


def _query_label(query: str) -> str:
    """A short name for a loader query: what it MERGEs (``Person nodes``, ``WORKS_FOR Person->Organization``)."""
    code = "\n".join(line for line in query.splitlines() if not line.lstrip().startswith("//"))
    relationship = re.search(r"(?:MERGE|CREATE) \(\w+\)-\[\w*:(\w+)", code)
    if relationship:
        ends = re.findall(r"MATCH \(\w+:(\w+) \{id: (?:row|item)\.\w+\}\)", code)
        return f"{relationship.group(1)} {'->'.join(ends[:2])}".strip()
    node = re.search(r"MERGE \(\w+:(\w+) \{id", code)
    if node:
        return f"{node.group(1)} nodes"
    if "sha256 = row.sha256" in code:
        return "Document sha256 (finish)"
    return code.strip().splitlines()[0][:60]


# ---------------------------------------------------------------------------
# The benchmark


def _counts(driver: neo4j.Driver, database: str) -> dict[str, int]:
    from graph.loader import graph_counts

    return graph_counts(driver, database=database)


def run(driver: neo4j.Driver, facts: FactSet, config: LoadingConfig, *, database: str = "neo4j", batch_size: int = 1000,
        writers: int = DEFAULT_WRITERS, log: Callable[[str], None] = lambda m: None) -> dict[str, Any]:
    from bench.database import wipe
    from graph.loader import FactIndex, load_document, load_facts
    from graph.schema import ensure_schema

    ensure_schema(driver, database=database)
    results: dict[str, Any] = {"config": asdict(config), "batch_size": batch_size, "writers": writers, "facts": {
        "documents": len(facts.documents), "entities": len(facts.entities), "relations": len(facts.relations),
        "evidence": sum(len(r.evidence) for r in facts.relations)}}

    # A server just started runs its first queries several times slower (JIT,
    # query plans, page cache): both loaders get a warm-up that is not timed.
    log("loading: warm-up (not timed)")
    warm = list(facts.relations[-WARM_UP_FACTS:])
    naive_load(driver, facts, warm, database)
    wipe(driver, database)
    index = FactIndex(facts)
    load_facts(driver, index.restrict([d.id for d in facts.documents[-WARM_UP_DOCUMENTS:]], unattached=False),
               database=database, batch_size=batch_size)
    wipe(driver, database)

    sample = list(facts.relations[: config.naive_sample])
    log(f"loading: baseline, one MERGE per fact, {len(sample):,} facts")
    seconds = naive_load(driver, facts, sample, database)
    results["naive"] = {"facts": len(sample), "seconds": seconds, "rate": len(sample) / seconds,
                        "extrapolated_seconds": len(facts.relations) * seconds / len(sample)}
    wipe(driver, database)

    if config.breakdown_documents:
        part = index.restrict([d.id for d in facts.documents[: config.breakdown_documents]], unattached=True)
        log(f"loading: time per loader query on {len(part.relations):,} facts")
        results["breakdown"] = step_breakdown(driver, part, database=database, batch_size=batch_size)
        wipe(driver, database)

    if config.per_document_sample:
        docs = [d.id for d in facts.documents[: config.per_document_sample]]
        part = index.restrict(docs, unattached=False)
        log(f"loading: per document (kg ingest), {len(docs):,} documents, {len(part.relations):,} facts")
        with Stopwatch() as timer:
            summary = load_facts(driver, part, database=database, batch_size=batch_size, per_document=True)
        results["per_document"] = {"documents": len(docs), "facts": len(part.relations), "seconds": timer.seconds,
                                   "rate": len(part.relations) / timer.seconds, "summary": summary.as_dict()}
        wipe(driver, database)
        log("loading: the same documents one transaction each")
        with Stopwatch() as timer:
            for doc in docs:
                load_document(driver, index.restrict([doc], unattached=False), database=database, batch_size=batch_size)
        results["one_per_transaction"] = {"documents": len(docs), "facts": len(part.relations), "seconds": timer.seconds,
                                          "rate": len(part.relations) / timer.seconds}
        wipe(driver, database)

    log(f"loading: load_facts, {len(facts.relations):,} facts in batches of {batch_size}, {writers} writers")
    with RssSampler() as memory, Stopwatch() as timer:
        first = load_facts(driver, facts, database=database, batch_size=batch_size, writers=writers)
    counts = _counts(driver, database)
    results["load"] = {"seconds": timer.seconds, "rate": len(facts.relations) / timer.seconds,
                       "summary": first.as_dict(), "counts": counts, "client_peak_rss_kb": memory.peak}
    log(f"  {results['load']['rate']:,.0f} relationships/s")

    log("loading: the same facts again (unchanged documents are skipped)")
    with Stopwatch() as timer:
        again = load_facts(driver, facts, database=database, batch_size=batch_size)
    results["reload"] = {"seconds": timer.seconds, "summary": again.as_dict(), "counts_equal": _counts(driver, database) == counts}

    if config.force_reload:
        log("loading: the same facts again with force=True (texts not compared, facts fingerprints are)")
        with Stopwatch() as timer:
            forced = load_facts(driver, facts, database=database, batch_size=batch_size, force=True)
        after = _counts(driver, database)
        results["force_reload"] = {"seconds": timer.seconds, "rate": len(facts.relations) / timer.seconds,
                                   "summary": forced.as_dict(), "counts_equal": after == counts,
                                   "counts_after": after}
        log(f"  {results['force_reload']['seconds']:,.1f} s")

    if config.replace_reload:
        changed = reextracted(facts)
        log("loading: every document re-extracted with other facts (every document's evidence replaced)")
        with Stopwatch() as timer:
            replaced = load_facts(driver, changed, database=database, batch_size=batch_size)
        after = _counts(driver, database)
        results["replace_reload"] = {"seconds": timer.seconds, "rate": len(facts.relations) / timer.seconds,
                                     "summary": replaced.as_dict(), "counts_equal": after == counts,
                                     "counts_after": after}
        log(f"  {results['replace_reload']['seconds']:,.1f} s")

    # The first load again with another number of writers, the floor, then the
    # first load again as configured: each into an emptied database, on a server
    # warmer than for the first load, so these compare with each other.
    other_writers = config.other_writers or (1 if writers > 1 else 2)
    compare = config.other_writers >= 0 and other_writers != writers

    def timed(key: str, label: str, write: Callable[[], Any], **extra: Any) -> None:
        wipe(driver, database)
        log(label)
        with Stopwatch() as timer:
            write()
        results[key] = {**extra, "seconds": timer.seconds, "rate": len(facts.relations) / timer.seconds,
                        "counts_equal": _counts(driver, database) == counts}
        log(f"  {results[key]['rate']:,.0f} relationships/s")

    def again(key: str, count: int) -> None:
        timed(key, f"loading: the first load again with {count} writer(s)",
              lambda: load_facts(driver, facts, database=database, batch_size=batch_size, writers=count), writers=count)

    if compare:
        again("other_writers", other_writers)
    if config.floor:
        wipe(driver, database)
        # Its queries get the warm-up the loader's got.
        floor_load(driver, index.restrict([d.id for d in facts.documents[-WARM_UP_DOCUMENTS:]], unattached=False),
                   database=database, batch_size=batch_size)
        timed("floor", "loading: the floor, the same graph with plain CREATEs",
              lambda: floor_load(driver, facts, database=database, batch_size=batch_size))
    if compare:
        again("same_writers", writers)
    elif config.floor:
        # The reports bench measures the loader's graph, not the floor's.
        wipe(driver, database)
        load_facts(driver, facts, database=database, batch_size=batch_size, writers=writers)
    return results


# ---------------------------------------------------------------------------
# Report


def render(results: dict[str, Any]) -> str:
    facts, naive, load = results["facts"], results["naive"], results["load"]
    counts = load["counts"]
    rel_total = sum(v for k, v in counts.items() if k.isupper())
    nodes = {k: v for k, v in counts.items() if not k.isupper()}
    out = [
        "## Loading",
        "",
        f"Synthetic facts: {facts['relations']:,} relations ({facts['evidence']:,} evidence sentences) between "
        f"{facts['entities']:,} entities, cited by {facts['documents']:,} documents. Graph after the load: "
        + ", ".join(f"{v:,} {k}" for k, v in sorted(nodes.items()))
        + f"; {rel_total:,} relationships ("
        + ", ".join(f"{v:,} {k}" for k, v in sorted(counts.items()) if k.isupper())
        + ").",
        "",
    ]
    speedup = load["rate"] / naive["rate"]
    rows = [
        (f"one MERGE per fact, auto-commit (sample of {naive['facts']:,}, extrapolated)", fmt_int(naive["rate"]),
         f"{naive['seconds']:.1f} s for the sample; {naive['extrapolated_seconds']:,.0f} s for all", "1.0x"),
    ]
    if "per_document" in results:
        per = results["per_document"]
        rows.append((f"`load_facts(per_document=True)` (kg ingest: whole documents per transaction), {per['documents']:,} "
                     f"documents / {per['facts']:,} facts", fmt_int(per["rate"]), f"{per['seconds']:.1f} s",
                     f"{per['rate'] / naive['rate']:.1f}x"))
    if "one_per_transaction" in results:
        one = results["one_per_transaction"]
        rows.append((f"`load_document`, one transaction per document, the same {one['documents']:,} documents",
                     fmt_int(one["rate"]), f"{one['seconds']:.1f} s", f"{one['rate'] / naive['rate']:.1f}x"))
    writers = results.get("writers", 1)
    rows.append((f"`load_facts` (kg load), batches of {results['batch_size']:,}, {writers} writer{'s' if writers > 1 else ''}",
                 fmt_int(load["rate"]), f"{load['seconds']:.1f} s", f"{speedup:.1f}x"))
    for key in ("other_writers", "same_writers"):
        if key in results:
            again = results[key]
            rows.append((f"the first load again, {again['writers']} writer{'s' if again['writers'] > 1 else ''} "
                         "(`--writers`; after the reloads below, database emptied first)", fmt_int(again["rate"]),
                         f"{again['seconds']:.1f} s",
                         f"{again['rate'] / naive['rate']:.1f}x; same counts: {'yes' if again['counts_equal'] else '**no**'}"))
    floor = results.get("floor")
    if floor:
        rows.append(("the floor: the same graph with plain batched CREATEs, no idempotency, no locks "
                     "(`bench/queries/floor_*.cypher`; database emptied first, then the first load again right after it)",
                     fmt_int(floor["rate"]), f"{floor['seconds']:.1f} s",
                     f"{floor['rate'] / naive['rate']:.1f}x; same counts: {'yes' if floor['counts_equal'] else '**no**'}"))
    reload = results["reload"]
    rows.append(("reload, unchanged (documents skipped: same sha256 and facts fingerprint)",
                 fmt_int(facts["relations"] / reload["seconds"]), f"{reload['seconds']:.1f} s",
                 f"counts unchanged: {'yes' if reload['counts_equal'] else '**no**'}"))
    if "force_reload" in results:
        forced = results["force_reload"]
        rows.append(("reload with `force=True` (texts not compared; same facts fingerprints, nothing rewritten)",
                     fmt_int(forced["rate"]), f"{forced['seconds']:.1f} s",
                     f"counts unchanged: {'yes' if forced['counts_equal'] else '**no**'}"))
    if "replace_reload" in results:
        replaced = results["replace_reload"]
        rows.append((f"re-extracted facts (every document changed: {replaced['summary']['documents_changed']:,} "
                     "replaced, evidence taken out and written again)", fmt_int(replaced["rate"]),
                     f"{replaced['seconds']:.1f} s",
                     f"counts unchanged: {'yes' if replaced['counts_equal'] else '**no**'}"))
    out.append(md_table(("loader", "relationships/s", "time", "vs baseline"), rows))
    # A fact is one relationship; the loader also writes MENTIONS and TALENT_FLOW.
    written = rel_total / load["seconds"]
    out += [
        "",
        f"- loader / baseline: **{speedup:.1f}x** (target >= {SPEEDUP_TARGET}x: {verdict(speedup >= SPEEDUP_TARGET)})",
        f"- loader, fact relationships: **{load['rate']:,.0f}/s** (target >= {RATE_TARGET:,}: {verdict(load['rate'] >= RATE_TARGET)})",
        f"- loader, every relationship it writes (facts, MENTIONS, TALENT_FLOW: {rel_total:,} in "
        f"{load['seconds']:.1f} s): **{written:,.0f}/s** (target >= {RATE_TARGET:,}: {verdict(written >= RATE_TARGET)})",
        f"- unchanged reload: {reload['seconds']:.1f} s vs first load {load['seconds']:.1f} s "
        f"({verdict(reload['seconds'] <= load['seconds'])}: at least as fast)",
    ]
    if "force_reload" in results:
        forced = results["force_reload"]
        out.append(f"- forced reload of the same facts: {forced['seconds']:.1f} s vs first load {load['seconds']:.1f} s "
                   f"({verdict(forced['seconds'] <= load['seconds'])}: at least as fast)")
    if "other_writers" in results and "same_writers" in results:
        more, fewer = sorted((results["other_writers"], results["same_writers"]), key=lambda r: -r["writers"])
        out.append(f"- {more['writers']} writers vs {fewer['writers']}, both loads after the reloads: "
                   f"{fewer['seconds'] / more['seconds']:.2f}x as fast ({more['seconds']:.1f} s vs {fewer['seconds']:.1f} s; "
                   "no target)")
    if floor:
        # The load next to the floor in time (both on a server as warm), else the first one.
        near = results.get("same_writers") or load
        out.append(f"- the floor, the graph itself written with plain CREATEs: **{floor['rate']:,.0f} fact "
                   f"relationships/s**; the loader ({writers} writer{'s' if writers > 1 else ''}, "
                   f"{'the first load again' if near is not load else 'the first load'}) runs at "
                   f"{near['rate'] / floor['rate']:.2f}x its speed while keeping loads idempotent and safe together "
                   f"(target >= {RATE_TARGET:,}: {'within the floor' if floor['rate'] >= RATE_TARGET else 'above the floor'})")
    if "replace_reload" in results:
        replaced = results["replace_reload"]
        out.append(f"- replacing every document's facts (not a reload of the same facts; no target): "
                   f"{replaced['seconds']:.1f} s, {replaced['seconds'] / load['seconds']:.2f}x the first load")
    out.append(f"- loader client peak RSS (FactSet, rows, driver): {fmt_mb(load['client_peak_rss_kb'])}")
    breakdown = results.get("breakdown")
    if breakdown and "skipped" not in breakdown:
        total = sum(breakdown["seconds"].values())
        out += ["", f"Where the loader's time goes: the steps of `load_facts` replayed one query at a time on the first "
                f"{breakdown['facts']:,} facts (into an empty database), slowest first.", ""]
        rows = []
        for label, seconds in sorted(breakdown["seconds"].items(), key=lambda kv: -kv[1]):
            n = breakdown["rows"].get(label)
            rows.append((label, f"{seconds:.1f} s", f"{100 * seconds / total:.0f}%", fmt_int(n) if n else "-",
                         fmt_int(n / seconds) if n and seconds else "-"))
        out.append(md_table(("step (query)", "time", "share", "rows", "rows/s"), rows))
    elif breakdown:
        out += ["", f"(Per-query breakdown skipped: {breakdown['skipped']}.)"]
    out.append("")
    out.append("The baseline MERGEs both nodes and the relationship with its qualifiers and evidence, one query and "
               "transaction per fact, into a database holding only the sample (the easiest case for it); it writes no "
               "Document nodes, MENTIONS or TALENT_FLOW, which the loader does, and its rate is measured on the "
               "sample and extrapolated.")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    from bench.database import bench_server

    config = LoadingConfig.from_env()
    log = lambda m: sys.stderr.write(m + "\n")  # noqa: E731
    log(f"loading: building {config.relations:,} synthetic facts")
    facts = build_facts(config)
    with bench_server(progress=log) as (settings, driver, _version):
        results = run(driver, facts, config, database=settings.neo4j_database, batch_size=settings.batch_size,
                      writers=settings.writers, log=log)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / "loading.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    sys.stdout.write(render(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
