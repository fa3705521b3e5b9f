"""Search that finds figures too: a word of a figure's name (Chinese or English) or of the report's sentence that
states it finds the figure, with a link to its page. The targets' search and the glossary's both show it.

Why in the searches readers already have: a reader looking for "加梯" or "enterprises" types it where there is a box;
which page holds the box should not decide whether the figure is found. Why the sentence too: readers remember what
the report said ("招商引税"), not the short name a figure was given.
"""

from __future__ import annotations

from components.views.figures import figure_phrase
from components.views.html import Markup, html, join, lang_param, link
from components.views.once import per_dataset
from kpi.data.dataset import Dataset
from kpi.data.model import Indicator
from kpi.texts import t, text


@per_dataset
def searchable(dataset: Dataset) -> tuple[tuple[str, str], ...]:
    """(id, the words a search looks in: both names and every sentence of the figure, in lower case), once per data."""
    return tuple(
        (i.id, " ".join((i.name.zh, i.name.en, *(v.source.quote for v in i.values))).lower())
        for i in dataset.content.indicators
    )


def figures_matching(dataset: Dataset, query: str) -> list[Indicator]:
    """The figures whose names or sentences hold the query (case does not matter), in the data's order."""
    wanted = query.strip().lower()
    if not wanted:
        return []
    return [dataset.indicators[i] for i, words in searchable(dataset) if wanted in words]


def figures_found(dataset: Dataset, query: str, lang: str) -> Markup:
    """The figures a search finds, each a link to its page with its value and theme; nothing when none or no query."""
    found = figures_matching(dataset, query)
    if not found:
        return Markup()
    themes = {theme.id: text(theme.name, lang) for theme in dataset.content.themes}
    items = join(
        html(
            '<li>{} <span class="kb-src">{}</span></li>',
            link("indicator", figure_phrase(i, dataset, lang), id=i.id, lang=lang_param(lang)),
            themes.get(i.theme, ""),
        )
        for i in found
    )
    return html('<div class="kb kb-found"><h3>{}</h3><ul>{}</ul></div>', t("figures_found", lang, n=len(found)), items)
