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


@dataclass(slots=True)
class _Cluster:
    label: str
    surfaces: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    mentions: int = 0


class EntityIndex:
    """Maps a document key to the canonical :class:`Entity`."""

    def __init__(self) -> None:
        self._by_key: dict[str, Entity] = {}
        self._entities: dict[str, Entity] = {}
        self._keys: dict[str, list[str]] = defaultdict(list)
        self._mentions: Counter = Counter()

    def entity_for(self, key: str) -> Entity | None:
        return self._by_key.get(key)

    def entities(self) -> list[Entity]:
        return sorted(self._entities.values(), key=lambda e: (e.type, e.id))

    def keys(self, entity_id: str) -> list[str]:
        """The document keys that name the entity."""
        return self._keys[entity_id]

    def is_named(self, entity_id: str) -> bool:
        """Worth keeping without a relation: a multi-word name, or named twice."""
        entity = self._entities[entity_id]
        return self._mentions[entity_id] >= 2 or len(entity.name.split()) >= 2 or entity.type != "Person"


class MentionClusters:
    """What the corpus calls each document key, gathered one document at a time:
    its memory grows with the entities of a corpus, not with its articles."""

    def __init__(self) -> None:
        self._clusters: dict[str, _Cluster] = {}

    def add(self, facts: DocFacts) -> Counter:
        """Count one document's mentions; return how often it names each key."""
        named: Counter = Counter()
        for mention in facts.mentions:
            cluster = self._clusters.setdefault(mention.key, _Cluster(mention.label))
            cluster.surfaces[_clean_surface(mention.text)] += 1
            cluster.mentions += 1
            if mention.kind:
                cluster.kinds[mention.kind] += 1
            named[mention.key] += 1
        return named

    def resolve(self) -> EntityIndex:
        """One canonical entity per real thing, across every document added.
        Once: the clusters are merged in place."""
        lexicon = load_lexicon()
        clusters = self._clusters
        alias_of = _merge_people(clusters)
        index = EntityIndex()
        merged: dict[str, _Cluster] = {}
        members: dict[str, list[str]] = defaultdict(list)
        for key, cluster in clusters.items():
            target = alias_of.get(key, key)
            members[target].append(key)
            into = merged.get(target)
            if into is None:
                # The first cluster of an entity gathers the others: no copy of
                # every cluster while the index is built (clusters go after this).
                merged[target] = cluster
                continue
            into.surfaces.update(cluster.surfaces)
            into.kinds.update(cluster.kinds)
            into.mentions += cluster.mentions
        ids: dict[str, str] = {}
        for key, cluster in merged.items():
            entity = _entity_of(key, cluster, lexicon, ids)
            if entity is None:
                continue
            index._entities[entity.id] = entity
            index._by_key[key] = entity
            index._keys[entity.id] = members[key]
            index._mentions[entity.id] = cluster.mentions
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
    # Only names with the same first word and as many words can be one person
    # (see same_person): compare within those groups, not every pair.
    canon: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
    holders: dict[str, set[str]] = defaultdict(set)  # word -> canonical keys whose name has it
    for key, cluster in full:
        name = _best(cluster)
        words = name.split()
        group = canon[(words[0], len(words))]
        target = next((k for k, n in group if same_person(name, n)), None)
        if target is None:
            group.append((key, name))
            for word in words:
                holders[word].add(key)
        else:
            alias_of[key] = target
    for key, cluster in people.items():
        name = _best(cluster)
        if len(name.split()) == 1:
            matches = holders.get(name, set())
            if len(matches) == 1:
                alias_of[key] = next(iter(matches))
    return alias_of


def _best(cluster: _Cluster) -> str:
    return cluster.surfaces.most_common(1)[0][0] if cluster.surfaces else ""


def _clean_surface(text: str) -> str:
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
