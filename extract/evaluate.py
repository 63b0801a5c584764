"""The scores of ONTOLOGY.md "Scoring": system facts against a gold file.

Entities match by name: a system entity matches a gold entity when any of
its names equals any of the gold entity's names after
:func:`normalise_name`, and the types agree (unless ``ignore_types``).
Relations match when the predicate is equal and both ends match, in
either order for symmetric predicates; MOVED must also match its ``from``,
resolved through the entities on both sides, never by raw id. One system
relation may match several gold relations, and each of them is found.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Collection, Iterable, Mapping

from extract.facts import read_facts
from extract.gold import ACCEPTABLE, CORE, EXTENDED, REQUIRED_TIERS, Gold, GoldEntity, GoldRelation, read_gold
from extract.model import Entity, FactSet, Relation
from extract.ontology import DATE_QUALIFIERS, PREDICATES

_POSSESSIVE = re.compile(r"['’]s\b")
# Qualifiers whose agreement is scored, and how.
SCORED_QUALIFIERS = ("role", *DATE_QUALIFIERS, "from")


def normalise_name(name: str) -> str:
    """A name as scoring compares it: case-folded, possessive 's and outer punctuation gone, spaces collapsed.

    >>> normalise_name("  “Northwind Motors’s”  ")
    'northwind motors'
    >>> normalise_name("ACME   Group's")
    'acme group'
    """
    text = " ".join(name.casefold().split())
    text = _POSSESSIVE.sub("", text)
    return " ".join(_strip_outer_punctuation(text).split())


def _strip_outer_punctuation(text: str) -> str:
    start, end = 0, len(text)
    while start < end and (text[start].isspace() or unicodedata.category(text[start]).startswith("P")):
        start += 1
    while end > start and (text[end - 1].isspace() or unicodedata.category(text[end - 1]).startswith("P")):
        end -= 1
    return text[start:end]


def dates_agree(system: Any, gold: Any) -> bool:
    """Dates agree when one is a prefix of the other ('2021' and '2021-08')."""
    a, b = str(system), str(gold)
    return a.startswith(b) or b.startswith(a)


def roles_agree(system: Any, gold: Any) -> bool:
    """Roles agree when one contains the other, case-insensitively ('CEO' and 'ceo and founder')."""
    a, b = (" ".join(str(v).casefold().split()) for v in (system, gold))
    return bool(a) and bool(b) and (a in b or b in a)


@dataclass(frozen=True)
class Ratio:
    """``hits`` of ``total``; ``value`` is None when there is nothing to count."""

    hits: int
    total: int

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "hits": self.hits, "total": self.total}


@dataclass(frozen=True)
class FactView:
    """A relation as a person reads it in a report: names, not ids."""

    subject: str
    predicate: str
    object: str
    qualifiers: Mapping[str, Any] = field(default_factory=dict)
    tier: str | None = None
    docs: tuple[str, ...] = ()
    evidence: str = ""

    def __str__(self) -> str:
        qualifiers = ", ".join(f"{k}={v}" for k, v in self.qualifiers.items())
        return f"{self.subject} {self.predicate} {self.object}" + (f" ({qualifiers})" if qualifiers else "")

    def to_json(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "subject": self.subject,
            "predicate": self.predicate,
            "object": self.object,
            "qualifiers": dict(self.qualifiers),
        }
        if self.tier:
            record["tier"] = self.tier
        if self.docs:
            record["docs"] = list(self.docs)
        if self.evidence:
            record["evidence"] = self.evidence
        return record


@dataclass(frozen=True)
class QualifierMismatch:
    """A matched relation whose qualifiers disagree with the gold: what gold says, what the system said."""

    gold: FactView
    system: FactView
    keys: tuple[str, ...]


@dataclass(frozen=True)
class EvalResult:
    """All the scores of ONTOLOGY.md, and the facts behind them for ``--show``."""

    precision: Ratio
    recall_core: Ratio
    recall_extended: Ratio
    recall: Ratio
    qualifiers: Ratio
    qualifiers_by_key: Mapping[str, Ratio]
    entity_precision: Ratio
    entity_recall: Ratio
    gold_relations: Mapping[str, int]
    system_relations: int
    system_entities: int
    missed: tuple[FactView, ...] = ()
    false_positives: tuple[FactView, ...] = ()
    qualifier_mismatches: tuple[QualifierMismatch, ...] = ()
    missed_entities: tuple[str, ...] = ()
    predicates: tuple[str, ...] | None = None
    ignore_types: bool = False

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and core+extended recall; 0 when either is 0."""
        p, r = self.precision.value, self.recall.value
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self, *, show: bool = False) -> dict[str, Any]:
        record: dict[str, Any] = {
            "precision": self.precision.to_json(),
            "recall_core": self.recall_core.to_json(),
            "recall_extended": self.recall_extended.to_json(),
            "recall": self.recall.to_json(),
            "f1": self.f1,
            "qualifier_accuracy": self.qualifiers.to_json(),
            "qualifier_accuracy_by_key": {k: v.to_json() for k, v in self.qualifiers_by_key.items()},
            "entity_precision": self.entity_precision.to_json(),
            "entity_recall": self.entity_recall.to_json(),
            "counts": {
                "system_relations": self.system_relations,
                "system_entities": self.system_entities,
                "gold_relations": dict(self.gold_relations),
            },
            "options": {"predicates": list(self.predicates) if self.predicates else None, "ignore_types": self.ignore_types},
        }
        if show:
            record["missed"] = [f.to_json() for f in self.missed]
            record["false_positives"] = [f.to_json() for f in self.false_positives]
            record["qualifier_mismatches"] = [
                {"gold": m.gold.to_json(), "system": m.system.to_json(), "keys": list(m.keys)} for m in self.qualifier_mismatches
            ]
            record["missed_entities"] = list(self.missed_entities)
        return record


class _EntityMatcher:
    """Which gold entities each system entity matches, by normalised name (and type).

    Gold entities are told apart by position, not id, since a gold file may
    give two entities one id; relations name ids, so ``__call__`` gives ids.
    """

    def __init__(self, gold: tuple[GoldEntity, ...], system: Iterable[Entity], ignore_types: bool) -> None:
        index: dict[str, list[int]] = defaultdict(list)
        for position, entity in enumerate(gold):
            for name in {normalise_name(n) for n in entity.names}:
                if name:
                    index[name].append(position)
        # Per system entity, in order; an id given twice (an invalid facts
        # file, still scored) stands for both entities.
        self.matched: list[frozenset[int]] = []
        self._ids: dict[str, frozenset[str]] = defaultdict(frozenset)
        for entity in system:
            found = frozenset(
                position
                for name in (entity.name, *entity.aliases)
                for position in index.get(normalise_name(name), ())
                if ignore_types or gold[position].type == entity.type
            )
            self.matched.append(found)
            self._ids[entity.id] |= {gold[position].id for position in found}

    def __call__(self, system_id: Any) -> frozenset[str]:
        """The ids of the gold entities that the system entity ``system_id`` matches."""
        return self._ids.get(system_id, frozenset()) if isinstance(system_id, str) else frozenset()


def evaluate(
    system: FactSet,
    gold: Gold,
    *,
    predicates: Collection[str] | None = None,
    ignore_types: bool = False,
) -> EvalResult:
    """Score ``system`` against ``gold`` as ONTOLOGY.md "Scoring" defines.

    ``predicates`` restricts scoring to those predicates, on both sides:
    system relations of other predicates are left out of precision.
    ``ignore_types`` matches entities by name alone.
    """
    if predicates is not None:
        unknown = sorted(set(predicates) - set(PREDICATES))
        if unknown:
            raise ValueError(f"unknown predicate(s): {', '.join(unknown)}")
    chosen = frozenset(predicates) if predicates is not None else None
    system_relations = [r for r in system.relations if chosen is None or r.predicate in chosen]
    gold_relations = [r for r in gold.relations if chosen is None or r.predicate in chosen]
    match = _EntityMatcher(gold.entities, system.entities, ignore_types)

    by_subject: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, relation in enumerate(gold_relations):
        by_subject[(relation.predicate, relation.subject)].append(index)

    found: dict[int, list[Relation]] = defaultdict(list)
    false_positives: list[Relation] = []
    for relation in system_relations:
        hits = _gold_matches(relation, gold_relations, by_subject, match)
        for index in hits:
            found[index].append(relation)
        if not hits:
            false_positives.append(relation)

    def recall(tiers: Collection[str]) -> Ratio:
        indices = [i for i, r in enumerate(gold_relations) if r.tier in tiers]
        return Ratio(sum(1 for i in indices if i in found), len(indices))

    qualifiers, by_key, mismatches = _qualifier_scores(gold_relations, found, match)
    matched_gold = set().union(*match.matched)
    required_entities = [(i, e) for i, e in enumerate(gold.entities) if e.tier in REQUIRED_TIERS]
    gold_names = {e.id: e.name for e in gold.entities}
    system_names = {e.id: e.name for e in system.entities}
    return EvalResult(
        precision=Ratio(len(system_relations) - len(false_positives), len(system_relations)),
        recall_core=recall((CORE,)),
        recall_extended=recall((EXTENDED,)),
        recall=recall(REQUIRED_TIERS),
        qualifiers=qualifiers,
        qualifiers_by_key=by_key,
        entity_precision=Ratio(sum(1 for found in match.matched if found), len(system.entities)),
        entity_recall=Ratio(sum(1 for i, _ in required_entities if i in matched_gold), len(required_entities)),
        gold_relations={tier: sum(1 for r in gold_relations if r.tier == tier) for tier in (CORE, EXTENDED, ACCEPTABLE)},
        system_relations=len(system_relations),
        system_entities=len(system.entities),
        missed=tuple(
            _gold_view(gold_names, r) for i, r in enumerate(gold_relations) if r.tier in REQUIRED_TIERS and i not in found
        ),
        false_positives=tuple(_system_view(system_names, r) for r in false_positives),
        qualifier_mismatches=tuple(
            QualifierMismatch(_gold_view(gold_names, g), _system_view(system_names, s), keys) for g, s, keys in mismatches
        ),
        missed_entities=tuple(e.name for i, e in required_entities if i not in matched_gold),
        predicates=tuple(sorted(chosen)) if chosen is not None else None,
        ignore_types=ignore_types,
    )


def _gold_matches(
    relation: Relation,
    gold_relations: list[GoldRelation],
    by_subject: Mapping[tuple[str, str], list[int]],
    match: _EntityMatcher,
) -> list[int]:
    ends = [(relation.subject, relation.object)]
    if PREDICATES[relation.predicate].symmetric:
        ends.append((relation.object, relation.subject))
    hits: list[int] = []
    for subject, obj in ends:
        objects = match(obj)
        for gold_subject in match(subject):
            for index in by_subject.get((relation.predicate, gold_subject), ()):
                candidate = gold_relations[index]
                if candidate.object in objects and _from_matches(relation, candidate, match) and index not in hits:
                    hits.append(index)
    return hits


def _from_matches(relation: Relation, gold: GoldRelation, match: _EntityMatcher) -> bool:
    if relation.predicate != "MOVED" or "from" not in gold.qualifiers:
        return True
    return gold.qualifiers["from"] in match(relation.qualifiers.get("from"))


def _qualifier_scores(
    gold_relations: list[GoldRelation],
    found: Mapping[int, list[Relation]],
    match: _EntityMatcher,
) -> tuple[Ratio, dict[str, Ratio], list[tuple[GoldRelation, Relation, tuple[str, ...]]]]:
    hits = total = 0
    key_hits: dict[str, int] = defaultdict(int)
    key_totals: dict[str, int] = defaultdict(int)
    mismatches = []
    for index, candidates in sorted(found.items()):
        gold = gold_relations[index]
        keys = [k for k in SCORED_QUALIFIERS if k in gold.qualifiers]
        if not keys:
            continue
        # Several system relations can match one gold fact; the best one counts.
        scored = [(relation, [k for k in keys if not _agrees(k, relation, gold, match)]) for relation in candidates]
        best, wrong = min(scored, key=lambda pair: len(pair[1]))
        total += 1
        hits += not wrong
        for key in keys:
            key_totals[key] += 1
            key_hits[key] += key not in wrong
        if wrong:
            mismatches.append((gold, best, tuple(wrong)))
    by_key = {key: Ratio(key_hits[key], key_totals[key]) for key in SCORED_QUALIFIERS if key_totals[key]}
    return Ratio(hits, total), by_key, mismatches


def _agrees(key: str, relation: Relation, gold: GoldRelation, match: _EntityMatcher) -> bool:
    value = relation.qualifiers.get(key)
    if value is None:
        return False
    expected = gold.qualifiers[key]
    if key == "from":
        return expected in match(value)
    if key == "role":
        return roles_agree(value, expected)
    return dates_agree(value, expected)


def _view(
    names: Mapping[str, str], subject: str, predicate: str, obj: str, qualifiers: Mapping[str, Any], **extra: Any
) -> FactView:
    def name(entity_id: Any) -> str:
        return names.get(entity_id, str(entity_id)) if isinstance(entity_id, str) else str(entity_id)

    shown = dict(qualifiers)
    if "from" in shown:
        shown["from"] = name(shown["from"])
    return FactView(name(subject), predicate, name(obj), shown, **extra)


def _gold_view(names: Mapping[str, str], relation: GoldRelation) -> FactView:
    return _view(
        names, relation.subject, relation.predicate, relation.object, relation.qualifiers,
        tier=relation.tier, docs=relation.docs, evidence=relation.evidence,
    )


def _system_view(names: Mapping[str, str], relation: Relation) -> FactView:
    return _view(
        names, relation.subject, relation.predicate, relation.object, relation.qualifiers,
        docs=tuple(dict.fromkeys(e.doc for e in relation.evidence)),
        evidence=relation.evidence[0].sentence if relation.evidence else "",
    )


def evaluate_files(
    facts_path: str | os.PathLike[str],
    gold_path: str | os.PathLike[str],
    *,
    predicates: Collection[str] | None = None,
    ignore_types: bool = False,
) -> EvalResult:
    """Score the facts file at ``facts_path`` against the gold file at ``gold_path``."""
    return evaluate(read_facts(facts_path), read_gold(gold_path), predicates=predicates, ignore_types=ignore_types)
