"""The not-found page: what a link that names nothing gets (HTTP 404 from nginx), in the visitor's language.

Why a page of its own for each kind of address (an unknown path, figure, target, term or report): a visitor who
followed an old or mistyped link reads what was not found and where to go on (the overview, the search), and a
crawler or a link checker sees a 404 instead of a page that looks found. Written once per kind and language by the
publisher (kpi/site.py `not_found_file`), from the same views as every page; nginx picks it by the address.
"""

from __future__ import annotations

from components.views.html import html, link, t_html
from components.views.page import Page, Search, Viewer
from kpi.site import PAGE_NOT_FOUND
from kpi.texts import t

# Where a visitor may search for what the link meant: a term in the glossary, anything else among the targets.
SEARCHES = {"term": ("glossary", "search"), PAGE_NOT_FOUND: ("targets", "search_targets")}


def not_found_page(viewer: Viewer, kind: str) -> Page:
    """The page for an address whose `kind` of item (kpi/site.py NOT_FOUND_KINDS) names nothing."""
    lang = viewer.lang
    keep = {"lang": "" if lang == "zh" else lang}
    said = t(f"not_found_{kind}", lang)
    page, label = SEARCHES.get(kind, SEARCHES[PAGE_NOT_FOUND])
    body = html(
        '<div class="kb"><h2 class="kb-page">{}</h2><p>{}</p><p>{}</p></div>',
        t("not_found", lang),
        said,
        t_html("not_found_next", lang, overview=link("", t("overview", lang), **keep)),
    )
    return Page(t("not_found", lang), said, (body, Search(page, t(label, lang), t("search_button", lang), "", keep)))
