"""From per-document output to the facts of a corpus.

Three steps, each a small function:
1. :class:`extract.resolve.MentionClusters` merges mentions across documents
   into canonical entities (ids, names, aliases);
2. :func:`relations_of` turns each document's relation records into
   :class:`Relation` facts with evidence (their dates were settled to ISO
   as the document was read: :mod:`extract.dating`);
3. :func:`extract.history.person_history` adds what a person's ordered jobs
   imply (MOVED with its ``from``; WORKS_FOR ``end``/``current``), and
   :func:`merge_group` merges facts stated several times.

Articles arrive as a stream and wait in a :class:`~extract.workspace.Workspace`
on disk between the steps, with the names resolution counts, so a run's
memory holds neither every article's facts nor every entity.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import chain
from typing import Iterable, Iterator

from extract.dating import settle_dates
from extract.history import families, person_history
from extract.model import DocumentRecord, Entity, Evidence, FactSet, Relation
from extract.ontology import DATE_QUALIFIERS, PREDICATES, allows
from extract.pipeline import DocFacts
from extract.resolve import EntityIndex, MentionClusters
from extract.workspace import Workspace

@dataclass
class Assembled:
    """A corpus's facts, read from the run's workspace while it is open:
    documents, entities and relations in the facts file's order."""

    workspace: Workspace
    index: EntityIndex
    entity_count: int
    relation_count: int

    @property
    def document_count(self) -> int:
        return self.workspace.document_count

    def documents(self) -> Iterator[DocumentRecord]:
        return self.workspace.records()

    def entities(self) -> Iterator[Entity]:
        """The entities with how often each document names them (the graph's
        MENTIONS), counted from the workspace one entity at a time."""
        for entity in self.index.kept():
            mentions = self.workspace.mentions(self.index.keys(entity.id))
            yield replace(entity, attrs={**entity.attrs, "mentions": mentions})

    def relations(self) -> Iterator[Relation]:
        return self.workspace.merged()

    def records(self) -> Iterator[DocumentRecord | Entity | Relation]:
        """Every line of the facts file, streamed."""
        return chain(self.documents(), self.entities(), self.relations())

    def factset(self) -> FactSet:
        return FactSet(tuple(self.documents()), tuple(self.entities()), tuple(self.relations()))


def assemble(doc_facts: Iterable[DocFacts]) -> FactSet:
    """The facts of a corpus, all in memory (see :func:`assemble_into` for a stream)."""
    with Workspace() as workspace:
        return assemble_into(doc_facts, workspace).factset()


def assemble_into(doc_facts: Iterable[DocFacts], workspace: Workspace) -> Assembled:
    """Resolve, relate, derive and merge the facts of ``doc_facts`` (consumed as a
    stream) in ``workspace``."""
    clusters = MentionClusters(workspace.clusters)
    for facts in doc_facts:
        workspace.add_document(facts, clusters.add(facts))
    index = clusters.resolve()
    for order, facts in enumerate(workspace.documents()):
        for relation, event in relations_of(facts, index):
            workspace.add_relation(relation, stated=True, event=event, ord_=order)
    family = families(workspace.stated("PART_OF"))
    moved = _StatedMoves(workspace)
    for person, jobs in workspace.careers():
        for relation in person_history(person, jobs, family, moved):
            workspace.add_relation(relation, stated=False)
    count = 0
    for first, group in workspace.fact_groups():
        workspace.add_merged(merge_group(group), first)
        count += 1
    index.keep(workspace.merged_ends())
    return Assembled(workspace, index, index.count_kept(), count)


class _StatedMoves:
    """``(person, org) in moves``: whether an article states the move outright."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def __contains__(self, pair: object) -> bool:
        person, org = pair  # type: ignore[misc]
        return self._workspace.is_stated(person, "MOVED", org)


def relations_of(facts: DocFacts, index: EntityIndex) -> Iterable[tuple[Relation, str | None]]:
    """The document's relation records as facts, ends resolved to entity ids."""
    document = facts.record
    settle_dates(facts)  # done where the document was read; hand-built facts get it here
    for record in facts.relations:
        subject = index.entity_for(record["subject"])
        obj = index.entity_for(record["object"])
        if subject is None or obj is None or subject.id == obj.id:
            continue
        if not allows(record["predicate"], subject.type, obj.type):
            continue
        qualifiers = dict(record["qualifiers"])
        if "from" in qualifiers:
            moved_from = index.entity_for(qualifiers["from"])
            if moved_from is None or moved_from.id == obj.id:
                continue
            qualifiers["from"] = moved_from.id
        spec = PREDICATES[record["predicate"]]
        qualifiers = {k: v for k, v in qualifiers.items() if k in spec.qualifiers and v not in (None, "")}
        if any(q not in qualifiers for q in spec.required):
            continue
        evidence = Evidence(document.id, record["start"], record["end"], record["sentence"])
        yield (
            Relation(subject.id, record["predicate"], obj.id, qualifiers, record.get("confidence", 0.7), (evidence,)),
            record.get("event"),
        )


def merge_group(group: list[Relation]) -> Relation:
    """Statements of one fact (same key), in order, as one fact with all their evidence.

    A job taken up again after it ended ("was CEO of Acme from 2011 to 2020",
    "Acme has rehired Roe as CEO" in 2023) is one fact: its qualifiers are
    the later stint's, which is what a reader asks about; the earlier stint
    stays in the evidence."""
    ranked = sorted(group, key=lambda r: -r.confidence)
    first = ranked[0]
    qualifiers: dict = {}
    for relation in _latest_stint(ranked):
        for name, value in relation.qualifiers.items():
            current = qualifiers.get(name)
            if current is None:
                qualifiers[name] = value
            elif name in DATE_QUALIFIERS and isinstance(value, str) and value.startswith(str(current)) and len(value) > len(current):
                qualifiers[name] = value  # the more precise of two agreeing dates
            elif name == "current" and value is False:
                qualifiers[name] = False
    evidence: list[Evidence] = []
    seen = set()
    for relation in group:
        for item in relation.evidence:
            key = (item.doc, item.start, item.end)
            if key not in seen:
                seen.add(key)
                evidence.append(item)
    evidence.sort(key=lambda e: (e.doc, e.start))
    doubt = 1.0
    for relation in group:
        doubt *= 1.0 - min(relation.confidence, 0.99)
    confidence = max(first.confidence, 1.0 - doubt)
    subject, obj = first.subject, first.object
    if PREDICATES[first.predicate].symmetric and obj < subject:
        subject, obj = obj, subject
    return Relation(subject, first.predicate, obj, qualifiers, round(confidence, 3), tuple(evidence))


def _latest_stint(statements: list[Relation]) -> list[Relation]:
    """The statements that began after every end another statement gives, when
    there are any: the other statements tell of an earlier stint."""
    ends = [str(r.qualifiers["end"]) for r in statements if r.qualifiers.get("end")]
    if not ends:
        return statements
    later = [r for r in statements if r.qualifiers.get("start") and all(_after(str(r.qualifiers["start"]), end) for end in ends)]
    return later or statements


def _after(day: str, other: str) -> bool:
    """Whether ISO date ``day`` is after ``other``, compared at the precision both have."""
    n = min(len(day), len(other))
    return day[:n] > other[:n]
