"""extract.facts: the facts file round trip, line-numbered read errors, and validation against the ontology."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest

from corpgraph.errors import InputError
from extract.facts import fact_lines, is_iso_date, read_facts, validate_facts, write_facts
from extract.model import Document, DocumentRecord, Entity, Evidence, FactSet, Relation

TEXT = "Ines Duarte left Pellucid and joined Orbis Labs in 2022. Orbis Labs makes the Vireo chip."
DOC = Document(id="d1", text=TEXT, title="Orbis hires", date="2022-03-01")
MOVE_SENTENCE = TEXT[: TEXT.index(".") + 1]
MAKES_START = TEXT.index("Orbis Labs makes")


def evidence(sentence: str = MOVE_SENTENCE, start: int = 0) -> tuple[Evidence, ...]:
    return (Evidence("d1", start, start + len(sentence), sentence),)


def factset(**changes) -> FactSet:
    base = FactSet(
        documents=(DocumentRecord.of(DOC),),
        entities=(
            Entity("ines-duarte", "Person", "Ines Duarte", ("Ines Duarte", "Duarte")),
            Entity("pellucid", "Organization", "Pellucid", ("Pellucid",), {"kind": "company"}),
            Entity("orbis-labs", "Organization", "Orbis Labs", ("Orbis Labs",), {"kind": "company"}),
            Entity("vireo", "Product", "Vireo", ("Vireo chip",), {"kind": "chip"}),
        ),
        relations=(
            Relation("ines-duarte", "MOVED", "orbis-labs", {"from": "pellucid", "date": "2022"}, 0.9, evidence()),
            Relation("ines-duarte", "WORKS_FOR", "orbis-labs", {"current": True}, 0.8, evidence()),
            Relation(
                "orbis-labs", "MAKES", "vireo", {}, 0.7,
                evidence("Orbis Labs makes the Vireo chip.", MAKES_START),
            ),
        ),
    )
    return replace(base, **changes)


def with_relation(relation: Relation) -> FactSet:
    return factset(relations=(relation,))


# --- writing and reading ------------------------------------------------------------


def test_round_trip_through_a_file(tmp_path):
    path = tmp_path / "facts.jsonl"
    facts = factset()
    assert write_facts(facts, path) == 8
    assert read_facts(path) == facts
    assert not list(tmp_path.glob(".*.tmp")), "the temporary file is moved into place"


def test_round_trip_through_a_stream_keeps_the_ontology_order():
    stream = io.StringIO()
    write_facts(factset(), stream)
    records = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [r["kind"] for r in records] == ["document"] + ["entity"] * 4 + ["relation"] * 3
    assert records[0] == {"kind": "document", "id": "d1", "title": "Orbis hires", "date": "2022-03-01", "sha256": DOC.sha256}
    assert records[5]["qualifiers"] == {"from": "pellucid", "date": "2022"}
    assert records[5]["evidence"] == [{"doc": "d1", "start": 0, "end": len(MOVE_SENTENCE), "sentence": MOVE_SENTENCE}]


def test_non_ascii_is_written_as_is():
    facts = factset(entities=(Entity("zoe-brandt", "Person", "Zoë Brandt"),), relations=())
    assert "Zoë Brandt" in "\n".join(fact_lines(facts))


def test_writing_into_a_missing_folder_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot write"):
        write_facts(factset(), tmp_path / "no" / "such" / "facts.jsonl")


def test_blank_lines_are_ignored_when_reading(tmp_path):
    path = tmp_path / "f.jsonl"
    path.write_text("\n" + "\n\n".join(fact_lines(factset())) + "\n\n", encoding="utf-8")
    assert read_facts(path) == factset()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", r"f\.jsonl:2: not valid JSON"),
        ("[1, 2]", r"f\.jsonl:2: expected a JSON object, got list"),
        ('{"kind": "fact"}', r"f\.jsonl:2: unknown kind 'fact'"),
        ('{"kind": "entity", "id": "x", "name": "X"}', r"f\.jsonl:2: entity is missing 'type'"),
        ('{"kind": "entity", "id": "x", "type": "Animal", "name": "X"}', r"f\.jsonl:2: entity 'x': type 'Animal'"),
        (
            '{"kind": "relation", "subject": "a", "predicate": "LIKES", "object": "b"}',
            r"f\.jsonl:2: relation a->b: unknown predicate 'LIKES'",
        ),
        (
            '{"kind": "relation", "subject": "a", "predicate": "USES", "object": "b", "evidence": [{"doc": "d1"}]}',
            r"f\.jsonl:2: relation is missing 'start'",
        ),
        (
            '{"kind": "relation", "subject": "a", "predicate": "USES", "object": "b", "tier": "core", "evidence": "a sentence"}',
            r"f\.jsonl:2: malformed relation \(is this a gold file\?",
        ),
    ],
)
def test_bad_lines_are_input_errors_naming_the_line(tmp_path, line, message):
    path = tmp_path / "f.jsonl"
    path.write_text('{"kind": "document", "id": "d1"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message) as error:
        read_facts(path)
    assert "\n" not in str(error.value)


def test_missing_and_non_utf8_files_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="nothing.jsonl: no such file"):
        read_facts(tmp_path / "nothing.jsonl")
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"kind": "document", "id": "d1"}\n{"kind": "document", "id": "caf\xe9"}\n')
    with pytest.raises(InputError, match=r"latin\.jsonl:2: not valid UTF-8"):
        read_facts(path)


# --- validation -----------------------------------------------------------------------


def test_a_valid_factset_has_no_problems():
    assert validate_facts(factset()) == []
    assert validate_facts(factset(), {"d1": DOC}) == []


def moved(**qualifiers) -> Relation:
    return Relation("ines-duarte", "MOVED", "orbis-labs", qualifiers, 0.9, evidence())


@pytest.mark.parametrize(
    ("facts", "problem"),
    [
        (with_relation(Relation("nobody", "WORKS_FOR", "orbis-labs", {}, 0.5, evidence())), "subject 'nobody' is not an entity"),
        (with_relation(Relation("ines-duarte", "WORKS_FOR", "acme", {}, 0.5, evidence())), "object 'acme' is not an entity"),
        (with_relation(Relation("orbis-labs", "WORKS_FOR", "pellucid", {}, 0.5, evidence())), "WORKS_FOR does not join Organization to Organization"),
        (with_relation(Relation("vireo", "COMPETES_WITH", "orbis-labs", {}, 0.5, evidence())), "COMPETES_WITH does not join Product to Organization"),
        (with_relation(moved(date="2022")), "required qualifier 'from' is missing"),
        (with_relation(moved(**{"from": "acme"})), "from 'acme' is not an entity"),
        (with_relation(moved(**{"from": "ines-duarte"})), "from 'ines-duarte' is a Person, not an Organization"),
        (with_relation(moved(**{"from": "orbis-labs"})), "from is the organisation moved to"),
        (with_relation(moved(**{"from": "pellucid", "date": "March 2022"})), "date 'March 2022' is not an ISO 8601 date"),
        (with_relation(moved(**{"from": "pellucid", "salary": "1"})), "qualifier 'salary' is not one of MOVED's"),
        (with_relation(Relation("ines-duarte", "WORKS_FOR", "orbis-labs", {"start": "2022-13"}, 0.5, evidence())), "start '2022-13' is not an ISO 8601 date"),
        (with_relation(Relation("ines-duarte", "WORKS_FOR", "orbis-labs", {"current": "yes"}, 0.5, evidence())), "current must be true or false"),
        (with_relation(Relation("ines-duarte", "WORKS_FOR", "orbis-labs", {}, 0.5, ())), "no evidence"),
        (with_relation(Relation("ines-duarte", "WORKS_FOR", "orbis-labs", {}, 0.5, (Evidence("d1", 9, 9, ""),))), "has offsets 9..9"),
        (with_relation(Relation("ines-duarte", "WORKS_FOR", "orbis-labs", {}, 0.5, (Evidence("d1", -1, 5, "x"),))), "has offsets -1..5"),
        (with_relation(Relation("ines-duarte", "WORKS_FOR", "orbis-labs", {}, 0.5, (Evidence("d9", 0, 5, "Ines "),))), "names document 'd9', which the file does not list"),
        (with_relation(Relation("ines-duarte", "WORKS_FOR", "orbis-labs", {}, 1.5, evidence())), "confidence 1.5 is outside 0..1"),
        (factset(documents=(DocumentRecord("d1", "x", date="22/08/2024"),)), "date '22/08/2024' is not an ISO 8601 date"),
        (factset(documents=(DocumentRecord("d1", "x"), DocumentRecord("d1", "y"))), "document d1: id used 2 times"),
        (factset(entities=factset().entities + (Entity("vireo", "Product", "Vireo 2"),)), "entity vireo: id used 2 times"),
        (factset(entities=(Entity("pellucid", "Organization", "Pellucid", (), {"kind": "chip"}),), relations=()), "kind 'chip' is not a kind of Organization"),
        (factset(entities=(Entity("blank", "Person", "  "),), relations=()), "entity blank: empty name"),
        (factset(relations=factset().relations + (moved(**{"from": "pellucid"}),)), "stated 2 times; merge the evidence"),
    ],
)
def test_validation_names_each_problem(facts, problem):
    problems = validate_facts(facts)
    assert any(problem in p for p in problems), problems


def test_symmetric_duplicates_are_one_fact_stated_twice():
    one = Relation("orbis-labs", "PARTNERED_WITH", "pellucid", {}, 0.5, evidence())
    other = Relation("pellucid", "PARTNERED_WITH", "orbis-labs", {}, 0.5, evidence())
    assert any("stated 2 times" in p for p in validate_facts(factset(relations=(one, other))))


def test_evidence_is_checked_against_the_document_text_when_given():
    shifted = Relation("ines-duarte", "WORKS_FOR", "orbis-labs", {}, 0.5, evidence(MOVE_SENTENCE, 1))
    assert validate_facts(with_relation(shifted)) == []
    assert any("is not its sentence" in p for p in validate_facts(with_relation(shifted), {"d1": DOC}))
    past = Relation("ines-duarte", "WORKS_FOR", "orbis-labs", {}, 0.5, (Evidence("d1", 80, 500, "x" * 420),))
    assert any("past the end of d1" in p for p in validate_facts(with_relation(past), {"d1": DOC}))


@pytest.mark.parametrize("value", ["2021", "2023-08", "2024-08-22", "2024-02-29"])
def test_iso_dates(value):
    assert is_iso_date(value)


@pytest.mark.parametrize("value", ["21", "2023-8", "2023-00", "2024-08-32", "2024/08/22", "August 2024", 2024, None])
def test_not_iso_dates(value):
    assert not is_iso_date(value)
