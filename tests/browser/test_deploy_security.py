"""Who nginx lets through, and what it says about whom (issue 28, items 1, 2 and 5), through the real deploy.

One deploy serves every test here, as a server behind a TLS proxy would run it: the public URL
http://dongming.example.org:PORT (Chromium resolves that name to this machine), a staff network this machine is not
in (10.9.9.0/24), this machine as the trusted proxy (so a test can name a client in X-Forwarded-For), and the staff
password file.
"""

from __future__ import annotations

import os
from urllib.parse import quote

import pytest

from components import signin
from scripts import probe_deploy as probe
from scripts.deploy import cluster as deploy
from tests.browser.server import CHROMIUM, CHROMIUM_ARGS, free_port, load
from tests.browser.test_static_site import TARGET, TERM, YEAR, page_text

HOST = "dongming.example.org"
STAFF_ONLY = "此页仅供工作人员使用"
STAFF_PAGE = "数据文件全部有效"
CSP_REPORTS = """window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("public")
    port = free_port()
    (root / "staff.passwords").write_text("")  # nobody can sign in here: tests/browser/test_deploy_sign_in.py signs in
    options = deploy.Options(
        port,
        (free_port(),),
        free_port(),
        public_url=f"http://{HOST}:{port}",
        staff_file=root / "staff.passwords",
        staff_networks=("10.9.9.0/24",),
        trusted_proxies=("127.0.0.1/32",),
    )
    running = deploy.start(
        options, root / "run", {**os.environ, deploy.SECRET_ENV: "a-test-secret", "KPI_STATE_DIR": str(root / "state")}
    )
    yield running
    deploy.stop(running.run_dir)


def public(site: deploy.Cluster) -> str:
    """The site's public URL (its host name resolves to this machine only in Chromium with the rule below)."""
    return f"http://{HOST}:{site.url.rsplit(':', 1)[1]}"


def over_websocket(site: deploy.Cluster, page: str, **headers: str) -> str:
    """A page's text over a websocket opened through nginx as a browser on the public site would open it."""
    named = {key.replace("_", "-"): value for key, value in headers.items()}
    return page_text(site.url, page, headers=named, origin=public(site), host=public(site).split("//", 1)[1])


def test_a_bogus_authorization_makes_no_one_staff_on_any_route(site):
    assert probe.staff_cookies_for_bogus_authorization(site.url) == []
    answer = probe.request(site.url + "/check?lang=en", Authorization=probe.BOGUS)
    assert answer.status == 302 and answer.headers["location"][0].endswith("/staff/sign-in?next=/check?lang=en")
    assert STAFF_ONLY in over_websocket(site, "check", Authorization=probe.BOGUS)


def test_headers_a_viewer_forges_are_replaced_by_nginx(site):
    secret = (site.run_dir / "proxy-secret").read_text()
    forged = {"X-Kpi-User": "admin", "X-Kpi-Proxy": secret, "X-Kpi-Staff-Network": "1", "X-Kpi-Staff": "1"}
    text = over_websocket(site, "check", **forged)
    assert STAFF_ONLY in text and STAFF_PAGE not in text


def test_a_streamlit_port_reached_directly_believes_no_forged_header(site):
    port = next(iter(site.processes))
    forged = {"X-Kpi-User": "admin", "X-Kpi-Proxy": "a-guess", "X-Kpi-Staff-Network": "1", "X-Kpi-Staff": "1"}
    text = page_text(f"http://127.0.0.1:{port}", "check", headers=forged)
    assert STAFF_ONLY in text and STAFF_PAGE not in text


def test_only_a_staff_network_behind_the_trusted_proxy_skips_the_sign_in(site):
    assert probe.request(site.url + "/check", X_Forwarded_For="10.9.9.7").status == 200
    assert STAFF_PAGE in over_websocket(site, "check", X_Forwarded_For="10.9.9.7")  # the app believes nginx's header
    assert probe.request(site.url + "/check", X_Forwarded_For="203.0.113.9").status == 302
    assert STAFF_ONLY in over_websocket(site, "check", X_Forwarded_For="203.0.113.9")
    assert probe.request(site.url + "/check").status == 302  # this machine is no staff network by default


def test_the_websocket_accepts_the_public_origin_only(site):
    netloc = public(site).split("//", 1)[1]
    assert probe.upgrade(site.url, public(site), netloc) == 101
    assert probe.upgrade(site.url, "https://elsewhere.example", netloc) == 403
    assert probe.upgrade(site.url, site.url, netloc) == 403  # not a local deploy: localhost is another site
    assert probe.upgrade(site.url, public(site).replace("http:", "https:"), netloc) == 403


def test_wrong_passwords_meet_429_after_a_few(site):
    client = {"X_Forwarded_For": "203.0.113.7"}  # a client of its own (this machine is the trusted proxy here)
    tries, _ = probe.wrong_passwords_before_limit(site.url, **client)
    assert tries == signin.FAILURES_ALLOWED  # the sign-in server's count of wrong passwords
    refused = probe.request(site.url + "/staff/sign-in", "POST", b"name=a&password=b", **client)
    assert refused.status == 429 and int(refused.headers["retry-after"][0]) > 0
    assert (
        probe.request(site.url + "/staff/sign-in?next=/check", **client).status == 200
    )  # the form itself is not limited
    other = {"X_Forwarded_For": "203.0.113.9"}  # another address is not held back
    assert probe.request(site.url + "/staff/sign-in", "POST", b"name=a&password=b", **other).status == 401


def test_a_flood_of_sign_in_posts_meets_nginx_limit(site):
    client = {"X_Forwarded_For": "203.0.113.8", "Origin": "http://elsewhere.example"}  # refused (403) before any check
    statuses = [
        probe.request(site.url + "/staff/sign-in", "POST", b"name=a&password=b", **client).status
        for _ in range(deploy.SIGN_IN_BURST + 2)
    ]
    assert statuses.index(429) == deploy.SIGN_IN_BURST + 1 and set(statuses[: deploy.SIGN_IN_BURST + 1]) == {403}


@pytest.mark.parametrize(
    "path",
    [
        "/.git/config",
        "/.history.git/HEAD",
        "/.state/deploy/proxy-secret",
        "/assets/.gz",
        "/indicators.yaml",
        "/static/../indicators.yaml",
        "/_kpi/session",
        "/staff/session",
    ],
)
def test_no_dotfile_data_file_or_internal_location_is_served(site, path):
    answer = probe.request(site.url + path)
    assert answer.status in (200, 400, 404) and b"- id: economy" not in answer.body and b"[core]" not in answer.body
    assert answer.status != 200 or b"<title>Streamlit</title>" in answer.body  # at most Streamlit's empty shell


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/economy?lang=en",
        f"/targets?q={quote('平安')}",
        "/check",
        "/.git/config",
        "/staff/sign-in",
        "/assets/favicon.png",
        "/_stcore/health",
    ],
)
def test_every_response_carries_the_security_headers(site, path):
    answer = probe.request(site.url + path)
    assert answer.headers["server"] == ["nginx"]  # no version
    assert answer.headers["x-content-type-options"] == ["nosniff"] and answer.headers["referrer-policy"] == [
        "same-origin"
    ]
    [policy] = answer.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "'unsafe-eval'" not in policy


def public_browser(browser):
    """Debian's Chromium that resolves the public host name to this machine, as DNS would on a server."""
    return browser.browser_type.launch(
        executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, f"--host-resolver-rules=MAP {HOST} 127.0.0.1"]
    )


def test_an_interactive_view_works_under_the_public_host_name_within_its_policy(browser, site):
    chromium = public_browser(browser)
    try:
        page = chromium.new_page(viewport={"width": 1366, "height": 768})
        page.add_init_script(CSP_REPORTS)
        errors = []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        load(
            page, f"{public(site)}/targets?q={quote('平安')}"
        )  # a search: only Streamlit answers it, over the websocket
        assert page.get_by_role("textbox").first.input_value() == "平安"
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.get_by_text("平安").count() > 1
        assert page.evaluate("window.__csp") == [] and [e for e in errors if "Content Security Policy" in e] == []
    finally:
        chromium.close()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/economy?lang=en",
        "/indicator?id=economy.enterprises_attracted",
        f"/glossary?term={TERM}",
        f"/targets?year={YEAR}&target={TARGET}",
    ],
)
def test_static_pages_work_within_their_policy(browser, site, path):
    chromium = public_browser(browser)
    try:
        page = chromium.new_page()
        page.add_init_script(CSP_REPORTS)
        errors = []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.goto(public(site) + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__csp") == [] and [e for e in errors if "Content Security Policy" in e] == []
    finally:
        chromium.close()
