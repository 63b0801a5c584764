"""Custom spaCy attributes, registered once with their defaults.

Values are plain lists, tuples and strings so that docs survive the
serialisation between processes of ``nlp.pipe(n_process=N)``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token


def register_extensions() -> None:
    """Idempotent: safe to call from every factory."""
    if not Span.has_extension("kind"):
        # Ontology kind of an entity span: company, brand, vehicle, chip, ...
        Span.set_extension("kind", default=None)
    if not Doc.has_extension("entity_kinds"):
        # {"start:end": kind}: span extensions are not kept across processes
        # for spans that are rebuilt, so the kinds also live on the Doc.
        Doc.set_extension("entity_kinds", default=None)
    if not Doc.has_extension("mention_keys"):
        # {"start:end": canonical surface key within the document}
        Doc.set_extension("mention_keys", default=None)
    if not Doc.has_extension("antecedents"):
        # {token index of a pronoun or anaphor: "start:end" of the entity it means}
        Doc.set_extension("antecedents", default=None)
    if not Doc.has_extension("noun_antecedents"):
        # {token index of a definite noun such as "the company": "start:end" of the entity it means}
        Doc.set_extension("noun_antecedents", default=None)
    if not Doc.has_extension("relations"):
        # list of relation records (dicts of plain values), see components.relations
        Doc.set_extension("relations", default=None)
    if not Doc.has_extension("doc_date"):
        Doc.set_extension("doc_date", default=None)
    if not Token.has_extension("entity_span"):
        Token.set_extension("entity_span", getter=_entity_span)


def _entity_span(token: Token) -> Span | None:
    """The named-entity span this token belongs to, if any."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def span_key(span: Span) -> str:
    return f"{span.start}:{span.end}"
