"""Report packs: the ``.cypher`` files under ``cypher/<pack>/``, run read-only.

A report file opens with a header of ``//`` comments::

    // name: talent-flows
    // aliases: flows
    // description: People who moved between companies: from, to, who, when.
    // param: org (entity) = "" | only flows into or out of this organisation
    // param: limit = 500 | at most this many rows

``name`` is the file's stem; ``description`` is one line; each ``param`` has
a JSON default (its type is the type of the value given on the command line)
and, after ``|``, what it means. ``(entity)`` marks a parameter that names an
entity, so an empty result can say that no entity goes by that name.

Reports run in read transactions (``execute_read`` on a READ session): the
server refuses any write. Values reach Cypher only as parameters.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping

import neo4j

from corpgraph.errors import ReportError
from graph.statements import database_errors

FORMATS = ("table", "json", "csv", "md")
PACKS = ("talent", "lineage", "market", "provenance")

_HEADER = re.compile(r"^//\s*(?P<key>[a-z]+)\s*:\s*(?P<value>.*)$")
_PARAM = re.compile(r"^(?P<name>[a-z_][a-z0-9_]*)\s*(?:\((?P<kind>entity)\))?\s*=\s*(?P<rest>.+)$")


@dataclass(frozen=True)
class ReportParam:
    """One parameter: its default fixes its type."""

    name: str
    default: Any
    description: str
    entity: bool = False

    def convert(self, report: str, raw: str) -> Any:
        """The command-line string as this parameter's type."""
        default = self.default
        try:
            if isinstance(default, bool):
                lowered = raw.strip().lower()
                if lowered not in {"true", "false", "yes", "no", "1", "0"}:
                    raise ValueError(raw)
                return lowered in {"true", "yes", "1"}
            if isinstance(default, int):
                return int(raw)
            if isinstance(default, float):
                return float(raw)
        except ValueError:
            kind = type(default).__name__
            raise ReportError(f"report {report!r}: parameter {self.name}={raw!r} is not a {kind}") from None
        return raw


@dataclass(frozen=True)
class Report:
    """A parsed report file."""

    name: str
    pack: str
    description: str
    params: tuple[ReportParam, ...]
    query: str
    path: Path
    aliases: tuple[str, ...] = ()

    def param(self, name: str) -> ReportParam | None:
        return next((p for p in self.params if p.name == name), None)

    def bind(self, given: Mapping[str, str]) -> dict[str, Any]:
        """Defaults overridden by ``given`` (strings from the command line), typed."""
        values = {p.name: p.default for p in self.params}
        for name, raw in given.items():
            param = self.param(name)
            if param is None:
                known = ", ".join(p.name for p in self.params) or "none"
                raise ReportError(f"report {self.name!r} has no parameter {name!r} (its parameters: {known})")
            values[name] = param.convert(self.name, raw)
        return values


@dataclass(frozen=True)
class ReportResult:
    """Rows of plain values (str, int, float, bool, None, lists), in column order."""

    report: Report
    params: dict[str, Any]
    columns: list[str]
    rows: list[dict[str, Any]]


def reports_root() -> Path:
    """The installed ``cypher/`` folder."""
    return Path(str(resources.files("cypher")))


def parse_report(path: Path, pack: str | None = None) -> Report:
    """Read one report file; a malformed header is a ReportError naming the file and line."""
    text = path.read_text(encoding="utf-8")
    fields: dict[str, str] = {}
    params: list[ReportParam] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("//"):
            break
        match = _HEADER.match(line.strip())
        if not match:
            continue
        key, value = match["key"], match["value"].strip()
        if key == "param":
            params.append(_parse_param(path, number, value))
        elif key in {"name", "description", "aliases"}:
            fields[key] = value
    for key in ("name", "description"):
        if not fields.get(key):
            raise ReportError(f"{path}: the header has no '// {key}: ...' line")
    if fields["name"] != path.stem:
        raise ReportError(f"{path}: the header names the report {fields['name']!r}; name the file {fields['name']}.cypher")
    aliases = tuple(a.strip().lower() for a in fields.get("aliases", "").split(",") if a.strip())
    return Report(
        name=fields["name"],
        pack=pack or path.parent.name,
        description=fields["description"],
        params=tuple(params),
        query=text,
        path=path,
        aliases=aliases,
    )


def _parse_param(path: Path, number: int, value: str) -> ReportParam:
    match = _PARAM.match(value)
    if not match:
        raise ReportError(f"{path}:{number}: write a parameter as 'name = DEFAULT | description', not {value!r}")
    try:
        default, end = json.JSONDecoder().raw_decode(match["rest"])
    except json.JSONDecodeError:
        raise ReportError(f"{path}:{number}: the default of {match['name']!r} is not a JSON value") from None
    description = match["rest"][end:].strip().lstrip("|").strip()
    return ReportParam(match["name"], default, description, entity=match["kind"] == "entity")


def discover_reports(root: Path | None = None) -> dict[str, Report]:
    """Every report under ``root`` (default: the installed packs), by name."""
    root = root or reports_root()
    found: dict[str, Report] = {}
    for path in sorted(root.glob("*/*.cypher")):
        report = parse_report(path)
        if report.name in found:
            raise ReportError(f"{path}: a report named {report.name!r} already exists in {found[report.name].path}")
        found[report.name] = report
    return found


def find_report(name: str, reports: Mapping[str, Report]) -> Report:
    """Look a report up by name or alias, ignoring case; suggest the closest when unknown."""
    wanted = name.strip().lower()
    for report in reports.values():
        if wanted == report.name.lower() or wanted in report.aliases:
            return report
    names = sorted(reports)
    close = difflib.get_close_matches(wanted, names, n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    raise ReportError(f"no report named {name!r}: {hint}`kg report --list` shows all {len(names)}")


def parse_params(pairs: Iterable[str]) -> dict[str, str]:
    """``["org=Nova Motors", "limit=5"]`` -> ``{"org": "Nova Motors", "limit": "5"}``.

    >>> parse_params(["org=Nova Motors", "q=a=b"])
    {'org': 'Nova Motors', 'q': 'a=b'}
    """
    params: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ReportError(f"--param {pair!r}: write it as key=value")
        params[key.strip()] = value
    return params


def plain(value: Any) -> Any:
    """A driver value as JSON-ready data (temporal values as ISO strings, graph objects as maps)."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, neo4j.graph.Node):
        return {"labels": sorted(value.labels), **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Relationship):
        return {"type": value.type, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Path):
        return [plain(r) for r in value.relationships]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return str(value)


def run_report(
    driver: neo4j.Driver,
    report: Report,
    params: Mapping[str, str] | None = None,
    *,
    database: str = "neo4j",
) -> ReportResult:
    """Run a report in a read transaction; the server refuses it any write."""
    values = report.bind(params or {})

    def read(tx: neo4j.ManagedTransaction) -> tuple[list[str], list[dict[str, Any]]]:
        result = tx.run(report.query, values)
        keys = list(result.keys())
        return keys, [{k: plain(record[k]) for k in keys} for record in result]

    with database_errors(f"report {report.name!r}"), driver.session(
        database=database,
        default_access_mode=neo4j.READ_ACCESS,
        notifications_min_severity="OFF",
    ) as session:
        columns, rows = session.execute_read(read)
    return ReportResult(report, values, columns, rows)


def unknown_names(driver: neo4j.Driver, report: Report, values: Mapping[str, Any], *, database: str = "neo4j") -> list[str]:
    """The entity parameters whose value matches no entity's name, alias or id."""
    missing = []
    with database_errors("looking up names"), driver.session(
        database=database, default_access_mode=neo4j.READ_ACCESS, notifications_min_severity="OFF"
    ) as session:
        for param in report.params:
            value = values.get(param.name)
            if param.entity and isinstance(value, str) and value.strip():
                found = session.execute_read(
                    lambda tx: tx.run(
                        "CALL db.index.fulltext.queryNodes('entity_keys', $q) YIELD node RETURN count(node) AS n",
                        q=lookup_query(value),
                    ).single()["n"]
                )
                if not found:
                    missing.append(param.name)
    return missing


def lookup_query(name: str) -> str:
    """The exact-match query on the ``entity_keys`` index, as the report files build it.

    >>> lookup_query('  Nova "Motors" ')
    '"nova \\\\"motors\\\\""'
    """
    key = name.strip().lower().replace("\\", "\\\\").replace('"', '\\"')
    return f'"{key}"'


# ---------------------------------------------------------------------------
# Output formats


def cell(value: Any) -> str:
    """One value as text for tables, CSV and Markdown: lists joined by '; '.

    >>> cell(["a", "b"]), cell(None), cell(True), cell(0.25)
    ('a; b', '', 'true', '0.25')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def to_json(result: ReportResult) -> str:
    return json.dumps(result.rows, ensure_ascii=False, indent=2)


def to_csv(result: ReportResult) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow([cell(row[c]) for c in result.columns])
    return out.getvalue()


def to_markdown(result: ReportResult) -> str:
    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")

    lines = [
        "| " + " | ".join(escape(c) for c in result.columns) + " |",
        "|" + "|".join(" --- " for _ in result.columns) + "|",
    ]
    lines += ["| " + " | ".join(escape(cell(row[c])) for c in result.columns) + " |" for row in result.rows]
    return "\n".join(lines) + "\n"


TABLE_CELL_LIMIT = 80


def to_table(result: ReportResult, width: int | None = None):
    """A rich Table (the CLI prints it). Long cells (sentences) are cut for reading;
    the other formats keep every character. When the columns cannot fit in
    ``width``, each row is shown as a block of ``column  value`` lines instead."""
    from rich.table import Table

    title = f"{result.report.name}: {result.report.description}"
    texts = [[_shorten(cell(row[c])) for c in result.columns] for row in result.rows]
    # Names and numbers stay whole when a sentence column squeezes the rest.
    min_widths = [
        min(16, max([len(column)] + [len(word) for row in texts for word in row[i].split()]))
        for i, column in enumerate(result.columns)
    ]
    if width is not None and sum(min_widths) + 3 * len(min_widths) + 1 > width:
        table = Table(title=title, title_justify="left", show_header=False)
        table.add_column("field", style="bold", no_wrap=True)
        table.add_column("value", overflow="fold")
        for row in texts:
            for column, text in zip(result.columns, row):
                table.add_row(column, text)
            table.add_section()
        return table
    table = Table(title=title, title_justify="left")
    for column, min_width in zip(result.columns, min_widths):
        table.add_column(column, overflow="fold", min_width=min_width)
    for row in texts:
        table.add_row(*row)
    return table


def _shorten(text: str) -> str:
    """One line of at most TABLE_CELL_LIMIT characters.

    >>> _shorten("Two\\n\\nlines")
    'Two lines'
    """
    text = " ".join(text.split())
    return text if len(text) <= TABLE_CELL_LIMIT else text[: TABLE_CELL_LIMIT - 1].rstrip() + "…"


def render_text(result: ReportResult, fmt: str) -> str:
    """The result in a text format: json, csv or md."""
    if fmt == "json":
        return to_json(result)
    if fmt == "csv":
        return to_csv(result)
    if fmt == "md":
        return to_markdown(result)
    raise ReportError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
