"""Date expressions resolve to ISO dates exactly as precise as their words."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.temporal import precision_of, resolve_date

ISO_SHAPE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
BASE = "2024-08-22"  # a Thursday


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("2021", "2021"),
        ("in 2021", "2021"),
        ("In 2019", "2019"),
        ("the year 2018", "2018"),
        ("since 2015", "2015"),
        ("January 2021", "2021-01"),
        ("in Jan. 2021", "2021-01"),
        ("Aug 2024", "2024-08"),
        ("December, 2023", "2023-12"),
        ("August 22, 2024", "2024-08-22"),
        ("22 August 2024", "2024-08-22"),
        ("Sept. 5, 2023", "2023-09-05"),
        ("on March 3rd, 2022", "2022-03-03"),
        ("the 22nd of August 2024", "2024-08-22"),
        ("Thursday, August 22, 2024", "2024-08-22"),
        ("2024-08-22", "2024-08-22"),
        ("2024-08", "2024-08"),
        ("2024/08", "2024-08"),
        ("08/22/2024", "2024-08-22"),
        ("22/08/2024", "2024-08-22"),
        ("2024年8月22日", "2024-08-22"),
        ("2024年8月", "2024-08"),
        ("Q2 2024", "2024"),
        ("2024 Q3", "2024"),
        ("H1 2023", "2023"),
        ("FY2023", "2023"),
        ("the second quarter of 2024", "2024"),
        ("the first half of 2023", "2023"),
        ("early 2021", "2021"),
        ("mid-2022", "2022"),
        ("late 2020", "2020"),
        ("by the end of 2025", "2025"),
        ("the end of August 2023", "2023-08"),
        ("summer 2023", "2023"),
    ],
)
def test_absolute_dates_need_no_base(expression, expected):
    assert resolve_date(expression) == expected


@pytest.mark.parametrize(
    ("expression", "base", "expected"),
    [
        ("August 22", "2024-08-25", "2024-08-22"),
        ("Aug. 20", BASE, "2024-08-20"),
        ("the 3rd of May", BASE, "2024-05-03"),
        ("in August", BASE, "2024-08"),
        ("September", BASE, "2024-09"),  # nearest to the base, even a little ahead
        ("December 28", "2024-01-05", "2023-12-28"),  # nearest: last December
        ("in March", "2024-09-20", "2024-03"),
        ("last year", "2024-05-01", "2023"),
        ("Last year", BASE, "2023"),
        ("this year", "2024-05-01", "2024"),
        ("earlier this year", BASE, "2024"),
        ("next year", BASE, "2025"),
        ("the end of last year", BASE, "2023"),
        ("last month", "2024-05-01", "2024-04"),
        ("this month", BASE, "2024-08"),
        ("last month", "2024-01-10", "2023-12"),
        ("yesterday", BASE, "2024-08-21"),
        ("today", BASE, "2024-08-22"),
        ("this morning", BASE, "2024-08-22"),
        ("last night", BASE, "2024-08-21"),
        ("tomorrow", BASE, "2024-08-23"),
        ("two years ago", BASE, "2022"),
        ("2 years ago", BASE, "2022"),
        ("a decade ago", BASE, "2014"),
        ("three months ago", BASE, "2024-05"),
        ("ten days ago", BASE, "2024-08-12"),
        ("two weeks ago", BASE, "2024-08"),
        ("last week", BASE, "2024-08"),
        ("on Monday", BASE, "2024-08-19"),
        ("Thursday", BASE, "2024-08-22"),
        ("last Thursday", BASE, "2024-08-15"),
        ("next Monday", BASE, "2024-08-26"),
        ("last August", BASE, "2023-08"),
        ("last August", "2024-10-02", "2024-08"),
        ("next March", BASE, "2025-03"),
        ("this quarter", BASE, "2024"),
        ("last quarter", "2024-02-10", "2023"),
    ],
)
def test_relative_dates_count_from_the_document_date(expression, base, expected):
    assert resolve_date(expression, base=base) == expected


@pytest.mark.parametrize(
    ("expression", "anchor", "expected"),
    [
        ("60 days later", "2021-01", "2021-03"),  # never more precise than the anchor
        ("60 days later", "2021-01-10", "2021-03-11"),
        ("two months later", "2021-01-10", "2021-03"),
        ("two months later", "2021", "2021"),
        ("a year later", "2021", "2022"),
        ("three years later", "2019-06-30", "2022"),
        ("two years earlier", "2021-06", "2019"),
        ("the following year", "2021-03", "2022"),
        ("the next month", "2021-12-05", "2022-01"),
        ("the previous year", "2020-05", "2019"),
        ("the same year", "2021-03", "2021"),
        ("that month", "2021-03-05", "2021-03"),
        ("that day", "2021-03-05", "2021-03-05"),
        ("that day", "2021-03", "2021-03"),
        ("the day before", "2021-03-01", "2021-02-28"),
    ],
)
def test_later_and_earlier_count_from_the_anchor(expression, anchor, expected):
    assert resolve_date(expression, base=BASE, anchor=anchor) == expected


def test_a_base_of_low_precision_limits_the_result():
    assert resolve_date("yesterday", base="2024-08") == "2024-08"
    assert resolve_date("last month", base="2024") == "2024"
    assert resolve_date("two years ago", base="2024") == "2022"
    assert resolve_date("on Monday", base="2024-08") is None


def test_a_datetime_base_counts_as_its_day():
    assert resolve_date("yesterday", base="2024-08-22T09:30:00") == "2024-08-21"


@pytest.mark.parametrize(
    "expression",
    ["last year", "this year", "yesterday", "two years ago", "in August", "August 22", "on Monday", "last month", "60 days later"],
)
def test_relative_dates_without_their_reference_are_none(expression):
    assert resolve_date(expression) is None


def test_the_anchor_is_not_the_base():
    assert resolve_date("60 days later", base=BASE) is None
    assert resolve_date("last year", anchor="2019-01") is None


@pytest.mark.parametrize(
    "expression",
    [
        "recently",
        "at that time",
        "At the time",
        "some time",
        "soon",
        "now",
        "the second quarter",
        "a few years ago",
        "several months ago",
        "in the past two years",
        "over the past year",
        "the 1990s",
        "the '90s",
        "2019 to 2021",
        "between 2019 and 2021",
        "from March to May 2024",
        "two years",
        "60 days",
        "5",
        "",
        "   ",
        "2024-02-30",
        "2024-13",
        "spring",
    ],
)
def test_vague_ranged_and_impossible_expressions_are_none(expression):
    assert resolve_date(expression, base=BASE, anchor="2021-03") is None


def test_an_unreadable_base_is_no_base():
    assert resolve_date("last year", base="sometime") is None
    assert resolve_date("2021", base="sometime") == "2021"


@pytest.mark.parametrize(("iso", "precision"), [("2024", "year"), ("2024-08", "month"), ("2024-08-22", "day")])
def test_precision_of(iso, precision):
    assert precision_of(iso) == precision


@pytest.mark.parametrize("bad", ["24", "2024-8", "2024/08/22", "August 2024", ""])
def test_precision_of_rejects_what_is_not_iso(bad):
    with pytest.raises(ValueError):
        precision_of(bad)


# properties -------------------------------------------------------------------------

dates = st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31))


@given(dates)
def test_every_iso_day_month_and_year_round_trips(day):
    iso = day.isoformat()
    assert resolve_date(iso) == iso
    assert resolve_date(iso[:7]) == iso[:7]
    assert resolve_date(iso[:4]) == iso[:4]
    assert resolve_date(f"in {iso}") == iso


@given(dates)
def test_written_out_dates_parse_to_their_day(day):
    assert resolve_date(f"{day:%B} {day.day}, {day.year}") == day.isoformat()
    assert resolve_date(f"{day:%B} {day.year}") == day.isoformat()[:7]


@settings(max_examples=300)
@given(
    expression=st.one_of(
        st.text(max_size=30),
        st.sampled_from(["last", "next", "ago", "later", "Q2", "year", "month", "August", "2021", "the", "of", "days"]).flatmap(
            lambda word: st.lists(
                st.sampled_from(["last", "next", "ago", "later", "Q2", "year", "month", "August", "2021", "the", "of", "two", "60", "days", word]),
                max_size=5,
            ).map(" ".join)
        ),
    ),
    base=st.one_of(st.none(), dates.map(date.isoformat), dates.map(lambda d: d.isoformat()[:7])),
    anchor=st.one_of(st.none(), dates.map(date.isoformat), dates.map(lambda d: d.isoformat()[:4])),
)
def test_the_output_is_always_an_iso_date_or_none(expression, base, anchor):
    found = resolve_date(expression, base=base, anchor=anchor)
    assert found is None or ISO_SHAPE.match(found)


@given(base=dates, words=st.sampled_from(["yesterday", "last month", "last year", "two years ago", "three months ago", "on Monday"]))
def test_a_relative_date_is_never_more_precise_than_its_base(base, words):
    for reference in (base.isoformat(), base.isoformat()[:7], base.isoformat()[:4]):
        found = resolve_date(words, base=reference)
        if found is not None:
            assert len(found) <= len(reference)
