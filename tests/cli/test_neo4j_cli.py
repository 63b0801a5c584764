"""`kg neo4j ...` through Typer's CliRunner, against the real server."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import click
import pytest
from typer.main import get_command
from typer.testing import CliRunner

from corpgraph.cli.app import app
from corpgraph.settings import Settings
from graph import server
from graph.connection import display_uri

runner = CliRunner()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _env(tmp_path: Path, uri: str, password: str, user: str = "neo4j") -> dict[str, str]:
    # An empty project folder: the project's own .env must not decide these tests.
    return {"KG_PROJECT_DIR": str(tmp_path), "NEO4J_URI": uri, "NEO4J_USER": user, "NEO4J_PASSWORD": password}


def test_status_reports_the_real_server(tmp_path: Path, neo4j_settings: Settings) -> None:
    env = _env(tmp_path, neo4j_settings.bolt_uri, neo4j_settings.neo4j_password or "", neo4j_settings.neo4j_user)
    result = runner.invoke(app, ["neo4j", "status", "--format", "json"], env=env)
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert info["backend"] == "external"
    assert info["version"].startswith("5.26.")
    assert info["edition"] == "community"
    assert info["uri"] == display_uri(neo4j_settings.bolt_uri)

    table = runner.invoke(app, ["neo4j", "status"], env=env)
    assert table.exit_code == 0
    assert "community" in table.stdout and info["version"] in table.stdout


def test_status_of_the_local_server(neo4j_settings: Settings) -> None:
    local = server.settings_for(neo4j_settings, "local")
    if server.LocalServer(local).pid() is None:
        pytest.skip("no local server runs in this project (the database comes from elsewhere)")
    env = {"NEO4J_PASSWORD": neo4j_settings.neo4j_password or "", "KG_PROJECT_DIR": str(local.project_dir)}
    result = runner.invoke(app, ["neo4j", "status", "--local", "--format", "json"], env=env)
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert info["backend"] == "local"
    assert info["pid"] == server.LocalServer(local).pid()
    assert info["browser_url"].endswith("/browser/")


def test_unreachable_uri_is_one_line_and_a_failure(tmp_path: Path) -> None:
    uri = f"bolt://127.0.0.1:{_free_port()}"
    password = "cli-secret-93b7"
    result = runner.invoke(app, ["neo4j", "status"], env=_env(tmp_path, uri, password))
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and uri in lines[0]
    assert password not in result.output


def test_wrong_password_is_one_line_and_a_failure(tmp_path: Path, neo4j_settings: Settings) -> None:
    password = "cli-wrong-password-5c0e"
    result = runner.invoke(app, ["neo4j", "status"], env=_env(tmp_path, neo4j_settings.bolt_uri, password))
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert display_uri(neo4j_settings.bolt_uri) in lines[0] and "credentials" in lines[0]
    assert password not in result.output
    # A good login resets the server's count of failed attempts.
    ok = runner.invoke(app, ["neo4j", "status"], env=_env(tmp_path, neo4j_settings.bolt_uri, neo4j_settings.neo4j_password or ""))
    assert ok.exit_code == 0


def test_malformed_uri_is_a_config_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["neo4j", "status"], env=_env(tmp_path, "http://127.0.0.1:7474", "x-12345678"))
    assert result.exit_code == 2
    assert "bolt://" in result.stderr


def test_local_and_docker_exclude_each_other(tmp_path: Path) -> None:
    result = runner.invoke(app, ["neo4j", "status", "--local", "--docker"], env={"KG_PROJECT_DIR": str(tmp_path)})
    assert result.exit_code == 2
    assert "exclude each other" in result.stderr


def test_stopping_an_external_server_is_refused(tmp_path: Path) -> None:
    result = runner.invoke(app, ["neo4j", "stop"], env=_env(tmp_path, "bolt://db.example:7687", "x-12345678"))
    assert result.exit_code != 0
    assert "did not start" in result.stderr


def test_every_neo4j_command_and_option_has_help() -> None:
    group = get_command(app).commands["neo4j"]
    assert group.help
    assert set(group.commands) == {"start", "stop", "status"}
    for name, command in group.commands.items():
        assert command.help, name
        for param in command.params:
            if isinstance(param, click.Option) and param.name != "help":
                assert param.help, f"{name} {param.name}"
