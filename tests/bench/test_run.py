"""A partial `make bench` (BENCH_ONLY) keeps the sections it did not run, marked with their run."""

from __future__ import annotations

from bench.run import CARRIED, _carried_over

PREVIOUS = """# Benchmark results

Written by `make bench` (`python -m bench.run`) on 2026-01-02 03:04 UTC; the whole run took 9.0 minutes.

## Machine

| | |
| --- | --- |
| Neo4j server | 5.26.0 community |
| corpgraph revision | abc1234 (clean) |

## Extraction speed

fast

## Extraction memory

flat

## Loading

| run | rels/s |
| --- | --- |
| loader | 9 |

## Report latency

quick

## Failed sections

- none
"""


def test_a_section_not_run_is_kept_with_the_run_it_came_from():
    kept = _carried_over(PREVIOUS, "loading")
    lines = kept.splitlines()
    assert lines[0] == "## Loading"
    assert lines[2].startswith(f"{CARRIED} the run of 2026-01-02 03:04 UTC at revision abc1234 (clean), Neo4j 5.26.0 community")
    assert "| loader | 9 |" in kept and "Report latency" not in kept


def test_the_extraction_section_keeps_all_its_headings_and_stops_at_the_next_section():
    kept = _carried_over(PREVIOUS, "extraction")
    assert "## Extraction memory" in kept and "flat" in kept and "## Loading" not in kept
    assert "Neo4j" not in kept.splitlines()[2]


def test_the_last_section_stops_before_the_failures_and_carrying_twice_keeps_the_first_mark():
    kept = _carried_over(PREVIOUS, "reports")
    assert kept.rstrip().endswith("quick")
    again = _carried_over("# later\n\n" + kept, "reports")
    assert again == kept


def test_a_section_the_previous_file_lacks_is_not_invented():
    assert _carried_over("# Benchmark results\n", "loading") is None
