"""Start, stop and inspect the Neo4j server corpgraph talks to.

Three ways, chosen by :func:`choose_backend`:

- ``external``: ``NEO4J_URI`` names a running server; corpgraph only connects.
- ``docker``: a Docker engine answers; ``docker compose`` runs ``docker-compose.yml``.
- ``local``: no Docker (CI, this kind of machine). The genuine Neo4j Community
  server and Neo4j Browser are resolved from Maven Central into the ignored
  ``.neo4j/`` folder once, then run as a background JVM on Java 17 or 21.

Nothing here prints; progress goes to an optional callback so the CLI decides
where it shows. The password is never part of a message, a log or a repr.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, replace
from importlib import resources
from pathlib import Path
from string import Template

from corpgraph.errors import ConfigError, ServerError
from corpgraph.settings import Settings
from graph.connection import Neo4jUnreachable, display_uri, open_driver, server_info, translate_errors

BACKENDS = ("external", "docker", "local")
SUPPORTED_JAVA = (17, 21)
START_TIMEOUT_S = 180.0
STOP_TIMEOUT_S = 60.0
MAVEN_TIMEOUT_S = 1200.0
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"

Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    """The default progress callback: library code does not print."""


@dataclass(frozen=True)
class ServerStatus:
    """What `kg neo4j status` reports. ``pid`` and ``home`` only for the local server."""

    backend: str
    uri: str
    version: str
    edition: str
    browser_url: str | None
    pid: int | None = None
    home: Path | None = None
    log_file: Path | None = None

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["home"] = str(self.home) if self.home else None
        data["log_file"] = str(self.log_file) if self.log_file else None
        return data


@dataclass(frozen=True)
class StartResult:
    status: ServerStatus
    already_running: bool
    password_created: bool


# --- choosing the way ------------------------------------------------------


def docker_available() -> bool:
    """True when a Docker engine answers (not merely a `docker` client on PATH)."""
    docker = shutil.which("docker")
    if not docker:
        return False
    try:
        result = subprocess.run(
            [docker, "info", "--format", "{{.ServerVersion}}"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=15,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0 and bool(result.stdout.strip())


def choose_backend(settings: Settings, *, docker_available: bool, prefer: str | None = None) -> str:
    """Which way to run Neo4j: ``prefer`` if given, else NEO4J_URI, else Docker, else local.

    >>> choose_backend(Settings(), docker_available=False)
    'local'
    """
    if prefer is not None:
        if prefer not in BACKENDS:
            raise ConfigError(f"unknown Neo4j backend {prefer!r}: choose one of {', '.join(BACKENDS)}")
        if prefer == "docker" and not docker_available:
            raise ServerError("--docker was asked for but no Docker engine answers (`docker info` fails): start Docker or use --local")
        if prefer == "external" and not settings.neo4j_uri:
            raise ConfigError("an external Neo4j needs NEO4J_URI in the environment or .env")
        return prefer
    if settings.neo4j_uri:
        return "external"
    return "docker" if docker_available else "local"


def settings_for(settings: Settings, backend: str) -> Settings:
    """Settings whose ``bolt_uri`` is the server of ``backend`` (a managed server ignores NEO4J_URI)."""
    return settings if backend == "external" else replace(settings, neo4j_uri=None)


def _resolve(settings: Settings, prefer: str | None) -> tuple[str, Settings]:
    needs_probe = prefer is None and not settings.neo4j_uri
    backend = choose_backend(
        settings, docker_available=docker_available() if needs_probe or prefer == "docker" else False, prefer=prefer
    )
    return backend, settings_for(settings, backend)


# --- the password ------------------------------------------------------------


def ensure_password(settings: Settings) -> tuple[Settings, bool]:
    """Settings with a password: the configured one, or a fresh random one saved to `.env`.

    A generated password goes into ``.env`` (created from ``.env.example``,
    mode 600) and nowhere else. Returns ``(settings, created)``.
    """
    if settings.neo4j_password:
        return settings, False
    password = generate_password()
    write_env_value(settings.project_dir, "NEO4J_PASSWORD", password)
    return replace(settings, neo4j_password=password), True


def generate_password() -> str:
    """A random password of 32 URL-safe characters that does not begin with a dash.

    A leading dash makes command-line tools (neo4j-admin, cypher-shell -p)
    read the password as an option; one token in 64 would begin with one.
    """
    while True:
        password = secrets.token_urlsafe(24)
        if not password.startswith("-"):
            return password


def write_env_value(project_dir: Path, key: str, value: str) -> Path:
    """Set ``key=value`` in ``project_dir/.env``, keeping its other lines; the file stays private."""
    env_file = project_dir / ".env"
    example = project_dir / ".env.example"
    if env_file.is_file():
        lines = env_file.read_text(encoding="utf-8").splitlines()
    elif example.is_file():
        lines = example.read_text(encoding="utf-8").splitlines()
    else:
        lines = ["# corpgraph settings; see README.md, Configuration. Keep this file out of git."]
    pattern = re.compile(rf"^\s*(export\s+)?{re.escape(key)}\s*=")
    entry = f"{key}={value}"
    replaced = False
    for i, line in enumerate(lines):
        if pattern.match(line):
            lines[i] = entry
            replaced = True
    if not replaced:
        lines.append(entry)
    # Create with 600 from the start, so the secret is never readable by others.
    fd = os.open(env_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    env_file.chmod(0o600)
    return env_file


# --- public operations -------------------------------------------------------


def start(
    settings: Settings,
    prefer: str | None = None,
    *,
    progress: Progress = _quiet,
    timeout: float = START_TIMEOUT_S,
) -> StartResult:
    """Make sure a Neo4j server answers Bolt, starting one if this backend manages it.

    Idempotent: a server that already runs is left alone and reported.
    """
    backend, settings = _resolve(settings, prefer)
    if backend == "external":
        return StartResult(status(settings, "external"), already_running=True, password_created=False)
    if backend == "docker":
        return _DockerServer(settings).start(progress, timeout)
    return LocalServer(settings).start(progress, timeout)


def stop(settings: Settings, prefer: str | None = None, *, progress: Progress = _quiet) -> bool:
    """Stop the server this backend manages. False when it was not running."""
    backend, settings = _resolve(settings, prefer)
    if backend == "external":
        raise ServerError(
            "NEO4J_URI names a server that corpgraph did not start: stop it where it runs "
            "(or pass --local/--docker to stop one that corpgraph manages)"
        )
    if backend == "docker":
        return _DockerServer(settings).stop(progress)
    return LocalServer(settings).stop(progress)


def status(settings: Settings, prefer: str | None = None) -> ServerStatus:
    """Version, edition, URIs of the running server; raises when it does not answer."""
    backend, settings = _resolve(settings, prefer)
    if backend == "local":
        return LocalServer(settings).status()
    if backend == "docker":
        return _DockerServer(settings).status()
    version, edition = _query_server(settings)
    return ServerStatus("external", _shown_uri(settings), version, edition, browser_url=None)


def _shown_uri(settings: Settings) -> str:
    return display_uri(settings.bolt_uri)


def _query_server(settings: Settings) -> tuple[str, str]:
    with open_driver(settings) as driver, translate_errors(settings):
        return server_info(driver)


def wait_for_bolt(
    settings: Settings,
    timeout: float,
    *,
    still_starting: Callable[[], None] = lambda: None,
    log_hint: str = "",
) -> tuple[str, str]:
    """Poll until Bolt answers with these credentials; ``(version, edition)``.

    ``still_starting`` raises if the server died meanwhile. Wrong credentials
    fail at once: waiting would not fix them.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            return _query_server(settings)
        except Neo4jUnreachable:
            still_starting()
            if time.monotonic() >= deadline:
                raise ServerError(
                    f"Neo4j did not answer on {settings.bolt_uri} within {timeout:.0f} s{log_hint}"
                ) from None
            time.sleep(1.0)


# --- Java and Maven ----------------------------------------------------------


def java_major_version(java: Path) -> int | None:
    """The major version `java -version` reports (17 for "17.0.15", 8 for "1.8.0"), or None."""
    try:
        result = subprocess.run(
            [str(java), "-version"], stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.search(r'version "(\d+)(?:\.(\d+))?', result.stderr + result.stdout)
    if not match:
        return None
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def _java_candidates() -> Iterator[Path]:
    # JAVA_HOME is the machine's own convention, not a corpgraph setting, so it
    # is read here; it is skipped when it points at a JDK Neo4j 5.26 rejects.
    if os.environ.get("JAVA_HOME"):
        yield Path(os.environ["JAVA_HOME"]) / "bin" / "java"
    for pattern in ("java-17-openjdk*", "*-17-*", "*17*", "java-21-openjdk*", "*-21-*", "*21*"):
        yield from (home / "bin" / "java" for home in sorted(Path("/usr/lib/jvm").glob(pattern)))
    on_path = shutil.which("java")
    if on_path:
        yield Path(on_path)


def find_java(settings: Settings) -> Path:
    """The `java` of a JDK that Neo4j 5.26 runs on (17 or 21): KG_JAVA_HOME, JAVA_HOME, /usr/lib/jvm, PATH."""
    if settings.java_home:
        java = Path(settings.java_home) / "bin" / "java"
        version = java_major_version(java)
        if version not in SUPPORTED_JAVA:
            raise ConfigError(
                f"KG_JAVA_HOME={settings.java_home} is not a Java 17 or 21 JDK (found {version or 'no java'}): "
                "point it at one, or unset it to search /usr/lib/jvm"
            )
        return java
    seen: set[Path] = set()
    for java in _java_candidates():
        real = java.resolve()
        if real in seen or not java.is_file():
            continue
        seen.add(real)
        if java_major_version(java) in SUPPORTED_JAVA:
            return java
    raise ServerError(
        "no Java 17 or 21 found for the local Neo4j 5.26 server: install one "
        "(apt-get install openjdk-17-jre-headless) or set KG_JAVA_HOME"
    )


# --- the local server ----------------------------------------------------------


def _pid_alive(pid: int) -> bool:
    """True for a live process; a zombie (exited, not yet reaped) counts as gone."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    if state == "Z":
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
        return False
    return True


def _port_open(port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1.0):
        return True
    return False


class LocalServer:
    """The Maven-assembled server in ``settings.neo4j_dir`` (default ``.neo4j/``).

    Layout: ``pom.xml``, ``lib/`` (jars, cached), ``conf/neo4j.conf`` (written
    each start), ``data/``, ``logs/`` (``console.log``, ``maven.log`` and
    Neo4j's own), ``run/`` (pid and lock files), ``import/``, ``plugins/``.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.home = settings.neo4j_dir.resolve()
        self.lib = self.home / "lib"
        self.conf_dir = self.home / "conf"
        self.data = self.home / "data"
        self.logs = self.home / "logs"
        self.run_dir = self.home / "run"
        self.pid_file = self.run_dir / "corpgraph-neo4j.pid"
        self.console_log = self.logs / "console.log"
        self.stamp = self.lib / ".corpgraph-assembled"

    # state

    @property
    def initialised(self) -> bool:
        """True once the server has created its databases (the initial password is then fixed)."""
        return (self.data / "databases" / "system").is_dir()

    @property
    def assembled(self) -> bool:
        return self.stamp.is_file() and self.stamp.read_text(encoding="utf-8") == self._stamp_text()

    def pid(self) -> int | None:
        """The pid of this home's running server, or None (a stale pid file is ignored)."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        if not _pid_alive(pid):
            return None
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            return None
        # The pid may have been reused by an unrelated process since.
        ours = ENTRY_POINT.encode() in cmdline and f"--home-dir={self.home}".encode() in cmdline
        return pid if ours else None

    def _log_hint(self) -> str:
        return f": see {self.console_log} and {self.logs / 'neo4j.log'}"

    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        """One start or stop at a time for this home (parallel test sessions, two shells)."""
        self.run_dir.mkdir(parents=True, exist_ok=True)
        with open(self.run_dir / "corpgraph.lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    # operations

    def start(self, progress: Progress = _quiet, timeout: float = START_TIMEOUT_S) -> StartResult:
        with self._lock():
            pid = self.pid()
            if pid is not None:
                if not self.settings.neo4j_password:
                    raise ConfigError(self._lost_password_message())
                version, edition = wait_for_bolt(self.settings, timeout, log_hint=self._log_hint())
                return StartResult(self._status(pid, version, edition), already_running=True, password_created=False)
            for port in (self.settings.bolt_port, self.settings.http_port):
                if _port_open(port):
                    raise ServerError(
                        f"port {port} on 127.0.0.1 is already taken by another program: stop it, "
                        "or choose other ports with KG_NEO4J_BOLT_PORT and KG_NEO4J_HTTP_PORT"
                    )
            if not self.settings.neo4j_password and self.initialised:
                raise ConfigError(self._lost_password_message())
            settings, created = ensure_password(self.settings)
            if created:
                progress(f"created a random Neo4j password in {settings.env_file} (mode 600)")
            self.settings = settings
            java = find_java(settings)
            self.assemble(java, progress)
            self.write_config()
            if not self.initialised:
                self._set_initial_password(java)
            process = self._launch(java)
            progress(f"starting Neo4j {settings.neo4j_version} (pid {process.pid}); logs in {self.logs}")

            def still_starting() -> None:
                code = process.poll()
                if code is not None:
                    with contextlib.suppress(OSError):
                        self.pid_file.unlink()
                    raise ServerError(f"Neo4j exited while starting (exit code {code}){self._log_hint()}")

            version, edition = wait_for_bolt(settings, timeout, still_starting=still_starting, log_hint=self._log_hint())
            return StartResult(self._status(process.pid, version, edition), already_running=False, password_created=created)

    def stop(self, progress: Progress = _quiet, timeout: float = STOP_TIMEOUT_S) -> bool:
        with self._lock():
            pid = self.pid()
            if pid is None:
                with contextlib.suppress(OSError):
                    self.pid_file.unlink()
                return False
            progress(f"stopping Neo4j (pid {pid})")
            # SIGTERM lets Neo4j checkpoint and close the store cleanly.
            os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + timeout
            while _pid_alive(pid) and time.monotonic() < deadline:
                time.sleep(0.5)
            if _pid_alive(pid):
                progress(f"Neo4j did not stop within {timeout:.0f} s; killing it")
                os.kill(pid, signal.SIGKILL)
                while _pid_alive(pid):
                    time.sleep(0.2)
            with contextlib.suppress(OSError):
                self.pid_file.unlink()
            return True

    def status(self) -> ServerStatus:
        pid = self.pid()
        if pid is None:
            raise ServerError(
                f"the local Neo4j server ({self.home}) is not running on {self.settings.bolt_uri}: "
                "start it with `kg neo4j start`"
            )
        if not self.settings.neo4j_password:
            raise ConfigError(self._lost_password_message())
        version, edition = _query_server(self.settings)
        return self._status(pid, version, edition)

    def _status(self, pid: int, version: str, edition: str) -> ServerStatus:
        return ServerStatus(
            backend="local",
            uri=self.settings.bolt_uri,
            version=version,
            edition=edition,
            browser_url=self.settings.browser_url,
            pid=pid,
            home=self.home,
            log_file=self.console_log,
        )

    def _lost_password_message(self) -> str:
        return (
            f"the local Neo4j server in {self.home} has a password, but NEO4J_PASSWORD is not set "
            f"in the environment or {self.settings.env_file}: set it again, or delete {self.data} "
            "to start over with an empty database and a new password"
        )

    # assembling and launching

    def _stamp_text(self) -> str:
        return f"neo4j {self.settings.neo4j_version}\nbrowser {self.settings.browser_version}\n"

    def assemble(self, java: Path, progress: Progress = _quiet) -> bool:
        """Copy the server and Browser jars into ``lib/``; False when already there (no network)."""
        if self.assembled:
            return False
        mvn = shutil.which("mvn")
        if not mvn:
            raise ServerError(
                "Maven (`mvn`) is needed once to fetch Neo4j from Maven Central: install it "
                "(apt-get install maven), or use Docker, or set NEO4J_URI to a running server"
            )
        for folder in (self.lib, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        for jar in self.lib.glob("*.jar"):
            jar.unlink()
        self.stamp.unlink(missing_ok=True)
        pom = self.home / "pom.xml"
        pom.write_text(
            _template("neo4j-pom.xml").substitute(
                neo4j_version=self.settings.neo4j_version, browser_version=self.settings.browser_version
            ),
            encoding="utf-8",
        )
        progress(
            f"assembling Neo4j {self.settings.neo4j_version} and Browser {self.settings.browser_version} "
            f"from Maven Central into {self.lib} (once; about 130 MB)"
        )
        maven_log = self.logs / "maven.log"
        env = {**os.environ, "JAVA_HOME": str(java.resolve().parent.parent)}
        base = [mvn, "-B", "-q", "-f", str(pom), "dependency:copy-dependencies", "-DincludeScope=runtime",
                f"-DoutputDirectory={self.lib}"]
        # Offline first: a warm ~/.m2 needs no network at all.
        for offline in (True, False):
            with open(maven_log, "a", encoding="utf-8") as log:
                log.write(f"\n$ mvn {'-o ' if offline else ''}{' '.join(base[1:])}\n")
                log.flush()
                try:
                    result = subprocess.run(
                        [base[0], *(["-o"] if offline else []), *base[1:]],
                        stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                        env=env, cwd=self.home, timeout=MAVEN_TIMEOUT_S, check=False,
                    )
                except subprocess.TimeoutExpired:
                    raise ServerError(f"Maven did not finish within {MAVEN_TIMEOUT_S:.0f} s: see {maven_log}") from None
            if result.returncode == 0 and any(self.lib.glob("neo4j-browser-*.jar")):
                break
        else:
            raise ServerError(
                f"could not fetch Neo4j {self.settings.neo4j_version} from Maven Central: see {maven_log}"
            )
        self.stamp.write_text(self._stamp_text(), encoding="utf-8")
        return True

    def write_config(self) -> Path:
        """Write ``conf/neo4j.conf`` from the current settings."""
        folders = {name: self.home / name for name in ("data", "logs", "run", "import", "plugins")}
        for folder in (self.conf_dir, *folders.values()):
            folder.mkdir(parents=True, exist_ok=True)
        conf = self.conf_dir / "neo4j.conf"
        conf.write_text(
            _template("neo4j.conf").substitute(
                bolt_port=self.settings.bolt_port,
                http_port=self.settings.http_port,
                heap_size=self.settings.heap_size,
                pagecache_size=self.settings.pagecache_size,
                **{f"{name}_dir": path for name, path in folders.items()},
            ),
            encoding="utf-8",
        )
        return conf

    def _env(self) -> dict[str, str]:
        return {**os.environ, "NEO4J_HOME": str(self.home), "NEO4J_CONF": str(self.conf_dir)}

    def _set_initial_password(self, java: Path) -> None:
        password = self.settings.neo4j_password or ""
        result = subprocess.run(
            [str(java), "-cp", f"{self.lib}/*", "org.neo4j.cli.AdminTool", "dbms", "set-initial-password", "--", password],
            stdin=subprocess.DEVNULL, capture_output=True, text=True, env=self._env(), cwd=self.home,
            timeout=300, check=False,
        )
        if result.returncode != 0:
            admin_log = self.logs / "admin.log"
            admin_log.write_text((result.stdout + result.stderr).replace(password, "***"), encoding="utf-8")
            raise ServerError(f"could not set the initial Neo4j password (exit code {result.returncode}): see {admin_log}")

    def _launch(self, java: Path) -> subprocess.Popen[bytes]:
        heap = self.settings.heap_size
        command = [
            str(java), f"-Xms{heap}", f"-Xmx{heap}",
            "-cp", f"{self.home / 'plugins'}/*:{self.conf_dir}/*:{self.lib}/*",
            "-Dfile.encoding=UTF-8",
            # What the neo4j launcher script adds for Netty on Java 17+.
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "-Dio.netty.tryReflectionSetAccessible=true",
            "-XX:+ExitOnOutOfMemoryError",
            ENTRY_POINT, f"--home-dir={self.home}", f"--config-dir={self.conf_dir}",
        ]
        with open(self.console_log, "ab") as log:
            # Own session: the server outlives the `kg` process and ignores its terminal's signals.
            process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                env=self._env(), cwd=self.home, start_new_session=True,
            )
        self.pid_file.write_text(f"{process.pid}\n", encoding="utf-8")
        return process


def _template(name: str) -> Template:
    return Template(resources.files("graph").joinpath(name).read_text(encoding="utf-8"))


# --- Docker ------------------------------------------------------------------


class _DockerServer:
    """`docker compose` with the project's docker-compose.yml (service ``neo4j``)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.compose_file = settings.project_dir / "docker-compose.yml"

    def _compose(self) -> list[str]:
        docker = shutil.which("docker")
        if docker and subprocess.run([docker, "compose", "version"], capture_output=True, check=False).returncode == 0:
            return [docker, "compose"]
        legacy = shutil.which("docker-compose")
        if legacy:
            return [legacy]
        raise ServerError("Docker answers but has no compose command: install the compose plugin, or use --local")

    def _run(self, *args: str, capture: bool = False) -> subprocess.CompletedProcess[str]:
        if not self.compose_file.is_file():
            raise ServerError(f"{self.compose_file} is missing: run from the corpgraph project folder, or use --local")
        env = {
            **os.environ,
            "KG_NEO4J_BOLT_PORT": str(self.settings.bolt_port),
            "KG_NEO4J_HTTP_PORT": str(self.settings.http_port),
        }
        if self.settings.neo4j_password:
            env["NEO4J_PASSWORD"] = self.settings.neo4j_password
        command = [*self._compose(), "-f", str(self.compose_file), "--project-directory", str(self.settings.project_dir), *args]
        result = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env, check=False)
        if result.returncode != 0:
            detail = (result.stderr or result.stdout).strip().splitlines()
            raise ServerError(f"`docker compose {' '.join(args)}` failed: {detail[-1] if detail else 'no output'}")
        return result

    def running(self) -> bool:
        return bool(self._run("ps", "-q", "neo4j").stdout.strip())

    def start(self, progress: Progress, timeout: float) -> StartResult:
        already = self.running()
        if not self.settings.neo4j_password and already:
            raise ConfigError("the Docker Neo4j runs, but NEO4J_PASSWORD is not set in the environment or .env: set it")
        settings, created = ensure_password(self.settings)
        self.settings = settings
        if not already:
            progress("starting Neo4j with docker compose")
            self._run("up", "-d", "neo4j")
        version, edition = wait_for_bolt(settings, timeout, log_hint=": see `docker compose logs neo4j`")
        return StartResult(self._status(version, edition), already_running=already, password_created=created)

    def stop(self, progress: Progress) -> bool:
        if not self.running():
            return False
        progress("stopping Neo4j with docker compose (the data volume is kept)")
        self._run("down")
        return True

    def status(self) -> ServerStatus:
        if not self.running():
            raise ServerError("the Docker Neo4j is not running: start it with `kg neo4j start`")
        return self._status(*_query_server(self.settings))

    def _status(self, version: str, edition: str) -> ServerStatus:
        return ServerStatus("docker", self.settings.bolt_uri, version, edition, browser_url=self.settings.browser_url)


__all__ = [
    "BACKENDS", "LocalServer", "ServerStatus", "StartResult", "choose_backend",
    "docker_available", "ensure_password", "find_java", "settings_for", "start", "status", "stop", "wait_for_bolt",
]
