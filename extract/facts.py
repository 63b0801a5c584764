"""The facts file of ONTOLOGY.md: write it, read it back, check it against the ontology.

A facts file is JSON Lines: documents first, then entities, then relations,
so every relation comes after the entities it uses and a reader can stream
it. Merging facts is the pipeline's job; this module only does I/O and
validation.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections import Counter
from pathlib import Path
from itertools import chain
from typing import IO, Any, Iterable, Iterator, Mapping

from corpgraph.errors import InputError
from extract.model import Document, DocumentRecord, Entity, FactSet, Relation
from extract.ontology import DATE_QUALIFIERS, ENTITY_KINDS, ORGANIZATION, PREDICATES, allows

_ISO_DATE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")
_READERS = {"document": DocumentRecord.from_json, "entity": Entity.from_json, "relation": Relation.from_json}


def fact_lines(factset: FactSet) -> Iterator[str]:
    """The lines of the facts file (without line ends), in the order ONTOLOGY.md asks for."""
    return record_lines(_records(factset))


def record_lines(records: Iterable[DocumentRecord | Entity | Relation]) -> Iterator[str]:
    for record in records:
        yield json.dumps(record.to_json(), ensure_ascii=False)


def write_facts(factset: FactSet, target: str | os.PathLike[str] | IO[str]) -> int:
    """Write ``factset`` to a path or an open text stream; return the number of lines."""
    return write_records(_records(factset), target)


def _records(factset: FactSet) -> Iterator[DocumentRecord | Entity | Relation]:
    return chain(factset.documents, factset.entities, factset.relations)


def write_records(records: Iterable[DocumentRecord | Entity | Relation], target: str | os.PathLike[str] | IO[str]) -> int:
    """Write facts-file records (documents, then entities, then relations) as
    they come, to a path or an open text stream; return the number of lines.

    A path is written through a temporary file in the same folder and moved
    into place, so a failed run never leaves half a facts file behind.
    """
    if not isinstance(target, (str, os.PathLike)):
        return _write_lines(records, target)
    path = Path(target)
    try:
        handle = tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
        )
    except OSError as error:
        raise InputError(f"{path}: cannot write: {error.strerror or error}") from None
    try:
        with handle:
            count = _write_lines(records, handle)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
    return count


def _write_lines(records: Iterable[DocumentRecord | Entity | Relation], stream: IO[str]) -> int:
    count = 0
    for line in record_lines(records):
        stream.write(line + "\n")
        count += 1
    return count


def iter_records(path: str | os.PathLike[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, JSON object) for every non-empty line; InputError naming the line otherwise."""
    path = Path(path)
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror or error}") from None
    with handle:
        # Bytes, decoded line by line, so that an encoding error names its line.
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                raise InputError(f"{path}:{number}: not valid UTF-8") from None
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"{path}:{number}: not valid JSON: {error.msg} (column {error.colno})") from None
            if not isinstance(record, dict):
                raise InputError(f"{path}:{number}: expected a JSON object, got {type(record).__name__}")
            yield number, record


def read_facts(path: str | os.PathLike[str]) -> FactSet:
    """The FactSet in a facts file; InputError naming the line on anything malformed.

    Unknown entity types and predicates are rejected here, line by line,
    because the model's dataclasses cannot hold them; everything else the
    ontology asks is checked by :func:`validate_facts`.
    """
    parts: dict[str, list[Any]] = {"document": [], "entity": [], "relation": []}
    for number, record in iter_records(path):
        kind = record.get("kind")
        reader = _READERS.get(kind)  # type: ignore[arg-type]
        if reader is None:
            raise InputError(f"{path}:{number}: unknown kind {kind!r} (expected document, entity or relation)")
        try:
            parts[kind].append(reader(record))
        except KeyError as error:
            raise InputError(f"{path}:{number}: {kind} is missing {error.args[0]!r}") from None
        except ValueError as error:
            raise InputError(f"{path}:{number}: {error}") from None
        except (TypeError, AttributeError):
            hint = " (is this a gold file? gold evidence is text, facts evidence is a list)" if "tier" in record else ""
            raise InputError(f"{path}:{number}: malformed {kind}{hint}") from None
    return FactSet(tuple(parts["document"]), tuple(parts["entity"]), tuple(parts["relation"]))


def is_iso_date(value: Any) -> bool:
    """True for ISO 8601 dates as precise as the text allows: '2021', '2023-08', '2024-08-22'."""
    return isinstance(value, str) and bool(_ISO_DATE.match(value))


def validate_facts(factset: FactSet, documents: Mapping[str, Document] | None = None) -> list[str]:
    """Every way ``factset`` breaks ONTOLOGY.md, one message each; empty when it is valid.

    Without the documents' text only ``start < end`` can be checked for
    evidence; pass ``documents`` (by id) to also check that each evidence
    sentence is the text at its offsets.
    """
    problems: list[str] = []
    problems += _duplicates("document", [d.id for d in factset.documents])
    problems += _duplicates("entity", [e.id for e in factset.entities])
    for record in factset.documents:
        if record.date and not is_iso_date(record.date):
            problems.append(f"document {record.id}: date {record.date!r} is not an ISO 8601 date")
    for entity in factset.entities:
        problems += _entity_problems(entity)
    entities = {e.id: e for e in factset.entities}
    known_docs = {d.id for d in factset.documents}
    for relation in factset.relations:
        problems += _relation_problems(relation, entities, known_docs, documents)
    keys = Counter(relation.key for relation in factset.relations)
    for key, count in keys.items():
        if count > 1:
            subject, predicate, obj, _ = key
            problems.append(f"relation {subject} {predicate} {obj}: stated {count} times; merge the evidence")
    return problems


def _duplicates(kind: str, ids: list[str]) -> list[str]:
    return [f"{kind} {id_}: id used {n} times" for id_, n in Counter(ids).items() if n > 1]


def _entity_problems(entity: Entity) -> list[str]:
    problems = []
    if not entity.id.strip():
        problems.append(f"entity {entity.name!r}: empty id")
    if not entity.name.strip():
        problems.append(f"entity {entity.id}: empty name")
    kind = entity.kind
    if kind is not None and kind not in ENTITY_KINDS[entity.type]:
        allowed = ", ".join(ENTITY_KINDS[entity.type]) or "none"
        problems.append(f"entity {entity.id}: kind {kind!r} is not a kind of {entity.type} ({allowed})")
    return problems


def _relation_problems(
    relation: Relation,
    entities: Mapping[str, Entity],
    known_docs: set[str],
    documents: Mapping[str, Document] | None,
) -> list[str]:
    spec = PREDICATES[relation.predicate]
    where = f"relation {relation.subject} {relation.predicate} {relation.object}"
    problems = []
    subject, obj = entities.get(relation.subject), entities.get(relation.object)
    for role, id_, entity in (("subject", relation.subject, subject), ("object", relation.object, obj)):
        if entity is None:
            problems.append(f"{where}: {role} {id_!r} is not an entity of the file")
    if subject and obj and not allows(relation.predicate, subject.type, obj.type):
        problems.append(f"{where}: {relation.predicate} does not join {subject.type} to {obj.type}")
    for name in spec.required:
        if name not in relation.qualifiers:
            problems.append(f"{where}: required qualifier {name!r} is missing")
    for name, value in relation.qualifiers.items():
        if name not in spec.qualifiers:
            problems.append(f"{where}: qualifier {name!r} is not one of {relation.predicate}'s ({', '.join(spec.qualifiers) or 'none'})")
        elif name in DATE_QUALIFIERS and not is_iso_date(value):
            problems.append(f"{where}: {name} {value!r} is not an ISO 8601 date")
        elif name == "current" and not isinstance(value, bool):
            problems.append(f"{where}: current must be true or false, not {value!r}")
    if "from" in relation.qualifiers:
        problems += _from_problems(where, relation, entities)
    if not 0.0 <= relation.confidence <= 1.0:
        problems.append(f"{where}: confidence {relation.confidence} is outside 0..1")
    if not relation.evidence:
        problems.append(f"{where}: no evidence (a fact with no evidence is not emitted)")
    for evidence in relation.evidence:
        problems += _evidence_problems(where, evidence, known_docs, documents)
    return problems


def _from_problems(where: str, relation: Relation, entities: Mapping[str, Entity]) -> list[str]:
    left = relation.qualifiers["from"]
    origin = entities.get(left) if isinstance(left, str) else None
    if origin is None:
        return [f"{where}: from {left!r} is not an entity of the file"]
    if origin.type != ORGANIZATION:
        return [f"{where}: from {left!r} is a {origin.type}, not an Organization"]
    if left == relation.object:
        return [f"{where}: from is the organisation moved to"]
    return []


def _evidence_problems(where: str, evidence, known_docs: set[str], documents: Mapping[str, Document] | None) -> list[str]:
    problems = []
    if not (0 <= evidence.start < evidence.end):
        problems.append(f"{where}: evidence in {evidence.doc} has offsets {evidence.start}..{evidence.end}")
    if known_docs and evidence.doc not in known_docs:
        problems.append(f"{where}: evidence names document {evidence.doc!r}, which the file does not list")
    if documents is not None and evidence.doc in documents:
        text = documents[evidence.doc].text
        if evidence.end > len(text):
            problems.append(f"{where}: evidence ends at {evidence.end}, past the end of {evidence.doc} ({len(text)})")
        elif text[evidence.start : evidence.end] != evidence.sentence:
            problems.append(f"{where}: evidence at {evidence.doc}:{evidence.start}..{evidence.end} is not its sentence")
    return problems
