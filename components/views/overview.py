"""The overview, for the public and for leaders: what the latest report says the year achieved, theme by theme, each
with its change since the report before; how the plan year that report closes ended; then the new plan year's
commitments and how they stand."""

from __future__ import annotations

from collections.abc import Mapping

from components.views.closing import closed_year
from components.views.commitments import commitments
from components.views.figures import figure_phrase, headline, headline_results, year_key_figures
from components.views.page import Page, Viewer, description_of, labelled
from kpi.data.dataset import Dataset
from kpi.texts import t


def overview(dataset: Dataset, viewer: Viewer, params: Mapping[str, str]) -> Page:
    """The year's results, then the latest plan year's commitments (no parameters)."""
    lang = viewer.lang
    body = headline_results(dataset, lang) + closed_year(dataset, viewer.as_of, lang)
    if dataset.plan_years:
        body += commitments(dataset, viewer.as_of, dataset.plan_years[-1], lang, viewer.meeting)
    key = [i for theme in dataset.content.themes for i in year_key_figures(dataset, theme.id)]
    heading = t("results_of", lang, year=dataset.vintage.report.reviews)
    words = description_of([figure_phrase(i, dataset, lang) for i in key], lang)
    firsts = [figures[0] for theme in dataset.content.themes if (figures := year_key_figures(dataset, theme.id))]
    headlines = tuple(headline(i, dataset, lang) for i in firsts[:4])  # the first four themes' first results
    return Page(t("overview", lang), labelled(heading, words, lang), (body,), headlines=headlines, image_title=heading)
