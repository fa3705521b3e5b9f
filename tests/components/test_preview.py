"""A change's public pages before it is saved (components/preview.py): every page the publisher writes is drawn,
a page that raises is named and the others still drawn, and a change's preview lists exactly the pages it changes."""

from __future__ import annotations

from datetime import date

import pytest

import components.preview
from components.preview import PageRef, changed_pages, drawn, render_problems
from components.publish import page_file, pages
from components.views.routes import FIXED_VIEWS, View
from kpi.data.files import GLOSSARY, INDICATORS, REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.edit.check import check
from tests.helpers.saving import edited

DAY = date(2024, 6, 30)


@pytest.fixture
def fresh():
    """The shipped data loaded anew: a dataset whose pages no test has drawn yet."""
    return load_dataset(REPO_ROOT)


@pytest.fixture(scope="module")
def shipped():
    """The shipped data for the tests that only draw it (each day's pages are drawn once for all of them)."""
    return load_dataset(REPO_ROOT)


def test_every_page_of_the_shipped_data_renders(shipped):
    assert render_problems(shipped) == []


def test_the_pages_drawn_are_the_pages_the_publisher_writes_but_the_as_of_copies(shipped):
    written = {  # files and not-found pages, not the pages a change shows; nor a plan year's page on its other dates
        name
        for name, _ in pages(shipped, DAY, "")
        if not name.startswith(("assets/", "_404/", "data/")) and "~as_of=" not in name
    }
    assert {page_file(ref.path, ref.lang, dict(ref.params)) for ref in drawn(shipped, DAY).digests} == written


def test_a_page_that_raises_is_named_and_the_others_are_still_drawn(fresh, monkeypatch):
    glossary = FIXED_VIEWS["glossary"]

    def broken(dataset, viewer, params):
        if params.get("term") == "three_deliveries":
            raise KeyError("three_deliveries")
        return glossary.render(dataset, viewer, params)

    monkeypatch.setitem(FIXED_VIEWS, "glossary", View(broken, glossary.variants))
    assert render_problems(fresh) == [
        "/glossary?term=three_deliveries: KeyError: 'three_deliveries'",
        "/glossary?lang=en&term=three_deliveries: KeyError: 'three_deliveries'",
    ]
    assert PageRef("glossary", (("term", "pearl_program"),), "en") in drawn(fresh, date.today()).digests


def test_a_view_whose_pages_cannot_be_listed_is_named(fresh, monkeypatch):
    def no_variants(dataset, as_of):
        raise ValueError("no years")

    monkeypatch.setitem(FIXED_VIEWS, "targets", View(FIXED_VIEWS["targets"].render, no_variants))
    assert render_problems(fresh) == ["/targets: ValueError: no years"]


def test_a_dataset_is_drawn_once_per_day(fresh, monkeypatch):
    calls = []
    document = components.preview.document
    monkeypatch.setattr(components.preview, "document", lambda *args: calls.append(1) or document(*args))
    drawn(fresh, DAY)
    count = len(calls)
    assert changed_pages(fresh, fresh, DAY) == [] and len(calls) == count > 400
    drawn(fresh, date(2025, 3, 1))
    assert len(calls) > count


def test_a_changed_term_changes_the_glossarys_pages_and_no_figure(shipped_dir, shipped):
    change = edited(shipped_dir, "en: Three Deliveries to Enterprises", "en: Three Deliveries to Firms", GLOSSARY)
    after = check(shipped_dir, change).dataset
    changed = changed_pages(shipped, after, DAY)
    assert PageRef("glossary", (), "en") in changed and PageRef("glossary", (), "zh") in changed
    assert {ref.path for ref in changed} <= {"glossary", "indicator"}
    assert PageRef("", (), "en") not in changed and PageRef("economy", (), "en") not in changed


def test_a_changed_figure_changes_its_page_and_its_themes(shipped_dir, shipped):
    figure = "economy.enterprises_attracted"
    change = edited(
        shipped_dir, "name: {zh: 引进企业, en: Enterprises attracted}", "name: {zh: 引进企业, en: Businesses attracted}"
    )
    after = check(shipped_dir, change).dataset
    changed = changed_pages(shipped, after, DAY)
    assert PageRef("indicator", (("id", figure),), "en") in changed
    assert PageRef("economy", (("figures", "true"),), "en") in changed
    assert PageRef("glossary", (), "en") not in changed and PageRef("safety", (), "en") not in changed
    assert after.indicators[figure].name.en == "Businesses attracted" and INDICATORS in change.texts


def test_a_page_ref_says_its_address():
    assert PageRef("economy", (("figures", "true"),), "en").url == "/economy?lang=en&figures=true"
    assert PageRef("", (), "zh").url == "/"
