"""The overview, for the public and for leaders: what the latest report says the year achieved, theme by theme, then
the plan year's commitments and how they stand."""

from __future__ import annotations

from collections.abc import Mapping

from components.views.commitments import commitments
from components.views.figures import figure_phrase, headline_results
from components.views.page import Page, Viewer, description_of, labelled
from kpi.dataset import Dataset
from kpi.texts import t


def overview(dataset: Dataset, viewer: Viewer, params: Mapping[str, str]) -> Page:
    """The year's results, then the latest plan year's commitments (no parameters)."""
    lang = viewer.lang
    body = headline_results(dataset, lang)
    if dataset.plan_years:
        body += commitments(dataset, viewer.as_of, dataset.plan_years[-1], lang)
    key = [i for theme in dataset.content.themes for i in dataset.theme_indicators(theme.id) if i.key]
    heading = t("results_of", lang, year=dataset.latest_report.reviews)
    words = description_of([figure_phrase(i, dataset, lang) for i in key], lang)
    return Page(t("overview", lang), labelled(heading, words, lang), body)
