"""Who sees what about bad data: the public one neutral line; staff, on the data-check page, every located problem.

Why two audiences: `indicators.yaml:98:5: …` tells staff where to look, and tells a member of the public only that
something is broken. Public pages say at most "some figures are being updated" (no file name, no line, no link
to /check, which staff reach by its address); the data-check page and `python -m kpi validate` give the list.
"""

from __future__ import annotations

from urllib.parse import urlparse

import streamlit as st

from components.data import Loaded, PageError
from components.markdown import escape_markdown
from components.publish import SETTLING, Status, read_status, site_dir
from components.staff import staff_viewer
from kpi.data.errors import DataError
from kpi.local_time import shanghai_time
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
    return t("page_error_line", lang, at=shanghai_time(failure.at, lang), page=page, data=data, error=failure.error)


def nothing_to_show(errors: list[DataError], failures: list[PageError], lang: str) -> None:
    """No good data at all yet (a first start with broken files): the neutral line, or on /check the staff's list.

    Why the browser's address and not st.navigation: without data there are no theme pages to register, and a
    shared link to one would meet Streamlit's "page not found" over the note."""
    if urlparse(st.context.url or "").path.rstrip("/").rsplit("/", 1)[-1] in STAFF_PATHS and staff_viewer().may_read:
        st.header(t("check", lang), divider="gray")
        data_problems(errors, failures, lang)
    else:
        st.info(t("data_none", lang), icon=":material/update:")


def static_pages(loaded: Loaded, lang: str) -> None:
    """For staff: whether the dashboard and the public's static pages show the data files' current version, and if not,
    which is behind and why; when the static pages were last written, and from which data.

    Why both: the dashboard and the publisher follow one rule (kpi/data/good.py), but the publisher writes only files
    that have settled, and runs apart: the page must never say the pages are current when they are not."""
    if loaded.why:
        st.warning(t(f"behind_{loaded.why}", lang, **_held_counts(loaded)), icon=":material/warning:")
    status = read_status(site_dir())
    if status is None:
        st.caption(t("static_none", lang))
    elif not status.written:
        st.error(t("static_failed", lang, error=escape_markdown(status.error)), icon=":material/error:")
    else:
        st.caption(
            t(
                "static_written",
                lang,
                n=status.files,
                at=shanghai_time(status.written, lang),
                date=status.date,
                data=t("with_files" if status.fresh else "with_last_good", lang),
            )
        )
        files = loaded.reading.version if loaded.reading else ""
        if status.version == files:
            st.caption(t("static_current", lang))
        elif loaded.fresh or status.version != loaded.version:
            st.warning(_public_behind(status, files, lang), icon=":material/warning:")


def _held_counts(loaded: Loaded) -> dict[str, int]:
    return {"dropped": loaded.held.dropped, "total": loaded.held.total} if loaded.held else {}


def _public_behind(status: Status, files: str, lang: str) -> str:
    """Why the static pages do not show the version the dashboard read: not read yet, settling, or the publisher's error."""
    if status.files_version != files:
        return t("static_unread", lang, heartbeat=shanghai_time(status.heartbeat, lang))
    if status.behind == SETTLING:
        return t("static_settling", lang)
    return t("static_not_fresh", lang, error=escape_markdown(status.error or status.behind))
