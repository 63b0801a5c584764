"""Graph measures that Cypher alone does not give easily, over networkx.

:func:`graph_from_neo4j` reads the graph once (read transaction); the rest
are small pure functions on networkx graphs, each with a runnable example.
Nodes are keyed by entity id; documents, when included, by ``doc:<id>``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

import networkx as nx
import neo4j

from graph.reports import plain
from graph.statements import database_errors, read_query

# Relationships between organisations that tie them into one group.
COMPANY_LINKS = ("TALENT_FLOW", "PART_OF", "RENAMED_TO", "PARTNERED_WITH", "ACQUIRED", "INVESTED_IN", "FOUNDED")


def graph_from_neo4j(driver: neo4j.Driver, *, database: str = "neo4j", documents: bool = False) -> nx.MultiDiGraph:
    """The whole graph as a MultiDiGraph: node attributes ``label``, ``name``,
    ``kind``, ``aliases``...; edge attribute ``type`` plus the relationship's
    properties. ``documents`` adds Document nodes and MENTIONS edges."""

    def read(tx: neo4j.ManagedTransaction) -> tuple[list[Any], list[Any]]:
        nodes = list(tx.run(read_query("export_nodes"), documents=documents))
        edges = list(tx.run(read_query("export_edges"), documents=documents))
        return nodes, edges

    with database_errors("reading the graph"), driver.session(
        database=database, default_access_mode=neo4j.READ_ACCESS
    ) as session:
        nodes, edges = session.execute_read(read)
    graph = nx.MultiDiGraph()
    keys: dict[str, str] = {}
    for record in nodes:
        label = record["label"]
        props = {k: plain(v) for k, v in record["props"].items() if k != "search_names"}
        key = f"doc:{props['id']}" if label == "Document" else str(props.get("id"))
        if key in graph:  # the same id under a second label
            key = f"{label}:{props.get('id')}"
        keys[record["key"]] = key
        graph.add_node(key, label=label, **props)
    for record in edges:
        source, target = keys.get(record["source"]), keys.get(record["target"])
        if source is not None and target is not None:
            graph.add_edge(source, target, type=record["type"], **{k: plain(v) for k, v in record["props"].items()})
    return graph


def talent_flow_graph(graph: nx.MultiDiGraph) -> nx.DiGraph:
    """Organisations joined by the people who moved between them.

    Edge ``weight`` is the number of distinct people, ``people`` their names.

    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("kite", "orbit", type="TALENT_FLOW", person_id="ana", person="Ana")
    0
    >>> g.add_edge("kite", "orbit", type="TALENT_FLOW", person_id="bo", person="Bo")
    1
    >>> g.add_edge("kite", "orbit", type="COMPETES_WITH")
    2
    >>> flows = talent_flow_graph(g)
    >>> flows["kite"]["orbit"]["weight"], flows["kite"]["orbit"]["people"]
    (2, ['Ana', 'Bo'])
    """
    flows = nx.DiGraph()
    for source, target, data in graph.edges(data=True):
        if data.get("type") != "TALENT_FLOW":
            continue
        for node in (source, target):
            if node not in flows:
                flows.add_node(node, **graph.nodes[node])
        edge = flows.get_edge_data(source, target)
        if edge is None:
            flows.add_edge(source, target, weight=0, people=[], person_ids=[])
            edge = flows[source][target]
        person_id = data.get("person_id")
        if person_id not in edge["person_ids"]:
            edge["person_ids"].append(person_id)
            edge["people"].append(data.get("person") or person_id)
            edge["weight"] = len(edge["person_ids"])
    return flows


def company_betweenness(flows: nx.DiGraph, *, top: int | None = None) -> list[tuple[str, float]]:
    """Organisations that talent passes through, by betweenness centrality (highest first).

    A company many careers run through (hired from one rival, lost to
    another) scores high; a pure source or sink scores zero.

    >>> flows = nx.DiGraph([("kite", "orbit"), ("orbit", "nova"), ("lumen", "orbit")])
    >>> company_betweenness(flows, top=2)
    [('orbit', 0.333), ('kite', 0.0)]
    """
    if flows.number_of_nodes() == 0:
        return []
    scores = nx.betweenness_centrality(flows, normalized=True)
    ranked = sorted(((node, round(score, 3)) for node, score in scores.items()), key=lambda item: (-item[1], item[0]))
    return ranked[:top] if top else ranked


def company_graph(graph: nx.MultiDiGraph, links: Iterable[str] = COMPANY_LINKS) -> nx.DiGraph:
    """Organisations only, joined by the given relationship types.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("kite", label="Organization"); g.add_node("ana", label="Person")
    >>> g.add_node("orbit", label="Organization")
    >>> _ = g.add_edge("kite", "orbit", type="PART_OF"); _ = g.add_edge("ana", "kite", type="WORKS_FOR")
    >>> sorted(company_graph(g).edges())
    [('kite', 'orbit')]
    """
    wanted = set(links)
    companies = nx.DiGraph()
    for node, data in graph.nodes(data=True):
        if data.get("label") == "Organization":
            companies.add_node(node, **data)
    for source, target, data in graph.edges(data=True):
        if data.get("type") in wanted and source in companies and target in companies:
            companies.add_edge(source, target)
    return companies


def company_groups(companies: nx.DiGraph, *, min_size: int = 2) -> list[list[str]]:
    """Weakly connected groups of organisations, largest first (members sorted).

    >>> companies = nx.DiGraph([("kite", "orbit"), ("nova", "orbit"), ("lumen", "zephyr")])
    >>> companies.add_node("alone")
    >>> company_groups(companies)
    [['kite', 'nova', 'orbit'], ['lumen', 'zephyr']]
    """
    groups = [sorted(group) for group in nx.weakly_connected_components(companies) if len(group) >= min_size]
    return sorted(groups, key=lambda group: (-len(group), group))


@dataclass
class Analysis:
    """What ``kg analyze`` prints."""

    betweenness: list[tuple[str, float]] = field(default_factory=list)
    groups: list[list[str]] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        def named(ranked: list[tuple[str, float]]) -> list[dict[str, Any]]:
            return [{"id": key, "name": self.names.get(key, key), "score": score} for key, score in ranked]

        return {
            "betweenness": named(self.betweenness),
            "groups": [[self.names.get(key, key) for key in group] for group in self.groups],
        }


def analyze(graph: nx.MultiDiGraph, *, top: int = 10) -> Analysis:
    """The measures of ``kg analyze`` on a graph from :func:`graph_from_neo4j`."""
    flows = talent_flow_graph(graph)
    return Analysis(
        betweenness=company_betweenness(flows, top=top),
        groups=company_groups(company_graph(graph)),
        names={node: data.get("name", node) for node, data in graph.nodes(data=True)},
    )
