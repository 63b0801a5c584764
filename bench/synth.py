"""Synthetic inputs for the benchmarks: a news corpus with known facts, and big fact sets.

Three generators, all deterministic for a seed:

* :func:`iter_articles` / :func:`write_corpus`: news-like articles about
  invented people, companies and products, each fact stated by one of many
  phrasings (``bench/data/phrasings.json``) amid filler sentences, with the
  gold file of ONTOLOGY.md (every stated fact tier ``core``; facts a sentence
  implies without stating, such as the jobs on both ends of a move, tier
  ``acceptable`` so that emitting them is not counted as an error). The
  corpus is prefix-stable: the first 100 articles of a 10 MB corpus are the
  100 articles of ``--articles 100``.
* :func:`synthetic_factset`: a FactSet of any size (people, organisations,
  products, relations with evidence) for the loader and report benchmarks.

Names come from lists in ``bench/data/`` rather than a fake-data library so
that a seed gives the same corpus whatever library versions are installed.

Run ``python -m bench.synth --help``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import random
import re
import string
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from extract.gold import ACCEPTABLE, CORE, GoldEntity, GoldRelation
from extract.model import DocumentRecord, Entity, Evidence, FactSet, Relation, slugify
from extract.ontology import ORGANIZATION, PERSON, PREDICATES, PRODUCT

log = logging.getLogger(__name__)

DATA = Path(__file__).with_name("data")
DEFAULT_SEED = 20240822
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")

# What each entity slot of a phrasing holds: (type, sector); sector None is any company.
SLOTS: dict[str, tuple[str, str | None]] = {
    "person": (PERSON, None),
    "person2": (PERSON, None),
    "org": (ORGANIZATION, None),
    "org2": (ORGANIZATION, None),
    "from": (ORGANIZATION, None),
    "to": (ORGANIZATION, None),
    "buyer": (ORGANIZATION, "group"),
    "target": (ORGANIZATION, "tech"),
    "part": (ORGANIZATION, None),
    "whole": (ORGANIZATION, "group"),
    "investor": (ORGANIZATION, "finance"),
    "old": (ORGANIZATION, None),
    "new": (ORGANIZATION, "new"),
    "jv": (ORGANIZATION, "new"),
    "maker": (ORGANIZATION, "auto"),
    "cmaker": (ORGANIZATION, "chip"),
    "school": (ORGANIZATION, "university"),
    "product": (PRODUCT, "vehicle"),
    "component": (PRODUCT, "chip"),
}
# Slots that may take the article's focus company, so an article is about one firm.
_FOCUS_SLOTS = ("org", "from", "to", "buyer", "part", "whole", "maker", "old", "target")
# Sectors of a focus company, weighted.
_FOCUS_SECTORS = (("auto", 5), ("tech", 3), ("chip", 1), ("energy", 1), ("group", 1))


# ---------------------------------------------------------------------------
# Data files


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=None)
def name_parts() -> dict[str, Any]:
    return json.loads((DATA / "name_parts.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def phrasing_data() -> dict[str, Any]:
    return json.loads((DATA / "phrasings.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def first_names() -> tuple[str, ...]:
    return tuple(_lines("first_names.txt"))


@lru_cache(maxsize=None)
def last_names() -> tuple[str, ...]:
    return tuple(_lines("last_names.txt"))


@dataclass(frozen=True)
class Phrasing:
    text: str
    facts: tuple[tuple[str, ...], ...]
    implies: tuple[tuple[str, ...], ...] = ()

    @property
    def predicate(self) -> str:
        return self.facts[0][1]

    @property
    def pattern(self) -> re.Pattern[str]:
        """A regex that matches the sentences this phrasing makes (slots and values as wildcards)."""
        regex = ""
        for literal, name, _, _ in string.Formatter().parse(self.text):
            regex += re.escape(literal) + (".+?" if name else "")
        return re.compile(f"^{regex}$", re.IGNORECASE)

    @property
    def slots(self) -> list[str]:
        """Entity slots in the order they appear in the text."""
        names = [name for _, name, _, _ in string.Formatter().parse(self.text) if name]
        return list(dict.fromkeys(n for n in names if n in SLOTS))


@lru_cache(maxsize=None)
def phrasings() -> tuple[Phrasing, ...]:
    """The phrasings of bench/data/phrasings.json."""
    return tuple(
        Phrasing(p["text"], tuple(tuple(f) for f in p["facts"]), tuple(tuple(f) for f in p.get("implies", ())))
        for p in phrasing_data()["phrasings"]
    )


@lru_cache(maxsize=None)
def phrasing_of(sentence: str, predicate: str | None = None) -> str:
    """The text of the phrasing that made ``sentence`` (stating ``predicate``), or '?'.

    Several shapes can match one sentence; the one with the most fixed words wins.

    >>> phrasing_of("Ana Weber founded Korvia Labs in 2019.")
    '{person} founded {org} {when}.'
    >>> phrasing_of("Ana Weber, who previously worked at Korvia Labs, joined Tal Auto as CTO in 2019.", "MOVED")
    '{person}, who previously worked at {from}, joined {to} as {role} {when}.'
    """
    matches = [p for p in phrasings()
               if (predicate is None or predicate in {f[1] for f in p.facts}) and p.pattern.match(sentence)]
    if not matches:
        return "?"
    return max(matches, key=lambda p: len(re.sub(r"\{\w+\}", "", p.text))).text


# How often each predicate's phrasings are chosen: talent facts dominate news about people.
PREDICATE_WEIGHTS = {
    "WORKS_FOR": 8, "MOVED": 6, "FOUNDED": 3, "ACQUIRED": 3, "PARTNERED_WITH": 3, "PART_OF": 3, "MAKES": 4,
    "USES": 2, "INVESTED_IN": 2, "RENAMED_TO": 1, "COMPETES_WITH": 2, "EDUCATED_AT": 2, "DEVELOPED": 2,
    "CRITICIZED": 1,
}


# ---------------------------------------------------------------------------
# Name pools


class NamePool:
    """Unique names, drawn in a seeded order: people, organisation stems, product codes."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        firsts, lasts = first_names(), last_names()
        pairs = [(f, l) for f in firsts for l in lasts]
        rng.shuffle(pairs)
        self._people = iter(pairs)
        self._people_overflow = 0
        parts = name_parts()
        stems = [a + b + c for a in parts["stem_starts"] for b in parts["stem_middles"] for c in parts["stem_ends"]]
        stems = list(dict.fromkeys(s.capitalize() for s in stems))
        rng.shuffle(stems)
        self._stems = iter(stems)
        self._used_names: set[str] = set()

    def person(self) -> str:
        for first, last in self._people:
            return f"{first} {last}"
        # Past every first x last pair: add a middle initial (still unique, still a name).
        self._people_overflow += 1
        firsts, lasts = first_names(), last_names()
        n = self._people_overflow
        initial = string.ascii_uppercase[(n // (len(firsts) * len(lasts))) % 26]
        pair = n % (len(firsts) * len(lasts))
        return f"{firsts[pair // len(lasts)]} {initial}. {lasts[pair % len(lasts)]}"

    def stem(self) -> str:
        for stem in self._stems:
            return stem
        raise RuntimeError("synthetic organisation names exhausted; add stem parts to bench/data/name_parts.json")

    def organization(self, sector: str) -> tuple[str, str]:
        """(full name, short name) for a new organisation of ``sector``."""
        parts = name_parts()
        stem = self.stem()
        if sector == "university":
            return self._rng.choice(parts["university_shapes"]).format(stem=stem), stem
        suffixes = parts["sector_suffixes"][sector]
        return f"{stem} {self._rng.choice(suffixes)}", stem

    def product_code(self, brand: str, kind: str) -> str:
        letters = name_parts()["product_letters"]
        rng = self._rng
        while True:
            if kind == "chip":
                code = f"{rng.choice(letters)}{rng.choice(letters)}{rng.randrange(100, 1000)}"
            else:
                code = f"{rng.choice(letters)}{rng.randrange(1, 10)}"
            name = f"{brand} {code}"
            if name not in self._used_names:
                self._used_names.add(name)
                return name


# ---------------------------------------------------------------------------
# The corpus


@dataclass
class _Entity:
    id: str
    type: str
    name: str
    short: str | None = None
    sector: str | None = None
    aliases: list[str] = field(default_factory=list)
    products: list[str] = field(default_factory=list)  # ids of products made (organisations)
    maker: str | None = None  # id of the maker (products)

    def gold(self) -> GoldEntity:
        return GoldEntity(self.id, self.type, self.name, tuple(a for a in self.aliases if a != self.name), CORE)


@dataclass(frozen=True)
class Article:
    """One generated article and the facts it states (``gold``) or implies (tier acceptable)."""

    id: str
    title: str
    date: str
    text: str
    gold: tuple[GoldRelation, ...]

    @property
    def words(self) -> int:
        return len(self.text.split())

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "date": self.date, "text": self.text}


class World:
    """The people, companies and products articles talk about, grown as articles need them."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.names = NamePool(rng)
        self.entities: dict[str, _Entity] = {}
        self.by_sector: dict[str, list[str]] = {}
        self.people: list[str] = []
        self.fact_keys: set[tuple] = set()

    def _add(self, entity: _Entity) -> _Entity:
        if entity.id in self.entities:
            raise RuntimeError(f"synthetic name collision: {entity.name!r}")
        entity.aliases.append(entity.name)
        self.entities[entity.id] = entity
        return entity

    def new_person(self) -> _Entity:
        name = self.names.person()
        person = self._add(_Entity(slugify(name), PERSON, name))
        self.people.append(person.id)
        return person

    def person(self, reuse: float = 0.15) -> _Entity:
        if self.people and self.rng.random() < reuse:
            return self.entities[self.rng.choice(self.people)]
        return self.new_person()

    def new_organization(self, sector: str) -> _Entity:
        name, short = self.names.organization(sector)
        org = self._add(_Entity(slugify(name), ORGANIZATION, name, short=short, sector=sector))
        self.by_sector.setdefault(sector, []).append(org.id)
        return org

    def organization(self, sector: str | None) -> _Entity:
        """A company of ``sector``: a new one now and then, mostly one the news has named before."""
        if sector is None:
            sector = self.rng.choice(("auto", "auto", "tech", "tech", "chip", "energy", "group"))
        known = self.by_sector.get(sector, [])
        # New names get rarer as a sector fills up, as in real news, where the
        # same few hundred companies recur.
        fresh = max(0.04, 0.5 * 100 / (100 + len(known)))
        if known and self.rng.random() >= fresh:
            return self.entities[self.rng.choice(known)]
        return self.new_organization(sector)

    def product(self, maker: _Entity, kind: str) -> _Entity:
        """A product of ``maker``: one it already makes, sometimes, else a new one."""
        own = [p for p in maker.products if self.entities[p].sector == kind]
        if own and self.rng.random() < 0.3:
            return self.entities[self.rng.choice(own)]
        name = self.names.product_code(maker.short or maker.name.split()[0], kind)
        product = self._add(_Entity(slugify(name), PRODUCT, name, sector=kind, maker=maker.id))
        maker.products.append(product.id)
        return product


class CorpusGenerator:
    """Yields articles one at a time; the world and the fact keys grow as it goes."""

    def __init__(self, seed: int = DEFAULT_SEED) -> None:
        self.rng = random.Random(seed)
        self.world = World(self.rng)
        data = phrasing_data()
        self.data = data
        weights = [PREDICATE_WEIGHTS[p.predicate] / sum(1 for q in phrasings() if q.predicate == p.predicate)
                   for p in phrasings()]
        self._phrasings = phrasings()
        self._weights = weights
        self._count = 0

    def __iter__(self) -> Iterator[Article]:
        while True:
            yield self.article()

    # values

    def _when(self) -> tuple[str, str]:
        year = self.rng.randrange(2008, 2025)
        if self.rng.random() < 0.5:
            month = self.rng.randrange(1, 13)
            return f"in {MONTHS[month - 1]} {year}", f"{year}-{month:02d}"
        return f"in {year}", str(year)

    def _amount(self) -> str:
        if self.rng.random() < 0.5:
            return f"${self.rng.randrange(1, 10)}.{self.rng.randrange(0, 10)} billion"
        return f"${self.rng.randrange(20, 900)} million"

    def _date(self) -> str:
        return f"{self.rng.randrange(2019, 2025)}-{self.rng.randrange(1, 13):02d}-{self.rng.randrange(1, 29):02d}"

    # entities

    def _fill(self, phrasing: Phrasing, focus: _Entity) -> dict[str, _Entity] | None:
        world, rng = self.world, self.rng
        chosen: dict[str, _Entity] = {}
        focus_slot = next((s for s in phrasing.slots if s in _FOCUS_SLOTS), None)
        for slot in phrasing.slots:
            kind, sector = SLOTS[slot]
            used = {e.id for e in chosen.values()}
            for _ in range(20):
                if kind == PERSON:
                    entity = world.person()
                elif kind == PRODUCT:
                    maker = chosen.get("cmaker" if sector == "chip" else "maker")
                    if maker is None:
                        maker = world.organization(sector="chip" if sector == "chip" else "auto")
                        if maker.id in used:
                            continue
                    entity = world.product(maker, sector)
                elif sector == "new":
                    # A new name keeps the business of the old one; a joint venture makes cars.
                    entity = world.new_organization(chosen["old"].sector if "old" in chosen else "auto")
                elif slot == focus_slot and (sector is None or sector == focus.sector) and rng.random() < 0.7:
                    entity = focus
                else:
                    entity = world.organization(sector)
                if entity.id not in used:
                    chosen[slot] = entity
                    break
            else:
                return None
        return chosen

    def _sentence(self, phrasing: Phrasing, focus: _Entity, doc_id: str) -> tuple[str, list[GoldRelation]] | None:
        rng, data = self.rng, self.data
        chosen = self._fill(phrasing, focus)
        if chosen is None:
            return None
        when_text, when_iso = self._when()
        values: dict[str, str] = {slot: e.name for slot, e in chosen.items()}
        role = rng.choice(data["roles"])
        title = rng.choice(data["titles"])
        amount = self._amount()
        values.update(
            role=role, title=title, when=when_text, amount=amount,
            ptype=rng.choice(data["vehicle_types"]), ctype=rng.choice(data["chip_types"]),
            thing=rng.choice(data["things"]), market=rng.choice(data["markets"]),
            number=str(rng.randrange(120, 9000)),
        )
        text = phrasing.text.format(**values)
        text = text[0].upper() + text[1:]
        stated = set(name for _, name, _, _ in string.Formatter().parse(phrasing.text) if name)
        relations: list[GoldRelation] = []
        for spec in phrasing.facts:
            subject, predicate, obj = chosen[spec[0]], spec[1], chosen[spec[2]]
            qualifiers: dict[str, Any] = {}
            allowed = PREDICATES[predicate].qualifiers
            if len(spec) > 3:
                qualifiers["from"] = chosen[spec[3]].id
            if "role" in allowed and "role" in stated:
                qualifiers["role"] = role
            if "role" in allowed and "title" in stated:
                qualifiers["role"] = title
            if "when" in stated:
                if "start" in allowed:
                    qualifiers["start"] = when_iso
                elif "date" in allowed:
                    qualifiers["date"] = when_iso
            if "amount" in allowed and "amount" in stated:
                qualifiers["amount"] = amount
            relations.append(GoldRelation(subject.id, predicate, obj.id, qualifiers, CORE, (doc_id,), text))
        for spec in phrasing.implies:
            subject, predicate, obj = chosen[spec[0]], spec[1], chosen[spec[2]]
            relations.append(GoldRelation(subject.id, predicate, obj.id, {}, ACCEPTABLE, (doc_id,), text))
        for entity in chosen.values():
            # A product's name starts with its maker's: the maker is implied, not stated.
            if entity.type == PRODUCT and entity.maker not in {e.id for e in chosen.values()}:
                relations.append(GoldRelation(entity.maker, "MAKES", entity.id, {}, ACCEPTABLE, (doc_id,), text))
        # One statement of each fact in the whole corpus: gold stays one line per fact.
        keys = [_key(r) for r in relations if r.tier == CORE]
        if any(k in self.world.fact_keys for k in keys) or len(set(keys)) != len(keys):
            return None
        self.world.fact_keys.update(keys)
        return text, relations

    def _filler(self, template: str, focus: _Entity) -> str:
        rng = self.rng
        values = {"number": str(rng.randrange(2, 40)), "org": focus.name, "amount": self._amount()}
        if "{short}" in template:
            short = focus.short if rng.random() < 0.6 and focus.short else focus.name
            values["short"] = short
            if short not in focus.aliases:
                focus.aliases.append(short)
        text = template.format(**values)
        return text[0].upper() + text[1:]

    def article(self) -> Article:
        rng, world = self.rng, self.world
        self._count += 1
        doc_id = f"synth-{self._count:06d}"
        sectors, weights = zip(*_FOCUS_SECTORS)
        focus = world.organization(rng.choices(sectors, weights)[0])
        wanted = rng.randint(4, 7)
        statements: list[tuple[str, list[GoldRelation]]] = []
        for _ in range(wanted * 4):
            if len(statements) == wanted:
                break
            phrasing = rng.choices(self._phrasings, self._weights)[0]
            made = self._sentence(phrasing, focus, doc_id)
            if made is not None:
                statements.append(made)
        fillers = list(self.data["fillers"])
        rng.shuffle(fillers)
        sentences: list[str] = []
        for text, _ in statements:
            sentences.append(text)
            for _ in range(rng.randint(2, 4)):
                if not fillers:
                    fillers = list(self.data["fillers"])
                    rng.shuffle(fillers)
                sentences.append(self._filler(fillers.pop(), focus))
        paragraphs = []
        while sentences:
            size = rng.randint(2, 4)
            paragraphs.append(" ".join(sentences[:size]))
            sentences = sentences[size:]
        title_template = rng.choice(self.data["headlines"])
        title = title_template.format(short=focus.short or focus.name)
        gold = tuple(r for _, relations in statements for r in relations)
        return Article(doc_id, title, self._date(), "\n\n".join(paragraphs), gold)


def _key(relation: GoldRelation) -> tuple:
    subject, obj = relation.subject, relation.object
    if PREDICATES[relation.predicate].symmetric and obj < subject:
        subject, obj = obj, subject
    return (subject, relation.predicate, obj, relation.qualifiers.get("from"))


def iter_articles(seed: int = DEFAULT_SEED) -> Iterator[Article]:
    """Articles without end, in a fixed order for the seed."""
    return iter(CorpusGenerator(seed))


@dataclass(frozen=True)
class CorpusStats:
    articles: int
    bytes: int
    words: int
    core_facts: int
    acceptable_facts: int
    entities: int

    def to_json(self) -> dict[str, int]:
        return dict(self.__dict__)


def generate(*, articles: int | None = None, megabytes: float | None = None, seed: int = DEFAULT_SEED
             ) -> tuple[list[Article], CorpusGenerator]:
    """The first ``articles`` articles, or as many as make ``megabytes`` of text (10**6 bytes)."""
    if (articles is None) == (megabytes is None):
        raise ValueError("give either articles or megabytes")
    generator = CorpusGenerator(seed)
    made: list[Article] = []
    size = 0
    for article in generator:
        made.append(article)
        size += len(article.text.encode("utf-8"))
        if articles is not None and len(made) >= articles:
            break
        if megabytes is not None and size >= megabytes * 1_000_000:
            break
    return made, generator


def gold_lines(articles: list[Article], generator: CorpusGenerator) -> Iterator[dict[str, Any]]:
    """The gold file's records: documents, then entities used by a fact, then relations."""
    # An entity is core when a stated fact names it; one only implied (the
    # maker in a product's name) is acceptable, like the facts about it.
    tiers: dict[str, str] = {}
    relations = [r for a in articles for r in a.gold]
    for relation in relations:
        ends = [relation.subject, relation.object]
        if "from" in relation.qualifiers:
            ends.append(relation.qualifiers["from"])
        for end in ends:
            if relation.tier == CORE or end not in tiers:
                tiers[end] = relation.tier
    for article in articles:
        yield {"kind": "document", "id": article.id, "title": article.title, "date": article.date}
    for entity_id, tier in tiers.items():
        entity = generator.world.entities[entity_id].gold()
        yield {"kind": "entity", "id": entity.id, "type": entity.type, "name": entity.name,
               "aliases": list(entity.aliases), "tier": tier}
    for relation in relations:
        yield {"kind": "relation", "subject": relation.subject, "predicate": relation.predicate,
               "object": relation.object, "qualifiers": dict(relation.qualifiers), "tier": relation.tier,
               "docs": list(relation.docs), "evidence": relation.evidence}


def write_corpus(out_dir: str | Path, *, articles: int | None = None, megabytes: float | None = None,
                 seed: int = DEFAULT_SEED) -> CorpusStats:
    """Write ``corpus.jsonl`` (one article a line: id, title, date, text) and ``gold.jsonl`` to ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    made, generator = generate(articles=articles, megabytes=megabytes, seed=seed)
    with (out / "corpus.jsonl").open("w", encoding="utf-8") as handle:
        for article in made:
            handle.write(json.dumps(article.to_json(), ensure_ascii=False) + "\n")
    entities = 0
    with (out / "gold.jsonl").open("w", encoding="utf-8") as handle:
        for record in gold_lines(made, generator):
            entities += record["kind"] == "entity"
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    relations = [r for a in made for r in a.gold]
    return CorpusStats(
        articles=len(made),
        bytes=sum(len(a.text.encode("utf-8")) for a in made),
        words=sum(a.words for a in made),
        core_facts=sum(1 for r in relations if r.tier == CORE),
        acceptable_facts=sum(1 for r in relations if r.tier == ACCEPTABLE),
        entities=entities,
    )


# ---------------------------------------------------------------------------
# Big fact sets for the loader and the reports


# Shares of each predicate among the relations of a synthetic fact set.
FACT_MIX = {
    "WORKS_FOR": 0.44, "MOVED": 0.14, "EDUCATED_AT": 0.08, "FOUNDED": 0.03, "DEVELOPED": 0.02, "PART_OF": 0.03,
    "ACQUIRED": 0.02, "RENAMED_TO": 0.005, "PARTNERED_WITH": 0.04, "INVESTED_IN": 0.03, "MAKES": 0.02,
    "USES": 0.04, "COMPETES_WITH": 0.06, "CRITICIZED": 0.025,
}
_VERBS = {
    "WORKS_FOR": "works for", "MOVED": "joined", "EDUCATED_AT": "studied at", "FOUNDED": "founded",
    "DEVELOPED": "developed", "PART_OF": "is part of", "ACQUIRED": "acquired", "RENAMED_TO": "was renamed",
    "PARTNERED_WITH": "partnered with", "INVESTED_IN": "invested in", "MAKES": "makes", "USES": "uses",
    "COMPETES_WITH": "competes with", "CRITICIZED": "criticized",
}
# Relations per document, on average: about what a long news article yields.
RELATIONS_PER_DOCUMENT = 25


def _skewed(rng: random.Random, n: int, power: float = 2.5) -> int:
    """An index in range(n), low ones far more likely: a few hubs, a long tail (as in news)."""
    return min(n - 1, int(n * rng.random() ** power))


def synthetic_factset(
    *,
    people: int = 100_000,
    organizations: int = 20_000,
    products: int = 10_000,
    relations: int = 500_000,
    seed: int = DEFAULT_SEED,
) -> FactSet:
    """A valid FactSet of the given size: every relation allowed by the ontology, with evidence.

    Organisation ends are skewed (a few hubs with thousands of people), people
    uniform; about one relation in ten is supported by a second document.
    """
    rng = random.Random(seed)
    pool = NamePool(rng)
    persons = [pool.person() for _ in range(people)]
    universities = max(1, organizations // 20)
    orgs: list[tuple[str, str]] = []
    for i in range(organizations):
        sector = "university" if i < universities else rng.choice(("auto", "tech", "chip", "energy", "group", "finance"))
        name, _ = pool.organization(sector)
        orgs.append((name, "university" if sector == "university" else "company"))
    schools, companies = orgs[:universities], orgs[universities:]
    rng.shuffle(companies)
    goods: list[tuple[str, str]] = []
    for i in range(products):
        brand = companies[_skewed(rng, len(companies))][0].split()[0]
        kind = "chip" if i % 4 == 0 else "vehicle"
        goods.append((pool.product_code(brand, kind), kind))

    entities: list[Entity] = []
    for name in persons:
        entities.append(Entity(slugify(name), PERSON, name, (name, name.split()[-1])))
    for name, kind in orgs:
        entities.append(Entity(slugify(name), ORGANIZATION, name, (name, name.split()[0]), {"kind": kind}))
    for name, kind in goods:
        entities.append(Entity(slugify(name), PRODUCT, name, (name,), {"kind": kind}))
    person_ids = [slugify(n) for n in persons]
    school_ids = [slugify(n) for n, _ in schools]
    company_ids = [slugify(n) for n, _ in companies]
    product_ids = [slugify(n) for n, _ in goods]
    names = {e.id: e.name for e in entities}

    documents = max(1, relations // RELATIONS_PER_DOCUMENT)
    doc_ids = [f"bench-{i:06d}" for i in range(documents)]
    offsets = [0] * documents
    predicates, shares = zip(*FACT_MIX.items())
    roles = phrasing_data()["roles"]

    def company() -> str:
        return company_ids[_skewed(rng, len(company_ids))]

    # Lineage is a forest, as in the world: a company has at most one parent,
    # is renamed or bought at most once, and only by an older (lower-ranked)
    # one, so PART_OF*, RENAMED_TO* and ACQUIRED chains end.
    once: dict[str, set[int]] = {"PART_OF": set(), "RENAMED_TO": set(), "ACQUIRED": set()}

    def lineage(predicate: str) -> tuple[str, str] | None:
        child = rng.randrange(1, len(company_ids))
        if child in once[predicate]:
            return None
        once[predicate].add(child)
        elder = _skewed(rng, child)
        if predicate == "PART_OF":
            return company_ids[child], company_ids[elder]
        return company_ids[elder], company_ids[child]

    def product() -> str:
        return product_ids[_skewed(rng, len(product_ids), 1.5)]

    def ends(predicate: str) -> tuple[str, str, dict[str, Any]]:
        year = str(rng.randrange(2005, 2025))
        if predicate == "WORKS_FOR":
            q: dict[str, Any] = {"role": rng.choice(roles)}
            if rng.random() < 0.5:
                q["start"] = year
            return rng.choice(person_ids), company(), q
        if predicate == "MOVED":
            return rng.choice(person_ids), company(), {"from": company(), "date": year}
        if predicate == "EDUCATED_AT":
            return rng.choice(person_ids), school_ids[_skewed(rng, len(school_ids), 1.5)], {}
        if predicate == "FOUNDED":
            if rng.random() < 0.8:
                return rng.choice(person_ids), company(), {"date": year}
            child = rng.randrange(1, len(company_ids))
            return company_ids[_skewed(rng, child)], company_ids[child], {"date": year}
        if predicate == "DEVELOPED":
            return rng.choice(person_ids), product(), {}
        if predicate in once:
            pair = lineage(predicate)
            if pair is None:
                return "", "", {}
            qualifiers = {"ACQUIRED": {"date": year, "amount": f"${rng.randrange(20, 900)} million"},
                          "RENAMED_TO": {"date": year}}.get(predicate, {})
            return pair[0], pair[1], qualifiers
        if predicate == "INVESTED_IN":
            return company(), company(), {"date": year, "amount": f"${rng.randrange(20, 900)} million"}
        if predicate == "PARTNERED_WITH":
            return company(), company(), {"date": year}
        if predicate == "MAKES":
            return company(), product(), {}
        if predicate == "USES":
            return product(), product(), {}
        if predicate == "COMPETES_WITH":
            return (company(), company(), {}) if rng.random() < 0.8 else (product(), product(), {})
        subject = rng.choice(person_ids) if rng.random() < 0.5 else company()
        return subject, company(), {"date": year}

    facts: dict[tuple, Relation] = {}
    while len(facts) < relations:
        predicate = rng.choices(predicates, shares)[0]
        subject, obj, qualifiers = ends(predicate)
        if not subject or subject == obj or qualifiers.get("from") == obj:
            continue
        if PREDICATES[predicate].symmetric and obj < subject:
            subject, obj = obj, subject
        key = (subject, predicate, obj, qualifiers.get("from"))
        if key in facts:
            continue
        sentence = f"{names[subject]} {_VERBS[predicate]} {names[obj]}."
        evidence = []
        for _ in range(2 if rng.random() < 0.1 else 1):
            doc = rng.randrange(documents)
            start = offsets[doc]
            offsets[doc] = start + len(sentence) + 1
            evidence.append(Evidence(doc_ids[doc], start, start + len(sentence), sentence))
        facts[key] = Relation(subject, predicate, obj, qualifiers, round(rng.uniform(0.5, 0.95), 3), tuple(evidence))
    records = tuple(
        DocumentRecord(doc, hashlib.sha256(f"{seed}:{doc}".encode()).hexdigest(), title=f"Synthetic {doc}",
                       date=f"{2015 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}")
        for i, doc in enumerate(doc_ids)
    )
    return FactSet(records, tuple(entities), tuple(facts.values()))


# ---------------------------------------------------------------------------
# Command line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.synth", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    corpus = commands.add_parser("corpus", help="write corpus.jsonl and gold.jsonl")
    size = corpus.add_mutually_exclusive_group(required=True)
    size.add_argument("--articles", type=int, help="how many articles")
    size.add_argument("--mb", type=float, help="how many megabytes (10**6 bytes) of article text")
    corpus.add_argument("--out", type=Path, required=True, help="folder to write to")
    corpus.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    facts = commands.add_parser("facts", help="write a synthetic facts file")
    facts.add_argument("--out", type=Path, required=True, help="facts file to write")
    facts.add_argument("--people", type=int, default=100_000)
    facts.add_argument("--organizations", type=int, default=20_000)
    facts.add_argument("--products", type=int, default=10_000)
    facts.add_argument("--relations", type=int, default=500_000)
    facts.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    if args.command == "corpus":
        stats = write_corpus(args.out, articles=args.articles, megabytes=args.mb, seed=args.seed)
        sys.stdout.write(json.dumps(stats.to_json()) + "\n")
    else:
        from extract.facts import write_facts

        factset = synthetic_factset(people=args.people, organizations=args.organizations, products=args.products,
                                    relations=args.relations, seed=args.seed)
        lines = write_facts(factset, args.out)
        sys.stdout.write(json.dumps({"lines": lines, "relations": len(factset.relations)}) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
