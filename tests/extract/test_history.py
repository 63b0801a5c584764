"""Career history: what ordered jobs imply, on hand-built facts (no model)."""

from __future__ import annotations

from extract.history import derive_history
from extract.model import Evidence, Relation


def job(person: str, org: str, at: int, doc: str = "d1", **qualifiers) -> Relation:
    """A job stated at character ``at`` of ``doc``."""
    return Relation(person, "WORKS_FOR", org, qualifiers, 0.7, (Evidence(doc, at, at + 10, "x" * 10),))


def part_of(child: str, parent: str) -> Relation:
    return Relation(child, "PART_OF", parent, {}, 0.8, (Evidence("d1", 0, 5, "xxxxx"),))


def moves(derived):
    return {(r.subject, r.object, r.qualifiers["from"]) for r in derived if r.predicate == "MOVED"}


def test_join_after_a_job_elsewhere_is_a_move_from_it():
    facts = [(job("ann", "alpha", 10), "work", 0), (job("ann", "beta", 50, start="2019"), "join", 0)]
    derived = derive_history(facts)
    assert moves(derived) == {("ann", "beta", "alpha")}
    moved = next(r for r in derived if r.predicate == "MOVED")
    assert moved.qualifiers["date"] == "2019"
    ended = next(r for r in derived if r.predicate == "WORKS_FOR")
    assert (ended.object, ended.qualifiers) == ("alpha", {"current": False, "end": "2019"})


def test_no_move_between_a_division_and_its_parent():
    facts = [
        (job("ann", "alpha-labs", 10), "work", 0),
        (job("ann", "alpha", 50), "join", 0),
        (part_of("alpha-labs", "alpha"), None, 0),
    ]
    assert moves(derive_history(facts)) == set()


def test_a_title_elsewhere_in_the_text_is_not_a_career_step():
    facts = [(job("ann", "alpha", 10), "title", 0), (job("ann", "beta", 50), "join", 0)]
    assert moves(derive_history(facts)) == set()


def test_a_past_title_earlier_in_the_text_is_the_job_left():
    # "Ann was previously CFO of Alpha. ... Ann is joining Beta."
    facts = [(job("ann", "alpha", 10, current=False), "title", 0), (job("ann", "beta", 50), "join", 0)]
    assert moves(derive_history(facts)) == {("ann", "beta", "alpha")}


def test_a_past_title_after_the_joining_is_not_the_job_left():
    facts = [(job("ann", "beta", 10), "join", 0), (job("ann", "alpha", 50, current=False), "title", 0)]
    assert moves(derive_history(facts)) == set()


def test_a_former_title_in_the_joining_sentence_is_the_job_left():
    facts = [(job("ann", "alpha", 50), "title", 0), (job("ann", "beta", 50), "join", 0)]
    assert moves(derive_history(facts)) == {("ann", "beta", "alpha")}


def test_an_explicit_move_is_not_derived_twice():
    explicit = Relation("ann", "MOVED", "beta", {"from": "alpha"}, 0.8, (Evidence("d1", 50, 60, "x" * 10),))
    facts = [(job("ann", "alpha", 10), "work", 0), (job("ann", "beta", 50), "join", 0), (explicit, "move", 0)]
    assert moves(derive_history(facts)) == set()


def test_jobs_in_other_documents_are_not_ordered_against_each_other():
    facts = [(job("ann", "alpha", 10, doc="d1"), "work", 0), (job("ann", "beta", 50, doc="d2"), "join", 1)]
    assert moves(derive_history(facts)) == set()


def test_a_title_describing_the_hired_person_after_the_hiring_is_the_job_left():
    # "Beta hired Ann, the head of design at Alpha": the title comes after the hiring.
    facts = [(job("ann", "beta", 50), "join", 0), (job("ann", "alpha", 50), "title", 0)]
    assert moves(derive_history(facts)) == {("ann", "beta", "alpha")}


def test_a_role_the_hiring_gives_is_not_a_job_left():
    # "Beta hired Ann as head of design of Alpha": where in Beta, not where she came from.
    facts = [(job("ann", "beta", 50), "join", 0), (job("ann", "alpha", 50), "role", 0)]
    assert moves(derive_history(facts)) == set()


def test_a_job_the_hiring_sentence_marks_as_over_is_the_job_left():
    # "Ann, who joined Beta in 2019, had worked at Alpha": told after the joining, but over.
    facts = [(job("ann", "beta", 50), "join", 0), (job("ann", "alpha", 50, current=False), "work", 0)]
    assert moves(derive_history(facts)) == {("ann", "beta", "alpha")}


def test_a_current_job_in_the_hiring_sentence_is_not_the_job_left():
    # "Ann joined Beta's board; she runs Alpha": a job held at once, not left.
    facts = [(job("ann", "beta", 50), "join", 0), (job("ann", "alpha", 50, current=True), "work", 0)]
    assert moves(derive_history(facts)) == set()


def test_a_title_in_a_later_sentence_is_not_the_job_left():
    facts = [(job("ann", "beta", 50), "join", 0), (job("ann", "alpha", 90), "title", 0)]
    assert moves(derive_history(facts)) == set()


def founded(person: str, org: str, at: int, doc: str = "d1", **qualifiers) -> Relation:
    return Relation(person, "FOUNDED", org, qualifiers, 0.7, (Evidence(doc, at, at + 10, "x" * 10),))


def test_founding_after_a_job_elsewhere_is_a_move_to_the_new_company():
    facts = [(job("ann", "alpha", 10), "work", 0), (founded("ann", "startup", 50, date="2016"), "founding", 0)]
    derived = derive_history(facts)
    assert moves(derived) == {("ann", "startup", "alpha")}
    assert next(r for r in derived if r.predicate == "MOVED").qualifiers["date"] == "2016"
    assert next(r for r in derived if r.predicate == "WORKS_FOR").qualifiers == {"current": False, "end": "2016"}


def test_founders_described_as_former_staff_elsewhere_moved_from_there():
    # "Startup was founded in 2016 by former employees of Alpha, including Ann":
    # the past job is told after the founding, in its sentence.
    facts = [(founded("ann", "startup", 50, date="2016"), "founding", 0), (job("ann", "alpha", 50, current=False), None, 0)]
    derived = derive_history(facts)
    assert moves(derived) == {("ann", "startup", "alpha")}
    assert next(r for r in derived if r.predicate == "MOVED").qualifiers["date"] == "2016"


def test_a_founding_dated_before_the_other_job_is_no_move():
    facts = [(job("ann", "alpha", 10, start="2010"), "join", 0), (founded("ann", "startup", 50, date="1998"), "founding", 0)]
    assert moves(derive_history(facts)) == set()


def test_a_founders_title_is_no_founding_event():
    # "Ann, founder of Startup, ..." describes her; it does not tell when she founded it.
    facts = [(job("ann", "alpha", 10), "work", 0), (founded("ann", "startup", 50), "found", 0)]
    assert moves(derive_history(facts)) == set()


def test_a_founding_is_not_a_job_left_for_a_later_join():
    facts = [(founded("ann", "startup", 10), "founding", 0), (job("ann", "beta", 50), "join", 0)]
    assert moves(derive_history(facts)) == set()


def test_a_past_job_told_right_after_the_join_is_the_job_left():
    # "Acme has hired Ann. Ann was previously CFO at Alpha."
    facts = [(job("ann", "acme", 10, start="2024-05"), "join", 0), (job("ann", "alpha", 50, current=False), "title", 0)]
    assert moves(derive_history(facts)) == {("ann", "acme", "alpha")}


def test_a_past_job_told_further_on_is_not_the_job_left():
    # "Acme has hired Ann. Ann will start in June. Ann is CEO of Acme now. ... Ann once ran Gamma."
    facts = [
        (job("ann", "acme", 10, start="2024-05"), "join", 0),
        (job("ann", "acme", 50), "work", 0),
        (job("ann", "acme", 90, current=True), "title", 0),
        (job("ann", "gamma", 130, current=False), "work", 0),
    ]
    assert moves(derive_history(facts)) == set()


def test_a_past_job_told_after_the_join_that_ended_after_it_is_not_the_job_left():
    facts = [(job("ann", "acme", 10, start="2019"), "join", 0), (job("ann", "alpha", 50, current=False, end="2021"), "work", 0)]
    assert moves(derive_history(facts)) == set()


def test_a_job_left_for_a_third_one_the_text_dates_in_between_is_not_the_job_left():
    # "Acme has hired Ann. Ann joined Beta in 2019 from Alpha."
    facts = [
        (job("ann", "acme", 10, start="2024-05"), "join", 0),
        (job("ann", "beta", 50, start="2019"), "join", 0),
        (job("ann", "alpha", 50, current=False, end="2019"), "leave", 0),
    ]
    assert ("ann", "acme", "alpha") not in moves(derive_history(facts))
