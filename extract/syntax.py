"""Readings of the dependency parse that more than one component needs."""

from __future__ import annotations

from spacy.tokens import Span, Token

# Verbs that report speech: what their clause says is someone's statement.
REPORTING_LEMMAS = ("say", "announce", "confirm", "state", "disclose")


def clause_of_prep(prep: Token) -> Token | None:
    """The verb a preposition's phrase belongs to: "before joining X, she ..."
    hangs on the verb, "prior to joining X" on "prior", an adverb of the verb."""
    head = prep.head
    if head.pos_ == "ADV" and head.dep_ == "advmod" and head.head != head:
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def speaker_phrase(token: Token) -> Span | None:
    """The subject phrase of the reporting verb whose clause holds ``token``:
    "Acme chief executive Jane Roe" in "Acme chief executive Jane Roe said the
    deal would help the company"."""
    head = token
    while head.head != head:
        head = head.head
        if head.lemma_.lower() in REPORTING_LEMMAS and head.pos_ == "VERB":
            subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.i > token.i or token.i < head.i:
                return None
            return token.doc[subject.left_edge.i:subject.right_edge.i + 1]
    return None
