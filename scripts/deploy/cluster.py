"""Run the dashboard as the public gets it: nginx in front, answering public pages from the static files the
publisher writes, and Streamlit processes behind it for everything interactive; everything on 127.0.0.1.

    bash scripts/deploy/start [--processes 2] [--port 8500] [--first-port 8601] [--data-dir DIR] [--run-dir DIR]
                              [--public-url URL] [--staff-network CIDR ...] [--staff-password-file FILE]
    bash scripts/deploy/stop [--run-dir DIR]
    python scripts/deploy/cluster.py run …   (the same as start, in the foreground until Ctrl-C: bash scripts/run)

Why static pages first: a shared link on a phone on a slow network is answered by one small file, before any script,
also while the Streamlit processes restart (components/publish.py keeps the files current). Why several processes:
one Streamlit process runs every session's script under one GIL, so a second core needs a second process. Each is
started as `streamlit run app.py`, reads the same data directory (KPI_DATA_DIR) and signs cookies with the same
secret (STREAMLIT_SERVER_COOKIE_SECRET), so any process accepts a viewer's cookie. nginx keeps each viewer on one
process (sticky cookie), upgrades /_stcore/stream to a websocket, and sends new viewers of a dead process to a live
one. The data-check page (/check) is for staff: an allowed network (by default this machine only) or the staff
password (an htpasswd file). Pid and log files and the static site go to the run directory (default .state/deploy).
"""

from __future__ import annotations

import argparse
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

DEPLOY_DIR = Path(__file__).resolve().parent
REPO_ROOT = DEPLOY_DIR.parent.parent
sys.path.insert(0, str(REPO_ROOT))  # run as a script: the routes come from the app's own code

from components.publish import BASE_URL_ENV, CURRENT, SITE_ENV  # noqa: E402
from components.staff import PROXY_SECRET_ENV  # noqa: E402
from components.views.routes import STATIC_PARAMS  # noqa: E402
TEMPLATE = DEPLOY_DIR / "nginx.conf.template"
RUN_DIR = REPO_ROOT / ".state" / "deploy"
SECRET_ENV = "STREAMLIT_SERVER_COOKIE_SECRET"
ROUTE_COOKIE = "kpi_route"
START_TIMEOUT_S = 90.0
# Debian's libnginx-mod-http-brotli-filter (bash scripts/test installs it with nginx).
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")
MIME_TYPES = Path("/etc/nginx/mime.types")
LOCAL_NETWORKS = ("127.0.0.0/8", "::1/128")  # the staff's data check, when no other network or password is given
# A static page holds one connection; 4,096 serve 2,000 viewers at once with room for Streamlit's two per viewer.
CONNECTIONS = 4096


@dataclass(frozen=True)
class Staff:
    """Who may open the data-check page: these networks, or anyone with the password of the htpasswd file."""

    networks: tuple[str, ...] = LOCAL_NETWORKS
    password_file: Path | None = None
    token: str = ""  # the cookie's value once the password was given (new at every start)
    proxy_secret: str = ""  # X-Kpi-Proxy: the Streamlit processes believe nginx's headers only with it (new at every start)


@dataclass(frozen=True)
class Cluster:
    """What `start` brought up: the address viewers use, and each Streamlit process by port."""

    url: str
    run_dir: Path
    processes: dict[int, int]  # port → pid


def cookie_secret(environ: dict[str, str]) -> str:
    """The shared cookie secret from the environment; a new one (and a notice) when there is none."""
    if environ.get(SECRET_ENV):
        return environ[SECRET_ENV]
    print(f"{SECRET_ENV} is not set: generated one for these processes. Set it to keep viewers' cookies "
          "valid across restarts and machines.", file=sys.stderr)
    return secrets.token_hex(32)


def streamlit_command(port: int, script: Path | None = None) -> list[str]:
    """The dashboard (app.py) or another Streamlit script (the benchmark's floor page), as `scripts/run` starts it."""
    return [sys.executable, "-m", "streamlit", "run", str(script or REPO_ROOT / "app.py"), "--server.port", str(port),
            "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]


def start_streamlit(port: int, env: dict[str, str], run_dir: Path, script: Path | None = None) -> subprocess.Popen:
    """One Streamlit process in its own session (it outlives this script), logging to the run directory."""
    with open(run_dir / f"streamlit-{port}.log", "ab") as log:
        process = subprocess.Popen(streamlit_command(port, script), cwd=REPO_ROOT, env=env, stdin=subprocess.DEVNULL,
                                   stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    (run_dir / f"streamlit-{port}.pid").write_text(str(process.pid))
    return process


def wait_healthy(url: str, process: subprocess.Popen | None = None, timeout: float = START_TIMEOUT_S) -> None:
    """Return once `url`/_stcore/health answers "ok"; fail early if the process has died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{url}: the process exited with {process.returncode}")
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url}/_stcore/health did not answer within {timeout:.0f} s")


def static_maps() -> str:
    """One map per parameter a static page answers (its part of the file name, or a name no file has), and the map
    that sends an address with any other parameter to Streamlit: the routes' own list, so the two cannot drift."""
    maps = [f'    map $arg_{name} $kb_{name} {{\n        ""                   "";\n'
            f'        "~^[A-Za-z0-9_.-]+$" "~{name}=$arg_{name}";\n        default              "~!";\n    }}'
            for name in STATIC_PARAMS]
    names = "|".join(("lang", *STATIC_PARAMS))
    maps.append(f'    map $args $kb_static {{\n        ""      1;\n        "~^(?:{names})=[^&]*(?:&(?:{names})=[^&]*)*$" 1;\n'
                f'        default 0;\n    }}')
    file = "/$kb_page/$kb_lang" + "".join(f"$kb_{name}" for name in STATIC_PARAMS) + ".html"
    maps.append(f'    map $kb_static $kb_file {{\n        1       "{file}";\n        default "/!";\n    }}')
    return "\n".join(maps)


def staff_access(staff: Staff) -> tuple[str, str]:
    """The /check location's access rules, and the words that say who they let in."""
    allow = "".join(f"            allow {network};\n" for network in staff.networks)
    if staff.password_file is None:
        return f"{allow}            deny all;", "the networks " + ", ".join(staff.networks)
    return (f"            satisfy any;\n{allow}            deny all;\n            auth_basic \"staff\";\n"
            f"            auth_basic_user_file {staff.password_file};",
            "the networks " + ", ".join(staff.networks) + " or the staff password")


def nginx_config(port: int, backends: list[int], run_dir: Path, brotli: Path | None = BROTLI_MODULE,
                 staff: Staff = Staff(), site: Path | None = None) -> str:
    """The template filled in for this run; brotli compression when Debian's module is installed."""
    servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=2 fail_timeout=10s;" for p in backends)
    with_brotli = brotli is not None and brotli.exists()
    # Started by root, nginx would run its workers as `nobody`, who cannot write the static-file cache in a private
    # run directory; they run as the directory's owner instead, as they do when a non-root user starts nginx.
    user = f"user {pwd.getpwuid(run_dir.stat().st_uid).pw_name};" if os.geteuid() == 0 and run_dir.exists() else ""
    access, rule = staff_access(staff)
    values = {"run_dir": str(run_dir), "port": str(port), "cookie": ROUTE_COOKIE, "servers": servers, "user": user,
              "site": str(site or run_dir / "site"), "mime_types": str(MIME_TYPES), "connections": str(CONNECTIONS),
              "open_files": str(CONNECTIONS * 2), "static_maps": static_maps(), "staff_access": access, "staff_rule": rule,
              "staff_networks": "\n".join(f"        {network} 1;" for network in staff.networks),
              "staff_token": staff.token or secrets.token_hex(16), "proxy_secret": staff.proxy_secret or secrets.token_hex(16),
              "brotli_module": f"load_module {brotli};" if with_brotli else "",
              "brotli": "    brotli on;\n    brotli_comp_level 5;\n    brotli_types text/css application/javascript "
                        "text/javascript application/json image/svg+xml text/plain;" if with_brotli else "",
              "brotli_off": "            brotli off;" if with_brotli else ""}
    text = TEMPLATE.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    return text


def nginx_binary() -> str:
    """Debian's nginx (in /usr/sbin, which a non-root PATH may lack)."""
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if found is None:
        raise RuntimeError("nginx is missing: `apt-get install nginx` (bash scripts/test installs it)")
    return found


def start_nginx(port: int, backends: list[int], run_dir: Path, staff: Staff = Staff()) -> None:
    """Write the config and start nginx (it daemonizes; its pid file is in the run directory)."""
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (run_dir / "tmp" / name).mkdir(parents=True, exist_ok=True)
    config = run_dir / "nginx.conf"
    config.write_text(nginx_config(port, backends, run_dir, staff=staff), encoding="utf-8")
    config.chmod(0o600)  # it holds the staff cookie's value
    # -e: the error log before the config is read, so a non-root user never touches /var/log/nginx.
    result = subprocess.run([nginx_binary(), "-p", str(run_dir), "-c", str(config), "-e", str(run_dir / "error.log")],
                            capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"nginx did not start: {result.stderr.strip()}")


def start_publisher(env: dict[str, str], run_dir: Path) -> subprocess.Popen:
    """The publisher (components/publish.py --watch): writes the static pages now, and again on every good edit and new day."""
    with open(run_dir / "publish.log", "ab") as log:
        process = subprocess.Popen([sys.executable, "-m", "components.publish", "--watch", "--site", env[SITE_ENV]],
                                   cwd=REPO_ROOT, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    (run_dir / "publish.pid").write_text(str(process.pid))
    return process


def wait_published(site: Path, process: subprocess.Popen, timeout: float = START_TIMEOUT_S) -> None:
    """Return once the first static site is in place; fail early if the publisher has died."""
    deadline = time.monotonic() + timeout
    while not (site / CURRENT).exists():
        if process.poll() is not None:
            raise RuntimeError(f"the publisher exited with {process.returncode}: see {site.parent / 'publish.log'}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"no static pages in {site} within {timeout:.0f} s")
        time.sleep(0.2)


def start(port: int = 8500, backends: tuple[int, ...] = (8601, 8602), run_dir: Path = RUN_DIR,
          data_dir: Path | None = None, script: Path | None = None, environ: dict[str, str] | None = None,
          staff: Staff = Staff(), public_url: str = "") -> Cluster:
    """Start the publisher and a Streamlit process on each port of `backends`, then nginx on `port` in front of them."""
    environ = dict(os.environ if environ is None else environ)
    stop(run_dir)  # a new run replaces an old one in the same directory
    run_dir.mkdir(parents=True, exist_ok=True)
    data = Path(data_dir or environ.get("KPI_DATA_DIR") or REPO_ROOT).resolve()
    site = run_dir / "site"
    site.mkdir(exist_ok=True)
    proxy_secret = secrets.token_hex(16)
    env = {**environ, SECRET_ENV: cookie_secret(environ), "KPI_DATA_DIR": str(data), SITE_ENV: str(site),
           PROXY_SECRET_ENV: proxy_secret, BASE_URL_ENV: public_url or environ.get(BASE_URL_ENV) or f"http://localhost:{port}"}
    publisher = start_publisher(env, run_dir)
    started = {p: start_streamlit(p, env, run_dir, script) for p in backends}
    try:
        wait_published(site, publisher)
        for p, process in started.items():
            wait_healthy(f"http://127.0.0.1:{p}", process)
        start_nginx(port, list(backends), run_dir, Staff(staff.networks, staff.password_file, secrets.token_hex(16), proxy_secret))
        wait_healthy(f"http://127.0.0.1:{port}")
    except RuntimeError:
        stop(run_dir)
        raise
    return Cluster(f"http://127.0.0.1:{port}", run_dir, {p: process.pid for p, process in started.items()})


def end_process(pid: int, timeout: float = 10.0) -> None:
    """SIGTERM, then SIGKILL if it is still there after `timeout`; a pid that is gone is fine."""
    try:
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not alive(pid):
                return
            time.sleep(0.1)
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def alive(pid: int) -> bool:
    """Whether the process still runs (a zombie left by a parent that has not reaped it counts as ended)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    except OSError:
        return False


def recorded_pid(pid_file: Path) -> int | None:
    """The pid in a pid file if that process is still the one we started (a pid can be reused)."""
    try:
        pid = int(pid_file.read_text())
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except (OSError, ValueError):
        return None
    # nginx names its run directory on its command line; the publisher, its site in it; a Streamlit process, its port.
    markers = {"nginx.pid": str(pid_file.parent), "publish.pid": str(pid_file.parent / "site")}
    marker = markers.get(pid_file.name) or f"--server.port {pid_file.stem.split('-')[1]} "
    return pid if marker in command + " " else None


def stop(run_dir: Path = RUN_DIR) -> None:
    """Stop the nginx and the Streamlit processes recorded in the run directory."""
    for pid_file in [run_dir / "nginx.pid", run_dir / "publish.pid", *sorted(run_dir.glob("streamlit-*.pid"))]:
        pid = recorded_pid(pid_file)
        if pid is not None:
            end_process(pid)
        pid_file.unlink(missing_ok=True)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    up = commands.add_parser("start", help="start the publisher, the Streamlit processes and nginx")
    here = commands.add_parser("run", help="the same as start, in the foreground until Ctrl-C (bash scripts/run)")
    for command in (up, here):
        command.add_argument("--processes", type=int, default=2)
        command.add_argument("--port", type=int, default=8500, help="nginx's port (what viewers open)")
        command.add_argument("--first-port", type=int, default=8601, help="the first Streamlit process's port")
        command.add_argument("--data-dir", type=Path, help="default: $KPI_DATA_DIR, else the repository")
        command.add_argument("--public-url", default="", help=f"the site's public address, for canonical links (default: "
                                                              f"${BASE_URL_ENV}, else http://localhost:PORT)")
        command.add_argument("--staff-network", action="append", metavar="CIDR",
                             help="a network whose viewers may open /check (repeatable; default: this machine only)")
        command.add_argument("--staff-password-file", type=Path, metavar="FILE",
                             help="an htpasswd file: its users may open /check from anywhere with their password")
    for command in (up, here, commands.add_parser("stop", help="stop what `start` started")):
        command.add_argument("--run-dir", type=Path, default=RUN_DIR, help="pid, log and config files, and the static site")
    args = parser.parse_args(argv)
    if args.command == "stop":
        stop(args.run_dir.resolve())
        return
    backends = tuple(range(args.first_port, args.first_port + args.processes))
    staff = Staff(tuple(args.staff_network or LOCAL_NETWORKS), args.staff_password_file.resolve() if args.staff_password_file else None)
    cluster = start(args.port, backends, args.run_dir.resolve(), args.data_dir, staff=staff, public_url=args.public_url)
    print(f"{cluster.url} → static public pages from {cluster.run_dir / 'site'}, and {len(cluster.processes)} Streamlit "
          f"process(es) on port(s) {', '.join(map(str, cluster.processes))}; logs in {cluster.run_dir}", flush=True)
    if args.command == "run":
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})  # the processes run on their own
        try:
            signal.sigwait({signal.SIGINT, signal.SIGTERM})
        finally:
            stop(cluster.run_dir)


if __name__ == "__main__":
    main(sys.argv[1:])
