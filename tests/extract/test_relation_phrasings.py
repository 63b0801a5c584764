"""Relations said in news phrasings the small parser reads its own way: jobs a
leaving verb ends, small clauses, fronted and misparsed appositions, names a
company was founded under, amounts with the currency named after them, moves
to run another company. Invented text throughout."""

from __future__ import annotations

import pytest

from tests.extract.conftest import relation, triples

pytestmark = pytest.mark.model


# One sentence, one fact the small parser reads its own way.
STATED = [
    # a small clause: the company made into the noun is its subject
    ("The takeover made Quillon a wholly owned subsidiary of Nexora.", ("Quillon", "PART_OF", "Nexora")),
    ("The acquisition turned Quillon Games into a unit of Nexora Entertainment.",
     ("Quillon Games", "PART_OF", "Nexora Entertainment")),
    # a fronted apposition, parsed as a second subject
    ("A graduate of Keele University, Ravi Menon joined Siemens in 2004.", ("Ravi Menon", "EDUCATED_AT", "Keele University")),
    # the parser makes "RR385" the subject of "driving", not the object of "by"
    ("The Wenenmix M6 sedan is powered by the Istenley RR385 driving computer.", ("Wenenmix M6", "USES", "Istenley RR385")),
    # the tagger reads "runs" as a plural noun heading the sentence
    ("The Wilindor K3 coupe runs on the Orona RL261 chip.", ("Wilindor K3", "USES", "Orona RL261")),
    # a passive coordinated with an active verb shares its subject
    ("Acme Motors lost money in 2019 and was bought by Globex Motors in 2020.", ("Globex Motors", "ACQUIRED", "Acme Motors")),
    ("Zhu Jiang quit Nio in 2021 and was hired by Xiaomi a year later.", ("Zhu Jiang", "MOVED", "Xiaomi")),
    # a passive of leading: the company is led by the person
    ("Zentrix Robotics is led by Dev Raman.", ("Dev Raman", "WORKS_FOR", "Zentrix Robotics")),
    ("Zentrix Robotics, which is run by Dev Raman, makes drones.", ("Dev Raman", "WORKS_FOR", "Zentrix Robotics")),
    # who merges "with" another to form a company founds it too
    ("Quorvex Systems merged with Telmark Networks in 2017 to form Quortel.", ("Quorvex Systems", "FOUNDED", "Quortel")),
    ("Quorvex Systems merged with Telmark Networks in 2017 to form Quortel.", ("Telmark Networks", "FOUNDED", "Quortel")),
    # "a <company> company" describes one company as another's
    ("Talvane Robotics, a Morikawa Holdings company, makes warehouse robots.",
     ("Talvane Robotics", "PART_OF", "Morikawa Holdings")),
    ("Talvane Robotics is a Morikawa Holdings company.", ("Talvane Robotics", "PART_OF", "Morikawa Holdings")),
    # names set off after a plural title, which the parser coordinates with it
    ("Skyvane Robotics' co-founders, Kaito Mori and Emi Sato, met at Waseda University.",
     ("Kaito Mori", "FOUNDED", "Skyvane Robotics")),
    ("Skyvane Robotics' co-founders, Kaito Mori and Emi Sato, met at Waseda University.",
     ("Emi Sato", "FOUNDED", "Skyvane Robotics")),
    # a name of two words paired with a company is one, though the model missed it
    ("Ostrava Steel and Baltic Wire formed a joint venture, Nordic Cable, in 2018.", ("Baltic Wire", "FOUNDED", "Nordic Cable")),
    # a part noun with no owner in its phrase stands for the company named before
    ("Kravik Games grew fast. Marten Lund sold the studio to Ubisoft in 2021.", ("Ubisoft", "ACQUIRED", "Kravik Games")),
    # a seat on a board, given ("was appointed to") or held ("sits on the boards of X and Y")
    ("Nadia Korr was appointed to the board of Halden Capital in 2021.", ("Nadia Korr", "WORKS_FOR", "Halden Capital")),
    ("Nadia Korr sits on the boards of Halden Capital and Orvik Group.", ("Nadia Korr", "WORKS_FOR", "Orvik Group")),
    # a noun for taking a post
    ("The appointment of Pieter Smit as chairman of Ostrava Steel was announced on Monday.",
     ("Pieter Smit", "WORKS_FOR", "Ostrava Steel")),
    ("Ostrava Steel announced the appointment of Pieter Smit as chairman.", ("Pieter Smit", "WORKS_FOR", "Ostrava Steel")),
    # the title a person is appointed "as" is the appointee's, whoever appoints
    ("Nadia Korr was a lawyer in Leeds. Hugo Brandt appointed Korr as a partner of Halden Capital.",
     ("Nadia Korr", "WORKS_FOR", "Halden Capital")),
]


@pytest.mark.parametrize("text, fact", STATED)
def test_a_fact_stated_in_a_misparsed_phrasing_is_found(extract_text, text, fact):
    assert fact in triples(extract_text(text))

# One text, and predicates it states no fact of: what did not happen, is
# hedged, changed hands only in part, or is no job, ownership or move.
NOT_STATED = [
    ("Harlan Group did not sell Vesto Motors to Cumulus Holdings.", ("ACQUIRED",)),
    ("The merger of Acme Motors and Globex Motors did not create value.", ("FOUNDED",)),
    # a deal dropped, abandoned, called off or failed
    ("Adobe dropped its planned $20 billion acquisition of Figma in 2023.", ("ACQUIRED",)),
    ("Adobe abandoned plans to buy Figma.", ("ACQUIRED",)),
    ("Adobe called off its acquisition of Figma.", ("ACQUIRED",)),
    ("Adobe's failed takeover of Figma cost it $1 billion.", ("ACQUIRED",)),
    # a part of a company changing hands
    ("Dellcourt Media sold its radio business to Sonora Broadcasting for $310 million.", ("ACQUIRED",)),
    ("Sonora Broadcasting bought the Dellcourt Media radio business.", ("ACQUIRED",)),
    ("Sonora Broadcasting completed its acquisition of Dellcourt Media's radio business.", ("ACQUIRED",)),
    # a dispute, talks, a denial, a visit: no job
    ("Ilse Brandauer is now at odds with Northwind Power.", ("WORKS_FOR",)),
    ("Ilse Brandauer is currently in talks with Northwind Power.", ("WORKS_FOR",)),
    ("Ilse Brandauer is not now at Northwind Power.", ("WORKS_FOR",)),
    ("Dario Venn was at Ostrava Steel on Monday for talks.", ("WORKS_FOR",)),
    ("Dario Venn has been in talks with Ostrava Steel since May.", ("WORKS_FOR",)),
    ("Zentrix Robotics raised $5 million in a round that was led by Dev Raman.", ("WORKS_FOR",)),
    # a company of a place, or in a portfolio, is no part of either
    ("Talvane Robotics, a Silicon Valley company, makes robots.", ("PART_OF",)),
    ("Talvane Robotics, a Morikawa Holdings portfolio company, makes robots.", ("PART_OF",)),
    # a resignation after the join, a departure that may not happen
    ("Zhou Wei joined Vivora Telecom in 2015. Mr Zhou resigned from Huaxin Technologies in 2019.", ("MOVED",)),
    ("Ma Jian's possible departure from Vivora Telecom worried investors.", ("WORKS_FOR", "MOVED")),
    # seats on two boards at once are no move from one to the other
    ("Nadia Korr was named to the board of Halden Capital and Orvik Group.", ("MOVED",)),
    ("Ostrava Steel shareholders rejected the proposed appointment of Pieter Smit as chairman.", ("WORKS_FOR",)),
]


@pytest.mark.parametrize("text, predicates", NOT_STATED)
def test_a_phrasing_that_states_no_such_fact_gives_none(extract_text, text, predicates):
    assert not [t for t in triples(extract_text(text)) if t[1] in predicates]



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


def test_a_noun_the_parser_made_a_second_subject_still_stands_for_the_name_before_it(extract_text):
    # the small parser makes "a company" a subject of "acquired" beside the name
    facts = extract_text("Ostara Mobility, a company co-founded in 2019 by Luis Serrano, has been acquired by Movexa.")
    assert relation(facts, "Luis Serrano", "FOUNDED", "Ostara Mobility").qualifiers.get("date") == "2019"
    assert ("Movexa", "ACQUIRED", "Ostara Mobility") in triples(facts)


def test_the_new_venture_is_not_the_former_employer_named_before_it(extract_text):
    facts = extract_text("Former Nexcel executive Ivan Petrov will lead the new venture, which is backed by Tencent.")
    assert [t for t in triples(facts) if t[1] == "INVESTED_IN"] == []
    assert relation(facts, "Ivan Petrov", "WORKS_FOR", "Nexcel").qualifiers["current"] is False


def test_a_veteran_of_one_company_who_joins_another_moved_from_it(extract_text):
    facts = extract_text("Jane Roe, a veteran of Ford, joined Siemens in 2004.")
    move = relation(facts, "Jane Roe", "MOVED", "Siemens")
    assert move.qualifiers["from"] == next(e.id for e in facts.entities if e.name == "Ford")
    assert relation(facts, "Jane Roe", "WORKS_FOR", "Ford").qualifiers["current"] is False


def test_whose_is_the_name_the_clause_describes(extract_text):
    facts = extract_text("Jane Roe, whose start-up Cloudyn was bought by Oracle in 2017, joined Oracle.")
    assert ("Jane Roe", "FOUNDED", "Cloudyn") in triples(facts)


@pytest.mark.parametrize("text", [
    "Zentive, founded in 1998 as Webstar, is based in Austin.",
    "Zentive was founded as Webstar in 1998.",
    "The company, founded in 1998 as Webstar, changed its name to Zentive in 2004.",
    "Zentive was originally called Webstar.",
    "Zentive, formerly known as Webstar, is based in Austin.",
])
def test_the_name_a_company_was_founded_or_known_under_was_renamed(extract_text, text):
    assert ("Webstar", "RENAMED_TO", "Zentive") in triples(extract_text(text))


@pytest.mark.parametrize("text, amount", [
    ("Avalon Pharma agreed to buy a 40 percent stake in Genova Bio for 1.1 billion euros.", "1.1 billion euros"),
    ("Avalon Pharma invested 700 million pounds in Genova Bio.", "700 million pounds"),
])
def test_an_amount_with_the_currency_named_after_it_is_whole(extract_text, text, amount):
    assert relation(extract_text(text), "Avalon Pharma", "INVESTED_IN", "Genova Bio").qualifiers.get("amount") == amount


@pytest.mark.parametrize("text", [
    "Greta Lind left Volvik in 2019 to run Saab.",
    "Greta Lind quit Volvik to join Saab as chief executive.",
])
def test_leaving_one_company_to_run_or_join_another_is_a_move(extract_text, text):
    facts = extract_text(text)
    move = relation(facts, "Greta Lind", "MOVED", "Saab")
    assert move.qualifiers["from"] == next(e.id for e in facts.entities if e.name == "Volvik")


def test_the_architect_of_a_companys_turnaround_holds_no_job_there(extract_text):
    facts = extract_text("Greta Lind, the architect of Volvik's turnaround, spoke on Monday.")
    assert [t for t in triples(facts) if t[1] == "WORKS_FOR"] == []


def test_its_in_a_phrase_of_the_object_is_the_subjects(extract_text):
    # "in its Aero sedan" hangs on "chips": "its" is still the user's, not the chip maker's
    facts = extract_text("Voltaris uses Nvidia's Drive Orin chips in its Aero sedan.")
    makers = {t[0] for t in triples(facts) if t[1] == "MAKES" and t[2] == "Aero"}
    assert makers == {"Voltaris"}


def test_a_gerund_founding_after_a_job_is_a_move_and_names_a_company(extract_text):
    facts = extract_text("Yuki Sato spent two years at Sony before co-founding Pixelra with Ken Ito in 2015.")
    found = triples(facts)
    assert {("Yuki Sato", "FOUNDED", "Pixelra"), ("Ken Ito", "FOUNDED", "Pixelra")} <= found
    assert relation(facts, "Yuki Sato", "MOVED", "Pixelra").qualifiers.get("date") == "2015"


def test_a_memorandum_of_understanding_with_a_company_is_a_partnership(extract_text):
    facts = extract_text("Brixa Motors signed a memorandum of understanding with Telvane Energy.")
    assert {t for t in triples(facts) if t[1] == "PARTNERED_WITH"} == {("Brixa Motors", "PARTNERED_WITH", "Telvane Energy")}


def test_who_will_be_succeeded_holds_the_job_now(extract_text):
    facts = extract_text("Rachel Adeyemi will succeed Tom Marsh as chief executive of Sellwood Bank in April.")
    job = relation(facts, "Tom Marsh", "WORKS_FOR", "Sellwood Bank")
    assert job.qualifiers["current"] is True and job.qualifiers.get("role") == "chief executive"


def test_a_succession_takes_its_company_from_a_title_in_apposition(extract_text):
    facts = extract_text("Rachel Adeyemi, the chief financial officer of Sellwood Bank, succeeded Tom Marsh as chief executive in 2021.")
    job = relation(facts, "Tom Marsh", "WORKS_FOR", "Sellwood Bank")
    assert job.qualifiers["current"] is False and job.qualifiers.get("end") == "2021"


def test_its_after_an_apposition_closed_by_commas_is_the_subjects(extract_text):
    # the parser hangs "named ..." on the apposition's noun
    facts = extract_text("Sunrise Dairy, a subsidiary of Agrona Group, named Li Wei as its new managing director.")
    assert {t[2] for t in triples(facts) if t[0] == "Li Wei" and t[1] == "WORKS_FOR"} == {"Sunrise Dairy"}


@pytest.mark.parametrize("text, amount", [
    ("Harlan Group sold Vesto Motors to Cumulus Holdings for $90 million.", "$90 million"),
    ("Harlan Group has agreed to sell its radio unit, Vesto Motors, to Cumulus Holdings.", None),
])
def test_who_a_company_is_sold_to_acquired_it(extract_text, text, amount):
    facts = extract_text(text)
    assert relation(facts, "Cumulus Holdings", "ACQUIRED", "Vesto Motors").qualifiers.get("amount") == amount
    assert not [t for t in triples(facts) if t[1] == "ACQUIRED" and t[0] != "Cumulus Holdings"]


def test_a_date_in_an_apposition_is_not_the_main_clauses(extract_text):
    facts = extract_text("Tessa Moore, chief executive of Orion Airlines since 2018, previously ran Blue Jet's European operations.")
    assert relation(facts, "Tessa Moore", "WORKS_FOR", "Orion Airlines").qualifiers.get("start") == "2018"
    assert "start" not in relation(facts, "Tessa Moore", "WORKS_FOR", "Blue Jet").qualifiers


def test_who_an_appointee_replaces_left_the_job_they_were_appointed_to(extract_text):
    facts = extract_text("Helga Brandt was named chief executive of Corvane Bank, replacing Tom Marsh.")
    job = relation(facts, "Tom Marsh", "WORKS_FOR", "Corvane Bank")
    assert job.qualifiers["current"] is False and job.qualifiers.get("role") == "chief executive"


VANTIX = (
    "Vantix, the Berlin-based battery start-up, has raised 120 million euros in a round led by Northvolt Ventures. "
    "Existing investors Earlybird and Index Ventures also took part. "
    "The company was founded in 2020 by former Tesla engineers Jonas Feld and Maria Costa. "
    "Feld serves as chief executive, while Costa is chief technology officer. "
    "Vantix supplies cells to truck makers."
)


def test_the_company_is_not_a_company_named_as_an_investor(extract_text):
    facts = extract_text(VANTIX)
    founded = {t[2] for t in triples(facts) if t[1] == "FOUNDED"}
    assert founded == {"Vantix"}


def test_former_engineers_of_a_company_named_before_their_names_worked_there(extract_text):
    facts = extract_text(VANTIX)
    for person in ("Jonas Feld", "Maria Costa"):
        assert relation(facts, person, "WORKS_FOR", "Tesla").qualifiers["current"] is False


def test_a_company_title_said_of_a_person_in_a_sentence_naming_no_company_is_at_the_articles(extract_text):
    facts = extract_text(VANTIX)
    assert relation(facts, "Jonas Feld", "WORKS_FOR", "Vantix").qualifiers.get("role") == "chief executive"
    assert relation(facts, "Maria Costa", "WORKS_FOR", "Vantix").qualifiers.get("role") == "chief technology officer"


KESTREL = (
    "Kestrel Aerospace has named Nadia Okoro as its next chief executive, the company said on Thursday. "
    "Okoro, 54, joins from rival Aerion, where she has been chief operating officer since 2019. "
    "Before Aerion, she spent 12 years at Boeing. "
    "Okoro will succeed Paul Hadley, who plans to retire. "
    "Kestrel, which makes regional jets, has struggled with supply problems."
)


def test_a_role_leaves_out_when_the_job_begins(extract_text):
    facts = extract_text(KESTREL, date="2024-05-03")
    assert relation(facts, "Nadia Okoro", "WORKS_FOR", "Kestrel Aerospace").qualifiers.get("role") == "chief executive"


def test_joining_from_a_company_joins_the_one_the_article_is_about(extract_text):
    facts = extract_text(KESTREL, date="2024-05-03")
    move = relation(facts, "Nadia Okoro", "MOVED", "Kestrel Aerospace")
    assert move.qualifiers["from"] == next(e.id for e in facts.entities if e.name == "Aerion")
    assert relation(facts, "Nadia Okoro", "WORKS_FOR", "Aerion").qualifiers["current"] is False


def test_a_job_before_another_employer_is_over(extract_text):
    facts = extract_text(KESTREL, date="2024-05-03")
    assert relation(facts, "Nadia Okoro", "WORKS_FOR", "Boeing").qualifiers["current"] is False


def test_who_will_be_succeeded_works_at_the_articles_company(extract_text):
    facts = extract_text(KESTREL, date="2024-05-03")
    assert relation(facts, "Paul Hadley", "WORKS_FOR", "Kestrel Aerospace").qualifiers["current"] is True


def test_a_join_whose_company_the_parser_missed_is_not_one_to_the_articles(extract_text):
    # "Ravex Quantum" is no name the extractor knows; the article is about Senenna Auto
    text = ("Senenna Auto makes electric vans. Senenna Auto said sales rose. Shares of Senenna Auto fell. "
            "Mohammed Petrov left Zelamar Vehicles and joined Ravex Quantum in March 2018.")
    facts = extract_text(text)
    assert not [t for t in triples(facts) if t[1] == "MOVED" and t[2] == "Senenna Auto"]


def test_a_joint_venture_between_two_companies_partners_them_not_the_venture(extract_text):
    facts = extract_text("Alder Motors is a joint venture between Siemens and Tata Motors.")
    partners = {frozenset((t[0], t[2])) for t in triples(facts) if t[1] == "PARTNERED_WITH"}
    assert partners == {frozenset(("Siemens", "Tata Motors"))}
    assert {t[0] for t in triples(facts) if t[1] == "FOUNDED" and t[2] == "Alder Motors"} == {"Siemens", "Tata Motors"}


@pytest.mark.parametrize("text", [
    "Initech Motors was formed in 2019 through the merger of Acme Motors and Globex Motors.",
    "Initech Motors, created by the 2019 merger of Acme Motors and Globex Motors, is based in Turin.",
])
def test_the_companies_whose_merger_formed_another_founded_it(extract_text, text):
    facts = extract_text(text)
    for parent in ("Acme Motors", "Globex Motors"):
        assert relation(facts, parent, "FOUNDED", "Initech Motors").qualifiers.get("date") == "2019"


def test_a_completed_deal_still_does(extract_text):
    assert relation(extract_text("Adobe completed its acquisition of Figma in 2023."), "Adobe", "ACQUIRED", "Figma")


def test_renaming_something_of_the_subjects_the_text_does_not_name_renames_not_the_subject(extract_text):
    facts = extract_text("Tencent-backed Nio rebranded its Onvo sub-brand as Firefly in 2025.")
    assert not [t for t in triples(facts) if t[1] == "RENAMED_TO" and t[0] == "Nio"]


def test_a_bare_title_whose_words_both_hang_on_the_name_is_whole(extract_text):
    # the parser hangs "chief" and "executive" on "Lund" each; the article is about the bank
    text = ("Halvorsen Bank said that chief executive Erik Lund would leave in June. "
            "Halvorsen Bank is Norway's third-largest lender. Halvorsen Bank also cut its dividend.")
    assert relation(extract_text(text), "Erik Lund", "WORKS_FOR", "Halvorsen Bank").qualifiers.get("role") == "chief executive"


@pytest.mark.parametrize("text", [
    "Dellcourt Media sold its radio unit, Wavecast, to Sonora Broadcasting.",
    "Dellcourt Media sold its Wavecast unit to Sonora Broadcasting in 2019.",
])
def test_but_a_part_the_text_names_is_acquired(extract_text, text):
    found = triples(extract_text(text))
    assert ("Sonora Broadcasting", "ACQUIRED", "Wavecast") in found
    assert ("Sonora Broadcasting", "ACQUIRED", "Dellcourt Media") not in found


def test_an_adverb_before_a_title_is_no_part_of_the_role(extract_text):
    facts = extract_text("Brennan Holt was most recently finance director at Corby Stores.")
    assert relation(facts, "Brennan Holt", "WORKS_FOR", "Corby Stores").qualifiers["role"] == "finance director"


@pytest.mark.parametrize("text, org, current", [
    ("Ilse Brandauer left Sorvik Energy last year and is now at Northwind Power.", "Northwind Power", True),
    ("Ilse Brandauer, now at Northwind Power, said the market had changed.", "Northwind Power", True),
    ("Ilse Brandauer is currently with Northwind Power.", "Northwind Power", True),
    ("Ilse Brandauer, formerly of Sorvik Energy and now with Northwind Power, said prices would fall.", "Northwind Power", True),
    ("Ilse Brandauer, formerly of Sorvik Energy and now with Northwind Power, said prices would fall.", "Sorvik Energy", False),
])
def test_where_a_person_is_now_or_was_before(extract_text, text, org, current):
    assert relation(extract_text(text), "Ilse Brandauer", "WORKS_FOR", org).qualifiers["current"] is current


def test_its_means_what_the_sentence_before_is_about_not_a_name_in_its_clause(extract_text):
    facts = extract_text("Halvorsen Bank, which acquired the lender Kvikk in 2021, has cut costs. "
                         "Its largest shareholder, the pension fund Nordvest, welcomed the plan.")
    found = triples(facts)
    assert ("Nordvest", "INVESTED_IN", "Halvorsen Bank") in found
    assert ("Nordvest", "INVESTED_IN", "Kvikk") not in found


@pytest.mark.parametrize("text", [
    "OSLO - Halvorsen Bank said on Tuesday it had hired Marit Solberg as its chief executive.",
    "BERLIN — Halvorsen Bank said on Tuesday it had hired Marit Solberg as its chief executive.",
])
def test_a_datelines_place_is_no_part_of_the_company_after_it(extract_text, text):
    facts = extract_text(text)
    assert ("Marit Solberg", "WORKS_FOR", "Halvorsen Bank") in triples(facts)
    assert not [e.name for e in facts.entities if e.name.isupper() or e.name.startswith(("OSLO", "BERLIN"))]


def test_the_new_company_after_two_named_ones_is_neither(extract_text):
    facts = extract_text("Talvane Robotics agreed to merge with Corvex Networks. "
                         "The new company will be led by Dev Raman, the current head of Corvex Networks.")
    found = triples(facts)
    assert ("Dev Raman", "WORKS_FOR", "Talvane Robotics") not in found
    assert ("Dev Raman", "WORKS_FOR", "Corvex Networks") in found


def test_the_new_company_after_one_named_one_is_that_one(extract_text):
    facts = extract_text("Talvane Robotics was founded in 2020. The new company will be led by Dev Raman.")
    assert ("Dev Raman", "WORKS_FOR", "Talvane Robotics") in triples(facts)


@pytest.mark.parametrize("text, old, new", [
    ("Korvane Holdings changed its name from QR Holdings to Quantrel Technologies in 2005.", "QR Holdings", "Quantrel Technologies"),
    ("The company changed its name from Korvane Holdings to Quantrel in 2005.", "Korvane Holdings", "Quantrel"),
])
def test_changing_a_name_from_one_to_another_renames_the_one_named(extract_text, text, old, new):
    relation(extract_text(text), old, "RENAMED_TO", new)


def test_changing_its_name_to_another_renames_the_subject(extract_text):
    relation(extract_text("Korvane Holdings changed its name to Quantrel in 2005."), "Korvane Holdings", "RENAMED_TO", "Quantrel")


@pytest.mark.parametrize("text, rival", [
    ("Quantrel Technologies cut costs. Its rival Brannock Semiconductor did the same last year.", "Quantrel Technologies"),
    # "its" means the sentence's subject, not the company it holds a stake in
    ("Quantrel Technologies will keep a stake in Siliqa. Its rival Brannock Semiconductor did the same last year.",
     "Quantrel Technologies"),
])
def test_its_rival_heading_the_subject_competes_with_what_its_means(extract_text, text, rival):
    found = triples(extract_text(text))
    assert {t[0] if t[2] == "Brannock Semiconductor" else t[2] for t in found
            if t[1] == "COMPETES_WITH" and "Brannock Semiconductor" in (t[0], t[2])} == {rival}


def test_poached_from_a_company_with_no_hirer_named_joins_the_articles_company(extract_text):
    facts = extract_text("Talvane Robotics is expanding its sales team. The company opened two offices this year, "
                         "and Talvane Robotics now employs 400 people. Mira Castell was poached from Halden Capital last year.")
    move = relation(facts, "Mira Castell", "MOVED", "Talvane Robotics")
    assert move.qualifiers["from"] == next(e.id for e in facts.entities if e.name == "Halden Capital")
    assert relation(facts, "Mira Castell", "WORKS_FOR", "Halden Capital").qualifiers["current"] is False


@pytest.mark.parametrize("text, qualifiers", [
    ("Dario Venn, who has been with Ostrava Steel since 2010, was named chief operating officer.",
     {"current": True, "start": "2010"}),
    ("Dario Venn has been at Ostrava Steel for 12 years.", {"current": True}),
    ("Dario Venn was at Ostrava Steel for 12 years.", {"current": False}),
])
def test_how_long_a_person_has_been_or_was_with_a_company(extract_text, text, qualifiers):
    found = relation(extract_text(text), "Dario Venn", "WORKS_FOR", "Ostrava Steel").qualifiers
    assert {k: found.get(k) for k in qualifiers} == qualifiers


def test_money_poured_into_a_company_is_an_investment(extract_text):
    facts = extract_text("Brightwell Energy has poured $1 billion into the hydrogen start-up Hyvolt.")
    assert relation(facts, "Brightwell Energy", "INVESTED_IN", "Hyvolt").qualifiers["amount"] == "$1 billion"


@pytest.mark.parametrize("text", [
    "Rui Almeida worked at Salvor Motors before moving to Kestrel Auto in 2006.",
    "Rui Almeida began his career at Salvor Motors in 1995, rising to head of powertrain, before moving to Kestrel Auto in 2006.",
])
def test_moving_on_after_a_job_is_a_move_from_it(extract_text, text):
    facts = extract_text(text)
    move = relation(facts, "Rui Almeida", "MOVED", "Kestrel Auto")
    assert move.qualifiers["from"] == next(e.id for e in facts.entities if e.name == "Salvor Motors")
    assert move.qualifiers["date"] == "2006"


def test_a_role_served_until_a_year_ended_then_and_dates_nothing_else(extract_text):
    facts = extract_text("Rui Almeida co-founded Ampera Cells, serving as its chief executive until 2020.")
    job = relation(facts, "Rui Almeida", "WORKS_FOR", "Ampera Cells").qualifiers
    assert (job["current"], job["end"]) == (False, "2020")
    assert "date" not in relation(facts, "Rui Almeida", "FOUNDED", "Ampera Cells").qualifiers


def test_a_role_to_be_served_until_a_year_is_still_current(extract_text):
    facts = extract_text("Rui Almeida will serve as chief executive of Ampera Cells until 2030.")
    assert relation(facts, "Rui Almeida", "WORKS_FOR", "Ampera Cells").qualifiers["current"] is True


def test_a_stake_sold_to_another_is_the_buyers_investment_and_dates_only_the_sale(extract_text):
    facts = extract_text("Kestrel Auto sold its 30% stake in Ampera Cells to Brightwell Energy in 2022.")
    assert relation(facts, "Brightwell Energy", "INVESTED_IN", "Ampera Cells").qualifiers.get("date") == "2022"
    assert "date" not in relation(facts, "Kestrel Auto", "INVESTED_IN", "Ampera Cells").qualifiers
    assert not [t for t in triples(facts) if t[1] == "ACQUIRED"]


def test_a_join_the_article_follows_with_an_earlier_resignation_is_a_move(extract_text):
    facts = extract_text("Zhou Wei has joined Vivora Telecom as head of its chip unit, two sources said on March 3. "
                         "Mr Zhou resigned from Huaxin Technologies in January after 11 years.", date="2024-03-05")
    move = relation(facts, "Zhou Wei", "MOVED", "Vivora Telecom")
    assert move.qualifiers["from"] == next(e.id for e in facts.entities if e.name == "Huaxin Technologies")


def test_a_criticism_told_as_earlier_is_not_the_days_news(extract_text):
    facts = extract_text("Huaxin Technologies makes chips. Lin Hao has previously criticised Huaxin for poaching Vivora staff.",
                         date="2024-05-01")
    assert "date" not in relation(facts, "Lin Hao", "CRITICIZED", "Huaxin").qualifiers


@pytest.mark.parametrize("text, origin, destination", [
    ("The hire follows the departure of Vivora's chief technology officer, Ma Jian, to electric vehicle maker Pexon in December.",
     "Vivora", "Pexon"),
    ("Ma Jian's departure from Vivora Telecom to Pexon Motors was announced in December.", "Vivora Telecom", "Pexon Motors"),
    ("The departure of Ingrid Holm from Vivora Telecom surprised investors.", "Vivora Telecom", None),
])
def test_a_departure_ends_the_job_left_and_with_a_to_is_a_move(extract_text, text, origin, destination):
    facts = extract_text(text)
    person = next(e.name for e in facts.entities if e.type == "Person")
    assert relation(facts, person, "WORKS_FOR", origin).qualifiers["current"] is False
    moves = [t for t in triples(facts) if t[1] == "MOVED"]
    assert moves == ([(person, "MOVED", destination)] if destination else [])


@pytest.mark.parametrize("text", [
    "Meridian Air said Skyhaven chief executive Laurent Girard will leave the company at the end of the month.",
    "Meridian Air said Laurent Girard, chief executive of Skyhaven Airlines, left the company last month.",
])
def test_the_company_a_titled_person_leaves_is_that_of_the_title(extract_text, text):
    found = triples(extract_text("Meridian Air announced a new leadership team following its merger with Skyhaven Airlines. " + text))
    assert ("Laurent Girard", "WORKS_FOR", "Meridian Air") not in found
    assert [t for t in found if t[0] == "Laurent Girard" and t[2].startswith("Skyhaven")]


def test_who_appoints_a_person_as_a_title_holds_no_title(extract_text):
    facts = extract_text("Nadia Korr was a lawyer in Leeds. Hugo Brandt appointed Korr as a partner of Halden Capital.")
    assert ("Hugo Brandt", "WORKS_FOR", "Halden Capital") not in triples(facts)
    # (an appointing verb is no joining: the one appointed is no organisation)
    assert [e.name for e in facts.entities if e.type == "Organization"] == ["Halden Capital"]


@pytest.mark.parametrize("text", [
    "Prior to joining Fennick Data, Sunita Rao was head of analytics at Halvorsen Bank.",
    "Prior to joining Fennick Data in 2021, Sunita Rao spent nine years at Halvorsen Bank.",
])
def test_prior_to_joining_is_a_move_from_the_job_before(extract_text, text):
    facts = extract_text(text)
    assert {("Sunita Rao", "WORKS_FOR", "Fennick Data"), ("Sunita Rao", "MOVED", "Fennick Data")} <= triples(facts)
    assert relation(facts, "Sunita Rao", "WORKS_FOR", "Halvorsen Bank").qualifiers["current"] is False


@pytest.mark.parametrize("text", [
    "Former Orvik Group chief executive Lena Dahl said the deal was a mistake.",
    "Former Orvik Group CEO Lena Dahl said the deal was a mistake.",
])
def test_former_before_the_employer_of_a_title_ends_the_job(extract_text, text):
    assert relation(extract_text(text), "Lena Dahl", "WORKS_FOR", "Orvik Group").qualifiers["current"] is False


def test_former_after_the_title_is_the_companys_not_the_jobs(extract_text):
    facts = extract_text("Lena Dahl, chief executive of the former state lender Orvik Bank, said the deal was a mistake.")
    assert relation(facts, "Lena Dahl", "WORKS_FOR", "Orvik Bank").qualifiers["current"] is True


def test_a_company_the_parser_made_a_compound_of_its_verb_is_its_subject(extract_text):
    found = triples(extract_text(
        "Ines Varga left Pellmont Media in May. Pellmont Media competes with Quarry Entertainment and Dunmore Studios "
        "for readers."))
    assert {("Pellmont Media", "COMPETES_WITH", "Quarry Entertainment"),
            ("Dunmore Studios", "COMPETES_WITH", "Pellmont Media")} <= found


@pytest.mark.parametrize("text", [
    "Tessaro Software has hired Ama Boateng from SAP to run its sales division.",
    "Tessaro Software hired Ama Boateng to lead its sales division.",
])
def test_who_is_hired_to_do_something_does_it_not_the_hirer(extract_text, text):
    found = triples(extract_text(text))
    assert ("Ama Boateng", "WORKS_FOR", "Tessaro Software") in found
    assert not [t for t in found if t[0] == "Tessaro Software" and t[1] == "WORKS_FOR"]


def test_who_is_persuaded_to_join_a_company_joins_it(extract_text):
    found = triples(extract_text("Maria Lopez persuaded Daniel Kim to join Tessaro Software."))
    assert ("Daniel Kim", "WORKS_FOR", "Tessaro Software") in found
    assert ("Maria Lopez", "WORKS_FOR", "Tessaro Software") not in found


@pytest.mark.parametrize("text, current", [
    ("Halden Capital said on Monday that Pieter Smit would step down as chairman in 2031.", True),
    ("Halden Capital announced that Pieter Smit is to become chief financial officer.", True),
    ("Halden Capital said Pieter Smit had resigned as chief executive.", False),
])
def test_a_title_in_what_a_company_says_is_at_that_company(extract_text, text, current):
    assert relation(extract_text(text), "Pieter Smit", "WORKS_FOR", "Halden Capital").qualifiers["current"] is current


def test_but_not_where_the_sentence_names_another_company(extract_text):
    found = triples(extract_text("Halden Capital said Pieter Smit would step down as chairman of Orvik Group."))
    assert ("Pieter Smit", "WORKS_FOR", "Halden Capital") not in found


def test_what_a_person_said_they_would_leave_they_have_not_left(extract_text):
    facts = extract_text("Pieter Smit said he would leave Halden Capital.")
    assert relation(facts, "Pieter Smit", "WORKS_FOR", "Halden Capital").qualifiers.get("current") is not False


@pytest.mark.parametrize("text", [
    "Maria Lopez criticised Orvik Group's pricing strategy.",
    "Maria Lopez took aim at Orvik Group's board.",
])
def test_criticising_what_a_company_did_criticises_the_company(extract_text, text):
    assert ("Maria Lopez", "CRITICIZED", "Orvik Group") in triples(extract_text(text))


def test_buying_what_a_company_owned_buys_not_the_company(extract_text):
    # (the possessor stands for the object only where the trigger says so)
    assert not [t for t in triples(extract_text("Halden Capital bought Orvik Group's shipping unit.")) if t[1] == "ACQUIRED"]


@pytest.mark.parametrize("text", [
    "Halden Motors and Orvik Group will jointly develop hybrid engines.",
    "Halden Motors will jointly develop hybrid engines with Orvik Group.",
    "Halden Motors and Orvik Group agreed to develop hybrid engines together.",
])
def test_doing_something_jointly_is_a_partnership(extract_text, text):
    assert {("Halden Motors", "PARTNERED_WITH", "Orvik Group"), ("Orvik Group", "PARTNERED_WITH", "Halden Motors")} \
        & triples(extract_text(text))


def test_people_who_run_a_company_jointly_are_no_partnership(extract_text):
    found = triples(extract_text("Maria Lopez and Tom Hale jointly run Halden Motors."))
    assert not [t for t in found if t[1] == "PARTNERED_WITH"]


def test_what_companies_jointly_invested_in_is_no_partner_of_theirs(extract_text):
    found = triples(extract_text("Quenvora Auto is a car brand jointly invested by Halden Motors and Orvik Group."))
    assert not [t for t in found if t[1] == "PARTNERED_WITH" and "Quenvora Auto" in (t[0], t[2])]


@pytest.mark.parametrize("text", [
    "Orvik Group was founded in 2016 by Tang Weiming and Laura Becker, both former engineers at Halden Motors.",
    "Orvik Group hired Tang Weiming and Laura Becker, two former engineers at Halden Motors.",
])
def test_a_plural_noun_set_off_after_a_list_of_people_is_said_of_each(extract_text, text):
    found = triples(extract_text(text))
    assert {("Tang Weiming", "WORKS_FOR", "Halden Motors"), ("Laura Becker", "WORKS_FOR", "Halden Motors")} <= found


def test_a_singular_noun_set_off_after_a_list_is_said_of_the_last(extract_text):
    found = triples(extract_text("Orvik Group hired Tang Weiming and Laura Becker, a former engineer at Halden Motors."))
    assert ("Laura Becker", "WORKS_FOR", "Halden Motors") in found
    assert ("Tang Weiming", "WORKS_FOR", "Halden Motors") not in found


def test_founders_named_after_a_word_for_people_the_parser_read_as_a_verb(extract_text):
    # the tagger reads "engineers" as a verb, the object of "by"
    found = triples(extract_text(
        "Quenvora, founded in 2011 by former Texas Instruments engineers Raj Patel and Emily Chu, supplies chips."))
    assert {("Raj Patel", "FOUNDED", "Quenvora"), ("Emily Chu", "FOUNDED", "Quenvora"),
            ("Raj Patel", "WORKS_FOR", "Texas Instruments"), ("Emily Chu", "WORKS_FOR", "Texas Instruments")} <= found


def test_the_company_in_what_a_titled_person_says_is_that_persons(extract_text):
    found = triples(extract_text(
        "Halden Capital agreed to buy Quenvora. Quenvora supplies chips to Ford. "
        "Halden Capital chief executive Mark Delaney said the deal would help the company compete with Infineon."))
    assert ("Halden Capital", "COMPETES_WITH", "Infineon Technologies") in found
    assert not [t for t in found if t[1] == "COMPETES_WITH" and "Quenvora" in (t[0], t[2])]


@pytest.mark.parametrize("text, amount", [
    ("Orvik Group completed the sale of Fjordane to Halden Capital for $400 million.", "$400 million"),
    ("Orvik Group said it had completed the sale of its ferry unit, Fjordane, to Halden Capital.", None),
    ("The sale of Fjordane to Halden Capital was approved by regulators.", None),
])
def test_the_sale_of_a_company_to_another_is_the_buyers_acquisition(extract_text, text, amount):
    deal = relation(extract_text(text), "Halden Capital", "ACQUIRED", "Fjordane")
    assert deal.qualifiers.get("amount") == amount


def test_the_sale_of_a_business_of_a_company_is_no_acquisition_of_the_company(extract_text):
    found = triples(extract_text("Orvik Group's sale of its radio business to Halden Capital closed."))
    assert not [t for t in found if t[1] == "ACQUIRED"]


@pytest.mark.parametrize("text", [
    "Lumara Power, a battery start-up backed by Halden Capital, is valued at $1 billion.",
    "Halden Capital, which had revenue of $5 billion last year, invested in Lumara Power.",
])
def test_a_sum_that_measures_a_company_is_no_amount_of_a_deal(extract_text, text):
    deal = relation(extract_text(text), "Halden Capital", "INVESTED_IN", "Lumara Power")
    assert "amount" not in deal.qualifiers


def test_an_investment_beside_a_valuation_keeps_its_own_amount(extract_text):
    deal = relation(extract_text("Lumara Power raised $50 million from Halden Capital at a valuation of $1 billion."),
                    "Halden Capital", "INVESTED_IN", "Lumara Power")
    assert deal.qualifiers.get("amount") == "$50 million"


def test_the_sale_of_a_stake_in_a_company_is_no_acquisition_of_it(extract_text):
    found = triples(extract_text("Orvik Group announced the divestment of its 30 percent stake in Fjordane to Halden Capital."))
    assert not [t for t in found if t[1] == "ACQUIRED"]


def test_a_former_employer_before_a_word_for_staff_read_as_an_adjective(extract_text):
    # the tagger reads "executive" as an adjective of the name
    found = triples(extract_text("Pexon, founded in 2019 by former NIO executive Zhao Min, launched its first model."))
    assert {("Zhao Min", "FOUNDED", "Pexon"), ("Zhao Min", "WORKS_FOR", "Nio")} <= found


@pytest.mark.parametrize("text, uses", [
    ("Tovani launched its first model, the Tovani T1 sedan, last year. The car uses Nvidia's Orin chip.", True),
    # a part's noun does not stand for a whole car, nor the other way round
    ("Tovani launched the Tovani T1 sedan last year. The chip uses Nvidia's Orin design.", False),
])
def test_a_definite_noun_for_a_product_heading_a_clause_is_the_one_product_just_named(extract_text, text, uses):
    found = triples(extract_text(text))
    assert (("Tovani T1", "USES", "Nvidia Drive Orin") in found) is uses


def test_joining_the_company_from_another_where_a_title_was_held_joins_the_company(extract_text):
    facts = extract_text("Halvorsen Bank named Sofia Marchetti as its chief executive on Thursday. "
                         "Marchetti joined the bank in 2009 from Deutsche Bank, where she was head of European equities.")
    move = relation(facts, "Sofia Marchetti", "MOVED", "Halvorsen Bank")
    assert move.qualifiers["from"] == "deutsche-bank"
    assert ("Sofia Marchetti", "MOVED", "Deutsche Bank") not in triples(facts)


@pytest.mark.parametrize("text", [
    "Halvorsen Bank named Sofia Marchetti as its first female chief executive.",
    "Sofia Marchetti became the youngest chief executive of Halvorsen Bank.",
])
def test_words_for_who_holds_a_title_are_no_part_of_the_role(extract_text, text):
    assert relation(extract_text(text), "Sofia Marchetti", "WORKS_FOR", "Halvorsen Bank").qualifiers["role"] == "chief executive"


@pytest.mark.parametrize("follow_up", [
    "Existing investors Balderton Capital and Halden Capital also took part in the round.",
    "Balderton Capital and Halden Capital also participated in the round.",
])
def test_who_takes_part_in_a_round_told_of_invests_in_who_raised_it(extract_text, follow_up):
    found = triples(extract_text("Vantor AI has raised $300 million in a funding round led by Index Ventures. " + follow_up))
    assert {("Balderton Capital", "INVESTED_IN", "Vantor AI"), ("Halden Capital", "INVESTED_IN", "Vantor AI")} <= found


def test_taking_part_in_a_round_nobody_is_said_to_have_raised_is_no_investment(extract_text):
    found = triples(extract_text("Balderton Capital took part in the round. Vantor AI makes chips."))
    assert not [t for t in found if t[1] == "INVESTED_IN"]


@pytest.mark.parametrize("text", [
    "Ana Silva left Kestrel Labs to launch Fjord AI.",
    # the tagger reads "co-founder" as a verb whose object is the name
    "Kestrel Labs co-founder Ana Silva has left the company to launch a rival start-up, Fjord AI.",
])
def test_leaving_to_launch_a_company_founds_it_and_is_a_move(extract_text, text):
    found = triples(extract_text(text))
    assert {("Ana Silva", "FOUNDED", "Fjord AI"), ("Ana Silva", "MOVED", "Fjord AI")} <= found


def test_time_spent_at_a_company_before_is_a_past_job(extract_text):
    job = relation(extract_text("After 20 years at General Electric, Paul Kim retired in 2019."), "Paul Kim", "WORKS_FOR", "General Electric")
    assert job.qualifiers["current"] is False


@pytest.mark.parametrize("text", [
    # the parser makes the name a modifier of "weeks"
    "Maria Lopez quit Orvik Group after a row with the board and joined Halden Capital weeks later.",
    "Maria Lopez exited Orvik Group in March and will start at Halden Capital next month.",
    "Maria Lopez has been headhunted by Halden Capital from Orvik Group.",
])
def test_more_ways_of_moving_from_one_company_to_another(extract_text, text):
    assert relation(extract_text(text), "Maria Lopez", "MOVED", "Halden Capital").qualifiers["from"] == "orvik-group"


def test_a_company_started_by_a_person_is_founded_not_joined(extract_text):
    facts = extract_text("Sappora Records is a record label started by Julie Doiron in 1990.")
    assert [t[1] for t in triples(facts)] == ["FOUNDED"]


def test_what_a_person_was_able_to_do_they_did(extract_text):
    assert ("Liang Wen", "EDUCATED_AT", "Peking University") in triples(
        extract_text("Liang Wen was ultimately able to attend Peking University."))


@pytest.mark.parametrize("text, predicates", [
    ("Maria Lopez was unable to join Orvik Group.", ("WORKS_FOR",)),
    ("Orvik Group failed to acquire Halden Capital.", ("ACQUIRED",)),
])
def test_what_someone_could_not_do_states_no_fact(extract_text, text, predicates):
    assert not [t for t in triples(extract_text(text)) if t[1] in predicates]


def test_a_degree_for_a_field_at_a_university_is_an_education_there(extract_text):
    found = triples(extract_text("In 1904 Georg Jochmann obtained his habilitation for internal medicine at the University of Breslau."))
    assert ("Georg Jochmann", "EDUCATED_AT", "University of Breslau") in found


@pytest.mark.parametrize("text, fact", [
    ("Leone Marucci is an American filmmaker and founder of Steelyard Pictures.", ("Leone Marucci", "FOUNDED", "Steelyard Pictures")),
    ("Hugo Davis, brother of Anna Davis and a professor at Quenvora University, wrote the letter.",
     ("Hugo Davis", "WORKS_FOR", "Quenvora University")),
])
def test_a_title_coordinated_with_a_noun_said_of_a_person_is_theirs(extract_text, text, fact):
    assert fact in triples(extract_text(text))
