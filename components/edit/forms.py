"""The forms for what staff do most (issue 29, item 2): add progress, record an outcome, correct a figure, a glossary
term. Each shows the item's sentence from the report, what it holds so far and what the public page says now, takes
the inputs, and hands kpi/edit/forms.py's change to the one flow (components/edit/flow.py): check, diff, preview, save.

Why the widgets take text for numbers and dates are typed: a staff member who types 一百 or a date outside the plan
year gets the core's located message at that field, not a widget that silently refuses the keystroke.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from components.edit.flow import change_panel
from components.edit.inputs import Inputs
from components.edit.page import Editing
from components.views.commitments import assessments
from components.views.html import html
from kpi.data.files import GLOSSARY, INDICATORS
from kpi.data.model import Milestone, Qualifier, Source, Target
from kpi.edit.check import read_texts
from kpi.edit.forms import (
    MILESTONE_STATES,
    OUTCOME_STATES,
    QUALIFIERS,
    PlanItem,
    SourceFields,
    add_progress,
    add_term,
    awaiting_outcome,
    correct_figure,
    correct_term,
    figure_values,
    plan_items,
    record_outcome,
)
from kpi.format import format_value, qualifier_word
from kpi.texts import status_words, t, text


def choose(
    inputs: Inputs,
    field: str,
    label: str,
    options: Sequence[Any],
    format_func: Callable[[Any], str] = str,
    index: int | None = 0,
) -> Any:
    """A selectbox whose kept value (from the server, or an earlier run) is dropped when it is no longer a choice."""
    key = inputs.field(field, "choice")
    if key in st.session_state and st.session_state[key] not in options:
        del st.session_state[key]
    if key in st.session_state:
        index = None  # the kept value stands
    return st.selectbox(label, options, index=index, format_func=format_func, key=key, on_change=inputs.keep)


def typed(inputs: Inputs, field: str, label: str, area: bool = False, **kwargs: Any) -> str:
    """A text input (or area) whose every change is kept on the server."""
    widget = st.text_area if area else st.text_input
    return widget(label, key=inputs.field(field, "typed"), on_change=inputs.keep, **kwargs)


def _restore(inputs: Inputs, lang: str, dates: tuple[str, ...] = ()) -> None:
    if inputs.restore(dates):
        st.caption(":material/restore: " + t("edit_kept", lang))


def _texts(ed: Editing, *names: str) -> dict[str, str | None]:
    return read_texts(ed.directory, names)


# ── What an item says and holds ──────────────────────────────────────────────────────────────────────


def sentence(source: Source, ed: Editing) -> None:
    """The item's sentence, verbatim, with its report and section."""
    report = ed.dataset.reports.get(source.report)
    st.html(
        html(
            '<figure class="kb-quote"><figcaption>{}</figcaption><blockquote lang="zh-CN">{}</blockquote></figure>',
            t(
                "edit_sentence",
                ed.lang,
                report=text(report.title, ed.lang) if report else source.report,
                section=source.section,
            ),
            source.quote,
        )
    )


def about(entry: PlanItem, ed: Editing) -> None:
    """A target's or milestone's sentence, its progress so far, and what its public page says now."""
    item, lang = entry.item, ed.lang
    sentence(item.source, ed)
    if item.progress:
        st.caption(t("edit_so_far", lang))
        st.dataframe(pd.DataFrame([_progress_row(item, e, lang) for e in item.progress]), hide_index=True)
    else:
        st.caption(t("edit_none_so_far", lang))
    assessed = assessments(ed.dataset, ed.today)[item.id]
    link = (
        f"/targets?year={entry.year}"
        + (f"&target={item.id}" if isinstance(item, Target) else "")
        + ("&lang=en" if lang == "en" else "")
    )
    st.html(
        html(
            '<p class="kb kb-note">{} · <a href="{}" target="_blank">{}</a></p>',
            t("edit_public_now", lang, status=status_words(assessed.status, lang, entry.year)),
            link,
            t("edit_open_public", lang),
        )
    )


def _progress_row(item: Target | Milestone, entry: Any, lang: str) -> dict[str, str]:
    what = (
        format_value(entry.value, "exact", item.unit, lang)
        if isinstance(item, Target)
        else status_words(entry.status, lang)
    )
    return {
        t("field_date", lang): entry.date.isoformat(),
        t("field_value" if isinstance(item, Target) else "field_status", lang): what,
        t("field_note_zh", lang): entry.note.zh if entry.note else "",
        t("field_note_en", lang): entry.note.en if entry.note else "",
    }


def _item_label(entry: PlanItem, lang: str) -> str:
    return f"{text(entry.item.name, lang)} · {entry.item.id}"


# ── Add progress ─────────────────────────────────────────────────────────────────────────────────────


def progress_part(ed: Editing) -> None:
    """A dated progress entry of a plan year's target (its cumulative value) or milestone (its state)."""
    lang, inputs = ed.lang, ed.inputs("progress")
    _restore(inputs, lang, dates=("date",))
    years = list(reversed(ed.dataset.plan_years))
    if not years:
        st.info(t("edit_nothing_open", lang))
        return
    year = choose(inputs, "year", t("field_year", lang), years)
    entries = {entry.item.id: entry for entry in plan_items(ed.dataset, year)}
    item = choose(inputs, "item", t("field_target", lang), list(entries), lambda i: _item_label(entries[i], lang))
    entry = entries[item]
    about(entry, ed)
    st.date_input(
        t("field_date", lang), value=None, key=inputs.field("date", "date"), on_change=inputs.keep, format="YYYY-MM-DD"
    )
    is_target = isinstance(entry.item, Target)
    if isinstance(entry.item, Target):
        unit = text(entry.item.unit, lang)
        typed(
            inputs,
            "value",
            f"{t('field_value', lang)}（{unit}）" if lang == "zh" else f"{t('field_value', lang)} ({unit})",
        )
    else:
        choose(inputs, "status", t("field_status", lang), MILESTONE_STATES, lambda s: status_words(s, lang), index=None)
    typed(inputs, "note_zh", t("field_note_zh", lang))
    typed(inputs, "note_en", t("field_note_en", lang))
    v = inputs.values()

    def make():
        return add_progress(
            _texts(ed, INDICATORS),
            ed.dataset,
            item,
            v.get("date"),
            v.get("value") if is_target else None,
            None if is_target else v.get("status"),
            v.get("note_zh"),
            v.get("note_en"),
            today=ed.today,
        )

    change_panel(inputs, make, ed.directory, ed.dataset, lang, ed.viewer.may_save)


# ── Record an outcome ────────────────────────────────────────────────────────────────────────────────


def outcome_part(ed: Editing) -> None:
    """How a closed plan year's target or milestone ended, from the next report's sentence, or that it is silent."""
    lang, inputs = ed.lang, ed.inputs("outcome")
    _restore(inputs, lang)
    entries = {entry.item.id: entry for entry in awaiting_outcome(ed.dataset, ed.today)}
    if not entries:
        st.info(t("edit_nothing_open", lang))
        return
    item = choose(inputs, "item", t("field_target", lang), list(entries), lambda i: _item_label(entries[i], lang))
    entry = entries[item]
    about(entry, ed)
    later = [r for r in ed.dataset.content.reports if r.reviews >= entry.year]
    if not later:  # the report that closes the year is not entered yet: nothing can be quoted or said silent
        st.info(t("outcomes_pending", lang, year=entry.year))
        return
    reports = [r.id for r in later]
    kind = st.radio(
        t("field_outcome_kind", lang),
        ("stated", "silent"),
        key=inputs.field("kind", "choice"),
        on_change=inputs.keep,
        format_func=lambda k: t(f"outcome_{k}", lang),
        horizontal=True,
    )
    report = choose(
        inputs, "report", t("field_report", lang), reports, lambda r: text(ed.dataset.reports[r].title, lang)
    )
    is_target = isinstance(entry.item, Target)
    if kind == "stated":
        if is_target:
            typed(inputs, "value", t("field_value", lang))
            choose(inputs, "qualifier", t("field_qualifier", lang), QUALIFIERS, lambda q: _qualifier(q, lang))
        else:
            choose(
                inputs,
                "status",
                t("field_status", lang),
                OUTCOME_STATES,
                lambda s: status_words(s, lang, entry.year),
                index=None,
            )
        typed(inputs, "section", t("field_section", lang))
        typed(inputs, "quote", t("field_quote", lang), area=True, height=90)
        if not is_target:
            typed(inputs, "note_zh", t("field_note_zh", lang))
            typed(inputs, "note_en", t("field_note_en", lang))
    v = inputs.values()

    def make():
        if kind == "silent":
            return record_outcome(_texts(ed, INDICATORS), ed.dataset, item, not_mentioned_in=report, today=ed.today)
        source = SourceFields(report, v.get("section"), v.get("quote"))
        return record_outcome(
            _texts(ed, INDICATORS),
            ed.dataset,
            item,
            value=v.get("value") if is_target else None,
            qualifier=v.get("qualifier") or "exact",
            status=None if is_target else v.get("status"),
            source=source,
            note_zh=v.get("note_zh"),
            note_en=v.get("note_en"),
            today=ed.today,
        )

    change_panel(inputs, make, ed.directory, ed.dataset, lang, ed.viewer.may_save)


def _qualifier(qualifier: Qualifier, lang: str) -> str:
    return qualifier_word(qualifier, lang) or t("qualifier_exact", lang)


# ── Correct a figure ─────────────────────────────────────────────────────────────────────────────────


def figure_part(ed: Editing) -> None:
    """One stated value of a figure, and its qualifier, corrected; its quote stays as the report has it."""
    lang, inputs = ed.lang, ed.inputs("figure")
    _restore(inputs, lang)
    indicators = {i.id: i for i in ed.dataset.content.indicators}
    chosen = choose(
        inputs,
        "indicator",
        t("field_figure", lang),
        list(indicators),
        lambda i: f"{text(indicators[i].name, lang)} · {i}",
    )
    indicator = indicators[chosen]
    values = {f"{v.period} · {v.source.report}": v for v in figure_values(ed.dataset, chosen)}
    stated = choose(
        inputs,
        "stated",
        t("field_period", lang),
        list(values),
        lambda k: f"{values[k].period} · {text(ed.dataset.reports[values[k].source.report].title, lang)}",
    )
    value = values[stated]
    sentence(value.source, ed)
    st.caption(format_value(value.value, value.qualifier, indicator.unit, lang))
    typed(inputs, "value", t("field_value", lang), placeholder=f"{value.value:g}")
    choose(
        inputs,
        "qualifier",
        t("field_qualifier", lang),
        QUALIFIERS,
        lambda q: _qualifier(q, lang),
        index=QUALIFIERS.index(value.qualifier),
    )
    v = inputs.values()

    def make():
        return correct_figure(
            _texts(ed, INDICATORS),
            ed.dataset,
            chosen,
            value.period,
            value.source.report,
            v.get("value") or f"{value.value:g}",
            v.get("qualifier") or value.qualifier,
        )

    change_panel(inputs, make, ed.directory, ed.dataset, lang, ed.viewer.may_save)


# ── Glossary term ────────────────────────────────────────────────────────────────────────────────────

TERM_FIELDS = ("term_zh", "term_en", "definition_zh", "definition_en")


def term_part(ed: Editing) -> None:
    """Correct a term of the glossary, or add one (as the report's glossary defines it)."""
    lang, inputs = ed.lang, ed.inputs("term")
    _restore(inputs, lang)
    mode = st.radio(
        t("field_term_mode", lang),
        ("correct", "add"),
        key=inputs.field("mode", "choice"),
        on_change=inputs.keep,
        format_func=lambda m: t(f"term_{m}", lang),
        horizontal=True,
    )
    terms = {term.id: term for term in ed.dataset.glossary.terms}
    if mode == "correct":
        term_id = choose(
            inputs, "term", t("field_term", lang), list(terms), lambda i: f"{text(terms[i].term, lang)} · {i}"
        )
        _fill_from(inputs, terms[term_id])
    else:
        typed(inputs, "id", t("field_term_id", lang))
        choose(
            inputs,
            "report",
            t("field_report", lang),
            [r.id for r in ed.dataset.content.reports],
            lambda r: text(ed.dataset.reports[r].title, lang),
        )
    for field in TERM_FIELDS:
        if field.startswith("definition"):
            typed(inputs, field, t(f"field_{field}", lang), area=True, height=100)
        else:
            typed(inputs, field, t(f"field_{field}", lang))
    typed(inputs, "forms", t("field_forms", lang), area=True, height=80)
    v = inputs.values()
    forms = [line.strip() for line in (v.get("forms") or "").splitlines() if line.strip()]

    def make():
        words = {field: v.get(field) for field in TERM_FIELDS}
        if mode == "correct":
            return correct_term(_texts(ed, GLOSSARY), ed.dataset, v["term"], forms=forms, **words)
        return add_term(
            _texts(ed, GLOSSARY), ed.dataset, v.get("id") or "", v.get("report") or "", forms=forms, **words
        )

    change_panel(inputs, make, ed.directory, ed.dataset, lang, ed.viewer.may_save)


def _fill_from(inputs: Inputs, term: Any) -> None:
    """The chosen term's words in the fields each time another term is chosen (a correction starts from them); kept
    words of the same term (a reload) stay."""
    loaded = inputs.key("loaded_term")
    if st.session_state.get(loaded) == term.id:
        return
    for field, value in zip(TERM_FIELDS, (term.term.zh, term.term.en, term.definition.zh, term.definition.en)):
        st.session_state[inputs.key(field)] = value
    st.session_state[inputs.key("forms")] = "\n".join(term.forms)
    st.session_state[loaded] = term.id
