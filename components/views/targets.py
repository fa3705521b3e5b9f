"""The targets page: a plan year's targets and milestones as one table (in the status table's order), filtered by links
in the address, where a target stands, and the words that explain its status."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date

from components.views.charts import COLORS, bar_fill, target_words, tick
from components.views.commitments import (
    Assessed,
    assessments,
    folded,
    one_state,
    one_state_line,
    status_chip,
    status_counts,
    status_line,
)
from components.views.finding import figures_found
from components.views.html import Markup, html, join, link, t_html, table
from components.views.html import cell as html_cell
from components.views.once import per_day
from components.views.page import Download, Page, Search, Viewer, labelled, view_params
from components.views.plots import progress_plot
from components.views.report import report_link, report_name
from components.views.spreadsheet import CSV_MIME, csv_bytes
from kpi.data.dataset import Dataset
from kpi.data.model import Milestone, MilestoneOutcome, Target
from kpi.format import format_value, section_label, stated
from kpi.pace import done_when, due_from, season_period
from kpi.periods import parse_period
from kpi.progress import APPROXIMATE, NEEDS_ACCELERATION, ON_TRACK, MilestoneAssessment, TargetAssessment
from kpi.report.numbers import plain
from kpi.status import BY_ID, STATUSES, status_rank
from kpi.texts import status_words, t, text


def assessed_target(assessed: Assessed, target: Target) -> TargetAssessment:
    """A numeric target's assessment: assess_all assesses every target as one (its milestones as milestones)."""
    a = assessed[target.id]
    assert isinstance(a, TargetAssessment), f"{target.id} is a target"
    return a


def reached_words(target: Target, a: TargetAssessment, lang: str) -> str:
    """What the target came to: the outcome with its qualifier, or the latest progress entry and its date."""
    if a.final is not None and target.outcome is not None and target.outcome.value is not None:
        return format_value(target.outcome.value, target.outcome.qualifier, target.unit, lang)
    if a.latest is None:
        return ""
    return t(
        "progress_on",
        lang,
        value=format_value(a.latest.value, "exact", target.unit, lang),
        date=a.latest.date.isoformat(),
    )


def milestone_words(milestone: Milestone, a: MilestoneAssessment, lang: str) -> str:
    """The outcome's note, else the latest entry's note and date."""
    outcome = milestone.outcome
    if outcome is not None and a.computed == outcome.status:
        return text(outcome.note, lang) if outcome.note else ""
    if a.latest is None:
        return ""
    note = f" · {text(a.latest.note, lang)}" if a.latest.note else ""
    return f"{a.latest.date.isoformat()}{note}"


def judged_words(item: Target | Milestone, lang: str) -> str:
    """When the item is judged, when the report ties it to a time: "7—8月" / "Jul–Aug", or the year's end."""
    if item.due is None:
        return ""
    if item.due.year_end:
        return t("judged_year_end", lang)
    first, last = (int(month) for month in item.due.season.split(".."))  # type: ignore[union-attr]
    if lang == "zh":
        return t("judged_season", lang, first=first, last=last)
    return t("judged_season", lang, first=calendar.month_abbr[first], last=calendar.month_abbr[last])


def done_when_words(milestone: Milestone, lang: str) -> str:
    """What the next report must say for "done": ongoing work is done when it went on, not when it ended."""
    return t("done_when_" + done_when(milestone), lang)


def outcome_report(item: Target | Milestone, a: TargetAssessment | MilestoneAssessment) -> str:
    """The id of the report whose sentence gives the outcome shown, or "" (none yet, a staff note, a year-end entry)."""
    outcome = item.outcome
    if isinstance(a, TargetAssessment):
        shown = a.final is not None
    else:
        shown = isinstance(outcome, MilestoneOutcome) and a.computed == outcome.status
    return outcome.source.report if shown and outcome is not None and outcome.source is not None else ""


def plan_rows(
    targets: list[Target], milestones: list[Milestone], assessed: dict, dataset: Dataset, lang: str
) -> list[dict[str, str]]:
    """One row per target or milestone, in the status table's reading order, then by theme (pure)."""
    themes = {theme.id: text(theme.name, lang) for theme in dataset.content.themes}
    order = list(themes)
    rows = []
    items: list[Target | Milestone] = [*targets, *milestones]
    for item in items:
        a = assessed[item.id]
        is_target = isinstance(item, Target)
        if isinstance(item, Target):
            base = dataset.baseline(item)
            goal, reached = target_words(item, lang), reached_words(item, a, lang)
            figure = dataset.indicators[item.baseline] if base is not None and item.baseline is not None else None
        else:
            goal, reached, figure = "", milestone_words(item, a, lang), None
        rows.append(
            {
                "id": item.id,
                "status": a.status,
                "is_target": is_target,
                t("status", lang): status_words(a.status, lang, dataset.plan_year(item), a.override_reason is not None),
                t("col_item", lang): text(item.name, lang),
                t("col_target", lang): goal,
                t("col_reached", lang): reached,
                "report": outcome_report(item, a),
                t("col_percent", lang): "" if not is_target or a.percent is None else f"{a.percent:.0f}%",
                t("col_baseline", lang): ""
                if figure is None or base is None
                else stated(base.value, figure.unit, lang),
                t("col_judged", lang): judged_words(item, lang),
                t("col_done_when", lang): done_when_words(item, lang) if isinstance(item, Milestone) else "",
                t("col_theme", lang): themes.get(item.theme, item.theme),
                "_rank": (status_rank(a.status), order.index(item.theme) if item.theme in order else 0),
            }
        )
    return sorted(rows, key=lambda row: row["_rank"])


_HIDDEN = ("id", "status", "is_target", "report", "_rank")


def plan_table(rows: list[dict[str, str]], dataset: Dataset, lang: str, year: int, view: dict[str, str]) -> Markup:
    """The rows as one table, status first (it stays in view on a phone), without columns empty for every row; a
    numeric target's name opens how its status was worked out (`view` is what its link keeps: language, date)."""
    if not rows:
        return Markup()
    reached = t("col_reached", lang)
    status, item = t("status", lang), t("col_item", lang)
    alike = len({row["status"] for row in rows}) == 1  # one state for all: the sentence or the filter above says it
    columns = [
        c
        for c in rows[0]
        if c not in _HIDDEN
        and any(row[c] or (c == reached and row["report"]) for row in rows)
        and not (alike and c == status)
    ]

    def value(row: dict, column: str) -> Markup | str:
        if column == status:
            return status_chip(row["status"], lang, year)
        if column == item and row["is_target"]:
            return link("targets", row[column], year=str(year), target=row["id"], **view)
        if column == reached and row["report"]:  # the report that gives it, by name, a link to its text
            source = report_link(dataset.reports[row["report"]], lang)
            return (
                t_html("outcome_from", lang, value=row[column], report=source)
                if row[column]
                else t_html("outcome_in", lang, report=source)
            )
        return row[column]

    body = join(
        html("<tr>{}</tr>", join(html_cell(value(row, c), c, "kb-cell-name" if c == item else "") for c in columns))
        for row in rows
    )
    head = join(html('<th scope="col">{}</th>', c) for c in columns)
    return html(
        '<div class="kb"><div class="kb-scroll" tabindex="0"><table class="kb-table kb-plan"><thead><tr>{}</tr></thead>'
        "<tbody>{}</tbody></table></div></div>",
        head,
        body,
    )


@per_day
def year_table(dataset: Dataset, as_of: date, year: int, lang: str) -> Markup:
    """The whole plan year (what nearly every visitor opens), built once a day per dataset."""
    targets, milestones = dataset.planned(year)
    return plan_table(
        plan_rows(targets, milestones, assessments(dataset, as_of), dataset, lang),
        dataset,
        lang,
        year,
        view_params(lang, as_of),
    )


@per_day
def year_csv(dataset: Dataset, as_of: date, year: int, lang: str) -> bytes:
    """The whole plan year as the table lists it, for a spreadsheet: the report that gives an outcome, and each id."""
    targets, milestones = dataset.planned(year)
    rows = plan_rows(targets, milestones, assessments(dataset, as_of), dataset, lang)
    columns = [column for column in rows[0] if column not in _HIDDEN] if rows else []
    header = [*columns, t("col_report", lang), t("col_id", lang)]
    return csv_bytes(
        header,
        (
            [row[c] for c in columns]
            + [report_name(dataset.reports[row["report"]], lang) if row["report"] else "", row["id"]]
            for row in rows
        ),
    )


def explain(target: Target, a: TargetAssessment, lang: str) -> list[str]:
    """The numbers behind a status, one sentence each, so a reviewer can redo the sum."""
    start, end = parse_period(a.period)
    lines = [f"{t('col_target', lang)}: {target_words(target, lang)} ({start.isoformat()} – {end.isoformat()})."]
    if target.qualifier == "about":
        lines.append(
            t("explain_about", lang, tolerance=f"{APPROXIMATE * 100:.0f}", threshold=plain(round(a.threshold, 6)))
        )
    if target.due is not None:
        due = due_from(target, end.year)
        lines.append(t("explain_not_due", lang, words=target.due.words, date=due.isoformat() if due else ""))
    if a.final is not None:
        lines.append(t("explain_outcome", lang, value=plain(a.final), goal=plain(a.threshold)))
    elif a.latest is None:
        if a.computed != "not_due":  # not due: the line above says why there is nothing yet
            lines.append(
                t(
                    "explain_none" if a.computed == "not_reported" else "explain_missing",
                    lang,
                    date=a.as_of.isoformat(),
                    end=end.isoformat(),
                )
            )
    else:
        lines.append(
            t(
                "explain_latest",
                lang,
                value=plain(a.latest.value),
                date=a.latest.date.isoformat(),
                as_of=a.as_of.isoformat(),
            )
        )
        if a.computed == "outcome_missing":
            lines.append(t("explain_missing", lang, date=a.as_of.isoformat(), end=end.isoformat()))
    if a.percent is not None and a.reached is not None:
        lines.append(
            t("explain_percent", lang, value=plain(a.reached), goal=plain(target.value), percent=f"{a.percent:.1f}")
        )
    if a.final is None and a.latest is not None and a.computed not in ("achieved", "outcome_missing", "missed"):
        season = season_period(target, end.year)
        if season is None:
            lines.append(t("explain_expected", lang, expected=f"{a.expected * 100:.1f}"))
        else:
            first, last = (day.isoformat() for day in parse_period(season))
            lines.append(t("explain_expected_season", lang, start=first, end=last, expected=f"{a.expected * 100:.1f}"))
        if a.pace is not None and a.pace != float("inf"):
            lines.append(
                t(
                    "explain_pace_" + ("at_most" if target.comparison == "at_most" else "at_least"),
                    lang,
                    pace=f"{a.pace * 100:.0f}",
                    on=f"{ON_TRACK * 100:.0f}",
                    mid=f"{NEEDS_ACCELERATION * 100:.0f}",
                )
            )
    lines.append(t("explain_status", lang, status=status_words(a.computed, lang, end.year)))
    if a.override_reason is not None:
        lines.append(
            t(
                "explain_override",
                lang,
                status=status_words(a.status, lang, end.year),
                reason=text(a.override_reason, lang),
            )
        )
    if a.ignored_later:
        lines.append(t("ignored_later", lang, n=a.ignored_later))
    return lines


def filter_links(
    dataset: Dataset, assessed: dict, year: int, lang: str, view: dict[str, str], chosen: dict[str, str]
) -> Markup:
    """The year's statuses with their counts, then its themes, each a link that filters the table (and keeps the other
    filter, the search and the view): no widget, the filter in the address."""
    counts = status_counts(dataset, assessed, year)
    keep = {**view, "year": str(year), **chosen}

    def chip(param: str, value: str, words: object) -> Markup:
        return link("targets", words, keep.get(param, "") == value, **{**keep, param: value})

    statuses = [
        chip("status", s.id, html("{} <b>{}</b>", status_chip(s.id, lang, year), counts[s.id]))
        for s in STATUSES
        if counts[s.id]
    ]
    themes = [chip("theme", theme.id, text(theme.name, lang)) for theme in dataset.content.themes]
    # What-if dates: each quarter's end of the plan year (序时进度 is read at quarter ends), or today.
    quarters = [date(year, month, calendar.monthrange(year, month)[1]).isoformat() for month in (3, 6, 9, 12)]
    dates = [chip("as_of", "", t("today", lang)), *(chip("as_of", day, day) for day in quarters)]
    everything = t("all", lang)
    return html(
        '<p class="kb-statuses kb-filter">{}{}</p><p class="kb-statuses kb-filter"><span>{}:</span>{}{}</p>'
        '<p class="kb-statuses kb-filter"><span>{}:</span>{}</p>',
        chip("status", "", everything),
        join(statuses),
        t("filter_theme", lang),
        chip("theme", "", everything),
        join(themes),
        t("as_of_label", lang),
        join(dates),
    )


def target_detail(target: Target, a: TargetAssessment, lang: str) -> Markup:
    """One target: its status, the report's sentence, where it stands, and the numbers behind its status."""
    year = parse_period(a.period)[1].year
    explained = join(html("<li>{}</li>", line) for line in explain(target, a, lang))
    return html(
        '<section class="kb kb-card" id="target-detail"><h2>{}: {}</h2><p>{}{}</p>'
        '<p>{} ({}): <span lang="zh-CN">“{}”</span></p>{}<p><b>{}</b></p><ul>{}</ul></section>',
        t("target_detail", lang),
        text(target.name, lang),
        status_chip(a.status, lang, year),
        t("overridden", lang) if a.override_reason else "",
        t("quote", lang),
        section_label(target.source.section, lang),
        target.source.quote,
        progress_bar(target, a, lang),
        t("how_computed", lang),
        explained,
    )


def progress_bar(target: Target, a: TargetAssessment, lang: str) -> Markup:
    """Where the target stands: what was reached, the line for reaching it and, during the year, the share expected
    by the date; words only when nothing has been reported (an empty chart would say nothing)."""
    if a.reached is None:
        return Markup()
    scale = max(target.value, a.reached, 1e-9) * 1.05
    expected = a.expected * target.value
    marks = tick(target.value / scale * 100)
    words = [
        t("bar_reached", lang, value=format_value(a.reached, "exact", target.unit, lang)),
        t("bar_target", lang, value=target_words(target, lang)),
    ]
    if a.final is None and 0 < a.expected < 1:
        marks += tick(expected / scale * 100, "kb-expected")
        words.insert(1, t("bar_expected", lang, value=format_value(round(expected, 1), "exact", target.unit, lang)))
    fill = bar_fill(min(a.reached / scale * 100, 100), COLORS["done"])
    return html(
        '<div class="kb"><div class="kb-row"><div class="kb-track">{}{}</div><div class="kb-sub">{}</div></div></div>',
        fill,
        marks,
        " · ".join(words),
    )


def year_links(years: list[int], year: int, lang: str, keep: dict[str, str]) -> Markup:
    """The plan years the data holds, each a link (the newest is the default)."""
    chips = join(link("targets", t("year_n", lang, year=y), y == year, year=str(y), **keep) for y in years)
    return html('<p class="kb-statuses kb-filter"><span>{}:</span>{}</p>', t("plan_year", lang), chips)


def targets_page(dataset: Dataset, viewer: Viewer, params: Mapping[str, str]) -> Page:
    """One plan year (?year=, the newest by default): how it stands, every item (?status=, ?theme=, ?q= narrow it), and
    how a target's status was worked out (?target=)."""
    lang, as_of = viewer.lang, viewer.as_of
    if not dataset.plan_years:
        return Page(
            t("targets", lang), t("no_targets", lang), (html('<div class="kb"><p>{}</p></div>', t("no_targets", lang)),)
        )
    years = dataset.plan_years
    year = next((y for y in years if params.get("year") == str(y)), years[-1])
    targets, milestones = dataset.planned(year)
    assessed = assessments(dataset, as_of)
    theme_filter = next((x.id for x in dataset.content.themes if x.id == params.get("theme")), "")
    status_filter = params.get("status", "") if params.get("status") in BY_ID else ""
    query = "" if viewer.meeting else params.get("q", "").strip()
    keep = viewer.keep()
    parts = [html('<h2 class="kb-page">{}</h2>', t("targets_of", lang, year=year))]
    state = one_state(dataset, as_of, year)
    if viewer.meeting:  # a meeting sees the whole year (one sentence below when its items all stand alike)
        if state is None:
            parts.append(status_line(dataset, as_of, year, lang))
    else:
        if len(years) > 1:
            parts.append(year_links(years, year, lang, keep))
        parts.append(
            filter_links(
                dataset, assessed, year, lang, keep, {"theme": theme_filter, "status": status_filter, "q": query}
            )
        )
    wanted = dataset.current_id(params.get("target", ""))  # an old link names the target by a former id
    chosen = None if viewer.meeting else next((x for x in targets if x.id == wanted), None)
    chosen_a = assessed_target(assessed, chosen) if chosen is not None else None
    if chosen is not None and chosen_a is not None:  # a target's name in the table links here
        parts.append(target_detail(chosen, chosen_a, lang))
    top: list = [html('<div class="kb">{}</div>', join(parts))]
    if (
        chosen is not None
        and chosen_a is not None
        and (
            plot := progress_plot(
                chosen, chosen_a, dataset, lang, viewer.meeting, progress_entries(chosen, chosen_a, dataset, lang)
            )
        )
    ):
        top += [html('<div class="kb"><h3>{}</h3></div>', t("progress_chart", lang)), plot]
    if not viewer.meeting:
        top.append(
            Search(
                "targets",
                t("search_targets", lang),
                t("search_button", lang),
                query,
                {**keep, "year": str(year), "theme": theme_filter, "status": status_filter},
            )
        )

    def shown(item: Target | Milestone) -> bool:
        words = " ".join((item.name.zh, item.name.en, item.source.quote)).lower()
        return (
            (not theme_filter or item.theme == theme_filter)
            and (not status_filter or assessed[item.id].status == status_filter)
            and query.lower() in words
        )

    if query or theme_filter or status_filter:
        listed = plan_table(
            plan_rows([x for x in targets if shown(x)], [x for x in milestones if shown(x)], assessed, dataset, lang),
            dataset,
            lang,
            year,
            keep,
        )
    else:
        listed = year_table(dataset, as_of, year, lang)
        if state is not None:  # 158 rows of one state: one sentence, the rows a tap away
            n = len(targets) + len(milestones)
            listed = html(
                '<div class="kb">{}</div>',
                folded(one_state_line(state, n, year, lang), listed, n, lang, viewer.meeting),
            )
    page = (
        *top,
        listed or html('<div class="kb"><p>{}</p></div>', t("no_match", lang)),
        figures_found(dataset, query, lang),  # a search finds figures too
    )
    counts = status_counts(dataset, assessed, year)
    standing = [(text(BY_ID[s.id].words, lang).format(year=year), str(counts[s.id])) for s in STATUSES if counts[s.id]]
    downloads = (
        ()
        if viewer.meeting
        else (
            Download(
                t("download_csv", lang),
                f"dongming-targets-{year}-{lang}.csv",
                CSV_MIME,
                lambda: year_csv(dataset, as_of, year, lang),
            ),
        )
    )
    if chosen is not None:
        status = text(BY_ID[assessed[chosen.id].status].words, lang).format(year=year)
        return Page(
            text(chosen.name, lang),
            labelled(text(chosen.name, lang), chosen.source.quote, lang),
            page,
            downloads,
            anchor="target-detail",
            headlines=((t("target_of", lang, year=year), target_words(chosen, lang)), (t("status", lang), status)),
        )
    words = ("，" if lang == "zh" else ", ").join(
        t("status_count", lang, status=s if lang == "zh" else s[:1].lower() + s[1:], n=n) for s, n in standing
    )
    return Page(
        t("targets_of", lang, year=year),
        t("targets_description", lang, year=year, n=sum(counts.values()), counts=words),
        page,
        downloads,
        headlines=tuple(standing[:4]),  # the same for every filter of the year: one image
    )


def progress_entries(target: Target, a: TargetAssessment, dataset: Dataset, lang: str) -> Markup:
    """The progress entries and the outcome as a table: what the chart shows, readable without a script and on paper."""
    rows = [
        (
            entry.date.isoformat(),
            format_value(entry.value, "exact", target.unit, lang),
            text(entry.note, lang) if entry.note else "",
        )
        for entry in target.progress
    ]
    if a.final is not None and target.outcome is not None and target.outcome.source is not None:
        report = dataset.reports[target.outcome.source.report]
        rows.append((t("outcome_line", lang, report=report_name(report, lang)), reached_words(target, a, lang), ""))
    return html(
        '<div class="kb">{}</div>', table((t("col_period", lang), t("col_value", lang), t("col_note", lang)), rows)
    )
