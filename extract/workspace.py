"""A run's working store on disk, so that extraction's memory does not grow with the corpus.

Facts cannot be assembled one article at a time: an entity's canonical name,
a person's career and a fact stated in ten articles all need the whole
corpus. Instead of holding every article's facts in memory until the end, a
run writes them here (SQLite in a temporary folder, deleted on close) and
reads them back in the order each step needs: articles in corpus order,
jobs person by person, stated facts grouped by identity, merged facts in
the facts file's order. Entity resolution keeps its counts here too
(:attr:`Workspace.clusters`), so memory holds neither every article nor
every name.

The folder is the system's temporary one (``TMPDIR``); a run needs there
about three times the size of its facts file.
"""

from __future__ import annotations

import pickle
import sqlite3
import tempfile
from itertools import groupby
from pathlib import Path
from typing import Iterable, Iterator

from corpgraph.errors import WorkspaceError
from extract.clusters import ClusterStore, rows
from extract.model import DocumentRecord, Relation
from extract.pipeline import DocFacts

_SCHEMA = """
-- the record apart, so writing the facts file does not unpickle every article again
CREATE TABLE documents (ord INTEGER PRIMARY KEY, id TEXT NOT NULL, record BLOB NOT NULL, facts BLOB NOT NULL);
CREATE TABLE mentions (key TEXT NOT NULL, ord INTEGER NOT NULL, count INTEGER NOT NULL);
-- facts stated by articles, and those derived from careers (apart, because
-- they are written while the stated ones are read); seq: order of statement
CREATE TABLE stated (
    seq INTEGER PRIMARY KEY, predicate TEXT NOT NULL, subject TEXT NOT NULL, object TEXT NOT NULL,
    key TEXT NOT NULL, ord INTEGER, start INTEGER, event TEXT, fact BLOB NOT NULL
);
CREATE TABLE derived AS SELECT * FROM stated WHERE 0;
CREATE TABLE merged (
    predicate TEXT NOT NULL, subject TEXT NOT NULL, object TEXT NOT NULL, first INTEGER NOT NULL, fact BLOB NOT NULL
);
"""
# Built once the articles are in: cheaper than keeping them up to date while writing.
_INDEXES = (
    "CREATE INDEX mentions_by_key ON mentions (key, ord)",
    "CREATE INDEX stated_by_fact ON stated (predicate, subject, object)",
)
_PICKLE = pickle.HIGHEST_PROTOCOL
# SQLite's page cache: a fixed cost, whatever the corpus (its default is 2 MiB).
CACHE_KIB = 16 * 1024


class Workspace:
    """The store of one run. Use it as a context manager: the folder goes on exit."""

    def __init__(self, directory: str | Path | None = None) -> None:
        where = directory or tempfile.gettempdir()
        try:
            self._folder = tempfile.TemporaryDirectory(prefix="corpgraph-", dir=directory)
        except OSError as error:
            raise WorkspaceError(
                f"{where}: cannot create the run's working folder ({error.strerror or error}); "
                "point TMPDIR at a writable folder with free space"
            ) from None
        try:
            self._db = sqlite3.connect(Path(self._folder.name) / "run.sqlite", isolation_level=None)
            # Scratch data: a crash loses nothing worth a journal or an fsync.
            self._db.executescript(
                "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=FILE; "
                f"PRAGMA cache_size=-{CACHE_KIB};"
            )
            self._db.executescript(_SCHEMA)
            self.clusters = ClusterStore(self._db)
            self._db.execute("BEGIN")  # one transaction for the run: nothing here needs to survive it
        except sqlite3.Error as error:
            self._folder.cleanup()
            raise self._failed(error) from None
        self._documents = 0
        self._relations = 0
        self._indexed = False

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, kind, error, traceback) -> None:
        self.close()
        if isinstance(error, sqlite3.Error):
            raise self._failed(error) from None

    def _failed(self, error: sqlite3.Error) -> WorkspaceError:
        return WorkspaceError(
            f"{self._folder.name}: the run's working store failed ({error}); "
            "free space there, or point TMPDIR at a folder that has it"
        )

    def close(self) -> None:
        self._db.close()
        self._folder.cleanup()

    # -- articles -------------------------------------------------------

    def add_document(self, facts: DocFacts, mentions: dict[str, int]) -> int:
        """Keep one article's facts and how often it names each key; return its position."""
        ord_ = self._documents
        self._documents += 1
        self._db.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?)",
            (ord_, facts.id, pickle.dumps(facts.record, _PICKLE), pickle.dumps(facts, _PICKLE)),
        )
        self._db.executemany("INSERT INTO mentions VALUES (?, ?, ?)", ((k, ord_, n) for k, n in mentions.items()))
        return ord_

    @property
    def document_count(self) -> int:
        return self._documents

    def documents(self) -> Iterator[DocFacts]:
        """Every article's facts, in corpus order."""
        for (blob,) in self._query("SELECT facts FROM documents ORDER BY ord"):
            yield pickle.loads(blob)

    def records(self) -> Iterator[DocumentRecord]:
        for (blob,) in self._query("SELECT record FROM documents ORDER BY ord"):
            yield pickle.loads(blob)

    def mentions(self, keys: Iterable[str]) -> dict[str, int]:
        """How often each article names any of ``keys``: document id -> count, in corpus order."""
        self._index()
        keys = list(keys)
        marks = ",".join("?" * len(keys))
        rows = self._query(
            "SELECT d.id, SUM(m.count) FROM mentions m JOIN documents d ON d.ord = m.ord "
            f"WHERE m.key IN ({marks}) GROUP BY m.ord ORDER BY m.ord",
            keys,
        )
        return {doc_id: count for doc_id, count in rows}

    # -- facts ----------------------------------------------------------

    def add_relation(self, relation: Relation, *, stated: bool, event: str | None = None, ord_: int | None = None) -> None:
        """A fact as stated by an article (``ord_``, with its ``event``) or derived from a career."""
        start = relation.evidence[0].start if relation.evidence else None
        table = "stated" if stated else "derived"
        self._db.execute(
            f"INSERT INTO {table} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self._relations,
                relation.predicate,
                relation.subject,
                relation.object,
                repr(relation.key),
                ord_,
                start,
                event,
                pickle.dumps(relation, _PICKLE),
            ),
        )
        self._relations += 1

    def stated(self, predicate: str) -> Iterator[tuple[str, str]]:
        """(subject, object) of every stated ``predicate`` fact."""
        self._index()
        yield from self._query("SELECT subject, object FROM stated WHERE predicate = ?", (predicate,))

    def is_stated(self, subject: str, predicate: str, obj: str) -> bool:
        self._index()
        row = self._db.execute(
            "SELECT 1 FROM stated WHERE predicate = ? AND subject = ? AND object = ? LIMIT 1",
            (predicate, subject, obj),
        ).fetchone()
        return row is not None

    def careers(self) -> Iterator[tuple[str, list[tuple[Relation, str | None]]]]:
        """(person, [(WORKS_FOR or FOUNDED, event), ...]) with each person's stated jobs and
        foundings in story order: by article, then by position in it, then as stated."""
        rows = self._query(
            "SELECT subject, fact, event FROM stated WHERE predicate IN ('WORKS_FOR', 'FOUNDED') "
            "AND start IS NOT NULL ORDER BY subject, ord, start, seq"
        )
        for person, group in groupby(rows, key=lambda row: row[0]):
            yield person, [(pickle.loads(blob), event) for _, blob, event in group]

    def fact_groups(self) -> Iterator[tuple[int, list[Relation]]]:
        """(first statement, facts) for each fact identity, its statements in order."""
        rows = self._query(
            "SELECT key, seq, fact FROM (SELECT key, seq, fact FROM stated UNION ALL SELECT key, seq, fact FROM derived) "
            "ORDER BY key, seq"
        )
        for _, group in groupby(rows, key=lambda row: row[0]):
            items = list(group)
            yield items[0][1], [pickle.loads(blob) for _, _, blob in items]

    def add_merged(self, relation: Relation, first: int) -> None:
        self._db.execute(
            "INSERT INTO merged VALUES (?, ?, ?, ?, ?)",
            (relation.predicate, relation.subject, relation.object, first, pickle.dumps(relation, _PICKLE)),
        )

    def merged(self) -> Iterator[Relation]:
        """The merged facts in the facts file's order: by predicate, subject, object,
        then by when the fact was first stated."""
        for (blob,) in self._query("SELECT fact FROM merged ORDER BY predicate, subject, object, first"):
            yield pickle.loads(blob)

    def merged_ends(self) -> Iterator[str]:
        """Every entity id a merged fact uses."""
        for (entity_id,) in self._query("SELECT subject FROM merged UNION SELECT object FROM merged"):
            yield entity_id

    # -- plumbing -------------------------------------------------------

    def _index(self) -> None:
        if not self._indexed:
            for statement in _INDEXES:
                self._db.execute(statement)
            self._indexed = True

    def _query(self, sql: str, params: Iterable = ()) -> Iterator[tuple]:
        return rows(self._db, sql, params)
