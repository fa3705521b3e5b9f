"""What a reader on a phone and a room at a projector see (issue 31): the year's results on a phone's first screen, no
text under 14 px, no element that scrolls sideways, six themes on the meeting screen, and a rotation that moves by
whole screens. The public pages are the static files the publisher writes, served by their addresses as nginx serves
them (components/publish.py `page_file`); meeting mode is Streamlit's."""

from __future__ import annotations

import http.server
import socketserver
import threading
from datetime import date
from urllib.parse import parse_qs, urlparse

import pytest

from components.publish import page_file, write_site
from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset
from tests.browser.server import free_port, load

DATASET = load_dataset(REPO_ROOT)
PUBLIC = [
    "",
    "targets",
    *[theme.id for theme in DATASET.content.themes],
    "glossary",
    "source",
    "indicator?id=economy.enterprises_attracted",
    "housing?figures=true",
]
PHONE, PROJECTOR = {"width": 390, "height": 844}, {"width": 1366, "height": 768}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Today's static pages, each at its address (`/economy?lang=en` → economy/en.html, as nginx maps it)."""
    folder = tmp_path_factory.mktemp("site")
    write_site(DATASET, folder, date.today(), "")

    class Pages(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(folder), **kwargs)

        def log_message(self, *args):
            pass

        def do_GET(self):
            address = urlparse(self.path)
            params = {key: values[0] for key, values in parse_qs(address.query).items()}
            lang = params.pop("lang", "zh")
            static = address.path.startswith("/assets/")
            self.path = address.path if static else "/" + page_file(address.path.strip("/"), lang, params)
            super().do_GET()

    server = socketserver.ThreadingTCPServer(("127.0.0.1", free_port()), Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def address(base: str, path: str, lang: str) -> str:
    return f"{base}/{path}" + ("" if lang == "zh" else ("&" if "?" in path else "?") + "lang=en")


SMALL_TEXT = """() => {
    const shown = e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e);
        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden'; };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT), small = [];
    while (walker.nextNode()) {
        const node = walker.currentNode, parent = node.parentElement;
        if (!node.textContent.trim() || parent.closest('script, style') || !shown(parent)) continue;
        const px = parseFloat(getComputedStyle(parent).fontSize);
        if (px < 14) small.push(`${px}px: ${node.textContent.trim().slice(0, 40)}`);
    }
    return small;
}"""
SIDEWAYS = """() => {
    document.querySelectorAll('details:not(.kb-menu)').forEach(d => { d.open = true; });  // every tap-away opened
    const hidden = e => { for (let a = e; a.parentElement; a = a.parentElement)
        if (a.parentElement.tagName === 'DETAILS' && !a.parentElement.open && a.tagName !== 'SUMMARY') return true;
        return false; };
    return [...document.querySelectorAll('body *')].filter(e => e.clientWidth > 0 && !hidden(e)
        && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).display !== 'inline')
        .map(e => `${e.tagName}.${e.className} ${e.scrollWidth}/${e.clientWidth}: ${e.textContent.trim().slice(0, 40)}`);
}"""
FIGURES_ON_SCREEN = """() => [...document.querySelectorAll('.kb-grid .kb-fig > summary')]
    .filter(s => { const r = s.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }).length"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_phones_first_screen_holds_eight_figures_of_the_year(site, browser, lang):
    tab = browser.new_page(viewport=PHONE)
    tab.goto(address(site, "", lang))
    assert tab.evaluate(FIGURES_ON_SCREEN) >= 8
    tab.close()


@pytest.mark.parametrize("viewport", [PHONE, PROJECTOR], ids=["390", "1366"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_text_under_14_px_and_nothing_scrolls_sideways(site, browser, lang, viewport):
    """Every public page; a table's figures-as-cards (housing?figures=true) included."""
    tab = browser.new_page(viewport=viewport)
    for path in PUBLIC:
        tab.goto(address(site, path, lang))
        tab.wait_for_load_state("load")
        assert tab.evaluate(SMALL_TEXT) == [], path
        assert tab.evaluate(SIDEWAYS) == [], path  # opens every tap-away: the sentences and tables it shows fit too
    tab.close()


def test_english_pages_put_a_latin_font_first_and_chinese_pages_a_cjk_one(site, browser):
    tab = browser.new_page(viewport=PHONE)
    tab.goto(address(site, "", "en"))
    first = tab.evaluate("getComputedStyle(document.body).fontFamily.split(',')[0]")
    assert "CJK" not in first and "YaHei" not in first and "PingFang" not in first
    tab.goto(address(site, "", "zh"))
    assert "PingFang" in tab.evaluate("getComputedStyle(document.body).fontFamily.split(',')[0]")
    tab.close()


THEMES_ON_SCREEN = """() => [...document.querySelectorAll('.kb-grid .kb-card')]
    .filter(c => { const r = c.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }).length"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_meeting_screen_shows_six_themes_without_underlines_or_chevrons(server, page, lang):
    """At 1366x768 (the page fixture's viewport)."""
    load(page, f"{server}/?mode=meeting" + ("&lang=en" if lang == "en" else ""))
    assert page.evaluate(THEMES_ON_SCREEN) >= 6
    assert page.evaluate("""() => [...document.querySelectorAll('.kb a')].filter(a => a.offsetWidth)
        .every(a => getComputedStyle(a).textDecorationLine === 'none')""")
    assert page.evaluate("""() => [...document.querySelectorAll('.kb summary')].filter(s => s.offsetWidth)
        .every(s => getComputedStyle(s, '::after').display === 'none')""")


SCROLLED = "document.querySelector('[data-testid=stMain]').scrollTop"
SCREEN = "document.querySelector('[data-testid=stMain]').clientHeight"


def test_the_rotation_moves_by_whole_screens_and_holds_each(server, page):
    """Sampled every 250 ms during the overview's 20 s turn: the page stands at whole screens only (or at its end),
    each for seconds, never gliding between them."""
    load(page, f"{server}/?mode=meeting&rotate=20")
    screen, seen = page.evaluate(SCREEN), []
    end = page.evaluate(f"document.querySelector('[data-testid=stMain]').scrollHeight - {screen}")  # the overview's
    for _ in range(72):
        if urlparse(page.url).path != "/":
            break
        seen.append(page.evaluate(SCROLLED))
        page.wait_for_timeout(250)
    stops = sorted(set(seen))
    assert len(stops) >= 2, seen  # the overview is taller than a screen: it moves
    assert all(top % screen == 0 or abs(top - end) <= 1 for top in stops), (stops, screen, end)
    assert all(seen.count(top) >= 8 for top in stops), seen  # each held 2 s and more


def test_a_plan_year_in_one_state_is_no_turn_of_the_rotation(server, page):
    """As of today (2026-12-07, every 2024 item awaiting the next report): the overview hands over to the first theme."""
    load(page, f"{server}/?mode=meeting&rotate=8")
    page.wait_for_url("**/economy?*", timeout=30_000)
