"""Dates and relative dates in news text, as ISO 8601 strings no more precise than the text.

:func:`resolve_date` turns the text of a date mention ("in Jan. 2021",
"August 22", "last year", "60 days later") into ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``. The precision comes from the words, not from the parser: a
text that names only a year yields a year, even though a parser fills in a
month and a day.

Choices, so that callers know what to expect:

- Relative expressions ("last year", "yesterday", "two months ago", "on
  Monday") are resolved against ``base``, the document's date; those that
  count from an earlier event ("60 days later", "the following year", "that
  month") against ``anchor``, the date of that event. Without the date they
  need, they are None.
- Arithmetic starts from the middle of an imprecise reference (the 15th of a
  month, July 1st of a year) and the result is cut to the coarser of the
  reference's precision and the expression's unit: "2021-01" plus "60 days
  later" is "2021-03"; "2021" plus "two months later" is "2021".
- A month or a day without a year ("in August", "August 22") takes the year
  that puts it nearest to ``base``, a date ahead of the base counting as
  twice as far (news mostly looks back, but also speaks of the coming weeks):
  with base 2024-08-22, "in August" is 2024-08 and "September" 2024-09; with
  base 2024-09-20, "in March" is 2024-03; with base 2024-01-05, "December 28"
  is 2023-12-28. A plain "latest not after the base" would send "September"
  back a year.
- Quarters, halves, seasons and "early/mid/late/end of" keep only what they
  name exactly: "Q2 2024" and "the first half of 2023" are years ("2024",
  "2023"); "the end of August 2023" is "2023-08"; "the second quarter" with
  no year is None.
- Vague or ranged expressions ("recently", "at that time", "some time", "a
  few years ago", "the 1990s", "2019 to 2021") are None.

dateparser reads the many ways of writing an absolute date and the
base-relative phrases (``RELATIVE_BASE``); its parsers are built once per base
and results are memoised, since a document asks about the same few dates many
times.

>>> resolve_date("in Jan. 2021")
'2021-01'
>>> resolve_date("last year", base="2024-05-01")
'2023'
>>> resolve_date("60 days later", anchor="2021-01")
'2021-03'
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

Precision = Literal["year", "month", "day"]

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_ISO_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}")
_RANK = {"year": 0, "month": 1, "day": 2}

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        1,
    )
    for name in names
}
_MONTH = r"(?P<month>%s)\.?" % "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAYS = {name: number for number, names in enumerate(
    (("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thurs"),
     ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun"))) for name in names}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "forty-five": 45, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "one hundred": 100, "a couple of": 2, "a dozen": 12, "half a": 0.5,
}
_COUNT = r"(?P<count>\d{1,3}|%s)" % "|".join(re.escape(w) for w in sorted(_NUMBERS, key=len, reverse=True))
_UNIT = r"(?P<unit>day|week|month|year|decade)s?"

# Words before a date that do not change it ("in 2021", "as early as May 2020").
_LEAD = re.compile(
    r"^(?:(?:in|on|at|during|since|from|as of|as early as|as late as|around|about|circa|c\.|throughout|back in|"
    r"starting(?: in| from)?|beginning(?: in)?|by|until|till|through|sometime in|some time in|dated|"
    r"effective|the year of|the month of|the year|of)\s+)+"
)
# Parts of a period: only the period's own precision survives ("early 2021" -> 2021).
_PART_OF = re.compile(
    r"^(?:the\s+)?(?:very\s+)?(?:"
    r"(?:early|late|mid|middle|end|start|beginning|fall|autumn|spring|summer|winter)(?:-|\s+of\s+|\s+)"
    r"|(?:first|second|last|final|latter)\s+half\s+of\s+"
    r"|(?:first|second|third|fourth|last|final)\s+quarter\s+of\s+"
    r"|(?:first|last|final|closing)\s+(?:days?|weeks?|months?)\s+of\s+"
    r"|(?:close|turn)\s+of\s+)"
)
_QUARTER = re.compile(
    r"^(?:q[1-4]|h[12]|[1-4]q|1h|2h|fy|fiscal(?: year)?|the fiscal year|financial year)\s*'?(?P<year>\d{4}|\d{2})$"
    r"|^(?P<year2>\d{4})\s*(?:q[1-4]|h[12])$"
)
_VAGUE = re.compile(
    r"\b(?:recent(?:ly)?|at (?:that|the) time|some time|sometime|soon|now|currently|present|previously|"
    r"once|past|future|few|several|many|some|couple of (?:years|months|days)|decades|years|the same period|"
    r"ages|lately|earlier|later|then|meantime|meanwhile|in time|on time|ever|always|nowadays|era|age)\b"
)
_RANGE = re.compile(r"\b(?:between|to|and|through|until|till)\b|[-–—]\s*\d|\d\s*[–—]|\d{4}s\b|\b\d0s\b")

_RELATIVE_WORDS = re.compile(
    r"\b(?:ago|yesterday|today|tonight|tomorrow|this|last|next|past|morning|afternoon|evening|night|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)\b"
)
_LATER = re.compile(r"^%s\s+%s\s+(?P<way>later|after(?:wards?)?|on|after that|thereafter|earlier|before|"
                    r"before that|previously)$" % (_COUNT, _UNIT))
_AGO = re.compile(r"^%s\s+%s\s+ago$" % (_COUNT, _UNIT))
_FOLLOWING = re.compile(r"^(?:the\s+)?(?:following|next|subsequent|succeeding)\s+(?P<unit>day|week|month|year)$"
                        r"|^(?:the\s+)?(?P<unit2>day|week|month|year)\s+after(?:wards)?$")
_SAME = re.compile(r"^(?:that|the same|the very same|that same|the same calendar)\s+(?P<unit>day|month|year)$")
_BEFORE_ANCHOR = re.compile(r"^(?:the\s+)?(?:previous|preceding|prior)\s+(?P<unit>day|week|month|year)"
                            r"$|^(?:the\s+)?(?P<unit2>day|week|month|year)\s+before$")
_THIS_PERIOD = re.compile(r"^(?P<which>last|this|next|the coming|the current)\s+"
                          r"(?P<unit>year|month|week|quarter)$")
_WEEKDAY = re.compile(r"^(?P<which>last|this|next|this past|this coming|on)?\s*(?P<day>%s)\.?$"
                      % "|".join(sorted(_WEEKDAYS, key=len, reverse=True)))
_NAMED_MONTH = re.compile(r"^(?P<which>last|this|next|this past|this coming)\s+%s$" % _MONTH)
_MONTH_DAY = re.compile(r"^%s\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?$|^(?:the\s+)?(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+"
                        r"(?:of\s+)?(?P<month2>%s)\.?$" % (_MONTH, _MONTH.replace("?P<month>", "")))
_MONTH_ONLY = re.compile(r"^%s$" % _MONTH)
_CJK = re.compile(r"^(?P<year>\d{4})年(?:(?P<month>\d{1,2})月(?:(?P<day>\d{1,2})日)?)?$")
_YEAR = re.compile(r"\b(?:1[0-9]|2[0-9])\d\d\b")
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b")


def precision_of(iso: str) -> Precision:
    """``"year"``, ``"month"`` or ``"day"``: how much of a date an ISO string states.

    >>> precision_of("2024-08")
    'month'
    """
    match = _ISO.match(iso)
    if match is None:
        raise ValueError(f"not an ISO 8601 date: {iso!r}")
    return "day" if match.group(3) else "month" if match.group(2) else "year"


def resolve_date(expression: str, *, base: str | None = None, anchor: str | None = None) -> str | None:
    """The ISO date a date expression names, as precise as its words allow, or None.

    ``base`` is the document's date (ISO, any precision); ``anchor`` the date
    of the event an expression such as "two months later" counts from.

    >>> resolve_date("August 22", base="2024-08-25")
    '2024-08-22'
    >>> resolve_date("Q2 2024")
    '2024'
    >>> resolve_date("recently", base="2024-08-22") is None
    True
    """
    return _resolve(_normalise(expression), _reference(base), _reference(anchor))


# the parts ----------------------------------------------------------------------


@lru_cache(maxsize=8192)
def _resolve(text: str, base: str | None, anchor: str | None) -> str | None:
    if not text:
        return None
    iso = _iso(text)
    if iso is not None:
        return iso
    cjk = _CJK.match(text)
    if cjk is not None:
        return _from_parts(cjk.group("year"), cjk.group("month"), cjk.group("day"))
    text, coarse = _strip_part_of(text)
    if _VAGUE.search(text) and not _LATER.match(text) and not _AGO.match(text):
        return None
    for resolver in (_quarter, _anchored, _base_relative, _without_year, _with_year):
        found = resolver(text, base, anchor)
        if found is not None:
            return _coarsen(found, "month") if coarse else found
    return None


def _normalise(expression: str) -> str:
    text = " ".join(expression.replace("’", "'").replace("\u00a0", " ").split()).lower().strip(" ,;:()[]\"'")
    text = re.sub(r"^(?:the\s+)?(?:news\s+)?(?:dated|of)\s+", "", text)
    text = _LEAD.sub("", text).strip(" ,")
    # "earlier this year" is this year: the adverb only places the event inside it.
    return re.sub(r"^(?:earlier|later|early|late)\s+(?=(?:this|last|next)\s)", "", text)


def _reference(iso: str | None) -> str | None:
    """A base or anchor as ISO of its precision; a datetime keeps its date; anything else is no reference."""
    if not iso:
        return None
    iso = iso.strip()
    stamp = _ISO_DATETIME.match(iso)
    if stamp is not None:
        iso = stamp.group(1)
    return _iso(iso)


def _iso(text: str) -> str | None:
    match = _ISO.match(text)
    if match is None:
        return None
    return _from_parts(*match.groups())


def _from_parts(year: str, month: str | None = None, day: str | None = None) -> str | None:
    y = int(year)
    if not month:
        return f"{y:04d}" if y > 0 else None
    m = int(month)
    if not 1 <= m <= 12 or y < 1:
        return None
    if not day:
        return f"{y:04d}-{m:02d}"
    d = int(day)
    if not 1 <= d <= calendar.monthrange(y, m)[1]:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _strip_part_of(text: str) -> tuple[str, bool]:
    """Drop "early", "the end of", "the second half of"...; True when what is left must lose its day."""
    stripped = _PART_OF.sub("", text, count=1)
    if stripped == text:
        return text, False
    return stripped.strip(" ,"), True


def _coarsen(iso: str, at_most: Precision) -> str:
    """Cut an ISO date to at most this precision: "2024-08-22" at month is "2024-08"."""
    keep = {"year": 4, "month": 7, "day": 10}[at_most]
    return iso[:keep]


def _coarser(a: Precision, b: Precision) -> Precision:
    return a if _RANK[a] <= _RANK[b] else b


def _middle(iso: str) -> date:
    """The date arithmetic starts from: the middle of an imprecise reference."""
    precision = precision_of(iso)
    y = int(iso[:4])
    if precision == "year":
        return date(y, 7, 1)
    m = int(iso[5:7])
    if precision == "month":
        return date(y, m, 15)
    return date(y, m, int(iso[8:10]))


def _format(day: date, precision: Precision) -> str:
    return _coarsen(day.isoformat(), precision)


def _count(word: str) -> float | None:
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word)


def _shift(start: date, count: float, unit: str) -> date | None:
    """``start`` moved by ``count`` units (negative: back); None when out of the calendar or fractional days."""
    try:
        if unit in ("day", "week"):
            days = count * (7 if unit == "week" else 1)
            return start + timedelta(days=round(days))
        months = count * {"month": 1, "year": 12, "decade": 120}[unit]
        if months != int(months):
            return None
        total = start.year * 12 + start.month - 1 + int(months)
        year, month = divmod(total, 12)
        return date(year, month + 1, min(start.day, calendar.monthrange(year, month + 1)[1]))
    except (ValueError, OverflowError):
        return None


def _unit_precision(unit: str) -> Precision:
    return {"day": "day", "week": "day", "month": "month", "year": "year", "decade": "year"}[unit]


def _relative(reference: str | None, count: float, unit: str) -> str | None:
    """``reference`` moved by ``count`` units, cut to the coarser of the two precisions."""
    if reference is None:
        return None
    moved = _shift(_middle(reference), count, unit)
    if moved is None:
        return None
    precision = _coarser(precision_of(reference), _unit_precision(unit))
    if unit == "week":
        # A week back or ahead names no day and may straddle two months.
        precision = _coarser(precision, "month")
    return _format(moved, precision)


# resolvers: each returns an ISO string, or None when the text is not its kind ------------


def _quarter(text: str, base: str | None, anchor: str | None) -> str | None:
    """"Q2 2024", "2024 Q2", "H1 2023", "FY2023", "fiscal 2023": the year."""
    match = _QUARTER.match(text)
    if match is None:
        return None
    year = match.group("year") or match.group("year2")
    if len(year) == 2:
        year = "20" + year
    return _from_parts(year)


def _anchored(text: str, base: str | None, anchor: str | None) -> str | None:
    """"60 days later", "the following year", "that month", "the day before": from the previous event."""
    match = _LATER.match(text)
    if match is not None:
        count = _count(match.group("count"))
        if count is None:
            return None
        back = match.group("way") in ("earlier", "before", "before that", "previously")
        return _relative(anchor, -count if back else count, match.group("unit"))
    match = _FOLLOWING.match(text)
    if match is not None:
        return _relative(anchor, 1, match.group("unit") or match.group("unit2"))
    match = _BEFORE_ANCHOR.match(text)
    if match is not None:
        return _relative(anchor, -1, match.group("unit") or match.group("unit2"))
    match = _SAME.match(text)
    if match is not None and anchor is not None:
        return _coarsen(anchor, _coarser(precision_of(anchor), _unit_precision(match.group("unit"))))
    return None


def _base_relative(text: str, base: str | None, anchor: str | None) -> str | None:
    """"last year", "two months ago", "yesterday", "on Monday", "last August": from the document's date."""
    match = _AGO.match(text)
    if match is not None:
        count = _count(match.group("count"))
        return _relative(base, -count, match.group("unit")) if count is not None else None
    match = _THIS_PERIOD.match(text)
    if match is not None:
        which = {"last": -1, "this": 0, "the current": 0}.get(match.group("which"), 1)
        unit = match.group("unit")
        if unit == "quarter":
            # A quarter is named by its year only.
            found = _relative(base, 3 * which, "month")
            return found[:4] if found else None
        return _relative(base, which, unit)
    match = _NAMED_MONTH.match(text)
    if match is not None:
        return _named_month(match.group("which"), _MONTHS[match.group("month")], base)
    match = _WEEKDAY.match(text)
    if match is not None:
        return _weekday(match.group("which"), _WEEKDAYS[match.group("day")], base)
    if _RELATIVE_WORDS.search(text) and not _YEAR.search(text):
        return _dateparser_relative(text, base)
    return None


def _named_month(which: str, month: int, base: str | None) -> str | None:
    """"last August": the latest August before the base's month; "next March": the first after it."""
    if base is None or precision_of(base) == "year":
        return None
    year, base_month = int(base[:4]), int(base[5:7])
    if which in ("last", "this past"):
        year -= 1 if month >= base_month else 0
    elif which in ("next", "this coming"):
        year += 1 if month <= base_month else 0
    return f"{year:04d}-{month:02d}"


def _weekday(which: str | None, weekday: int, base: str | None) -> str | None:
    """"Monday"/"on Monday": the latest such day on or before the base; "last": strictly before; "next": after."""
    if base is None or precision_of(base) != "day":
        return None
    day = date.fromisoformat(base)
    if which in ("next", "this coming"):
        ahead = (weekday - day.weekday()) % 7 or 7
        return (day + timedelta(days=ahead)).isoformat()
    back = (day.weekday() - weekday) % 7
    if which in ("last", "this past") and back == 0:
        back = 7
    return (day - timedelta(days=back)).isoformat()


def _dateparser_relative(text: str, base: str | None) -> str | None:
    """What dateparser makes of a base-relative phrase ("yesterday", "last night", "a decade ago")."""
    if base is None:
        return None
    data = _parser(base).get_date_data(text)
    if data.date_obj is None or data.period not in _PERIODS:
        return None
    precision = _coarser(precision_of(base), _PERIODS[data.period])
    return _format(data.date_obj.date(), precision)


# dateparser's "period" of a result, in our precisions; weeks name no day.
_PERIODS: dict[str, Precision] = {"year": "year", "quarter": "year", "month": "month", "week": "month",
                                  "day": "day", "part_of_day": "day", "time": "day"}


def _without_year(text: str, base: str | None, anchor: str | None) -> str | None:
    """"August 22", "22nd of August", "in August": the year that puts it nearest to the base."""
    reference = base or anchor
    match = _MONTH_DAY.match(text)
    if match is not None:
        month = _MONTHS[match.group("month") or match.group("month2")]
        day = int(match.group("day") or match.group("day2"))
        return _nearest_year(reference, month, day)
    match = _MONTH_ONLY.match(text)
    if match is not None:
        return _nearest_year(reference, _MONTHS[match.group("month")], None)
    return None


def _nearest_year(reference: str | None, month: int, day: int | None) -> str | None:
    if reference is None:
        return None
    target = _middle(reference)
    candidates = []
    for year in (target.year - 1, target.year, target.year + 1):
        iso = _from_parts(str(year), str(month), str(day) if day else None)
        if iso is not None:
            days = (_middle(iso) - target).days
            # News mostly looks back: a date ahead of the base counts as twice as far.
            candidates.append((2 * days if days > 0 else -days, days > 0, iso))
    if not candidates:
        return None
    return min(candidates)[2]


def _with_year(text: str, base: str | None, anchor: str | None) -> str | None:
    """An absolute date with a year, in any of the ways people write one ("Sept. 5, 2023", "08/22/2024")."""
    years = _YEAR.findall(text)
    if len(years) > 1 or _RANGE.search(text) and not _NUMERIC_DATE.fullmatch(text):
        return None
    if not years and not _NUMERIC_DATE.search(text):
        return None
    if re.fullmatch(r"\d{4}", text):
        return _from_parts(text) if 1000 <= int(text) <= 2999 else None
    data = _parser(None).get_date_data(text)
    if data.date_obj is None:
        return None
    day = data.date_obj.date()
    # Precision from the words: dateparser fills missing parts from its base.
    names_month = re.search(_MONTH, text) is not None or _NUMERIC_DATE.search(text) is not None \
        or re.search(r"\d{4}[-/.]\d{1,2}\b", text) is not None
    names_day = _NUMERIC_DATE.search(text) is not None or re.search(
        r"(?<![\d./-])\d{1,2}(?:st|nd|rd|th)?(?![\d./-])", re.sub(r"\d{4}", "", text)) is not None
    precision: Precision = "day" if names_month and names_day else "month" if names_month else "year"
    precision = _coarser(precision, _PERIODS.get(data.period, "day"))
    if years and str(day.year) != years[0]:
        return None
    return _format(day, precision)


@lru_cache(maxsize=64)
def _parser(base: str | None):
    """One dateparser parser per base date, built on first use (importing dateparser is slow)."""
    from dateparser.date import DateDataParser

    relative_base = datetime.combine(_middle(base), datetime.min.time()) if base else datetime(2000, 1, 1)
    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": relative_base,
            "PREFER_DATES_FROM": "past",
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_TIME_AS_PERIOD": True,
            "STRICT_PARSING": False,
        },
    )
