"""The staff's sign-in server: the form, the session cookie, sign-out, and the check nginx asks before /check.

    KPI_STAFF_FILE=staff.passwords KPI_SESSIONS_DIR=.state/sessions KPI_PUBLIC_URL=https://kpi.example.cn \\
        python -m components.signin --port 8590 [--host 127.0.0.1]

Why a server of its own and not a Streamlit page: only a place that checks the password may make a viewer staff
(issue 28), and nginx asks it with `auth_request` before it passes a staff request or a websocket to Streamlit.
A small Starlette app (installed with Streamlit) answers in a few milliseconds and holds no session of Streamlit's.
Routes, as nginx passes them through:

- GET  /staff/sign-in?next=/edit&lang=en — the form (Chinese unless lang=en); who is signed in, if anyone is.
- POST /staff/sign-in (name, password, next, lang) — 303 to `next` (a local path only, else /) with the
  `kpi_session` cookie; 401 and the form again for a wrong name or password (logged with X-Real-IP); 403 when the
  Origin header names another site (a page elsewhere cannot sign a visitor in as someone).
- GET  /staff/sign-out — ends the session, clears the cookie, 303 to /staff/sign-in?signed_out=1. A GET, and safe
  so: the cookie is SameSite=Strict, so a link from another site arrives without it and ends nothing.
- GET  /staff/session[?optional=1] — for nginx's auth_request only: 200 with X-Kpi-User for a valid session, else
  401 (always 200 with `optional=1`, used on the websocket, so the app learns who is there).

Wrong passwords are limited here, per client address (X-Real-IP, which nginx sets): after FAILURES_ALLOWED in
FAILURE_WINDOW_S, 429 until the oldest ages out, whatever the password; a right password clears the count. Why here
and not only in nginx: nginx cannot tell a wrong password from a right one, so its limit_req on POST /staff/sign-in is
a flood guard set wide enough for an office behind one address signing in at nine. scrypt's cost makes each try slow
anyway. Every sign-in, sign-out and failure is logged to standard error (the supervisor keeps it).
"""

from __future__ import annotations

import argparse
import logging
import math
import os
import sqlite3
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from components.views.document import LANG_TAGS
from components.views.html import Markup, html
from components.views.style import stylesheet
from kpi.staff.sessions import (
    COOKIE,
    SESSIONS_DIR_ENV,
    STAFF_FILE_ENV,
    USER_HEADER,
    Sessions,
    sessions_from_environment,
    user_header,
)
from kpi.texts import t

LOG = logging.getLogger("kpi.signin")
PUBLIC_URL_ENV = "KPI_PUBLIC_URL"  # the same setting as the publisher's canonical address (components/publish.py)
SIGN_IN, SIGN_OUT, SESSION = "/staff/sign-in", "/staff/sign-out", "/staff/session"
MAX_FORM = 8192  # bytes: a name, a password, a path
MAX_FIELD = 1100  # characters kept of a field (a password may be 1,024)
FAILURES_ALLOWED, FAILURE_WINDOW_S = 5, 600  # wrong passwords per client address in ten minutes, then 429
HASHES_AT_ONCE = 2  # each try takes scrypt's 32 MiB: a burst of sign-ins waits its turn instead of taking the memory
HEADERS = {  # the pages hold no script, load nothing from elsewhere, and are never cached or framed
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def create_app(sessions: Sessions, public_url: str = "") -> Starlette:
    """The sign-in app over these sessions; `public_url` decides the cookie's Secure flag and the origin allowed."""
    app = Starlette(
        routes=[
            Route(SIGN_IN, show_form, methods=["GET"]),
            Route(SIGN_IN, sign_in, methods=["POST"]),
            Route(SIGN_OUT, sign_out, methods=["GET"]),
            Route(SESSION, session, methods=["GET"]),
        ]
    )
    app.state.sessions, app.state.public_url = sessions, public_url
    app.state.hashing = threading.BoundedSemaphore(HASHES_AT_ONCE)
    app.state.failures = Failures()
    return app


class Failures:
    """Wrong passwords per client address within the last window (the sign-in server is one process: memory will do;
    a restart forgets them, and nginx's limit still holds)."""

    def __init__(
        self,
        allowed: int = FAILURES_ALLOWED,
        window: float = FAILURE_WINDOW_S,
        now: Callable[[], float] = time.monotonic,
    ):
        self.allowed, self.window, self.now = allowed, window, now
        self._times: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def wait(self, client: str) -> float:
        """Seconds until this address may try again (0: now)."""
        with self._lock:
            times = self._recent(client)
            return 0.0 if len(times) < self.allowed else times[0] + self.window - self.now()

    def failed(self, client: str) -> None:
        with self._lock:
            self._times[client] = self._recent(client)
            self._times[client].append(self.now())

    def succeeded(self, client: str) -> None:
        with self._lock:
            self._times.pop(client, None)

    def _recent(self, client: str) -> deque[float]:
        """The address's failures still in the window; an address with none is not kept (a flood of addresses that
        only ask, or whose failures aged out, must not grow this)."""
        times = self._times.pop(client, deque())
        while times and times[0] <= self.now() - self.window:
            times.popleft()
        if times:
            self._times[client] = times
        return times


def local_path(target: str | None) -> str:
    """`target` when it is a path on this site (one leading /, no scheme, host, backslash or control character);
    else "/". Why so strict: browsers read `//evil`, `/\\evil` and `/<tab>/evil` as another host."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return "/"
    if "\\" in target or any(ord(c) < 0x20 or ord(c) == 0x7F for c in target):
        return "/"
    parts = urlsplit(target)
    return "/" if parts.scheme or parts.netloc else target


def origin_of(url: str) -> str:
    """`scheme://host[:port]` as a browser's Origin header writes it (lower case, no default port)."""
    parts = urlsplit(url.strip())
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    port = parts.port if parts.port not in (None, {"http": 80, "https": 443}.get(scheme)) else None
    host = f"[{host}]" if ":" in host else host
    return f"{scheme}://{host}" + (f":{port}" if port else "")


def same_origin(origin: str | None, public_url: str, host: str | None) -> bool:
    """Whether a POST may sign in: no Origin header (not a browser's cross-site form), or the public URL's origin
    (without a public URL, the Host the request came to)."""
    if origin is None:
        return True
    try:
        if public_url:
            return origin_of(origin) == origin_of(public_url)
        netloc = urlsplit(origin.strip()).netloc.lower()
        return bool(netloc) and netloc == (host or "").lower()
    except ValueError:  # a port that is not a number
        return False


def session_cookie(value: str, secure: bool) -> str:
    """The Set-Cookie value: for this site's every path, out of scripts' reach, never sent from another site's page.

    Why no Max-Age: closing the browser ends it on the browser's side (an office PC is shared); the server ends it
    after a working day idle or a week in any case."""
    flags = "; Path=/; HttpOnly; SameSite=Strict" + ("; Secure" if secure else "")
    return f"{COOKIE}={value}{flags}" + ("; Max-Age=0" if not value else "")


def _lang(value: str | None) -> str:
    return "en" if value == "en" else "zh"


def _client(request: Request) -> str:
    """The viewer's address as nginx saw it (X-Real-IP: this server listens on loopback, behind nginx only)."""
    return request.headers.get("x-real-ip") or (request.client.host if request.client else "-")


def sign_in_url(lang: str, next_path: str = "/", **extra: str) -> str:
    """The form's address, keeping where to go next and the language."""
    params = {"next": next_path if next_path != "/" else "", "lang": "en" if lang == "en" else "", **extra}
    query = urlencode({key: value for key, value in params.items() if value})
    return SIGN_IN + (f"?{query}" if query else "")


def sign_in_page(
    lang: str,
    next_path: str = "/",
    *,
    signed_in: str | None = None,
    wrong: bool = False,
    signed_out: bool = False,
    typed_name: str = "",
    too_many: int = 0,
) -> str:
    """The whole page: who is signed in, or the form (with the refusal, or the sign-out's confirmation, above it)."""
    if signed_in is not None:
        body = html(
            '<p>{}</p><p><a href="{}">{}</a> · <a href="{}">{}</a></p>',
            t("signin_as", lang, name=signed_in),
            next_path,
            t("signin_continue", lang),
            SIGN_OUT + ("?lang=en" if lang == "en" else ""),
            t("sign_out", lang),
        )
    else:
        body = html("{}{}", _notice(lang, wrong, signed_out, too_many), _form(lang, next_path, typed_name))
    return _document(lang, next_path, body)


def refusal_page(lang: str) -> str:
    """For a form posted from another site: what to do instead, and the way to this site's form."""
    return _document(
        lang,
        "/",
        html(
            '<p class="kb-alert" role="alert">{}</p><p><a href="{}">{}</a></p>',
            t("signin_foreign", lang),
            sign_in_url(lang),
            t("signin_title", lang),
        ),
    )


def _document(lang: str, next_path: str, body: Markup) -> str:
    """The page around `body`: the site's stylesheet inline (nothing asked of another host), the other language's link."""
    other = "zh" if lang == "en" else "en"
    switch = html(
        '<p class="kb-note"><a href="{}" lang="{}" hreflang="{}">{}</a></p>',
        sign_in_url(other, next_path),
        LANG_TAGS[other],
        LANG_TAGS[other],
        t("signin_other_lang", lang),
    )
    return str(
        html(
            '<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">'
            '<title>{title} · {site}</title><link rel="icon" type="image/png" href="/assets/favicon.png">'
            '<style>{style}</style></head><body class="kb-site"><main class="kb kb-signin"><h1>{title}</h1>{body}{switch}'
            "</main></body></html>",
            lang=LANG_TAGS[lang],
            title=t("signin_title", lang),
            site=t("app_title", lang),
            style=Markup(stylesheet()),
            body=body,
            switch=switch,
        )
    )


def _notice(lang: str, wrong: bool, signed_out: bool, too_many: int = 0) -> Markup:
    """The line above the form: the refusal (read out by a screen reader at once), or that the sign-out worked."""
    if too_many:
        return html('<p class="kb-alert" role="alert">{}</p>', t("signin_too_many", lang, minutes=too_many))
    if wrong:
        return html('<p class="kb-alert" role="alert">{}</p>', t("signin_wrong", lang))
    return html('<p role="status">{}</p>', t("signed_out", lang)) if signed_out else Markup()


def _form(lang: str, next_path: str, typed_name: str) -> Markup:
    """Name and password, posted here; the name typed is kept after a refusal (the cursor then in the password), the
    password never."""
    focus = (Markup(""), Markup(" autofocus")) if typed_name else (Markup(" autofocus"), Markup(""))
    return html(
        '<form method="post" action="{action}"><input type="hidden" name="next" value="{next}">'
        '<input type="hidden" name="lang" value="{lang}">'
        '<label>{name} <input name="name" value="{typed}" autocomplete="username" maxlength="40" required{focus[0]}></label>'
        '<label>{password} <input type="password" name="password" autocomplete="current-password" required{focus[1]}>'
        '</label><button type="submit">{button}</button></form>',
        action=SIGN_IN,
        next=next_path,
        lang=lang,
        name=t("signin_name", lang),
        typed=typed_name,
        password=t("signin_password", lang),
        button=t("signin_button", lang),
        focus=focus,
    )


def _page(text: str, status: int) -> HTMLResponse:
    return HTMLResponse(text, status_code=status, headers=HEADERS)


async def show_form(request: Request) -> Response:
    """GET /staff/sign-in."""
    lang, next_path = _lang(request.query_params.get("lang")), local_path(request.query_params.get("next"))
    name = await run_in_threadpool(request.app.state.sessions.verify, request.cookies.get(COOKIE))
    return _page(
        sign_in_page(lang, next_path, signed_in=name, signed_out=request.query_params.get("signed_out") == "1"), 200
    )


async def read_form(request: Request) -> dict[str, str] | None:
    """The posted fields (URL-encoded, as the form sends them), each cut to MAX_FIELD; None past MAX_FORM bytes."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM:
            return None
    try:
        fields = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=8)
    except ValueError:
        return None
    return {key: values[0][:MAX_FIELD] for key, values in fields.items()}


async def sign_in(request: Request) -> Response:
    """POST /staff/sign-in: a session and its cookie for the right name and password, and a way back to `next`."""
    state = request.app.state
    form = await read_form(request)
    lang = _lang((form or {}).get("lang"))
    if not same_origin(request.headers.get("origin"), state.public_url, request.headers.get("host")):
        LOG.warning("sign-in refused: foreign origin %r from %s", request.headers.get("origin"), _client(request))
        return _page(refusal_page(lang), 403)
    if form is None:
        return Response("form too large", status_code=413, headers=HEADERS)
    name, next_path, client = form.get("name", "").strip(), local_path(form.get("next")), _client(request)
    wait = state.failures.wait(client)
    if wait > 0:  # too many wrong passwords from this address: not even checked
        LOG.warning("sign-in refused: too many wrong passwords from %s (name %r)", client, name)
        page = _page(sign_in_page(lang, next_path, too_many=math.ceil(wait / 60), typed_name=name), 429)
        page.headers["Retry-After"] = str(math.ceil(wait))
        return page
    cookie = await run_in_threadpool(_start, request, name, form.get("password", ""))
    if cookie is None:
        state.failures.failed(client)
        LOG.warning("failed sign-in: name %r from %s", name, client)
        return _page(sign_in_page(lang, next_path, wrong=True, typed_name=name), 401)
    state.failures.succeeded(client)
    await run_in_threadpool(state.sessions.end, request.cookies.get(COOKIE))  # a session replaced is a session ended
    LOG.info("signed in: %r from %s", name, _client(request))
    response = RedirectResponse(next_path, status_code=303, headers=HEADERS)
    response.headers.append("Set-Cookie", session_cookie(cookie, state.public_url.startswith("https://")))
    return response


def _start(request: Request, name: str, password: str) -> str | None:
    """Sessions.start, a few at a time (in a worker thread: the wait blocks no other request)."""
    with request.app.state.hashing:
        return request.app.state.sessions.start(name, password)


async def sign_out(request: Request) -> Response:
    """GET /staff/sign-out: the session ended on the server, the cookie cleared, the form says so."""
    sessions, cookie = request.app.state.sessions, request.cookies.get(COOKIE)
    name = await run_in_threadpool(sessions.verify, cookie)
    await run_in_threadpool(sessions.end, cookie)
    if name is not None:
        LOG.info("signed out: %r from %s", name, _client(request))
    lang = _lang(request.query_params.get("lang"))
    response = RedirectResponse(sign_in_url(lang, signed_out="1"), status_code=303, headers=HEADERS)
    response.headers.append("Set-Cookie", session_cookie("", request.app.state.public_url.startswith("https://")))
    return response


async def session(request: Request) -> Response:
    """GET /staff/session: nginx's question "who is this?", answered in X-Kpi-User.

    Why a database error is "nobody" and not an error: nginx asks on every websocket (optional=1), so an error would
    cost the public its interactive views; a staff page is refused (401) until the database answers again."""
    try:
        name = await run_in_threadpool(request.app.state.sessions.verify, request.cookies.get(COOKIE))
    except sqlite3.Error:
        LOG.exception("the sessions database did not answer: nobody is signed in meanwhile")
        name = None
    known = {USER_HEADER: user_header(name)} if name is not None else {}
    status = 200 if name is not None or request.query_params.get("optional") == "1" else 401
    return Response(status_code=status, headers={**HEADERS, **known})


def main(argv: list[str]) -> int:
    """Serve the app with uvicorn until stopped; a missing setting is a message and exit 2."""
    parser = argparse.ArgumentParser(prog="python -m components.signin", description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True, help="the port to listen on")
    parser.add_argument(
        "--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1, behind nginx)"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(asctime)s signin %(levelname)s: %(message)s")
    sessions = sessions_from_environment(os.environ)
    if sessions is None:
        parser.error(f"set {STAFF_FILE_ENV} (the password file) and {SESSIONS_DIR_ENV} (the sessions directory)")
    if not Path(os.environ[STAFF_FILE_ENV]).is_file():
        LOG.warning(
            "%s: no password file yet: nobody can sign in (python -m kpi staff add NAME FILE)",
            os.environ[STAFF_FILE_ENV],
        )
    import uvicorn  # only to serve: tests import the app without it

    uvicorn.run(
        create_app(sessions, os.environ.get(PUBLIC_URL_ENV, "")),
        host=args.host,
        port=args.port,
        access_log=False,
        log_level="info",
        proxy_headers=False,
        server_header=False,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
