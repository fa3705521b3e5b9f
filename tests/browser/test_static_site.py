"""The public pages as nginx serves them (scripts/deploy): static files for plain views, Streamlit for the rest, the head
a link preview reads, content with scripts off, the staff's page for staff, and public pages while Streamlit is down.

Read with a plain HTTP client where a link preview or a crawler would read them; in Chromium where only a browser
shows it (scripts off, print, the requests a page makes).
"""

from __future__ import annotations

import gzip
import html
import json
import os
import re
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path
from urllib.parse import quote

import pytest
import websocket
from google.protobuf import text_format
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from components.publish import CURRENT, STATUS
from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset
from scripts.deploy import cluster as deploy
from scripts.load import rerun_request, stream_url
from scripts.probe_deploy import request
from tests.browser.server import accessibility_violations, free_port
from tests.browser.test_live_edits import NAME_LINE
from tests.browser.waiting import wait_until
from tests.components.test_publish import Head
from tests.conftest import copy_data_dir

DATASET = load_dataset(REPO_ROOT)
TARGET = DATASET.planned(DATASET.plan_years[-1])[0][0].id
TERM = DATASET.glossary.terms[0].id
YEAR = str(DATASET.plan_years[-1])


def start(tmp_path: Path, **options: object) -> deploy.Cluster:
    """A copy of the shipped data in `tmp_path`/data, served as scripts/deploy serves it (one Streamlit process)."""
    (tmp_path / "data").mkdir()
    data = copy_data_dir(REPO_ROOT, tmp_path / "data")
    environ = {**os.environ, deploy.SECRET_ENV: "a-test-secret", "KPI_STATE_DIR": str(tmp_path / "state")}
    return deploy.start(
        deploy.Options(free_port(), (free_port(),), free_port(), data_dir=data, **options), tmp_path / "run", environ
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """One Streamlit process, the publisher and nginx; staff are a network this machine is not in, or signed in."""
    root = tmp_path_factory.mktemp("static")
    (root / "staff.passwords").write_text("")
    running = start(root, staff_networks=("10.9.9.0/24",), staff_file=root / "staff.passwords")
    yield running
    deploy.stop(running.run_dir)


def get(url: str, **headers: str) -> tuple[int, Message, str]:
    """(status, headers, text) of a GET, as a link preview or a crawler asks for a page."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip", **headers})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            body, status, found = response.read(), response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8", "replace")
    return status, found, (gzip.decompress(body) if found.get("Content-Encoding") == "gzip" else body).decode("utf-8")


def is_static(body: str) -> bool:
    return 'class="kb-site"' in body


@pytest.mark.parametrize(
    "link",
    [
        "/",
        "/?lang=en",
        "/?lang=zh",
        "/economy?lang=en",
        "/economy?figures=true",
        "/targets",
        "/targets?lang=en",
        f"/targets?year={YEAR}&status=outcome_missing",
        f"/targets?status=outcome_missing&year={YEAR}&lang=en",
        f"/targets?year={YEAR}&theme=safety",
        f"/targets?year={YEAR}&target={TARGET}",
        "/indicator?id=economy.enterprises_attracted",
        f"/glossary?term={TERM}&lang=en",
        "/glossary",
        "/source",
        "/source?report=report_2023",
    ],
)
def test_a_plain_view_is_a_static_page(site, link):
    status, headers, body = get(site.url + link)
    assert status == 200 and is_static(body), link
    assert headers["Content-Encoding"] == "gzip" and "Set-Cookie" not in headers  # compressed once; nothing per viewer


@pytest.mark.parametrize(
    "link",
    [
        f"/targets?q={quote('平安')}",
        "/economy?as_of=2024-06-30",
        "/?mode=meeting",
        "/?mode=meeting&rotate=30",
        "/glossary?q=pearl",
        "/indicator?id=no.such_figure",
        "/economy?foo=1",
        "/economy?lang=fr",
        "/targets?year=1999",
        "/nothing",
    ],
)
def test_anything_interactive_goes_to_streamlit(site, link):
    status, _, body = get(site.url + link)
    assert status == 200 and not is_static(body) and "<title>Streamlit</title>" in body, link


def test_the_whole_data_is_served_at_data(site):
    """/data/ (components/open_data.py): its page, the tables as CSV (a BOM, for Excel) and JSON, the package."""
    status, headers, body = get(site.url + "/data/")
    assert status == 200 and headers.get_content_type() == "text/html" and 'href="figures.csv"' in body
    assert get(site.url + "/data")[0] == 200  # a redirect to /data/, followed
    request = urllib.request.Request(site.url + "/data/figures.csv")
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
        assert response.read().startswith(b"\xef\xbb\xbfid,theme,name_zh")
    status, headers, body = get(site.url + "/data/datapackage.json")
    assert status == 200 and headers.get_content_type() == "application/json"
    assert {r["path"] for r in json.loads(body)["resources"]} >= {"figures.csv", "figures.json", "terms.csv"}


def test_the_head_and_the_content_need_no_browser(site):
    _, _, body = get(site.url + "/economy?lang=en")
    head = Head()
    head.feed(body)
    assert head.lang == "en" and head.title == "Economy · Dongming Road Subdistrict Performance Dashboard"
    assert "139 enterprises" in head.meta["description"] and head.meta["og:title"] == head.title
    [canonical] = [link["href"] for link in head.links if link.get("rel") == "canonical"]
    assert canonical == f"{site.url.replace('127.0.0.1', 'localhost')}/economy?lang=en"
    words = "".join(head.text)
    for indicator in DATASET.theme_indicators("economy"):  # every figure of the theme, in the HTML itself
        assert indicator.name.en in words


def test_static_links_lead_to_static_pages(site):
    _, _, body = get(site.url + "/?lang=en")
    links = {html.unescape(link) for link in re.findall(r'<a href="([^"#]+)"', body)}
    assert len(links) > 20 and not [link for link in links if "//" in link]  # within the site, relative
    for link in sorted(links):
        status, _, page = get(f"{site.url}/{link.lstrip('./')}")
        assert status == 200 and is_static(page), link


def test_a_static_page_reads_with_scripts_off_and_its_menu_opens(browser, site, screenshots):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site.url + "/economy")
    assert page.locator(".kb-tile").count() == sum(i.key for i in DATASET.theme_indicators("economy"))
    page.locator("details.kb-menu > summary").first.click()  # 主题: a <details>, no script
    page.get_by_role("link", name="平安与安全").click()
    page.wait_for_url("**/safety")
    assert page.locator("h2.kb-page").inner_text() == "平安与安全"
    page.screenshot(path=screenshots / "static-safety-noscript-390.png", full_page=True)
    assert {re.match(r"https?://[^/]+", url)[0] for url in requests} == {site.url}
    context.close()


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/economy?lang=en",
        f"/targets?year={YEAR}",
        "/indicator?id=economy.enterprises_attracted",
        "/glossary",
        "/source",
    ],
)
def test_static_pages_pass_accessibility_checks_and_ask_no_other_host(browser, site, screenshots, path):
    for width in (1366, 390):
        context = browser.new_context(viewport={"width": width, "height": 768 if width > 500 else 844})
        page = context.new_page()
        hosts = set()
        page.on("request", lambda request: hosts.add(re.match(r"https?://[^/]+", request.url)[0]))
        page.goto(site.url + path)
        page.wait_for_load_state("networkidle")
        assert hosts == {site.url}, hosts
        assert accessibility_violations(page) == [], path
        name = re.sub(r"[^a-z0-9]+", "-", path.strip("/") or "overview")
        page.screenshot(path=screenshots / f"static-{name}-{width}.png", full_page=True)
        context.close()


def test_print_drops_the_menu_and_keeps_the_vintage_and_source(browser, site, screenshots):
    page = browser.new_page()
    page.goto(site.url + "/economy")
    page.emulate_media(media="print")
    assert (
        not page.locator("nav.kb-nav").is_visible() and not page.locator(".kb-search, .kb-noprint").first.is_visible()
    )
    assert page.locator(".kb-vintage").is_visible() and DATASET.latest_report.url in page.locator("footer").inner_text()
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.kb-list')).columnCount") == "2"
    )  # figures in columns
    (screenshots / "static-economy-print.pdf").write_bytes(page.pdf(format="A4", print_background=True))
    page.close()


def page_text(
    base: str,
    page: str,
    cookie: str = "",
    headers: dict[str, str] | None = None,
    origin: str | None = None,
    host: str | None = None,
) -> str:
    """Every element one run of a page sends over the websocket, as text (what a viewer's browser would be told)."""
    ws = websocket.create_connection(
        stream_url(base),
        subprotocols=["streamlit"],
        timeout=60,
        cookie=cookie or None,
        header=[f"{k}: {v}" for k, v in (headers or {}).items()],
        origin=origin,
        host=host,
    )
    try:
        ws.send_binary(rerun_request(page, ""))
        parts = []
        while True:
            raw = ws.recv()
            if isinstance(raw, str):
                continue
            message = ForwardMsg()
            message.ParseFromString(raw)
            if message.WhichOneof("type") == "delta":
                parts.append(text_format.MessageToString(message.delta, as_utf8=True))
            if (
                message.WhichOneof("type") == "script_finished"
                and message.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN
            ):
                return "\n".join(parts)
    finally:
        ws.close()


def test_the_data_check_page_is_for_staff_only(site):
    # Not a staff network and not signed in: the sign-in form, whatever Authorization header comes along.
    for headers in ({}, {"Authorization": "Basic c3RhZmY6c3RhZmYtc2VjcmV0"}):
        answer = request(site.url + "/check", **headers)  # the redirect itself, not followed
        assert answer.status == 302 and answer.headers["location"][0].endswith("/staff/sign-in?next=/check")
        assert not [c for c in answer.headers.get("set-cookie", []) if c.startswith(("kpi_staff=", "kpi_session="))]
    # Asked over the websocket of any page, the staff's lists go to staff only.
    refused = page_text(site.url, "check")
    assert "此页仅供工作人员使用" in refused and "数据文件全部有效" not in refused
    assert "数据文件全部有效" not in page_text(
        site.url, "check", "kpi_session=0123456789abcdef; kpi_staff=0123456789abcdef"
    )


def test_a_good_edit_rewrites_the_public_pages_and_a_bad_one_does_not(site):
    indicators = site.run_dir.parent / "data" / "indicators.yaml"  # the copy start() serves
    text = indicators.read_text(encoding="utf-8")
    indicators.write_text(
        text.replace(NAME_LINE, NAME_LINE.replace("en: Enterprises attracted", "en: Enterprises brought in")),
        encoding="utf-8",
    )
    wait_until(
        lambda: "Enterprises brought in" in get(site.url + "/economy?lang=en")[2], 60, "the static page rewritten"
    )
    built = os.readlink(site.run_dir / "site" / CURRENT)
    indicators.write_text(text.replace("value: 139\n", "value: 一百\n", 1), encoding="utf-8")
    wait_until(
        lambda: "data error" in (site.run_dir / "site" / STATUS).read_text(encoding="utf-8"), 60, "the bad edit refused"
    )
    assert os.readlink(site.run_dir / "site" / CURRENT) == built
    assert "Enterprises brought in" in get(site.url + "/economy?lang=en")[2]  # the last good pages stay
    status = json.loads((site.run_dir / "site" / STATUS).read_text(encoding="utf-8"))
    assert not status["fresh"] and status["written"]
    indicators.write_text(text, encoding="utf-8")
    wait_until(lambda: "Enterprises attracted" in get(site.url + "/economy?lang=en")[2], 60, "the fixed edit written")


def published(site) -> dict:
    """The publisher's status.json (replaced in one step, so never read half-written)."""
    return json.loads((site.run_dir / "site" / STATUS).read_text(encoding="utf-8"))


def test_a_file_cut_halfway_through_a_save_is_held_and_the_heartbeat_moves(site):
    indicators = site.run_dir.parent / "data" / "indicators.yaml"
    text = indicators.read_text(encoding="utf-8")
    wait_until(
        lambda: published(site)["behind"] == "" and published(site)["version"] == published(site)["files_version"],
        60,
        "the pages current",
    )
    built, beat = os.readlink(site.run_dir / "site" / CURRENT), published(site)["heartbeat"]
    with open(indicators, "r+b") as file:  # saved in place (an upload cut short): up to a line where it still validates
        file.truncate(0)
        file.write(text[: text.index("\nprogrammes:") + 1].encode("utf-8"))
    wait_until(lambda: published(site)["behind"] == "held", 60, "the cut file held back")
    held = published(site)["held"]
    assert held["dropped"] > 0.2 * held["total"] and os.readlink(site.run_dir / "site" / CURRENT) == built
    status, _, body = get(site.url + f"/targets?year={YEAR}&target={TARGET}")
    assert status == 200 and is_static(body)  # the public pages keep every target
    wait_until(lambda: published(site)["heartbeat"] != beat, 30, "a heartbeat while nothing is written")
    assert os.readlink(site.run_dir / "site" / CURRENT) == built
    indicators.write_text(text, encoding="utf-8")
    wait_until(
        lambda: published(site)["behind"] == "" and published(site)["files_version"] == published(site)["version"],
        60,
        "the whole file current again",
    )


def test_public_pages_are_served_while_every_streamlit_process_is_down(tmp_path):
    running = start(tmp_path)
    try:
        for port in running.processes:  # stopped through supervisord, which would otherwise start them again at once
            deploy.supervisor(running.run_dir).supervisor.stopProcess(f"streamlit-{port}")
        for link in ("/", "/economy?lang=en", f"/targets?year={YEAR}", "/indicator?id=economy.enterprises_attracted"):
            status, _, body = get(running.url + link)
            assert status == 200 and is_static(body), link
        assert get(running.url + f"/targets?q={quote('平安')}")[0] == 502  # what needs Streamlit waits for it
    finally:
        deploy.stop(running.run_dir)
