"""Within-document aliases and coreference.

Each entity mention gets a document-level key naming the thing it means:
"Mr. Smith" and "Smith" mean the one "John Smith" of the document; a
misspelling one edit away from a more frequent full name means that name;
"Acme Motors" means "Acme" unless the gazetteer knows Acme as a company of
another industry (then "Acme Motors" is its own organisation, a division);
"Acme Technology Co. Ltd." means the "Acme" the document also names, and
"Chongqing Acme Automobile Co. Ltd." the gazetteer's "Acme Automobile".
Pronouns ("he", "his", "its") point at the last fitting antecedent. A
definite company noun ("the company", "the start-up") points at the
organisation the nearby text is about: the nearest one that was a subject
(named, or a resolved "it"), else the nearest one the text already referred
to by a pronoun or such a noun, else the nearest one. Resolved pronouns and
nouns are mentions of their organisation for what follows, so "Acme was
founded in 2016. ... Roe advises the start-up. Its CEO ..." is Acme's CEO
although other companies were named in between.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from rapidfuzz.distance import Levenshtein
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extract.extensions import register_extensions, span_key
from extract.lexicon import Lexicon, load_lexicon
from extract.names import collapse_key, spells_abbreviation
from extract.syntax import speaker_phrase

# How far back (in sentences) a pronoun may look for its antecedent.
PRONOUN_WINDOW = 3
# How far back "the company" may look for the nearest organisation, and for one
# that was a subject (which it prefers).
NOUN_WINDOW = 2
NOUN_SUBJECT_WINDOW = 3
# Kinds of organisation that "the company" never means.
NON_BUSINESS_KINDS = ("university", "institute", "government", "media")
SUBJECTS = ("nsubj", "nsubjpass")
# Marks an organisation that is the other-industry business of a known company.
DIVISION_MARK = "|"
# Marks the industry of a company the gazetteer does not know, named with an
# industry ending: "Halden Motors" in one article and "Halden Capital" in another
# are two companies, though each article may call its own one "Halden".
SECTOR_MARK = "~"


@Language.factory(
    "corpgraph_coref",
    assigns=["doc._.mention_keys", "doc._.antecedents"],
    requires=["doc.ents", "token.dep", "doc.sents"],
    default_config={"gazetteer_dir": None},
)
def make_coref(nlp: Language, name: str, gazetteer_dir: str | None) -> "Coreference":
    return Coreference(name, load_lexicon(gazetteer_dir))


class Coreference:
    def __init__(self, name: str, lexicon: Lexicon) -> None:
        register_extensions()
        self.name = name
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        keys = {}
        keys.update(self._person_keys(doc))
        keys.update(self._named_keys(doc, "ORG"))
        keys.update(self._named_keys(doc, "PRODUCT"))
        doc._.mention_keys = keys
        doc._.antecedents, doc._.noun_antecedents = self._anaphora(doc)
        return doc

    # people -----------------------------------------------------------------

    def _person_keys(self, doc: Doc) -> dict[str, str]:
        mentions = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        names = [self.lexicon.strip_honorific(ent.text) for ent in mentions]
        full_counts = Counter(name for name in names if len(name.split()) >= 2)
        canonical: dict[str, str] = {}
        # Full names, most frequent first, absorb near-identical spellings.
        for name, _ in full_counts.most_common():
            target = name
            for known in canonical.values():
                if same_person(name, known):
                    target = known
                    break
            canonical[name] = target
        # "Bayo Roe" and "Adebayo Roe" in one text: the short given name is a
        # familiar form of the long one, which names the person.
        formal = {}
        full_names = set(canonical.values())
        for short in full_names:
            longer = [n for n in full_names if n != short and familiar_form(short, n)]
            if len(longer) == 1:
                formal[short] = longer[0]
        canonical = {name: formal.get(target, target) for name, target in canonical.items()}
        keys = {}
        for ent, name in zip(mentions, names):
            if name not in canonical:
                # A single name ("Lei", "Mr. Smith") means the one full name that contains it.
                matches = {c for n, c in canonical.items() if name and name in n.split()}
                name = matches.pop() if len(matches) == 1 else name
            keys[span_key(ent)] = entity_key("PERSON", canonical.get(name, name))
        return keys

    # organisations and products -----------------------------------------------

    def _named_keys(self, doc: Doc, label: str) -> dict[str, str]:
        mentions = [ent for ent in doc.ents if ent.label_ == label]
        known = {collapse_key(ent.text) for ent in mentions}
        renamed = self._rename_parties(doc, known) if label == "ORG" else set()
        mixed = self._bases_of_two_industries(mentions) if label == "ORG" else set()
        keys = {}
        for ent in mentions:
            record = self.lexicon.lookup(ent.text)
            if record is not None and record.label == label and self.lexicon.maker_in_reach(record, ent.text, doc.text):
                group = collapse_key(self.lexicon.same_business(record).name)
            elif label == "ORG" and collapse_key(ent.text) in renamed:
                group = collapse_key(ent.text)
            elif label == "ORG":
                group = self._org_base(ent, known, mixed)
            else:
                group = collapse_key(ent.text)
            keys[span_key(ent)] = f"{label}:{group}"
        if label == "PRODUCT":
            # "the Xiaomi SU7 ... the SU7": a product named without its maker is the
            # one product of the document whose name is the maker's and this
            orgs = set()
            for org in (e for e in doc.ents if e.label_ == "ORG"):
                words = org.text.split()
                orgs.add(collapse_key(org.text))
                while len(words) > 1 and self.lexicon.is_suffix_word(words[-1]):
                    words = words[:-1]
                    orgs.add(collapse_key(" ".join(words)))  # "Tovani Motors ... the Tovani Z7"
            for ent in mentions:
                words = ent.text.split()
                longer = {keys[span_key(other)] for other in mentions
                          if len(other.text.split()) > len(words) and other.text.split()[-len(words):] == words
                          and self._names_maker(" ".join(other.text.split()[:-len(words)]), orgs)}
                if len(longer) == 1:
                    keys[span_key(ent)] = next(iter(longer))
        if label == "ORG":
            # "Halden Motors ... Halden said": the bare base is the one company of an
            # industry the document names with it
            bases = sector_of_base(keys.values())
            for span, key in keys.items():
                keys[span] = bases.get(key, key)
            for short, full in self._abbreviated(doc, mentions).items():
                for ent in mentions:
                    if collapse_key(ent.text) == short:
                        keys[span_key(ent)] = keys[span_key(full)]
        return keys

    def _names_maker(self, text: str, orgs: set[str]) -> bool:
        """Whether words before a product's name name an organisation (its maker)."""
        record = self.lexicon.lookup(text)
        return (record is not None and record.label == "ORG") or collapse_key(text) in orgs

    def _rename_parties(self, doc: Doc, known: set[str]) -> set[str]:
        """Names a renaming links that would otherwise be read as one name with an
        ending ("X was renamed X Mobility"), collapsed: two entities joined by
        RENAMED_TO, not one, so they are not merged. Other parties keep the key
        any other document gives them ("Acme renamed it X": Acme Motors is Acme)."""
        parties = {}
        for verb in doc:
            if not any(t.predicate == "RENAMED_TO" for t in self.lexicon.verb_triggers(verb)):
                continue
            near = {verb.i} | {c.i for c in verb.children} | {g.i for c in verb.children for g in c.children}
            if verb.dep_ in ("acl", "relcl"):
                near.add(verb.head.i)  # "X, formerly known as Y"
            parties.update({collapse_key(ent.text): ent for ent in doc.ents if ent.label_ == "ORG" and ent.root.i in near})
        bases = {key: self._org_base(ent, known).split(SECTOR_MARK)[0] for key, ent in parties.items()}
        return {key for key, base in bases.items()
                if any(other != key and (base == other_base or base == other) for other, other_base in bases.items())}

    def _abbreviated(self, doc: Doc, mentions: list[Span]) -> dict[str, Span]:
        """"Global Widget Partners (GWP)": the bracketed abbreviation, spelled by the
        capitals of the name just before it, means that organisation throughout
        the document. Keyed by the abbreviation's collapsed form."""
        by_start = {ent.start: ent for ent in mentions}
        found: dict[str, Span] = {}
        for full in mentions:
            short = by_start.get(full.end + 1)
            if short is None or doc[full.end].text != "(" or short.end >= len(doc) or doc[short.end].text != ")":
                continue
            if self.lexicon.lookup(short.text) is not None or not spells_abbreviation(short.text, full.text):
                continue
            found.setdefault(collapse_key(short.text), full)
        return found

    def _bases_of_two_industries(self, mentions: list[Span]) -> set[str]:
        """Names the document gives two industry endings of different sectors:
        "Pexon Motors" and its venture arm "Pexon Capital" are two companies."""
        sectors: dict[str, set[str]] = {}
        for ent in mentions:
            words = ent.text.split()
            sector = self.lexicon.suffix_sector(words[-1]) if len(words) >= 2 else None
            if sector is not None:
                sectors.setdefault(collapse_key(" ".join(words[:-1])), set()).add(sector)
        return {base for base, found in sectors.items() if len(found) > 1}

    def _org_base(self, ent: Span, known: set[str], mixed: frozenset[str] | set[str] = frozenset()) -> str:
        """The collapsed key of the organisation this name means (see the module doc)."""
        return self._org_base_of(ent.text, known, mixed)

    def _org_base_of(self, text: str, known: set[str], mixed: frozenset[str] | set[str]) -> str:
        words = text.split()
        # "Avatar Technology Co. Ltd." beside "Avatar": however many endings are
        # cut, a name the gazetteer or this document knows on its own is meant.
        for cut in range(len(words) - 1, 0, -1):
            if not all(self.lexicon.is_suffix_word(w) for w in words[cut:]):
                break
            base = " ".join(words[:cut])
            record = self.lexicon.lookup(base)
            legal = {self.lexicon.suffix_meaning(w) for w in words[cut:]} <= {"legal"}
            if record is not None and record.label == "ORG" and legal:
                return collapse_key(self.lexicon.same_business(record).name)
            # (an industry ending of a company the gazetteer knows may name a
            # division of it: left to the rules below)
            if collapse_key(base) in known and (legal or record is None):
                # (what that name itself means: "Acme Chips Inc" beside "Acme Chips", which is Acme)
                return self._org_base_of(base, known, mixed) if legal else self._of_sector(base, words[cut:])
        if len(words) >= 3 and words[0][:1].isupper():
            # "Chongqing Acme Automobile Co. Ltd.": a place before a name the
            # gazetteer knows in two words or more is that organisation.
            record = self.lexicon.lookup(" ".join(words[1:]))
            if record is None:
                rest = words[1:]
                while len(rest) > 2 and self.lexicon.is_suffix_word(rest[-1]) and self.lexicon.suffix_meaning(rest[-1]) == "legal":
                    rest = rest[:-1]
                record = self.lexicon.lookup(" ".join(rest))
            if record is not None and record.label == "ORG" and len(record.name.split()) >= 2 \
                    and collapse_key(words[0]) not in {collapse_key(w) for w in record.name.split()}:
                return collapse_key(self.lexicon.same_business(record).name)
        for cut in range(len(words) - 1, 0, -1):
            tail = words[cut:]
            if not all(self.lexicon.is_suffix_word(w) for w in tail):
                break
            base = " ".join(words[:cut])
            meanings = {self.lexicon.suffix_meaning(w) for w in tail}
            if meanings <= {"legal"}:
                # "Acme Group" is Acme, under the name the gazetteer gives it
                record = self.lexicon.lookup(base)
                if record is not None and record.label == "ORG":
                    return collapse_key(self.lexicon.same_business(record).name)
                return collapse_key(base)
            if meanings <= {"legal", "industry"}:
                record = self.lexicon.lookup(base)
                industry = {self.lexicon.suffix_sector(w) for w in tail} - {None}
                if record is not None and record.sector and industry and record.sector not in industry:
                    # "Phonemaker Auto": the car business of a company of another
                    # industry is an organisation of its own.
                    return collapse_key(record.name) + DIVISION_MARK + "/".join(sorted(industry))
                if record is not None:
                    return collapse_key(record.name)
                if collapse_key(base) in mixed:
                    return collapse_key(text)
                # "Acme Motors" and "Acme Auto" are one Acme (of its industry).
                return self._of_sector(base, tail)
        return collapse_key(text)

    def _of_sector(self, base: str, endings: list[str]) -> str:
        """The key of a name the gazetteer does not know, by its base and the
        industry its endings name (``SECTOR_MARK``)."""
        sectors = sorted({self.lexicon.suffix_sector(w) for w in endings} - {None})
        return collapse_key(base) + (SECTOR_MARK + "/".join(sectors) if sectors else "")

    # pronouns ------------------------------------------------------------------

    def _anaphora(self, doc: Doc) -> tuple[dict[int, str], dict[int, str]]:
        """The antecedents of pronouns, and of definite company nouns."""
        antecedents: dict[int, str] = {}
        noun_antecedents: dict[int, str] = {}
        sentences = list(doc.sents)
        sent_index = {}
        for n, sent in enumerate(sentences):
            for token in sent:
                sent_index[token.i] = n
        kinds = doc._.entity_kinds or {}
        # (where it is mentioned, what is meant): a name means itself; a resolved
        # "it" or "the company" means its organisation.
        history: list[tuple[Span, Span]] = []
        ents = [ent for ent in doc.ents if ent.label_ in ("PERSON", "ORG", "PRODUCT")]
        ents_by_start = {ent.start: ent for ent in ents}
        named_tokens = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        for token in doc:
            ent = ents_by_start.get(token.i)
            if ent is not None:
                history.append((ent, ent))
                continue
            here = sent_index[token.i]
            wanted = self.lexicon.anaphor_type(token)
            if wanted is None:
                if token.i not in named_tokens and self._company_noun(token, named_tokens):
                    meant = self._noun_antecedent(token, history, sent_index, kinds)
                    if meant is not None:
                        noun_antecedents[token.i] = span_key(meant)
                        history.append((doc[token.i:token.i + 1], meant))
                continue
            # "X, its joint venture": a possessive inside an apposition of X is not X
            appositive_of = token.head.head if token.head.dep_ == "appos" else None
            candidates = [
                (p, meant) for p, meant in reversed(history)
                if meant.label_ in wanted.split("|") and here - sent_index[p.start] <= PRONOUN_WINDOW
                and not (appositive_of is not None and p.start <= appositive_of.i < p.end)
                and not (sent_index[p.start] == here and _in_background_clause(p, token)
                         and not self._founded_by_clause(p))
            ]
            if wanted == "PERSON" and candidates:
                # "Roe is the son of Smith. He ...": of the people the nearest
                # sentence names, the one it is about (the subject of its main
                # clause) is meant. Not so in "It was only when Roe hired
                # Smith that ...": Roe is the subject of a subordinate clause.
                nearest = sent_index[candidates[0][0].start]
                subjects = [(p, meant) for p, meant in candidates if sent_index[p.start] == nearest
                            and p.root.dep_ in SUBJECTS and p.root.head.dep_ == "ROOT"]
                candidates = subjects or candidates
            if wanted != "PERSON" and candidates and sent_index[candidates[0][0].start] != here:
                # "Halvorsen, which acquired Kvikk in 2021, ... Its largest shareholder":
                # of what the nearest earlier sentence names, a name in one of its
                # relative clauses or appositions is background, not what "its" means
                nearest = sent_index[candidates[0][0].start]
                main = [(p, meant) for p, meant in candidates
                        if sent_index[p.start] == nearest and not _in_background_clause(p, token)]
                # ... and the one it is about is its subject ("Acme kept a stake in Globex. Its rival ...")
                main = [c for c in main if c[0].root.dep_ in SUBJECTS] + [c for c in main if c[0].root.dep_ not in SUBJECTS]
                candidates = main + [c for c in candidates if c not in main]
            if wanted != "PERSON":
                candidates = self._by_clause_subject(token, candidates)
            if token.lower_ == "it":
                # A subject "it" mostly continues the organisation the text is
                # about: prefer one that was a subject.
                subjects = [(p, meant) for p, meant in candidates if p.root.dep_ in SUBJECTS]
                candidates = subjects or candidates
            if candidates:
                meant = candidates[0][1]
                antecedents[token.i] = span_key(meant)
                # a resolved pronoun is a mention: a profile goes on saying
                # "he" for paragraphs after it last named him
                history.append((doc[token.i:token.i + 1], meant))
        return antecedents, noun_antecedents

    def _by_clause_subject(self, pronoun: Token, candidates: list[tuple[Span, Span]]) -> list[tuple[Span, Span]]:
        """"Acme counts X among its investors", "Acme hired Roe as its CFO": a
        possessive in a phrase of the verb is the subject's. "X and Y are among
        its investors", "X is its largest backer": after a copula it is not."""
        noun = pronoun.head
        if pronoun.dep_ != "poss" or noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            return candidates
        verb = noun.head.head
        if verb.pos_ == "NOUN" and verb.dep_ == "dobj":
            verb = verb.head  # "uses Nvidia's chips in its sedan": "in" hangs on the object
        if verb.pos_ not in ("VERB", "AUX"):
            return candidates
        # the doer: the subject, or a passive verb's agent ("poached by X as its CTO")
        doers = [c for c in verb.children if c.dep_ == "nsubj"]
        doers += [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        if any(c.dep_ == "nsubjpass" for c in verb.children) and not doers:
            return candidates
        # ("The startup, Acme, counts ...": the name in apposition to the subject)
        subjects = {t.i for c in doers for t in [c, *(x for x in c.children if x.dep_ in ("conj", "appos"))]}
        if not subjects:
            return candidates
        said_by = [(p, meant) for p, meant in candidates if p.root.i in subjects]
        if verb.lemma_.lower() in self.lexicon.copula_lemmas:
            return [(p, meant) for p, meant in candidates if (p, meant) not in said_by]
        return said_by or candidates

    def _founded_by_clause(self, name: Span) -> bool:
        """"Roe, who co-founded Acme in 2011, stepped down as its chief": the company
        a clause says its subject founded is theirs, and what "its" goes on to mean."""
        verb = name.root.head
        return name.root.dep_ in ("dobj", "nsubjpass") and verb.dep_ == "relcl" and any(
            trigger.predicate == "FOUNDED" for trigger in self.lexicon.verb_triggers(verb))

    def _company_noun(self, token: Token, named_tokens: set[int]) -> bool:
        """"the company", "this start-up": not "the Acme unit", "Acme's company",
        "X, the company" or "X is the company", which name what they mean."""
        if not common_noun(token) or self.lexicon.anaphor_noun_type(token) != "ORG" or not is_definite(token):
            return False
        if token.dep_ in ("appos", "attr"):
            return False
        return not any(child.dep_ in ("poss", "compound", "nmod", "appos") or child.i in named_tokens
                       for child in token.children)

    def _noun_antecedent(self, noun: Token, history: list[tuple[Span, Span]], sent_index: dict[int, int],
                         kinds: dict[str, str]) -> Span | None:
        here = sent_index[noun.i]
        candidates = [
            (p, meant) for p, meant in reversed(history)
            if meant.label_ == "ORG" and here - sent_index[p.start] <= NOUN_SUBJECT_WINDOW
            and not other_kind(self.lexicon, kinds, noun, meant)
        ]
        if any(c.dep_ == "amod" and c.lower_ in self.lexicon.new_words for c in noun.children) \
                and len({span_key(meant) for p, meant in candidates if here - sent_index[p.start] <= NOUN_WINDOW}) > 1:
            return None  # "WarnerMedia and Discovery ... The new company will be led by": neither of them
        # "Acme chief executive Roe said the deal would help the company": the
        # company of the one who says it
        speaker = speaker_phrase(noun)
        spoken_for = {span_key(meant): meant for p, meant in candidates if speaker is not None
                      and speaker.start <= p.start and p.end <= speaker.end}
        if len(spoken_for) == 1:
            return next(iter(spoken_for.values()))
        for p, meant in candidates:
            if p.root.dep_ in SUBJECTS:
                return meant
        # One the text already refers to as "it" or "the company" is what it is
        # about; a company only named ("was Globex's architect") is background.
        referred = {span_key(meant) for p, meant in candidates if p is not meant}
        for p, meant in candidates:
            if span_key(meant) in referred:
                return meant
        for p, meant in candidates:
            if here - sent_index[p.start] <= NOUN_WINDOW:
                return meant
        return None


def sector_of_base(keys: Iterable[str]) -> dict[str, str]:
    """Bare keys ("ORG:halden") mapped to the one key of that base with an
    industry (``SECTOR_MARK``) among ``keys``, where there is exactly one."""
    by_base: dict[str, set[str]] = {}
    for key in keys:
        if SECTOR_MARK in key:
            by_base.setdefault(key.split(SECTOR_MARK)[0], set()).add(key)
    return {base: next(iter(found)) for base, found in by_base.items() if len(found) == 1}


def common_noun(token: Token) -> bool:
    """A noun, or one the tagger took for a name but written as a common noun ("SUV",
    "start-up"), not a capitalised word of a name ("Model")."""
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and (token.text.islower() or token.text.isupper()))


def is_definite(token: Token) -> bool:
    """"the company", "such a veteran", "this firm": not "a company"."""
    for child in token.children:
        if child.dep_ in ("det", "predet") and child.lower_ in ("the", "this", "that", "such"):
            return True
    return False


def other_kind(lexicon: Lexicon, kinds: dict[str, str], noun: Token, ent: Span) -> bool:
    """Whether an organisation named before "the company" cannot be what it
    stands for: a university, institute, agency or newspaper, or a name that
    only describes people ("former Acme engineers")."""
    if ent.label_ != "ORG" or not common_noun(noun) or lexicon.anaphor_noun_type(noun) != "ORG":
        return False
    if kinds.get(span_key(ent)) in NON_BUSINESS_KINDS:
        return True
    # "two former Acme engineers": a company that only describes a group of people is
    # not the topic ("Acme co-founder Roe ... left the company" is Acme)
    head = ent.root.head
    if ent.root.dep_ in ("compound", "nmod") and head.tag_ == "NNS" and (
        lexicon.anaphor_noun_type(head) == "PERSON" or lexicon.is_title_token(head)
    ):
        return True
    # "Existing investors X and Y also took part. The company was founded by ...":
    # a company named as another's investor, rival or customer is another party
    root = ent.root
    if any(t.lemma_.lower() in lexicon.party_nouns and t.dep_ in ("nmod", "compound", "appos", "amod")
           for h in (root, root.head) for t in h.children if t.i < ent.start) \
            or (root.dep_ == "appos" and root.head.lemma_.lower() in lexicon.party_nouns):
        return True
    # "Former Acme executive Roe will lead the new venture": a person's former
    # employer is not the new company
    new = any(c.dep_ == "amod" and c.lower_ in lexicon.new_words for c in noun.children)
    return new and ent.root.dep_ in ("compound", "nmod") and lexicon.is_title_token(head) and any(
        t.lower_ in lexicon.former_words for t in head.subtree if t.i < ent.start)


def _in_background_clause(name: Span, pronoun: Token) -> bool:
    """"X, who holds a PhD from Y, is its chief scientist": a name inside a
    relative clause or apposition (of the pronoun's own sentence: the caller
    checks) that does not contain the pronoun is background, not what the
    sentence is about."""
    doc = name.doc
    for ancestor in name.root.ancestors:
        if ancestor.dep_ in ("relcl", "appos"):
            start = ancestor.left_edge.i
            if ancestor.dep_ == "appos" and start > 0 and doc[start - 1].text == "," and name.end <= pronoun.i and any(
                    doc[k].text == "," for k in range(name.end, pronoun.i)):
                # "X, a subsidiary of Y, named Roe as its director": the commas close the
                # apposition before the pronoun, however the parser attached what follows
                return True
            return not start <= pronoun.i <= ancestor.right_edge.i
    return False


def same_person(a: str, b: str) -> bool:
    """Two full names of one person: same first word and at most one edit apart elsewhere.

    >>> same_person("Tom Hanlon", "Tom Hanlan"), same_person("Li Bin", "Li Bing")
    (True, False)
    """
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or wa[0] != wb[0]:
        return False
    rest_a, rest_b = " ".join(wa[1:]), " ".join(wb[1:])
    return Levenshtein.distance(rest_a.lower(), rest_b.lower()) <= 1 and min(len(rest_a), len(rest_b)) >= 4


def familiar_form(short: str, full: str) -> bool:
    """``short`` is ``full`` with its given name cut to a familiar form that is
    the start or the end of it (at least four letters), the rest the same.

    >>> familiar_form("Alex Roe", "Alexander Roe"), familiar_form("Bayo Roe", "Adebayo Roe")
    (True, True)
    >>> familiar_form("Dan Roe", "Daniela Roe"), familiar_form("Alexander Roe", "Alex Roe")
    (False, False)
    """
    ws, wf = short.split(), full.split()
    if len(ws) != len(wf) or len(ws) < 2 or ws[1:] != wf[1:]:
        return False
    given, formal = ws[0].lower(), wf[0].lower()
    return len(given) >= 4 and len(formal) > len(given) and (formal.startswith(given) or formal.endswith(given))


def entity_key(label: str, name: str) -> str:
    """The document-level key of an entity: its label and collapsed name."""
    return f"{label}:{collapse_key(name)}"
