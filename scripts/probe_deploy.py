"""Measure each finding of issue 28 against a deploy this script starts (scripts/deploy), and print the figures.

    .venv/bin/python scripts/probe_deploy.py [--readers 50] [--public-host dongming.example.org]

Starts two Streamlit processes, the publisher, the sign-in server (once it exists) and nginx under supervisord in a
temporary run directory, with the public URL http://<public host>:<port>, and asks:
- a bogus `Authorization` header on every route: how many answer with a staff cookie, or the staff page;
- the websocket under the public host name, and from a foreign origin (HTTP status of the upgrade);
- wrong passwords at /staff/sign-in: how many are answered before the first 429, and in how long;
- a Streamlit process and the publisher killed (SIGKILL): seconds until healthy again / writing again;
- `restart` under N concurrent readers of static and Streamlit pages: requests refused or failed.
The tests (tests/browser/test_deploy*.py) use the same functions and assert on them.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import signal
import socket
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from scripts.deploy import cluster  # noqa: E402

BOGUS = "Basic " + base64.b64encode(b"nobody:nothing").decode()
# Every kind of route: a static page, Streamlit's, the staff pages, the sign-in server's, the websocket.
ROUTES = (
    "/",
    "/economy?lang=en",
    "/targets?q=x",
    "/check",
    "/edit",
    "/staff/session",
    "/staff/sign-in",
    "/_stcore/stream",
)
STAFF_COOKIES = ("kpi_session", "kpi_staff")
TIMEOUT_S = 20.0  # one request's
# What the public reads during a restart: static pages and pages only Streamlit answers.
READ_PATHS = ("/", "/economy?lang=en", f"/targets?q={quote('平安')}", "/?mode=meeting", "/_stcore/health")


@dataclass
class Response:
    status: int
    headers: dict[str, list[str]] = field(default_factory=dict)
    body: bytes = b""


def request(
    url: str, method: str = "GET", data: bytes | None = None, timeout: float = TIMEOUT_S, **headers: str
) -> Response:
    """One request, redirects not followed (a 302 to the sign-in form is an answer); the status even for errors."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
            return None

    opener = urllib.request.build_opener(NoRedirect)
    call = urllib.request.Request(
        url, data=data, method=method, headers={k.replace("_", "-"): v for k, v in headers.items()}
    )
    try:
        with opener.open(call, timeout=timeout) as answer:
            return Response(answer.status, _headers(answer.headers), answer.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, _headers(error.headers), error.read())


def _headers(message) -> dict[str, list[str]]:  # noqa: ANN001
    found: dict[str, list[str]] = {}
    for key, value in message.items():
        found.setdefault(key.lower(), []).append(value)
    return found


def upgrade(base: str, origin: str | None, host: str | None = None, **headers: str) -> int:
    """The HTTP status nginx answers a websocket upgrade at /_stcore/stream with (101: connected)."""
    parts = urlsplit(base)
    lines = [
        "GET /_stcore/stream HTTP/1.1",
        f"Host: {host or parts.netloc}",
        "Upgrade: websocket",
        "Connection: Upgrade",
        "Sec-WebSocket-Version: 13",
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
        "Sec-WebSocket-Protocol: streamlit",
        *([f"Origin: {origin}"] if origin else []),
        *(f"{k.replace('_', '-')}: {v}" for k, v in headers.items()),
    ]
    with socket.create_connection((parts.hostname, parts.port), timeout=20) as connection:
        connection.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        status_line = connection.makefile("rb").readline().decode()
    return int(status_line.split()[1])


def staff_cookies_for_bogus_authorization(base: str) -> list[str]:
    """The routes that answer a bogus `Authorization` header with a staff cookie (issue 28: every one did)."""
    given = []
    for route in ROUTES:
        if route == "/_stcore/stream":
            answer = Response(upgrade(base, None, Authorization=BOGUS))
        else:
            answer = request(base + route, Authorization=BOGUS)
        cookies = answer.headers.get("set-cookie", [])
        if any(c.split("=", 1)[0].strip() in STAFF_COOKIES for c in cookies):
            given.append(route)
    return given


def wrong_passwords_before_limit(base: str, tries: int = 30, **headers: str) -> tuple[int, float]:
    """How many wrong passwords /staff/sign-in answers before its first 429, and the seconds they took."""
    form = b"name=nobody&password=wrong&next=%2Fcheck&lang=en"
    started = time.monotonic()
    for attempt in range(tries):
        # The timeout given by name: a caller's header can then never be taken for it.
        answer = request(
            base + "/staff/sign-in",
            "POST",
            form,
            timeout=TIMEOUT_S,
            Content_Type="application/x-www-form-urlencoded",
            **headers,
        )
        if answer.status == 429:
            return attempt, time.monotonic() - started
    return tries, time.monotonic() - started


def kill_streamlit(run_dir: Path, port: int) -> float:
    """SIGKILL one Streamlit process; the time.monotonic() of the kill."""
    os.kill(cluster.programs(run_dir)[f"streamlit-{port}"]["pid"], signal.SIGKILL)
    return time.monotonic()


def seconds_until_healthy(port: int, since: float, timeout: float = 30.0) -> float:
    """Seconds from `since` until the Streamlit process on `port` answers /_stcore/health again."""
    time.sleep(0.05)  # the killed process's socket is closed by the kernel at once; this only skips its last instant
    cluster.wait_healthy(f"http://127.0.0.1:{port}", timeout)
    return time.monotonic() - since


def seconds_until_healthy_after_kill(run_dir: Path, port: int, timeout: float = 30.0) -> float:
    """SIGKILL one Streamlit process; seconds until its port answers /_stcore/health again (supervisord's restart)."""
    return seconds_until_healthy(port, kill_streamlit(run_dir, port), timeout)


def seconds_until_publisher_writes_after_kill(run_dir: Path, timeout: float = 30.0) -> float:
    """SIGKILL the publisher; seconds until it writes its status again (each start publishes, or says why not).
    Its heartbeat, once the publisher helper's change is in, is the finer signal: see `publisher_probes`."""
    status = run_dir / "site" / "status.json"
    before = status.stat().st_mtime_ns
    os.kill(cluster.programs(run_dir)[cluster.PUBLISHER]["pid"], signal.SIGKILL)
    killed = time.monotonic()
    while status.stat().st_mtime_ns == before:
        if time.monotonic() - killed > timeout:
            raise AssertionError(f"the publisher wrote nothing within {timeout:.0f} s")
        time.sleep(0.02)
    return time.monotonic() - killed


def publisher_probes(run_dir: Path) -> dict[str, object]:
    """The publisher's own findings (an edit during a publish, a half-written file): the `publisher` helper's probes
    go here. For now: its status file's heartbeat and last write, as the data-check page reads them."""
    try:
        status = json.loads((run_dir / "site" / "status.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {"heartbeat": status.get("heartbeat", "(no heartbeat field yet)"), "written": status.get("written", "")}


class Readers:
    """N threads reading public pages in a loop until stopped (bounded by `seconds` in any case), counting answers."""

    def __init__(self, base: str, n: int, seconds: float = 120.0, paths: tuple[str, ...] = READ_PATHS) -> None:
        self.base, self.paths, self.deadline = base, paths, time.monotonic() + seconds
        self.stopped = threading.Event()
        self.counts: Counter[str] = Counter()
        self.failures: list[str] = []
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self._read, args=(i,), daemon=True) for i in range(n)]

    def __enter__(self) -> Readers:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopped.set()
        for thread in self.threads:
            thread.join()

    def _read(self, index: int) -> None:
        turn = index
        while not self.stopped.is_set() and time.monotonic() < self.deadline:
            path = self.paths[turn % len(self.paths)]
            turn += 1
            try:
                status = request(self.base + path, timeout=30).status
                outcome = "ok" if status == 200 else f"HTTP {status}"
            except OSError as exc:  # refused, reset, timed out
                outcome = f"{type(exc).__name__}: {getattr(exc, 'reason', exc)}"
            with self.lock:
                self.counts[outcome] += 1
                if outcome != "ok":
                    self.failures.append(f"{path}: {outcome}")

    @property
    def failed(self) -> int:
        return sum(n for outcome, n in self.counts.items() if outcome != "ok")


def restart_under_load(run_dir: Path, base: str, readers: int) -> tuple[Readers, float]:
    """`restart` while `readers` threads read static and Streamlit pages; the readers' counts and the restart's seconds."""
    with Readers(base, readers) as load:
        time.sleep(2)  # the readers are reading
        started = time.monotonic()
        cluster.restart(run_dir)
        took = time.monotonic() - started
        time.sleep(2)
    return load, took


def probe(readers: int, public_host: str) -> None:
    """Start a deploy, measure each finding, print the figures, stop it."""
    from tests.browser.server import free_port  # the tests' helper: a free loopback port

    port = free_port()
    options = cluster.Options(port, (free_port(), free_port()), free_port(), public_url=f"http://{public_host}:{port}")
    with tempfile.TemporaryDirectory(prefix="probe-") as temporary:
        run_dir = Path(temporary) / "run"
        running = cluster.start(options, run_dir, {**os.environ, "KPI_STATE_DIR": str(Path(temporary) / "state")})
        try:
            base = running.url
            given = staff_cookies_for_bogus_authorization(base)
            print(f"bogus Authorization → staff cookie: {len(given)} of {len(ROUTES)} routes {given or ''}")
            print(f"/check with a bogus Authorization: HTTP {request(base + '/check', Authorization=BOGUS).status}")
            print(
                f"websocket under the public host name: HTTP {upgrade(base, f'http://{public_host}:{port}', f'{public_host}:{port}')}"
            )
            print(
                f"websocket from a foreign origin: HTTP {upgrade(base, 'https://elsewhere.example', f'{public_host}:{port}')}"
            )
            print(
                f"websocket from this machine's origin on a public deploy: HTTP {upgrade(base, f'http://127.0.0.1:{port}')}"
            )
            tries, seconds = wrong_passwords_before_limit(base)
            print(f"wrong passwords answered before the first 429: {tries} (in {seconds:.2f} s)")
            for port_ in running.processes:
                print(
                    f"Streamlit process on {port_} killed: healthy again after {seconds_until_healthy_after_kill(run_dir, port_):.2f} s"
                )
            print(f"publisher killed: writing again after {seconds_until_publisher_writes_after_kill(run_dir):.2f} s")
            print(f"publisher: {publisher_probes(run_dir)}")
            load, took = restart_under_load(run_dir, base, readers)
            print(
                f"restart under {readers} concurrent readers: took {took:.1f} s; {sum(load.counts.values())} requests, "
                f"{load.failed} refused or failed {dict(load.counts)}"
            )
        finally:
            cluster.stop(run_dir)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--readers", type=int, default=50, help="concurrent readers during restart")
    parser.add_argument(
        "--public-host", default="dongming.example.org", help="the public URL's host name (resolved to this machine)"
    )
    args = parser.parse_args(argv)
    probe(args.readers, args.public_host)


if __name__ == "__main__":
    main(sys.argv[1:])
