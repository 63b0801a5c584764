"""Extraction on several processes: each worker reads whole documents and
sends back their facts.

spaCy's own ``nlp.pipe(n_process=N)`` ships every parsed Doc (with our
extension data) back to the parent, which then deserialises it and reads the
facts: on two cores the parent becomes the third busy process and the gain
stays well below 2x. Here a worker runs the whole pipeline and
:func:`extract.pipeline.read_doc` itself, so only the small
:class:`~extract.pipeline.DocFacts` travel back, and the parent just reads
files and hands out chunks.

Order is kept (a facts file does not depend on the number of processes), and
at most a few chunks per worker are in flight, so a large corpus is never
queued in memory.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from typing import Callable, Iterable, Iterator

from extract.model import Document

IN_FLIGHT_PER_WORKER = 3


def chunk_documents(documents: Iterable[Document], size: int, max_chars: int) -> Iterator[list[Document]]:
    """Consecutive groups of at most ``size`` documents and about ``max_chars``
    characters (a longer document is a group of its own).

    >>> docs = [Document(str(i), "x" * n) for i, n in enumerate([5, 5, 20, 1])]
    >>> [[d.id for d in group] for group in chunk_documents(docs, 3, 12)]
    [['0', '1'], ['2'], ['3']]
    """
    group: list[Document] = []
    chars = 0
    for document in documents:
        if group and (len(group) >= size or chars + len(document.text) > max_chars):
            yield group
            group, chars = [], 0
        group.append(document)
        chars += len(document.text)
    if group:
        yield group


_MODEL: str | None = None


def _start_worker(model: str | None) -> None:
    global _MODEL
    # Ctrl-C goes to the whole process group: the parent stops the pool, the
    # workers must not print a traceback each.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The pool ends its workers with SIGTERM; the parent's handler (kg turns
    # SIGTERM into an interrupt) must not outlive the fork.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _MODEL = model


def _extract_chunk(chunk: list[Document], batch_size: int) -> list:
    from extract.pipeline import iter_doc_facts

    return list(iter_doc_facts(chunk, model=_MODEL, n_process=1, batch_size=batch_size))


def iter_doc_facts_parallel(
    documents: Iterable[Document],
    *,
    model: str | None,
    n_process: int,
    batch_size: int,
    max_chars: int,
    progress: Callable[[Document], None] | None = None,
) -> Iterator:
    """DocFacts of ``documents``, in their order, computed by ``n_process`` workers."""
    from extract.pipeline import build_pipeline

    # Loaded here first: a missing model is one clear error in this process,
    # and forked workers share the loaded pipeline instead of loading their own.
    build_pipeline(model)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    pending: deque = deque()
    with context.Pool(n_process, initializer=_start_worker, initargs=(model,)) as pool:
        for chunk in chunk_documents(documents, batch_size, max_chars):
            pending.append(pool.apply_async(_extract_chunk, (chunk, batch_size)))
            if progress is not None:
                for document in chunk:
                    progress(document)
            while len(pending) >= n_process * IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
