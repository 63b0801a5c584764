"""corpgraph: knowledge graphs of corporate lineage and talent flows from news text."""

__version__ = "0.1.0"
