"""What a reader takes away, in a real browser (issue 31, item 6): on paper a QR code that reads back as the page's
address; on screen no QR code, and the copy link copies the address where a script may."""

from __future__ import annotations

import io
from datetime import date

import pytest
import zxingcpp
from PIL import Image

from components.views.document import Address, document
from components.views.page import Viewer
from components.views.routes import view_for

AFTER = date(2025, 3, 1)
BASE = "https://kpi.example.cn"


@pytest.fixture
def printed(browser, dataset, tmp_path):
    """A static page written as the publisher writes it, opened from a file (it needs no server: one document)."""

    def open_page(path: str, lang: str, params: dict[str, str], media: str = "print"):
        page = view_for(dataset, path).render(dataset, Viewer(lang, AFTER), params)
        file = tmp_path / f"{path}-{lang}.html"
        file.write_text(document(dataset, page, Address(path, params), lang, AFTER, BASE), encoding="utf-8")
        context = browser.new_context(viewport={"width": 1366, "height": 768}, device_scale_factor=2)
        tab = context.new_page()
        tab.emulate_media(media=media)
        tab.goto(file.as_uri())
        return tab

    return open_page


@pytest.mark.parametrize(
    ("path", "lang", "params", "url"),
    [
        ("economy", "zh", {}, f"{BASE}/economy"),
        (
            "indicator",
            "en",
            {"id": "economy.enterprises_attracted"},
            f"{BASE}/indicator?lang=en&id=economy.enterprises_attracted",
        ),
    ],
)
def test_the_printouts_qr_code_reads_back_as_the_pages_address(printed, path, lang, params, url):
    tab = printed(path, lang, params)
    code = tab.locator(".kb-qr svg")
    box = code.bounding_box()
    assert 90 <= box["width"] == box["height"] <= 120  # 28 mm at 96 px an inch: a phone reads it from paper
    image = Image.open(io.BytesIO(code.screenshot()))
    [found] = zxingcpp.read_barcodes(image)
    assert found.text == url and found.format == zxingcpp.BarcodeFormat.QRCode
    tab.context.close()


def test_the_screen_shows_no_qr_code_and_a_copy_link_that_copies(printed):
    tab = printed("economy", "en", {}, media="screen")
    assert tab.locator(".kb-qr").is_hidden()
    assert "page built on 2025-03-01" not in tab.locator(".kb-cite").inner_text()  # the script says the day read
    assert "accessed " in tab.locator(".kb-cite").inner_text()
    tab.context.grant_permissions(["clipboard-read", "clipboard-write"])
    link = tab.locator(".kb-copy")
    assert link.get_attribute("href") == f"{BASE}/economy?lang=en"
    link.click()
    assert tab.evaluate("navigator.clipboard.readText()") == f"{BASE}/economy?lang=en"
    assert link.inner_text() == "Link copied" and tab.url.startswith("file:")  # copied, not followed
    tab.context.close()
