"""extract.sources: every format, the page boilerplate, dates and titles, and each kind of bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from corpgraph.errors import InputError
from extract.cleaning import find_date, find_title, is_boilerplate_line, is_language_menu, split_header
from extract.sources import SourceProblem, SourceReport, iter_paragraphs, read_documents

MENU = "EnglishFrançaisDeutsch日本語Русский языкEspañolItalianoPortuguês한국어Ελληνικά"

ARTICLE = f"""business

Northwind Motors hires Ada Lindqvist as chief technology officer

22 Aug 2024

{MENU}

Northwind Motors said on Thursday that Ada Lindqvist, formerly of Calder Systems, has joined as CTO.
She starts in September.

Share

Lindqvist spent eight years at Calder Systems.

Advertisement
We use cookies to improve your experience. By continuing you agree.
"""


def read(paths, **options) -> tuple[list, SourceReport]:
    report = SourceReport()
    return list(read_documents(paths, warn=report.add, **options)), report


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# --- plain text ------------------------------------------------------------------


def test_text_file_is_cleaned_and_keeps_its_paragraphs(tmp_path):
    (doc,), report = read(write(tmp_path / "017_northwind.txt", ARTICLE))
    assert doc.id == "017_northwind"
    assert doc.source == str(tmp_path / "017_northwind.txt")
    assert MENU not in doc.text and "Share" not in doc.text.split("\n")
    assert "Advertisement" not in doc.text and "cookies" not in doc.text
    assert doc.text.startswith("business\n\nNorthwind Motors hires Ada Lindqvist")
    # Paragraphs stay apart by exactly one blank line; lines inside a paragraph stay together.
    assert "has joined as CTO.\nShe starts in September.\n\nLindqvist spent" in doc.text
    assert "\n\n\n" not in doc.text
    assert doc.text.endswith("at Calder Systems.")
    assert report.problems == []


def test_section_label_line_is_dropped_and_title_and_date_found(tmp_path):
    text = "news\n\nKestrel Air names a new chief pilot\n\n2023-11-05\n\nKestrel Air said...\n"
    (doc,), _ = read(write(tmp_path / "a.txt", text))
    assert doc.text.splitlines()[0] == "Kestrel Air names a new chief pilot"
    assert doc.title == "Kestrel Air names a new chief pilot"
    assert doc.date == "2023-11-05"


def test_crlf_and_odd_spaces_are_normalised(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("Orbis\u00a0Labs hired Ines Duarte.\r\n\r\nShe joined\u200b from Pellucid.\r\n".encode("utf-8"))
    (doc,), _ = read(path)
    assert doc.text == "Orbis Labs hired Ines Duarte.\n\nShe joined from Pellucid."


def test_metadata_header_fills_fields_and_leaves_the_text(tmp_path):
    text = "url: https://news.example/a\ntitle: Quill Bank buys Tern Pay\ndate: 2024-05-01\n\nQuill Bank bought Tern Pay.\n"
    (doc,), _ = read(write(tmp_path / "h.txt", text))
    assert (doc.title, doc.date, doc.url) == ("Quill Bank buys Tern Pay", "2024-05-01", "https://news.example/a")
    assert doc.text == "Quill Bank bought Tern Pay."


def test_metadata_header_with_unknown_date_falls_back_to_the_text(tmp_path):
    text = "title: Tern Pay founder leaves\ndate: unknown\n\nMarch 3, 2022\n\nThe founder of Tern Pay left.\n"
    (doc,), _ = read(write(tmp_path / "h.txt", text))
    assert doc.date == "2022-03-03"
    assert doc.title == "Tern Pay founder leaves"


def test_a_first_paragraph_of_key_value_lines_without_known_keys_is_text(tmp_path):
    text = "Note: figures are unaudited\n\nQuill Bank grew.\n"
    (doc,), _ = read(write(tmp_path / "n.txt", text))
    assert doc.text.startswith("Note: figures are unaudited")


# --- markdown ----------------------------------------------------------------------


def test_markdown_is_rendered_to_plain_text_with_front_matter(tmp_path):
    text = (
        "---\ntitle: Vela Robotics spins out Nimbus\ndate: 2021-06-30\n---\n\n"
        "# Vela Robotics spins out Nimbus\n\n"
        "Vela Robotics has *spun out* its drone unit as [Nimbus](https://nimbus.example).\n\n"
        "![logo](logo.png)\n\n```\ncode = 1\n```\n\n- Nimbus is led by Omar Haddad.\n"
    )
    (doc,), _ = read(write(tmp_path / "vela.md", text))
    assert doc.title == "Vela Robotics spins out Nimbus"
    assert doc.date == "2021-06-30"
    assert doc.text == (
        "Vela Robotics spins out Nimbus\n\n"
        "Vela Robotics has spun out its drone unit as Nimbus.\n\n"
        "Nimbus is led by Omar Haddad."
    )


# --- html --------------------------------------------------------------------------

HTML = """<!doctype html><html><head><title>Harbor Freight Lines | Site</title>
<meta property="article:published_time" content="2020-02-14T08:00:00Z">
<style>p { color: red }</style><script>var tracking = "Harbor";</script></head>
<body><header><a href="/">Home</a> Logistics Daily</header>
<nav><ul><li>World</li><li>Business</li></ul></nav>
<article><h1>Harbor Freight Lines appoints Mei Tanaka</h1>
<p>Harbor Freight Lines named <b>Mei Tanaka</b> chief executive.<br>She was at Corvid Shipping.</p>
<div hidden>hidden teaser</div><div style="display: none">also hidden</div>
<p>Tanaka &amp; the board start on Monday.</p><p>Share</p>
<table><tr><td>Revenue</td><td>4.1bn</td></tr></table></article>
<aside>Most read: other story</aside><footer>© Logistics Daily</footer></body></html>"""


def test_html_keeps_visible_article_text_only(tmp_path):
    (doc,), _ = read(write(tmp_path / "harbor.html", HTML))
    assert doc.text == (
        "Harbor Freight Lines appoints Mei Tanaka\n\n"
        "Harbor Freight Lines named Mei Tanaka chief executive.\nShe was at Corvid Shipping.\n\n"
        "Tanaka & the board start on Monday.\n\n"
        "Revenue\n4.1bn"
    )
    for hidden in ("tracking", "color", "Logistics Daily", "World", "hidden", "Most read", "Share"):
        assert hidden not in doc.text
    assert doc.title == "Harbor Freight Lines appoints Mei Tanaka"
    assert doc.date == "2020-02-14"


def test_htm_without_metadata_takes_title_and_date_from_text(tmp_path):
    page = "<p>Corvid Shipping opens a hub</p><p>5 January 2019</p><p>Corvid Shipping opened a hub.</p>"
    (doc,), _ = read(write(tmp_path / "c.htm", page))
    assert doc.title == "Corvid Shipping opens a hub"
    assert doc.date == "2019-01-05"


def test_deeply_nested_html_does_not_hit_the_recursion_limit(tmp_path):
    page = "<div>" * 5000 + "<p>Deep text about Pellucid.</p>" + "</div>" * 5000
    (doc,), _ = read(write(tmp_path / "deep.html", page))
    assert doc.text == "Deep text about Pellucid."


# --- jsonl -------------------------------------------------------------------------


def jsonl(path: Path, *records) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_fields_become_document_fields(tmp_path):
    path = jsonl(
        tmp_path / "batch.jsonl",
        {"id": "q-1", "text": "Quill Bank hired Lars Berg.", "title": "Quill hires", "date": "2024-05-01T10:00:00Z", "url": "https://q.example"},
        "",
        {"id": 7, "text": f"{MENU}\n\nTern Pay, 12 March 2021.\n\nTern Pay raised money."},
        {"text": "No id here; Ferro Steel."},
    )
    docs, report = read(path)
    assert [d.id for d in docs] == ["q-1", "7", "batch-4"]
    first = docs[0]
    assert (first.title, first.date, first.url, first.text) == ("Quill hires", "2024-05-01", "https://q.example", "Quill Bank hired Lars Berg.")
    assert MENU not in docs[1].text
    assert docs[2].source == f"{path}:4"
    assert report.problems == []


def test_jsonl_date_in_words_is_normalised(tmp_path):
    (doc,), _ = read(jsonl(tmp_path / "d.jsonl", {"id": "x", "text": "Body.", "date": "August 22, 2024"}))
    assert doc.date == "2024-08-22"


def test_jsonl_is_streamed_one_line_at_a_time(tmp_path):
    path = jsonl(tmp_path / "s.jsonl", {"id": "ok", "text": "Fine."}, "{broken")
    documents = read_documents(path)
    assert next(documents).id == "ok"
    with pytest.raises(InputError, match=r"s\.jsonl:2: not valid JSON"):
        next(documents)


def test_bad_jsonl_line_fails_naming_file_and_line(tmp_path):
    path = jsonl(tmp_path / "bad.jsonl", {"id": "a", "text": "One."}, '{"id": "b", "text": ')
    with pytest.raises(InputError) as error:
        list(read_documents(path))
    assert str(error.value).startswith(f"{path}:2: not valid JSON")
    assert "\n" not in str(error.value)


def test_jsonl_missing_text_fails_naming_the_line(tmp_path):
    path = jsonl(tmp_path / "m.jsonl", {"id": "a", "text": "One."}, {"id": "b", "title": "no text"})
    with pytest.raises(InputError, match=r"m\.jsonl:2: missing 'text'"):
        list(read_documents(path))


def test_jsonl_non_object_and_wrong_types_fail(tmp_path):
    with pytest.raises(InputError, match=r":1: expected a JSON object"):
        list(read_documents(jsonl(tmp_path / "l.jsonl", "[1, 2]")))
    with pytest.raises(InputError, match=r":1: 'text' must be a string"):
        list(read_documents(jsonl(tmp_path / "t.jsonl", {"id": "a", "text": 5})))


def test_bad_jsonl_lines_are_skipped_under_skip_and_the_rest_is_read(tmp_path):
    path = jsonl(
        tmp_path / "mixed.jsonl",
        {"id": "a", "text": "One."},
        "not json",
        {"id": "c"},
        {"id": "d", "text": "   "},
        {"id": "e", "text": "Five."},
    )
    docs, report = read(path, on_error="skip")
    assert [d.id for d in docs] == ["a", "e"]
    assert [(p.line, p.reason.split(":")[0]) for p in report.skipped] == [
        (2, "not valid JSON"),
        (3, "missing 'text'"),
        (4, "document d"),
    ]
    assert "empty text" in report.skipped[2].reason


def test_whitespace_text_in_jsonl_is_skipped_even_under_fail(tmp_path):
    docs, report = read(jsonl(tmp_path / "w.jsonl", {"id": "a", "text": " \n "}, {"id": "b", "text": "Two."}))
    assert [d.id for d in docs] == ["b"]
    assert report.skipped == [SourceProblem(str(tmp_path / "w.jsonl"), "document a: empty text", 1)]


def test_redocred_style_records_are_read(tmp_path):
    record = {"id": "wiki-9", "title": "Ferro Steel", "text": "Ferro Steel is a steelmaker founded by Ana Ruiz."}
    (doc,), _ = read(jsonl(tmp_path / "docs.jsonl", record))
    assert (doc.id, doc.title, doc.text) == ("wiki-9", "Ferro Steel", record["text"])


# --- folders and ids -----------------------------------------------------------------


def test_folder_is_read_recursively_in_sorted_order_skipping_other_files(tmp_path):
    write(tmp_path / "b.txt", "Second.")
    (tmp_path / "a").mkdir()
    write(tmp_path / "a" / "z.md", "First.")
    write(tmp_path / "c.csv", "x,y")
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git" / "HEAD.txt", "ref")
    write(tmp_path / ".hidden.txt", "secret")
    docs, report = read(tmp_path)
    assert [d.id for d in docs] == ["z", "b"]
    assert len(report.skipped) == 1
    assert report.skipped[0].path == str(tmp_path / "c.csv")
    assert report.skipped[0].reason.startswith("not a supported file type (.csv")


def test_colliding_ids_get_a_suffix_and_a_warning(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    write(tmp_path / "x" / "story.txt", "One.")
    write(tmp_path / "y" / "story.txt", "Two.")
    path = jsonl(tmp_path / "more.jsonl", {"id": "story", "text": "Three."})
    docs, report = read([tmp_path / "x", tmp_path / "y", path])
    assert [d.id for d in docs] == ["story", "story-2", "story-3"]
    assert [d.text for d in docs] == ["One.", "Two.", "Three."]
    assert len(report.warnings) == 2 and not report.skipped
    assert "already used" in report.warnings[0].reason


def test_nonexistent_path_fails_at_once_naming_it(tmp_path):
    missing = tmp_path / "nowhere.txt"
    with pytest.raises(InputError, match="nowhere.txt: no such file or folder"):
        read_documents([tmp_path, missing])


def test_explicit_file_of_unsupported_type_fails_or_skips(tmp_path):
    path = write(tmp_path / "report.pdf.bak", "text")
    with pytest.raises(InputError, match=r"report\.pdf\.bak: not a supported file type"):
        list(read_documents(path))
    docs, report = read(path, on_error="skip")
    assert docs == [] and report.skipped[0].path == str(path)


# --- bad files -----------------------------------------------------------------------


NOTHING_TO_READ = [
    (b"", "empty file"),
    (b"   \n\n\t  \n", "only white space"),
    (b"text\x00with\x00nul bytes", "not a text file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
    (b"GIF89a" + bytes(range(1, 200)), "not a text file"),
]
BOILERPLATE_ONLY = (b"Share\n\nAdvertisement\n", "no text left after removing page boilerplate")


@pytest.mark.parametrize(
    ("suffix", "content", "reason"),
    [(suffix, *case) for suffix in (".txt", ".md", ".html", ".jsonl") for case in NOTHING_TO_READ]
    + [(suffix, *BOILERPLATE_ONLY) for suffix in (".txt", ".md", ".html")],
)
def test_files_with_nothing_to_read_are_skipped_with_a_reason(tmp_path, suffix, content, reason):
    path = tmp_path / f"f{suffix}"
    path.write_bytes(content)
    docs, report = read(path)  # on_error="fail": these are skips, not errors
    assert docs == []
    assert [p.reason for p in report.skipped] == [reason]


def test_nul_byte_late_in_a_file_is_still_binary(tmp_path):
    path = tmp_path / "late.txt"
    path.write_bytes(b"plain line\n" * 2000 + b"\x00\x01\x02")
    docs, report = read(path)
    assert docs == [] and report.skipped[0].reason == "not a text file"


def test_invalid_utf8_is_replaced_with_one_warning_per_file(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes("Zoë Brandt joined Ölfa GmbH.\n".encode("utf-8") + b"Bad \xff byte and \xfe another.\n")
    (doc,), report = read(path)
    assert doc.text == "Zoë Brandt joined Ölfa GmbH.\nBad \ufffd byte and \ufffd another."
    assert [(p.reason, p.skipped) for p in report.problems] == [
        ("not valid UTF-8: broken bytes replaced with U+FFFD", False)
    ]


def test_invalid_utf8_in_jsonl_is_replaced_with_one_warning(tmp_path):
    path = tmp_path / "b.jsonl"
    path.write_bytes(b'{"id": "a", "text": "caf\xe9 one"}\n{"id": "b", "text": "caf\xe9 two"}\n')
    docs, report = read(path)
    assert [d.text for d in docs] == ["caf\ufffd one", "caf\ufffd two"]
    assert len(report.warnings) == 1 and report.warnings[0].line == 1


def test_legacy_encoding_is_detected_not_garbled(tmp_path):
    text = "Société Générale a nommé François Pérez directeur général. " * 5
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("cp1252"))
    (doc,), report = read(path)
    assert doc.text == text.strip()
    assert len(report.warnings) == 1 and report.warnings[0].reason.startswith("not UTF-8: read as")


def test_utf16_with_bom_is_text(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes("Ferro Steel hired Ana Ruiz.".encode("utf-16"))
    (doc,), report = read(path)
    assert doc.text == "Ferro Steel hired Ana Ruiz." and report.problems == []


def test_unreadable_file_in_a_folder_fails_or_is_skipped(tmp_path):
    write(tmp_path / "a.txt", "Readable.")
    os.symlink(tmp_path / "gone.txt", tmp_path / "b.txt")  # a dangling link: listed, not readable
    with pytest.raises(InputError, match=r"b\.txt: cannot read"):
        list(read_documents(tmp_path))
    docs, report = read(tmp_path, on_error="skip")
    assert [d.id for d in docs] == ["a"]
    assert report.skipped[0].path == str(tmp_path / "b.txt") and report.skipped[0].reason.startswith("cannot read")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_file_without_read_permission_fails(tmp_path):
    path = write(tmp_path / "locked.txt", "Secret.")
    path.chmod(0)
    with pytest.raises(InputError, match="locked.txt: cannot read"):
        list(read_documents(path))


def test_on_error_must_be_fail_or_skip(tmp_path):
    with pytest.raises(ValueError):
        read_documents(tmp_path, on_error="ignore")  # type: ignore[arg-type]


def test_report_summary_groups_reasons(tmp_path):
    report = SourceReport()
    for problem in (
        SourceProblem("a.png", "not a text file"),
        SourceProblem("b.png", "not a text file"),
        SourceProblem("c.jsonl", "not valid JSON: Expecting value (column 1)", 3),
        SourceProblem("d.txt", "not valid UTF-8: broken bytes replaced with U+FFFD", skipped=False),
    ):
        report.add(problem)
    assert report.summary() == "skipped 3 (not a text file: 2, not valid JSON: 1); 1 warning"
    assert str(report.problems[2]) == "c.jsonl:3: not valid JSON: Expecting value (column 1)"


# --- boilerplate, titles, dates, paragraphs --------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        MENU,
        "English | Français | Deutsch | Español | 中文",
        "Bahasa IndonesiaNederlandsPolskiTürkçeTiếng Việt",
        "한어Русский языкEnglishFrançais",
    ],
)
def test_language_menus_are_recognised(line):
    assert is_language_menu(line)


@pytest.mark.parametrize(
    "line",
    [
        "English and French are both spoken at the plant.",
        "The German, Italian and Spanish units of Ferro Steel were sold",
        "English",
        "Deutsch Bank Français",
    ],
)
def test_sentences_that_name_languages_are_not_menus(line):
    assert not is_language_menu(line)


@pytest.mark.parametrize("line", ["Share", "ADVERTISEMENT", "  share this article: ", "We use cookies on this site to measure traffic."])
def test_boilerplate_lines(line):
    assert is_boilerplate_line(line)


@pytest.mark.parametrize("line", ["Shares of Quill Bank rose.", "Share buybacks at Tern Pay", "Advertisement revenue fell 4%."])
def test_content_lines_are_not_boilerplate(line):
    assert not is_boilerplate_line(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2024-08-22", "2024-08-22"),
        ("August 22, 2024", "2024-08-22"),
        ("22 Aug 2024", "2024-08-22"),
        ("Thursday, August 22, 2024", "2024-08-22"),
        ("Published: 22 Aug 2024 10:30 GMT", "2024-08-22"),
        ("Updated on Aug. 22, 2024", "2024-08-22"),
        ("May 2023", "2023-05"),
    ],
)
def test_standalone_date_lines(line, expected):
    assert find_date(["A headline", "", line, "", "Body text."]) == expected


@pytest.mark.parametrize(
    "lines",
    [
        ["A headline", "", "Quill Bank was founded in 2004 by Lars Berg.", "", "More."],
        ["A headline", "", "2019", "", "A year on its own is a heading, not a date line."],
        ["A headline", "", "Today", "", "Relative words are not dates."],
        ["One"] + ["body line"] * 12 + ["2024-08-22"],
    ],
)
def test_no_date_when_there_is_no_standalone_date_near_the_top(lines):
    assert find_date(lines) is None


def test_no_date_is_left_none_in_documents(tmp_path):
    (doc,), _ = read(write(tmp_path / "nodate.txt", "Ferro Steel grew.\n\nIn August 2023 it hired Ana Ruiz.\n"))
    assert doc.date is None


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Tern Pay founder steps down", "", "Body."], "Tern Pay founder steps down"),
        (["Tern Pay's founder steps down.", "", "Body."], "Tern Pay's founder steps down."),
        (["Tern Pay said on Monday its founder would step down. He led it for ten years.", "", "Body."], None),
        (["Tern Pay founder steps down", "and this line continues the paragraph"], None),
        (["x " * 40, "", "Body."], None),
        (["Key facts:", "", "Body."], None),
        (["", "", ""], None),
    ],
)
def test_title_is_the_first_line_only_when_it_reads_as_a_headline(lines, expected):
    assert find_title(lines) == expected


def test_split_header_leaves_text_without_header_untouched():
    fields, rest = split_header(iter(["Plain first line\n", "\n", "More\n"]))
    assert fields == {} and list(rest) == ["Plain first line\n", "\n", "More\n"]


def test_paragraph_offsets_point_into_the_text():
    text = "First para.\n\nSecond para\nhas two lines.\n \n\nThird."
    paragraphs = list(iter_paragraphs(text))
    assert [p.text for p in paragraphs] == ["First para.", "Second para\nhas two lines.", "Third."]
    assert all(text[p.start : p.end] == p.text for p in paragraphs)
