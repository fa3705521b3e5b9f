"""Who the app takes a viewer for (components/staff.py): only headers that come with the deploy's proxy secret
count; a name may read and save, a staff network only read; a save checks the session cookie again."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from components import staff
from components.staff import StaffViewer, signed_in_html, signed_in_now, staff_viewer, viewer_from
from kpi.staff.passwords import Cost, PasswordFile
from kpi.staff.sessions import Sessions

SECRET = "0123456789abcdef0123456789abcdef"
PASSWORD = "东明路 correct horse"


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({}, StaffViewer()),
        ({"X-Kpi-User": "wang.li", "X-Kpi-Staff-Network": "1"}, StaffViewer()),  # a Streamlit port reached directly
        ({"X-Kpi-Proxy": "guessed", "X-Kpi-User": "wang.li", "X-Kpi-Staff-Network": "1"}, StaffViewer()),
        ({"X-Kpi-Proxy": SECRET[:-1], "X-Kpi-User": "wang.li"}, StaffViewer()),
        ({"X-Kpi-Proxy": SECRET + "0", "X-Kpi-User": "wang.li"}, StaffViewer()),
        ({"X-Kpi-Proxy": "密钥", "X-Kpi-User": "wang.li"}, StaffViewer()),
        ({"X-Kpi-Proxy": SECRET}, StaffViewer()),
        ({"X-Kpi-Proxy": SECRET, "X-Kpi-User": "", "X-Kpi-Staff-Network": "0"}, StaffViewer()),
        ({"X-Kpi-Proxy": SECRET, "X-Kpi-User": "wang.li", "X-Kpi-Staff-Network": "0"}, StaffViewer("wang.li", False)),
        ({"X-Kpi-Proxy": SECRET, "X-Kpi-User": "%E5%BC%A0%E4%BC%9F"}, StaffViewer("张伟", False)),
        ({"X-Kpi-Proxy": SECRET, "X-Kpi-User": "", "X-Kpi-Staff-Network": "1"}, StaffViewer(None, True)),
        ({"X-Kpi-Proxy": SECRET, "X-Kpi-User": "a%0Ab"}, StaffViewer()),  # not a name the password file could hold
    ],
)
def test_behind_the_deploy_only_headers_with_the_proxy_secret_count(headers, expected):
    assert viewer_from(headers, SECRET) == expected


@pytest.mark.parametrize("secret", [None, ""])
def test_without_the_deploy_staff_pages_are_readable_and_nobody_saves(secret):
    viewer = viewer_from({"X-Kpi-User": "wang.li", "X-Kpi-Staff-Network": "1"}, secret)
    assert viewer == StaffViewer(None, True) and viewer.may_read and not viewer.may_save


@pytest.mark.parametrize(
    ("viewer", "may_read", "may_save"),
    [
        (StaffViewer(), False, False),
        (StaffViewer(None, True), True, False),
        (StaffViewer("张伟"), True, True),
        (StaffViewer("张伟", True), True, True),
    ],
)
def test_a_name_reads_and_saves_a_staff_network_only_reads(viewer, may_read, may_save):
    assert (viewer.may_read, viewer.may_save) == (may_read, may_save)


@pytest.fixture
def deploy(tmp_path, monkeypatch) -> Sessions:
    """The deploy's environment, and sessions over its directory (as the sign-in server keeps them)."""
    passwords = PasswordFile(tmp_path / "staff.passwords")
    passwords.set("张伟", PASSWORD, Cost(ln=4))
    passwords.set("wang.li", "wang's long password", Cost(ln=4))
    monkeypatch.setenv("KPI_PROXY_SECRET", SECRET)
    monkeypatch.setenv("KPI_STAFF_FILE", str(passwords.path))
    monkeypatch.setenv("KPI_SESSIONS_DIR", str(tmp_path / "sessions"))
    return Sessions(tmp_path / "sessions", passwords.path)


def connect(monkeypatch, headers: dict[str, str], cookie: str | None = None) -> None:
    """The websocket this run came over: its headers and cookies, as st.context gives them."""
    cookies = {"kpi_session": cookie} if cookie else {}
    monkeypatch.setattr(staff.st, "context", SimpleNamespace(headers=headers, cookies=cookies))


def test_the_viewer_comes_from_this_websockets_headers(deploy, monkeypatch):
    connect(monkeypatch, {"X-Kpi-Proxy": SECRET, "X-Kpi-User": "wang.li"})
    assert staff_viewer() == StaffViewer("wang.li")
    connect(monkeypatch, {"X-Kpi-User": "wang.li"})
    assert staff_viewer() == StaffViewer()


def test_a_save_needs_the_session_nginx_named_still_valid(deploy, monkeypatch):
    cookie = deploy.start("张伟", PASSWORD)
    connect(monkeypatch, {"X-Kpi-Proxy": SECRET, "X-Kpi-User": "%E5%BC%A0%E4%BC%9F"}, cookie)
    assert signed_in_now() == "张伟"
    deploy.end(cookie)  # signed out in another tab since the page opened
    assert signed_in_now() is None


@pytest.mark.parametrize(
    "headers",
    [
        {"X-Kpi-User": "%E5%BC%A0%E4%BC%9F"},  # around nginx, with a stolen cookie
        {"X-Kpi-Proxy": SECRET, "X-Kpi-User": "wang.li"},  # the cookie names someone else
        {"X-Kpi-Proxy": SECRET, "X-Kpi-Staff-Network": "1"},  # a staff network, nobody signed in
    ],
)
def test_a_save_is_refused_when_the_cookie_and_the_header_do_not_agree(deploy, monkeypatch, headers):
    connect(monkeypatch, headers, deploy.start("张伟", PASSWORD))
    assert signed_in_now() is None


def test_nobody_saves_without_a_cookie_or_without_the_sessions_configured(deploy, monkeypatch):
    connect(monkeypatch, {"X-Kpi-Proxy": SECRET, "X-Kpi-User": "wang.li"})
    assert signed_in_now() is None
    connect(
        monkeypatch, {"X-Kpi-Proxy": SECRET, "X-Kpi-User": "wang.li"}, deploy.start("wang.li", "wang's long password")
    )
    monkeypatch.delenv("KPI_SESSIONS_DIR")
    assert signed_in_now() is None


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("zh", '<p class="kb kb-note">已登录：张伟 · <a href="/staff/sign-out" target="_self">退出登录</a></p>'),
        (
            "en",
            '<p class="kb kb-note">Signed in as 张伟 · <a href="/staff/sign-out?lang=en" target="_self">Sign out</a></p>',
        ),
    ],
)
def test_the_staff_pages_say_who_is_signed_in_and_offer_sign_out(lang, expected):
    assert signed_in_html("张伟", lang) == expected
    assert "&lt;b&gt;" in signed_in_html("<b>", lang)
