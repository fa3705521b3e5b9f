"""Which view answers each page of the route table, and which addresses are static pages (components/views/routes.py)."""

from __future__ import annotations

from datetime import date

import pytest

from components.views.routes import FIXED_VIEWS, quarter_ends, static_pages, view_for, viewer
from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.site import FIXED_PAGES, PARAM_ORDER, THEME_PAGE

DURING = date(2024, 8, 15)  # inside the 2024 plan year, between two quarter ends


@pytest.fixture(scope="module")
def shipped():
    return load_dataset(REPO_ROOT)


def test_every_public_page_of_the_table_has_a_view_and_no_staff_page_has_one(shipped):
    assert set(FIXED_VIEWS) == {page.path for page in FIXED_PAGES if page.public}
    assert [page.path for page in FIXED_PAGES if not page.public and view_for(shipped, page.path)] == []


def test_the_scripts_under_pages_are_the_tables():
    written = {path.relative_to(REPO_ROOT).as_posix() for path in (REPO_ROOT / "pages").glob("*.py")}
    assert written == {page.file for page in FIXED_PAGES} | {THEME_PAGE}


def test_static_pages_are_each_listed_once_with_the_parameters_their_page_answers(shipped):
    listed = list(static_pages(shipped, DURING))
    assert len(listed) == len({(path, tuple(params.items())) for path, params in listed})
    for path, params in listed:
        assert list(params) == sorted(params, key=PARAM_ORDER.index) and all(params.values()), (path, params)


def test_each_quarter_end_of_a_plan_year_is_a_static_page_with_every_filter(shipped):
    listed = {(path, tuple(params.items())) for path, params in static_pages(shipped, DURING)}
    for year in shipped.plan_years:
        assert quarter_ends(year) == [f"{year}-03-31", f"{year}-06-30", f"{year}-09-30", f"{year}-12-31"]
        for day in quarter_ends(year):
            assert ("targets", (("year", str(year)), ("as_of", day))) in listed
            assert ("targets", (("year", str(year)), ("theme", "safety"), ("as_of", day))) in listed
            for target in shipped.planned(year)[0]:
                assert ("targets", (("year", str(year)), ("target", target.id), ("as_of", day))) in listed


def test_an_as_of_page_is_drawn_as_of_its_date(shipped):
    drawn = viewer("en", {"year": "2024", "as_of": "2024-06-30"}, DURING)
    assert drawn.as_of == date(2024, 6, 30) and viewer("en", {}, DURING).as_of == DURING
    page = view_for(shipped, "targets").render(shipped, drawn, {"year": "2024", "as_of": "2024-06-30"})
    assert "as_of=2024-06-30" in page.html  # its links keep the date: each leads to the page as of that date


def test_a_former_ids_page_is_known_by_the_items_address_now(shipped):
    renamed = next(i for i in shipped.content.indicators if i.former_ids)
    view = view_for(shipped, "indicator")
    assert view.canonical(shipped, {"id": renamed.former_ids[0]}) == {"id": renamed.id}
    assert view.canonical(shipped, {"id": renamed.id}) == {"id": renamed.id}
