"""Write the graph for Gephi, Cytoscape and other tools: GraphML, GEXF or JSON.

GraphML and GEXF attributes are scalars only, so list properties (aliases,
evidence, ...) are written as JSON strings there; JSON keeps them as lists.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from corpgraph.errors import InputError

EXPORT_FORMATS = ("graphml", "gexf", "json")


def _scalar(value: Any) -> Any:
    """A value GraphML/GEXF can hold (str, int, float, bool); others as JSON.

    >>> _scalar(["Kite", "Kite Labs"]), _scalar(3), _scalar({"a": 1})
    ('["Kite", "Kite Labs"]', 3, '{"a": 1}')
    """
    if isinstance(value, (str, bool, int, float)):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def scalar_graph(graph: nx.Graph) -> nx.Graph:
    """A copy whose attributes are all scalars (None dropped), for XML formats.

    >>> g = nx.MultiDiGraph(); g.add_node("kite", aliases=["Kite"], kind=None)
    >>> dict(scalar_graph(g).nodes["kite"])
    {'aliases': '["Kite"]'}
    """
    flat = graph.__class__()
    flat.graph.update({k: _scalar(v) for k, v in graph.graph.items() if v is not None})
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: _scalar(v) for k, v in data.items() if v is not None})
    if graph.is_multigraph():
        for source, target, key, data in graph.edges(keys=True, data=True):
            flat.add_edge(source, target, key=key, **{k: _scalar(v) for k, v in data.items() if v is not None})
    else:
        for source, target, data in graph.edges(data=True):
            flat.add_edge(source, target, **{k: _scalar(v) for k, v in data.items() if v is not None})
    return flat


def export_graph(graph: nx.Graph, path: str | Path, fmt: str) -> Path:
    """Write ``graph`` to ``path`` as ``graphml``, ``gexf`` or ``json`` (node-link data)."""
    target = Path(path)
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown export format {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}")
    if target.parent and not target.parent.is_dir():
        raise InputError(f"cannot write {target}: the folder {target.parent} does not exist")
    try:
        if fmt == "graphml":
            nx.write_graphml(scalar_graph(graph), target)
        elif fmt == "gexf":
            nx.write_gexf(scalar_graph(graph), target)
        else:
            data = nx.node_link_data(graph, edges="edges")
            target.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot write {target}: {error.strerror or error}") from None
    return target
