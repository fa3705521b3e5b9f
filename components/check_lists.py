"""The data-check page's lists for staff: what to enter, where reports disagree, what is incomplete (pure)."""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from kpi.data.dataset import Dataset
from kpi.data.files import EXCLUSIONS, INDICATORS
from kpi.format import section_label, stated
from kpi.periods import period_label
from kpi.report.layout import GLOSSARY
from kpi.report.statements import Statement, check_all
from kpi.texts import status_words, t, text


def _where(dataset: Dataset, item_id: str) -> str:
    """`indicators.yaml:1870`: where staff find the item in their editor."""
    return f"{INDICATORS}:{dataset.lines.get(item_id, 1)}"


def outcomes_missing(dataset: Dataset, assessed: dict, lang: str) -> pd.DataFrame:
    """Targets and milestones whose plan year is over with no outcome: each with its name, year and YAML line."""
    rows = [
        {
            t("col_item", lang): text(item.name, lang),
            t("plan_year", lang): dataset.plan_year(item),
            t("status", lang): status_words(assessed[item.id].status, lang, dataset.plan_year(item)),
            t("col_id", lang): item.id,
            t("col_line", lang): _where(dataset, item.id),
        }
        for item in [*dataset.content.targets, *dataset.content.milestones]
        if assessed[item.id].status == "outcome_missing"
    ]
    return pd.DataFrame(rows)


def disagreements(dataset: Dataset, lang: str) -> pd.DataFrame:
    """Periods for which a later report gives a different figure than an earlier one (revisions, not errors)."""
    rows = []
    for indicator in dataset.content.indicators:
        for observation in dataset.series(indicator):
            for earlier in observation.revised():
                rows.append(
                    {
                        t("col_name", lang): text(indicator.name, lang),
                        t("col_period", lang): period_label(observation.period, lang),
                        t("col_shown", lang): f"{stated(observation.value, indicator.unit, lang)}"
                        f" ({observation.current.report.id})",
                        t("col_earlier", lang): f"{stated(earlier.value, indicator.unit, lang)} ({earlier.report.id})",
                        t("col_id", lang): indicator.id,
                        t("col_line", lang): _where(dataset, indicator.id),
                    }
                )
    return pd.DataFrame(rows)


def staff_lists(dataset: Dataset, assessed: dict, lang: str) -> list[tuple[str, pd.DataFrame]]:
    """Smaller to-do lists: English names still in Chinese, targets of a running year with no progress entry."""
    content = dataset.content

    def table(items) -> pd.DataFrame:
        return pd.DataFrame(
            [
                {
                    t("col_item", lang): text(x.name, lang),
                    t("col_id", lang): x.id,
                    t("col_line", lang): _where(dataset, x.id),
                }
                for x in items
            ]
        )

    untranslated = [i for i in content.indicators if any("\u4e00" <= c <= "\u9fff" for c in i.name.en)]
    waiting = [x for x in content.targets if assessed[x.id].status == "not_reported"]
    return [("check_no_english", table(untranslated)), ("check_no_progress", table(waiting))]


def _section(statement: Statement, lang: str) -> str:
    """The statement's section as the report cites it; the front matter and the glossary by name."""
    if statement.section:
        return section_label(statement.section, lang)
    return t("glossary" if statement.part == GLOSSARY else "section_front", lang)


class Uncurated(NamedTuple):
    """The rows for staff, how many are statements and how many stale exclusions, and the reports with neither."""

    table: pd.DataFrame
    statements: int
    stale: int
    clean: list[str]


def uncurated_statements(dataset: Dataset, lang: str) -> Uncurated:
    """What each report states that the data neither quotes nor excludes (kpi/statements.py), with its section,
    kind and line in the report's file; then the exclusions no longer needed, with their line in exclusions.yaml.

    Why one table: a new report may leave dozens of rows, and one element keeps the page cheap to draw.
    """
    rows, clean, stale = [], [], 0
    for check in check_all(dataset):
        report = dataset.reports[check.report]
        clean += [] if check.missing or check.stale else [report.id]
        rows += [
            {
                t("col_report", lang): report.id,
                t("col_section", lang): _section(s, lang),
                t("col_kind", lang): t(f"kind_{s.kind}", lang),
                t("col_quote", lang): s.text,
                t("col_line", lang): f"{report.file}:{s.line}",
            }
            for s in check.missing
        ]
        rows += [
            {
                t("col_report", lang): report.id,
                t("col_section", lang): "",
                t("col_kind", lang): t("kind_stale", lang),
                t("col_quote", lang): getattr(dataset.exclusions, group)[index].text,
                t("col_line", lang): f"{EXCLUSIONS}:{dataset.exclusion_lines[group, index]}",
            }
            for group, index in check.stale
        ]
        stale += len(check.stale)
    return Uncurated(pd.DataFrame(rows), len(rows) - stale, stale, clean)
