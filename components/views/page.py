"""What a view is asked (who is looking, and the view's parameters) and what it gives back (a page).

Why a page is data and not Streamlit calls: Streamlit shows it (blocks of HTML with st.html, a chart with
st.plotly_chart, a search box as a widget, a download button, a scroll to the item a link names) and the publisher
writes it as a static file (its head from the title and description, the chart as JSON over its HTML bars, the
search as a plain form, the downloads as files beside it). One function per view, two ways to show what it returns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from components.views.html import Markup, join, lang_param
from components.views.plots import Plot
from kpi.texts import t


@dataclass(frozen=True)
class Viewer:
    """Who is looking: the language, the date target progress is judged on, and whether a projector is."""

    lang: str
    as_of: date
    meeting: bool = False

    def keep(self) -> dict[str, str]:
        """What a link to another view keeps (see `view_params`)."""
        return view_params(self.lang, self.as_of)


def view_params(lang: str, as_of: date) -> dict[str, str]:
    """What a link keeps of the viewer's view: the language, and a what-if date (today's is no parameter, so a link on
    a static page leads to a static page)."""
    return {"lang": lang_param(lang), "as_of": "" if as_of == date.today() else as_of.isoformat()}


@dataclass(frozen=True)
class Download:
    """A file a page offers: a button in Streamlit, a link to a file written beside the static page."""

    label: str
    file_name: str
    mime: str
    build: Callable[[], bytes]  # made on request in Streamlit, once per build for the static site


@dataclass(frozen=True)
class Search:
    """A search box (?q=): a widget in Streamlit; on a static page a plain form that opens the Streamlit view."""

    page: str
    label: str
    button: str
    query: str
    keep: dict[str, str]  # what the search keeps of the view (the language, the filters)


Part = Markup | Plot | Search


@dataclass(frozen=True)
class Page:
    """A view's result: its name, its headline in the report's words, its content in order, and what comes with it."""

    title: str  # the page's own name ("经济发展"); document_title adds the dashboard's
    description: str  # the page's headline results in the report's words: what a link preview shows
    parts: tuple[Part, ...]
    downloads: tuple[Download, ...] = ()
    anchor: str = ""  # the id of the item a link names (?target=, ?term=), to bring into view
    found: bool = True  # False: the parameters name nothing (no such figure): a neutral line, never a static file
    headlines: tuple[tuple[str, str], ...] = ()  # (name, value): the figures a shared link's image shows, 2 to 4
    image_title: str = ""  # the preview image's title when the page's own says less ("2023年主要成果", not "总览")

    @property
    def html(self) -> Markup:
        """The page's blocks of HTML, charts and search boxes left out (what tests and a reader's text search see)."""
        return join(part for part in self.parts if isinstance(part, Markup))


def document_title(page_title: str, lang: str) -> str:
    """ "经济发展 · 东明路街道绩效看板": the tab's title and a shared link's headline."""
    app = t("app_title", lang)
    return app if page_title == app else f"{page_title} · {app}"


def description_of(parts: list[str], lang: str, limit: int = 180) -> str:
    """Headline results joined in the language's way, cut at a whole part so no figure is half said."""
    separator = "；" if lang == "zh" else "; "
    words = ""
    for part in parts:
        longer = f"{words}{separator}{part}" if words else part
        if len(longer) > limit and words:
            break
        words = longer
    return words + ("。" if lang == "zh" and words and not words.endswith("。") else "")


def labelled(label: str, words: str, lang: str) -> str:
    """ "标题：内容" / "Title: words"."""
    return f"{label}：{words}" if lang == "zh" else f"{label}: {words}"
