"""corpgraph's spaCy components; importing this package registers their factories."""

from extract.components import coref, entities, paragraphs, relations  # noqa: F401
