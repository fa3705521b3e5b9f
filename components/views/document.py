"""A view as a static HTML document: the head a link preview and a search engine read, the page readable with no
script, the menu as <details>, and a footer that says where the figures come from (on screen and on paper).

Why whole documents: the public arrives from a link in a messenger, on a phone on a slow network. The HTML the
link returns is all a preview reads, and all a phone needs to show the figures: one request, the stylesheet inline.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from components.views.commitments import view_notes
from components.views.header import nav_html, site_menu, title_block
from components.views.html import Markup, html, join, search_form
from components.views.page import Page, Part, Search, document_title
from components.views.plots import Plot
from components.views.style import stylesheet
from components.views.takeaway import takeaway
from kpi.data.dataset import Dataset
from kpi.site import DEFAULT_LANG
from kpi.site import address as spelled
from kpi.texts import t, text

LANG_TAGS = {"zh": "zh-CN", "en": "en"}
OG_LOCALES = {"zh": "zh_CN", "en": "en_US"}
FAVICON = "favicon.png"  # in assets/, under a content-hashed name (components/publish.py)


@dataclass(frozen=True)
class Address:
    """Where a static page lives: its path ("" is the overview) and the parameters it answers, language apart."""

    path: str
    params: dict[str, str]

    def url(self, lang: str, base: str = "") -> str:
        """`/economy?lang=en`, or absolute under `base` (the site's public address, e.g. https://kpi.example.cn): the
        one spelling of the address (kpi/site.py), as links and the sitemap write it."""
        return spelled(self.path, {**self.params, "lang": lang}, base)


def asset(name: str, assets: Mapping[str, str] | None) -> str:
    """A file under assets/ by the name it is written under (content-hashed by the publisher: cached for a year)."""
    return f"assets/{(assets or {}).get(name, name)}"


def address_links(address: Address | None, lang: str, base: str) -> list[Markup]:
    """The canonical address and its language versions (the default language's as x-default); on a not-found page
    (no address) the base every relative link resolves against instead, whatever the path that was not found."""
    if address is None:
        return [
            html('<base href="{}/">', urlsplit(base).path.rstrip("/")),
            html('<meta name="robots" content="noindex">'),
        ]
    return [
        html('<link rel="canonical" href="{}">', address.url(lang, base)),
        *(
            html('<link rel="alternate" hreflang="{}" href="{}">', LANG_TAGS[code], address.url(code, base))
            for code in LANG_TAGS
        ),
        html('<link rel="alternate" hreflang="x-default" href="{}">', address.url(DEFAULT_LANG, base)),
    ]


def document(
    dataset: Dataset,
    page: Page,
    address: Address | None,
    lang: str,
    built: date,
    base: str = "",
    assets: Mapping[str, str] | None = None,
    image: Image | None = None,
) -> str:
    """The whole static page: head, menu, title and vintage, the view, what a reader takes away, the footer. `address`
    None: the not-found page, which any address may show. `assets`: the file names the images are written under;
    `image`: the page's preview image (components/link_preview.py)."""
    here = address or Address("", {})
    canonical = here.url(lang, base)
    judged = date.fromisoformat(here.params["as_of"]) if here.params.get("as_of") else built
    heads = address_links(address, lang, base)
    title = document_title(page.title, lang)
    meta = join(
        html('<meta property="og:{}" content="{}">', key, value)
        for key, value in (
            ("type", "website"),
            ("site_name", t("app_title", lang)),
            ("title", title),
            ("description", page.description),
            ("locale", OG_LOCALES[lang]),
            *((("url", canonical),) if address else ()),
            *(image_meta(image, base) if image else ()),
        )
    ) + html('<meta name="twitter:card" content="{}">', "summary_large_image" if image else "summary")
    nav = nav_html(
        site_menu(dataset, lang),
        here.path if address else "-",
        lang,
        {"lang": lang if lang != "zh" else ""},
        {k: v for k, v in here.params.items() if v},
        canonical.split("?", 1)[0],
    )
    top = title_block(dataset.vintage, view_notes(dataset, judged, lang), lang, source_link=True)
    scripts = (
        [html('<script>document.getElementById("{}")?.scrollIntoView()</script>', page.anchor)] if page.anchor else []
    )
    return str(
        html(
            '<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>'
            '<meta name="description" content="{description}">{heads}{meta}<link rel="icon" type="image/png" href="{icon}">'
            '<style>{style}</style></head><body class="kb-site"><header>{nav}{top}</header><main>{body}{downloads}</main>'
            '<footer class="kb kb-foot">{footer}</footer>{scroll}</body></html>',
            lang=LANG_TAGS[lang],
            title=title,
            description=page.description,
            heads=join(heads),
            meta=meta,
            icon=asset(FAVICON, assets),
            style=Markup(stylesheet()),
            nav=nav,
            top=top,
            body=join(static_part(part) for part in page.parts),
            downloads=takeaway(dataset, page, canonical, built, lang) if address else "",
            footer=footer(dataset, canonical if address else "", judged, lang),
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
    """Where the figures come from and this page's own address (none on the not-found page, which has none), written
    out so a printed sheet keeps them."""
    report = dataset.vintage.report
    source = html("{}: {} · {}", t("col_report", lang), text(report.title, lang), report.url)
    if not canonical:
        return html('<p class="kb-src">{}</p>', source)
    return html(
        '<p class="kb-src">{}</p><p class="kb-src">{}</p>',
        source,
        t("page_built", lang, date=built.isoformat(), url=canonical),
    )
