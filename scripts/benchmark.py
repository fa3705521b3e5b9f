"""Measure speed and memory against a floor page (reported in docs/performance.md, never asserted in tests).

    .venv/bin/python scripts/benchmark.py                                  # every part (about 30 min)
    .venv/bin/python scripts/benchmark.py --parts ttc viewers --pages "" economy --viewers 1 50 --runs 3
    .venv/bin/python scripts/benchmark.py --parts scale --concurrency 50 --seconds 30
    .venv/bin/python scripts/benchmark.py --synthetic                      # the 10,000-indicator data set

Parts (each a Markdown table, under the exact command line that made it):
  data     loading and validating the shipped data (in this process, and `python -m kpi validate`)
  ttc      time to content in headless Chromium: fresh browser context per load, warm servers, both
           languages, median of --runs; the first request after a start; ratio to the floor page
  viewers  simultaneous new viewers (websocket sessions, scripts/load.py): p50/p95/errors, server RSS,
           ratio to the floor page
  scale    sessions per second to script_finished with --concurrency viewers for --seconds: one process,
           one behind nginx, two behind nginx (scripts/deploy), for the app and the floor page
  soak     server memory over a meeting-mode rotation (--soak-minutes), to show nothing accumulates
  bytes    a first visit's bytes on the wire (fresh browser context, Chromium's encoded sizes), both languages:
           the static page, Streamlit behind nginx (compression, cached assets) and Streamlit direct
  slow4g   a phone on a slow network (Chromium's Slow-4G: 150 ms, 1.6 Mbps down, CPU ×4): time until the first
           figure is on screen and the bytes of the visit, for the static page, Streamlit behind nginx and
           Streamlit direct; median of --runs
  static   the static pages through nginx under a bounded load client (wrk, --connections at once for
           --seconds): requests/s, p50/p95/p99, errors; then the same pages with every Streamlit process stopped
  reference  the 50-viewer ratio to the floor page measured by this project's client (scripts/load.py) and by
           the reference client (--reference-client, ../shared/tools/st_load.py), in the same run
The app and the floor page (scripts/floor_page.py, run with the app's own .streamlit/config.toml) are
separate servers started by this run. Timings on a shared 2-core machine are noisy: compare ratios.
"""

from __future__ import annotations

import argparse
import ast
import os
import secrets
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import Browser, sync_playwright  # noqa: E402

from kpi.data.errors import DataErrors  # noqa: E402
from kpi.data.files import REPO_ROOT  # noqa: E402
from kpi.data.loading import load_dataset  # noqa: E402
from scripts import synthetic_data  # noqa: E402
from scripts.deploy import cluster  # noqa: E402
from scripts.load import rss_mib, run_sustained, run_viewers, visit  # noqa: E402
from tests.browser.server import CHROMIUM, CHROMIUM_ARGS, free_port  # noqa: E402

FLOOR = REPO_ROOT / "scripts" / "floor_page.py"
FLOOR_NAME = "floor page"
PARTS = ["data", "ttc", "viewers", "scale", "bytes", "slow4g", "static", "reference", "soak"]
REFERENCE_CLIENT = REPO_ROOT.parent / "shared" / "tools" / "st_load.py"
# Chromium's Slow-4G profile (DevTools): the network the public-page goals are stated in.
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
CPU_SLOWDOWN = 4
FIRST_RESULT = ".kb-tile-value, .kb-val"  # a figure of the report, on screen
# wrk's own report has no p95: a Lua hook prints the percentiles and the errors of one run.
WRK_REPORT = r"""done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %.3f %d %d %d %d\n", summary.requests, summary.duration / 1e6,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), e.connect + e.read + e.write + e.status + e.timeout))
end
"""
# Content is there when the script has finished, no element is still a loading skeleton, and every
# Plotly chart has drawn (the chart code is fetched with the first chart of a page).
CONTENT_DRAWN = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
  return app !== null && app.dataset.testScriptState === 'notRunning'
    && document.querySelector('[data-testid="stMain"] [data-testid="stElementContainer"]') !== null
    && document.querySelector('[data-testid="stSkeleton"]') === null
    && charts.every(c => c.querySelector('.main-svg') !== null);
}"""


@contextmanager
def server(run_dir: Path, script: Path | None = None, env: dict[str, str] | None = None) -> Iterator[tuple[str, int]]:
    """One Streamlit process (the app, or `script`) on its own, outside the deploy; yields its URL and pid."""
    port = free_port()
    run_dir.mkdir(parents=True, exist_ok=True)
    with open(run_dir / f"streamlit-{port}.log", "ab") as log:
        process = subprocess.Popen(
            cluster.streamlit_command(port, script),
            cwd=REPO_ROOT,
            env={**os.environ, **(env or {})},
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        cluster.wait_healthy(f"http://127.0.0.1:{port}")
        yield f"http://127.0.0.1:{port}", process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def deploy(run_dir: Path, processes: int = 1, script: Path | None = None) -> cluster.Cluster:
    """nginx, the publisher and `processes` Streamlit processes under supervisord, as scripts/deploy/start runs them."""
    environ = {**os.environ, cluster.SECRET_ENV: secrets.token_hex(32)}
    options = cluster.Options(free_port(), tuple(free_port() for _ in range(processes)), free_port(), script=script)
    return cluster.start(options, run_dir / "cluster", environ)


def table(title: str, header: list[str], rows: list[list[object]]) -> None:
    """Print one Markdown table."""
    print(f"\n### {title}\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|")
    for row in rows:
        print("| " + " | ".join(cell(v) for v in row) + " |")
    sys.stdout.flush()


def cell(value: object) -> str:
    """Numbers rounded for reading; None as a dash."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.2f}" if value < 10 else f"{value:.1f}" if value < 100 else f"{value:.0f}"
    return str(value)


def ratio(value: float | None, floor: float | None) -> str:
    """`value` as a multiple of the floor page's, e.g. 1.31×."""
    return f"{value / floor:.2f}×" if value and floor else "–"


def label(path: str) -> str:
    return path or "overview"


def median_ms(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


# ---------------------------------------------------------------- parts


def measure_data() -> None:
    """Loading and validating the shipped data, in this process and as the staff command."""
    load = median_ms(lambda: load_dataset(REPO_ROOT), 10)
    cli = median_ms(
        lambda: subprocess.run([sys.executable, "-m", "kpi", "validate"], cwd=REPO_ROOT, capture_output=True), 3
    )
    table(
        "Loading the data",
        ["what", "median ms"],
        [
            ["load_dataset (parse + validate + cross-check), median of 10", load],
            ["python -m kpi validate (a new process), median of 3", cli],
        ],
    )


def time_to_content(browser: Browser, url: str) -> float:
    """Seconds from navigation until the content has drawn, in a fresh browser context."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_function(CONTENT_DRAWN, timeout=120_000, polling=50)
    seconds = time.perf_counter() - start
    context.close()
    return seconds


def measure_ttc(browser: Browser, app: str, floor: str, pages: list[str], runs: int) -> None:
    """Median time to content per page and language, beside the floor page's from the same run."""
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(runs):  # runs outermost, so drift on a busy machine hits every page alike
        times.setdefault((FLOOR_NAME, ""), []).append(time_to_content(browser, floor))
        for path in pages:
            for lang in ("zh", "en"):
                query = "?lang=en" if lang == "en" else ""
                times.setdefault((path, lang), []).append(time_to_content(browser, f"{app}/{path}{query}"))
    floor_s = statistics.median(times[(FLOOR_NAME, "")])
    rows = [
        [
            label(path) if path != FLOOR_NAME else FLOOR_NAME,
            lang or "–",
            statistics.median(t),
            min(t),
            max(t),
            ratio(statistics.median(t), floor_s),
        ]
        for (path, lang), t in times.items()
    ]
    table(
        f"Time to content in headless Chromium (s, median of {runs}, fresh context, warm servers)",
        ["page", "lang", "median s", "min", "max", "× floor"],
        rows,
    )


def measure_cold(browser: Browser, run_dir: Path) -> None:
    """The first request after a start: a shared theme link opened on a freshly started server."""
    with server(run_dir) as (app, pid):
        seconds = time_to_content(browser, f"{app}/economy?lang=en")
        rss = rss_mib([pid])
    table(
        "First request after a start",
        ["what", "value"],
        [["/economy?lang=en, time to content (s)", seconds], ["server RSS after it (MiB)", rss]],
    )


def measure_viewers(app: tuple[str, int], floor: tuple[str, int], pages: list[str], counts: list[int]) -> None:
    """N new viewers at once per page: p50/p95/errors and RSS, with the floor page's from the same run."""
    floor_runs = {n: run_viewers(floor[0], n) | {"rss": rss_mib([floor[1]])} for n in counts}
    rows = [[FLOOR_NAME, n, r["p50_s"], r["p95_s"], r["errors"], r["rss"], "–", "–"] for n, r in floor_runs.items()]
    for path in pages:
        for n in counts:
            r = run_viewers(app[0], n, path)
            f = floor_runs[n]
            rows.append(
                [
                    label(path),
                    n,
                    r["p50_s"],
                    r["p95_s"],
                    r["errors"],
                    rss_mib([app[1]]),
                    ratio(r["p50_s"], f["p50_s"]),
                    ratio(r["p95_s"], f["p95_s"]),
                ]
            )
    table(
        "Simultaneous new viewers on one process (websocket sessions to script_finished)",
        ["page", "viewers", "p50 s", "p95 s", "errors", "server RSS MiB", "p50 × floor", "p95 × floor"],
        rows,
    )


def measure_scale(run_dir: Path, page: str, concurrency: int, seconds: float) -> None:
    """Sessions per second with one process, one behind nginx and two behind nginx."""
    rows = []
    for name, script, path in ((label(page), None, page), (FLOOR_NAME, FLOOR, "")):
        with server(run_dir, script) as (direct, _):
            visit(direct, path)
            one = client_cores(lambda: run_sustained(direct, concurrency, seconds, path))
        rates = {"1 process, direct": one}
        for processes in (1, 2):
            running = deploy(run_dir, processes, script)
            try:
                for _ in range(processes * 2):
                    visit(running.url, path)
                rates[f"{processes} behind nginx"] = client_cores(
                    lambda: run_sustained(running.url, concurrency, seconds, path)
                )
            finally:
                cluster.stop(running.run_dir)
        base = one["sessions_per_s"]
        rows += [
            [
                name,
                setup,
                r["sessions_per_s"],
                r["p50_s"],
                r["p95_s"],
                r["ok"],
                r["errors"],
                ratio(r["sessions_per_s"], base),
                r["client_cores"],
            ]
            for setup, r in rates.items()
        ]
    table(
        f"Throughput: {concurrency} viewers opening new sessions for {seconds:g} s (counted after the first third)",
        ["page", "setup", "sessions/s", "p50 s", "p95 s", "sessions", "errors", "× 1 process", "load client cores"],
        rows,
    )


def first_visit_bytes(browser: Browser, url: str, streamlit: bool) -> dict:
    """What a first visit transfers, as Chromium counts it on the wire (after compression): HTTP and websocket."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    http: dict[str, int] = {}
    frames: list[int] = []
    cdp.on("Network.loadingFinished", lambda event: http.__setitem__(event["requestId"], event["encodedDataLength"]))
    cdp.on("Network.webSocketFrameReceived", lambda event: frames.append(len(event["response"]["payloadData"])))
    page.goto(url, wait_until="load" if not streamlit else "commit")
    if streamlit:
        page.wait_for_function(CONTENT_DRAWN, timeout=120_000, polling=50)
    page.wait_for_timeout(1500)  # fonts and lazily loaded code after the content
    context.close()
    return {"http": sum(http.values()), "ws": sum(frames), "requests": len(http)}


def setups(running: cluster.Cluster, direct: str) -> tuple[tuple[str, str, str], ...]:
    """(name, base URL, query) of the three ways a link is answered: the static page, Streamlit behind nginx, Streamlit
    direct. Why `as_of=<today>` behind nginx: no static page answers it (nginx passes it to Streamlit), and the view it
    asks for is today's, so Streamlit draws the page the static file holds."""
    today = time.strftime("%Y-%m-%d")
    return (
        ("static page (nginx)", running.url, ""),
        ("Streamlit behind nginx", running.url, f"as_of={today}"),
        ("Streamlit direct", direct, ""),
    )


def address(base: str, path: str, *queries: str) -> str:
    query = "&".join(q for q in queries if q)
    return f"{base}/{path}" + (f"?{query}" if query else "")


def measure_bytes(browser: Browser, run_dir: Path, pages: list[str]) -> None:
    """Each page's first visit in both languages, as each setup answers it, in bytes."""
    rows = []
    running = deploy(run_dir)
    try:
        for path in pages:
            for lang in ("zh", "en"):
                for setup, base, query in setups(running, f"http://127.0.0.1:{next(iter(running.processes))}"):
                    got = first_visit_bytes(
                        browser,
                        address(base, path, "lang=en" if lang == "en" else "", query),
                        streamlit=setup != "static page (nginx)",
                    )
                    rows.append(
                        [
                            label(path),
                            lang,
                            setup,
                            got["http"],
                            got["ws"],
                            got["http"] + got["ws"],
                            f"{(got['http'] + got['ws']) / 1000:.1f}",
                            got["requests"],
                        ]
                    )
    finally:
        cluster.stop(running.run_dir)
    table(
        "A first visit's bytes on the wire (fresh browser context, 1366 px)",
        ["page", "lang", "setup", "HTTP bytes", "websocket bytes", "total bytes", "total KB", "requests"],
        rows,
    )


def slow_phone_visit(browser: Browser, url: str) -> tuple[float, int]:
    """Seconds until the first figure is on screen, and the bytes the visit transferred, on a Slow-4G phone."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    sizes: dict[str, int] = {}
    frames: list[int] = []
    cdp.on("Network.loadingFinished", lambda event: sizes.__setitem__(event["requestId"], event["encodedDataLength"]))
    cdp.on("Network.webSocketFrameReceived", lambda event: frames.append(len(event["response"]["payloadData"])))
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_selector(FIRST_RESULT, state="visible", timeout=180_000)
    seconds = time.perf_counter() - start
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    context.close()
    return seconds, sum(sizes.values()) + sum(frames)


def measure_slow4g(browser: Browser, run_dir: Path, pages: list[str], runs: int) -> None:
    """Each page as a phone on a slow network opens a shared link: static, Streamlit behind nginx, Streamlit direct."""
    running = deploy(run_dir)
    rows = []
    try:
        for path in pages:
            for setup, base, query in setups(running, f"http://127.0.0.1:{next(iter(running.processes))}"):
                visits = [slow_phone_visit(browser, address(base, path, query)) for _ in range(runs)]
                seconds = [v[0] for v in visits]
                rows.append(
                    [
                        label(path),
                        setup,
                        statistics.median(seconds),
                        min(seconds),
                        max(seconds),
                        f"{statistics.median(v[1] for v in visits) / 1000:.1f}",
                    ]
                )
    finally:
        cluster.stop(running.run_dir)
    table(
        f"Slow-4G phone (150 ms, 1.6 Mbps, CPU ×{CPU_SLOWDOWN}): first figure on screen (s, median of {runs}) and KB on the wire",
        ["page", "setup", "median s", "min", "max", "KB"],
        rows,
    )


def wrk(url: str, connections: int, seconds: float, run_dir: Path) -> dict:
    """One wrk run with `connections` clients, each asking again as soon as it is answered (gzip, as a browser asks)."""
    script = run_dir / "report.lua"
    script.write_text(WRK_REPORT)
    threads = min(2, connections)
    result = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds:g}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            "-H",
            "Accept-Encoding: gzip",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    requests, duration, p50, p95, p99, errors = result.stdout.split("RESULT ", 1)[1].split()
    return {
        "rps": int(requests) / float(duration),
        "p50_ms": int(p50) / 1000,
        "p95_ms": int(p95) / 1000,
        "p99_ms": int(p99) / 1000,
        "errors": int(errors),
        "requests": int(requests),
    }


def measure_static(run_dir: Path, pages: list[str], connections: list[int], seconds: float) -> None:
    """The static pages through nginx under load, then served with every Streamlit process stopped."""
    subprocess.run(["bash", str(REPO_ROOT / "scripts" / "system-packages"), "wrk"], check=True)
    running = deploy(run_dir)
    rows = []
    try:
        for path in pages:
            for n in connections:
                r = wrk(f"{running.url}/{path}", n, seconds, run_dir)
                rows.append(
                    [label(path), n, r["rps"], r["p50_ms"], r["p95_ms"], r["p99_ms"], r["requests"], r["errors"]]
                )
        table(
            f"Static pages through nginx: wrk, N connections for {seconds:g} s, gzip (an nginx worker per core, 2 cores shared with wrk)",
            ["page", "connections", "requests/s", "p50 ms", "p95 ms", "p99 ms", "requests", "errors"],
            rows,
        )
        for port in running.processes:  # stopped through supervisord, which would otherwise start them again
            cluster.supervisor(running.run_dir).supervisor.stopProcess(f"streamlit-{port}")
        down = [[label(path), urllib.request.urlopen(f"{running.url}/{path}", timeout=10).status] for path in pages]
        table("With every Streamlit process stopped", ["page", "HTTP status"], down)
    finally:
        cluster.stop(running.run_dir)


def measure_reference(
    app: tuple[str, int], floor: tuple[str, int], pages: list[str], viewers: int, client: Path
) -> None:
    """50 new viewers at once, timed by this project's client and by the reference client, against the floor page.

    The two clients differ in where the clock starts: scripts/load.py starts it before the viewer connects (the
    websocket upgrade and Streamlit's new session are part of what a viewer waits for), the reference client once the
    websocket is open, just before it asks for the page run."""

    def reference(url: str, path: str) -> dict:
        out = subprocess.run(
            [sys.executable, str(client), url, "--viewers", str(viewers), "--page", path],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return ast.literal_eval(out.strip().splitlines()[-1])

    floor_own, floor_ref = run_viewers(floor[0], viewers), reference(floor[0], "")
    rows = [[FLOOR_NAME, floor_own["p95_s"], "–", floor_ref["p95_s"], "–"]]
    for path in pages:
        own, ref = run_viewers(app[0], viewers, path), reference(app[0], path)
        rows.append(
            [
                label(path),
                own["p95_s"],
                ratio(own["p95_s"], floor_own["p95_s"]),
                ref["p95_s"],
                ratio(ref["p95_s"], floor_ref["p95_s"]),
            ]
        )
    table(
        f"{viewers} new viewers at once, one process: p95 by both clients (s)",
        ["page", "scripts/load.py p95", "× floor", "st_load.py p95", "× floor"],
        rows,
    )


def client_cores(measure: Callable[[], dict]) -> dict:
    """The measurement, with the cores this load client used meanwhile (the servers share the same 2)."""
    cpu, wall = time.process_time(), time.monotonic()
    result = measure()
    return result | {"client_cores": (time.process_time() - cpu) / (time.monotonic() - wall)}


def measure_soak(browser: Browser, app: tuple[str, int], minutes: float) -> None:
    """Server memory while one tab rotates pages every 5 s in meeting mode."""
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(f"{app[0]}/?mode=meeting&rotate=5")
    start, rows = time.monotonic(), []
    while time.monotonic() - start < minutes * 60:
        page.wait_for_timeout(30_000)
        rows.append(
            [round(time.monotonic() - start), rss_mib([app[1]]), "/" + page.url.split("?")[0].rsplit("/", 1)[-1]]
        )
    page.close()
    table(f"Meeting-mode rotation every 5 s for {minutes:g} min: server memory", ["t s", "RSS MiB", "page"], rows)


def measure_synthetic(run_dir: Path, indicators: int, themes: int) -> None:
    """The generated large data set: file sizes, load and validate times, and each page's first run."""
    data = run_dir / "synthetic"
    synthetic_data.write(data, synthetic_data.generate(indicators, themes, targets=200, milestones=200))
    sizes = [[str(p.relative_to(data)), p.stat().st_size / 2**20] for p in sorted(data.rglob("*")) if p.is_file()]
    table(f"Synthetic data: {indicators} indicators across {themes} themes", ["file", "MiB"], sizes)
    start = time.perf_counter()
    try:
        dataset = load_dataset(data)
        outcome = "loads"
    except DataErrors as exc:
        dataset, outcome = None, "refused: " + exc.errors[0].format("en")
    load_s = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kpi", "validate", str(data)], cwd=REPO_ROOT, capture_output=True)
    cli_s = time.perf_counter() - start
    table(
        "Synthetic data: loading",
        ["what", "value"],
        [["load_dataset (s)", load_s], ["python -m kpi validate DIR (s)", cli_s], ["result", outcome]],
    )
    if dataset is None:
        return
    paths = ["", "targets", dataset.content.themes[0].id, "glossary", "source"]
    with server(run_dir, env={"KPI_DATA_DIR": str(data)}) as (app, _), server(run_dir, FLOOR) as (floor, _):
        visit(app, "")  # the first load of the data is not a page's cost
        rows = [[label(p), run_viewers(app, 1, p)["p50_s"]] for p in paths] + [
            [FLOOR_NAME, run_viewers(floor, 1)["p50_s"]]
        ]
    table(
        "Synthetic data: one viewer's first run per page (s, websocket session to script_finished)", ["page", "s"], rows
    )


# ---------------------------------------------------------------- running


def all_pages() -> list[str]:
    """Every page the benchmark covers: overview, targets, each theme in the data, glossary, source."""
    return ["", "targets", *[t.id for t in load_dataset(REPO_ROOT).content.themes], "glossary", "source"]


def warm(app: str, floor: str, pages: list[str]) -> None:
    """One session per page first, so the timings are of a warm server (caches filled, code imported)."""
    for path in pages:
        visit(app, path)
    visit(floor)


def arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__
    )
    parser.add_argument(
        "--parts", nargs="+", choices=PARTS, default=[p for p in PARTS if p != "soak"], help="default: all but soak"
    )
    parser.add_argument("--pages", nargs="+", help='url paths ("" is the overview); default: every page')
    parser.add_argument("--runs", type=int, default=5, help="browser loads per page and language (ttc)")
    parser.add_argument("--viewers", type=int, nargs="+", default=[1, 10, 50, 100])
    parser.add_argument("--scale-page", default="", help="the app page for the scale part (default: overview)")
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0, help="length of each throughput measurement")
    parser.add_argument("--soak-minutes", type=float, default=2.0)
    parser.add_argument("--connections", type=int, nargs="+", default=[500, 2000], help="static: wrk's clients at once")
    parser.add_argument("--reference-client", type=Path, default=REFERENCE_CLIENT, help="reference: st_load.py")
    parser.add_argument(
        "--synthetic", action="store_true", help="only the synthetic data set (scripts/synthetic_data.py)"
    )
    parser.add_argument("--indicators", type=int, default=10_000)
    parser.add_argument("--themes", type=int, default=40)
    return parser.parse_args(argv)


def main(argv: list[str]) -> None:
    args = arguments(argv)
    print(f"Command: `{shlex.join(['.venv/bin/python', 'scripts/benchmark.py', *argv])}`  ")
    print(
        f"Machine: {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores, "
        f"{time.strftime('%Y-%m-%d %H:%M')}"
    )
    with tempfile.TemporaryDirectory(prefix="kpi-benchmark-") as tmp:
        run_dir = Path(tmp)
        if args.synthetic:
            measure_synthetic(run_dir, args.indicators, args.themes)
            return
        run_parts(args, run_dir)


def run_parts(args: argparse.Namespace, run_dir: Path) -> None:
    """The selected parts, against one warm app server and one warm floor-page server."""
    pages = all_pages() if args.pages is None else args.pages
    if "data" in args.parts:
        measure_data()
    if "scale" in args.parts:  # first, while no other server of this run competes for the cores
        measure_scale(run_dir, args.scale_page, args.concurrency, args.seconds)
    if "static" in args.parts:
        measure_static(run_dir, pages, args.connections, args.seconds)
    if not {"ttc", "viewers", "bytes", "slow4g", "reference", "soak"} & set(args.parts):
        return
    with sync_playwright() as playwright, server(run_dir) as app, server(run_dir, FLOOR) as floor:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        warm(app[0], floor[0], pages)
        if "ttc" in args.parts:
            measure_cold(browser, run_dir)
            measure_ttc(browser, app[0], floor[0], pages, args.runs)
        if "viewers" in args.parts:
            measure_viewers(app, floor, pages, args.viewers)
        if "bytes" in args.parts:
            measure_bytes(browser, run_dir, pages)
        if "slow4g" in args.parts:
            measure_slow4g(browser, run_dir, pages, args.runs)
        if "reference" in args.parts:
            measure_reference(app, floor, pages, 50, args.reference_client)
        if "soak" in args.parts:
            measure_soak(browser, app, args.soak_minutes)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
