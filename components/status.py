"""Status as icon + words (never colour alone), in both languages."""

from __future__ import annotations

import streamlit as st

from components.texts import t

# status → (icon, Chinese, English, badge colour)
STATUS: dict[str, tuple[str, str, str, str]] = {
    "achieved": (":material/check_circle:", "已实现", "Achieved", "green"),
    "on_track": (":material/trending_up:", "进度正常", "On track", "blue"),
    "needs_acceleration": (":material/speed:", "需加快", "Needs acceleration", "orange"),
    "lagging": (":material/trending_down:", "滞后", "Lagging", "red"),
    "overdue": (":material/event_busy:", "逾期未完成", "Overdue", "red"),
    "not_reported": (":material/hourglass_empty:", "尚无进展报告", "Not reported yet", "gray"),
    "not_started": (":material/radio_button_unchecked:", "未开始", "Not started", "gray"),
    "in_progress": (":material/pending:", "推进中", "In progress", "blue"),
    "done": (":material/check_circle:", "已完成", "Done", "green"),
}
# Plain-text symbols for tables and CSV, where icons cannot render.
SYMBOL = {"achieved": "✔", "on_track": "↗", "needs_acceleration": "⚠", "lagging": "↘", "overdue": "✖",
          "not_reported": "…", "not_started": "○", "in_progress": "◐", "done": "✔"}


def status_words(status: str, lang: str, overridden: bool = False) -> str:
    """"↗ 进度正常" — symbol and words, marked when set by hand."""
    _, zh, en, _ = STATUS[status]
    words = f"{SYMBOL[status]} {zh if lang == 'zh' else en}"
    return words + (t("overridden", lang) if overridden else "")


def status_badge(status: str, lang: str, overridden: bool = False, count: int | None = None) -> None:
    """A coloured badge that also carries an icon and words, optionally with a count."""
    icon, zh, en, color = STATUS[status]
    label = (zh if lang == "zh" else en) + (t("overridden", lang) if overridden else "")
    st.badge(label if count is None else f"{label} {count}", icon=icon, color=color)
