"""The gazetteer data files parse, agree with each other and with the ontology; the loader checks them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import spacy
from spacy.matcher import Matcher
from spacy.util import filter_spans

from corpgraph.errors import InputError
from extract.gazetteer import PATTERNS_DIR, TITLE_RANKS, load_gazetteer
from extract.names import collapse_key
from extract.ontology import ENTITY_KINDS

JSONL_FILES = ("organizations", "products", "titles", "org_suffixes", "product_shapes", "sectors")
TEXT_FILES = ("honorifics.txt", "person_name_particles.txt", "title_functions.txt", "given_names.txt", "places.txt")


def _records(name: str) -> list[dict]:
    lines = (PATTERNS_DIR / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


# the shipped data ------------------------------------------------------------------


@pytest.mark.parametrize("name", JSONL_FILES)
def test_every_line_of_every_jsonl_file_is_one_json_object(name):
    path = PATTERNS_DIR / f"{name}.jsonl"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"{path}:{number} is blank"
        assert isinstance(json.loads(line), dict), f"{path}:{number}"


@pytest.mark.parametrize("name", TEXT_FILES)
def test_word_lists_have_one_entry_a_line_without_stray_spaces(name):
    lines = (PATTERNS_DIR / name).read_text(encoding="utf-8").splitlines()
    assert lines and all(line == line.strip() and line for line in lines)
    assert len(lines) == len(set(lines))


def test_the_gazetteer_is_broad(gazetteer):
    assert len(gazetteer.organizations) >= 800
    assert len(gazetteer.products) >= 200
    assert len(gazetteer.title_names) >= 200
    sectors = {org.sector for org in gazetteer.organizations}
    assert len(sectors) >= 20
    kinds = {org.kind for org in gazetteer.organizations}
    assert kinds == set(ENTITY_KINDS["Organization"])


def test_no_surface_form_names_two_organisations_or_an_organisation_and_a_product():
    owner: dict[str, str] = {}
    for name in ("organizations", "products"):
        for record in _records(name):
            for surface in (record["name"], *record["aliases"]):
                key = collapse_key(surface)
                assert owner.setdefault(key, f"{name}:{record['name']}") == f"{name}:{record['name']}", surface


def test_canonical_names_are_unique():
    for name in ("organizations", "products"):
        names = [record["name"] for record in _records(name)]
        assert len(names) == len(set(names))


def test_kinds_and_sectors_are_from_the_closed_lists():
    sectors = {record["sector"] for record in _records("sectors")}
    for record in _records("organizations"):
        assert record["kind"] in ENTITY_KINDS["Organization"], record
        assert record["sector"] in sectors, record
    for record in _records("products"):
        assert record["kind"] in ENTITY_KINDS["Product"], record
    for record in _records("product_shapes"):
        if "pattern" in record:
            assert record["kind"] in ENTITY_KINDS["Product"], record
    for record in _records("sectors"):
        assert record["product_kind"] in ENTITY_KINDS["Product"]
    for record in _records("titles"):
        assert record["rank"] in TITLE_RANKS


def test_every_maker_parent_and_new_name_is_a_listed_organisation():
    names = {record["name"] for record in _records("organizations")}
    for record in _records("products"):
        assert record["maker"] in names, record
    for record in _records("organizations"):
        assert record.get("parent", record["name"]) in names, record
        assert record.get("renamed_to", record["name"]) in names, record
        assert record.get("parent") != record["name"]


# look-ups ---------------------------------------------------------------------------


def test_organisations_are_found_by_any_alias_case_and_possessive(gazetteer):
    assert gazetteer.organization("NVIDIA Corporation").name == "Nvidia"
    assert gazetteer.organization("toyota motor corporation").name == "Toyota"
    assert gazetteer.organization("Volkswagen's").name == "Volkswagen"
    assert gazetteer.organization("Hon Hai").sector == "electronics"
    assert gazetteer.organization("Massachusetts Institute of Technology").kind == "university"
    assert gazetteer.organization("Reuters").kind == "media"
    assert gazetteer.organization("Acme Widgets Unlimited") is None


def test_renamed_organisations_stay_two_records(gazetteer):
    old = gazetteer.organization("Daimler AG")
    assert old.name == "Daimler" and old.renamed_to == "Mercedes-Benz Group"
    assert gazetteer.organization("Mercedes-Benz Group").name != old.name


def test_a_company_and_the_merged_group_named_after_it_stay_two_records(gazetteer):
    assert gazetteer.organization("Warner Bros.").name == "Warner Bros."
    assert gazetteer.organization("Warner Bros. Discovery").name == "Warner Bros. Discovery"


def test_find_org_strips_legal_and_optionally_industry_suffixes(gazetteer):
    assert gazetteer.find_org("Rivian Automotive, Inc.") is not None
    assert gazetteer.find_org("Hesai Technology Co., Ltd.").name == "Hesai"
    assert gazetteer.find_org("Polestar Holding AG").name == "Polestar"
    assert gazetteer.find_org("Rivian Motors") is None
    assert gazetteer.find_org("Rivian Motors", strip=("legal", "industry")).name == "Rivian"
    assert gazetteer.find_org("Motors") is None


def test_products_know_their_maker_and_kind(gazetteer):
    chip = gazetteer.product("H100")
    assert (chip.name, chip.maker, chip.kind) == ("Nvidia H100", "Nvidia", "chip")
    assert gazetteer.product("rav4").maker == "Toyota"
    assert gazetteer.product("ChatGPT").kind == "software"
    assert gazetteer.organization(gazetteer.product("Ioniq 5").maker).sector == "auto"


def test_ambiguity_applies_to_single_ordinary_words_only(gazetteer):
    assert gazetteer.is_ambiguous("Apple")
    assert not gazetteer.is_ambiguous("Apple Inc.")
    assert gazetteer.is_ambiguous("Thor")
    assert not gazetteer.is_ambiguous("Drive Thor")
    assert not gazetteer.is_ambiguous("Nvidia")


def test_product_kind_follows_the_sector(gazetteer):
    assert gazetteer.product_kind_of_sector("auto") == "vehicle"
    assert gazetteer.product_kind_of_sector("chips") == "chip"
    assert gazetteer.product_kind_of_sector(None) is None


def test_suffixes_say_what_kind_of_organisation_they_end(gazetteer):
    assert gazetteer.suffix("Inc.").meaning == "legal"
    assert gazetteer.suffix("co.,  ltd.").meaning == "legal"
    motors = gazetteer.suffix("Motors")
    assert (motors.meaning, motors.kind, motors.sector) == ("industry", "company", "auto")
    assert gazetteer.suffix("University").kind == "university"
    assert gazetteer.suffix("Herald").kind == "media"
    assert gazetteer.suffix("Research Institute").kind == "institute"
    assert gazetteer.suffix("Municipal Government").kind == "government"
    assert gazetteer.suffix("Banana") is None


def test_honorifics(gazetteer):
    assert {"Mr.", "Ms.", "Dr.", "Prof."} <= set(gazetteer.honorifics)
    assert gazetteer.is_honorific("mrs.")
    assert not gazetteer.is_honorific("Motors")
    assert "van der" in gazetteer.name_particles


# titles -----------------------------------------------------------------------------


def test_titles_and_abbreviations_have_ranks(gazetteer):
    assert gazetteer.title("CEO").title == "chief executive officer"
    assert gazetteer.title("Chief  Financial Officer").rank == "executive"
    assert gazetteer.title("chairwoman").rank == "board"
    assert gazetteer.title("co-founder").rank == "founder"
    assert gazetteer.title("correspondent").rank == "journalist"
    assert gazetteer.title("associate professor").rank == "academic"
    assert gazetteer.title("ceo") is None  # abbreviations keep their case
    assert gazetteer.title("banana") is None


def test_head_of_x_shapes_expand_over_the_functions(gazetteer):
    assert gazetteer.title("head of public relations").title == "head of {function}"
    assert gazetteer.title("Marketing Director").title == "{function} director"
    assert gazetteer.title("VP of Engineering").rank == "executive"
    assert gazetteer.title("chief growth officer") is not None
    assert gazetteer.is_title("head of investor relations")


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ("Ana Ruiz, the CEO of Tomasz Freight, said", "CEO"),
        ("She was named head of the public relations department last May.", "head of the public relations department"),
        ("he served as Senior Vice President of Sales", "Senior Vice President of Sales"),
        ("according to the company's China chief", "China chief"),
        ("a former editor-in-chief of the paper", "editor-in-chief"),
        ("the board member resigned", "board member"),
        ("its Chief Technology Officer", "Chief Technology Officer"),
        ("Director of Autonomous Driving at the startup", "Director of Autonomous Driving"),
        ("the co founder of a lidar maker", "co founder"),
    ],
)
def test_the_title_regex_finds_the_longest_title(gazetteer, sentence, title):
    match = gazetteer.title_regex.search(sentence)
    assert match is not None and match.group(0) == title


def test_the_title_regex_keeps_abbreviations_case_sensitive(gazetteer):
    assert gazetteer.title_regex.search("vice president of it").group(0) == "vice president"
    assert gazetteer.title_regex.search("the ceo of fun") is None
    assert gazetteer.title_regex.search("a mortgage-free home") is None


def test_title_words_and_heads(gazetteer):
    assert gazetteer.is_title_head("director") and gazetteer.is_title_head("CEO")
    assert gazetteer.is_title_head("chairman") and not gazetteer.is_title_head("board")
    assert gazetteer.is_title_word("vice") and not gazetteer.is_title_word("of")
    assert gazetteer.is_founder_title("Co-founder") and not gazetteer.is_founder_title("partner")
    assert gazetteer.takes_of_field("head") and gazetteer.takes_of_field("VP")
    assert not gazetteer.takes_of_field("reporter")


# product shapes ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def shape_matcher(gazetteer):
    nlp = spacy.blank("en")
    matcher = Matcher(nlp.vocab)
    for shape in gazetteer.product_shapes:
        matcher.add(shape["id"], [shape["pattern"]])
    return nlp, matcher


def _shapes(nlp, matcher, text: str) -> list[str]:
    doc = nlp(text)
    return [span.text for span in filter_spans([doc[start:end] for _, start, end in matcher(doc)])]


@pytest.mark.parametrize(
    ("text", "product"),
    [
        ("deliveries of the Denza D9 rose", "Denza D9"),
        ("the Hongqi H9 sedan", "Hongqi H9"),
        ("BMW X3 owners", "BMW X3"),
        ("an Avatr 12 sedan", "Avatr 12"),
        ("the MediaTek MT8676 cockpit chip", "MediaTek MT8676"),
        ("Snapdragon 8155 chips", "Snapdragon 8155"),
        ("racks of Nvidia B200 GPUs", "Nvidia B200"),
        ("Apple M4 laptops", "Apple M4"),
        ("the Ford Model T", "Ford Model T"),
        ("the Hyundai Ioniq 6 launch", "Hyundai Ioniq 6"),
        ("a Huawei Ascend 910C cluster", "Huawei Ascend 910C"),
        ("the Snapdragon 8 Gen 2 platform", "Snapdragon 8 Gen 2"),
        ("the Acme & Co 08 SUV", "Acme & Co 08"),
        ("the acme #3 coupe", "acme #3"),
        ("an Airbus A350neo order", "Airbus A350neo"),
        ("a Porsche 718 Cayman", "Porsche 718"),
        ("the Kia EV9 GT", "Kia EV9 GT"),
        ("the Volkswagen ID.7 sedan", "Volkswagen ID.7"),
        ("Peugeot 3008 buyers", "Peugeot 3008"),
        ("the Chery Tiggo 7 Pro", "Chery Tiggo 7 Pro"),
    ],
)
def test_shapes_match_brand_and_model_code(shape_matcher, text, product):
    assert product in _shapes(*shape_matcher, text)


@pytest.mark.parametrize(
    "text",
    [
        "the 2021 results",
        "May 5",
        "on May 5 2024",
        "Q2 2024",
        "COVID 19",
        "In 2023 sales rose",
        "Acme Q2 results",
        "Acme L4 robotaxis",
        "Acme 2024 revenue",
        "Acme 5G phones",
        "Acme 3nm chips",
        "Fortune 500 companies",
        "Level 3 autonomy",
        "Chapter 11 bankruptcy",
        "Section 232 tariffs",
        "Top 10 brands",
        "August 22",
        "Sept. 5",
        "The 100 largest firms",
        "World War 2",
    ],
)
def test_shapes_leave_ordinary_phrases_alone(shape_matcher, text):
    assert _shapes(*shape_matcher, text) == []


def test_shape_references_are_expanded(gazetteer):
    for shape in gazetteer.product_shapes:
        assert shape["label"] == "PRODUCT"
        assert all("REF" not in token for token in shape["pattern"])


# loading ----------------------------------------------------------------------------


def test_loading_is_cached_per_folder(tmp_path):
    assert load_gazetteer() is load_gazetteer(PATTERNS_DIR)
    copy = tmp_path / "patterns"
    shutil.copytree(PATTERNS_DIR, copy)
    assert load_gazetteer(copy) is not load_gazetteer()


def test_a_missing_folder_is_an_input_error_naming_the_file(tmp_path):
    with pytest.raises(InputError, match="missing"):
        load_gazetteer(tmp_path / "missing")


def _broken(tmp_path: Path, file: str, line: str, replace: str | None = None) -> Path:
    folder = tmp_path / "patterns"
    shutil.copytree(PATTERNS_DIR, folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    if replace is not None:
        assert replace in text
        text = text.replace(replace, line, 1)
    else:
        text += line + "\n"
    path.write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("file", "line", "problem"),
    [
        ("organizations.jsonl", "{not json", "not valid JSON"),
        ("organizations.jsonl", '["a list"]', "one JSON object a line"),
        ("organizations.jsonl", '{"name": "Acme", "kind": "startup", "sector": "auto", "aliases": []}', "kind 'startup'"),
        ("organizations.jsonl", '{"name": "Acme", "kind": "company", "sector": "widgets", "aliases": []}', "sector 'widgets'"),
        ("organizations.jsonl", '{"name": "Acme", "kind": "company", "sector": "auto"}', "missing 'aliases'"),
        ("organizations.jsonl", '{"name": "Acme", "kind": "company", "sector": "auto", "aliases": [], "ceo": "x"}', "unknown field 'ceo'"),
        ("organizations.jsonl", '{"name": "Acme", "kind": "company", "sector": "auto", "aliases": ["Nvidia Corp"]}', "already names 'Nvidia'"),
        ("organizations.jsonl", '{"name": "Acme", "kind": "company", "sector": "auto", "aliases": [], "parent": "Nobody"}', "parent 'Nobody'"),
        ("products.jsonl", '{"name": "Acme One", "kind": "vehicle", "maker": "Nobody Motors", "aliases": []}', "maker 'Nobody Motors'"),
        ("products.jsonl", '{"name": "Acme One", "kind": "vehicle", "maker": "Ford", "aliases": ["Toyota"]}', "already names 'Toyota'"),
        ("titles.jsonl", '{"title": "wizard", "abbrev": [], "rank": "mage"}', "rank 'mage'"),
        ("titles.jsonl", '{"title": "head of {team}", "abbrev": [], "rank": "senior"}', "only slot"),
        ("titles.jsonl", '{"title": "chief wizard", "abbrev": ["CEO"], "rank": "senior"}', "already belongs to 'chief executive officer'"),
        ("org_suffixes.jsonl", '{"word": "Motors", "meaning": "legal", "kind": "company"}', "another meaning"),
        ("product_shapes.jsonl", '{"id": "x", "label": "PRODUCT", "kind": "other", "pattern": [{"REF": "NOPE"}]}', "REF 'NOPE'"),
    ],
)
def test_malformed_data_is_one_line_naming_file_and_line(tmp_path, file, line, problem):
    folder = _broken(tmp_path, file, line)
    number = len((folder / file).read_text(encoding="utf-8").splitlines())
    with pytest.raises(InputError) as caught:
        load_gazetteer(folder)
    message = str(caught.value)
    assert f"{file}:{number}:" in message and problem in message
    assert "\n" not in message


def test_places_are_read_case_blind_with_their_spacing_collapsed(gazetteer):
    assert gazetteer.is_place("Kenya") and gazetteer.is_place("NAIROBI") and gazetteer.is_place("New  Jersey")
    assert not gazetteer.is_place("Trelloway") and not gazetteer.is_place("Jersey Shore Bank")


def test_given_names_are_read_case_blind_and_leave_out_places(gazetteer):
    assert gazetteer.is_given_name("Nadine") and gazetteer.is_given_name("MARIA")
    assert not gazetteer.is_given_name("Florida") and not gazetteer.is_given_name("Dallas")
