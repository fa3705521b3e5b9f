"""KPI tiles: one big number per figure, its change since the period before, its source a hover away."""

from __future__ import annotations

import math
from itertools import islice

import streamlit as st

from components.frame import Frame
from components.glossary_terms import indicator_text, terms_in
from components.markdown import escape_markdown
from components.texts import t
from kpi.dataset import Dataset
from kpi.format import format_change, format_value, text
from kpi.model import Indicator
from kpi.periods import is_full_year, months, period_label
from kpi.series import Observation

_DELTA_COLOR = {"higher": "normal", "lower": "inverse", "none": "off"}
# Most tiles a row holds on a 1366 px projector with nothing cut off: Chinese values are short (four in a
# row), English ones long (three); meeting mode's larger text takes one fewer. (Checked in browser tests.)
PER_ROW = {("zh", False): 4, ("en", False): 3, ("zh", True): 3, ("en", True): 2}


def tile_label(indicator: Indicator, latest: Observation, lang: str) -> str:
    """The short name, with the period when it is not the whole year (截至11月 matters)."""
    name = text(indicator.name, lang)
    return name if is_full_year(latest.period) else f"{name} ({period_label(latest.period, lang)})"


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
        escape_markdown(t("source_of", lang, report=text(latest.current.report.title, lang), section=source.section,
                          period=period_label(latest.period, lang))),
    ]
    if previous is not None:
        before = format_value(previous.value.value, previous.value.qualifier, indicator.unit, lang)
        lines.append(escape_markdown(f"{change_words(latest, previous, lang)}: {before} → "
                                     f"{format_value(latest.value.value, latest.value.qualifier, indicator.unit, lang)}"))
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


def kpi_tiles(indicators: list[Indicator], frame: Frame) -> None:
    """Tiles in balanced rows that fill the width; on a phone each tile takes the full width."""
    remaining = iter(indicators)
    for size in balanced_rows(len(indicators), PER_ROW[frame.lang, frame.meeting]):
        for column, indicator in zip(st.columns(size), islice(remaining, size)):
            with column:
                _tile(indicator, frame)


def _tile(indicator: Indicator, frame: Frame) -> None:
    lang, dataset = frame.lang, frame.dataset
    latest, previous = dataset.latest(indicator), dataset.previous(indicator)
    value = latest.value
    st.metric(
        escape_markdown(tile_label(indicator, latest, lang)),
        format_value(value.value, value.qualifier, indicator.unit, lang),
        delta=None if previous is None else format_change(value.value, previous.value.value, indicator.unit, lang),
        delta_color=_DELTA_COLOR[indicator.direction],
        delta_description=None if previous is None else t("change_since", lang, period=period_label(previous.period, lang)),
        help=tile_help(indicator, dataset, lang),
        border=True,
    )
