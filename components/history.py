"""One figure across reports: every period as a bar, and every statement of it as a table row with its source."""

from __future__ import annotations

from components.charts import COLORS, bar_fill, bar_row, share_of
from components.html import esc, table
from components.once import per_dataset
from kpi.data.dataset import Dataset
from kpi.data.model import Indicator
from kpi.format import section_label, stated
from kpi.periods import period_label
from kpi.texts import t, text


@per_dataset
def history(dataset: Dataset, indicator_id: str, lang: str) -> str:
    """One bar per period, labelled as the report words it, then every statement with its report and sentence."""
    indicator = dataset.indicators[indicator_id]
    series = dataset.series(indicator)
    top = max(abs(o.value.value) for o in series) or 1
    bars = "".join(bar_row(esc(period_label(o.period, lang)), bar_fill(share_of(o.value.value, top), COLORS["bar"]),
                        esc(stated(o.value, indicator.unit, lang))) for o in series) if len(series) > 1 else ""
    columns = (t("col_period", lang), t("col_value", lang), t("col_report", lang), t("col_section", lang),
               t("col_quote", lang), t("col_note", lang))
    chart = f'<figure class="kb-chart"><figcaption>{esc(t("history_question", lang))}</figcaption>{bars}</figure>' if bars else ""
    return f'<div class="kb">{chart}{table(columns, statements(indicator, dataset, lang))}</div>'


def statements(indicator: Indicator, dataset: Dataset, lang: str) -> list[tuple[str, ...]]:
    """Every statement of the figure, newest report first within each period, each with its report and sentence."""
    rows = []
    for observation in dataset.series(indicator):
        revised = observation.revised()
        for statement in (observation.current, *observation.earlier):
            if statement is observation.current:
                note = t("shown", lang)
            else:
                note = t("revised_by" if statement in revised else "restated_by", lang, report=observation.current.report.id)
            rows.append((period_label(observation.period, lang), stated(statement.value, indicator.unit, lang),
                         f"{text(statement.report.title, lang)} ({statement.report.published.isoformat()})",
                         section_label(statement.value.source.section, lang), statement.value.source.quote, note))
    return rows
