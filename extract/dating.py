"""A document's date expressions as ISO dates, settled once per document.

Relation records leave the pipeline with the words of their date
(``_date_text``: "August 22", "two months later", or the document's own date);
what they mean depends only on the document: its date, and the last date
stated outright before the fact ("60 days later" counts from it). So dates are
settled as each document is read, where the text was parsed (a worker process
when there are several), not in the single process that resolves the corpus.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from extract.components.relations import DOCUMENT_DATE
from extract.ontology import DATE_QUALIFIERS
from extract.temporal import resolve_date

if TYPE_CHECKING:
    from extract.pipeline import DocFacts

DATE_TEXT = "_date_text"
# A qualifier dated apart from the fact's event ("joined in 2012 ... before
# leaving in 2016": the end) carries its own words under this key.
END_TEXT = "_end_text"


def settle_dates(facts: DocFacts) -> DocFacts:
    """Replace each relation's date words with an ISO date, or drop a date that
    names none; ``facts.dates`` are used up. Settled facts are left as they are."""
    if not facts.dates and not any(DATE_TEXT in record["qualifiers"] or END_TEXT in record["qualifiers"]
                                   for record in facts.relations):
        return facts
    timeline = absolute_dates(facts.dates)
    positions = [position for position, _ in timeline]
    base = facts.record.date
    for record in facts.relations:
        qualifiers = record["qualifiers"]
        if DATE_TEXT not in qualifiers and END_TEXT not in qualifiers:
            continue
        qualifiers = dict(qualifiers)
        before = bisect.bisect_left(positions, record["start"]) - 1
        anchor = timeline[before][1] if before >= 0 else None
        end_text = qualifiers.pop(END_TEXT, None)
        date_text = qualifiers.pop(DATE_TEXT, None)
        if date_text:
            iso = base if date_text == DOCUMENT_DATE else resolve_date(date_text, base=base, anchor=anchor)
            for name in DATE_QUALIFIERS:
                if name in qualifiers and not (name == "end" and end_text):
                    if iso:
                        qualifiers[name] = iso
                    else:
                        del qualifiers[name]
        if end_text:
            iso = resolve_date(end_text, base=base, anchor=anchor)
            if iso:
                qualifiers["end"] = iso
            else:
                qualifiers.pop("end", None)
        record["qualifiers"] = qualifiers
    facts.dates = []
    return facts


def absolute_dates(dates: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """(position, ISO date) of the dates stated outright, in order: the anchors
    for "60 days later"."""
    timeline = []
    for position, text in sorted(dates):
        iso = resolve_date(text, base=None, anchor=None)
        if iso:
            timeline.append((position, iso))
    return timeline
