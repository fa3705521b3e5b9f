"""A view as a static HTML document: the head a link preview and a search engine read, the page readable with no
script, the menu as <details>, and a footer that says where the figures come from (on screen and on paper).

Why whole documents: the public arrives from a link in a messenger, on a phone on a slow network. The HTML the
link returns is all a preview reads, and all a phone needs to show the figures: one request, the stylesheet inline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from components.views.commitments import view_notes
from components.views.header import nav_html, site_menu, title_block
from components.views.html import Markup, html, join, search_form
from components.views.page import Page, Part, Search, document_title
from components.views.plots import Plot
from components.views.style import stylesheet
from kpi.data.dataset import Dataset
from kpi.texts import t, text

LANG_TAGS = {"zh": "zh-CN", "en": "en"}
OG_LOCALES = {"zh": "zh_CN", "en": "en_US"}


@dataclass(frozen=True)
class Address:
    """Where a static page lives: its path ("" is the overview) and the parameters it answers, language apart."""

    path: str
    params: dict[str, str]

    def url(self, lang: str, base: str = "") -> str:
        """`/economy?lang=en`, or absolute under `base` (the site's public address, e.g. https://kpi.example.cn)."""
        query = urlencode({**({"lang": lang} if lang != "zh" else {}), **{k: v for k, v in self.params.items() if v}})
        return f"{base.rstrip('/')}/{self.path}" + (f"?{query}" if query else "")


def document(
    dataset: Dataset, page: Page, address: Address, lang: str, built: date, base: str = "", image: Image | None = None
) -> str:
    """The whole static page: head, menu, title and vintage, the view, its downloads, the footer."""
    canonical = address.url(lang, base)
    heads = [
        html('<link rel="canonical" href="{}">', canonical),
        *(
            html('<link rel="alternate" hreflang="{}" href="{}">', LANG_TAGS[code], address.url(code, base))
            for code in LANG_TAGS
        ),
    ]
    title = document_title(page.title, lang)
    meta = join(
        html('<meta property="og:{}" content="{}">', key, value)
        for key, value in (
            ("type", "website"),
            ("site_name", t("app_title", lang)),
            ("title", title),
            ("description", page.description),
            ("locale", OG_LOCALES[lang]),
            ("url", canonical),
            *(image_meta(image, base) if image else ()),
        )
    ) + html('<meta name="twitter:card" content="{}">', "summary_large_image" if image else "summary")
    nav = nav_html(
        site_menu(dataset, lang),
        address.path,
        lang,
        {"lang": lang if lang != "zh" else ""},
        {k: v for k, v in address.params.items() if v},
        canonical.split("?", 1)[0],
    )
    top = title_block(dataset.vintage, view_notes(dataset, built, lang), lang, source_link=True)
    downloads = join(html('<a href="assets/{}" download>{}</a>', d.file_name, d.label) for d in page.downloads)
    scripts = (
        [html('<script>document.getElementById("{}")?.scrollIntoView()</script>', page.anchor)] if page.anchor else []
    )
    return str(
        html(
            '<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>'
            '<meta name="description" content="{description}">{heads}{meta}<link rel="icon" type="image/png" href="assets/favicon.png">'
            '<style>{style}</style></head><body class="kb-site"><header>{nav}{top}</header><main>{body}{downloads}</main>'
            '<footer class="kb kb-foot">{footer}</footer>{scroll}</body></html>',
            lang=LANG_TAGS[lang],
            title=title,
            description=page.description,
            heads=join(heads),
            meta=meta,
            style=Markup(stylesheet()),
            nav=nav,
            top=top,
            body=join(static_part(part) for part in page.parts),
            downloads=html('<div class="kb kb-noprint"><p>{}</p></div>', downloads) if page.downloads else "",
            footer=footer(dataset, canonical, built, lang),
            scroll=join(scripts),
        )
    )


@dataclass(frozen=True)
class Image:
    """A page's preview image (components/link_preview.py): its file under assets/ and what it shows, in words."""

    file: str
    alt: str
    width: int = 1200
    height: int = 630


def image_meta(image: Image, base: str) -> tuple[tuple[str, str], ...]:
    """og:image and its details; at the public address when the publisher knows it (a preview needs it absolute)."""
    return (
        ("image", f"{base.rstrip('/')}/assets/{image.file}" if base else f"/assets/{image.file}"),
        ("image:type", "image/png"),
        ("image:width", str(image.width)),
        ("image:height", str(image.height)),
        ("image:alt", image.alt),
    )


def static_part(part: Part) -> Markup:
    """A part of a page as a static page shows it: HTML as it is, a chart as the SVG or table drawn in its place (no
    plotly.js: docs/performance.md), a search as a plain form (it opens the Streamlit view with ?q=)."""
    if isinstance(part, Plot):
        return part.fallback
    if isinstance(part, Search):
        return html('<div class="kb">{}</div>', search_form(part.page, part.label, part.button, part.query, part.keep))
    return part


def footer(dataset: Dataset, canonical: str, built: date, lang: str) -> Markup:
    """Where the figures come from and this page's own address, written out so a printed sheet keeps them."""
    report = dataset.vintage.report
    source = html("{}: {} · {}", t("col_report", lang), text(report.title, lang), report.url)
    return html(
        '<p class="kb-src">{}</p><p class="kb-src">{}</p>',
        source,
        t("page_built", lang, date=built.isoformat(), url=canonical),
    )
