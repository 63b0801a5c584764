"""Article text as people read it: page furniture removed, title and date found.

Scraped articles carry lines that are not the article: language menus
("EnglishFrançaisDeutsch日本語..."), "Share", "Advertisement", cookie notices.
They are dropped line by line, so the cleaning streams and keeps the
paragraph structure (one blank line between paragraphs). What counts as
furniture is data, in ``extract/patterns/language_names.txt`` and
``extract/patterns/boilerplate_lines.txt``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Iterable, Iterator, Sequence

# Spaces that look like spaces but are not ' ' to the tokenizer, and
# characters that are invisible in a browser but split words for spaCy.
_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]")
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]")
_MENU_SEPARATORS = re.compile(r"[\s|/·•,;:\-–—()\[\]]+")
_SENTENCE_END = (".", "!", "?", "。", "！", "？")
_INNER_SENTENCE_BREAK = re.compile(r"[.!?]\s+\S")

# A menu line is at most this share of characters that are not language names.
_MENU_MAX_OTHER_SHARE = 0.2
_MENU_MIN_NAMES = 3
_MENU_MAX_LENGTH = 600
_MENU_NAME_WITHIN = 40
_PROSE = re.compile(r"\b[a-z]+ [a-z]+ [a-z]+\b")

_TITLE_MAX_CHARS = 200
_TITLE_MAX_WORDS = 30
# A date line stands near the top of an article, before the body starts.
DATE_LINE_SEARCH_LINES = 8
_DATE_LINE_MAX_CHARS = 60
# "Published: 22 Aug 2024", "Updated on August 22, 2024 10:32 ET".
_DATE_LABEL = re.compile(
    r"^(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified)(?:\s+on)?|date)\s*[:\-]?\s*",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ]\S*)?$")
_HAS_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|2[01]\d\d)(?!\d)")

# Keys of a metadata header ("url: ...", "title: ...", "date: ..." lines, or
# "---" front matter) and the field of Document each one fills.
_HEADER_FIELDS = {
    "title": "title",
    "headline": "title",
    "date": "date",
    "published": "date",
    "published_at": "date",
    "pubdate": "date",
    "url": "url",
    "link": "url",
    "source_url": "url",
}
_HEADER_LINE = re.compile(r"^([A-Za-z][\w-]{0,30})\s*:\s?(.*)$")
_FRONT_MATTER = "---"
_HEADER_MAX_LINES = 40


def _pattern_lines(name: str) -> list[str]:
    text = resources.files("extract.patterns").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def _language_names() -> re.Pattern[str]:
    # No word boundaries, because menus are often the names glued together.
    return re.compile(_trie_pattern({name.casefold() for name in _pattern_lines("language_names.txt")}))


def _trie_pattern(words: set[str]) -> str:
    """One regex for ``words`` that shares their prefixes and prefers the longest.

    A flat alternation of a few hundred names makes the engine try every
    name at every character of every line; a trie tries only the names that
    begin with the character at hand.

    >>> re.fullmatch(_trie_pattern({"ab", "abc", "b"}), "abc") is not None
    True
    """
    branches = []
    ends_here = "" in words
    for first in sorted({word[0] for word in words if word}):
        rest = {word[1:] for word in words if word.startswith(first)}
        branches.append(re.escape(first) + _trie_pattern(rest) if rest != {""} else re.escape(first))
    if not branches:
        return ""
    # Greedy and tried before the empty branch, so "Русский язык" wins over "Русский".
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if ends_here else group


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[frozenset[str], tuple[str, ...]]:
    exact: set[str] = set()
    prefixes: list[str] = []
    for entry in _pattern_lines("boilerplate_lines.txt"):
        if entry.endswith("*"):
            prefixes.append(_line_key(entry[:-1]))
        else:
            exact.add(_line_key(entry))
    return frozenset(exact), tuple(prefixes)


def _strip_punctuation(text: str) -> str:
    start, end = 0, len(text)
    while start < end and unicodedata.category(text[start])[0] in "PZ":
        start += 1
    while end > start and unicodedata.category(text[end - 1])[0] in "PZ":
        end -= 1
    return text[start:end]


def _line_key(line: str) -> str:
    return " ".join(_strip_punctuation(line.casefold()).split())


def normalise_line(line: str) -> str:
    """One line with odd spaces made plain, invisible characters removed, no line end.

    >>> normalise_line("Lynk\\u00a0& Co\\u200b  \\n")
    'Lynk & Co'
    """
    return _INVISIBLE.sub("", _ODD_SPACES.sub(" ", line)).rstrip()


def is_language_menu(line: str) -> bool:
    """True when the line is a run of language names, as in a translation menu.

    >>> is_language_menu("EnglishFrançaisDeutsch日本語Italiano")
    True
    >>> is_language_menu("English and French are both spoken at the plant.")
    False
    """
    text = line.strip()
    # Cheap tests first, since every line of every document comes here:
    # prose has runs of lower-case words, menus are runs of names.
    if not text or len(text) > _MENU_MAX_LENGTH or text.endswith(_SENTENCE_END) or _PROSE.search(text):
        return False
    text = text.casefold()
    names = _language_names()
    # A menu starts with a language name, or close to one after a label.
    if not names.search(text, 0, _MENU_NAME_WITHIN):
        return False
    found = names.findall(text)
    if len(found) < _MENU_MIN_NAMES:
        return False
    total = len(_MENU_SEPARATORS.sub("", text))
    other = total - sum(len(_MENU_SEPARATORS.sub("", name)) for name in found)
    return other <= _MENU_MAX_OTHER_SHARE * total


def is_boilerplate_line(line: str) -> bool:
    """True when the line is page furniture listed in boilerplate_lines.txt.

    >>> is_boilerplate_line("  SHARE: ")
    True
    >>> is_boilerplate_line("Shares of the company rose 4% on Monday.")
    False
    """
    key = _line_key(line)
    if not key:
        return False
    exact, prefixes = _boilerplate()
    return key in exact or key.startswith(prefixes)


def clean_lines(lines: Iterable[str]) -> Iterator[str]:
    """The lines worth keeping, without line ends; paragraphs separated by one empty line.

    Streams: it holds one pending blank line, never the whole text. Leading
    blank lines are dropped; a trailing one can remain, so join and strip.
    """
    pending_blank = False
    started = False
    for raw in lines:
        line = normalise_line(raw)
        if not line.strip():
            pending_blank = started
            continue
        if is_boilerplate_line(line) or is_language_menu(line):
            continue
        if pending_blank:
            yield ""
            pending_blank = False
        started = True
        yield line


def split_header(lines: Iterable[str]) -> tuple[dict[str, str], Iterator[str]]:
    """Split a leading metadata header from the text; return its fields and the rest.

    Two shapes are understood: "---" front matter, and a block of
    ``key: value`` lines followed by an empty line, such as
    ``url: ...`` / ``title: ...`` / ``date: ...``. A block counts as a header
    only when one of its keys is a known field (title, date, url and their
    synonyms), so an article opening with "Note: ..." is left alone. The
    returned fields use the names of Document (``title``, ``date``, ``url``).
    """
    stream = iter(lines)
    head: list[str] = []
    for raw in stream:
        head.append(raw)
        if len(head) > _HEADER_MAX_LINES:
            break
        if normalise_line(head[0]).strip() == _FRONT_MATTER:
            if len(head) > 1 and normalise_line(raw).strip() == _FRONT_MATTER:
                break
        elif not raw.strip():
            break
    fields, consumed = _parse_header(head)
    if fields is None:
        return {}, _chain(head, stream)
    if consumed < len(head):
        return fields, _chain(head[consumed:], stream)
    return fields, stream


def _parse_header(head: list[str]) -> tuple[dict[str, str] | None, int]:
    lines = [normalise_line(line) for line in head]
    if lines and lines[0].strip() == _FRONT_MATTER:
        end = len(lines) - 1
        if end < 1 or lines[end].strip() != _FRONT_MATTER:
            # No closing "---" within the length cap: a horizontal rule, not front matter.
            return None, 0
        return _header_fields(lines[1:end]), end + 1
    block = lines[:-1] if lines and not lines[-1].strip() else lines
    if not block or len(head) > _HEADER_MAX_LINES:
        return None, 0
    fields = _header_fields(block)
    return (fields, len(head)) if fields else (None, 0)


def _header_fields(block: Sequence[str]) -> dict[str, str] | None:
    fields: dict[str, str] = {}
    known = False
    for line in block:
        if not line.strip():
            continue
        match = _HEADER_LINE.match(line.strip())
        if not match:
            return None
        key, value = match.group(1).lower(), match.group(2).strip().strip("\"'")
        field_name = _HEADER_FIELDS.get(key)
        if field_name:
            known = True
            if value and field_name not in fields:
                fields[field_name] = value
    return fields if known else None


def _chain(head: list[str], rest: Iterator[str]) -> Iterator[str]:
    yield from head
    yield from rest


def find_title(lines: Sequence[str]) -> str | None:
    """The first line when it reads as a headline: short, its own paragraph, one sentence.

    >>> find_title(["Acme hires a new CFO", "", "Acme said on Monday..."])
    'Acme hires a new CFO'
    >>> find_title(["Acme said on Monday that it had hired a CFO. She starts in May.", "More."])
    """
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return None
    line = lines[first].strip()
    if first + 1 < len(lines) and lines[first + 1].strip():
        return None
    if len(line) > _TITLE_MAX_CHARS or len(line.split()) > _TITLE_MAX_WORDS or line.endswith(":"):
        return None
    if line.endswith(_SENTENCE_END) and _INNER_SENTENCE_BREAK.search(line[:-1]):
        return None
    if date_of_line(line):
        return None
    return line


def find_date(lines: Sequence[str]) -> str | None:
    """The ISO date of a line near the top that is only a date ("2024-08-22", "22 Aug 2024").

    >>> find_date(["Acme hires a new CFO", "", "August 22, 2024", "", "Acme said..."])
    '2024-08-22'
    """
    seen = 0
    for line in lines:
        if not line.strip():
            continue
        found = date_of_line(line)
        if found:
            return found
        seen += 1
        if seen >= DATE_LINE_SEARCH_LINES:
            break
    return None


def date_of_line(line: str) -> str | None:
    """The ISO date when the whole line is a date (optionally labelled "Published:"), else None.

    A bare year is not taken: on a line of its own it is more often a heading.
    """
    text = line.strip()
    if len(text) > _DATE_LINE_MAX_CHARS or not _HAS_YEAR.search(text):
        return None
    found = iso_date(_DATE_LABEL.sub("", text))
    return found if found and len(found) > 4 else None


def iso_date(value: str) -> str | None:
    """ISO 8601 as precise as the value: '2024', '2024-08' or '2024-08-22'; None if not a date.

    Only absolute dates with a year count: metadata such as "unknown" or
    "yesterday" gives None rather than a date relative to today.

    >>> iso_date("22 Aug 2024"), iso_date("2024-05-01T10:00:00Z"), iso_date("May 2023")
    ('2024-08-22', '2024-05-01', '2023-05')
    """
    text = value.strip()
    match = _ISO_DATE.match(text)
    if match:
        year, month, day = match.groups()
        return _checked_iso(year, month, day)
    if not _HAS_YEAR.search(text):
        return None
    data = _date_parser().get_date_data(text)
    if data.date_obj is None:
        return None
    if data.period == "year":
        return f"{data.date_obj.year:04d}"
    if data.period == "month":
        return data.date_obj.strftime("%Y-%m")
    return data.date_obj.strftime("%Y-%m-%d")


def _checked_iso(year: str, month: str | None, day: str | None) -> str | None:
    import datetime

    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return "-".join(part for part in (year, month, day) if part)


@lru_cache(maxsize=1)
def _date_parser():
    # dateparser knows month and weekday names, orders and abbreviations;
    # relative parsers are left out because a document date must not depend
    # on the day the corpus is read.
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={"PARSERS": ["custom-formats", "absolute-time"], "PREFER_DAY_OF_MONTH": "first"},
    )
