"""A small invented world for the graph tests (no seed names: see TEAM.md).

Two articles about made-up companies. ``world_facts()`` builds the facts an
extractor would emit for them, with evidence offsets found in the texts, so
the loader, reports, analysis and export are tested on known input.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import neo4j

from extract.model import Document, DocumentRecord, Entity, Evidence, FactSet, Relation

DOC_A = Document(
    id="news-a",
    title="Engineers on the move",
    date="2022-05-01",
    text=(
        "Mira Castell left Aurora Dynamics and joined Borealis Motors in 2019 as chief engineer. "
        "In March 2020, Borealis Motors and Cobalt Robotics founded Helix Auto, a joint venture. "
        "Helix Auto was renamed Helix Mobility in 2022. "
        "Tomas Reyes, previously at Cobalt Robotics, became CEO of Helix Mobility. "
        "Ms. Castell studied at Northfield University."
    ),
)
DOC_B = Document(
    id="news-b",
    title="Chips, deals and rivals",
    date="2023-01-10",
    text=(
        "Helix Mobility makes the Helix One sedan, which runs on the Delta D9 chip from Delta Silicon. "
        "Borealis Motors acquired Quark Sensors for 40 million dollars in 2021. "
        "Borealis competes with Aurora Dynamics. "
        "Ines Varga moved from Aurora Dynamics to Borealis Motors in 2021. "
        "Mira Castell, who joined Borealis Motors from Aurora Dynamics in 2019, led the development of the Helix One. "
        "Aurora Dynamics criticized Borealis over its prices. "
        "Cobalt Robotics invested in Quark Sensors in 2018."
    ),
)
# The same article, edited: the acquisition and Ines Varga are gone.
DOC_B_EDITED = Document(
    id="news-b",
    title="Chips and rivals",
    date="2023-01-11",
    text=(
        "Helix Mobility makes the Helix One sedan, which runs on the Delta D9 chip from Delta Silicon. "
        "Borealis competes with Aurora Dynamics. "
        "Aurora Dynamics criticized Borealis over its prices. "
        "Cobalt Robotics invested in Quark Sensors in 2018."
    ),
)

ENTITIES = {
    e.id: e
    for e in (
        Entity("mira-castell", "Person", "Mira Castell", ("Mira Castell", "Ms. Castell")),
        Entity("tomas-reyes", "Person", "Tomas Reyes", ("Tomas Reyes",)),
        Entity("ines-varga", "Person", "Ines Varga", ("Ines Varga",)),
        Entity("aurora-dynamics", "Organization", "Aurora Dynamics", ("Aurora Dynamics",), {"kind": "company"}),
        Entity("borealis-motors", "Organization", "Borealis Motors", ("Borealis Motors", "Borealis"), {"kind": "company"}),
        Entity("cobalt-robotics", "Organization", "Cobalt Robotics", ("Cobalt Robotics",), {"kind": "company"}),
        Entity("helix-auto", "Organization", "Helix Auto", ("Helix Auto",), {"kind": "company"}),
        Entity("helix-mobility", "Organization", "Helix Mobility", ("Helix Mobility",), {"kind": "company"}),
        Entity("quark-sensors", "Organization", "Quark Sensors", ("Quark Sensors",), {"kind": "company"}),
        Entity("delta-silicon", "Organization", "Delta Silicon", ("Delta Silicon",), {"kind": "company"}),
        Entity("northfield-university", "Organization", "Northfield University", ("Northfield University",), {"kind": "university"}),
        Entity("helix-one", "Product", "Helix One", ("Helix One",), {"kind": "vehicle"}),
        Entity("delta-d9", "Product", "Delta D9", ("Delta D9",), {"kind": "chip"}),
    )
}


@dataclass(frozen=True)
class Fact:
    """A relation and the sentence (a substring of one document) that states it."""

    subject: str
    predicate: str
    object: str
    doc: Document
    sentence: str
    qualifiers: tuple[tuple[str, Any], ...] = ()
    confidence: float = 0.8


def _facts_a(doc: Document) -> list[Fact]:
    move = "Mira Castell left Aurora Dynamics and joined Borealis Motors in 2019 as chief engineer."
    jv = "In March 2020, Borealis Motors and Cobalt Robotics founded Helix Auto, a joint venture."
    return [
        Fact("mira-castell", "MOVED", "borealis-motors", doc, move, (("from", "aurora-dynamics"), ("date", "2019"), ("role", "chief engineer"))),
        Fact("mira-castell", "WORKS_FOR", "borealis-motors", doc, move, (("role", "chief engineer"), ("start", "2019"), ("current", True))),
        Fact("mira-castell", "WORKS_FOR", "aurora-dynamics", doc, move, (("end", "2019"), ("current", False))),
        Fact("borealis-motors", "FOUNDED", "helix-auto", doc, jv, (("date", "2020-03"),)),
        Fact("cobalt-robotics", "FOUNDED", "helix-auto", doc, jv, (("date", "2020-03"),)),
        Fact("cobalt-robotics", "PARTNERED_WITH", "borealis-motors", doc, jv, (("date", "2020-03"),)),
        Fact("helix-auto", "RENAMED_TO", "helix-mobility", doc, "Helix Auto was renamed Helix Mobility in 2022.", (("date", "2022"),)),
        Fact("tomas-reyes", "MOVED", "helix-mobility", doc, "Tomas Reyes, previously at Cobalt Robotics, became CEO of Helix Mobility.", (("from", "cobalt-robotics"), ("role", "CEO"))),
        Fact("tomas-reyes", "WORKS_FOR", "helix-mobility", doc, "Tomas Reyes, previously at Cobalt Robotics, became CEO of Helix Mobility.", (("role", "CEO"), ("current", True))),
        Fact("mira-castell", "EDUCATED_AT", "northfield-university", doc, "Ms. Castell studied at Northfield University."),
    ]


def _facts_b(doc: Document, *, edited: bool = False) -> list[Fact]:
    chip = "Helix Mobility makes the Helix One sedan, which runs on the Delta D9 chip from Delta Silicon."
    facts = [
        Fact("helix-mobility", "MAKES", "helix-one", doc, chip),
        Fact("helix-one", "USES", "delta-d9", doc, chip),
        Fact("delta-silicon", "MAKES", "delta-d9", doc, chip),
        Fact("aurora-dynamics", "COMPETES_WITH", "borealis-motors", doc, "Borealis competes with Aurora Dynamics."),
        Fact("aurora-dynamics", "CRITICIZED", "borealis-motors", doc, "Aurora Dynamics criticized Borealis over its prices."),
        Fact("cobalt-robotics", "INVESTED_IN", "quark-sensors", doc, "Cobalt Robotics invested in Quark Sensors in 2018.", (("date", "2018"),)),
    ]
    if not edited:
        again = "Mira Castell, who joined Borealis Motors from Aurora Dynamics in 2019, led the development of the Helix One."
        facts += [
            Fact("borealis-motors", "ACQUIRED", "quark-sensors", doc, "Borealis Motors acquired Quark Sensors for 40 million dollars in 2021.", (("date", "2021"), ("amount", "40 million dollars"))),
            Fact("quark-sensors", "PART_OF", "borealis-motors", doc, "Borealis Motors acquired Quark Sensors for 40 million dollars in 2021.", (), 0.6),
            Fact("ines-varga", "MOVED", "borealis-motors", doc, "Ines Varga moved from Aurora Dynamics to Borealis Motors in 2021.", (("from", "aurora-dynamics"), ("date", "2021"))),
            Fact("mira-castell", "MOVED", "borealis-motors", doc, again, (("from", "aurora-dynamics"), ("date", "2019")), 0.9),
            Fact("mira-castell", "DEVELOPED", "helix-one", doc, again),
        ]
    return facts


def build_facts(documents: list[Document], facts: list[Fact]) -> FactSet:
    """Merge facts by key (as an extractor does) and keep the entities they use."""
    merged: dict[tuple, Relation] = {}
    for fact in facts:
        start = fact.doc.text.index(fact.sentence)
        evidence = Evidence(fact.doc.id, start, start + len(fact.sentence), fact.sentence)
        relation = Relation(fact.subject, fact.predicate, fact.object, dict(fact.qualifiers), fact.confidence, (evidence,))
        known = merged.get(relation.key)
        if known is None:
            merged[relation.key] = relation
        else:
            merged[relation.key] = Relation(
                known.subject,
                known.predicate,
                known.object,
                {**dict(relation.qualifiers), **dict(known.qualifiers)},
                max(known.confidence, relation.confidence),
                known.evidence + relation.evidence,
            )
    used = {r.subject for r in merged.values()} | {r.object for r in merged.values()}
    used |= {r.qualifiers["from"] for r in merged.values() if r.predicate == "MOVED"}
    return FactSet(
        documents=tuple(DocumentRecord.of(d) for d in documents),
        entities=tuple(e for key, e in ENTITIES.items() if key in used),
        relations=tuple(merged.values()),
    )


def world_facts(*, edited: bool = False, only: str | None = None) -> FactSet:
    """The facts of both articles (``edited`` uses the second article's new text)."""
    doc_b = DOC_B_EDITED if edited else DOC_B
    parts = {"news-a": (DOC_A, _facts_a(DOC_A)), "news-b": (doc_b, _facts_b(doc_b, edited=edited))}
    if only:
        parts = {only: parts[only]}
    return build_facts([doc for doc, _ in parts.values()], [f for _, facts in parts.values() for f in facts])


def snapshot(driver: neo4j.Driver, database: str = "neo4j", ignore: tuple[str, ...] = ()) -> dict[str, Any]:
    """Everything in the graph except load times (and ``ignore``d properties), comparably."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id", database_=database
    )
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props", database_=database
    )
    node_rows = sorted(
        (tuple(r["labels"]), tuple(sorted((k, repr(v)) for k, v in r["props"].items() if k != "loaded_at"))) for r in nodes
    )
    rel_rows = sorted(
        (r["a"], r["type"], r["b"], tuple(sorted((k, repr(v)) for k, v in r["props"].items() if k not in ignore)))
        for r in rels
    )
    return {"nodes": node_rows, "relationships": rel_rows}
