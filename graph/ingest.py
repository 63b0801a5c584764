"""`kg ingest` as a plain function: read articles, extract facts, load each document.

Documents whose text is already loaded (same sha256) are skipped before
extraction, so re-running an ingest over a folder costs only the reading.
Then whole documents are loaded per transaction (atomic per document: small
ones share a transaction, up to the batch size in rows, never one split).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

import neo4j

from corpgraph.errors import DatabaseError, InputError
from corpgraph.settings import DEFAULT_BATCH_SIZE
from extract.model import Document, DocumentRecord, FactSet
from graph.loader import UNCHANGED, LoadSummary, Progress, document_states, load_facts
from graph.schema import ensure_schema

# Documents are checked against the graph in groups of this many.
_STATE_CHUNK = 200


@dataclass
class IngestSummary:
    """What one ingest did, for the closing summary."""

    documents_read: int = 0
    documents_unchanged: int = 0
    documents_extracted: int = 0
    entities_extracted: int = 0
    relations_extracted: int = 0
    load: LoadSummary = field(default_factory=LoadSummary)
    problems: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def skipped(self) -> list:
        """Files and lines left out, each with its reason (``SourceProblem``)."""
        return [p for p in self.problems if getattr(p, "skipped", True)]

    @property
    def warnings(self) -> list:
        """Problems with documents that were still read (bytes replaced, an id renamed)."""
        return [p for p in self.problems if not getattr(p, "skipped", True)]

    def as_dict(self) -> dict:
        return {
            "documents_read": self.documents_read,
            "documents_unchanged": self.documents_unchanged,
            "documents_extracted": self.documents_extracted,
            "entities_extracted": self.entities_extracted,
            "relations_extracted": self.relations_extracted,
            "load": self.load.as_dict(),
            "problems": [str(p) for p in self.problems],
            "skipped": [_problem_dict(p) for p in self.skipped],
            "warnings": [_problem_dict(p) for p in self.warnings],
            "seconds": round(self.seconds, 2),
        }


def _problem_dict(problem: object) -> dict:
    return {
        "path": getattr(problem, "path", str(problem)),
        "line": getattr(problem, "line", None),
        "reason": getattr(problem, "reason", str(problem)),
    }


def ingest(
    driver: neo4j.Driver,
    paths: Iterable[str | Path],
    *,
    database: str = "neo4j",
    batch_size: int = DEFAULT_BATCH_SIZE,
    model: str | None = None,
    n_process: int = 1,
    force: bool = False,
    on_error: str = "fail",
    warn: Callable[[object], None] | None = None,
    on_extracted: Callable[[Document], None] | None = None,
    on_loaded: Progress | None = None,
) -> IngestSummary:
    """Extract and load the articles under ``paths``.

    ``warn`` hears about skipped files and lines, ``on_extracted`` about
    each document the model has read, ``on_loaded(done, total)`` about each
    document committed. Raises InputError when nothing could be read.
    """
    from extract.sources import SourceReport, read_documents

    started = time.perf_counter()
    summary = IngestSummary()
    report = SourceReport()

    def note(problem) -> None:
        summary.problems.append(problem)
        report.add(problem)
        if warn is not None:
            warn(problem)

    paths = [Path(p) for p in paths]
    documents = read_documents(paths, on_error=on_error, warn=note)  # type: ignore[arg-type]
    ensure_schema(driver, database=database)
    todo: list[DocumentRecord] = []

    def changed_only(stream: Iterable[Document]) -> Iterator[Document]:
        for chunk in batched_iter(stream, _STATE_CHUNK):
            summary.documents_read += len(chunk)
            states = document_states(driver, [DocumentRecord.of(d) for d in chunk], database=database)
            for document in chunk:
                if states[document.id] == UNCHANGED and not force:
                    summary.documents_unchanged += 1
                    continue
                todo.append(DocumentRecord.of(document))
                yield document

    pending = changed_only(documents)
    first = next(pending, None)
    if first is None:
        summary.seconds = time.perf_counter() - started
        if summary.documents_read == 0:
            named = ", ".join(str(p) for p in paths)
            raise InputError(f"{named}: no documents to read ({report.summary()})")
        return summary

    from extract.pipeline import extract_corpus  # spaCy loads only when there is new text for it

    facts = extract_corpus(_chain(first, pending), model=model, n_process=n_process, progress=on_extracted)
    facts = _with_documents(facts, todo)
    summary.documents_extracted = len(todo)
    summary.entities_extracted = len(facts.entities)
    summary.relations_extracted = len(facts.relations)
    loaded = 0

    def committed(done: int, total: int) -> None:
        nonlocal loaded
        loaded = done
        if on_loaded is not None:
            on_loaded(done, total)

    try:
        summary.load = load_facts(
            driver, facts, database=database, batch_size=batch_size, force=force, per_document=True, progress=committed
        )
    except DatabaseError as error:
        # Each transaction holds whole documents: what was committed stays, and
        # the next run skips it and loads the rest.
        raise DatabaseError(
            f"{error} ({loaded} of {len(todo)} documents were loaded before this; run the same command again to load the rest)"
        ) from None
    summary.seconds = time.perf_counter() - started
    return summary


def batched_iter(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Like :func:`graph.loader.batched`, for a stream."""
    chunk: list[Document] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _chain(first: Document, rest: Iterator[Document]) -> Iterator[Document]:
    yield first
    yield from rest


def _with_documents(facts: FactSet, records: list[DocumentRecord]) -> FactSet:
    """Every document read is recorded, even one that yielded no facts (so it is not re-read)."""
    listed = {d.id for d in facts.documents}
    missing = tuple(r for r in records if r.id not in listed)
    return replace(facts, documents=facts.documents + missing) if missing else facts
