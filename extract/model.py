"""The contract between stages: text -> facts -> graph.

`extract/` produces these frozen dataclasses; `graph/` reads only these.
Their ``to_json`` methods give exactly the facts-file lines of ONTOLOGY.md,
and ``from_json`` reads them back (see :mod:`extract.facts` for whole files).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Mapping

from extract.ontology import ENTITY_TYPES, PREDICATES

_SLUG_DROP = re.compile(r"[^\w\s-]")
_SLUG_SPACE = re.compile(r"[\s_-]+")


def slugify(name: str) -> str:
    """The stable entity id of ONTOLOGY.md: a lower-case slug of the canonical name.

    >>> slugify("Lynk & Co")
    'lynk-co'
    >>> slugify("21st Century Business Herald")
    '21st-century-business-herald'
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _SLUG_DROP.sub(" ", text.lower())
    return _SLUG_SPACE.sub("-", text).strip("-")


@dataclass(frozen=True)
class Document:
    """One article: its text and metadata. ``id`` is unique within a corpus."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class DocumentRecord:
    """A document as the facts file knows it: metadata and hash, not the text."""

    id: str
    sha256: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None

    @classmethod
    def of(cls, document: Document) -> "DocumentRecord":
        return cls(document.id, document.sha256, document.title, document.date, document.url, document.source)

    def to_json(self) -> dict[str, Any]:
        record: dict[str, Any] = {"kind": "document", "id": self.id}
        for key in ("title", "date", "url", "source"):
            value = getattr(self, key)
            if value:
                record[key] = value
        record["sha256"] = self.sha256
        return record

    @classmethod
    def from_json(cls, record: Mapping[str, Any]) -> "DocumentRecord":
        return cls(
            id=str(record["id"]),
            sha256=str(record.get("sha256") or ""),
            title=record.get("title"),
            date=record.get("date"),
            url=record.get("url"),
            source=record.get("source"),
        )


@dataclass(frozen=True)
class Evidence:
    """A sentence that supports a fact, with character offsets into its document."""

    doc: str
    start: int
    end: int
    sentence: str

    def to_json(self) -> dict[str, Any]:
        return {"doc": self.doc, "start": self.start, "end": self.end, "sentence": self.sentence}

    @classmethod
    def from_json(cls, record: Mapping[str, Any]) -> "Evidence":
        return cls(str(record["doc"]), int(record["start"]), int(record["end"]), str(record["sentence"]))


@dataclass(frozen=True)
class Entity:
    """A person, organisation or product with every surface form seen for it."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    attrs: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.type not in ENTITY_TYPES:
            raise ValueError(f"entity {self.id!r}: type {self.type!r} is not one of {', '.join(ENTITY_TYPES)}")

    @property
    def kind(self) -> str | None:
        return self.attrs.get("kind")

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "entity",
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "aliases": list(self.aliases),
            "attrs": dict(self.attrs),
        }

    @classmethod
    def from_json(cls, record: Mapping[str, Any]) -> "Entity":
        return cls(
            id=str(record["id"]),
            type=str(record["type"]),
            name=str(record["name"]),
            aliases=tuple(record.get("aliases") or ()),
            attrs=dict(record.get("attrs") or {}),
        )


@dataclass(frozen=True)
class Relation:
    """A fact between two entities, with its qualifiers and every supporting sentence."""

    subject: str
    predicate: str
    object: str
    qualifiers: Mapping[str, Any] = field(default_factory=dict)
    confidence: float = 0.5
    evidence: tuple[Evidence, ...] = ()

    def __post_init__(self) -> None:
        if self.predicate not in PREDICATES:
            raise ValueError(f"relation {self.subject}->{self.object}: unknown predicate {self.predicate!r}")

    @property
    def key(self) -> tuple[str, str, str, str | None]:
        """Identity of the fact: MOVED is also told apart by where the person came from."""
        spec = PREDICATES[self.predicate]
        subject, obj = self.subject, self.object
        if spec.symmetric and obj < subject:
            subject, obj = obj, subject
        moved_from = self.qualifiers.get("from") if self.predicate == "MOVED" else None
        return (subject, self.predicate, obj, moved_from)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "relation",
            "subject": self.subject,
            "predicate": self.predicate,
            "object": self.object,
            "qualifiers": dict(self.qualifiers),
            "confidence": round(float(self.confidence), 3),
            "evidence": [e.to_json() for e in self.evidence],
        }

    @classmethod
    def from_json(cls, record: Mapping[str, Any]) -> "Relation":
        return cls(
            subject=str(record["subject"]),
            predicate=str(record["predicate"]),
            object=str(record["object"]),
            qualifiers=dict(record.get("qualifiers") or {}),
            confidence=float(record.get("confidence", 0.5)),
            evidence=tuple(Evidence.from_json(e) for e in record.get("evidence") or ()),
        )


@dataclass(frozen=True)
class FactSet:
    """Everything extracted from a corpus: the whole of one facts file."""

    documents: tuple[DocumentRecord, ...] = ()
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
