"""`kg eval` and `kg extract` through Typer's CliRunner, on invented articles and gold."""

from __future__ import annotations

import importlib.util
import json
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corpgraph.cli.app import app
from extract.facts import fact_lines, read_facts, validate_facts, write_facts
from extract.model import Entity, Evidence, FactSet, Relation
from extract.sources import read_documents

runner = CliRunner()

# Skipped only while the lead's pipeline module does not exist yet; once it
# exists, a broken pipeline fails these tests instead of hiding behind a skip.
needs_pipeline = pytest.mark.skipif(
    importlib.util.find_spec("extract.pipeline") is None, reason="extract.pipeline is not written yet"
)

GOLD = [
    {"kind": "document", "id": "wire-1", "date": "2022-06-01"},
    {"kind": "entity", "id": "ines", "type": "Person", "name": "Ines Duarte", "aliases": ["Duarte"], "tier": "core"},
    {"kind": "entity", "id": "orbis", "type": "Organization", "name": "Orbis Labs", "aliases": [], "tier": "core"},
    {"kind": "entity", "id": "pellucid", "type": "Organization", "name": "Pellucid", "aliases": [], "tier": "extended"},
    {"kind": "relation", "subject": "ines", "predicate": "WORKS_FOR", "object": "orbis", "qualifiers": {"role": "CTO"},
     "tier": "core", "docs": ["wire-1"], "evidence": "Ines Duarte, CTO of Orbis Labs, said."},
    {"kind": "relation", "subject": "ines", "predicate": "MOVED", "object": "orbis", "qualifiers": {"from": "pellucid"},
     "tier": "extended", "docs": ["wire-1"], "evidence": "Duarte left Pellucid for Orbis Labs."},
]
EVIDENCE = (Evidence("wire-1", 0, 5, "Ines "),)
FACTS = FactSet(
    entities=(
        Entity("ines-duarte", "Person", "Ines Duarte"),
        Entity("orbis-labs", "Organization", "Orbis Labs"),
        Entity("quill", "Organization", "Quill Bank"),
    ),
    relations=(
        Relation("ines-duarte", "WORKS_FOR", "orbis-labs", {"role": "chief technology officer"}, 0.9, EVIDENCE),
        Relation("ines-duarte", "WORKS_FOR", "quill", {}, 0.4, EVIDENCE),
    ),
)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in GOLD) + "\n", encoding="utf-8")
    facts = tmp_path / "facts.jsonl"
    write_facts(FACTS, facts)
    return gold, facts


def test_eval_prints_a_table_ending_in_the_headline_figures(files):
    gold, facts = files
    result = runner.invoke(app, ["eval", "--gold", str(gold), str(facts)])
    assert result.exit_code == 0, result.output
    assert "relation precision" in result.stdout and "entity recall" in result.stdout
    # A hook runs `kg eval ... | tail -n 6`: the figures must be in the last lines.
    tail = "\n".join(result.stdout.rstrip("\n").splitlines()[-6:])
    assert "precision 0.500 (1/2)" in tail
    assert "recall core 1.000 (1/1)" in tail
    assert "extended 0.000 (0/1)" in tail
    assert "F1 0.500" in tail
    assert "qualifiers 0.000 (0/1)" in tail
    assert "entities: precision 0.667 (2/3)  recall 0.667 (2/3)" in tail
    assert "gold 1 core, 1 extended, 0 acceptable" in tail
    assert "Missed gold facts" not in result.stdout


def test_eval_json_is_machine_readable(files):
    gold, facts = files
    result = runner.invoke(app, ["eval", "--gold", str(gold), str(facts), "--format", "json", "--show"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["precision"] == {"value": 0.5, "hits": 1, "total": 2}
    assert record["recall_core"]["value"] == 1.0 and record["recall_extended"]["value"] == 0.0
    assert record["entity_precision"]["hits"] == 2
    assert [(m["subject"], m["predicate"], m["object"], m["qualifiers"]) for m in record["missed"]] == [
        ("Ines Duarte", "MOVED", "Orbis Labs", {"from": "Pellucid"})
    ]
    assert [f["object"] for f in record["false_positives"]] == ["Quill Bank"]


def test_eval_show_lists_missed_facts_and_false_positives_before_the_figures(files):
    gold, facts = files
    result = runner.invoke(app, ["eval", "--gold", str(gold), str(facts), "--show"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Missed gold facts (1)" in out and "[extended] Ines Duarte MOVED Orbis Labs (from=Pellucid)" in out
    assert "False positives (1)" in out and "Ines Duarte WORKS_FOR Quill Bank" in out
    assert "Qualifier mismatches (1)" in out and "[role]" in out
    assert "Missed gold entities (1)" in out and "  Pellucid" in out
    assert out.index("False positives") < out.index("relation precision")
    assert "F1 0.500" in "\n".join(out.rstrip("\n").splitlines()[-6:])


def test_eval_options_restrict_predicates_and_ignore_types(files):
    gold, facts = files
    result = runner.invoke(app, ["eval", "--gold", str(gold), str(facts), "--predicates", "moved", "--format", "json"])
    record = json.loads(result.stdout)
    assert record["precision"]["total"] == 0 and record["recall"]["total"] == 1
    assert record["options"] == {"predicates": ["MOVED"], "ignore_types": False}
    table = runner.invoke(app, ["eval", "--gold", str(gold), str(facts), "--predicates", "WORKS_FOR,MOVED", "--ignore-types"])
    assert table.exit_code == 0
    assert "(predicates MOVED,WORKS_FOR; types ignored)" in table.stdout.splitlines()[-1]


def test_eval_errors_are_one_line_with_exit_code_2(files, tmp_path):
    gold, facts = files
    unknown = runner.invoke(app, ["eval", "--gold", str(gold), str(facts), "--predicates", "WORKS_FOR,HIRED"])
    assert unknown.exit_code == 2
    assert "unknown predicate HIRED" in unknown.stderr and len(unknown.stderr.strip().splitlines()) == 1
    missing = runner.invoke(app, ["eval", "--gold", str(gold), str(tmp_path / "none.jsonl")])
    assert missing.exit_code == 2 and "none.jsonl: no such file" in missing.stderr
    # The gold file handed over as the facts file: say which line is wrong and why.
    swapped = runner.invoke(app, ["eval", "--gold", str(gold), str(gold)])
    assert swapped.exit_code == 2 and "gold.jsonl:5: malformed relation (is this a gold file?" in swapped.stderr
    assert "Traceback" not in swapped.output


def test_extract_with_nothing_to_read_fails_before_loading_a_model(tmp_path):
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 2
    assert "no documents to read (skipped 1 (not a supported file type" in result.stderr


def test_extract_fails_on_a_broken_jsonl_line_naming_it(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text('{"id": "a", "text": \n', encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 2
    assert f"{path}:1: not valid JSON" in result.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_extract_nonexistent_path_is_one_line(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "missing")])
    assert result.exit_code == 2 and result.stderr.strip().endswith("missing: no such file or folder")


ARTICLES = {
    "kestrel.txt": (
        "Kestrel Air names new chief executive\n\n2023-04-12\n\n"
        "Kestrel Air said on Wednesday that Rosa Mendel will become its chief executive. "
        "Mendel previously worked at Tern Logistics for nine years.\n"
    ),
    "sub/ferro.md": "# Ferro Steel buys Vantor\n\nFerro Steel acquired Vantor Metals in 2021, the company said.\n",
}


@needs_pipeline
@pytest.mark.model
def test_extract_writes_a_valid_facts_file(tmp_path):
    corpus = tmp_path / "corpus"
    for name, text in ARTICLES.items():
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (corpus / "broken.jsonl").write_text('{"id": "x"}\n', encoding="utf-8")
    out = tmp_path / "facts.jsonl"
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(out), "--on-error", "skip", "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    facts = read_facts(out)
    assert [d.id for d in facts.documents] == ["kestrel", "ferro"]
    assert facts.documents[0].date == "2023-04-12"
    assert validate_facts(facts) == []
    assert any(e.name == "Rosa Mendel" and e.type == "Person" for e in facts.entities)
    assert "broken.jsonl:1: missing 'text'" in result.stderr
    assert "2 documents read (skipped 2" in result.stderr

    to_stdout = runner.invoke(app, ["extract", str(corpus / "kestrel.txt")])
    assert to_stdout.exit_code == 0, to_stdout.output
    kinds = [json.loads(line)["kind"] for line in to_stdout.stdout.splitlines()]
    assert kinds[0] == "document" and "entity" in kinds


def write_articles(folder: Path) -> None:
    for name, text in ARTICLES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


@needs_pipeline
@pytest.mark.model
def test_extract_streams_what_the_in_memory_run_gives_and_leaves_no_working_files(tmp_path, monkeypatch):
    from extract.pipeline import extract_corpus

    corpus = tmp_path / "corpus"
    write_articles(corpus)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    out = tmp_path / "facts.jsonl"
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert list(scratch.iterdir()) == []
    in_memory = extract_corpus(read_documents([corpus]))
    assert in_memory.relations
    assert out.read_text(encoding="utf-8").splitlines() == list(fact_lines(in_memory))


@needs_pipeline
@pytest.mark.model
def test_extract_without_a_usable_working_folder_is_one_line(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    write_articles(corpus)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "gone"))
    out = tmp_path / "facts.jsonl"
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"error: {tmp_path / 'gone'}: cannot create the run's working folder (No such file or directory); "
        "point TMPDIR at a writable folder with free space"
    ]
    assert not out.exists()
