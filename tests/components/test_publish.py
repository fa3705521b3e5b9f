"""The static public pages (components/publish.py): every public view in both languages, from the data the app would
show, written whole or not at all, again after a good edit and on a new day, never from data that is bad."""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
from datetime import date, datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from PIL import Image

import components.link_preview
import components.views.theme
from components.publish import CURRENT, STATUS, Status, Watcher, page_file, publish, read_status
from components.views.routes import public_paths
from kpi.data import good
from kpi.data.loading import load_dataset
from kpi.data.reading import Settling, read_contents
from kpi.data.snapshot import is_broken, last_good_version
from kpi.format import stated
from kpi.site import ASSETS, INDEX, NOT_FOUND, NOT_FOUND_KINDS, address, not_found_file, query
from kpi.texts import t
from tests.conftest import MINIMAL, REPO_ROOT, copy_data_dir

# Dates the tests judge on, named: during the 2024 plan year, and after it (its outcomes still to come).
DURING, AFTER = date(2024, 6, 30), date(2025, 3, 1)


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("KPI_STATE_DIR", str(tmp_path / "state"))
    directory = tmp_path / "data"
    directory.mkdir()
    return copy_data_dir(REPO_ROOT, directory)


@pytest.fixture
def site(tmp_path) -> Path:
    return tmp_path / "site"


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """The shipped data's site, written once for the tests that only read it."""
    root = tmp_path_factory.mktemp("published")
    (root / "data").mkdir()
    session_state, os.environ["KPI_STATE_DIR"] = os.environ["KPI_STATE_DIR"], str(root / "state")
    try:
        publish(copy_data_dir(REPO_ROOT, root / "data"), root / "site", AFTER, "https://kpi.example.cn")
    finally:
        os.environ["KPI_STATE_DIR"] = session_state
    return root / "site"


@pytest.fixture(scope="module")
def published_today(tmp_path_factory) -> Path:
    """The shipped data's site as the publisher writes it: for today. Why not a named date: a link keeps no what-if
    date only when its date is today's (components/views/page.py view_params), and what it checks holds on any day."""
    root = tmp_path_factory.mktemp("today")
    (root / "data").mkdir()
    session_state, os.environ["KPI_STATE_DIR"] = os.environ["KPI_STATE_DIR"], str(root / "state")
    try:
        publish(copy_data_dir(REPO_ROOT, root / "data"), root / "site", date.today(), "https://kpi.example.cn")
    finally:
        os.environ["KPI_STATE_DIR"] = session_state
    return root / "site"


class Head(HTMLParser):
    """A document's language, title, meta tags, links, scripts and text, as a link preview or a crawler reads them."""

    def __init__(self) -> None:
        super().__init__()
        self.lang, self.title, self.meta, self.links, self.scripts, self.text = "", "", {}, [], 0, []
        self._in = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang", "")
        elif tag == "meta" and ("name" in attrs or "property" in attrs):
            self.meta[attrs.get("name") or attrs["property"]] = attrs["content"]
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and "data-kb-addition" not in attrs:  # an addition (copy to the clipboard) is no need
            self.scripts += 1
        self._in = tag

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in not in ("style", "script"):
            self.text.append(data)


def read(site: Path, name: str) -> Head:
    head = Head()
    head.feed((site / CURRENT / name).read_text(encoding="utf-8"))
    return head


def test_every_public_view_is_written_in_both_languages_and_no_staff_page(published):
    site, dataset = published, load_dataset(REPO_ROOT)
    status = read_status(site)
    assert status.fresh and not status.error and status.files > 2 * len(dataset.content.indicators)
    written = {p.relative_to(site / CURRENT).as_posix() for p in (site / CURRENT).rglob("*.html")}
    for lang in ("zh", "en"):
        for path in public_paths(dataset):
            assert page_file(path, lang, {}) in written or path == "indicator"
        assert {page_file("indicator", lang, {"id": i.id}) for i in dataset.content.indicators} <= written
        assert {page_file("glossary", lang, {"term": x.id}) for x in dataset.glossary.terms} <= written
        assert page_file("targets", lang, {"year": "2024", "status": "outcome_missing"}) in written
        assert page_file("economy", lang, {"figures": "true"}) in written
    assert not any(name.startswith("check/") for name in written)
    assert all((site / CURRENT / (name + ".gz")).is_file() for name in written)  # compressed once, for nginx
    assert (site / CURRENT / "assets" / "dongming-economy-zh.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert (site / CURRENT / "data" / "datapackage.json").is_file()  # the whole data, with the site


@pytest.mark.parametrize(
    ("name", "lang", "title", "shown"),
    [
        ("economy/zh.html", "zh-CN", "经济发展 · 东明路街道绩效看板", "139家"),
        ("economy/en.html", "en", "Economy · Dongming Road Subdistrict Performance Dashboard", "139 enterprises"),
        ("index/zh.html", "zh-CN", "总览 · 东明路街道绩效看板", "139家"),
        (
            "indicator/en~id=economy.enterprises_attracted.html",
            "en",
            "Enterprises attracted · Dongming Road Subdistrict Performance Dashboard",
            "139 enterprises",
        ),
    ],
)
def test_the_head_says_what_the_page_is_and_the_body_needs_no_script(published, name, lang, title, shown):
    page = read(published, name)
    assert page.lang == lang and page.title == title
    assert shown in page.meta["description"] and page.meta["og:description"] == page.meta["description"]
    assert page.meta["og:title"] == title and page.meta["og:url"].startswith("https://kpi.example.cn/")
    [canonical] = [link["href"] for link in page.links if link.get("rel") == "canonical"]
    assert canonical == page.meta["og:url"]
    assert shown in "".join(page.text)  # the figures are in the HTML itself
    assert page.scripts == 0  # nothing on the page needs a script
    assert not [
        link for link in page.links if link.get("rel") in ("stylesheet", "preload")
    ]  # one request: the style is inline


def test_no_page_asks_another_host_for_anything(published):
    for path in (published / CURRENT).rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "src=" not in text and "url(" not in text, path  # no script, image or font from anywhere
        icon = r'rel="icon" type="image/png" href="(\.\./)?assets/favicon\.[0-9a-f]{12}\.png"'  # ../ from /data/
        assert re.search(icon, text), path


def test_a_good_edit_is_written_and_a_bad_one_is_not(data, site):
    publish(data, site, AFTER)
    first = (site / CURRENT).resolve()
    text = (data / "indicators.yaml").read_text(encoding="utf-8")
    edited = text.replace("en: Enterprises attracted}", "en: Enterprises brought in}", 1)
    (data / "indicators.yaml").write_text(edited, encoding="utf-8")
    good = publish(data, site, AFTER)
    assert good.fresh and (site / CURRENT).resolve() != first
    assert "Enterprises brought in" in "".join(read(site, "economy/en.html").text)
    assert last_good_version(data) == good.version  # as the app would keep it, for a process that starts later
    (data / "indicators.yaml").write_text(edited.replace("value: 139\n", "value: 一百\n", 1), encoding="utf-8")
    bad = publish(data, site, AFTER)
    assert not bad.fresh and bad.version == good.version and "data error" in bad.error
    assert "Enterprises brought in" in "".join(read(site, "economy/en.html").text)  # the last good data, never the bad
    assert read_status(site) == bad


def test_data_that_breaks_a_page_is_never_published_and_never_the_last_good(data, site, monkeypatch):
    publish(data, site, AFTER)
    text = (data / "indicators.yaml").read_text(encoding="utf-8")
    (data / "indicators.yaml").write_text(
        text.replace("name: {zh: 引进企业,", "name: {zh: 坏引进企业,", 1), encoding="utf-8"
    )
    draw = components.views.theme.tiles_html

    def raising(dataset, ids, lang, meeting):
        if any(dataset.indicators[i].name.zh.startswith("坏") for i in ids):
            raise KeyError("planted")
        return draw(dataset, ids, lang, meeting)

    monkeypatch.setattr(components.views.theme, "tiles_html", raising)
    status = publish(data, site, AFTER)
    assert not status.fresh and "planted" in status.error
    assert "坏引进企业" not in (site / CURRENT / "economy" / "zh.html").read_text(encoding="utf-8")
    assert is_broken(data, read_contents(data).digest)  # for every process
    assert status.behind == "broken" and status.files_version == read_contents(data).digest


def test_a_new_day_rewrites_what_depends_on_the_date(data, site):
    publish(data, site, DURING)
    during = "".join(read(site, "targets/zh.html").text)
    assert f"目标进度按 {DURING.isoformat()} 判定" in during and "尚无进展报告" in during
    before = (site / CURRENT).resolve()
    status = publish(data, site, AFTER)
    assert status.date == AFTER.isoformat() and (site / CURRENT).resolve() != before
    after = "".join(read(site, "targets/zh.html").text)
    assert "待下一份报告" in after and "尚无进展报告" not in after
    assert before.exists()  # the site a reader may still be reading stays until the next one replaces it


def preview_file(site: Path, page: Head) -> Path:
    """The preview image a page's head names, in the site (its address is the public one)."""
    assert page.meta["og:image"].startswith("https://kpi.example.cn/assets/previews/")
    return site / CURRENT / page.meta["og:image"].removeprefix("https://kpi.example.cn/")


@pytest.mark.parametrize(
    ("name", "alt"),
    [
        # a figure counted to November says so, as its tile does: the image must not make it the year's
        ("economy/zh.html", "经济发展：引进企业 (截至2023年11月) 139家；吸引内资 (截至2023年11月) 3.45亿元"),
        (
            "index/en.html",
            "Key results of 2023: Enterprises attracted (Jan–Nov 2023) 139 enterprises; Estate renewal works 14 estates",
        ),
        ("indicator/zh~id=economy.enterprises_attracted.html", "引进企业：截至2023年11月 139家"),
    ],
)
def test_each_page_has_a_preview_image_of_its_title_and_figures(published, name, alt):
    page = read(published, name)
    assert page.meta["og:image:alt"].startswith(alt) and page.meta["twitter:card"] == "summary_large_image"
    with Image.open(preview_file(published, page)) as image:
        assert (image.format, image.size) == ("PNG", (1200, 630))
        assert (page.meta["og:image:width"], page.meta["og:image:height"]) == ("1200", "630")


def test_pages_that_show_the_same_image_share_one_and_a_new_build_copies_it(data, site, monkeypatch):
    publish(data, site, DURING, "https://kpi.example.cn")
    written = {p.relative_to(site / CURRENT).as_posix(): p for p in (site / CURRENT).rglob("*.html")}
    pages = {name: path for name, path in written.items() if not name.startswith((f"{NOT_FOUND}/", "data/"))}
    images = {name: preview_file(site, read(site, name)) for name in pages}
    assert all(image.is_file() for image in images.values())
    year = {
        images[name]
        for name in pages
        if name.startswith("targets/zh~year=2024") and "~target=" not in name and "~as_of=" not in name
    }
    assert len(year) == 1 and images["targets/zh.html"] in year  # every filter of the year: one image
    assert len(set(images.values())) < len(pages)
    drawn, draw = [], components.link_preview.draw
    monkeypatch.setattr(components.link_preview, "draw", lambda preview: drawn.append(preview) or draw(preview))
    publish(data, site, AFTER, "https://kpi.example.cn")  # a new day: every page written again
    assert read(site, "economy/zh.html").meta["og:image"].endswith(images["economy/zh.html"].name)
    assert (site / CURRENT / "assets" / "previews" / images["economy/zh.html"].name).is_file()
    assert drawn and not [p for p in drawn if p.title == "经济发展"]  # what the date changes is drawn, the rest copied


def test_the_switch_is_one_step(published):
    assert (published / CURRENT).is_symlink() and os.readlink(published / CURRENT).startswith("builds/")


def test_the_figures_on_a_static_page_are_the_report_figures(published):
    dataset = load_dataset(REPO_ROOT)
    for indicator in dataset.theme_indicators("safety"):
        value = stated(dataset.latest(indicator).value, indicator.unit, "zh")
        assert value in "".join(read(published, "safety/zh.html").text), indicator.id


# ── Watching: an edit during a publish, a file saved in place, what is held back, the heartbeat ─────────────────────


class Clock:
    """Time for the files' settling that passes only when the test says so."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def watcher(data: Path, site: Path, clock: Clock) -> Watcher:
    return Watcher(data, site, settling=Settling(clock=clock))


def passes(watching: Watcher, clock: Clock, n: int, every: float = 0.5) -> list[Status]:
    """`n` passes of the publisher, `every` seconds apart."""
    found = []
    for _ in range(n):
        clock.now += every
        found.append(watching.tick(AFTER))
    return found


def name_of(text: str, figure: str = "economy.enterprises_attracted") -> str:
    """The Chinese name indicators.yaml gives the figure."""
    return re.search(rf"- id: {re.escape(figure)}\n(?:  .*\n)*?  name: {{zh: ([^,]+),", text)[1]


def rename(data: Path, name: str) -> None:
    path = data / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"{{zh: {name_of(text)},", f"{{zh: {name},", 1), encoding="utf-8")


@pytest.fixture
def minimal(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("KPI_STATE_DIR", str(tmp_path / "state"))
    (tmp_path / "data").mkdir()
    return copy_data_dir(MINIMAL, tmp_path / "data")


def test_an_edit_saved_while_the_pages_are_written_is_written_in_turn(minimal, site, monkeypatch):
    clock, write, saves, written = Clock(), components.publish.write_site, [], []

    def slow_write(dataset, folder, today, base):  # staff save again while the pages are being written
        written.append(dataset.indicators["economy.enterprises_attracted"].name.zh)
        while saves:
            saves.pop()()
        return write(dataset, folder, today, base)

    monkeypatch.setattr(components.publish, "write_site", slow_write)
    watching = watcher(minimal, site, clock)
    for trial in range(10):  # not luck: every time
        earlier, later = f"企业{trial}甲", f"企业{trial}乙"  # the same size: the stamp may not even change
        rename(minimal, earlier)
        saves.append(lambda later=later: rename(minimal, later))
        passes(watching, clock, 8)
        assert written[-2:] == [earlier, later], (
            trial
        )  # the earlier edit was being written when the later one was saved
        assert f"{later} (" in "".join(read(site, "economy/zh.html").text), trial
        assert read_status(site).version == read_contents(minimal).digest and read_status(site).behind == ""


def test_a_file_written_slowly_in_place_is_never_published_halfway(minimal, site):
    clock, path = Clock(), minimal / "indicators.yaml"
    watching = watcher(minimal, site, clock)
    first = passes(watching, clock, 4)[-1]
    built = os.readlink(site / CURRENT)
    whole = path.read_bytes().replace("{zh: 引进企业,".encode(), "{zh: 新引进企业,".encode())
    lines = whole.splitlines(keepends=True)
    with open(path, "r+b") as file:  # an editor or an upload that truncates, then writes a line at a time
        file.truncate(0)
        for line in lines:
            file.write(line)
            file.flush()
            status = passes(watching, clock, 1, every=0.4)[0]
            assert os.readlink(site / CURRENT) == built and status.version == first.version
            assert status.behind == "settling" and status.files_version != first.version
    after = passes(watching, clock, 4)[-1]
    assert after.version == read_contents(minimal).digest and after.behind == "" and after.fresh
    assert "新引进企业 (" in "".join(read(site, "economy/zh.html").text)


def test_a_file_cut_at_a_line_boundary_and_left_so_never_publishes_a_large_loss(data, site, monkeypatch):
    """Every 61st line boundary of indicators.yaml, each left long enough to settle: what validates and drops more than a
    fifth of the public items is held; what drops less is written only once it stayed so for five seconds. (Pages
    drawn by a fake: what matters is which data the publisher writes from.)"""
    written = []
    monkeypatch.setattr(
        components.publish, "write_site", lambda dataset, folder, today, base: written.append(dataset) or 1
    )
    clock, path = Clock(), data / "indicators.yaml"
    watching = watcher(data, site, clock)
    passes(watching, clock, 4)
    whole, full = path.read_bytes(), written[-1]
    lines = whole.splitlines(keepends=True)
    outcomes = set()
    for cut in range(61, len(lines), 61):
        path.write_bytes(b"".join(lines[:cut]))
        status = passes(watching, clock, 4)[-1]
        reading = good.read(data)
        if reading.dataset is None:
            assert (
                status.behind == "invalid"
                and status.version == read_contents(data).digest
                or status.version != reading.version
            )
            outcomes.add("invalid")
            continue
        dropped, total = good.loss(full, reading.dataset)
        if dropped:  # a file cut short looks like a removal: it waits five seconds unchanged, whatever it drops
            assert status.behind == "settling" and status.version != reading.version
            status = passes(watching, clock, 8)[-1]
        if dropped > 0.2 * total:
            assert status.behind == "held" and status.held == {
                "version": reading.version,
                "dropped": dropped,
                "total": total,
            }
            assert status.version != reading.version
            outcomes.add("held")
        else:
            assert status.version == reading.version and written[-1] == reading.dataset
            outcomes.add("published after 5 s" if dropped else "published")
        path.write_bytes(whole)  # the save completes
        assert passes(watching, clock, 4)[-1].version == read_contents(data).digest
    assert outcomes >= {"invalid", "held", "published after 5 s"}  # the sample met every case


def test_a_held_version_is_published_once_staff_confirm_it(data, site):
    clock = Clock()
    watching = watcher(data, site, clock)
    passes(watching, clock, 4)
    text = (data / "indicators.yaml").read_text(encoding="utf-8")
    (data / "indicators.yaml").write_text(
        text[: text.index("\nprogrammes:") + 1], encoding="utf-8"
    )  # no target is left
    status = passes(watching, clock, 12)[-1]
    cut = read_contents(data).digest
    assert status.behind == "held" and status.held["version"] == cut and status.version != cut
    assert "待下一份报告" in "".join(read(site, "targets/zh.html").text)  # the targets are still on the public pages
    good.confirm(data, cut)
    status = passes(watching, clock, 1)[-1]
    assert status.version == cut and status.fresh and status.behind == "" and status.held is None
    assert last_good_version(data) == cut


def test_the_heartbeat_moves_while_nothing_changes(minimal, site):
    clock, beats = Clock(), iter(range(100))
    watching = watcher(minimal, site, clock)
    watching.now = lambda: datetime(2025, 3, 1, 8, 0, next(beats), tzinfo=timezone(timedelta(hours=8)))
    passes(watching, clock, 4)
    built = os.readlink(site / CURRENT)
    before = json.loads((site / STATUS).read_text(encoding="utf-8"))
    passes(watching, clock, 2)
    after = json.loads((site / STATUS).read_text(encoding="utf-8"))
    assert before["heartbeat"] == "2025-03-01T08:00:03+08:00" and after["heartbeat"] == "2025-03-01T08:00:05+08:00"
    assert {k: v for k, v in after.items() if k != "heartbeat"} == {k: v for k, v in before.items() if k != "heartbeat"}
    assert os.readlink(site / CURRENT) == built and after["files_version"] == after["version"] and after["behind"] == ""


def test_the_deploys_publisher_commits_an_edit_made_outside_the_page_once_published(minimal, site):
    from kpi.edit.history import ensure_repository, log

    ensure_repository(minimal)  # as the deploy's publisher does at its start
    clock = Clock()
    watching = Watcher(minimal, site, settling=Settling(clock=clock), history=True)
    passes(watching, clock, 4)
    assert [entry.author for entry in log(minimal)] == ["server"]  # the history begins; nothing else changed
    rename(minimal, "新引进企业")  # by hand on the server
    passes(watching, clock, 6)
    newest = log(minimal)[0]
    assert (newest.author, newest.files) == ("server", ["indicators.yaml"]) and len(log(minimal)) == 2
    path = minimal / "indicators.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 139", "value: 一百", 1), encoding="utf-8")
    passes(watching, clock, 6)
    assert len(log(minimal)) == 2  # an edit that does not validate is not published, and not recorded


def page_address(name: str) -> str:
    """The address a written page answers: `targets/en~year=2024~as_of=2024-06-30.html` → /targets?lang=en&…."""
    folder, file = name.split("/", 1)
    lang, *named = file.removesuffix(".html").split("~")
    return address("" if folder == INDEX else folder, {"lang": lang, **dict(part.split("=", 1) for part in named)})


def test_every_link_on_a_static_page_leads_to_a_static_page_in_its_one_spelling(published_today):
    """Search and meeting mode apart (Streamlit's by design), and the report's own address on its government site."""
    root = published_today / CURRENT
    written = {p.relative_to(root).as_posix() for p in root.rglob("*.html")}
    pages = [name for name in written if not name.startswith((NOT_FOUND, "data/"))]  # /data/ lists files
    checked = set()
    for name in pages:
        here = "https://kpi.example.cn" + page_address(name)
        for href in set(re.findall(r'<a href="([^"#]*)[^"]*"', (root / name).read_text(encoding="utf-8"))):
            target = urlsplit(urljoin(here, html.unescape(href)))
            if target.netloc != "kpi.example.cn" or "mode=" in target.query or (target.path, target.query) in checked:
                continue
            checked.add((target.path, target.query))
            if target.path.startswith(f"/{ASSETS}/"):
                assert (root / target.path.lstrip("/")).is_file(), (name, href)
                continue
            if target.path == "/data/":  # the whole data: a page listing files (components/open_data.py)
                assert (root / "data" / "index.html").is_file(), (name, href)
                continue
            params = dict(parse_qsl(target.query))
            assert target.query == query(params), (name, href)  # the one spelling: no redirect on the way
            lang = params.pop("lang", "zh")
            assert page_file(target.path.strip("/"), lang, params) in written, (name, href)
    assert any("as_of=" in q for _, q in checked)  # the what-if dates are among them


def test_the_not_found_pages_say_what_was_not_found_and_lead_on(published):
    for kind in NOT_FOUND_KINDS:
        for lang in ("zh", "en"):
            page = read(published, not_found_file(kind, lang))
            assert page.title.startswith(t("not_found", lang)) and t(f"not_found_{kind}", lang) in "".join(page.text)
            assert page.meta["robots"] == "noindex" and not [
                link for link in page.links if link.get("rel") == "canonical"
            ]
    body = (published / CURRENT / not_found_file("id", "en")).read_text(encoding="utf-8")
    assert '<base href="/">' in body and '<a href="./?lang=en"' in body and 'action="targets"' in body


def test_robots_and_the_sitemap_name_every_public_page_at_its_public_address(published):
    root, dataset = published / CURRENT, load_dataset(REPO_ROOT)
    robots = (root / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://kpi.example.cn/sitemap.xml" in robots
    assert all(f"Disallow: {path}" in robots for path in ("/check", "/edit", "/_stcore/", "/*?q=", "/*&q="))
    sitemap = (root / "sitemap.xml").read_text(encoding="utf-8")
    listed = [html.unescape(url) for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    assert len(listed) == len(set(listed)) and sitemap.count("<lastmod>2025-03-01</lastmod>") == len(listed)
    written = {
        p.relative_to(root).as_posix()
        for p in root.rglob("*.html")
        if not p.name.startswith(("id-", "page-")) and p.parent.name != "data"  # /data/ lists files, not a view
    }
    spelled = {"https://kpi.example.cn" + page_address(name) for name in written if not name.startswith(NOT_FOUND)}
    content = dataset.content  # a former id's page names its item's address now: not in the sitemap
    renamed = [f"id={old}" for i in content.indicators for old in i.former_ids]
    renamed += [f"target={old}" for x in content.targets for old in x.former_ids]
    by_former = re.compile("[?&](?:" + "|".join(map(re.escape, renamed)) + ")(?:&|$)")
    assert set(listed) == {url for url in spelled if not by_former.search(url)}
    assert "https://kpi.example.cn/economy?lang=en" in listed and 'hreflang="x-default"' in sitemap
    assert (root / "favicon.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"  # an icon file


def test_scripts_and_images_are_written_under_content_hashed_names(published):
    assets = {p.name for p in (published / CURRENT / ASSETS).iterdir()}
    [name] = [n for n in assets if re.fullmatch(r"favicon\.[0-9a-f]{12}\.png", n)]
    content = (published / CURRENT / ASSETS / name).read_bytes()
    assert hashlib.sha256(content).hexdigest()[:12] in name
    assert not [n for n in assets if n.endswith(".js")]  # charts are SVG in the page: no script file at all
