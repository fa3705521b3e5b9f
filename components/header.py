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
from urllib.parse import urlencode

from components.html import esc, link
from kpi.data.dataset import Vintage
from kpi.periods import period_label
from kpi.texts import t, text

Target = tuple[str, str]  # (url path, title): "" is the overview


@dataclass(frozen=True)
class Menu:
    """Pages shown as links, then groups of pages each behind a labelled drop-down."""

    links: list[Target]
    groups: list[tuple[str, list[Target]]]  # (label, pages)


def _href(path: str, params: dict[str, str]) -> str:
    """A link to a page of the dashboard ("" is the overview), or with path None to this page, keeping `params`."""
    query = urlencode({key: value for key, value in params.items() if value})
    return f"{'./' if path == '' else path or ''}?{query}" if query or path is None else (path or "./")


def _link(path: str | None, words: str, params: dict[str, str], current: bool, css: str = "", lang: str = "") -> str:
    marks = (f' aria-current="{"true" if lang else "page"}"' if current else "") + (f' class="{css}"' if css else "") + (f' lang="{lang}"' if lang else "")
    return f'<a href="{esc(_href(path, params))}" target="_self"{marks}>{esc(words)}</a>'


def link_here(words: str, params: dict[str, str]) -> str:
    """A link to this page with other parameters (the language, the table of every figure…)."""
    return f'<div class="kb">{_link(None, words, params, False)}</div>'


def nav_html(menu: Menu | None, current: str, lang: str, shared: dict[str, str], query: dict[str, str], url: str) -> str:
    """The menu, the link to share and the language switch, as one block of links.

    `shared` is the view every page keeps (language, what-if date, meeting mode); `query` is this page's whole
    address, which the language switch and the share link keep as they are."""
    items = []
    if menu is not None:
        items += [_link(path, title, shared, path == current, "kb-nav-link") for path, title in menu.links]
        for label, pages in menu.groups:
            listed = "".join(_link(path, title, shared, path == current) for path, title in pages)
            items.append(f'<details class="kb-menu"><summary>{esc(label)}</summary><div class="kb-menu-list">{listed}</div></details>')
        share = f"{url}?{urlencode(query)}" if query else url
        items.append(f'<details class="kb-menu kb-share"><summary>{esc(t("share", lang))}</summary><div class="kb-menu-list">'
                     f'<p>{esc(t("share_help", lang))}</p><code>{esc(share)}</code></div></details>')
    switch = "".join(_link(None, name, {**query, "lang": "" if code == "zh" else code}, code == lang, lang=code)
                     for code, name in (("zh", "中文"), ("en", "EN")))
    items.append(f'<span class="kb-lang" role="group" aria-label="{esc(t("language", lang))}">{switch}</span>')
    return f'<nav class="kb kb-nav" aria-label="{esc(t("menu", lang))}">{"".join(items)}</nav>'


def vintage_words(vintage: Vintage, lang: str) -> str:
    """The newest report, its date, and the periods its figures cover (most of them first)."""
    others = "".join(t("vintage_other", lang, n=n, period=period_label(p, lang))
                     for p, n in sorted(vintage.periods.items()) if p != vintage.main)
    return t("vintage", lang, title=text(vintage.report.title, lang), date=vintage.report.published.isoformat(),
             period=period_label(vintage.main, lang), others=others)


def title_block(vintage: Vintage | None, notes: list[str], lang: str, source_link: bool) -> str:
    """The dashboard's title, then where the figures come from and how old they are, short notes (outcomes still to
    come, the date statuses are judged on), and the way to the report itself: one block of text."""
    if vintage is None:
        return f'<div class="kb kb-top"><h1>{esc(t("app_title", lang))}</h1></div>'
    read = " " + link("source", esc(t("read_report", lang)) + " →", lang="en" if lang == "en" else "") if source_link else ""
    words = esc(" ".join([vintage_words(vintage, lang), *notes]))
    return f'<div class="kb kb-top"><h1>{esc(t("app_title", lang))}</h1><p class="kb-vintage">{words}{read}</p></div>'
