"""Helpers for the hardening tests: running `kg`, its environment, invented articles."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

from typer.testing import CliRunner

from corpgraph.settings import Settings

PROJECT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def kg(*args: str):
    """Run `kg` in this process (the spaCy pipeline stays loaded between calls)."""
    from corpgraph.cli.app import app

    return runner.invoke(app, list(args))


def cli_environment(settings: Settings, project_dir: Path) -> dict[str, str]:
    """Environment variables that point `kg` at ``settings``' server, from an empty project folder."""
    return {
        "NEO4J_URI": settings.bolt_uri,
        "NEO4J_USER": settings.neo4j_user,
        "NEO4J_PASSWORD": settings.neo4j_password or "",
        "NEO4J_DATABASE": settings.neo4j_database,
        "KG_PROJECT_DIR": str(project_dir),
    }


def subprocess_environment(settings: Settings, project_dir: Path, **extra: str) -> dict[str, str]:
    """The environment for a `kg` subprocess: the test's server and no terminal."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "KG_"))}
    env.update(cli_environment(settings, project_dir))
    env.update(extra)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The installed `kg` script beside this interpreter (the venv's).
KG = [str(Path(sys.executable).with_name("kg"))]


# Invented articles (no names from the seed articles): each states a move and a job.
ARTICLES = {
    "harbor.txt": (
        "Harbor Dynamics names new chief executive\n\n"
        "Harbor Dynamics said on Monday that Ilse Maren will become its chief executive. "
        "Maren previously worked at Corvid Analytics for six years.\n"
    ),
    "quarry.txt": (
        "Orla Vance left Stellan Freight and joined Quarry Labs in 2019. "
        "Quarry Labs makes the Pebble scanner.\n"
    ),
    "norvik.txt": (
        "Norvik Energy hired Petra Lund, formerly of Solace Grid, as chief financial officer in 2021.\n"
    ),
}


def write_articles(folder: Path, names: list[str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names or list(ARTICLES):
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")
    return folder

ARTICLES.update(
    {
        "kestrel.txt": "Kestrel Aerospace hired Tomas Novak, formerly of Vantor Systems, as chief engineer in 2020.\n",
        "ferro.txt": "Ferro Steel acquired Tern Logistics in 2017. Ferro Steel makes the Anvil beam.\n",
        "helix.txt": "Dmitri Okafor, the chief executive of Helix Mobility, founded Orbis Labs in 2015.\n",
        "borealis.txt": "Borealis Motors and Calder Systems founded Pellucid Robotics, a joint venture, in 2022.\n",
    }
)


# --- comparing graphs ------------------------------------------------------------

_EVIDENCE = ("evidence_docs", "evidence_starts", "evidence_ends", "evidence")


# A fact stated with different dates or roles in several documents keeps those
# of its latest load (README, Limits and guarantees): runs that load documents
# in another order may differ there, and only there.
QUALIFIERS = ("date", "role", "start", "end", "current", "amount")


def graph_state(driver, *, database: str = "neo4j", confidences: bool = True, ignore: tuple[str, ...] = ()) -> dict[str, list]:
    """The whole graph in a comparable form: list properties as sets, evidence as a set of
    (doc, start, end, sentence[, confidence]) items; load times, ``ignore``d properties and
    (optionally) confidences left out."""
    nodes, _, _ = driver.execute_query("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props", database_=database)
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN labels(a)[0] + ':' + a.id AS a, type(r) AS type, labels(b)[0] + ':' + b.id AS b, "
        "properties(r) AS props",
        database_=database,
    )

    def plain(props: dict, skip: tuple[str, ...]) -> tuple:
        return tuple(
            sorted((key, repr(sorted(value) if isinstance(value, list) else value)) for key, value in props.items() if key not in skip)
        )

    node_rows = sorted((tuple(sorted(r["labels"])), plain(r["props"], ("loaded_at", *ignore))) for r in nodes)
    skip = _EVIDENCE + ("evidence_confidences", *ignore) + (() if confidences else ("confidence",))
    rel_rows = []
    for r in rels:
        props = r["props"]
        evidence = ()
        if "evidence_docs" in props and "evidence_starts" in props:
            columns = [props[k] for k in _EVIDENCE] + ([props["evidence_confidences"]] if confidences else [])
            evidence = tuple(sorted(zip(*columns)))
        elif "evidence" in props:  # TALENT_FLOW copies sentences and documents only
            evidence = tuple(sorted(zip(props.get("evidence_docs", []), props["evidence"])))
        rel_rows.append((r["a"], r["type"], r["b"], plain(props, skip), evidence))
    return {"nodes": node_rows, "relationships": sorted(rel_rows)}


def integrity_problems(driver, *, database: str = "neo4j") -> list[str]:
    """What must never be in the graph: duplicates, half-loaded documents, ragged evidence."""
    checks = {
        "two nodes with one id": "MATCH (n) WHERE n.id IS NOT NULL WITH labels(n)[0] AS l, n.id AS id, count(*) AS c WHERE c > 1 RETURN l + ':' + id AS what",
        "duplicate relationship": (
            "MATCH (a)-[r]->(b) WITH a, b, type(r) AS t, r.`from` AS f, r.person_id AS p, count(*) AS c WHERE c > 1 "
            "RETURN a.id + ' ' + t + ' ' + b.id AS what"
        ),
        "duplicated evidence": (
            "MATCH (a)-[r]->(b) WHERE r.evidence_starts IS NOT NULL "
            "WITH a, r, b, [i IN range(0, size(r.evidence_docs) - 1) | r.evidence_docs[i] + '|' + toString(r.evidence_starts[i]) + '|' + toString(r.evidence_ends[i])] AS keys "
            "UNWIND keys AS k WITH a, r, b, k, count(*) AS c WHERE c > 1 RETURN a.id + ' ' + type(r) + ' ' + b.id + ' ' + k AS what"
        ),
        "ragged evidence lists": (
            "MATCH ()-[r]->() WHERE r.evidence_starts IS NOT NULL AND NOT (size(r.evidence) = size(r.evidence_docs) = size(r.evidence_starts) "
            "= size(r.evidence_ends) = size(r.evidence_confidences)) RETURN elementId(r) AS what"
        ),
        "fact without evidence": "MATCH ()-[r]->() WHERE r.evidence_docs IS NOT NULL AND size(r.evidence_docs) = 0 RETURN elementId(r) AS what",
        "unfinished document": "MATCH (d:Document) WHERE d.sha256 IS NULL RETURN d.id AS what",
        "evidence from an unloaded document": (
            "MATCH ()-[r]->() WHERE r.evidence_docs IS NOT NULL UNWIND r.evidence_docs AS doc WITH DISTINCT doc "
            "WHERE NOT EXISTS { MATCH (:Document {id: doc}) } RETURN doc AS what"
        ),
    }
    problems = []
    for name, query in checks.items():
        records, _, _ = driver.execute_query(query, database_=database)
        problems += [f"{name}: {r['what']}" for r in records]
    return problems


def loaded_documents(driver, *, database: str = "neo4j") -> set[str]:
    records, _, _ = driver.execute_query("MATCH (d:Document) WHERE d.sha256 IS NOT NULL RETURN d.id AS id", database_=database)
    return {r["id"] for r in records}


# --- generated inputs --------------------------------------------------------------
# Invented names, combined at random but reproducibly: many articles or facts
# for the interruption and concurrency tests.

FIRST_NAMES = ("Lena", "Marco", "Priya", "Tomas", "Aiko", "Rafael", "Ingrid", "Kwame", "Sofia", "Nadia", "Oskar", "Leila")
LAST_NAMES = ("Ortiz", "Kowalski", "Haddad", "Lindqvist", "Moreau", "Okafor", "Varga", "Novak", "Sato", "Falk", "Mercer", "Quinn")
# Each ends in a word the extractor's data marks as a company's (org_suffixes.jsonl), so
# every article types them alike: these tests are about loading, not extraction.
COMPANIES = (
    "Kestrel Aerospace", "Vantor Systems", "Northwind Motors", "Calder Robotics", "Tern Logistics", "Ferro Steel",
    "Helix Mobility", "Orbis Labs", "Quill Bank", "Pellucid Software", "Aurora Energy", "Stellan Airlines",
)
SENTENCES = (
    "{p} left {a} and joined {b} in {y}.",
    "{b} hired {p}, formerly of {a}, as chief technology officer in {y}.",
    "{p} is the chief executive of {a}.",
    "{a} acquired {b} in {y}.",
)


def many_articles(folder: Path, count: int, seed: int = 5) -> list[Path]:
    """``count`` short invented articles, each naming its people and companies in full."""
    import random

    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        lines = []
        for template in rng.sample(SENTENCES, 2):
            a, b = rng.sample(COMPANIES, 2)
            person = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            lines.append(template.format(p=person, a=a, b=b, y=rng.randint(2005, 2023)))
        path = folder / f"story-{n:03d}.txt"
        path.write_text(" ".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def synthetic_facts(documents: int, seed: int = 11):
    """A valid FactSet: ``documents`` documents, facts shared between them, every fact with evidence."""
    import hashlib
    import random

    from extract.model import DocumentRecord, Entity, Evidence, FactSet, Relation, slugify

    rng = random.Random(seed)
    people = [f"{f} {l}" for f in FIRST_NAMES for l in LAST_NAMES][:80]
    entities = {slugify(name): Entity(slugify(name), "Person", name, (name,)) for name in people}
    entities.update({slugify(name): Entity(slugify(name), "Organization", name, (name,), {"kind": "company"}) for name in COMPANIES})
    shapes = (("WORKS_FOR", people, COMPANIES), ("MOVED", people, COMPANIES), ("PARTNERED_WITH", COMPANIES, COMPANIES),
              ("ACQUIRED", COMPANIES, COMPANIES), ("FOUNDED", people, COMPANIES))
    facts: dict[tuple, dict] = {}
    docs = []
    for n in range(documents):
        doc_id = f"wire-{n:04d}"
        docs.append(DocumentRecord(doc_id, hashlib.sha256(doc_id.encode()).hexdigest(), title=f"Wire {n}"))
        offset = 0
        for _ in range(rng.randint(3, 6)):
            predicate, subjects, objects = rng.choice(shapes)
            subject, obj = rng.choice(subjects), rng.choice(objects)
            if subject == obj:
                continue
            if predicate == "PARTNERED_WITH":  # symmetric: one fact, whichever way it is said
                subject, obj = sorted((subject, obj))
            origin = rng.choice([c for c in COMPANIES if c != obj]) if predicate == "MOVED" else None
            key = (slugify(subject), predicate, slugify(obj), slugify(origin) if origin else None)
            sentence = f"{subject} {predicate.lower().replace('_', ' ')} {obj}."
            fact = facts.setdefault(key, {"evidence": [], "confidence": round(rng.uniform(0.5, 0.95), 2)})
            fact["evidence"].append(Evidence(doc_id, offset, offset + len(sentence), sentence))
            offset += len(sentence) + 1
    relations = tuple(
        Relation(s, p, o, {"from": f} if f else {}, fact["confidence"], tuple(fact["evidence"]))
        for (s, p, o, f), fact in facts.items()
    )
    return FactSet(documents=tuple(docs), entities=tuple(entities.values()), relations=relations)
