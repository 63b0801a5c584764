"""corpgraph's spaCy components; importing this package registers their factories."""

from extract.components import coref, entities, relations  # noqa: F401
