"""KPI tiles: one big number per figure, its change since the period before, its source a hover away."""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import islice

import streamlit as st

from components.frame import Frame
from components.glossary_terms import indicator_text, terms_in
from components.markdown import escape_markdown
from components.once import per_dataset
from kpi.dataset import Dataset
from kpi.format import format_change, section_label, stated
from kpi.model import Indicator
from kpi.periods import months, period_label
from kpi.series import Observation
from kpi.texts import t, text

_DELTA_COLOR = {"higher": "normal", "lower": "inverse", "none": "off"}
# Room for tiles on a 1366 px projector, and the value's font size (Streamlit's, and meeting mode's).
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


def tile_help(indicator: Indicator, dataset: Dataset, lang: str) -> str:
    """Full name, verbatim quote, report, section and period, the change, and the terms it uses (escaped)."""
    latest, previous = dataset.latest(indicator), dataset.previous(indicator)
    source = latest.value.source
    lines = [
        f"**{escape_markdown(text(indicator.name, lang))}**",
        f"{t('quote', lang)}: “{escape_markdown(source.quote)}”",
        escape_markdown(t("source_of", lang, report=text(latest.current.report.title, lang), section=section_label(source.section, lang),
                          period=period_label(latest.period, lang))),
    ]
    if previous is not None:
        before = stated(previous.value, indicator.unit, lang)
        lines.append(escape_markdown(f"{change_words(latest, previous, lang)}: {before} → "
                                     f"{stated(latest.value, indicator.unit, lang)}"))
    for term in terms_in(indicator_text(indicator), dataset.glossary):
        lines.append(f"{escape_markdown(text(term.term, lang))}: {escape_markdown(text(term.definition, lang))}")
    return "\n\n".join(lines)


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
    """As many tiles a row as the widest value allows, so no value is ever cut off with "…"."""
    widest = max((value_width(v, meeting) for v in values), default=1)
    return max(1, min(MOST_PER_ROW, int(ROW_PX // widest)))


@dataclass(frozen=True)
class Tile:
    """Everything a tile shows, worked out once per dataset and language (the same for every viewer)."""

    label: str
    value: str
    delta: str | int | None
    delta_color: str
    delta_description: str | None
    help: str


@per_dataset
def tile(dataset: Dataset, indicator_id: str, lang: str) -> Tile:
    indicator = dataset.indicators[indicator_id]
    latest, previous = dataset.latest(indicator), dataset.previous(indicator)
    value = latest.value
    return Tile(
        label=escape_markdown(tile_label(indicator, latest, dataset.vintage.main, lang)),
        value=stated(value, indicator.unit, lang),
        delta=None if previous is None or value.words else format_change(value.value, previous.value.value, indicator.unit, lang),
        delta_color=_DELTA_COLOR[indicator.direction],
        delta_description=None if previous is None else t("change_since", lang, period=period_label(previous.period, lang)),
        help=tile_help(indicator, dataset, lang),
    )


def kpi_tiles(indicators: list[Indicator], frame: Frame) -> None:
    """Tiles in balanced rows that fill the width; on a phone the row wraps and each tile takes the width.

    Why a horizontal container per row, not st.columns: columns add a block per tile, and every block is one
    more message each new viewer's session sends (see docs/performance.md)."""
    tiles = [tile(frame.dataset, i.id, frame.lang) for i in indicators]
    remaining = iter(tiles)
    for size in balanced_rows(len(tiles), per_row([x.value for x in tiles], frame.meeting)):
        with st.container(horizontal=True, gap="small"):
            for shown in islice(remaining, size):
                st.metric(shown.label, shown.value, delta=shown.delta, delta_color=shown.delta_color,
                          delta_description=shown.delta_description, help=shown.help, border=True, width="stretch")
