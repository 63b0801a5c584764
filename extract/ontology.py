"""The vocabulary of ../shared/ONTOLOGY.md, as data.

This is the allow-list for labels and relationship types: the loader writes
only these into Neo4j, since labels and types cannot be Cypher parameters.
"""

from __future__ import annotations

from dataclasses import dataclass

PERSON = "Person"
ORGANIZATION = "Organization"
PRODUCT = "Product"
ENTITY_TYPES: tuple[str, ...] = (PERSON, ORGANIZATION, PRODUCT)

ENTITY_KINDS: dict[str, tuple[str, ...]] = {
    PERSON: (),
    ORGANIZATION: ("company", "brand", "division", "institute", "university", "media", "government", "other"),
    PRODUCT: ("vehicle", "chip", "platform", "software", "other"),
}


@dataclass(frozen=True)
class PredicateSpec:
    """What a predicate may connect, and which qualifiers it carries."""

    name: str
    subjects: tuple[str, ...]
    objects: tuple[str, ...]
    qualifiers: tuple[str, ...] = ()
    symmetric: bool = False
    required: tuple[str, ...] = ()


_P, _O, _R = PERSON, ORGANIZATION, PRODUCT

PREDICATES: dict[str, PredicateSpec] = {
    spec.name: spec
    for spec in (
        PredicateSpec("WORKS_FOR", (_P,), (_O,), ("role", "start", "end", "current")),
        PredicateSpec("FOUNDED", (_P, _O), (_O,), ("date",)),
        PredicateSpec("EDUCATED_AT", (_P,), (_O,)),
        PredicateSpec("MOVED", (_P,), (_O,), ("from", "date", "role"), required=("from",)),
        PredicateSpec("DEVELOPED", (_P,), (_R,)),
        PredicateSpec("PART_OF", (_O,), (_O,)),
        PredicateSpec("ACQUIRED", (_O, _P), (_O,), ("date", "amount")),
        PredicateSpec("RENAMED_TO", (_O,), (_O,), ("date",)),
        PredicateSpec("PARTNERED_WITH", (_O,), (_O,), ("date",), symmetric=True),
        PredicateSpec("INVESTED_IN", (_O, _P), (_O,), ("date", "amount")),
        PredicateSpec("MAKES", (_O,), (_R,)),
        PredicateSpec("USES", (_R, _O), (_R,)),
        PredicateSpec("COMPETES_WITH", (_O, _R), (_O, _R), symmetric=True),
        PredicateSpec("CRITICIZED", (_P, _O), (_P, _O, _R), ("date",)),
    )
}

TALENT_PREDICATES = ("WORKS_FOR", "FOUNDED", "EDUCATED_AT", "MOVED", "DEVELOPED")
LINEAGE_PREDICATES = ("PART_OF", "ACQUIRED", "RENAMED_TO", "PARTNERED_WITH", "INVESTED_IN")
MARKET_PREDICATES = ("MAKES", "USES", "COMPETES_WITH", "CRITICIZED")
SYMMETRIC_PREDICATES = frozenset(name for name, spec in PREDICATES.items() if spec.symmetric)
DATE_QUALIFIERS = ("date", "start", "end")


def allows(predicate: str, subject_type: str, object_type: str) -> bool:
    """True when the ontology lets ``predicate`` join these entity types.

    >>> allows("MOVED", "Person", "Organization")
    True
    >>> allows("MOVED", "Organization", "Organization")
    False
    """
    spec = PREDICATES.get(predicate)
    if spec is None:
        return False
    if spec.name == "COMPETES_WITH" and subject_type != object_type:
        return False
    return subject_type in spec.subjects and object_type in spec.objects
