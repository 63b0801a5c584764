"""Settling a document's dates (no model): date words become ISO dates from the
document's own date and the last date stated before the fact."""

from __future__ import annotations

from extract.components.relations import DOCUMENT_DATE
from extract.dating import DATE_TEXT, END_TEXT, settle_dates
from extract.model import DocumentRecord
from extract.pipeline import DocFacts


def record(at: int, **qualifiers) -> dict:
    return {"predicate": "WORKS_FOR", "subject": "p", "object": "o", "qualifiers": qualifiers,
            "confidence": 0.7, "start": at, "end": at + 10, "sentence": "..."}


def document(date: str | None = "2024-08-25") -> DocFacts:
    facts = DocFacts(DocumentRecord("d", "sha", date=date))
    # "In January 2021 ... joined. 60 days later ... left. On August 22 ... joined. ..."
    facts.dates = [(200, "August 22"), (0, "January 10, 2021")]
    facts.relations = [
        record(5, start="January 10, 2021", **{DATE_TEXT: "January 10, 2021"}),
        record(100, end="60 days later", **{DATE_TEXT: "60 days later"}),
        record(210, start="August 22", role="CTO", **{DATE_TEXT: "August 22"}),
        record(300, start="recently", **{DATE_TEXT: "recently"}),
        record(400, start=DOCUMENT_DATE, **{DATE_TEXT: DOCUMENT_DATE}),
        record(500, role="CEO"),
    ]
    return facts


def test_date_words_become_iso_dates() -> None:
    facts = settle_dates(document())
    assert [r["qualifiers"] for r in facts.relations] == [
        {"start": "2021-01-10"},
        {"end": "2021-03-11"},  # counted from the date stated before it, not from the document's
        {"start": "2024-08-22", "role": "CTO"},  # the year is the document's
        {},  # names no date: the qualifier goes, the fact stays
        {"start": "2024-08-25"},  # the document's own date
        {"role": "CEO"},
    ]
    assert facts.dates == []


def test_a_document_without_a_date_keeps_only_what_the_text_dates() -> None:
    facts = settle_dates(document(date=None))
    qualifiers = [r["qualifiers"] for r in facts.relations]
    assert qualifiers[0] == {"start": "2021-01-10"}
    assert qualifiers[4] == {}


def test_settling_twice_changes_nothing() -> None:
    once = settle_dates(document())
    settled = [dict(r["qualifiers"]) for r in once.relations]
    assert [r["qualifiers"] for r in settle_dates(once).relations] == settled


def test_shared_qualifier_maps_are_not_changed_in_place() -> None:
    facts = document()
    shared = {"start": "August 22", DATE_TEXT: "August 22"}
    facts.relations = [record(210, **shared)]
    facts.relations[0]["qualifiers"] = shared
    settle_dates(facts)
    assert shared == {"start": "August 22", DATE_TEXT: "August 22"}


def test_an_end_dated_apart_keeps_its_own_date() -> None:
    facts = DocFacts(DocumentRecord("d", "sha", date="2024-08-25"))
    facts.relations = [
        record(5, start="2012", end="January 2016", current=False, **{DATE_TEXT: "2012", END_TEXT: "January 2016"}),
        record(50, end="sometime", current=False, **{END_TEXT: "sometime"}),
    ]
    assert [r["qualifiers"] for r in settle_dates(facts).relations] == [
        {"start": "2012", "end": "2016-01", "current": False},
        {"current": False},  # words that name no date: the end goes
    ]
