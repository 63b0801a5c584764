"""The pipeline end to end: seeds against their gold, corpus-level aliases,
the facts contract, and a clear error for a missing model."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpgraph.errors import ModelError
from extract.evaluate import evaluate
from extract.facts import validate_facts
from extract.gold import read_gold
from extract.model import Document
from extract.sources import read_documents

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seed_facts():
    from extract.pipeline import extract_corpus

    documents = list(read_documents([ROOT / "seeds"]))
    return documents, extract_corpus(documents)


@pytest.mark.model
def test_seeds_meet_the_quality_bar(seed_facts):
    _, facts = seed_facts
    result = evaluate(facts, read_gold(ROOT / "tests" / "data" / "seeds_gold.jsonl"))
    assert result.precision.value >= 0.90
    assert result.recall_core.value >= 0.90
    assert result.recall_extended.value >= 0.60
    assert result.entity_recall.value >= 0.90


@pytest.mark.model
def test_seed_facts_validate_and_quote_their_documents(seed_facts):
    documents, facts = seed_facts
    assert validate_facts(facts, {d.id: d for d in documents}) == []
    assert all(r.evidence for r in facts.relations)


@pytest.mark.model
def test_one_person_across_documents_despite_a_misspelling():
    from extract.pipeline import extract_corpus

    facts = extract_corpus([
        Document("a", "Tom Hanlon, chief executive of Siemens, spoke. Tom Hanlon smiled."),
        Document("b", "Tom Hanlan, chief executive of Siemens, said orders rose."),
    ])
    people = [e for e in facts.entities if e.type == "Person"]
    assert [p.name for p in people] == ["Tom Hanlon"]
    assert "Tom Hanlan" in people[0].aliases
    job = next(r for r in facts.relations if r.predicate == "WORKS_FOR")
    assert {e.doc for e in job.evidence} == {"a", "b"}


@pytest.mark.model
def test_same_fact_twice_is_one_fact_with_both_sentences():
    from extract.pipeline import extract_corpus

    text = "Microsoft acquired GitHub. Analysts said Microsoft acquired GitHub cheaply."
    facts = extract_corpus([Document("a", text)])
    acquisitions = [r for r in facts.relations if r.predicate == "ACQUIRED"]
    assert len(acquisitions) == 1
    assert len(acquisitions[0].evidence) == 2


def test_missing_model_says_how_to_install():
    from extract.pipeline import load_model

    with pytest.raises(ModelError, match="requirements-model.txt"):
        load_model("en_core_web_nonexistent")


@pytest.mark.model
def test_long_document_is_read_in_pieces_with_true_offsets(monkeypatch):
    import extract.pipeline as pipeline

    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 300)
    filler = "Markets were calm and trading was thin across the region.\n\n" * 8
    text = filler + "Maria Lopez, chief financial officer of Siemens, said orders rose.\n\n" + filler
    document = Document("long", text)
    facts = pipeline.extract_corpus([document])
    job = next(r for r in facts.relations if r.predicate == "WORKS_FOR")
    evidence = job.evidence[0]
    assert evidence.start > 300
    assert text[evidence.start:evidence.end] == evidence.sentence
    assert [d.id for d in facts.documents] == ["long"]


def test_split_text_keeps_every_character_in_order():
    from extract.pipeline import split_text

    text = ("A paragraph of words.\n\n" * 40) + ("x" * 500)
    pieces = list(split_text(text, limit=100))
    assert "".join(piece for _, piece in pieces) == text
    assert all(text[offset:offset + len(piece)] == piece for offset, piece in pieces)
    assert all(len(piece) <= 100 for _, piece in pieces)


@pytest.mark.model
def test_two_processes_give_the_same_facts_in_the_same_order(seed_facts):
    from extract.pipeline import extract_corpus

    documents, one = seed_facts
    # Small chunks, so that both workers get documents and results interleave.
    two = extract_corpus(documents * 3, n_process=2, batch_size=1)
    again = extract_corpus(documents * 3)
    assert two == again
    assert [d.id for d in two.documents] == [d.id for d in again.documents]
    assert again.relations and len(again.documents) == 3 * len(one.documents)


def test_documents_are_handed_out_in_bounded_chunks_in_order():
    from extract.parallel import chunk_documents

    docs = [Document(str(i), "x" * n) for i, n in enumerate([5, 5, 5, 5, 30, 1])]
    groups = [[d.id for d in group] for group in chunk_documents(docs, 3, 12)]
    assert groups == [["0", "1"], ["2", "3"], ["4"], ["5"]]
    assert [[d.id for d in g] for g in chunk_documents(docs, 2, 1000)] == [["0", "1"], ["2", "3"], ["4", "5"]]


def test_a_worker_error_reaches_the_caller_as_one_clear_error():
    from extract.pipeline import extract_corpus

    with pytest.raises(ModelError):
        extract_corpus([Document("a", "Some text.")], model="no_such_spacy_model_xyz", n_process=2)


def test_the_pipeline_is_built_once_however_it_is_asked_for(nlp):
    from extract.pipeline import build_pipeline

    # The fixture called build_pipeline(); extraction calls it with the model
    # it was given (None by default), positionally or by name.
    assert build_pipeline(None) is nlp
    assert build_pipeline(model=None) is nlp
    assert build_pipeline("") is nlp
