"""Name normalisation shared by recognition, resolution and evaluation."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from spacy.tokens import Doc

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$", re.IGNORECASE)
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$", re.UNICODE)
_SPACE = re.compile(r"\s+")
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
POSSESSIVE_TOKENS = {"'s", "’s", "'", "’", "s"}


@lru_cache(maxsize=1 << 16)  # called for every candidate name of every document
def name_key(name: str) -> str:
    """The normalisation of ONTOLOGY.md "Scoring".

    >>> name_key("  Acme Motors’s ")
    'acme motors'
    >>> name_key('"Globex"')
    'globex'
    """
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    text = _EDGE_PUNCT.sub("", text)
    text = _POSSESSIVE.sub("", text)
    text = _EDGE_PUNCT.sub("", text)
    return _SPACE.sub(" ", text).strip()


@lru_cache(maxsize=1 << 16)
def collapse_key(name: str) -> str:
    """A looser key that also ignores spaces and inner punctuation.

    Transliterated names are written both joined and apart ("Wan Li" / "Wanli").

    >>> collapse_key("Wan Li’s")
    'wanli'
    """
    return _NON_WORD.sub("", name_key(name))


def strip_possessive_tokens(doc: Doc, start: int, end: int) -> int:
    """End index of a span with a trailing possessive marker removed."""
    while end > start + 1 and doc[end - 1].text in POSSESSIVE_TOKENS and doc[end - 1].tag_ in ("POS", "") :
        end -= 1
    if end > start + 1 and doc[end - 1].text in ("'s", "’s"):
        end -= 1
    return end


def spells_abbreviation(short: str, full: str) -> bool:
    """Whether ``short`` ("GWP", "G.W.P.") is made of the capitals of ``full``
    ("Global Widget Partners"), in order, starting with the first."""
    letters = [c for c in short if c.isalnum()]
    capitals = [c for c in full if c.isupper() or c.isdigit()]
    if len(letters) < 2 or not all(c.isupper() or c.isdigit() for c in letters) or not capitals \
            or letters[0] != capitals[0]:
        return False
    position = 0
    for letter in letters:
        while position < len(capitals) and capitals[position] != letter:
            position += 1
        if position == len(capitals):
            return False
        position += 1
    return True
