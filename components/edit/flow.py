"""The one way every part of the editing page ends: Check, then what the check found — every error at its place, or
the diff and the public pages the change changes, as the public will see them — then Save, and when the public pages
show it.

Why one flow for the forms, the file editor, an undo and a new report: each produces a kpi/edit Change, and "checked
against the whole data before it is written, shown as a diff and as the public pages it changes, saved by its author,
nothing lost" is the same promise for all of them.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

import streamlit as st

from components.edit.inputs import Inputs
from components.frame import draw_parts
from components.preview import PageRef, changed_pages, render_problems
from components.publish import SITE_ENV, read_status, site_dir
from components.staff import signed_in_now
from components.views.html import Markup, html, join
from components.views.routes import view_for, viewer
from components.views.style import style_element
from kpi.data.dataset import Dataset
from kpi.data.errors import DataError
from kpi.edit.change import Change
from kpi.edit.check import Checked, check
from kpi.edit.forms import FormError
from kpi.edit.history import Conflict
from kpi.edit.save import Author, Refused, save
from kpi.texts import t, text

LIVE_WAIT_S = 60  # how long the page watches for the public pages to show a save
# A form's field (kpi/edit/forms.py names them) → its label on the page, so an error reads "日期：…" / "Date: …".
FIELD_LABELS = {
    "item": "field_target",
    "date": "field_date",
    "value": "field_value",
    "status": "field_status",
    "note_zh": "field_note_zh",
    "note_en": "field_note_en",
    "qualifier": "field_qualifier",
    "report": "field_report",
    "section": "field_section",
    "quote": "field_quote",
    "not_mentioned_in": "field_report",
    "indicator": "field_figure",
    "period": "field_period",
    "id": "field_term_id",
    "term_zh": "field_term_zh",
    "term_en": "field_term_en",
    "definition_zh": "field_definition_zh",
    "definition_en": "field_definition_en",
    "forms": "field_forms",
}


@dataclass(frozen=True)
class Outcome:
    """What the last Check (or Save) of a part found, and for which inputs."""

    fingerprint: str
    checked: Checked | None = None
    errors: list[DataError] = field(default_factory=list)  # a form's own refusals, or the check's
    conflict: dict[str, str] = field(default_factory=dict)  # file → what changed meanwhile (a refused save)
    signed_out: bool = False


@dataclass(frozen=True)
class Saved:
    """A save, for the message and the wait for the public pages."""

    commit: str
    summary: str
    at: float  # time.time() when it was written
    remade: bool
    live: str = ""  # when the public pages were rewritten from it (the publisher's time)
    slow: bool = False  # not rewritten within LIVE_WAIT_S


def change_panel(
    inputs: Inputs,
    make: Callable[[], Change],
    directory: Path,
    before: Dataset,
    lang: str,
    signed_in: bool,
    check_label: str = "",
) -> None:
    """The Check button (or what makes and checks the change, e.g. Undo) and what it found; Save once a check passed for
    exactly these inputs."""
    result_key, saved_key = inputs.key("_outcome"), inputs.key("_saved")
    if saved_key in st.session_state:
        _saved_note(saved_key, lang)
    if st.button(check_label or t("button_check", lang), key=inputs.key("check"), type="primary"):
        st.session_state.pop(saved_key, None)
        st.session_state[result_key] = _check(make, directory, inputs.fingerprint())
    outcome: Outcome | None = st.session_state.get(result_key)
    if outcome is None:
        return
    if outcome.fingerprint != inputs.fingerprint():
        st.caption(t("edit_stale", lang))
        return
    _show(outcome, before, lang, inputs.key("_preview"))
    checked = outcome.checked
    if checked is not None and checked.passed and checked.change.changes_anything() and signed_in:
        if st.button(t("button_save", lang), key=inputs.key("save"), type="primary"):
            _save(outcome.fingerprint, checked, inputs, directory, result_key, saved_key)


def saved_note(inputs: Inputs, lang: str) -> None:
    """The last save of these inputs and whether the public pages show it yet, where the page no longer draws their
    change panel (a new report's review ends with its save)."""
    if inputs.key("_saved") in st.session_state:
        _saved_note(inputs.key("_saved"), lang)


def _check(make: Callable[[], Change], directory: Path, fingerprint: str) -> Outcome:
    """Make the change from the inputs and check it against the whole data (every rule, every public page)."""
    try:
        change = make()
    except FormError as exc:
        return Outcome(fingerprint, errors=exc.errors)
    except Conflict as exc:  # an undo that later changes overlap
        return Outcome(fingerprint, conflict=exc.meanwhile)
    checked = check(directory, change, render_problems)
    return Outcome(fingerprint, checked, checked.errors)


def _save(fingerprint: str, checked: Checked, inputs: Inputs, directory: Path, result_key: str, saved_key: str) -> None:
    """Save the passed check's change as the person signed in now (checked again), then start over with empty inputs;
    a refusal writes nothing."""
    name = signed_in_now()
    if name is None:
        st.session_state[result_key] = Outcome(fingerprint, checked, signed_out=True)
        st.rerun()
    try:
        saved = save(directory, checked.change, Author(name), render_problems)
    except Refused as exc:
        st.session_state[result_key] = Outcome(fingerprint, exc.checked, exc.errors)
    except FormError as exc:  # a form made again on what others saved meanwhile, no longer possible
        st.session_state[result_key] = Outcome(fingerprint, errors=exc.errors)
    except Conflict as exc:
        st.session_state[result_key] = Outcome(fingerprint, checked, conflict=exc.meanwhile)
    else:
        st.session_state.pop(result_key, None)
        inputs.forget()
        if saved.commit:
            st.session_state[saved_key] = Saved(
                saved.commit[:7], saved.change.summary, time.time(), saved.change is not checked.change
            )
    st.rerun()


def _show(outcome: Outcome, before: Dataset, lang: str, key: str) -> None:
    """Errors at their places, a refused save's reason, or the diff and the preview of a passed check."""
    checked = outcome.checked
    if outcome.signed_out:
        st.error(t("edit_signed_out", lang), icon=":material/lock:")
    if outcome.conflict:
        st.error(t("edit_conflict", lang, files=", ".join(outcome.conflict)), icon=":material/sync_problem:")
        st.code("\n".join(outcome.conflict.values()), language="diff")
        return
    if outcome.errors or (checked is not None and checked.problems):
        show_errors(outcome.errors, lang, checked.change if checked else None)
        if checked is not None and checked.problems:
            st.error(t("edit_problem_pages", lang, n=len(checked.problems)), icon=":material/error:")
            st.code("\n".join(checked.problems), language=None, wrap_lines=True)
        return
    if checked is None:
        return
    if not checked.change.changes_anything():
        st.info(t("edit_no_change", lang), icon=":material/info:")
        return
    st.success(t("edit_passed", lang, seconds=checked.seconds), icon=":material/check_circle:")
    st.markdown(f"**{t('edit_diff', lang)}**")
    st.code("".join(checked.diffs.values()), language="diff")
    assert checked.dataset is not None, "a check with no error and no page problem loaded the data"
    preview(before, checked.dataset, lang, key, checked.change.summary)


def show_errors(errors: list[DataError], lang: str, change: Change | None = None) -> None:
    """Every problem as `FILE:LINE:COL: field: message` (a form's own: its field's label), each line of a changed file
    shown with its neighbours, so the error stands at its line."""
    if not errors:
        return
    st.error(t("edit_errors", lang, n=len(errors)), icon=":material/error:")
    st.code("\n".join(_located(e, lang) for e in errors), language=None, wrap_lines=True)
    texts = change.texts if change is not None else {}
    shown = [(content, e) for e in errors if e.line > 0 and (content := texts.get(e.file))]
    if shown:
        st.html(join(at_line(content, e, lang) for content, e in shown[:20]))


def _located(error: DataError, lang: str) -> str:
    """A form's error reads as "Date: …"; a file's as FILE:LINE:COL: field: message."""
    if error.line > 0:
        return error.format(lang)
    label = FIELD_LABELS.get(error.field.split("[", 1)[0])
    return f"{t(label, lang) if label else error.field}: {text((error.zh, error.en), lang)}"


def at_line(content: str, error: DataError, lang: str, around: int = 2) -> Markup:
    """The lines around an error, numbered, the error's line marked and its message under it."""
    lines = content.split("\n")
    first, last = max(1, error.line - around), min(len(lines), error.line + around)
    rows = [
        html(
            '<span class="kb-line{}"><b>{}</b> {}</span>',
            " kb-line-bad" if n == error.line else "",
            n,
            lines[n - 1].rstrip("\r"),
        )
        for n in range(first, last + 1)
    ]
    rows.insert(error.line - first + 1, html('<span class="kb-line-message">{}</span>', error.format(lang)))
    return html(
        '<pre class="kb-excerpt" aria-label="{}">{}</pre>', t("edit_error_at", lang, line=error.line), join(rows, "\n")
    )


def preview(before: Dataset, after: Dataset, lang: str, key: str, summary: str = "") -> None:
    """The public pages the change changes, in the staff member's language, one shown as the public will see it: first
    the page of the item the change names (its summary says `targets[ID]: …`), else the most specific page."""
    today = date.today()
    titles = _changed(before, after, lang, today, summary)
    pages = list(titles)
    st.markdown(f"**{t('edit_preview', lang, n=len(pages))}**")
    if not pages:
        st.caption(t("edit_preview_none", lang))
        return
    chosen = st.selectbox(
        t("edit_preview_page", lang), pages, format_func=lambda ref: f"{titles[ref]} — {ref.url}", key=key
    )
    view = view_for(after, chosen.path)
    assert view is not None, f"/{chosen.path} changed, so it is a public page with a view"
    page = view.render(after, viewer(lang, dict(chosen.params), today), dict(chosen.params))
    with st.container(border=True):  # its charts too: a new progress entry shows in the target's chart (issue 29)
        draw_parts(page.parts, style_element(), key)


def _changed(before: Dataset, after: Dataset, lang: str, today: date, summary: str) -> dict[PageRef, str]:
    """The changed pages in the staff member's language, in the order to offer them, with their titles: worked out once
    per checked change (kept with its dataset), not on every run while the staff member reads the result."""

    def work_out() -> dict[PageRef, str]:
        pages = [ref for ref in changed_pages(before, after, today) if ref.lang == lang]
        # Why not just sorted by address: /targets?year=2024 sorts before /targets?year=2024&target=ID, and a progress
        # entry's own target page came 14th of 15 (found by tests/browser/test_edit_in_browser.py). Today's page before
        # the same page as of a quarter's end (?as_of=): what the public opens first.
        pages.sort(key=lambda ref: (not _names(ref, summary), _what_if(ref), -len(ref.params), ref.path, ref.params))
        return {ref: _page_title(after, ref, today) for ref in pages}

    return after.memo(("edit.changed", id(before), lang, today, summary), work_out)


def _what_if(ref: PageRef) -> bool:
    """Whether the page is drawn as of a what-if date."""
    return any(key == "as_of" for key, _ in ref.params)


def _names(ref: PageRef, summary: str) -> bool:
    """Whether the page is the own page of an item the change's summary names."""
    return any(f"[{value}]" in summary for _, value in ref.params)


def _page_title(dataset: Dataset, ref: PageRef, today: date) -> str:
    view = view_for(dataset, ref.path)
    return view.render(dataset, viewer(ref.lang, dict(ref.params), today), dict(ref.params)).title if view else ref.url


def _saved_note(saved_key: str, lang: str) -> None:
    """The save, then whether the public pages show it yet (watched for LIVE_WAIT_S, then said either way)."""
    saved: Saved = st.session_state[saved_key]
    st.success(t("edit_saved", lang, commit=saved.commit, summary=saved.summary), icon=":material/task_alt:")
    if saved.remade:
        st.info(t("edit_saved_remade", lang), icon=":material/merge:")
    if not os.environ.get(SITE_ENV):
        st.caption(t("edit_live_none", lang))
    elif saved.live:
        # As the History lists times (the server's clock), not the publisher's ISO stamp "2026-12-07T15:04:43+00:00".
        at = datetime.fromisoformat(saved.live).astimezone().strftime("%Y-%m-%d %H:%M:%S")
        st.caption(":material/public: " + t("edit_live", lang, at=at))
    elif saved.slow:
        st.warning(t("edit_live_slow", lang), icon=":material/warning:")
    else:
        _watch_publisher(saved_key, lang)


@st.fragment(run_every=1.0)
def _watch_publisher(saved_key: str, lang: str) -> None:
    """Every second until the publisher has rewritten the public pages after the save (components/publish.py's status),
    or LIVE_WAIT_S has passed; then the whole page once more, which no longer watches."""
    saved: Saved = st.session_state[saved_key]
    status = read_status(site_dir())
    written = datetime.fromisoformat(status.written).timestamp() if status and status.written else 0.0
    if status is not None and status.fresh and written >= saved.at:
        st.session_state[saved_key] = replace(saved, live=status.written)
    elif time.time() - saved.at > LIVE_WAIT_S:
        st.session_state[saved_key] = replace(saved, slow=True)
    else:
        st.caption(":material/hourglass_top: " + t("edit_live_wait", lang))
        return
    st.rerun(scope="app")
