"""Security: input stays data, reports stay read-only, the password stays secret, the server stays local.

Report parameters carrying Cypher are only names; report files that try to
write are refused by the server; facts naming a type or predicate outside
the ontology are rejected before anything is written; the password never
appears in what `kg` prints (errors and tracebacks included) nor in the
server's logs; the local server answers on loopback only and never accepts
a default password. Tests of what other modules already hold (the loader's
template allow-list, compose's loopback ports, the generated `.env`) live
beside them and are not repeated here.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import socket
import stat
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import typer

import corpgraph.cli
from corpgraph.errors import DatabaseError, InputError
from extract.facts import write_facts
from extract.model import Entity, Evidence, FactSet, Relation
from graph.connection import open_driver
from graph.loader import graph_counts, load_facts
from graph.reports import discover_reports, run_report
from graph.schema import ensure_schema, schema_names

from harden import KG, kg, subprocess_environment, synthetic_facts

INJECTIONS = ["') DETACH DELETE n //", "x` DETACH DELETE n //", "`Person`", "$org", '" OR 1=1 //', "}) MATCH (n) DETACH DELETE n //"]


# --- report parameters are values ----------------------------------------------------


def _named_world() -> FactSet:
    """Organisations whose very names are Cypher, each in a fact with evidence."""
    doc = "wire-9000"
    base = synthetic_facts(3)
    entities = [Entity(f"odd-{n}", "Organization", name, (name,), {"kind": "company"}) for n, name in enumerate(INJECTIONS)]
    relations = [
        Relation(base.entities[0].id, "WORKS_FOR", entity.id, {}, 0.8, (Evidence(doc, 10 * n, 10 * n + 9, f"sentence {n}"),))
        for n, entity in enumerate(entities)
    ]
    from extract.model import DocumentRecord

    return FactSet(
        documents=base.documents + (DocumentRecord(doc, "f" * 64, title="odd names"),),
        entities=base.entities + tuple(entities),
        relations=base.relations + tuple(relations),
    )


@pytest.mark.parametrize("value", INJECTIONS)
def test_report_parameters_carrying_cypher_are_names(cli_env, value):
    ensure_schema(cli_env)
    load_facts(cli_env, _named_world())
    before = graph_counts(cli_env)
    found = kg("report", "entity", "-p", f"name={value}", "-f", "json")
    assert found.exit_code == 0, found.output
    (row,) = json.loads(found.stdout)
    assert row["name"] == value  # the value named the entity, nothing else
    for report, key in (("org-people", "org"), ("talent-flows", "org"), ("lineage", "org"), ("evidence", "subject"), ("path", "a")):
        result = kg("report", report, "-p", f"{key}={value}", "-f", "json")
        assert result.exit_code in (0, 2), result.output  # path needs its second name: a usage error
        assert "Traceback" not in result.output
    people = json.loads(kg("report", "org-people", "-p", f"org={value}", "-f", "json").stdout)
    assert [p["person"] for p in people] == [_named_world().entities[0].name]
    assert graph_counts(cli_env) == before


# --- reports are read-only ---------------------------------------------------------

WRITES = {
    "create": "CREATE (:Person {id: 'intruder', name: 'Intruder'}) RETURN 1 AS one",
    "delete": "MATCH (n) DETACH DELETE n RETURN 1 AS one",
    "set": "MATCH (n:Person) SET n.name = 'renamed' RETURN count(n) AS n",
    "merge": "MERGE (n:Organization {id: 'shell-company'}) RETURN n.id AS id",
    "schema": "CREATE INDEX sneaky IF NOT EXISTS FOR (n:Person) ON (n.sneaky)",
    "subquery": "CALL () { CREATE (:Product {id: 'hidden'}) } RETURN 1 AS one",
    "load csv": "LOAD CSV FROM 'file:///etc/passwd' AS line CREATE (:Person {id: line[0]}) RETURN 1 AS one",
}


@pytest.mark.parametrize("name", list(WRITES))
def test_a_report_file_that_writes_is_refused(neo4j_db, tmp_path, name):
    ensure_schema(neo4j_db)
    load_facts(neo4j_db, synthetic_facts(4))
    pack = tmp_path / "talent"
    pack.mkdir()
    (pack / "sneaky.cypher").write_text(f"// name: sneaky\n// description: tries to write\n{WRITES[name]}\n", encoding="utf-8")
    report = discover_reports(tmp_path)["sneaky"]
    before, schema = graph_counts(neo4j_db), schema_names(neo4j_db)
    with pytest.raises(DatabaseError) as refused:
        run_report(neo4j_db, report)
    assert "\n" not in str(refused.value)
    assert graph_counts(neo4j_db) == before and schema_names(neo4j_db) == schema


# --- labels and types only from the ontology ------------------------------------------


BAD_FACTS = {
    "predicate": ({"kind": "relation", "subject": "a", "predicate": "OWNS]->(x) DETACH DELETE x //", "object": "b",
                   "qualifiers": {}, "confidence": 0.5, "evidence": [{"doc": "d", "start": 0, "end": 1, "sentence": "A"}]},
                  "unknown predicate"),
    "type": ({"kind": "entity", "id": "c", "type": "Person:Admin", "name": "C", "aliases": [], "attrs": {}}, "type 'Person:Admin' is not one of"),
}


@pytest.mark.parametrize("problem", list(BAD_FACTS))
def test_facts_outside_the_ontology_are_rejected_before_any_write(cli_env, tmp_path, problem):
    ensure_schema(cli_env)
    load_facts(cli_env, synthetic_facts(4))
    before = graph_counts(cli_env)
    facts = tmp_path / "facts.jsonl"
    write_facts(synthetic_facts(6, seed=3), facts)
    record, message = BAD_FACTS[problem]
    lines = facts.read_text(encoding="utf-8").splitlines()
    facts.write_text("\n".join(lines + [json.dumps(record)]) + "\n", encoding="utf-8")
    result = kg("load", str(facts))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {facts}:{len(lines) + 1}: ") and message in result.stderr
    assert graph_counts(cli_env) == before


def test_types_the_predicate_does_not_allow_are_rejected_before_any_write(neo4j_db):
    ensure_schema(neo4j_db)
    facts = synthetic_facts(5)
    product = Entity("gadget-9", "Product", "Gadget 9", ("Gadget 9",))
    wrong = Relation("gadget-9", "WORKS_FOR", facts.entities[-1].id, {}, 0.5, (Evidence(facts.documents[0].id, 0, 4, "text"),))
    with pytest.raises(InputError, match="does not allow WORKS_FOR from Product"):
        load_facts(neo4j_db, replace(facts, entities=facts.entities + (product,), relations=facts.relations + (wrong,)))
    assert graph_counts(neo4j_db) == {}


# --- the password -------------------------------------------------------------------


def test_every_typer_app_hides_locals_in_tracebacks():
    apps = []
    for module in pkgutil.iter_modules(corpgraph.cli.__path__, "corpgraph.cli."):
        loaded = importlib.import_module(module.name)
        apps += [(module.name, name) for name, value in vars(loaded).items() if isinstance(value, typer.Typer)]
        for name, value in vars(loaded).items():
            if isinstance(value, typer.Typer):
                assert value.pretty_exceptions_show_locals is False, f"{module.name}.{name}"
    assert ("corpgraph.cli.app", "app") in apps and ("corpgraph.cli.neo4j_cmd", "app") in apps


# A bug inside the driver call: its frame holds the password as a local. The
# script runs `kg` as the console script does, so Typer's exception hook prints.
BUG = """
import sys
import neo4j
from corpgraph.cli.app import app

def driver(uri, auth=None, **config):
    user, password = auth
    raise RuntimeError("a bug in the driver call")

neo4j.GraphDatabase.driver = driver
if sys.argv[1] == "show-locals":
    app.pretty_exceptions_show_locals = True  # the control: what the setting prevents
sys.argv = ["kg", "report", "graph-stats"]
app()
"""


@pytest.mark.parametrize("locals_shown", [False, True], ids=["as-shipped", "control"])
def test_a_traceback_never_shows_the_password(tmp_path, locals_shown):
    password = "tr4ceback-secret-Zq81"
    env = subprocess_environment(replace(_settings_without_server(), neo4j_password=password), tmp_path, COLUMNS="200")
    env.pop("_TYPER_STANDARD_TRACEBACK", None)
    result = subprocess.run(
        [sys.executable, "-c", BUG, "show-locals" if locals_shown else "hidden"], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0 and "a bug in the driver call" in result.stderr  # a bug keeps its traceback
    assert (password in result.stdout + result.stderr) is locals_shown


def _settings_without_server():
    from corpgraph.settings import Settings

    return Settings(neo4j_uri="bolt://127.0.0.1:9")


@pytest.mark.slow
def test_the_password_never_appears_in_output_or_server_logs(own_server, own_server_start_output, tmp_path):
    password = own_server.neo4j_password
    assert password and len(password) >= 24
    assert "created a random Neo4j password" in own_server_start_output and password not in own_server_start_output
    env_file = own_server.project_dir / ".env"
    assert stat.S_IMODE(env_file.stat().st_mode) == 0o600

    env = subprocess_environment(own_server, tmp_path)
    commands = [["neo4j", "status"], ["neo4j", "status", "--format", "json"], ["report", "graph-stats"], ["browse"],
                ["report", "talent-flows", "-p", "limit=lots"], ["load", str(tmp_path / "missing.jsonl")]]
    for command in commands:
        result = subprocess.run(KG + command, env=env, capture_output=True, text=True, timeout=120)
        assert password not in result.stdout + result.stderr, command
    wrong = subprocess_environment(replace(own_server, neo4j_password=password[::-1]), tmp_path)
    refused = subprocess.run(KG + ["report", "graph-stats"], env=wrong, capture_output=True, text=True, timeout=120)
    assert refused.returncode == 4 and "refused the credentials" in refused.stderr
    assert password[::-1] not in refused.stdout + refused.stderr

    logs = [path for path in (own_server.local_home / "logs").rglob("*") if path.is_file()]
    assert any(path.name == "neo4j.log" for path in logs)
    for path in logs:
        assert password not in path.read_text(encoding="utf-8", errors="replace"), path


@pytest.mark.slow
def test_default_passwords_are_never_accepted(own_server):
    for guess in ("neo4j", "password"):
        with pytest.raises(DatabaseError, match="refused the credentials"):
            open_driver(replace(own_server, neo4j_password=guess)).close()
        # A good login between guesses keeps the user from being locked out.
        open_driver(own_server).close()


# --- loopback only ------------------------------------------------------------------


def _outside_address() -> str | None:
    """This machine's address on its default route (not loopback), if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET: nothing is sent
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") or address == "0.0.0.0" else address


@pytest.mark.slow
def test_the_local_server_listens_on_loopback_only(own_server):
    conf_file = own_server.local_home / "conf" / "neo4j.conf"
    conf = dict(line.split("=", 1) for line in conf_file.read_text(encoding="utf-8").splitlines() if re.match(r"^[a-z]", line))
    for key in ("server.default_listen_address", "server.bolt.listen_address", "server.http.listen_address"):
        assert conf[key].split(":")[0] == "127.0.0.1", key
    assert conf["dbms.security.auth_enabled"] == "true"
    with socket.create_connection(("127.0.0.1", own_server.bolt_port), timeout=5):
        pass  # it does listen, on loopback
    outside = _outside_address()
    if outside is None:
        pytest.skip("this machine has no address besides loopback to try")
    for port in (own_server.bolt_port, own_server.http_port):
        with pytest.raises(OSError):
            socket.create_connection((outside, port), timeout=5).close()
