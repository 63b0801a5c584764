"""Aliases across the corpus: one canonical entity per real thing.

Documents already agree within themselves (see the coreference component);
here their keys meet. The same organisation or product key in two documents
is one entity; two people whose full names differ by one edit ("Tom Hanlan",
"Tom Hanlon") are one; a lone surname resolves to the one full name in the
corpus that contains it. The canonical name is the gazetteer's where it knows
the entity, else the most frequent full form; the id is its slug.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from extract.components.coref import DIVISION_MARK, same_person
from extract.lexicon import load_lexicon
from extract.model import Entity, slugify
from extract.names import collapse_key, name_key
from extract.pipeline import DocFacts

TYPE_OF_LABEL = {"PERSON": "Person", "ORG": "Organization", "PRODUCT": "Product"}


@dataclass
class _Cluster:
    label: str
    surfaces: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    documents: Counter = field(default_factory=Counter)


class EntityIndex:
    """Maps (document, key) to the canonical :class:`Entity`."""

    def __init__(self) -> None:
        self._by_key: dict[str, Entity] = {}
        self._by_doc_key: dict[tuple[str, str], Entity] = {}
        self._entities: dict[str, Entity] = {}
        self._mentions: dict[str, Counter] = defaultdict(Counter)

    def entity_for(self, doc_id: str, key: str) -> Entity | None:
        return self._by_doc_key.get((doc_id, key)) or self._by_key.get(key)

    def entities(self) -> list[Entity]:
        return sorted(self._entities.values(), key=lambda e: (e.type, e.id))

    def mentions(self, entity_id: str) -> Counter:
        """How often each document mentions the entity."""
        return self._mentions[entity_id]

    def is_named(self, entity_id: str) -> bool:
        """Worth keeping without a relation: a multi-word name, or named twice."""
        entity = self._entities[entity_id]
        return sum(self._mentions[entity_id].values()) >= 2 or len(entity.name.split()) >= 2 or entity.type != "Person"


def resolve_entities(doc_facts: list[DocFacts]) -> EntityIndex:
    lexicon = load_lexicon()
    clusters: dict[str, _Cluster] = {}
    for facts in doc_facts:
        for mention in facts.mentions:
            cluster = clusters.setdefault(mention.key, _Cluster(mention.label))
            cluster.surfaces[_clean_surface(mention.text, lexicon)] += 1
            cluster.documents[facts.id] += 1
            if mention.kind:
                cluster.kinds[mention.kind] += 1
    alias_of = _merge_people(clusters)
    index = EntityIndex()
    merged: dict[str, _Cluster] = {}
    for key, cluster in clusters.items():
        target = alias_of.get(key, key)
        into = merged.setdefault(target, _Cluster(cluster.label))
        into.surfaces.update(cluster.surfaces)
        into.kinds.update(cluster.kinds)
        into.documents.update(cluster.documents)
    ids: dict[str, str] = {}
    for key, cluster in merged.items():
        entity = _entity_of(key, cluster, lexicon, ids)
        if entity is None:
            continue
        index._entities[entity.id] = entity
        index._by_key[key] = entity
        index._mentions[entity.id].update(cluster.documents)
    for key, target in alias_of.items():
        if target in index._by_key:
            index._by_key[key] = index._by_key[target]
    return index


def _merge_people(clusters: dict[str, _Cluster]) -> dict[str, str]:
    """key -> key of the person it is another spelling or a short form of."""
    people = {k: c for k, c in clusters.items() if c.label == "PERSON"}
    full = sorted(
        ((k, c) for k, c in people.items() if len(_best(c).split()) >= 2),
        key=lambda kc: -sum(kc[1].surfaces.values()),
    )
    alias_of: dict[str, str] = {}
    canon: list[tuple[str, str]] = []
    for key, cluster in full:
        name = _best(cluster)
        target = next((k for k, n in canon if same_person(name, n)), None)
        if target is None:
            canon.append((key, name))
        else:
            alias_of[key] = target
    for key, cluster in people.items():
        name = _best(cluster)
        if len(name.split()) == 1:
            matches = {k for k, n in canon if name in n.split()}
            if len(matches) == 1:
                alias_of[key] = matches.pop()
    return alias_of


def _best(cluster: _Cluster) -> str:
    return cluster.surfaces.most_common(1)[0][0] if cluster.surfaces else ""


def _clean_surface(text: str, lexicon) -> str:
    """The surface form as an alias: no possessive, no honorific, no quotes."""
    cleaned = text.strip().strip("\"“”'‘’«»")
    for ending in ("'s", "’s"):
        if cleaned.endswith(ending):
            cleaned = cleaned[: -len(ending)]
    return " ".join(cleaned.split())


def _entity_of(key: str, cluster: _Cluster, lexicon, ids: dict[str, str]) -> Entity | None:
    entity_type = TYPE_OF_LABEL.get(cluster.label)
    if entity_type is None or not cluster.surfaces:
        return None
    surfaces = [s for s in cluster.surfaces if any(ch.isalpha() for ch in s)]
    if not surfaces:
        return None
    record = None
    key_name = key.split(":", 1)[-1]
    for surface in surfaces:
        found = lexicon.lookup(surface)
        if found is not None and found.label == cluster.label:
            found = lexicon.same_business(found)
            if collapse_key(found.name) == key_name:
                record = found
                break
    if record is not None and DIVISION_MARK not in key:
        name = record.name
    elif entity_type == "Person":
        stripped = Counter()
        for surface, count in cluster.surfaces.items():
            stripped[lexicon.strip_honorific(surface)] += count
        full = [s for s, _ in stripped.most_common() if len(s.split()) >= 2]
        name = full[0] if full else stripped.most_common(1)[0][0]
    else:
        name = max(surfaces, key=lambda s: (cluster.surfaces[s], -len(s)))
    if entity_type == "Person" and len(name.split()) < 2:
        return None
    entity_id = slugify(name) or slugify(key)
    if ids.get(entity_id, key) != key:
        entity_id = f"{entity_id}-{entity_type.lower()}"
    ids[entity_id] = key
    aliases = sorted({s for s in surfaces if name_key(s) != name_key(name)})
    kind = cluster.kinds.most_common(1)[0][0] if cluster.kinds else (record.kind if record else None)
    attrs = {"kind": kind} if kind else {}
    return Entity(entity_id, entity_type, name, tuple(a for a in aliases if collapse_key(a)), attrs)
