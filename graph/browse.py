"""Neo4j Browser helpers: where it is, and a local server for the project's guide.

Browser fetches a guide with a cross-origin request and only from hosts in
``browser.remote_content_hostname_whitelist`` (``localhost`` is in the
default), so the guide is served from localhost with a CORS header.
"""

from __future__ import annotations

import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from corpgraph.settings import Settings

GUIDE_FILE = "guide.html"
STYLE_FILE = "style.grass"
DEFAULT_GUIDE_PORT = 8765


def browser_files() -> Path:
    """The installed folder with the style, the guide and the saved queries."""
    return Path(str(resources.files("graph.browser")))


def browser_url(settings: Settings) -> str:
    """Browser's address: on the Bolt URI's host, at the configured HTTP port.

    >>> browser_url(Settings(neo4j_uri="bolt://10.0.0.5:7687", http_port=7474))
    'http://10.0.0.5:7474/browser/'
    >>> browser_url(Settings(http_port=7474))
    'http://localhost:7474/browser/'
    """
    host = urlsplit(settings.bolt_uri).hostname or "localhost"
    if host in {"127.0.0.1", "::1"}:
        host = "localhost"
    return f"http://{host}:{settings.http_port}/browser/"


class _GuideHandler(SimpleHTTPRequestHandler):
    """Static files plus the CORS header Browser needs; quiet (no request log on stderr)."""

    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


def guide_server(port: int = DEFAULT_GUIDE_PORT, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    """A server for :func:`browser_files` on loopback (call ``serve_forever``; port 0 picks one)."""
    handler = functools.partial(_GuideHandler, directory=str(browser_files()))
    return ThreadingHTTPServer((host, port), handler)


def guide_url(port: int) -> str:
    return f"http://localhost:{port}/{GUIDE_FILE}"
