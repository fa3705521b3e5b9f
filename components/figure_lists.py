"""Figures as lists: each theme's headline results (the overview) and every figure of a theme under the report's own
section headings (a theme page). Each figure reads value first, in the report's words; a tap shows its sentence.

Why lists of HTML and not a widget per figure: a theme page shows all its figures without a click, and a group of
figures sent as one element costs what one element costs (components/html.py).
"""

from __future__ import annotations

from components.html import details, esc, link
from components.once import per_dataset
from kpi.data.dataset import Dataset
from kpi.data.model import Indicator
from kpi.data.series import Observation
from kpi.format import section_label, stated
from kpi.periods import period_label
from kpi.report.text import NUMBERED, section_titles
from kpi.texts import t, text


def _lang_param(lang: str) -> str:
    return "en" if lang == "en" else ""


def statement(indicator: Indicator, observation: Observation, dataset: Dataset, lang: str) -> str:
    """The report's sentence for one period, with its report and section, and a link to everything about the figure."""
    source = observation.value.source
    where = f"{text(observation.current.report.title, lang)} · {section_label(source.section, lang)}"
    details_link = link("indicator", esc(t("see_details", lang)), id=indicator.id, lang=_lang_param(lang))
    lead = "" if lang == "zh" else f'<span class="kb-src">{esc(t("quote_in_chinese", lang))}</span>'
    return (f'<blockquote class="kb-quote">{lead}<span lang="zh-CN">“{esc(source.quote)}”</span>'
            f'<span class="kb-src">{esc(where)} · {details_link}</span></blockquote>')


def figure_row(indicator: Indicator, dataset: Dataset, lang: str) -> str:
    """Value, name and (when it is not the main period) the period; a tap opens the sentence of every period."""
    latest = dataset.latest(indicator)
    period = "" if latest.period == dataset.vintage.main else f'<span class="kb-per">{esc(period_label(latest.period, lang))}</span>'
    summary = (f'<span class="kb-val">{esc(stated(latest.value, indicator.unit, lang))}</span>'
               f'<span class="kb-name">{esc(text(indicator.name, lang))}</span>{period}')
    series = dataset.series(indicator)
    sentences = "".join(
        (f'<p class="kb-per">{esc(period_label(o.period, lang))}: {esc(stated(o.value, indicator.unit, lang))}</p>'
         if len(series) > 1 else "") + statement(indicator, o, dataset, lang) for o in reversed(series))
    return details(summary, sentences, "kb-fig")


def section_heading(dataset: Dataset, report_id: str, section: str, lang: str) -> str:
    """"一(二) 经济发展稳中有进" / "1(2) Steady progress in economic development": the report's own heading."""
    report = dataset.reports[report_id]
    place = section.split(" ", 1)[1]
    numbered = NUMBERED.match(place) is not None
    curated = {h.section: h.title for h in report.headings}
    if section in curated:
        title = text(curated[section], lang)
    else:  # the report's own words, or (in English, untranslated) none
        title = (section_titles(dataset.report_texts[report_id]).get(section, "") if numbered else place) if lang == "zh" else ""
    label = (place if lang == "zh" else section_label(section, lang).split(" · ", 1)[1]) if numbered else ""
    if not title and not label:
        label = section_label(section, lang)
    year = t("report_of_year", lang, year=report.reviews) if len(dataset.reports) > 1 else ""
    return " ".join(part for part in (label, title, year) if part)


@per_dataset
def theme_sections(dataset: Dataset, theme: str, lang: str) -> str:
    """Every figure of a theme under the report's section headings, in the report's order, as one block."""
    groups: dict[tuple[str, str], list[Indicator]] = {}
    for indicator in dataset.theme_indicators(theme):
        source = dataset.latest(indicator).value.source
        groups.setdefault((source.report, source.section), []).append(indicator)

    def position(key: tuple[str, str]) -> tuple:
        report, _ = key
        first = min(dataset.report_texts[report].find(dataset.latest(i).value.source.quote) for i in groups[key])
        return list(dataset.reports).index(report), first

    sections = "".join(f'<section class="kb-list"><h3>{esc(section_heading(dataset, *key, lang))}</h3>'
                       + "".join(figure_row(i, dataset, lang) for i in groups[key]) + "</section>"
                       for key in sorted(groups, key=position))
    heading = esc(t("every_figure", lang, n=len(dataset.theme_indicators(theme))))
    return f'<div class="kb"><h2>{heading}</h2>{sections}</div>'


@per_dataset
def headline_results(dataset: Dataset, lang: str) -> str:
    """Each theme's key figures as a card, the theme's name linking to its page: the year's story at a glance."""
    title = esc(t("results_of", lang, year=dataset.latest_report.reviews))
    cards = []
    for theme in dataset.content.themes:
        key = [i for i in dataset.theme_indicators(theme.id) if i.key]
        if not key:
            continue
        heading = link(theme.id, esc(text(theme.name, lang)) + " →", lang=_lang_param(lang))
        cards.append(f'<section class="kb-card"><h3>{heading}</h3>'
                     + "".join(figure_row(i, dataset, lang) for i in key) + "</section>")
    return f'<div class="kb"><h2>{title}</h2><div class="kb-grid">{"".join(cards)}</div></div>'
