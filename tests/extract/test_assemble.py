"""Assembling a corpus from per-document output, on hand-built DocFacts (no
model): what is merged, derived and kept, and that a run holds its articles
on disk, not in memory."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

from corpgraph.errors import WorkspaceError
from extract.assemble import assemble, assemble_into, merge_group
from extract.components.coref import entity_key
from extract.model import DocumentRecord, Evidence, Relation
from extract.pipeline import DocFacts, Mention
from extract.workspace import Workspace

PERSON, ORG = "PERSON", "ORG"


def doc(doc_id: str, sentences: list[tuple[str, list[tuple[str, str, str, str | None]]]], date: str | None = None) -> DocFacts:
    """A document of ``sentences``, each (text, [(subject, predicate, object, event)]):
    every name in a fact is mentioned where the sentence states it."""
    facts = DocFacts(DocumentRecord(doc_id, f"sha-{doc_id}", date=date))
    position = 0
    for text, stated in sentences:
        for subject, predicate, obj, event in stated:
            for name, label in ((subject, PERSON if predicate in ("WORKS_FOR", "MOVED") else ORG), (obj, ORG)):
                at = text.index(name)
                facts.mentions.append(Mention(entity_key(label, name), label, name, position + at, position + at + len(name)))
            record = {
                "predicate": predicate,
                "subject": entity_key(PERSON if predicate in ("WORKS_FOR", "MOVED") else ORG, subject),
                "object": entity_key(ORG, obj),
                "qualifiers": {},
                "confidence": 0.7,
                "start": position,
                "end": position + len(text),
                "sentence": text,
            }
            if event:
                record["event"] = event
            facts.relations.append(record)
        position += len(text) + 1
    return facts


def corpus() -> list[DocFacts]:
    return [
        doc("d1", [
            ("Mara Quell worked at Norbeck Dynamics.", [("Mara Quell", "WORKS_FOR", "Norbeck Dynamics", "work")]),
            ("Mara Quell joined Vantor Labs.", [("Mara Quell", "WORKS_FOR", "Vantor Labs", "join")]),
        ]),
        doc("d2", [
            ("Mara Quell is at Vantor Labs.", [("Mara Quell", "WORKS_FOR", "Vantor Labs", None)]),
            ("Vantor Labs is part of Ostrel Group.", [("Vantor Labs", "PART_OF", "Ostrel Group", None)]),
        ]),
    ]


def test_a_fact_stated_twice_is_one_fact_with_both_sentences():
    facts = assemble(corpus())
    jobs = [r for r in facts.relations if r.predicate == "WORKS_FOR" and r.object == "vantor-labs"]
    assert len(jobs) == 1
    assert [(e.doc, e.sentence) for e in jobs[0].evidence] == [
        ("d1", "Mara Quell joined Vantor Labs."),
        ("d2", "Mara Quell is at Vantor Labs."),
    ]
    assert jobs[0].confidence > 0.7  # two statements are surer than one


def test_a_join_after_a_job_elsewhere_is_derived_as_a_move_and_an_ended_job():
    facts = assemble(corpus())
    moved = [r for r in facts.relations if r.predicate == "MOVED"]
    assert [(r.subject, r.object, r.qualifiers["from"]) for r in moved] == [("mara-quell", "vantor-labs", "norbeck-dynamics")]
    old_job = next(r for r in facts.relations if r.predicate == "WORKS_FOR" and r.object == "norbeck-dynamics")
    assert old_job.qualifiers.get("current") is False


def job(qualifiers: dict, start: int, confidence: float = 0.7) -> Relation:
    return Relation("mara-quell", "WORKS_FOR", "vantor-labs", qualifiers, confidence, (Evidence("d1", start, start + 10, "..."),))


def test_a_job_taken_up_again_after_it_ended_keeps_the_later_stints_qualifiers():
    earlier = job({"role": "chief executive", "start": "2011", "end": "2020", "current": False}, 0, confidence=0.9)
    rehired = job({"role": "CEO", "start": "2023-03-29"}, 50)
    merged = merge_group([rehired, earlier])
    assert merged.qualifiers == {"role": "CEO", "start": "2023-03-29"}
    assert [e.start for e in merged.evidence] == [0, 50]  # the earlier stint stays in the evidence


@pytest.mark.parametrize("start", [None, "2019", "2020"], ids=["undated", "inside-the-stint", "same-year"])
def test_statements_not_after_the_end_are_one_stint_and_the_end_holds(start):
    ended = job({"role": "chief executive", "start": "2011", "end": "2020", "current": False}, 0)
    other = job({"role": "CEO", **({"start": start} if start else {})}, 50, confidence=0.9)
    merged = merge_group([other, ended])
    assert merged.qualifiers["current"] is False and merged.qualifiers["end"] == "2020"
    assert merged.qualifiers["role"] == "CEO"


def test_relations_come_in_the_facts_file_order_and_documents_in_corpus_order():
    facts = assemble(corpus())
    assert [d.id for d in facts.documents] == ["d1", "d2"]
    keys = [(r.predicate, r.subject, r.object) for r in facts.relations]
    assert keys == sorted(keys)
    assert [(e.type, e.id) for e in facts.entities] == sorted((e.type, e.id) for e in facts.entities)


def test_mentions_count_each_document_in_corpus_order():
    facts = assemble(corpus())
    person = next(e for e in facts.entities if e.id == "mara-quell")
    assert person.attrs["mentions"] == {"d1": 2, "d2": 1}
    group = next(e for e in facts.entities if e.id == "ostrel-group")
    assert group.attrs["mentions"] == {"d2": 1}


def test_the_corpus_is_read_as_a_stream_and_not_kept_in_memory(tmp_path: Path):
    alive: list[weakref.ref] = []

    def stream():
        for n in range(30):
            for facts in corpus():
                facts.record = DocumentRecord(f"{facts.id}-{n}", "sha")
                alive.append(weakref.ref(facts))
                yield facts

    with Workspace(tmp_path) as workspace:
        assembled = assemble_into(stream(), workspace)
        gc.collect()
        assert len(alive) == 60
        assert [ref for ref in alive if ref() is not None] == []
        assert assembled.document_count == 60
        lines = list(assembled.records())
        assert len(lines) == 60 + assembled.entity_count + assembled.relation_count
        job = next(r for r in assembled.relations() if r.predicate == "WORKS_FOR" and r.object == "vantor-labs")
        assert len(job.evidence) == 60  # one per copy of d1 and of d2


def test_the_workspace_folder_is_gone_after_the_run_even_on_error(tmp_path: Path):
    with Workspace(tmp_path) as workspace:
        assemble_into(corpus(), workspace)
        assert list(tmp_path.iterdir())
    assert list(tmp_path.iterdir()) == []

    def broken():
        yield from corpus()
        raise RuntimeError("the model crashed")

    with pytest.raises(RuntimeError), Workspace(tmp_path) as workspace:
        assemble_into(broken(), workspace)
    assert list(tmp_path.iterdir()) == []


def test_a_working_folder_that_cannot_be_made_is_one_clear_error(tmp_path: Path):
    missing = tmp_path / "no" / "such" / "folder"
    with pytest.raises(WorkspaceError, match=r"no/such/folder: cannot create the run's working folder.*TMPDIR"):
        Workspace(missing)


def test_a_failing_store_is_one_clear_error_and_leaves_no_folder(tmp_path: Path):
    with pytest.raises(WorkspaceError, match=r"corpgraph-.*: the run's working store failed.*TMPDIR"):
        with Workspace(tmp_path) as workspace:
            workspace._db.execute("PRAGMA max_page_count = 1")  # as if the disk were full
            for _ in range(50):
                assemble_into(corpus(), workspace)
    assert list(tmp_path.iterdir()) == []
