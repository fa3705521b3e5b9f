"""What supervisord says of the processes it runs (scripts/deploy): their state, uptime and unexpected exits.

Why its XML-RPC over the unix socket, with the standard library: the deploy's supervisord listens only on a socket
in its run directory (mode 0700, no TCP port, no password to keep), and supervisorctl would cost a process per
question. The deploy gives every program the socket's path in KPI_SUPERVISOR_SOCKET; without it (plain
`streamlit run`) nothing here is asked. Streamlit-free: scripts/deploy/cluster.py uses it too.
"""

from __future__ import annotations

import http.client
import re
import socket
import xmlrpc.client
from collections import Counter
from dataclasses import dataclass
from typing import Any

SOCKET_ENV = "KPI_SUPERVISOR_SOCKET"
LOG_TAIL_BYTES = 256 * 1024  # supervisord's own log holds only state changes: this reaches back a long way
_EXIT = re.compile(r"exited: (\S+) \(.*not expected\)")
_STARTED = "supervisord started with pid"


class _UnixConnection(http.client.HTTPConnection):
    """HTTP over a unix socket: xmlrpc.client speaks HTTP, supervisord listens on a socket file."""

    def __init__(self, path: str, timeout: float) -> None:
        super().__init__("localhost", timeout=timeout)
        self.socket_path = path

    def connect(self) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(self.timeout)
        self.sock.connect(self.socket_path)


class _UnixTransport(xmlrpc.client.Transport):
    """xmlrpc.client's transport, connecting to the socket file instead of a host."""

    def __init__(self, path: str, timeout: float) -> None:
        super().__init__()
        self.socket_path, self.timeout = path, timeout

    def make_connection(self, host):  # noqa: ANN001, ANN201 — xmlrpc.client's own signature
        return _UnixConnection(self.socket_path, self.timeout)


def connect(path: str, timeout: float = 10.0) -> Any:
    """supervisord's XML-RPC interface (`.supervisor.getAllProcessInfo()`, …) at the socket `path`. Typed `Any`:
    XML-RPC's methods and answers are whatever the server sends, so a static type would only be a guess."""
    return xmlrpc.client.ServerProxy("http://localhost", transport=_UnixTransport(path, timeout), allow_none=True)


@dataclass(frozen=True)
class Process:
    """One supervised program as supervisord reports it, with its unexpected exits since supervisord started."""

    name: str
    state: str  # RUNNING, STARTING, BACKOFF, STOPPED, EXITED, FATAL, …
    pid: int
    uptime: float  # seconds since it (re)started; 0 when not running
    restarts: int  # unexpected exits: each was followed by a restart
    description: str


def unexpected_exits(log: str) -> Counter[str]:
    """How often each program exited unexpectedly, counted in supervisord's log since its last start."""
    since = log.rsplit(_STARTED, 1)[-1]
    return Counter(match[1] for match in _EXIT.finditer(since))


def processes(path: str) -> list[Process]:
    """Every program of the supervisord at `path`, in its order (raises OSError when it does not answer)."""
    server = connect(path).supervisor
    exits = unexpected_exits(server.readLog(-LOG_TAIL_BYTES, 0))
    return [
        Process(
            info["name"],
            info["statename"],
            info["pid"],
            max(0, info["now"] - info["start"]) if info["statename"] == "RUNNING" else 0,
            exits[info["name"]],
            info["description"],
        )
        for info in server.getAllProcessInfo()
    ]
