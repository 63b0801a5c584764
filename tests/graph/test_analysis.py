"""networkx measures: the docstring examples, and the invented world read from Neo4j."""

from __future__ import annotations

import doctest

import networkx as nx

from graph import analysis
from graph.analysis import analyze, company_betweenness, company_graph, company_groups, graph_from_neo4j, talent_flow_graph


def test_docstring_examples_run():
    failures, tried = doctest.testmod(analysis)
    assert tried > 0 and failures == 0


def test_the_graph_read_from_neo4j_has_every_entity_and_fact(world_graph):
    graph = graph_from_neo4j(world_graph)
    assert graph.number_of_nodes() == 13
    assert graph.nodes["borealis-motors"]["label"] == "Organization"
    assert "Borealis" in graph.nodes["borealis-motors"]["aliases"]
    types = {data["type"] for _, _, data in graph.edges(data=True)}
    assert "MENTIONS" not in types and {"MOVED", "TALENT_FLOW", "USES"} <= types
    with_docs = graph_from_neo4j(world_graph, documents=True)
    assert with_docs.nodes["doc:news-a"]["label"] == "Document"
    assert with_docs.has_edge("doc:news-a", "mira-castell")


def test_talent_flows_count_people_per_pair(world_graph):
    flows = talent_flow_graph(graph_from_neo4j(world_graph))
    assert flows["aurora-dynamics"]["borealis-motors"]["weight"] == 2
    assert sorted(flows["aurora-dynamics"]["borealis-motors"]["people"]) == ["Ines Varga", "Mira Castell"]


def test_a_company_in_the_middle_of_careers_has_the_highest_betweenness():
    flows = nx.DiGraph([("aurora", "borealis"), ("borealis", "helix"), ("cobalt", "borealis"), ("helix", "delta")])
    ranked = company_betweenness(flows)
    assert ranked[0][0] == "borealis" and ranked[0][1] > ranked[1][1]
    assert dict(ranked)["aurora"] == 0.0


def test_groups_join_companies_through_any_corporate_link(world_graph):
    graph = graph_from_neo4j(world_graph)
    groups = company_groups(company_graph(graph))
    big = groups[0]
    # Flows, the joint venture, its rename and the acquisition tie these together.
    assert {"aurora-dynamics", "borealis-motors", "cobalt-robotics", "helix-auto", "helix-mobility", "quark-sensors"} <= set(big)
    assert "northfield-university" not in {member for group in groups for member in group}


def test_analyze_names_what_it_ranks(world_graph):
    result = analyze(graph_from_neo4j(world_graph), top=3)
    data = result.as_dict()
    assert len(data["betweenness"]) == 3
    assert {"id", "name", "score"} == set(data["betweenness"][0])
    assert "Borealis Motors" in data["groups"][0]
