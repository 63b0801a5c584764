"""Readings of the dependency parse that more than one component needs."""

from __future__ import annotations

from spacy.tokens import Token


def clause_of_prep(prep: Token) -> Token | None:
    """The verb a preposition's phrase belongs to: "before joining X, she ..."
    hangs on the verb, "prior to joining X" on "prior", an adverb of the verb."""
    head = prep.head
    if head.pos_ == "ADV" and head.dep_ == "advmod" and head.head != head:
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None
