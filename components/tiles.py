"""Key-figure tiles: one big number per figure, its change since the period before, its sentence a tap away.

Why HTML and not st.metric: a row of tiles as one block costs every new viewer one message instead of one per tile
and row, every tile is drawn in the same font at the same size ("100%" beside "13座"), and the report's sentence opens
on a tap, which a phone can do and a hover tooltip cannot.
"""

from __future__ import annotations

import math

from components.figure_lists import statement
from components.glossary_terms import indicator_text, terms_in
from components.html import esc
from components.once import per_dataset
from kpi.data.dataset import Dataset
from kpi.data.model import Indicator
from kpi.data.series import Observation
from kpi.format import format_change, stated
from kpi.periods import months, period_label
from kpi.texts import t, text

# Room for tiles on a 1366 px projector, and the value's font size (on screen, and in meeting mode).
ROW_PX, TILE_PADDING_PX, MOST_PER_ROW = 1200, 48, 4
VALUE_PX = {False: 36, True: 51}


def tile_label(indicator: Indicator, latest: Observation, main: str, lang: str) -> str:
    """The short name, with the period when it is not the period most figures cover (截至11月 matters; so does a
    last year's figure among this year's)."""
    name = text(indicator.name, lang)
    return name if latest.period == main else f"{name} ({period_label(latest.period, lang)})"


def change_words(latest: Observation, previous: Observation, lang: str) -> str:
    """"<earlier period> → <later period>", saying so when the two periods differ in length."""
    words = t("change_from", lang, before=period_label(previous.period, lang), after=period_label(latest.period, lang))
    if months(previous.period) != months(latest.period):
        words += t("change_lengths_differ", lang, before=months(previous.period), after=months(latest.period))
    return words


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


def _delta(indicator: Indicator, latest: Observation, previous: Observation | None, lang: str) -> str:
    """The change since the period before: an arrow and words, coloured by whether the report's direction calls it
    better; none for a figure stated in words (a rank has no difference to print)."""
    if previous is None or latest.value.words or previous.value.words:
        return ""
    change = format_change(latest.value.value, previous.value.value, indicator.unit, lang)
    if change == 0:
        return ""
    up = latest.value.value > previous.value.value
    tone = "neutral" if indicator.direction == "none" else "better" if up == (indicator.direction == "higher") else "worse"
    since = t("change_since", lang, period=period_label(previous.period, lang))
    return f'<span class="kb-delta kb-{tone}">{"↑" if up else "↓"} {esc(change)} <span class="kb-since">{esc(since)}</span></span>'


def _tile(indicator: Indicator, dataset: Dataset, lang: str) -> str:
    latest, previous = dataset.latest(indicator), dataset.previous(indicator)
    summary = (f'<span class="kb-tile-label">{esc(tile_label(indicator, latest, dataset.vintage.main, lang))}</span>'
               f'<span class="kb-tile-value">{esc(stated(latest.value, indicator.unit, lang))}</span>'
               + _delta(indicator, latest, previous, lang))
    more = [statement(indicator, latest, dataset, lang)]
    if previous is not None:
        before, after = stated(previous.value, indicator.unit, lang), stated(latest.value, indicator.unit, lang)
        more.append(f'<p class="kb-src">{esc(change_words(latest, previous, lang))}: {esc(before)} → {esc(after)}</p>')
    more += [f'<p class="kb-src"><b>{esc(text(term.term, lang))}</b>: {esc(text(term.definition, lang))}</p>'
             for term in terms_in(indicator_text(indicator), dataset.glossary)]
    return f'<details class="kb-tile"><summary>{summary}</summary>{"".join(more)}</details>'


@per_dataset
def tiles_html(dataset: Dataset, indicator_ids: tuple[str, ...], lang: str, meeting: bool) -> str:
    """The figures' tiles as one block, in rows as even as the widest value allows (one column on a phone)."""
    indicators = [dataset.indicators[i] for i in indicator_ids]
    if not indicators:
        return ""
    values = [stated(dataset.latest(i).value, i.unit, lang) for i in indicators]
    columns = max(balanced_rows(len(indicators), per_row(values, meeting)))
    return f'<div class="kb kb-tiles" style="--kb-columns: {columns}">{"".join(_tile(i, dataset, lang) for i in indicators)}</div>'
