"""New report (issue 29, item 2): upload or paste a report's text, see the draft's proposals each beside its sentence,
decide each one (accept, change, exclude with a reason), and apply — the same draft and apply as `kpi draft` and
`kpi apply` (kpi/draft/review.py), ending in the one flow: check, diff, preview, save.

Why this module may import kpi.draft, which the app otherwise never loads (tests/test_imports.py): it is the page's
bridge to the draft tools, as kpi/cli.py is the command line's, and it loads them only when this part is opened.
Why the review is kept on the server after every decision: 150 proposals are a few days' work for one reviewer.
"""

from __future__ import annotations

from pathlib import PurePosixPath

import pandas as pd
import streamlit as st

from components.edit.files import LINE_PX, fixed_width
from components.edit.flow import change_panel, saved_note, show_errors
from components.edit.page import Editing
from components.views.html import html
from kpi.data.errors import DataError
from kpi.draft.report_numbers import report_years
from kpi.draft.review import Entry, Review, ReviewError, start
from kpi.edit.change import Change
from kpi.edit.check import as_text
from kpi.edit.forms import FormError
from kpi.texts import t, text

KEPT = "report"  # the key of the review in kpi/edit/unsaved.py (one review at a time per person)
SHOWN = ("todo", "marks", "all")
# Why an entry is left out, in words: the model's NumberReason and StatementReason (exclusions.yaml explains each).
REASONS = {
    "date": ("日期", "a date"),
    "plan_period": ("规划期", "a plan period"),
    "ordinal": ("序数", "an ordinal"),
    "name": ("名称中的数字", "a number in a name"),
    "not_a_measurement": ("不是计量", "not a measurement"),
    "glossary": ("名词解释中的数字", "a number of the glossary"),
    "heading": ("小标题或引领句", "a heading or lead-in"),
    "framing": ("部分的开头与结尾", "a part's opening or closing words"),
    "attitude": ("要求与态度", "a requirement or attitude"),
    "means": ("已收录事项的做法或目的", "the means or aim of a kept item"),
    "no_deliverable": ("只说加大力度或提升品质", "no deliverable, only more effort or quality"),
    "internal": ("无名称的内部制度", "an unnamed internal rule"),
    "under_way": ("工作在推进、未说结果", "work under way, no result said"),
    "event": ("一次性工作已完成、无可计数", "a one-off event, nothing to count"),
    "unsized_change": ("说了变化、未给大小", "a change without its size"),
}


def report_part(ed: Editing) -> None:
    """Start a review from a report's text, or go on with the one kept; then apply it."""
    lang = ed.lang
    review = _kept(ed)
    if review is None:
        # Why: the save ends the review, so the apply's panel is gone on the next run; its saved message and the
        # watch for the public pages went with it, and the page never said when they showed the report.
        saved_note(ed.inputs("report_apply"), lang)
        _start(ed)
        return
    _review(ed, review)


def _kept(ed: Editing) -> Review | None:
    """This person's review in progress: from this session, else from the server (a reload, another day)."""
    if "edit_report_review" not in st.session_state:
        inputs = ed.inputs(KEPT)
        data = inputs.unsaved.load(KEPT) if inputs.unsaved else None
        try:
            st.session_state["edit_report_review"] = Review.from_dict(data) if data else None
        except ValueError:
            st.session_state["edit_report_review"] = None
    return st.session_state["edit_report_review"]


def _keep(ed: Editing, review: Review | None) -> None:
    """The review after a decision, in this session and on the server."""
    st.session_state["edit_report_review"] = review
    inputs = ed.inputs(KEPT)
    if inputs.unsaved is not None:
        if review is None:
            inputs.unsaved.forget(KEPT)
        else:
            inputs.unsaved.keep(KEPT, review.to_dict())


# ── 1. The report's text ─────────────────────────────────────────────────────────────────────────────


def _start(ed: Editing) -> None:
    """Upload (or paste) the text, name its file and its report, and draft it as `kpi draft` does."""
    lang = ed.lang
    uploaded = st.file_uploader(t("report_upload", lang), type=["txt"], key="edit_report_upload")
    pasted = st.text_area(t("report_paste", lang), key="edit_report_paste", height=140)
    raw = uploaded.getvalue() if uploaded is not None else pasted.encode("utf-8")
    if not raw.strip():
        return
    years = report_years(as_text(raw))
    name = st.text_input(
        t("report_file_name", lang),
        key="edit_report_file",
        value=f"source/{PurePosixPath(uploaded.name).name}"
        if uploaded
        else f"source/report_{years[0]}.txt"
        if years[0]
        else "source/",
    )
    report_id = st.text_input(
        t("report_id", lang), key="edit_report_id", value=f"report_{years[0]}" if years[0] else ""
    )
    if st.button(t("button_draft", lang), key="edit_report_draft", type="primary"):
        try:
            with st.spinner(t("report_drafting", lang)):
                review = start(raw, name.strip(), report_id.strip(), ed.directory)
        except ReviewError as exc:
            show_errors(exc.errors, lang)
            return
        _keep(ed, review)
        st.rerun()


# ── 2. Each proposal, beside its sentence ────────────────────────────────────────────────────────────


def _review(ed: Editing, review: Review) -> None:
    """How far the review has come, the entries, the chosen one to decide, and applying."""
    lang = ed.lang
    counts = review.counts()
    st.markdown(f"**{review.report_id}** · `{review.file}`")
    st.progress(
        counts.decided / max(counts.total, 1),
        text=t("report_progress", lang, decided=counts.decided, total=counts.total, marks=counts.marks),
    )
    entries = review.entries()
    shown = st.segmented_control(
        t("report_show", lang),
        SHOWN,
        default="todo",
        key="edit_report_shown",
        format_func=lambda s: t(f"report_show_{s}", lang),
    )
    listed = [
        e
        for e in entries
        if shown == "all" or (shown == "marks" and e.marks) or (shown != "marks" and e.decision == "undecided")
    ]
    st.dataframe(pd.DataFrame([_row(e, lang) for e in listed]), hide_index=True, width="stretch", height=240)
    if listed:
        by_key = {e.key: e for e in listed}
        key = st.selectbox(
            t("report_entry", lang),
            list(by_key),
            key="edit_report_entry",
            format_func=lambda k: _label(by_key[k], lang),
        )
        _decide(ed, review, by_key[key])
    st.divider()
    st.markdown(f"**{t('report_apply', lang)}**")
    inputs = ed.inputs("report_apply")

    def make() -> Change:
        try:
            return review.change_for(ed.directory)
        except ReviewError as exc:  # marks left, entries the data has, or the result not valid: at their entries
            raise FormError(exc.errors) from None

    change_panel(inputs, make, ed.directory, ed.dataset, lang, ed.viewer.may_save)
    if inputs.key("_saved") in st.session_state and st.session_state.get("edit_report_review") is not None:
        _keep(ed, None)  # applied and saved: the review is over
    if st.button(t("report_discard", lang), key="edit_report_discard"):
        _keep(ed, None)
        st.rerun()


def _row(entry: Entry, lang: str) -> dict[str, str]:
    return {
        t("report_col_section", lang): entry.section,
        t("report_col_item", lang): entry.title,
        t("report_col_name", lang): entry.name,
        t("report_col_marks", lang): str(len(entry.marks)) if entry.marks else "",
        t("report_col_decision", lang): t(f"decision_{entry.decision}", lang),
    }


def _label(entry: Entry, lang: str) -> str:
    marks = f" · ⚑{len(entry.marks)}" if entry.marks else ""
    return f"{entry.section} · {entry.title}{(' · ' + entry.name) if entry.name else ''}{marks} · {t(f'decision_{entry.decision}', lang)}"


def _decide(ed: Editing, review: Review, entry: Entry) -> None:
    """One entry: its sentence in its paragraph, its lines to change, its marks, and the decisions."""
    lang = ed.lang
    if entry.quote:
        before, quote, after = entry.paragraph if any(entry.paragraph) else ("", entry.quote, "")
        st.html(
            html(
                '<figure class="kb-quote"><figcaption>{}</figcaption><blockquote lang="zh-CN">{}<mark>{}</mark>{}</blockquote>'
                "</figure>",
                t("edit_sentence", lang, report=review.report_id, section=entry.where or "—"),
                before,
                quote,
                after,
            )
        )
    if entry.marks:
        st.warning(t("report_marks_left", lang, n=len(entry.marks)), icon=":material/flag:")
        st.code("\n".join(_mark_line(mark, lang) for mark in entry.marks), language=None, wrap_lines=True)
    lines_key = f"edit_report_lines_{entry.key}"
    if lines_key not in st.session_state:
        st.session_state[lines_key] = "\n".join(entry.lines)
    st.html(fixed_width("edit_report_lines_"))
    st.text_area(t("report_lines", lang), key=lines_key, height=min(26 + LINE_PX * len(entry.lines), 440))
    accept, change, undo = st.columns(3)
    errors: list[DataError] = []
    try:
        if accept.button(
            t("button_accept", lang), key=f"edit_report_accept_{entry.key}", disabled=entry.decision == "excluded"
        ):
            review.accept(entry.key)
        elif change.button(t("button_change", lang), key=f"edit_report_change_{entry.key}"):
            review.change(entry.key, st.session_state[lines_key])
        elif undo.button(
            t("button_reopen", lang), key=f"edit_report_undo_{entry.key}", disabled=entry.decision == "undecided"
        ):
            review.undo(entry.key)
            del st.session_state[lines_key]
        elif entry.reasons:
            excluded = _exclude(review, entry, lang)
            if excluded is None:
                return
            errors = excluded
        else:
            return
    except ReviewError as exc:
        errors = exc.errors
    if errors:
        show_errors(errors, lang)
        return
    _keep(ed, review)
    st.rerun()


def _exclude(review: Review, entry: Entry, lang: str) -> list[DataError] | None:
    """The entry left out with a reason (and a note): [] once done, its errors, or None when not asked."""
    with st.expander(t("button_exclude", lang)):
        reason = st.selectbox(
            t("field_reason", lang),
            entry.reasons,
            key=f"edit_report_reason_{entry.key}",
            format_func=lambda r: text(REASONS.get(r, (r, r)), lang),
        )
        note_zh = st.text_input(t("field_note_zh", lang), key=f"edit_report_note_zh_{entry.key}")
        note_en = st.text_input(t("field_note_en", lang), key=f"edit_report_note_en_{entry.key}")
        if not st.button(t("button_exclude", lang), key=f"edit_report_exclude_{entry.key}"):
            return None
    review.exclude(entry.key, reason, note_zh or None, note_en or None)
    return []


def _mark_line(mark: DataError, lang: str) -> str:
    """A review mark at its line among the entry's lines."""
    return f"{t('edit_error_at', lang, line=mark.line)}: {text((mark.zh, mark.en), lang)}"
