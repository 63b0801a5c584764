"""Load facts into Neo4j: batched, idempotent, incremental, atomic per document.

How the graph is written (see also README.md, "The graph"):

* Nodes ``Person``, ``Organization``, ``Product`` keyed by ``id``, with
  ``name``, ``aliases``, ``kind`` and ``search_names`` (lower-cased name,
  aliases and id, for case-insensitive lookups through the ``entity_keys``
  index). ``(:Document {id, sha256, facts_sha256, title, date, url, source, loaded_at})``
  and ``(:Document)-[:MENTIONS {count}]->(entity)``.
* One relationship per fact, typed by its predicate, with its qualifiers as
  properties (MOVED keeps ``from`` as the id and ``from_name`` as the name),
  and its provenance as parallel lists: ``evidence`` (sentences),
  ``evidence_docs``, ``evidence_starts``, ``evidence_ends``,
  ``evidence_confidences``; plus ``confidence`` (their maximum) and
  ``sources`` (distinct documents). Symmetric predicates are stored once, from
  the smaller id to the larger.
* ``(:Organization)-[:TALENT_FLOW {person, person_id, date, role, evidence,
  evidence_docs, confidence, sources}]->(:Organization)`` mirrors each MOVED.

Each query is one static string per entity type or per (predicate, subject
type, object type), fed ``UNWIND $rows`` batches, so the server plans it once.
A document already loaded with the same sha256 and the same facts
(``FactIndex.fingerprint``) is skipped; one whose text or facts changed first
has its own evidence taken out (facts left without evidence, and entities
left without any relationship, go), then is loaded again.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import logging
import threading
import zlib
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from collections import Counter, defaultdict
from dataclasses import dataclass, field, fields, replace
from itertools import islice
from typing import Any, Callable, Collection, Iterable, Iterator, Mapping, Sequence

import neo4j

from corpgraph.errors import DatabaseError, InputError
from corpgraph.settings import DEFAULT_BATCH_SIZE, DEFAULT_WRITERS
from extract.model import DocumentRecord, Entity, Evidence, FactSet, Relation
from extract.ontology import ENTITY_TYPES, PREDICATES, allows
from graph.schema import ensure_schema
from graph.statements import RELATION_IDENTITY, Batch, database_errors, read_query, render, split_statements

log = logging.getLogger(__name__)

NEW, CHANGED, UNCHANGED, UNFINISHED, IDENTICAL = "new", "changed", "unchanged", "unfinished", "identical"

# Part of every facts fingerprint: bump it when what the loader writes for a
# document changes, so documents loaded the old way are written again.
FINGERPRINT_VERSION = "corpgraph-facts-1"

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` after each unit of work (a document, or a batch)."""


@dataclass
class LoadSummary:
    """What a load did. ``*_created`` counts what was not in the graph before."""

    documents_new: int = 0
    documents_changed: int = 0
    documents_skipped: int = 0
    entities: int = 0
    entities_created: int = 0
    relations: int = 0
    relations_created: int = 0

    @property
    def documents_loaded(self) -> int:
        return self.documents_new + self.documents_changed

    @property
    def entities_present(self) -> int:
        return self.entities - self.entities_created

    @property
    def relations_present(self) -> int:
        return self.relations - self.relations_created

    def add(self, other: "LoadSummary") -> "LoadSummary":
        for spec in fields(self):
            setattr(self, spec.name, getattr(self, spec.name) + getattr(other, spec.name))
        return self

    def as_dict(self) -> dict[str, int]:
        data = {spec.name: getattr(self, spec.name) for spec in fields(self)}
        data.update(
            documents_loaded=self.documents_loaded,
            entities_present=self.entities_present,
            relations_present=self.relations_present,
        )
        return data


# ---------------------------------------------------------------------------
# Facts -> rows (pure; no database)


def search_names(entity: Entity) -> list[str]:
    """Lower-cased name, aliases and id: what a report parameter may match.

    >>> search_names(Entity("nova-motors", "Organization", "Nova Motors", ("NOVA  Motors", "Nova")))
    ['nova motors', 'nova', 'nova-motors']
    """
    keys: list[str] = []
    for text in (entity.name, *entity.aliases, entity.id):
        key = " ".join(str(text).lower().split())
        if key and key not in keys:
            keys.append(key)
    return keys


def _property_value(value: Any) -> Any:
    """A value Neo4j can store: scalars and lists of scalars; anything else as JSON."""
    if isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, str) for v in value):
        return list(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _qualifiers(relation: Relation) -> dict[str, Any]:
    """The predicate's own qualifiers, null-free; others are not part of the ontology."""
    spec = PREDICATES[relation.predicate]
    return {
        key: _property_value(value)
        for key, value in relation.qualifiers.items()
        if key in spec.qualifiers and key != "from" and value is not None
    }


class FactIndex:
    """A FactSet checked against the ontology and indexed by document.

    Raises InputError for facts the graph cannot hold: a relation whose ends
    are not listed entities, whose types the predicate does not allow, a MOVED
    without ``from``, or evidence citing an unlisted document.
    """

    def __init__(self, facts: FactSet) -> None:
        self.facts = facts
        self.entities: dict[str, Entity] = {}
        for entity in facts.entities:
            known = self.entities.get(entity.id)
            if known is not None and known.type != entity.type:
                raise InputError(f"entity {entity.id!r} is listed as both {known.type} and {entity.type}; ids must be unique")
            self.entities.setdefault(entity.id, entity)
        self.documents: dict[str, DocumentRecord] = {doc.id: doc for doc in facts.documents}
        self._by_document: dict[str, list[Relation]] | None = None
        self._fingerprints: dict[str, str] | None = None
        self.supported: list[tuple[Relation, dict[str, list[Evidence]]]] = []
        self.unsupported: list[Relation] = []
        # Distinct (start, end) spans per (document, entity): its mention count.
        spans: dict[tuple[str, str], set[tuple[int, int]]] = {}
        documents = self.documents
        for relation in facts.relations:
            self._check(relation)
            by_doc: dict[str, list[Evidence]] = {}
            for evidence in relation.evidence:
                items = by_doc.get(evidence.doc)
                if items is None:
                    if evidence.doc not in documents:
                        raise InputError(
                            f"relation {relation.subject} {relation.predicate} {relation.object}: "
                            f"evidence cites document {evidence.doc!r}, which the facts do not list"
                        )
                    by_doc[evidence.doc] = [evidence]
                elif evidence not in items:
                    items.append(evidence)
            if not by_doc:
                self.unsupported.append(relation)
                continue
            self.supported.append((relation, by_doc))
            ends = self.participants(relation)
            for doc, items in by_doc.items():
                found = [(e.start, e.end) for e in items]
                for entity_id in ends:
                    known = spans.get((doc, entity_id))
                    if known is None:
                        spans[(doc, entity_id)] = set(found)
                    else:
                        known.update(found)
        self.mentions: dict[str, Counter[str]] = defaultdict(Counter)
        for (doc, entity_id), found in spans.items():
            self.mentions[doc][entity_id] = len(found)
        for entity in self.entities.values():
            declared = entity.attrs.get("mentions")
            if isinstance(declared, Mapping):
                for doc, count in declared.items():
                    if doc in self.documents and isinstance(count, int) and count > 0:
                        self.mentions[doc][entity.id] = count
        attached = {entity_id for counts in self.mentions.values() for entity_id in counts}
        attached |= {i for r in self.unsupported for i in self.participants(r)}
        self.unattached = [e for e in self.entities.values() if e.id not in attached]

    @property
    def by_document(self) -> dict[str, list[Relation]]:
        """Each document's facts, with that document's evidence only (built on first use:
        only per-document loads need it)."""
        if self._by_document is None:
            self._by_document = defaultdict(list)
            for relation, by_doc in self.supported:
                for doc, items in by_doc.items():
                    whole = len(by_doc) == 1 and len(items) == len(relation.evidence)
                    self._by_document[doc].append(relation if whole else replace(relation, evidence=tuple(items)))
        return self._by_document

    def participants(self, relation: Relation) -> list[str]:
        """Entities a fact is about: its ends, and where a MOVED person came from."""
        ids = [relation.subject, relation.object]
        origin = relation.qualifiers.get("from") if relation.predicate == "MOVED" else None
        if origin in self.entities:
            ids.append(origin)
        return ids

    def type_of(self, entity_id: str) -> str:
        return self.entities[entity_id].type

    def fingerprint(self, doc_id: str) -> str:
        """A sha256 of what one document says: its record, the entities it mentions
        (id, type, count) and its facts with its own evidence.

        Equal fingerprints mean loading the document again would change nothing, so a
        re-extraction that finds the same facts is not written twice. What depends on
        the rest of the corpus is left out: an entity's name and aliases (written when
        the entity is created, aliases only ever added) and a fact's confidence (each
        sentence keeps the one it was loaded with), so adding documents to a facts
        file does not make the ones already loaded look changed.
        """
        if self._fingerprints is None:
            self._fingerprints = {}
        known = self._fingerprints.get(doc_id)
        if known is not None:
            return known
        doc = self.documents[doc_id]
        parts = [repr((FINGERPRINT_VERSION, doc.id, doc.sha256, doc.title, doc.date, doc.url, doc.source))]
        for entity_id, count in sorted(self.mentions.get(doc_id, Counter()).items()):
            parts.append(repr((entity_id, self.entities[entity_id].type, count)))
        # A sentence is its document's text between the offsets, and the text's sha256 is
        # part of the fingerprint: the offsets say which evidence it is.
        parts.extend(
            sorted(
                repr((r.subject, r.predicate, r.object, sorted(r.qualifiers.items()), [(e.start, e.end) for e in r.evidence]))
                for r in self.by_document.get(doc_id, ())
            )
        )
        digest = hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
        self._fingerprints[doc_id] = digest
        return digest

    def _check(self, relation: Relation) -> None:
        where = f"relation {relation.subject} {relation.predicate} {relation.object}"
        for end in (relation.subject, relation.object):
            if end not in self.entities:
                raise InputError(f"{where}: entity {end!r} is not among the facts' entities")
        subject_type, object_type = self.type_of(relation.subject), self.type_of(relation.object)
        if not allows(relation.predicate, subject_type, object_type):
            raise InputError(f"{where}: the ontology does not allow {relation.predicate} from {subject_type} to {object_type}")
        if relation.predicate == "MOVED" and not relation.qualifiers.get("from"):
            raise InputError(f"{where}: MOVED needs the qualifier 'from' (the organisation left)")

    def restrict(self, doc_ids: Iterable[str], *, unattached: bool = True) -> FactSet:
        """The facts as supported by these documents only (plus, optionally, entities tied to none)."""
        wanted = [d for d in dict.fromkeys(doc_ids) if d in self.documents]
        if len(wanted) == 1:
            relations = list(self.by_document.get(wanted[0], ()))
        else:
            # One fact stays one row, with the evidence of every wanted document.
            keep = set(wanted)
            relations = []
            for relation, by_doc in self.supported:
                evidence = tuple(e for doc, items in by_doc.items() if doc in keep for e in items)
                if evidence:
                    relations.append(relation if len(evidence) == len(relation.evidence) else replace(relation, evidence=evidence))
        entity_ids = dict.fromkeys(i for d in wanted for i in self.mentions.get(d, ()))
        entities = [self.entities[i] for i in entity_ids if i in self.entities]
        if unattached:
            entities += self.unattached
            relations += self.unsupported
            entities += [self.entities[i] for r in self.unsupported for i in self.participants(r) if i not in entity_ids]
        return FactSet(
            documents=tuple(self.documents[d] for d in wanted),
            entities=tuple(dict((e.id, e) for e in entities).values()),
            relations=tuple(relations),
        )

    def split(self) -> Iterator[FactSet]:
        """One FactSet per document, then one for the entities and facts tied to no document."""
        for doc in self.documents:
            yield self.restrict([doc], unattached=False)
        if self.unattached or self.unsupported:
            yield self.restrict([], unattached=True)


def split_by_document(facts: FactSet) -> list[FactSet]:
    """Each document's own facts, for loading one document per transaction."""
    return list(FactIndex(facts).split())


@dataclass
class Rows:
    """A FactSet as the parameter rows of the load queries, grouped by query."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    entities: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    mentions: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    relations: dict[tuple[str, str, str], list[dict[str, Any]]] = field(default_factory=dict)

    @classmethod
    def of(cls, facts: FactSet, index: FactIndex | None = None) -> "Rows":
        """All the rows, with each document's facts fingerprint (batched loads build the
        parts apart: :meth:`of_nodes`, :meth:`relation_rows`, :meth:`add_fingerprints`)."""
        index = index or FactIndex(facts)
        rows = cls.of_nodes(facts, index)
        rows.relations = cls.relation_rows(facts, index)
        rows.add_fingerprints(index)
        return rows

    @classmethod
    def of_nodes(cls, facts: FactSet, index: FactIndex) -> "Rows":
        """Documents, entities and mentions only: what must be written before the facts."""
        rows = cls()
        rows.documents = [
            {"id": d.id, "sha256": d.sha256, "facts_sha256": None,
             "title": d.title, "date": d.date, "url": d.url, "source": d.source}
            for d in facts.documents
        ]
        entities: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for entity in facts.entities:
            kind = entity.kind if isinstance(entity.kind, str) else None
            entities[entity.type].append(
                {
                    "id": entity.id,
                    "name": entity.name,
                    "kind": kind,
                    "aliases": list(dict.fromkeys(a for a in entity.aliases if a)),
                    "search_names": search_names(entity),
                }
            )
        rows.entities = {label: sorted(items, key=lambda r: r["id"]) for label, items in entities.items()}
        mentions: dict[str, list[dict[str, Any]]] = defaultdict(list)
        loaded = {e.id for e in facts.entities}
        for doc in facts.documents:
            items: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for entity_id, count in sorted(index.mentions.get(doc.id, Counter()).items()):
                if entity_id in loaded:
                    items[index.entities[entity_id].type].append({"id": entity_id, "count": count})
            for label, found in items.items():
                mentions[label].append({"doc": doc.id, "items": found})
        rows.mentions = dict(mentions)
        return rows

    def add_fingerprints(self, index: FactIndex) -> None:
        """Fill in the documents' ``facts_sha256``, written when they are finished."""
        for row in self.documents:
            row["facts_sha256"] = index.fingerprint(row["id"]) if row["id"] in index.documents else None

    @staticmethod
    def relation_rows(facts: FactSet, index: FactIndex) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
        """One row per fact, grouped by (predicate, subject label, object label)."""
        relations: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
        # Rows of one batch run before any of them writes, so two rows for the
        # same relationship (A-B and B-A of a symmetric predicate) become one.
        seen: dict[tuple[Any, ...], dict[str, Any]] = {}
        for relation in facts.relations:
            subject, obj = relation.subject, relation.object
            if PREDICATES[relation.predicate].symmetric and obj < subject:
                subject, obj = obj, subject
            row: dict[str, Any] = {
                "subject": subject,
                "object": obj,
                "qualifiers": _qualifiers(relation),
                "confidence": float(relation.confidence),
                "evidence": [e.to_json() for e in dict.fromkeys(relation.evidence)],
            }
            if relation.predicate == "MOVED":
                origin = str(relation.qualifiers["from"])
                row["from"] = origin
                known = index.entities.get(origin)
                row["qualifiers"]["from_name"] = known.name if known else origin
            identity = (relation.predicate, subject, obj, row.get("from"))
            earlier = seen.get(identity)
            if earlier is not None:
                earlier["evidence"] += [e for e in row["evidence"] if e not in earlier["evidence"]]
                earlier["confidence"] = max(earlier["confidence"], row["confidence"])
                continue
            seen[identity] = row
            key = (relation.predicate, index.type_of(subject), index.type_of(obj))
            relations[key].append(row)
        for row in seen.values():
            row["sources"] = len({e["doc"] for e in row["evidence"]})
        return {key: sorted(items, key=lambda r: (r["subject"], r["object"])) for key, items in relations.items()}


def batched(items: Sequence[Any], size: int, weight: Callable[[Any], int] | None = None) -> Iterator[list[Any]]:
    """Consecutive chunks of at most ``size`` items, or of at most ``size`` total
    ``weight`` (an item heavier than that makes a chunk of its own).

    >>> [len(chunk) for chunk in batched(list(range(5)), 2)]
    [2, 2, 1]
    >>> [sum(chunk) for chunk in batched([3, 1, 1, 4, 2], 4, weight=lambda n: n)]
    [4, 1, 4, 2]
    """
    if size < 1:
        raise ValueError(f"batch size must be at least 1, not {size}")
    if weight is None:
        iterator = iter(items)
        while chunk := list(islice(iterator, size)):
            yield chunk
        return
    chunk, total = [], 0
    for item in items:
        cost = weight(item)
        if chunk and total + cost > size:
            yield chunk
            chunk, total = [], 0
        chunk.append(item)
        total += cost
    if chunk:
        yield chunk


def row_weight(row: Mapping[str, Any]) -> int:
    """What a row costs the server: a document's MENTIONS row carries many entities."""
    items = row.get("items")
    return len(items) if isinstance(items, list) else 1


def _chunks(items: Sequence[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    return batched(items, size, weight=row_weight)


# ---------------------------------------------------------------------------
# Rows -> Neo4j


def _entity_query(label: str) -> str:
    return render("merge_entities", LABEL=label)


def _mention_query(label: str) -> str:
    return render("merge_mentions", LABEL=label)


def _relation_query(predicate: str, subject_label: str, object_label: str) -> str:
    return render(
        "merge_relations",
        PREDICATE=predicate,
        SUBJECT_LABEL=subject_label,
        OBJECT_LABEL=object_label,
        IDENTITY=RELATION_IDENTITY.get(predicate, ""),
        # A MOVED (Person -> Organization only) also writes its TALENT_FLOW.
        THEN="mirror_talent_flow" if predicate == "MOVED" else "",
    )


# One query with its rows and what its rows count as (entities, mentions, relations or nothing).
_Step = tuple[str, list[dict[str, Any]], "str | None"]


class _Steps:
    """The load as a list of (query, rows, counter) steps, in dependency order."""

    def __init__(self, rows: Rows) -> None:
        self.rows = rows

    def before(self) -> list[_Step]:
        return [(read_query("begin_documents"), self.rows.documents, None)]

    def body(self) -> list[_Step]:
        return self.nodes() + self.facts()

    def nodes(self) -> list[_Step]:
        return self.entities() + self.mentions()

    def entities(self) -> list[_Step]:
        return [(_entity_query(label), self.rows.entities[label], "entities")
                for label in ENTITY_TYPES if self.rows.entities.get(label)]

    def mentions(self) -> list[_Step]:
        return [(_mention_query(label), self.rows.mentions[label], "mentions")
                for label in ENTITY_TYPES if self.rows.mentions.get(label)]

    def facts(self) -> list[_Step]:
        owned, shared = self.facts_by_lock()
        return owned + shared

    def facts_by_lock(self) -> tuple[list[_Step], list[_Step]]:
        """The fact steps concurrent writers can share out by subject, and the rest.

        A fact query write-locks its subject while it runs; at commit, Neo4j
        also locks the other nodes it linked (in a fixed order). Writers owning
        different subjects of one label never deadlock as long as no step among
        them links a node of that label other than its subject: the steps whose
        subject has the label with the most rows, and whose other ends (and,
        for MOVED, talent flows between organisations) have other labels. The
        rest are written by one writer afterwards.
        """
        def others(key: tuple[str, str, str]) -> set[str]:
            predicate, _, object_label = key
            return {object_label, "Organization"} if predicate == "MOVED" else {object_label}

        keys = sorted(self.rows.relations)
        weight: Counter[str] = Counter()
        for key in keys:
            if key[1] not in others(key):
                weight[key[1]] += len(self.rows.relations[key])
        label = max(sorted(weight), key=lambda name: weight[name]) if weight else None

        def step(key: tuple[str, str, str]) -> _Step:
            return (_relation_query(*key), self.rows.relations[key], "relations")

        owned = [step(key) for key in keys if key[1] == label and label not in others(key)]
        shared = [step(key) for key in keys if not (key[1] == label and label not in others(key))]
        return owned, shared

    def after(self) -> list[_Step]:
        return [(read_query("finish_documents"), self.rows.documents, None)]


def _run_step(tx: neo4j.ManagedTransaction, query: str, rows: list[dict[str, Any]], counter: str | None, summary: LoadSummary) -> None:
    result = tx.run(query, rows=Batch(rows))
    if counter in ("relations", "mentions"):
        record = result.single(strict=True)
        expected = len(rows) if counter == "relations" else sum(row_weight(row) for row in rows)
        if record["written"] != expected:
            # A MATCH found no entity: its rows were dropped. Only a purge by
            # another load of the same documents, at the same time, does that.
            raise DatabaseError(
                f"loading facts failed: {expected - record['written']} of {expected} {counter} name an entity or "
                "document that is not in the graph any more (another load of the same documents running at the "
                "same time?): run the load again"
            )
        if counter == "relations":
            # Counters would include the TALENT_FLOWs a MOVED writes: the query counts its facts.
            summary.relations += len(rows)
            summary.relations_created += record["created"]
    counters = result.consume().counters
    if counter == "entities":
        summary.entities += len(rows)
        summary.entities_created += counters.nodes_created


def _sync_talent_flows(tx: neo4j.ManagedTransaction, persons: Sequence[str]) -> None:
    if persons:
        tx.run(read_query("prune_talent_flows"), persons=Batch(persons)).consume()
        tx.run(read_query("sync_talent_flows"), persons=Batch(persons)).consume()


def _purge(tx: neo4j.ManagedTransaction, doc_ids: Sequence[str]) -> list[str]:
    """Take documents' evidence out of the graph; return the people whose moves changed."""
    record = tx.run(read_query("purge_document"), docs=Batch(doc_ids)).single()
    tx.run(read_query("purge_mentions"), docs=Batch(doc_ids)).consume()
    return list(record["movers"]) if record else []


def document_states(
    driver: neo4j.Driver,
    documents: Iterable[DocumentRecord],
    *,
    database: str = "neo4j",
    fingerprints: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """For each document: ``new``; ``unchanged`` (the same text was loaded); ``identical``
    (the same text, and the same facts: ``fingerprints``, from :meth:`FactIndex.fingerprint`,
    match the recorded ones); ``changed`` (another text was loaded or begun, or the same
    text with other facts); or ``unfinished`` (a load of this very text was begun and not
    finished: cut off, or running in another process now; loading it again only adds what
    is missing)."""
    wanted = {doc.id: doc.sha256 for doc in documents}
    if not wanted:
        return {}
    fingerprints = fingerprints or {}
    with database_errors("reading loaded documents"), driver.session(database=database) as session:
        recorded = session.execute_read(
            lambda tx: {
                r["id"]: (r["known"], r["sha256"], r["pending"], r["facts"])
                for r in tx.run(read_query("document_states"), ids=Batch(wanted))
            }
        )
    states: dict[str, str] = {}
    for doc_id, sha256 in wanted.items():
        known, recorded_sha, pending, facts = recorded.get(doc_id, (False, None, None, None))
        if not known:
            states[doc_id] = NEW
        elif recorded_sha == sha256:
            # Asked for only here: a load passes fingerprints computed on demand,
            # and new or changed documents get theirs later, off the critical path.
            fingerprint = fingerprints.get(doc_id) if facts is not None else None
            # Without both fingerprints (a document loaded before they were kept,
            # or a caller that has no facts yet) only the text can be compared.
            if fingerprint is None or facts is None:
                states[doc_id] = UNCHANGED
            else:
                states[doc_id] = IDENTICAL if facts == fingerprint else CHANGED
        elif recorded_sha is None and pending == sha256:
            # Completed whatever facts it was begun with: two runs on overlapping
            # folders load the same text at once (with other file names, so other
            # fingerprints), and one must not purge what the other is writing.
            states[doc_id] = UNFINISHED
        else:
            states[doc_id] = CHANGED
    return states


def load_document(
    driver: neo4j.Driver,
    facts: FactSet,
    *,
    database: str = "neo4j",
    batch_size: int = DEFAULT_BATCH_SIZE,
    replace_existing: bool | Collection[str] = False,
    await_indexes: bool = True,
) -> LoadSummary:
    """Load facts in ONE transaction: all of it is committed, or none.

    Meant for whole documents' facts (see :func:`split_by_document`). With
    ``replace_existing`` the documents' earlier evidence (True: every one of
    them; a collection of ids: those) is taken out first, in the same
    transaction, so readers never see a half-replaced document.
    It returns once the full-text indexes hold what it wrote (unless
    ``await_indexes`` is false: a caller loading many documents waits once).
    The schema must exist (:func:`graph.schema.ensure_schema`, once per
    database; :func:`load_facts` and ``graph.ingest.ingest`` create it).
    """
    index = FactIndex(facts)
    rows = Rows.of(facts, index)
    steps = _Steps(rows)

    def work(tx: neo4j.ManagedTransaction) -> LoadSummary:
        summary = LoadSummary()
        movers: set[str] = set()
        for query, items, counter in steps.before():
            for chunk in _chunks(items, batch_size):
                _run_step(tx, query, chunk, counter, summary)
        purged = [doc.id for doc in facts.documents if replace_existing is True or
                  (replace_existing and doc.id in replace_existing)]
        if purged:
            movers.update(_purge(tx, purged))
        for query, items, counter in steps.body():
            for chunk in _chunks(items, batch_size):
                _run_step(tx, query, chunk, counter, summary)
        for chunk in batched(sorted(movers), batch_size):
            _sync_talent_flows(tx, chunk)
        for query, items, counter in steps.after():
            for chunk in _chunks(items, batch_size):
                _run_step(tx, query, chunk, counter, summary)
        return summary

    with database_errors("loading facts"), driver.session(database=database) as session:
        summary = session.execute_write(work)
        if await_indexes:
            _await_indexes(session)
        return summary


def _await_indexes(session: neo4j.Session) -> None:
    """Return once the full-text indexes hold every committed write (they are eventually consistent)."""
    session.run(read_query("await_indexes")).consume()


class _CollectorPause:
    """Python's cycle collector off while loads build their rows.

    Indexing and row building make millions of small dicts, lists and tuples
    (none in cycles: reference counting frees them), and every few thousand
    allocations the collector walked all the facts in memory: half the
    client's time at 200,000 facts. Nested and concurrent loads share one
    pause; the collector is back on (if it was on) when the last one ends.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._depth = 0
        self._was_enabled = False

    @contextlib.contextmanager
    def __call__(self) -> Iterator[None]:
        with self._lock:
            if self._depth == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._depth += 1
        try:
            yield
        finally:
            with self._lock:
                self._depth -= 1
                if self._depth == 0 and self._was_enabled:
                    gc.enable()


_collector_paused = _CollectorPause()


@_collector_paused()
def load_facts(
    driver: neo4j.Driver,
    facts: FactSet,
    *,
    database: str = "neo4j",
    batch_size: int = DEFAULT_BATCH_SIZE,
    force: bool = False,
    per_document: bool = False,
    writers: int = DEFAULT_WRITERS,
    progress: Progress | None = None,
) -> LoadSummary:
    """Load a FactSet: new documents are added, changed ones replaced, unchanged ones skipped.

    A document is unchanged when its text (sha256) and its facts (fingerprint)
    are the ones loaded; the same text with other facts (a new extractor) is
    replaced. ``force`` also replaces documents whose facts cannot be compared
    (loaded by a version that kept no fingerprint); identical facts are never
    written twice. With
    ``per_document`` every transaction holds whole documents, marked loaded in
    it (one document, or several small ones up to ``batch_size`` rows: what
    ``kg ingest`` does); otherwise rows go in batches of ``batch_size``, one
    transaction per batch, which is faster for large facts files, and the
    documents are marked loaded only at the end, so an interrupted load is
    redone by the next run. Batches go to ``writers`` sessions at once, each
    owning its share of documents, entities and facts' subjects (see
    :class:`_Writers`); the graph is the same for any number of writers.
    The schema is created first when missing: without its uniqueness
    constraints every look-up scans a label and concurrent loads could
    duplicate nodes.
    """
    ensure_schema(driver, database=database)
    index = FactIndex(facts)
    states = document_states(driver, facts.documents, database=database, fingerprints=_Fingerprints(index))
    summary = LoadSummary()
    to_load = []
    for doc in facts.documents:
        state = states[doc.id]
        if state == IDENTICAL or (state == UNCHANGED and not force):
            summary.documents_skipped += 1
            continue
        to_load.append(doc.id)
        if state in (NEW, UNFINISHED):
            summary.documents_new += 1
        else:
            summary.documents_changed += 1
    # With force, unchanged documents are replaced too; an unfinished one of
    # the same text is only completed (MERGE adds what is missing).
    replace_ids = {d for d in to_load if states[d] in (CHANGED, UNCHANGED)}

    if per_document:
        # Whole documents per transaction, several while they stay under
        # batch_size rows: a document is never split, and small ones do not
        # each pay a commit and a dozen round trips.
        groups = list(batched(to_load, batch_size, weight=lambda d: max(1, len(index.mentions.get(d, ())) + len(index.by_document.get(d, ())))))
        parts = [(index.restrict(group, unattached=False), len(group)) for group in groups]
        if index.unattached or index.unsupported:
            parts.append((index.restrict([], unattached=True), 1))
        total = sum(size for _, size in parts)
        done = 0
        for number, (part, size) in enumerate(parts, 1):
            loaded = load_document(driver, part, database=database, batch_size=batch_size,
                                   replace_existing={doc.id for doc in part.documents} & replace_ids,
                                   await_indexes=number == len(parts))
            summary.entities += loaded.entities
            summary.entities_created += loaded.entities_created
            summary.relations += loaded.relations
            summary.relations_created += loaded.relations_created
            done += size
            if progress:
                progress(done, total)
        return summary

    part = index.restrict(to_load, unattached=True)
    rows = Rows.of_nodes(part, index)
    steps = _Steps(rows)
    # The facts' rows and the documents' fingerprints are built on a thread of
    # their own while the nodes and mentions are written: the client then works
    # while the server does, instead of before it.
    later = _Background(lambda: (Rows.relation_rows(part, index), {d.id: index.fingerprint(d.id) for d in part.documents}))
    # A purge rewrites the facts its documents mention: documents go in chunks
    # of about batch_size mentions, one transaction each, one at a time.
    purge_chunks = list(batched(sorted(replace_ids), batch_size, weight=lambda d: max(1, len(index.mentions.get(d, ())))))
    writing = _Writers(driver, database, writers, batch_size, progress)
    # Documents and entities, then mentions, then facts: each phase reads what
    # the one before committed. Purges tell which people's flows need a resync,
    # and the facts' transactions are known once their rows are built: both
    # are counted when known.
    node_phases = [writing.plan(phase) for phase in (
        [steps.before() + steps.entities(), steps.mentions()] if writing.count > 1 else [steps.before() + steps.nodes()])]
    # The documents' rows: their fingerprints are filled in before they run.
    finish = writing.plan(steps.after())
    writing.expect(len(purge_chunks) + sum(writing.planned(phase) for phase in node_phases) + writing.planned(finish))

    movers: set[str] = set()
    with database_errors("loading facts"), driver.session(database=database) as session:
        for doc_ids in purge_chunks:
            movers.update(session.execute_write(_purge, doc_ids))
            writing.tick()
        for phase in node_phases:
            summary.add(writing.run(phase))
        rows.relations, fingerprints = later.result()
        owned, shared = steps.facts_by_lock()
        fact_phases = [writing.plan(owned), writing.plan(shared, share=False)]
        writing.expect(sum(writing.planned(phase) for phase in fact_phases))
        for phase in fact_phases:
            summary.add(writing.run(phase))
        mover_chunks = list(batched(sorted(movers), batch_size))
        writing.expect(len(mover_chunks))
        for chunk in mover_chunks:
            session.execute_write(_sync_talent_flows, chunk)
            writing.tick()
        for row in rows.documents:
            row["facts_sha256"] = fingerprints[row["id"]]
        writing.run(finish)
        _await_indexes(session)
    return summary


# Which row property decides the writer that writes a row: rows of one
# document, one entity or one fact's subject always go to the same writer,
# so concurrent writers never take the same node's write lock.
_OWNER = {"mentions": "doc", "relations": "subject"}


class _Writers:
    """Runs a load's steps as transactions of about ``batch_size`` rows, on
    ``count`` sessions at once, each with its own share of the rows.

    The loader's queries only take write locks on the node that owns a row
    (an entity, a document, a fact's subject) and CREATE the rest, whose locks
    Neo4j takes in a fixed order at commit: writers whose rows own different
    nodes never deadlock. A run returns when every writer is done; if one
    fails, or the caller is interrupted, the others stop after their current
    transaction and the error is raised.
    """

    def __init__(self, driver: neo4j.Driver, database: str, count: int, batch_size: int,
                 progress: Progress | None) -> None:
        self.driver, self.database, self.batch_size, self.progress = driver, database, batch_size, progress
        self.count = max(1, count)
        self.total = self.done = 0
        self._committed = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()

    def plan(self, steps: list[_Step], share: bool = True) -> list[list[_Work]]:
        """The steps' transactions for each writer (all for one unless ``share``)."""
        if self.count == 1 or not share:
            return [_transactions(steps, self.batch_size)]
        split: list[list[_Step]] = [[] for _ in range(self.count)]
        for query, items, counter in steps:
            key = _OWNER.get(counter or "", "id")
            parts: list[list[dict[str, Any]]] = [[] for _ in range(self.count)]
            for row in items:
                parts[zlib.crc32(str(row[key]).encode("utf-8")) % self.count].append(row)
            for mine, rows in zip(split, parts):
                if rows:
                    mine.append((query, rows, counter))
        return [_transactions(mine, self.batch_size) for mine in split]

    @staticmethod
    def planned(plan: list[list[_Work]]) -> int:
        """How many transactions :meth:`run` commits for a plan."""
        return sum(len(queue) for queue in plan)

    def expect(self, transactions: int) -> None:
        self.total += transactions

    def tick(self, transactions: int = 1) -> None:
        self.done += transactions
        if self.progress:
            self.progress(min(self.done, self.total), max(self.total, self.done))

    def run(self, plan: list[list[_Work]]) -> LoadSummary:
        """Commit a :meth:`plan`: each writer's transactions in order, the writers at once."""
        queues = [queue for queue in plan if queue]
        summary = LoadSummary()
        if len(queues) <= 1:
            with self.driver.session(database=self.database) as session:
                for work in queues[0] if queues else []:
                    summary.add(session.execute_write(_run_steps, work))
                    self.tick()
            return summary
        with ThreadPoolExecutor(len(queues), thread_name_prefix="corpgraph-writer") as pool:
            futures = [pool.submit(self._write, queue) for queue in queues]
            try:
                pending = set(futures)
                while pending:
                    done, pending = wait(pending, timeout=0.2, return_when=FIRST_EXCEPTION)
                    self._report()
                    for future in done:
                        if future.exception() is not None:
                            raise future.exception()  # type: ignore[misc]
            except BaseException:
                self._stop.set()
                wait(futures)
                raise
            finally:
                self._report()
        for future in futures:
            summary.add(future.result())
        return summary

    def _write(self, queue: list[_Work]) -> LoadSummary:
        summary = LoadSummary()
        with self.driver.session(database=self.database) as session:
            for work in queue:
                if self._stop.is_set():
                    break
                summary.add(session.execute_write(_run_steps, work))
                with self._lock:
                    self._committed += 1
        return summary

    def _report(self) -> None:
        with self._lock:
            committed, self._committed = self._committed, 0
        if committed:
            self.tick(committed)


class _Fingerprints(Mapping[str, str]):
    """The documents' facts fingerprints, each computed when first asked for."""

    def __init__(self, index: FactIndex) -> None:
        self.index = index

    def __getitem__(self, doc_id: str) -> str:
        if doc_id not in self.index.documents:
            raise KeyError(doc_id)
        return self.index.fingerprint(doc_id)

    def __iter__(self) -> Iterator[str]:
        return iter(self.index.documents)

    def __len__(self) -> int:
        return len(self.index.documents)


class _Background:
    """A computation on a thread of its own (pure Python on in-memory data: it may be
    abandoned if the load fails or is interrupted)."""

    def __init__(self, work: Callable[[], Any]) -> None:
        self._result: Any = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(work,), name="corpgraph-rows", daemon=True)
        self._thread.start()

    def _run(self, work: Callable[[], Any]) -> None:
        try:
            self._result = work()
        except BaseException as error:  # handed to the thread that asks for the result
            self._error = error

    def result(self) -> Any:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._result


_Work = list[_Step]


def _transactions(steps: list[_Step], batch_size: int) -> list[_Work]:
    """The steps cut into transactions of about ``batch_size`` rows each: a large step
    takes several, and consecutive small ones share one (fewer commits)."""
    transactions: list[_Work] = []
    current: _Work = []
    weight = 0
    for query, items, counter in steps:
        for chunk in _chunks(items, batch_size):
            cost = sum(row_weight(row) for row in chunk)
            if current and weight + cost > batch_size:
                transactions.append(current)
                current, weight = [], 0
            current.append((query, chunk, counter))
            weight += cost
    if current:
        transactions.append(current)
    return transactions


def _run_steps(tx: neo4j.ManagedTransaction, work: _Work) -> LoadSummary:
    # A fresh summary per attempt: a retried transaction must not count twice.
    summary = LoadSummary()
    for query, chunk, counter in work:
        _run_step(tx, query, chunk, counter, summary)
    return summary


def reset_graph(driver: neo4j.Driver, *, database: str = "neo4j") -> int:
    """Delete every node and relationship (the schema stays). Returns the nodes deleted."""
    deleted = 0
    with database_errors("emptying the database"), driver.session(database=database) as session:
        for statement in split_statements(read_query("reset")):
            deleted += session.run(statement).consume().counters.nodes_deleted
    return deleted


def graph_counts(driver: neo4j.Driver, *, database: str = "neo4j") -> dict[str, int]:
    """Nodes per label and relationships per type, e.g. ``{"Person": 3, "MOVED": 1}``."""
    with database_errors("counting the graph"), driver.session(database=database) as session:
        records = session.execute_read(lambda tx: list(tx.run(read_query("counts"))))
    return {record["key"]: record["count"] for record in records}
