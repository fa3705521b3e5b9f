"""The data-check page's lists for staff: what to enter, where reports disagree, what is incomplete (pure)."""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from kpi.data.dataset import Dataset
from kpi.data.files import EXCLUSIONS, INDICATORS
from kpi.data.model import Milestone, Target
from kpi.format import section_label, stated
from kpi.periods import period_label
from kpi.report.layout import GLOSSARY
from kpi.report.statements import Statement, check_all
from kpi.texts import t, text

ROW_PX = 35  # a row of st.dataframe


def full_height(table: pd.DataFrame) -> int:
    """The height that shows every row of a table: staff read a list of 158 whole, not through a 10-row box."""
    return ROW_PX * (len(table) + 1) + 3


def _where(dataset: Dataset, item_id: str, lang: str) -> dict[str, object]:
    """The item's id and its line in indicators.yaml, each in its own column: what staff search for in their editor."""
    return {t("col_id", lang): item_id, t("col_line_in", lang, file=INDICATORS): dataset.lines.get(item_id, 1)}


def outcomes_missing(dataset: Dataset, assessed: dict, lang: str) -> pd.DataFrame:
    """Targets and milestones whose plan year is over with no outcome: each with its name, year, id and YAML line.
    No status column: every row's is the same, the section's heading. The theme: 158 rows read by theme."""
    themes = {theme.id: theme.name for theme in dataset.content.themes}
    items: list[Target | Milestone] = [*dataset.content.targets, *dataset.content.milestones]
    rows = [
        {
            t("col_item", lang): text(item.name, lang),
            t("col_theme", lang): text(themes[item.theme], lang),
            t("plan_year", lang): dataset.plan_year(item),
            **_where(dataset, item.id, lang),
        }
        for item in items
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
                        t("col_shown", lang): stated(observation.value, indicator.unit, lang),
                        t("col_shown_report", lang): observation.current.report.id,
                        t("col_earlier", lang): stated(earlier.value, indicator.unit, lang),
                        t("col_earlier_report", lang): earlier.report.id,
                        **_where(dataset, indicator.id, lang),
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
                    **_where(dataset, x.id, lang),
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
                t("col_file", lang): report.file,
                t("col_line", lang): s.line,
            }
            for s in check.missing
        ]
        rows += [
            {
                t("col_report", lang): report.id,
                t("col_section", lang): "",
                t("col_kind", lang): t("kind_stale", lang),
                t("col_quote", lang): getattr(dataset.exclusions, group)[index].text,
                t("col_file", lang): EXCLUSIONS,
                t("col_line", lang): dataset.exclusion_lines[group, index],
            }
            for group, index in check.stale
        ]
        stale += len(check.stale)
    return Uncurated(pd.DataFrame(rows), len(rows) - stale, stale, clean)
