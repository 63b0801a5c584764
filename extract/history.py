"""What a person's ordered jobs imply.

News rarely says "moved from A to B" outright; it says "worked at A ...
later joined B". Within a document, jobs are ordered by where the text
states them (documents tell careers in order); a "joined B" after a job at A
is a move from A to B, unless A and B are one organisation family (a
division and its parent). So is a "joined B" the article follows with the
leaving of A, dated no later ("has joined B ... resigned from A in
January"). So is founding B after a job at A ("was A's architect before
leaving to found B"), unless the text dates the founding before that job. A person who joined B after A no longer works at A. Only
facts the text supports are derived: the evidence of a derived MOVED is the
sentence of the "joined" or the founding.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Container, Iterable, Iterator

from extract.model import Relation

# Job facts that place a person at an organisation at a point of the story.
# A title ("Roe, CFO of Acme") describes the present, so it is not a step
# of the career unless it is the same sentence as the move, or the text marks
# it as past ("Roe was previously CFO of Acme", "former Acme executive Roe"):
# then it is a job the person held before whatever they join later.
CAREER_EVENTS = ("join", "work", "leave")
TITLE_EVENTS = ("title",)
# A founding told as an event ("left A to found B"), not a founder's title.
FOUNDING_EVENTS = ("founding",)
JOIN_EVENTS = ("join",)


def derive_history(relations: list[tuple[Relation, str | None, int]]) -> list[Relation]:
    """MOVED facts and ended jobs implied by each person's ordered jobs."""
    family = families((r.subject, r.object) for r, _, _ in relations if r.predicate == "PART_OF")
    explicit_moves = {(r.subject, r.object) for r, _, _ in relations if r.predicate == "MOVED"}
    by_person: dict[str, list[tuple[tuple, Relation, str | None]]] = defaultdict(list)
    for relation, event, order in relations:
        if relation.predicate not in ("WORKS_FOR", "FOUNDED") or not relation.evidence:
            continue
        by_person[relation.subject].append(((order, relation.evidence[0].start), relation, event))
    derived: list[Relation] = []
    for person, jobs in by_person.items():
        jobs.sort(key=lambda item: item[0])
        derived.extend(person_history(person, [(job, event) for _, job, event in jobs], family, explicit_moves))
    return derived


def person_history(
    person: str,
    jobs: list[tuple[Relation, str | None]],
    family: dict[str, set[str]],
    explicit_moves: Container[tuple[str, str]],
) -> Iterator[Relation]:
    """What one person's jobs imply. ``jobs`` are (WORKS_FOR, event) in story
    order: by document, then by position in it."""
    for n, (job, event) in enumerate(jobs):
        founding = job.predicate == "FOUNDED"
        if (event not in JOIN_EVENTS) if not founding else (event not in FOUNDING_EVENTS):
            continue
        # What the sentence of the join says the person was ("Before joining B,
        # she was at A") is surer than the story order, which it may contradict.
        previous = _described_employer(jobs[n + 1:], job, family) or _previous_employer(jobs[:n], job, family) \
            or _left_before(jobs[n + 1:], job, family) or _told_as_past(jobs[n + 1:], job, family)
        if previous is None:
            continue
        started = job.qualifiers.get("date" if founding else "start")
        if founding and started and str(started) < str(previous.qualifiers.get("start") or started):
            continue  # founded before the other job began: not a move from it
        ended = previous.qualifiers.get("end") or started
        if (person, job.object) not in explicit_moves:
            qualifiers = {"from": previous.object}
            if started:
                qualifiers["date"] = started
            if job.qualifiers.get("role"):
                qualifiers["role"] = job.qualifiers["role"]
            yield Relation(person, "MOVED", job.object, qualifiers, 0.6, job.evidence)
        end_q = {"current": False}
        if ended:
            end_q["end"] = ended
        yield Relation(person, "WORKS_FOR", previous.object, end_q, 0.5, previous.evidence)


def _previous_employer(earlier, job: Relation, family: dict[str, set[str]]) -> Relation | None:
    """The last job before ``job`` at another organisation family, in the same document."""
    doc = job.evidence[0].doc
    for candidate, event in reversed(earlier):
        if candidate.evidence[0].doc != doc or candidate.predicate != "WORKS_FOR":
            continue
        same_sentence = candidate.evidence[0].start == job.evidence[0].start
        if same_sentence and event in JOIN_EVENTS:
            continue  # "named to the boards of X and Y": two joins at once, no move
        past_title = event in TITLE_EVENTS and candidate.qualifiers.get("current") is False
        if event not in CAREER_EVENTS and not same_sentence and not past_title:
            continue
        if candidate.object == job.object or candidate.object in family.get(job.object, ()):
            continue
        return candidate
    return None


def _described_employer(later, job: Relation, family: dict[str, set[str]]) -> Relation | None:
    """"Acme hired Roe, the head of design at Globex": a title that describes the
    person in the sentence of the hiring, after it, is the job they come from.
    (A title the hiring gives, "hired Roe as head of design", is a ``role``.)
    So is any job that sentence marks as over: "Acme was founded by former
    Globex engineers Roe and Doe", "Roe, who joined Acme, had worked at Globex"."""
    for candidate, event in later:
        if candidate.evidence[0].doc != job.evidence[0].doc or candidate.evidence[0].start != job.evidence[0].start:
            return None
        if candidate.predicate != "WORKS_FOR":
            continue
        describes = event == "title" or candidate.qualifiers.get("current") is False
        if describes and candidate.object != job.object and candidate.object not in family.get(job.object, ()):
            return candidate
    return None


def _left_before(later, job: Relation, family: dict[str, set[str]]) -> Relation | None:
    """"Roe has joined B as head of chips. Roe resigned from A in January": a job
    the rest of the article says was left, at another organisation family, by a
    date no later than the join's (news leads with the join, then tells the past).
    Not one the person left for a third job the article dates in between ("Roe
    joined C in 2019 from A": C, not A, came before B)."""
    started = job.qualifiers.get("start")
    for candidate, event in later:
        if candidate.evidence[0].doc != job.evidence[0].doc or candidate.predicate != "WORKS_FOR" or event != "leave":
            continue
        ended = candidate.qualifiers.get("end")
        if not started or not ended or str(ended) > str(started):
            continue
        if candidate.object == job.object or candidate.object in family.get(job.object, ()):
            continue
        if any(other.predicate == "WORKS_FOR" and other.object not in (candidate.object, job.object)
               and str(ended) <= str(other.qualifiers.get("start") or "") <= str(started) for other, _ in later):
            continue
        return candidate
    return None


def _told_as_past(later, job: Relation, family: dict[str, set[str]]) -> Relation | None:
    """"Acme has hired Roe as CFO. Roe was previously finance director at Globex":
    a job told as over right after a dated join (among the person's next two jobs
    the article states), at another organisation family, that began and ended
    no later than the join: news that goes back over a career starts with the
    latest job. (Told further on, or after an undated join, it may be any
    earlier job.)"""
    started = str(job.qualifiers.get("start") or "")
    if job.predicate != "WORKS_FOR" or not started:
        return None  # (an undated join may be any step of a career the text goes back over)
    for candidate, event in later[:2]:
        if candidate.evidence[0].doc != job.evidence[0].doc or candidate.predicate != "WORKS_FOR":
            continue
        # (a leaving is a past job only by its date: _left_before)
        if event not in ("work",) + TITLE_EVENTS or candidate.qualifiers.get("current") is not False:
            continue
        if candidate.object == job.object or candidate.object in family.get(job.object, ()):
            continue
        bounds = [str(candidate.qualifiers[k]) for k in ("start", "end") if candidate.qualifiers.get(k)]
        if any(b > started for b in bounds):
            continue
        return candidate
    return None


def families(part_of: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """Organisations joined by PART_OF (child, parent) pairs, either way: one family."""
    family: dict[str, set[str]] = defaultdict(set)
    for child, parent in part_of:
        family[child].add(parent)
        family[parent].add(child)
    return family
