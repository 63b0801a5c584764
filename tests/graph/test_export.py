"""Export for Gephi and friends: each format reads back with the same nodes and edges."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from corpgraph.errors import InputError
from graph.analysis import graph_from_neo4j
from graph.export import EXPORT_FORMATS, export_graph


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_export_reads_back(world_graph, tmp_path, fmt):
    graph = graph_from_neo4j(world_graph)
    path = export_graph(graph, tmp_path / f"world.{fmt}", fmt)
    if fmt == "graphml":
        back = nx.read_graphml(path)
    elif fmt == "gexf":
        back = nx.read_gexf(path)
    else:
        back = nx.node_link_graph(json.loads(path.read_text()), edges="edges")
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    aliases = back.nodes["borealis-motors"]["aliases"]
    # XML formats hold lists as JSON text; JSON keeps them as lists.
    assert (json.loads(aliases) if isinstance(aliases, str) else aliases) == ["Borealis Motors", "Borealis"]


def test_export_refuses_unknown_formats_and_missing_folders(tmp_path):
    graph = nx.MultiDiGraph()
    with pytest.raises(InputError, match="unknown export format 'svg'"):
        export_graph(graph, tmp_path / "g.svg", "svg")
    with pytest.raises(InputError, match="does not exist"):
        export_graph(graph, tmp_path / "missing" / "g.graphml", "graphml")
