"""KPI tiles: one big number per figure, its source a hover away."""

from __future__ import annotations

import streamlit as st

from components.frame import Frame
from components.glossary_terms import indicator_text, terms_in
from components.markdown import escape_markdown
from components.texts import t
from kpi.format import format_value, text
from kpi.model import Indicator
from kpi.periods import is_full_year, period_label

_DELTA_COLOR = {"higher": "normal", "lower": "inverse", "none": "off"}


def tile_label(indicator: Indicator, lang: str) -> str:
    """The short name, with the period when it is not the whole year (截至11月 matters)."""
    latest = indicator.latest()
    name = text(indicator.name, lang)
    return name if is_full_year(latest.period) else f"{name} ({period_label(latest.period, lang)})"


def tile_help(indicator: Indicator, frame: Frame) -> str:
    """Full name, verbatim quote, section and period, and the glossary terms it uses (Markdown, escaped)."""
    lang, latest = frame.lang, indicator.latest()
    lines = [
        f"**{escape_markdown(text(indicator.name, lang))}**",
        f"{t('quote', lang)}: “{escape_markdown(latest.source.quote)}”",
        f"{t('section', lang)}: {escape_markdown(latest.source.section)} · {t('period', lang)}: {period_label(latest.period, lang)}",
    ]
    for term in terms_in(indicator_text(indicator), frame.dataset.glossary):
        lines.append(f"{escape_markdown(text(term.term, lang))}: {escape_markdown(text(term.definition, lang))}")
    return "\n\n".join(lines)


# Tiles per row on a 1366 px projector with nothing cut off: Chinese values are short (four in a row),
# English ones long (three); meeting mode's larger text takes one tile fewer. (Checked in the browser tests.)
TILE_WIDTH = {("zh", False): 285, ("en", False): 380, ("zh", True): 380, ("en", True): 590}
WIDEST_TILE = max(TILE_WIDTH.values())


def change(latest: float, previous: float) -> int | float:
    """The change as a number (Streamlit reads the arrow from its sign), 11 rather than 11.0."""
    difference = round(latest - previous, 6)
    return int(difference) if difference.is_integer() else difference


def tile_width(frame: Frame) -> int:
    return TILE_WIDTH[frame.lang, frame.meeting]


def kpi_tiles(indicators: list[Indicator], frame: Frame, width: int | None = None) -> None:
    """A row of tiles that wraps on narrow screens."""
    width = width or tile_width(frame)
    with st.container(horizontal=True, gap="small"):
        for indicator in indicators:
            latest, previous = indicator.latest(), indicator.previous()
            st.metric(
                escape_markdown(tile_label(indicator, frame.lang)),
                format_value(latest.value, latest.qualifier, indicator.unit, frame.lang),
                delta=None if previous is None else change(latest.value, previous.value),
                delta_color=_DELTA_COLOR[indicator.direction],
                delta_description=None if previous is None else t("change", frame.lang),
                help=tile_help(indicator, frame),
                border=True,
                width=width,
            )
