"""Sentence boundaries at paragraph breaks.

News text separates headlines, datelines and paragraphs by blank lines, often
without a full stop; the parser would run them into one sentence. Placed
before the parser, this component marks the first token after a line break
as a sentence start, and the parser keeps preset boundaries.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("corpgraph_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraphs(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
