"""`kg ingest|load|reset|report|export|analyze|browse`: wiring only.

The work is in :mod:`graph.ingest`, :mod:`graph.loader`, :mod:`graph.reports`,
:mod:`graph.analysis`, :mod:`graph.export` and :mod:`graph.browse`.
"""

from __future__ import annotations

import contextlib
import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from corpgraph.cli.common import console, err_console, handle_errors, print_skipped, problem_printer
from corpgraph.cli.stopping import stoppable
from corpgraph.errors import ConfigError, ReportError
from corpgraph.settings import Settings, load_settings


class OnError(str, Enum):
    fail = "fail"
    skip = "skip"


class ReportFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


class ExportFormat(str, Enum):
    graphml = "graphml"
    gexf = "gexf"
    json = "json"


class AnalyzeFormat(str, Enum):
    table = "table"
    json = "json"


BatchSizeOption = Annotated[
    Optional[int],
    typer.Option("--batch-size", min=1, help="Rows per UNWIND batch. Default: KG_BATCH_SIZE, else 5000."),
]


@contextlib.contextmanager
def connected(batch_size: int | None = None) -> Iterator[tuple[Settings, "object"]]:
    """Settings and a connected driver; driver failures become one line."""
    from graph.connection import open_driver, translate_errors

    settings = load_settings()
    if batch_size is not None:
        settings = settings.with_overrides(batch_size=batch_size)
    with open_driver(settings) as driver, translate_errors(settings):
        yield settings, driver


class _Committed:
    """How far a load got, for the message when it is interrupted."""

    def __init__(self, unit: str) -> None:
        self.unit = unit
        self.done = 0
        self.total: int | None = None

    def update(self, done: int, total: int) -> None:
        self.done, self.total = done, total


@contextlib.contextmanager
def _interruptible(committed: _Committed) -> Iterator[None]:
    """Ctrl-C or SIGTERM: one line saying what was kept, and exit code 130 or 143
    (no traceback); see :mod:`corpgraph.cli.stopping`.

    Every transaction is all or nothing, so what was committed is whole and
    what was cut off left no trace; a document is marked loaded only in its
    last step, so the next run loads what is missing.
    """

    def kept() -> str:
        # The signal may land between a commit and its progress call: "at least".
        if committed.total is None:
            done = f"no {committed.unit} confirmed committed yet"
        else:
            done = f"at least {committed.done} of {committed.total} {committed.unit} committed"
        return f"{done}, each whole or not at all; run the same command again to finish (what is loaded is skipped)"

    with stoppable(kept):
        yield


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
        disable=not err_console.is_terminal,
    )


def _load_table(title: str, load, extra: list[tuple[str, object]] = (), unchanged: int | None = None) -> Table:
    table = Table(title=title, title_justify="left", show_header=True)
    table.add_column("")
    table.add_column("count", justify="right")
    table.add_column("new", justify="right")
    table.add_column("already present", justify="right")
    for label, value in extra:
        table.add_row(label, str(value), "", "")
    table.add_row("documents loaded", str(load.documents_loaded), str(load.documents_new), str(load.documents_changed) + " replaced")
    skipped = load.documents_skipped if unchanged is None else unchanged
    table.add_row("documents unchanged (skipped)", str(skipped), "", "")
    table.add_row("entities", str(load.entities), str(load.entities_created), str(load.entities_present))
    table.add_row("relations", str(load.relations), str(load.relations_created), str(load.relations_present))
    return table


def ingest_command(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Files (.txt, .md, .html, .htm, .jsonl) and folders of them to ingest.", show_default=False),
    ],
    model: Annotated[
        Optional[str],
        typer.Option(help="spaCy model to build on: a package name or a path. Default: KG_SPACY_MODEL, else en_core_web_sm."),
    ] = None,
    n_process: Annotated[int, typer.Option("--n-process", min=1, help="Processes for spaCy to run in parallel.")] = 1,
    batch_size: BatchSizeOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Extract documents already loaded with the same text again; those whose facts changed are replaced.")
    ] = False,
    on_error: Annotated[
        OnError, typer.Option("--on-error", help="On a broken file or line: stop (fail) or report it and go on (skip).")
    ] = OnError.fail,
    output: Annotated[ReportFormat, typer.Option("--format", help="Closing summary as a table or JSON.")] = ReportFormat.table,
) -> None:
    """Extract facts from articles and load them into Neo4j, whole documents per transaction.

    Documents already loaded with the same text are skipped; a document whose
    text changed replaces its own evidence. Ends with a summary of documents,
    entities and relations, new and already present.
    """
    from graph.ingest import ingest

    committed = _Committed("documents")
    with _interruptible(committed), connected(batch_size) as (settings, driver), _progress() as progress:
        extracting = progress.add_task("extracting", total=None)
        loading = progress.add_task("loading", total=None, visible=False)

        warn = problem_printer()

        def loaded(done: int, total: int) -> None:
            committed.update(done, total)
            progress.update(loading, completed=done, total=total, visible=True)

        summary = ingest(
            driver,
            paths,
            database=settings.neo4j_database,
            batch_size=settings.batch_size,
            model=model,
            n_process=n_process,
            force=force,
            on_error=on_error.value,
            warn=warn,
            on_extracted=lambda document: progress.advance(extracting),
            on_loaded=loaded,
        )
    if output is ReportFormat.json:
        console.print_json(json.dumps(summary.as_dict()))
        print_skipped(summary.problems)
        return
    extra = [
        ("documents read", summary.documents_read),
        ("documents extracted", summary.documents_extracted),
        ("entities extracted", summary.entities_extracted),
        ("relations extracted", summary.relations_extracted),
    ]
    # With --force, documents re-extracted to the very facts already loaded are skipped by the load.
    unchanged = summary.documents_unchanged + summary.load.documents_skipped
    console.print(_load_table(f"kg ingest: {summary.seconds:.1f} s", summary.load, extra, unchanged))
    print_skipped(summary.problems)


def load_command(
    facts: Annotated[Path, typer.Argument(help="A facts file (JSON Lines, as written by `kg extract`).", show_default=False)],
    batch_size: BatchSizeOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Also replace documents loaded by a version that kept no facts fingerprint (identical facts are never rewritten).")
    ] = False,
    per_document: Annotated[
        bool, typer.Option("--per-document", help="Whole documents per transaction, each with its loaded mark (slower; what `kg ingest` does).")
    ] = False,
    writers: Annotated[
        Optional[int],
        typer.Option("--writers", min=1, help="Sessions writing at once (batched loads). Default: KG_LOAD_WRITERS, else 1."),
    ] = None,
    output: Annotated[ReportFormat, typer.Option("--format", help="Summary as a table or JSON.")] = ReportFormat.table,
) -> None:
    """Load a facts file into Neo4j: batched, idempotent, skipping documents already loaded."""
    from extract.facts import read_facts
    from graph.loader import load_facts

    factset = read_facts(facts)
    committed = _Committed("documents" if per_document else "transactions")
    with _interruptible(committed), connected(batch_size) as (settings, driver), _progress() as progress:
        task = progress.add_task("loading", total=None)

        def loaded(done: int, total: int) -> None:
            committed.update(done, total)
            progress.update(task, completed=done, total=total)

        summary = load_facts(
            driver,
            factset,
            database=settings.neo4j_database,
            batch_size=settings.batch_size,
            force=force,
            per_document=per_document,
            writers=writers or settings.writers,
            progress=loaded,
        )
    if output is ReportFormat.json:
        console.print_json(json.dumps(summary.as_dict()))
    else:
        console.print(_load_table(f"kg load {facts}", summary))


def reset_command(
    yes: Annotated[bool, typer.Option("--yes", help="Really delete every node and relationship.")] = False,
) -> None:
    """Empty the database (nodes and relationships; the schema stays). Refuses without --yes."""
    from graph.loader import reset_graph

    if not yes:
        raise ConfigError("kg reset deletes every node and relationship in the database: run `kg reset --yes` to do it")
    with connected() as (settings, driver):
        deleted = reset_graph(driver, database=settings.neo4j_database)
    console.print(f"deleted {deleted} nodes and their relationships", highlight=False)


def report_command(
    name: Annotated[Optional[str], typer.Argument(help="The report to run (see --list); case and aliases are accepted.")] = None,
    list_reports: Annotated[bool, typer.Option("--list", help="List the reports, their packs and parameters.")] = False,
    param: Annotated[
        Optional[list[str]],
        typer.Option("--param", "-p", help="A report parameter as key=value; repeat for several, e.g. -p org=Nova -p limit=5."),
    ] = None,
    output: Annotated[ReportFormat, typer.Option("--format", "-f", help="table for people; json, csv or md for files and programs.")] = ReportFormat.table,
) -> None:
    """Run a report from the Cypher packs (cypher/talent, lineage, market, provenance) in a read-only transaction."""
    from graph import reports

    catalogue = reports.discover_reports()
    if list_reports:
        _print_catalogue(catalogue, output)
        return
    if not name:
        raise ReportError("name a report to run, or pass --list to see them")
    report = reports.find_report(name, catalogue)
    given = reports.parse_params(param or [])
    values = report.bind(given)
    with connected() as (settings, driver):
        from graph.schema import ensure_schema

        ensure_schema(driver, database=settings.neo4j_database)
        result = reports.run_report(driver, report, given, database=settings.neo4j_database)
        missing = reports.unknown_names(driver, report, values, database=settings.neo4j_database) if not result.rows else []
    for key in missing:
        err_console.print(
            f"[yellow]note:[/] no entity is named {escape(repr(values[key]))} ({key}); "
            f"try `kg report search -p q={escape(str(values[key]))}~`",
            highlight=False,
            soft_wrap=True,
        )
    if output is ReportFormat.table:
        console.print(reports.to_table(result, width=console.width))
    else:
        typer.echo(reports.render_text(result, output.value), nl=False)


def _print_catalogue(catalogue: dict, output: ReportFormat) -> None:
    rows = [
        {
            "name": r.name,
            "pack": r.pack,
            "aliases": list(r.aliases),
            "params": [f"{p.name}={json.dumps(p.default)}" for p in r.params],
            "description": r.description,
        }
        for r in sorted(catalogue.values(), key=lambda r: (r.pack, r.name))
    ]
    if output is ReportFormat.json:
        typer.echo(json.dumps(rows, indent=2))
        return
    if output in (ReportFormat.csv, ReportFormat.md):
        from graph.reports import Report, ReportResult, render_text

        listing = Report("list", "", "the reports", (), "", Path("."))
        flat = [{k: v for k, v in row.items()} for row in rows]
        typer.echo(render_text(ReportResult(listing, {}, list(rows[0]), flat), output.value), nl=False)
        return
    table = Table(title="Reports (kg report NAME -p key=value)", title_justify="left")
    for column in ("pack", "name", "parameters (defaults)", "description"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(row["pack"], row["name"], "\n".join(row["params"]), row["description"])
    console.print(table)


def export_command(
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write.", show_default=False)],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="graphml or gexf (Gephi, Cytoscape), or json (node-link).")] = ExportFormat.graphml,
    documents: Annotated[bool, typer.Option("--documents", help="Include Document nodes and MENTIONS edges.")] = False,
) -> None:
    """Write the graph as a networkx export for Gephi and other tools (lists become JSON text in XML formats)."""
    from graph.analysis import graph_from_neo4j
    from graph.export import export_graph

    with connected() as (settings, driver):
        graph = graph_from_neo4j(driver, database=settings.neo4j_database, documents=documents)
    path = export_graph(graph, output, fmt.value)
    console.print(f"wrote {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges to {path}", highlight=False, soft_wrap=True)


def analyze_command(
    top: Annotated[int, typer.Option(min=1, help="How many organisations to rank.")] = 10,
    output: Annotated[AnalyzeFormat, typer.Option("--format", "-f", help="table or json.")] = AnalyzeFormat.table,
) -> None:
    """Network measures Cypher does not give easily: betweenness of companies in the talent-flow graph, weakly connected groups of companies."""
    from graph.analysis import analyze, graph_from_neo4j

    with connected() as (settings, driver):
        graph = graph_from_neo4j(driver, database=settings.neo4j_database)
    data = analyze(graph, top=top).as_dict()
    if output is AnalyzeFormat.json:
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    ranked = Table(title="Talent brokers: betweenness in the talent-flow graph", title_justify="left")
    ranked.add_column("organisation")
    ranked.add_column("betweenness", justify="right")
    for row in data["betweenness"]:
        ranked.add_row(row["name"], f"{row['score']:.3f}")
    console.print(ranked)
    groups = Table(title="Groups of organisations tied by flows, ownership, renames, partnerships, deals", title_justify="left")
    groups.add_column("size", justify="right")
    groups.add_column("organisations", overflow="fold")
    for group in data["groups"]:
        groups.add_row(str(len(group)), ", ".join(group))
    console.print(groups)


def browse_command(
    serve: Annotated[bool, typer.Option("--serve", help="Serve the project's Browser guide on localhost until Ctrl-C.")] = False,
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port for --serve.")] = 8765,
) -> None:
    """Print the Neo4j Browser URL and how to load the project's style, guide and saved queries."""
    from graph import browse

    settings = load_settings()
    files = browse.browser_files()
    console.print(f"Neo4j Browser: {browse.browser_url(settings)}", highlight=False, soft_wrap=True)
    console.print(f"  connect to {settings.bolt_uri} as {settings.neo4j_user} (password: NEO4J_PASSWORD)", highlight=False, soft_wrap=True)
    console.print(f"Style: drag {files / browse.STYLE_FILE} onto the Browser window (or run :style and drop it there).", highlight=False, soft_wrap=True)
    console.print(f"Saved queries: drag the files in {files / 'queries'} into Favorites (the star in the sidebar).", highlight=False, soft_wrap=True)
    if not serve:
        console.print(f"Guide: run `kg browse --serve`, then in Browser: :guide {browse.guide_url(port)}", highlight=False, soft_wrap=True)
        return
    try:
        server = browse.guide_server(port)
    except OSError as error:
        raise ConfigError(f"cannot serve the guide on port {port}: {error.strerror or error}; choose another with --port") from None
    actual = server.server_address[1]
    console.print(f"Guide: in Browser run  :guide {browse.guide_url(actual)}   (Ctrl-C stops serving)", highlight=False, soft_wrap=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command("ingest")(handle_errors(ingest_command))
    app.command("load")(handle_errors(load_command))
    app.command("reset")(handle_errors(reset_command))
    app.command("report")(handle_errors(report_command))
    app.command("export")(handle_errors(export_command))
    app.command("analyze")(handle_errors(analyze_command))
    app.command("browse")(handle_errors(browse_command))
