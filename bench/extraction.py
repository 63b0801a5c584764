"""Extraction: words/second of `kg extract` against the bare spaCy model, memory, and recall.

Every measurement runs in a fresh process (``python -m bench.extraction
worker ...``) so that model loading, caches and memory of one run never
leak into the next:

* ``corpgraph``: :func:`corpgraph.cli.extract_cmd.run_extract`, the plain
  function behind `kg extract` (read the files, ``extract_corpus``, write the
  facts file), after the pipeline is built (model loading is timed apart);
* ``bare``: ``load_model()`` (``spacy.load`` of the same model name, none of
  corpgraph's components) and ``nlp.pipe`` over the same documents, read by
  the same ``read_documents``, with the same batch size and processes.

Words are the white-space separated words of the documents' text. Memory is
the peak RSS of the worker (and of its largest child with ``n_process`` > 1),
plus the RSS after 25/50/75/100 % of the documents: the growth while documents
stream shows what is kept per document. Recall is `kg eval` (``run_eval``) of
the facts file against the corpus's generated gold.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench.common import (
    OUT_DIR,
    RssSampler,
    Stopwatch,
    children_peak_rss_kb,
    cpu_seconds,
    env_floats,
    env_float,
    env_int,
    fmt_int,
    fmt_mb,
    md_table,
    peak_rss_kb,
    rss_kb,
    run_worker,
    verdict,
)

RATIO_TARGET = 0.6
SCALING_TARGET = 1.6
# "Flat in corpus size": the largest corpus may cost this much more memory
# than the smallest (entities keep accruing; articles and facts must not).
FLAT_MEMORY = 1.25


@dataclass(frozen=True)
class ExtractionConfig:
    """Sizes in megabytes (10**6 bytes of article text). Defaults are issue 5's sizes; bench/README.md has a quick run."""

    speed_mb: float = 0.5
    memory_mb: tuple[float, ...] = (10.0, 50.0)
    n_process: int = 2
    batch_size: int = 16
    # Each speed run is repeated (order reversed the second time) and the best kept:
    # other people's work on a shared machine only ever slows a run down.
    repeats: int = 2
    # Memory runs at the same time, one per core when there are cores enough:
    # peak memory is per process, and the 50 MB run alone takes about an hour.
    memory_parallel: bool = True
    seed: int = 20240822

    @classmethod
    def from_env(cls) -> "ExtractionConfig":
        return cls(
            speed_mb=env_float("BENCH_SPEED_MB", cls.speed_mb),
            memory_mb=tuple(env_floats("BENCH_MEMORY_MB", cls.memory_mb)),
            n_process=env_int("BENCH_N_PROCESS", cls.n_process),
            batch_size=env_int("BENCH_BATCH_SIZE", cls.batch_size),
            repeats=max(1, env_int("BENCH_REPEATS", cls.repeats)),
            memory_parallel=env_int("BENCH_MEMORY_PARALLEL", int(cls.memory_parallel)) != 0,
        )


# ---------------------------------------------------------------------------
# Worker (runs in its own process)


def _model_label(nlp) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', '?')}_{meta.get('name', '?')} {meta.get('version', '?')}"


def worker(mode: str, corpus: Path, n_process: int, batch_size: int, documents: int, facts: Path | None) -> dict[str, Any]:
    """One measured run; returns what the parent records."""
    from extract.sources import read_documents

    checkpoints = {max(1, round(documents * share)) for share in (0.25, 0.5, 0.75, 1.0)}
    samples: list[tuple[int, int]] = []
    seen = 0

    def progress(_document=None) -> None:
        nonlocal seen
        seen += 1
        if seen in checkpoints:
            samples.append((seen, rss_kb()))

    with Stopwatch() as loading:
        if mode == "corpgraph":
            from extract.pipeline import build_pipeline

            nlp = build_pipeline()
        else:
            from extract.pipeline import load_model

            nlp = load_model()
    rss_loaded = rss_kb()
    cpu_before = cpu_seconds()
    load_before = os.getloadavg()[0]
    with RssSampler() as sampler, Stopwatch() as timer:
        if mode == "corpgraph":
            from corpgraph.cli.extract_cmd import run_extract

            run = run_extract([corpus], facts, n_process=n_process, batch_size=batch_size, progress=progress)
            processed, relations = run.documents, run.relations
        else:
            texts = (document.text for document in read_documents([corpus]))
            processed = 0
            for _doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
                processed += 1
                progress()
            relations = None
    return {
        "mode": mode,
        "n_process": n_process,
        "corpus": str(corpus),
        "documents": processed,
        "relations": relations,
        "seconds": timer.seconds,
        # CPU time of this process and its workers over the timed part: with
        # n processes on a shared machine, cpu/wall shows how many cores we got.
        "cpu_seconds": cpu_seconds() - cpu_before,
        "load_average": load_before,
        "model_seconds": loading.seconds,
        "model": _model_label(nlp),
        "pipeline": list(nlp.pipe_names),
        "rss_loaded_kb": rss_loaded,
        "rss_peak_kb": max(peak_rss_kb(), sampler.peak),
        "children_peak_kb": children_peak_rss_kb(),
        "rss_by_documents": samples,
    }


# ---------------------------------------------------------------------------
# The benchmark (parent process)


@dataclass
class CorpusInfo:
    megabytes: float
    path: str
    gold: str
    articles: int
    documents: int
    words: int
    bytes: int
    core_facts: int


def prepare_corpus(megabytes: float, seed: int) -> CorpusInfo:
    """Write the corpus of this size (prefix-stable, so smaller ones are prefixes) and count its words."""
    from bench.synth import write_corpus
    from extract.sources import read_documents

    folder = OUT_DIR / f"corpus-{megabytes:g}mb"
    stats = write_corpus(folder, megabytes=megabytes, seed=seed)
    corpus = folder / "corpus.jsonl"
    documents = words = 0
    for document in read_documents([corpus]):
        documents += 1
        words += len(document.text.split())
    return CorpusInfo(megabytes, str(corpus), str(folder / "gold.jsonl"), stats.articles, documents, words, stats.bytes,
                      stats.core_facts)


def measure(mode: str, corpus: CorpusInfo, n_process: int, batch_size: int) -> dict[str, Any]:
    facts = Path(corpus.path).with_name(f"facts-{mode}-n{n_process}.jsonl")
    args = ["worker", "--mode", mode, "--corpus", corpus.path, "--n-process", str(n_process),
            "--batch-size", str(batch_size), "--documents", str(corpus.documents)]
    if mode == "corpgraph":
        args += ["--facts", str(facts)]
    result = run_worker("bench.extraction", args)
    result["words"] = corpus.words
    result["words_per_second"] = corpus.words / result["seconds"]
    result["megabytes"] = corpus.megabytes
    if mode == "corpgraph":
        result["facts"] = str(facts)
    return result


def score(corpus: CorpusInfo, facts: str) -> dict[str, Any]:
    """`kg eval` of the facts against the gold, with recall per predicate and per phrasing."""
    from corpgraph.cli.extract_cmd import run_eval
    from extract.gold import CORE, read_gold

    result = run_eval(Path(facts), Path(corpus.gold))
    gold = read_gold(corpus.gold)
    core = [r for r in gold.relations if r.tier == CORE]
    totals = Counter(r.predicate for r in core)
    missed = Counter(m.predicate for m in result.missed)
    false_positives = Counter(f.predicate for f in result.false_positives)
    from bench.synth import phrasing_of

    by_phrasing_total: Counter[str] = Counter()
    by_phrasing_missed: Counter[str] = Counter()
    for relation in core:
        by_phrasing_total[(relation.predicate, phrasing_of(relation.evidence, relation.predicate))] += 1
    for view in result.missed:
        by_phrasing_missed[(view.predicate, phrasing_of(view.evidence, view.predicate))] += 1
    examples: dict[str, list[str]] = defaultdict(list)
    for view in result.false_positives:
        if len(examples[view.predicate]) < 3:
            examples[view.predicate].append(str(view))
    return {
        "eval": result.to_json(),
        "f1": result.f1,
        "by_predicate": {
            p: {"gold": totals[p], "found": totals[p] - missed[p], "false_positives": false_positives[p]}
            for p in sorted(set(totals) | set(false_positives))
        },
        "by_phrasing": [
            {"predicate": p, "phrasing": text, "gold": n, "found": n - by_phrasing_missed[(p, text)]}
            for (p, text), n in sorted(by_phrasing_total.items())
        ],
        "false_positive_examples": dict(examples),
    }


def run(config: ExtractionConfig, log=lambda message: None) -> dict[str, Any]:
    sizes = sorted({config.speed_mb, *config.memory_mb})
    corpora = {}
    for mb in sizes:
        log(f"extraction: writing the {mb:g} MB corpus")
        corpora[mb] = prepare_corpus(mb, config.seed)
    speed = corpora[config.speed_mb]
    # Bare and corpgraph alternate so that a change in the machine's load hits both.
    once = [("bare", 1), ("corpgraph", 1), ("corpgraph", config.n_process), ("bare", config.n_process)]
    attempts: list[dict[str, Any]] = []
    for repeat in range(config.repeats):
        for mode, n in once if repeat % 2 == 0 else once[::-1]:
            log(f"extraction: {mode} n_process={n} on {speed.megabytes:g} MB ({speed.words:,} words), "
                f"run {repeat + 1} of {config.repeats}")
            attempts.append(measure(mode, speed, n, config.batch_size))
            log(f"  {attempts[-1]['words_per_second']:,.0f} words/s, {attempts[-1]['cpu_seconds']:.0f} CPU s "
                f"in {attempts[-1]['seconds']:.0f} s, peak RSS {fmt_mb(attempts[-1]['rss_peak_kb'])}")
    runs = [max((a for a in attempts if a["mode"] == mode and a["n_process"] == n), key=lambda a: a["words_per_second"])
            for mode, n in once]
    memory = [corpora[mb] for mb in sizes if mb != config.speed_mb]
    workers = len(memory) if config.memory_parallel and len(memory) <= (os.cpu_count() or 1) else 1

    def memory_run(corpus: CorpusInfo) -> dict[str, Any]:
        log(f"extraction: corpgraph n_process=1 on {corpus.megabytes:g} MB ({corpus.words:,} words)")
        result = measure("corpgraph", corpus, 1, config.batch_size)
        result["concurrent_runs"] = workers
        log(f"  {corpus.megabytes:g} MB: {result['words_per_second']:,.0f} words/s, peak RSS {fmt_mb(result['rss_peak_kb'])}")
        return result

    with ThreadPoolExecutor(max_workers=workers) as pool:
        runs.extend(pool.map(memory_run, memory))
    scores = {}
    for result in runs:
        if result["mode"] == "corpgraph" and result["n_process"] == 1:
            corpus = corpora[result["megabytes"]]
            log(f"extraction: scoring the {corpus.megabytes:g} MB facts against the gold")
            scores[f"{corpus.megabytes:g}"] = score(corpus, result["facts"])
    return {
        "config": asdict(config),
        "corpora": {f"{mb:g}": asdict(info) for mb, info in corpora.items()},
        "runs": runs,
        "speed_attempts": attempts,
        "scores": scores,
    }


# ---------------------------------------------------------------------------
# Report


def _find(results: dict[str, Any], mode: str, n: int, mb: float) -> dict[str, Any] | None:
    return next((r for r in results["runs"] if r["mode"] == mode and r["n_process"] == n and r["megabytes"] == mb), None)


def _pct(ratio: dict[str, Any]) -> str:
    value = ratio.get("value")
    return "n/a" if value is None else f"{100 * value:.1f}% ({ratio['hits']:,}/{ratio['total']:,})"


def render(results: dict[str, Any]) -> str:
    config = results["config"]
    speed_mb, n = config["speed_mb"], config["n_process"]
    corpus = results["corpora"][f"{speed_mb:g}"]
    bare1, ours1 = _find(results, "bare", 1, speed_mb), _find(results, "corpgraph", 1, speed_mb)
    oursn, baren = _find(results, "corpgraph", n, speed_mb), _find(results, "bare", n, speed_mb)
    out = [
        "## Extraction speed",
        "",
        f"Corpus: {speed_mb:g} MB of synthetic news ({corpus['documents']:,} articles, {corpus['words']:,} words), "
        f"one JSON Lines file. `kg extract` is `run_extract` (read, extract, resolve and merge through the run's "
        f"workspace on disk, stream the facts file); the "
        f"baseline is `nlp.pipe` of the same model loaded bare ({bare1['model'] if bare1 else '?'}, pipes "
        f"{', '.join(bare1['pipeline']) if bare1 else '?'}), over the same `read_documents` stream, batch size "
        f"{config['batch_size']}. Model loading is excluded from both (shown apart).",
        "",
    ]
    rows = []
    for label, result in (("bare nlp.pipe, 1 process", bare1), ("kg extract, 1 process", ours1),
                          (f"bare nlp.pipe, {n} processes", baren), (f"kg extract, {n} processes", oursn)):
        if result:
            tries = [a for a in results.get("speed_attempts", [])
                     if a["mode"] == result["mode"] and a["n_process"] == result["n_process"]]
            rows.append((label, fmt_int(result["words_per_second"]),
                         " / ".join(fmt_int(a["words_per_second"]) for a in tries) or "-",
                         f"{result['seconds']:.1f} s", f"{result.get('cpu_seconds', 0) / result['seconds']:.2f}",
                         f"{result['model_seconds']:.1f} s", fmt_mb(result["rss_peak_kb"]),
                         fmt_mb(result["children_peak_kb"]) if result["n_process"] > 1 else "-"))
    out.append(md_table(("run", "words/s (best)", "words/s, each run", "time (best)", "CPU s / wall s",
                         "model load", "peak RSS", "largest worker RSS"), rows))
    out.append("")
    if bare1 and ours1:
        ratio = ours1["words_per_second"] / bare1["words_per_second"]
        out.append(f"- kg extract / bare spaCy, 1 process: **{ratio:.2f}** (target >= {RATIO_TARGET}: "
                   f"{verdict(ratio >= RATIO_TARGET)})")
    if ours1 and oursn:
        scaling = oursn["words_per_second"] / ours1["words_per_second"]
        out.append(f"- kg extract, {n} processes / 1 process: **{scaling:.2f}x** (target >= {SCALING_TARGET}x: "
                   f"{verdict(scaling >= SCALING_TARGET)})")
    if bare1 and baren:
        out.append(f"- bare spaCy, {n} processes / 1 process: {baren['words_per_second'] / bare1['words_per_second']:.2f}x "
                   "(what the model itself gains from more processes on this machine, in this run)")
    out.append("")
    out.append("Best of each run's repeats (the order reversed on the second pass). \"CPU s / wall s\" is the CPU "
               "time of the process and its workers over the wall time: near 1 for one process; for two processes "
               "it shows how many of the shared machine's cores the run actually got.")
    out += ["", "## Extraction memory", ""]
    rows = []
    for result in sorted((r for r in results["runs"] if r["mode"] == "corpgraph" and r["n_process"] == 1),
                         key=lambda r: r["megabytes"]):
        growth = " / ".join(fmt_mb(kb) for _, kb in result["rss_by_documents"])
        rows.append((f"{result['megabytes']:g} MB", fmt_int(result["documents"]), fmt_int(result["words"]),
                     fmt_mb(result["rss_loaded_kb"]), growth, fmt_mb(result["rss_peak_kb"]),
                     fmt_int(result["words_per_second"])))
    out.append(md_table(("corpus", "articles", "words", "RSS, model loaded", "RSS after 25/50/75/100 % of articles",
                         "peak RSS", "words/s"), rows))
    together = max((r.get("concurrent_runs", 1) for r in results["runs"]), default=1)
    if together > 1:
        out.append("")
        out.append(f"The runs above the speed corpus ran {together} at a time, each a process of its own on its own "
                   "core (memory is per process); their words/s are not comparable with the speed table's.")
    sized = sorted((r for r in results["runs"] if r["mode"] == "corpgraph" and r["n_process"] == 1
                    and r["megabytes"] in config["memory_mb"]), key=lambda r: r["megabytes"])
    if len(sized) >= 2:
        small, large = sized[0], sized[-1]
        growth = large["rss_peak_kb"] / small["rss_peak_kb"]
        out.append("")
        out.append(f"- peak RSS on {large['megabytes']:g} MB / on {small['megabytes']:g} MB: **{growth:.2f}x** for "
                   f"{large['megabytes'] / small['megabytes']:g}x the text (target: flat, <= {FLAT_MEMORY}x: "
                   f"{verdict(growth <= FLAT_MEMORY)})")
    bare_rows = [r for r in results["runs"] if r["mode"] == "bare" and r["n_process"] == 1]
    if bare_rows:
        bare = bare_rows[0]
        growth = " / ".join(fmt_mb(kb) for _, kb in bare["rss_by_documents"])
        out.append("")
        out.append(f"Bare spaCy on {bare['megabytes']:g} MB for comparison: RSS {fmt_mb(bare['rss_loaded_kb'])} loaded, "
                   f"{growth} after 25/50/75/100 %, peak {fmt_mb(bare['rss_peak_kb'])}.")
    out += ["", "## Recall at scale (`kg eval` against the generated gold)", ""]
    rows = []
    for mb, scored in sorted(results["scores"].items(), key=lambda kv: float(kv[0])):
        e = scored["eval"]
        f1 = scored["f1"]
        rows.append((f"{mb} MB", _pct(e["recall_core"]), _pct(e["precision"]), "n/a" if f1 is None else f"{f1:.3f}",
                     _pct(e["qualifier_accuracy"]), _pct(e["entity_recall"]), _pct(e["entity_precision"])))
    out.append(md_table(("corpus", "recall (core)", "precision", "F1", "qualifier accuracy", "entity recall",
                         "entity precision"), rows))
    if results["scores"]:
        largest = max(results["scores"], key=float)
        scored = results["scores"][largest]
        out += ["", f"Per predicate ({largest} MB corpus): gold facts, found, recall, false positives.", ""]
        rows = []
        for predicate, counts in scored["by_predicate"].items():
            recall = counts["found"] / counts["gold"] if counts["gold"] else float("nan")
            rows.append((predicate, fmt_int(counts["gold"]), fmt_int(counts["found"]), f"{100 * recall:.1f}%",
                         fmt_int(counts["false_positives"])))
        out.append(md_table(("predicate", "gold", "found", "recall", "false positives"), rows))
        out += ["", f"Per phrasing ({largest} MB corpus), lowest recall first: which sentence shapes the extractor misses.",
                ""]
        rows = []
        for item in sorted(scored["by_phrasing"], key=lambda x: (x["found"] / x["gold"], x["predicate"])):
            rows.append((item["predicate"], f"`{item['phrasing']}`", fmt_int(item["gold"]),
                         f"{100 * item['found'] / item['gold']:.0f}%"))
        out.append(md_table(("predicate", "phrasing", "gold", "recall"), rows))
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------
# Command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.extraction", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command")
    work = commands.add_parser("worker", help="one measured run (used by the benchmark itself)")
    work.add_argument("--mode", choices=("corpgraph", "bare"), required=True)
    work.add_argument("--corpus", type=Path, required=True)
    work.add_argument("--n-process", type=int, default=1)
    work.add_argument("--batch-size", type=int, default=16)
    work.add_argument("--documents", type=int, required=True)
    work.add_argument("--facts", type=Path)
    args = parser.parse_args(argv)
    if args.command == "worker":
        result = worker(args.mode, args.corpus, args.n_process, args.batch_size, args.documents, args.facts)
        sys.stdout.write(json.dumps(result) + "\n")
        return 0
    results = run(ExtractionConfig.from_env(), log=lambda m: sys.stderr.write(m + "\n"))
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / "extraction.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    sys.stdout.write(render(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
