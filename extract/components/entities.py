"""Entity recognition that is right about what a name is.

The statistical NER finds names but often mislabels them (companies as
people, car models as facilities). This component keeps its spans as
candidates and decides each name's type once per document, from, strongest
first:

1. shape rules: an organisation followed by a model code is a Product
   (``product_shapes.jsonl``); a name followed by organisational suffixes
   ("... Motors", "... Research Institute") is an Organization;
2. the gazetteer (companies, brands, products; ``extract/patterns``);
3. appositions: "X, an autonomous-driving startup" is an Organization,
   "X, the flagship SUV" a Product;
4. document-level evidence: a bare name is an Organization when the same
   document also writes it with an organisational suffix ("Acme Motors" ->
   "Acme"), and a "person" made of organisation names is none;
5. a vote over the model's labels of every mention of the same name.

Every mention of a name the document established, even one the model
missed, is then labelled the same way.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from extract.extensions import register_extensions, span_key
from extract.lexicon import Lexicon, load_lexicon
from extract.names import POSSESSIVE_TOKENS, collapse_key, strip_possessive_tokens
from extract.syntax import clause_of_prep

PERSON, ORG, PRODUCT = "PERSON", "ORG", "PRODUCT"
ENTITY_LABELS = (PERSON, ORG, PRODUCT)
MODEL_VOTES = {"PERSON": PERSON, "ORG": ORG, "PRODUCT": PRODUCT}
# Labels under which the small model hides our entities ("Acme" as GPE).
MAYBE_LABELS = {"GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "EVENT", "LAW"}
# What may stand before "the Zentrix record label", "its Velox unit".
NAME_DETERMINERS = {"the", "its", "their", "his", "her"}
DASHES = {"-", "–", "—"}
LEADING_DROP = {"the", "a", "an", '"', "“", "”", "'", "‘", "’", "«", "»"}
# Suffix meanings that make the name before them an organisation too.
BASE_NAMING_SUFFIXES = {"legal", "industry", "division"}
# What the model may have called a name that a list of organisations makes one
# (not a place: "the Museum of Art, Chicago" lists a place after an organisation).
LIST_MEMBER_TYPES = {"", ORG, PRODUCT} | (MAYBE_LABELS - {"GPE", "LOC", "NORP"})
# What only organisations have done to them: they are bought or invested in.
_DEAL_PREDICATES = ("ACQUIRED", "INVESTED_IN")

MODEL, MENTION, PART, GAZETTEER, APPOSITION, SUFFIX, SHAPE = 0, 1, 2, 3, 3, 4, 5


@dataclass
class _Candidate:
    start: int
    end: int
    label: str
    kind: str | None
    priority: int
    # A guess from the name's shape alone ("Acme Nova" beside a listed "Acme"
    # is another company), which what the text says of the name overrules.
    guessed: bool = False


@Language.factory(
    "corpgraph_entities",
    assigns=["doc.ents", "doc._.entity_kinds"],
    requires=["doc.ents", "token.dep"],
    default_config={"gazetteer_dir": None},
)
def make_entity_recognizer(nlp: Language, name: str, gazetteer_dir: str | None) -> "EntityRecognizer":
    return EntityRecognizer(nlp, name, load_lexicon(gazetteer_dir))


class EntityRecognizer:
    """Retypes and completes the model's entities; see the module docstring."""

    def __init__(self, nlp: Language, name: str, lexicon: Lexicon) -> None:
        register_extensions()
        self.name = name
        self.lexicon = lexicon
        self.known = PhraseMatcher(nlp.vocab, attr="ORTH")
        patterns: dict[str, list] = defaultdict(list)
        for surface, label in lexicon.surfaces():
            patterns[label].append(nlp.make_doc(surface))
        for label, docs in patterns.items():
            self.known.add(label, docs)
        self.shapes = Matcher(nlp.vocab)
        # Words of the functions a title shape takes ("home" of "home minister").
        self._function_words = {w.lower() for f in lexicon.gazetteer.title_functions for w in f.split()}
        self._shape_kinds = {}
        self._owned_shapes = set()
        for index, pattern in enumerate(lexicon.product_shapes):
            self.shapes.add(f"SHAPE_{index}", [pattern["pattern"]])
            self._shape_kinds[f"SHAPE_{index}"] = pattern.get("kind", "other")
            if pattern.get("owned"):
                self._owned_shapes.add(f"SHAPE_{index}")

    def __call__(self, doc: Doc) -> Doc:
        matches = list(self.known(doc))
        surnames = self._surnames(doc, matches)
        candidates = self._model_candidates(doc) + self._joint_name_candidates(doc) + self._gazetteer_candidates(doc, matches, surnames) + self._untagged_suffixed(doc)
        labels, kinds = self._decide_labels(doc, candidates, surnames)
        candidates += self._document_mentions(doc, labels, kinds, surnames)
        candidates += self._suffix_candidates(doc, candidates, labels)
        labels, kinds = self._decide_labels(doc, candidates, surnames)
        candidates += self._shape_candidates(doc, labels)
        statements = self._apposition_candidates(doc, candidates) + self._copula_candidates(doc)
        candidates = _overruled(doc, candidates, statements) + statements
        candidates += self._descriptor_candidates(doc) + self._context_candidates(doc, candidates, labels)
        candidates += self._titled_name_candidates(doc) + self._untagged_person_candidates(doc)
        candidates += self._untagged_employer_candidates(doc, candidates) + self._untagged_owned_candidates(doc, candidates)
        candidates += self._untagged_deal_candidates(doc, candidates)
        candidates += self._untagged_product_candidates(doc, candidates) + self._typed_by_verb_candidates(doc, candidates)
        candidates += self._name_after_title_candidates(doc) + self._owned_product_candidates(doc)
        candidates += self._list_member_candidates(doc, candidates, labels)
        candidates += self._model_name_candidates(doc, candidates) + self._kind_after_name_candidates(doc, candidates)
        candidates += self._employer_candidates(doc, candidates) + self._listed_example_candidates(doc)
        dateline = _dateline_places(doc)
        candidates = [c for c in candidates if not any(i in dateline for i in range(c.start, c.end))]
        labels, kinds = self._decide_labels(doc, candidates, surnames)
        candidates += self._document_mentions(doc, labels, kinds, surnames)
        abbreviations = self._abbreviations(doc)
        title_words = [self.lexicon.gazetteer.is_title_word(t.text) or t.lower_ in self._function_words for t in doc]
        no_organisation = {
            (start, end) for start, end in {(c.start, c.end) for c in candidates if c.label != PERSON}
            if self._not_an_organisation(doc[start:end], title_words)
        }
        candidates = [
            c for c in candidates
            if (c.start not in abbreviations or self.lexicon.lookup(doc[c.start:c.end].text) is not None)
            and not (c.label != PERSON and (c.start, c.end) in no_organisation)
            and not any(i in dateline for i in range(c.start, c.end))
        ]
        self._set_entities(doc, candidates, labels, kinds)
        return doc

    # candidates -----------------------------------------------------------

    def _model_candidates(self, doc: Doc) -> list[_Candidate]:
        found = []
        for ent in doc.ents:
            if ent.label_ not in MODEL_VOTES and ent.label_ not in MAYBE_LABELS:
                continue
            span = _trim(doc, ent.start, ent.end)
            if span is None:
                continue
            verb = next((t.i for t in span[1:] if t.pos_ == "VERB" and t.text.islower() and len(t.text) > 3
                         and t.tag_ in ("VBD", "VBZ", "VBP", "VBN")), None)
            if verb is not None:
                # "Maja Boyle co-founded Acme Mobility" read as one name: a verb
                # ends it, and what follows the verb is a name of its own
                rest = _trim(doc, verb + 1, span.end)
                if rest is not None and rest[0].text[:1].isupper():
                    found.append(self._suffixed(rest) or _Candidate(rest.start, rest.end, ent.label_, None, MODEL))
                span = _trim(doc, span.start, verb)
                if span is None:
                    continue
            if len(span) >= 3 and span[-1].lower_ in self.lexicon.percent_words and span[-2].like_num:
                span = doc[span.start:span.end - 2]  # "Acme 20 percent" in "X held 50 percent, Acme 20 percent"
            inner = next((t.i for t in span[1:] if t.tag_ == "POS"), None)
            if inner is not None and not any(self.lexicon.suffix_meaning(t.text) not in (None, "industry")
                                             for t in doc[inner:span.end]):
                span = doc[span.start:inner]  # "Acme's AI", "Meta's AI": Acme; but "St Mary's College" stays
            while ent.label_ in (ORG, PRODUCT) and len(span) > 1 and span[0].text.islower() and span[1].text[:1].isupper() \
                    and self.lexicon.apposition_type(span[0]) is not None:
                span = doc[span.start + 1:span.end]  # "the logistics start-up Cargolane": the name, not its kind
            if ent.label_ == PRODUCT:
                # "the Nova X2 minivan": the name, not the kind of thing
                while len(span) > 1 and self.lexicon.apposition_type(span[-1]) == PRODUCT and span[-1].text.islower():
                    span = doc[span.start:span.end - 1]
            if ent.label_ in (PERSON, ORG):
                split = self._split_at_title(span)
                if split:
                    found += split
                    continue
                span = self._without_titles(span, ent.label_)
                if span is None:
                    continue
            if ent.label_ == PERSON and len(span) == 1 and self._place_after_verb(span.root):
                continue  # "born in Leon", "grew up in Kent": a place, whatever the model says
            if ent.label_ == PERSON and len(span) <= 2:
                span = self._with_given_name(span)
            if ent.label_ == PERSON and len(span) == 1:
                span = self._with_surname(span)
            parts = _split_coordination(span, self.lexicon) if ent.label_ in (ORG, PERSON) else [span]
            if len(parts) > 1:
                found += [self._suffixed(p) or _Candidate(p.start, p.end, ent.label_, None, MODEL) for p in parts]
                continue
            if ent.label_ == ORG:
                found += self._of_parts(doc, span)
                # "Acme Public Relations": the department stands for Acme.
                cut = self.lexicon.department_words_at([t.text for t in span])
                if 0 < cut < len(span):
                    span = doc[span.start:span.end - cut]
            if ent.label_ == ORG and self._longer_than_listed(span):
                # "Acme First Boston": a listed name plus more name words is another company
                found.append(_Candidate(span.start, span.end, ORG, None, SUFFIX, guessed=True))
            else:
                found.append(self._suffixed(span) or _Candidate(span.start, span.end, ent.label_, None, MODEL))
        return found

    def _joint_name_candidates(self, doc: Doc) -> list[_Candidate]:
        """"Sony Honda Mobility", where the model tags only "Sony": a one-word
        organisation of the model's right before other capitalised names that end
        in an organisation's ending is one name with them (a joint venture's), as
        surely as an ending makes a name."""
        found = []
        for ent in doc.ents:
            if ent.label_ != "ORG" or len(ent) != 1 or not ent[0].is_alpha or not ent[0].text[:1].isupper():
                continue
            end = ent.end
            while end < len(doc) and end - ent.end < 3 and doc[end].pos_ == "PROPN" and doc[end].is_alpha \
                    and doc[end].text[:1].isupper() and not self.lexicon.is_title_word(doc[end]):
                end += 1
                if end - ent.end >= 2 and self.lexicon.suffix_meaning(doc[end - 1].text) is not None:
                    found.append(_Candidate(ent.start, end, ORG, self._suffix_kind(doc[ent.start:end]), SUFFIX, guessed=True))
                    break
        return found

    def _suffixed(self, span: Span) -> _Candidate | None:
        """"Zentrix Robotics", "Lakeside University": the ending says organisation."""
        if len(span) >= 2 and self.lexicon.suffix_meaning(span[-1].text) is not None:
            return _Candidate(span.start, span.end, ORG, self._suffix_kind(span), PART)
        return None

    def _untagged_suffixed(self, doc: Doc) -> list[_Candidate]:
        """"Galaton Labs" where the model tagged nothing, or only "Labs": up to three
        capitalised name words right before an organisational suffix name an organisation."""
        tagged = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        starts = {ent.start for ent in doc.ents}
        found = []
        for token in doc[1:]:
            if (token.i in tagged and token.i not in starts) \
                    or self.lexicon.suffix_meaning(token.text) not in BASE_NAMING_SUFFIXES | {"education"}:
                continue
            suffix = self.lexicon.suffix_for(doc, token.i)
            if suffix is None:
                continue
            start = token.i
            while start > 0 and token.i - start < 3:
                word = doc[start - 1]
                if word.i in tagged or word.pos_ != "PROPN" or not word.is_alpha or not word.text.istitle() \
                        or self.lexicon.is_title_word(word) or self.lexicon.is_suffix_word(word.text):
                    break
                start -= 1
            if start < token.i:
                found.append(_Candidate(start, token.i + suffix[0], ORG, suffix[1], PART))
        return found

    def _place_after_verb(self, token: Token) -> bool:
        """The object of "in" after a verb that places someone or something there."""
        prep = token.head
        if token.dep_ != "pobj" or prep.lower_ != "in":
            return False
        verb = prep.head
        while verb.dep_ == "prt" or (verb.dep_ == "prep" and verb.head != verb):
            verb = verb.head  # "grew up in Kent": "in" may hang on the particle
        return verb.lemma_.lower() in self.lexicon.place_verbs

    def _with_given_name(self, span: Span) -> Span:
        """"Isabel Khan" when the model tagged only "Khan", "Ivan Petrovich Orlov"
        when only "Petrovich Orlov": a capitalised name word right before a person
        of one or two words, compounded into it, is its given name (not a title, a
        listed name, or part of another entity; the model often calls a given name
        it does not know a place)."""
        doc = span.doc
        i = span.start - 1
        if i < 0:
            return span
        word = doc[i]
        if (
            word.pos_ == "PROPN" and word.dep_ == "compound" and span.start <= word.head.i < span.end
            and word.is_alpha and word.text.istitle() and word.ent_type_ in ("", "GPE", "NORP")
            and not self.lexicon.is_title_word(word) and self.lexicon.lookup(word.text) is None
            and self.lexicon.strip_honorific(f"{word.text} {span.text}") != span.text  # not "Princess", "Dr"
        ):
            return doc[i:span.end]
        return span

    def _with_surname(self, span: Span) -> Span:
        """"Hiroshi Tanabe" when the model tagged only "Hiroshi": an untagged
        capitalised name word right after a one-word person, which that word is
        compounded into, is the surname (not a title, an organisation's ending or
        a listed name)."""
        doc = span.doc
        if span.end >= len(doc):
            return span
        word = doc[span.end]
        if (
            word.pos_ == "PROPN" and span.root.dep_ == "compound" and span.root.head == word
            and word.is_alpha and word.text.istitle() and word.ent_type_ == ""
            and not self.lexicon.is_title_word(word) and not self.lexicon.is_suffix_word(word.text)
            and self.lexicon.lookup(word.text) is None
            and (span.end + 1 >= len(doc) or not doc[span.end + 1].text[:1].isupper())
        ):
            return doc[span.start:span.end + 1]
        return span

    def _longer_than_listed(self, span: Span) -> bool:
        """A listed organisation's name followed by more capitalised words that name nothing listed."""
        for cut in range(len(span) - 1, 0, -1):
            head, rest = span[:cut], span[cut:]
            record = self.lexicon.lookup(head.text)
            if record is None or record.type != "Organization":
                continue
            if self.lexicon.lookup(rest.text) is not None:
                return False
            return all(t.is_alpha and t.text[:1].isupper() and not self.lexicon.is_suffix_word(t.text) for t in rest)
        return False

    def _split_at_title(self, span: Span) -> list[_Candidate]:
        """"Acme CEO Jane Roe" read as one name: an organisation, a title, a person."""
        for token in span[1:-1]:
            if self.lexicon.is_title_token(token) and token.text[:1].isupper():
                left = _trim(span.doc, span.start, token.i)
                right = span.doc[token.i + 1:span.end]
                if not right.text[:1].isupper():
                    return []
                parts = [_Candidate(right.start, right.end, PERSON, None, MODEL)]
                if left is not None:
                    parts.append(_Candidate(left.start, left.end, ORG, None, MODEL))
                return parts
        return []

    def _not_an_organisation(self, span: Span, title_words: list[bool]) -> bool:
        """Words the model or a suffix made an organisation that name a title
        ("Finance Minister X", "Minister of State") or a degree ("earned a
        Master of Business Administration", "graduated with a BA")."""
        degrees = self.lexicon.degree_words
        if len(span) >= 3 and span[0].lower_ in degrees and span[1].lower_ == "of":
            return True
        before = span.doc[span.start - 1] if span.start > 0 else None
        if len(span) == 1 and span.text.replace(".", "").lower() in degrees and before is not None and before.dep_ in ("det", "poss"):
            return True
        return self._inside_title(span, title_words) and self.lexicon.lookup(span.text) is None

    def _inside_title(self, span: Span, title_words: list[bool]) -> bool:
        """A short name the model read into a title the gazetteer knows ("Home
        Minister", "Chairman of the Board", "Minister of State")."""
        doc = span.doc
        if len(span) > 2:
            return False
        lo, hi = max(0, span.start - 3), min(len(doc), span.end + 3)
        # A title begins and ends with a title word or a function's
        # (``title_words``, one flag a token): only such stretches are looked up.
        for start in range(lo, span.start + 1):
            if not title_words[start]:
                continue
            for end in range(span.end, hi + 1):
                if title_words[end - 1] and (start, end) != (span.start, span.end) \
                        and self.lexicon.gazetteer.is_title(doc[start:end].text):
                    return True
        return False

    def _without_titles(self, span: Span, label: str) -> Span | None:
        """"PSA CEO Jane Roe" -> "Jane Roe"; "Acme co-founder" -> "Acme": titles are not names."""
        doc = span.doc
        start, end = span.start, span.end
        if label == PERSON:
            for token in span[:-1]:
                if self.lexicon.gazetteer.is_title_word(token.text):
                    start = token.i + 1
        while end > start and self.lexicon.is_title_token(doc[end - 1]):
            end -= 1
        if start >= end:
            return None
        return doc[start:end]

    def _of_parts(self, doc: Doc, span: Span) -> list[_Candidate]:
        """"School of Law of Acme University" names two organisations."""
        parts = []
        for token in reversed(span):
            if token.lower_ != "of" or token.i in (span.start, span.end - 1):
                continue
            right = doc[token.i + 1:span.end]
            left = doc[span.start:token.i]
            suffix = self.lexicon.suffix_for(doc, span.end - 1)
            known = self.lexicon.lookup(right.text)
            left_is_part = len(left) >= 2 and self.lexicon.suffix_meaning(left[-1].text) in ("division", "education")
            if left_is_part and ((known is not None and known.type == "Organization") or (suffix is not None and suffix[1] in ("university", "company"))):
                parts.append(_Candidate(left.start, left.end, ORG, self._suffix_kind(left), PART))
                parts.append(_Candidate(right.start, right.end, ORG, known.kind if known else suffix[1], PART))
                break
        return parts

    def _gazetteer_candidates(self, doc: Doc, matches: list[tuple[int, int, int]], surnames: set[int]) -> list[_Candidate]:
        found = []
        model_names: dict[int, tuple[int, int]] = {}
        for ent in doc.ents:
            if ent.label_ in ("ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "FAC") and len(ent) > 1:
                model_names.update((i, (ent.start, ent.end)) for i in range(ent.start, ent.end))
        for match_id, start, end in matches:
            record = self.lexicon.lookup(doc[start:end].text)
            if record is None:
                continue
            # Inside a longer name the model found, not the same name whatever label the model gave it.
            inside = start in model_names and model_names[start] != (start, end)
            if end - start == 1 and start in surnames:
                continue  # "Arturo Abbott", "Henry Ford": a person, not the company
            if record.ambiguous and (not _looks_like_name(doc, start, end) or inside):
                continue  # "Time" inside "Time Warner", "Apple" as a fruit
            if record.ambiguous and self._runs_on(doc, end):
                continue  # "Aurora OS": the first word of another name
            if record.label == PRODUCT and not self.lexicon.maker_in_reach(record, doc[start:end].text, doc.text):
                continue  # "Pexon sells the P7 sedan": another maker's P7, not Xpeng's
            found.append(_Candidate(start, end, record.label, record.kind, GAZETTEER))
        return found

    def _surnames(self, doc: Doc, matches: list[tuple[int, int, int]]) -> set[int]:
        """Tokens that end a person's name the model found, after given names
        that are no title and no other known name ("Henry Ford"): the person's,
        whatever company the last word also names. A name the model also reads
        as (part of) an organisation elsewhere in the text is no person's
        ("Ningbo Geely Automobile Co" and "Ningbo Geely"), nor one whose first
        words it reads as a place ("Beijing Xiaomi")."""
        known_at = {i for _, start, end in matches for i in range(start, end)}
        other = [ent for ent in doc.ents if ent.label_ in ("ORG", "GPE", "NORP", "FAC", "LOC")]
        org_texts = " | ".join(ent.text for ent in other)
        place_words = {t.text for ent in other for t in ent}  # "Beijing Xiaomi": a place, not a given name
        return {
            ent.end - 1 for ent in doc.ents
            if ent.label_ == "PERSON" and len(ent) > 1 and ent.text not in org_texts and all(
                t.i not in known_at and t.is_alpha and t.text[:1].isupper() and not self.lexicon.is_title_word(t)
                and t.text not in place_words
                and not self.lexicon.gazetteer.is_honorific(t.text)
                for t in doc[ent.start:ent.end - 1]
            )
        }

    def _runs_on(self, doc: Doc, end: int) -> bool:
        """A proper noun follows that is neither a title ("Acme CEO") nor a
        company suffix ("Acme Motors", which makes a name of its own)."""
        if end >= len(doc):
            return False
        nxt = doc[end]
        return (
            nxt.pos_ == "PROPN" and nxt.text[:1].isupper()
            and not self.lexicon.is_title_word(nxt) and self.lexicon.suffix_for(doc, end) is None
        )

    def _suffix_candidates(self, doc: Doc, candidates: list[_Candidate], labels: dict[str, str]) -> list[_Candidate]:
        """"Acme" + "Motors" -> the Organization "Acme Motors"."""
        found = []
        for cand in candidates:
            label = labels.get(collapse_key(doc[cand.start:cand.end].text), cand.label)
            if label != ORG:
                continue
            end = cand.end
            kind = None
            while end < len(doc):
                suffix = self.lexicon.suffix_for(doc, end)
                if suffix is None:
                    break
                end += suffix[0]
                kind = suffix[1]
            if end > cand.end:
                # a guess the text may contradict: "the Aurora EV, its first pickup"
                found.append(_Candidate(cand.start, end, ORG, kind, SUFFIX, guessed=True))
        return found

    def _shape_candidates(self, doc: Doc, labels: dict[str, str]) -> list[_Candidate]:
        """A brand followed by a model code, accepted when the brand is an organisation,
        or when a noun for a product follows ("the Wilvetex E6 SUV", "the Acme VQ871
        chip"): the noun says what the name is, even from a brand never seen before."""
        found = []
        for match_id, start, end in self.shapes(doc):
            if doc.vocab.strings[match_id] in self._owned_shapes:
                # "its D9 minivan", "the Z9GT model": a bare code needs an owner or
                # an article before it and a noun for a product after it
                before = doc[start - 1] if start > 0 else None
                # (or where only a product goes: "Xiaomi's SU7 is equipped with ...")
                if before is not None and (before.tag_ in ("PRP$", "POS") or before.lower_ == "the") \
                        and (self._names_a_product(doc, end) or self._product_slot(doc[start:end])):
                    found.append(_Candidate(start, end, PRODUCT, self._shape_kinds.get(doc.vocab.strings[match_id], "other"), SHAPE))
                continue
            brand_end = None
            for cut in range(end - 1, start, -1):
                if labels.get(collapse_key(doc[start:cut].text)) == ORG:
                    brand_end = cut
                    break
            if brand_end is None and (self._names_a_product(doc, end) or self._product_slot(doc[start:end])):
                brand_end = start + 1
            if brand_end is None:
                continue
            if end < len(doc) and doc[end].lower_ in self.lexicon.quantity_words:
                continue  # "Acme 20 percent": an amount, not a model
            kind = self._shape_kinds.get(doc.vocab.strings[match_id], "other")
            record = self.lexicon.lookup(doc[start:brand_end].text)
            if record is not None and self.lexicon.product_kind(record):
                kind = self.lexicon.product_kind(record)
            found.append(_Candidate(start, end, PRODUCT, kind, SHAPE))
        return found

    def _product_slot(self, span: Span) -> bool:
        """Where only a product goes: what is launched or designed ("unveiled the
        Aurora X5"), what a development is of ("led the design of the Aurora X5"),
        or, for a brand and a model code, what is powered by or fitted with a part."""
        root = span.root
        if root.dep_ == "nsubjpass" and any(t.predicate == "USES" for t in self.lexicon.verb_triggers(root.head)):
            return True  # "the Zephyr X3 is powered by / equipped with ...": a model code that uses a part
        if root.dep_ in ("dobj", "nsubjpass"):
            return any(t.types_object and t.object == ("PRODUCT",) for t in self.lexicon.verb_triggers(root.head))
        if root.dep_ == "pobj" and root.head.lower_ == "of":
            return any(t.object == ("PRODUCT",) for t in self.lexicon.noun_triggers(root.head.head))
        return False

    def _names_a_product(self, doc: Doc, end: int) -> bool:
        """Whether a noun for a product heads the name ending before ``end``: "... E6 SUV
        runs", "... VQ871 driving computer", not "... E6 SUVs sold" or "... E6 SUV maker"."""
        noun = end
        if noun + 1 < len(doc) and doc[noun].lower_ not in self.lexicon.product_nouns \
                and doc[noun].text.isalpha() and doc[noun].text.islower() \
                and (doc[noun].pos_ in ("ADJ", "NOUN") or doc[noun].tag_ == "VBG"):
            noun += 1  # one modifier between: "driving computer", "electric SUV" (however parsed)
        if noun >= len(doc):
            return False
        token = doc[noun]
        if token.pos_ not in ("NOUN", "PROPN") or not (token.text.islower() or token.text.isupper()):
            return False
        if token.lower_ not in self.lexicon.product_nouns:
            return False
        after = doc[noun + 1] if noun + 1 < len(doc) else None
        # ("... K3 coupe runs on ...": the tagger may take the verb for a plural noun
        # heading the sentence)
        verb_read_as_noun = after is not None and after.dep_ == "ROOT" and after.lower_.endswith("s") \
            and any(c.dep_ == "prep" for c in after.children)
        return after is None or after.pos_ not in ("NOUN", "PROPN") or verb_read_as_noun

    def _apposition_candidates(self, doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
        """"X, an autonomous-driving startup" / "X, the flagship SUV": the apposition types X."""
        found = []
        for cand in candidates:
            if cand.priority >= GAZETTEER:
                continue
            root = doc[cand.start:cand.end].root
            # (a lower-case noun the model tagged is still a noun: "X, a battery start-up")
            nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")
                     and (not c.ent_type_ or c.text.islower())]
            if root.dep_ == "appos" and root.head.pos_ == "NOUN":
                nearer = _noun_before_comma(doc, cand.start)
                if nearer is not None and nearer.i != root.head.i:
                    # "a company founded by investment banker, Jane Roe": the
                    # name is set off from the noun just before its comma, not
                    # from the clause's head the parser hung it on.
                    if self.lexicon.is_title_token(nearer):
                        found.append(_Candidate(cand.start, cand.end, PERSON, None, APPOSITION))
                        continue
                    nouns.append(nearer)
                else:
                    nouns.append(root.head)
            for noun in nouns:
                label = self.lexicon.apposition_type(noun)
                if label is not None:
                    found.append(_Candidate(cand.start, cand.end, label, None, APPOSITION))
                    break
        return found

    def _context_candidates(self, doc: Doc, candidates: list[_Candidate], labels: dict[str, str]) -> list[_Candidate]:
        """Types from the company a name keeps: coordinated with organisations it is
        one ("Acme and Globex"), given a title it is a person ("X, CEO of Acme",
        "CEO X"), or the surname of a person the document named in full."""
        found = []
        employed: set[str] = set()
        strong_orgs = {c.start for c in candidates if c.priority >= GAZETTEER and c.label == ORG}
        people = {i for c in candidates if c.label == PERSON for i in range(c.start, c.end)}
        strong_keys = {collapse_key(doc[c.start:c.end].text) for c in candidates if c.priority >= GAZETTEER}
        titled_names = self._titled_surnames(doc, candidates)
        surnames_named = {doc[c.end - 1].text for c in candidates if c.label == PERSON and c.end - c.start > 1}
        for cand in candidates:
            if cand.priority >= GAZETTEER or collapse_key(doc[cand.start:cand.end].text) in strong_keys:
                continue
            span = doc[cand.start:cand.end]
            root = span.root
            if cand.label == ORG and 2 <= len(span) <= 3 and span[-1].text in titled_names and all(
                    t.is_alpha and t.text[:1].isupper() and not self.lexicon.is_suffix_word(t.text) for t in span):
                # "... with Tunde Bello. Bello remains chief executive": the name of a person
                found.append(_Candidate(cand.start, cand.end, PERSON, None, APPOSITION))
                continue
            partners = [c for c in root.children if c.dep_ == "conj"] + ([root.head] if root.dep_ == "conj" else [])
            # (the model's region of two words or more may be a company: "Acme and Baltic Wire")
            regional = cand.label == "LOC" and len(span) > 1 and not self.lexicon.gazetteer.is_place(span.text)
            if (cand.label not in ("NORP", "GPE", "LOC") or regional) and any(p.i in strong_orgs for p in partners):
                found.append(_Candidate(cand.start, cand.end, ORG, None, APPOSITION))
                continue
            if any(p.i in people for p in partners) and len(span) >= 2 and all(
                t.is_alpha and t.text[:1].isupper() and not self.lexicon.is_suffix_word(t.text) for t in span
            ):
                found.append(_Candidate(cand.start, cand.end, PERSON, None, APPOSITION))
                continue
            if cand.label == PRODUCT and root.dep_ == "pobj" and root.head.lower_ == "in" \
                    and root.head.head.lower_ in self.lexicon.equity_nouns:
                found.append(_Candidate(cand.start, cand.end, ORG, None, APPOSITION))  # "a 30% stake in X"
                continue
            if cand.label in (PERSON, PRODUCT, "FAC", "WORK_OF_ART") and root.dep_ == "dobj" and self._joined_by_person(root.head, people) \
                    and span.text not in surnames_named:  # ("Mia Roe ... Lopez joined Roe at the rally": the person)
                found.append(_Candidate(cand.start, cand.end, ORG, None, APPOSITION))  # "Jane Roe joined X"
                continue
            if cand.label == PERSON and self._title_then_person(doc, cand.end, people):
                found.append(_Candidate(cand.start, cand.end, ORG, None, APPOSITION))  # "former X CTO Jane Roe"
                continue
            before = doc[cand.start - 1] if cand.start > 0 else None
            titled = (before is not None and self.lexicon.is_title_token(before)) or any(
                c.dep_ == "appos" and self.lexicon.is_title_token(c) for c in root.children
            )
            hired = root.dep_ in ("dobj", "nsubjpass") and any(
                t.object == ("PERSON",) for t in self.lexicon.verb_triggers(root.head)
            )
            hired = hired or root.dep_ == "nsubj" and any(
                t.types_subject and t.subject == ("PERSON",) for t in self.lexicon.verb_triggers(root.head)
            )
            # "X joined Acme as chairman", "Acme named X chairman": the title is X's
            hired = hired or root.dep_ == "nsubj" and root.head.pos_ == "VERB" and any(
                c.dep_ == "prep" and c.lower_ == "as" and any(self.lexicon.is_title_token(o) for o in c.children if o.dep_ == "pobj")
                for c in root.head.children
            )
            hired = hired or root.dep_ == "dobj" and any(
                c.dep_ in ("oprd", "xcomp") and c.i > root.i and self.lexicon.is_title_token(c) for c in root.head.children
            )
            # ... also where the parser reads "named X chairman" as one noun
            hired = hired or root.dep_ == "compound" and root.head.i == span.end and self.lexicon.is_title_token(root.head) \
                and root.head.dep_ in ("oprd", "dobj", "xcomp") and self.lexicon.is_becoming(root.head.head)
            if cand.label not in ("GPE", "LOC", "NORP", PERSON) and any(
                c.dep_ == "acl" and c.tag_ == "VBN" and any(a.dep_ == "agent" for a in c.children)
                and any(t.predicate == "MAKES" and t.object == ("PRODUCT",) for t in self.lexicon.verb_triggers(c))
                for c in root.children
            ):
                found.append(_Candidate(cand.start, cand.end, PRODUCT, None, APPOSITION))  # "X, made by Acme"
                continue
            if root.dep_ == "dobj" and cand.label not in ("GPE", "LOC", "NORP") and all(
                t.text[:1].isupper() or not t.is_alpha for t in span
            ) and any(t.text[:1].isupper() for t in span) and not any(c.dep_ == "prep" and c.lower_ == "as" for c in root.head.children) and any(
                t.types_object and t.object == ("PRODUCT",) for t in self.lexicon.verb_triggers(root.head)
            ):
                found.append(_Candidate(cand.start, cand.end, PRODUCT, None, APPOSITION))  # "Acme launched X"
                continue
            if root.dep_ == "nsubj" and any(
                t.types_subject and t.subject == ("ORG",) for t in self.lexicon.verb_triggers(root.head)
            ):
                found.append(_Candidate(cand.start, cand.end, ORG, None, APPOSITION))  # "X raised $5m"
                continue
            if (titled or hired) and len(span) >= 2 and all(t.text[:1].isupper() for t in span):
                found.append(_Candidate(cand.start, cand.end, PERSON, None, APPOSITION))
                employed.add(collapse_key(span.text))
        full_names = {}
        for cand in candidates:
            text = doc[cand.start:cand.end].text
            if len(text.split()) >= 2:
                full_names.setdefault(collapse_key(text), text)
        # People by the model's label, or by a title or hiring just above
        # ("rehired X as CEO", where the model took X for a place).
        people_keys = {key for key, label in labels.items() if label == PERSON} | employed
        surnames = {full_names[key].split()[-1]: key for key in people_keys if key in full_names}
        # A family name written first ("Sun Peiran ... Sun said"): the first of two
        # words, when no given name and no other person's last word
        for key in people_keys:
            words = full_names.get(key, "").split()
            if len(words) == 2 and not self.lexicon.gazetteer.is_given_name(words[0]) and words[0] not in surnames:
                surnames[words[0]] = key
        in_long_name = {i for e in doc.ents if len(e) > 1 for i in range(e.start, e.end)}
        for token in doc:
            # The model may take a lone surname for a company ("Roe is chairman
            # of Acme"); a name the gazetteer or a suffix vouches for stays one.
            taken = token.ent_type_ in ("ORG", "PRODUCT") and (
                collapse_key(token.text) in strong_keys or token.i in in_long_name)
            # (the tagger may call a sentence's first word a common noun: "Feld serves as ...")
            if token.text in surnames and not taken and (
                    token.pos_ == "PROPN" or (token.pos_ == "NOUN" and (token.is_sent_start or token.ent_type_))):
                before = doc[token.i - 1] if token.i > 0 else None
                after = doc[token.i + 1] if token.i + 1 < len(doc) else None
                if token.i in in_long_name or (
                    before is not None and before.pos_ == "PROPN" and not self.lexicon.gazetteer.is_honorific(before.text)
                ) or (after is not None and after.pos_ == "PROPN" and after.text[:1].isupper()):
                    continue  # part of a longer name; "Mr Roe" is the surname
                found.append(_Candidate(token.i, token.i + 1, PERSON, None, MENTION))
        return found

    def _titled_surnames(self, doc: Doc, candidates: list[_Candidate]) -> set[str]:
        """Single names that hold a title: "Roe remains chief executive", "Roe is
        CEO" (not words of a longer name)."""
        longer = {i for c in candidates if c.end - c.start > 1 for i in range(c.start, c.end)}
        found = set()
        for token in doc:
            if token.i in longer or token.pos_ != "PROPN" or token.dep_ != "nsubj" or not token.is_alpha \
                    or not token.text[:1].isupper() or token.head.lemma_.lower() not in self.lexicon.copula_lemmas:
                continue
            if any(c.dep_ in ("attr", "oprd", "acomp", "xcomp") and self.lexicon.is_title_token(c) for c in token.head.children):
                found.add(token.text)
        return found

    def _joined_by_person(self, verb: Token, people: set[int]) -> bool:
        """A verb that a person does only to an organisation ("joined", "left",
        "ran"), done by a person ("who ran X": the person the clause describes)."""
        # (a verb whose object is no organisation of its own is not one: "appointed X to the board of Y")
        triggers = [t for t in self.lexicon.verb_triggers(verb) if "PERSON" in t.subject and "dobj" in t.object_deps]
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = clause_of_prep(verb.head) or verb  # "Before joining X, Roe spent ...": Roe joined
        return bool(triggers) and all(t.object == ("ORG",) for t in triggers) and any(
            c.dep_ == "nsubj" and (c.i in people or c.lower_ in self.lexicon.person_pronouns or (
                c.lower_ in self.lexicon.relative_pronouns and verb.dep_ == "relcl" and verb.head.i in people))
            for c in verb.children)

    def _title_then_person(self, doc: Doc, start: int, people: set[int]) -> bool:
        """A title right after ``start`` and a person's name right after the title
        ("X chief technology officer Jane Roe"): what comes before the title is the
        employer, not a second person."""
        end = start
        while end < len(doc) and (self.lexicon.is_title_word(doc[end]) or doc[end].lower_ in self._function_words):
            end += 1
        return end > start and end < len(doc) and self.lexicon.is_title_token(doc[end - 1]) \
            and end in people and (end - 1) not in people

    def _list_member_candidates(self, doc: Doc, candidates: list[_Candidate], labels: dict[str, str]) -> list[_Candidate]:
        """"Acme owns Globex, Initech, ZNX and Hooli": a capitalised name left without a
        label (untagged, or a place or product by the model's guess alone) in a list
        of mostly organisations, at least two, and no people, is one too; so is a
        name of two words or more paired with one organisation."""
        label_at: dict[int, str] = {}
        for cand in candidates:
            label = labels.get(collapse_key(doc[cand.start:cand.end].text))
            if label is not None:
                for i in range(cand.start, cand.end):
                    label_at[i] = label
        found = []
        for token in doc:
            # An acronym is no nationality, whatever the model guessed ("HGTV" as NORP)
            acronym = token.ent_type_ == "NORP" and token.text.isupper() and len(token.text) >= 3
            if token.pos_ != "PROPN" or token.i in label_at or (token.ent_type_ not in LIST_MEMBER_TYPES and not acronym):
                continue
            # "home to HGTV, Animal Planet, Food Network and TLC": the parser may
            # make the first item a second object of the preposition
            # or hang the rest of the list on it as an apposition
            siblings = [t for t in token.head.children if t != token and t.dep_ == token.dep_ == "pobj"
                        and any(c.dep_ == "conj" for c in t.children)]
            siblings += [t for t in token.children if t.dep_ == "appos" and t.pos_ == "PROPN"
                         and any(c.dep_ == "conj" for c in t.children)]
            if token.dep_ != "conj" and not any(c.dep_ == "conj" for c in token.children) and not siblings:
                continue
            start = token.i
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head == token \
                    and doc[start - 1].pos_ == "PROPN" and start - 1 not in label_at:
                start -= 1
            words = doc[start:token.i + 1]
            if not all(t.is_alpha and t.text[:1].isupper() and not self.lexicon.is_title_word(t) for t in words):
                continue
            if not _whole_list_item(doc, start, token.i + 1):
                continue
            first = token
            while first.dep_ == "conj":
                first = first.head
            members = [first] + [t for t in first.subtree if t.dep_ == "conj" and _in_list(t, first)]
            for sibling in siblings:
                members += [sibling] + [t for t in sibling.subtree if t.dep_ == "conj" and _in_list(t, sibling)]
            # "... TLC and more": words that are no names are not members that count
            member_labels = [label_at.get(t.i) for t in members if t != token and t.pos_ == "PROPN"]
            orgs = member_labels.count(ORG)
            # (or a pair with one, when the name is of two words or more: "Acme and Baltic Wire formed ...")
            paired = member_labels == [ORG] and len(words) >= 2
            if (orgs >= 2 or paired) and 2 * orgs > len(member_labels) and PERSON not in member_labels \
                    and PRODUCT not in member_labels:
                found.append(_Candidate(start, token.i + 1, ORG, None, APPOSITION))
        return found

    def _abbreviations(self, doc: Doc) -> set[int]:
        """Starts of "(SOC)"-like names: abbreviations of the common noun before them."""
        starts = set()
        for token in doc[1:-1]:
            if token.text == "(" and token.i > 0 and doc[token.i - 1].pos_ == "NOUN":
                starts.add(token.i + 1)
        return starts

    def _descriptor_candidates(self, doc: Doc) -> list[_Candidate]:
        """"the chip maker Globex", "start-up Initech": a name right after a noun for a
        kind of organisation or product is of that kind."""
        found = []
        for token in doc[:-1]:
            # (the model may have swallowed the noun into the name: "start-up Bebop" as PERSON)
            # (the tagger reads "firm" in "the payments firm Quillpay" as an adjective,
            # and "startup" in "the Berlin startup Zipwise" as a verb)
            label = self.lexicon.apposition_type(token) if token.pos_ == "NOUN" or (
                (token.pos_ == "ADJ" or (token.pos_ == "VERB" and not self.lexicon.verb_triggers(token)))
                and token.i > 0 and doc[token.i - 1].pos_ in ("DET", "NOUN", "PROPN")
                and doc[token.i + 1].pos_ == "PROPN" and doc[token.i + 1].ent_type_ != "DATE"
            ) else None
            if label is None and "-" in token.text:
                label = self.lexicon.noun_type(token.lower_)  # "start-up", kept whole
            if label is None and token.i >= 2 and doc[token.i - 1].text == "-":
                # "start-up Initech": the tokenizer splits the hyphenated noun
                label = self.lexicon.noun_type("".join(t.text for t in doc[token.i - 2:token.i + 1]).lower())
            if label is None:
                continue
            start = token.i + 1
            end = start
            while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
                end += 1
            if end > start and any(t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "relcl" and t.head.head == token
                                   for t in doc[start:end]):
                continue  # "the startup Jane Roe founded": the subject of a clause describing the noun
            if end > start:
                found.append(_Candidate(start, end, label, None, APPOSITION))
        # "Trellis, the payments company backed by X, ...": an untagged name that a
        # noun for a kind of organisation or product describes in apposition
        for token in doc:
            if token.ent_type_ or token.pos_ != "PROPN" or not token.is_alpha or not token.text[:1].isupper() \
                    or self.lexicon.is_title_word(token) or self.lexicon.is_function(token.text):
                continue
            # (the tagger may call "start-up" a proper noun)
            described = [c for c in token.children if c.dep_ == "appos" and c.i <= token.i + 8
                         and (c.pos_ == "NOUN" or (c.pos_ == "PROPN" and c.text.islower()))
                         and doc[token.i + 1].text == "," and any(d.dep_ == "det" for d in c.children)]
            label = self.lexicon.apposition_type(described[0]) if described else None
            if label is not None:
                start = _compound_start(token, lambda t: t.pos_ == "PROPN" and not t.ent_type_ and t.text[:1].isupper())
                found.append(_Candidate(start, token.i + 1, label, None, APPOSITION))
        return found

    def _untagged_person_candidates(self, doc: Doc) -> list[_Candidate]:
        """"Mateus Quinn left Acme for Globex", "Acme hired Nils Roe": capitalised
        words the model did not tag, in the place of a verb that a person fills
        (the subject of a person's verb, the object of a hiring), are a name. So
        are two or three such words the model called an organisation, the
        subject of a person's verb of which an organisation is the object
        ("Elena Petrova ran Orbicor": no listed name, no company ending)."""
        found = []
        for token in doc:
            model_org = token.ent_type_ == "ORG" and token.dep_ == "nsubj"
            place = _one_word_place(token)  # ("Singh" of "Pablo Singh" may be the model's place)
            if (token.ent_type_ and not model_org and not place) or token.pos_ != "PROPN" \
                    or token.dep_ not in ("nsubj", "dobj", "nsubjpass"):
                continue
            start = token.i
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == token.i and (
                    doc[start - 1].ent_type_ == token.ent_type_ or (not token.ent_type_ and _one_word_place(doc[start - 1]))
                    or (place and not doc[start - 1].ent_type_)):
                start -= 1  # ("Marta" of "Marta Ruiz" may be the model's one-word place)
            if model_org and not (doc[start].ent_iob_ == "B" and (token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I")):
                continue  # only the model's whole span
            if model_org and not any(
                t.ent_type_ == "ORG" for c in token.head.children if c.dep_ in ("dobj", "prep") for t in c.subtree
            ):
                continue
            if self.lexicon.gazetteer.is_honorific(doc[start].text):
                start += 1  # "Mr Varga": the surname, which the document's full name resolves
            span = doc[start:token.i + 1]
            if not 2 <= len(span) <= 3 or not all(
                t.is_alpha and t.text[:1].isupper() and not self.lexicon.is_title_word(t) for t in span
            ):
                continue
            if self.lexicon.lookup(span.text) is not None or self.lexicon.suffix_for(doc, token.i) is not None:
                continue
            triggers = self.lexicon.verb_triggers(token.head)
            if token.dep_ == "nsubj":
                person = any(t.subject == ("PERSON",) and "ORG" in t.object for t in triggers)
                # "Pablo Singh is the general manager of Acme": a title said of the name
                person = person or (not model_org and token.head.lemma_.lower() in self.lexicon.copula_lemmas and any(
                    c.dep_ in ("attr", "oprd") and self.lexicon.is_title_token(c) for c in token.head.children))
            else:
                person = any(t.object == ("PERSON",) for t in triggers)
            # "Ana Falk, who serves as chairman at Acme, declined ...", "Ana Falk,
            # chairman of Acme, said ...": a title in a clause or apposition of the name
            person = person or (not model_org and self._titled_by_clause(token))
            # "Ilse Brandauer, now at Acme, said": two untagged words, the first a
            # given name, doing anything a subject does
            person = person or (not token.ent_type_ and token.dep_ == "nsubj" and len(span) == 2
                                and self.lexicon.gazetteer.is_given_name(span[0].text))
            if person:
                found.append(_Candidate(start, token.i + 1, PERSON, None, APPOSITION))
        return found

    def _titled_by_clause(self, name: Token) -> bool:
        """A title in an apposition of the name or in a "who" clause about it."""
        def titled(clause: Token) -> bool:
            return any((d.dep_ in ("attr", "oprd") and self.lexicon.is_title_token(d)) or (
                d.dep_ == "prep" and d.lower_ == "as" and any(self.lexicon.is_title_token(o) for o in d.children if o.dep_ == "pobj"))
                for d in clause.children)
        return any(c.dep_ == "appos" and self.lexicon.is_title_token(c) for c in name.children) or any(
            c.dep_ == "relcl" and any(s.dep_ == "nsubj" and s.lower_ in ("who", "whom") for s in c.children) and titled(c)
            for c in name.children)

    def _untagged_employer_candidates(self, doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
        """"Corvane hired Lena Ortiz": a capitalised name the model did not tag, the
        subject of a verb that only an organisation does to a person it names, is
        one (the tagger takes such a first word of a sentence for a noun). Not a
        word of a person's name: "Urs Kessler ... Kessler recruited Roe"."""
        person_words = _person_words(doc, candidates)
        found = []
        for token in doc:
            if token.ent_type_ or token.pos_ not in ("PROPN", "NOUN") or token.dep_ != "nsubj" \
                    or not token.is_alpha or not token.text[:1].isupper() or self.lexicon.is_function(token.text):
                continue
            if not any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in token.head.children):
                continue
            start = _compound_start(token, lambda t: t.pos_ == "PROPN" and not t.ent_type_)
            span = doc[start:token.i + 1]
            if not all(t.is_alpha and t.text[:1].isupper() and not self.lexicon.is_title_word(t) for t in span) \
                    or any(collapse_key(t.text) in person_words for t in span):
                continue
            triggers = self.lexicon.verb_triggers(token.head)
            if triggers and all(t.subject == ("ORG",) for t in triggers) and any(
                    t.object == ("PERSON",) and t.predicate == "WORKS_FOR" for t in triggers):
                found.append(_Candidate(start, token.i + 1, ORG, None, APPOSITION))
        # "Roe was hired away from Yandex by Tinkoff": who hires a person away from
        # an organisation is one, whatever the model guessed of the one word
        loose = self._loose_name_words(doc, candidates)
        # "stepped down as Zenpay's chief executive": the possessor of a title
        # only an organisation gives
        for owner in doc:
            if owner.dep_ == "poss" and self.lexicon.is_title_token(owner.head) and self.lexicon.only_organisations_have(owner.head):
                found += _name_ending_at(owner, loose, ORG)
        organisations = {i for c in candidates if c.label == ORG for i in range(c.start, c.end)}
        for agent in doc:
            verb = agent.head.head
            if agent.dep_ != "pobj" or agent.head.dep_ != "agent" or not loose(agent) or not any(
                    t.predicate == "WORKS_FOR" and t.object == ("PERSON",) and t.subject == ("ORG",) and t.from_preps
                    for t in self.lexicon.verb_triggers(verb)):
                continue
            origins = [o for p in verb.subtree if p.dep_ == "prep" and p.lower_ == "from" and p.head in (verb, *verb.children)
                       for o in p.children if o.dep_ == "pobj"]
            if any(o.i in organisations for o in origins):
                found += _name_ending_at(agent, loose, ORG)
        people = {i for c in candidates if c.label == PERSON for i in range(c.start, c.end)}
        # "former Corvane chief technology officer Lena Ortiz": an untagged name
        # between nothing and a title that a person's name follows
        i = 0
        while i < len(doc):
            start, i = i, i + 1
            if not self._untagged_name_word(doc[start], person_words) or doc[start].is_sent_start \
                    or (start > 0 and self._untagged_name_word(doc[start - 1], person_words)):
                continue
            end = start + 1
            while end < len(doc) and end - start < 3 and self._untagged_name_word(doc[end], person_words):
                end += 1
            if self._title_then_person(doc, end, people):
                found.append(_Candidate(start, end, ORG, None, APPOSITION))
        return found

    def _untagged_owned_candidates(self, doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
        """"Lumen Pay is backed by SoftBank": an untagged name that a named company
        acquires or backs, by a verb that only does that to organisations, is one."""
        person_words = _person_words(doc, candidates)
        found = []
        organisations = {i for c in candidates if c.label == ORG for i in range(c.start, c.end)}
        for token in doc:
            if token.dep_ != "nsubjpass" or not self._untagged_name_word(token, person_words):
                continue
            verb = token.head
            triggers = self.lexicon.verb_triggers(verb)
            if not triggers or not all(t.object == ("ORG",) and t.subject != ("PERSON",) for t in triggers):
                continue
            if not any(a.dep_ == "agent" and any(p.dep_ == "pobj" and p.i in organisations for p in a.children)
                       for a in verb.children):
                continue
            start = _compound_start(token, lambda t: self._untagged_name_word(t, person_words))
            if token.i + 1 - start <= 3:
                found.append(_Candidate(start, token.i + 1, ORG, None, APPOSITION))
        return found

    def _untagged_deal_candidates(self, doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
        """"Ostrava Steel bought Baltic Wire", "its acquisition of Baltic Wire", "an
        investor in Fennick": a name the model left untagged, or took for a
        one-word person or a place places.txt does not list, which a party the
        sentence names buys or invests in, by a verb or noun that only does that
        to organisations, is one. A listed place stays one ("an investment in
        Kenya"), and so does an acronym ("an investment in AI" is in a field)."""
        person_words = _person_words(doc, candidates, at_least=2)
        named = {i for c in candidates if c.label in (ORG, PERSON) for i in range(c.start, c.end)}
        # (a one-word person is a guess too: people are not bought)
        typed = {i for c in candidates if c.priority > MODEL or c.label not in MAYBE_LABELS | {PERSON}
                 or (c.label == PERSON and c.end - c.start > 1)
                 or self.lexicon.gazetteer.is_place(doc[c.start:c.end].text) for i in range(c.start, c.end)}

        def name_word(t: Token) -> bool:  # (not a date: "invested $5m in June")
            return t.i not in typed and t.ent_type_ in MAYBE_LABELS | {"", PERSON} and self._name_shaped(t, person_words)

        found = []
        for token in doc:
            if token.dep_ not in ("dobj", "pobj", "nsubjpass") or not name_word(token):
                continue
            start = _compound_start(token, name_word)
            # (a sentence's first word is capitalised whatever it is, unless the model tagged it a name)
            if token.i + 1 - start > 3 or (start == token.i and (token.is_upper or self.lexicon.gazetteer.is_given_name(token.text))) \
                    or (doc[start].is_sent_start and not doc[start].ent_type_) \
                    or not any(i in named for i in range(token.sent.start, token.sent.end)):
                continue
            if self._deal_on(token):
                found.append(_Candidate(start, token.i + 1, ORG, None, APPOSITION))
        return found

    def _deal_on(self, name: Token) -> bool:
        """Whether the verb or noun that governs a name buys it or invests in it,
        and does that only to organisations: "acquired X", "backs X", "invested
        $5m in X", "its takeover of X", "a stake in X", "an investor in X"."""
        if name.dep_ in ("dobj", "nsubjpass"):  # "acquired X", "X was acquired by Y"
            triggers = self.lexicon.verb_triggers(name.head)
            return bool(triggers) and all(t.predicate in _DEAL_PREDICATES and t.object == ("ORG",) and name.dep_ in t.object_deps
                                          and not t.swap for t in triggers)
        prep, noun = name.head, name.head.head
        if prep.dep_ != "prep":
            return False
        if any(r.predicate in _DEAL_PREDICATES and r.holder_is == "subject" and r.other == ("ORG",) and prep.lower_ in r.preps
               for r in self.lexicon.relational_nouns(noun)):
            return True
        said = self.lexicon.noun_triggers(noun) or self.lexicon.verb_triggers(noun)
        # ("the sale of X to Y": Y buys)
        return bool(said) and all(t.predicate in _DEAL_PREDICATES and t.object == ("ORG",)
                                  and prep.lower_ in t.object_preps + t.subject_preps for t in said)

    def _loose_name_words(self, doc: Doc, candidates: list[_Candidate]) -> Callable[[Token], bool]:
        """Which words are of a name without a sure type: capitalised proper nouns
        untagged, or typed by nothing but the model's guess of one word (a person,
        a place, a nationality), and no word of a person's full name in the document."""
        person_words = _person_words(doc, candidates, at_least=2)

        def one_word_guess(c: _Candidate) -> bool:
            return c.priority == MODEL and c.end - c.start == 1 and c.label not in (ORG, PRODUCT)

        sure = {i for c in candidates if not one_word_guess(c) for i in range(c.start, c.end)}

        def loose(token: Token) -> bool:
            return token.i not in sure and self._name_shaped(token, person_words)
        return loose

    def _typed_by_verb_candidates(self, doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
        """Names the model left untagged or took for a one-word person or place,
        typed by what the sentence does with them: makers of named products and
        their rivals, what is founded or renamed, what a person joins or leaves."""
        loose = self._loose_name_words(doc, candidates)
        label_at = {i: c.label for c in candidates for i in range(c.start, c.end)}
        makers = self._maker_candidates(doc, candidates, loose)
        return makers + self._rival_candidates(doc, label_at, makers, loose) \
            + self._founded_or_renamed_candidates(doc, label_at, loose) + self._joined_candidates(doc, candidates, label_at, loose) \
            + self._hirer_candidates(doc, candidates, loose)

    def _hirer_candidates(self, doc: Doc, candidates: list[_Candidate], loose: Callable[[Token], bool]) -> list[_Candidate]:
        """"Nexaro has hired Jane Roe": who hires or appoints a person named in full,
        by a verb only organisations do to people, is an organisation when the model
        left it untagged or guessed a one-word person or place (and it is no given
        name: "Maria hired Jane Roe" may be a person's doing)."""
        people = {c.end - 1 for c in candidates if c.label == PERSON and c.end - c.start > 1}
        found = []
        for verb in doc:
            triggers = self.lexicon.verb_triggers(verb)
            if not triggers or not all(t.subject == ("ORG",) and t.object == ("PERSON",) for t in triggers):
                continue
            if not any(c.dep_ == "dobj" and c.i in people for c in verb.children):
                continue
            for subject in (c for c in verb.children if c.dep_ == "nsubj"):
                if not subject.is_sent_start or subject.ent_type_:
                    if not self.lexicon.gazetteer.is_given_name(subject.text):
                        found += _name_ending_at(subject, loose, ORG)
        return found

    def _maker_candidates(self, doc: Doc, candidates: list[_Candidate], loose: Callable[[Token], bool]) -> list[_Candidate]:
        """"Veltrix, which makes the Aero X2 drone": who makes a named product (by a
        verb only organisations do to products) is an organisation."""
        products = {i for c in candidates if c.label == PRODUCT and c.priority > MODEL for i in range(c.start, c.end)}
        found = []
        for verb in doc:
            triggers = self.lexicon.verb_triggers(verb)
            if not triggers or not all(t.subject == ("ORG",) and t.object == ("PRODUCT",) for t in triggers):
                continue
            if not any(c.dep_ == "dobj" and any(t.i in products for t in c.subtree) for c in verb.children):
                continue  # (a product more than the model's guess: "sold her start-up X" is no product)
            for subject in (c for c in verb.children if c.dep_ == "nsubj"):
                if subject.lower_ in self.lexicon.relative_pronouns and verb.dep_ == "relcl":
                    subject = verb.head  # "Veltrix, which makes ..."
                found += _name_ending_at(subject, loose, ORG)
        return found

    def _rival_candidates(self, doc: Doc, label_at: dict[int, str], makers: list[_Candidate],
                          loose: Callable[[Token], bool]) -> list[_Candidate]:
        """"Veltrix ... competes with Skyreach and Dronetic": a rival of an
        organisation or product is of its kind."""
        kinds = dict(label_at) | {c.end - 1: c.label for c in makers}
        found = []
        for verb in doc:
            triggers = [t for t in self.lexicon.verb_triggers(verb) if t.predicate == "COMPETES_WITH"]
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if not triggers or subject is None:
                continue
            if subject.lower_ in self.lexicon.relative_pronouns and verb.dep_ == "relcl":
                subject = verb.head
            kind = kinds.get(subject.i)
            if kind not in (ORG, PRODUCT):
                continue
            rivals = [c for c in verb.children if c.dep_ == "dobj"] + [
                o for p in verb.children if p.dep_ == "prep" and p.lower_ in triggers[0].object_preps
                for o in p.children if o.dep_ == "pobj"]
            rivals += [t for rival in rivals for t in rival.subtree if t.dep_ == "conj" and _in_list(t, rival)]
            for rival in rivals:
                if not rival.is_sent_start:
                    found += _name_ending_at(rival, loose, kind)
        return found

    def _founded_or_renamed_candidates(self, doc: Doc, label_at: dict[int, str], loose: Callable[[Token], bool]) -> list[_Candidate]:
        """"Zentive, founded in 1998, ...", "Zentive was founded by Roe", "before
        co-founding Pixelra", "changed its name to Zentive", "X, formerly known as
        Y": what is founded or renamed is an organisation."""
        found = []
        for token in doc:
            if not loose(token) or token.dep_ == "compound":
                continue
            verb = token.head
            founding = ([verb] if token.dep_ == "nsubjpass" or (token.dep_ == "dobj" and not token.is_sent_start) else [])
            founding += [c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN"]
            # (not by a verb that also launches products: "launched the Zentrix C3 SUV")
            founded = any(
                any(t.predicate == "FOUNDED" and t.object == ("ORG",) for t in triggers)
                and not any(t.object == ("PRODUCT",) for t in triggers)
                for triggers in (self.lexicon.verb_triggers(v) for v in founding))
            renamed = (token.dep_ == "pobj" and token.head.lower_ in ("to", "as") and self._renaming(token.head.head, label_at)) \
                or (token.dep_ in ("nsubjpass", "oprd") and self._renaming(verb, label_at)) \
                or any(c.dep_ == "acl" and self._renaming(c, label_at) for c in token.children)
            if founded or renamed:
                found += _name_ending_at(token, loose, ORG)
        return found

    def _joined_candidates(self, doc: Doc, candidates: list[_Candidate], label_at: dict[int, str],
                           loose: Callable[[Token], bool]) -> list[_Candidate]:
        """"Roe left Globex in 2010": what a person joins or leaves, untagged, is an
        organisation (the model's guess of a place may be right: "left Kent")."""
        people = {i for c in candidates if c.label == PERSON for i in range(c.start, c.end)}

        def untagged(token: Token) -> bool:
            return loose(token) and token.i not in label_at

        return [c for token in doc if token.dep_ == "dobj" and not token.is_sent_start
                and self._joined_by_person(token.head, people) for c in _name_ending_at(token, untagged, ORG)]

    def _renaming(self, verb: Token, label_at: dict[int, str]) -> bool:
        """A verb that renames an organisation: "renamed (as/to)", "changed its name
        to", "was originally called" (not of a person: "Roe was originally called Mary")."""
        if any(label_at.get(c.i) == PERSON for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "oprd", "attr")) \
                or (verb.dep_ == "acl" and label_at.get(verb.head.i) == PERSON):
            return False
        return any(t.predicate == "RENAMED_TO" and t.subject == ("ORG",) for t in self.lexicon.verb_triggers(verb))

    def _untagged_name_word(self, token: Token, person_words: set[str]) -> bool:
        """A capitalised proper noun the model left untagged that is no title or
        function word and no word of a person's name the document gives."""
        return not token.ent_type_ and self._name_shaped(token, person_words)

    def _name_shaped(self, token: Token, person_words: set[str]) -> bool:
        """A capitalised proper noun that is no title or function word and no word
        of a person's name the document gives."""
        return token.pos_ == "PROPN" and token.is_alpha and token.text[:1].isupper() \
            and not self.lexicon.is_title_word(token) and not self.lexicon.is_function(token.text) \
            and collapse_key(token.text) not in person_words and token.lower_ not in self._function_words

    def _untagged_product_candidates(self, doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
        """"Castellan Therapeutics launched Rovexa": a capitalised word the model did
        not tag, launched by a named organisation, is a product (the tagger may
        call it a common noun, but not at the start of a sentence, where any
        word is capitalised)."""
        organisations = {i for c in candidates if c.label == ORG for i in range(c.start, c.end)}
        found = []
        for token in doc:
            if token.ent_type_ or not token.is_alpha or not token.text[:1].isupper() or token.dep_ != "dobj" \
                    or not (token.pos_ == "PROPN" or (token.pos_ == "NOUN" and not token.is_sent_start)):
                continue
            if token.text.isupper() or token.lower_ in self.lexicon.product_nouns or any(
                    c.dep_ in ("det", "compound", "amod", "nummod", "poss") for c in token.children):
                continue  # "launched the Lumenzen C3 SUV": the noun for the kind, not a name
            verb = token.head
            if not any(c.dep_ == "nsubj" and c.i in organisations for c in verb.children):
                continue
            if any(t.types_object and t.object == ("PRODUCT",) for t in self.lexicon.verb_triggers(verb)) \
                    and self.lexicon.lookup(token.text) is None and not self.lexicon.is_title_word(token):
                found.append(_Candidate(token.i, token.i + 1, PRODUCT, None, APPOSITION))
        return found

    def _name_run(self, doc: Doc, start: int, step: int) -> tuple[int, int] | None:
        """The run of two or three capitalised words from ``start`` (going right
        with ``step`` 1, left with -1) that may be a person's name: no title word,
        no known organisation, no company ending."""
        i = start
        while 0 <= i < len(doc) and abs(i - start) < 3 and doc[i].pos_ == "PROPN" and doc[i].is_alpha \
                and doc[i].text[:1].isupper() and not self.lexicon.is_title_word(doc[i]):
            i += step
        lo, hi = (start, i) if step > 0 else (i + 1, start + 1)
        if hi - lo < 2 or (0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()):
            return None
        if self.lexicon.lookup(doc[lo:hi].text) is not None or self.lexicon.suffix_for(doc, hi - 1) is not None:
            return None
        if (hi < len(doc) and doc[hi].text == "-") or (lo > 0 and doc[lo - 1].text == "-"):
            return None  # "Prayut Chan-o-cha": the name goes on
        return lo, hi

    def _owned_product_candidates(self, doc: Doc) -> list[_Candidate]:
        """"its Nova sedan", "its first Quorvex One model", "Acme's Velaro train": a
        name between an owner and a noun for a product is the product's, unless
        a known organisation begins it ("its Nvidia chip" says who made it)."""
        found = []
        for owner in doc:
            definite = owner.lower_ == "the"
            if owner.tag_ not in ("PRP$", "POS") and not definite:
                continue
            start = owner.i + 1
            while start < len(doc) and doc[start].pos_ in ("ADJ", "NUM") and doc[start].text.islower():
                start += 1  # "its first", "its new"
            end = start
            while end < len(doc) and end - start < 3 and doc[end].pos_ in ("PROPN", "NUM") \
                    and (doc[end].text[:1].isupper() or (end > start and doc[end].text[:1].isdigit())) \
                    and doc[end].lower_ not in self.lexicon.product_nouns:
                end += 1
            if end == start or not self._names_a_product(doc, end):
                continue
            if definite and not any(t.like_num or any(ch.isdigit() for ch in t.text) for t in doc[start:end]) \
                    and not self._made_object(doc[start:end]):
                continue  # "the Helix 3 chip", "the Tarvo R1 pickup"; but "the Velox chip" may be Velox's
            if end - start == 1 and len(doc[start].text) <= 3 and doc[start].text.isupper():
                continue  # "its AI models", "its L4 solution": a generic acronym or a level, no name
            known = self.lexicon.lookup(doc[start:end].text)
            if (known is None or known.label != PRODUCT) and any(
                getattr(self.lexicon.lookup(doc[start:cut].text), "label", None) == ORG for cut in range(start + 1, end + 1)
            ):
                continue
            found.append(_Candidate(start, end, PRODUCT, None, APPOSITION))
        return found

    def _made_object(self, name: Span) -> bool:
        """A name in what a verb of making or developing has for its object ("Acme
        launched the Aria app", "Roe developed the Aria voice assistant"): who makes
        it is the subject, so the name is the product's own, not its maker's."""
        phrase = name.root
        while phrase.dep_ in ("compound", "nmod", "amod") and phrase.head != phrase:
            phrase = phrase.head
        if phrase.dep_ != "dobj":
            return False
        triggers = self.lexicon.verb_triggers(phrase.head)
        return any(t.predicate in ("MAKES", "DEVELOPED") for t in triggers) and not any(t.predicate == "USES" for t in triggers) \
            and any(c.dep_ == "nsubj" for c in phrase.head.children)

    def _name_after_title_candidates(self, doc: Doc) -> list[_Candidate]:
        """"Acme President Magnus Roe told ...", "Acme named Ricardo Roe head of
        research": capitalised words right after a title, or right before the
        title a naming verb gives, are a person's name the model did not find."""
        found = []
        for token in doc:
            if not self.lexicon.is_title_token(token):
                continue
            if token.i + 1 < len(doc):
                run = self._name_run(doc, token.i + 1, 1)
                if run is not None and not token.text[:1].isupper() and any(
                        t.ent_type_ not in ("", PERSON) for t in doc[run[0]:run[1]]):
                    run = None  # "the chief executive Last Year": a lower-case title names no date
                if run is not None:
                    found.append(_Candidate(run[0], run[1], PERSON, None, APPOSITION))
            if token.dep_ in ("oprd", "dobj", "xcomp") and self.lexicon.is_becoming(token.head) and token.i > 0:
                run = self._name_run(doc, token.i - 1, -1)
                if run is not None and run[0] > token.head.i:
                    found.append(_Candidate(run[0], run[1], PERSON, None, APPOSITION))
        return found

    def _titled_name_candidates(self, doc: Doc) -> list[_Candidate]:
        """"Nadine Roe, chief software architect of Acme, said ...": capitalised words
        set off by a comma before a title are a person's name, whether the model
        missed them or took them for an organisation."""
        found = []
        for comma in doc[2:-2]:
            if comma.text != ",":
                continue
            j = comma.i + 1
            if doc[j].lower_ in LEADING_DROP or doc[j].lower_ in self.lexicon.former_words:
                j += 1
            if j >= len(doc) or not self.lexicon.is_title_word(doc[j]):
                continue
            words = doc[j:min(j + 5, len(doc))]
            if not any(self.lexicon.is_title_token(t) for t in words if not t.is_punct):
                continue
            run = self._name_run(doc, comma.i - 1, -1)
            if run is None or (run[0] > 0 and doc[run[0] - 1].lower_ == "of"):
                continue  # a field, not a name: "Professor of Japanese Politics, Director"
            found.append(_Candidate(run[0], run[1], PERSON, None, APPOSITION))
        return found

    def _employer_candidates(self, doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
        """"the manager of Aster", "worked for Ekdal": a name the model missed, or
        took for a one-word person, where a job's organisation goes is one."""
        person_words = _person_words(doc, candidates, at_least=2)
        found = []
        for prep in doc:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "at", "for"):
                continue
            head = prep.head
            titled = prep.lower_ in ("of", "at") and self.lexicon.is_title_token(head)
            if not titled and prep.lower_ == "at" and head.dep_ == "pobj" and head.head.lower_ == "of" \
                    and self.lexicon.is_title_token(head.head.head):
                head, titled = head.head.head, True  # "head of autonomous driving at X": "at" hangs on the field
            worked = prep.lower_ in ("for", "at") and any(
                t.predicate == "WORKS_FOR" and prep.lower_ in t.object_preps for t in self.lexicon.verb_triggers(head))
            if not (titled or worked):
                continue
            pobj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
            # (a company's executive or board title only: "adviser of Xi Jinping" is a person's)
            if pobj is not None and pobj.ent_type_ in ("PERSON", "") and titled and prep.lower_ == "of" and pobj.i > prep.i + 1 \
                    and self.lexicon.title_rank(head) in ("executive", "board") and not self.lexicon.place_can_hold(head) \
                    and pobj.left_edge.i == prep.i + 1 and not self.lexicon.gazetteer.is_given_name(doc[prep.i + 1].text) \
                    and all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() for t in doc[prep.i + 1:pobj.i + 1]):
                # "former CEO of Norges Statsbaner": a name the model missed or took for a
                # person, which no given name begins, whose job a company's title is
                found.append(_Candidate(prep.i + 1, pobj.i + 1, ORG, None, APPOSITION))
                continue
            # ("at rival X": a word for a competitor between)
            first = prep.i + 2 if prep.i + 1 < len(doc) and doc[prep.i + 1].lower_ in self.lexicon.rival_words else prep.i + 1
            if pobj is None or pobj.i != first or not pobj.text[:1].isupper():
                continue
            end = pobj.i + 1
            if pobj.ent_type_ == "PERSON":
                if not (titled or (worked and prep.lower_ == "at")) or not _one_word_name(pobj):
                    continue  # only a one-word "person" after a title's "of" or where one works "at"
            elif pobj.ent_type_ == "GPE" and titled and self._business_title_of(head, pobj):
                pass  # "chief financial officer of Corvane": no place has one
            elif pobj.ent_type_ == "GPE" and first > prep.i + 1 and _one_word_name(pobj) and not self.lexicon.gazetteer.is_place(pobj.text):
                pass  # "head of design at rival Quenvora": no place is a rival
            elif pobj.ent_type_ == "GPE" and worked and _one_word_name(pobj) and not self.lexicon.gazetteer.is_place(pobj.text):
                pass  # "worked at Mirabaud": a one-word "place" no list knows, where one works
            elif pobj.ent_type_ or any(c.dep_ == "compound" for c in pobj.children):
                continue  # the model's own name, or a longer name it may know better
            text = doc[pobj.i:end].text
            if collapse_key(text) in person_words or self.lexicon.is_title_token(pobj) or self.lexicon.is_function(text):
                continue  # "Director of Marketing": a function, not an organisation
            found.append(_Candidate(pobj.i, end, ORG, None, APPOSITION))
        return found

    def _business_title_of(self, title: Token, place: Token) -> bool:
        """A one-word "place" after a title that only a business has, with no
        employer named after it ("head of Asia at Acme" is a region of Acme)."""
        doc = title.doc
        one_word = place.ent_iob_ == "B" and (place.i + 1 >= len(doc) or doc[place.i + 1].ent_iob_ != "I")
        employer_after = any(c.dep_ == "prep" and c.lower_ in ("at", "for", "with") for c in title.children)
        return one_word and not employer_after and not self.lexicon.place_can_hold(title)

    def _listed_example_candidates(self, doc: Doc) -> list[_Candidate]:
        """"missiles such as Tarvo and Kelda", "its brands, including Vela": names
        listed as examples of a kind of product or organisation are of that kind."""
        found = []
        for token in doc:
            # (a one-word person or place is the model's guess, unless a listed place: "brands such as Lumo and Sella")
            guess = token.ent_type_ in ("PERSON", "GPE") and _one_word_name(token) and not self.lexicon.gazetteer.is_place(token.text)
            if token.pos_ != "PROPN" or not token.text[:1].isupper() \
                    or (token.ent_type_ in ("PERSON", "GPE", "LOC", "NORP", "DATE") and not guess):
                continue
            noun = self.lexicon.listing_noun(token)
            label = self.lexicon.apposition_type(noun) if noun is not None and noun.text.islower() else None
            if label is None:
                continue
            start = token.i
            while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head == token \
                    and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
                start -= 1
            found.append(_Candidate(start, token.i + 1, label, None, APPOSITION))
        return found

    def _kind_after_name_candidates(self, doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
        """"the Zentrix record label", "its Globex unit": after an article or a
        possessive, a name followed by a noun for a kind of organisation names one.
        So does one word the model took for a person ("the Kessler conglomerate"),
        unless it is a word of a person's full name in the document."""
        found = []
        person_words = _person_words(doc, candidates, at_least=2)
        for token in doc[2:]:
            if token.pos_ != "NOUN" or not token.text.islower() or token.lemma_.lower() not in self.lexicon.kind_after_name_nouns:
                continue
            end = token.i
            while end > token.i - 2 and doc[end - 1].pos_ == "NOUN" and doc[end - 1].text.islower():
                end -= 1  # "record" of "record label"
            start = end
            while start > 0 and end - start < 3 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() \
                    and doc[start - 1].ent_type_ not in ("GPE", "NORP", "LOC", "DATE", "PERSON") and doc[start - 1].text != "&":
                start -= 1
            if start == end and end >= 2 and doc[end - 1].ent_type_ == PERSON and doc[end - 1].ent_iob_ == "B" \
                    and doc[end - 1].pos_ == "PROPN" and doc[end - 1].is_alpha \
                    and collapse_key(doc[end - 1].text) not in person_words:
                start = end - 1
            if start == end or start == 0 or doc[start - 1].lower_ not in NAME_DETERMINERS:
                continue
            if self.lexicon.is_function(doc[start:end].text) or len(doc[start:end].text) < 2:
                continue  # "the R&D unit", "its China business": a function or region, no name; "the R brand": too short alone
            found.append(_Candidate(start, end, ORG, None, APPOSITION))
        return found + self._component_name_candidates(doc, candidates)

    def _component_name_candidates(self, doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
        """"runs on the Falcon platform", "its Helix chip": after an article or a
        possessive, one word before a noun for a component (chip, platform,
        software) names the component, whatever the model guessed; not a word that
        begins an organisation's name in the document ("the Voltane platform" of
        Voltane Motors is the maker's) nor a listed or suffixed company."""
        org_words = {collapse_key(doc[c.start].text) for c in candidates
                     if c.label == ORG and (c.end - c.start > 1 or c.priority > MENTION)}
        found = []
        for token in doc[2:]:
            if token.pos_ != "NOUN" or not token.text.islower() or token.lemma_.lower() not in self.lexicon.component_kinds:
                continue
            name = doc[token.i - 1]
            if name.pos_ != "PROPN" or not name.is_alpha or not name.text[:1].isupper() or doc[token.i - 2].lower_ not in NAME_DETERMINERS \
                    or name.ent_type_ not in ("", "ORG", "PRODUCT") or collapse_key(name.text) in org_words:
                continue
            found.append(_Candidate(name.i, name.i + 1, PRODUCT, None, APPOSITION))
        return found

    def _model_name_candidates(self, doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
        """"the Acme Velaro train": a known organisation's name followed by other
        capitalised words, then a noun for a product, is the product's name; so
        is one after the base of a company the text names ("Lantor Motors ...
        the Lantor Velaro minivan"). ("the Acme train" alone says only who made it.)"""
        bases = {base for c in candidates if c.label == ORG and (base := self._base_name(doc, c)) is not None}
        found = []
        for token in doc[1:]:
            if token.pos_ != "NOUN" or token.tag_ != "NN" or token.dep_ == "compound":
                continue
            if self.lexicon.apposition_type(token) != PRODUCT:
                continue
            start = token.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
                start -= 1
            for cut in range(start + 1, token.i):
                maker = self.lexicon.lookup(doc[start:cut].text)
                made = (maker is not None and maker.type == "Organization") or collapse_key(doc[start:cut].text) in bases
                if made and self.lexicon.lookup(doc[start:token.i].text) is None:
                    found.append(_Candidate(start, token.i, PRODUCT, None, SHAPE))  # like a model code after a maker
                    break
        return found

    def _copula_candidates(self, doc: Doc) -> list[_Candidate]:
        """"The vehicle platform is the Nova", "Nova is a video game", "Globex is a
        company": a name said to be a product or an organisation is one; so is one
        made or turned into one ("the deal made Globex a subsidiary of Acme",
        "turned Globex into a unit of Acme")."""
        found = []
        for token in doc:
            if token.pos_ != "NOUN":
                continue
            if token.dep_ == "attr" and token.head.lemma_ == "be":
                subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            elif token.dep_ in ("ccomp", "xcomp", "oprd"):
                subject = next((c for c in token.children if c.dep_ == "nsubj" and c.i < token.i), None)
            elif token.dep_ == "pobj" and token.head.lower_ == "into" and token.head.head.pos_ == "VERB":
                subject = next((c for c in token.head.head.children if c.dep_ == "dobj"), None)
            else:
                continue
            label = self.lexicon.apposition_type(token)
            if label is None or subject is None or not _name_word(subject):
                continue
            if subject.pos_ != "PROPN" and any(c.dep_ == "prep" for c in subject.children):
                continue  # "Rise of Apocalypse is a game": the name goes on past the noun
            start = min(t.i for t in subject.subtree if _name_word(t) or t.i == subject.i)
            span = _trim(doc, start, subject.i + 1)
            if span is not None and all(_name_word(t) or t.pos_ == "NUM" or t.text in ("&", "-") for t in span):
                # the model's span may know the name's extent better than the parse
                model = next((e for e in doc.ents if e.start <= span.start and span.end <= e.end and len(e) > len(span)), None)
                if model is not None and all(t.text[:1].isupper() for t in model):
                    span = _trim(doc, model.start, model.end) or span
                found.append(_Candidate(span.start, span.end, label, None, APPOSITION))
        for token in doc:
            if token.dep_ != "attr" or token.pos_ != "PROPN" or token.head.lemma_ != "be" or token.ent_type_ == "PERSON":
                continue
            subject = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or self.lexicon.apposition_type(subject) != PRODUCT:
                continue
            span = _trim(doc, min(t.i for t in token.subtree if t.i >= token.i or t.pos_ == "PROPN"), token.i + 1)
            if span is not None:
                found.append(_Candidate(span.start, span.end, PRODUCT, None, APPOSITION))
        return found

    def _document_mentions(self, doc: Doc, labels: dict[str, str], kinds: dict[str, str], surnames: set[int]) -> list[_Candidate]:
        """Every mention of a name this document established, even where the model missed it."""
        wanted = {key for key, label in labels.items() if label in (ORG, PRODUCT)}
        if not wanted:
            return []
        longest = max(len(k) for k in wanted)
        found = []
        for i, token in enumerate(doc):
            if token.is_punct or token.is_space or not (token.text[:1].isupper() or token.text[:1].isdigit()):
                continue
            if i in surnames:
                continue
            text = ""
            for j in range(i, min(i + 6, len(doc))):
                if doc[j].is_space or doc[j].tag_ == "POS" or doc[j].text in POSSESSIVE_TOKENS:
                    break
                text += doc[j].text
                key = collapse_key(text)
                if len(key) > longest:
                    break
                if key in wanted and not doc[j].is_punct and _looks_like_name(doc, i, j + 1) \
                        and not self._name_goes_on(doc[j]):
                    found.append(_Candidate(i, j + 1, labels[key], kinds.get(key), MENTION))
        return found

    def _name_goes_on(self, token: Token) -> bool:
        """"Harlan" in "Harlan Audio": the word is compounded into a capitalised name
        word right after it, so the name is longer than the one established."""
        doc = token.doc
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        return after is not None and token.dep_ == "compound" and token.head == after and after.pos_ == "PROPN" \
            and after.text[:1].isupper() and after.is_alpha and (not after.ent_type_ or after.ent_iob_ == "I") \
            and not self.lexicon.is_title_word(after) and not self.lexicon.is_suffix_word(after.text)

    # decisions ------------------------------------------------------------

    def _decide_labels(self, doc: Doc, candidates: list[_Candidate], surnames: set[int]) -> tuple[dict[str, str], dict[str, str]]:
        """One label per name in this document, keyed by its collapsed form."""
        votes: dict[str, Counter] = defaultdict(Counter)
        strong: dict[str, tuple[int, str, str | None]] = {}
        surfaces: dict[str, str] = {}
        for cand in candidates:
            text = doc[cand.start:cand.end].text
            key = collapse_key(text)
            if not key:
                continue
            surfaces.setdefault(key, text)
            if cand.priority >= PART:
                best = strong.get(key)
                if best is None or cand.priority > best[0]:
                    strong[key] = (cand.priority, cand.label, cand.kind)
            elif cand.label in MODEL_VOTES:
                votes[key][MODEL_VOTES[cand.label]] += 1
        labels: dict[str, str] = {}
        kinds: dict[str, str] = {}
        derived: set[str] = set()
        for key, (_, label, kind) in strong.items():
            labels[key] = label
            if kind:
                kinds[key] = kind
        for cand in candidates:
            if labels.get(collapse_key(doc[cand.start:cand.end].text)) == ORG or cand.label == ORG:
                base = self._base_name(doc, cand)
                if base and (base not in strong or strong[base][1] == ORG):
                    labels.setdefault(base, ORG)
                    derived.add(base)
        for key, counter in votes.items():
            if key in labels or not counter:
                continue
            label, _ = counter.most_common(1)[0]
            if label in (ORG, PRODUCT) and self._persons_name(surfaces[key]):
                label = PERSON  # "Nadine Pinto founded Acme": the model took her for a company
            if _plausible(surfaces[key], label, self.lexicon):
                labels[key] = label
        person_words = {
            collapse_key(w) for k, v in labels.items() if v == PERSON for w in surfaces.get(k, "").split()[1:]
        } | {collapse_key(surfaces.get(k, "").split()[0]) for k, v in labels.items() if v == PERSON and " " in surfaces.get(k, "")}
        for key, label in list(labels.items()):
            if label in (ORG, PRODUCT) and key not in strong and key not in derived and key in person_words:
                # "Roe said ...": a surname the model took for a company; the
                # person, if the text also reads it as a person's surname
                if votes[key][PERSON]:
                    labels[key] = PERSON
                else:
                    del labels[key]
        org_keys = {k for k, v in labels.items() if v == ORG}
        # "Henry Ford" keeps the surname a company also has (see _surnames).
        surnamed = {collapse_key(doc[c.start:c.end].text) for c in candidates if c.label == PERSON and c.end - 1 in surnames}
        for key, label in list(labels.items()):
            if label == PERSON and key not in strong:
                words = [collapse_key(w) for w in surfaces.get(key, "").split()]
                if key in surnamed:
                    words = words[:-1]
                if any(w in org_keys for w in words):
                    del labels[key]
        return labels, kinds

    def _persons_name(self, text: str) -> bool:
        """Two capitalised words that begin with a given name and that no company
        ending, listed name or product noun claims ("Nadine Pinto", not "Lincoln
        Electric" or "Grace Robotics"; three words are more often an organisation's
        name: "Florida Championship Wrestling")."""
        words = text.split()
        return len(words) == 2 and all(w.isalpha() and w[:1].isupper() and not w.isupper() for w in words) \
            and self.lexicon.gazetteer.is_given_name(words[0]) and self.lexicon.lookup(text) is None \
            and self.lexicon.lookup(words[0]) is None \
            and not any(self.lexicon.is_suffix_word(w) or self.lexicon.gazetteer.is_title_word(w)
                        or w.lower() in self.lexicon.product_nouns for w in words)

    def _base_name(self, doc: Doc, cand: _Candidate) -> str | None:
        """"Acme" for "Acme Motors Group": the name before organisational suffixes."""
        end = cand.end
        while end > cand.start + 1:
            meaning = self.lexicon.suffix_meaning(doc[end - 1].text)
            if meaning not in BASE_NAMING_SUFFIXES:
                break
            end -= 1
        if end == cand.end:
            return None
        if self.lexicon.lookup(doc[cand.start:cand.end].text) is not None:
            return None  # a gazetteer name ("Acme Auto") is a name of its own
        return collapse_key(doc[cand.start:end].text)

    def _suffix_kind(self, span: Span) -> str | None:
        suffix = self.lexicon.suffix_for(span.doc, span.end - 1)
        return suffix[1] if suffix else None

    def _set_entities(self, doc: Doc, candidates: list[_Candidate], labels: dict[str, str], kinds: dict[str, str]) -> None:
        spans: list[Span] = []
        span_kinds: dict[str, str] = {}
        strongest: dict[str, int] = {}
        for cand in candidates:
            key = collapse_key(doc[cand.start:cand.end].text)
            strongest[key] = max(strongest.get(key, cand.priority), cand.priority)

        def rank(cand: _Candidate) -> int:
            # Another mention of a name the document established ("the Acme Nova
            # is a sedan ... sales of the Acme Nova") is that name as surely as
            # the gazetteer's "Acme" is a company: the longer name wins.
            if cand.priority == MENTION:
                return min(strongest[collapse_key(doc[cand.start:cand.end].text)], APPOSITION)
            return cand.priority

        ranked = sorted(candidates, key=lambda c: (-rank(c), -(c.end - c.start), c.start))
        taken = [False] * len(doc)
        for cand in ranked:
            if any(taken[cand.start:cand.end]):
                continue
            key = collapse_key(doc[cand.start:cand.end].text)
            label = labels.get(key)
            if cand.priority >= SUFFIX and cand.priority >= strongest[key]:
                # a shape or suffix labels its own mention, unless a stronger one named it elsewhere
                label = cand.label
            if label not in ENTITY_LABELS:
                continue
            span = Span(doc, cand.start, cand.end, label=label)
            for k in range(cand.start, cand.end):
                taken[k] = True
            spans.append(span)
            kind = cand.kind or kinds.get(key)
            if kind:
                span_kinds[span_key(span)] = kind
        others = [e for e in doc.ents if e.label_ not in MODEL_VOTES and e.label_ not in MAYBE_LABELS]
        others = [e for e in others if not any(taken[e.start:e.end])]
        doc.ents = filter_spans(spans + others)
        doc._.entity_kinds = span_kinds


def _overruled(doc: Doc, candidates: list[_Candidate], statements: list[_Candidate]) -> list[_Candidate]:
    """Guesses the text contradicts become mere votes: "The Acme Nova is a
    sedan" makes "Acme Nova" a product although "Acme" is a listed company."""
    stated = {collapse_key(doc[c.start:c.end].text): c.label for c in statements}
    return [
        replace(c, priority=MODEL, guessed=False)
        if c.guessed and stated.get(collapse_key(doc[c.start:c.end].text), c.label) != c.label else c
        for c in candidates
    ]


def _person_words(doc: Doc, candidates: list[_Candidate], at_least: int = 1) -> set[str]:
    """The collapsed words of the names of people (of ``at_least`` words) among the candidates."""
    return {collapse_key(w) for c in candidates if c.label == PERSON and c.end - c.start >= at_least
            for w in doc[c.start:c.end].text.split()}


def _one_word_name(token: Token) -> bool:
    """A word the model tagged as a name of its own."""
    doc = token.doc
    return token.ent_iob_ == "B" and (token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I")


def _one_word_place(token: Token) -> bool:
    """A word the model alone took for a place or nationality, as a name of its own."""
    return token.ent_type_ in ("GPE", "NORP", "LOC") and _one_word_name(token)


def _name_word(token: Token) -> bool:
    """A word of a name: a proper noun, or a capitalised word of the model's
    entity that the tagger took for a common noun ("EV" in "the Aurora EV")."""
    return token.pos_ == "PROPN" or (bool(token.ent_type_) and token.text[:1].isupper())


def _name_ending_at(token: Token, word: Callable[[Token], bool], label: str) -> list[_Candidate]:
    """A candidate of ``label`` for the name of one to three words ``word`` accepts
    that ends at ``token`` (none when ``token`` is no such word)."""
    if not word(token):
        return []
    start = _compound_start(token, word)
    return [_Candidate(start, token.i + 1, label, None, APPOSITION)] if token.i + 1 - start <= 3 else []


def _compound_start(token: Token, word: Callable[[Token], bool]) -> int:
    """Where a name ends by ``token`` begins: the words compounded into it on its
    left that ``word`` accepts."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == token.i and word(doc[start - 1]):
        start -= 1
    return start


def _noun_before_comma(doc: Doc, start: int) -> Token | None:
    """The common noun right before the comma that precedes a name, if any."""
    if start >= 2 and doc[start - 1].text == "," and doc[start - 2].pos_ == "NOUN":
        return doc[start - 2]
    return None


def _whole_list_item(doc: Doc, start: int, end: int) -> bool:
    """The words are a whole item of a list, not part of a longer name ("Gallery 400")."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    # (a list that is a subject ends at its verb: "Acme and Baltic Wire signed ...")
    return (before is None or before.text in (",", ";") or before.dep_ in ("cc", "det", "prep")) and (
        after is None or after.text in (",", ";", ".", ")") or after.dep_ == "cc" or after.pos_ in ("VERB", "AUX")
    )


def _in_list(token: Token, first: Token) -> bool:
    """Whether a conjunct belongs to the coordination that ``first`` heads."""
    while token.dep_ == "conj":
        token = token.head
    return token == first


def _trim(doc: Doc, start: int, end: int) -> Span | None:
    """Drop leading articles and quotes and a trailing possessive or punctuation."""
    while start < end and (doc[start].lower_ in LEADING_DROP or doc[start].is_punct or doc[start].is_space):
        start += 1
    place = start
    while place < end and doc[place].is_upper and doc[place].is_alpha:
        place += 1
    if start < place < end - 1 and doc[place].text in DASHES and doc[place - 1].whitespace_ and doc[place].whitespace_:
        start = place + 1  # "OSLO - Halvorsen Bank said": the dateline's place is no part of the name
    end = strip_possessive_tokens(doc, start, end)
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or _function_word(doc[end - 1])):
        end -= 1  # "Acme Motors to": the model took the next preposition into the name
    if start >= end:
        return None
    return doc[start:end]


def _dateline_places(doc: Doc) -> set[int]:
    """The place of a dateline: capitalised words that open a paragraph, followed
    by a comma, a dash or a bracket, with the dateline's dash soon after
    ("LONDON, March 4 (Reuters) -", "SAN JOSE, Calif. -", "OSLO -"). A place,
    never an entity of the story ("SAIC, which owns ..." is no dateline)."""
    found: set[int] = set()
    for sent in doc.sents:
        if sent.start > 0 and "\n" not in doc[sent.start - 1].whitespace_ and not doc[sent.start - 1].is_space:
            continue
        end = sent.start
        while end < sent.end and end - sent.start < 3 and doc[end].is_upper and doc[end].is_alpha and len(doc[end]) > 1:
            end += 1
        if end == sent.start or end >= len(doc) or doc[end].text not in {",", "(", *DASHES}:
            continue
        if any(t.text in DASHES and t.whitespace_ for t in doc[end:min(end + 10, sent.end)]):
            found.update(range(sent.start, end))
    return found


def _function_word(token: Token) -> bool:
    """A preposition, conjunction, article or pronoun: never the last word of a name."""
    return token.text.islower() and token.pos_ in ("ADP", "CCONJ", "SCONJ", "DET", "PART", "AUX", "PRON")


def _split_coordination(span: Span, lexicon: Lexicon) -> list[Span]:
    """"Acme and Globex" and "Acme Labs to Globex Labs" are two names; "Procter & Gamble",
    "Acme, Inc." and "Institute for Advanced Study" are one."""
    doc = span.doc
    parts, start = [], span.start
    for token in span:
        rest = doc[token.i + 1:span.end]
        if token.text == "," and len(rest) and all(lexicon.suffix_meaning(t.text) == "legal" or t.is_punct for t in rest):
            continue
        if token.lower_ == "and" and any(t.lower_ == "of" for t in doc[start:token.i]) and _fields_after(doc, token.i + 1, span.end, lexicon):
            continue  # "Institute of Science and Technology (of X)": fields its "of" names
        between = token.lower_ in ("to", "for", "from") and token.i - start >= 2 and span.end - token.i > 2 \
            and lexicon.suffix_meaning(doc[token.i - 1].text) is not None \
            and lexicon.suffix_meaning(doc[span.end - 1].text) is not None
        # "Tovalis Labs to Zemrix Labs": two companies, each ended by its own suffix
        if (token.lower_ in ("and", "or", ",", ";") or between) and token.i > span.start:
            if token.i > start:
                parts.append(doc[start:token.i])
            start = token.i + 1
    if start < span.end:
        parts.append(doc[start:span.end])
    return [p for p in parts if p.text.strip()] if len(parts) > 1 else [span]


def _fields_after(doc: Doc, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether capitalised names of fields ("Information Technology") run from
    ``start`` to ``end`` or to an "of" that goes on with the name."""
    i = start
    while i < end and doc[i].text[:1].isupper() and doc[i].lower_ in lexicon.field_words:
        i += 1
    return i > start and (i == end or doc[i].lower_ == "of")


def _looks_like_name(doc: Doc, start: int, end: int) -> bool:
    """Capitalised in running text; a lone common word at a sentence start proves nothing."""
    first = doc[start]
    if not (first.text[:1].isupper() or first.text[:1].isdigit()):
        return False
    if first.is_sent_start and end - start == 1 and first.text.istitle():
        return not first.is_stop
    return True


def _plausible(text: str, label: str, lexicon: Lexicon) -> bool:
    """A model vote for a lower-case word or a short acronym is noise."""
    if not text or not (text[:1].isupper() or text[:1].isdigit()):
        return False
    if label in (ORG, PRODUCT) and len(text) <= 2:
        return False
    if label == ORG and " " not in text and (text.lower() in lexicon.org_part_nouns or text.lower() in lexicon.org_nouns):
        return False  # "chair of the Committee", "the Group said": a common noun, no name
    last = text.rsplit(" ", 1)[-1]
    if label == ORG and " " in text and last.islower() and last in lexicon.org_nouns:
        return False  # "the Denver start-up", "a Munich firm": a description; names end capitalised
    if label == PRODUCT and len(text.split()) == 1 and not any(ch.isdigit() for ch in text):
        return False  # the model's one-word "products" are mostly common nouns
    if label == PERSON and (len(text) < 2 or any(ch.isdigit() for ch in text)):
        return False
    return True
