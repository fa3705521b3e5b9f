"""What a reader takes away from a static page: its files (each table as CSV, each chart as an image, the whole data at
/data/), a line to cite it, a link to copy, and, on paper only, a QR code of its address.

Why on the static page and without a script: the public opens a shared link on a phone, and leaders print pages for
meeting papers. The files are plain links; the copy link is a link to the page itself (a long press copies it), which a
script, where it runs, turns into a copy to the clipboard; the citation states the day the page was built as that,
and the same script says the reader's own day instead (the day read, when printed the day printed): never a date
that is not true. The QR code is drawn when the page is written (segno: pure Python, no dependencies), so a printed
sheet leads back to the page, its language and its selection.
"""

from __future__ import annotations

import functools
from datetime import date

import segno

from components.views.html import Markup, html, join, t_html
from components.views.page import Page
from kpi.data.dataset import Dataset
from kpi.texts import t, text

DATA_PATH = "data/"  # the whole data (components/open_data.py), relative like every link: it keeps a base path
# The addition a script makes where it runs (the page reads the same without it).
ENHANCE = (
    'document.querySelectorAll(".kb-copy").forEach(function(a){a.addEventListener("click",function(e){'
    "if(!navigator.clipboard)return;e.preventDefault();navigator.clipboard.writeText(a.href).then(function(){"
    "a.textContent=a.dataset.copied})})});"
    "var d=new Date(),day=d.getFullYear()+'-'+String(d.getMonth()+1).padStart(2,'0')+'-'+String(d.getDate())"
    ".padStart(2,'0');"
    'document.querySelectorAll("[data-kb-read]").forEach(function(s){s.textContent=s.dataset.kbRead.replace("{date}",day)})'
)


def file_links(page: Page, lang: str) -> Markup:
    """The page's own files, then the whole data."""
    links = [html('<a href="assets/{}" download>{}</a>', d.file_name, d.label) for d in page.downloads]
    links.append(html('<a href="{}">{}</a>', DATA_PATH, t("download_data", lang)))
    return html('<ul class="kb-downloads">{}</ul>', join(html("<li>{}</li>", link) for link in links))


def cite_line(dataset: Dataset, page: Page, canonical: str, built: date, lang: str) -> Markup:
    """The dashboard and page, the report its figures come from with its address, this page's address, and the day."""
    report = dataset.vintage.report
    when = html(
        '<span data-kb-read="{}">{}</span>',
        t("cite_read", lang, date="{date}"),
        t("cite_built", lang, date=built.isoformat()),
    )
    words = t_html(
        "cite",
        lang,
        app=t("app_title", lang),
        page=page.title,
        report=text(report.title, lang),
        published=report.published.isoformat(),
        report_url=report.url,
        url=canonical,
        when=when,
    )
    return html('<p class="kb-cite"><b>{}</b>{}</p>', t("cite_label", lang), words)


@functools.lru_cache(maxsize=2048)  # ~470 pages in the shipped data; a URL's code never changes
def qr_svg(canonical: str) -> str:
    """The address as a QR code in SVG, drawn once per address for the publisher's life: each publish (every edit,
    every new day) writes the same addresses again.

    One mask, not the best of eight: choosing took 17 of segno's 24 ms a code; any mask makes a valid code (the browser
    test reads codes back), the best only a little easier to scan."""
    return segno.make(canonical, error="m", mask=0).svg_inline(scale=1, border=4, omitsize=True, dark="#000")


def qr_code(canonical: str, lang: str) -> Markup:
    """The page's address as a QR code, for the printout (nothing when the site has no public address to encode)."""
    if not canonical.startswith(("https://", "http://")):
        return Markup()
    return html(
        '<figure class="kb-qr" aria-hidden="true">{}<figcaption>{}<br>{}</figcaption></figure>',
        Markup(qr_svg(canonical)),
        t("qr_caption", lang),
        canonical,
    )


def takeaway(dataset: Dataset, page: Page, canonical: str, built: date, lang: str) -> Markup:
    """The files and the copy link (on screen), the citation (on screen and paper), the QR code (on paper)."""
    copy = html(
        '<p class="kb-noprint"><a class="kb-copy" href="{}" data-copied="{}">{}</a></p>',
        canonical,
        t("link_copied", lang),
        t("copy_link", lang),
    )
    return html(
        '<section class="kb kb-take"><div class="kb-noprint">{}</div>{}{}{}<script data-kb-addition>{}</script></section>',
        file_links(page, lang),
        copy,
        cite_line(dataset, page, canonical, built, lang),
        qr_code(canonical, lang),
        Markup(ENHANCE),
    )
