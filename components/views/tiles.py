"""Key-figure tiles: one big number per figure, its change since the period before, its sentence a tap away.

Why HTML and not st.metric: a row of tiles as one block costs every new viewer one message instead of one per tile
and row, every tile is drawn in the same font at the same size ("100%" beside "13座"), and the report's sentence opens
on a tap, which a phone can do and a hover tooltip cannot.
"""

from __future__ import annotations

import math

from components.views.figures import change_since, change_words, note_mark, statement, tile_label
from components.views.glossary import indicator_text, terms_in
from components.views.html import Markup, html, join
from components.views.once import per_dataset
from kpi.data.dataset import Dataset
from kpi.data.model import Indicator
from kpi.format import stated
from kpi.texts import text

# Room for tiles on a 1366 px projector, and the value's font size (on screen, and in meeting mode).
ROW_PX, TILE_PADDING_PX, MOST_PER_ROW = 1200, 48, 4
VALUE_PX = {False: 36, True: 51}


def balanced_rows(count: int, most: int) -> list[int]:
    """Tiles per row so rows are as even as possible: 5 tiles at most 4 a row → [3, 2], not [4, 1]."""
    if count == 0:
        return []
    rows = math.ceil(count / most)
    size, extra = divmod(count, rows)
    return [size + 1] * extra + [size] * (rows - extra)


def value_width(value: str, meeting: bool) -> float:
    """Pixels a tile's value needs: a Chinese character is about 1 em wide, a Latin one about 0.55 em."""
    ems = sum(1.0 if "\u2e80" <= c <= "\u9fff" else 0.55 for c in value)
    return ems * VALUE_PX[meeting] + TILE_PADDING_PX


def per_row(values: list[str], meeting: bool) -> int:
    """As many tiles a row as the widest value allows, so every value stands on one line."""
    widest = max((value_width(v, meeting) for v in values), default=1)
    return max(1, min(MOST_PER_ROW, int(ROW_PX // widest)))


def _tile(indicator: Indicator, dataset: Dataset, lang: str) -> Markup:
    latest, previous = dataset.latest(indicator), dataset.previous(indicator)
    summary = html(
        '<span class="kb-tile-label">{}</span><span class="kb-tile-value">{}</span>{}{}',
        tile_label(indicator, latest, dataset.vintage.main, lang),
        stated(latest.value, indicator.unit, lang),
        change_since(indicator, latest, previous, lang),
        note_mark(latest.value, lang),
    )
    more = [statement(indicator, latest, dataset, lang)]
    if previous is not None:
        before, after = stated(previous.value, indicator.unit, lang), stated(latest.value, indicator.unit, lang)
        more.append(html('<p class="kb-src">{}: {} → {}</p>', change_words(latest, previous, lang), before, after))
    more += [
        html('<p class="kb-src"><b>{}</b>: {}</p>', text(term.term, lang), text(term.definition, lang))
        for term in terms_in(indicator_text(indicator), dataset.glossary)
    ]
    return html('<details class="kb-tile"><summary>{}</summary>{}</details>', summary, join(more))


@per_dataset
def tiles_html(dataset: Dataset, indicator_ids: tuple[str, ...], lang: str, meeting: bool) -> Markup:
    """The figures' tiles as one block, in rows as even as the widest value allows (one column on a phone)."""
    indicators = [dataset.indicators[i] for i in indicator_ids]
    if not indicators:
        return Markup()
    values = [stated(dataset.latest(i).value, i.unit, lang) for i in indicators]
    columns = max(balanced_rows(len(indicators), per_row(values, meeting)))
    return html(
        '<div class="kb kb-tiles" style="--kb-columns: {}">{}</div>',
        columns,
        join(_tile(i, dataset, lang) for i in indicators),
    )
