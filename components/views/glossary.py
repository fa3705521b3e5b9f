"""The glossary: find the terms a piece of report text uses, so a figure can explain them where it stands, and the
glossary page, every term in one block of text (each with its own link: ?term= brings it into view; ?q= searches)."""

from __future__ import annotations

from collections.abc import Mapping

from components.views.finding import figures_found
from components.views.html import Markup, html, join, lang_param, link
from components.views.once import per_dataset
from components.views.page import Page, Search, Viewer
from kpi.data.dataset import Dataset
from kpi.data.model import GlossaryFile, Indicator, Term
from kpi.texts import t, text


def indicator_text(indicator: Indicator) -> str:
    """The Chinese text of a figure a term can appear in: its name and quotes."""
    return indicator.name.zh + "".join(v.source.quote for v in indicator.values)


def terms_in(text: str, glossary: GlossaryFile) -> list[Term]:
    """Terms whose forms appear in the text, in glossary order."""
    return [term for term in glossary.terms if any(form in text for form in term.forms)]


@per_dataset
def indicators_using(dataset: Dataset, term_id: str) -> list[Indicator]:
    """Figures whose name or quote uses the term."""
    term = dataset.terms[term_id]
    return [i for i in dataset.content.indicators if any(form in indicator_text(i) for form in term.forms)]


def term_anchor(term_id: str) -> str:
    """The id of a term's block on the glossary page."""
    return f"term-{term_id}"


@per_dataset
def term_block(dataset: Dataset, term_id: str, lang: str) -> Markup:
    """A term: its name in both languages, its definition (the report's words, and in English the translation too),
    where the report uses it, and the figures that use it."""
    term = dataset.terms[term_id]
    keep = lang_param(lang)
    lines = [html("<p>{}</p>", text(term.definition, lang))]
    if lang == "en":
        lines.append(html('<p class="kb-src" lang="zh-CN">{}</p>', term.definition.zh))
    if term.forms:
        lines.append(html("<p><b>{}</b>: {}</p>", t("appears_as", lang), "、".join(term.forms)))
    else:
        lines.append(html('<p class="kb-src">{}</p>', t("not_in_body", lang)))
    users = indicators_using(dataset, term_id)
    if users:
        names = join((link("indicator", text(i.name, lang), id=i.id, lang=keep) for i in users), " · ")
        lines.append(html("<p><b>{}</b>: {}</p>", t("used_by", lang), names))
    lines.append(html('<p class="kb-src">{}</p>', link("glossary", t("term_link", lang), term=term.id, lang=keep)))
    other = "en" if lang == "zh" else "zh"  # the page's language first, the other's name beside it, smaller
    return html(
        '<section class="kb-card" id="{}"><h3>{}<span class="kb-src" lang="{}"> {}</span></h3>{}</section>',
        term_anchor(term.id),
        text(term.term, lang),
        "en" if other == "en" else "zh-CN",
        text(term.term, other),
        join(lines),
    )


def glossary_page(dataset: Dataset, viewer: Viewer, params: Mapping[str, str]) -> Page:
    """Every term (or those ?q= finds, in either language), ?term= brought into view."""
    lang = viewer.lang
    query = params.get("q", "").strip()
    terms = [
        term
        for term in dataset.glossary.terms
        if query.lower() in " ".join((term.term.zh, term.term.en, term.definition.zh, term.definition.en)).lower()
    ]
    found = (
        html('<div class="kb kb-terms">{}</div>', join(term_block(dataset, term.id, lang) for term in terms))
        if terms
        else html('<div class="kb"><p>{}</p></div>', t("no_term", lang))
    )
    parts = (
        html('<div class="kb"><h2 class="kb-page">{}</h2></div>', t("glossary", lang)),
        Search("glossary", t("search", lang), t("search_button", lang), query, {"lang": lang_param(lang)}),
        found,
        figures_found(dataset, query, lang),  # a search finds figures too
    )
    chosen = dataset.terms.get(params.get("term", "")) if not query else None
    if chosen is not None:  # a shared link to one term: its name and definition are what a preview shows
        return Page(text(chosen.term, lang), text(chosen.definition, lang), parts, anchor=term_anchor(chosen.id))
    names = [text(term.term, lang) for term in dataset.glossary.terms]
    words = t("glossary_description", lang, n=len(names), terms=some_of(names, lang))
    return Page(t("glossary", lang), words, parts)


def some_of(names: list[str], lang: str, limit: int = 120) -> str:
    """ "三送进企业、明珠计划等" / "A, B and more": the first names that fit in `limit` characters."""
    separator, more = ("、", "等") if lang == "zh" else (", ", " and more")
    shown = ""
    for name in names:
        longer = f"{shown}{separator}{name}" if shown else name
        if len(longer) > limit and shown:
            return shown + more
        shown = longer
    return shown
