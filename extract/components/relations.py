"""Relation extraction from the dependency parse.

The triggers are data (``extract/patterns/relations.jsonl``): for each
predicate, the verb lemmas and nouns that express it, which entity types may
stand as subject and object, and which dependents carry the object, the role,
the organisation left, and the date. This module holds only the general
grammar of English clauses that every trigger shares:

- subjects through passives ("was acquired by X"), coordinated verbs ("left
  X and joined Y"), clausal complements, relative clauses ("X, which Y
  developed"), pronouns (via the coreference component) and descriptive
  anaphors ("the company", "such a veteran");
- objects through prepositions, coordination ("X and Y"), possessives
  ("joined Acme's design team" -> Acme) and appositions;
- titles: appositions ("Jane Roe, CFO of Acme"), copulas ("Roe is the head of
  Acme's design"), pre-modifiers ("Acme CFO Jane Roe");
- negation and hedges ("might follow him to Acme") block a fact.

Each fact found is a plain record on ``doc._.relations`` (see
:func:`relation_record`); :mod:`extract.pipeline` turns them into facts.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extract.extensions import register_extensions, span_key
from extract.components.coref import DIVISION_MARK, common_noun, is_definite, other_kind, sector_of_base
from extract.lexicon import Lexicon, Trigger, load_lexicon
from extract.names import collapse_key
from extract.ontology import DATE_QUALIFIERS, PREDICATES
from extract.syntax import REPORTING_LEMMAS, clause_of_prep

# Ranks of titles (titles.jsonl) that, bare before a name, mean a job at the
# organisation the article is about ("founder and CEO Jane Roe").
BARE_TITLE_RANKS = ("executive", "board", "founder")
# "3bn", "2.66bn", "450m": a number with its scale written onto it.
_NUMBER_WITH_SCALE = re.compile(r"^\d[\d.,]*(?:bn|mn|m|b|k)$", re.IGNORECASE)

SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")
# Verbs whose missing subject is the subject of the verb they hang from.
INHERIT_DEPS = ("conj", "xcomp", "advcl", "ccomp", "pcomp", "acl")
ENTITY_LABEL_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "PRODUCT": "PRODUCT"}
# Entity labels each predicate accepts (subject, object), from the ontology.
PREDICATE_TYPES = {
    name: (tuple({"Person": "PERSON", "Organization": "ORG", "Product": "PRODUCT"}[t] for t in spec.subjects),
           tuple({"Person": "PERSON", "Organization": "ORG", "Product": "PRODUCT"}[t] for t in spec.objects))
    for name, spec in PREDICATES.items()
}
# Stands for "the document's own date" until dates are resolved (extract.assemble).
DOCUMENT_DATE = "@document"


@dataclass
class Found:
    """A relation between two entity spans, before it becomes a fact."""

    predicate: str
    subject: Span | str
    object: Span | str
    sentence: Span
    qualifiers: dict = field(default_factory=dict)
    confidence: float = 0.7
    event: str | None = None
    extra_evidence: tuple[int, int] | None = None
    # read off a name ("Acme Model 5" is Acme's), not stated by the sentence
    named: bool = False


def relation_record(found: Found, keys: dict[str, str], key_for) -> dict:
    """A plain, serialisable record (survives ``nlp.pipe(n_process>1)``).

    Ends are document-level entity keys (see the coreference component); an
    end that is not a span of its own (the parent named inside "Acme Motors")
    is given as its key directly.
    """
    start, end = found.sentence.start_char, found.sentence.end_char
    if found.extra_evidence:
        start, end = min(start, found.extra_evidence[0]), max(end, found.extra_evidence[1])
    return {
        "predicate": found.predicate,
        "subject": _key_of(found.subject, keys, key_for),
        "object": _key_of(found.object, keys, key_for),
        # Ends named inside another name ("Acme" in "Acme Model 5") are
        # mentions of their own: [key, label, text, start, end].
        "implied": [
            [key_for(end), end.label_, end.text, end.start_char, end.end_char]
            for end in (found.subject, found.object)
            if isinstance(end, Span) and span_key(end) not in keys
        ],
        "qualifiers": {k: v for k, v in found.qualifiers.items() if k != BEFORE_STORY},
        "confidence": found.confidence,
        # "having previously co-founded X": done before the story the text tells,
        # so not a step of the career (extract/history.py)
        "event": None if found.qualifiers.get(BEFORE_STORY) else found.event,
        "start": start,
        "end": end,
    }


@Language.factory(
    "corpgraph_relations",
    assigns=["doc._.relations"],
    requires=["doc.ents", "token.dep", "doc._.mention_keys", "doc._.antecedents"],
    default_config={"gazetteer_dir": None},
)
def make_relation_extractor(nlp: Language, name: str, gazetteer_dir: str | None) -> "RelationExtractor":
    return RelationExtractor(name, load_lexicon(gazetteer_dir))


class RelationExtractor:
    def __init__(self, name: str, lexicon: Lexicon) -> None:
        register_extensions()
        self.name = name
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        reader = _DocReader(doc, self.lexicon)
        found: list[Found] = []
        for sentence in reader.sentences:
            found.extend(reader.sentence_relations(sentence))
        found = reader.stated_over_named(found)
        keys = doc._.mention_keys or {}
        found = _not_where_studied(_dedupe(found), lambda end: _key_of(end, keys, reader.key_for))
        _date_foundings(found, reader.founding_dates(), lambda end: _key_of(end, keys, reader.key_for))
        doc._.relations = [relation_record(f, keys, reader.key_for) for f in found]
        return doc


def _key_of(end: Span | str, keys: dict[str, str], key_for) -> str:
    if isinstance(end, str):
        return end
    return keys.get(span_key(end)) or key_for(end)


CAREER_EVENTS = ("join", "work", "leave", "move")
# A private qualifier: the event was told as done before the story (not written out).
BEFORE_STORY = "_before_story"


def _dedupe(found: Iterable[Found]) -> list[Found]:
    """One record per fact and sentence; a career event ("joined") outranks a
    title for the event, since the career history is built from events."""
    seen: dict[tuple, Found] = {}
    for item in found:
        key = (item.predicate, str(item.subject), str(item.object), item.sentence.start, item.qualifiers.get("from"))
        kept = seen.get(key)
        if kept is None:
            seen[key] = item
            continue
        best, other = (item, kept) if item.confidence > kept.confidence else (kept, item)
        if best.event not in CAREER_EVENTS and other.event in CAREER_EVENTS:
            best.event = other.event
        best.qualifiers = _merged_qualifiers(best.qualifiers, other.qualifiers)
        if other.qualifiers.get("current") is False:
            best.qualifiers["current"] = False  # "left X" outweighs a title that reads as present
        seen[key] = best
    return list(seen.values())


def _merged_qualifiers(best: dict, other: dict) -> dict:
    """``best``'s qualifiers, with what only ``other`` states. Dates go together
    with the words they were read from (one ``_date_text`` dates them all), so
    ``other``'s dates are taken only when ``best`` has none or shares their words:
    "left Acme, where she spent nine years" must not date the stay's start by the
    leaving's day."""
    merged = {**other, **best}
    if any(name in best for name in DATE_QUALIFIERS) and other.get("_date_text") != best.get("_date_text"):
        for name in (*DATE_QUALIFIERS, "_date_text", "_end_text"):
            if name in best:
                merged[name] = best[name]
            else:
                merged.pop(name, None)
    return merged


def _date_foundings(found: list[Found], dates: dict[str, str], key_of) -> None:
    """"Started in December 2016, the company ...": a founding the text dates
    apart from its founders dates their undated FOUNDED facts."""
    if not dates:
        return
    for f in found:
        if f.predicate == "FOUNDED" and "date" not in f.qualifiers:
            date = dates.get(key_of(f.object))
            if date is not None:
                f.qualifiers.update({"date": date, "_date_text": date})


def _not_where_studied(found: list[Found], key_of) -> list[Found]:
    """"joined Acme after obtaining a PhD from X": a sentence that says where a
    person studied does not also say, without a role, that they worked there or
    came from there to their next job."""
    studied = {(key_of(f.subject), key_of(f.object), f.sentence.start) for f in found if f.predicate == "EDUCATED_AT"}
    if not studied:
        return found
    kept = []
    for f in found:
        person, at = key_of(f.subject), f.sentence.start
        if f.predicate == "WORKS_FOR" and not f.qualifiers.get("role") and (person, key_of(f.object), at) in studied:
            continue
        if f.predicate == "MOVED" and f.qualifiers.get("from") and (person, key_of(f.qualifiers["from"]), at) in studied:
            continue
        kept.append(f)
    return kept


class _DocReader:
    """Reads one document: entity lookups, antecedents, and the grammar above."""

    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.doc = doc
        self.lex = lexicon
        self.entity_of: dict[int, Span] = {}
        # doc.ents and span.ents rebuild their spans on every access: read once.
        self.ents = list(doc.ents)
        # Likewise token.sent walks the sentences: index them once.
        self.sentences = list(doc.sents)
        self.sentence_of: list[Span] = [None] * len(doc)  # type: ignore[list-item]
        for sentence in self.sentences:
            for i in range(sentence.start, sentence.end):
                self.sentence_of[i] = sentence
        self._ents_by_sentence: dict[int, list[Span]] = {}
        for ent in self.ents:
            self._ents_by_sentence.setdefault(self.sentence_of[ent.start].start, []).append(ent)
        for ent in self.ents:
            if ent.label_ in ENTITY_LABEL_TYPES:
                for i in range(ent.start, ent.end):
                    self.entity_of[i] = ent
        by_key = {span_key(e): e for e in self.ents}
        self.antecedent: dict[int, Span] = {
            int(i): by_key[k] for i, k in (doc._.antecedents or {}).items() if k in by_key
        }
        self.noun_antecedent: dict[int, Span] = {
            int(i): by_key[k] for i, k in (doc._.noun_antecedents or {}).items() if k in by_key
        }
        self.keys = doc._.mention_keys or {}
        self.kinds = doc._.entity_kinds or {}
        self.org_keys = {key for key in self.keys.values() if key.startswith("ORG:")}
        # "Acme Motors ... the Acme X5": a name's base stands for the one company of
        # an industry the document names with it (see SECTOR_MARK)
        self.sector_keys = sector_of_base(self.org_keys)
        self.org_keys |= set(self.sector_keys)

    def key_for(self, span: Span) -> str:
        """The document key of any span: its mention's, or one made from its words."""
        key = self.keys.get(span_key(span))
        if key is not None:
            return key
        if span.label_ == "ORG":
            key = self.lex.org_key(span.text)
            return self.sector_keys.get(key, key)
        return f"{span.label_}:{collapse_key(span.text)}"

    def previous_sentence(self, sentence: Span) -> Span | None:
        return self.sentence_of[sentence.start - 1] if sentence.start > 0 else None

    def ents_in(self, sentence: Span) -> list[Span]:
        return self._ents_by_sentence.get(sentence.start, [])

    # entity access ------------------------------------------------------------

    def entity(self, token: Token, types: Iterable[str], *, anaphora: bool = True) -> Span | None:
        """The entity a token stands for: its own span, a pronoun's antecedent,
        a possessor ("Acme's team"), an apposition, or a descriptive anaphor."""
        types = tuple(types)
        ent = self.entity_of.get(token.i)
        if ent is not None:
            return ent if ent.label_ in types else None
        if token.i in self.antecedent:
            ant = self.antecedent[token.i]
            return ant if ant.label_ in types else None
        if token.lower_ in self.lex.relative_pronouns and token.head.dep_ == "relcl":
            return self.entity(token.head.head, types, anaphora=anaphora)
        if token.lower_ in self.lex.relative_pronouns and token.dep_ == "poss":
            # "Roe, whose start-up X was bought by Y": whose is the name the clause describes
            clause = token.head
            while clause.dep_ != "relcl" and clause.head != clause and clause.i - token.i < 6:
                clause = clause.head
            if clause.dep_ == "relcl":
                return self.entity(clause.head, types, anaphora=anaphora)
        if token.dep_ == "attr" and token.pos_ == "NOUN" and token.head.lemma_ == "be":
            # "X is a brand (invested by Y)": the noun is X
            for child in token.head.children:
                if child.dep_ in SUBJECT_DEPS and child.i in self.entity_of:
                    ent = self.entity_of[child.i]
                    return ent if ent.label_ in types else None
        if token.dep_ == "appos" and token.pos_ == "NOUN" and token.head.i in self.entity_of:
            # "X, a company founded by Y": the noun stands for X
            ent = self.entity_of[token.head.i]
            return ent if ent.label_ in types else None
        ent = self.apposition_made_subject(token)
        if ent is not None:
            return ent if ent.label_ in types else None
        if common_noun(token):
            # "The company, founded in 1998 as Webstar, changed its name": the noun is Webstar
            ent = next((e for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN"
                        and (e := self.founding_name(c)) is not None), None)
            if ent is not None:
                return ent if ent.label_ in types else None
        for child in token.children:
            if child.dep_ == "appos":
                ent = self.entity_of.get(child.i)
                if ent is not None and ent.label_ in types:
                    return ent
        if token.pos_ == "NOUN":
            named = self.named(token)
            if named is not None and named.label_ in types:
                return named
        kind = self.lex.apposition_type(token) if common_noun(token) else None
        if kind in types:
            # "the Orin chip", "Acme's \"Nova\" model", "owns Globex and Initech studios":
            # the noun names the product or company it carries (a company right before it)
            for child in token.children:
                ent = self.entity_of.get(child.i)
                if ent is not None and ent.label_ == kind and (
                    child.dep_ in ("compound", "nmod", "appos") if kind == "PRODUCT"
                    else child.dep_ in ("compound", "nmod") and ent.end == token.i
                ):
                    return ent
        if "ORG" in types or "PRODUCT" in types:
            for child in token.children:
                if child.dep_ == "poss":
                    ent = self.entity(child, ("ORG",), anaphora=False)
                    if ent is not None and "ORG" in types and token.pos_ in ("NOUN", "PROPN"):
                        if self.lex.is_org_part_noun(token):
                            return ent
        if anaphora and common_noun(token) and (is_definite(token) or self.definite_by_misparse(token)):
            # (the parser may hang "at X" on the verb whose object the noun is)
            owners = [e for h, preps in ((token, ("at", "of")), (token.head if token.dep_ == "dobj" else None, ("at",)))
                      if h is not None for c in h.children if c.dep_ == "prep" and c.lower_ in preps
                      for o in c.children if o.dep_ == "pobj" and (e := self.entity_of.get(o.i)) is not None and e.label_ == "ORG"]
            if owners and self.lex.is_org_part_noun(token):
                # "ran the oncology unit at Halcrest": the noun is told whose it is,
                # so it is no anaphor of an organisation named before
                return owners[0] if "ORG" in types else None
            wanted = self.lex.anaphor_noun_type(token)
            if wanted is None and types == ("PERSON",) and self.lex.apposition_type(token) is None:
                # Only a person can fill this slot: "the 45-year-old joined ..."
                wanted = "PERSON"
            if wanted in types:
                if token.i in self.noun_antecedent:
                    return self.noun_antecedent[token.i]
                return self.recent(token, wanted)
            if wanted is None and "PRODUCT" in types and self.lex.apposition_type(token) == "PRODUCT" \
                    and token.dep_ in SUBJECT_DEPS and not any(c.dep_ in ("compound", "nmod", "poss") for c in token.children):
                return self.product_meant(token)
        return None

    def product_meant(self, noun: Token) -> Span | None:
        """"... its first model, the Pexon P1 sedan. The car uses X": a definite noun
        for a product heading a clause means the one product named in this sentence
        or the one before, if a part ("the chip") is meant by a part's noun only."""
        here = self.sentence_of[noun.i]
        start = self.sentence_of[here.start - 1].start if here.start > 0 else here.start
        named = {self.key_for(e): e for e in self.ents if e.label_ == "PRODUCT" and start <= e.start and e.end <= noun.i}
        if len(named) != 1:
            return None
        product = next(iter(named.values()))
        kind_noun = self.doc[product.end] if product.end < len(self.doc) else None
        part = noun.lemma_.lower() in self.lex.component_kinds
        if kind_noun is not None and self.lex.apposition_type(kind_noun) == "PRODUCT":
            return product if (kind_noun.lemma_.lower() in self.lex.component_kinds) == part else None
        return None if part else product

    def definite_by_misparse(self, noun: Token) -> bool:
        """"the former Acme and Globex exec": the small parser hangs the article on a
        name of the phrase, made the head (the noun its conjunct) or a modifier."""
        names = [noun.head] if noun.dep_ == "conj" else []
        names += [c for c in noun.children if c.dep_ in ("nmod", "compound")]
        return any(n.i < noun.i and n.i in self.entity_of and is_definite(n) for n in names)

    def lost_apposition(self, token: Token) -> Span | None:
        """"The company's CEO, Jane Roe, said": the small parser often makes the
        name a second subject of the verb instead of an apposition of the noun."""
        # ("A graduate of X, Jane Roe joined ...": the noun's phrase before the comma)
        end = max(t.i for t in token.subtree if not t.is_punct)
        if token.dep_ not in SUBJECT_DEPS or end + 2 >= len(self.doc) or self.doc[end + 1].text != ",":
            return None
        ent = self.entity_of.get(end + 2)
        if ent is None or ent.start != end + 2 or token.i in self.entity_of:
            return None
        if ent.root.head != token.head or ent.root.dep_ != token.dep_:
            return None
        return ent

    def apposition_made_subject(self, noun: Token) -> Span | None:
        """"X, a company co-founded in 2019 by Y, was acquired by Z": the parser may
        make the noun a second subject of the verb beside the name before its
        comma, instead of the name's apposition; it still stands for the name."""
        start = noun.left_edge.i
        if noun.pos_ != "NOUN" or noun.dep_ not in SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS or start < 2 \
                or self.doc[start - 1].text != "," or noun.i in self.entity_of:
            return None
        ent = self.entity_of.get(start - 2)
        if ent is None or ent.end != start - 1 or ent.root.head != noun.head \
                or ent.root.dep_ not in SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS + ("npadvmod",):
            return None
        return ent

    def named(self, noun: Token) -> Span | None:
        """The name a noun is given: "a joint venture called X", "a unit known as X"."""
        for verb in noun.children:
            if verb.dep_ != "acl" or verb.lemma_.lower() not in self.lex.naming_lemmas:
                continue
            for child in verb.children:
                names = [child] if child.dep_ in ("oprd", "attr", "dobj") else [
                    pobj for pobj in child.children if pobj.dep_ == "pobj"
                ] if child.dep_ == "prep" and child.lower_ == "as" else []
                for name in names:
                    if name.i in self.entity_of:
                        return self.entity_of[name.i]
        return None

    def recent(self, token: Token, label: str, window: int = 2) -> Span | None:
        """The last entity of ``label`` named before ``token`` within a few sentences."""
        sent_start = self.sentence_of[token.i].start
        limit = sent_start
        sentences_back = 0
        for i in range(token.i - 1, -1, -1):
            if i < limit:
                sentences_back += 1
                if sentences_back > window:
                    return None
                limit = self.sentence_of[i].start
            ent = self.entity_of.get(i)
            if ent is not None and ent.label_ == label and not self._other_kind(token, ent):
                return ent
        return None

    def _other_kind(self, noun: Token, ent: Span) -> bool:
        return other_kind(self.lex, self.kinds, noun, ent)

    def included(self, token: Token, types: Iterable[str]) -> list[Span]:
        """"several employees, including X, Y and Z": the named members; also
        "its investors include X and Y", "X and Y are among its investors" and
        "counts X among its investors"."""
        if token.pos_ != "NOUN" or token.i in self.entity_of:
            return []
        types = tuple(types)
        found: list[Span] = []
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in self.lex.inclusion_words:
                for member in child.subtree:
                    ent = self.entity_of.get(member.i)
                    if ent is not None and ent.label_ in types and ent not in found:
                        found.append(ent)
        verb, member_deps = token.head, ()
        if token.dep_ in SUBJECT_DEPS and verb.lemma_.lower() in self.lex.inclusion_verbs:
            member_deps = ("dobj", "attr")
        elif token.dep_ == "pobj" and verb.lower_ == "among":
            verb = verb.head
            if verb.lemma_.lower() in self.lex.copula_lemmas:
                member_deps = SUBJECT_DEPS
            elif verb.lemma_.lower() in self.lex.inclusion_verbs:
                member_deps = ("dobj",)
        if member_deps and verb.pos_ in ("VERB", "AUX") and not self.blocked(verb):
            for child in verb.children:
                if child.dep_ in member_deps:
                    found += [ent for t in _with_conjuncts(child) if (ent := self.entity(t, types)) is not None
                              and ent not in found]
        return found

    def versioned(self, token: Token, types: Iterable[str]) -> list[Span]:
        """"the first version of X", "a new generation of X": the product itself."""
        if token.pos_ != "NOUN" or token.i in self.entity_of or token.lower_ not in self.lex.version_words:
            return []
        return [ent for child in token.children if child.dep_ == "prep" and child.lower_ == "of"
                for ent in self.prep_objects(child, types) if ent.label_ == "PRODUCT"]

    def not_for_a_part(self, noun: Token, found: list[Span]) -> list[Span]:
        """"sold its radio business to X", "bought the Acme radio business": a part of
        a company changed hands, not the company, so its owner is no object of the
        deal; a name the part noun carries is ("its radio unit, Wavecast", "its
        Wavecast unit")."""
        if noun.i in self.entity_of or not self.lex.is_org_part_noun(noun):
            return found
        owning = ("poss", "prep") if any(c.dep_ == "poss" for c in noun.children) else ("compound", "nmod", "prep")
        owners = {t.i for c in noun.children if c.dep_ in owning for t in c.subtree}
        if not owners:
            return found  # "sold the studio to X": a company the text named before, whole
        named = {t.i for t in noun.subtree} - owners
        return [o for o in found if any(t.i in named for t in o)]

    def prep_objects(self, prep: Token, types: Iterable[str]) -> list[Span]:
        """Entities governed by a preposition; the small parser sometimes
        attaches the name elsewhere, so a name right after it counts too."""
        found = []
        if prep.lower_ == "between":
            # "between X and Y": the parser's attachments inside vary; take every
            # name outside parentheses ("Y (now called Z)")
            depth = 0
            for token in prep.subtree:
                depth += token.text == "("
                depth -= token.text == ")"
                ent = self.entity_of.get(token.i) if depth == 0 else None
                if ent is not None and ent.label_ in tuple(types) and ent not in found:
                    found.append(ent)
            return found
        for pobj in prep.children:
            if pobj.dep_ in ("pobj", "pcomp"):
                found += self.entities(pobj, types)
        if not found and prep.i + 1 < len(self.doc):
            # ("by the Acme RR385 driving computer": the parser made the name the
            # subject of "driving"; an article may come first)
            start = prep.i + 2 if self.doc[prep.i + 1].pos_ == "DET" else prep.i + 1
            ent = self.entity_of.get(start)
            # (not the possessor of what the preposition governs: "as part of Acme's plan")
            if ent is not None and ent.start == start and ent.label_ in tuple(types) and ent.root.dep_ != "poss":
                found.append(ent)
        return found

    def entities(self, token: Token, types: Iterable[str]) -> list[Span]:
        """The entity of a token and of every token coordinated with it
        ("X and Y"; "X, Y merge", which the parser reads as an apposition),
        or the named members of a group ("seven engineers, including X and Y")."""
        found = self.included(token, types) or self.versioned(token, types) or self.named_after_person_word(token, types)
        if found:
            return found
        for t in _with_conjuncts(token, places=True):
            ent = self.entity(t, types)
            if ent is not None and ent not in found:
                found.append(ent)
                for child in t.children:
                    if child.dep_ != "appos":
                        continue
                    # "two engineers, X and Y": every name of the apposition
                    for member in _with_conjuncts(child):
                        other = self.entity_of.get(member.i)
                        if other is not None and other.label_ == ent.label_ and other not in found:
                            found.append(other)
        if found:
            found += [e for e in self.listed_after_apposition(found[-1]) if e not in found]
        found = self.described_people(found, types)
        if found and found[0].start >= 2 and self.doc[found[0].start - 1].lower_ in ("and", "&"):
            # "Acme Systems and Globex Vehicles founded ...": the parser hung the
            # first name on the second as a modifier instead of a conjunct
            first = self.entity_of.get(found[0].start - 2)
            if first is not None and first.label_ == found[0].label_ and first not in found \
                    and first.root.head.i in range(found[0].start, found[0].end) and first.root.dep_ in ("nmod", "compound"):
                found.insert(0, first)
        return found

    def named_after_title(self, token: Token, types: Iterable[str]) -> list[Span]:
        """"Acme co-founder Roe has left", where the tagger read the title as a verb
        whose object is the name: the person named right after the title."""
        if "PERSON" not in tuple(types) or token.pos_ != "VERB" or not self.lex.is_title_token(token):
            return []
        named = self.entity_of.get(token.i + 1)
        return [named] if named is not None and named.label_ == "PERSON" and named.root.head == token else []

    def named_after_person_word(self, token: Token, types: Iterable[str]) -> list[Span]:
        """"founded by former Acme engineers X and Y", where the parser made the word
        for people ("engineers", read as a verb) the phrase's head: the people
        named right after it."""
        if "PERSON" not in tuple(types) or token.i in self.entity_of or token.dep_ != "pobj" or not self.lex.is_person_word(token):
            return []
        named = self.entity_of.get(token.i + 1)
        if named is None or named.start != token.i + 1 or named.label_ != "PERSON":
            return []
        members = [self.entity_of.get(m.i) for m in _with_conjuncts(named.root)]
        return [m for m in members if m is not None and m.label_ == "PERSON"]

    def described_people(self, found: list[Span], types: tuple[str, ...]) -> list[Span]:
        """"founded by former Acme engineers X and Y": a company right before a word
        for people only describes them. When the parser makes the company the head
        (reading "engineers" as a verb), the people named after the word are meant,
        or nobody when none is named ("two Acme veterans")."""
        out: list[Span] = []
        for ent in found:
            noun = self.doc[ent.end] if ent.label_ == "ORG" and ent.end < len(self.doc) else None
            # (only where the parser made the company the phrase's head, not a modifier)
            if noun is None or noun.i in self.entity_of or ent.root.dep_ not in ARGUMENT_DEPS \
                    or not self.lex.is_person_word(noun):
                out.append(ent)
                continue
            named = self.entity_of.get(noun.i + 1)
            if named is None or named.start != noun.i + 1 or named.label_ != "PERSON" or "PERSON" not in types:
                continue
            for member in _with_conjuncts(named.root):
                person = self.entity_of.get(member.i)
                if person is not None and person.label_ == "PERSON" and person not in out:
                    out.append(person)
        return out

    def listed_after_apposition(self, ent: Span) -> list[Span]:
        """"a partnership with X, a maker of Y, and Z": after an apposition the small
        parser hangs the next name on the verb. A name of X's type right after X's
        apposition and "and"/"or", coordinated with something, is listed with X
        (not "X, a maker of Y, and Z said ...": there Z is a subject)."""
        listed: list[Span] = []
        doc = self.doc
        while True:
            described = [c for c in ent.root.children if c.dep_ == "appos" and c.i not in self.entity_of]
            if not described:
                return listed
            i = described[-1].right_edge.i + 1
            if i < len(doc) and doc[i].text == ",":
                i += 1
            if i + 1 >= len(doc) or doc[i].lower_ not in ("and", "or"):
                return listed
            following = self.entity_of.get(i + 1)
            if following is None or following.start != i + 1 or following.label_ != ent.label_ \
                    or following.root.dep_ != "conj" or following in listed:
                return listed
            listed.append(following)
            ent = following

    # sentences -----------------------------------------------------------------

    def sentence_relations(self, sentence: Span) -> Iterator[Found]:
        for token in sentence:
            for trigger in self.lex.verb_triggers(token):
                yield from self.verb_frame(token, trigger, sentence)
            for trigger in self.lex.noun_triggers(token):
                yield from self.noun_frame(token, trigger, sentence)
        yield from self.title_frames(sentence)
        yield from self.relational_frames(sentence)
        yield from self.component_frames(sentence)
        yield from self.agent_frames(sentence)
        yield from self.name_frames(sentence)
        yield from self.rival_frames(sentence)
        yield from self.affiliation_frames(sentence)
        yield from self.whereabouts_frames(sentence)
        yield from self.departure_frames(sentence)
        yield from self.appointment_frames(sentence)
        yield from self.stint_frames(sentence)
        yield from self.succession_frames(sentence)
        yield from self.founded_as_frames(sentence)
        yield from self.round_participation_frames(sentence)
        yield from self.merger_frames(sentence)

    def stated_over_named(self, found: list[Found]) -> list[Found]:
        """The document's facts; a maker a product's name suggests ("Acme Nova")
        gives way to one the document states anywhere ("Globex unveiled Acme Nova")."""
        stated = [f for f in found if f.predicate == "MAKES" and not f.named]
        return [f for f in found if not (f.named and any(
            _same(f.object, s.object, self.keys) and not _same(f.subject, s.subject, self.keys) for s in stated))]

    def rival_frames(self, sentence: Span) -> Iterator[Found]:
        """"Acme and its rival Globex", "Acme's rival Globex": a rival word before a
        name, with a possessor, makes the two competitors."""
        for token in sentence:
            if token.lower_ not in self.lex.rival_words:
                continue
            if token.dep_ in ("amod", "compound", "nmod"):
                named = self.entity(token.head, ("ORG", "PRODUCT"), anaphora=False)
                # (the parser may hang "its" on the rival word: "Its rival Globex did ...")
                owner = next((c for h in (token.head, token) for c in h.children if c.dep_ == "poss"), None)
            else:
                # "Its rival Globex completed ...": the parser heads the phrase with the
                # rival word and sets the name beside it
                named = next((e for c in token.children if c.dep_ == "appos"
                              and (e := self.entity(c, ("ORG", "PRODUCT"), anaphora=False)) is not None
                              and e.start == token.i + 1), None)
                owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if named is None or owner is None:
                continue
            other = self.entity(owner, (named.label_,))
            if other is not None and not _same(named, other, self.keys) and not self.blocked(token.head.head):
                yield Found("COMPETES_WITH", other, named, sentence, {}, 0.75, None)

    def succession_frames(self, sentence: Span) -> Iterator[Found]:
        """"A succeeded B at X", "A replaced B as CFO of X", "B was replaced by A":
        A's job begins where B's ends (B's only once it has happened)."""
        for verb in sentence:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.lex.succession_lemmas or self.blocked(verb):
                continue
            children = list(verb.children)
            predecessors = [e for c in children if c.dep_ == "dobj" for e in self.entities(c, ("PERSON",))]
            successors = [e for c in children if c.dep_ == "nsubj" for e in self.entities(c, ("PERSON",))]
            if not predecessors:
                # the passive: "B was replaced by A"
                predecessors = [e for c in children if c.dep_ == "nsubjpass" for e in self.entities(c, ("PERSON",))]
                successors = [e for c in children if c.dep_ == "agent" for e in self.prep_objects(c, ("PERSON",))]
            heads = [verb, *(c for c in children if c.dep_ in ("dobj", "nsubjpass"))]
            appointer = None
            if predecessors and not successors and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj"):
                # "X named A as CEO, replacing B" (A is the object, X the employer);
                # "A joins X as CFO, replacing B" (A is the subject)
                head = verb.head
                objects = [e for c in head.children if c.dep_ in ("dobj", "nsubjpass") for e in self.entities(c, ("PERSON",))]
                subjects = [e for c in head.children if c.dep_ in SUBJECT_DEPS for e in self.entities(c, ("PERSON", "ORG"))]
                if objects:
                    successors = objects
                    appointer = next((e for e in subjects if e.label_ == "ORG"), None)
                else:
                    successors = [e for e in subjects if e.label_ == "PERSON"]
                    appointer = next((e for c in head.children if c.dep_ == "dobj" for e in self.entities(c, ("ORG",))), None) \
                        or next((e for c in head.children if c.dep_ == "prep" and c.lower_ in ("at", "to")
                                 for e in self.prep_objects(c, ("ORG",))), None)
                heads.append(head)
            if not predecessors or not successors:
                continue
            org, role = None, None
            for title in (c for h in heads for c in h.children if c.dep_ in ("oprd", "attr") and self.lex.is_title_token(c)):
                # "X has been appointed chair of Y, replacing B"
                role = role or self.role_text(title)
                org = org or self.title_org(title)
            for prep in (c for h in heads for c in h.children if c.dep_ == "prep"):
                if prep.lower_ == "at" and org is None:
                    org = next(iter(self.prep_objects(prep, ("ORG",))), None)
                elif prep.lower_ == "as":
                    title = next((t for t in prep.children if t.dep_ == "pobj" and self.lex.is_title_token(t)), None)
                    if title is not None:
                        role = self.role_text(title)
                        org = org or self.title_org(title)
            org = org or appointer
            if org is None:
                # "Roe, its head of retail, will succeed Bell as chief executive": the
                # company of a title in apposition to one of them
                org = next((o for p in successors + predecessors for c in p.root.children
                            if c.dep_ == "appos" and self.lex.is_title_token(c) and (o := self.title_org(c)) is not None), None)
            # ("Okoro will succeed Hadley": at the company the article is about, when
            # the sentence names no other)
            if org is None and not any(e.label_ == "ORG" for e in self.ents_in(sentence)):
                org = self.topic
            if org is None:
                continue
            date = self.date_near(verb, sentence)
            done = not _future(verb)
            joined = {"role": role} if role else {}
            left = {"role": role, "current": False} if role else {"current": False}
            if date and done:
                joined.update({"start": date, "_date_text": date})
                left.update({"end": date, "_date_text": date})
            for person in successors:
                yield Found("WORKS_FOR", person, org, sentence, dict(joined), 0.75, "join" if done else "title")
            for person in predecessors:
                if done:
                    yield Found("WORKS_FOR", person, org, sentence, dict(left), 0.7, "leave")
                else:
                    # "A will succeed B as CEO": B holds the job now
                    yield Found("WORKS_FOR", person, org, sentence, {**joined, "current": True}, 0.7, "title")

    def stint_frames(self, sentence: Span) -> Iterator[Found]:
        """"after stints at X and Y", "her spell at X", "had a stint at X", "after 20
        years at X": a past job of whoever had it (the possessor, else the subject
        of the verb it hangs on)."""
        for noun in sentence:
            # ("after 20 years at X": a time after "after" is a stint)
            timed = noun.lower_ in self.lex.stint_time_nouns and noun.dep_ == "pobj" and noun.head.lower_ == "after"
            if noun.pos_ != "NOUN" or (noun.lemma_.lower() not in self.lex.stint_nouns and not timed):
                continue
            verb = noun.head if noun.dep_ == "dobj" else None
            if noun.dep_ == "pobj":
                # "after stints at X", however high the parser hangs "after"
                verb = next((a for a in islice(noun.ancestors, 4) if a.pos_ in ("VERB", "AUX")), None)
            # ("had stints at X": the parser may hang "at X" on the verb)
            holders = [noun, verb] if noun.dep_ == "dobj" else [noun]
            orgs = [o for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("at", "with")
                    for o in self.prep_objects(c, ("ORG",))]
            if not orgs:
                continue
            people = [p for c in noun.children if c.dep_ == "poss" for p in self.entities(c, ("PERSON",))]
            if not people and verb is not None and verb.pos_ in ("VERB", "AUX"):
                if self.blocked(verb):
                    continue
                people = self.subjects(verb, ("PERSON",))
            for person in people:
                for org in orgs:
                    yield Found("WORKS_FOR", person, org, sentence, {"current": False}, 0.7, "work")

    def affiliation_frames(self, sentence: Span) -> Iterator[Found]:
        """"Jane Roe of Acme said", "by Roe and Doe of the Acme Institute": a
        person's full name followed by "of" and an organisation is someone there
        (whether still there, the phrase does not say)."""
        for ent in self.ents_in(sentence):
            if ent.label_ != "PERSON" or len(ent) < 2:
                continue
            of = next((c for c in ent.root.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == ent.end), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            org = self.entity(pobj, ("ORG",), anaphora=False) if pobj is not None else None
            if org is None or org[-1].lower_ in self.lex.membership_words:
                continue  # (a party's people are members, not staff)
            people = [ent]
            head = ent.root
            while head.dep_ == "conj" and head.head.i in self.entity_of and self.entity_of[head.head.i].label_ == "PERSON":
                head = head.head
                people.append(self.entity_of[head.i])
            for person in people:
                yield Found("WORKS_FOR", person, org, sentence, {}, 0.6, None)

    def whereabouts_frames(self, sentence: Span) -> Iterator[Found]:
        """"Roe, now at Acme, said", "is now with Acme", "formerly of Acme": where a
        person is now, or was, said by an adverb of time on "at", "with" or "of"
        after the person's name or a copula, or by how long a copula lasts ("has
        been with Acme since 2010", "was at Acme for 12 years")."""
        for prep in sentence:
            if prep.lower_ not in ("at", "with", "of") or prep.dep_ not in ("prep", "conj"):
                continue
            first = prep
            while first.dep_ == "conj" and first.head.pos_ == "ADP":
                first = first.head  # "formerly of X and now with Y"
            if first.dep_ != "prep":
                continue
            head = first.head
            adverbs = [c for c in prep.children if c.dep_ == "advmod"] or (
                [c for c in head.children if c.dep_ == "advmod" and c.i < prep.i] if head.lemma_ == "be" else [])
            now = any(a.lower_ in self.lex.now_words for a in adverbs)
            before = any(a.lower_ in self.lex.former_words for a in adverbs)
            since = None
            if not now and not before and head.lemma_ == "be" and prep.lower_ in ("at", "with"):
                # "has been with Acme since 2010" (still there), "was at Acme for 12 years" (no more)
                since = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "since"), None)
                lasted = any(c.dep_ == "prep" and c.lower_ == "for" and any(o.ent_type_ == "DATE" for o in c.subtree)
                             for c in head.children)
                perfect = any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in head.children)
                now = since is not None or (lasted and perfect)
                before = lasted and not perfect
            if now == before:
                continue
            if head.lemma_ == "be" and head.pos_ in ("AUX", "VERB"):
                if self.blocked(head):
                    continue
                people = self.subjects(head, ("PERSON",))
            else:
                ent = self.entity_of.get(head.i)
                people = [ent] if ent is not None and ent.label_ == "PERSON" and ent.root == head else []
            q: dict = {"current": now}
            start = self.date_near(head, sentence) if since is not None else None
            if start:
                q.update({"start": start, "_date_text": start})
            for person in people:
                for org in self.prep_objects(prep, ("ORG",)):
                    yield Found("WORKS_FOR", person, org, sentence, dict(q), 0.7, "work")

    def stated_noun(self, noun: Token, lemmas: frozenset[str]) -> tuple[bool, Token | None]:
        """Whether ``noun`` is one of ``lemmas`` the sentence states (not "his
        possible departure", nor under a hedged or negated verb), and the verb it
        is the subject or object of."""
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lemmas \
                or any(c.dep_ == "amod" and c.lower_ in self.lex.hedges for c in noun.children):
            return False, None
        verb = noun.head if noun.dep_ in ("dobj", "nsubjpass", "nsubj") and noun.head.pos_ in ("VERB", "AUX") else None
        return verb is None or not self.blocked(verb), verb

    def departure_frames(self, sentence: Span) -> Iterator[Found]:
        """"the departure of Acme's CTO, Roe, to Globex", "Roe's exit from Acme": a
        noun for leaving, said of a person, ends the job left and, with a "to",
        is a move (the parser may hang the "to" on the verb the noun is the object of)."""
        for noun in sentence:
            stated, verb = self.stated_noun(noun, self.lex.departure_nouns)
            if not stated:
                continue
            holders = [noun] + ([verb] if verb is not None else [])
            people: list[Span] = []
            origin = None
            for child in noun.children:
                if child.dep_ == "poss":
                    people += self.entities(child, ("PERSON",))
                elif child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in (c for c in child.children if c.dep_ == "pobj"):
                        people += self.entities(pobj, ("PERSON",))
                        if self.lex.is_title_token(pobj):
                            origin = self.title_org(pobj)  # "the departure of Acme's CTO, Roe"
                        # (the parser may hang "from Acme" on the name)
                        holders += [pobj]
            for child in (c for h in holders for c in h.children):
                if child.dep_ == "prep" and child.lower_ == "from":
                    origin = next(iter(self.prep_objects(child, ("ORG",))), origin)
            destinations = [o for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "to"
                            for o in self.prep_objects(c, ("ORG",))]
            date = self.date_near(verb if verb is not None else noun, sentence)
            dated = {"date": date, "_date_text": date} if date else {}
            for person in people:
                if origin is not None:
                    yield Found("WORKS_FOR", person, origin, sentence, _end_of(dated), 0.7, "leave")
                for destination in destinations:
                    if origin is not None and not _same(origin, destination, self.keys):
                        moved = dict(dated, **{"from": self.keys.get(span_key(origin)) or span_key(origin)})
                        yield Found("MOVED", person, destination, sentence, moved, 0.75, "move")
                        joined = {"start": date, "_date_text": date} if date else {}
                        yield Found("WORKS_FOR", person, destination, sentence, joined, 0.7, "join")

    def appointment_frames(self, sentence: Span) -> Iterator[Found]:
        """"the appointment of Roe as chairman of Acme", "Acme announced the
        appointment of Roe as chairman", "Roe's promotion to CFO": a noun for
        taking a post, said of a person, is a job, at the title's organisation or
        at the one that announces it."""
        for noun in sentence:
            stated, verb = self.stated_noun(noun, self.lex.appointment_nouns)
            if not stated:
                continue
            people = [e for c in noun.children if c.dep_ == "poss" for e in self.entities(c, ("PERSON",))]
            people += [e for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for e in self.prep_objects(c, ("PERSON",))]
            titles = [t for c in noun.children if c.dep_ == "prep" and c.lower_ in ("as", "to")
                      for t in c.children if t.dep_ == "pobj" and self.lex.is_title_token(t)]
            if not people or not titles:
                continue
            org = self.title_org(titles[0])
            if org is None and verb is not None and noun.dep_ == "dobj":
                org = next((e for c in verb.children if c.dep_ in SUBJECT_DEPS for e in self.entities(c, ("ORG",))), None)
            if org is None:
                continue
            q = {"role": self.role_text(titles[0]), "current": True}
            date = self.date_near(verb if verb is not None else noun, sentence)
            if date:
                q.update({"start": date, "_date_text": date})
            for person in people:
                yield Found("WORKS_FOR", person, org, sentence, dict(q), 0.75, "join")

    def blocked(self, verb: Token) -> bool:
        """Negated or hedged clauses state no fact ("might follow him to Acme").

        A modal binds its own verb and the verbs coordinated with it; a hedging
        verb ("plans to join") binds the clauses below it.
        """
        head = verb
        climbed_clause = False
        while True:
            # "dropped its acquisition of X" (called with "dropped"), "abandoned plans to buy X"
            # (climbed to from "buy"); a trigger verb itself is no abandoning
            if head.pos_ in ("VERB", "AUX") and (head is not verb or not self.lex.verb_triggers(verb)) \
                    and self.lex.is_abandoning(head):
                return True
            for child in head.children:
                if child.dep_ == "neg" and not climbed_clause:
                    return True
                if not climbed_clause and child.dep_ in ("aux", "mark", "advmod") and child.lower_ in self.lex.hedges:
                    if child.lower_ == "would" and _reported(head):
                        continue  # "Acme said it would buy Globex": the announced deal, in reported speech
                    return True
            if head != verb and (head.lemma_.lower() in self.lex.hedges or head.lower_ in self.lex.hedges):
                return True  # (by the word too: the lemmatizer reads "hopes" as "hop")
            if head.dep_ == "conj" and head.head != head:
                head = head.head
            elif head.dep_ in ("xcomp", "ccomp", "advcl") and head.head != head:
                head = head.head
                climbed_clause = True
            elif head.dep_ == "acl" and head.head.pos_ == "NOUN" and head.head.dep_ in ("dobj", "pobj", "nsubjpass"):
                # "abandoned plans to buy X": the verb the plan is the object of
                head = head.head.head if head.head.dep_ != "pobj" else head.head.head.head
                climbed_clause = True
            else:
                return False

    # verb frames ---------------------------------------------------------------

    def subjects(self, verb: Token, types: tuple[str, ...], *, grammatical: bool = False) -> list[Span]:
        """Who does ``verb``. ``grammatical``: the clause's subject even when passive
        (a verb coordinated with a passive one shares its surface subject)."""
        passive = any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)
        if _reduced_passive(verb) or _copular_passive(verb):
            passive = True  # "a company founded by X": a reduced passive
        if grammatical and passive:
            for child in verb.children:
                if child.dep_ in PASSIVE_SUBJECT_DEPS:
                    return self.entities(child, types)
        if passive and verb.i >= 2 and self.doc[verb.i - 1].text == "-" and verb.i - 2 in self.entity_of:
            ent = self.entity_of[verb.i - 2]  # "Acme-backed Globex": Acme did the backing
            if ent.label_ in types:
                return [ent]
        agents = [c for c in verb.children if c.dep_ == "agent"]
        if passive and not agents:
            # "developed and published by X": coordinated participles share the agent
            agents = [c for v in verb.children if v.dep_ == "conj" for c in v.children if c.dep_ == "agent"]
        for child in agents if passive else ():
            found = self.prep_objects(child, types)
            if found:
                return found
        for child in verb.children:
            if not passive and child.dep_ in SUBJECT_DEPS and not (child.lower_ in ("that", "this") and _before_that(verb)):
                found = self.entities(child, types) or self.named_after_title(child, types)
                if found or not self.lost_apposition(child):
                    return found
                # "The company's CEO, Jane Roe, worked ...": parsed as two subjects
        if verb.dep_ == "ROOT" and (verb.pos_ == "NOUN" or not passive and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)):
            # "Acme competes with Globex": the tagger took the verb for a noun, its
            # subject for a compound (or the verb for a verb with a compound before it)
            for child in verb.children:
                if child.dep_ == "compound" and child.i < verb.i:
                    found = self.entities(child, types)
                    if found:
                        return found
        if verb.dep_ == "relcl":
            ent = self.entity(verb.head, types)
            return [ent] if ent is not None else []
        if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp" and verb.head.head.pos_ in ("VERB", "AUX"):
            return self.subjects(verb.head.head, types, grammatical=True)  # "was able to attend X"
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and (clause := clause_of_prep(verb.head)) is not None:
            return self.subjects(clause, types, grammatical=True)  # "before leaving to ...", "prior to joining X, ..."
        if verb.dep_ in INHERIT_DEPS and verb.head != verb and verb.head.pos_ in ("VERB", "AUX"):
            if passive:
                return []
            controller = self.person_object(verb)
            if controller is not None:
                return [controller] if controller.label_ in types else []
            before = self.entity_of.get(verb.i - 1)
            if verb.dep_ == "conj" and before is not None and before.label_ in types and before.root.dep_ == "conj" \
                    and before.root.head.i > verb.head.i and before.start > 0 and self.doc[before.start - 1].dep_ == "cc":
                # "Acme launched X last May and Globex rolled out Y": the parser
                # took the second subject for a conjunct of the words before it
                return [before]
            found = self.subjects(verb.head, types, grammatical=verb.dep_ in ("conj", "xcomp"))
            return found or (self.participle_person(verb, types) if verb.dep_ == "advcl" else [])
        if verb.dep_ in ("acl", "amod") and verb.head.pos_ in ("NOUN", "PROPN"):
            ent = self.entity(verb.head, types)
            if ent is None:
                return self.participle_person(verb, types)
            return [ent]
        return self.stranded_subject(verb, types)

    def person_object(self, verb: Token) -> Span | None:
        """The person an infinitive's verb has for its object, who does what the
        infinitive says: "Acme hired Roe to lead its unit", "persuaded Roe to join X"."""
        if verb.dep_ not in ("advcl", "xcomp") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return None
        for child in verb.head.children:
            if child.dep_ == "dobj" and child.i < verb.i:
                ent = self.entity_of.get(child.i)
                if ent is not None and ent.label_ == "PERSON":
                    return ent
        return None

    def founding_dates(self) -> dict[str, str]:
        """Organisations whose founding a participle dates, with no founder named:
        "Started in December 2016, the company ...", "Acme, founded in 2016, makes ..."."""
        dates: dict[str, str] = {}
        for token in self.doc:
            if token.tag_ != "VBN" or token.dep_ not in ("advcl", "acl") or any(
                c.dep_ in SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS or c.dep_ == "agent" for c in token.children
            ):
                continue
            if not any(t.predicate == "FOUNDED" for t in self.lex.verb_triggers(token)):
                continue
            if token.dep_ == "acl":
                org = self.entity(token.head, ("ORG",), anaphora=False)
            else:
                subjects = [c for c in token.head.children if c.dep_ in SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS]
                org = self.entity(subjects[0], ("ORG",)) if subjects and token.i < subjects[0].i else None
            if org is None:
                continue
            clause = self.doc[token.left_edge.i:token.right_edge.i + 1]
            date = next((e.text for e in self.ents_in(self.sentence_of[token.i])
                         if e.label_ == "DATE" and clause.start <= e.start and e.end <= clause.end), None)
            if date is not None:
                dates.setdefault(self.key_for(org), date)
        return dates

    def participle_person(self, verb: Token, types: tuple[str, ...]) -> list[Span]:
        """"It has been a rocky tenure for Roe, who ..., having co-founded X": a
        perfect participle tells what a person had done; when the clause it hangs
        on has no one to say it of (a noun, an empty "it"), the last person named
        before it did."""
        if "PERSON" not in types or not _perfect_participle(verb):
            return []
        people = [e for e in self.ents_in(self.sentence_of[verb.i]) if e.end <= verb.i and e.label_ == "PERSON"]
        return people[-1:]

    def stranded_subject(self, verb: Token, types: tuple[str, ...]) -> list[Span]:
        """"After years at Acme, Roe joined Globex": the parser hung Roe on Acme as
        an apposition and left the verb without a subject; the name set off by a
        comma right before the verb is it."""
        if verb.dep_ != "ROOT" or any(c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children):
            return []
        i = verb.i - 1
        while i >= 0 and self.doc[i].dep_ in ("aux", "auxpass", "neg", "advmod"):
            i -= 1
        ent = self.entity_of.get(i)
        if ent is None or ent.end != i + 1 or ent.label_ not in types or ent.root.dep_ not in ("appos", "npadvmod"):
            return []
        return [ent] if ent.start > 0 and self.doc[ent.start - 1].text == "," else []

    def reduced_passive_object(self, verb: Token, trigger: Trigger) -> list[Span]:
        """"a company founded by X": the noun modified is the object."""
        if _reduced_passive(verb):
            noun = verb.head.head if verb.dep_ == "conj" else verb.head
            ent = self.entity(noun, trigger.object)
            return [ent] if ent is not None else []
        if _copular_passive(verb):
            # "X, which is majority-owned by Y": the copula's subject
            return [e for c in verb.head.children if c.dep_ in SUBJECT_DEPS for e in self.entities(c, trigger.object)]
        return []

    def objects(self, verb: Token, trigger: Trigger) -> list[Span]:
        if trigger.object_nouns:
            return self.noun_gated_objects(verb, trigger)
        if trigger.requires_money and not any(
            c.dep_ == "dobj" and c.ent_type_ == "MONEY" for c in verb.children
        ):
            return []
        if trigger.requires_dobj and trigger.object_preps:
            # "held 50 percent of X", "took control of X": the object hangs from the noun
            found = []
            for child in verb.children:
                if child.dep_ == "dobj" and child.lemma_.lower() in trigger.requires_dobj:
                    # "completed an MA in design at X": the field may hang on the verb
                    # ("obtained his habilitation for medicine at X": or on a "for")
                    fields = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "for")]
                    for prep in [t for part in [child, *fields] for t in part.subtree]:
                        if prep.dep_ == "prep" and prep.lower_ in trigger.object_preps:
                            found += self.prep_objects(prep, trigger.object)
            if found:
                return found
        if trigger.object_via:
            # "X and Y merged to become Z": the object is that of the verb it leads to.
            found = []
            for child in verb.children:
                if child.dep_ in ("xcomp", "advcl", "conj") and child.lemma_.lower() in trigger.object_via:
                    for obj in child.children:
                        if obj.dep_ in ("attr", "dobj", "oprd"):
                            found += self.entities(obj, trigger.object)
            return found
        types = trigger.object
        found: list[Span] = []
        passive = any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children)
        if "nsubjpass" in trigger.object_deps and not passive and verb.dep_ == "conj" \
                and any(c.dep_ == "auxpass" for c in verb.children):
            # "Roe quit Nio in 2021 and was hired by Xiaomi": the passive shares the first verb's subject
            found += [e for c in verb.head.children if c.dep_ in SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS
                      for e in self.entities(c, types)]
        for child in verb.children:
            if child.dep_ in trigger.object_deps and (child.dep_ != "nsubjpass" or passive):
                objects = self.entities(child, types)
                if trigger.predicate == "FOUNDED":
                    # "was Acme's architect before leaving to found the business": what
                    # is founded is new; "the business" is not the company named before it
                    here = self.sentence_of[verb.i].start
                    objects = [o for o in objects
                               if _contains(o, child) or o.start > verb.i or self.sentence_of[o.start].start != here]
                if trigger.predicate == "ACQUIRED":
                    objects = self.not_for_a_part(child, objects)
                found += objects
            elif (child.dep_ in ("prep", "dative", "agent") or (child.dep_ == "conj" and child.pos_ == "ADP")) \
                    and child.lower_ in trigger.object_preps:
                # ("... and at Z": a preposition coordinated with the verb's own)
                if child.dep_ == "agent" and not trigger.object_nouns:
                    continue
                found += self.prep_objects(child, types)
            elif child.dep_ == "ccomp" and "dobj" in trigger.object_deps and _free_relative(child):
                # "ran what is now X", "joined what would become X": X is the object
                found += [e for attr in child.children if attr.dep_ == "attr" for e in self.entities(attr, types)]
            elif (
                child.dep_ in ("advmod", "npadvmod", "oprd", "attr", "dobj")
                and child.i in self.entity_of
                and "dobj" in trigger.object_deps
                and not (child.i == verb.i - 2 and self.doc[verb.i - 1].text == "-")  # "Acme-owned": the agent
            ):
                # The small parser often hangs a proper-noun object as advmod.
                found += self.entities(child, types)
        if not found and "dobj" in trigger.object_deps:
            # "acquired the Berlin startup Zipwise": the tagger read the kind noun as a
            # verb whose object is the name (hung on the verb or on its object)
            kinds = [k for c in verb.children for k in (c, *(g for g in c.children if c.dep_ == "dobj"))
                     if k.i > verb.i and k.pos_ == "VERB" and self.lex.apposition_type(k) == "ORG" and not self.lex.verb_triggers(k)]
            found += [e for k in kinds for o in k.children if o.dep_ == "dobj" for e in self.entities(o, types)]
        if not found and "dobj" in trigger.object_deps and not any(c.dep_ in ("dobj", "prep") for c in verb.children) \
                and verb.i + 1 < len(self.doc) and (named := self.entity_of.get(verb.i + 1)) is not None \
                and named.start == verb.i + 1 and named.label_ in types and named.root.dep_ == "compound" \
                and named.root.head.ent_type_ == "DATE":
            # "joined Halden Capital weeks later": the parser made the name a modifier of the time
            found.append(named)
        if not found and "dobj" in trigger.object_deps and not any(c.dep_ == "dobj" for c in verb.children):
            # "co-founded and ran X": coordinated verbs share the object (not when the
            # verb has its own: "received an education ... and entered the army")
            for conj in verb.children:
                if conj.dep_ == "conj" and conj.pos_ == "VERB":
                    for obj in conj.children:
                        if obj.dep_ == "dobj":
                            found += self.entities(obj, types)
        if not found and types == ("PERSON",):
            # "Acme named Jane Roe chief executive": the name hangs on the title
            for child in verb.children:
                if child.dep_ == "oprd":
                    found += [
                        self.entity_of[t.i] for t in child.subtree
                        if t.i in self.entity_of and self.entity_of[t.i].label_ == "PERSON" and t.i < child.i
                    ][:1]
        if not found and trigger.object_preps:
            # "studied engineering at X", "graduated with a BA from X and a law degree
            # from Y": the preposition hangs on the object noun, or on its conjuncts
            nouns = [c for c in verb.children if c.dep_ == "dobj"]
            nouns += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                      for p in c.children if p.dep_ == "pobj"]
            nouns += [c for n in nouns for c in n.children if c.dep_ == "conj"]
            for noun in nouns:
                # (a degree the model took for a name, "with a BA", is still a degree)
                if noun.i not in self.entity_of or noun.dep_ != "dobj":
                    for prep in noun.children:
                        if prep.dep_ == "prep" and prep.lower_ in trigger.object_preps:
                            found += self.prep_objects(prep, types)
        if not found and trigger.possessor_objects:
            heads = [c for c in verb.children if c.dep_ in trigger.object_deps and c.dep_ != "nsubjpass"]
            heads += [o for c in verb.children if c.dep_ == "prep" and c.lower_ in trigger.object_preps
                      for o in c.children if o.dep_ == "pobj"]
            for head in heads:
                if head.pos_ == "NOUN" and head.i not in self.entity_of:
                    found += [e for c in head.children if c.dep_ == "poss" for e in self.entities(c, types)]
        for child in verb.children if not found else ():
            if child.dep_ == "prep" and child.lower_ in trigger.role_preps:
                # "worked as a reporter for X", "joined as head of X's design"
                for title in child.children:
                    if title.dep_ == "pobj" and self.lex.is_title_token(title):
                        for prep in title.subtree:
                            if prep.dep_ == "prep" and prep.lower_ in trigger.object_preps + ("for", "at", "of"):
                                found += self.prep_objects(prep, types)
                                if found:
                                    break
        return [f for f in found if not _contains(f, verb)]

    def verb_frame(self, verb: Token, trigger: Trigger, sentence: Span) -> Iterator[Found]:
        if self.blocked(verb):
            return
        if trigger.passive_only and not any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children):
            return
        agents = self.subjects(verb, trigger.subject)
        if trigger.subject_preps or trigger.old_name_preps:
            # "Acme sold Globex to Initech" (also hung on the object: "sold Globex to Initech");
            # "changed its name from Webstar to Zentive": the old name, where one is given
            holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
            preps = trigger.subject_preps or trigger.old_name_preps
            named = [e for h in holders for c in h.children if c.dep_ in ("prep", "dative") and c.lower_ in preps
                     for e in self.prep_objects(c, trigger.subject)]
            agents = named if trigger.subject_preps or named else agents
        if trigger.reduced_subject:
            # "Acme (now called Globex)": the name the clause hangs from
            head = self.entity(verb.head, trigger.subject, anaphora=False) if verb.head != verb else None
            agents = [head] if head is not None else [
                # "Acme was originally called Globex": a clause of its own
                e for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS for e in self.entities(c, trigger.subject)]
        if trigger.patient_is_subject and not agents:
            # "X was renamed Y": the one renamed is the fact's subject
            agents = [e for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS for e in self.entities(c, trigger.subject)]
        partners: list[Span] = []
        if trigger.with_subjects and agents:
            # (names only: not "with X and their first film Y")
            # (the parser may hang "with" on the object: "co-founded the lender X with Y")
            holders = [verb] + [o for c in verb.children if c.dep_ == "dobj" for o in (c, *(a for a in c.children if a.dep_ == "appos"))]
            partners = [e for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
                        for e in self.prep_objects(c, trigger.subject) if e not in agents
                        and (e.root.dep_ in ("pobj", "conj") and e.root.head.pos_ in ("ADP", "PROPN")
                             # "with her former colleague Leo Grant"
                             or e.root.dep_ == "appos" and self.lex.is_person_word(e.root.head))]
            agents += partners
        patients = self.objects(verb, trigger)
        if trigger.predicate == "WORKS_FOR" and patients and agents and all(a.label_ == "PERSON" for a in agents) and any(
                c.dep_ in trigger.object_deps and c.i not in self.entity_of and common_noun(c) and is_definite(c)
                for c in verb.children):
            # "Skyhaven chief executive Girard will leave the company": the company of
            # the title the sentence gives him, not the one the text was about
            own = self.own_title_org(agents[0], sentence)
            origin = self.from_org(verb, trigger)
            # (not the one the person comes from: "joined the bank from X, where she was head of ...")
            if own is not None and not (origin is not None and _same(own, origin, self.keys)):
                patients = [own]
        if trigger.patient_is_subject and patients and not any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children):
            agents, patients = self.renamed_by_another(verb, trigger, agents, patients)
        if not patients and not trigger.patient_is_subject:
            # (when the one acted on is the fact's subject, "a sedan built by
            # Acme" names no object: the maker is not built on)
            patients = self.reduced_passive_object(verb, trigger)
        if not patients:
            agents, patients = self.relative_gap(verb, trigger, agents)
        if not patients and trigger.event == "join" and agents and self.topic is not None \
                and not any(c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in trigger.object_preps)
                            for c in verb.children):
            # "Okoro joins from rival Aerion": with nothing joined named, she joins the
            # company the article is about
            origin = next((e for c in verb.children if c.dep_ == "prep" and c.lower_ in trigger.from_preps
                           for e in self.prep_objects(c, ("ORG",))), None)
            patients = [self.topic] if origin is not None and not _same(origin, self.topic, self.keys) else []
        if not agents and patients and trigger.event == "join" and trigger.swap and self.topic is not None \
                and any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children):
            # "Castell was poached from Halden Capital": with no hirer named, the
            # company the article is about hired her, as in "joins from rival X"
            origin = self.from_org(verb, trigger)
            agents = [self.topic] if origin is not None and not _same(origin, self.topic, self.keys) else []
        if not patients and trigger.event == "leave" and agents:
            # "After eight years at X, she left": what she left
            before = self.org_before(verb)
            patients = [before] if before is not None and before.label_ in _label_types(trigger.object) else []
        agents = [a for a in agents if not any(_same(a, p, self.keys) for p in patients)]
        if trigger.swap and trigger.role_preps and agents:
            # "Acme appointed Roe as head of Globex": the job is where the role says
            role_org = self.role_org(verb, trigger)
            if role_org is not None:
                agents = [role_org]
        previous = None
        if not agents and patients and trigger.subject_from_previous:
            # "X disappeared overnight. ... but replaced by a new brand: Y."
            previous = self.previous_sentence(sentence)
            agents = self.sentence_subjects(previous, trigger.subject) if previous is not None else []
        if trigger.conj_subjects and not patients and len(agents) >= 2:
            pairs = [(agents[0], other) for other in agents[1:]]
        else:
            pairs = [(a, p) for a in agents for p in patients]
        if not pairs:
            return
        qualifiers = self.qualifiers(verb, trigger, sentence, previous)
        moved_from = self.from_org(verb, trigger)
        if trigger.requires_from and moved_from is None:
            return
        if moved_from is None and trigger.event == "founding" and verb.dep_ != "relcl":
            # "After eight years at X, she left to found Y": a move from X
            moved_from = self.org_before(verb) or (
                self.org_before(verb.head) if verb.dep_ in ("advcl", "xcomp", "conj") else None)
        if moved_from is None and trigger.predicate == "WORKS_FOR" and trigger.event in ("work", "join") \
                and verb.dep_ in ("xcomp", "advcl") and self.lex.is_leaving(verb.head):
            # "Roe left Volvik to run Saab": a move from what was left
            moved_from = next((e for c in verb.head.children if c.dep_ == "dobj" for e in self.entities(c, ("ORG",))), None)
        extra = (previous.start_char, previous.end_char) if previous is not None else None
        if trigger.to_preps:
            # "Roe left X for Y": a move to Y ("for Y" may hang on X's name)
            objects = [c for c in verb.children if c.dep_ in trigger.object_deps and c.i in self.entity_of]
            for child in [c for token in (verb, *objects) for c in token.children]:
                if child.dep_ == "prep" and child.lower_ in trigger.to_preps:
                    for destination in self.prep_objects(child, ("ORG",)):
                        for agent, patient in pairs:
                            if agent.label_ == "PERSON" and not _same(patient, destination, self.keys):
                                q = {k: v for k, v in qualifiers.items() if k in ("_date_text",)}
                                if "end" in qualifiers:
                                    q["date"] = qualifiers["end"]
                                q["from"] = self.key_for(patient)
                                yield Found("MOVED", agent, destination, sentence, q, 0.8, "move", extra)
                                yield Found("WORKS_FOR", agent, destination, sentence, {"start": q["date"], "_date_text": q.get("_date_text")} if "date" in q else {}, 0.7, "join", extra)
        for agent, patient in pairs:
            if _same(agent, patient, self.keys):
                continue
            subj, obj = (patient, agent) if trigger.swap else (agent, patient)
            if trigger.with_subjects and agent in partners:
                # who did it "with" the subject is told in passing: no step of
                # their own story (the job they left is not the one before)
                yield from self.emit(trigger, subj, obj, sentence, {**qualifiers, BEFORE_STORY: True}, None, extra)
                continue
            yield from self.emit(trigger, subj, obj, sentence, qualifiers, moved_from, extra)
        if trigger.gapped_subjects and patients:
            # the amount paid is the first clause's; the date holds for the whole list
            shared = {k: v for k, v in qualifiers.items() if k != "amount"}
            for gapped in self.gapped_subjects(patients, sentence, trigger):
                for patient in patients:
                    if not _same(gapped, patient, self.keys):
                        yield from self.emit(trigger, gapped, patient, sentence, shared, moved_from, extra)

    def renamed_by_another(self, verb: Token, trigger: Trigger, agents: list[Span],
                           patients: list[Span]) -> tuple[list[Span], list[Span]]:
        """"Acme renamed Globex (as) Initech", "bought Globex and renamed it Initech":
        the one renamed is the object when a new name follows it, not the subject
        ("Acme renamed itself Initech" keeps the subject)."""
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if any(c.lower_ in REFLEXIVES for c in objects):
            return agents, [p for p in patients if not any(_same(p, a, self.keys) for a in agents)]
        old = [e for c in objects for e in self.entities(c, trigger.subject)]
        if not old and objects and objects[0].lower_ == "it":
            # (an object "it" is no anaphor elsewhere: mostly a situation)
            old = [e for e in [self.recent(objects[0], "ORG")] if e is not None and not any(_same(e, a, self.keys) for a in agents)]
        new = [p for p in patients if not any(_same(p, o, self.keys) for o in old)]
        if not old and any(c.pos_ in ("NOUN", "PROPN") and c.lower_ != "it" for c in objects):
            # "Nio rebranded its Onvo sub-brand as Firefly": something of the subject's
            # the text does not name was renamed, not the subject
            return agents, []
        return (old, new) if old and new else (agents, patients)

    def gapped_subjects(self, patients: list[Span], sentence: Span, trigger: Trigger) -> list[Span]:
        """"X held 50 percent of Y, Z 20 percent and W 30 percent": after the
        object, a name followed by an amount, the verb left out, is another subject."""
        found = []
        i = max(p.end for p in patients)
        while i < sentence.end:
            token = self.doc[i]
            ent = self.entity_of.get(i)
            if token.text in (",", "and", ";") or token.lower_ == "while":
                i += 1
                continue
            if ent is None or ent.start != i or ent.label_ not in _label_types(trigger.subject) or ent.end + 1 >= sentence.end:
                break
            number, unit = self.doc[ent.end], self.doc[ent.end + 1]
            if not (number.like_num and unit.lower_ in self.lex.percent_words):
                break
            found.append(ent)
            i = ent.end + 2
        return found

    def relative_gap(self, verb: Token, trigger: Trigger, agents: list[Span]) -> tuple[list[Span], list[Span]]:
        """"X, which Acme spent years to develop": the object is the noun the
        relative clause hangs from; the small parser often leaves the relative
        pronoun as subject and the name as a modifier of the clause's verb."""
        clause = verb
        while clause.dep_ in ("conj", "xcomp") and clause.head != clause:
            clause = clause.head
        if clause.dep_ != "relcl":
            return agents, []
        # "Acme, where she worked for ten years": a place the verb's preposition would name
        where = any(c.lower_ == "where" and c.dep_ == "advmod" for c in clause.children) \
            and any(p in ("at", "in") for p in trigger.object_preps)
        # "the firm he founded, Acme": a relative clause with no pronoun, whose
        # verb has a subject and leaves its object to the noun
        contact = "dobj" in trigger.object_deps and clause is verb \
            and any(c.dep_ in SUBJECT_DEPS for c in clause.children) and not any(c.dep_ == "dobj" for c in clause.children)
        if not where and not contact and not any(c.lower_ in self.lex.relative_pronouns for c in clause.children):
            return agents, []
        patient = self.entity(clause.head, trigger.object, anaphora=False)
        if patient is None:
            return agents, []
        if not agents:
            for child in clause.children:
                if child.dep_ in ("nsubj", "advmod", "npadvmod", "compound") and child.i in self.entity_of:
                    ent = self.entity_of[child.i]
                    if ent.label_ in _label_types(trigger.subject):
                        agents = [ent]
                        break
        return agents, [patient]

    def sentence_subjects(self, sentence: Span, types: tuple[str, ...]) -> list[Span]:
        """The subject of a sentence's main clause, if it names an entity."""
        root = sentence.root
        for child in root.children:
            if child.dep_ in SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS:
                return self.entities(child, types)
        return []

    def emit(
        self,
        trigger: Trigger,
        subj: Span,
        obj: Span,
        sentence: Span,
        qualifiers: dict,
        moved_from: Span | None,
        extra: tuple[int, int] | None = None,
    ) -> Iterator[Found]:
        if subj.label_ not in _label_types(trigger.subject_types_for_fact) or obj.label_ not in _label_types(trigger.object_types_for_fact):
            return
        if moved_from is not None and not _same(moved_from, obj, self.keys) and subj.label_ == "PERSON":
            moved_q = {k: v for k, v in qualifiers.items() if k in ("date", "role", "_date_text")}
            if "start" in qualifiers:
                moved_q["date"] = qualifiers["start"]
            moved_q["from"] = self.keys.get(span_key(moved_from)) or span_key(moved_from)
            yield Found("MOVED", subj, obj, sentence, moved_q, 0.8, "move", extra)
            yield Found("WORKS_FOR", subj, moved_from, sentence, _end_of(qualifiers), 0.7, "leave", extra)
        if trigger.predicate == "MOVED":
            if moved_from is None and trigger.settles and subj.label_ == "PERSON":
                # "Roe defected to Globex": where from, the story may tell (a title
                # in the sentence, a job before it); that Roe works there, it does
                joined = {"start": qualifiers["date"], "_date_text": qualifiers.get("_date_text")} if "date" in qualifiers else {}
                if qualifiers.get("role"):
                    joined["role"] = qualifiers["role"]
                yield Found("WORKS_FOR", subj, obj, sentence, joined, 0.65, "join", extra)
            return
        yield Found(trigger.predicate, subj, obj, sentence, dict(qualifiers), trigger.confidence, trigger.event, extra)

    def qualifiers(self, verb: Token, trigger: Trigger, sentence: Span, previous: Span | None = None) -> dict:
        q: dict = {}
        date = self.date_near(verb, sentence)
        if date is None and previous is not None:
            date = self.date_near(previous.root, previous)  # the event began there
        # "X has joined/left/acquired Y" is the day's news; "X has worked at / now heads Y" says
        # nothing of when the job began.
        earlier = any(c.dep_ == "advmod" and c.lower_ in self.lex.former_words for c in verb.children)
        if date is None and not earlier and (trigger.default_date == "document" or (_reported_now(verb) and trigger.event != "work")):
            # "X has acquired Y", "X and Y are merging": news of the day ("has
            # previously criticised Y" is not)
            date = DOCUMENT_DATE
        span = self.year_range(verb) if trigger.predicate == "WORKS_FOR" and trigger.event == "work" else None
        until = self.date_on(verb, ("until", "till", "through")) \
            if trigger.predicate == "WORKS_FOR" and trigger.event == "work" else None
        if span is not None:
            # "X worked at Y from 2001 to 2005": a job with both ends, over
            q.update({"start": span[0], "end": span[1], "current": False})
        elif until is not None:
            # "X worked at Y until 2010": when it ended, not when it began (and
            # "will work there until 2030" says nothing of either yet)
            if not _future(verb):
                q.update({"end": until, "_date_text": until, "current": False})
        elif date and trigger.date:
            q["_date_text"] = date
            q[trigger.date] = date
        if trigger.event == "leave" and not _future(verb):
            q["current"] = False  # "X resigned from Y": no longer there
        elif trigger.event == "work" and any(c.dep_ == "advmod" and c.lower_ in self.lex.former_words for c in verb.children):
            q["current"] = False  # "X previously worked at Y"
        elif trigger.event == "work" and verb.tag_ == "VBD" and verb.dep_ == "relcl" \
                and (holder := self.entity_of.get(verb.head.i)) is not None and holder.label_ == "PERSON":
            q["current"] = False  # "Roe, who ran Acme's Asian business, ...": background, told as past
        # ("then" marks a past title, but of an event it is the next step: "she then founded X")
        told_before = _perfect_participle(verb) or any(
            (c.dep_ == "advmod" and c.lower_ in self.lex.former_words and c.lower_ != "then")
            # "Before that, he spent 12 years at X"; "Before joining Y, he spent 12
            # years at X" (a gerund: what came next, told as done)
            or (c.dep_ in ("prep", "advmod") and c.lower_ in ("before", "prior") and any(
                p.lower_ in ("that", "this", "then") or (p.dep_ == "prep" and p.lower_ == "to")
                or (p.dep_ == "pcomp" and p.tag_ == "VBG")
                # "Before Aerion, she spent 12 years at Boeing": before another employer
                or (p.dep_ == "pobj" and p.i in self.entity_of and self.entity_of[p.i].label_ == "ORG")
                for p in c.children))
            # "... and before that worked at X", which the parser reads as a clause
            # whose subject is "that"
            or (c.dep_ == "mark" and c.lower_ in ("before", "prior") and _before_that(clause))
            for clause in {verb, verb.head if verb.dep_ == "conj" else verb} for c in clause.children
        ) and not _future(verb)
        if trigger.event == "work" and told_before and "end" not in q:
            q["current"] = False  # "having previously run Y"
        if trigger.event == "founding" and (told_before or verb.dep_ == "relcl"):
            # "the firm he founded", "Acme, which she co-founded": a founding that
            # describes a company is background, not the next step of the story
            q[BEFORE_STORY] = True
        leaving = self.leaving_after(verb) if trigger.predicate == "WORKS_FOR" and trigger.event in ("work", "join") else None
        if leaving is not None:
            # "X worked at Y before leaving in 2016": over, and when
            q["current"] = False
            end = self.date_on(leaving)
            if end is not None:
                q["end"] = end
                q["_end_text"] = end
                if q.get("_date_text") == end:
                    # the leaving's date was taken for the job's start
                    q.pop(trigger.date, None)
                    del q["_date_text"]
        if trigger.role_preps:
            role = self.role_after(verb, trigger.role_preps)
            if role:
                q["role"] = role
        if trigger.role_deps and "role" not in q:
            # "Acme named Roe chief executive": the title stands bare after the name
            for child in verb.children:
                if child.dep_ in trigger.role_deps and self.lex.is_title_token(child):
                    q["role"] = self.role_text(child)
                    break
        if trigger.amount:
            amount = self.amount_in(sentence)
            if amount:
                q["amount"] = amount
        return q

    def amount_in(self, sentence: Span) -> str | None:
        """The sentence's first sum of money, whole: the model's MONEY entity with the
        currency before it and the scale after it ("$" + "450" + "m"), else a
        currency word before a number the model did not tag ("€3bn")."""
        money = next((ent for ent in self.ents_in(sentence) if ent.label_ == "MONEY" and not self.measures(ent)), None)
        if money is not None:
            start, end = money.start, money.end
        elif any(ent.label_ == "MONEY" for ent in self.ents_in(sentence)):
            return None
        else:
            start = next((t.i for t in sentence[:-1] if t.lower_ in self.lex.currency_words
                          and _number_like(self.doc[t.i + 1])), None)
            end = start + 2 if start is not None else None
            if start is None:
                # "for 1.1 billion euros": a number, its scale, then the currency's name
                for t in sentence:
                    if not _number_like(t) or (t.i > sentence.start and _number_like(self.doc[t.i - 1])):
                        continue
                    end = t.i + 1
                    while end < sentence.end and self.doc[end].lower_ in self.lex.money_after_words \
                            and self.doc[end].lower_ not in self.lex.currency_names:
                        end += 1
                    if end < sentence.end and self.doc[end].lower_ in self.lex.currency_names:
                        start, end = t.i, end + 1
                        break
            if start is None:
                return None
        return self.whole_amount(start, end, sentence.start, sentence.end)

    def measures(self, money: Span) -> bool:
        """A sum that measures a company ("valued at $1 billion", "a valuation of
        $1 billion", "revenue of $5bn", "worth $2bn"), not what a deal costs."""
        head = money.root.head
        if head.dep_ == "prep" or head.pos_ == "ADP":
            head = head.head
        return head.lemma_.lower() in self.lex.measure_lemmas or head.lower_ in self.lex.measure_lemmas

    def whole_amount(self, start: int, end: int, lower: int, upper: int) -> str:
        """The amount's words with the currency before and the scale after them, within bounds."""
        while start > lower and self.doc[start - 1].lower_ in self.lex.currency_words:
            start -= 1
        while end < upper and self.doc[end].lower_ in self.lex.money_after_words:
            end += 1
        text = self.doc[start:end].text
        return text[:-1] if text.endswith(".") else text

    def amount_of(self, noun: Token) -> str | None:
        """The sum a noun phrase states before its noun ("a $500 million investment")."""
        lower = noun.left_edge.i
        money = next((e for e in self.ents_in(self.sentence_of[noun.i])
                      if e.label_ == "MONEY" and lower <= e.start and e.end <= noun.i), None)
        return self.whole_amount(money.start, money.end, lower, noun.i) if money is not None else None

    def from_org(self, verb: Token, trigger: Trigger) -> Span | None:
        if not trigger.from_preps:
            return None
        # "hired engineers from X", "hired Y away from X", "joined Y from X": the
        # "from" may hang on the object or on "away"
        holders = [verb] + [
            c for c in verb.children
            if (c.dep_ in ("dobj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")) or (c.dep_ == "advmod" and c.lower_ == "away")
        ]
        for child in (c for h in holders for c in h.children):
            if child.dep_ == "prep" and child.lower_ in trigger.from_preps:
                for pobj in child.children:
                    ent = self.entity(pobj, ("ORG",))
                    if ent is not None:
                        return ent
        # "After ten years at X, she joined Y"; "Roe, formerly of X, joined Y"
        before = self.org_before(verb)
        if before is not None:
            return before
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                for mod in child.children:
                    preps = []
                    if mod.dep_ in ("advmod", "appos", "amod") and mod.lower_ in self.lex.former_words:
                        preps = [p for p in mod.children if p.dep_ == "prep"]
                    elif mod.dep_ == "prep" and any(a.lower_ in self.lex.former_words for a in mod.children):
                        preps = [mod]  # "Roe, formerly of X,": the adverb hangs on "of"
                    for prep in preps:
                        if prep.lower_ in ("of", "at", "with"):
                            found = self.prep_objects(prep, ("ORG",))
                            if found:
                                return found[0]
        # "left X and joined Y": the left organisation of a coordinated verb.
        for other in _coordinated_verbs(verb):
            for trig in self.lex.verb_triggers(other):
                if trig.event == "leave":
                    for obj in self.objects(other, trig):
                        if obj.label_ == "ORG":
                            return obj
        if verb.dep_ == "pcomp" and verb.head.lower_ == "before" and verb.head.head.pos_ in ("VERB", "AUX"):
            # "worked at X before moving to Y", "rose to head of X before joining Y"
            held = verb.head.head
            if held.dep_ == "advcl" and not self.lex.verb_triggers(held):
                held = held.head  # "began at X in 1995, rising to head of Y, before moving to Z"
            for trig in self.lex.verb_triggers(held):
                if trig.predicate == "WORKS_FOR" and trig.event in ("work", "join"):
                    found = [o for o in self.objects(held, trig) if o.label_ == "ORG"]
                    if found:
                        return found[0]
        return None

    def org_before(self, verb: Token) -> Span | None:
        """"After ten years at X, she joined Y": where the person was before."""
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "after":
                for token in child.subtree:
                    if token.dep_ == "prep" and token.lower_ in ("at", "with"):
                        found = self.prep_objects(token, ("ORG",))
                        if found:
                            return found[0]
        return None

    def role_nouns_after(self, verb: Token, preps: tuple[str, ...]) -> Iterator[Token]:
        """The nouns of "as ..." after the verb; "Acme rehired Roe as CEO": the
        parser may hang "as CEO" on the name."""
        holders = [verb, *(c for c in verb.children if c.dep_ == "dobj" and c.ent_type_ == "PERSON")]
        for child in (c for holder in holders for c in holder.children):
            if child.dep_ == "prep" and child.lower_ in preps:
                yield from (pobj for pobj in child.children if pobj.dep_ == "pobj")

    def role_after(self, verb: Token, preps: tuple[str, ...]) -> str | None:
        for pobj in self.role_nouns_after(verb, preps):
            if self.lex.is_title_token(pobj):
                return self.role_text(pobj)
            # "as its chief advanced technology and embedded systems officer":
            # the parser coordinates inside the title; the title word ends it
            title = next((c for c in pobj.children if c.dep_ == "conj" and self.lex.is_title_token(c)), None)
            if title is not None:
                start = pobj.left_edge.i
                while start < pobj.i and (self.doc[start].dep_ in ("det", "poss") or start in self.entity_of):
                    start += 1
                return self.doc[start:title.i + 1].text
        return None

    def role_org(self, verb: Token, trigger: Trigger) -> Span | None:
        """The organisation a role after the verb names as its own: "as head of
        X", "named Roe chief executive of X"."""
        titles = [t for t in self.role_nouns_after(verb, trigger.role_preps) if self.lex.is_title_token(t)]
        # (on the verb only, not an apposition of the name: "lured Roe, the head of design at X" is where Roe was)
        titles += [c for c in verb.children if c.dep_ in trigger.role_deps and self.lex.is_title_token(c)]
        return self.title_org(titles[0]) if titles else None

    def role_text(self, title: Token) -> str:
        """"senior director and general manager of X department" -> "senior director"."""
        words = [t for t in title.subtree if t.i <= title.i and t.dep_ in ("amod", "compound", "nmod") and not t.ent_type_]
        words = [t for t in words if t.i >= min(w.i for w in title.subtree)]
        start = min([t.i for t in words] + [title.i])
        while start > 0 and start - 1 not in self.entity_of and self.doc[start - 1].dep_ in ("amod", "compound") \
                and self.lex.gazetteer.is_title_word(self.doc[start - 1].text) and self.doc[start - 1].text.islower():
            start -= 1  # "chief executive Erik Lund": both words hang on the name
        # "former", "next", "ex-Acme": said by the fact's current flag and object, not part of the role
        while start < title.i and (
            self.doc[start].lower_ in self.lex.former_words
            or self.doc[start].lower_ in self.lex.present_words
            or self.doc[start].lower_ in self.lex.tenure_words
            # ("its first female CEO", "the youngest CFO"; but "first vice president" is a title)
            or (self.doc[start].lower_ in self.lex.holder_words and start > 0
                and self.doc[start - 1].tag_ in ("DT", "PRP$", "POS", "JJ"))
            or self.doc[start].text in ("-", "–", "and", "&", ",")
            or self.doc[start].lower_.startswith("ex-")
            or self.doc[start].pos_ == "ADV"  # "most recently finance director"
            or start in self.entity_of
        ):
            start += 1
        text = self.doc[start:title.i + 1].text
        # "head of public relations": keep an "of" phrase that names no entity.
        for child in title.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                # (not a company described: "head of Romania's largest bank, X")
                if pobj is not None and pobj.i not in self.entity_of and not (
                        self.lex.apposition_type(pobj) == "ORG" and not self.lex.is_org_part_noun(pobj)):
                    # (it ends before a phrase that names the employer: "of design at rival X")
                    stop = min([p.i for p in pobj.subtree if p.dep_ == "prep" and p.i > pobj.i
                                and any(t.i in self.entity_of for t in p.subtree)], default=len(self.doc))
                    span_tokens = [t for t in pobj.subtree if t.i < stop and t.i not in self.entity_of and t.dep_ not in ("poss", "case")]
                    if span_tokens and self.lex.is_role_head(title):
                        text = f"{text} of {self.doc[span_tokens[0].i:span_tokens[-1].i + 1].text}"
            elif child.dep_ == "prep" and child.lower_ == "for" and child.i == title.i + 1:
                # "chief architect for autonomous driving": a field, not a company,
                # a time ("for five years") or a thing the text points at ("for the group")
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                phrase = list(pobj.subtree) if pobj is not None else []
                if pobj is not None and pobj.pos_ == "NOUN" and len(phrase) <= 4 and not any(
                    t.i in self.entity_of or t.ent_type_ or t.pos_ in ("DET", "PRON", "NUM", "PUNCT") for t in phrase
                ):
                    text = f"{text} for {self.doc[phrase[0].i:phrase[-1].i + 1].text}"
        words = text.strip(" ,").split(" ")
        while len(words) > 1 and words[-1].lower() in ("at", "of", "for", "with", "in", "on", "to"):
            words.pop()  # "vice president of engineering at": the organisation after it is the fact's object
        return " ".join(words)

    def date_near(self, verb: Token, sentence: Span) -> str | None:
        """The DATE entity attached most closely to the verb, else the sentence's only DATE."""
        # ("until 2020" ends something; it is never when a thing happened)
        dates = [ent for ent in self.ents_in(sentence) if ent.label_ == "DATE"
                 and not (ent.root.dep_ == "pobj" and ent.root.head.lower_ in ("until", "till"))]
        if not dates:
            return None
        attached = []  # (steps up to the verb, distance in words, date)
        for ent in dates:
            head = ent.root
            for steps in range(4):
                if head == verb:
                    attached.append((steps, abs(ent.root.i - verb.i), ent.start, ent))
                    break
                if head.head == head or head.dep_ in ("relcl", "appos"):
                    break  # a clause describing a name has its own time
                if head.head == verb and head.dep_ == "conj" and head.pos_ == "VERB" and _has_own_object(head) \
                        and _has_own_object(verb):
                    break  # "worked at X and joined Y in 2015": the second clause's time
                head = head.head
        if attached:
            return min(attached, key=lambda item: item[:3])[3].text
        if len(dates) != 1:
            return None
        # The sentence's only date, unless it belongs to another clause
        # ("X, who left Y in 2020, founded Z": 2020 is not the founding).
        governor = dates[0].root
        while governor.pos_ not in ("VERB", "AUX") and governor.head != governor:
            if governor.dep_ == "appos":
                return None  # "X, CEO of Y since 2018, ran Z": the apposition's time
            governor = governor.head
        if governor == verb or governor.pos_ not in ("VERB", "AUX"):
            return dates[0].text
        if governor in verb.ancestors and not _perfect_participle(verb):
            # ... nor to a clause that describes a name ("X, who led Y, joined Z in May":
            # May is not when X led Y), nor to one of what was done before
            # ("joined Z in May, having co-founded Y")
            path = [verb] + [t for t in verb.ancestors if governor in t.ancestors]
            if not any(t.dep_ in ("relcl", "appos") for t in path):
                return dates[0].text
        return None

    def leaving_after(self, verb: Token) -> Token | None:
        """"(joined X and) worked there before leaving": the leaving verb that ends the job."""
        for clause in [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]:
            for prep in clause.children:
                if prep.dep_ == "prep" and prep.lower_ in ("before", "until"):
                    for pcomp in prep.children:
                        if pcomp.dep_ == "pcomp" and self.lex.is_leaving(pcomp):
                            return pcomp
        return None

    def date_on(self, head: Token, preps: tuple[str, ...] = ()) -> str | None:
        """A DATE hung on ``head`` itself ("leaving in January 2016", "leaving last
        month"); with ``preps``, only after those prepositions ("since 2012")."""
        for child in head.children:
            if child.dep_ not in ("prep", "npadvmod") or (preps and child.lower_ not in preps):
                continue
            for token in (child, *(c for c in child.children if c.dep_ == "pobj")):
                if token.ent_type_ == "DATE":
                    return self.date_text(token)
        return None

    def noun_gated_objects(self, verb: Token, trigger: Trigger) -> list[Span]:
        """Objects that must be introduced by a naming noun: "replaced by a new brand: Y"."""
        found = []
        for child in verb.children:
            heads = [child]
            if child.dep_ in ("prep", "agent") and child.lower_ in trigger.object_preps:
                heads = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            elif child.dep_ not in trigger.object_deps:
                continue
            for head in heads:
                if head.lemma_.lower() not in trigger.object_nouns:
                    continue
                # not inside a relative clause: "the board, which Acme chairs"
                clauses = [c for c in head.children if c.dep_ == "relcl"]
                for token in (t for t in head.subtree if not any(c.left_edge.i <= t.i <= c.right_edge.i for c in clauses)):
                    ent = self.entity_of.get(token.i)
                    if ent is not None and ent.label_ in _label_types(trigger.object):
                        # ("the boards of X and Y": each)
                        found += [e for e in self.entities(ent.root, trigger.object) if e not in found] or [ent]
                        break
                else:
                    nxt = max(t.i for t in head.subtree) + 1
                    while nxt < len(self.doc) and self.doc[nxt].is_punct:
                        nxt += 1
                    ent = self.entity_of.get(nxt)
                    if ent is not None and ent.label_ in _label_types(trigger.object):
                        found.append(ent)
        return found

    # noun frames ---------------------------------------------------------------

    def noun_frame(self, noun: Token, trigger: Trigger, sentence: Span) -> Iterator[Found]:
        if noun.head.pos_ in ("VERB", "AUX") and self.blocked(noun.head):
            return
        if any(c.dep_ == "amod" and self.lex.is_abandoning(c) for c in noun.children):
            return  # "a failed takeover of X", "its scrapped merger with Y"
        subjects: list[Span] = []
        for child in noun.children:
            if child.dep_ == "poss":
                subjects = self.entities(child, trigger.subject)
        if not subjects and not trigger.agent_preps:
            # "the acquisition of X by Y (was approved by regulators)": the doer of
            # the noun's action, before any subject of the verb it hangs on
            # (the parser may hang "by Y" on X)
            subjects = [e for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
                        for e in self.prep_objects(c, trigger.subject)] or [
                e for c in noun.children if c.dep_ == "prep" and c.lower_ in trigger.object_preps
                for o in c.children if o.dep_ == "pobj"
                for b in o.children if b.dep_ == "prep" and b.lower_ == "by"
                for e in self.prep_objects(b, trigger.subject)]
        if not subjects and noun.dep_ in ("dobj", "pobj", "attr", "nsubjpass"):
            verb = noun.head if noun.dep_ != "pobj" else noun.head.head
            # "regulators cleared the takeover": who approves a deal is not its party
            if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() not in self.lex.oversight_lemmas:
                subjects = self.subjects(verb, trigger.subject)
        elif not subjects and noun.dep_ == "nsubj" and noun.head.dep_ in ("ccomp", "xcomp") \
                and noun.head.head.i < noun.i and noun.head.head.pos_ == "VERB":
            # "X and Y announced a partnership to offer ...": the parser makes the
            # object the subject of the infinitive after it
            subjects = self.subjects(noun.head.head, trigger.subject)
        if trigger.subject_preps:
            # "the sale of X to Y": the buyer is named after "to", whoever sells (the
            # parser may hang "to Y" on the noun, on X or on the verb)
            sold = [o for c in noun.children if c.dep_ == "prep" and c.lower_ in trigger.object_preps
                    for o in c.children if o.dep_ == "pobj"]
            if any(o.lemma_.lower() in self.lex.equity_nouns for o in sold):
                return  # "the divestment of its 30% stake in X to Y": a stake, not X
            holders = [noun] + sold
            holders += [noun.head] if noun.head.pos_ == "VERB" and noun.dep_ == "dobj" else []
            subjects = [e for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in trigger.subject_preps
                        for e in self.prep_objects(c, trigger.subject)]
            if not subjects:
                return
        objects: list[Span] = []
        agents = [e for c in noun.children if c.dep_ == "prep" and c.lower_ in trigger.agent_preps
                  for e in self.prep_objects(c, trigger.subject)]
        if trigger.agent_preps:
            # "a round led by X", "a round ..., with participation from Y"
            agents += [e for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in self.lex.leading_lemmas
                       for p in c.children if p.dep_ in ("agent", "prep") and p.lower_ == "by"
                       for e in self.prep_objects(p, trigger.subject) if e not in agents]
            if agents or subjects:
                joined = self.participants(noun) + (self.participants(noun.head) if noun.head.pos_ == "VERB" else [])
                if agents:
                    agents += [e for e in joined if e not in agents]
                else:
                    subjects += [e for e in joined if e not in subjects]
        if agents:
            # "received $5m in funding, including an investment from X": X invests in the receiver
            verb = noun.head
            for _ in range(4):
                # "including" is tagged a verb but attached as a preposition: walk past it
                if (verb.pos_ in ("VERB", "AUX") and verb.dep_ != "prep") or verb.head == verb:
                    break
                verb = verb.head
            receivers = self.subjects(verb, trigger.object) if verb.pos_ in ("VERB", "AUX") else []
            q = {}
            date = self.date_near(verb, sentence) if receivers else None
            if date and trigger.date:
                q.update({trigger.date: date, "_date_text": date})  # when it was received
            amount = self.amount_of(noun) if trigger.amount else None
            if amount:
                q["amount"] = amount  # this investor's part, not the round's total
            for agent in agents:
                for receiver in receivers:
                    if not _same(agent, receiver, self.keys):
                        yield Found(trigger.predicate, agent, receiver, sentence, dict(q), trigger.confidence * 0.9, trigger.event)
            return
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in trigger.object_preps:
                found = self.prep_objects(child, trigger.object)
                for pobj in (c for c in child.children if c.dep_ == "pobj" and trigger.predicate == "ACQUIRED"):
                    found = self.not_for_a_part(pobj, found)
                objects += found
            elif child.dep_ == "prep" and child.lower_ == "of":
                # "an investment of up to $4 billion in X": the parser hangs "in X" on the
                # amount; "a memorandum of understanding with X": on the noun's complement
                for amount in child.children:
                    if amount.dep_ == "pobj" and (amount.like_num or amount.ent_type_ in ("MONEY", "PERCENT") or (
                            common_noun(amount) and amount.i not in self.entity_of and "of" not in trigger.object_preps)):
                        for prep in amount.children:
                            if prep.dep_ == "prep" and prep.lower_ in trigger.object_preps:
                                objects += self.prep_objects(prep, trigger.object)
            elif child.dep_ in ("advmod", "npadvmod", "compound") and child.i in self.entity_of and child.i > noun.i:
                objects += self.entities(child, trigger.object)
        if noun.dep_ in ("nsubj",) and noun.head.lemma_ in ("include", "be"):
            for child in noun.head.children:
                if child.dep_ in ("dobj", "attr"):
                    objects += self.entities(child, trigger.object)
        qualifiers = self.qualifiers(noun.head if noun.head.pos_ in ("VERB", "AUX") else noun, trigger, sentence)
        if noun.head.pos_ == "VERB" and any(t.subject_preps for t in self.lex.verb_triggers(noun.head)):
            # "sold its stake in X to Y in 2022": when the seller's stake ended, not began
            qualifiers = {k: v for k, v in qualifiers.items() if k not in ("date", "_date_text", "amount")}
        if len(objects) >= 2 and any(c.dep_ == "prep" and c.lower_ == "between" for c in noun.children):
            # "a partnership between X and Y" (also "Z is a joint venture between X and
            # Y": the two are the partners, Z what they formed)
            subjects, objects = [objects[0]], objects[1:]
        if trigger.conj_subjects and not objects and len(subjects) >= 2:
            subjects, objects = subjects[:1], subjects[1:]  # "X and Y formed an alliance"
        elif trigger.conj_subjects and not objects:
            pair = self.coordinated_pair(noun, trigger)
            if pair:
                subjects, objects = [pair[0]], [pair[1]]
        for subj in subjects:
            for obj in objects:
                if not _same(subj, obj, self.keys) and obj.label_ in _label_types(trigger.object) and subj.label_ in _label_types(trigger.subject):
                    if trigger.predicate == "COMPETES_WITH" and subj.label_ != obj.label_:
                        continue
                    yield Found(trigger.predicate, subj, obj, sentence, dict(qualifiers), trigger.confidence * 0.95, trigger.event)
        if trigger.predicate == "PARTNERED_WITH" and subjects and objects:
            yield from self.joint_venture(sentence, subjects + objects, qualifiers)

    def round_participation_frames(self, sentence: Span) -> Iterator[Found]:
        """"X raised $300m in a round led by Y. Z and W also took part in the round":
        who joins a funding round the text has told of invests in the company that
        raised it (the subject of the raising, in this sentence or the two before)."""
        for verb in sentence:
            lemma = verb.lemma_.lower()
            if verb.pos_ != "VERB" or self.blocked(verb) or not (
                    lemma in self.lex.participation_lemmas
                    or any(f"{lemma} {c.lower_}" in self.lex.participation_lemmas for c in verb.children if c.dep_ in ("dobj", "prt"))):
                continue
            # ("took part in the round", "joined the financing")
            rounds = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for o in c.children if o.dep_ == "pobj"]
            rounds += [c for c in verb.children if c.dep_ == "dobj"]
            rounds = [r for r in rounds if is_definite(r) and any(
                t.predicate == "INVESTED_IN" for t in self.lex.noun_triggers(r)) and not any(c.dep_ == "poss" for c in r.children)]
            if not rounds:
                continue
            raiser = self.raiser_before(sentence)
            if raiser is None:
                continue
            # ("Existing investors X and Y took part": the parser may make both the noun and the names subjects)
            investors = self.subjects(verb, ("ORG", "PERSON")) or [
                e for c in verb.children if c.dep_ in SUBJECT_DEPS for e in self.entities(c, ("ORG", "PERSON"))]
            for investor in investors:
                if not _same(investor, raiser, self.keys):
                    yield Found("INVESTED_IN", investor, raiser, sentence, {}, 0.7, None)

    def raiser_before(self, sentence: Span) -> Span | None:
        """The company that raised money in this sentence or the two before."""
        here: Span | None = sentence
        for _ in range(3):
            if here is None:
                return None
            for verb in reversed(list(here)):
                if any(t.predicate == "INVESTED_IN" and t.requires_money and t.swap for t in self.lex.verb_triggers(verb)) and any(
                        c.dep_ == "dobj" and c.ent_type_ == "MONEY" for c in verb.children):
                    found = self.subjects(verb, ("ORG",))
                    if found:
                        return found[0]
            here = self.previous_sentence(here)
        return None

    def participants(self, head: Token) -> list[Span]:
        """"(led a round), with participation from X and Y": more investors."""
        return [e for c in head.children if c.dep_ == "prep" and c.lower_ == "with"
                for noun in c.children if noun.dep_ == "pobj" and noun.lemma_.lower() in self.lex.participation_nouns
                for p in noun.children if p.dep_ == "prep" and p.lower_ in ("from", "by")
                for e in self.prep_objects(p, ("ORG", "PERSON"))]

    def coordinated_pair(self, noun: Token, trigger: Trigger) -> tuple[Span, Span] | None:
        """"the prices of X and Y are in fierce competition": two coordinated entities of the clause."""
        clause = noun
        while clause.dep_ not in ("ROOT",) and clause.pos_ not in ("VERB", "AUX"):
            clause = clause.head
        if clause.lemma_ != "be":
            return None  # only "X and Y are in (fierce) competition"
        for token in clause.subtree:
            ent = self.entity_of.get(token.i)
            if ent is None or ent.label_ not in _label_types(trigger.subject):
                continue
            for conj in token.children:
                if conj.dep_ == "conj":
                    other = self.entity_of.get(conj.i)
                    if other is not None and other.label_ == ent.label_ and not _same(ent, other, self.keys):
                        return ent, other
        return None

    def joint_venture(self, sentence: Span, parents: list[Span], qualifiers: dict) -> Iterator[Found]:
        """Partners plus a creation verb with a third organisation: both parents founded it."""
        parent_keys = {self.keys.get(span_key(p)) for p in parents}
        for token in sentence:
            if not self.lex.is_creation_lemma(token):
                continue
            clause = token.head if token.dep_ in ("acl", "relcl", "amod") else token
            candidates = []
            for t in list(clause.children) + list(clause.head.children if clause.dep_ != "ROOT" else []):
                if t.dep_ in ("attr", "dobj", "nsubjpass", "oprd", "appos"):
                    candidates += self.entities(t, ("ORG",))
            for child in clause.head.children if clause.dep_ == "nsubj" else []:
                if child.dep_ == "attr":
                    candidates += self.entities(child, ("ORG",))
            for venture in candidates:
                if self.keys.get(span_key(venture)) in parent_keys:
                    continue
                q = {k: v for k, v in qualifiers.items() if k in ("date", "_date_text")}
                for parent in parents:
                    yield Found("FOUNDED", parent, venture, sentence, dict(q), 0.75, "found")

    # titles -------------------------------------------------------------------

    def title_frames(self, sentence: Span) -> Iterator[Found]:
        """Jobs stated by titles: appositions, copulas, pre-modifiers."""
        for token in sentence:
            if not self.lex.is_title_token(token) or token.i in self.entity_of:
                continue
            if token.dep_ in ("amod", "compound") and token.head.i == token.i + 1 and self.lex.is_title_token(token.head):
                continue  # "chief" of "chief executive": the whole title is the next word's
            org = self.title_org(token)
            if org is None and self.title_verb(token) is None:
                org = self.org_of_coordinated_title(token) or self.org_led_under(token) or self.topic_of_bare_title(token) \
                    or self.org_announcing(token) or self.topic_of_predicated_title(token)
                if org is None:
                    continue
            elif org is None:
                org = self.org_announcing(token) or self.topic_of_predicated_title(token)
            first = token
            while first.dep_ == "conj":
                if self.lex.is_title_token(first.head):
                    first = first.head
                elif first.head.i in self.entity_of and first.head.dep_ == "pobj" \
                        and self.lex.is_title_token(first.head.head.head) and first.head.head.dep_ == "prep":
                    first = first.head.head.head  # "CEO of X and a partner at Y", hung on X
                else:
                    break
            # "CEO of X and a partner at Y": the titles of each employer apart; the
            # first title still says who holds them, and how
            top = token
            while top is not first and top.dep_ == "conj" and self.lex.is_title_token(top.head) and (
                    org is None or (head_org := self.title_org(top.head)) is None or _same(head_org, org, self.keys)):
                top = top.head
            person = self.title_holder(first, token)
            if person is None and first.dep_ == "conj" and first.head.pos_ == "NOUN" and first.head.dep_ in ("attr", "appos"):
                # "Roe is an American filmmaker and founder of Acme": the title shares its
                # holder with the noun it is coordinated with
                person = self.holder_of(first.head, ("PERSON",))
            if person is None:
                # "Acme's co-founders, Mori and Sato, met ...": each name of the list
                for each in self.listed_after_plural(token, ("PERSON",)):
                    if org is not None:
                        yield from self.title_facts(top, each, org, sentence, first)
                continue
            if org is None:
                if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
                    continue  # "its CEO, Roe, was Acme's architect": "its" is another company
                # "Acme co-founder Roe has left his position as vice president": the
                # role is at the company the sentence already ties Roe to
                org = self.org_of_other_title(person, token, sentence)
                if org is None:
                    continue
            # "former Acme and Globex executive Roe": a job at each
            for each in self.entities(org.root, ("ORG",)) if org.root.i in self.entity_of else [org]:
                for holder in self.list_holders(person, token):
                    yield from self.title_facts(top, holder, each, sentence, first)

    def list_holders(self, person: Span, title: Token) -> list[Span]:
        """"Roe and Doe, both former executives at Acme": a plural title set off after
        a list of people is each one's."""
        if title.tag_ != "NNS" or title.dep_ != "appos" or self.doc[title.left_edge.i - 1].text != ",":
            return [person]
        first = person.root
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        found = [e for t in _with_conjuncts(first) if (e := self.entity_of.get(t.i)) is not None and e.label_ == "PERSON"]
        return found if person in found else [person]

    def org_led_under(self, title: Token) -> Span | None:
        """"Under chief executive Jane Roe, Acme has expanded": the title is at the
        organisation whose doings the "under" phrase frames."""
        person = self.title_holder(title, title)
        if person is None:
            return None
        phrase = person.root if person.root.dep_ == "pobj" else title if title.dep_ == "pobj" else None
        prep = phrase.head if phrase is not None else None
        if prep is None or prep.lower_ != "under" or prep.head.pos_ not in ("VERB", "AUX"):
            return None
        return next((e for c in prep.head.children if c.dep_ in SUBJECT_DEPS for e in self.entities(c, ("ORG",))), None)

    def topic_of_bare_title(self, title: Token) -> Span | None:
        """"... will advise founder and CEO Jane Roe": a title right before a name,
        with no organisation of its own, is at the organisation the article is
        about, when one clearly is (:attr:`topic`)."""
        # A company title, written as in running text ("CEO", "founder"), not a
        # head of state's ("President Roe", "US President Roe") or a professor's.
        if self.lex.title_rank(title) not in BARE_TITLE_RANKS or not (title.text.islower() or title.text.isupper()):
            return None
        person = self.title_holder(title, title)
        if person is None or title.i >= person.start or any(
            c.dep_ in ("poss", "prep", "det") or (c.i in self.entity_of and c.i < person.start) for c in title.children
        ):
            return None
        if any(t.i in self.entity_of or t.ent_type_ or t.dep_ in ("poss", "det") for t in self.doc[title.left_edge.i:title.i]):
            return None
        return self.topic

    def topic_of_predicated_title(self, title: Token) -> Span | None:
        """"Feld serves as chief executive, while Costa is chief technology officer":
        a company title said of a person, in a sentence that names no organisation,
        is at the organisation the article is about (:attr:`topic`)."""
        if self.lex.title_rank(title) not in BARE_TITLE_RANKS:
            return None
        verb = self.predicating_verb(title)
        if verb is None:
            return None
        sentence = self.sentence_of[title.i]
        if self.blocked(verb) or any(e.label_ == "ORG" for e in self.ents_in(sentence)) or any(
                c.dep_ in ("poss", "prep") for c in title.children):
            return None
        if not any(c.dep_ in SUBJECT_DEPS and (e := self.entity(c, ("PERSON",))) is not None for c in verb.children):
            return None
        return self.topic

    def org_announcing(self, title: Token) -> Span | None:
        """"Acme said Roe would step down as chairman", "Acme announced that Roe is
        to become CFO": a company title said of a person, with no organisation of
        its own, in what an organisation says, and no other organisation named in
        the sentence, is at the one that says it."""
        verb = self.predicating_verb(title)
        if verb is None or self.lex.title_rank(title) not in BARE_TITLE_RANKS or any(
                c.dep_ in ("poss", "prep") for c in title.children):
            return None
        if not self.subjects(verb, ("PERSON",)):
            return None
        while verb.dep_ in ("conj", "xcomp") and verb.head != verb:
            verb = verb.head
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in REPORTING_LEMMAS:
            return None
        speakers = [e for c in verb.head.children if c.dep_ == "nsubj" for e in self.entities(c, ("ORG",))]
        if len(speakers) != 1:
            return None
        sentence = self.sentence_of[title.i]
        if any(e.label_ == "ORG" and not _same(e, speakers[0], self.keys) for e in self.ents_in(sentence)):
            return None
        return speakers[0]

    def predicating_verb(self, title: Token) -> Token | None:
        """The verb that says a title of its subject: "is CEO", "serves as CEO",
        "step down as CEO"."""
        if title.dep_ == "attr" and title.head.lemma_.lower() in self.lex.copula_lemmas:
            return title.head
        if title.dep_ == "pobj" and title.head.lower_ == "as" and title.head.head.pos_ in ("VERB", "AUX"):
            return title.head.head
        return None

    @cached_property
    def topic(self) -> Span | None:
        """The organisation the article is about: mentioned at least three times, and
        twice as often as any other (by name, or as "it" or "the company")."""
        counts = Counter(self.key_for(e) for e in self.ents if e.label_ == "ORG")
        for meant in (*self.antecedent.values(), *self.noun_antecedent.values()):
            if meant.label_ == "ORG":
                counts[self.key_for(meant)] += 1
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 3 or (len(ranked) == 2 and ranked[0][1] < 2 * ranked[1][1]):
            return None
        return next(e for e in self.ents if e.label_ == "ORG" and self.key_for(e) == ranked[0][0])

    def org_of_coordinated_title(self, title: Token) -> Span | None:
        """"Acme chairman Roe and CEO Doe": a bare title before a name coordinated
        with a titled name takes that title's organisation."""
        person = self.title_holder(title, title)
        if person is None or title.i >= person.start or person.root.dep_ != "conj":
            return None
        first = self.entity_of.get(person.root.head.i)
        if first is None or first.label_ != "PERSON":
            return None
        for other in self.doc[max(first.start - 4, 0):first.start]:
            if self.lex.is_title_token(other) and other.i not in self.entity_of \
                    and self.title_holder(other, other) == first:
                return self.title_org(other)
        return None

    def org_of_other_title(self, person: Span, title: Token, sentence: Span) -> Span | None:
        found = None
        for other in sentence:
            if other.i != title.i and self.lex.is_title_token(other) and other.i not in self.entity_of:
                org = self.title_org(other)
                if org is not None and self.title_holder(other, other) == person:
                    if found is not None and not _same(found, org, self.keys):
                        return None  # two companies: which one is not said
                    found = org
        return found

    def title_org(self, title: Token) -> Span | None:
        """The organisation of a title: "of/at X", "X's", or a name before it."""
        for child in title.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "at", "for", "with", "to"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        # "chief advisor to the start-up": the company the text is about
                        ent = self.entity(pobj, ("ORG",), anaphora=False) or self.noun_antecedent.get(pobj.i)
                        if ent is not None:
                            return ent
                        inner = self.title_org_of_phrase(pobj)
                        if inner is not None and not (self.lex.title_rank(title) == "staff" and not (
                                self.lex.is_org_part_noun(pobj) or self._department(pobj))):
                            # ("the architect of Acme's turnaround" holds no job of that name)
                            return inner
                        named = self.entity_of.get(pobj.i + 1)
                        if named is not None and named.start == pobj.i + 1 and named.label_ == "ORG" and self.lex.anaphor_noun_type(pobj) == "ORG":
                            return named  # "CEO of the group's unit Acme Mobility"
        for child in title.children:
            if child.dep_ in ("poss", "compound", "nmod"):
                ent = self.entity(child, ("ORG",), anaphora=child.dep_ == "poss")
                if ent is not None:
                    return ent
        role_noun = self.role_noun_of(title)
        if role_noun is not None:
            # "his title of chairman at X": the company hangs on "title"
            for child in role_noun.children:
                if child.dep_ == "prep" and child.lower_ in ("at", "with", "for"):
                    found = self.prep_objects(child, ("ORG",))
                    if found:
                        return found[0]
        verb = title.head
        if (title.dep_ == "attr" and verb.lemma_ == "be") or (
                title.dep_ in ("attr", "oprd") and (self.lex.is_becoming(verb) or verb.lemma_.lower() in self.lex.copula_lemmas)):
            # "Roe was chief architect at Acme", "Roe has been named CEO at Acme":
            # the parser hangs "at Acme" on the verb
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ in ("at", "with", "for"):
                    found = self.prep_objects(child, ("ORG",))
                    if found:
                        return found[0]
        if title.dep_ == "attr" and verb.lemma_ == "be":
            if title.head.dep_ == "relcl" and _relative_of_place(title.head):
                # "Acme, of which Roe is chairman" / "Acme, where Roe is CEO"; the
                # parser may hang the clause on a noun before the name ("the assets
                # of Acme, of which ..."): the name right before the comma counts too
                start = title.head.left_edge.i
                before = [self.doc[start - 2]] if start >= 2 and self.doc[start - 1].text == "," else []
                for antecedent in [title.head.head, *before]:
                    ent = self.entity(antecedent, ("ORG",), anaphora=False)
                    if ent is not None:
                        return ent
        # "Acme Public Relations Director Roe": a name right before the title words.
        i = title.i - 1
        first = self.sentence_of[title.i].start
        while i >= first and i not in self.entity_of and (
            self.lex.is_title_word(self.doc[i]) or self.doc[i].is_title or self.doc[i].text in ("-", "co", "Co")
        ):
            i -= 1
        if i >= first and i in self.entity_of and self.entity_of[i].label_ == "ORG":
            return self.entity_of[i]
        return None

    def role_noun_of(self, title: Token) -> Token | None:
        """"title" in "his title of chairman", "post" in "the post of CEO"."""
        if title.dep_ == "pobj" and title.head.lower_ == "of" and title.head.head.lemma_.lower() in self.lex.role_nouns:
            return title.head.head
        return None

    def title_org_of_phrase(self, noun: Token) -> Span | None:
        """"head of Acme's public relations": the possessor of the "of" phrase."""
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "nmod") and child.i in self.entity_of:
                ent = self.entity_of[child.i]
                if ent.label_ == "ORG":
                    return ent
            if child.dep_ == "prep" and child.lower_ in ("of", "at"):
                for pobj in child.children:
                    ent = self.entity(pobj, ("ORG",), anaphora=False)
                    if ent is not None and (self.lex.is_org_part_noun(noun) or self._department(noun)):
                        return ent  # "head of the unit of Acme", "head of design of Acme"
        return None

    def _department(self, noun: Token) -> bool:
        """"design", "autonomous driving": a function named bare, words of the department
        list only ("the regional government" is not one)."""
        words = [t for t in noun.lefts] + [noun]
        if all(t.lower_ in self.lex.department_words for t in words):
            return True
        # "battery research", "vehicle software": a department word led by bare
        # common nouns and adjectives (no article: "the regional government" is none)
        return noun.lower_ in self.lex.department_words and all(
            t.pos_ in ("NOUN", "ADJ") and t.text.islower() and t.dep_ in ("compound", "amod") for t in words[:-1]
        )

    def title_holder(self, head: Token, title: Token) -> Span | None:
        """The person a title is said of; ``head`` is the first of coordinated titles."""
        holder = self.holder_of(head, ("PERSON",))
        if holder is not None:
            return holder
        # "Acme CFO Jane Roe": the title words run into the name.
        j = title.i + 1
        while j < len(self.doc) and self.lex.is_title_word(self.doc[j]) and j not in self.entity_of:
            j += 1
        if j < len(self.doc) and j in self.entity_of and self.entity_of[j].label_ == "PERSON":
            return self.entity_of[j]
        for child in head.children:
            # "founder and CEO Jane Roe", parsed as "founder" and "Jane Roe" coordinated
            ent = self.entity_of.get(child.i) if child.dep_ == "conj" else None
            if ent is not None and ent.label_ == "PERSON" and all(
                t.dep_ == "cc" or self.lex.is_title_word(t) for t in self.doc[head.i + 1:ent.start]
            ):
                return ent
        # "According to Roe, the head of design of Acme, the model ...": set off by
        # commas like an apposition, but parsed as the subject of the next clause
        start = head.left_edge.i
        if head.dep_ in SUBJECT_DEPS and start >= 2 and self.doc[start - 1].text == ",":
            ent = self.entity_of.get(start - 2)
            if ent is not None and ent.label_ == "PERSON" and ent.end == start - 1:
                end = head.right_edge.i + 1
                if end < len(self.doc) and self.doc[end].text == ",":
                    return ent
        return None

    def own_title_org(self, person: Span, sentence: Span) -> Span | None:
        """The organisation of a title the sentence gives the person ("Acme chief
        executive Roe", "Roe, chief executive of Acme")."""
        for token in sentence:
            if self.lex.is_title_token(token) and token.i not in self.entity_of \
                    and not (token.dep_ in ("amod", "compound") and self.lex.is_title_token(token.head)):
                org = self.title_org(token)
                if org is not None and self.title_holder(token, token) == person:
                    return org
        return None

    def listed_after_plural(self, noun: Token, types: Iterable[str]) -> list[Span]:
        """"Acme's co-founders, Mori and Sato, met ...", "its investors, X and Y,
        backed ...": the names set off after a plural noun, which the parser
        coordinates with it instead of setting them in apposition."""
        if noun.tag_ != "NNS" or noun.i + 1 >= len(self.doc) or self.doc[noun.i + 1].text != ",":
            return []
        return [e for t in _with_conjuncts(noun)[1:] if (e := self.entity_of.get(t.i)) is not None and e.label_ in tuple(types)]

    def holder_of(self, noun: Token, types: tuple[str, ...], *, copula_only: bool = False) -> Span | None:
        """The entity a relational noun is said of: "X, the CEO of Y" (apposition),
        "X is/became the CEO of Y" (copula), "X, one of the founders of Y",
        "X was born as a joint venture of Y and Z", "Y parent company X"."""
        head = noun
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in self.lex.partitive_words:
            head = head.head.head
        role_noun = self.role_noun_of(head)
        if role_noun is not None and role_noun.dep_ in ("dobj", "pobj"):
            # "X will hold onto his title of chairman", "X took up the post of CEO": X holds it
            verb = role_noun.head if role_noun.dep_ == "dobj" else role_noun.head.head
            if verb.pos_ in ("VERB", "AUX"):
                subjects = self.subjects(verb, types)
                return subjects[0] if subjects else None
        if head.dep_ == "appos" and not copula_only:
            # "she, Acme CEO Roe and Holt, Acme's head of research, all ...": the
            # parser may hang the apposition on the first of a list; it is said of
            # the name right before its comma.
            start = head.left_edge.i
            if start >= 2 and self.doc[start - 1].text == ",":
                adjacent = self.entity_of.get(start - 2)
                if adjacent is not None and adjacent.end == start - 1 and adjacent.label_ in types:
                    return adjacent
            return self.entity(head.head, types, anaphora=False)
        if head.dep_ in ("attr", "oprd") or (head.dep_ == "pobj" and head.head.lower_ == "as") or (
            head.dep_ == "pobj" and head.head.lower_ == "to" and self.title_verb(head) is not None
        ):
            verb = head.head if head.dep_ != "pobj" else (self.title_verb(head) or head.head.head)
            if head.dep_ == "pobj" and any(t.object == ("PERSON",) for t in self.lex.verb_triggers(verb)):
                # "Brandt appointed Korr as a partner of X": the title is the one hired's
                hired = next((e for c in verb.children if c.dep_ == "dobj" for e in self.entities(c, types)), None)
                if hired is not None:
                    return hired
            # "X is CEO", "X was named CEO" (a predicative object), "X serves as CEO"
            if verb.lemma_.lower() in self.lex.copula_lemmas or head.dep_ in ("pobj", "oprd"):
                for child in verb.children:
                    if child.dep_ in SUBJECT_DEPS + PASSIVE_SUBJECT_DEPS:
                        if child.lemma_.lower() in self.lex.role_nouns:
                            # "his most important identity is the director of X"
                            for poss in child.children:
                                if poss.dep_ == "poss":
                                    return self.entity(poss, types)
                        return self.entity(child, types)
                subjects = self.subjects(verb, types)
                return subjects[0] if subjects else None
        if head.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("while", "when", "as") for c in head.children) \
                and not any(c.dep_ in SUBJECT_DEPS for c in head.children):
            # "won a prize while a student at X": the clause has no verb of its own
            subjects = self.subjects(head.head, types) if head.head.pos_ in ("VERB", "AUX") else []
            return subjects[0] if subjects else None
        # "The deal made X a subsidiary of Y" (a small clause: X is the noun's
        # subject), "The board turned X into a unit of Y"
        small = [c for c in head.children if c.dep_ == "nsubj" and c.i < head.i] \
            if head.dep_ in ("ccomp", "xcomp", "oprd") else []
        if head.dep_ == "pobj" and head.head.lower_ == "into" and head.head.head.pos_ == "VERB":
            small = [c for c in head.head.head.children if c.dep_ == "dobj"]
        if small:
            return self.entity(small[0], types, anaphora=False)
        if copula_only:
            return None
        lost = self.lost_apposition(head)
        if lost is not None:
            return lost if lost.label_ in types else None
        for child in head.children:
            if child.dep_ == "appos":
                ent = self.entity(child, types, anaphora=False)
                if ent is not None:
                    return ent
        if head.dep_ == "compound" and head.head.i in self.entity_of:
            ent = self.entity_of[head.head.i]
            return ent if ent.label_ in types else None
        nxt = self.entity_of.get(max(t.i for t in head.subtree) + 1) if head.dep_ != "ROOT" else None
        if nxt is not None and nxt.start == head.i + 1 and nxt.label_ in types:
            return nxt  # "the parent company Acme" parsed flat
        return None

    def subject_of_copula_chain(self, verb: Token) -> Span | None:
        subj = self.subjects(verb, ("PERSON",))
        return subj[0] if subj else None

    def title_facts(self, top: Token, person: Span, org: Span, sentence: Span, first: Token | None = None) -> Iterator[Found]:
        """The job ``top`` and the titles coordinated with it (but not one with an
        employer of its own) say; ``first`` is the first of the coordinated titles
        (``top`` when not given), whose place in the sentence tells how it is said."""
        titles = [t for t in _with_conjuncts(top) if self.lex.is_title_token(t) and (
            t is top or (elsewhere := self.title_org(t)) is None or _same(elsewhere, org, self.keys))]
        top = first if first is not None else top
        founder = [t for t in titles if self.lex.is_founder_title(t)]
        roles = [t for t in titles if not self.lex.is_founder_title(t)]
        former = any(self.lex.is_former(t) for t in titles)
        for _ in founder:
            yield Found("FOUNDED", person, org, sentence, {}, 0.8, "found")
            break
        if roles:
            role = " and ".join(self.role_text(t) for t in roles) if len(roles) <= 3 else self.role_text(roles[0])
            verb = top.head if top.dep_ in ("attr", "oprd") else self.title_verb(top)
            verb = verb or self.leaving_with_apposition(top, person, org)
            if verb is not None and verb.tag_ == "VBD" and verb.lemma_ == "be":
                former = True  # "X was CEO of Y"
            # A title the sentence gives ("hired X as CTO of Y") is a role; one that
            # describes the person ("X, CTO of Y") is a title (extract.history tells them apart).
            event = "role" if top.dep_ == "pobj" and top.head.lower_ == "as" else "title"
            if verb is not None and self.lex.is_leaving(verb) and not _future(verb):
                # "X stepped down as CEO of Y", "X left her post as CEO of Y": the job ends
                event, former, date_name = "leave", True, "end"
            elif verb is not None and self.lex.is_becoming(verb) and (top.dep_ != "pobj" or top.head.lower_ in ("to", "of")):
                # "X has become CEO of Y", "X was promoted to CEO of Y": a step in the career, like "joined".
                # ("X joined Y as CEO of Z" is the verb's fact: the title only says where in Y.)
                event, date_name = "join", "start"
            q = {"role": role, "current": not former}
            span = (self.year_range(verb) if verb is not None else None) or self.year_range(top)
            if span is not None and event in ("title", "role"):
                # "X was CEO of Y from 2011 to 2020"
                q.update({"start": span[0], "end": span[1], "current": False})
            elif event in ("title", "role"):
                # "X, a director of Y since 2012", "X has been CEO of Y since 2012"
                since = self.date_on(top, ("since",)) or (self.date_on(verb, ("since",)) if verb is not None else None)
                if since:
                    q.update({"start": since, "_date_text": since})
                # "serving as its chief executive until 2020": the job is over (not "will serve ... until")
                until = self.date_on(top, ("until", "till")) or (self.date_on(verb, ("until", "till")) if verb is not None else None)
                if until and not (verb is not None and _future(verb)):
                    q.update({"end": until, "current": False})
            if event in ("leave", "join"):
                date = self.date_near(verb, sentence)
                if date:
                    q.update({date_name: date, "_date_text": date})
            yield Found("WORKS_FOR", person, org, sentence, q, 0.8, event)
            before = self.org_before(verb) if event == "join" else None
            if before is not None and not _same(before, org, self.keys):
                # "X was named CEO of Y after ten years at Z": a move from Z
                moved = {k: v for k, v in q.items() if k in ("role", "_date_text")}
                if "start" in q:
                    moved["date"] = q["start"]
                moved["from"] = self.keys.get(span_key(before)) or span_key(before)
                yield Found("MOVED", person, org, sentence, moved, 0.75, "move")
                yield Found("WORKS_FOR", person, before, sentence, _end_of(q), 0.7, "leave")

    def leaving_with_apposition(self, title: Token, person: Span, org: Span) -> Token | None:
        """"Roe, chief executive of Acme, resigned", "Acme's chief executive, Roe, has
        left the company": the leaving verb of a person named with the title in
        apposition (the job it ends is the title's, when the verb names no other
        organisation)."""
        holder = person.root
        if title.dep_ == "appos" and title.head == holder:
            subject = holder
        elif holder.dep_ == "appos" and holder.head == title:
            subject = title
        else:
            return None
        verb = subject.head
        if subject.dep_ != "nsubj" or not self.lex.is_leaving(verb) or _future(verb) or self.blocked(verb):
            return None
        named = [self.entity_of[t.i] for c in verb.children if c is not subject for t in c.subtree if t.i in self.entity_of]
        if any(ent.label_ == "ORG" and not _same(ent, org, self.keys) for ent in named):
            return None
        return verb

    def year_range(self, head: Token) -> tuple[str, str] | None:
        """"from 2011 to 2020" or "between 2011 and 2020" on ``head``: the ISO dates of
        both ends, when the text states them outright (no other date is needed to read them)."""
        from extract.temporal import resolve_date

        for first, last in self._range_ends(head):
            start, end = (resolve_date(self.date_text(t)) for t in (first, last))
            if start and end and start <= end:
                return start, end
        return None

    def _range_ends(self, head: Token) -> Iterator[tuple[Token, Token]]:
        """The (first, last) date words of the ranges hanging on ``head``."""
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("from", "between"):
                continue
            for first in prep.children:
                if first.dep_ != "pobj" or not _names_a_date(first):
                    continue
                if prep.lower_ == "between":
                    lasts = [c for c in first.children if c.dep_ == "conj"]
                else:
                    ends = [c for c in list(first.children) + list(prep.children) + list(head.children)
                            if c.dep_ == "prep" and c.lower_ in ("to", "until", "through")]
                    lasts = [c for until in ends for c in until.children if c.dep_ == "pobj"]
                for last in lasts:
                    if _names_a_date(last):
                        yield first, last

    def date_text(self, token: Token) -> str:
        """The DATE entity a token is part of ("March 2011"), else the token. When the
        entity is a whole range ("2001 to 2005"), only the token's own end of it."""
        for ent in self.ents_in(self.sentence_of[token.i]):
            if ent.label_ == "DATE" and ent.start <= token.i < ent.end:
                own = [token] + [t for c in token.children if c.dep_ not in ("prep", "cc", "conj", "punct")
                                 for t in c.subtree]
                own_ids = {t.i for t in own}
                if any(t.i not in own_ids and t.dep_ in ("prep", "cc", "conj") for t in ent):
                    return " ".join(t.text for t in sorted(own, key=lambda t: t.i))
                return ent.text
        return token.text

    def title_verb(self, title: Token) -> Token | None:
        """The verb a title is the role of: "stepped down as CEO", "was promoted
        to CEO", "left her post as CEO", "resigned from his position as CEO",
        "gave up the post of CEO"."""
        role_noun = self.role_noun_of(title)
        if role_noun is not None:
            # "gave up her post of CEO", "took up the post of CEO"
            if role_noun.dep_ not in ("dobj", "pobj"):
                return None
            verb = role_noun.head if role_noun.dep_ == "dobj" else role_noun.head.head
            return verb if verb.pos_ in ("VERB", "AUX") else None
        if title.dep_ != "pobj" or title.head.lower_ not in ("as", "to"):
            return None
        head = title.head.head
        for _ in range(3):
            if head.pos_ in ("VERB", "AUX"):
                return head if title.head.lower_ == "as" or self.lex.is_becoming(head) else None
            if head.lemma_.lower() in self.lex.role_nouns and head.dep_ in ("dobj", "pobj") and head.head != head:
                head = head.head if head.dep_ == "dobj" else head.head.head
            else:
                return None
        return None

    def relational_frames(self, sentence: Span) -> Iterator[Found]:
        """Facts stated by relational nouns (``relational_nouns.jsonl``)."""
        for noun in sentence:
            for entry in self.lex.relational_nouns(noun):
                if noun.head.pos_ in ("VERB", "AUX") and self.blocked(noun.head):
                    continue
                if entry.unless and any(
                    c.dep_ in ("amod", "compound", "nmod") and c.lower_ in entry.unless for c in _modifiers(noun)
                ):
                    continue
                # "X, a Morikawa Holdings company": a name before the noun of an indefinite
                # description owns it as a possessor does
                owned_by = [c for c in noun.children if c.dep_ == "compound" and c.i in self.entity_of
                            and self.entity_of[c.i].end == noun.i and noun.dep_ in ("appos", "attr")
                            and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in noun.children)]
                if entry.possessor_only and not any(c.dep_ == "poss" for c in _possessors(noun)) and not owned_by:
                    continue
                holders = self.included(noun, entry.holder)
                if not holders:
                    holder = self.holder_of(noun, entry.holder, copula_only=entry.copula_only)
                    holders = [holder] if holder is not None else []
                    if holder is not None and ((holder.root.head == noun and holder.root.dep_ == "appos") or (
                            noun.dep_ == "compound" and noun.head == holder.root)):
                        # "former Acme engineers Tanaka and Ross": every name of the apposition
                        holders += [e for t in _with_conjuncts(holder.root)[1:] if (e := self.entity_of.get(t.i)) is not None
                                    and e.label_ == holder.label_ and e not in holders]
                    elif holder is not None and holder.label_ == "PERSON":
                        holders = self.list_holders(holder, noun)  # "Roe and Doe, both engineers at Acme"
                if not holders:
                    holders = self.listed_after_plural(noun, _label_types(entry.holder)) \
                        or self.named_after_person_word(noun, _label_types(entry.holder))
                if not holders and not entry.copula_only:
                    # "the Lexus brand of Toyota", "Acme's Nova division": the name
                    # the noun carries (right before it), not its possessor
                    named = next((
                        self.entity_of[c.i] for c in noun.children
                        if c.dep_ in ("compound", "nmod") and c.i in self.entity_of
                        and self.entity_of[c.i].end == noun.i and self.entity_of[c.i].label_ in _label_types(entry.holder)
                    ), None) or self.entity(noun, entry.holder, anaphora=False)
                    holders = [named] if named is not None and named.root.i != noun.i else []
                if not holders:
                    continue
                others: list[Span] = []
                children = list(noun.children)
                if noun.pos_ == "ADJ" and noun.dep_ == "amod":
                    # "former Acme executive Roe", the noun read as an adjective of the
                    # name: the employer hangs on the name too
                    children += [c for c in noun.head.children if c.i < noun.i and c.dep_ in ("nmod", "compound")]
                for child in (_possessors(noun) + owned_by) if entry.possessor_only else children:
                    if child.dep_ == "prep" and child.lower_ in entry.preps:
                        others += self.prep_objects(child, entry.other)
                        # "a graduate of X and of Y"
                        for also in child.children:
                            if also.dep_ == "conj" and also.lower_ in entry.preps:
                                others += [o for o in self.prep_objects(also, entry.other) if o not in others]
                    elif child.dep_ in ("poss", "compound", "nmod") and child.i < noun.i:
                        ent = self.entity(child, entry.other, anaphora=child.dep_ == "poss")
                        if ent is not None and ent not in others:
                            others.append(ent)
                for holder, other in ((h, o) for h in holders for o in others):
                    if _same(holder, other, self.keys):
                        continue
                    subj, obj = (holder, other) if entry.holder_is == "subject" else (other, holder)
                    if subj.label_ in _label_types(PREDICATE_TYPES[entry.predicate][0]) and obj.label_ in _label_types(PREDICATE_TYPES[entry.predicate][1]):
                        q = {"current": not self.lex.is_former(noun)} if entry.predicate == "WORKS_FOR" else {}
                        if "date" in PREDICATES[entry.predicate].qualifiers and not entry.undated:
                            date = self.date_near(noun.head if noun.head.pos_ in ("VERB", "AUX") else noun, sentence)
                            if date:
                                q.update({"date": date, "_date_text": date})
                        # "Roe, a veteran of Acme, joined Globex": a noun for staff
                        # describes the person, as a title does (extract.history)
                        event = "title" if entry.predicate == "WORKS_FOR" else None
                        yield Found(entry.predicate, subj, obj, sentence, q, 0.75, event)

    def component_frames(self, sentence: Span) -> Iterator[Found]:
        """"The (underlying) chip is X": X is used by the product the text is about."""
        for token in sentence:
            if token.lemma_ != "be":
                continue
            subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
            attr = next((c for c in token.children if c.dep_ == "attr"), None)
            if subject is None or attr is None or self.lex.apposition_type(subject) != "PRODUCT":
                continue
            if subject.i in self.entity_of or self.blocked(token):
                continue
            used = self.entity(attr, ("PRODUCT",), anaphora=False)
            if used is None:
                continue
            user = None
            for child in subject.children:
                if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ == "of"):
                    target = child if child.dep_ == "poss" else next((c for c in child.children if c.dep_ == "pobj"), None)
                    if target is not None:
                        user = self.entity(target, ("PRODUCT", "ORG"), anaphora=False)
            if user is None:
                user = self.topic_before(sentence, used)
            if user is not None and not _same(user, used, self.keys):
                yield Found("USES", user, used, sentence, {}, 0.6, None)

    def topic_before(self, sentence: Span, used: Span) -> Span | None:
        """The product or organisation the previous sentence ends on: a carmaker
        or a car, not a component like the one being described."""
        maker = self.lex.maker_prefix(used, self.org_keys)
        maker_key = self.key_for(maker) if maker is not None else None
        previous = self.previous_sentence(sentence)
        if previous is None:
            return None
        kinds = self.doc._.entity_kinds or {}
        for ent in reversed([e for e in self.ents_in(previous) if e.label_ in ("PRODUCT", "ORG")]):
            if self.keys.get(span_key(ent)) == maker_key:
                continue
            if ent.label_ == "PRODUCT" and kinds.get(span_key(ent)) in self.lex.component_kinds:
                continue
            return ent
        return None

    # other frames ----------------------------------------------------------------

    def agent_frames(self, sentence: Span) -> Iterator[Found]:
        """"X was developed under the leadership of Roe", "... by a team led by
        Roe": Roe is the developer."""
        for token in sentence:
            if token.dep_ != "pobj":
                continue
            verb = token.head.head
            if verb.pos_ != "VERB":
                continue
            person = None
            if token.lower_ in self.lex.agent_nouns:
                for child in token.children:
                    if child.dep_ == "prep" and child.lower_ == "of":
                        for pobj in child.children:
                            person = self.entity(pobj, ("PERSON",))
            elif token.head.dep_ == "agent" and token.i not in self.entity_of:
                for led in token.children:
                    if led.dep_ == "acl" and led.lemma_.lower() in self.lex.leading_lemmas:
                        for by in led.children:
                            if by.dep_ == "agent":
                                person = next(iter(self.prep_objects(by, ("PERSON",))), None)
            if person is None:
                continue
            for trigger in self.lex.verb_triggers(verb):
                if trigger.predicate != "DEVELOPED" or self.blocked(verb):
                    continue
                for child in verb.children:
                    if child.dep_ in ("nsubjpass", "dobj"):
                        for product in self.entities(child, ("PRODUCT",)):
                            yield Found("DEVELOPED", person, product, sentence, {}, 0.8, None)

    def merger_frames(self, sentence: Span) -> Iterator[Found]:
        """"Z was formed through the merger of X and Y", "Z, created by the merger of
        X and Y", "the merger of X and Y created Z": X and Y founded Z."""
        for noun in sentence:
            if noun.lemma_.lower() not in self.lex.merger_nouns or noun.pos_ != "NOUN":
                continue
            parties = [e for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "between")
                       for e in self.prep_objects(c, ("ORG",))]
            if len(parties) < 2:
                continue
            if noun.dep_ == "pobj" and noun.head.dep_ in ("prep", "agent") and noun.head.head.pos_ == "VERB":
                verb = noun.head.head  # "formed through the merger of ...", "created by the merger of ..."
                made = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
                if verb.dep_ == "acl":
                    made.append(verb.head)
            elif noun.dep_ in SUBJECT_DEPS and noun.head.pos_ == "VERB":
                verb = noun.head  # "the merger of X and Y created Z"
                made = [c for c in verb.children if c.dep_ == "dobj"]
            else:
                continue
            if not self.lex.is_creation_lemma(verb) or self.blocked(verb):
                continue
            date = self.date_near(verb, sentence)
            q = {"date": date, "_date_text": date} if date else {}
            for token in made:
                new = self.entity(token, ("ORG",), anaphora=True)
                for party in parties if new is not None else ():
                    if not _same(party, new, self.keys):
                        yield Found("FOUNDED", party, new, sentence, dict(q), 0.75, None)

    def founding_name(self, verb: Token) -> Span | None:
        """The name an organisation was founded under: "founded in 1998 as Webstar"."""
        if not any(t.predicate == "FOUNDED" and t.object == ("ORG",) for t in self.lex.verb_triggers(verb)):
            return None
        return next((e for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                     for e in self.prep_objects(c, ("ORG",))), None)

    def founded_as_frames(self, sentence: Span) -> Iterator[Found]:
        """"Zentive, founded in 1998 as Webstar, ...", "Zentive was founded as
        Webstar": the first name was changed to the one the text calls it by."""
        for verb in sentence:
            if verb.tag_ != "VBN" or self.blocked(verb):
                continue
            first = self.founding_name(verb)
            if first is None:
                continue
            if verb.dep_ == "acl":
                holders = [verb.head]
            else:
                holders = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
            for holder in holders:
                ent = self.entity_of.get(holder.i)  # a name, not "the company" it stands for
                if ent is not None and ent.label_ == "ORG" and not _same(ent, first, self.keys):
                    yield Found("RENAMED_TO", first, ent, sentence, {}, 0.7, None)

    def name_frames(self, sentence: Span) -> Iterator[Found]:
        """Facts carried by names: "Acme Model 5" is made by Acme; "Acme Research
        Institute" and "School of Law of Acme University" are parts of Acme."""
        for ent in self.ents_in(sentence):
            if ent.label_ == "PRODUCT":
                prefix = self.lex.maker_prefix(ent, self.org_keys)
                maker = prefix or self.possessor(ent)
                if maker is not None:
                    yield Found("MAKES", maker, ent, sentence, {}, 0.85, None, named=prefix is not None)
            elif ent.label_ == "ORG":
                parent = self.parent_in_name(ent)
                if parent is not None and self.key_for(parent) != self.key_for(ent):
                    yield Found("PART_OF", ent, parent, sentence, {}, 0.8, None)

    def possessor(self, product: Span) -> Span | None:
        """"Acme's Model 5", "Acme's new model Nova", "its Nova sedan": the owner makes it."""
        root = product.root
        holders = [root]
        if root.dep_ in ("appos", "compound", "nmod") and self.lex.apposition_type(root.head) == "PRODUCT":
            holders.append(root.head)
        # "Nova, Acme's next-generation chip": the apposition says whose it is
        holders += [c for c in root.children if c.dep_ == "appos" and self.lex.apposition_type(c) == "PRODUCT"]
        # "its cars, including the Nova and the Vela": a member of whose products
        listed = self.lex.listing_noun(root)
        if listed is not None and self.lex.apposition_type(listed) == "PRODUCT":
            holders.append(listed)
        for token in holders:
            for child in token.children:
                if child.dep_ == "poss" and not _contains(product, child):
                    ent = self.entity(child, ("ORG",))
                    if ent is not None:
                        return ent
                if child.dep_ == "prep" and child.lower_ == "from":
                    # "the Nova sedan from Acme"
                    found = self.prep_objects(child, ("ORG",))
                    if found:
                        return found[0]
        last = holders[-1]
        if last.dep_ == "dobj" and any(t.predicate == "USES" for t in self.lex.verb_triggers(last.head)):
            # "uses the Nova chip from Acme": the parser often hangs "from Acme" on
            # the verb, or on a word of the product's kind it took for another
            # verb ("uses the Nova driving computer from Acme")
            after = list(self.doc[last.i + 1:min(last.i + 5, len(self.doc))])
            stop = next((n for n, t in enumerate(after) if t.is_punct or t.dep_ in ("cc", "mark")), len(after))
            for child in [*last.head.children, *after[:stop]]:
                if child.dep_ == "prep" and child.lower_ == "from" and child.i > last.i:
                    found = self.prep_objects(child, ("ORG",))
                    if found:
                        return found[0]
        return None

    def parent_in_name(self, ent: Span) -> Span | None:
        """The parent an organisation's name carries, as a span labelled ORG."""
        words = [t for t in ent]
        key = self.keys.get(span_key(ent), "")
        record = self.lex.lookup(ent.text)
        parent_name = None
        if DIVISION_MARK in key:
            parent_name = key.split(DIVISION_MARK)[0].split(":", 1)[1]
        elif record is not None and record.parent:
            # A listed division whose name carries its parent's ("Acme Labs" of Acme).
            parent = self.lex.lookup(record.parent)
            parent_name = collapse_key(parent.name) if parent is not None else None
        if parent_name:
            for length in range(len(words) - 1, 0, -1):
                if collapse_key(self.doc[ent.start:ent.start + length].text) == parent_name or self.lex.org_key(
                    self.doc[ent.start:ent.start + length].text
                ) == f"ORG:{parent_name}":
                    return Span(self.doc, ent.start, ent.start + length, label="ORG")
        cut = self.lex.division_suffix_length([t.text for t in words])
        if 0 < cut < len(words):
            base = Span(self.doc, ent.start, ent.end - cut, label="ORG")
            record = self.lex.lookup(base.text)
            if (record is not None and record.type == "Organization") or self.lex.org_key(base.text) in self.org_keys:
                return base
        end = ent.end
        if cut and end + 1 < len(self.doc) and self.doc[end].lower_ == "of":
            # "School of Law of Acme University": the parent follows "of"
            after = self.entity_of.get(end + 1)
            if after is not None and after.label_ == "ORG" and after.start == end + 1:
                return after
        return None


def _reported_now(verb: Token) -> bool:
    """Present, present perfect or near-future tense: the event is the day's news."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"had", "would", "could", "might", "may", "did", "was", "were"}:
        return False
    if verb.tag_ == "VB" and not auxes and any(c.dep_ == "nsubj" for c in verb.children):
        # A base form with its own subject and no auxiliary is a present the tagger
        # missed, as in headlines: "X, Y merge to become Z".
        return True
    return verb.tag_ in ("VBZ", "VBP") or bool(auxes & {"has", "have", "will", "is", "are", "'s", "'re"})


def _reported(verb: Token) -> bool:
    """A clause that a past reporting verb introduces ("said it would ...")."""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING_LEMMAS and verb.head.tag_ == "VBD"


def _names_a_date(token: Token) -> bool:
    """Part of a DATE, or a bare year the model did not tag ("from 2011 to 2020")."""
    return token.ent_type_ == "DATE" or (token.text.isdigit() and len(token.text) == 4 and 1800 <= int(token.text) <= 2100)


def _future(verb: Token) -> bool:
    """"will step down", "is to leave", "said she would step down": not yet done."""
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return bool(auxes & {"will", "'ll", "shall", "to"}) or ("would" in auxes and _reported(verb))


def _free_relative(clause: Token) -> bool:
    """"what is now X", "what would become X": a clause that only names its subject "what"."""
    return clause.lemma_.lower() in ("be", "become") and any(
        c.dep_ == "nsubj" and c.lower_ == "what" for c in clause.children)


def _reduced_passive(verb: Token) -> bool:
    """"a game developed (and published) by X", "Acme-owned Globex": a participle
    modifying a noun (the small tagger often calls the participle a past tense)."""
    head = verb.head if verb.dep_ == "conj" else verb
    if _perfect_participle(verb):
        return False  # "having co-founded X": active
    return (head.dep_ == "acl" and head.tag_ in ("VBN", "VBD")) or (head.dep_ in ("amod", "compound") and head.tag_ == "VBN")


def _before_that(verb: Token) -> bool:
    """"(she ran X) and before that worked at Y": the parser makes "that" the
    subject and "before" a marker; the subject is the first clause's."""
    return verb.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ in ("before", "prior") for c in verb.children) \
        and any(c.dep_ in SUBJECT_DEPS and c.lower_ in ("that", "this") for c in verb.children)


def _copular_passive(verb: Token) -> bool:
    """"X is majority-owned by Y": with a word hyphened to it, the parser makes the
    participle the complement of "is" instead of a passive."""
    return verb.dep_ == "acomp" and verb.tag_ == "VBN" and verb.head.lemma_ == "be" \
        and any(c.dep_ == "agent" for c in verb.children)


def _with_conjuncts(token: Token, *, places: bool = False) -> list[Token]:
    """The token and its conjuncts. With ``places``, also those the parser hangs on
    the place that locates a name ("at X in Bonn, Y in Paris and Z": Y hangs on Bonn)."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(_with_conjuncts(child, places=places))
        elif places and child.dep_ == "prep" and child.lower_ == "in":
            for place in child.children:
                if place.dep_ == "pobj" and _locating_name(place):
                    out.extend(_with_conjuncts(place, places=True)[1:])
    return out


REFLEXIVES = ("itself", "themselves")
# Where a phrase's head stands in its clause (not a modifier's place).
ARGUMENT_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "agent")


def _locating_name(token: Token) -> bool:
    """A name after "in" that locates another: a place, whatever the model called it."""
    return token.pos_ == "PROPN" and token.ent_type_ not in ("PERSON", "PRODUCT")


def _relative_of_place(verb: Token) -> bool:
    """A relative clause about its antecedent as a place or a whole: "where ...",
    "of which ...", "at which ..."."""
    return any(
        (c.dep_ == "advmod" and c.lower_ == "where")
        or (c.dep_ == "prep" and c.lower_ in ("of", "at", "in") and any(g.dep_ == "pobj" and g.lower_ == "which" for g in c.children))
        for c in verb.children
    )


def _coordinated_verbs(verb: Token) -> list[Token]:
    out = []
    if verb.dep_ == "conj":
        out.append(verb.head)
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            out.append(child)
    return out


def _has_own_object(verb: Token) -> bool:
    """A verb with an object or a prepositional phrase of its own: a clause of its
    own, not one that shares its object ("founded and ran X")."""
    return any(c.dep_ in ("dobj", "prep", "attr") for c in verb.children)



def _perfect_participle(verb: Token) -> bool:
    """"having co-founded (and run) X": done before what the sentence tells."""
    clause = verb.head if verb.dep_ == "conj" else verb
    return any(c.dep_ == "aux" and c.lower_ == "having" for c in clause.children)


def _contains(span: Span, token: Token) -> bool:
    return span.start <= token.i < span.end


def _same(a: Span | str, b: Span | str, keys: dict) -> bool:
    """One entity: the same span, or spans (or keys) with the same document key."""
    if a == b:
        return True
    key_a = a if isinstance(a, str) else keys.get(span_key(a))
    key_b = b if isinstance(b, str) else keys.get(span_key(b))
    return key_a is not None and key_a == key_b


def _label_types(types: Iterable[str]) -> set[str]:
    return {ENTITY_LABEL_TYPES.get(t, t) for t in types}


def _end_of(qualifiers: dict) -> dict:
    q = {"current": False}
    date = qualifiers.get("start") or qualifiers.get("date")
    if date:
        q["end"] = date
        if "_date_text" in qualifiers:
            q["_date_text"] = qualifiers["_date_text"]
    return q


def _possessors(noun: Token) -> list[Token]:
    """The possessors of a noun, also when the parser hangs them on the name the
    noun describes ("Acme's chip company Globex" parsed as "Acme's Globex")."""
    return [c for c in _modifiers(noun) if c.dep_ == "poss"]


def _modifiers(noun: Token) -> list[Token]:
    """The noun's dependents, and those before it of the name it is a compound of."""
    found = list(noun.children)
    if noun.dep_ == "compound":
        found += [c for c in noun.head.children if c.i < noun.i and c not in found]
    return found


def _number_like(token: Token) -> bool:
    """"3", "2.66", "3bn", "450m": a number, with a scale written onto it or not."""
    return token.like_num or bool(_NUMBER_WITH_SCALE.match(token.text))
