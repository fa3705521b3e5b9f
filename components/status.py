"""Status as icon + words (never colour alone), in both languages, most urgent first."""

from __future__ import annotations

import streamlit as st

from components.texts import t

# status → (icon, Chinese, English, badge colour), in the order a reader should attend to them: what staff
# must enter, what was missed or is behind, then what is merely waiting, then what went well.
STATUS: dict[str, tuple[str, str, str, str]] = {
    "outcome_missing": (":material/edit_note:", "结果未录入", "Outcome not entered", "red"),
    "missed": (":material/cancel:", "未达成", "Missed", "red"),
    "not_done": (":material/cancel:", "未完成", "Not done", "red"),
    "lagging": (":material/trending_down:", "滞后", "Lagging", "orange"),
    "needs_acceleration": (":material/speed:", "需加快", "Needs acceleration", "orange"),
    "not_reported": (":material/hourglass_empty:", "尚无进展报告", "No progress reported yet", "gray"),
    "not_started": (":material/radio_button_unchecked:", "未开始", "Not started", "gray"),
    "in_progress": (":material/pending:", "推进中", "In progress", "blue"),
    "on_track": (":material/trending_up:", "进度正常", "On track", "blue"),
    "achieved": (":material/check_circle:", "已达成", "Achieved", "green"),
    "done": (":material/check_circle:", "已完成", "Done", "green"),
}
ATTENTION = ("outcome_missing", "missed", "not_done", "lagging", "needs_acceleration")
# Plain-text symbols for tables and CSV, where icons cannot render.
SYMBOL = {"outcome_missing": "✎", "missed": "✖", "not_done": "✖", "lagging": "↘", "needs_acceleration": "⚠",
          "not_reported": "…", "not_started": "○", "in_progress": "◐", "on_track": "↗", "achieved": "✔", "done": "✔"}


def status_words(status: str, lang: str, overridden: bool = False) -> str:
    """"↗ 进度正常" — symbol and words, marked when set by hand."""
    _, zh, en, _ = STATUS[status]
    words = f"{SYMBOL[status]} {zh if lang == 'zh' else en}"
    return words + (t("overridden", lang) if overridden else "")


def status_rank(status: str) -> int:
    """Position in reading order: 0 is the most urgent."""
    return list(STATUS).index(status)


def status_badge(status: str, lang: str, overridden: bool = False, count: int | None = None) -> None:
    """A coloured badge that also carries an icon and words, optionally with a count."""
    icon, zh, en, color = STATUS[status]
    label = (zh if lang == "zh" else en) + (t("overridden", lang) if overridden else "")
    st.badge(label if count is None else f"{label} {count}", icon=icon, color=color)
