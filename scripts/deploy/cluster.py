"""The dashboard as the public gets it, run by supervisord: nginx in front (public pages as static files, everything
interactive from the Streamlit processes, the staff's sign-in), the publisher and the sign-in server behind it.

    bash scripts/deploy/start   [OPTIONS]            supervisord as a daemon; returns once everything answers
    bash scripts/deploy/restart [--run-dir DIR]      Streamlit one process at a time, the publisher and the sign-in
                                                     server restarted, nginx reloaded: no viewer is refused
    bash scripts/deploy/stop    [--run-dir DIR]
    bash scripts/run            [OPTIONS]            the same in the foreground (supervisord -n) until Ctrl-C
    python scripts/deploy/cluster.py configure [OPTIONS]   only write the configuration (the systemd unit does this)

OPTIONS: --processes 2, --port 8500, --first-port 8601, --sign-in-port (default: the first port − 1),
--listen 127.0.0.1, --data-dir DIR, --run-dir DIR (default .state/deploy), --public-url URL, --staff-file FILE (the
password file of `python -m kpi staff add`; default: staff.passwords in the run directory), --staff-network CIDR
(repeatable; none by default), --trusted-proxy CIDR
(repeatable: the TLS proxy or CDN connector in front, whose X-Forwarded-For names the client), --log-max-bytes,
--log-backups.

This file only writes the configuration (nginx.conf and its snippets, supervisord.conf, in the run directory) and
asks supervisord to start, restart and stop. Why supervisord (Debian's `supervisor`): a dead process is started
again within a second, logs are rotated, a rolling restart and nginx's reload are one call each over its socket,
and the same configuration runs in the foreground (`scripts/run`, CI), as a daemon (`scripts/deploy/start`) and
at boot (scripts/deploy/dongming-dashboard.service runs `supervisord -n`).

Why static pages first: a shared link on a phone on a slow network is answered by one small file, before any
script, also while the Streamlit processes restart (components/publish.py keeps the files current). Why several
processes: one Streamlit process runs every session's script under one GIL, so a second core needs a second
process; with two or more, `restart` refuses no one (nginx sends a stopped process's viewers to the other). Each
reads the same data directory (KPI_DATA_DIR) and signs cookies with the same secret (STREAMLIT_SERVER_COOKIE_SECRET,
else one kept in the run directory). Who is staff (the contracts' "Who is staff"): a signed-in staff member or a
--staff-network; nginx tells Streamlit in X-Kpi-User and X-Kpi-Staff-Network, vouched for by X-Kpi-Proxy, a
per-deploy secret kept in the run directory (mode 0600) that the processes also get as KPI_PROXY_SECRET.
`start` on a deploy that is running refuses and says to use `restart` (a stop and a start would refuse viewers).
"""

from __future__ import annotations

import argparse
import os
import pwd
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import xmlrpc.client
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

DEPLOY_DIR = Path(__file__).resolve().parent
REPO_ROOT = DEPLOY_DIR.parent.parent
sys.path.insert(0, str(REPO_ROOT))  # run as a script: the routes come from the app's own code

from components.publish import BASE_URL_ENV, CURRENT, SITE_ENV  # noqa: E402
from components.staff import PROXY_SECRET_ENV  # noqa: E402
from components.supervisor import SOCKET_ENV, connect  # noqa: E402
from kpi.site import (  # noqa: E402
    DEFAULT_LANG,
    FIXED_PAGES,
    INDEX,
    PAGE_NOT_FOUND,
    PARAM_ORDER,
    STAFF_PATHS,
    STATIC_PARAMS,
)
from kpi.staff.sessions import SESSIONS_DIR_ENV, STAFF_FILE_ENV  # noqa: E402
from kpi.texts import LANGS  # noqa: E402

TEMPLATE = DEPLOY_DIR / "nginx.conf.template"
RUN_DIR = REPO_ROOT / ".state" / "deploy"
SECRET_ENV = "STREAMLIT_SERVER_COOKIE_SECRET"
ROUTE_COOKIE = "kpi_route"
PAGE_NAME = "[a-z][a-z0-9_]*"  # a page's path: a fixed page's or a theme's id (kpi/data/model.py)
# A static page (and its not-found page, robots.txt, sitemap.xml and the downloads): kept by a browser or a CDN for a
# minute, then revalidated with its ETag or Last-Modified; served stale meanwhile for up to ten minutes.
HTML_CACHE = "public, max-age=60, stale-while-revalidate=600"
START_TIMEOUT_S = 90.0
# Sign-in POSTs per client address, right or wrong (nginx cannot tell): a flood guard, wide enough for an office behind
# one address signing in at once; wrong passwords meet the sign-in server's own, tighter limit (components/signin.py).
SIGN_IN_RATE, SIGN_IN_BURST = "20r/m", 20
LOG_MAX_BYTES, LOG_BACKUPS = 10 * 1024 * 1024, 5
PUBLISHER, SIGN_IN, NGINX = "publisher", "sign-in", "nginx"
STAFF_FILE = "staff.passwords"  # in the run directory, when --staff-file is not given (nobody can sign in until made)
# Debian's libnginx-mod-http-brotli-filter (bash scripts/test installs it with nginx).
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")
MIME_TYPES = Path("/etc/nginx/mime.types")
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")
# A static page holds one connection; 4,096 serve 2,000 viewers at once with room for Streamlit's two per viewer.
CONNECTIONS = 4096


@dataclass(frozen=True)
class Options:
    """Everything `start` and `configure` are told (the command line's options)."""

    port: int = 8500
    backends: tuple[int, ...] = (8601, 8602)
    sign_in_port: int = 0  # 0: the first backend's port − 1
    listen: str = "127.0.0.1"
    data_dir: Path | None = None  # default: $KPI_DATA_DIR, else the repository
    public_url: str = ""  # default: $KPI_PUBLIC_URL, else http://localhost:PORT
    staff_file: Path | None = None  # default: staff.passwords in the run directory
    staff_networks: tuple[str, ...] = ()
    trusted_proxies: tuple[str, ...] = ()
    script: Path | None = None  # another Streamlit script than app.py (the benchmark's floor page)
    log_max_bytes: int = LOG_MAX_BYTES
    log_backups: int = LOG_BACKUPS

    @property
    def sign_in(self) -> int:
        return self.sign_in_port or self.backends[0] - 1


@dataclass(frozen=True)
class Cluster:
    """What `start` brought up: the address viewers use, the run directory, and each Streamlit process by port."""

    url: str
    run_dir: Path
    processes: dict[int, int]  # port → pid, at start (supervisord starts a dead one again with a new pid)


class AlreadyRunning(RuntimeError):
    """`start` on a run directory whose supervisord is running."""


# ── Secrets, kept in the run directory ──


def kept_secret(path: Path) -> str:
    """The secret in `path` (mode 0600), made the first time: the same across restarts of one run directory."""
    if not path.exists():
        path.touch(mode=0o600)
        path.write_text(secrets.token_hex(32))
    path.chmod(0o600)
    return path.read_text().strip()


def cookie_secret(environ: dict[str, str], kept: Path | None = None) -> str:
    """The shared cookie secret from the environment, else the one kept in the run directory (a notice when new)."""
    if environ.get(SECRET_ENV):
        return environ[SECRET_ENV]
    if kept is not None and kept.exists():
        return kept_secret(kept)
    print(
        f"{SECRET_ENV} is not set: generated one for these processes. Set it to keep viewers' cookies "
        "valid across machines.",
        file=sys.stderr,
    )
    return kept_secret(kept) if kept is not None else secrets.token_hex(32)


# ── nginx ──


def static_maps() -> str:
    """nginx's maps from kpi/site.py's route table, so the file names, the one spelling of an address and the kinds of
    not-found page are written once: $kb_file (the file that answers a static-shaped address), $kb_respell (another
    spelling: sent to $kb_one_path$kb_query_part), $kb_interactive (a parameter no static page answers: Streamlit's),
    $kb_what_if (a what-if date: Streamlit's when no file answers) and $kb_not_found_kind with $kb_lang_seen (which
    not-found page, in the visitor's language)."""
    value = "[A-Za-z0-9_.-]+"
    maps = [
        _map("$uri", "$kb_page", [('"/"', '"index"'), (f'"~^/(?<kb_name>{PAGE_NAME})$"', "$kb_name")], '"!"'),
        _map(
            "$uri",
            "$kb_path_respelled",
            [(f'"/{INDEX}"', '"/"'), (f'"/{INDEX}.html"', '"/"'), (f'"~^/(?<kb_slash>{PAGE_NAME})/$"', '"/$kb_slash"')],
            '""',
        ),
        _map(
            "$arg_lang",
            "$kb_lang",
            [('""', f'"{DEFAULT_LANG}"'), *((f'"{lang}"', f'"{lang}"') for lang in LANGS)],
            '"!"',
        ),
        _map("$arg_lang", "$kb_lang_seen", [(f'"{lang}"', f'"{lang}"') for lang in LANGS], f'"{DEFAULT_LANG}"'),
    ]
    for name in STATIC_PARAMS:  # its part of the file name, or a name no file has
        maps.append(
            _map(f"$arg_{name}", f"$kb_{name}", [('""', '""'), (f'"~^{value}$"', f'"~{name}=$arg_{name}"')], '"~!"')
        )
    for name in PARAM_ORDER:  # its part of the one spelling; "!" for a value no page has (not found, never respelled)
        empty = [('""', '""')] + ([(f'"{DEFAULT_LANG}"', '""')] if name == "lang" else [])
        maps.append(
            _map(f"$arg_{name}", f"$kb_q_{name}", [*empty, (f'"~^{value}$"', f'"&{name}=$arg_{name}"')], '"&!"')
        )
    names = "|".join(PARAM_ORDER)
    maps += [
        _map("$args", "$kb_static", [('""', "1"), (f'"~^(?:{names})=[^&]*(?:&(?:{names})=[^&]*)*$"', "1")], "0"),
        _map(
            '"' + "".join(f"$kb_q_{name}" for name in PARAM_ORDER) + '"',
            "$kb_query",
            [('"~!"', '"!"'), ('"~^&(?<kb_rest>.*)$"', "$kb_rest")],
            '""',
        ),
        # Respelled: a static-shaped address whose path or query is not written in its one spelling.
        # The path's one spelling: the respelled one, else the page's own; none for a path no page has.
        _map("$kb_page", "$kb_page_path", [(f'"{INDEX}"', '"/"'), ('"!"', '""')], '"/$kb_page"'),
        _map("$kb_path_respelled", "$kb_one_path", [('""', "$kb_page_path")], "$kb_path_respelled"),
        # Respelled: a static-shaped address of a page whose path or query is not written in its one spelling (not a
        # value no page has, nor a path no page has: those are not found).
        _map(
            '"$kb_static $kb_one_path $kb_path_respelled $kb_query $args"',
            "$kb_respell",
            [
                ('"~^0 "', "0"),
                ('"~^1 [^ ]* [^ ]* ! "', "0"),
                ('"~^1  "', "0"),
                ('"~^1 [^ ]+  ([^ ]*) \\1$"', "0"),
            ],
            "1",
        ),
        _map("$kb_query", "$kb_query_part", [('""', '""')], '"?$kb_query"'),
        _map('"$kb_page $kb_static"', "$kb_interactive", [('"~^! "', "0"), ('"~ 0$"', "1")], "0"),
        _map('"$kb_page $arg_as_of"', "$kb_what_if", [('"~^! "', "0"), ('"~ .+$"', "1")], "0"),
        _map(
            "$kb_page",
            "$kb_not_found_kind",
            [(f'"{page.path}"', f'"{page.item}"') for page in FIXED_PAGES if page.item],
            f'"{PAGE_NOT_FOUND}"',
        ),
    ]
    file = "/$kb_page/$kb_lang" + "".join(f"$kb_{name}" for name in STATIC_PARAMS) + ".html"
    maps.append(_map("$kb_static", "$kb_file", [("1", f'"{file}"')], '"/!"'))
    return "\n".join(maps)


def _map(source: str, target: str, rows: list[tuple[str, str]], default: str) -> str:
    """One nginx map, its rows in order (nginx tries regular expressions in the order written)."""
    width = max((len(key) for key, _ in rows), default=7)
    lines = [f"        {key.ljust(width)} {result};" for key, result in rows]
    return "\n".join([f"    map {source} {target} {{", f"        {'default'.ljust(width)} {default};", *lines, "    }"])


def public_url(options: Options, environ: dict[str, str]) -> str:
    """The site's public address: the option, else $KPI_PUBLIC_URL, else this machine's port."""
    return (options.public_url or environ.get(BASE_URL_ENV) or f"http://localhost:{options.port}").rstrip("/")


def origins(url: str, port: int) -> list[str]:
    """The websocket origins allowed: the public URL's, and this machine's addresses when the deploy is local."""
    parts = urlsplit(url)
    allowed = [f"{parts.scheme}://{parts.netloc}"]
    if parts.hostname in ("localhost", "127.0.0.1", "::1"):
        allowed += [f"http://{host}:{port}" for host in LOCAL_HOSTS]
    return list(dict.fromkeys(allowed))


def nginx_config(
    options: Options, run_dir: Path, environ: dict[str, str] | None = None, brotli: Path | None = BROTLI_MODULE
) -> str:
    """The template filled in for this run; brotli compression when Debian's module is installed."""
    with_brotli = brotli is not None and brotli.exists()
    # Started by root, nginx would run its workers as `nobody`, who cannot write the static-file cache in a private
    # run directory; they run as the directory's owner instead, as they do when a non-root user starts nginx.
    user = f"user {pwd.getpwuid(run_dir.stat().st_uid).pw_name};" if os.geteuid() == 0 and run_dir.exists() else ""
    url = public_url(options, environ or {})
    values = {
        "run_dir": str(run_dir),
        "port": str(options.port),
        "listen": options.listen,
        "cookie": ROUTE_COOKIE,
        # max_fails=0: a stopped process on loopback refuses at once, so nginx tries it each time rather than marking it
        # down for a while; marked down, it would still count as down while `restart` stops the other (502 for all).
        "servers": "\n".join(f"        server 127.0.0.1:{p} max_fails=0;" for p in options.backends),
        "sign_in_port": str(options.sign_in),
        "user": user,
        "site": str(run_dir / "site"),
        "mime_types": str(MIME_TYPES),
        "connections": str(CONNECTIONS),
        "open_files": str(CONNECTIONS * 2),
        "static_maps": static_maps(),
        "html_cache": HTML_CACHE,
        "staff_paths": "|".join(sorted(STAFF_PATHS)),
        "sign_in_rate": SIGN_IN_RATE,
        "sign_in_burst": str(SIGN_IN_BURST),
        "staff_networks": "\n".join(f"        {network} 1;" for network in options.staff_networks),
        "staff_allow": "\n".join(f"            allow {network};" for network in options.staff_networks),
        "trusted_proxies": "".join(f"    set_real_ip_from {proxy};\n" for proxy in options.trusted_proxies)
        + ("    real_ip_header X-Forwarded-For;\n    real_ip_recursive on;\n" if options.trusted_proxies else ""),
        "origins": "\n".join(f'        "{origin}" 1;' for origin in origins(url, options.port)),
        "brotli_module": f"load_module {brotli};" if with_brotli else "",
        "brotli": "    brotli on;\n    brotli_comp_level 5;\n    brotli_types text/css application/javascript "
        "text/javascript application/json image/svg+xml text/plain;"
        if with_brotli
        else "",
        "brotli_off": "            brotli off;" if with_brotli else "",
    }
    return fill(TEMPLATE.read_text(encoding="utf-8"), values)


def fill(text: str, values: dict[str, str]) -> str:
    """`{{name}}` replaced by its value."""
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    return text


def proxy_headers(secret: str, scheme: str) -> str:
    """The one snippet every location that proxies includes (nginx does not inherit proxy_set_header into a location
    that sets its own): Streamlit sees the host the viewer asked for, and who nginx vouches the viewer is. Not the
    websocket's Upgrade: the websocket's location adds it, and the sign-in server's session check (a subrequest of
    that location) must stay a plain GET."""
    return "\n".join(
        [
            "# Written by scripts/deploy/cluster.py: every request nginx passes on carries these (a viewer's own are replaced).",
            "proxy_set_header Host $http_host;  # not $host, which drops the port: see the template (gixy: host_spoofing)",
            "proxy_set_header X-Forwarded-Host $http_host;",
            "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
            f"proxy_set_header X-Forwarded-Proto {scheme};  # the public URL's: a TLS proxy in front speaks http to us",
            "proxy_set_header X-Real-IP $remote_addr;",
            f"proxy_set_header X-Kpi-Proxy {secret};",
            "proxy_set_header X-Kpi-User $kb_user;",
            "proxy_set_header X-Kpi-Staff-Network $kb_staff_network;",
            'proxy_set_header X-Kpi-Staff "";  # the scheme before issue 28: never passed on',
            "",
        ]
    )


# Every response: no sniffing, no referrer to other sites, no framing by anyone (frame-ancestors), and a policy that
# lets a page load only from this server. The static pages and Streamlit need different policies (measured in
# Chromium by tests/browser/test_headers.py, which loads each and collects violations).
COMMON_HEADERS = (
    'add_header X-Content-Type-Options "nosniff" always;\nadd_header Referrer-Policy "same-origin" always;\n'
)
# Static pages: their stylesheet is inline (one request on a slow phone), and a page that names an item (?term=,
# ?target=) scrolls to it with a one-line inline script; charts are SVG in the page (no script file since issue 32). The
# not-found page, which any path may show (/economy/x), resolves its relative links from the site's root: <base>, this
# server's only ('self').
STATIC_POLICY = (
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'self'; "
    "base-uri 'self'; frame-ancestors 'none'"
)
# Streamlit: styles are injected at run time (emotion) and the font face nginx adds is inline; the websocket is this
# server's; images and workers may be blob: URLs. Scripts: the app's own run in st.html (the page's language, a named
# item scrolled into view, meeting mode's rotation), which the frontend inserts as inline scripts whose text depends
# on the page and the data, so no hash can list them and Streamlit gives no nonce: 'unsafe-inline', but only this
# server's files. 'wasm-unsafe-eval': Streamlit's protobuf decoder compiles WebAssembly (Chromium reports
# "wasm-eval" without it); it allows WebAssembly only, not JavaScript's eval — no 'unsafe-eval' is needed.
STREAMLIT_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
    "connect-src 'self'; worker-src 'self' blob:; frame-src 'self'; form-action 'self'; base-uri 'self'; "
    "object-src 'none'; frame-ancestors 'none'"
)


# The sign-in server's pages (components/signin.py): a form and its style, nothing else. It sends the same headers
# itself; nginx hides those and sends these, so each comes once.
SIGN_IN_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
HIDDEN = "".join(
    f"proxy_hide_header {name};\n" for name in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy")
)


def headers(policy: str) -> str:
    """A snippet of response headers (nginx does not inherit add_header into a location that adds its own)."""
    return f'{COMMON_HEADERS}add_header Content-Security-Policy "{policy}" always;\n'


def nginx_binary() -> str:
    """Debian's nginx (in /usr/sbin, which a non-root PATH may lack)."""
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if found is None:
        raise RuntimeError("nginx is missing: `apt-get install nginx` (bash scripts/test installs it)")
    return found


# ── supervisord ──


def supervisord_binary(name: str = "supervisord") -> str:
    """Debian's supervisord (or supervisorctl)."""
    found = shutil.which(name) or shutil.which(name, path="/usr/bin:/usr/local/bin")
    if found is None:
        raise RuntimeError(f"{name} is missing: `apt-get install supervisor` (bash scripts/run installs it)")
    return found


def streamlit_command(port: int, script: Path | None = None) -> list[str]:
    """The dashboard (app.py) or another Streamlit script (the benchmark's floor page) on one port."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script or REPO_ROOT / "app.py"),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]


def quoted(value: str) -> str:
    """A value for supervisord's configuration, where % starts an expansion."""
    return value.replace("%", "%%")


def program(
    name: str,
    command: list[str],
    run_dir: Path,
    options: Options,
    env: dict[str, str],
    *,
    autostart: bool = True,
    priority: int = 100,
    extra: str = "",
) -> str:
    """One [program:…] section: restarted at once when it dies, its output in a rotated log of its own."""
    environment = ",".join(f'{key}="{quoted(value)}"' for key, value in sorted(env.items()))
    logs, output = run_dir / "logs", extra or "redirect_stderr=true\n"
    return (
        f"[program:{name}]\ncommand={quoted(shlex.join(command))}\ndirectory={quoted(str(REPO_ROOT))}\n"
        f"environment={environment}\nautostart={str(autostart).lower()}\nautorestart=true\n"
        f"startsecs=1\nstartretries=20\npriority={priority}\nstopasgroup=true\nkillasgroup=true\n"
        f"stopwaitsecs=10\n{output}"
        f"stdout_logfile={quoted(str(logs / (name + '.log')))}\nstdout_logfile_maxbytes={options.log_max_bytes}\n"
        f"stdout_logfile_backups={options.log_backups}\n"
    )


def supervisord_config(options: Options, run_dir: Path, env: dict[str, str]) -> str:
    """supervisord.conf: its socket (mode 0700) and logs in the run directory, then every program."""
    logs, python = run_dir / "logs", sys.executable
    nginx_logs = (
        f"stderr_logfile={quoted(str(logs / 'nginx-error.log'))}\nstderr_logfile_maxbytes={options.log_max_bytes}\n"
        f"stderr_logfile_backups={options.log_backups}\n"
    )
    sections = [
        f"; Written by scripts/deploy/cluster.py for {run_dir}: run `cluster.py configure` again, not an editor.\n"
        f"[unix_http_server]\nfile={quoted(str(run_dir / 'supervisor.sock'))}\nchmod=0700\n",
        f"[supervisord]\nlogfile={quoted(str(logs / 'supervisord.log'))}\nlogfile_maxbytes={min(options.log_max_bytes, 1 << 20)}\n"
        f"logfile_backups={options.log_backups}\npidfile={quoted(str(run_dir / 'supervisord.pid'))}\n"
        f"childlogdir={quoted(str(logs))}\ndirectory={quoted(str(REPO_ROOT))}\n",
        "[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n",
        f"[supervisorctl]\nserverurl=unix://{quoted(str(run_dir / 'supervisor.sock'))}\n",
        program(
            PUBLISHER,
            [python, "-m", "components.publish", "--watch", "--site", str(run_dir / "site")],
            run_dir,
            options,
            env,
            priority=10,
        ),
        program(
            SIGN_IN,
            [python, "-m", "components.signin", "--port", str(options.sign_in)],
            run_dir,
            options,
            env,
            priority=20,
        ),
        *(
            program(f"streamlit-{port}", streamlit_command(port, options.script), run_dir, options, env, priority=30)
            for port in options.backends
        ),
        # Last, and stopped first: viewers meet nginx only once what it passes them to has started.
        program(
            NGINX,
            [nginx_binary(), "-p", str(run_dir), "-c", str(run_dir / "nginx.conf"), "-e", "stderr"],
            run_dir,
            options,
            {},
            priority=90,
            extra=nginx_logs,
        ),
    ]
    return "\n".join(sections)


def program_env(options: Options, run_dir: Path, environ: dict[str, str]) -> dict[str, str]:
    """What every program is told: the data, the site, the secrets, the staff's files and supervisord's socket."""
    passed = {k: v for k, v in environ.items() if k.startswith(("KPI_", "STREAMLIT_"))}  # e.g. KPI_STATE_DIR
    data = Path(options.data_dir or environ.get("KPI_DATA_DIR") or REPO_ROOT).resolve()
    env = {
        **passed,
        SECRET_ENV: cookie_secret(environ, run_dir / "cookie-secret"),
        "KPI_DATA_DIR": str(data),
        SITE_ENV: str(run_dir / "site"),
        BASE_URL_ENV: public_url(options, environ),
        PROXY_SECRET_ENV: kept_secret(run_dir / "proxy-secret"),
        SESSIONS_DIR_ENV: str(run_dir / "sessions"),
        SOCKET_ENV: str(run_dir / "supervisor.sock"),
        STAFF_FILE_ENV: str((options.staff_file or run_dir / STAFF_FILE).resolve()),
    }
    return env


def configure(options: Options, run_dir: Path = RUN_DIR, environ: dict[str, str] | None = None) -> Path:
    """Write nginx's and supervisord's configuration into the run directory; return supervisord.conf's path."""
    environ = dict(os.environ if environ is None else environ)
    run_dir = run_dir.resolve()
    for folder in (
        "logs",
        "site",
        "sessions",
        *(f"tmp/{name}" for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")),
    ):
        (run_dir / folder).mkdir(parents=True, exist_ok=True)
    (run_dir / "sessions").chmod(0o700)
    env = program_env(options, run_dir, environ)
    files = {
        "nginx.conf": nginx_config(options, run_dir, environ),
        "proxy_headers.conf": proxy_headers(env[PROXY_SECRET_ENV], urlsplit(env[BASE_URL_ENV]).scheme),
        "headers_static.conf": headers(STATIC_POLICY),
        "headers_streamlit.conf": headers(STREAMLIT_POLICY),
        "headers_sign_in.conf": HIDDEN + headers(SIGN_IN_POLICY),
        "supervisord.conf": supervisord_config(options, run_dir, env),
    }
    for name, text in files.items():
        path = run_dir / name
        path.touch(mode=0o600)
        path.chmod(0o600)  # the secrets are in them
        path.write_text(text, encoding="utf-8")
    return run_dir / "supervisord.conf"


# ── Asking supervisord ──


def supervisor(run_dir: Path) -> Any:
    """The run directory's supervisord, over its socket (`.supervisor.getAllProcessInfo()`, …)."""
    return connect(str(run_dir / "supervisor.sock"))


def running(run_dir: Path) -> bool:
    """Whether a supervisord answers on the run directory's socket."""
    try:
        return supervisor(run_dir).supervisor.getState()["statename"] == "RUNNING"
    except (OSError, xmlrpc.client.Error):
        return False


def programs(run_dir: Path) -> dict[str, dict]:
    """Each program's information from supervisord, by name."""
    return {info["name"]: info for info in supervisor(run_dir).supervisor.getAllProcessInfo()}


def streamlit_ports(run_dir: Path) -> list[int]:
    """The Streamlit processes' ports, from their programs' names."""
    return sorted(int(name.split("-", 1)[1]) for name in programs(run_dir) if name.startswith("streamlit-"))


def log_tail(run_dir: Path, name: str, size: int = 2000) -> str:
    """The end of a program's log, for an error message."""
    try:
        return (run_dir / "logs" / f"{name}.log").read_text(errors="replace")[-size:]
    except OSError:
        return ""


def wait_healthy(url: str, timeout: float = START_TIMEOUT_S, run_dir: Path | None = None) -> None:
    """Return once `url`/_stcore/health answers "ok"; fail early if a program has given up (FATAL)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if run_dir is not None:
            failed = [name for name, info in programs(run_dir).items() if info["statename"] == "FATAL"]
            if failed:
                raise RuntimeError(f"{', '.join(failed)} could not start: {log_tail(run_dir, failed[0])}")
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url}/_stcore/health did not answer within {timeout:.0f} s")


def wait_listening(port: int, timeout: float = START_TIMEOUT_S) -> None:
    """Return once something accepts connections on the loopback port."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing listens on port {port} after {timeout:.0f} s")


def wait_up(options: Options, run_dir: Path, timeout: float = START_TIMEOUT_S) -> None:
    """Return once the static site is written, every Streamlit process and nginx answer, and the sign-in server
    listens."""
    deadline = time.monotonic() + timeout
    while not (run_dir / "site" / CURRENT).exists():
        if programs(run_dir)[PUBLISHER]["statename"] == "FATAL" or time.monotonic() > deadline:
            raise RuntimeError(f"no static pages in {run_dir / 'site'}: {log_tail(run_dir, PUBLISHER)}")
        time.sleep(0.2)
    for port in options.backends:
        wait_healthy(f"http://127.0.0.1:{port}", max(1.0, deadline - time.monotonic()), run_dir)
    wait_listening(options.sign_in, max(1.0, deadline - time.monotonic()))
    wait_healthy(local_url(options), max(1.0, deadline - time.monotonic()), run_dir)


def local_url(options: Options) -> str:
    """nginx's address on this machine."""
    host = "127.0.0.1" if options.listen in ("0.0.0.0", "*", "127.0.0.1") else options.listen
    return f"http://{host}:{options.port}"


def start(options: Options = Options(), run_dir: Path = RUN_DIR, environ: dict[str, str] | None = None) -> Cluster:
    """Write the configuration and start supervisord as a daemon; return once everything answers."""
    environ = dict(os.environ if environ is None else environ)
    run_dir = run_dir.resolve()
    if running(run_dir):
        raise AlreadyRunning(
            f"the deploy in {run_dir} is running: `bash scripts/deploy/restart` restarts it without "
            "refusing anyone; to change its options, `bash scripts/deploy/stop` first"
        )
    config = configure(options, run_dir, environ)
    (run_dir / "supervisor.sock").unlink(missing_ok=True)  # left by a supervisord that was killed
    result = subprocess.run([supervisord_binary(), "-c", str(config)], env=environ, capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"supervisord did not start: {result.stderr.strip() or result.stdout.strip()}")
    try:
        wait_until_answering(run_dir)
        wait_up(options, run_dir)
    except (RuntimeError, OSError, xmlrpc.client.Error):
        stop(run_dir)
        raise
    found = programs(run_dir)
    return Cluster(local_url(options), run_dir, {p: found[f"streamlit-{p}"]["pid"] for p in options.backends})


def wait_until_answering(run_dir: Path, timeout: float = 30.0) -> None:
    """Return once supervisord answers on its socket (a daemon answers a moment after it forked)."""
    deadline = time.monotonic() + timeout
    while not running(run_dir):
        if time.monotonic() > deadline:
            raise RuntimeError(
                f"supervisord did not answer on {run_dir / 'supervisor.sock'}: {log_tail(run_dir, 'supervisord')}"
            )
        time.sleep(0.1)


def restart(run_dir: Path = RUN_DIR) -> None:
    """Each Streamlit process in turn (the next once it is healthy again), the publisher and the sign-in server,
    then nginx reloaded (HUP: new workers, the old ones finish their requests; the port is never closed)."""
    run_dir = run_dir.resolve()
    server = supervisor(run_dir).supervisor
    for port in streamlit_ports(run_dir):
        restart_program(server, f"streamlit-{port}")
        wait_healthy(f"http://127.0.0.1:{port}", run_dir=run_dir)
    for name in (PUBLISHER, SIGN_IN):  # static pages and the public's websockets never wait for either
        restart_program(server, name)
    server.signalProcess(NGINX, "HUP")


def restart_program(server, name: str) -> None:  # noqa: ANN001 — an XML-RPC proxy
    """Stop (if it runs) and start one program, waiting until supervisord counts it as running."""
    try:
        server.stopProcess(name, True)
    except xmlrpc.client.Fault as fault:
        if "NOT_RUNNING" not in fault.faultString:
            raise
    server.startProcess(name, True)


def stop(run_dir: Path = RUN_DIR, timeout: float = 60.0) -> None:
    """Ask supervisord to stop every program and itself; return once it has exited (nothing when none runs)."""
    run_dir = run_dir.resolve()
    if not running(run_dir):
        return
    try:
        pid = int((run_dir / "supervisord.pid").read_text())
    except (OSError, ValueError):
        pid = None
    supervisor(run_dir).supervisor.shutdown()
    deadline = time.monotonic() + timeout
    while pid is not None and alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)


def alive(pid: int) -> bool:
    """Whether the process still runs (a zombie left by a parent that has not reaped it counts as ended)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    except OSError:
        return False


# ── Command line ──


def add_options(command: argparse.ArgumentParser) -> None:
    """The options of start, run and configure."""
    command.add_argument(
        "--processes", type=int, default=2, help="Streamlit processes (2 or more: restart refuses no one)"
    )
    command.add_argument("--port", type=int, default=8500, help="nginx's port (what viewers open)")
    command.add_argument("--first-port", type=int, default=8601, help="the first Streamlit process's port")
    command.add_argument(
        "--sign-in-port", type=int, default=0, help="the sign-in server's port (default: first port − 1)"
    )
    command.add_argument("--listen", default="127.0.0.1", help="nginx's address (0.0.0.0: every interface)")
    command.add_argument("--data-dir", type=Path, help="default: $KPI_DATA_DIR, else the repository")
    command.add_argument(
        "--public-url",
        default="",
        help=f"the site's public address, for canonical links and the "
        f"websocket's origin (default: ${BASE_URL_ENV}, else http://localhost:PORT)",
    )
    command.add_argument(
        "--staff-file",
        type=Path,
        metavar="FILE",
        help="the staff's password file (python -m kpi "
        "staff add NAME FILE; default: staff.passwords in the run directory)",
    )
    command.add_argument(
        "--staff-network",
        action="append",
        default=[],
        metavar="CIDR",
        help="a network whose viewers are staff without signing in (repeatable; none by default)",
    )
    command.add_argument(
        "--trusted-proxy",
        action="append",
        default=[],
        metavar="CIDR",
        help="a TLS proxy or CDN connector in front, trusted to name the client in X-Forwarded-For (repeatable)",
    )
    command.add_argument("--log-max-bytes", type=int, default=LOG_MAX_BYTES, help="each log is rotated at this size")
    command.add_argument("--log-backups", type=int, default=LOG_BACKUPS, help="rotated logs kept per program")


def options_from(args: argparse.Namespace) -> Options:
    return Options(
        args.port,
        tuple(range(args.first_port, args.first_port + args.processes)),
        args.sign_in_port,
        args.listen,
        args.data_dir,
        args.public_url,
        args.staff_file,
        tuple(args.staff_network),
        tuple(args.trusted_proxy),
        None,
        args.log_max_bytes,
        args.log_backups,
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    helps = {
        "start": "start everything under supervisord (a daemon)",
        "run": "the same in the foreground until Ctrl-C",
        "configure": "only write the configuration (the systemd unit runs supervisord -n on it)",
        "restart": "restart every process without refusing a viewer",
        "stop": "stop everything",
    }
    for name, text in helps.items():
        command = commands.add_parser(name, help=text)
        if name in ("start", "run", "configure"):
            add_options(command)
        command.add_argument(
            "--run-dir", type=Path, default=RUN_DIR, help="configuration, logs, secrets, the static site"
        )
    args = parser.parse_args(argv)
    run_dir = args.run_dir.resolve()
    if args.command == "stop":
        stop(run_dir)
    elif args.command == "restart":
        restart(run_dir)
    elif args.command == "configure":
        print(configure(options_from(args), run_dir))
    elif args.command == "run":
        return run_foreground(options_from(args), run_dir)
    else:
        try:
            cluster = start(options_from(args), run_dir)
        except AlreadyRunning as exc:
            print(exc, file=sys.stderr)
            return 1
        print(
            f"{cluster.url}: static public pages from {run_dir / 'site'}, {len(cluster.processes)} Streamlit process(es) "
            f"on port(s) {', '.join(map(str, cluster.processes))}, under supervisord; logs in {run_dir / 'logs'}"
        )
    return 0


def run_foreground(options: Options, run_dir: Path) -> int:
    """supervisord -n on a fresh configuration: Ctrl-C (SIGINT) or SIGTERM stops every program, then it."""
    if running(run_dir):
        print(
            f"the deploy in {run_dir} is already running (bash scripts/deploy/stop --run-dir {run_dir})",
            file=sys.stderr,
        )
        return 1
    config = configure(options, run_dir)
    print(f"{local_url(options)} once started; logs in {run_dir / 'logs'}; Ctrl-C stops everything", flush=True)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.execv(supervisord_binary(), ["supervisord", "-n", "-c", str(config)])
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
