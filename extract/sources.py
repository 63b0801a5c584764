"""Files and folders to Documents: .txt, .md, .html/.htm and .jsonl, cleaned of page furniture.

``read_documents`` is the only entry point. Every Document's ``text`` is the
cleaned text (see :mod:`extract.cleaning`), and evidence offsets downstream
refer to it. A file that holds no text to read (empty, binary, a type we do
not read inside a folder) is skipped with a reason; a file or line that is
broken is an error, or a skip when the caller asks for ``on_error="skip"``.
Either way the caller hears about it through ``warn``, one
:class:`SourceProblem` each, so it can summarise what was left out and why.
"""

from __future__ import annotations

import codecs
import json
import logging
import os
import re
import stat
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Literal, TypeVar

from corpgraph.errors import InputError
from extract.cleaning import clean_lines, find_date, find_title, iso_date, split_header
from extract.markup import PageText, html_page, markdown_lines
from extract.model import Document

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES

OnError = Literal["fail", "skip"]
T = TypeVar("T")

# Enough of the start of a file to tell text from binary and find a BOM.
_SNIFF_BYTES = 8192
# How much of a file that is not valid UTF-8 decides between "UTF-8 with a
# few broken bytes" and "some other encoding".
_ENCODING_SAMPLE_BYTES = 1 << 20
# Lines looked at for a title and a date line.
_HEAD_LINES = 40
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY_MAGIC = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"BM", b"II*\x00", b"MM\x00*",
    b"RIFF", b"\x7fELF", b"OggS", b"ID3", b"fLaC", b"7z\xbc\xaf",
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
# The extractor's model reads English: a text whose letters are mostly of
# another script (Chinese, Cyrillic, Arabic...) would give only noise, so it
# is skipped with a reason. Names in another script inside an English text
# are a small share and keep it.
MIN_LATIN_SHARE = 0.5
_LATIN_SAMPLE_CHARS = 100_000
_LETTER = re.compile(r"[^\W\d_]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")


@dataclass(frozen=True)
class SourceProblem:
    """Something about an input the caller should hear: a skipped file or line, or a warning.

    ``skipped`` is False for a warning about a document that was still read
    (bytes replaced while decoding, an id made unique).
    """

    path: str
    reason: str
    line: int | None = None
    skipped: bool = True

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"


@dataclass
class SourceReport:
    """Collects the problems of one run; pass ``report.add`` as ``warn``.

    >>> report = SourceReport()
    >>> report.add(SourceProblem("a.png", "not a text file"))
    >>> report.summary()
    'skipped 1 (not a text file: 1)'
    """

    problems: list[SourceProblem] = field(default_factory=list)

    def add(self, problem: SourceProblem) -> None:
        self.problems.append(problem)

    @property
    def skipped(self) -> list[SourceProblem]:
        return [p for p in self.problems if p.skipped]

    @property
    def warnings(self) -> list[SourceProblem]:
        return [p for p in self.problems if not p.skipped]

    def summary(self) -> str:
        """One line: how many were skipped, grouped by reason, and how many warnings."""
        parts = []
        skipped = self.skipped
        if skipped:
            reasons = Counter(_reason_kind(p.reason) for p in skipped)
            grouped = ", ".join(f"{reason}: {count}" for reason, count in reasons.most_common())
            parts.append(f"skipped {len(skipped)} ({grouped})")
        if self.warnings:
            parts.append(f"{len(self.warnings)} warning{'s' if len(self.warnings) != 1 else ''}")
        return "; ".join(parts) or "nothing skipped"


def _reason_kind(reason: str) -> str:
    # Reasons may carry details after a colon ("not valid JSON: Expecting ..."); group on the head.
    return reason.split(":", 1)[0]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of a document's text and where it starts, for feeding text in pieces."""

    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def iter_paragraphs(text: str) -> Iterator[Paragraph]:
    """The paragraphs of ``text`` (split at blank lines) with their offsets, one at a time.

    >>> [(p.start, p.text) for p in iter_paragraphs("One.\\n\\nTwo\\nlines.")]
    [(0, 'One.'), (6, 'Two\\nlines.')]
    """
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if match.start() > start:
            yield Paragraph(start, text[start : match.start()])
        start = match.end()
    if start < len(text) and text[start:].strip():
        yield Paragraph(start, text[start:].rstrip())


def latin_share(text: str) -> float | None:
    """The share of the letters (of the first 100,000 characters) that are Latin; None without letters.

    >>> latin_share("Acme hired Ana Ruiz.")
    1.0
    >>> round(latin_share("小米汽车 hired Ana"), 2)
    0.67
    >>> latin_share("2024 -- 42") is None
    True
    """
    sample = text[:_LATIN_SAMPLE_CHARS]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return None
    return len(_LATIN_LETTER.findall(sample)) / letters


class _Skip(Exception):
    """This file or line holds nothing to read; the message says why."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


class _Broken(_Skip):
    """This file or line is malformed: an error unless the caller skips errors."""


def read_documents(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    on_error: OnError = "fail",
    warn: Callable[[SourceProblem], None] | None = None,
) -> Iterator[Document]:
    """The documents in ``paths`` (files and folders), one at a time, in a stable order.

    Folders are read recursively in sorted order; files of other types are
    skipped with a reason, hidden files and folders (".git") silently. A
    path that does not exist raises InputError at once. With
    ``on_error="fail"`` a broken file or line raises InputError naming it;
    with ``"skip"`` it is reported to ``warn`` and reading goes on. Files
    with nothing to read (empty, white space only, binary) are always
    skipped and reported. Without ``warn``, problems are logged.

    Document ids are the file stem (``seeds/000_ab.txt`` -> ``000_ab``) or
    the ``id`` of a JSONL line, made unique within the run with a suffix.
    """
    if on_error not in ("fail", "skip"):
        raise ValueError(f"on_error must be 'fail' or 'skip', not {on_error!r}")
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    roots = [Path(p) for p in paths]
    for root in roots:
        if not root.exists():
            raise InputError(f"{root}: no such file or folder")
    # Checked above, read lazily below: a bad path fails before any work starts.
    return _read_all(roots, on_error, warn or _log_problem)


def _log_problem(problem: SourceProblem) -> None:
    log.warning("%s", problem)


def _read_all(roots: list[Path], on_error: OnError, warn: Callable[[SourceProblem], None]) -> Iterator[Document]:
    ids = _UniqueIds(warn)
    for root in roots:
        for path in _files(root, warn):
            yield from (ids.claim(document) for document in _read_path(path, on_error, warn))


def _files(root: Path, warn: Callable[[SourceProblem], None]) -> Iterator[Path]:
    if not root.is_dir():
        yield root
        return
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts) or path.is_dir():
            continue
        if path.suffix.lower() not in SUFFIXES:
            warn(SourceProblem(str(path), f"not a supported file type ({_suffix_label(path)})"))
            continue
        yield path


def _suffix_label(path: Path) -> str:
    return f"{path.suffix or 'no extension'}; reading {', '.join(SUFFIXES)}"


def _read_path(path: Path, on_error: OnError, warn: Callable[[SourceProblem], None]) -> Iterator[Document]:
    try:
        suffix = path.suffix.lower()
        if suffix not in SUFFIXES:
            # Only a file named by the caller gets here (folders skip other types):
            # the user meant it, so say that it cannot be read.
            raise _Broken(f"not a supported file type ({_suffix_label(path)})")
        _check_regular(path)
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, on_error, warn)
        else:
            yield _read_file(path, suffix, warn)
    except _Broken as problem:
        if on_error == "fail":
            where = f"{path}:{problem.line}" if problem.line else str(path)
            raise InputError(f"{where}: {problem.reason}") from None
        warn(SourceProblem(str(path), problem.reason, problem.line))
    except _Skip as problem:
        warn(SourceProblem(str(path), problem.reason, problem.line))


def _check_regular(path: Path) -> None:
    """A pipe or device named like an article would block the reader or never end."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # the reader says why it cannot read it
    if not stat.S_ISREG(mode):
        raise _Broken("cannot read: not a regular file (a pipe, socket or device)")


def _read_file(path: Path, suffix: str, warn: Callable[[SourceProblem], None]) -> Document:
    def parse(lines: Iterable[str]) -> tuple[dict[str, str], list[str], bool]:
        fields, body = split_header(lines)
        if suffix in TEXT_SUFFIXES:
            watched = _Watch(body)
            return fields, list(clean_lines(watched)), bool(fields) or watched.seen_text
        raw = "".join(body)
        seen_text = bool(fields) or bool(raw.strip())
        if suffix in HTML_SUFFIXES:
            page = html_page(raw)
            return _fill(fields, page), list(clean_lines(page.lines)), seen_text
        return fields, list(clean_lines(markdown_lines(raw))), seen_text

    fields, lines, seen_text = _decode_lines(path, parse, warn)
    if not seen_text:
        raise _Skip("only white space")
    return _document(path.stem, lines, fields, source=str(path))


class _Watch:
    """Passes lines through, noting whether any held more than white space."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = lines
        self.seen_text = False

    def __iter__(self) -> Iterator[str]:
        for line in self._lines:
            if not self.seen_text and line.strip():
                self.seen_text = True
            yield line


def _fill(fields: dict[str, str], page: PageText) -> dict[str, str]:
    merged = {"title": page.title, "date": page.date, "url": page.url}
    merged.update(fields)
    return {key: value for key, value in merged.items() if value}


def _document(doc_id: str, lines: list[str], fields: dict[str, Any], *, source: str) -> Document:
    text = "\n".join(lines).strip()
    if not text:
        raise _Skip("no text left after removing page boilerplate")
    latin = latin_share(text)
    if latin is not None and latin < MIN_LATIN_SHARE:
        raise _Skip(f"not in a Latin script: {1 - latin:.0%} of its letters are in other scripts, and the extractor reads English")
    head = lines[:_HEAD_LINES]
    title = fields.get("title") or find_title(head)
    date = (iso_date(fields["date"]) if fields.get("date") else None) or find_date(head)
    return Document(id=doc_id, text=text, title=title, date=date, url=fields.get("url"), source=source)


def _decode_lines(path: Path, parse: Callable[[Iterable[str]], T], warn: Callable[[SourceProblem], None]) -> T:
    """``parse`` run over the file's lines, decoded as UTF-8 or as what the bytes say they are."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            start = handle.read(_SNIFF_BYTES)
    except OSError as error:
        raise _Broken(f"cannot read: {error.strerror or error}") from None
    if size == 0:
        raise _Skip("empty file")
    encoding = next((name for bom, name in _BOMS if start.startswith(bom)), None)
    if encoding is None and (b"\x00" in start or start.startswith(_BINARY_MAGIC)):
        raise _Skip("not a text file")
    try:
        return _parse_decoded(path, encoding or "utf-8", "strict", parse)
    except UnicodeDecodeError:
        pass
    encoding, replaced = _fallback_encoding(path)
    if replaced:
        warn(SourceProblem(str(path), "not valid UTF-8: broken bytes replaced with U+FFFD", skipped=False))
    elif encoding != "utf-8":
        warn(SourceProblem(str(path), f"not UTF-8: read as {encoding}", skipped=False))
    return _parse_decoded(path, encoding, "replace", parse)


def _parse_decoded(path: Path, encoding: str, errors: str, parse: Callable[[Iterable[str]], T]) -> T:
    try:
        with path.open("r", encoding=encoding, errors=errors, newline=None) as handle:
            return parse(_text_lines(handle))
    except OSError as error:
        raise _Broken(f"cannot read: {error.strerror or error}") from None


def _text_lines(handle: Iterable[str]) -> Iterator[str]:
    for number, line in enumerate(handle, start=1):
        if "\x00" in line:
            raise _Skip("not a text file", number)
        yield line


def _fallback_encoding(path: Path) -> tuple[str, bool]:
    """The encoding to read a file that is not valid UTF-8, and whether bytes will be replaced."""
    with path.open("rb") as handle:
        sample = handle.read(_ENCODING_SAMPLE_BYTES)
    decoded = sample.decode("utf-8", errors="replace")
    broken = decoded.count("\ufffd")
    multibyte = sum(1 for ch in decoded if ord(ch) > 0x7F and ch != "\ufffd")
    # As many real UTF-8 characters as bad bytes: a damaged UTF-8 file, which
    # charset-normalizer would read as some legacy code page, garbling all of
    # it. Text in a legacy code page has almost no valid multi-byte sequences.
    if multibyte >= broken:
        return "utf-8", True
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None:
        return "utf-8", True
    return best.encoding, False


def _read_jsonl(path: Path, on_error: OnError, warn: Callable[[SourceProblem], None]) -> Iterator[Document]:
    """One document a line, streamed: a 50 MB file is never held whole.

    JSON text is UTF-8 (RFC 8259), so there is no guessing of encodings
    here: a line with broken bytes is read with U+FFFD and warned about once.
    """
    warned = False
    seen_text = False
    number = 0
    try:
        handle = path.open("rb")
    except OSError as error:
        raise _Broken(f"cannot read: {error.strerror or error}") from None
    with handle:
        for number, raw in enumerate(handle, start=1):
            if number == 1:
                if raw.startswith(_BINARY_MAGIC) or raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                    raise _Skip("not a text file")
                raw = raw.removeprefix(codecs.BOM_UTF8)
            if b"\x00" in raw:
                raise _Skip("not a text file", number)
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                line = raw.decode("utf-8", errors="replace")
                if not warned:
                    warned = True
                    warn(SourceProblem(str(path), "not valid UTF-8: broken bytes replaced with U+FFFD", number, skipped=False))
            if not line.strip():
                continue
            seen_text = True
            try:
                yield _jsonl_document(line, number, path)
            except _Broken as problem:
                if on_error == "fail":
                    raise
                warn(SourceProblem(str(path), problem.reason, problem.line))
            except _Skip as problem:
                warn(SourceProblem(str(path), problem.reason, problem.line))
    if not seen_text:
        raise _Skip("empty file" if number == 0 else "only white space")


def _jsonl_document(line: str, number: int, path: Path) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise _Broken(f"not valid JSON: {error.msg} (column {error.colno})", number) from None
    if not isinstance(record, dict):
        raise _Broken(f"expected a JSON object with 'id' and 'text', got {type(record).__name__}", number)
    text = record.get("text")
    if text is None:
        raise _Broken("missing 'text'", number)
    if not isinstance(text, str):
        raise _Broken(f"'text' must be a string, got {type(text).__name__}", number)
    for key in ("title", "date", "url"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise _Broken(f"'{key}' must be a string, got {type(record[key]).__name__}", number)
    doc_id = record.get("id")
    if doc_id is None or str(doc_id).strip() == "":
        doc_id = f"{path.stem}-{number}"
    elif not isinstance(doc_id, (str, int)):
        raise _Broken(f"'id' must be a string or a number, got {type(doc_id).__name__}", number)
    if not text.strip():
        raise _Skip(f"document {doc_id}: empty text", number)
    fields = {key: record[key] for key in ("title", "date", "url") if record.get(key)}
    try:
        return _document(str(doc_id), list(clean_lines(text.splitlines())), fields, source=f"{path}:{number}")
    except _Skip as problem:
        raise _Skip(f"document {doc_id}: {problem.reason}", number) from None


class _UniqueIds:
    """Gives each document an id not yet used in this run, and says when it had to change one."""

    def __init__(self, warn: Callable[[SourceProblem], None]) -> None:
        self._used: set[str] = set()
        self._warn = warn

    def claim(self, document: Document) -> Document:
        doc_id = document.id
        if doc_id in self._used:
            n = 2
            while f"{doc_id}-{n}" in self._used:
                n += 1
            doc_id = f"{doc_id}-{n}"
            self._warn(
                SourceProblem(document.source or document.id, f"id {document.id!r} already used; renamed {doc_id!r}", skipped=False)
            )
            document = Document(doc_id, document.text, document.title, document.date, document.url, document.source)
        self._used.add(doc_id)
        return document
