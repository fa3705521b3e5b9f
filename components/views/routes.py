"""Which view answers each page of kpi/site.py's route table, and which of its addresses are written as static pages.

Why here: the table of pages, parameters and files is the core's (kpi/site.py); the views are this package's. A view
reads its parameters from the address itself (unknown values are ignored), so Streamlit and the publisher call it
alike; `variants` lists the parameter sets a static page is written for: every address the static pages' own links
lead to (the as-of dates a plan year offers included), so a link on a static page opens a static page. An address
with any other parameter (?q=, ?mode=, another what-if date…) is Streamlit's.
"""

from __future__ import annotations

import calendar
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
from kpi.site import FIXED_PAGES, STATIC_PARAMS, THEME_PARAMS
from kpi.status import STATUSES

Params = dict[str, str]
__all__ = [
    "FIXED_VIEWS",
    "STATIC_PARAMS",
    "View",
    "public_paths",
    "quarter_ends",
    "static_pages",
    "variants_of",
    "view_for",
    "viewer",
]


def _as_is(dataset: Dataset, params: Params) -> Params:
    return params


@dataclass(frozen=True)
class View:
    """How a page is drawn, for which parameters it is written as a static page, and the address each of those is
    known by (`canonical`: a former id's page names its item's address now, so one page has one address)."""

    render: Callable[[Dataset, Viewer, Mapping[str, str]], Page]
    variants: Callable[[Dataset, date], Iterator[Params]]
    canonical: Callable[[Dataset, Params], Params] = _as_is


def quarter_ends(year: int) -> list[str]:
    """The what-if dates a plan year offers (序时进度 is read at quarter ends): the targets page's as-of links."""
    return [date(year, month, calendar.monthrange(year, month)[1]).isoformat() for month in (3, 6, 9, 12)]


def _just_itself(dataset: Dataset, as_of: date) -> Iterator[Params]:
    yield {}


def _targets(dataset: Dataset, as_of: date) -> Iterator[Params]:
    """The newest year by default, then each year as of today and as of each quarter's end: with each status it has
    on any of those dates and each theme (alone and together), and each numeric target's details: every address
    the page's own links lead to."""
    yield {}
    for year in dataset.plan_years:
        dates = ["", *quarter_ends(year)]
        counted = [status_counts(dataset, assessments(dataset, _day(day, as_of)), year) for day in dates]
        statuses = ["", *(s.id for s in STATUSES if any(counts[s.id] for counts in counted))]
        targets = dataset.planned(year)[0]
        for day in dates:
            for status in statuses:
                for theme in ["", *(theme.id for theme in dataset.content.themes)]:
                    yield {"year": str(year), "status": status, "theme": theme, "as_of": day}
            for target in targets:
                for target_id in (target.id, *target.former_ids):
                    yield {"year": str(year), "target": target_id, "as_of": day}


def _day(day: str, today: date) -> date:
    return date.fromisoformat(day) if day else today


def _current_target(dataset: Dataset, params: Params) -> Params:
    return {**params, "target": dataset.current_id(params["target"])} if params.get("target") else params


def _indicators(dataset: Dataset, as_of: date) -> Iterator[Params]:
    """Each figure, under its id now and every id it had before: old links stay static pages too."""
    for indicator in dataset.content.indicators:
        for indicator_id in (indicator.id, *indicator.former_ids):
            yield {"id": indicator_id}


def _current_indicator(dataset: Dataset, params: Params) -> Params:
    return {**params, "id": dataset.current_id(params["id"])}


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


# Each public page of kpi/site.py's table, by its path: tests/components/test_routes.py checks that the two agree.
FIXED_VIEWS: dict[str, View] = {
    "": View(overview, _just_itself),
    "targets": View(targets_page, _targets, _current_target),
    "glossary": View(glossary_page, _glossary),
    "source": View(source_page, _sources),
    "indicator": View(indicator_page, _indicators, _current_indicator),
}


def view_for(dataset: Dataset, path: str) -> View | None:
    """The view at a URL path ("" is the overview; a theme's id is its page); None for a page with no public view (the
    staff's data check) or no page at all."""
    if path in FIXED_VIEWS:
        return FIXED_VIEWS[path]
    if any(theme.id == path for theme in dataset.content.themes):
        return View(lambda data, viewer, params: theme_page(data, path, viewer, params), _theme_variants)
    return None


def public_view(dataset: Dataset, path: str) -> View:
    """The view of one of `public_paths`: every one has one."""
    view = view_for(dataset, path)
    assert view is not None, f"/{path} is a public path, so it has a public view"
    return view


def public_paths(dataset: Dataset) -> list[str]:
    """Every page written as static files: the fixed public pages, then each theme."""
    return [*FIXED_VIEWS, *(theme.id for theme in dataset.content.themes)]


def answered(path: str) -> tuple[str, ...]:
    """The parameters a page's static files answer (kpi/site.py), language apart."""
    fixed = next((page for page in FIXED_PAGES if page.path == path), None)
    return fixed.params if fixed is not None else THEME_PARAMS


def static_pages(dataset: Dataset, today: date) -> Iterator[tuple[str, Params]]:
    """(path, parameters) of every static page, each once: the publisher writes them, the sitemap lists them, the
    editing page's preview draws them."""
    for path in public_paths(dataset):
        for params in variants_of(dataset, path, today):
            yield path, params


def variants_of(dataset: Dataset, path: str, today: date) -> list[Params]:
    """A page's static variants, each once, with only the parameters its files answer, in kpi/site.py's order."""
    found: dict[tuple, Params] = {}
    for params in public_view(dataset, path).variants(dataset, today):
        kept = {key: params[key] for key in answered(path) if params.get(key)}
        found.setdefault(tuple(kept.items()), kept)
    return list(found.values())


def viewer(lang: str, params: Mapping[str, str], today: date) -> Viewer:
    """Who a static page is drawn for: its language, and the date progress is judged on (its ?as_of=, else today)."""
    return Viewer(lang, date.fromisoformat(params["as_of"]) if params.get("as_of") else today)
