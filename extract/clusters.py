"""What the corpus calls each document key, kept in the run's workspace.

Entity resolution needs every name of the corpus at once (see
:mod:`extract.resolve`). Held in dictionaries, that is about a kilobyte per
distinct entity, and a news corpus keeps naming new people: memory grew with
the corpus. Here the counts live in the run's SQLite store, and resolution
reads them back one person group or one entity at a time.

Order matters as much as counts: a tie between two spellings goes to the one
seen first, and so does a clash of two entity ids. Every row carries ``seq``,
the position at which the corpus first used it.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections import Counter
from itertools import groupby
from typing import Iterable, Iterator

from extract.model import Entity

_SCHEMA = """
CREATE TABLE clusters (key TEXT PRIMARY KEY, seq INTEGER NOT NULL, label TEXT NOT NULL, mentions INTEGER NOT NULL)
    WITHOUT ROWID;
CREATE TABLE surfaces (key TEXT NOT NULL, surface TEXT NOT NULL, seq INTEGER NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (key, surface)) WITHOUT ROWID;
CREATE TABLE kinds (key TEXT NOT NULL, kind TEXT NOT NULL, seq INTEGER NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (key, kind)) WITHOUT ROWID;
-- people: one row per PERSON key with its most used spelling
CREATE TABLE people (key TEXT PRIMARY KEY, seq INTEGER NOT NULL, name TEXT NOT NULL, first TEXT NOT NULL,
    words INTEGER NOT NULL, total INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE holders (word TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (word, key)) WITHOUT ROWID;
CREATE TABLE aliases (key TEXT PRIMARY KEY, target TEXT NOT NULL) WITHOUT ROWID;
-- keep: the facts file lists the entity (named well enough, or in a fact)
CREATE TABLE entities (id TEXT PRIMARY KEY, type TEXT NOT NULL, key TEXT NOT NULL, keep INTEGER NOT NULL,
    entity BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE entity_keys (key TEXT PRIMARY KEY, entity_id TEXT NOT NULL) WITHOUT ROWID;
"""
_PICKLE = pickle.HIGHEST_PROTOCOL


class ClusterStore:
    """The mention counts of a run and the entities resolved from them."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._db.executescript(_SCHEMA)
        self._seq = 0

    # -- counting, one document at a time --------------------------------

    def add(self, labels: dict[str, str], surfaces: Counter, kinds: Counter) -> None:
        """One document's mentions: ``labels`` key -> label, ``surfaces`` and
        ``kinds`` (key, text) -> count, each in the order the document uses them."""
        mentions: Counter = Counter()
        for (key, _), count in surfaces.items():
            mentions[key] += count
        self._db.executemany(
            "INSERT INTO clusters VALUES (?, ?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET mentions = mentions + excluded.mentions",
            ((key, self._next(), label, mentions[key]) for key, label in labels.items()),
        )
        for table, counts in (("surfaces", surfaces), ("kinds", kinds)):
            self._db.executemany(
                f"INSERT INTO {table} VALUES (?, ?, ?, ?) "
                "ON CONFLICT DO UPDATE SET count = count + excluded.count",
                ((key, text, self._next(), count) for (key, text), count in counts.items()),
            )

    def _next(self) -> int:
        self._seq += 1
        return self._seq

    # -- people ------------------------------------------------------------

    def person_keys(self) -> Iterator[tuple[str, int, str, int]]:
        """(key, seq, most used spelling, mentions) of every PERSON key; a tie
        between spellings goes to the first seen."""
        return rows(
            self._db,
            "SELECT c.key, c.seq, (SELECT surface FROM surfaces s WHERE s.key = c.key ORDER BY count DESC, seq LIMIT 1), "
            "(SELECT SUM(count) FROM surfaces s WHERE s.key = c.key) FROM clusters c WHERE c.label = 'PERSON'",
        )

    def add_people(self, rows: Iterable[tuple[str, int, str, str, int, int]]) -> None:
        """(key, seq, name, first word, word count, mentions) rows."""
        self._db.executemany("INSERT INTO people VALUES (?, ?, ?, ?, ?, ?)", rows)

    def full_name_groups(self) -> Iterator[list[tuple[str, str]]]:
        """People named with two words or more, grouped by first word and word
        count (only they can be one person), most mentioned first."""
        found = rows(
            self._db,
            "SELECT first, words, key, name FROM people WHERE words >= 2 ORDER BY first, words, total DESC, seq",
        )
        for _, group in groupby(found, key=lambda row: (row[0], row[1])):
            yield [(key, name) for _, _, key, name in group]

    def single_names(self) -> Iterator[tuple[str, str]]:
        return rows(self._db, "SELECT key, name FROM people WHERE words = 1")

    def add_holder(self, key: str, words: Iterable[str]) -> None:
        """``key`` is a canonical full name containing ``words``."""
        self._db.executemany("INSERT OR IGNORE INTO holders VALUES (?, ?)", ((word, key) for word in words))

    def holders(self, word: str, limit: int) -> list[str]:
        """Up to ``limit`` canonical full names that contain ``word``."""
        return [key for (key,) in self._db.execute("SELECT key FROM holders WHERE word = ? LIMIT ?", (word, limit))]

    def add_alias(self, key: str, target: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO aliases VALUES (?, ?)", (key, target))

    # -- entities ----------------------------------------------------------

    def merged_clusters(self) -> Iterator[tuple[str, list[tuple[str, str, int]]]]:
        """(target key, [(key, label, mentions), ...]) for each entity-to-be: a key
        with the keys that are its aliases, ordered by their first use, and the
        entities by the first use of any of their keys."""
        self._db.executescript(
            """
            CREATE TEMP TABLE members AS
                SELECT COALESCE(a.target, c.key) AS target, c.key, c.seq, c.label, c.mentions
                FROM clusters c LEFT JOIN aliases a ON a.key = c.key;
            CREATE TEMP TABLE targets AS SELECT target, MIN(seq) AS first FROM members GROUP BY target;
            """
        )
        found = rows(
            self._db,
            "SELECT t.first, m.target, m.key, m.label, m.mentions FROM temp.targets t JOIN temp.members m "
            "ON m.target = t.target ORDER BY t.first, m.seq",
        )
        for (_, target), group in groupby(found, key=lambda row: (row[0], row[1])):
            yield target, [(key, label, mentions) for _, _, key, label, mentions in group]

    def surfaces(self, key: str) -> list[tuple[str, int]]:
        return self._db.execute("SELECT surface, count FROM surfaces WHERE key = ? ORDER BY seq", (key,)).fetchall()

    def kinds(self, key: str) -> list[tuple[str, int]]:
        return self._db.execute("SELECT kind, count FROM kinds WHERE key = ? ORDER BY seq", (key,)).fetchall()

    def claimant(self, entity_id: str) -> str | None:
        """The key whose entity has ``entity_id``, if any."""
        row = self._db.execute("SELECT key FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return row[0] if row else None

    def add_entity(self, entity: Entity, key: str, members: Iterable[str], keep: bool) -> None:
        """The entity of ``key``, named by the document keys ``members``; ``keep``:
        listed even if no fact uses it."""
        self._db.execute(
            "INSERT OR REPLACE INTO entities VALUES (?, ?, ?, ?, ?)",
            (entity.id, entity.type, key, int(keep), pickle.dumps(entity, _PICKLE)),
        )
        self._db.executemany(
            "INSERT OR REPLACE INTO entity_keys VALUES (?, ?)", ((member, entity.id) for member in members)
        )

    def finish(self) -> None:
        """Counts are no longer needed once the entities are built; lookups by entity come next."""
        self._db.executescript(
            """
            DROP TABLE temp.members; DROP TABLE temp.targets;
            CREATE INDEX entity_keys_by_entity ON entity_keys (entity_id, key);
            """
        )

    def entity_for(self, key: str) -> Entity | None:
        row = self._db.execute(
            "SELECT e.entity FROM entity_keys k JOIN entities e ON e.id = k.entity_id WHERE k.key = ?", (key,)
        ).fetchone()
        return pickle.loads(row[0]) if row else None

    def keys(self, entity_id: str) -> list[str]:
        return [key for (key,) in self._db.execute("SELECT key FROM entity_keys WHERE entity_id = ?", (entity_id,))]

    def keep(self, entity_ids: Iterable[str]) -> None:
        """List these entities in the facts file however they are named."""
        self._db.executemany("UPDATE entities SET keep = 1 WHERE id = ?", ((i,) for i in entity_ids))

    def kept(self) -> Iterator[Entity]:
        """The entities the facts file lists, in its order (type, id)."""
        for (blob,) in rows(self._db, "SELECT entity FROM entities WHERE keep ORDER BY type, id"):
            yield pickle.loads(blob)

    def count_kept(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM entities WHERE keep").fetchone()[0]


def rows(db: sqlite3.Connection, sql: str, params: Iterable = ()) -> Iterator[tuple]:
    """Rows of ``sql``, fetched a few at a time, on a cursor of their own so
    other statements can run while they are read."""
    cursor = db.execute(sql, tuple(params))
    while rows := cursor.fetchmany(256):
        yield from rows
