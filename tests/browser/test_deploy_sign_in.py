"""A staff member signs in through the real deploy (nginx, the sign-in server, Streamlit under supervisord), is named
on the data-check page, signs out; a session ended by a password reset or by time is refused (issue 28, item 1)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from urllib.parse import urlencode

import pytest

from kpi.data.files import REPO_ROOT
from scripts import probe_deploy as probe
from scripts.deploy import cluster as deploy
from tests.browser.server import free_port
from tests.browser.test_static_site import page_text

NAME, PASSWORD = "王芳", "a long staff password"
STAFF_PAGE = "数据文件全部有效"


def staff_add(name: str, password: str, file) -> None:  # noqa: ANN001
    """The README's recipe: `python -m kpi staff add NAME FILE`, the password on standard input."""
    subprocess.run(
        [sys.executable, "-m", "kpi", "staff", "add", name, str(file)],
        input=password + "\n",
        text=True,
        cwd=REPO_ROOT,
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("signin")
    staff_add(NAME, PASSWORD, root / "staff.passwords")
    options = deploy.Options(free_port(), (free_port(),), free_port(), staff_file=root / "staff.passwords")
    running = deploy.start(
        options, root / "run", {**os.environ, deploy.SECRET_ENV: "a-test-secret", "KPI_STATE_DIR": str(root / "state")}
    )
    yield running
    deploy.stop(running.run_dir)


def sign_in(site: deploy.Cluster, password: str = PASSWORD) -> probe.Response:
    form = urlencode({"name": NAME, "password": password, "next": "/check", "lang": "zh"}).encode()
    return probe.request(site.url + "/staff/sign-in", "POST", form, Content_Type="application/x-www-form-urlencoded")


def session_cookie(answer: probe.Response) -> str:
    [cookie] = [c for c in answer.headers.get("set-cookie", []) if c.startswith("kpi_session=")]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    return cookie.split(";", 1)[0]


def test_a_staff_member_signs_in_is_named_on_the_check_page_and_signs_out(site):
    answer = sign_in(site)
    assert answer.status == 303 and answer.headers["location"] == ["/check"]
    cookie = session_cookie(answer)
    assert probe.request(site.url + "/check", Cookie=cookie).status == 200
    text = page_text(site.url, "check", cookie)
    assert STAFF_PAGE in text and NAME in text
    assert probe.request(site.url + "/staff/sign-out", Cookie=cookie).status == 303
    assert probe.request(site.url + "/check", Cookie=cookie).status == 302  # to the sign-in form
    assert STAFF_PAGE not in page_text(site.url, "check", cookie)


def test_a_wrong_password_gives_no_session(site):
    answer = sign_in(site, "not the password")
    assert answer.status == 401 and not [
        c for c in answer.headers.get("set-cookie", []) if c.startswith("kpi_session=")
    ]


def test_a_password_reset_ends_the_session(site):
    cookie = session_cookie(sign_in(site))
    assert STAFF_PAGE in page_text(site.url, "check", cookie)
    staff_add(NAME, PASSWORD + " changed", site.run_dir.parent / "staff.passwords")
    assert probe.request(site.url + "/check", Cookie=cookie).status == 302
    assert STAFF_PAGE not in page_text(site.url, "check", cookie)
    staff_add(NAME, PASSWORD, site.run_dir.parent / "staff.passwords")


def test_a_session_idle_for_a_working_day_is_refused(site):
    cookie = session_cookie(sign_in(site))
    assert probe.request(site.url + "/check", Cookie=cookie).status == 200
    database = site.run_dir / "sessions" / "sessions.sqlite3"  # kpi/staff/sessions.py DATABASE
    with sqlite3.connect(database) as db:  # nine hours pass for every session
        db.execute("UPDATE sessions SET seen = seen - 9 * 3600, created = created - 9 * 3600")
    assert probe.request(site.url + "/check", Cookie=cookie).status == 302
    assert STAFF_PAGE not in page_text(site.url, "check", cookie)
