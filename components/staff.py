"""Who is this viewer: a signed-in staff member (by name), someone on a staff network, or the public.

Why the app asks too, not only nginx: Streamlit draws every page over one websocket, so a viewer who may not load
/check could still ask for its page over the websocket of any other page. Behind scripts/deploy/, nginx sets on
every request it passes on (the websocket's included) three headers a viewer cannot set:

- X-Kpi-Proxy: the deploy's secret, also given to the Streamlit processes as KPI_PROXY_SECRET. The other two count
  only when it matches, so a Streamlit port reached directly, around nginx, is a public viewer;
- X-Kpi-User: who is signed in, from the sign-in server's answer to nginx's auth_request (components/signin.py),
  percent-encoded; empty when nobody is;
- X-Kpi-Staff-Network: 1 when the viewer's address is in a staff network (the default deploy has none).

A name may read the staff pages and save; a staff network may only read (every change needs an author). Without
the deploy (`streamlit run app.py`, AppTest: a developer's machine) the staff pages are readable and nobody can
save. A save asks `signed_in_now()`, which checks the session cookie again at that moment, so a session ended since
the page opened (a sign-out in another tab, a new password) saves nothing.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import streamlit as st

from components.signin import SIGN_OUT
from components.views.html import Markup, html
from kpi.staff.sessions import (
    COOKIE,
    SESSIONS_DIR_ENV,
    STAFF_FILE_ENV,
    USER_HEADER,
    Sessions,
    sessions_from_environment,
    user_from_header,
)
from kpi.texts import t

__all__ = [
    "NETWORK_HEADER",
    "PROXY_HEADER",
    "PROXY_SECRET_ENV",
    "USER_HEADER",
    "StaffViewer",
    "signed_in_html",
    "signed_in_now",
    "staff_viewer",
    "viewer_from",
]

PROXY_SECRET_ENV = "KPI_PROXY_SECRET"
PROXY_HEADER, NETWORK_HEADER = "X-Kpi-Proxy", "X-Kpi-Staff-Network"


@dataclass(frozen=True)
class StaffViewer:
    """Who nginx says the viewer is: the signed-in name, and whether they are on a staff network."""

    name: str | None = None
    network: bool = False

    @property
    def may_read(self) -> bool:
        """The staff pages (/check, /edit) open for a name or a staff network."""
        return self.name is not None or self.network

    @property
    def may_save(self) -> bool:
        """Only a name saves: every change has an author."""
        return self.name is not None


def viewer_from(headers: Mapping[str, str], secret: str | None) -> StaffViewer:
    """The viewer these request headers describe, behind a deploy with this proxy secret (None: no deploy)."""
    if not secret:
        return StaffViewer(None, network=True)  # a developer's machine: read, never save
    given = headers.get(PROXY_HEADER) or ""
    if not hmac.compare_digest(given.encode("utf-8", "replace"), secret.encode("utf-8")):
        return StaffViewer()  # not from our nginx: the public
    return StaffViewer(user_from_header(headers.get(USER_HEADER)), headers.get(NETWORK_HEADER) == "1")


def staff_viewer() -> StaffViewer:
    """This websocket's viewer (the headers of the request that opened it)."""
    return viewer_from(st.context.headers, os.environ.get(PROXY_SECRET_ENV))


def signed_in_now() -> str | None:
    """The name to save as, checked now: the viewer's session cookie must still name the person nginx named."""
    viewer = staff_viewer()
    sessions = _sessions(os.environ.get(SESSIONS_DIR_ENV, ""), os.environ.get(STAFF_FILE_ENV, ""))
    if not viewer.may_save or sessions is None:
        return None
    name = sessions.verify(st.context.cookies.get(COOKIE))
    return name if name == viewer.name else None


@lru_cache(maxsize=4)
def _sessions(directory: str, password_file: str) -> Sessions | None:
    """One Sessions a process (it keeps the key and the parsed password file; safe from any thread)."""
    return sessions_from_environment({SESSIONS_DIR_ENV: directory, STAFF_FILE_ENV: password_file})


def signed_in_html(name: str, lang: str) -> Markup:
    """ "Signed in as 张伟 · Sign out", for the staff pages."""
    return html(
        '<p class="kb kb-note">{} · <a href="{}" target="_self">{}</a></p>',
        t("signin_as", lang, name=name),
        SIGN_OUT + ("?lang=en" if lang == "en" else ""),
        t("sign_out", lang),
    )
