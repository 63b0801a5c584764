"""The synthetic corpus and fact sets of bench/synth.py: deterministic, valid against the ontology, honest gold."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace

import pytest

from bench.synth import generate, phrasing_of, phrasings, synthetic_factset, write_corpus
from extract.facts import is_iso_date, validate_facts
from extract.gold import ACCEPTABLE, CORE, read_gold
from extract.model import DocumentRecord, Entity, Evidence, FactSet, Relation
from extract.ontology import PREDICATES, allows
from extract.sources import read_documents


def _texts(articles):
    return [(a.id, a.title, a.date, a.text, a.gold) for a in articles]


def test_same_seed_same_corpus_other_seed_other_corpus():
    first, _ = generate(articles=25, seed=7)
    again, _ = generate(articles=25, seed=7)
    other, _ = generate(articles=25, seed=8)
    assert _texts(first) == _texts(again)
    assert [a.text for a in first] != [a.text for a in other]


def test_a_smaller_corpus_is_a_prefix_of_a_larger_one():
    small, _ = generate(articles=10, seed=3)
    large, _ = generate(articles=40, seed=3)
    assert _texts(small) == _texts(large[:10])


def test_size_in_megabytes_stops_at_the_first_article_past_it():
    articles, _ = generate(megabytes=0.05, seed=5)
    sizes = [len(a.text.encode("utf-8")) for a in articles]
    assert sum(sizes) >= 50_000
    assert sum(sizes[:-1]) < 50_000


def test_the_files_are_written_deterministically(tmp_path):
    write_corpus(tmp_path / "a", articles=15, seed=11)
    write_corpus(tmp_path / "b", articles=15, seed=11)
    for name in ("corpus.jsonl", "gold.jsonl"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("synth")
    stats = write_corpus(folder, articles=150, seed=20240822)
    documents = {d.id: d for d in read_documents([folder / "corpus.jsonl"])}
    return stats, read_gold(folder / "gold.jsonl"), documents, folder


def test_every_document_is_read_back(corpus):
    stats, _, documents, _ = corpus
    assert len(documents) == stats.articles == 150


def test_every_evidence_sentence_occurs_in_its_article_as_read(corpus):
    _, gold, documents, _ = corpus
    assert gold.relations
    for relation in gold.relations:
        assert relation.docs and relation.evidence
        for doc in relation.docs:
            assert relation.evidence in documents[doc].text, (doc, relation.evidence)


def test_gold_facts_fit_the_ontology(corpus):
    _, gold, _, _ = corpus
    types = {e.id: e.type for e in gold.entities}
    for relation in gold.relations:
        assert allows(relation.predicate, types[relation.subject], types[relation.object]), relation
        spec = PREDICATES[relation.predicate]
        assert set(relation.qualifiers) <= set(spec.qualifiers), relation
        for name in spec.required:
            assert name in relation.qualifiers, relation
        for name in ("date", "start", "end"):
            if name in relation.qualifiers:
                assert is_iso_date(relation.qualifiers[name]), relation
        if "from" in relation.qualifiers:
            assert types[relation.qualifiers["from"]] == "Organization"
            assert relation.qualifiers["from"] != relation.object
    assert {r.tier for r in gold.relations} == {CORE, ACCEPTABLE}
    assert {e.tier for e in gold.entities} <= {CORE, ACCEPTABLE}


def test_core_gold_is_a_valid_facts_file_with_exact_evidence_offsets(corpus):
    """The stated facts, as an extractor would emit them, pass extract.facts.validate_facts."""
    _, gold, documents, _ = corpus
    entities = tuple(Entity(e.id, e.type, e.name, e.aliases) for e in gold.entities)
    relations = []
    for relation in gold.relations:
        if relation.tier != CORE:
            continue
        doc = relation.docs[0]
        start = documents[doc].text.index(relation.evidence)
        evidence = Evidence(doc, start, start + len(relation.evidence), relation.evidence)
        relations.append(Relation(relation.subject, relation.predicate, relation.object, relation.qualifiers, 1.0, (evidence,)))
    factset = FactSet(tuple(DocumentRecord.of(d) for d in documents.values()), entities, tuple(relations))
    assert validate_facts(factset, documents) == []


def test_each_stated_fact_is_gold_once(corpus):
    _, gold, _, _ = corpus
    keys = Counter((r.subject, r.predicate, r.object, r.qualifiers.get("from")) for r in gold.relations if r.tier == CORE)
    assert max(keys.values()) == 1


def test_core_entities_are_named_in_the_text_as_the_gold_names_them(corpus):
    _, gold, documents, _ = corpus
    text = "\n".join(d.text for d in documents.values())
    core = [e for e in gold.entities if e.tier == CORE]
    assert len(core) > len(gold.entities) / 2
    for entity in core:
        for name in entity.names:
            assert name in text, entity


def test_many_phrasings_of_every_predicate_are_used(tmp_path):
    articles, _ = generate(articles=400, seed=1)
    used = Counter()
    for article in articles:
        for relation in article.gold:
            if relation.tier == CORE:
                used[relation.predicate] += 1
    assert set(used) == set(PREDICATES)
    per_predicate = Counter(p.predicate for p in phrasings())
    assert all(per_predicate[p] >= 2 for p in PREDICATES)
    shapes = {phrasing_of(r.evidence, r.predicate) for a in articles for r in a.gold if r.tier == CORE}
    assert "?" not in shapes
    assert len(shapes) >= len(phrasings()) * 0.9


def test_synthetic_factset_has_the_sizes_asked_and_validates():
    factset = synthetic_factset(people=300, organizations=120, products=40, relations=2_000, seed=9)
    assert len(factset.relations) == 2_000
    counts = Counter(e.type for e in factset.entities)
    assert counts == {"Person": 300, "Organization": 120, "Product": 40}
    assert validate_facts(factset) == []
    again = synthetic_factset(people=300, organizations=120, products=40, relations=2_000, seed=9)
    assert [r.to_json() for r in again.relations] == [r.to_json() for r in factset.relations]


def test_synthetic_lineage_is_a_forest_so_variable_length_reports_end():
    factset = synthetic_factset(people=200, organizations=300, products=30, relations=3_000, seed=4)
    for predicate in ("PART_OF", "RENAMED_TO", "ACQUIRED"):
        edges = [(r.subject, r.object) for r in factset.relations if r.predicate == predicate]
        assert edges
        # Each company is the child end of at most one such fact...
        child = [s for s, _ in edges] if predicate == "PART_OF" else [o for _, o in edges]
        assert len(child) == len(set(child))
        # ...and following them never comes back to where it started.
        step = dict(zip(child, [o for _, o in edges] if predicate == "PART_OF" else [s for s, _ in edges]))
        for start in step:
            seen, node = {start}, step[start]
            while node in step:
                assert node not in seen
                seen.add(node)
                node = step[node]
