"""graph.server: the choice of backend, the password, Java, the config, and real starts and stops."""

from __future__ import annotations

import socket
import stat
import urllib.request
from dataclasses import replace
from pathlib import Path

import pytest
from dotenv import dotenv_values

from corpgraph.errors import ConfigError, ServerError
from corpgraph.settings import Settings, load_settings
from graph import server
from graph.server import LocalServer, choose_backend

PROJECT_DIR = Path(__file__).resolve().parents[2]


# --- the choice of backend (the same function the test fixture uses) --------


@pytest.mark.parametrize(
    ("uri", "docker", "prefer", "expected"),
    [
        ("bolt://db.example:7687", True, None, "external"),
        ("bolt://db.example:7687", False, None, "external"),
        (None, True, None, "docker"),
        (None, False, None, "local"),
        ("bolt://db.example:7687", False, "local", "local"),
        ("bolt://db.example:7687", True, "docker", "docker"),
        (None, True, "local", "local"),
    ],
)
def test_choose_backend(uri: str | None, docker: bool, prefer: str | None, expected: str) -> None:
    assert choose_backend(Settings(neo4j_uri=uri), docker_available=docker, prefer=prefer) == expected


def test_docker_asked_for_without_an_engine_is_an_error() -> None:
    with pytest.raises(ServerError, match="no Docker engine"):
        choose_backend(Settings(), docker_available=False, prefer="docker")


def test_unknown_backend_and_external_without_uri_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="unknown Neo4j backend"):
        choose_backend(Settings(), docker_available=False, prefer="cloud")
    with pytest.raises(ConfigError, match="NEO4J_URI"):
        choose_backend(Settings(), docker_available=False, prefer="external")


def test_a_managed_server_ignores_neo4j_uri() -> None:
    settings = Settings(neo4j_uri="bolt://db.example:7687", bolt_port=7999)
    assert server.settings_for(settings, "local").bolt_uri == "bolt://127.0.0.1:7999"
    assert server.settings_for(settings, "external").bolt_uri == "bolt://db.example:7687"


def test_fixture_backend_follows_neo4j_uri(neo4j_backend: str) -> None:
    settings = load_settings(PROJECT_DIR)
    assert (neo4j_backend == "external") == bool(settings.neo4j_uri)


# --- the password ------------------------------------------------------------


def test_a_fresh_setup_generates_a_private_random_password(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    monkeypatch.delenv("NEO4J_USER", raising=False)
    (tmp_path / ".env.example").write_text((PROJECT_DIR / ".env.example").read_text())
    settings, created = server.ensure_password(Settings(project_dir=tmp_path))
    password = settings.neo4j_password or ""

    assert created
    env_file = tmp_path / ".env"
    assert stat.S_IMODE(env_file.stat().st_mode) == 0o600
    saved = dotenv_values(env_file)
    # Compared as booleans so that a failure does not print a password.
    saved_as_generated = saved["NEO4J_PASSWORD"] == password
    read_back = load_settings(tmp_path).neo4j_password == password
    assert saved_as_generated and read_back
    assert len(password) >= 24
    assert password.lower() not in {"neo4j", "password", "test"}
    # The rest of the example survives, and the password appears once.
    assert saved["NEO4J_USER"] == "neo4j"
    assert env_file.read_text().count("NEO4J_PASSWORD=") == 1


def test_each_setup_gets_its_own_password(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
    first, _ = server.ensure_password(Settings(project_dir=tmp_path / "a"))
    second, _ = server.ensure_password(Settings(project_dir=tmp_path / "b"))
    differ = first.neo4j_password != second.neo4j_password
    assert differ


def test_generated_passwords_never_begin_with_a_dash() -> None:
    # One raw token in 64 begins with "-"; among 2,000 some would (all but 1e-13 of the time).
    passwords = [server.generate_password() for _ in range(2000)]
    leading_dashes = sum(password.startswith("-") for password in passwords)
    assert leading_dashes == 0
    assert len(set(passwords)) == len(passwords)


def test_a_configured_password_is_kept_and_nothing_is_written(tmp_path: Path) -> None:
    settings, created = server.ensure_password(Settings(project_dir=tmp_path, neo4j_password="chosen-by-user-1"))
    assert not created
    assert settings.neo4j_password == "chosen-by-user-1"  # not a secret: made up here
    assert not (tmp_path / ".env").exists()


def test_writing_a_key_keeps_other_lines(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("NEO4J_USER=analyst\nNEO4J_PASSWORD=old\n")
    server.write_env_value(tmp_path, "NEO4J_PASSWORD", "new-value")
    assert dotenv_values(tmp_path / ".env") == {"NEO4J_USER": "analyst", "NEO4J_PASSWORD": "new-value"}


def test_env_example_holds_no_secret() -> None:
    values = dotenv_values(PROJECT_DIR / ".env.example")
    assert not values.get("NEO4J_PASSWORD")
    assert ".env" in (PROJECT_DIR / ".gitignore").read_text().split()


def test_settings_never_show_the_password() -> None:
    assert "s3cret-value" not in repr(Settings(neo4j_password="s3cret-value"))


# --- Java and the config file ------------------------------------------------


def test_find_java_picks_a_jdk_that_neo4j_runs_on() -> None:
    java = server.find_java(Settings())
    assert server.java_major_version(java) in server.SUPPORTED_JAVA


def test_a_wrong_java_home_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=str(tmp_path)):
        server.find_java(Settings(java_home=str(tmp_path)))


def test_config_listens_on_loopback_with_auth(tmp_path: Path) -> None:
    settings = Settings(local_home=tmp_path, bolt_port=7999, http_port=7998, heap_size="384m", pagecache_size="64m",
                        neo4j_password="never-in-config")
    text = LocalServer(settings).write_config().read_text()
    conf = dict(line.split("=", 1) for line in text.splitlines() if line and not line.startswith("#"))

    assert conf["server.default_listen_address"] == "127.0.0.1"
    assert conf["server.bolt.listen_address"] == "127.0.0.1:7999"
    assert conf["server.http.listen_address"] == "127.0.0.1:7998"
    assert conf["dbms.security.auth_enabled"] == "true"
    assert conf["server.memory.heap.max_size"] == "384m"
    assert conf["server.memory.pagecache.size"] == "64m"
    for key in ("data", "logs", "run", "import", "plugins"):
        assert Path(conf[f"server.directories.{key}"]).parent == tmp_path.resolve()
    assert "never-in-config" not in text


# --- the real server -----------------------------------------------------------


def test_status_reports_the_real_server(neo4j_settings: Settings) -> None:
    info = server.status(neo4j_settings)
    assert info.version.startswith("5.26.")
    assert info.edition == "community"
    assert info.uri == neo4j_settings.bolt_uri


def test_starting_a_running_local_server_says_so(neo4j_settings: Settings) -> None:
    local = server.settings_for(neo4j_settings, "local")
    if LocalServer(local).pid() is None:
        pytest.skip("no local server runs in this project (the database comes from elsewhere)")
    result = server.start(local, "local")
    assert result.already_running
    assert result.status.backend == "local"
    assert result.status.pid == LocalServer(local).pid()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.slow
def test_local_server_lifecycle(tmp_path: Path, neo4j_settings: Settings) -> None:
    """A second local server in its own folder: start, start again, status, Browser, stop."""
    shared_lib = LocalServer(server.settings_for(load_settings(PROJECT_DIR), "local")).lib
    if not (shared_lib / ".corpgraph-assembled").is_file():
        pytest.skip("the local server's jars are not assembled in this project (.neo4j/lib)")
    home = tmp_path / "neo4j"
    home.mkdir()
    # Share the jars of the project's server instead of copying 130 MB again.
    (home / "lib").symlink_to(shared_lib, target_is_directory=True)
    settings = Settings(
        project_dir=tmp_path, local_home=home, bolt_port=_free_port(), http_port=_free_port(),
        # A user's password may begin with a dash: Neo4j's admin tool must not read it as an option.
        heap_size="512m", pagecache_size="32m", neo4j_password="-lifecycle-" + tmp_path.name,
    )

    first = server.start(settings, "local")
    try:
        assert not first.already_running
        assert first.status.version.startswith("5.26.")
        again = server.start(settings, "local")
        assert again.already_running and again.status.pid == first.status.pid
        assert server.status(settings, "local").pid == first.status.pid
        with urllib.request.urlopen(f"http://127.0.0.1:{settings.http_port}/browser/", timeout=30) as page:
            assert "Neo4j Browser" in page.read().decode("utf-8")
    finally:
        stopped = server.stop(settings, "local")
    assert stopped
    assert LocalServer(settings).pid() is None
    assert not server.stop(settings, "local")
    with pytest.raises(ServerError, match="not running"):
        server.status(settings, "local")
    # Its password lives in its data now: starting without one is refused, not guessed.
    with pytest.raises(ConfigError, match="delete"):
        server.start(replace(settings, neo4j_password=None), "local")


def test_a_server_that_cannot_start_points_at_its_log(tmp_path: Path, neo4j_settings: Settings) -> None:
    shared_lib = LocalServer(server.settings_for(load_settings(PROJECT_DIR), "local")).lib
    if not (shared_lib / ".corpgraph-assembled").is_file():
        pytest.skip("the local server's jars are not assembled in this project (.neo4j/lib)")
    home = tmp_path / "neo4j"
    home.mkdir()
    (home / "lib").symlink_to(shared_lib, target_is_directory=True)
    # A heap size the JVM rejects: the server process exits at once.
    settings = Settings(
        project_dir=tmp_path, local_home=home, bolt_port=_free_port(), http_port=_free_port(),
        heap_size="lots", neo4j_password="broken-" + tmp_path.name,
    )
    # Neo4j's own tools reject the setting first ...
    with pytest.raises(ServerError, match="initial Neo4j password") as caught:
        server.start(settings, "local")
    assert str(home / "logs" / "admin.log") in str(caught.value)
    # ... and with the password step behind it (as once the store exists), the JVM does.
    (home / "data" / "databases" / "system").mkdir(parents=True)
    with pytest.raises(ServerError, match="exited while starting") as caught:
        server.start(settings, "local")
    assert str(home / "logs" / "console.log") in str(caught.value)
    assert "\n" not in str(caught.value)
    assert LocalServer(settings).pid() is None


@pytest.mark.parametrize(("value", "expected"), [("3", 3), ("", 1), ("0", None), ("two", None)])
def test_load_writers_come_from_the_environment_and_must_be_a_positive_number(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str, expected: int | None
) -> None:
    monkeypatch.setenv("KG_LOAD_WRITERS", value)
    if expected is None:
        with pytest.raises(ConfigError, match="KG_LOAD_WRITERS"):
            load_settings(tmp_path)
    else:
        assert load_settings(tmp_path).writers == expected
