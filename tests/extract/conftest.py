"""Fixtures for extraction tests: one pipeline per session, facts from text."""

from __future__ import annotations

import pytest

from extract.model import Document, FactSet


@pytest.fixture(scope="session")
def nlp():
    from extract.pipeline import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def extract_text(nlp):
    """Facts of one or more invented articles: ``extract_text(text, ...)``."""
    from extract.pipeline import extract_corpus

    def run(*texts: str, date: str | None = None) -> FactSet:
        documents = [Document(id=f"doc{n}", text=text, date=date) for n, text in enumerate(texts)]
        return extract_corpus(documents)

    return run


def names(facts: FactSet) -> dict[str, str]:
    return {entity.id: entity.name for entity in facts.entities}


def triples(facts: FactSet) -> set[tuple[str, str, str]]:
    """(subject name, predicate, object name) of every fact."""
    by_id = names(facts)
    return {(by_id[r.subject], r.predicate, by_id[r.object]) for r in facts.relations}


def called(facts: FactSet, entity_id: str, name: str) -> bool:
    """The entity has this name or alias (the gazetteer may name it canonically)."""
    entity = next(e for e in facts.entities if e.id == entity_id)
    return name in (entity.name, *entity.aliases)


def relation(facts: FactSet, subject: str, predicate: str, obj: str):
    for r in facts.relations:
        if r.predicate == predicate and called(facts, r.subject, subject) and called(facts, r.object, obj):
            return r
    raise AssertionError(f"no {subject} {predicate} {obj} in {sorted(triples(facts))}")


def no_relation(facts: FactSet, predicate: str) -> None:
    """Nothing of this predicate was extracted."""
    found = [t for t in triples(facts) if t[1] == predicate]
    assert not found, f"unexpected {predicate}: {sorted(found)}"
