"""The sign-in server (components/signin.py), run for real (`python -m components.signin`, uvicorn on a free port)
and driven as nginx and a browser drive it: the form, the cookie, refusals, sign-out, and nginx's session check."""

from __future__ import annotations

import asyncio
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from urllib.parse import urlencode

import pytest
from starlette.requests import Request

from components.signin import create_app, local_path, origin_of, same_origin, session, sign_in_page
from kpi.data.files import REPO_ROOT
from kpi.staff.passwords import Cost, PasswordFile

PASSWORD = "东明路 correct horse"
PUBLIC = "https://kpi.example.cn"


@dataclass(frozen=True)
class Server:
    url: str
    log: Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def password_file(tmp_path_factory) -> Path:
    found = PasswordFile(tmp_path_factory.mktemp("staff") / "staff.passwords")
    found.set("张伟", PASSWORD, Cost(ln=4))  # cheap for the tests; `kpi staff add` writes ln=15
    found.set("wang.li", "wang's long password", Cost(ln=4))
    return found.path


@contextmanager
def start(tmp_path: Path, password_file: Path, public_url: str) -> Iterator[Server]:
    """`python -m components.signin --port P` with the deploy's environment, until the test is done."""
    port, log = free_port(), tmp_path / "signin.log"
    env = {
        **os.environ,
        "KPI_STAFF_FILE": str(password_file),
        "KPI_SESSIONS_DIR": str(tmp_path / "sessions"),
        "KPI_PUBLIC_URL": public_url,
    }
    with log.open("w") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "components.signin", "--port", str(port)],
            cwd=REPO_ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    server = Server(f"http://127.0.0.1:{port}", log)
    try:
        deadline = time.monotonic() + 30
        while call(server, "/staff/sign-in")[0] != 200:
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory, password_file) -> Iterator[Server]:
    with start(tmp_path_factory.mktemp("https"), password_file, PUBLIC) as running:
        yield running


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def call(
    server: Server, path: str, form: dict[str, str] | None = None, cookie: str = "", **headers: str
) -> tuple[int, Message, str]:
    """One request, redirects not followed: (status, headers, body); a refused connection is status 0."""
    data = urlencode(form).encode() if form is not None else None
    request = urllib.request.Request(
        server.url + path,
        data=data,
        headers={**({"Cookie": cookie} if cookie else {}), **{k.replace("_", "-"): v for k, v in headers.items()}},
    )
    try:
        with OPENER.open(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as answer:
        return answer.code, answer.headers, answer.read().decode()
    except OSError:
        return 0, Message(), ""


def sign_in(
    server: Server, name: str = "张伟", password: str = PASSWORD, next_path: str = "/check", **headers: str
) -> tuple[int, Message, str]:
    return call(
        server, "/staff/sign-in", {"name": name, "password": password, "next": next_path, "lang": "zh"}, **headers
    )


def cookie_of(headers: Message) -> str:
    """`kpi_session=…` as the browser sends it back."""
    [value] = [c.split(";")[0] for c in headers.get_all("Set-Cookie") or [] if c.startswith("kpi_session=")]
    return value


@pytest.mark.parametrize(
    ("query", "lang", "words"),
    [
        ("", "zh-CN", ["工作人员登录", "姓名", "密码", ">登录<", 'lang="en"', ">English<"]),
        ("?lang=en", "en", ["Staff sign-in", "Name", "Password", ">Sign in<", 'lang="zh-CN"', ">中文<"]),
    ],
)
def test_the_form_in_either_language_styled_by_the_sites_own_stylesheet(server, query, lang, words):
    status, headers, page = call(server, "/staff/sign-in" + query)
    assert status == 200 and page.startswith(f'<!doctype html><html lang="{lang}">')
    assert all(word in page for word in words) and "--kb-primary" in page
    assert all(target.startswith("/") for target in re.findall(r'(?:href|src|action)="([^"]*)"', page))  # no other host
    assert headers["Cache-Control"] == "no-store" and "default-src 'none'" in headers["Content-Security-Policy"]


def test_the_next_address_is_kept_escaped(server):
    page = call(server, "/staff/sign-in?" + urlencode({"next": '/check?x="><script>alert(1)</script>'}))[2]
    assert "<script>" not in page and 'name="next" value="/check?x=&#34;&gt;&lt;script&gt;' in page


def test_the_right_password_signs_in_with_a_strict_secure_cookie(server):
    status, headers, _ = sign_in(server, Origin=PUBLIC)
    assert (status, headers["Location"]) == (303, "/check")
    [set_cookie] = headers.get_all("Set-Cookie")
    assert re.fullmatch(r"kpi_session=[\w-]{43}\.[\w-]{43}; Path=/; HttpOnly; SameSite=Strict; Secure", set_cookie)
    status, headers, _ = call(server, "/staff/session", cookie=cookie_of(headers))
    assert (status, headers["X-Kpi-User"]) == (200, "%E5%BC%A0%E4%BC%9F")  # 张伟, percent-encoded UTF-8


def test_over_plain_http_the_cookie_is_not_secure(tmp_path, password_file):
    with start(tmp_path, password_file, "http://kpi.example.cn:8500") as plain:
        status, headers, _ = sign_in(plain, Origin="http://kpi.example.cn:8500")
        assert status == 303 and not headers["Set-Cookie"].endswith("Secure")
        assert "; Secure" not in headers["Set-Cookie"]


@pytest.mark.parametrize(
    ("name", "password"), [("张伟", "a wrong password"), ("nobody", PASSWORD), ("wang.li", PASSWORD)]
)
def test_a_wrong_name_or_password_is_401_with_the_form_and_logged(server, name, password):
    status, headers, page = sign_in(server, name, password, X_Real_IP="203.0.113.7")
    assert status == 401 and headers.get_all("Set-Cookie") is None
    assert "姓名或密码错误。" in page and f'name="name" value="{name}"' in page and password not in page
    time.sleep(0.1)
    assert f"failed sign-in: name {name!r} from 203.0.113.7" in server.log.read_text()


@pytest.mark.parametrize(
    ("next_path", "location"),
    [
        ("//evil.example", "/"),
        ("https://evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("/\t/evil.example", "/"),
        ("evil.example", "/"),
        ("", "/"),
        ("javascript:alert(1)", "/"),
        ("/edit?lang=en", "/edit?lang=en"),
    ],
)
def test_only_a_local_path_is_followed_after_sign_in(server, next_path, location):
    status, headers, _ = sign_in(server, next_path=next_path)
    assert (status, headers["Location"]) == (303, location)


@pytest.mark.parametrize(
    "origin", ["https://evil.example", "null", "http://kpi.example.cn", "https://kpi.example.cn:8443"]
)
def test_a_sign_in_posted_from_another_site_is_refused(server, origin):
    status, headers, page = sign_in(server, Origin=origin)
    assert status == 403 and headers.get_all("Set-Cookie") is None and "请从本站的登录页登录" in page


def test_nginx_asks_who_is_signed_in(server):
    assert call(server, "/staff/session")[0] == 401
    assert call(server, "/staff/session", cookie="kpi_session=forged.cookie")[0] == 401
    status, headers, _ = call(server, "/staff/session?optional=1")
    assert status == 200 and headers["X-Kpi-User"] is None
    cookie = cookie_of(sign_in(server, "wang.li", "wang's long password")[1])
    status, headers, _ = call(server, "/staff/session?optional=1", cookie=cookie)
    assert (status, headers["X-Kpi-User"]) == (200, "wang.li")


def test_a_signed_in_viewer_is_named_on_the_form_and_signing_out_ends_the_session(server):
    cookie = cookie_of(sign_in(server)[1])
    page = call(server, "/staff/sign-in?next=/edit", cookie=cookie)[2]
    assert (
        "已登录：张伟" in page and 'href="/staff/sign-out"' in page and 'href="/edit"' in page and "<form" not in page
    )
    status, headers, _ = call(server, "/staff/sign-out", cookie=cookie)
    assert (status, headers["Location"]) == (303, "/staff/sign-in?signed_out=1")
    assert headers["Set-Cookie"] == "kpi_session=; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=0"
    assert call(server, "/staff/session", cookie=cookie)[0] == 401
    page = call(server, "/staff/sign-in?signed_out=1", cookie=cookie)[2]
    assert "已退出登录。" in page and "<form" in page
    time.sleep(0.1)
    log = server.log.read_text()
    assert "signed in: '张伟' from 127.0.0.1" in log and "signed out: '张伟' from 127.0.0.1" in log


def test_signing_in_again_ends_the_session_it_replaces(server):
    old = cookie_of(sign_in(server)[1])
    new = cookie_of(sign_in(server, cookie=old)[1])
    assert call(server, "/staff/session", cookie=old)[0] == 401 and call(server, "/staff/session", cookie=new)[0] == 200


@pytest.mark.parametrize("path", ["/staff/sign-in", "/staff/session", "/staff/session?optional=1", "/check", "/"])
def test_a_bogus_authorization_header_gets_no_cookie_and_no_name(server, path):
    status, headers, _ = call(server, path, Authorization="Basic bm9ib2R5Om5vdGhpbmc=")  # nobody:nothing
    assert headers.get_all("Set-Cookie") is None and headers["X-Kpi-User"] is None


def test_a_huge_form_is_refused_unread(server):
    assert call(server, "/staff/sign-in", {"name": "张伟", "password": "x" * 20_000})[0] == 413


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/edit", "/edit"),
        ("/check?lang=en#x", "/check?lang=en#x"),
        (None, "/"),
        ("//evil", "/"),
        ("/\\evil", "/"),
        ("https://evil", "/"),
        ("/\n/evil", "/"),
        ("/\x7f", "/"),
        ("edit", "/"),
    ],
)
def test_local_path(target, expected):
    assert local_path(target) == expected


@pytest.mark.parametrize(
    ("origin", "public", "host", "allowed"),
    [
        (None, PUBLIC, None, True),  # not a browser's cross-site form (SameSite and the form page are for browsers)
        ("https://kpi.example.cn", "https://KPI.example.cn:443/", None, True),
        ("https://kpi.example.cn", "http://kpi.example.cn", None, False),
        ("http://127.0.0.1:8500", "", "127.0.0.1:8500", True),  # no public URL: the host asked
        ("http://evil.example", "", "127.0.0.1:8500", False),
        ("null", "", None, False),
        ("https://kpi.example.cn:x", PUBLIC, None, False),
    ],
)
def test_same_origin(origin, public, host, allowed):
    assert same_origin(origin, public, host) is allowed


def test_origin_of_drops_the_default_port_and_path():
    assert origin_of("https://Kpi.Example.cn:443/staff/") == "https://kpi.example.cn"
    assert origin_of("http://[::1]:8500") == "http://[::1]:8500"


def test_the_page_escapes_a_name_and_keeps_the_language_on_sign_out():
    page = sign_in_page("en", "/", signed_in="<b>x</b>")
    assert "Signed in as &lt;b&gt;x&lt;/b&gt;" in page and 'href="/staff/sign-out?lang=en"' in page


class Unanswering:
    """Sessions whose database does not answer (locked past its timeout, a full disk)."""

    def verify(self, cookie: str | None) -> str | None:
        raise sqlite3.OperationalError("database is locked")


@pytest.mark.parametrize(("query", "status"), [(b"optional=1", 200), (b"", 401)])
def test_a_database_that_does_not_answer_signs_nobody_in_and_costs_the_public_nothing(query, status, caplog):
    scope = {
        "type": "http",
        "method": "GET",
        "path": "/staff/session",
        "query_string": query,
        "headers": [(b"cookie", b"kpi_session=a.b")],
        "app": create_app(Unanswering()),
    }
    # In a thread of its own: the browser tests' Playwright keeps an event loop running in this one for the session.
    with ThreadPoolExecutor(1) as pool:
        answer = pool.submit(asyncio.run, session(Request(scope))).result()
    assert answer.status_code == status and "x-kpi-user" not in answer.headers
    assert "the sessions database did not answer" in caplog.text


def test_wrong_passwords_are_counted_per_address_and_age_out():
    from components.signin import Failures

    clock = [1000.0]
    failures = Failures(allowed=3, window=600, now=lambda: clock[0])
    for _ in range(3):
        assert failures.wait("10.0.0.1") == 0
        failures.failed("10.0.0.1")
    assert failures.wait("10.0.0.1") == 600 and failures.wait("10.0.0.2") == 0
    clock[0] += 599
    assert failures.wait("10.0.0.1") == 1
    clock[0] += 1
    assert failures.wait("10.0.0.1") == 0  # the oldest aged out
    failures.failed("10.0.0.1")
    failures.succeeded("10.0.0.1")  # a right password forgets the address's count
    assert failures.wait("10.0.0.1") == 0 and not failures._times
