"""Edit a file (issue 29, item 3): indicators.yaml, glossary.yaml or exclusions.yaml in the browser, for anything the
forms do not cover. No other path can be read or written through the page: the choice is this list, and the core
refuses any other path anyway (kpi/edit/check.py).

Why a window of numbered lines rather than the whole file in one box: indicators.yaml has some 3,500 lines, every
error names its line, and a text box shows no line numbers. So the page edits a window (50 or 200 lines, or the whole
file) with its numbers beside it, in a fixed-width font that keeps YAML's indentation visible; an error's "show"
opens the window at its line. What is typed in any window is one working copy of the file, kept on the server.

Why the text the editing started from is kept beside it: if the file changes on the server meanwhile (another
staff member, an edit on the server, `kpi apply`), the save merges the two, or refuses and shows what changed; it
never writes over it.
"""

from __future__ import annotations

import streamlit as st

from components.edit.flow import change_panel
from components.edit.inputs import Inputs
from components.edit.page import Editing
from components.views.html import Markup, html
from kpi.data.files import EXCLUSIONS, GLOSSARY, INDICATORS
from kpi.edit.change import Change
from kpi.edit.check import read_texts
from kpi.texts import t

FILES = (INDICATORS, GLOSSARY, EXCLUSIONS)
WINDOWS = (50, 200, 0)  # lines shown at once; 0: the whole file
LINE_PX = 21  # the text box's line height, which the numbers beside it share


def file_part(ed: Editing) -> None:
    """A window of the file's lines, numbered, to edit; the whole working copy checked as one change."""
    lang = ed.lang
    chosen = st.selectbox(t("field_file", lang), FILES, key="edit_file_name")
    inputs = ed.inputs("file_" + chosen.split(".")[0])
    if inputs.restore():
        st.caption(":material/restore: " + t("edit_kept", lang))
    now = read_texts(ed.directory, [chosen])[chosen] or ""
    text_key, base_key = inputs.key("text"), inputs.key("base")
    if text_key not in st.session_state or base_key not in st.session_state:
        st.session_state[text_key], st.session_state[base_key] = now, now
    lines = st.session_state[text_key].split("\n")
    _window(inputs, lines, lang)
    if st.session_state[text_key] != now and st.button(t("button_discard", lang), key=inputs.key("discard")):
        inputs.forget()
        st.rerun()
    typed, base = st.session_state[text_key], st.session_state[base_key]

    def make() -> Change:
        return Change(f"{chosen}: edited in the browser", {chosen: _as_file(typed, base)}, {chosen: base})

    change_panel(inputs, make, ed.directory, ed.dataset, lang, ed.viewer.may_save)
    _error_lines(inputs, chosen, lang)


def _error_lines(inputs: Inputs, chosen: str, lang: str) -> None:
    """After a check with errors in this file: a button per line with an error, opening the window there."""
    outcome = st.session_state.get(inputs.key("_outcome"))
    lines = sorted({e.line for e in (outcome.errors if outcome else []) if e.file == chosen and e.line > 0})
    if lines:
        with st.container(horizontal=True):
            for line in lines[:20]:
                st.button(
                    t("edit_show_line", lang, line=line),
                    key=inputs.key(f"_show_{line}"),
                    on_click=go_to_line,
                    args=(inputs, line),
                )


def _window(inputs: Inputs, lines: list[str], lang: str) -> None:
    """The window's controls, then its numbered lines in a text box whose edits go into the working copy."""
    start_key, size_key = inputs.key("_from"), inputs.key("_size")
    st.session_state.setdefault(start_key, 1)
    st.session_state[start_key] = min(max(1, st.session_state[start_key]), len(lines))
    with st.container(horizontal=True, vertical_alignment="bottom"):
        st.number_input(t("field_from_line", lang), min_value=1, max_value=len(lines), key=start_key, width=160)
        st.selectbox(
            t("field_lines", lang),
            WINDOWS,
            key=size_key,
            width=160,
            format_func=lambda n: str(n) if n else t("lines_all", lang, n=len(lines)),
        )
    start = st.session_state[start_key]
    size = st.session_state[size_key] or len(lines)
    shown = lines[start - 1 : start - 1 + size]
    box = f"{inputs.key('_window')}_{start}_{size}_{st.session_state.get(inputs.key('_revision'), 0)}"
    st.html(fixed_width(inputs.key("_window")))
    with st.container(horizontal=True, gap=None, key=inputs.key("_editor")):
        st.html(_numbers(start, len(shown)), width=64)
        st.text_area(
            t("field_text", lang),
            "\n".join(shown),
            key=box,
            height=len(shown) * LINE_PX + 26,
            label_visibility="collapsed",
            on_change=_typed_in,
            args=(inputs, box, start, len(shown)),
        )


def _typed_in(inputs: Inputs, box: str, start: int, count: int) -> None:
    """The window's lines, as typed, put in place of the lines it showed; the working copy kept on the server."""
    text_key = inputs.key("text")
    lines = st.session_state[text_key].split("\n")
    typed = st.session_state[box].replace("\r\n", "\n").split("\n")
    st.session_state[text_key] = "\n".join(lines[: start - 1] + typed + lines[start - 1 + count :])
    inputs.keep()


def go_to_line(inputs: Inputs, line: int) -> None:
    """Open the window a few lines above `line` (an error's "show")."""
    st.session_state[inputs.key("_from")] = max(1, line - 5)


def _numbers(first: int, count: int) -> Markup:
    return html(
        '<pre class="kb-gutter" aria-hidden="true">{}</pre>', "\n".join(str(n) for n in range(first, first + count))
    )


def fixed_width(key_prefix: str) -> Markup:
    """The text boxes whose keys start with `key_prefix` in a fixed-width font, unwrapped, each line as tall as the
    numbers beside it: YAML's indentation is its structure, and must be seen. (Streamlit marks a widget's container
    with the class st-key-<key>; a prefix match needs no escaping of the key's characters.)"""
    rule = (
        f'[class*="st-key-{key_prefix}"] textarea {{ font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", '
        f"Consolas, monospace; font-size: 14px; line-height: {LINE_PX}px; white-space: pre; overflow-wrap: normal; "
        f"overflow-x: auto; padding: 8px 10px; }}"
    )
    return html("<style>{}</style>", Markup(rule))


def _as_file(typed: str, base: str) -> str:
    """What was typed, with the file's own line ends: a browser sends \\n, and a Windows file keeps \\r\\n."""
    return typed.replace("\r\n", "\n").replace("\n", "\r\n") if "\r\n" in base else typed.replace("\r\n", "\n")
