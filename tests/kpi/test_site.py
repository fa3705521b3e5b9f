"""The fixed pages (kpi/site.py): the navigation's list, and the URL paths no theme may take."""

from __future__ import annotations

import pytest

from kpi.site import FIXED_PAGES, RESERVED_PATHS, STAFF_PATHS, THEME_PAGE, FixedPage, claimed_path
from kpi.texts import TEXTS


@pytest.mark.parametrize(
    ("page", "path"),
    [
        (FixedPage("", "pages/overview.py", "overview", ":material/dashboard:", "top"), "overview"),
        (FixedPage("check", "pages/check.py", "check", ":material/fact_check:", "staff"), "check"),
    ],
)
def test_a_page_claims_its_path_or_for_the_overview_its_files_name(page, path):
    assert claimed_path(page) == path


def test_the_reserved_paths_are_every_fixed_pages_claim():
    assert RESERVED_PATHS == {"overview", "targets", "glossary", "source", "check", "edit", "indicator"}


def test_the_staff_pages_are_the_data_check_and_the_editing_page():
    assert STAFF_PATHS == {"check", "edit"}


def test_every_fixed_page_has_a_title_in_the_catalogue_and_a_script():
    assert [p.title for p in FIXED_PAGES if p.title not in TEXTS] == []
    assert all(p.file.startswith("pages/") and p.file.endswith(".py") for p in FIXED_PAGES)
    assert THEME_PAGE not in {p.file for p in FIXED_PAGES}
