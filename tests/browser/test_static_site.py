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
from components.views.document import LANG_TAGS
from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.texts import t
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
        "/economy?lang=en",
        "/economy?figures=true",
        "/targets",
        "/targets?lang=en",
        f"/targets?year={YEAR}&status=outcome_missing",
        f"/targets?lang=en&year={YEAR}&status=outcome_missing",
        f"/targets?year={YEAR}&theme=safety",
        f"/targets?year={YEAR}&target={TARGET}",
        f"/targets?year={YEAR}&as_of={YEAR}-06-30",  # a what-if date the page offers: a quarter's end
        f"/targets?lang=en&year={YEAR}&theme=economy&as_of={YEAR}-09-30",
        f"/targets?year={YEAR}&target={TARGET}&as_of={YEAR}-03-31",
        "/indicator?id=economy.enterprises_attracted",
        f"/glossary?lang=en&term={TERM}",
        "/glossary",
        "/source",
        "/source?report=report_2023",
    ],
)
def test_a_plain_view_is_a_static_page(site, link):
    answer = request(site.url + link, Accept_Encoding="gzip")  # no redirect followed: the address as it is written
    assert answer.status == 200 and is_static(gzip.decompress(answer.body).decode("utf-8")), link
    assert answer.headers["content-encoding"] == ["gzip"] and "set-cookie" not in answer.headers  # nothing per viewer


@pytest.mark.parametrize(
    "link",
    [
        f"/targets?q={quote('平安')}",
        f"/targets?year={YEAR}&q={quote('平安')}&lang=en",  # in any order: a Streamlit address is never respelled
        "/economy?as_of=2024-06-30",
        f"/targets?year={YEAR}&as_of={YEAR}-05-01",  # a what-if date the page does not offer
        "/?mode=meeting",
        "/?mode=meeting&rotate=30&lang=en",
        "/glossary?q=pearl",
        "/economy?foo=1",
    ],
)
def test_anything_interactive_goes_to_streamlit(site, link):
    answer = request(site.url + link)
    assert answer.status == 200 and b"<title>Streamlit</title>" in answer.body, link


@pytest.mark.parametrize(
    ("link", "lang", "kind"),
    [
        ("/nothing", "zh", "page"),
        ("/economy/x", "zh", "page"),  # nested: its links still lead to the site's pages (<base>)
        ("/economy/x/y?lang=en", "en", "page"),
        ("/indicator?id=no_such", "zh", "id"),
        ("/indicator?lang=en&id=no_such", "en", "id"),
        ("/indicator", "zh", "id"),
        (f"/targets?year={YEAR}&target=no_such", "zh", "target"),
        ("/targets?year=1999", "zh", "target"),
        ("/glossary?lang=en&term=no_such", "en", "term"),
        ("/source?report=no_such", "zh", "report"),
        ("/economy?lang=fr", "zh", "page"),
        ("/economy?figures=maybe", "zh", "page"),
    ],
)
def test_an_unknown_address_answers_404_with_a_page_that_says_what_was_not_found(site, link, lang, kind):
    answer = request(site.url + link)
    body = answer.body.decode("utf-8")
    assert answer.status == 404 and is_static(body) and t(f"not_found_{kind}", lang) in html.unescape(body), link
    assert f'<html lang="{LANG_TAGS[lang]}"' in body and 'href="./' in body and '<form class="kb-search"' in body


def test_the_not_found_pages_links_lead_to_the_site_from_a_nested_path(browser, site, screenshots):
    for lang, width in (("zh", 390), ("en", 1366)):
        page = browser.new_page(viewport={"width": width, "height": 844 if width < 500 else 768})
        answer = page.goto(f"{site.url}/economy/x?lang={lang}")
        assert answer.status == 404
        page.screenshot(path=screenshots / f"static-404-{lang}-{width}.png", full_page=True)
        page.get_by_role("link", name=t("overview", lang)).last.click()
        page.wait_for_url(f"{site.url}/" + ("?lang=en" if lang == "en" else ""))
        assert page.title().startswith(t("overview", lang)) and page.locator("body.kb-site").count() == 1
        page.close()


def test_a_former_id_still_opens_its_item_and_names_its_address_now(site):
    renamed = next(i for i in DATASET.content.indicators if i.former_ids)
    status, _, body = get(f"{site.url}/indicator?id={renamed.former_ids[0]}")
    assert status == 200 and is_static(body) and renamed.name.zh in body
    assert f'rel="canonical" href="{public(site)}/indicator?id={renamed.id}"' in body


@pytest.mark.parametrize(
    ("link", "one"),
    [
        ("/index", "/"),
        ("/index.html", "/"),
        ("/?lang=zh", "/"),
        ("/economy/", "/economy"),
        ("/economy?lang=zh&figures=true", "/economy?figures=true"),
        ("/indicator?id=economy.enterprises_attracted&lang=en", "/indicator?lang=en&id=economy.enterprises_attracted"),
        (
            f"/targets?status=outcome_missing&year={YEAR}&lang=en",
            f"/targets?lang=en&year={YEAR}&status=outcome_missing",
        ),
        (f"/targets?as_of={YEAR}-06-30&year={YEAR}", f"/targets?year={YEAR}&as_of={YEAR}-06-30"),
        (f"/glossary?term={TERM}&lang=en&lang=en", f"/glossary?lang=en&term={TERM}"),
        ("/source?report=", "/source"),
    ],
)
def test_another_spelling_of_a_static_address_is_sent_to_its_one_spelling(site, link, one):
    answer = request(site.url + link)
    assert (answer.status, answer.headers["location"]) == (301, [one]), link
    assert request(site.url + one).status == 200


def public(site) -> str:
    """The site's public address (the deploy's default: localhost at nginx's port)."""
    return site.url.replace("127.0.0.1", "localhost")


def test_robots_and_the_sitemap_lead_a_crawler_to_every_page_and_nowhere_else(site):
    answer = request(site.url + "/robots.txt")
    robots = answer.body.decode("utf-8")
    assert answer.status == 200 and answer.headers["content-type"][0].startswith("text/plain")
    assert f"Sitemap: {public(site)}/sitemap.xml" in robots
    assert {"/check", "/edit", "/_stcore/", "/*?q=", "/*?mode="} <= set(re.findall(r"Disallow: (\S+)", robots))
    answer = request(site.url + "/sitemap.xml")
    assert answer.status == 200 and answer.headers["content-type"] == ["text/xml; charset=utf-8"]
    urls = [html.unescape(url) for url in re.findall(r"<loc>([^<]+)</loc>", answer.body.decode("utf-8"))]
    assert len(urls) > 2 * len(DATASET.content.indicators) and all(url.startswith(public(site)) for url in urls)
    assert f"{public(site)}/targets?year={YEAR}&as_of={YEAR}-06-30" in urls
    failed = [url for url in urls if request(url.replace("localhost", "127.0.0.1")).status != 200]
    assert failed == []
    icon = request(site.url + "/favicon.ico")
    assert (icon.status, icon.headers["content-type"], icon.body[:4]) == (200, ["image/x-icon"], b"\x00\x00\x01\x00")


def test_pages_revalidate_and_hashed_assets_are_kept_a_year(site):
    page = request(site.url + "/economy?lang=en", Accept_Encoding="gzip")
    cache = page.headers["cache-control"][0]
    assert "max-age=60" in cache and "stale-while-revalidate" in cache and "immutable" not in cache
    assert page.headers["vary"] == ["Accept-Encoding"]  # once
    assert page.headers["etag"] and page.headers["last-modified"]
    again = request(site.url + "/economy?lang=en", Accept_Encoding="gzip", If_None_Match=page.headers["etag"][0])
    assert again.status == 304
    body = gzip.decompress(page.body).decode("utf-8")
    [icon] = re.findall(r'href="(assets/favicon\.[0-9a-f]{12}\.png)"', body)
    [preview] = re.findall(r'<meta property="og:image" content="[^"]*/(assets/previews/[0-9a-f]{20}\.png)"', body)
    for asset in (request(f"{site.url}/{icon}"), request(f"{site.url}/{preview}")):
        assert asset.status == 200 and asset.headers["cache-control"] == ["public, max-age=31536000, immutable"]
    table = request(site.url + "/assets/dongming-economy-zh.csv")
    assert (
        table.headers["content-type"] == ["text/csv; charset=utf-8"]
        and "immutable" not in table.headers["cache-control"][0]
    )
    missing = request(site.url + "/nothing")
    assert missing.status == 404 and "max-age=60" in missing.headers["cache-control"][0]


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
