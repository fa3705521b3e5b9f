"""A figure across reports (kpi/data/series.py): one observation per period, the newest report's statement shown."""

from __future__ import annotations

import datetime as dt

import pytest

from kpi.data.model import Indicator, Report, Source, Text, Value
from kpi.data.series import observations, report_order

T = Text(zh="甲", en="A")


def report(rid: str, published: dt.date) -> Report:
    return Report(
        id=rid,
        title=T,
        publisher=T,
        published=published,
        url="https://example.org/r",
        file="source/r.txt",
        reviews=published.year - 1,
        plans=published.year,
    )


REPORTS = {r.id: r for r in (report("report_2023", dt.date(2024, 1, 29)), report("report_2024", dt.date(2025, 1, 22)))}


def value(period: str, number: float, rid: str, qualifier: str = "exact") -> Value:
    return Value(
        period=period,
        value=number,
        qualifier=qualifier,
        source=Source(report=rid, section="第一部分 一(一)", quote=f"引进企业{number}家"),
    )


def indicator(*values: Value) -> Indicator:
    return Indicator(id="economy.x", theme="economy", name=T, unit=Text(zh="家", en="enterprises"), values=list(values))


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([value("2023", 139, "report_2023")], [("2023", 139, "report_2023", ())]),
        # the newer report's figure is shown, the older kept to compare
        (
            [value("2023", 139, "report_2023"), value("2023", 141, "report_2024")],
            [("2023", 141, "report_2024", ("report_2023",))],
        ),
        # periods in time order whatever the order of the file
        (
            [value("2024", 150, "report_2024"), value("2023-01..2023-11", 139, "report_2023")],
            [("2023-01..2023-11", 139, "report_2023", ()), ("2024", 150, "report_2024", ())],
        ),
        # a year ends after its first eleven months: Jan–Nov comes first
        (
            [value("2023", 150, "report_2024"), value("2023-01..2023-11", 139, "report_2023")],
            [("2023-01..2023-11", 139, "report_2023", ()), ("2023", 150, "report_2024", ())],
        ),
    ],
)
def test_each_period_once_with_its_newest_statement(values, expected):
    found = observations(indicator(*values), REPORTS)
    assert [
        (o.period, o.value.value, o.current.report.id, tuple(s.report.id for s in o.earlier)) for o in found
    ] == expected


@pytest.mark.parametrize(
    ("earlier", "revised"), [((139, "exact"), True), ((141, "exact"), False), ((141, "about"), True)]
)
def test_a_revision_is_an_earlier_statement_of_another_figure(earlier, revised):
    [observation] = observations(
        indicator(value("2023", *earlier[:1], "report_2023", earlier[1]), value("2023", 141, "report_2024")), REPORTS
    )
    assert bool(observation.revised()) is revised


def test_reports_sort_by_publication_then_id():
    same_day = report("report_1999", dt.date(2024, 1, 29))  # the same day: the id decides
    assert sorted([REPORTS["report_2024"], REPORTS["report_2023"], same_day], key=report_order) == [
        same_day,
        REPORTS["report_2023"],
        REPORTS["report_2024"],
    ]
