"""A data file caught halfway through a save, at a line boundary where it still validates: the app shows the last good
data and the public one neutral line; the data-check page tells staff what is held back and lets them confirm it,
and says whether the public static pages show the files' version, and if not why."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
import streamlit as st

from components import staff
from components.publish import publish
from components.staff import StaffViewer
from kpi.data.files import INDICATORS, REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.data.reading import read_contents
from kpi.texts import t
from tests.conftest import copy_data_dir
from tests.helpers.apptest import open_page, texts

NOTE = ":material/update: 部分数据正在更新。"
AFTER = date(2025, 3, 1)
TARGET = load_dataset(REPO_ROOT).content.targets[0].name


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    """A copy of the shipped data the app reads, its own last-good folder and static site, and a fresh process-wide cache."""
    (tmp_path / "data").mkdir()
    directory = copy_data_dir(REPO_ROOT, tmp_path / "data")
    monkeypatch.setenv("KPI_DATA_DIR", str(directory))
    monkeypatch.setenv("KPI_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("KPI_SITE_DIR", str(tmp_path / "site"))
    st.cache_resource.clear()
    return directory


def visit(url_path: str = "", **params: str):
    return open_page(url_path, cold=False, **{"as_of": AFTER.isoformat(), **params})


def cut(data: Path) -> None:
    """indicators.yaml saved only up to its programmes: every figure, no target and no milestone. It validates."""
    path = data / INDICATORS
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("\nprogrammes:") + 1], encoding="utf-8")


def held_counts(data: Path) -> dict[str, int]:
    """The file cut before `programmes:` drops the targets, milestones and results in words of the whole data."""
    whole = load_dataset(REPO_ROOT)
    content = whole.content
    kept = (content.indicators, whole.glossary.terms, content.themes, content.reports)
    dropped = len(content.targets) + len(content.milestones) + len(content.results)
    return {"dropped": dropped, "total": dropped + sum(len(x) for x in kept)}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_public_sees_the_last_good_data_and_one_neutral_line(data, lang):
    assert TARGET.zh in texts(visit("targets"))
    cut(data)
    at = visit("targets", lang=lang)
    assert getattr(TARGET, lang) in texts(at)  # the last good data, not the file cut halfway
    note = {"zh": NOTE, "en": ":material/update: Some figures are being updated."}[lang]
    assert [c.value for c in at.caption].count(note) == 1
    assert not at.button and not at.warning and "indicators.yaml" not in texts(at)


def test_staff_read_what_is_held_back_and_a_signed_in_person_confirms_it(data, monkeypatch):
    visit()
    cut(data)
    assert not visit("check").button  # a reader without a name (no sign-in here) reads, and cannot confirm
    monkeypatch.setattr(staff, "staff_viewer", lambda: StaffViewer("王芳"))  # as nginx and the sign-in server prove
    monkeypatch.setattr(staff, "signed_in_now", lambda: "王芳")
    at = visit("check")
    assert t("behind_held", "zh", **held_counts(data)) in [w.value for w in at.warning]
    [button] = at.button
    assert button.label == t("confirm_held", "zh", dropped=held_counts(data)["dropped"])
    button.click().run()
    assert not at.exception and not at.button
    shown = visit("targets")
    assert TARGET.zh not in texts(shown) and NOTE not in [
        c.value for c in shown.caption
    ]  # confirmed: the files' own data
    [record] = [
        json.loads(p.read_text(encoding="utf-8")) for p in Path(os.environ["KPI_STATE_DIR"]).rglob("confirmed-*")
    ]
    assert record["by"] == "王芳"


def test_the_check_page_says_whether_the_public_pages_show_the_files(data, tmp_path):
    site = tmp_path / "site"
    publish(data, site, AFTER)
    assert t("static_current", "zh") in [c.value for c in visit("check").caption]
    path = data / INDICATORS
    path.write_text(path.read_text(encoding="utf-8").replace("{zh: 引进企业,", "{zh: 新引进企业,", 1), encoding="utf-8")
    at = visit("check")  # the publisher has not read the edit yet: the page must not say the pages are current
    assert t("static_current", "zh") not in [c.value for c in at.caption]
    assert any(w.value.startswith("公开静态页面落后于数据文件：发布程序尚未读到") for w in at.warning)
    publish(data, site, AFTER)
    assert t("static_current", "zh") in [c.value for c in visit("check").caption]
    cut(data)
    status = publish(data, site, AFTER)
    assert status.behind == "held" and status.held["version"] == read_contents(data).digest
    at = visit("check")
    assert t("static_current", "zh") not in [c.value for c in at.caption]
    assert [w.value for w in at.warning] == [
        t("behind_held", "zh", **held_counts(data))
    ]  # both behind, for that reason
