"""A plan year's targets and milestones as one table (in the status table's order), where a target stands, and the
words that explain its status."""

from __future__ import annotations

import calendar
from datetime import date

from components.charts import COLORS, target_words
from components.html import esc, link
from components.once import per_day
from components.targets_summary import assessments, status_chip, status_counts, view_params
from kpi.data.dataset import Dataset
from kpi.data.model import Milestone, Target
from kpi.format import format_value, section_label, stated
from kpi.periods import parse_period
from kpi.progress import APPROXIMATE, NEEDS_ACCELERATION, ON_TRACK, MilestoneAssessment, TargetAssessment
from kpi.report.numbers import plain
from kpi.status import STATUSES, status_rank
from kpi.texts import status_words, t, text


def reached_words(target: Target, a: TargetAssessment, lang: str) -> str:
    """What the target came to: the outcome with its qualifier, or the latest progress entry and its date."""
    if a.final is not None and target.outcome is not None:
        outcome = format_value(target.outcome.value, target.outcome.qualifier, target.unit, lang)
        return t("outcome_from", lang, value=outcome, report=target.outcome.source.report)
    if a.latest is None:
        return ""
    return t("progress_on", lang, value=format_value(a.latest.value, "exact", target.unit, lang), date=a.latest.date.isoformat())


def milestone_words(milestone: Milestone, a: MilestoneAssessment, lang: str) -> str:
    """The outcome's source or note, else the latest entry's note and date."""
    outcome = milestone.outcome
    if outcome is not None and a.computed == outcome.status:
        return text(outcome.note, lang) if outcome.note else t("outcome_in", lang, report=outcome.source.report)
    if a.latest is None:
        return ""
    note = f" · {text(a.latest.note, lang)}" if a.latest.note else ""
    return f"{a.latest.date.isoformat()}{note}"


def plan_rows(targets: list[Target], milestones: list[Milestone], assessed: dict, dataset: Dataset,
              lang: str) -> list[dict[str, str]]:
    """One row per target or milestone, in the status table's reading order, then by theme (pure)."""
    themes = {theme.id: text(theme.name, lang) for theme in dataset.content.themes}
    order = list(themes)
    rows = []
    for item in [*targets, *milestones]:
        a = assessed[item.id]
        is_target = isinstance(item, Target)
        base = dataset.baseline(item) if is_target else None
        rows.append({
            "id": item.id,
            "status": a.status,
            "is_target": is_target,
            t("status", lang): status_words(a.status, lang, dataset.plan_year(item), a.override_reason is not None),
            t("col_item", lang): text(item.name, lang),
            t("col_target", lang): target_words(item, lang) if is_target else "",
            t("col_reached", lang): reached_words(item, a, lang) if is_target else milestone_words(item, a, lang),
            t("col_percent", lang): "" if not is_target or a.percent is None else f"{a.percent:.0f}%",
            t("col_baseline", lang): "" if base is None else stated(base.value, dataset.indicators[item.baseline].unit, lang),
            t("col_theme", lang): themes.get(item.theme, item.theme),
            t("col_section", lang): section_label(item.source.section, lang),
            "_rank": (status_rank(a.status), order.index(item.theme) if item.theme in order else 0),
        })
    return sorted(rows, key=lambda row: row["_rank"])


_HIDDEN = ("id", "status", "is_target", "_rank")


def plan_table(rows: list[dict[str, str]], lang: str, year: int, view: dict[str, str]) -> str:
    """The rows as one table, status first (it stays in view on a phone), without columns empty for every row; a
    numeric target's name opens how its status was worked out (`view` is what its link keeps: language, date)."""
    if not rows:
        return ""
    columns = [c for c in rows[0] if c not in _HIDDEN and any(row[c] for row in rows)]
    status, item = t("status", lang), t("col_item", lang)

    def cell(row: dict, column: str) -> str:
        if column == status:
            return status_chip(row["status"], lang, year)
        if column == item and row["is_target"]:
            return link("targets", esc(row[column]), year=str(year), target=row["id"], **view)
        return esc(row[column])

    body = "".join("<tr>" + "".join(f"<td>{cell(row, c)}</td>" for c in columns) + "</tr>" for row in rows)
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in columns)
    return f'<div class="kb"><div class="kb-scroll" tabindex="0"><table class="kb-table kb-plan"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div></div>'


@per_day
def year_table(dataset: Dataset, as_of: date, year: int, lang: str) -> str:
    """The whole plan year (what nearly every visitor opens), built once a day per dataset."""
    targets, milestones = dataset.planned(year)
    return plan_table(plan_rows(targets, milestones, assessments(dataset, as_of), dataset, lang), lang, year,
                      view_params(lang, as_of))


def explain(target: Target, a: TargetAssessment, lang: str) -> list[str]:
    """The numbers behind a status, one sentence each, so a reviewer can redo the sum."""
    start, end = parse_period(a.period)
    lines = [f"{t('col_target', lang)}: {target_words(target, lang)} ({start.isoformat()} – {end.isoformat()})."]
    if target.qualifier == "about":
        lines.append(t("explain_about", lang, tolerance=f"{APPROXIMATE * 100:.0f}", threshold=plain(round(a.threshold, 6))))
    if a.final is not None:
        lines.append(t("explain_outcome", lang, value=plain(a.final), goal=plain(a.threshold)))
    elif a.latest is None:
        lines.append(t("explain_none" if a.computed == "not_reported" else "explain_missing", lang, date=a.as_of.isoformat(),
                       end=end.isoformat()))
    else:
        lines.append(t("explain_latest", lang, value=plain(a.latest.value), date=a.latest.date.isoformat(), as_of=a.as_of.isoformat()))
        if a.computed == "outcome_missing":
            lines.append(t("explain_missing", lang, date=a.as_of.isoformat(), end=end.isoformat()))
    if a.percent is not None:
        lines.append(t("explain_percent", lang, value=plain(a.reached), goal=plain(target.value), percent=f"{a.percent:.1f}"))
    if a.final is None and a.latest is not None and a.computed not in ("achieved", "outcome_missing", "missed"):
        lines.append(t("explain_expected", lang, expected=f"{a.expected * 100:.1f}"))
        if a.pace is not None and a.pace != float("inf"):
            lines.append(t("explain_pace_" + ("at_most" if target.comparison == "at_most" else "at_least"), lang,
                           pace=f"{a.pace * 100:.0f}", on=f"{ON_TRACK * 100:.0f}", mid=f"{NEEDS_ACCELERATION * 100:.0f}"))
    lines.append(t("explain_status", lang, status=status_words(a.computed, lang, end.year)))
    if a.override_reason is not None:
        lines.append(t("explain_override", lang, status=status_words(a.status, lang, end.year), reason=text(a.override_reason, lang)))
    if a.ignored_later:
        lines.append(t("ignored_later", lang, n=a.ignored_later))
    return lines


def filter_links(dataset: Dataset, assessed: dict, year: int, lang: str, view: dict[str, str], chosen: dict[str, str]) -> str:
    """The year's statuses with their counts, then its themes, each a link that filters the table (and keeps the other
    filter, the search and the view): no widget, the filter in the address."""
    counts = status_counts(dataset, assessed, year)
    keep = {**view, "year": str(year), **chosen}

    def chip(param: str, value: str, words: str) -> str:
        return link("targets", words, current=keep.get(param, "") == value, **{**keep, param: value})

    statuses = [chip("status", s.id, f"{status_chip(s.id, lang, year)} <b>{counts[s.id]}</b>") for s in STATUSES if counts[s.id]]
    themes = [chip("theme", theme.id, esc(text(theme.name, lang))) for theme in dataset.content.themes]
    # What-if dates: each quarter's end of the plan year (序时进度 is read at quarter ends), or today.
    quarters = [date(year, month, calendar.monthrange(year, month)[1]).isoformat() for month in (3, 6, 9, 12)]
    dates = [chip("as_of", "", esc(t("today", lang))), *(chip("as_of", day, day) for day in quarters)]
    everything = esc(t("all", lang))
    return (f'<p class="kb-statuses kb-filter">{chip("status", "", everything)}{"".join(statuses)}</p>'
            f'<p class="kb-statuses kb-filter"><span>{esc(t("filter_theme", lang))}:</span>{chip("theme", "", everything)}'
            f'{"".join(themes)}</p>'
            f'<p class="kb-statuses kb-filter"><span>{esc(t("as_of_label", lang))}:</span>{"".join(dates)}</p>')


def target_detail(target: Target, a: TargetAssessment, lang: str) -> str:
    """One target: its status, the report's sentence, where it stands, and the numbers behind its status."""
    year = parse_period(a.period)[1].year
    explained = "".join(f"<li>{esc(line)}</li>" for line in explain(target, a, lang))
    return (f'<section class="kb kb-card" id="target-detail"><h2>{esc(t("target_detail", lang))}: {esc(text(target.name, lang))}</h2>'
            f'<p>{status_chip(a.status, lang, year)}{esc(t("overridden", lang)) if a.override_reason else ""}</p>'
            f'<p>{esc(t("quote", lang))} ({esc(section_label(target.source.section, lang))}): '
            f'<span lang="zh-CN">“{esc(target.source.quote)}”</span></p>{progress_bar(target, a, lang)}'
            f'<p><b>{esc(t("how_computed", lang))}</b></p><ul>{explained}</ul></section>')


def progress_bar(target: Target, a: TargetAssessment, lang: str) -> str:
    """Where the target stands: what was reached, the line for reaching it and, during the year, the share expected
    by the date; words only when nothing has been reported (an empty chart would say nothing)."""
    if a.reached is None:
        return ""
    scale = max(target.value, a.reached, 1e-9) * 1.05
    expected = a.expected * target.value
    marks = f'<span class="kb-tick" style="left:{target.value / scale * 100:.2f}%"></span>'
    words = [t("bar_reached", lang, value=format_value(a.reached, "exact", target.unit, lang)),
             t("bar_target", lang, value=target_words(target, lang))]
    if a.final is None and 0 < a.expected < 1:
        marks += f'<span class="kb-expected" style="left:{expected / scale * 100:.2f}%"></span>'
        words.insert(1, t("bar_expected", lang, value=format_value(round(expected, 1), "exact", target.unit, lang)))
    fill = f'<span class="kb-fill" style="left:0;width:{min(a.reached / scale * 100, 100):.2f}%;background:{COLORS["done"]}"></span>'
    return (f'<div class="kb"><div class="kb-row"><div class="kb-track">{fill}{marks}</div>'
            f'<div class="kb-sub">{esc(" · ".join(words))}</div></div></div>')
