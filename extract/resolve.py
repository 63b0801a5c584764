"""Aliases across the corpus: one canonical entity per real thing.

Documents already agree within themselves (see the coreference component);
here their keys meet. The same organisation or product key in two documents
is one entity; two people whose full names differ by one edit ("Tom Hanlan",
"Tom Hanlon") are one; a lone surname resolves to the one full name in the
corpus that contains it. The canonical name is the gazetteer's where it knows
the entity, else the most frequent full form; the id is its slug.

The counts and the entities live in the run's workspace
(:class:`extract.clusters.ClusterStore`); memory holds one group of people
or one entity at a time.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterator

from extract.clusters import ClusterStore
from extract.components.coref import DIVISION_MARK, SECTOR_MARK, same_person
from extract.lexicon import load_lexicon
from extract.model import Entity, slugify
from extract.names import collapse_key, name_key, spells_abbreviation
from extract.pipeline import DocFacts

TYPE_OF_LABEL = {"PERSON": "Person", "ORG": "Organization", "PRODUCT": "Product"}
# Lookups of a key while relations are read: a bounded cache, the store has the rest.
LOOKUP_CACHE = 8192


@dataclass(slots=True)
class _Cluster:
    label: str
    surfaces: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    mentions: int = 0


class EntityIndex:
    """Maps a document key to the canonical :class:`Entity`; kept in the run's store."""

    def __init__(self, store: ClusterStore) -> None:
        self._store = store
        self.entity_for: Callable[[str], Entity | None] = lru_cache(maxsize=LOOKUP_CACHE)(store.entity_for)

    def keys(self, entity_id: str) -> list[str]:
        """The document keys that name the entity."""
        return self._store.keys(entity_id)

    def keep(self, entity_ids) -> None:
        """List these entities in the facts file (a fact uses them) however they are named."""
        self._store.keep(entity_ids)

    def kept(self) -> Iterator[Entity]:
        """The entities of the facts file, by type and id: those a fact uses, and
        those named well enough to stand alone (a multi-word name, or named twice)."""
        return self._store.kept()

    def count_kept(self) -> int:
        return self._store.count_kept()


class MentionClusters:
    """What the corpus calls each document key, gathered one document at a time
    into the run's store (memory does not grow with the corpus)."""

    def __init__(self, store: ClusterStore) -> None:
        self._store = store

    def add(self, facts: DocFacts) -> Counter:
        """Count one document's mentions; return how often it names each key."""
        named: Counter = Counter()
        labels: dict[str, str] = {}
        surfaces: Counter = Counter()
        kinds: Counter = Counter()
        for mention in facts.mentions:
            labels.setdefault(mention.key, mention.label)
            surfaces[mention.key, _clean_surface(mention.text)] += 1
            if mention.kind:
                kinds[mention.key, mention.kind] += 1
            named[mention.key] += 1
        self._store.add(labels, surfaces, kinds)
        return named

    def resolve(self) -> EntityIndex:
        """One canonical entity per real thing, across every document added. Once."""
        lexicon = load_lexicon()
        store = self._store
        _merge_people(store)
        for target, members in store.merged_clusters():
            cluster = _Cluster(members[0][1])
            for key, _, mentions in members:
                # Counter order is first use: ties between spellings go to the first seen.
                for surface, count in store.surfaces(key):
                    cluster.surfaces[surface] += count
                for kind, count in store.kinds(key):
                    cluster.kinds[kind] += count
                cluster.mentions += mentions
            entity = _entity_of(target, cluster, lexicon, store.claimant)
            if entity is None:
                continue
            named = cluster.mentions >= 2 or len(entity.name.split()) >= 2 or entity.type != "Person"
            store.add_entity(entity, target, (key for key, _, _ in members), keep=named)
        store.finish()
        return EntityIndex(store)


def _merge_people(store: ClusterStore) -> None:
    """Record, for each person key that is another spelling or a short form of
    another person's, that key as its alias target."""
    store.add_people(
        (key, seq, name, words[0] if words else "", len(words), total)
        for key, seq, name, total in store.person_keys()
        for words in [(name or "").split()]
    )
    # Only names with the same first word and as many words can be one person
    # (see same_person): compare within those groups, not every pair.
    for group in store.full_name_groups():
        canon: list[tuple[str, str]] = []
        for key, name in group:
            target = next((k for k, n in canon if same_person(name, n)), None)
            if target is None:
                canon.append((key, name))
                store.add_holder(key, name.split())
            else:
                store.add_alias(key, target)
    for key, name in store.single_names():
        matches = store.holders(name, limit=2)
        if len(matches) == 1:
            store.add_alias(key, matches[0])


def _clean_surface(text: str) -> str:
    """The surface form as an alias: no possessive, no honorific, no quotes."""
    cleaned = text.strip().strip("\"“”'‘’«»")
    for ending in ("'s", "’s"):
        if cleaned.endswith(ending):
            cleaned = cleaned[: -len(ending)]
    return " ".join(cleaned.split())


def _entity_of(key: str, cluster: _Cluster, lexicon, claimant: Callable[[str], str | None]) -> Entity | None:
    """The entity of a merged cluster; ``claimant(id)``: the key that already has that id."""
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
        # "Acme Widget Partners (AWP)": the abbreviation is an alias, however often used.
        spelled = [s for s in surfaces if not any(o != s and spells_abbreviation(s, o) for o in surfaces)]
        # (a tie goes to the shorter name of an organisation, "Acme" before "Acme Motors Inc",
        # and to the longer of a product, its maker's name with the model's: "Denza Z9GT")
        longer = 1 if entity_type == "Product" else -1
        name = max(spelled or surfaces, key=lambda s: (cluster.surfaces[s], longer * len(s)))
    if entity_type == "Person" and len(name.split()) < 2:
        return None
    entity_id = slugify(name) or slugify(key)
    if claimant(entity_id) not in (None, key) and SECTOR_MARK in key:
        # "Halden" of Halden Motors and "Halden" of Halden Capital: each by its full name
        base = key_name.split(SECTOR_MARK)[0]
        fuller = [s for s in surfaces if collapse_key(s) != base]
        if fuller:
            name = max(fuller, key=lambda s: (cluster.surfaces[s], -len(s)))
            entity_id = slugify(name) or entity_id
    if claimant(entity_id) not in (None, key):
        entity_id = f"{entity_id}-{entity_type.lower()}"
    aliases = sorted({s for s in surfaces if name_key(s) != name_key(name)})
    kind = cluster.kinds.most_common(1)[0][0] if cluster.kinds else (record.kind if record else None)
    attrs = {"kind": kind} if kind else {}
    return Entity(entity_id, entity_type, name, tuple(a for a in aliases if collapse_key(a)), attrs)
