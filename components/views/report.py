"""The reports themselves, part by part (?report= picks one; the newest by default): the source of every figure, each
chapter a tap away."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from components.views.html import Markup, details, html, join, link
from components.views.once import per_dataset
from components.views.page import Page, Viewer, view_params
from kpi.data.dataset import Dataset
from kpi.data.model import Report
from kpi.report.text import report_parts
from kpi.texts import t, text


def report_name(report: Report, lang: str) -> str:
    """ "2024年工作报告" / "2024 report": a report as a reader names it, never by its id."""
    return t("report_year_name", lang, year=report.reviews)


def report_link(report: Report, lang: str, as_of: date | None = None) -> Markup:
    """The report's short name, linking to its text (keeping the language, and a what-if date)."""
    return link("source", report_name(report, lang), report=report.id, **view_params(lang, as_of or date.today()))


@per_dataset
def report_html(dataset: Dataset, report_id: str, lang: str) -> Markup:
    """Title, publisher, date and the original's address, then each part with its chapters (closed until tapped)."""
    report = dataset.reports[report_id]
    original = html(
        '<a href="{}" rel="noopener">{}</a>', report.url, t("original", lang)
    )  # the model allows http(s) only
    lines = [
        html('<h2 class="kb-page">{}</h2>', text(report.title, lang)),
        html(
            "<p>{} · {} · {}</p>",
            text(report.publisher, lang),
            t("published_on", lang, date=report.published.isoformat()),
            original,
        ),
    ]
    if lang == "en":
        lines.append(html('<p class="kb-note">{}</p>', t("quote_note", lang)))
    for part in report_parts(dataset.report_texts[report_id])[1:]:
        lines.append(html("<h3>{}</h3>", part.heading))
        for chapter in part.chapters:
            paragraphs = join(html('<p lang="zh-CN">{}</p>', paragraph) for paragraph in chapter.paragraphs)
            lines.append(details(chapter.heading, paragraphs, "kb-chapter") if chapter.heading else paragraphs)
    return html('<div class="kb kb-report">{}</div>', join(lines))


def source_page(dataset: Dataset, viewer: Viewer, params: Mapping[str, str]) -> Page:
    """One report's text (?report=, the newest by default), with links to the others."""
    lang, keep = viewer.lang, viewer.keep()
    reports = list(dataset.reports)[::-1]  # newest first
    asked = params.get("report", "")
    chosen = asked if asked in dataset.reports else reports[0]
    report = dataset.reports[chosen]
    choice = Markup()
    if len(reports) > 1:
        chips = join(
            link("source", text(dataset.reports[r].title, lang), r == chosen, report=r, **keep) for r in reports
        )
        choice = html(
            '<div class="kb"><p class="kb-statuses kb-filter"><span>{}:</span>{}</p></div>',
            t("choose_report", lang),
            chips,
        )
    words = t(
        "source_description",
        lang,
        title=text(report.title, lang),
        date=report.published.isoformat(),
    )
    return Page(text(report.title, lang), words, (choice + report_html(dataset, chosen, lang),))
