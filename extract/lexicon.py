"""The word knowledge the components consult, loaded from ``extract/patterns``.

It joins the gazetteer (:mod:`extract.gazetteer`: organisations, products,
titles, suffixes, honorifics, product shapes) with the relation triggers
(``relations.jsonl``) and the anaphora word lists (``grammar_words.json``), and
answers the questions the components ask of a token or a name. Loaded once
per folder, at the first call, never at import.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from corpgraph.errors import InputError
from extract.gazetteer import Gazetteer, load_gazetteer
from extract.names import collapse_key

PATTERNS_DIR = Path(__file__).with_name("patterns")
LABEL_OF_TYPE = {"Organization": "ORG", "Product": "PRODUCT", "Person": "PERSON"}
# Ranks of titles (titles.jsonl) that only an organisation gives: no person has a
# chief executive, a board or a founder.
ORGANISATION_RANKS = frozenset({"executive", "board", "founder"})


@dataclass(frozen=True)
class Trigger:
    """One line of relations.jsonl: how a predicate is said."""

    id: str
    predicate: str
    lemmas: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    subject: tuple[str, ...] = ()
    object: tuple[str, ...] = ()
    object_deps: tuple[str, ...] = ()
    object_preps: tuple[str, ...] = ()
    role_preps: tuple[str, ...] = ()
    from_preps: tuple[str, ...] = ()
    date: str | None = None
    amount: bool = False
    event: str | None = None
    swap: bool = False
    conj_subjects: bool = False
    confidence: float = 0.75
    object_nouns: tuple[str, ...] = ()
    requires_dobj: tuple[str, ...] = ()
    object_via: tuple[str, ...] = ()
    patient_is_subject: bool = False
    requires_advmod: tuple[str, ...] = ()
    agent_preps: tuple[str, ...] = ()
    # The verb says what its subject is: who graduates is a person.
    types_subject: bool = False
    # The verb says what its direct object is: what is launched is a product.
    types_object: bool = False
    # The verb may be left out after its first clause: "X holds 50 percent of Y,
    # Z 30 percent and W 20 percent" (each name before an amount does it too).
    gapped_subjects: bool = False
    to_preps: tuple[str, ...] = ()
    role_deps: tuple[str, ...] = ()
    reduced_subject: bool = False
    requires_money: bool = False
    subject_from_previous: bool = False
    default_date: str | None = None
    # Only a passive says it: "X is used in Y" (active, "X uses Z in Y", it says another thing).
    passive_only: bool = False
    # Whoever did it "with" the subject did it too: "X co-founded Y with Z".
    with_subjects: bool = False
    # Only a move says it: "X comes to Y from Z" (not "X came to Y to speak").
    requires_from: bool = False
    # Without a "from", the move still tells where the person now works
    # ("Roe defected to Globex"); "moved to X" may be a town.
    settles: bool = False
    # The fact's subject is the object of these prepositions, not the clause's
    # subject: "Acme sold Globex to Initech" (Initech acquired Globex).
    subject_preps: tuple[str, ...] = ()
    # Where these prepositions name something, it is the fact's subject instead of
    # the clause's: "X changed its name from Webstar to Zentive" (Webstar renamed).
    old_name_preps: tuple[str, ...] = ()
    # An object noun that names none stands for its possessor: "criticised Acme's
    # pricing" (Acme is criticised); never for a deal ("bought Acme's radio unit").
    possessor_objects: bool = False

    @property
    def subject_types_for_fact(self) -> tuple[str, ...]:
        return self.object if self.swap else self.subject

    @property
    def object_types_for_fact(self) -> tuple[str, ...]:
        return self.subject if self.swap else self.object


@dataclass(frozen=True)
class RelationalNoun:
    """One line of relational_nouns.jsonl: a noun that relates the entity it is
    said of (the holder) to another ("X, a unit of Y"; "Y's parent Z")."""

    id: str
    predicate: str
    nouns: tuple[str, ...]
    holder: tuple[str, ...]
    other: tuple[str, ...]
    preps: tuple[str, ...]
    holder_is: str = "subject"
    copula_only: bool = False
    # The other end only as the noun's possessor ("Acme's chip company Globex"),
    # for nouns too common to relate through a preposition ("a company of ...").
    possessor_only: bool = False
    # Modifiers that make the noun say something else ("Acme's sister company").
    unless: tuple[str, ...] = ()
    # The sentence's date is another event's: "when Acme bought her start-up X
    # in 2015" does not date the founding.
    undated: bool = False


@dataclass(frozen=True)
class NameRecord:
    """What the gazetteer knows of a name, in the components' terms."""

    name: str
    type: str
    kind: str | None
    sector: str | None = None
    maker: str | None = None
    ambiguous: bool = False
    parent: str | None = None

    @property
    def label(self) -> str:
        return LABEL_OF_TYPE[self.type]



class Lexicon:
    def __init__(
        self, gazetteer: Gazetteer, triggers: list[Trigger], anaphors: dict, relational: list[RelationalNoun] = ()
    ) -> None:
        self.gazetteer = gazetteer
        self._functions = frozenset(f.lower() for f in gazetteer.title_functions)
        self.triggers = triggers
        self._lookups: dict[str, NameRecord | None] = {}
        self._verbs: dict[str, list[tuple[tuple[str, ...], Trigger]]] = {}
        self._nouns: dict[str, list[tuple[tuple[str, ...], Trigger]]] = {}
        for trigger in triggers:
            for lemma in trigger.lemmas:
                words = tuple(lemma.lower().split())
                self._verbs.setdefault(words[0], []).append((words[1:], trigger))
            for noun in trigger.nouns:
                words = tuple(noun.lower().split())
                self._nouns.setdefault(words[-1], []).append((words[:-1], trigger))
        self._relational: dict[str, list[tuple[tuple[str, ...], RelationalNoun]]] = {}
        for entry in relational:
            for noun in entry.nouns:
                words = tuple(noun.lower().split())
                self._relational.setdefault(words[-1], []).append((words[:-1], entry))
        self.copula_lemmas = frozenset(anaphors["copula_lemmas"])
        self.person_pronouns = frozenset(anaphors["person_pronouns"])
        self.org_pronouns = frozenset(anaphors["org_pronouns"])
        self.org_nouns = frozenset(anaphors["org_nouns"])
        self.person_nouns = frozenset(anaphors["person_nouns"])
        self.product_nouns = frozenset(anaphors["product_nouns"])
        self.rival_words = frozenset(anaphors["rival_words"])
        self.relative_pronouns = frozenset(anaphors["relative_pronouns"])
        self.agent_nouns = frozenset(anaphors["agent_nouns"])
        self.hedges = frozenset(anaphors["hedges"])
        self.org_part_nouns = frozenset(anaphors["org_part_nouns"])
        self.creation_lemmas = frozenset(anaphors["creation_lemmas"])
        self.former_words = frozenset(anaphors["former_words"])
        self.new_words = frozenset(anaphors["new_words"])
        self.currency_names = frozenset(anaphors["currency_names"])
        self.field_words = frozenset(anaphors["field_words"])
        self.party_nouns = frozenset(anaphors["party_nouns"])
        self.tenure_words = frozenset(anaphors["tenure_words"])
        self.now_words = frozenset(anaphors["now_words"])
        self.departure_nouns = frozenset(anaphors["departure_nouns"])
        self.appointment_nouns = frozenset(anaphors["appointment_nouns"])
        self.merger_nouns = frozenset(anaphors["merger_nouns"])
        self.abandon_lemmas = frozenset(anaphors["abandon_lemmas"])
        self.measure_lemmas = frozenset(anaphors["measure_lemmas"])
        self.holder_words = frozenset(anaphors["holder_words"])
        self.present_words = frozenset(anaphors["present_words"])
        self.percent_words = frozenset(anaphors["percent_words"])
        self.partitive_words = frozenset(anaphors["partitive_words"])
        self.department_words = frozenset(anaphors["department_words"])
        self.component_kinds = frozenset(anaphors["component_kinds"])
        self.quantity_words = frozenset(anaphors["quantity_words"])
        self.currency_words = frozenset(anaphors["currency_words"])
        self.money_after_words = frozenset(anaphors["money_after_words"])
        self.non_job_titles = frozenset(anaphors["non_job_titles"])
        self.part_suffixes = frozenset(anaphors["part_suffixes"])
        self.becoming_lemmas = frozenset(anaphors["becoming_lemmas"])
        self.leaving_lemmas = frozenset(anaphors["leaving_lemmas"])
        self.naming_lemmas = frozenset(anaphors["naming_lemmas"])
        self.inclusion_words = frozenset(anaphors["inclusion_words"])
        self.inclusion_verbs = frozenset(anaphors["inclusion_verbs"])
        self.leading_lemmas = frozenset(anaphors["leading_lemmas"])
        self.stint_nouns = frozenset(anaphors["stint_nouns"])
        self.succession_lemmas = frozenset(anaphors["succession_lemmas"])
        self.oversight_lemmas = frozenset(anaphors["oversight_lemmas"])
        self.equity_nouns = frozenset(anaphors["equity_nouns"])
        self.participation_nouns = frozenset(anaphors["participation_nouns"])
        self.participation_lemmas = frozenset(anaphors["participation_lemmas"])
        self.stint_time_nouns = frozenset(anaphors["stint_time_nouns"])
        self.version_words = frozenset(anaphors["version_words"])
        self.kind_after_name_nouns = frozenset(anaphors["kind_after_name_nouns"])
        self.place_verbs = frozenset(anaphors["place_verbs"])
        self.place_title_heads = frozenset(anaphors["place_title_heads"])
        self.membership_words = frozenset(anaphors["membership_words"])
        self.unsplit_words = tuple(anaphors["unsplit_words"])
        self.job_qualifiers = frozenset(anaphors["job_qualifiers"])
        self.role_nouns = frozenset(anaphors["role_nouns"])
        self.degree_words = frozenset(anaphors["degree_words"])
        self._honorific = re.compile(
            r"^(?:%s)\s+" % "|".join(re.escape(h) for h in sorted(gazetteer.honorifics, key=len, reverse=True)),
            re.IGNORECASE,
        ) if gazetteer.honorifics else None

    # names ----------------------------------------------------------------------

    def lookup(self, text: str) -> NameRecord | None:
        """The organisation or product a name (or alias) denotes, if known."""
        key = collapse_key(text)
        if key not in self._lookups:
            self._lookups[key] = _lookup(self.gazetteer, key)
        return self._lookups[key]

    def maker_in_reach(self, record: NameRecord, surface: str, text: str) -> bool:
        """Whether a listed product's name as written in ``text`` can be that product:
        it is more than a model code of three characters, which many makers use
        ("Xpeng P7", "H100", "Snapdragon 8295"), or the text names the maker.
        "Pexon sells the P7 sedan" is another maker's P7."""
        maker = self.gazetteer.org_index.get(collapse_key(record.maker or "")) if record.label == "PRODUCT" else None
        code = len(surface.split()) == 1 and len(surface) <= 3 and any(ch.isdigit() for ch in surface)
        if maker is None or not code:
            return True
        folded = text.casefold()
        return any(re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", folded) for name in maker.surfaces)

    def product_kind(self, record: NameRecord) -> str | None:
        """What an organisation of this sector usually makes (sectors.jsonl)."""
        return self.gazetteer.product_kind_of_sector(record.sector)

    def same_business(self, record: NameRecord) -> NameRecord:
        """A listed "Acme Motors" that is Acme's own business under an industry name is Acme.

        Only when the parent's name begins the name and the suffix names the
        parent's own sector: a phone maker's "... Auto" stays a business of its own.
        """
        if record.type != "Organization" or not record.parent:
            return record
        parent = self.lookup(record.parent)
        if parent is None or not collapse_key(record.name).startswith(collapse_key(parent.name)):
            return record
        tail = record.name.split()[len(parent.name.split()):]
        if tail and all(self.suffix_meaning(w) in ("legal", "industry") for w in tail):
            sectors = {self.suffix_sector(w) for w in tail} - {None}
            if not sectors or sectors == {parent.sector}:
                return parent
        return record

    def surfaces(self):
        """(surface form, label) of every gazetteer name and alias."""
        for record in self.gazetteer.organizations:
            for surface in (record.name, *record.aliases):
                yield surface, "ORG"
        for record in self.gazetteer.products:
            for surface in (record.name, *record.aliases):
                yield surface, "PRODUCT"

    @property
    def product_shapes(self) -> list[dict]:
        return list(self.gazetteer.product_shapes)

    def strip_honorific(self, text: str) -> str:
        text = " ".join(text.split())
        if self._honorific is None:
            return text
        return self._honorific.sub("", text)

    # suffixes -------------------------------------------------------------------

    def suffix_for(self, doc, i: int) -> tuple[int, str | None] | None:
        """An organisational suffix starting at token ``i``: (its length, kind of org it makes)."""
        for length in (3, 2, 1):
            if i + length > len(doc):
                continue
            words = doc[i:i + length].text
            if not all(t.text[:1].isupper() or t.text[:1] == "&" for t in doc[i:i + length]):
                continue
            suffix = self.gazetteer.suffix(words)
            if suffix is not None:
                return length, suffix.kind
        return None

    def is_suffix_word(self, word: str) -> bool:
        return self.gazetteer.suffix(word) is not None

    def division_suffix_length(self, words: list[str]) -> int:
        """How many trailing words name a part of an organisation ("Research Institute")."""
        for length in (3, 2, 1):
            if length < len(words) and " ".join(words[-length:]).lower() in self.part_suffixes:
                return length
        return 0

    def suffix_meaning(self, word: str) -> str | None:
        suffix = self.gazetteer.suffix(word)
        return suffix.meaning if suffix else None

    def suffix_sector(self, word: str) -> str | None:
        suffix = self.gazetteer.suffix(word)
        return suffix.sector if suffix else None

    # anaphora -------------------------------------------------------------------

    def anaphor_type(self, token: Token) -> str | None:
        lower = token.lower_
        if token.pos_ == "PRON" or token.tag_ in ("PRP", "PRP$"):
            if lower in self.person_pronouns:
                return "PERSON"
            if lower in self.org_pronouns:
                # A non-subject "it" mostly means a situation ("criticized it").
                if lower == "it" and token.dep_ not in ("nsubj", "nsubjpass"):
                    return None
                # A subject "it" is a company or a product, whichever the text is about.
                return "ORG|PRODUCT" if lower == "it" else "ORG"
        return None

    def anaphor_noun_type(self, token: Token) -> str | None:
        lemma = token.lemma_.lower()
        if lemma in self.person_nouns:
            return "PERSON"
        if lemma in self.org_nouns:
            return "ORG"
        return None

    def noun_type(self, word: str) -> str | None:
        """PRODUCT or ORG for a word that names a kind of product or organisation."""
        if word in self.product_nouns:
            return "PRODUCT"
        if word in self.org_nouns:
            return "ORG"
        return None

    def listing_noun(self, member: Token) -> Token | None:
        """The noun whose examples a name is listed as: "cars such as X and Y",
        "its brands, including X", "rivals like X", "its brands include X"."""
        while member.dep_ == "conj":
            member = member.head
        prep = member.head
        if member.dep_ == "dobj" and prep.lemma_.lower() in self.inclusion_verbs:
            # "its brands include X and Y"
            noun = next((c for c in prep.children if c.dep_ == "nsubj"), None)
            return noun if noun is not None and noun.pos_ == "NOUN" else None
        if member.dep_ != "pobj" or prep.dep_ != "prep":
            return None
        if prep.lower_ in self.inclusion_words or (prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)):
            noun = prep.head
            return noun if noun.pos_ == "NOUN" else None
        return None

    def apposition_type(self, noun: Token) -> str | None:
        """What an appositive common noun says a name is: "a startup" -> ORG, "the SUV" -> PRODUCT."""
        lemma = noun.lemma_.lower() if noun.pos_ == "NOUN" else noun.lower_
        if lemma in self.product_nouns:
            return "PRODUCT"
        if lemma in self.org_nouns:
            return "ORG"
        return None

    # triggers -------------------------------------------------------------------

    def verb_triggers(self, token: Token) -> list[Trigger]:
        if token.pos_ not in ("VERB", "AUX") and not token.tag_.startswith("VB") and not (
            token.pos_ == "NOUN" and token.dep_ == "ROOT"
        ):
            return []  # participles used as adjectives ("Acme-owned") keep a VB* tag
        found = []
        for rest, trigger in self._verbs.get(self._verb_lemma(token), ()):
            if rest and not _has_particles(token, rest):
                continue
            if trigger.requires_dobj and not any(
                c.dep_ == "dobj" and c.lemma_.lower() in trigger.requires_dobj for c in token.children
            ):
                continue
            if trigger.requires_advmod and not any(
                c.dep_ == "advmod" and c.lower_ in trigger.requires_advmod for c in token.children
            ):
                continue
            found.append(trigger)
        return found

    def _verb_lemma(self, token: Token) -> str:
        """The lemma, or for a verb the lemmatizer does not know ("rebranded" ->
        "rebrande") its stem without the inflection."""
        lemma = token.lemma_.lower()
        lower = token.lower_
        if lower in self._verbs and token.i > 0 and token.doc[token.i - 1].lower_ == "to":
            return lower  # "to found Acme": an infinitive, not the past of "find"
        if lemma in self._verbs:
            return lemma
        for ending in ("ed", "ing", "s"):  # (only an inflection: "startup" is no form of "start")
            if lower.endswith(ending) and len(lower) > len(ending) + 2 and lower[:-len(ending)] in self._verbs:
                return lower[:-len(ending)]
        return lemma

    def noun_triggers(self, token: Token) -> list[Trigger]:
        if token.pos_ not in ("NOUN", "PROPN"):
            return []
        found = []
        for before, trigger in self._nouns.get(token.lemma_.lower(), []) + self._nouns.get(token.lower_, []):
            if not before or all(any(c.lower_ == w for c in token.children) for w in before):
                if trigger not in found:
                    found.append(trigger)
        return found

    def relational_nouns(self, token: Token) -> list[RelationalNoun]:
        # (a plural the tagger took for a verb where only a noun goes: "former Acme engineers X")
        misread = (token.tag_ == "VBZ" and token.dep_ in ("compound", "nmod", "appos", "pobj")) or (
            # "former Acme executive Roe": the tagger reads "executive" as an adjective of the name
            token.pos_ == "ADJ" and token.dep_ == "amod" and token.head.ent_type_ == "PERSON" and token.head.i > token.i)
        if (token.pos_ not in ("NOUN", "PROPN") and not misread) or token.ent_type_ in ("PERSON", "ORG", "PRODUCT"):
            return []
        found = []
        for before, entry in self._relational.get(token.lemma_.lower(), []) + self._relational.get(token.lower_, []):
            if before and not all(any(c.lower_ == w for c in token.children) for w in before):
                continue
            if entry not in found:
                found.append(entry)
        return found

    def is_creation_lemma(self, token: Token) -> bool:
        return token.lemma_.lower() in self.creation_lemmas

    # titles ---------------------------------------------------------------------

    def is_function(self, text: str) -> bool:
        """A business function, department or region of title_functions.txt, in any case."""
        return text.lower() in self._functions

    def is_title_word(self, token: Token) -> bool:
        """A word of a title phrase, "Public Relations Director" included."""
        return self.gazetteer.is_title_word(token.text) or token.lower_ in self.department_words

    def department_words_at(self, words: list[str]) -> int:
        """How many of the trailing ``words`` name a department ("Public Relations")."""
        n = 0
        while n < len(words) and words[len(words) - 1 - n].lower() in self.department_words:
            n += 1
        return n

    def is_title_token(self, token: Token) -> bool:
        """The head word of a job title ("director", "CEO", "founder", "reporter")."""
        # (a hyphenated title the tokenizer keeps whole may be tagged a verb: "Acme co-founder Roe")
        misread = token.pos_ == "VERB" and "-" in token.text and self.gazetteer.is_title_head(token.text)
        if token.pos_ not in ("NOUN", "PROPN") and not misread:
            return False
        if token.lower_ in self.non_job_titles or token.lemma_.lower() in self.non_job_titles:
            return any(c.lower_ in self.job_qualifiers for c in token.children)
        if self.gazetteer.is_title_head(token.text):
            return True
        return self.is_founder_title(token)

    def place_can_hold(self, title: Token) -> bool:
        """Whether a country, region or city can hold this title: "mayor of Leeds",
        "president of France", but not "chief financial officer of X"."""
        if title.lower_ in self.place_title_heads or title.lemma_.lower() in self.place_title_heads:
            return True
        start = min([c.i for c in title.lefts if c.dep_ in ("amod", "compound")] + [title.i])
        record = self.gazetteer.title(title.doc[start:title.i + 1].text) or self.gazetteer.title(title.text)
        return record is None or record.rank == "official"

    def title_rank(self, title: Token) -> str | None:
        """The rank (titles.jsonl) of the title a word ends: "executive" for "chief executive"."""
        doc = title.doc
        start = min([c.i for c in title.lefts if c.dep_ in ("amod", "compound")] + [title.i])
        if start == title.i and title.i > 0 and self.is_title_word(doc[title.i - 1]):
            start = title.i - 1  # "chief executive Erik Lund": both words hang on the name
        record = self.gazetteer.title(doc[start:title.i + 1].text) or self.gazetteer.title(title.text)
        return record.rank if record is not None else None

    def only_organisations_have(self, title: Token) -> bool:
        """Whether only an organisation has this title: "its chief executive", "the
        chairman", "a co-founder" (a person has an adviser or a chief of staff)."""
        return self.title_rank(title) in ORGANISATION_RANKS

    def is_person_word(self, token: Token) -> bool:
        """A common noun for people ("engineers", "executives", "CEO"), whatever the
        tagger made of it: the small model reads "Acme engineers X" as a verb."""
        lemma = token.lemma_.lower()
        # (as a verb, only a plural's shape: "engineers", not "led" for "lead")
        misread = token.tag_ == "VBZ" and token.lower_.endswith("s")
        return (token.pos_ in ("NOUN", "PROPN") or misread) and (
            lemma in self.person_nouns or token.lower_ in self.person_nouns
            or self.gazetteer.is_title_head(token.text) or self.gazetteer.is_title_head(lemma))

    def is_founder_title(self, token: Token) -> bool:
        if self.gazetteer.is_founder_title(token.text):
            return True
        if token.tag_ == "NNS" and self.gazetteer.is_founder_title(token.lemma_):
            return True  # "Acme's co-founders, Mori and Sato"
        # "one of the founding team(s)/members of X"
        return token.lemma_.lower() in ("team", "member") and any(c.lower_ in ("founding", "co-founding") for c in token.children)

    def is_role_head(self, token: Token) -> bool:
        """Titles that name their field with "of": "head of design", "director of research"."""
        return self.gazetteer.takes_of_field(token.text)

    def is_former(self, token: Token) -> bool:
        """"former CEO", "ex-CEO", "X, formerly CEO of Y"."""
        if token.lower_.startswith("ex-") or any(c.lower_ in self.former_words for c in token.children):
            return True
        # "formerly chief technology officer": the adverb may hang on a word of the title;
        # "Former Acme chief executive Roe": the adjective on the employer's name
        if any(t.lower_ in self.former_words and t.dep_ in ("advmod", "amod", "compound") for t in token.subtree if t.i < token.i):
            return True
        head = token.head
        return head != token and token.dep_ in ("attr", "appos") and any(
            c.dep_ == "advmod" and c.lower_ in self.former_words for c in head.children
        )

    def is_leaving(self, verb: Token) -> bool:
        """"left", "quit", "stepped down" (the particle counts: "stepped in" is no leaving)."""
        lemma = verb.lemma_.lower()
        # The small parser tags the particle of "stepped down" as an adverb as often as not.
        if any(f"{lemma} {c.lower_}" in self.leaving_lemmas for c in verb.children if c.dep_ in ("prt", "advmod")):
            return True
        return lemma in self.leaving_lemmas and not any(c.dep_ == "prt" for c in verb.children)

    def is_abandoning(self, token: Token) -> bool:
        """"dropped", "called off", "walked away", "failed": a deal that does not happen."""
        lemma = token.lemma_.lower()
        if any(f"{lemma} {c.lower_}" in self.abandon_lemmas for c in token.children if c.dep_ in ("prt", "advmod", "prep")):
            return True
        return lemma in self.abandon_lemmas or token.lower_ in self.abandon_lemmas

    def is_becoming(self, verb: Token) -> bool:
        """"became", "was named", "was promoted" (but not "stepped down")."""
        return verb.lemma_.lower() in self.becoming_lemmas and not self.is_leaving(verb)

    def is_org_part_noun(self, token: Token) -> bool:
        """"department", "team", "unit": a part of the organisation that owns it."""
        return token.lemma_.lower() in self.org_part_nouns or token.lower_ in self.org_part_nouns

    def maker_prefix(self, product: Span, org_keys: set[str]) -> Span | None:
        """The organisation whose name begins a product's name ("Acme Model 5"),
        as a span labelled ORG over those words."""
        doc = product.doc
        for length in range(len(product) - 1, 0, -1):
            head = doc[product.start:product.start + length]
            record = self.lookup(head.text)
            if (record is not None and record.type == "Organization") or f"ORG:{collapse_key(head.text)}" in org_keys:
                return Span(doc, head.start, head.end, label="ORG")
        return None

    def org_key(self, text: str) -> str:
        """The document key of an organisation named ``text`` (see the coreference component)."""
        record = self.lookup(text)
        if record is not None and record.type == "Organization":
            return f"ORG:{collapse_key(self.same_business(record).name)}"
        return f"ORG:{collapse_key(text)}"


def _has_particles(token: Token, words: tuple[str, ...]) -> bool:
    children = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "dobj", "advmod", "compound:prt")}
    return all(w in children for w in words)


def _lookup(gazetteer: Gazetteer, key: str) -> NameRecord | None:
    org = gazetteer.organization(key)
    if org is not None:
        return NameRecord(org.name, "Organization", org.kind, org.sector, None, org.ambiguous, org.parent)
    product = gazetteer.product(key)
    if product is not None:
        return NameRecord(product.name, "Product", product.kind, None, product.maker, product.ambiguous)
    return None


@lru_cache(maxsize=4)
def load_lexicon(patterns_dir: str | None = None) -> Lexicon:
    folder = Path(patterns_dir) if patterns_dir else PATTERNS_DIR
    gazetteer = load_gazetteer(folder)
    triggers = [_trigger(line, folder / "relations.jsonl", n, Trigger) for n, line in _lines(folder / "relations.jsonl")]
    relational = [
        _trigger(line, folder / "relational_nouns.jsonl", n, RelationalNoun)
        for n, line in _lines(folder / "relational_nouns.jsonl")
    ]
    anaphors_path = folder / "grammar_words.json"
    try:
        anaphors = json.loads(anaphors_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise InputError(f"{anaphors_path}: cannot read the anaphora word lists ({error})") from None
    return Lexicon(gazetteer, triggers, anaphors, relational)


def _lines(path: Path):
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield n, line


def _trigger(line: str, path: Path, n: int, record_type):
    try:
        data = json.loads(line)
        tuples = {k: tuple(v) for k, v in data.items() if isinstance(v, list)}
        scalars = {k: v for k, v in data.items() if not isinstance(v, list)}
        return record_type(**scalars, **tuples)
    except (json.JSONDecodeError, TypeError) as error:
        raise InputError(f"{path}:{n}: not a valid entry ({error})") from None
