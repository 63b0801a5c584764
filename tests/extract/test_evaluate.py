"""extract.evaluate: each scoring rule of ONTOLOGY.md on small hand-made gold and system facts."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpgraph.errors import InputError
from extract.evaluate import dates_agree, evaluate, evaluate_files, normalise_name, roles_agree
from extract.facts import write_facts
from extract.gold import Gold, GoldEntity, GoldRelation, read_gold
from extract.model import Entity, Evidence, FactSet, Relation

GOLD_ENTITIES = (
    GoldEntity("mara-quint", "Person", "Mara Quint", ("Ms. Quint",), "core"),
    GoldEntity("theo-vance", "Person", "Theo Vance", (), "extended"),
    GoldEntity("lumen", "Organization", "Lumen Robotics", ("Lumen",), "core"),
    GoldEntity("brightwater", "Organization", "Brightwater Capital", (), "core"),
    GoldEntity("kestrel", "Organization", "Kestrel Dynamics", (), "extended"),
    GoldEntity("halcyon", "Organization", "Halcyon Grid", (), "acceptable"),
    GoldEntity("lumen-arm", "Product", "Lumen Arm", (), "core"),
)
G = {
    "works": GoldRelation("mara-quint", "WORKS_FOR", "lumen", {"role": "chief executive officer", "start": "2019"}, "core"),
    "moved": GoldRelation("mara-quint", "MOVED", "lumen", {"from": "kestrel", "date": "2019-03"}, "core"),
    "partner": GoldRelation("lumen", "PARTNERED_WITH", "brightwater", {}, "core"),
    "makes": GoldRelation("lumen", "MAKES", "lumen-arm", {}, "extended"),
    "founded": GoldRelation("theo-vance", "FOUNDED", "kestrel", {}, "extended"),
    "invested": GoldRelation("brightwater", "INVESTED_IN", "halcyon", {}, "acceptable"),
    "part_of": GoldRelation("halcyon", "PART_OF", "brightwater", {}, "acceptable"),
}
GOLD = Gold(GOLD_ENTITIES, tuple(G.values()))

# System ids deliberately differ from gold ids: matching goes through names.
SYSTEM_ENTITIES = (
    Entity("s-quint", "Person", "MARA QUINT", ("Quint",)),
    Entity("s-vance", "Person", "Theo  Vance"),
    Entity("s-lumen", "Organization", "Lumen Robotics’s", ("Lumen Robotics",)),
    Entity("s-bright", "Organization", "Brightwater Capital"),
    Entity("s-kestrel", "Organization", '"Kestrel Dynamics"'),
    Entity("s-halcyon", "Organization", "Halcyon Grid"),
    Entity("s-arm", "Product", "Lumen Arm"),
    Entity("s-other", "Organization", "Sable Mining"),
)
EVIDENCE = (Evidence("doc-1", 0, 10, "A sentence"),)


def rel(subject: str, predicate: str, obj: str, **qualifiers) -> Relation:
    if "from_" in qualifiers:
        qualifiers["from"] = qualifiers.pop("from_")
    return Relation(subject, predicate, obj, qualifiers, 0.9, EVIDENCE)


def system(*relations: Relation, entities=SYSTEM_ENTITIES) -> FactSet:
    return FactSet((), tuple(entities), relations)


PERFECT = (
    rel("s-quint", "WORKS_FOR", "s-lumen", role="Chief Executive Officer", start="2019-01"),
    rel("s-quint", "MOVED", "s-lumen", from_="s-kestrel", date="2019"),
    rel("s-bright", "PARTNERED_WITH", "s-lumen"),  # symmetric: either order
    rel("s-lumen", "MAKES", "s-arm"),
    rel("s-vance", "FOUNDED", "s-kestrel"),
)


def test_perfect_system_scores_one_everywhere():
    result = evaluate(system(*PERFECT), GOLD)
    assert (result.precision.hits, result.precision.total) == (5, 5)
    assert (result.recall_core.hits, result.recall_core.total) == (3, 3)
    assert (result.recall_extended.hits, result.recall_extended.total) == (2, 2)
    assert result.f1 == 1.0
    assert result.qualifiers.value == 1.0
    assert result.missed == () and result.false_positives == ()
    assert result.gold_relations == {"core": 3, "extended": 2, "acceptable": 2}


def test_acceptable_tier_counts_for_precision_only():
    result = evaluate(system(rel("s-bright", "INVESTED_IN", "s-halcyon")), GOLD)
    assert result.precision.value == 1.0
    assert result.recall.hits == 0 and result.recall.total == 5
    assert all(f.tier in ("core", "extended") for f in result.missed)
    assert len(result.missed) == 5


def test_wrong_direction_of_an_asymmetric_predicate_is_a_false_positive():
    result = evaluate(system(rel("s-bright", "PART_OF", "s-halcyon"), rel("s-halcyon", "PART_OF", "s-bright")), GOLD)
    assert (result.precision.hits, result.precision.total) == (1, 2)
    (wrong,) = result.false_positives
    assert (wrong.subject, wrong.predicate, wrong.object) == ("Brightwater Capital", "PART_OF", "Halcyon Grid")


def test_competes_with_matches_in_either_order():
    gold = Gold(GOLD_ENTITIES, (GoldRelation("kestrel", "COMPETES_WITH", "lumen", {}, "core"),))
    for subject, obj in (("s-kestrel", "s-lumen"), ("s-lumen", "s-kestrel")):
        assert evaluate(system(rel(subject, "COMPETES_WITH", obj)), gold).recall_core.value == 1.0


def test_moved_must_match_its_from_through_entity_names():
    right = evaluate(system(rel("s-quint", "MOVED", "s-lumen", from_="s-kestrel")), GOLD)
    assert right.precision.value == 1.0 and right.recall_core.hits == 1
    wrong_from = evaluate(system(rel("s-quint", "MOVED", "s-lumen", from_="s-other")), GOLD)
    assert wrong_from.precision.value == 0.0 and wrong_from.recall_core.hits == 0
    # Raw id equality is not a match: the system's "kestrel" is another company.
    impostor = (*SYSTEM_ENTITIES, Entity("kestrel", "Organization", "Kestrel Bank"))
    by_id = evaluate(system(rel("s-quint", "MOVED", "s-lumen", from_="kestrel"), entities=impostor), GOLD)
    assert by_id.precision.value == 0.0
    no_from = evaluate(system(rel("s-quint", "MOVED", "s-lumen")), GOLD)
    assert no_from.precision.value == 0.0


def test_entity_types_must_agree_unless_ignored():
    mistyped = tuple(
        Entity(e.id, "Person", e.name, e.aliases) if e.id == "s-lumen" else e for e in SYSTEM_ENTITIES
    )
    facts = system(rel("s-lumen", "MAKES", "s-arm"), entities=mistyped)
    # Person -> Product is not a valid MAKES, but scoring follows names and types, not validation.
    assert evaluate(facts, GOLD).precision.value == 0.0
    assert evaluate(facts, GOLD, ignore_types=True).precision.value == 1.0


def test_one_system_relation_matches_the_same_fact_in_several_documents():
    gold = Gold(
        (
            GoldEntity("d1:quint", "Person", "Mara Quint"),
            GoldEntity("d1:lumen", "Organization", "Lumen Robotics"),
            GoldEntity("d2:quint", "Person", "Mara Quint"),
            GoldEntity("d2:lumen", "Organization", "LUMEN ROBOTICS"),
        ),
        (
            GoldRelation("d1:quint", "WORKS_FOR", "d1:lumen", {}, "core", ("d1",)),
            GoldRelation("d2:quint", "WORKS_FOR", "d2:lumen", {}, "core", ("d2",)),
        ),
    )
    result = evaluate(system(rel("s-quint", "WORKS_FOR", "s-lumen")), gold)
    assert (result.recall_core.hits, result.recall_core.total) == (2, 2)
    assert (result.precision.hits, result.precision.total) == (1, 1)


def test_precision_recall_and_f1_arithmetic():
    relations = (*PERFECT[:2], rel("s-other", "PARTNERED_WITH", "s-lumen"), rel("s-vance", "WORKS_FOR", "s-other"))
    result = evaluate(system(*relations), GOLD)
    assert result.precision.value == 0.5
    assert result.recall_core.value == pytest.approx(2 / 3)
    assert result.recall_extended.value == 0.0
    assert result.recall.value == pytest.approx(2 / 5)
    assert result.f1 == pytest.approx(2 * 0.5 * 0.4 / 0.9)
    assert {str(f) for f in result.false_positives} == {
        "Sable Mining PARTNERED_WITH Lumen Robotics’s",
        "Theo  Vance WORKS_FOR Sable Mining",
    }
    assert {(f.subject, f.predicate, f.object, f.tier) for f in result.missed} == {
        ("Lumen Robotics", "PARTNERED_WITH", "Brightwater Capital", "core"),
        ("Lumen Robotics", "MAKES", "Lumen Arm", "extended"),
        ("Theo Vance", "FOUNDED", "Kestrel Dynamics", "extended"),
    }


def test_no_system_relations_gives_no_precision_rather_than_a_number():
    result = evaluate(system(), GOLD)
    assert result.precision.value is None and result.f1 is None
    assert result.recall.value == 0.0


def test_qualifier_accuracy_uses_prefix_dates_and_role_containment():
    relations = (
        rel("s-quint", "WORKS_FOR", "s-lumen", role="executive officer", start="2019-05-02"),
        rel("s-quint", "MOVED", "s-lumen", from_="s-kestrel", date="2020"),
    )
    result = evaluate(system(*relations), GOLD)
    assert (result.qualifiers.hits, result.qualifiers.total) == (1, 2)
    by_key = {key: (r.hits, r.total) for key, r in result.qualifiers_by_key.items()}
    assert by_key == {"role": (1, 1), "start": (1, 1), "date": (0, 1), "from": (1, 1)}
    (mismatch,) = result.qualifier_mismatches
    assert mismatch.keys == ("date",)
    assert mismatch.gold.qualifiers == {"from": "Kestrel Dynamics", "date": "2019-03"}


def test_a_missing_qualifier_disagrees_and_relations_without_scored_qualifiers_do_not_count():
    result = evaluate(system(rel("s-quint", "WORKS_FOR", "s-lumen"), PERFECT[2]), GOLD)
    assert (result.qualifiers.hits, result.qualifiers.total) == (0, 1)
    assert result.qualifier_mismatches[0].keys == ("role", "start")


def test_the_best_of_several_matching_system_relations_counts_for_qualifiers():
    # The system split one person in two; both of its relations match the same gold fact.
    entities = (*SYSTEM_ENTITIES, Entity("s-quint-2", "Person", "Mara Quint"))
    relations = (
        rel("s-quint", "WORKS_FOR", "s-lumen", role="intern", start="2001"),
        rel("s-quint-2", "WORKS_FOR", "s-lumen", role="CHIEF EXECUTIVE OFFICER", start="2019"),
    )
    result = evaluate(system(*relations, entities=entities), GOLD)
    assert result.qualifiers.value == 1.0


@pytest.mark.parametrize(
    ("system_value", "gold_value", "agree"),
    [("2021", "2021-08", True), ("2021-08-22", "2021", True), ("2021-08", "2021-08", True), ("2020", "2021", False), ("2021-07", "2021-08-01", False)],
)
def test_dates_agree_by_prefix(system_value, gold_value, agree):
    assert dates_agree(system_value, gold_value) is agree


@pytest.mark.parametrize(
    ("system_value", "gold_value", "agree"),
    [("CEO", "ceo and founder", True), ("Head of  Public Relations", "head of public relations", True), ("director", "senior director", True), ("CFO", "CEO", False), ("", "CEO", False)],
)
def test_roles_agree_by_containment(system_value, gold_value, agree):
    assert roles_agree(system_value, gold_value) is agree


def test_restricting_predicates_leaves_others_out_of_precision_and_recall():
    relations = (PERFECT[3], rel("s-vance", "WORKS_FOR", "s-other"), rel("s-other", "ACQUIRED", "s-bright"))
    everything = evaluate(system(*relations), GOLD)
    assert (everything.precision.hits, everything.precision.total) == (1, 3)
    only = evaluate(system(*relations), GOLD, predicates=["MAKES", "FOUNDED"])
    assert (only.precision.hits, only.precision.total) == (1, 1)
    assert (only.recall.hits, only.recall.total) == (1, 2)
    assert only.gold_relations == {"core": 0, "extended": 2, "acceptable": 0}
    assert only.predicates == ("FOUNDED", "MAKES")
    with pytest.raises(ValueError, match="LIKES"):
        evaluate(system(), GOLD, predicates=["LIKES"])


def test_entity_precision_and_recall():
    entities = (*SYSTEM_ENTITIES, Entity("s-arm-person", "Person", "Lumen Arm"))
    result = evaluate(system(entities=entities), GOLD)
    # Sable Mining matches nothing, nor does the mistyped "Lumen Arm" person; Halcyon (acceptable) counts as right.
    assert (result.entity_precision.hits, result.entity_precision.total) == (7, 9)
    # Recall is over core + extended gold entities: all six but the acceptable Halcyon Grid.
    assert (result.entity_recall.hits, result.entity_recall.total) == (6, 6)
    fewer = evaluate(system(entities=SYSTEM_ENTITIES[:2]), GOLD)
    assert (fewer.entity_recall.hits, fewer.entity_recall.total) == (2, 6)
    assert set(fewer.missed_entities) == {"Lumen Robotics", "Brightwater Capital", "Kestrel Dynamics", "Lumen Arm"}
    assert evaluate(system(entities=entities), GOLD, ignore_types=True).entity_precision.hits == 8


def test_result_json_carries_values_counts_and_details_on_request():
    result = evaluate(system(PERFECT[0], rel("s-vance", "WORKS_FOR", "s-other")), GOLD)
    record = result.to_json()
    assert record["precision"] == {"value": 0.5, "hits": 1, "total": 2}
    assert "missed" not in record
    detailed = result.to_json(show=True)
    assert detailed["false_positives"][0]["subject"] == "Theo  Vance"
    assert {m["predicate"] for m in detailed["missed"]} == {"MOVED", "PARTNERED_WITH", "MAKES", "FOUNDED"}
    json.dumps(detailed)


# --- the name normaliser ---------------------------------------------------------------

NAMEISH = st.text(alphabet=st.sampled_from(list("abcxyzABCXYZéÉßø '’s.,\"-&()!?\t\n")), max_size=30)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Lumen Robotics's", "lumen robotics"),
        ("Lumen Robotics’s", "lumen robotics"),
        ("  LUMEN\tROBOTICS  ", "lumen robotics"),
        ("(Lumen Robotics).", "lumen robotics"),
        ("Lynk & Co", "lynk & co"),
        ("Dr. Mara Quint's team", "dr. mara quint team"),
        ("Straße", "strasse"),
    ],
)
def test_normalise_name_examples(name, expected):
    assert normalise_name(name) == expected


@given(NAMEISH)
def test_normalise_name_is_idempotent(name):
    assert normalise_name(normalise_name(name)) == normalise_name(name)


@given(NAMEISH)
def test_normalise_name_ignores_case_and_spacing(name):
    assert normalise_name(name.upper()) == normalise_name(name)
    assert normalise_name("  " + name.replace(" ", " \t ") + "\n") == normalise_name(name)


@given(NAMEISH)
def test_normalised_names_have_no_outer_punctuation_or_double_spaces(name):
    result = normalise_name(name)
    assert "  " not in result and result == result.strip()
    assert not result or (result[0] not in "'’.,\"-()!?" and result[-1] not in "'’.,\"-()!?")


@given(st.text(alphabet="abcxyz ", min_size=1, max_size=20))
def test_possessive_and_surrounding_punctuation_do_not_change_a_name(name):
    assert normalise_name(f"“{name}’s”") == normalise_name(name)
    assert normalise_name(f"({name}'s),") == normalise_name(name)


# --- gold files -------------------------------------------------------------------------


def write_lines(path, *records):
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def test_read_gold_and_score_files(tmp_path):
    gold = write_lines(
        tmp_path / "gold.jsonl",
        {"kind": "document", "id": "doc-1", "date": "2024-01-02"},
        {"kind": "entity", "id": "mara", "type": "Person", "name": "Mara Quint", "aliases": [], "tier": "core"},
        {"kind": "entity", "id": "lumen", "type": "Organization", "name": "Lumen", "aliases": ["Lumen Robotics"], "tier": "core"},
        {"kind": "relation", "subject": "mara", "predicate": "WORKS_FOR", "object": "lumen", "qualifiers": {"role": "CEO"},
         "tier": "core", "docs": ["doc-1"], "evidence": "Mara Quint, CEO of Lumen, said."},
    )
    read = read_gold(gold)
    assert read.relations[0].docs == ("doc-1",) and read.relations[0].evidence == "Mara Quint, CEO of Lumen, said."
    facts = tmp_path / "facts.jsonl"
    write_facts(system(rel("s-quint", "WORKS_FOR", "s-lumen", role="ceo")), facts)
    result = evaluate_files(facts, gold)
    assert result.precision.value == 1.0 and result.recall_core.value == 1.0 and result.qualifiers.value == 1.0


def test_gold_may_reuse_an_id_and_either_entity_matches(tmp_path):
    gold = write_lines(
        tmp_path / "gold.jsonl",
        {"kind": "entity", "id": "d:quint", "type": "Organization", "name": "Quint", "tier": "core"},
        {"kind": "entity", "id": "d:quint", "type": "Person", "name": "Mara Quint", "tier": "core"},
        {"kind": "entity", "id": "d:lumen", "type": "Organization", "name": "Lumen Robotics", "tier": "core"},
        {"kind": "relation", "subject": "d:quint", "predicate": "WORKS_FOR", "object": "d:lumen", "tier": "core"},
    )
    result = evaluate(system(rel("s-quint", "WORKS_FOR", "s-lumen")), read_gold(gold))
    assert result.recall_core.value == 1.0


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"kind": "entity", "id": "x", "type": "Person", "name": "X", "tier": "gold"}, r"gold\.jsonl:2: tier 'gold'"),
        ({"kind": "entity", "id": "x", "type": "Thing", "name": "X"}, r"gold\.jsonl:2: entity type 'Thing'"),
        ({"kind": "entity", "id": "x", "type": "Person"}, r"gold\.jsonl:2: entity is missing 'name'"),
        ({"kind": "relation", "subject": "m", "predicate": "HIRED", "object": "m"}, r"gold\.jsonl:2: unknown predicate 'HIRED'"),
        ({"kind": "relation", "subject": "m", "predicate": "WORKS_FOR", "object": "nowhere"}, r"gold\.jsonl:2: relation names entity 'nowhere'"),
        ({"kind": "relation", "subject": "m", "predicate": "MOVED", "object": "m", "qualifiers": {"from": "gone"}}, r"gold\.jsonl:2: relation names entity 'gone'"),
        ({"kind": "claim"}, r"gold\.jsonl:2: unknown kind 'claim'"),
    ],
)
def test_bad_gold_lines_name_the_line(tmp_path, record, message):
    first = {"kind": "entity", "id": "m", "type": "Person", "name": "Mara Quint", "tier": "core"}
    with pytest.raises(InputError, match=message):
        read_gold(write_lines(tmp_path / "gold.jsonl", first, record))
