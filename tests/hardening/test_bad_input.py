"""Bad input end to end through `kg ingest` and `kg extract`, on a real Neo4j and the real model.

One folder holds every kind of bad input beside a few good articles. Each
problem must come out as one line naming the file (and line) and the
problem; `--on-error skip` goes on and lists what was left out at the end,
`--on-error fail` stops at the first broken input; nothing to process at all
is a failure.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from graph.loader import graph_counts

from harden import ARTICLES, kg, write_articles

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"

# Words that live only in a page's scripts, styles, navigation and footer.
PAGE_FURNITURE = ("Zorblax", "Navbar", "Megacorp", "Footer Conglomerate", "Scripted Holdings", "color")
PAGE = """<!doctype html>
<html><head><title>Harbor Dynamics names new chief executive</title>
<style>body { color: red } .Megacorp { display: none }</style>
<script>var hired = "Zorblax Industries hired Quentin Navbar as chief executive";</script></head>
<body><nav><a href="/">Home</a> <a href="/m">Navbar Megacorp menu</a></nav>
<article><h1>Harbor Dynamics names new chief executive</h1>
<p>Harbor Dynamics said on Monday that Ilse Maren will become its chief executive.
Maren previously worked at Corvid Analytics for six years.</p></article>
<footer>Footer Conglomerate Ltd, all rights reserved</footer>
<script>document.write("Scripted Holdings acquired Footer Conglomerate")</script></body></html>
"""
CHINESE = "北辰汽车今天宣布，公司将在天津建设新的工厂。董事长表示，这是公司发展的重要一步。\n\n该工厂预计明年投产。\n"


def make_bad_folder(folder: Path) -> dict[str, str]:
    """Write every kind of bad input; return file name (with :line for JSONL) -> the reason given."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.md").write_text("   \n\n\t  \n", encoding="utf-8")
    (folder / "photo.txt").write_bytes(PNG_HEADER)  # an image named like an article
    (folder / "logo.png").write_bytes(PNG_HEADER)
    (folder / "chinese.txt").write_text(CHINESE, encoding="utf-8")
    (folder / "batch.jsonl").write_text(
        json.dumps({"id": "lund", "text": ARTICLES["norvik.txt"]}) + "\n"
        '{"id": "cut-off", "text": \n'
        + json.dumps({"id": "untitled", "title": "a record without its text"})
        + "\n",
        encoding="utf-8",
    )
    (folder / "dangling.txt").symlink_to(folder / "deleted-long-ago.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")  # unreadable even for root
    os.mkfifo(folder / "pipe.txt")  # would block a reader forever
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    # Valid UTF-8 with accents, and two broken bytes: read with U+FFFD, one warning.
    (folder / "damaged.txt").write_bytes(
        "Zoë Brandt left Ölfa Werke and joined Quarry Labs in 2018.\n".encode("utf-8") + b"A stray \xff byte and \xfe another.\n"
    )
    write_articles(folder, ["quarry.txt"])
    return {
        "empty.txt": "empty file",
        "blank.md": "only white space",
        "photo.txt": "not a text file",
        "logo.png": "not a supported file type",
        "chinese.txt": "not in a Latin script",
        "batch.jsonl:2": "not valid JSON",
        "batch.jsonl:3": "missing 'text'",
        "dangling.txt": "cannot read",
        "loop.txt": "cannot read",
        "pipe.txt": "cannot read: not a regular file",
    }


def _where(entry: dict) -> str:
    name = Path(entry["path"]).name
    return f"{name}:{entry['line']}" if entry["line"] else name


def _entities_and_evidence(driver) -> tuple[set[str], list[str]]:
    records, _, _ = driver.execute_query(
        "MATCH (n) WHERE n:Person OR n:Organization OR n:Product RETURN n.name AS name, n.aliases AS aliases"
    )
    names = {r["name"] for r in records} | {a for r in records for a in (r["aliases"] or [])}
    records, _, _ = driver.execute_query("MATCH ()-[r]->() WHERE r.evidence IS NOT NULL UNWIND r.evidence AS e RETURN e")
    return names, [r["e"] for r in records]


@pytest.mark.model
def test_ingest_skips_every_bad_input_with_one_line_and_lists_them_at_the_end(cli_env, tmp_path):
    folder = tmp_path / "inbox"
    expected = make_bad_folder(folder)
    result = kg("ingest", str(folder), "--on-error", "skip", "--format", "json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)

    skipped = {_where(entry): entry["reason"] for entry in summary["skipped"]}
    assert set(skipped) == set(expected)
    for where, reason in expected.items():
        assert skipped[where].startswith(reason), (where, skipped[where])
    warnings = [(_where(w), w["reason"]) for w in summary["warnings"]]
    assert warnings == [("damaged.txt", "not valid UTF-8: broken bytes replaced with U+FFFD")]

    # One stderr line per problem as it happens, naming the file; then the closing list.
    lines = result.stderr.splitlines()
    for where in expected:
        path = str(folder / where.split(":")[0])
        said = [line for line in lines if path in line and line.startswith("skipped:")]
        assert len(said) == (2 if where.startswith("batch.jsonl") else 1), (where, said)
    assert f"skipped {len(expected)} files or lines:" in lines
    closing = [line.strip() for line in lines[lines.index(f"skipped {len(expected)} files or lines:") + 1 :]]
    assert len(closing) == len(expected)
    for where, reason in expected.items():
        assert any(line.startswith(f"{folder / where}: {reason}") for line in closing), where
    assert sum("damaged.txt" in line and line.startswith("warning:") for line in lines) == 1

    # What was read: the article, the page, the JSONL record and the damaged file.
    assert summary["documents_read"] == 4 and summary["load"]["documents_new"] == 4
    names, evidence = _entities_and_evidence(cli_env)
    assert {"Harbor Dynamics", "Ilse Maren", "Petra Lund", "Orla Vance"} <= names
    for word in PAGE_FURNITURE:
        assert not any(word in name for name in names), word
        assert not any(word in sentence for sentence in evidence), word
    assert "Zoë Brandt" in names  # the damaged file kept its good characters
    assert not any(ord(ch) > 0x2E80 for sentence in evidence for ch in sentence)  # nothing from the Chinese text


@pytest.mark.model
def test_ingest_under_fail_stops_at_the_first_broken_input_and_writes_nothing(cli_env, tmp_path):
    folder = tmp_path / "inbox"
    make_bad_folder(folder)
    result = kg("ingest", str(folder))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {folder / 'batch.jsonl'}:2: not valid JSON: Expecting value (column 1)"
    assert "Traceback" not in result.output
    assert graph_counts(cli_env) == {}


@pytest.mark.parametrize("problem", ["missing-text", "unreadable"])
def test_each_broken_input_alone_fails_with_its_file_named(cli_env, tmp_path, problem):
    folder = write_articles(tmp_path / "inbox", ["quarry.txt"])
    if problem == "missing-text":
        bad = folder / "records.jsonl"
        bad.write_text(json.dumps({"id": "a", "text": "Ada Roe joined Quill Bank."}) + "\n" + json.dumps({"id": "b"}) + "\n")
        message = f"{bad}:2: missing 'text'"
    else:
        bad = folder / "z-loop.txt"
        bad.symlink_to(bad)
        message = f"{bad}: cannot read: Too many levels of symbolic links"
    failed = kg("ingest", str(folder))
    assert failed.exit_code == 2 and failed.stderr.strip() == f"error: {message}"
    assert graph_counts(cli_env) == {}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its mode; the FIFO, loop and dangling link cases above are unreadable for root too")
def test_a_file_without_read_permission_is_named(cli_env, tmp_path):
    folder = write_articles(tmp_path / "inbox", ["quarry.txt"])
    locked = folder / "locked.txt"
    locked.write_text("Secret.", encoding="utf-8")
    locked.chmod(0)
    failed = kg("ingest", str(folder))
    assert failed.exit_code == 2 and f"{locked}: cannot read: Permission denied" in failed.stderr


def test_nothing_to_process_is_a_failure_under_skip_too(cli_env, tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.txt").write_bytes(PNG_HEADER)
    (folder / "chinese.txt").write_text(CHINESE, encoding="utf-8")
    for mode in ("fail", "skip"):
        result = kg("ingest", str(folder), "--on-error", mode)
        assert result.exit_code == 2, result.output
        last = result.stderr.strip().splitlines()[-1]
        assert last.startswith(f"error: {folder}: no documents to read (skipped 3 (")
        assert "not in a Latin script: 1" in last and "empty file: 1" in last and "not a text file: 1" in last
    assert graph_counts(cli_env) == {}


def test_a_path_that_does_not_exist_is_one_line(cli_env, tmp_path):
    folder = write_articles(tmp_path / "inbox", ["quarry.txt"])
    missing = tmp_path / "no-such-folder"
    result = kg("ingest", str(folder), str(missing))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {missing}: no such file or folder"
    assert graph_counts(cli_env) == {}


@pytest.mark.model
def test_extract_lists_what_it_skipped_and_why_in_the_closing_summary(tmp_path):
    folder = tmp_path / "inbox"
    expected = make_bad_folder(folder)
    out = tmp_path / "facts.jsonl"
    result = kg("extract", str(folder), "--on-error", "skip", "-o", str(out))
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    (summary,) = [line for line in lines if " documents read (" in line]
    assert summary.startswith(f"4 documents read (skipped {len(expected)} (")
    closing = lines[lines.index(f"skipped {len(expected)} files or lines:") + 1 :]
    assert len(closing) == len(expected)
    for where, reason in expected.items():
        assert any(line.strip().startswith(f"{folder / where}: {reason}") for line in closing), where
    facts = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["id"] for r in facts if r["kind"] == "document") == ["damaged", "lund", "page", "quarry"]

    stopped = kg("extract", str(folder), "-o", str(tmp_path / "other.jsonl"))
    assert stopped.exit_code == 2 and stopped.stderr.strip().endswith("batch.jsonl:2: not valid JSON: Expecting value (column 1)")
    assert not (tmp_path / "other.jsonl").exists()
