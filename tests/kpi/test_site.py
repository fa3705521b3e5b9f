"""The route table (kpi/site.py): the navigation's list, the URL paths no theme may take, the one spelling of an
address and the file that answers it."""

from __future__ import annotations

import pytest

from kpi.site import (
    FIXED_PAGES,
    NOT_FOUND_KINDS,
    PARAM_ORDER,
    RESERVED_PATHS,
    STAFF_PATHS,
    STATIC_PARAMS,
    THEME_PAGE,
    THEME_PARAMS,
    FixedPage,
    address,
    claimed_path,
    not_found_file,
    page_file,
    query,
)
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
    assert RESERVED_PATHS == {
        "overview",
        "targets",
        "glossary",
        "source",
        "check",
        "edit",
        "indicator",
        "index",
        "assets",
    }


def test_the_staff_pages_are_the_data_check_and_the_editing_page():
    assert STAFF_PATHS == {"check", "edit"}


def test_every_fixed_page_has_a_title_in_the_catalogue_and_a_script():
    assert [p.title for p in FIXED_PAGES if p.title not in TEXTS] == []
    assert all(p.file.startswith("pages/") and p.file.endswith(".py") for p in FIXED_PAGES)
    assert THEME_PAGE not in {p.file for p in FIXED_PAGES}


@pytest.mark.parametrize(
    ("params", "spelled"),
    [
        ({}, ""),
        ({"lang": "zh"}, ""),  # the default language is no parameter
        ({"id": "economy.x", "lang": "en"}, "lang=en&id=economy.x"),
        (
            {"status": "achieved", "year": "2024", "theme": "", "as_of": "2024-06-30"},
            "year=2024&status=achieved&as_of=2024-06-30",
        ),
        (
            {"q": "平安", "lang": "en", "year": "2024"},
            "lang=en&year=2024&q=%E5%B9%B3%E5%AE%89",
        ),  # others after, as given
    ],
)
def test_an_address_has_one_spelling_whatever_order_it_is_given_in(params, spelled):
    assert query(params) == spelled
    assert query(dict(reversed(params.items()))) == spelled


@pytest.mark.parametrize(
    ("path", "params", "base", "url"),
    [
        ("", {"lang": "zh"}, "", "/"),
        ("economy", {"lang": "en"}, "https://kpi.example.cn/", "https://kpi.example.cn/economy?lang=en"),
        ("targets", {"target": "t", "year": "2024", "lang": "en"}, "", "/targets?lang=en&year=2024&target=t"),
    ],
)
def test_a_pages_address(path, params, base, url):
    assert address(path, params, base) == url


@pytest.mark.parametrize(
    ("path", "lang", "params", "file"),
    [
        ("", "zh", {}, "index/zh.html"),
        ("economy", "en", {"figures": "true"}, "economy/en~figures=true.html"),
        # the parameters in the table's order, whatever order they come in; empty ones left out
        (
            "targets",
            "zh",
            {"as_of": "2024-06-30", "status": "", "year": "2024"},
            "targets/zh~year=2024~as_of=2024-06-30.html",
        ),
    ],
)
def test_the_file_that_answers_an_address(path, lang, params, file):
    assert page_file(path, lang, params) == file


def test_every_kind_of_unknown_address_has_its_not_found_page():
    assert NOT_FOUND_KINDS == ("page", "target", "term", "report", "id")
    assert not_found_file("id", "en") == "_404/id-en.html"


def test_the_static_sites_own_folders_are_reserved():
    assert {"index", "assets"} <= RESERVED_PATHS


def test_every_parameter_a_public_page_answers_is_in_the_one_order():
    answered = {name for page in FIXED_PAGES for name in page.params} | set(THEME_PARAMS)
    assert answered == set(STATIC_PARAMS) and PARAM_ORDER[0] == "lang"
    assert all(list(page.params) == sorted(page.params, key=PARAM_ORDER.index) for page in FIXED_PAGES)
    assert [page.path for page in FIXED_PAGES if page.place == "staff" and page.params] == []  # never static
