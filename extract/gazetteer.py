"""The domain gazetteer: the data files of ``extract/patterns`` as typed, indexed records.

Organisations, products, job titles, organisational suffixes, honorifics and
product-name shapes are world knowledge, kept as documented data (see
``extract/patterns/README.md``), never as strings in code. This module reads
them, checks them, and answers look-ups. Files are read at the first call of
:func:`load_gazetteer` for a folder, never at import.

>>> gazetteer = load_gazetteer()
>>> gazetteer.organization("NVIDIA Corporation").name
'Nvidia'
>>> gazetteer.title("CTO").rank
'executive'
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterator, Mapping

from corpgraph.errors import InputError
from extract.names import collapse_key
from extract.ontology import ENTITY_KINDS, ORGANIZATION, PRODUCT

PATTERNS_DIR = Path(__file__).with_name("patterns")

TITLE_RANKS = ("executive", "senior", "manager", "staff", "board", "founder", "journalist", "academic", "official")
SUFFIX_MEANINGS = ("legal", "industry", "division", "education", "media", "government")
FUNCTION_SLOT = "{function}"
# Joining words inside a title ("chairman of the board"): not title words by themselves.
_CONNECTORS = frozenset({"of", "the", "and", "&", "for", "to", "in", "on", "at"})


@dataclass(frozen=True)
class OrgRecord:
    """One line of organizations.jsonl."""

    name: str
    kind: str
    sector: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    renamed_to: str | None = None
    ambiguous: bool = False

    @property
    def surfaces(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class ProductRecord:
    """One line of products.jsonl; ``maker`` is an organisation's canonical name."""

    name: str
    kind: str
    maker: str
    aliases: tuple[str, ...] = ()
    ambiguous: bool = False

    @property
    def surfaces(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class TitleRecord:
    """One line of titles.jsonl. A title containing ``{function}`` is a shape over title_functions.txt."""

    title: str
    abbrev: tuple[str, ...]
    rank: str

    @property
    def is_shape(self) -> bool:
        return FUNCTION_SLOT in self.title

    @property
    def head(self) -> str:
        """The word a title is about: "chairman" in "chairman of the board", "director" in "{function} director"."""
        words = self.title.split(" of ", 1)[0].split()
        words = [w for w in words if w != FUNCTION_SLOT]
        return words[-1] if words else ""


@dataclass(frozen=True)
class SuffixRecord:
    """One line of org_suffixes.jsonl: a word that ends organisation names."""

    word: str
    meaning: str
    kind: str
    sector: str | None = None


@dataclass(frozen=True)
class SectorRecord:
    """One line of sectors.jsonl: the closed list of sector words."""

    sector: str
    product_kind: str
    about: str


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """All the data of one patterns folder, with its indexes.

    ``eq=False`` keeps identity hashing, so callers may memoise look-ups on it.
    Name look-ups go through :func:`extract.names.collapse_key`, so any surface
    form ("Acme Motors’s", "ACME-MOTORS") finds its record.
    """

    folder: Path
    organizations: tuple[OrgRecord, ...]
    products: tuple[ProductRecord, ...]
    titles: tuple[TitleRecord, ...]
    title_functions: tuple[str, ...]
    suffixes: tuple[SuffixRecord, ...]
    honorifics: tuple[str, ...]
    name_particles: tuple[str, ...]
    given_names: frozenset[str] = field(repr=False)
    places: frozenset[str] = field(repr=False)
    product_shapes: tuple[dict[str, Any], ...]
    sectors: tuple[SectorRecord, ...]
    org_index: Mapping[str, OrgRecord] = field(repr=False)
    product_index: Mapping[str, ProductRecord] = field(repr=False)
    title_index: Mapping[str, TitleRecord] = field(repr=False)
    title_names: frozenset[str] = field(repr=False)
    title_patterns: tuple[str, ...] = field(repr=False)
    title_regex: re.Pattern[str] = field(repr=False)
    suffix_index: Mapping[str, SuffixRecord] = field(repr=False)
    _title_words: frozenset[str] = field(repr=False)
    _title_heads: frozenset[str] = field(repr=False)
    _founder_words: frozenset[str] = field(repr=False)
    _of_field_heads: frozenset[str] = field(repr=False)
    _honorific_keys: frozenset[str] = field(repr=False)
    _product_kind_of_sector: Mapping[str, str] = field(repr=False)

    # names -------------------------------------------------------------------

    def organization(self, name: str) -> OrgRecord | None:
        """The organisation a name or alias denotes, exactly as listed."""
        return self.org_index.get(collapse_key(name))

    def product(self, name: str) -> ProductRecord | None:
        """The product a name or alias denotes, exactly as listed."""
        return self.product_index.get(collapse_key(name))

    def find_org(self, name: str, strip: tuple[str, ...] = ("legal",)) -> OrgRecord | None:
        """The organisation of a name, after dropping trailing suffixes of the given meanings.

        "Globex Holdings Ltd." finds "Globex" with the default; pass
        ``strip=("legal", "industry")`` to let "Globex Motors" find it too.
        An exact entry always wins over a stripped one.
        """
        words = name.split()
        while words:
            record = self.organization(" ".join(words))
            if record is not None:
                return record
            cut = self._trailing_suffix(words, strip)
            if cut == 0 or cut == len(words):
                return None
            words = words[:-cut]
        return None

    def _trailing_suffix(self, words: list[str], meanings: tuple[str, ...]) -> int:
        for length in (3, 2, 1):
            if length <= len(words):
                suffix = self.suffix(" ".join(words[-length:]).rstrip(","))
                if suffix is not None and suffix.meaning in meanings:
                    return length
        return 0

    def is_ambiguous(self, surface: str) -> bool:
        """True when this surface form of a flagged record is a single ordinary word ("Apple", "Thor").

        Multi-word forms ("Apple Inc.", "Drive Thor") are specific enough on their own.
        """
        record: OrgRecord | ProductRecord | None = self.organization(surface) or self.product(surface)
        return bool(record and record.ambiguous and len(surface.split()) == 1)

    def product_kind_of_sector(self, sector: str | None) -> str | None:
        """The product kind an organisation of this sector usually makes ("auto" -> "vehicle")."""
        return self._product_kind_of_sector.get(sector or "")

    # suffixes and honorifics -------------------------------------------------

    def suffix(self, words: str) -> SuffixRecord | None:
        """The suffix record of a word or words ("Motors", "Co., Ltd."), case-insensitively."""
        return self.suffix_index.get(_suffix_key(words))

    def is_honorific(self, word: str) -> bool:
        return word.casefold() in self._honorific_keys

    def is_given_name(self, word: str) -> bool:
        """A word that begins people's names (given_names.txt)."""
        return word.casefold() in self.given_names

    def is_place(self, name: str) -> bool:
        """A country, US state, continent or city of 100,000 people (places.txt)."""
        return " ".join(name.split()).casefold() in self.places

    # titles ------------------------------------------------------------------

    def title(self, text: str) -> TitleRecord | None:
        """The title record of a title or abbreviation ("chief executive officer", "CEO", "head of PR")."""
        return self.title_index.get(_title_key(text))

    def is_title(self, text: str) -> bool:
        return self.title(text) is not None

    def is_title_word(self, word: str) -> bool:
        """A word that occurs inside some title ("vice", "chief", "officer", "CEO"); joining words excluded."""
        return word in self._title_words or word.casefold() in self._title_words

    def is_title_head(self, word: str) -> bool:
        """The head word of some title ("director", "CEO", "founder", "reporter")."""
        return word in self._title_heads or word.casefold() in self._title_heads

    def is_founder_title(self, word: str) -> bool:
        """A one-word founder title ("founder", "co-founder", "cofounder")."""
        return word.casefold() in self._founder_words

    def takes_of_field(self, word: str) -> bool:
        """A title head that names its field with "of": "head" of "head of design"."""
        return word in self._of_field_heads or word.casefold() in self._of_field_heads


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """The gazetteer of a patterns folder (default: ``extract/patterns``), loaded once per folder.

    Raises :class:`~corpgraph.errors.InputError` naming the file and line of
    the first malformed entry.
    """
    folder = Path(path) if path is not None else PATTERNS_DIR
    return _load(str(folder.resolve()))


@lru_cache(maxsize=8)
def _load(folder_name: str) -> Gazetteer:
    folder = Path(folder_name)
    sectors = tuple(_read_sectors(folder / "sectors.jsonl"))
    sector_names = {s.sector for s in sectors}
    numbered_orgs = list(_read_organizations(folder / "organizations.jsonl", sector_names))
    org_index = _index_names(folder / "organizations.jsonl", numbered_orgs, {})
    _check_org_links(folder / "organizations.jsonl", numbered_orgs)
    numbered_products = list(_read_products(folder / "products.jsonl", org_index))
    product_index = _index_names(folder / "products.jsonl", numbered_products, org_index)
    numbered_suffixes = list(_read_suffixes(folder / "org_suffixes.jsonl", sector_names))
    suffix_index = _index_suffixes(folder / "org_suffixes.jsonl", numbered_suffixes)
    suffixes = tuple(suffix for _, suffix in numbered_suffixes)
    numbered_titles = list(_read_titles(folder / "titles.jsonl"))
    titles = tuple(title for _, title in numbered_titles)
    functions = tuple(_read_words(folder / "title_functions.txt"))
    honorifics = tuple(_read_words(folder / "honorifics.txt"))
    particles = tuple(_read_words(folder / "person_name_particles.txt"))
    given = frozenset(w.casefold() for w in _read_words(folder / "given_names.txt"))
    places = frozenset(w.casefold() for w in _read_words(folder / "places.txt"))
    shapes = tuple(_read_shapes(folder / "product_shapes.jsonl"))

    title_index = _index_titles(folder / "titles.jsonl", numbered_titles, functions)
    units = [s.word for s in suffixes if s.meaning == "division" and s.kind == "division"]
    patterns = _title_patterns(titles, functions, units)
    plain = [t for t in titles if not t.is_shape]
    title_words = {w.casefold() for t in titles for w in t.title.split() if w != FUNCTION_SLOT}
    title_words |= {a for t in titles for a in t.abbrev if FUNCTION_SLOT not in a}
    heads = {t.head.casefold() for t in titles if t.head}
    heads |= {a for t in plain for a in t.abbrev if " " not in a}
    founders = {t.title.casefold() for t in plain if t.rank == "founder" and " " not in t.title}
    founders |= {a.casefold() for t in plain if t.rank == "founder" for a in t.abbrev if " " not in a}
    of_heads = {t.head.casefold() for t in titles if t.is_shape and f" of {FUNCTION_SLOT}" in t.title}
    of_heads |= {a.split()[0] for t in titles for a in t.abbrev if a.endswith(f" of {FUNCTION_SLOT}")}
    return Gazetteer(
        folder=folder,
        organizations=tuple(org for _, org in numbered_orgs),
        products=tuple(product for _, product in numbered_products),
        titles=titles,
        title_functions=functions,
        suffixes=suffixes,
        honorifics=honorifics,
        name_particles=particles,
        given_names=given,
        places=places,
        product_shapes=shapes,
        sectors=sectors,
        org_index=MappingProxyType(org_index),
        product_index=MappingProxyType(product_index),
        title_index=MappingProxyType(title_index),
        title_names=frozenset(title_index),
        title_patterns=tuple(patterns),
        title_regex=re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(patterns)),
        suffix_index=MappingProxyType(suffix_index),
        _title_words=frozenset(title_words - _CONNECTORS),
        _title_heads=frozenset(heads),
        _founder_words=frozenset(founders),
        _of_field_heads=frozenset(of_heads),
        _honorific_keys=frozenset(h.casefold() for h in honorifics),
        _product_kind_of_sector=MappingProxyType({s.sector: s.product_kind for s in sectors}),
    )


# reading -----------------------------------------------------------------------


def _text_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text) of the non-blank, non-comment lines of a data file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(f"{path}: cannot read the gazetteer file ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            yield number, stripped


def _read_words(path: Path) -> Iterator[str]:
    for _, line in _text_lines(path):
        yield line


def _json_lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in _text_lines(path):
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{path}:{number}: not valid JSON ({error.msg})") from None
        if not isinstance(data, dict):
            raise InputError(f"{path}:{number}: expected one JSON object a line")
        yield number, data


def _fields(path: Path, number: int, data: dict[str, Any], required: dict[str, type], optional: dict[str, type]) -> None:
    """Check a record's keys and value types; one line of error naming the file, line and key."""
    for key, kind in required.items():
        if key not in data:
            raise InputError(f"{path}:{number}: missing {key!r}")
    for key, value in data.items():
        kind = required.get(key) or optional.get(key)
        if kind is None:
            raise InputError(f"{path}:{number}: unknown field {key!r}")
        if not isinstance(value, kind) or (kind is str and not value.strip()):
            raise InputError(f"{path}:{number}: {key!r} must be a non-empty {kind.__name__}")
        if kind is list and not all(isinstance(item, str) and item.strip() for item in value):
            raise InputError(f"{path}:{number}: {key!r} must be a list of non-empty strings")


def _choice(path: Path, number: int, key: str, value: str, allowed) -> None:
    if value not in allowed:
        raise InputError(f"{path}:{number}: {key} {value!r} is not one of {', '.join(sorted(allowed))}")


def _read_sectors(path: Path) -> Iterator[SectorRecord]:
    for number, data in _json_lines(path):
        _fields(path, number, data, {"sector": str, "product_kind": str, "about": str}, {})
        _choice(path, number, "product_kind", data["product_kind"], ENTITY_KINDS[PRODUCT])
        yield SectorRecord(data["sector"], data["product_kind"], data["about"])


def _read_organizations(path: Path, sectors: set[str]) -> Iterator[tuple[int, OrgRecord]]:
    for number, data in _json_lines(path):
        _fields(
            path, number, data,
            {"name": str, "kind": str, "sector": str, "aliases": list},
            {"parent": str, "renamed_to": str, "ambiguous": bool},
        )
        _choice(path, number, "kind", data["kind"], ENTITY_KINDS[ORGANIZATION])
        _choice(path, number, "sector", data["sector"], sectors)
        yield number, OrgRecord(
            name=data["name"],
            kind=data["kind"],
            sector=data["sector"],
            aliases=tuple(data["aliases"]),
            parent=data.get("parent"),
            renamed_to=data.get("renamed_to"),
            ambiguous=data.get("ambiguous", False),
        )


def _index_names(path: Path, numbered, taken: Mapping[str, Any]) -> dict[str, Any]:
    """Collapsed name/alias -> record; one surface must not name two records (nor an org and a product)."""
    index: dict[str, Any] = {}
    for number, record in numbered:
        for surface in record.surfaces:
            key = collapse_key(surface)
            if not key:
                raise InputError(f"{path}:{number}: {surface!r} has no letters or digits")
            other = index.get(key) or taken.get(key)
            if other is not None and other is not record:
                raise InputError(f"{path}:{number}: {surface!r} of {record.name!r} already names {other.name!r}")
            index[key] = record
    return index


def _check_org_links(path: Path, numbered) -> None:
    names = {org.name for _, org in numbered}
    for number, org in numbered:
        for key in ("parent", "renamed_to"):
            target = getattr(org, key)
            if target is not None and target not in names:
                raise InputError(f"{path}:{number}: {key} {target!r} is not an organisation's canonical name")


def _read_products(path: Path, orgs: Mapping[str, OrgRecord]) -> Iterator[tuple[int, ProductRecord]]:
    for number, data in _json_lines(path):
        _fields(path, number, data, {"name": str, "kind": str, "maker": str, "aliases": list}, {"ambiguous": bool})
        _choice(path, number, "kind", data["kind"], ENTITY_KINDS[PRODUCT])
        maker = orgs.get(collapse_key(data["maker"]))
        if maker is None or maker.name != data["maker"]:
            raise InputError(f"{path}:{number}: maker {data['maker']!r} is not an organisation's canonical name")
        yield number, ProductRecord(
            data["name"], data["kind"], data["maker"], tuple(data["aliases"]), data.get("ambiguous", False)
        )


def _suffix_key(words: str) -> str:
    return " ".join(words.split()).casefold()


def _read_suffixes(path: Path, sectors: set[str]) -> Iterator[tuple[int, SuffixRecord]]:
    for number, data in _json_lines(path):
        _fields(path, number, data, {"word": str, "meaning": str, "kind": str}, {"sector": str})
        _choice(path, number, "meaning", data["meaning"], SUFFIX_MEANINGS)
        _choice(path, number, "kind", data["kind"], ENTITY_KINDS[ORGANIZATION])
        if "sector" in data:
            _choice(path, number, "sector", data["sector"], sectors)
        yield number, SuffixRecord(data["word"], data["meaning"], data["kind"], data.get("sector"))


def _index_suffixes(path: Path, numbered) -> dict[str, SuffixRecord]:
    """Case-insensitive: "PLC" and "plc" may both be listed, but must mean the same."""
    index: dict[str, SuffixRecord] = {}
    for number, suffix in numbered:
        key = _suffix_key(suffix.word)
        other = index.get(key)
        if other is not None and (other.meaning, other.kind, other.sector) != (suffix.meaning, suffix.kind, suffix.sector):
            raise InputError(f"{path}:{number}: suffix {suffix.word!r} is listed before with another meaning")
        index.setdefault(key, suffix)
    return index


def _read_titles(path: Path) -> Iterator[tuple[int, TitleRecord]]:
    for number, data in _json_lines(path):
        _fields(path, number, data, {"title": str, "abbrev": list, "rank": str}, {})
        _choice(path, number, "rank", data["rank"], TITLE_RANKS)
        slots = re.findall(r"\{[^}]*\}", data["title"] + " ".join(data["abbrev"]))
        if any(slot != FUNCTION_SLOT for slot in slots):
            raise InputError(f"{path}:{number}: the only slot a title may hold is {FUNCTION_SLOT}")
        yield number, TitleRecord(data["title"], tuple(data["abbrev"]), data["rank"])


def _expand(text: str, functions: tuple[str, ...]) -> list[str]:
    if FUNCTION_SLOT not in text:
        return [text]
    return [text.replace(FUNCTION_SLOT, function) for function in functions]


def _title_key(text: str) -> str:
    """Titles match in any case, but acronyms keep theirs: "CEO" is a title, "ceo" is not."""
    return " ".join(word if _is_acronym(word) else word.casefold() for word in text.split())


def _index_titles(path: Path, numbered, functions) -> dict[str, TitleRecord]:
    """Every title and abbreviation, shapes expanded over the functions."""
    index: dict[str, TitleRecord] = {}
    for number, title in numbered:
        for text in _expand(title.title, functions):
            index.setdefault(_title_key(text), title)
        for abbrev in title.abbrev:
            for text in _expand(abbrev, functions):
                key = _title_key(text)
                if key in index and index[key] is not title and FUNCTION_SLOT not in abbrev:
                    raise InputError(f"{path}:{number}: abbreviation {abbrev!r} already belongs to {index[key].title!r}")
                index.setdefault(key, title)
    return index


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _phrase(text: str) -> str:
    """A title phrase as a regex: any spacing, optional hyphens ("co-founder", "co founder"),
    acronyms ("CEO", "IT") case-sensitive so that "it" is no function."""
    words = []
    for word in text.split():
        source = re.escape(word).replace(r"\-", r"[-\s]?")
        words.append(f"(?-i:{source})" if _is_acronym(word) else source)
    return r"\s+".join(words)


def _title_patterns(titles, functions, units) -> list[str]:
    """Regex sources, case-insensitive but for acronyms; shapes first, then longest first.

    Shapes are grouped by the side their slot is on ("head of {function}",
    "{function} director"), so the long alternation of functions appears a
    few times, not once per shape: compiling stays fast.
    """
    slot = r"(?:the\s+)?(?:%s)(?:\s+(?:%s))?" % (
        "|".join(_phrase(f) for f in sorted(functions, key=len, reverse=True)),
        "|".join(_phrase(u) for u in sorted(units, key=len, reverse=True)),
    )
    before: list[str] = []  # "head of {function}": the words before the slot
    after: list[str] = []  # "{function} director": the words after it
    around: list[str] = []
    plain: list[str] = []
    for title in titles:
        for text in (title.title, *title.abbrev):
            if FUNCTION_SLOT not in text:
                plain.append(text)
                continue
            left, right = (part.strip() for part in text.split(FUNCTION_SLOT, 1))
            if left and right:
                around.append(r"%s\s+%s\s+%s" % (_phrase(left), slot, _phrase(right)))
            elif left:
                before.append(left)
            elif right:
                after.append(right)

    def alternatives(texts: list[str]) -> str:
        return "|".join(_phrase(t) for t in sorted(set(texts), key=len, reverse=True))

    sources = [f"(?i:{source})" for source in around]
    if before:
        sources.append(r"(?i:(?:%s)\s+%s)" % (alternatives(before), slot))
    if after:
        sources.append(r"(?i:%s\s+(?:%s))" % (slot, alternatives(after)))
    sources += [f"(?i:{_phrase(text)})" for text in sorted(set(plain), key=len, reverse=True)]
    return sources


def _read_shapes(path: Path) -> Iterator[dict[str, Any]]:
    """Matcher patterns, with ``{"REF": NAME}`` tokens replaced by the token ``define``d under NAME."""
    defines: dict[str, dict[str, Any]] = {}
    ids: set[str] = set()
    for number, data in _json_lines(path):
        if "define" in data:
            _fields(path, number, data, {"define": str, "token": dict}, {"comment": str})
            defines[data["define"]] = data["token"]
            continue
        _fields(path, number, data, {"id": str, "label": str, "kind": str, "pattern": object}, {"comment": str, "owned": bool})
        if not isinstance(data["pattern"], list) or not data["pattern"]:
            raise InputError(f"{path}:{number}: 'pattern' must be a non-empty list of token objects")
        _choice(path, number, "kind", data["kind"], ENTITY_KINDS[PRODUCT])
        if data["id"] in ids:
            raise InputError(f"{path}:{number}: shape id {data['id']!r} is used twice")
        ids.add(data["id"])
        tokens = []
        for token in data["pattern"]:
            if not isinstance(token, dict):
                raise InputError(f"{path}:{number}: each pattern token must be a JSON object")
            if "REF" in token:
                name = token["REF"]
                if name not in defines:
                    raise InputError(f"{path}:{number}: REF {name!r} is not defined on an earlier line")
                token = {**copy.deepcopy(defines[name]), **{k: v for k, v in token.items() if k != "REF"}}
            tokens.append(token)
        yield {"id": data["id"], "label": data["label"], "kind": data["kind"], "pattern": tokens, "owned": data.get("owned", False)}
