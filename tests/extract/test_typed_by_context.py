"""Names typed by what the sentence does with them, where the model left them
untagged or guessed a one-word person or place; and jobs ended by a leaving verb
whose subject carries the title in apposition. Invented text throughout."""

from __future__ import annotations

import pytest

from tests.extract.conftest import relation, triples

pytestmark = pytest.mark.model


def test_who_makes_a_named_product_is_an_organisation_and_its_rivals_are_too(extract_text):
    facts = extract_text("Torvane, which makes the Kestra K4 scooter, competes with Bramling and Oskeda in Europe.")
    found = triples(facts)
    assert ("Torvane", "MAKES", "Kestra K4") in found
    rivals = {t[0] if t[2] == "Torvane" else t[2] for t in found if t[1] == "COMPETES_WITH"}
    assert rivals == {"Bramling", "Oskeda"}
    assert {e.name: e.type for e in facts.entities}["Bramling"] == "Organization"


def test_a_one_word_person_guess_before_a_kind_of_organisation_is_one(extract_text):
    facts = extract_text("Norvik Steel is a subsidiary of the Kessler conglomerate.")
    assert ("Norvik Steel", "PART_OF", "Kessler") in triples(facts)


def test_but_not_a_word_of_a_persons_full_name(extract_text):
    facts = extract_text("Ingrid Kessler joined Siemens in 2004. Later the Kessler group sold its shares.")
    assert {e.name: e.type for e in facts.entities}.get("Ingrid Kessler") == "Person"
    assert "Kessler" not in {e.name for e in facts.entities if e.type == "Organization"}


def test_who_hires_a_person_away_from_a_company_is_one(extract_text):
    facts = extract_text("Mei Tanaka was hired away from Siemens by Orsolo to run its design lab.")
    move = relation(facts, "Mei Tanaka", "MOVED", "Orsolo")
    assert move.qualifiers["from"] == next(e.id for e in facts.entities if e.name == "Siemens")


def test_the_possessor_of_a_title_only_companies_give_is_a_company(extract_text):
    facts = extract_text("Lumora's chief executive, Corin Walsh, has left the company.")
    job = relation(facts, "Corin Walsh", "WORKS_FOR", "Lumora")
    assert job.qualifiers["current"] is False


def test_what_a_person_ran_is_an_organisation(extract_text):
    facts = extract_text("Corin Walsh, who ran Lumora for a decade, retired in March.")
    assert ("Corin Walsh", "WORKS_FOR", "Lumora") in triples(facts)


@pytest.mark.parametrize("text, current", [
    ("Corin Walsh, chief executive of Lumora Foods, resigned on Friday.", False),
    ("Corin Walsh, the founder and chief executive of Lumora Foods, has stepped down.", False),
    ("Lumora Foods' chief executive, Corin Walsh, quit in 2019.", False),
    ("Corin Walsh, chief executive of Lumora Foods, will step down in June.", True),
    ("Corin Walsh, chief executive of Lumora Foods, did not resign.", True),
    # the leaving is from another company: the title's job goes on
    ("Corin Walsh, chief executive of Lumora Foods, left Brixham Motors in 2010.", True),
])
def test_a_leaving_verb_ends_the_job_the_apposition_names(extract_text, text, current):
    job = relation(extract_text(text), "Corin Walsh", "WORKS_FOR", "Lumora Foods")
    assert job.qualifiers["current"] is current


def test_what_a_person_left_is_an_organisation_whatever_the_model_guessed(extract_text):
    facts = extract_text("Corin Walsh, chief executive of Lumora Foods, left Globex in 2010.")
    assert relation(facts, "Corin Walsh", "WORKS_FOR", "Globex").qualifiers["current"] is False
    assert relation(facts, "Corin Walsh", "WORKS_FOR", "Lumora Foods").qualifiers["current"] is True


@pytest.mark.parametrize("text, part, whole", [
    ("The takeover made Quillon a wholly owned subsidiary of Nexora.", "Quillon", "Nexora"),
    ("The acquisition turned Quillon Games into a unit of Nexora Entertainment.", "Quillon Games", "Nexora Entertainment"),
])
def test_a_company_made_into_a_part_of_another_is_part_of_it(extract_text, text, part, whole):
    assert (part, "PART_OF", whole) in triples(extract_text(text))


def test_a_noun_the_parser_made_a_second_subject_still_stands_for_the_name_before_it(extract_text):
    # the small parser makes "a company" a subject of "acquired" beside the name
    facts = extract_text("Ostara Mobility, a company co-founded in 2019 by Luis Serrano, has been acquired by Movexa.")
    assert relation(facts, "Luis Serrano", "FOUNDED", "Ostara Mobility").qualifiers.get("date") == "2019"
    assert ("Movexa", "ACQUIRED", "Ostara Mobility") in triples(facts)


def test_the_new_venture_is_not_the_former_employer_named_before_it(extract_text):
    facts = extract_text("Former Nexcel executive Ivan Petrov will lead the new venture, which is backed by Tencent.")
    assert [t for t in triples(facts) if t[1] == "INVESTED_IN"] == []
    assert relation(facts, "Ivan Petrov", "WORKS_FOR", "Nexcel").qualifiers["current"] is False


def test_a_fronted_apposition_is_said_of_the_subject_after_its_comma(extract_text):
    facts = extract_text("A graduate of Keele University, Ravi Menon joined Siemens in 2004.")
    assert ("Ravi Menon", "EDUCATED_AT", "Keele University") in triples(facts)


def test_a_veteran_of_one_company_who_joins_another_moved_from_it(extract_text):
    facts = extract_text("Jane Roe, a veteran of Ford, joined Siemens in 2004.")
    move = relation(facts, "Jane Roe", "MOVED", "Siemens")
    assert move.qualifiers["from"] == next(e.id for e in facts.entities if e.name == "Ford")
    assert relation(facts, "Jane Roe", "WORKS_FOR", "Ford").qualifiers["current"] is False


def test_whose_is_the_name_the_clause_describes(extract_text):
    facts = extract_text("Jane Roe, whose start-up Cloudyn was bought by Oracle in 2017, joined Oracle.")
    assert ("Jane Roe", "FOUNDED", "Cloudyn") in triples(facts)


def test_a_given_name_the_model_took_for_a_place_begins_an_untagged_name(extract_text):
    # the model tags "Marta" a place and leaves "Ruiz" untagged
    facts = extract_text("Marta Ruiz now leads Oracle's cloud security unit.")
    assert ("Marta Ruiz", "WORKS_FOR", "Oracle") in triples(facts)


def test_a_sold_start_up_is_no_product_that_makes_its_seller_a_company(extract_text):
    facts = extract_text("Marta Ruiz sold her start-up Cloudyn to Oracle in 2017.")
    assert "Marta Ruiz" not in {e.name for e in facts.entities if e.type == "Organization"}


@pytest.mark.parametrize("text", [
    "Zentive, founded in 1998 as Webstar, is based in Austin.",
    "Zentive was founded as Webstar in 1998.",
    "The company, founded in 1998 as Webstar, changed its name to Zentive in 2004.",
    "Zentive was originally called Webstar.",
    "Zentive, formerly known as Webstar, is based in Austin.",
])
def test_the_name_a_company_was_founded_or_known_under_was_renamed(extract_text, text):
    assert ("Webstar", "RENAMED_TO", "Zentive") in triples(extract_text(text))


def test_what_a_company_changed_its_name_to_is_a_company(extract_text):
    facts = extract_text("Nexa Labs changed its name to Orbiq in 2021.")
    assert relation(facts, "Nexa Labs", "RENAMED_TO", "Orbiq").qualifiers.get("date") == "2021"


def test_a_persons_earlier_name_is_no_company(extract_text):
    facts = extract_text("Jane Roe was originally called Mary.")
    assert [e.name for e in facts.entities if e.type == "Organization"] == []
