"""Relation extraction on invented sentences: each pattern, and sentences that
must yield nothing. None of these people, companies or phrasings come from
the seed articles."""

from __future__ import annotations

import pytest

from tests.extract.conftest import called, names, no_relation, relation, triples

pytestmark = pytest.mark.model


def test_apposition_title_gives_job_with_role(extract_text):
    facts = extract_text("Maria Lopez, chief financial officer of Siemens, said orders rose.")
    fact = relation(facts, "Maria Lopez", "WORKS_FOR", "Siemens")
    assert "chief financial officer" in fact.qualifiers["role"]
    assert fact.qualifiers["current"] is True


def test_founder_in_a_list_of_titles_gives_founded_and_job(extract_text):
    facts = extract_text("Tom Becker, founder, chairman and CEO of Nvidia, spoke at the fair.")
    assert ("Tom Becker", "FOUNDED", "Nvidia") in triples(facts)
    assert relation(facts, "Tom Becker", "WORKS_FOR", "Nvidia").qualifiers["role"] == "chairman and CEO"


def test_title_before_the_name(extract_text):
    facts = extract_text("Ford CEO Jane Whitfield said the plant would reopen.")
    assert ("Jane Whitfield", "WORKS_FOR", "Ford") in triples(facts)


def test_left_and_joined_is_a_move_with_date(extract_text):
    facts = extract_text("Sarah Kim spent a decade at Ford. In 2019, she left Ford and joined Rivian.")
    fact = relation(facts, "Sarah Kim", "MOVED", "Rivian")
    assert names(facts)[fact.qualifiers["from"]] == "Ford"
    assert fact.qualifiers["date"] == "2019"


def test_move_derived_from_ordered_jobs(extract_text):
    facts = extract_text(
        "Daniel Ortiz worked as an engineer for Boeing for many years. "
        "In 2017, he joined Airbus as chief engineer."
    )
    fact = relation(facts, "Daniel Ortiz", "MOVED", "Airbus")
    assert names(facts)[fact.qualifiers["from"]] == "Boeing"
    assert relation(facts, "Daniel Ortiz", "WORKS_FOR", "Boeing").qualifiers["current"] is False


def test_hedged_move_is_not_a_fact(extract_text):
    facts = extract_text("Priya Natarajan leads design at Ford. Several engineers might follow Priya Natarajan to Rivian.")
    assert not any(p == "MOVED" or (p == "WORKS_FOR" and o == "Rivian") for _, p, o in triples(facts))


@pytest.mark.parametrize("text", [
    "Jane Roe hopes to join Siemens.",
    "Jane Roe hoped to join Siemens.",
    "Jane Roe plans to join Siemens next year.",
])
def test_hoping_or_planning_to_join_is_no_job(extract_text, text):
    no_relation(extract_text(text), "WORKS_FOR")


def test_acquisition_between_companies(extract_text):
    facts = extract_text("Microsoft acquired GitHub in 2018 for $7.5 billion.")
    fact = relation(facts, "Microsoft", "ACQUIRED", "GitHub")
    assert fact.qualifiers["date"] == "2018"


def test_buying_a_thing_is_not_an_acquisition(extract_text):
    facts = extract_text("Siemens spent a lot of money to acquire a store in the center of Munich.")
    assert not any(p == "ACQUIRED" for _, p, _ in triples(facts))


def test_passive_founding_by_a_person(extract_text):
    facts = extract_text("Zentrix Robotics was founded by Elena Petrova in 2015.")
    assert ("Elena Petrova", "FOUNDED", "Zentrix Robotics") in triples(facts)


def test_partners_named_together(extract_text):
    facts = extract_text("Toyota and Panasonic cooperated on a new battery plant.")
    assert {("Panasonic", "PARTNERED_WITH", "Toyota"), ("Toyota", "PARTNERED_WITH", "Panasonic")} & triples(facts)


def test_joint_venture_parents_founded_it(extract_text):
    facts = extract_text("Ultium Cells LLC was formed in 2019 as a joint venture between General Motors and LG Energy Solution.")
    relation(facts, "General Motors", "FOUNDED", "Ultium Cells LLC")
    relation(facts, "LG Energy Solution", "FOUNDED", "Ultium Cells LLC")


def test_rename(extract_text):
    facts = extract_text("In 2021, Square was renamed Block.")
    assert relation(facts, "Square", "RENAMED_TO", "Block").qualifiers["date"] == "2021"


def test_graduated_from(extract_text):
    facts = extract_text("Kofi Mensah graduated from Stanford University and later joined Google.")
    assert ("Kofi Mensah", "EDUCATED_AT", "Stanford University") in triples(facts)


def test_criticism_of_a_rival(extract_text):
    facts = extract_text("Marco Bellini, the spokesman of Fiat, criticized Renault for its pricing.", date="2022-03-04")
    fact = relation(facts, "Marco Bellini", "CRITICIZED", "Renault")
    assert fact.qualifiers["date"] == "2022-03-04"


def test_subsidiary_apposition(extract_text):
    facts = extract_text("Waymo, a subsidiary of Alphabet, expanded its robotaxi service.")
    assert ("Waymo", "PART_OF", "Alphabet") in triples(facts)


def test_brand_and_model_code_is_made_by_the_brand(extract_text):
    facts = extract_text("Deliveries of the Nio ET7 began in March.")
    assert ("Nio", "MAKES", "Nio ET7") in triples(facts)


def test_developed_under_the_leadership_of(extract_text):
    facts = extract_text("The Nio ET7 was developed under the leadership of Chen Wei.")
    assert ("Chen Wei", "DEVELOPED", "Nio ET7") in triples(facts)


def test_companies_in_competition(extract_text):
    facts = extract_text("The prices of Nio and Xpeng are in fierce competition.")
    assert {("Nio", "COMPETES_WITH", "Xpeng"), ("Xpeng", "COMPETES_WITH", "Nio")} & triples(facts)


def test_evidence_is_the_supporting_sentence(extract_text):
    text = "Orders were flat. Maria Lopez, chief financial officer of Siemens, said orders rose."
    facts = extract_text(text)
    fact = relation(facts, "Maria Lopez", "WORKS_FOR", "Siemens")
    evidence = fact.evidence[0]
    assert text[evidence.start:evidence.end] == evidence.sentence
    assert evidence.sentence.startswith("Maria Lopez")


def test_product_described_as_made_by_a_company(extract_text):
    facts = extract_text("Skyline Racer is an arcade game developed and published by Namco, Inc. in 1994.")
    relation(facts, "Namco, Inc.", "MAKES", "Skyline Racer")


def test_degree_from_a_university(extract_text):
    facts = extract_text("Amara Osei obtained a PhD in physics from Yale University in 2009.")
    relation(facts, "Amara Osei", "EDUCATED_AT", "Yale University")


def test_named_members_of_a_group(extract_text):
    facts = extract_text("In 2020, Rivian hired several engineers from Tesla, including Mark Oduya and Lena Fischer.")
    for person in ("Mark Oduya", "Lena Fischer"):
        moved = relation(facts, person, "MOVED", "Rivian")
        assert names(facts)[moved.qualifiers["from"]] == "Tesla"


def test_stake_is_an_investment(extract_text):
    facts = extract_text("Toyota holds 20 percent of Subaru, while Mazda holds a small stake in Isuzu.")
    relation(facts, "Toyota", "INVESTED_IN", "Subaru")


def test_hyphenated_participles_name_the_agent(extract_text):
    facts = extract_text("Microsoft-backed OpenAI hired 200 people. Volkswagen-owned Audi will build the plant.")
    relation(facts, "Microsoft", "INVESTED_IN", "OpenAI")
    relation(facts, "Audi", "PART_OF", "Volkswagen")
    assert ("OpenAI", "INVESTED_IN", "Microsoft") not in triples(facts)


def test_formerly_known_as_is_a_rename(extract_text):
    facts = extract_text("Alphabet Energy, formerly known as Sunstone Power, reported earnings.")
    relation(facts, "Sunstone Power", "RENAMED_TO", "Alphabet Energy")


def test_named_ceo_after_a_former_job_is_a_move(extract_text):
    facts = extract_text("Former Google executive John Smith has been named CEO of Snap.", date="2023-02-01")
    moved = relation(facts, "John Smith", "MOVED", "Snap")
    assert names(facts)[moved.qualifiers["from"]] == "Google"


def test_a_product_that_carries_a_component(extract_text):
    facts = extract_text("The Nio ET7 went on sale in March. It carries the Nvidia Orin chip and a large screen.")
    uses = [r for r in facts.relations if r.predicate == "USES"]
    assert any(names(facts)[r.subject] == "Nio ET7" and "Orin" in names(facts)[r.object] for r in uses), triples(facts)


@pytest.mark.parametrize(
    "text",
    [
        "Sarah Lin left Boeing for Airbus in 2019.",
        "Airbus hired Sarah Lin away from Boeing in 2019.",
        "After several years at Boeing, Sarah Lin joined Airbus in 2019.",
        "Sarah Lin, formerly of Boeing, has joined Airbus as chief engineer.",
    ],
)
def test_ways_of_saying_a_move(extract_text, text):
    facts = extract_text(text, date="2019-06-01")
    moved = relation(facts, "Sarah Lin", "MOVED", "Airbus")
    assert names(facts)[moved.qualifiers["from"]] == "Boeing"


def test_named_with_a_bare_title(extract_text):
    facts = extract_text("Acme Motors named Jane Roe chief executive in 2020.")
    fact = relation(facts, "Jane Roe", "WORKS_FOR", "Acme Motors")
    assert fact.qualifiers["role"] == "chief executive"


def test_money_raised_from_an_investor(extract_text):
    facts = extract_text("Zentrix raised $40 million from Sequoia Capital in 2021.")
    relation(facts, "Sequoia Capital", "INVESTED_IN", "Zentrix")


def test_powered_by_a_component(extract_text):
    facts = extract_text("The Nio ET7 sedan is powered by the Nvidia Orin chip.")
    uses = [r for r in facts.relations if r.predicate == "USES"]
    assert [names(facts)[r.subject] for r in uses] == ["Nio ET7"]


def test_a_product_of_an_unknown_brand_runs_on_a_component(extract_text):
    facts = extract_text("The Varkell T4 hatchback runs on the Ostrin VX20 processor.")
    relation(facts, "Varkell T4", "USES", "Ostrin VX20")


@pytest.mark.parametrize("text", [
    "The Snapdragon 8295 chip was first included in the Acme V7 sedan.",
    "The Snapdragon 8295 chip is used in the Acme V7 sedan.",
    "The Snapdragon 8295 is deployed on the Acme V7 sedan.",
    "The Snapdragon 8295 chip is used by Acme in the Acme V7 sedan.",
])
def test_a_component_said_to_be_used_in_a_product_is_used_by_it(extract_text, text):
    assert ("Acme V7", "USES", "Snapdragon 8295") in triples(extract_text(text))


def test_used_in_said_actively_is_no_use_by_where_it_is_used(extract_text):
    # active: the V7 uses the chip; "in its Nova cockpit" does not use the V7
    found = triples(extract_text("The Acme V7 uses the Snapdragon 8295 in its Nova cockpit."))
    assert not {t for t in found if t[1] == "USES" and t[2] == "Acme V7"}


def test_a_company_that_builds_a_product_makes_it_and_does_not_use_it(extract_text):
    facts = extract_text("Kelvari Motors builds the Kelvari R8 coupe at its main plant.")
    relation(facts, "Kelvari Motors", "MAKES", "Kelvari R8")
    no_relation(facts, "USES")


@pytest.mark.parametrize("said", ["is built on the Ostrin VX20 platform", "is equipped with the Ostrin VX20 chip"])
def test_a_product_built_on_or_equipped_with_a_component_uses_it(extract_text, said):
    facts = extract_text(f"The Varkell T4 hatchback {said}.")
    relation(facts, "Varkell T4", "USES", "Ostrin VX20")


def test_alliance_of_two_named_companies(extract_text):
    facts = extract_text("Toyota and Panasonic formed an alliance to build batteries.")
    assert {("Panasonic", "PARTNERED_WITH", "Toyota"), ("Toyota", "PARTNERED_WITH", "Panasonic")} & triples(facts)


def test_co_founders_and_shared_objects(extract_text):
    facts = extract_text("Tom Wu and Ana Diaz co-founded Zentrix Robotics in 2015. Lena Park co-founded and ran Dropbox.")
    for person, company in (("Tom Wu", "Zentrix Robotics"), ("Ana Diaz", "Zentrix Robotics"), ("Lena Park", "Dropbox")):
        relation(facts, person, "FOUNDED", company)


def test_rebranded_as(extract_text):
    facts = extract_text("Square rebranded as Block in 2021.")
    relation(facts, "Square", "RENAMED_TO", "Block")


def test_investment_of_an_amount_in_a_company(extract_text):
    # The parser hangs "in Zentrix Labs" on the amount, not on "investment".
    facts = extract_text("In May 2022, Siemens announced an investment of up to $3 billion in Zentrix Labs.")
    fact = relation(facts, "Siemens", "INVESTED_IN", "Zentrix Labs")
    assert fact.qualifiers["date"] == "2022-05"
    assert ("Zentrix Labs", "INVESTED_IN", "Siemens") not in triples(facts)


def test_funding_received_including_an_investment_from_an_investor(extract_text):
    facts = extract_text(
        "Zentrix Labs said it had received $90 million in funding, including a $40 million investment from Siemens."
    )
    assert ("Siemens", "INVESTED_IN", "Zentrix Labs") in triples(facts)
    assert ("Zentrix Labs", "INVESTED_IN", "Siemens") not in triples(facts)


@pytest.mark.parametrize(
    "text",
    [
        "Laura Chen stepped down as chief executive of Siemens in March 2021.",
        "Laura Chen left her position as chief executive at Siemens in March 2021.",
        "In March 2021, Laura Chen resigned from her post as chief executive of Siemens.",
    ],
)
def test_leaving_a_title_ends_the_job(extract_text, text):
    fact = relation(extract_text(text), "Laura Chen", "WORKS_FOR", "Siemens")
    assert fact.qualifiers["current"] is False
    assert fact.qualifiers["role"] == "chief executive"
    assert fact.qualifiers["end"] == "2021-03"
    assert "start" not in fact.qualifiers


@pytest.mark.parametrize(
    ("text", "current"),
    [
        ("Omar Haddad will step down as chief executive of Siemens next year.", True),  # not yet
        ("Omar Haddad resigned from Siemens after eight years.", False),
        ("Omar Haddad, formerly chief technology officer of Siemens, now runs Zentrix Labs.", False),
    ],
)
def test_whether_a_job_is_current(extract_text, text, current):
    assert relation(extract_text(text), "Omar Haddad", "WORKS_FOR", "Siemens").qualifiers["current"] is current


def test_promoted_to_a_title_starts_a_job(extract_text):
    facts = extract_text("Omar Haddad was promoted to president of Siemens in 2019.")
    fact = relation(facts, "Omar Haddad", "WORKS_FOR", "Siemens")
    assert fact.qualifiers["role"] == "president"
    assert fact.qualifiers["start"] == "2019"
    assert fact.qualifiers["current"] is True


def test_a_relative_clause_does_not_take_the_main_clauses_date(extract_text):
    facts = extract_text("Omar Haddad, who previously led engineering at Siemens, joined Zentrix Labs in May 2022.")
    earlier = relation(facts, "Omar Haddad", "WORKS_FOR", "Siemens")
    assert earlier.qualifiers["current"] is False
    assert "start" not in earlier.qualifiers  # May 2022 is when he joined Zentrix Labs
    move = relation(facts, "Omar Haddad", "MOVED", "Zentrix Labs")
    assert names(facts)[move.qualifiers["from"]] == "Siemens"
    assert move.qualifiers["date"] == "2022-05"


def test_a_left_job_stays_left_when_a_title_in_the_sentence_reads_as_present():
    import spacy

    from extract.components.relations import Found, _dedupe

    doc = spacy.blank("en")("Roe left Acme, where she was chief executive.")
    sentence = doc[:]
    title = Found("WORKS_FOR", "p", "o", sentence, {"role": "chief executive", "current": True}, 0.8, "title")
    left = Found("WORKS_FOR", "p", "o", sentence, {"current": False}, 0.7, "leave")
    for order in ([title, left], [left, title]):
        (kept,) = _dedupe([Found(**vars(f)) for f in order])
        assert kept.qualifiers == {"role": "chief executive", "current": False}
        assert kept.event == "leave"


def test_hiring_someone_described_by_a_title_elsewhere_is_a_move(extract_text):
    facts = extract_text("Zentrix Labs has lured away Omar Haddad, the head of design at Siemens.")
    move = relation(facts, "Omar Haddad", "MOVED", "Zentrix Labs")
    assert names(facts)[move.qualifiers["from"]] == "Siemens"
    assert relation(facts, "Omar Haddad", "WORKS_FOR", "Siemens").qualifiers["current"] is False


def test_a_joint_venture_called_by_its_name(extract_text):
    facts = extract_text("In 2019, Siemens and Bosch set up a joint venture called Zentrix Mobility.")
    for parent in ("Siemens", "Bosch"):
        assert relation(facts, parent, "FOUNDED", "Zentrix Mobility").qualifiers["date"] == "2019"


def test_a_name_given_by_a_verb_that_does_not_name_is_not_taken(extract_text):
    facts = extract_text("Siemens and Bosch set up a joint venture that supplies Zentrix Mobility.")
    assert not any(p == "FOUNDED" and o == "Zentrix Mobility" for _, p, o in triples(facts))


def test_a_title_and_name_parsed_as_two_subjects(extract_text):
    # The small parser reads "The company's CEO, Laura Chen," as two subjects of "worked".
    facts = extract_text("Zentrix Labs makes warehouse robots. The company's CEO, Laura Chen, previously worked at Siemens.")
    assert relation(facts, "Laura Chen", "WORKS_FOR", "Zentrix Labs").qualifiers["role"] == "CEO"
    assert relation(facts, "Laura Chen", "WORKS_FOR", "Siemens").qualifiers["current"] is False


def test_working_somewhere_without_a_past_marker_keeps_current_open(extract_text):
    facts = extract_text("Laura Chen works at Siemens.")
    assert relation(facts, "Laura Chen", "WORKS_FOR", "Siemens").qualifiers.get("current", True) is True


@pytest.mark.parametrize(
    ("text", "org", "role", "current"),
    [
        ("Omar Haddad, Siemens' former head of design, spoke first.", "Siemens", "head of design", False),
        ("Ex-Siemens engineer Omar Haddad now runs Zentrix Labs.", "Siemens", "engineer", False),
        ("Siemens named Omar Haddad as its new chief financial officer.", "Siemens", "chief financial officer", None),
        # the parser coordinates inside the title; the title word after "and" ends it
        ("Omar Haddad was poached by Siemens as its chief advanced technology and embedded systems officer.",
         "Siemens", "chief advanced technology and embedded systems officer", None),
        # no trailing preposition before the company
        ("Omar Haddad, who serves as vice president of engineering at Siemens, declined to comment.",
         "Siemens", "vice president of engineering", None),
    ],
)
def test_a_role_is_the_title_without_former_new_or_the_company(extract_text, text, org, role, current):
    fact = relation(extract_text(text), "Omar Haddad", "WORKS_FOR", org)
    assert fact.qualifiers["role"] == role
    if current is not None:
        assert fact.qualifiers["current"] is current


def test_snapped_up_is_an_acquisition(extract_text):
    facts = extract_text("Bosch snapped up Zentrix Labs for $1.2 billion in 2019.")
    fact = relation(facts, "Bosch", "ACQUIRED", "Zentrix Labs")
    assert fact.qualifiers == {"date": "2019", "amount": "$1.2 billion"}


def test_appointed_to_a_title_after_years_elsewhere_is_a_move(extract_text):
    facts = extract_text("Laura Chen has been appointed chief technology officer of Siemens, after nine years at Bosch.")
    move = relation(facts, "Laura Chen", "MOVED", "Siemens")
    assert names(facts)[move.qualifiers["from"]] == "Bosch"
    assert move.qualifiers["role"] == "chief technology officer"
    assert relation(facts, "Laura Chen", "WORKS_FOR", "Bosch").qualifiers["current"] is False


def test_taking_the_helm_is_joining(extract_text):
    facts = extract_text("Laura Chen took the helm at Siemens in July 2021.")
    assert relation(facts, "Laura Chen", "WORKS_FOR", "Siemens").qualifiers["start"] == "2021-07"


def test_a_date_in_a_relative_clause_stays_there(extract_text):
    facts = extract_text("Laura Chen, who left Bosch last year, now heads Siemens.", date="2020-05-04")
    assert relation(facts, "Laura Chen", "WORKS_FOR", "Bosch").qualifiers["end"] == "2019"
    assert relation(facts, "Laura Chen", "WORKS_FOR", "Siemens").qualifiers.get("start") != "2019"


@pytest.mark.parametrize(
    "text",
    ["Omar Haddad has worked at Siemens as an engineer.", "Omar Haddad, who serves as an engineer at Siemens, declined to comment."],
)
def test_working_somewhere_is_not_a_job_started_today(extract_text, text):
    # Only joining, leaving and deals are the day's news.
    assert "start" not in relation(extract_text(text, date="2024-03-01"), "Omar Haddad", "WORKS_FOR", "Siemens").qualifiers


def test_a_name_listed_after_an_apposition_is_an_object_too(extract_text):
    # The small parser hangs "and Altavia Energy Co. Ltd." on "make", past the apposition.
    facts = extract_text("Norvolt Systems announced in November it would make trucks in a partnership with Bosch, "
                         "a leading supplier of sensors, and Altavia Energy Co. Ltd., a maker of batteries.")
    partners = {o for s, p, o in triples(facts) if s == "Norvolt Systems" and p == "PARTNERED_WITH"}
    partners |= {s for s, p, o in triples(facts) if o == "Norvolt Systems" and p == "PARTNERED_WITH"}
    assert partners == {"Bosch", "Altavia Energy Co. Ltd."}


def test_a_subject_after_an_apposition_is_not_listed_with_it(extract_text):
    facts = extract_text("Acme Motors signed a partnership with Globex Systems, a maker of batteries, "
                         "and Initech Robotics said it would join later.")
    assert relation(facts, "Acme Motors", "PARTNERED_WITH", "Globex Systems")
    assert not any("Initech Robotics" in (s, o) for s, p, o in triples(facts) if p == "PARTNERED_WITH")


def test_a_version_of_a_product_stands_for_the_product(extract_text):
    facts = extract_text("Zentrix Motors unveiled the second generation of the Varkell T4 hatchback in 2019.")
    assert relation(facts, "Zentrix Motors", "MAKES", "Varkell T4")


def test_training_a_model_makes_it(extract_text):
    facts = extract_text("Last year Norvolt Labs trained Orvana 2, a large language model.")
    assert relation(facts, "Norvolt Labs", "MAKES", "Orvana 2")


def test_a_person_s_start_up_is_one_they_founded_undated_by_its_sale(extract_text):
    facts = extract_text("Laura Chen sold her start-up Zentrix Robotics to Siemens in 2019.")
    assert "date" not in relation(facts, "Laura Chen", "FOUNDED", "Zentrix Robotics").qualifiers


def test_a_client_start_up_is_not_one_they_founded(extract_text):
    facts = extract_text("Laura Chen met executives of her client start-up Zentrix Robotics on Monday.")
    no_relation(facts, "FOUNDED")


def test_a_joint_venture_with_a_company_makes_them_partners(extract_text):
    facts = extract_text("Siemens remains invested in its joint ventures with Bosch and Continental.")
    partners = {frozenset((s, o)) for s, p, o in triples(facts) if p == "PARTNERED_WITH"}
    assert partners == {frozenset(("Siemens", "Bosch")), frozenset(("Siemens", "Continental"))}


def test_what_a_company_is_now_called_is_the_object(extract_text):
    facts = extract_text("Laura Chen was hired to run what is now Siemens in 2006.")
    assert relation(facts, "Laura Chen", "WORKS_FOR", "Siemens").qualifiers["start"] == "2006"


@pytest.mark.parametrize("former", ["Bosch and Siemens", "Tesla and Siemens"])
def test_the_former_employers_exec_is_the_person_just_named(extract_text, former):
    # The small parser hangs "the" on the first name, as its head or a modifier of "exec".
    first = former.split()[0]
    facts = extract_text(f"Back in May 2015, Laura Chen returned to Siemens after a stint at {first}. Two years later, "
                         f"the former {former} exec was poached by Continental as its chief technology officer.")
    moved = relation(facts, "Laura Chen", "MOVED", "Continental")
    assert (moved.qualifiers["date"], moved.qualifiers["role"]) == ("2017", "chief technology officer")


def test_a_headline_in_the_present_is_the_day_s_news(extract_text):
    # Headlines drop the tense marks: here the tagger reads "merge" as a base form (VB).
    facts = extract_text("Nokia Networks, Groupe Alcatel merge to become Zentrix Motors\n\nThe deal closed on Friday.",
                         date="2021-01-16")
    assert relation(facts, "Groupe Alcatel", "FOUNDED", "Zentrix Motors").qualifiers["date"] == "2021-01-16"


def test_a_past_merger_is_not_the_day_s_news(extract_text):
    facts = extract_text("Nokia Networks and Groupe Alcatel merged to become Zentrix Motors in 2015.", date="2021-01-16")
    assert relation(facts, "Groupe Alcatel", "FOUNDED", "Zentrix Motors").qualifiers["date"] == "2015"


def test_the_company_is_not_a_university_or_a_name_that_describes_people(extract_text):
    facts = extract_text(
        "Zentrix Labs was started by two former Siemens engineers in 2015. "
        "Laura Chen, a Stanford University graduate, co-founded the company."
    )
    founded = {o for s, p, o in triples(facts) if s == "Laura Chen" and p == "FOUNDED"}
    assert founded == {"Zentrix Labs"}


STARTUP_STORY = (
    "Norvolt Systems is a battery start-up set up by a group of engineers. "
    "Based in Oslo, it was founded by Ada Kron. "
    "Kron joined Siemens after her PhD and worked on its power team until 2015. "
    "After a year at Orsted, she was lured to the Bosch battery unit in Stuttgart. "
    "Her former professor Ole Brun now serves as chief advisor to the start-up. "
    "And its CEO, Marten Olsby, was the chief architect of Bosch before leaving to found the business with Kron. "
    "According to COO Rita Moe, the firm plans to open a plant."
)


def test_the_company_means_the_one_the_text_is_about_not_the_last_one_named(extract_text):
    facts = extract_text(STARTUP_STORY, date="2018-05-01")
    found = triples(facts)
    # "its CEO" continues "the start-up", which continues "it": Norvolt, not Bosch
    assert relation(facts, "Marten Olsby", "WORKS_FOR", "Norvolt Systems").qualifiers["role"] == "CEO"
    assert ("Marten Olsby", "FOUNDED", "Norvolt Systems") in found
    bosch = next(e.id for e in facts.entities if called(facts, e.id, "Bosch"))
    assert relation(facts, "Marten Olsby", "MOVED", "Norvolt Systems").qualifiers["from"] == bosch
    assert ("Marten Olsby", "FOUNDED", "Bosch") not in found
    assert relation(facts, "Marten Olsby", "WORKS_FOR", "Bosch").qualifiers.get("role") != "CEO"
    # "to the start-up" is a title's organisation too
    assert relation(facts, "Ole Brun", "WORKS_FOR", "Norvolt Systems").qualifiers["role"] == "chief advisor"
    # named once, but the text refers to it throughout: what it is about, for a bare title
    assert relation(facts, "Rita Moe", "WORKS_FOR", "Norvolt Systems").qualifiers["role"] == "COO"


@pytest.mark.parametrize(
    "text, meant",
    [
        # the subject of the sentence before, not the company it bought
        ("Arkon Robotics bought Velmar Industries in 2019. Maria Lopez joined the company in 2021.", "Arkon Robotics"),
        # no company was a subject: the nearest one
        ("Maria Lopez spent a decade at Velmar Industries. In 2021 she joined the company as its CFO.", "Velmar Industries"),
    ],
)
def test_the_company_prefers_a_subject_else_the_nearest(extract_text, text, meant):
    facts = extract_text(text)
    joined = {o for s, p, o in triples(facts) if s == "Maria Lopez" and p in ("WORKS_FOR", "MOVED")}
    assert meant in joined


def test_an_apposition_after_a_list_is_said_of_the_name_before_its_comma(extract_text):
    facts = extract_text(
        "Maria Greene wrote that she, Siemens CEO Sundar Rao and Urs Holt, Siemens’s senior vice president "
        "for technical infrastructure, all interviewed Tom Kurian."
    )
    role = "senior vice president for technical infrastructure"
    assert relation(facts, "Urs Holt", "WORKS_FOR", "Siemens").qualifiers["role"] == role
    assert ("Maria Greene", "WORKS_FOR", "Siemens") not in triples(facts)


def test_a_perfect_participle_is_said_of_the_last_person_when_its_clause_has_no_one(extract_text):
    facts = extract_text(
        "It has been a rocky tenure for Maria Greene, who brought serious enterprise chops to Siemens, "
        "having previously co-founded and run Bosch."
    )
    assert ("Maria Greene", "FOUNDED", "Bosch") in triples(facts)
    assert relation(facts, "Maria Greene", "WORKS_FOR", "Bosch").qualifiers["current"] is False
    # founded before the story: no move to it from the job the sentence names
    assert ("Maria Greene", "MOVED", "Bosch") not in triples(facts)


def test_then_founding_after_a_job_is_still_a_move(extract_text):
    facts = extract_text("Maria Greene worked at Siemens for a decade. She then founded Bosch in 2019.")
    assert relation(facts, "Maria Greene", "MOVED", "Bosch").qualifiers["date"] == "2019"


def test_a_coordinated_clause_keeps_its_date_to_itself(extract_text):
    facts = extract_text("Maria Greene previously worked at Bosch and joined Siemens in 2015.")
    before = relation(facts, "Maria Greene", "WORKS_FOR", "Bosch").qualifiers
    assert "start" not in before and before["current"] is False
    # a shared object shares the date
    facts = extract_text("Maria Greene founded and ran Bosch in 2015.")
    assert relation(facts, "Maria Greene", "FOUNDED", "Bosch").qualifiers["date"] == "2015"


def test_what_was_done_before_takes_no_date_of_the_clause_it_hangs_on(extract_text):
    facts = extract_text("Maria Greene joined Siemens in 2015, having previously co-founded and run Bosch.")
    assert "date" not in relation(facts, "Maria Greene", "FOUNDED", "Bosch").qualifiers
    ran = relation(facts, "Maria Greene", "WORKS_FOR", "Bosch").qualifiers
    assert ran["current"] is False and "start" not in ran
    assert relation(facts, "Maria Greene", "WORKS_FOR", "Siemens").qualifiers["start"] == "2015"


@pytest.mark.parametrize("text, date", [
    ("Norvolt Systems was founded by Ada Kron. Started in December 2016, the company is developing battery cells.",
     "2016-12"),
    ("Norvolt Systems, founded in 2016, makes batteries. Ada Kron co-founded Norvolt Systems.", "2016"),
    ("Founded in 2012, Norvolt Systems makes batteries. It was started by Ada Kron.", "2012"),
])
def test_a_founding_dated_apart_from_its_founders_dates_their_founding(extract_text, text, date):
    facts = extract_text(text, date="2018-05-01")
    assert relation(facts, "Ada Kron", "FOUNDED", "Norvolt Systems").qualifiers["date"] == date


def test_a_founding_date_is_not_taken_from_another_companys_founding(extract_text):
    facts = extract_text("Founded in 2012, Siemens Energy makes turbines. Ada Kron founded Norvolt Systems.",
                         date="2018-05-01")
    assert "date" not in relation(facts, "Ada Kron", "FOUNDED", "Norvolt Systems").qualifiers


def test_its_skips_a_name_in_a_relative_clause_of_its_own_sentence(extract_text):
    facts = extract_text(
        "Zentrix Labs makes warehouse robots. "
        "Omar Haddad, who holds a PhD from Tsinghua University, is its chief scientist."
    )
    assert ("Omar Haddad", "WORKS_FOR", "Tsinghua University") not in triples(facts)
    assert relation(facts, "Omar Haddad", "WORKS_FOR", "Zentrix Labs").qualifiers["role"] == "chief scientist"


def test_every_name_of_an_apposition_takes_part(extract_text):
    facts = extract_text("Zentrix Labs was started by two former Siemens engineers, Laura Chen and Omar Haddad, in 2015.")
    for founder in ("Laura Chen", "Omar Haddad"):
        assert relation(facts, founder, "FOUNDED", "Zentrix Labs").qualifiers["date"] == "2015"


def test_a_role_left_without_a_company_is_at_the_company_the_sentence_names(extract_text):
    facts = extract_text(
        "Siemens co-founder Omar Haddad has left his position as executive vice president. "
        "Haddad left the company on Wednesday, but will stay on as an adviser.",
        date="2019-08-16",
    )
    fact = relation(facts, "Omar Haddad", "WORKS_FOR", "Siemens")
    assert fact.qualifiers["current"] is False
    assert fact.qualifiers["role"] == "executive vice president"
    assert fact.qualifiers["end"].startswith("2019-08")


@pytest.mark.parametrize(
    ("text", "current", "date"),
    [
        ("Omar Haddad will hold onto his title of chairman at Siemens.", True, None),
        ("Omar Haddad took up the post of chief executive at Siemens in 2020.", True, ("start", "2020")),
        ("Omar Haddad gave up his post of chief executive at Siemens in 2020.", False, ("end", "2020")),
    ],
)
def test_the_title_of_a_role_noun(extract_text, text, current, date):
    fact = relation(extract_text(text), "Omar Haddad", "WORKS_FOR", "Siemens")
    assert fact.qualifiers["current"] is current
    if date:
        assert fact.qualifiers[date[0]] == date[1]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Omar Haddad was CEO of Siemens from March 2011 until June 2020.", "2011-03", "2020-06"),
        ("Omar Haddad, who was chief executive of Siemens from 2011 to 2020, spoke.", "2011", "2020"),
    ],
)
def test_a_title_held_from_one_year_to_another(extract_text, text, start, end):
    fact = relation(extract_text(text), "Omar Haddad", "WORKS_FOR", "Siemens")
    assert (fact.qualifiers["start"], fact.qualifiers["end"], fact.qualifiers["current"]) == (start, end, False)


def test_a_title_of_two_companies_is_a_job_at_each(extract_text):
    facts = extract_text("Omar Haddad, a former Bosch and Kelvin Motors executive, joined Siemens in 2021.")
    for org in ("Bosch", "Kelvin Motors"):
        fact = relation(facts, "Omar Haddad", "WORKS_FOR", org)
        assert (fact.qualifiers["role"], fact.qualifiers["current"]) == ("executive", False)


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("Siemens said on Tuesday it would acquire Zentrix Labs for $5 billion.", True),  # the announced deal
        ("Siemens said it would not acquire Zentrix Labs.", False),
        ("Siemens said it might acquire Zentrix Labs.", False),
        ("Analysts think Siemens would acquire Zentrix Labs.", False),
    ],
)
def test_a_deal_announced_in_reported_speech(extract_text, text, stated):
    assert (("Siemens", "ACQUIRED", "Zentrix Labs") in triples(extract_text(text))) is stated


def test_a_move_between_two_unknown_companies_named_by_their_suffixes(extract_text):
    facts = extract_text("Carl Berg moved from Tovalis Labs to Zemrix Labs in 2016.")
    moved = relation(facts, "Carl Berg", "MOVED", "Zemrix Labs")
    assert names(facts)[moved.qualifiers["from"]] == "Tovalis Labs"


@pytest.mark.parametrize(
    "text",
    [
        "Tom Vance was chief architect at Corvane Systems.",
        "Tom Vance is the chief technology officer at Corvane Systems.",
        "Tom Vance was head of design at Corvane Systems.",
        "Tom Vance is the head of design of Corvane Systems.",
    ],
)
def test_a_title_said_with_a_copula_is_a_job_wherever_the_parser_hangs_the_company(extract_text, text):
    facts = extract_text(text)
    relation(facts, "Tom Vance", "WORKS_FOR", "Corvane Systems")


def test_being_somewhere_is_not_a_job(extract_text):
    facts = extract_text("Tom Vance was happy at Corvane Systems.")
    no_relation(facts, "WORKS_FOR")


def test_leaving_to_found_a_company_is_a_founding_of_the_new_one(extract_text):
    facts = extract_text("Tom Vance was chief architect at Corvane Systems before leaving to found Helmira Labs.")
    relation(facts, "Tom Vance", "FOUNDED", "Helmira Labs")
    relation(facts, "Tom Vance", "WORKS_FOR", "Corvane Systems")


def test_the_business_founded_after_leaving_is_not_the_company_left(extract_text):
    facts = extract_text("Tom Vance was Corvane Systems' chief architect before leaving to found the business.")
    assert ("Tom Vance", "FOUNDED", "Corvane Systems") not in triples(facts)


@pytest.mark.parametrize(
    "text",
    [
        "Kelvin Motors and its rival Zentrix Labs are both cutting prices.",
        "Kelvin Motors's rival Zentrix Labs cut prices.",
        "Kelvin Motors cut prices, and so did its rival Zentrix Labs.",
    ],
)
def test_a_rival_named_with_its_possessor_competes_with_it(extract_text, text):
    facts = extract_text(text)
    assert {("Kelvin Motors", "COMPETES_WITH", "Zentrix Labs"), ("Zentrix Labs", "COMPETES_WITH", "Kelvin Motors")} & triples(facts)


def test_a_rival_without_a_name_competes_with_nothing(extract_text):
    facts = extract_text("Zentrix Labs said its rival would cut prices.")
    no_relation(facts, "COMPETES_WITH")


def test_the_maker_of_a_component_a_product_uses(extract_text):
    facts = extract_text("The Varkell T4 hatchback uses the Ostrin VX20 processor from Ithera Microelectronics.")
    relation(facts, "Varkell T4", "USES", "Ostrin VX20")
    relation(facts, "Ithera Microelectronics", "MAKES", "Ostrin VX20")


def test_buying_a_component_from_a_company_does_not_say_who_makes_it(extract_text):
    facts = extract_text("Kelvin Motors bought the Ostrin VX20 processor from Ithera Microelectronics.")
    assert ("Ithera Microelectronics", "MAKES", "Ostrin VX20") not in triples(facts)


@pytest.mark.parametrize("person", ["Amara Velde", "Lars Kumar"])
def test_who_moves_from_one_company_to_another_is_a_person(extract_text, person):
    # the model alone types these names as a company or a product
    facts = extract_text(f"{person} moved from Tessaro Auto to Quilby Power in 2018.")
    moved = relation(facts, person, "MOVED", "Quilby Power")
    assert names(facts)[moved.qualifiers["from"]] == "Tessaro Auto"


def test_a_company_moving_its_offices_is_not_a_person(extract_text):
    facts = extract_text("Blue Horizon moved its headquarters from Shanghai to Beijing.")
    assert not facts.relations, triples(facts)


@pytest.mark.parametrize("text, person, left, joined", [
    ("Zofia Lind left Xanvemix Auto for Yorvaven Robotics in October 2023.", "Zofia Lind", "Xanvemix Auto", "Yorvaven Robotics"),
    # what a person leaves is an organisation, whatever the model calls it (here a building)
    ("Lena Brandt left Tovarix Silicon for Meadowbrook Industries in 2020.", "Lena Brandt", "Tovarix Silicon", "Meadowbrook Industries"),
])
def test_left_one_company_for_another_wherever_the_parser_hangs_for(extract_text, text, person, left, joined):
    facts = extract_text(text)
    moved = relation(facts, person, "MOVED", joined)
    assert names(facts)[moved.qualifiers["from"]] == left


def test_competes_with_when_the_tagger_takes_the_verb_for_a_noun(extract_text):
    # the small model tags "competes" here as a noun with "Paxel Auto" as its compound
    facts = extract_text("Paxel Auto competes with Nyard Auto in the charging market.")
    assert {("Paxel Auto", "COMPETES_WITH", "Nyard Auto"), ("Nyard Auto", "COMPETES_WITH", "Paxel Auto")} & triples(facts)


def test_a_past_title_then_a_join_is_a_move(extract_text):
    facts = extract_text(
        "Mark Hollis was previously president of Siemens. Analysts said on Monday that Hollis is joining Bosch."
    )
    fact = relation(facts, "Mark Hollis", "MOVED", "Bosch")
    assert names(facts)[fact.qualifiers["from"]] == "Siemens"


def test_a_present_title_then_a_join_is_not_a_move(extract_text):
    # The same sentences with the title in the present: no career step, so no move.
    facts = extract_text("Mark Hollis is president of Siemens. Analysts said on Monday that Hollis is joining Bosch.")
    assert ("Mark Hollis", "WORKS_FOR", "Bosch") in triples(facts)
    no_relation(facts, "MOVED")


@pytest.mark.parametrize(
    "sentence",
    [
        "Investors also backed Airbus's aerospace company Skyreach, which builds satellites.",
        "Globex, a partner of Airbus's satellite company Skyreach, is switching suppliers.",
    ],
)
def test_a_company_of_a_possessor_is_part_of_it(extract_text, sentence):
    assert ("Skyreach", "PART_OF", "Airbus") in triples(extract_text(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Investors also backed Airbus's sister company Skyreach, which builds satellites.",
        "Investors also backed Airbus's portfolio company Skyreach, which builds satellites.",
        "Investors also backed Airbus's former company Skyreach, which builds satellites.",
        "Investors also backed a company of Airbus veterans, Skyreach, which builds satellites.",
    ],
)
def test_a_company_said_otherwise_of_a_possessor_is_not_part_of_it(extract_text, sentence):
    no_relation(extract_text(sentence), "PART_OF")


def test_every_member_of_a_list_of_owned_companies_is_part_of_the_owner(extract_text):
    # The model tags "Globex" as nothing here; the list it stands in makes it a company.
    facts = extract_text("Initech owns ZNX, Globex, Vandelay Industries and Soylent Corp.")
    owned = {s for s, p, o in triples(facts) if p == "PART_OF" and o == "Initech"}
    assert owned == {"ZNX", "Globex", "Vandelay Industries", "Soylent Corp."}


def test_the_date_attached_closest_to_the_verb_dates_the_fact(extract_text):
    # "since 2019" hangs on a clause before the signing; "in June 2021" on the signing itself.
    facts = extract_text("Having struggled since 2019, Bosch signed a partnership with Siemens in June 2021.")
    assert relation(facts, "Bosch", "PARTNERED_WITH", "Siemens").qualifiers["date"] == "2021-06"


@pytest.mark.parametrize(
    ("sentence", "amount"),
    [
        ("Bosch acquired Valeo for $450m.", "$450m"),
        ("Bosch bought Valeo for €3bn in 2020.", "€3bn"),
        ("Bosch acquired Valeo for US$1.2 billion.", "US$1.2 billion"),
        ("Bosch invested 500 million yuan in Valeo.", "500 million yuan"),
    ],
)
def test_an_amount_keeps_its_currency_and_scale(extract_text, sentence, amount):
    facts = extract_text(sentence)
    fact = next(r for r in facts.relations if r.predicate in ("ACQUIRED", "INVESTED_IN"))
    assert fact.qualifiers["amount"] == amount


@pytest.mark.parametrize(
    ("sentence", "schools"),
    [
        ("Tom Becker graduated with a BA from Yale University and a law degree from Columbia University.",
         {"Yale University", "Columbia University"}),
        ("Tom Becker has a PhD in economics from the University of Buckingham.", {"University of Buckingham"}),
        ("Tom Becker completed an MA in illustration at Brighton College of Art.", {"Brighton College of Art"}),
        ("Tom Becker was educated at Eton College in Windsor, McGill University in Montreal, and at INSEAD in France.",
         {"Eton College", "McGill University", "INSEAD"}),
        ("Tom Becker received an education at the Norwegian Military Academy and entered the Norwegian Army.",
         {"Norwegian Military Academy"}),
    ],
)
def test_degrees_and_schooling_name_every_school(extract_text, sentence, schools):
    facts = extract_text(sentence)
    assert {o for s, p, o in triples(facts) if p == "EDUCATED_AT"} == schools


def test_a_bare_title_coordinated_with_a_titled_name_shares_its_company(extract_text):
    facts = extract_text("Critics said that Siemens chairperson Tom Becker and chief executive Anna Roth requested the change.")
    assert relation(facts, "Anna Roth", "WORKS_FOR", "Siemens").qualifiers["role"] == "chief executive"
    assert ("Tom Becker", "WORKS_FOR", "Siemens") in triples(facts)


def test_a_bare_title_coordinated_with_an_untitled_name_has_no_company(extract_text):
    # Becker is "of Siemens" without a title: nothing says where Roth is CEO.
    facts = extract_text("Tom Becker of Siemens and CEO Anna Roth will attend.")
    assert not any(s == "Anna Roth" for s, p, o in triples(facts))


@pytest.mark.parametrize("sentence", [
    "Anna Roth later began teaching at the Juilliard School.",
    "Anna Roth lectured at the Juilliard School for a decade.",
])
def test_teaching_at_a_school_is_working_there(extract_text, sentence):
    assert ("Anna Roth", "WORKS_FOR", "Juilliard School") in triples(extract_text(sentence))


@pytest.mark.parametrize("sentence", [
    "Anna Roth worked at Siemens from 2001 to 2005.",
    "Anna Roth worked at Siemens between 2001 and 2005.",
    "Anna Roth served as chief executive of Siemens from 2001 to 2005.",
    "Anna Roth was chief executive of Siemens between 2001 and 2005.",
])
def test_a_job_with_both_ends_stated_is_over(extract_text, sentence):
    q = relation(extract_text(sentence), "Anna Roth", "WORKS_FOR", "Siemens").qualifiers
    assert (q.get("start"), q.get("end"), q.get("current")) == ("2001", "2005", False)


def test_a_job_since_a_year_has_no_end(extract_text):
    q = relation(extract_text("Anna Roth has worked at Siemens since 2001."), "Anna Roth", "WORKS_FOR", "Siemens").qualifiers
    assert q.get("start") == "2001" and "end" not in q


def test_an_adviser_to_a_company_works_for_it(extract_text):
    facts = extract_text("Tom Becker is an adviser to Siemens.")
    assert relation(facts, "Tom Becker", "WORKS_FOR", "Siemens").qualifiers["role"] == "adviser"


def test_an_assistant_to_a_person_has_no_company(extract_text):
    no_relation(extract_text("Anna Roth, assistant to Tom Becker, said the plant would close."), "WORKS_FOR")


def test_leaving_to_found_a_company_is_a_move_to_it(extract_text):
    facts = extract_text("Tom Becker was Siemens's chief architect before leaving to found Quorvex Robotics in 2016.")
    fact = relation(facts, "Tom Becker", "MOVED", "Quorvex Robotics")
    assert (names(facts)[fact.qualifiers["from"]], fact.qualifiers["date"]) == ("Siemens", "2016")


@pytest.mark.parametrize(
    "text",
    ["The main holdings of Quorvex Partners, of which Tom Becker is chairman, include a port in Hamburg.",
     "Quorvex Partners, where Tom Becker is chairman, makes drones."],
)
def test_a_title_in_a_relative_clause_is_at_the_company_it_describes(extract_text, text):
    assert relation(extract_text(text), "Tom Becker", "WORKS_FOR", "Quorvex Partners").qualifiers["role"] == "chairman"


def test_a_title_in_a_relative_clause_about_a_place_is_no_job(extract_text):
    no_relation(extract_text("Anna Roth visited Munich, where Tom Becker is mayor."), "WORKS_FOR")


def test_what_a_company_launches_is_its_product(extract_text):
    facts = extract_text("Siemens launched Orbit Max last May.")
    assert {e.name: e.type for e in facts.entities}["Orbit Max"] == "Product"
    relation(facts, "Siemens", "MAKES", "Orbit Max")


def test_a_person_unveiled_in_a_role_stays_a_person(extract_text):
    facts = extract_text("Quorvex Robotics unveiled Tom Becker as its new chief executive.")
    assert {e.name: e.type for e in facts.entities}["Tom Becker"] == "Person"
    no_relation(facts, "MAKES")


def test_a_second_clause_keeps_its_own_subject_when_the_parser_loses_it(extract_text):
    # The parser makes "Bosch" a conjunct of "last May" and leaves "rolled out" without a subject.
    facts = extract_text("Siemens launched Orbit Max last May and Bosch rolled out Bosch Play+ at the start of this year.")
    assert {t for t in triples(facts) if t[1] == "MAKES"} == {("Siemens", "MAKES", "Orbit Max"), ("Bosch", "MAKES", "Bosch Play+")}


def test_acquisitions_including_a_list_are_each_acquired(extract_text):
    facts = extract_text("Siemens expanded through acquisitions including Quorvex Systems and Brightline Networks.")
    assert {t for t in triples(facts) if t[1] == "ACQUIRED"} == {
        ("Siemens", "ACQUIRED", "Quorvex Systems"), ("Siemens", "ACQUIRED", "Brightline Networks")}


def test_the_role_of_a_hire_may_hang_on_the_name(extract_text):
    # The parser attaches "as CEO" to "Becker", not to "rehired".
    assert relation(extract_text("Allianz has rehired Tom Becker as CEO."), "Tom Becker", "WORKS_FOR", "Allianz").qualifiers["role"] == "CEO"


@pytest.mark.parametrize(
    "text",
    ["Volvo's former parent company Ford sold the brand in 2010.", "Bosch's former owner Siemens sold the unit.",
     "Globex Systems, a former unit of Siemens, was sold in 2019."],
)
def test_a_former_parent_or_unit_is_no_ownership_now(extract_text, text):
    no_relation(extract_text(text), "PART_OF")


def test_a_present_parent_is_ownership(extract_text):
    relation(extract_text("Globex Systems, a unit of Siemens, was sold in 2019."), "Globex Systems", "PART_OF", "Siemens")


def test_a_product_set_off_as_a_companys_chip_is_made_by_it(extract_text):
    facts = extract_text("Siemens said on Monday that Orbit Max, its next-generation chip, would ship in May.")
    relation(facts, "Siemens", "MAKES", "Orbit Max")
    facts = extract_text("Orbit Max, Bosch's new chip, beat the rival from Siemens.")
    assert {t for t in triples(facts) if t[1] == "MAKES"} == {("Bosch", "MAKES", "Orbit Max")}


def test_current_is_not_part_of_a_role(extract_text):
    facts = extract_text("The new company will be led by Tom Becker, the current head of Siemens.")
    assert relation(facts, "Tom Becker", "WORKS_FOR", "Siemens").qualifiers["role"] == "head"


def test_a_company_named_before_an_organisation_noun_is_the_list_item(extract_text):
    # "Hooli Pictures studios": the parser makes "studios" the item and the name its compound.
    facts = extract_text("Siemens owns Bosch, Allianz, and Hooli Pictures studios.")
    relation(facts, "Hooli Pictures", "PART_OF", "Siemens")


def test_stakes_listed_with_the_verb_left_out_are_each_an_investment(extract_text):
    facts = extract_text("Previously, Siemens held 50 percent of Quorvex Robotics, Bosch 20 percent and Allianz 30 percent.")
    assert {t for t in triples(facts) if t[1] == "INVESTED_IN"} == {
        (holder, "INVESTED_IN", "Quorvex Robotics") for holder in ("Siemens", "Bosch", "Allianz")}
    assert "Bosch" in names(facts).values()  # not "Bosch 20 percent"


def test_a_name_after_a_stake_without_an_amount_is_no_holder(extract_text):
    facts = extract_text("Siemens held 50 percent of Quorvex Robotics, Bosch said on Monday.")
    assert {t for t in triples(facts) if t[1] == "INVESTED_IN"} == {("Siemens", "INVESTED_IN", "Quorvex Robotics")}


def test_a_title_with_a_pronoun_owner_does_not_borrow_another_titles_company(extract_text):
    facts = extract_text("And its CEO, Tom Becker, was Siemens's chief architect before leaving to found the business.")
    assert relation(facts, "Tom Becker", "WORKS_FOR", "Siemens").qualifiers["role"] == "chief architect"


@pytest.mark.parametrize(
    ("text", "role"),
    [("Anna Roth, Bosch's senior vice president for technical infrastructure, spoke.", "senior vice president for technical infrastructure"),
     ("Anna Roth was CEO of Bosch for five years.", "CEO")],
)
def test_a_field_after_for_is_part_of_the_role_a_time_is_not(extract_text, text, role):
    assert relation(extract_text(text), "Anna Roth", "WORKS_FOR", "Bosch").qualifiers["role"] == role


@pytest.mark.parametrize(
    ("text", "start"),
    [("Tom Becker joined Siemens in 2012 and worked on the robotics team before leaving in January 2016.", "2012"),
     ("Tom Becker worked at Siemens before leaving in January 2016.", None)],
)
def test_a_job_before_leaving_ends_when_the_leaving_is_dated(extract_text, text, start):
    q = relation(extract_text(text), "Tom Becker", "WORKS_FOR", "Siemens").qualifiers
    assert (q.get("start"), q.get("end"), q.get("current")) == (start, "2016-01", False)


@pytest.mark.parametrize(
    ("text", "start"),
    [("Anna Roth, a director of Siemens since 2012, is staying on the board.", "2012"),
     ("Anna Roth has been CEO of Siemens since March 2015.", "2015-03"),
     ("Anna Roth, CEO of Siemens, has lived in Berlin since 2001.", None)],
)
def test_since_on_a_title_dates_its_start(extract_text, text, start):
    assert relation(extract_text(text), "Anna Roth", "WORKS_FOR", "Siemens").qualifiers.get("start") == start


def test_an_investment_among_a_rounds_gets_the_rounds_date_and_its_own_amount(extract_text):
    facts = extract_text("In April of 2022, Quorvex Robotics announced it had received $580 million in funding, "
                         "including a $500 million investment from Siemens.")
    q = relation(facts, "Siemens", "INVESTED_IN", "Quorvex Robotics").qualifiers
    assert (q.get("date"), q.get("amount")) == ("2022-04", "$500 million")


def test_a_name_the_parser_hangs_on_the_company_before_it_is_the_subject_of_the_verb_after(extract_text):
    # Parsed with "Edgar Brandao" as an apposition of the first company and
    # "joined" without a subject.
    facts = extract_text("After several years at Falenqua Motors, Edgar Brandao joined Helvanor Semiconductor in May 2014.")
    assert relation(facts, "Edgar Brandao", "WORKS_FOR", "Helvanor Semiconductor").qualifiers["start"] == "2014-05"
    assert relation(facts, "Edgar Brandao", "MOVED", "Helvanor Semiconductor").qualifiers["from"] == "falenqua-motors"


@pytest.mark.parametrize("text, expected", [
    # a relational noun relates the name it carries
    ("The Lexus brand of Toyota sold more cars.", [("Lexus", "PART_OF", "Toyota")]),
    # "driving" parsed as a verb: "from X" hangs on it, not on the component
    ("The Tamalon Z3 minivan uses the Falrimix CA582 driving computer from Quavabis Microelectronics.",
     [("Quavabis Microelectronics", "MAKES", "Falrimix CA582"), ("Tamalon Z3", "USES", "Falrimix CA582")]),
])
def test_facts_of_a_product_or_unit_noun_after_a_name(extract_text, text, expected):
    found = triples(extract_text(text))
    assert all(fact in found for fact in expected)


@pytest.mark.parametrize("text, pair", [
    ("Senolux Systems and Othaley Vehicles founded the joint venture Keleltron Motors in February 2017.",
     [("Senolux Systems", "FOUNDED", "Keleltron Motors"), ("Othaley Vehicles", "FOUNDED", "Keleltron Motors")]),
    ("Tamvabis Semiconductor and Talormar Auto formed an alliance to build lidar sensors.",
     [("Talormar Auto", "PARTNERED_WITH", "Tamvabis Semiconductor")]),
])
def test_a_first_name_the_parser_hangs_on_the_second_as_a_modifier_is_coordinated(extract_text, text, pair):
    found = triples(extract_text(text))
    assert all(t in found or (t[2], t[1], t[0]) in found for t in pair)


@pytest.mark.parametrize("text", [
    "Robert Zhang is the head of battery research of Siemens.",
    "Helen Horvath, head of battery research of Siemens, said the company would expand.",
])
def test_a_field_led_by_bare_nouns_is_still_a_field_before_the_company(extract_text, text):
    facts = extract_text(text)
    person = next(e.name for e in facts.entities if e.type == "Person")
    assert relation(facts, person, "WORKS_FOR", "Siemens").qualifiers["role"] == "head of battery research"


def test_the_regional_government_is_no_field(extract_text):
    assert [r for r in extract_text("Jane Roe is the head of the regional government of Siemens.").relations
            if r.predicate == "WORKS_FOR"] == []


def test_a_title_set_off_by_commas_but_parsed_as_the_next_subject_is_the_names(extract_text):
    facts = extract_text("According to Natalia Torres, the head of design of Kelanmix Networks, the new model will reach dealers within months.")
    assert relation(facts, "Natalia Torres", "WORKS_FOR", "Kelanmix Networks").qualifiers["role"] == "head of design"


TOPIC = "Quorvex Motors said sales rose. Quorvex Motors sold 10,000 cars in May. {} Quorvex Motors shares rose."


def test_a_bare_company_title_before_a_name_is_at_the_company_the_article_is_about(extract_text):
    facts = extract_text(TOPIC.format("The former Siemens executive will advise founder and CEO Tom Varga on supply chains."))
    assert ("Tom Varga", "FOUNDED", "Quorvex Motors") in triples(facts)
    assert relation(facts, "Tom Varga", "WORKS_FOR", "Quorvex Motors").qualifiers["role"] == "CEO"


@pytest.mark.parametrize("sentence", [
    "The deal was approved by President Tom Varga.",
    "The deal was approved by US President Tom Varga.",
    "The deal was reviewed by professor Tom Varga.",
])
def test_a_head_of_states_or_a_professors_title_is_not_at_the_articles_company(extract_text, sentence):
    facts = extract_text(TOPIC.format(sentence))
    assert [t for t in triples(facts) if t[0] == "Tom Varga"] == []


def test_a_bare_title_has_no_company_when_the_article_is_about_several(extract_text):
    text = "Siemens and Bosch signed a deal. Siemens and Bosch will build a plant. Siemens and Bosch said so. CEO Tom Varga was pleased."
    assert [t for t in triples(extract_text(text)) if t[0] == "Tom Varga"] == []


def test_where_a_person_studied_is_not_where_they_worked_or_came_from(extract_text):
    facts = extract_text("Jane Roe joined Siemens shortly after obtaining a PhD in physics from the Institute for "
                         "Computer Science at Harvard University in 2012.")
    assert ("Jane Roe", "EDUCATED_AT", "Harvard University") in triples(facts)
    assert ("Jane Roe", "WORKS_FOR", "Siemens") in triples(facts)
    assert [t for t in triples(facts) if t[1] == "MOVED" or t[2] == "Harvard University" and t[1] == "WORKS_FOR"] == []


def test_a_role_at_the_university_one_studied_at_is_still_a_job(extract_text):
    facts = extract_text("Jane Roe, who earned a PhD from Harvard University, is a professor at Harvard University.")
    assert relation(facts, "Jane Roe", "WORKS_FOR", "Harvard University").qualifiers["role"] == "professor"


@pytest.mark.parametrize("text", [
    "Karl Weiss won a medal in 1980 and later received the Royal Society Prize.",
    "Karl Weiss is a physicist. He has received an award from the Royal Society.",
    "Karl Weiss is a lawyer. He holds a seat at the Marlow County Court.",
])
def test_receiving_or_holding_something_other_than_a_degree_is_no_education(extract_text, text):
    no_relation(extract_text(text), "EDUCATED_AT")


def test_holding_a_degree_from_a_university_is_education(extract_text):
    facts = extract_text("Maya Stone is a painter. She holds a BFA in painting from Lindell University.")
    assert sorted(triples(facts)) == [("Maya Stone", "EDUCATED_AT", "Lindell University")]


def test_a_maker_the_sentence_states_outranks_one_the_products_name_suggests(extract_text):
    facts = extract_text("Siemens unveiled Bosch Vexa, a home robot, in Berlin on Tuesday.")
    assert ("Siemens", "MAKES", "Bosch Vexa") in triples(facts)
    assert ("Bosch", "MAKES", "Bosch Vexa") not in triples(facts)


@pytest.mark.parametrize("text, org", [
    ("Rafi Khan was a presenter and editor at Channel Nine.", "Channel Nine"),
    ("John Kassel, a curator at the Marlow Museum, wrote the guide.", "Marlow Museum"),
])
def test_more_job_titles_give_jobs(extract_text, text, org):
    person = "Rafi Khan" if "Rafi" in text else "John Kassel"
    assert (person, "WORKS_FOR", org) in triples(extract_text(text))


@pytest.mark.parametrize("text", [
    "Bosch appointed Nadia Korr as head of Siemens.",
    "Bosch named Nadia Korr chief executive of Siemens.",
])
def test_a_hire_into_a_role_at_another_company_is_a_job_there(extract_text, text):
    facts = extract_text(text)
    assert ("Nadia Korr", "WORKS_FOR", "Siemens") in triples(facts)
    assert ("Nadia Korr", "WORKS_FOR", "Bosch") not in triples(facts)


def test_a_hire_into_a_bare_role_is_at_the_hiring_company(extract_text):
    assert ("Nadia Korr", "WORKS_FOR", "Bosch") in triples(extract_text("Bosch appointed Nadia Korr as chief executive."))


@pytest.mark.parametrize("text, people", [
    ("Jane Roe of the Marlow Institute said prices would rise.", ["Jane Roe"]),
    ("The survey was led by Priya Nair and Omar Haddad of Siemens.", ["Priya Nair", "Omar Haddad"]),
])
def test_a_person_of_an_organisation_is_someone_there(extract_text, text, people):
    org = "Marlow Institute" if "Marlow" in text else "Siemens"
    found = triples(extract_text(text))
    assert all((person, "WORKS_FOR", org) in found for person in people)


def test_a_person_of_a_party_is_a_member_not_staff(extract_text):
    no_relation(extract_text("Senator Jane Roe of the Harland Party said so."), "WORKS_FOR")


@pytest.mark.parametrize("text", [
    "Tom Bohr took a job with Siemens in 2001.",
    "Tom Bohr took up a post at Siemens in 2001.",
    "Tom Bohr served on the board of Siemens.",
    "Tom Bohr joined the board of Siemens in 2019.",
])
def test_a_job_taken_or_a_board_seat_is_a_job(extract_text, text):
    assert ("Tom Bohr", "WORKS_FOR", "Siemens") in triples(extract_text(text))


@pytest.mark.parametrize("text", [
    "Tom Bohr took a stake in Siemens.",
    "Tom Bohr sits on the board that Siemens set up last year.",
])
def test_a_stake_or_a_board_another_company_set_up_is_no_job(extract_text, text):
    assert ("Tom Bohr", "WORKS_FOR", "Siemens") not in triples(extract_text(text))


@pytest.mark.parametrize("text", [
    "Quorvex Motors is part of Zentrix Group.",
    "Quorvex Motors, part of Zentrix Group, sells cars.",
    "Quorvex Motors became part of Zentrix Group in March 2015.",
    "Quorvex Motors belongs to Zentrix Group.",
])
def test_part_of_and_belonging_to_a_group(extract_text, text):
    assert ("Quorvex Motors", "PART_OF", "Zentrix Group") in triples(extract_text(text))


def test_a_school_of_a_university_is_part_of_it(extract_text):
    facts = extract_text("The Marlow Business School, the business school of Lindell University, opened in 1950.")
    assert ("Marlow Business School", "PART_OF", "Lindell University") in triples(facts)


def test_a_named_division_of_a_possessor_is_part_of_the_possessor(extract_text):
    facts = extract_text("Siemens's Velox Robotics division hired 40 engineers.")
    assert sorted(t for t in triples(facts) if t[1] == "PART_OF") == [("Velox Robotics", "PART_OF", "Siemens")]


@pytest.mark.parametrize("text", [
    "As part of Zentrix Group's plan, Quorvex Motors will cut jobs.",
    "Zentrix Group bought part of Quorvex Motors.",
])
def test_part_of_a_plan_or_a_part_bought_is_no_membership(extract_text, text):
    no_relation(extract_text(text), "PART_OF")


def test_products_listed_as_examples_of_a_companys_products_are_made_by_it(extract_text):
    facts = extract_text("Zentrix sells its cars, including the Tarvo and the Kelda, in Europe.")
    assert {(s, p, o) for s, p, o in triples(facts) if p == "MAKES"} == {
        ("Zentrix", "MAKES", "Tarvo"), ("Zentrix", "MAKES", "Kelda")}


@pytest.mark.parametrize("text, school", [
    ("Mia Tan is a student at Lindell University.", "Lindell University"),
    ("Ron Lee won a prize while a student at the Marlow Institute of Music.", "Marlow Institute of Music"),
    ("Anna Kowal is a graduate of Jagiellonian University and of Marlow University.", "Marlow University"),
])
def test_students_and_graduates_of_several_schools(extract_text, text, school):
    person = " ".join(text.split()[:2])
    assert (person, "EDUCATED_AT", school) in triples(extract_text(text))


def test_students_a_company_hired_are_no_education_of_its_spokesman(extract_text):
    no_relation(extract_text("Siemens hired 20 students at Lindell University. Tom Varga said so."), "EDUCATED_AT")


@pytest.mark.parametrize("text, fact", [
    ("Carl Brent went to Lindell College, where he graduated in 1990.", ("Carl Brent", "EDUCATED_AT", "Lindell College")),
    ("Carl Brent moved to Siemens, where he worked for ten years.", ("Carl Brent", "WORKS_FOR", "Siemens")),
])
def test_a_place_named_before_where_is_where_the_clause_happens(extract_text, text, fact):
    assert fact in triples(extract_text(text))


def test_the_clause_after_where_says_who_works_there(extract_text):
    found = triples(extract_text("Carl Brent visited Siemens, where Jane Roe works as an engineer."))
    assert ("Jane Roe", "WORKS_FOR", "Siemens") in found
    assert ("Carl Brent", "WORKS_FOR", "Siemens") not in found


def test_a_relative_clause_without_a_pronoun_has_the_noun_as_its_object(extract_text):
    # and the clause's subject is no name for the noun ("the startup Jane Roe")
    facts = extract_text("The startup Jane Roe founded, Zentrix Labs, makes robots.")
    assert sorted(triples(facts)) == [("Jane Roe", "FOUNDED", "Zentrix Labs")]
    assert next(e for e in facts.entities if e.name == "Jane Roe").type == "Person"


def test_a_founding_that_describes_a_company_is_no_step_of_the_career(extract_text):
    facts = extract_text("Tom Bohr joined Idealab after it acquired VenCata, which he founded.")
    assert ("Tom Bohr", "FOUNDED", "VenCata") in triples(facts)
    assert ("Tom Bohr", "MOVED", "VenCata") not in triples(facts)
    assert relation(facts, "Tom Bohr", "WORKS_FOR", "Idealab").qualifiers.get("current") is not False


def test_working_somewhere_until_a_date_ends_the_job_then(extract_text):
    fact = relation(extract_text("Tom Bohr worked at Siemens until 2010."), "Tom Bohr", "WORKS_FOR", "Siemens")
    assert fact.qualifiers.get("end") == "2010" and fact.qualifiers.get("current") is False
    assert "start" not in fact.qualifiers
    future = relation(extract_text("Li Wei will work at Siemens until 2030."), "Li Wei", "WORKS_FOR", "Siemens")
    assert "start" not in future.qualifiers and "end" not in future.qualifiers


def test_a_kind_noun_the_tagger_reads_as_an_adjective_still_names_the_company(extract_text):
    # "firm" before a name is tagged as an adjective ("a firm grip")
    facts = extract_text("Lena Ortiz, who co-founded the payments firm Tallyra with her brother in 2011, spoke.")
    assert relation(facts, "Lena Ortiz", "FOUNDED", "Tallyra").qualifiers.get("date") == "2011"
    # and an adjective "firm" names nothing
    assert not extract_text("Prices at Corvane Labs held firm Monday.").relations


def test_a_place_before_a_kind_noun_is_a_description_not_a_company(extract_text):
    facts = extract_text("Lena Ortiz joined Corvane Labs, the Denver start-up said.")
    assert ("Lena Ortiz", "WORKS_FOR", "Corvane Labs") in triples(facts)
    assert not [e.name for e in facts.entities if "start-up" in e.name]


def test_the_job_a_joining_sentence_says_came_before_outranks_the_story_order(extract_text):
    facts = extract_text(
        "Lena Ortiz has left Brixel to become finance chief of Corvane. "
        "Before joining Brixel in 2016, Ortiz was an analyst at Haldane Trust."
    )
    moved = relation(facts, "Lena Ortiz", "MOVED", "Brixel")
    assert names(facts)[moved.qualifiers["from"]] == "Haldane Trust"
    assert relation(facts, "Lena Ortiz", "WORKS_FOR", "Haldane Trust").qualifiers.get("end") == "2016"
    assert "end" not in relation(facts, "Lena Ortiz", "WORKS_FOR", "Corvane").qualifiers


def test_a_stay_told_in_a_where_clause_is_not_dated_by_the_leaving(extract_text):
    text = "Lena Ortiz has left Brixel Bank, where she spent six years, to become chief executive of Corvane Labs."
    fact = relation(extract_text(text, date="2024-05-01"), "Lena Ortiz", "WORKS_FOR", "Brixel Bank")
    assert "start" not in fact.qualifiers and fact.qualifiers.get("end") == "2024-05-01"


def test_its_after_a_clause_of_founding_is_the_founded_company(extract_text):
    facts = extract_text("Corvane grew fast. Lena Ortiz, who founded Brixel in 2015, stepped down as its chief executive.")
    assert relation(facts, "Lena Ortiz", "WORKS_FOR", "Brixel").qualifiers["role"] == "chief executive"
    assert ("Lena Ortiz", "WORKS_FOR", "Corvane") not in triples(facts)
    # a clause that only says where she studied is still background
    other = extract_text("Corvane grew fast. Lena Ortiz, who holds a doctorate from Brixel University, is its chief scientist.")
    assert ("Lena Ortiz", "WORKS_FOR", "Brixel University") not in triples(other)


def test_a_one_word_place_after_a_business_title_is_the_employer(extract_text):
    # the model tags such unknown one-word names as places
    facts = extract_text("Lena Ortiz has left Brixel to become chief financial officer of Corvane.")
    assert relation(facts, "Lena Ortiz", "MOVED", "Corvane").qualifiers["role"] == "chief financial officer"


@pytest.mark.parametrize("text", [
    "Lena Ortiz, the mayor of Leeds, opened the plant.",
    "Lena Ortiz, the president of France, opened the plant.",
    "Lena Ortiz, head of Asia at Brixel Robotics, opened the plant.",
])
def test_a_place_after_a_title_a_place_holds_or_a_region_stays_a_place(extract_text, text):
    facts = extract_text(text)
    assert not [e for e in facts.entities if e.name in ("Leeds", "France", "Asia")]


def test_an_untagged_name_that_hires_a_person_is_a_company(extract_text):
    facts = extract_text("Corvane hired Lena Ortiz as its finance chief on Monday.")
    assert relation(facts, "Lena Ortiz", "WORKS_FOR", "Corvane").qualifiers["role"] == "finance chief"
    # a word of a person's name is that person, not an employer
    other = extract_text("Urs Kessler spoke. Kessler recruited Lena Ortiz to the team.")
    assert [e.type for e in other.entities if "Kessler" in e.name] == ["Person"]


@pytest.mark.parametrize("text", [
    "Kestrel Power counts Brightwater Capital and Okada Industries among its investors.",
    "Kestrel Power said its investors include Brightwater Capital and Okada Industries.",
    "Kestrel Power investors include Brightwater Capital and Okada Industries.",
])
def test_members_a_relational_noun_includes_are_its_holders(extract_text, text):
    invested = {(s, o) for s, p, o in triples(extract_text(text)) if p == "INVESTED_IN"}
    assert invested == {("Brightwater Capital", "Kestrel Power"), ("Okada Industries", "Kestrel Power")}


def test_brands_a_company_says_it_has_are_part_of_it(extract_text):
    facts = extract_text("Tarrant Holdings brands include Quorvex Motors and Velto Cars.")
    parts = {(s, o) for s, p, o in triples(facts) if p == "PART_OF"}
    assert parts == {("Quorvex Motors", "Tarrant Holdings"), ("Velto Cars", "Tarrant Holdings")}


def test_its_after_a_copula_is_none_of_the_subjects(extract_text):
    # "its" cannot be one of the investors; nothing before names the company
    facts = extract_text("Brightwater Capital and Okada Industries are among its investors, Kestrel Power said.")
    assert not [t for t in triples(facts) if t[1] == "INVESTED_IN" and t[2] != "Kestrel Power"]


@pytest.mark.parametrize("text", [
    "Serapis Robotics raised $40 million in a round led by Brightwater Capital, with participation from Holloway Capital.",
    "Brightwater Capital led a $40 million round in Serapis Robotics, with participation from Holloway Capital.",
])
def test_who_led_a_round_and_who_took_part_invested(extract_text, text):
    invested = {(s, o) for s, p, o in triples(extract_text(text)) if p == "INVESTED_IN"}
    assert invested == {("Brightwater Capital", "Serapis Robotics"), ("Holloway Capital", "Serapis Robotics")}


def test_an_employer_hung_on_the_verb_of_a_naming_is_the_titles(extract_text):
    fact = relation(extract_text("Mirela Dobos has been named chief operating officer at Lumenta Systems."),
                    "Mirela Dobos", "WORKS_FOR", "Lumenta Systems")
    assert fact.qualifiers["role"] == "chief operating officer"


def test_a_person_the_model_called_a_company_runs_one(extract_text):
    # the model tags this invented name an organisation
    facts = extract_text("Elena Petrova, who ran Orbicor's European operations until March, "
                         "has been named chief operating officer at Lumenta Systems.", date="2024-05-01")
    assert [e.type for e in facts.entities if e.name == "Elena Petrova"] == ["Person"]
    assert relation(facts, "Elena Petrova", "WORKS_FOR", "Orbicor").qualifiers.get("end") == "2024-03"
    assert names(facts)[relation(facts, "Elena Petrova", "MOVED", "Lumenta Systems").qualifiers["from"]] == "Orbicor"
    # a name with a company ending stays a company
    other = extract_text("Harlow Systems runs Orbicor's European operations.")
    assert [e.type for e in other.entities if e.name == "Harlow Systems"] == ["Organization"]


def test_who_founded_it_with_the_founder_founded_it_too(extract_text):
    facts = extract_text("Hana Kim co-founded Strata Robotics with Leo Marsh in 2019.")
    assert relation(facts, "Leo Marsh", "FOUNDED", "Strata Robotics").qualifiers.get("date") == "2019"
    assert relation(facts, "Hana Kim", "FOUNDED", "Strata Robotics").qualifiers.get("date") == "2019"
    # money or kin "with" the founding found nothing
    other = extract_text("Hana Kim founded Strata Robotics with her brother and $2 million from Brightwater Capital.")
    assert {s for s, p, o in triples(other) if p == "FOUNDED"} == {"Hana Kim"}


def test_years_at_a_company_before_leaving_or_founding_are_where_the_person_was(extract_text):
    facts = extract_text("After eight years at Quorvex, Hana Kim left to found Strata Robotics.")
    assert names(facts)[relation(facts, "Hana Kim", "MOVED", "Strata Robotics").qualifiers["from"]] == "Quorvex"
    left = relation(extract_text("After eight years at Quorvex, Hana Kim left."), "Hana Kim", "WORKS_FOR", "Quorvex")
    assert left.qualifiers["current"] is False


@pytest.mark.parametrize("text, current", [
    ("Ingrid Solberg was chief executive of Selmer Savings and a partner at Brightwater Capital.", False),
    ("Ingrid Solberg, 58, was previously chief executive of Selmer Savings and a partner at Brightwater Capital.", False),
    ("Ingrid Solberg is chief executive of Selmer Savings and a partner at Brightwater Capital.", True),
])
def test_coordinated_titles_with_employers_of_their_own_are_two_jobs(extract_text, text, current):
    facts = extract_text(text)
    assert {(o, r.qualifiers.get("role"), r.qualifiers.get("current")) for r in facts.relations
            for o in [names(facts)[r.object]] if r.predicate == "WORKS_FOR"} == {
        ("Selmer Savings", "chief executive", current), ("Brightwater Capital", "partner", current)}


def test_a_name_after_a_lower_case_title_is_the_holder_and_the_whole_title_the_role(extract_text):
    facts = extract_text("Velton Energy chief executive Anders Lind criticized Norvik Bank for pulling its financing.")
    assert relation(facts, "Anders Lind", "WORKS_FOR", "Velton Energy").qualifiers["role"] == "chief executive"
    assert ("Anders Lind", "CRITICIZED", "Norvik Bank") in triples(facts)
    # capitalised words the model calls a date are no name
    assert not [e for e in extract_text("She became chief executive Last Year, the report said.").entities
                if e.type == "Person"]


@pytest.mark.parametrize("text", [
    "Fernhill Motors unveiled the Aurora EV, its first electric pickup, at the Detroit auto show.",
    "The Aurora EV is an electric pickup made by Fernhill Motors.",
])
def test_a_listed_name_with_a_company_ending_is_a_product_when_the_text_says_so(extract_text, text):
    # "Aurora" is a listed company and "EV" ends company names, but the text calls it a pickup
    facts = extract_text(text)
    assert [e.type for e in facts.entities if e.name == "Aurora EV"] == ["Product"]
    assert sorted(triples(facts)) == [("Fernhill Motors", "MAKES", "Aurora EV")]


def test_a_numbered_name_before_a_product_noun_is_a_product(extract_text):
    facts = extract_text("Its trucks run on the Velox 5 chip from Tallyra Semiconductor. "
                         "Tallyra Semiconductor's Velox 5 chip is also used in the Korrin K7 sedan.")
    assert [e.type for e in facts.entities if e.name == "Velox 5"] == ["Product"]
    assert {("Tallyra Semiconductor", "MAKES", "Velox 5"), ("Korrin K7", "USES", "Velox 5")} <= triples(facts)
    # a name without a number may be the maker's: "the Velox chip" names nothing
    assert not [e for e in extract_text("The Velox chip runs hot.").entities if e.type == "Product"]


def test_a_maker_stated_anywhere_in_the_text_beats_the_one_its_name_suggests(extract_text):
    # "Aurora" is a listed company; the text says another one makes the Aurora EV
    facts = extract_text("Fernhill Motors unveiled the Aurora EV, its first electric pickup. "
                         "Dealers expect the Aurora EV to sell well.")
    assert {(s, o) for s, p, o in triples(facts) if p == "MAKES"} == {("Fernhill Motors", "Aurora EV")}


def test_a_name_made_by_a_company_is_a_product(extract_text):
    facts = extract_text("The pickup will compete with the Tarvo R1, made by Quorvex Motors.")
    assert [e.type for e in facts.entities if e.name == "Tarvo R1"] == ["Product"]
    assert ("Quorvex Motors", "MAKES", "Tarvo R1") in triples(facts)
    # owned is not made
    owned = extract_text("Velkor Power, owned by Quorvex Motors, sells electricity.")
    assert [e.type for e in owned.entities if e.name == "Velkor Power"] == ["Organization"]


@pytest.mark.parametrize("text, company", [
    ("Tom Fairley co-founded the fintech Lendwise in 2014.", "Lendwise"),
    ("Tom Fairley co-founded the biotech Genvira in 2014.", "Genvira"),
])
def test_a_name_after_a_sector_noun_for_companies_is_a_company(extract_text, text, company):
    assert relation(extract_text(text), "Tom Fairley", "FOUNDED", company).qualifiers.get("date") == "2014"


@pytest.mark.parametrize("text", [
    "Clara Voss had edited the paper for 12 years after stints at the Morning Post and Reuters.",
    "Clara Voss previously had stints at the Morning Post and Reuters.",
])
def test_stints_at_companies_are_past_jobs_of_who_had_them(extract_text, text):
    facts = extract_text(text)
    jobs = {(o, r.qualifiers.get("current")) for r in facts.relations if r.predicate == "WORKS_FOR"
            for o in [names(facts)[r.object]]}
    assert jobs == {("Morning Post", False), ("Reuters", False)}


def test_a_hoped_for_stint_is_no_job(extract_text):
    no_relation(extract_text("Analysts hope Clara Voss will have a long stint at the Morning Post."), "WORKS_FOR")


def test_coming_to_a_company_from_another_is_a_move(extract_text):
    facts = extract_text("Rosa Lindqvist came to Kestrel Power in 2019 from Norvik Bank, where she was treasurer.")
    moved = relation(facts, "Rosa Lindqvist", "MOVED", "Kestrel Power")
    assert (names(facts)[moved.qualifiers["from"]], moved.qualifiers.get("date")) == ("Norvik Bank", "2019")
    assert relation(facts, "Rosa Lindqvist", "WORKS_FOR", "Norvik Bank").qualifiers.get("role") == "treasurer"
    # a visit is no job
    no_relation(extract_text("Rosa Lindqvist came to Kestrel Power to give a talk."), "WORKS_FOR")


def test_who_led_the_team_that_developed_a_product_developed_it(extract_text):
    facts = extract_text("The Helix 3 chip was developed by a team led by chief scientist Ines Duarte.")
    assert ("Ines Duarte", "DEVELOPED", "Helix 3") in triples(facts)
    # a company that developed it is its maker; who leads the company did not develop it
    other = extract_text("The Helix 3 chip was developed by Tallyra Labs, led by Ines Duarte.")
    assert ("Ines Duarte", "DEVELOPED", "Helix 3") not in triples(other)


@pytest.mark.parametrize("text, old, new", [
    ("Quorvex was renamed Quorvex Mobility in 2022.", "Quorvex", "Quorvex Mobility"),
    ("Vireo Holdings, formerly known as Vireo Capital, owns two newspapers.", "Vireo Capital", "Vireo Holdings"),
])
def test_a_renaming_to_the_same_name_with_an_ending_links_two_entities(extract_text, text, old, new):
    # "X Mobility" is X elsewhere; a renaming keeps the two apart, joined by RENAMED_TO
    facts = extract_text(text)
    assert (old, "RENAMED_TO", new) in triples(facts)
    assert {old, new} <= {e.name for e in facts.entities}


def test_every_name_of_an_apposition_holds_the_relational_noun(extract_text):
    facts = extract_text("Former Orbicor engineers Aiko Tanaka and Ben Ross founded Lumenta Systems.")
    for person in ("Aiko Tanaka", "Ben Ross"):
        assert relation(facts, person, "WORKS_FOR", "Orbicor").qualifiers["current"] is False
        assert names(facts)[relation(facts, person, "MOVED", "Lumenta Systems").qualifiers["from"]] == "Orbicor"


@pytest.mark.parametrize("text", [
    "Ada Brandt succeeded Tom Rask as chief executive of Velton Energy in 2019.",
    "Tom Rask was replaced by Ada Brandt as chief executive of Velton Energy in 2019.",
])
def test_a_successor_takes_the_job_the_predecessor_leaves(extract_text, text):
    facts = extract_text(text)
    new = relation(facts, "Ada Brandt", "WORKS_FOR", "Velton Energy").qualifiers
    old = relation(facts, "Tom Rask", "WORKS_FOR", "Velton Energy").qualifiers
    assert (new.get("start"), new.get("role")) == ("2019", "chief executive")
    assert (old.get("end"), old.get("current"), old.get("role")) == ("2019", False, "chief executive")


def test_succeeding_someone_at_a_company_is_a_job_there(extract_text):
    facts = extract_text("Ada Brandt succeeded Tom Rask at Velton Energy in 2019.")
    assert relation(facts, "Ada Brandt", "WORKS_FOR", "Velton Energy").qualifiers.get("start") == "2019"
    # who will be succeeded still holds the job
    future = extract_text("Ada Brandt will succeed Tom Rask as chief executive of Velton Energy.")
    assert not [r for r in future.relations if names(future)[r.subject] == "Tom Rask" and r.qualifiers.get("current") is False]


def test_a_promotion_is_a_role_at_the_company_that_promoted(extract_text):
    facts = extract_text("Velton Energy promoted Ada Brandt to chief operating officer in March.", date="2024-05-01")
    fact = relation(facts, "Ada Brandt", "WORKS_FOR", "Velton Energy")
    # the promotion dates the role, not when she joined the company
    assert fact.qualifiers.get("role") == "chief operating officer" and "start" not in fact.qualifiers


def test_a_partnership_announced_to_do_something_is_between_those_who_announced_it(extract_text):
    facts = extract_text("Norvik Bank and Selmer Savings announced a partnership to offer mortgages online.")
    partners = {frozenset((s, o)) for s, p, o in triples(facts) if p == "PARTNERED_WITH"}
    assert partners == {frozenset(("Norvik Bank", "Selmer Savings"))}


def test_companies_working_with_each_other_are_partners_and_a_person_works_for(extract_text):
    facts = extract_text("Kestrel Power is also working with Okada Industries on a battery plant in Ohio.", date="2024-05-01")
    assert {frozenset((s, o)) for s, p, o in triples(facts) if p == "PARTNERED_WITH"} == {
        frozenset(("Kestrel Power", "Okada Industries"))}
    # an ongoing collaboration is not the day's news: the article's date is not when it began
    assert "date" not in next(r for r in facts.relations if r.predicate == "PARTNERED_WITH").qualifiers
    person = extract_text("Jane Roe worked with Okada Industries for years.")
    assert sorted(p for _, p, _ in triples(person)) == ["WORKS_FOR"]


@pytest.mark.parametrize("text, companies", [
    ("Mina Sato has held senior roles at Fernhill Motors, Corvane Labs and Okada Industries.",
     {"Fernhill Motors", "Corvane Labs", "Okada Industries"}),
    ("Mina Sato began her career at Fernhill Motors in 1998.", {"Fernhill Motors"}),
])
def test_roles_held_and_a_career_begun_at_companies_are_jobs(extract_text, text, companies):
    facts = extract_text(text)
    assert {o for s, p, o in triples(facts) if p == "WORKS_FOR"} == companies


def test_a_stay_told_as_before_that_is_over(extract_text):
    facts = extract_text("Gareth Lowe joined Norvik Bank in 2008. Before that he spent 12 years at HSBC.")
    assert relation(facts, "Gareth Lowe", "WORKS_FOR", "HSBC").qualifiers.get("current") is False


def test_an_untagged_word_a_company_launched_is_its_product(extract_text):
    facts = extract_text("Castellan Therapeutics launched Rovexa in 2019.")
    assert [e.type for e in facts.entities if e.name == "Rovexa"] == ["Product"]
    assert ("Castellan Therapeutics", "MAKES", "Rovexa") in triples(facts)
    # the noun for the kind of product names none
    suv = extract_text("Zentrix Auto launched the Zentrix C3 SUV in 2013.")
    assert not [e for e in suv.entities if e.name == "SUV"]


@pytest.mark.parametrize("text", [
    "Sunstone Robotics was founded by former Amazon engineers Priya Nair and Tom Becker.",
    "Sunstone Robotics, a start-up founded in 2019 by former Amazon engineers Priya Nair and Tom Becker, makes drones.",
    "Quillon Labs was founded in 2021 by former Brevik engineers Asha Menon and Karl Feld.",
])
def test_people_described_by_their_old_company_founded_it_not_the_company(extract_text, text):
    # The first two the small parser reads with "engineers" as a verb and the
    # company as the founder.
    facts = triples(extract_text(text))
    founders = {s for s, p, _ in facts if p == "FOUNDED"}
    assert founders == ({"Priya Nair", "Tom Becker"} if "Amazon" in text else {"Asha Menon", "Karl Feld"})


@pytest.mark.parametrize("text", [
    "The acquisition of Tolland Freight by Harrow Logistics closed in March.",
    "Regulators approved the takeover of Tolland Freight by Harrow Logistics in March.",
    "The Dovrefjell Authority cleared the purchase of Tolland Freight by Harrow Logistics in March.",
])
def test_the_doer_of_a_named_deal_follows_by(extract_text, text):
    facts = extract_text(text, date="2024-05-02")
    fact = relation(facts, "Harrow Logistics", "ACQUIRED", "Tolland Freight")
    assert fact.qualifiers["date"] == "2024-03"
    assert not any(p == "ACQUIRED" and s != "Harrow Logistics" for s, p, _ in triples(facts))


def test_who_rules_on_a_deal_is_no_party_to_it(extract_text):
    facts = triples(extract_text("The Dovrefjell Authority blocked the acquisition of Tolland Freight."))
    assert not any(p == "ACQUIRED" for _, p, _ in facts)


@pytest.mark.parametrize("text, role", [
    ("Halden Shipping has named Irene Vass as its new chief executive, replacing Bo Lund, who is retiring.", "chief executive"),
    ("Irene Vass joins Halden Shipping as chief financial officer, replacing Bo Lund.", "chief financial officer"),
])
def test_a_successor_replacing_someone_ends_their_job(extract_text, text, role):
    facts = extract_text(text)
    assert relation(facts, "Irene Vass", "WORKS_FOR", "Halden Shipping").qualifiers["role"] == role
    left = relation(facts, "Bo Lund", "WORKS_FOR", "Halden Shipping")
    assert left.qualifiers["current"] is False
    assert left.qualifiers["role"] == role


def test_a_name_before_a_title_and_a_person_is_the_employer(extract_text):
    facts = extract_text("Former Corvasse chief technology officer Tomas Riel is joining Helmsdale Labs as president.")
    job = relation(facts, "Tomas Riel", "WORKS_FOR", "Corvasse")
    assert job.qualifiers["current"] is False
    assert job.qualifiers["role"] == "chief technology officer"
    assert names(facts)[relation(facts, "Tomas Riel", "MOVED", "Helmsdale Labs").qualifiers["from"]] == "Corvasse"


def test_its_after_a_subject_named_in_apposition_is_that_company(extract_text):
    facts = triples(extract_text("The startup, Nuvola Systems, counts Sequoia Capital and Accel among its backers."))
    assert {(s, o) for s, p, o in facts if p == "INVESTED_IN"} == {
        ("Sequoia Capital", "Nuvola Systems"), ("Accel", "Nuvola Systems")}


def test_a_stake_is_in_a_company_whatever_the_model_calls_it(extract_text):
    fact = relation(extract_text("Santos Group bought a 30% stake in Verde Agro last year for $200 million.", date="2024-05-02"),
                    "Santos Group", "INVESTED_IN", "Verde Agro")
    assert (fact.qualifiers["date"], fact.qualifiers["amount"]) == ("2023", "$200 million")


def test_joined_one_company_from_another(extract_text):
    facts = extract_text("Rafael Souza joined Pampa Energia from Petrobras in 2018.")
    move = relation(facts, "Rafael Souza", "MOVED", "Pampa Energia")
    assert (names(facts)[move.qualifiers["from"]], move.qualifiers["date"]) == ("Petrobras", "2018")
    assert relation(facts, "Rafael Souza", "WORKS_FOR", "Petrobras").qualifiers["current"] is False


def test_a_title_under_which_a_company_acted_is_a_job_there(extract_text):
    facts = extract_text("Under chief executive Rafael Souza, Pampa Energia has expanded into wind power.")
    assert relation(facts, "Rafael Souza", "WORKS_FOR", "Pampa Energia").qualifiers["role"] == "chief executive"


@pytest.mark.parametrize("text", [
    "Before joining Aldermoor Bank as chief economist in 2019, Yusuf Karim spent six years at Crestmoor Capital.",
    "Before joining Aldermoor Bank in 2019, Yusuf Karim worked at Crestmoor Capital.",
])
def test_a_stay_told_before_joining_is_over_and_the_join_a_move_from_it(extract_text, text):
    facts = extract_text(text)
    move = relation(facts, "Yusuf Karim", "MOVED", "Aldermoor Bank")
    assert (names(facts)[move.qualifiers["from"]], move.qualifiers["date"]) == ("Crestmoor Capital", "2019")
    assert relation(facts, "Yusuf Karim", "WORKS_FOR", "Crestmoor Capital").qualifiers["current"] is False


def test_and_before_that_worked_at_is_a_past_job_of_the_same_person(extract_text):
    facts = extract_text("Ravi Menon was previously chief financial officer at Castell Energy and before that worked at Orsolo Oil for a decade.")
    assert relation(facts, "Ravi Menon", "WORKS_FOR", "Orsolo Oil").qualifiers["current"] is False


def test_an_untagged_name_described_as_a_company_is_one(extract_text):
    facts = extract_text("Trellis, the payments company backed by Orrin Ventures, has poached Halcyon Bank's head of payments, Anya Petrov.")
    assert ("Orrin Ventures", "INVESTED_IN", "Trellis") in triples(facts)
    assert names(facts)[relation(facts, "Anya Petrov", "MOVED", "Trellis").qualifiers["from"]] == "Halcyon Bank"


def test_a_name_in_apposition_to_a_start_up_the_model_tagged_is_a_company(extract_text):
    facts = extract_text("Mireva, a Berlin-based battery start-up, has hired former Tesla executive Jonas Weber as its chief operating officer.")
    move = relation(facts, "Jonas Weber", "MOVED", "Mireva")
    assert (names(facts)[move.qualifiers["from"]], move.qualifiers["role"]) == ("Tesla", "chief operating officer")


def test_a_co_founder_the_model_took_for_a_company_is_a_person_when_titled_alone(extract_text):
    facts = extract_text("Amara Obi, who co-founded the lender Kudi with Tunde Bello, has left the company. Bello remains chief executive.")
    assert {s for s, p, o in triples(facts) if p == "FOUNDED" and o == "Kudi"} == {"Amara Obi", "Tunde Bello"}
    assert not any(o == "Tunde Bello" for _, _, o in triples(facts))


def test_a_unit_at_a_named_company_is_that_companys_not_one_named_before(extract_text):
    facts = extract_text("Maya Lindgren has been named chief executive of Orbis Therapeutics. "
                         "She previously ran the oncology unit at Halcrest Pharma.")
    assert relation(facts, "Maya Lindgren", "WORKS_FOR", "Orbis Therapeutics").qualifiers["current"] is True
    assert relation(facts, "Maya Lindgren", "WORKS_FOR", "Halcrest Pharma").qualifiers["current"] is False


@pytest.mark.parametrize("text", [
    "Hualing Auto later renamed Brenton Motors as Velora Mobility.",
    "Koval Group bought Brenton Motors in 2017 and later renamed it Velora Mobility.",
    "Brenton Motors renamed itself Velora Mobility in 2019.",
])
def test_who_renamed_a_company_is_not_the_company_renamed(extract_text, text):
    renamed = {(s, o) for s, p, o in triples(extract_text(text)) if p == "RENAMED_TO"}
    assert renamed == {("Brenton Motors", "Velora Mobility")}


def test_a_renamed_company_is_one_entity_across_articles(extract_text):
    facts = extract_text("Koval Group bought Brenton Motors in 2017.", "Brenton Motors renamed itself Velora Mobility in 2019.")
    assert [e.name for e in facts.entities].count("Brenton Motors") == 1


def test_defecting_to_a_rival_is_a_move_from_the_job_the_sentence_gives(extract_text):
    facts = extract_text("Nova Motors' chief designer, Luca Ferri, defected to rival Apex Auto last month.", date="2024-05-02")
    move = relation(facts, "Luca Ferri", "MOVED", "Apex Auto")
    assert (names(facts)[move.qualifiers["from"]], move.qualifiers["date"]) == ("Nova Motors", "2024-04")
    assert relation(facts, "Luca Ferri", "WORKS_FOR", "Nova Motors").qualifiers["current"] is False


def test_moving_to_a_town_is_no_job(extract_text):
    facts = extract_text("Apprenticed to a hatter, Tom Ruskin moved to Danbury, Connecticut in 1887.")
    assert not any(p in ("WORKS_FOR", "MOVED") for _, p, _ in triples(facts))


def test_an_untagged_name_a_company_backs_is_a_company(extract_text):
    invested = {(s, o) for s, p, o in triples(extract_text("Lumen Pay is backed by Orrin Ventures and Tessaly Capital.")) if p == "INVESTED_IN"}
    assert invested == {("Orrin Ventures", "Lumen Pay"), ("Tessaly Capital", "Lumen Pay")}


@pytest.mark.parametrize("text", [
    "Dmitri Volkov was ousted as chief executive of Baltic Shipping in March.",
    "Dmitri Volkov was dismissed as chief executive of Baltic Shipping in March.",
])
def test_ousted_as_chief_executive_ends_the_job(extract_text, text):
    fact = relation(extract_text(text, date="2024-05-02"), "Dmitri Volkov", "WORKS_FOR", "Baltic Shipping")
    assert (fact.qualifiers["current"], fact.qualifiers["end"], fact.qualifiers["role"]) == (False, "2024-03", "chief executive")


def test_head_of_a_company_described_is_the_role_head(extract_text):
    fact = relation(extract_text("Alina Petrescu, the head of Romania's largest bank, Banca Transilvania, spoke on Monday."),
                    "Alina Petrescu", "WORKS_FOR", "Banca Transilvania")
    assert fact.qualifiers["role"] == "head"


def test_a_job_told_in_the_past_in_a_clause_about_the_person_is_over(extract_text):
    facts = extract_text("Rahul Iyer, who worked at Ostera Bank, has joined Zipwise as its president.")
    assert relation(facts, "Rahul Iyer", "WORKS_FOR", "Ostera Bank").qualifiers["current"] is False
    assert names(facts)[relation(facts, "Rahul Iyer", "MOVED", "Zipwise").qualifiers["from"]] == "Ostera Bank"
    still = extract_text("Rahul Iyer, who works at Ostera Bank, spoke at the fair.")
    assert relation(still, "Rahul Iyer", "WORKS_FOR", "Ostera Bank").qualifiers.get("current") is not False


@pytest.mark.parametrize("text, fact", [
    pytest.param("Kestrel Pharma, which is majority-owned by Halvard Holdings, will build a plant.",
                 ("Kestrel Pharma", "PART_OF", "Halvard Holdings"), id="majority-owned by, read as a complement of 'is'"),
    # (as a line of a file: the parser then reads the name as the noun's apposition)
    pytest.param("Nadia Rahman co-founded the podcast studio Echo Lane with her former colleague Leo Grant.\n",
                 ("Leo Grant", "FOUNDED", "Echo Lane"), id="a co-founder named after a word for a person"),
    pytest.param("Dana Whitfield, who led the design of the Corvel X5 at Kessler Motors, now heads design at Volta Cars.",
                 ("Dana Whitfield", "DEVELOPED", "Corvel X5"), id="a brand and model code where only a product goes"),
])
def test_a_fact_in_a_shape_the_small_parser_misreads(extract_text, text, fact):
    assert fact in triples(extract_text(text))
