"""Which view answers which address, and which of its addresses are written as static public pages.

Why one table: Streamlit's pages, the publisher and nginx's routing must agree on what a link means. A view reads
its parameters from the address itself (unknown values are ignored), so Streamlit and the publisher call it
alike; `variants` lists the parameter sets a static page is written for, and `STATIC_PARAMS` the parameters a
static page may answer (nginx sends every other address to Streamlit: ?q=, ?as_of=, ?mode=…).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from components.views.commitments import assessments, status_counts
from components.views.glossary import glossary_page
from components.views.indicator import indicator_page
from components.views.overview import overview
from components.views.page import Page, Viewer
from components.views.report import source_page
from components.views.targets import targets_page
from components.views.theme import theme_page
from kpi.data.dataset import Dataset
from kpi.status import STATUSES

Params = dict[str, str]
# In the order a static page's file name lists them (components/publish.py); `lang` comes first, always.
STATIC_PARAMS = ("year", "status", "theme", "target", "id", "term", "report", "figures")


@dataclass(frozen=True)
class View:
    """How a page is drawn, and for which parameters it is written as a static page (none: Streamlit only)."""

    render: Callable[[Dataset, Viewer, Mapping[str, str]], Page]
    variants: Callable[[Dataset, date], Iterator[Params]]


def _just_itself(dataset: Dataset, as_of: date) -> Iterator[Params]:
    yield {}


def _targets(dataset: Dataset, as_of: date) -> Iterator[Params]:
    """The newest year by default, then each year with each status it has and each theme (alone and together), and
    each numeric target's details: every address the page's own links lead to."""
    yield {}
    assessed = assessments(dataset, as_of)
    for year in dataset.plan_years:
        counts = status_counts(dataset, assessed, year)
        statuses = ["", *(s.id for s in STATUSES if counts[s.id])]
        for status in statuses:
            for theme in ["", *(theme.id for theme in dataset.content.themes)]:
                yield {"year": str(year), "status": status, "theme": theme}
        for target in dataset.planned(year)[0]:
            for target_id in (target.id, *target.former_ids):
                yield {"year": str(year), "target": target_id}


def _indicators(dataset: Dataset, as_of: date) -> Iterator[Params]:
    """Each figure, under its id now and every id it had before: old links stay static pages too."""
    for indicator in dataset.content.indicators:
        for indicator_id in (indicator.id, *indicator.former_ids):
            yield {"id": indicator_id}


def _glossary(dataset: Dataset, as_of: date) -> Iterator[Params]:
    yield {}
    for term in dataset.glossary.terms:
        yield {"term": term.id}


def _sources(dataset: Dataset, as_of: date) -> Iterator[Params]:
    yield {}
    for report in dataset.reports:
        yield {"report": report}


def _theme_variants(dataset: Dataset, as_of: date) -> Iterator[Params]:
    yield {}
    yield {"figures": "true"}


FIXED_VIEWS: dict[str, View] = {
    "": View(overview, _just_itself),
    "targets": View(targets_page, _targets),
    "glossary": View(glossary_page, _glossary),
    "source": View(source_page, _sources),
    "indicator": View(indicator_page, _indicators),
}


def view_for(dataset: Dataset, path: str) -> View | None:
    """The view at a URL path ("" is the overview; a theme's id is its page); None for a page with no public view (the
    staff's data check) or no page at all."""
    if path in FIXED_VIEWS:
        return FIXED_VIEWS[path]
    if any(theme.id == path for theme in dataset.content.themes):
        return View(lambda data, viewer, params: theme_page(data, path, viewer, params), _theme_variants)
    return None


def public_paths(dataset: Dataset) -> list[str]:
    """Every page written as static files: the fixed public pages, then each theme."""
    return [*FIXED_VIEWS, *(theme.id for theme in dataset.content.themes)]
