"""docker-compose.yml, checked by parsing: no Docker engine is needed to hold it to its promises."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

PROJECT_DIR = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def neo4j_service() -> dict:
    compose = yaml.safe_load((PROJECT_DIR / "docker-compose.yml").read_text())
    return compose["services"]["neo4j"]


def _with_defaults(value: str) -> str:
    """Expand ${VAR:-default} the way compose does when VAR is unset."""
    return re.sub(r"\$\{[A-Z0-9_]+:-([^}]*)\}", r"\1", value)


def test_image_is_neo4j_5_26_community(neo4j_service: dict) -> None:
    assert neo4j_service["image"] == "neo4j:5.26-community"


def test_ports_are_bound_to_loopback(neo4j_service: dict) -> None:
    ports = [_with_defaults(p) for p in neo4j_service["ports"]]
    assert sorted(ports) == ["127.0.0.1:7474:7474", "127.0.0.1:7687:7687"]


def test_auth_comes_from_the_environment(neo4j_service: dict) -> None:
    auth = neo4j_service["environment"]["NEO4J_AUTH"]
    # ":?" makes compose refuse to start without a password instead of using a default.
    assert re.fullmatch(r"neo4j/\$\{NEO4J_PASSWORD:\?[^}]+\}", auth)


def test_data_and_logs_live_in_named_volumes(neo4j_service: dict) -> None:
    compose = yaml.safe_load((PROJECT_DIR / "docker-compose.yml").read_text())
    mounts = dict(volume.split(":", 1)[::-1] for volume in neo4j_service["volumes"])
    assert set(mounts) == {"/data", "/logs"}
    assert set(mounts.values()) <= set(compose["volumes"])


def test_healthcheck_probes_the_server(neo4j_service: dict) -> None:
    check = neo4j_service["healthcheck"]
    assert "7474" in " ".join(check["test"])
    assert check["retries"] >= 3
