"""The loader against a real Neo4j: shape, idempotency, increments, replacement, flows."""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest

from corpgraph.errors import InputError
from extract.model import DocumentRecord, Entity, Evidence, FactSet, Relation
from graph.loader import (
    CHANGED,
    IDENTICAL,
    NEW,
    UNCHANGED,
    UNFINISHED,
    FactIndex,
    Rows,
    document_states,
    graph_counts,
    load_document,
    load_facts,
    reset_graph,
    search_names,
    split_by_document,
)
from graph_world import DOC_A, DOC_B, ENTITIES, snapshot, world_facts


def _rel(driver, query: str, **params):
    records, _, _ = driver.execute_query(query, **params)
    return [r.data() for r in records]


# --- pure: facts -> rows ----------------------------------------------------


def test_search_names_are_lower_cased_and_unique():
    entity = Entity("kite-labs", "Organization", "Kite Labs", ("KITE Labs", "Kite  Labs", "Kite"))
    assert search_names(entity) == ["kite labs", "kite", "kite-labs"]


def test_rows_group_one_query_per_predicate_and_labels():
    rows = Rows.of(world_facts())
    assert set(rows.entities) == {"Person", "Organization", "Product"}
    assert ("MOVED", "Person", "Organization") in rows.relations
    assert ("USES", "Product", "Product") in rows.relations
    moved = {r["subject"]: r for r in rows.relations[("MOVED", "Person", "Organization")]}
    assert moved["mira-castell"]["from"] == "aurora-dynamics"
    assert moved["mira-castell"]["qualifiers"]["from_name"] == "Aurora Dynamics"
    assert len(moved["mira-castell"]["evidence"]) == 2


def test_symmetric_facts_are_stored_from_the_smaller_id():
    rows = Rows.of(world_facts())
    (partnered,) = rows.relations[("PARTNERED_WITH", "Organization", "Organization")]
    assert (partnered["subject"], partnered["object"]) == ("borealis-motors", "cobalt-robotics")


def test_split_by_document_keeps_each_documents_own_evidence():
    parts = split_by_document(world_facts())
    assert [p.documents[0].id for p in parts] == ["news-a", "news-b"]
    for part in parts:
        doc = part.documents[0].id
        assert all(e.doc == doc for r in part.relations for e in r.evidence)
        ids = {e.id for e in part.entities}
        assert all(r.subject in ids and r.object in ids for r in part.relations)
    ines = [p for p in parts if any(e.id == "ines-varga" for e in p.entities)]
    assert [p.documents[0].id for p in ines] == ["news-b"]


def test_mentions_count_distinct_sentences_unless_the_extractor_gives_counts():
    index = FactIndex(world_facts())
    assert index.mentions["news-a"]["mira-castell"] == 2  # the move and the studies
    facts = world_facts()
    counted = replace(
        facts,
        entities=tuple(
            replace(e, attrs={**e.attrs, "mentions": {"news-a": 7}}) if e.id == "mira-castell" else e for e in facts.entities
        ),
    )
    assert FactIndex(counted).mentions["news-a"]["mira-castell"] == 7


@pytest.mark.parametrize(
    "relation, problem",
    [
        (Relation("mira-castell", "MOVED", "borealis-motors", {}, 0.5, ()), "needs the qualifier 'from'"),
        (Relation("helix-one", "WORKS_FOR", "borealis-motors", {}, 0.5, ()), "does not allow WORKS_FOR from Product"),
        (Relation("nobody", "FOUNDED", "borealis-motors", {}, 0.5, ()), "entity 'nobody' is not among"),
        (
            Relation("borealis-motors", "MAKES", "helix-one", {}, 0.5, (Evidence("elsewhere", 0, 4, "text"),)),
            "cites document 'elsewhere'",
        ),
    ],
)
def test_facts_the_graph_cannot_hold_are_input_errors(relation, problem):
    facts = world_facts()
    with pytest.raises(InputError, match=problem):
        FactIndex(replace(facts, entities=facts.entities + (ENTITIES["helix-one"],), relations=facts.relations + (relation,)))


# --- against Neo4j ----------------------------------------------------------


def test_load_writes_entities_documents_relations_and_flows(graph_db):
    summary = load_facts(graph_db, world_facts())
    assert (summary.documents_new, summary.documents_skipped) == (2, 0)
    assert summary.entities_created == summary.entities == 13
    counts = graph_counts(graph_db)
    assert counts["Person"] == 3 and counts["Organization"] == 8 and counts["Product"] == 2
    assert counts["Document"] == 2
    assert counts["MOVED"] == 3 and counts["TALENT_FLOW"] == 3
    assert counts["PARTNERED_WITH"] == 1 and counts["COMPETES_WITH"] == 1

    (moved,) = _rel(
        graph_db,
        "MATCH (:Person {id: 'mira-castell'})-[r:MOVED]->(o) RETURN o.id AS to, properties(r) AS p",
    )
    p = moved["p"]
    assert moved["to"] == "borealis-motors"
    assert p["from"] == "aurora-dynamics" and p["from_name"] == "Aurora Dynamics"
    assert p["date"] == "2019" and p["role"] == "chief engineer"
    assert p["sources"] == 2 and p["confidence"] == pytest.approx(0.9)
    assert sorted(p["evidence_docs"]) == ["news-a", "news-b"]
    assert len(p["evidence"]) == len(p["evidence_starts"]) == len(p["evidence_ends"]) == len(p["evidence_confidences"]) == 2
    for sentence, doc, start, end in zip(p["evidence"], p["evidence_docs"], p["evidence_starts"], p["evidence_ends"]):
        text = {"news-a": DOC_A.text, "news-b": DOC_B.text}[doc]
        assert text[start:end] == sentence

    flows = _rel(
        graph_db,
        "MATCH (a:Organization)-[t:TALENT_FLOW]->(b:Organization) "
        "RETURN a.id AS a, b.id AS b, t.person AS person, t.person_id AS pid, t.date AS date, size(t.evidence) AS n ORDER BY pid",
    )
    assert flows == [
        {"a": "aurora-dynamics", "b": "borealis-motors", "person": "Ines Varga", "pid": "ines-varga", "date": "2021", "n": 1},
        {"a": "aurora-dynamics", "b": "borealis-motors", "person": "Mira Castell", "pid": "mira-castell", "date": "2019", "n": 2},
        {"a": "cobalt-robotics", "b": "helix-mobility", "person": "Tomas Reyes", "pid": "tomas-reyes", "date": None, "n": 1},
    ]

    (doc,) = _rel(graph_db, "MATCH (d:Document {id: 'news-a'}) RETURN properties(d) AS p")
    assert doc["p"]["sha256"] == DOC_A.sha256 and doc["p"]["title"] == DOC_A.title and doc["p"]["loaded_at"] is not None
    (mention,) = _rel(graph_db, "MATCH (:Document {id: 'news-a'})-[m:MENTIONS]->(:Person {id: 'mira-castell'}) RETURN m.count AS c")
    assert mention["c"] == 2
    (node,) = _rel(graph_db, "MATCH (n:Organization {id: 'borealis-motors'}) RETURN properties(n) AS p")
    assert node["p"]["kind"] == "company" and "Borealis" in node["p"]["aliases"]
    assert "borealis" in node["p"]["search_names"]


def test_the_drivers_debug_log_shows_batch_sizes_not_evidence(graph_db, caplog):
    # The driver formats each query's parameters for its debug log; the
    # loader's batches format as their length, so a load neither spends its
    # time on that nor writes the articles' sentences into a debug log.
    with caplog.at_level(logging.DEBUG, logger="neo4j"):
        load_facts(graph_db, world_facts())
    runs = [r.getMessage() for r in caplog.records if "C: RUN" in r.getMessage()]
    assert any(" rows>" in message for message in runs)
    assert not any("Mira Castell left Aurora Dynamics" in message for message in runs)
    assert not any("'evidence'" in message for message in runs)


def test_loading_the_same_facts_twice_changes_nothing(graph_db):
    load_facts(graph_db, world_facts())
    before = snapshot(graph_db)
    again = load_facts(graph_db, world_facts())
    assert (again.documents_skipped, again.documents_loaded, again.relations) == (2, 0, 0)
    assert snapshot(graph_db) == before


def test_a_forced_reload_of_the_same_facts_writes_nothing(graph_db):
    load_facts(graph_db, world_facts())
    before = _rel(graph_db, "MATCH (d:Document) RETURN d.id AS id, d.loaded_at AS at ORDER BY id")
    forced = load_facts(graph_db, world_facts(), force=True)
    assert (forced.documents_loaded, forced.documents_skipped, forced.relations) == (0, 2, 0)
    assert _rel(graph_db, "MATCH (d:Document) RETURN d.id AS id, d.loaded_at AS at ORDER BY id") == before


@pytest.mark.parametrize("batch_size", [1, 5000], ids=["one document per purge", "documents purged together"])
def test_force_rewrites_documents_loaded_without_a_fingerprint(graph_db, batch_size):
    load_facts(graph_db, world_facts())
    before = snapshot(graph_db)
    # What a graph loaded before fingerprints were kept looks like.
    graph_db.execute_query("MATCH (d:Document) REMOVE d.facts_sha256")
    assert set(document_states(graph_db, world_facts().documents).values()) == {UNCHANGED}
    assert load_facts(graph_db, world_facts()).documents_skipped == 2

    forced = load_facts(graph_db, world_facts(), force=True, batch_size=batch_size)
    assert (forced.documents_changed, forced.documents_skipped) == (2, 0)
    assert snapshot(graph_db)["nodes"] == before["nodes"]
    assert _evidence_sets(snapshot(graph_db)) == _evidence_sets(before)


def _reextracted(facts: FactSet, doc: str) -> FactSet:
    """The same texts, with one of ``doc``'s own facts no longer found (a new extractor)."""
    dropped = next(r for r in facts.relations if {e.doc for e in r.evidence} == {doc} and r.predicate != "MOVED")
    return replace(facts, relations=tuple(r for r in facts.relations if r is not dropped))


@pytest.mark.parametrize("per_document", [False, True], ids=["batched", "per document"])
def test_the_same_text_with_other_facts_replaces_the_old_facts(graph_db, per_document):
    load_facts(graph_db, world_facts())
    newer = _reextracted(world_facts(), "news-a")
    fingerprints = {d.id: FactIndex(newer).fingerprint(d.id) for d in newer.documents}
    states = document_states(graph_db, newer.documents, fingerprints=fingerprints)
    assert states == {"news-a": CHANGED, "news-b": IDENTICAL}

    summary = load_facts(graph_db, newer, per_document=per_document)
    assert (summary.documents_changed, summary.documents_skipped) == (1, 1)
    replaced = snapshot(graph_db)
    reset_graph(graph_db)
    load_facts(graph_db, newer)
    assert snapshot(graph_db)["nodes"] == replaced["nodes"]
    assert _evidence_sets(snapshot(graph_db)) == _evidence_sets(replaced)


def test_a_fingerprint_covers_a_documents_own_facts_in_any_order():
    facts = world_facts()
    index = FactIndex(facts)
    shuffled = FactIndex(replace(facts, relations=facts.relations[::-1], entities=facts.entities[::-1]))
    assert [shuffled.fingerprint(d.id) for d in facts.documents] == [index.fingerprint(d.id) for d in facts.documents]
    # A document's own part (what load_document sees) has the same fingerprint.
    assert FactIndex(index.restrict(["news-a"], unattached=False)).fingerprint("news-a") == index.fingerprint("news-a")

    newer = FactIndex(_reextracted(facts, "news-a"))
    assert newer.fingerprint("news-a") != index.fingerprint("news-a")
    assert newer.fingerprint("news-b") == index.fingerprint("news-b")
    # A name is written once, when the entity is created: another one changes nothing.
    renamed = [replace(e, name=e.name + " Group") if e.type == "Organization" else e for e in facts.entities]
    assert FactIndex(replace(facts, entities=tuple(renamed))).fingerprint("news-a") == index.fingerprint("news-a")
    moved = FactIndex(replace(facts, relations=tuple(
        replace(r, evidence=tuple(replace(e, start=e.start + 1) for e in r.evidence)) for r in facts.relations)))
    assert moved.fingerprint("news-a") != index.fingerprint("news-a")


def _evidence_sets(snap):
    """Relationships with their evidence as sets: a reload may append in another order."""
    rows = []
    for a, rtype, b, props in snap["relationships"]:
        data = {k: v for k, v in props}
        rows.append((a, rtype, b, data.get("evidence") and tuple(sorted(eval(data["evidence"]))), data.get("sources")))
    return sorted(rows, key=repr)


def test_a_new_document_adds_and_merges_evidence(graph_db):
    first = load_facts(graph_db, world_facts(only="news-a"))
    assert first.documents_new == 1
    (one,) = _rel(graph_db, "MATCH (:Person {id: 'mira-castell'})-[r:MOVED]->() RETURN r.sources AS s, size(r.evidence) AS n")
    assert one == {"s": 1, "n": 1}

    second = load_facts(graph_db, world_facts())
    assert (second.documents_skipped, second.documents_new) == (1, 1)
    assert second.entities_created == 5  # ines, quark, delta silicon, helix one, delta d9
    (both,) = _rel(graph_db, "MATCH (:Person {id: 'mira-castell'})-[r:MOVED]->() RETURN r.sources AS s, size(r.evidence) AS n")
    assert both == {"s": 2, "n": 2}
    counts = graph_counts(graph_db)
    assert counts["Person"] == 3 and counts["MOVED"] == 3


def test_incremental_load_equals_one_load(graph_db):
    load_facts(graph_db, world_facts(only="news-a"))
    load_facts(graph_db, world_facts())
    # Each sentence keeps the confidence its fact had when it was loaded (the
    # first document alone gave a lower one), so only that list may differ.
    stepwise = snapshot(graph_db, ignore=("evidence_confidences",))
    reset_graph(graph_db)
    load_facts(graph_db, world_facts())
    assert snapshot(graph_db, ignore=("evidence_confidences",)) == stepwise


def test_a_changed_document_replaces_its_own_evidence(graph_db):
    load_facts(graph_db, world_facts())
    states = document_states(graph_db, world_facts(edited=True).documents)
    assert states == {"news-a": UNCHANGED, "news-b": CHANGED}

    summary = load_facts(graph_db, world_facts(edited=True))
    assert (summary.documents_changed, summary.documents_skipped) == (1, 1)

    counts = graph_counts(graph_db)
    assert "ACQUIRED" not in counts and "DEVELOPED" not in counts and "PART_OF" not in counts
    assert _rel(graph_db, "MATCH (p:Person {id: 'ines-varga'}) RETURN p") == []
    (mira,) = _rel(
        graph_db,
        "MATCH (:Person {id: 'mira-castell'})-[r:MOVED]->() RETURN r.sources AS s, r.evidence_docs AS docs, r.confidence AS c",
    )
    # Confidence belongs to the fact, not to a sentence: what is left keeps the
    # confidence the fact had when that sentence was loaded.
    assert mira == {"s": 1, "docs": ["news-a"], "c": pytest.approx(0.9)}
    flows = _rel(graph_db, "MATCH ()-[t:TALENT_FLOW]->() RETURN t.person_id AS pid, t.evidence_docs AS docs ORDER BY pid")
    assert flows == [{"pid": "mira-castell", "docs": ["news-a"]}, {"pid": "tomas-reyes", "docs": ["news-a"]}]
    (doc,) = _rel(graph_db, "MATCH (d:Document {id: 'news-b'}) RETURN d.sha256 AS sha, d.title AS title")
    assert doc == {"sha": world_facts(edited=True).documents[1].sha256, "title": "Chips and rivals"}

    replaced = snapshot(graph_db)
    reset_graph(graph_db)
    load_facts(graph_db, world_facts(edited=True))
    assert _evidence_sets(snapshot(graph_db)) == _evidence_sets(replaced)
    assert snapshot(graph_db)["nodes"] == replaced["nodes"]


@pytest.mark.parametrize("batch_size, commits", [(1, [(1, 2), (2, 2)]), (5000, [(2, 2)])],
                         ids=["one document per transaction", "small documents together"])
def test_per_document_transactions_give_the_same_graph(graph_db, batch_size, commits):
    done = []
    load_facts(graph_db, world_facts(), per_document=True, batch_size=batch_size, progress=lambda i, n: done.append((i, n)))
    assert done == commits
    per_document = snapshot(graph_db)
    reset_graph(graph_db)
    load_facts(graph_db, world_facts(), batch_size=2)
    assert snapshot(graph_db) == per_document


def test_a_transaction_of_new_and_changed_documents_replaces_only_the_changed(graph_db):
    load_facts(graph_db, world_facts(only="news-b"))
    summary = load_facts(graph_db, world_facts(edited=True), per_document=True)
    assert (summary.documents_new, summary.documents_changed) == (1, 1)
    grouped = snapshot(graph_db)
    reset_graph(graph_db)
    load_facts(graph_db, world_facts(edited=True))
    assert snapshot(graph_db)["nodes"] == grouped["nodes"]
    assert _evidence_sets(snapshot(graph_db)) == _evidence_sets(grouped)


def test_per_document_replacement_of_a_changed_document(graph_db):
    load_facts(graph_db, world_facts(), per_document=True)
    load_facts(graph_db, world_facts(edited=True), per_document=True)
    assert "ACQUIRED" not in graph_counts(graph_db)
    assert graph_counts(graph_db)["TALENT_FLOW"] == 2


def _cut_off_before_finish(monkeypatch) -> None:
    """Make loads fail at the last step, marking documents loaded, after all their facts were written."""
    from graph import loader

    run_step = loader._run_step

    def fail_at_the_end(tx, query, rows, counter, summary):
        if query == loader.read_query("finish_documents"):
            raise RuntimeError("cut off before the documents were marked loaded")
        run_step(tx, query, rows, counter, summary)

    monkeypatch.setattr(loader, "_run_step", fail_at_the_end)


def test_a_failed_document_load_writes_nothing(graph_db, monkeypatch):
    # The failure comes after entities and relations were written in the
    # transaction: none of them may survive it.
    _cut_off_before_finish(monkeypatch)
    with pytest.raises(RuntimeError, match="cut off"):
        load_document(graph_db, world_facts(only="news-a"))
    assert graph_counts(graph_db) == {}


@pytest.mark.parametrize("batch_size", [1, 5000], ids=["a transaction per row", "one body transaction"])
def test_a_load_cut_off_after_its_mentions_then_run_again_equals_one_load(graph_db, monkeypatch, batch_size):
    load_facts(graph_db, world_facts())
    whole = snapshot(graph_db)
    reset_graph(graph_db)

    _cut_off_before_finish(monkeypatch)
    with pytest.raises(RuntimeError, match="cut off"):
        load_facts(graph_db, world_facts(), batch_size=batch_size)
    monkeypatch.undo()
    # The body committed: mentions are there, the documents are unfinished.
    assert graph_counts(graph_db)["MENTIONS"] == sum(1 for r in whole["relationships"] if r[1] == "MENTIONS")
    assert set(document_states(graph_db, world_facts().documents).values()) == {UNFINISHED}

    again = load_facts(graph_db, world_facts(), batch_size=batch_size)
    assert again.documents_new == 2
    assert snapshot(graph_db) == whole


def test_a_failure_building_rows_on_the_side_thread_stops_the_load_unfinished(graph_db, monkeypatch):
    from graph import loader

    def broken(facts, index):
        raise RuntimeError("rows could not be built")

    monkeypatch.setattr(loader.Rows, "relation_rows", staticmethod(broken))
    with pytest.raises(RuntimeError, match="rows could not be built"):
        load_facts(graph_db, world_facts())
    assert graph_counts(graph_db).get("MOVED") is None
    assert set(document_states(graph_db, world_facts().documents).values()) == {UNFINISHED}
    monkeypatch.undo()
    whole = load_facts(graph_db, world_facts())
    assert whole.documents_new == 2 and whole.relations == len(world_facts().relations)


def test_an_unfinished_document_counts_as_changed(graph_db):
    load_facts(graph_db, world_facts())
    graph_db.execute_query("MATCH (d:Document {id: 'news-a'}) SET d.sha256 = null")
    assert document_states(graph_db, world_facts().documents)["news-a"] == CHANGED
    # Begun with this text: completed, whatever facts it was begun with (another
    # run may be loading it from another file right now).
    record = world_facts().documents[0]
    graph_db.execute_query(
        "MATCH (d:Document {id: 'news-a'}) SET d.facts_sha256 = null, d.pending_sha256 = $sha", sha=record.sha256
    )
    assert document_states(graph_db, [record], fingerprints={"news-a": "other"}) == {"news-a": UNFINISHED}
    unknown = DocumentRecord("news-z", "0" * 64)
    assert document_states(graph_db, [unknown]) == {"news-z": NEW}


def test_entities_without_documents_are_loaded_too(graph_db):
    loner = Entity("orbit-labs", "Organization", "Orbit Labs", ("Orbit Labs",), {"kind": "company"})
    facts = FactSet(entities=(loner,))
    summary = load_facts(graph_db, facts, per_document=True)
    assert summary.entities_created == 1
    assert graph_counts(graph_db) == {"Organization": 1}


def test_reset_empties_the_graph(graph_db):
    load_facts(graph_db, world_facts())
    assert reset_graph(graph_db) == 15
    assert graph_counts(graph_db) == {}


def test_a_fact_from_several_documents_is_one_row_and_counted_once(graph_db):
    facts = world_facts()
    rows = Rows.of(FactIndex(facts).restrict(["news-a", "news-b"]), FactIndex(facts))
    moved = [r for r in rows.relations[("MOVED", "Person", "Organization")] if r["subject"] == "mira-castell"]
    assert len(moved) == 1 and len(moved[0]["evidence"]) == 2
    summary = load_facts(graph_db, facts)
    assert summary.relations == summary.relations_created == len(facts.relations)


def test_both_directions_of_a_symmetric_fact_make_one_relationship(graph_db):
    facts = world_facts(only="news-a")
    (partnered,) = [r for r in facts.relations if r.predicate == "PARTNERED_WITH"]
    reverse = replace(partnered, subject=partnered.object, object=partnered.subject)
    load_facts(graph_db, replace(facts, relations=facts.relations + (reverse,)))
    (row,) = _rel(graph_db, "MATCH ()-[r:PARTNERED_WITH]->() RETURN size(r.evidence) AS n, r.sources AS s")
    assert row == {"n": 1, "s": 1}


# --- concurrent writers ------------------------------------------------------


def _synthetic(relations: int = 2400):
    from bench.synth import synthetic_factset

    facts = synthetic_factset(people=relations // 8, organizations=relations // 40, products=relations // 80,
                              relations=relations, seed=11)
    index = FactIndex(facts)
    half = [d.id for d in facts.documents[: len(facts.documents) // 2]]
    return facts, index.restrict(half, unattached=False)


@pytest.mark.parametrize("batch_size", [37, 5000])
def test_concurrent_writers_write_what_one_writer_writes(graph_db, batch_size):
    # Half the documents, then all: the second load appends evidence to facts
    # and mentions to entities the first wrote, which the writers share.
    facts, half = _synthetic()
    for writers in (1, 3):
        reset_graph(graph_db)
        first = load_facts(graph_db, half, batch_size=batch_size, writers=writers)
        second = load_facts(graph_db, facts, batch_size=batch_size, writers=writers)
        assert (first.documents_new, second.documents_skipped) == (len(half.documents), len(half.documents))
        assert set(document_states(graph_db, facts.documents).values()) == {UNCHANGED}
        if writers == 1:
            one, counts = snapshot(graph_db), (first.as_dict(), second.as_dict())
    assert snapshot(graph_db) == one
    assert (first.as_dict(), second.as_dict()) == counts
    assert graph_counts(graph_db)["MOVED"] == graph_counts(graph_db)["TALENT_FLOW"] > 0


def test_concurrent_writers_replace_changed_documents_like_one_writer(graph_db):
    from bench.loading import reextracted

    facts, _ = _synthetic()
    load_facts(graph_db, facts, writers=1)
    load_facts(graph_db, reextracted(facts), writers=1)
    one = snapshot(graph_db)
    reset_graph(graph_db)
    load_facts(graph_db, facts, writers=2)
    summary = load_facts(graph_db, reextracted(facts), writers=2, batch_size=100)
    assert summary.documents_changed == len(facts.documents)
    assert snapshot(graph_db) == one


def test_a_failing_writer_stops_the_others_and_a_rerun_completes(graph_db, monkeypatch):
    from graph import loader

    facts, _ = _synthetic()
    real = loader._run_steps
    calls = {"facts": 0}

    def failing(tx, work):
        if any(counter == "relations" for _, _, counter in work):
            calls["facts"] += 1
            if calls["facts"] == 3:
                raise RuntimeError("writer lost")
        return real(tx, work)

    monkeypatch.setattr(loader, "_run_steps", failing)
    with pytest.raises(RuntimeError, match="writer lost"):
        load_facts(graph_db, facts, batch_size=50, writers=2)
    # The other writer stopped after its transaction under way: facts are missing.
    assert graph_counts(graph_db).get("WORKS_FOR", 0) < sum(r.predicate == "WORKS_FOR" for r in facts.relations)
    assert set(document_states(graph_db, facts.documents).values()) == {UNFINISHED}
    monkeypatch.undo()
    load_facts(graph_db, facts, batch_size=50, writers=2)
    whole = snapshot(graph_db)
    reset_graph(graph_db)
    load_facts(graph_db, facts, writers=1)
    assert snapshot(graph_db) == whole
