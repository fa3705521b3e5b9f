"""Blocks of HTML built once per dataset and sent as ONE element: a list of figures, a chart, a table.

Why HTML and not one Streamlit element per figure: every element is one more message the server sends each
new viewer (docs/performance.md), so a group of figures costs what one element costs. Why it is safe: every
string from the data goes through `esc`; st.html also sanitises what it is given. The look lives in
components/style.py, as classes starting with `kb-`.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from urllib.parse import urlencode


def esc(text: object) -> str:
    """Text from the data, shown literally."""
    return html.escape(str(text), quote=True)


def link(url_path: str, label: str, *, current: bool = False, **params: str) -> str:
    """A link to another page of the dashboard (a relative URL keeps the server and its base path); `current` marks the
    link to the view being shown."""
    query = urlencode({k: v for k, v in params.items() if v})
    mark = ' aria-current="true"' if current else ""
    return f'<a href="{esc(url_path)}{"?" + esc(query) if query else ""}" target="_self"{mark}>{label}</a>'


def details(summary: str, body: str, css: str = "") -> str:
    """A row that opens on a tap to show more (the report's sentence, a table): no script, no rerun."""
    return f'<details class="{css}"><summary>{summary}</summary>{body}</details>'


def _cell_class(text: str, numeric: bool) -> str:
    """Numbers to the right; a long text (a quote) a wider column, so a phone scrolls rather than stacking letters."""
    return " ".join(css for css, on in (("kb-r", numeric), ("kb-long", len(text) > 40)) if on)


def table(columns: Sequence[str], rows: Iterable[Sequence[object]], numeric: Sequence[bool] = ()) -> str:
    """A plain table; it scrolls sideways on a phone rather than squeezing its columns."""
    right = list(numeric) + [False] * (len(columns) - len(numeric))
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in columns)
    body = "".join("<tr>" + "".join(f'<td class="{_cell_class(str(v), r)}">{esc(v)}</td>' for v, r in zip(row, right))
                   + "</tr>" for row in rows)
    return f'<div class="kb-scroll" tabindex="0"><table class="kb-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'
