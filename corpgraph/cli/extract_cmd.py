"""`kg extract` (articles -> facts file) and `kg eval` (facts file vs gold): wiring only.

The work is in :mod:`extract.sources`, :mod:`extract.pipeline`,
:mod:`extract.facts` and :mod:`extract.evaluate`; the plain functions
:func:`run_extract` and :func:`run_eval` wire them, and the Typer commands
wrap those for people.
"""

from __future__ import annotations

import itertools
import json
import sys
import time
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Callable, Iterable, Iterator, Optional, TextIO

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from corpgraph.cli.common import console, err_console, handle_errors, print_skipped, problem_printer
from corpgraph.cli.stopping import stoppable
from corpgraph.errors import ConfigError, InputError
from extract.evaluate import EvalResult, FactView, Ratio, evaluate_files
from extract.facts import write_records
from extract.model import Document
from extract.ontology import PREDICATES
from extract.sources import SourceProblem, SourceReport, read_documents

class OnError(str, Enum):
    fail = "fail"
    skip = "skip"


class OutputFormat(str, Enum):
    table = "table"
    json = "json"


@dataclass(frozen=True)
class ExtractRun:
    """What one `kg extract` did, for the closing summary."""

    documents: int
    entities: int
    relations: int
    lines: int
    report: SourceReport
    seconds: float


def run_extract(
    paths: Iterable[Path],
    output: Path | TextIO,
    *,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 16,
    on_error: str = "fail",
    warn: Callable[[SourceProblem], None] | None = None,
    progress: Callable[[Document], None] | None = None,
) -> ExtractRun:
    """Read the articles under ``paths``, extract their facts and write the facts file to ``output``."""
    started = time.perf_counter()
    report = SourceReport()

    def note(problem: SourceProblem) -> None:
        report.add(problem)
        if warn is not None:
            warn(problem)

    paths = list(paths)
    documents = read_documents(paths, on_error=on_error, warn=note)  # type: ignore[arg-type]
    first = next(documents, None)
    if first is None:
        # Before the model loads: there is nothing to give it.
        named = ", ".join(str(p) for p in paths)
        raise InputError(f"{named}: no documents to read ({report.summary()})")
    from extract.pipeline import extracted  # spaCy loads only when there is text for it

    counter = _Counter()
    with extracted(
        counter.count(itertools.chain([first], documents)),
        model=model,
        n_process=n_process,
        batch_size=batch_size,
        progress=progress,
    ) as facts:
        # Streamed from the run's workspace: the facts file is never all in memory.
        lines = write_records(facts.records(), output)
        return ExtractRun(
            counter.n, facts.entity_count, facts.relation_count, lines, report, time.perf_counter() - started
        )


class _Counter:
    def __init__(self) -> None:
        self.n = 0

    def count(self, documents: Iterable[Document]) -> Iterator[Document]:
        for document in documents:
            self.n += 1
            yield document


def run_eval(
    facts: Path,
    gold: Path,
    *,
    predicates: str | None = None,
    ignore_types: bool = False,
) -> EvalResult:
    """Score a facts file against a gold file; ``predicates`` is a comma-separated list or None."""
    return evaluate_files(facts, gold, predicates=parse_predicates(predicates), ignore_types=ignore_types)


def parse_predicates(value: str | None) -> list[str] | None:
    """'WORKS_for, founded' -> ['WORKS_FOR', 'FOUNDED']; ConfigError naming any unknown one."""
    if value is None:
        return None
    names = [name.strip().upper() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in PREDICATES]
    if unknown or not names:
        raise ConfigError(
            f"--predicates: unknown predicate {', '.join(unknown) or '(none given)'}; choose from {', '.join(PREDICATES)}"
        )
    return names


def extract_command(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Files (.txt, .md, .html, .htm, .jsonl) and folders of them to read.", show_default=False),
    ],
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", help="Write the facts file here (JSON Lines); standard output when not given."),
    ] = None,
    model: Annotated[
        Optional[str],
        typer.Option(help="spaCy model to build on: a package name or a path. Default: KG_SPACY_MODEL, else en_core_web_sm."),
    ] = None,
    n_process: Annotated[int, typer.Option("--n-process", min=1, help="Processes for spaCy to run in parallel.")] = 1,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per spaCy batch.")] = 16,
    on_error: Annotated[
        OnError,
        typer.Option("--on-error", help="On a broken file or JSONL line: stop with an error (fail) or skip it and go on (skip)."),
    ] = OnError.fail,
) -> None:
    """Extract people, organisations, products and their relations from articles into a facts file."""
    warn = problem_printer()
    if output is not None:
        kept = f"{output} not written (a facts file is whole or absent); run the same command again"
    else:
        kept = "the facts on standard output are incomplete; run the same command again"
    with stoppable(kept), Progress(
        SpinnerColumn(),
        TextColumn("extracting"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("documents"),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        # A bar is for people watching; in a pipe or a log it is only noise.
        disable=not err_console.is_terminal,
    ) as bar:
        task = bar.add_task("extract", total=None)
        run = run_extract(
            paths,
            output if output is not None else sys.stdout,
            model=model,
            n_process=n_process,
            batch_size=batch_size,
            on_error=on_error.value,
            warn=warn,
            progress=lambda _document: bar.advance(task),
        )
    target = str(output) if output is not None else "standard output"
    err_console.print(
        f"{run.documents} document{'s' if run.documents != 1 else ''} read ({run.report.summary()}); "
        f"{run.entities} entities, {run.relations} relations -> {escape(target)} in {run.seconds:.1f}s",
        highlight=False,
        soft_wrap=True,
    )
    print_skipped(run.report.problems)


def eval_command(
    facts: Annotated[Path, typer.Argument(help="The facts file to score (from kg extract).", show_default=False)],
    gold: Annotated[Path, typer.Option("--gold", help="The gold file to score against (gold/*.jsonl).", show_default=False)],
    show: Annotated[bool, typer.Option("--show", help="Also list missed gold facts, false positives and wrong qualifiers.")] = False,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="table for people, json for programs.")
    ] = OutputFormat.table,
    predicates: Annotated[
        Optional[str],
        typer.Option(help="Score only these predicates (comma-separated, e.g. WORKS_FOR,FOUNDED); others are left out of precision."),
    ] = None,
    ignore_types: Annotated[
        bool, typer.Option("--ignore-types", help="Match entities by name alone, for gold whose types differ from ours.")
    ] = False,
) -> None:
    """Score a facts file against a gold file: precision, recall per tier, F1, qualifiers, entities."""
    result = run_eval(facts, gold, predicates=predicates, ignore_types=ignore_types)
    if output_format is OutputFormat.json:
        console.print_json(json.dumps(result.to_json(show=show)))
        return
    if show:
        _print_details(result)
    _print_scores(result, facts, gold)


def _figure(ratio: Ratio) -> str:
    return "n/a" if ratio.value is None else f"{ratio.value:.3f}"


def _figure_count(ratio: Ratio) -> str:
    return f"{_figure(ratio)} ({ratio.hits}/{ratio.total})"


def _print_scores(result: EvalResult, facts: Path, gold: Path) -> None:
    table = Table(title=f"{escape(facts.name)} against {escape(gold.name)}", title_justify="left")
    table.add_column("score")
    table.add_column("value", justify="right")
    table.add_column("matched", justify="right")
    f1 = "n/a" if result.f1 is None else f"{result.f1:.3f}"
    rows = [
        ("relation precision", result.precision),
        ("recall, core", result.recall_core),
        ("recall, extended", result.recall_extended),
        ("recall, core + extended", result.recall),
    ]
    for label, ratio in rows:
        table.add_row(label, _figure(ratio), f"{ratio.hits}/{ratio.total}")
    table.add_row("F1", f1, "")
    table.add_row("qualifier accuracy", _figure(result.qualifiers), f"{result.qualifiers.hits}/{result.qualifiers.total}")
    for key, ratio in result.qualifiers_by_key.items():
        table.add_row(f"  {key}", _figure(ratio), f"{ratio.hits}/{ratio.total}")
    table.add_row("entity precision", _figure(result.entity_precision), f"{result.entity_precision.hits}/{result.entity_precision.total}")
    table.add_row("entity recall", _figure(result.entity_recall), f"{result.entity_recall.hits}/{result.entity_recall.total}")
    console.print(table)
    # The last lines carry the headline figures on their own, for `| tail`.
    gold_counts = result.gold_relations
    options = []
    if result.predicates:
        options.append(f"predicates {','.join(result.predicates)}")
    if result.ignore_types:
        options.append("types ignored")
    lines = [
        f"relations: precision {_figure_count(result.precision)}  recall core {_figure_count(result.recall_core)}  "
        f"extended {_figure_count(result.recall_extended)}  F1 {f1}",
        f"qualifiers {_figure_count(result.qualifiers)}  entities: precision {_figure_count(result.entity_precision)}  "
        f"recall {_figure_count(result.entity_recall)}",
        f"counts: system {result.system_relations} relations, {result.system_entities} entities; gold "
        f"{gold_counts.get('core', 0)} core, {gold_counts.get('extended', 0)} extended, "
        f"{gold_counts.get('acceptable', 0)} acceptable relations" + (f" ({'; '.join(options)})" if options else ""),
    ]
    for line in lines:
        console.print(line, highlight=False, markup=False, soft_wrap=True)


def _print_details(result: EvalResult) -> None:
    sections: list[tuple[str, list[str]]] = [
        ("Missed gold facts", [_fact_line(f, tier=True) for f in result.missed]),
        ("False positives", [_fact_line(f) for f in result.false_positives]),
        (
            "Qualifier mismatches",
            [f"{m.gold}  <- system: {m.system}  [{', '.join(m.keys)}]" for m in result.qualifier_mismatches],
        ),
        ("Missed gold entities", list(result.missed_entities)),
    ]
    for title, lines in sections:
        console.print(f"[bold]{title} ({len(lines)})[/]", highlight=False)
        for line in lines:
            console.print(f"  {escape(line)}", highlight=False, soft_wrap=True)
        console.print()


def _fact_line(fact: FactView, *, tier: bool = False) -> str:
    prefix = f"[{fact.tier}] " if tier and fact.tier else ""
    docs = f"  docs: {', '.join(fact.docs)}" if fact.docs else ""
    return f"{prefix}{fact}{docs}"


def register(app: typer.Typer) -> None:
    """Add `kg extract` and `kg eval` to ``app``."""
    app.command("extract")(handle_errors(extract_command))
    app.command("eval")(handle_errors(eval_command))
