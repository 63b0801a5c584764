"""Browser files: the style, the guide (served with CORS) and the saved queries are valid."""

from __future__ import annotations

import html
import re
import threading
import urllib.request

import pytest

from corpgraph.settings import Settings
from graph.browse import GUIDE_FILE, STYLE_FILE, browser_files, browser_url, guide_server

RUNNABLE = re.compile(r'<pre class="[^"]*runnable[^"]*">(.*?)</pre>', re.S)


def _guide_queries() -> list[str]:
    text = (browser_files() / GUIDE_FILE).read_text(encoding="utf-8")
    return [html.unescape(q).strip() for q in RUNNABLE.findall(text)]


def _saved_queries() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((browser_files() / "queries").glob("*.cypher"))]


def test_style_gives_each_label_a_colour_and_a_name_caption():
    style = (browser_files() / STYLE_FILE).read_text(encoding="utf-8")
    for label in ("Person", "Organization", "Product", "Document"):
        block = re.search(r"node\." + label + r" \{(.*?)\}", style, re.S)
        assert block and "color:" in block.group(1) and "caption:" in block.group(1)
    assert re.search(r"relationship\.TALENT_FLOW \{[^}]*caption: \"\{person\}\"", style)


def test_the_guide_has_slides_on_lineage_flows_and_evidence():
    text = (browser_files() / GUIDE_FILE).read_text(encoding="utf-8")
    titles = re.findall(r"<slide[^>]*>\s*<h3>(.*?)</h3>", text)
    assert len(titles) >= 4
    assert any("Lineage" in t for t in titles) and any("flow" in t.lower() for t in titles)
    assert any("evidence" in t.lower() for t in titles)
    assert len(_guide_queries()) >= 8


@pytest.mark.parametrize("source", ["guide", "saved"])
def test_every_query_shown_to_users_is_valid_cypher(graph_db, source):
    queries = _guide_queries() if source == "guide" else _saved_queries()
    for query in queries:
        if query.startswith(":"):
            continue  # a Browser command such as :param
        graph_db.execute_query("EXPLAIN " + query, name="x")


def test_the_guide_is_served_with_cors_on_loopback():
    server = guide_server(port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        assert host == "127.0.0.1"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/{GUIDE_FILE}", timeout=5) as response:
            assert response.headers["Access-Control-Allow-Origin"] == "*"
            assert b"<slide" in response.read()
    finally:
        server.shutdown()
        server.server_close()


def test_browser_url_follows_the_bolt_host():
    assert browser_url(Settings(neo4j_uri="bolt://graph.example:7687", http_port=7474)) == "http://graph.example:7474/browser/"
