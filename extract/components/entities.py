"""Entity recognition that is right about what a name is.

The statistical NER finds names but often mislabels them (companies as
people, car models as facilities). This component keeps its spans as
candidates and decides each name's type once per document, from:

1. the gazetteer (companies, brands, products; data in ``extract/patterns``);
2. shape rules: a known organisation followed by a model code is a Product
   (``product_shapes.jsonl``), a name followed by an organisational suffix
   ("... Motors", "... Research Institute") is an Organization;
3. document-level evidence: a bare name is an Organization when the same
   document also writes it with an organisational suffix, or when another
   mention of it is written as an organisation;
4. a vote over the model's labels of every mention of the same name.

Every mention of a name that the document has established (even mentions
the model missed) is then labelled consistently.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extract.extensions import register_extensions, span_key
from extract.lexicon import Lexicon, load_lexicon
from extract.names import collapse_key, name_key, strip_possessive_tokens

PERSON, ORG, PRODUCT = "PERSON", "ORG", "PRODUCT"
ENTITY_LABELS = (PERSON, ORG, PRODUCT)
# Model labels that may hide one of our types; GPE/NORP/FAC names of
# companies ("Jiyue" as GPE) are common errors of the small model.
MODEL_VOTES = {"PERSON": PERSON, "ORG": ORG, "PRODUCT": PRODUCT, "WORK_OF_ART": PRODUCT}
MAYBE_LABELS = {"GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "EVENT", "LAW"}
LEADING_DROP = {"the", "a", "an", "The", "A", "An", '"', "“", "”", "'", "‘", "’", "«", "»"}


@dataclass
class _Candidate:
    start: int
    end: int
    label: str
    kind: str | None
    priority: int  # higher wins overlaps: gazetteer/shape > suffix > document > model


@Language.factory(
    "corpgraph_entities",
    assigns=["doc.ents", "doc._.entity_kinds"],
    requires=["doc.ents"],
    default_config={"gazetteer_dir": None},
)
def make_entity_recognizer(nlp: Language, name: str, gazetteer_dir: str | None) -> "EntityRecognizer":
    return EntityRecognizer(nlp, name, gazetteer=load_lexicon(gazetteer_dir))


class EntityRecognizer:
    """Retypes and completes the model's entities; see the module docstring."""

    def __init__(self, nlp: Language, name: str, *, gazetteer: Lexicon) -> None:
        register_extensions()
        self.name = name
        self.gazetteer = gazetteer
        self.known = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.known_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        for surface, label in gazetteer.surfaces():
            # Lower-case matching only for names that cannot be common words.
            pattern = nlp.make_doc(surface)
            self.known.add(label, [pattern])
        self.shapes = Matcher(nlp.vocab)
        for index, pattern in enumerate(gazetteer.product_shapes):
            self.shapes.add(f"SHAPE_{index}", [pattern["pattern"]])
        self._shape_kinds = {f"SHAPE_{i}": p.get("kind", "other") for i, p in enumerate(gazetteer.product_shapes)}

    def __call__(self, doc: Doc) -> Doc:
        candidates = self._model_candidates(doc)
        candidates += self._gazetteer_candidates(doc)
        candidates = self._extend_with_suffixes(doc, candidates)
        candidates += self._shape_candidates(doc, candidates)
        labels, kinds = self._decide_labels(doc, candidates)
        candidates += self._document_mentions(doc, labels, kinds)
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
            found.append(_Candidate(span.start, span.end, ent.label_, None, 0))
        return found

    def _gazetteer_candidates(self, doc: Doc) -> list[_Candidate]:
        found = []
        for match_id, start, end in self.known(doc):
            label_id = doc.vocab.strings[match_id]
            record = self.gazetteer.lookup(doc[start:end].text)
            if record is None:
                continue
            if record.ambiguous and not _looks_like_name(doc, start, end):
                continue
            found.append(_Candidate(start, end, label_id, record.kind, 3))
        return found

    def _extend_with_suffixes(self, doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
        """"Acme" + "Motors" -> an Organization "Acme Motors"; keeps the original too."""
        extended = list(candidates)
        for cand in candidates:
            if cand.label in (PERSON,) and cand.priority < 3:
                continue
            end = cand.end
            kind = None
            while end < len(doc):
                suffix = self.gazetteer.suffix_for(doc, end)
                if suffix is None:
                    break
                words, suffix_kind = suffix
                end += words
                kind = suffix_kind
            if end > cand.end and (cand.label == ORG or cand.priority == 0 or cand.label in MAYBE_LABELS or cand.label == PERSON):
                if cand.label == PRODUCT and cand.priority >= 3:
                    continue
                extended.append(_Candidate(cand.start, end, ORG, kind, 2))
        # "Research Institute of X" style prefixes are left to the model.
        return extended

    def _shape_candidates(self, doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
        """A brand followed by a model code: accepted when the brand is an organisation."""
        org_starts = {c.start: c for c in candidates if _is_orgish(c, self.gazetteer, doc)}
        org_names = {collapse_key(doc[c.start:c.end].text) for c in org_starts.values()}
        found = []
        for match_id, start, end in self.shapes(doc):
            brand = org_starts.get(start)
            brand_end = None
            if brand is not None and brand.end < end:
                brand_end = brand.end
            elif collapse_key(doc[start:start + 1].text) in org_names and end > start + 1:
                brand_end = start + 1
            if brand_end is None:
                continue
            kind = self._shape_kinds.get(doc.vocab.strings[match_id], "other")
            record = self.gazetteer.lookup(doc[start:brand_end].text)
            if record is not None and record.product_kind:
                kind = record.product_kind
            found.append(_Candidate(start, end, PRODUCT, kind, 4))
        return found

    # decisions ------------------------------------------------------------

    def _decide_labels(self, doc: Doc, candidates: list[_Candidate]) -> tuple[dict[str, str], dict[str, str]]:
        """One label per name in this document (keyed by its collapsed form)."""
        votes: dict[str, Counter] = defaultdict(Counter)
        strong: dict[str, tuple[int, str, str | None]] = {}
        surfaces: dict[str, str] = {}
        for cand in candidates:
            text = doc[cand.start:cand.end].text
            key = collapse_key(text)
            if not key:
                continue
            surfaces.setdefault(key, text)
            if cand.priority >= 2:
                best = strong.get(key)
                if best is None or cand.priority > best[0]:
                    strong[key] = (cand.priority, cand.label, cand.kind)
            elif cand.label in MODEL_VOTES:
                votes[key][MODEL_VOTES[cand.label]] += 1
            else:
                votes[key]["OTHER"] += 1
        labels: dict[str, str] = {}
        kinds: dict[str, str] = {}
        for key, (_, label, kind) in strong.items():
            labels[key] = label
            if kind:
                kinds[key] = kind
        # A bare name is an organisation when the document also writes it
        # with an organisational suffix ("Acme Motors" -> "Acme").
        for cand in candidates:
            if cand.priority == 2 and cand.label == ORG:
                base_end = cand.end
                while base_end > cand.start + 1 and self.gazetteer.is_suffix_word(doc[base_end - 1].text):
                    base_end -= 1
                base = collapse_key(doc[cand.start:base_end].text)
                if base and base not in labels:
                    labels[base] = ORG
        for key, counter in votes.items():
            if key in labels:
                continue
            counter.pop("OTHER", None)
            if not counter:
                continue
            label, _ = counter.most_common(1)[0]
            labels[key] = label
        for key, label in list(labels.items()):
            if label == PERSON and _person_has_no_name_shape(surfaces.get(key, "")):
                del labels[key]
        return labels, kinds

    def _document_mentions(self, doc: Doc, labels: dict[str, str], kinds: dict[str, str]) -> list[_Candidate]:
        """Find every mention of the names this document established, model-missed or not."""
        names = [key for key, label in labels.items() if label in (ORG, PRODUCT)]
        if not names:
            return []
        found = []
        by_first: dict[str, list[str]] = defaultdict(list)
        for key in names:
            by_first[key[:3]].append(key)
        for i, token in enumerate(doc):
            if not (token.is_title or token.is_upper or token.text[:1].isdigit() or token.text[:1].isupper()):
                continue
            text = ""
            for j in range(i, min(i + 6, len(doc))):
                text += doc[j].text
                key = collapse_key(text)
                if key in labels and labels[key] in (ORG, PRODUCT) and _looks_like_name(doc, i, j + 1):
                    found.append(_Candidate(i, j + 1, labels[key], kinds.get(key), 1))
        return found

    def _set_entities(self, doc: Doc, candidates: list[_Candidate], labels: dict[str, str], kinds: dict[str, str]) -> None:
        spans: list[Span] = []
        span_kinds: dict[str, str] = {}
        ranked = sorted(candidates, key=lambda c: (-c.priority, -(c.end - c.start), c.start))
        taken = [False] * len(doc)
        for cand in ranked:
            if any(taken[cand.start:cand.end]):
                continue
            key = collapse_key(doc[cand.start:cand.end].text)
            label = labels.get(key)
            if cand.priority >= 2:
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


def _trim(doc: Doc, start: int, end: int) -> Span | None:
    """Drop leading articles and quotes and a trailing possessive from a model span."""
    while start < end and (doc[start].text in LEADING_DROP or doc[start].is_punct):
        start += 1
    end = strip_possessive_tokens(doc, start, end)
    while end > start and doc[end - 1].is_punct:
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


def _looks_like_name(doc: Doc, start: int, end: int) -> bool:
    """Capitalised in running text, not merely at the start of a sentence."""
    first = doc[start]
    if not (first.text[:1].isupper() or first.text[:1].isdigit()):
        return False
    if first.is_sent_start and end - start == 1 and first.text.istitle():
        # A sentence-initial capital proves nothing for a single common word.
        return not first.is_stop
    return True


def _is_orgish(cand: _Candidate, gazetteer: Lexicon, doc: Doc) -> bool:
    if cand.label == ORG:
        return True
    record = gazetteer.lookup(doc[cand.start:cand.end].text)
    return record is not None and record.type == "Organization"


def _person_has_no_name_shape(text: str) -> bool:
    """A PERSON vote for lower-case or one-letter text is noise."""
    return not text or not text[:1].isupper() or len(text) < 2


__all__ = ["EntityRecognizer", "make_entity_recognizer", "name_key"]
