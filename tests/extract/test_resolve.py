"""Entity resolution across a corpus, on hand-built mentions (no model): which
keys become one entity, which name and id it gets, which are kept, and that
the counts wait in the run's store rather than in memory."""

from __future__ import annotations

import tracemalloc

from extract.components.coref import entity_key
from extract.model import DocumentRecord
from extract.pipeline import DocFacts, Mention
from extract.resolve import MentionClusters
from extract.workspace import Workspace


def doc(doc_id: str, *names: tuple[str, str]) -> DocFacts:
    """A document mentioning each (label, text) in turn, keyed by its text."""
    facts = DocFacts(DocumentRecord(doc_id, f"sha-{doc_id}"))
    for at, (label, text) in enumerate(names):
        facts.mentions.append(Mention(entity_key(label, text), label, text, at * 100, at * 100 + len(text)))
    return facts


def resolved(docs: list[DocFacts]) -> tuple[dict[str, tuple], dict[str, str]]:
    """(entity id -> (type, name), kept id -> kept) and document key -> entity id."""
    with Workspace() as workspace:
        clusters = MentionClusters(workspace.clusters)
        keys = []
        for facts in docs:
            clusters.add(facts)
            keys += [m.key for m in facts.mentions]
        index = clusters.resolve()
        ids = {}
        for key in keys:
            entity = index.entity_for(key)
            if entity is not None:
                ids[key] = entity.id
        entities = {e.id: (e.type, e.name) for e in index.kept()}
        return entities, ids


def test_the_most_used_spelling_names_the_entity_and_a_tie_goes_to_the_first_seen():
    # keys collapse case and punctuation, so these are spellings of one key
    docs = [doc("d1", ("ORG", "Talvik-Bryne"), ("ORG", "TALVIK BRYNE")), doc("d2", ("ORG", "Talvik Bryne"))]
    entities, _ = resolved(docs)
    assert [name for _, name in entities.values()] == ["Talvik-Bryne"]
    docs.append(doc("d3", ("ORG", "Talvik Bryne")))
    entities, _ = resolved(docs)
    assert [name for _, name in entities.values()] == ["Talvik Bryne"]


def test_two_full_names_one_edit_apart_are_one_person_named_as_most_often():
    docs = [
        doc("d1", ("PERSON", "Oren Maddick")),
        doc("d2", ("PERSON", "Oren Madick"), ("PERSON", "Oren Madick")),
        doc("d3", ("PERSON", "Oren Maddox")),
    ]
    entities, ids = resolved(docs)
    assert ids[entity_key("PERSON", "Oren Maddick")] == ids[entity_key("PERSON", "Oren Madick")] == "oren-madick"
    assert ids[entity_key("PERSON", "Oren Maddox")] == "oren-maddox"
    assert entities["oren-madick"] == ("Person", "Oren Madick")


def test_a_lone_surname_is_the_one_full_name_that_has_it_and_nobody_when_two_do():
    one = [doc("d1", ("PERSON", "Ilse Varrow")), doc("d2", ("PERSON", "Varrow"))]
    _, ids = resolved(one)
    assert ids[entity_key("PERSON", "Varrow")] == "ilse-varrow"
    two = one + [doc("d3", ("PERSON", "Tomas Varrow"))]
    _, ids = resolved(two)
    assert entity_key("PERSON", "Varrow") not in ids


def test_a_clash_of_ids_leaves_the_plain_id_to_the_name_seen_first():
    docs = [doc("d1", ("ORG", "Kessa Lund")), doc("d2", ("PERSON", "Kessa Lund"))]
    entities, ids = resolved(docs)
    assert ids[entity_key("ORG", "Kessa Lund")] == "kessa-lund"
    assert ids[entity_key("PERSON", "Kessa Lund")] == "kessa-lund-person"
    entities, ids = resolved(docs[::-1])
    assert ids[entity_key("PERSON", "Kessa Lund")] == "kessa-lund"
    assert ids[entity_key("ORG", "Kessa Lund")] == "kessa-lund-organization"


def test_kept_are_organisations_full_names_and_names_used_twice_in_type_and_id_order():
    docs = [
        doc("d1", ("PERSON", "Brann Holt"), ("ORG", "Quorra Metals"), ("PRODUCT", "Zeph X1")),
        doc("d2", ("ORG", "Aldren")),
    ]
    entities, _ = resolved(docs)
    assert list(entities) == ["aldren", "quorra-metals", "brann-holt", "zeph-x1"]


def test_names_wait_in_the_run_store_not_in_memory():
    docs = [doc(f"d{n}", ("PERSON", f"Person{n} Surname{n}"), ("ORG", f"Company{n} Holdings")) for n in range(3000)]
    with Workspace() as workspace:
        clusters = MentionClusters(workspace.clusters)
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            for facts in docs:
                clusters.add(facts)
            held = tracemalloc.get_traced_memory()[0] - before
        finally:
            tracemalloc.stop()
        # 6,000 distinct names: counted in memory they took over a megabyte
        assert held < 200_000
        entities = list(clusters.resolve().kept())
    assert len(entities) == 6000
