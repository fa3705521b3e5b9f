"""Many new viewers at once, without a browser: what a shared link costs the server.

    .venv/bin/python scripts/load.py http://127.0.0.1:8501 --viewers 1 10 50 [--page economy] [--query lang=en]
    .venv/bin/python scripts/load.py http://127.0.0.1:8500 --sustain 30 --concurrency 50

Each viewer is a fresh session: it opens the websocket a browser opens (/_stcore/stream), asks for one
run of a page (protobuf BackMsg.rerun_script) and waits for ForwardMsg.script_finished. An exception
element, a "page not found" message, a refused connection or a timeout counts as an error. Why no
browser: a browser's own work would hide the server's. Only for servers on this machine (loopback).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import websocket
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.util import calc_hash

TIMEOUT_S = 120.0


@dataclass(frozen=True)
class Visit:
    """One viewer's first page load: when it started, how long it took, and what went wrong."""

    started: float  # time.monotonic() when the viewer connected
    seconds: float
    error: str = ""  # empty when the script finished with no exception on the page


def stream_url(base_url: str) -> str:
    """The websocket address Streamlit's frontend opens under `base_url`."""
    return base_url.rstrip("/").replace("http", "ws", 1) + "/_stcore/stream"


def rerun_request(page: str, query: str) -> bytes:
    """BackMsg asking for one run of the page at `page` (its url_path; "" is the default page)."""
    state = ClientState(query_string=query, page_script_hash=calc_hash(page) if page else "")
    return BackMsg(rerun_script=state).SerializeToString()


def visit(base_url: str, page: str = "", query: str = "", timeout: float = TIMEOUT_S) -> Visit:
    """Open a new session, run one page, and wait until its script has finished."""
    started = time.monotonic()
    try:
        ws = websocket.create_connection(stream_url(base_url), subprotocols=["streamlit"], timeout=timeout)
    except Exception as exc:  # noqa: BLE001 - a refused or dropped connection is a result, not a crash
        return Visit(started, time.monotonic() - started, f"connect: {exc!r}")
    try:
        ws.send_binary(rerun_request(page, query))
        error = first_run_error(ws)
        return Visit(started, time.monotonic() - started, error)
    except Exception as exc:  # noqa: BLE001
        return Visit(started, time.monotonic() - started, f"stream: {exc!r}")
    finally:
        ws.close()


def first_run_error(ws: websocket.WebSocket) -> str:
    """Read messages until the script run finishes; what a viewer would see as an error, if anything."""
    error = ""
    while True:
        raw = ws.recv()
        if isinstance(raw, str):
            continue
        msg = ForwardMsg()
        msg.ParseFromString(raw)
        kind = msg.WhichOneof("type")
        if kind == "delta" and msg.delta.new_element.WhichOneof("type") == "exception":
            error = error or f"exception: {msg.delta.new_element.exception.message}"
        elif kind == "page_not_found":
            error = error or "page not found"
        elif kind == "script_finished":
            if msg.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                return error or "compile error"
            # A switch_page/rerun ends one run early and starts the next: wait for the last one.
            if msg.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                return error


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the sorted values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def summary(visits: list[Visit], wall_s: float) -> dict:
    """p50/p95 of the successful loads, the error count and sessions per second."""
    times = [v.seconds for v in visits if not v.error]
    errors = [v.error for v in visits if v.error]
    return {
        "viewers": len(visits),
        "ok": len(times),
        "errors": len(errors),
        "p50_s": round(statistics.median(times), 3) if times else None,
        "p95_s": round(percentile(times, 0.95), 3) if times else None,
        "wall_s": round(wall_s, 3),
        "sessions_per_s": round(len(times) / wall_s, 2) if wall_s else None,
        "first_error": errors[0] if errors else "",
    }


def run_viewers(base_url: str, n: int, page: str = "", query: str = "", timeout: float = TIMEOUT_S) -> dict:
    """`n` new viewers arriving at the same moment (a link posted in a group chat)."""
    visits: list[Visit] = []
    gate = threading.Barrier(n)

    def viewer() -> None:
        gate.wait()
        visits.append(visit(base_url, page, query, timeout))

    start = time.monotonic()
    threads = [threading.Thread(target=viewer) for _ in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return summary(visits, time.monotonic() - start)


def sustain(
    base_url: str, concurrency: int, seconds: float, page: str = "", query: str = "", timeout: float = TIMEOUT_S
) -> list[Visit]:
    """`concurrency` viewers, each opening one new session after another for `seconds`: throughput."""
    visits: list[Visit] = []
    deadline = time.monotonic() + seconds

    def viewer() -> None:
        while time.monotonic() < deadline:
            visits.append(visit(base_url, page, query, timeout))

    threads = [threading.Thread(target=viewer) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return visits


def run_sustained(
    base_url: str, concurrency: int, seconds: float, page: str = "", query: str = "", warmup: float | None = None
) -> dict:
    """Sessions per second to script_finished in steady state: sessions that finished after `warmup`
    (default: a third of the run, while the first wave of `concurrency` sessions is still arriving)."""
    warmup = seconds / 3 if warmup is None else warmup
    start = time.monotonic()
    visits = sustain(base_url, concurrency, seconds, page, query)
    window = [v for v in visits if start + warmup <= v.started + v.seconds <= start + seconds]
    return {**summary(window, seconds - warmup), "concurrency": concurrency, "window_s": seconds - warmup}


def listening_pids(port: int) -> list[int]:
    """Processes with a listening TCP socket on `port` (read from /proc, so no extra tool is needed)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "0A":  # 0A: LISTEN
                inodes.add(fields[9])
    pids = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            links = {os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")}
        except OSError:  # the process ended, or is not ours to read
            continue
        if any(f"socket:[{inode}]" in links for inode in inodes):
            pids.append(int(pid))
    return pids


def rss_mib(pids: list[int]) -> float:
    """Resident memory of the given processes together, in MiB."""
    total_kib = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total_kib += int(line.split()[1])
    return total_kib / 1024


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url", help="base URL of the server, e.g. http://127.0.0.1:8501")
    parser.add_argument("--viewers", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--page", default="", help="url_path of the page (empty: the default page)")
    parser.add_argument("--query", default="", help="query string without '?', e.g. lang=en")
    parser.add_argument("--sustain", type=float, metavar="SECONDS", help="measure throughput for this long instead")
    parser.add_argument("--concurrency", type=int, default=50, help="viewers at a time with --sustain")
    parser.add_argument(
        "--rss-port", type=int, nargs="*", default=[], help="also print the RSS of the servers on these ports"
    )
    args = parser.parse_args(argv)
    if args.sustain:
        results = [run_sustained(args.url, args.concurrency, args.sustain, args.page, args.query)]
    else:
        results = [run_viewers(args.url, n, args.page, args.query) for n in args.viewers]
    for result in results:
        if args.rss_port:
            result["rss_mib"] = round(rss_mib([p for port in args.rss_port for p in listening_pids(port)]), 1)
        print(json.dumps(result, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
