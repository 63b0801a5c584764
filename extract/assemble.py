"""From per-document output to the facts of a corpus.

Three steps, each a small function:
1. :func:`extract.resolve.resolve_entities` merges mentions across documents
   into canonical entities (ids, names, aliases);
2. :func:`relations_of` turns each document's relation records into
   :class:`Relation` facts with evidence and ISO dates;
3. :func:`extract.history.derive_history` adds what a person's ordered jobs
   imply (MOVED with its ``from``; WORKS_FOR ``end``/``current``), and
   :func:`merge_relations` merges facts stated several times.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from collections import defaultdict
from typing import Iterable

from extract.components.relations import DOCUMENT_DATE
from extract.history import derive_history
from extract.model import Evidence, FactSet, Relation
from extract.ontology import DATE_QUALIFIERS, PREDICATES, allows
from extract.pipeline import DocFacts
from extract.resolve import EntityIndex, resolve_entities

PRIVATE_QUALIFIERS = ("_date_text",)


def assemble(doc_facts: list[DocFacts]) -> FactSet:
    index = resolve_entities(doc_facts)
    relations: list[tuple[Relation, str | None, int]] = []
    for order, facts in enumerate(doc_facts):
        relations.extend((rel, event, order) for rel, event in relations_of(facts, index))
    derived = derive_history(relations)
    merged = merge_relations([r for r, _, _ in relations] + derived)
    used = {r.subject for r in merged} | {r.object for r in merged}
    entities = tuple(
        # how often each document names the entity: the graph's MENTIONS
        replace(e, attrs={**e.attrs, "mentions": dict(index.mentions(e.id))})
        for e in index.entities()
        if e.id in used or index.is_named(e.id)
    )
    documents = tuple(f.record for f in doc_facts)
    return FactSet(documents=documents, entities=entities, relations=tuple(merged))


def relations_of(facts: DocFacts, index: EntityIndex) -> Iterable[tuple[Relation, str | None]]:
    """The document's relation records as facts, ends resolved to entity ids."""
    from extract.temporal import resolve_date

    document = facts.record
    timeline = _absolute_dates(facts, resolve_date)
    positions = [p for p, _ in timeline]
    for record in facts.relations:
        subject = index.entity_for(document.id, record["subject"])
        obj = index.entity_for(document.id, record["object"])
        if subject is None or obj is None or subject.id == obj.id:
            continue
        if not allows(record["predicate"], subject.type, obj.type):
            continue
        qualifiers = dict(record["qualifiers"])
        date_text = qualifiers.pop("_date_text", None)
        if date_text:
            before = bisect.bisect_left(positions, record["start"]) - 1
            anchor = timeline[before][1] if before >= 0 else None
            if date_text == DOCUMENT_DATE:
                iso = document.date
            else:
                iso = resolve_date(date_text, base=document.date, anchor=anchor)
            for name in DATE_QUALIFIERS:
                if name in qualifiers:
                    if iso:
                        qualifiers[name] = iso
                    else:
                        del qualifiers[name]
        if "from" in qualifiers:
            moved_from = index.entity_for(document.id, qualifiers["from"])
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


def _absolute_dates(facts: DocFacts, resolve_date) -> list[tuple[int, str]]:
    """Dates stated outright in the document, in order: anchors for "60 days later"."""
    timeline = []
    for position, text in sorted(facts.dates):
        iso = resolve_date(text, base=None, anchor=None)
        if iso:
            timeline.append((position, iso))
    return timeline


def merge_relations(relations: Iterable[Relation]) -> list[Relation]:
    """One fact per (subject, predicate, object[, from]) with all its evidence."""
    groups: dict[tuple, list[Relation]] = defaultdict(list)
    for relation in relations:
        groups[relation.key].append(relation)
    merged = []
    for group in groups.values():
        merged.append(_merge_group(group))
    merged.sort(key=lambda r: (r.predicate, r.subject, r.object))
    return merged


def _merge_group(group: list[Relation]) -> Relation:
    ranked = sorted(group, key=lambda r: -r.confidence)
    first = ranked[0]
    qualifiers: dict = {}
    for relation in ranked:
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
