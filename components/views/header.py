"""The header every page shares: the menu, the share link and the language, then the title and the data's vintage —
which report the figures come from, its date, the period they cover, and whether the plan year's outcomes are still
to come.

Why the menu is one block of HTML links (two labelled drop-downs among them) and not Streamlit widgets: each
element is one more message the server sends every new viewer, and the widgets of a menu were the most of a page's
elements. Plain links also carry the view (language, what-if date, meeting mode) in the address they open, close
their drop-down by opening a page, and need no icon font from anywhere. Why not Streamlit's own top navigation: on a
phone it folds into an unlabelled "»" button whose list fails accessibility checks. Why the vintage is spelled out:
a dashboard opened years after a report must never let the public read its figures as today's.
"""

from __future__ import annotations

from dataclasses import dataclass

from components.views.html import Markup, html, join, lang_param, link, url
from kpi.data.dataset import Dataset, Vintage
from kpi.periods import period_label
from kpi.site import FIXED_PAGES
from kpi.site import query as address_query
from kpi.texts import t, text

Target = tuple[str, str]  # (url path, title): "" is the overview


@dataclass(frozen=True)
class Menu:
    """Pages shown as links, then groups of pages each behind a labelled drop-down."""

    links: list[Target]
    groups: list[tuple[str, list[Target]]]  # (label, pages)


def site_menu(dataset: Dataset, lang: str) -> Menu:
    """The overview and the targets as links, then the themes and the reference pages behind drop-downs (the
    staff's data check is in neither: it is reached by its address)."""
    placed = {
        place: [(p.path, t(p.title, lang)) for p in FIXED_PAGES if p.place == place] for place in ("top", "reference")
    }
    return Menu(
        placed["top"],
        [
            (t("themes", lang), [(theme.id, text(theme.name, lang)) for theme in dataset.content.themes]),
            (t("reference", lang), placed["reference"]),
        ],
    )


def _link(path: str | None, words: str, params: dict[str, str], current: bool, css: str = "", lang: str = "") -> Markup:
    """A menu link: to a page ("" is the overview), or with path None to this page, keeping `params`."""
    href = url(path, **params) if path is not None else "?" + address_query(params)
    marks = join(
        [
            html(' aria-current="{}"', "true" if lang else "page") if current else "",
            html(' class="{}"', css) if css else "",
            html(' lang="{}"', lang) if lang else "",
        ]
    )
    return html('<a href="{}" target="_self"{}>{}</a>', href, marks, words)


def link_here(words: str, params: dict[str, str]) -> Markup:
    """A link to this page with other parameters (the language, the table of every figure…)."""
    return html('<div class="kb">{}</div>', _link(None, words, params, False))


def nav_html(
    menu: Menu | None, current: str, lang: str, shared: dict[str, str], query: dict[str, str], address: str
) -> Markup:
    """The menu, the link to share and the language switch, as one block of links.

    `shared` is the view every page keeps (language, what-if date, meeting mode); `query` is this page's whole
    address, which the language switch and the share link keep as they are; `address` is this page's URL without
    its query (none on a static page, whose share link is its own canonical address)."""
    items = []
    if menu is not None:
        items += [_link(path, title, shared, path == current, "kb-nav-link") for path, title in menu.links]
        for label, pages in menu.groups:
            listed = join(_link(path, title, shared, path == current) for path, title in pages)
            items.append(
                html(
                    '<details class="kb-menu"><summary>{}</summary><div class="kb-menu-list">{}</div></details>',
                    label,
                    listed,
                )
            )
        shared_query = address_query(query)
        share = f"{address}?{shared_query}" if shared_query else address
        items.append(
            html(
                '<details class="kb-menu kb-share"><summary>{}</summary><div class="kb-menu-list"><p>{}</p><code>{}</code>'
                "</div></details>",
                t("share", lang),
                t("share_help", lang),
                share,
            )
        )
    switch = join(
        _link(None, name, {**query, "lang": "" if code == "zh" else code}, code == lang, lang=code)
        for code, name in (("zh", "中文"), ("en", "EN"))
    )
    items.append(html('<span class="kb-lang" role="group" aria-label="{}">{}</span>', t("language", lang), switch))
    return html('<nav class="kb kb-nav" aria-label="{}">{}</nav>', t("menu", lang), join(items))


def vintage_words(vintage: Vintage, lang: str) -> str:
    """The newest report, its date, and the periods its figures cover (most of them first)."""
    others = "".join(
        t("vintage_other", lang, n=n, period=period_label(p, lang))
        for p, n in sorted(vintage.periods.items())
        if p != vintage.main
    )
    return t(
        "vintage",
        lang,
        title=text(vintage.report.title, lang),
        date=vintage.report.published.isoformat(),
        period=period_label(vintage.main, lang),
        others=others,
    )


def title_block(vintage: Vintage | None, notes: list[str], lang: str, source_link: bool) -> Markup:
    """The dashboard's title, then where the figures come from and how old they are, short notes (outcomes still to
    come, the date statuses are judged on), and the way to the report itself: one block of text."""
    if vintage is None:
        return html('<div class="kb kb-top"><h1>{}</h1></div>', t("app_title", lang))
    read = html(" {}", link("source", t("read_report", lang) + " →", lang=lang_param(lang))) if source_link else ""
    words = " ".join([vintage_words(vintage, lang), *notes])
    return html(
        '<div class="kb kb-top"><h1>{}</h1><p class="kb-vintage">{}{}</p></div>', t("app_title", lang), words, read
    )
