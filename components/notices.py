"""Who sees what about bad data: the public one neutral line; staff, on the data-check page, every located problem.

Why two audiences: `indicators.yaml:98:5: …` tells staff where to look, and tells a member of the public only that
something is broken. Public pages say at most "some figures are being updated" (no file name, no line, no link
to /check, which staff reach by its address); the data-check page and `python -m kpi validate` give the list.
"""

from __future__ import annotations

from urllib.parse import urlparse

import streamlit as st

from components.data import PageError
from components.markdown import escape_markdown
from components.publish import read_status, site_dir
from components.staff import staff_viewer
from kpi.data.errors import DataError
from kpi.site import STAFF_PATHS
from kpi.texts import t



def public_note(lang: str) -> None:
    """One neutral line above a page that shows the last good data rather than the files' own."""
    st.caption(f":material/update: {t('data_updating', lang)}")


def data_problems(errors: list[DataError], failures: list[PageError], lang: str) -> None:
    """For staff: the files' errors as `FILE:LINE:COL: field: message`, then pages that raised with valid data."""
    if errors:
        st.error(t("check_errors", lang, n=len(errors)), icon=":material/error:")
        st.code("\n".join(e.format(lang) for e in errors), language=None, wrap_lines=True)
    if failures:
        st.error(t("check_page_errors", lang, n=len(failures)), icon=":material/error:")
        st.code("\n".join(_page_error(f, lang) for f in failures), language=None, wrap_lines=True)


def _page_error(failure: PageError, lang: str) -> str:
    page = t("frame_page", lang) if failure.page is None else f"/{failure.page}"
    data = t("with_files" if failure.fresh else "with_last_good", lang)
    return t("page_error_line", lang, at=failure.at.isoformat(" ", "seconds"), page=page, data=data, error=failure.error)


def nothing_to_show(errors: list[DataError], failures: list[PageError], lang: str) -> None:
    """No good data at all yet (a first start with broken files): the neutral line, or on /check the staff's list.

    Why the browser's address and not st.navigation: without data there are no theme pages to register, and a
    shared link to one would meet Streamlit's "page not found" over the note."""
    if urlparse(st.context.url or "").path.rstrip("/").rsplit("/", 1)[-1] in STAFF_PATHS and staff_viewer().may_read:
        st.header(t("check", lang), divider="gray")
        data_problems(errors, failures, lang)
    else:
        st.info(t("data_none", lang), icon=":material/update:")


def static_pages(lang: str) -> None:
    """For staff: when the public's static pages were last written, from which data, and why not from the files'."""
    status = read_status(site_dir())
    if status is None:
        st.caption(t("static_none", lang))
    elif not status.written:
        st.error(t("static_failed", lang, error=escape_markdown(status.error)), icon=":material/error:")
    else:
        st.caption(t("static_written", lang, n=status.files, at=status.written, date=status.date,
                     data=t("with_files" if status.fresh else "with_last_good", lang)))
        if status.error:
            st.warning(t("static_not_fresh", lang, error=escape_markdown(status.error)), icon=":material/warning:")
