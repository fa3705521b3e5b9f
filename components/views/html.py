"""HTML from types: text from the data is escaped because it is text, not because a caller remembered to.

Why markupsafe's Markup (the type Jinja uses, already installed with Streamlit): it is a str that knows it is
HTML. `html(template, *args)` escapes every argument that is not Markup already, and so do `join` and `+`, so
a name from the YAML reaches a page escaped whatever path it takes; HTML written here is Markup from the start.
Every view returns Markup. Why blocks of HTML at all: each Streamlit element is one more message the server sends
every new viewer (docs/performance.md), and the same blocks are written as the static public pages.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from markupsafe import Markup, escape

from kpi.site import query as ordered_query
from kpi.texts import TEXTS, text

__all__ = [
    "Markup",
    "cell",
    "details",
    "escape",
    "html",
    "join",
    "lang_param",
    "link",
    "search_form",
    "table",
    "t_html",
    "url",
]


def html(template: str, *args: object, **kwargs: object) -> Markup:
    """`template` is HTML written in this code; each argument is escaped unless it is Markup (a number goes in as it
    is, for a format such as {:.2f}).

    Why not Markup(template).format: it escapes the same way through string.Formatter, several times slower, and the
    pages call this some 300,000 times when every page is drawn (the editing page's check does, twice)."""
    return Markup(str(template).format(*map(_escaped, args), **{k: _escaped(v) for k, v in kwargs.items()}))


def _escaped(value: object) -> object:
    return value if isinstance(value, int | float) else escape(value)


def t_html(key: str, lang: str, **values: object) -> Markup:
    """A catalogue string (kpi/texts.py) whose {placeholders} take HTML, such as a link: escaped unless Markup."""
    return Markup(escape(text(TEXTS[key], lang))).format(**values)


def join(parts: Iterable[object], separator: str = "") -> Markup:
    """Parts side by side, each escaped unless it is Markup."""
    return Markup(separator).join(escape(part) for part in parts)


def url(path: str, **params: str) -> str:
    """A relative address of a page of the dashboard ("" is the overview), keeping the non-empty parameters in their one
    order (kpi/site.py): a link, the canonical address and the sitemap spell a page alike.

    Why relative: it keeps the server and its base path, in Streamlit and on a static page alike."""
    query = ordered_query(params)
    target = path or "./"
    return f"{target}?{query}" if query else target


def lang_param(lang: str) -> str:
    """The language as a link keeps it: nothing for Chinese, the default."""
    return "" if lang == "zh" else lang


def link(path: str, label: object, current: bool = False, /, **params: str) -> Markup:
    """A link to a page of the dashboard; `current` marks the link to the view being shown (a chip among others).
    Positional, so that no address parameter can be taken for it."""
    mark = Markup(' aria-current="true"') if current else ""
    return html('<a href="{}" target="_self"{}>{}</a>', url(path, **params), mark, label)


def details(summary: object, body: object, css: str = "") -> Markup:
    """A row that opens on a tap to show more (the report's sentence, a table): no script, no rerun."""
    return html('<details class="{}"><summary>{}</summary>{}</details>', css, summary, body)


def _cell_class(text: str, numeric: bool) -> str:
    """Numbers to the right; a long text (a quote) a wider column on a wide screen."""
    return " ".join(css for css, on in (("kb-r", numeric), ("kb-long", len(text) > 40)) if on)


def cell(value: object, column: object, css: str = "") -> Markup:
    """A table cell that names its column (data-label): on a phone a row is a card, led by the cell of class
    kb-cell-name (what the row is about), each other value after its column's name."""
    return html('<td class="{}" data-label="{}">{}</td>', css, str(column), value)


def table(columns: Sequence[object], rows: Iterable[Sequence[object]], numeric: Sequence[bool] = ()) -> Markup:
    """A plain table; under about 600 px each row a card (style.css), so nothing scrolls sideways or is cut off."""
    right = list(numeric) + [False] * (len(columns) - len(numeric))
    head = join(html('<th scope="col">{}</th>', column) for column in columns)
    body = join(
        html(
            "<tr>{}</tr>",
            join(
                cell(
                    value,
                    column,
                    " ".join(filter(None, (_cell_class(str(value), r), "kb-cell-name" if n == 0 else ""))),
                )
                for n, (value, column, r) in enumerate(zip(row, columns, right, strict=False))
            ),
        )
        for row in rows
    )
    return html(
        '<div class="kb-scroll" tabindex="0"><table class="kb-table"><thead><tr>{}</tr></thead>'
        "<tbody>{}</tbody></table></div>",
        head,
        body,
    )


def search_form(page: str, label: str, button: str, query: str, keep: dict[str, str]) -> Markup:
    """A plain search box: it opens `page` with ?q= (and what the view keeps), a view Streamlit answers."""
    hidden = join(
        html('<input type="hidden" name="{}" value="{}">', name, value) for name, value in keep.items() if value
    )
    return html(
        '<form class="kb-search" action="{}" method="get" role="search">{}<label>{} <input type="search" name="q" '
        'value="{}"></label><button type="submit">{}</button></form>',
        page,
        hidden,
        label,
        query,
        button,
    )
