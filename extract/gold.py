"""Gold files (``gold/*.jsonl``): the facts file shapes plus a tier, read for scoring.

Gold differs from a facts file in three ways (ONTOLOGY.md "Gold files"):
entities and relations carry a ``tier``, relations carry ``docs`` (the
documents that state them) and one ``evidence`` sentence as plain text,
and document lines are optional.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Mapping

from corpgraph.errors import InputError
from extract.facts import iter_records
from extract.ontology import ENTITY_TYPES, PREDICATES

CORE, EXTENDED, ACCEPTABLE = "core", "extended", "acceptable"
TIERS = (CORE, EXTENDED, ACCEPTABLE)
# The tiers that recall is measured over; acceptable facts are only forgiven.
REQUIRED_TIERS = (CORE, EXTENDED)


@dataclass(frozen=True)
class GoldEntity:
    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    tier: str = CORE

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class GoldRelation:
    subject: str
    predicate: str
    object: str
    qualifiers: Mapping[str, Any] = field(default_factory=dict)
    tier: str = CORE
    docs: tuple[str, ...] = ()
    evidence: str = ""


@dataclass(frozen=True)
class Gold:
    entities: tuple[GoldEntity, ...] = ()
    relations: tuple[GoldRelation, ...] = ()


def read_gold(path: str | os.PathLike[str]) -> Gold:
    """The gold file at ``path``; InputError naming the line on anything malformed or dangling."""
    entities: list[GoldEntity] = []
    relations: list[tuple[int, GoldRelation]] = []
    for number, record in iter_records(path):
        kind = record.get("kind")
        try:
            if kind == "entity":
                entities.append(_entity(record))
            elif kind == "relation":
                relations.append((number, _relation(record)))
            elif kind != "document":
                raise ValueError(f"unknown kind {kind!r} (expected document, entity or relation)")
        except KeyError as error:
            raise InputError(f"{path}:{number}: {kind} is missing {error.args[0]!r}") from None
        except (ValueError, TypeError) as error:
            raise InputError(f"{path}:{number}: {error}") from None
    # Hand-made gold can give two entities one slug ("Cimatti" the company
    # and the person); both are kept, and a relation end matches either.
    ids = {entity.id for entity in entities}
    for number, relation in relations:
        ends = [relation.subject, relation.object]
        if relation.predicate == "MOVED" and isinstance(relation.qualifiers.get("from"), str):
            ends.append(relation.qualifiers["from"])
        for end in ends:
            if end not in ids:
                raise InputError(f"{path}:{number}: relation names entity {end!r}, which the file does not define")
    return Gold(tuple(entities), tuple(relation for _, relation in relations))


def _tier(record: Mapping[str, Any]) -> str:
    tier = record.get("tier", CORE)
    if tier not in TIERS:
        raise ValueError(f"tier {tier!r} is not one of {', '.join(TIERS)}")
    return tier


def _entity(record: Mapping[str, Any]) -> GoldEntity:
    if record["type"] not in ENTITY_TYPES:
        raise ValueError(f"entity type {record['type']!r} is not one of {', '.join(ENTITY_TYPES)}")
    return GoldEntity(
        id=str(record["id"]),
        type=record["type"],
        name=str(record["name"]),
        aliases=tuple(str(a) for a in record.get("aliases") or ()),
        tier=_tier(record),
    )


def _relation(record: Mapping[str, Any]) -> GoldRelation:
    if record["predicate"] not in PREDICATES:
        raise ValueError(f"unknown predicate {record['predicate']!r}")
    evidence = record.get("evidence") or ""
    return GoldRelation(
        subject=str(record["subject"]),
        predicate=record["predicate"],
        object=str(record["object"]),
        qualifiers=dict(record.get("qualifiers") or {}),
        tier=_tier(record),
        docs=tuple(str(d) for d in record.get("docs") or ()),
        evidence=evidence if isinstance(evidence, str) else " ".join(str(e) for e in evidence),
    )
