"""Reading supervisord over its socket (components/supervisor.py), and the data-check page's section on it
(components/processes.py), against a real supervisord with one program."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from datetime import UTC, datetime

import pytest

from components.processes import heartbeat_age
from components.supervisor import SOCKET_ENV, connect, processes, unexpected_exits
from kpi.texts import LANGS, t
from tests.helpers.apptest import open_page, plain

LOG = """2026-12-07 13:00:00,000 INFO supervisord started with pid 10
2026-12-07 13:00:05,000 INFO exited: publisher (terminated by SIGKILL; not expected)
2026-12-07 13:01:00,000 INFO supervisord started with pid 20
2026-12-07 13:01:05,000 INFO exited: streamlit-8601 (terminated by SIGKILL; not expected)
2026-12-07 13:01:09,000 INFO exited: streamlit-8601 (exit status 1; not expected)
2026-12-07 13:01:12,000 INFO stopped: publisher (terminated by SIGTERM)
2026-12-07 13:01:15,000 INFO exited: nginx (exit status 0; expected)
"""


def test_unexpected_exits_are_counted_since_supervisord_last_started():
    assert unexpected_exits(LOG) == {"streamlit-8601": 2}


@pytest.mark.parametrize(("beat", "age"), [("2026-12-07T13:00:00+00:00", 31.0), ("", None), ("not a time", None)])
def test_the_heartbeats_age(beat, age):
    assert heartbeat_age(beat, datetime(2026, 12, 7, 13, 0, 31, tzinfo=UTC)) == age


@pytest.fixture
def supervised(tmp_path):
    """A supervisord running one program (`sleep`), its socket in tmp_path."""
    config = tmp_path / "supervisord.conf"
    config.write_text(f"""[unix_http_server]\nfile={tmp_path}/s.sock\nchmod=0700\n
[supervisord]\nlogfile={tmp_path}/supervisord.log\npidfile={tmp_path}/supervisord.pid\n
[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n
[program:sleeper]\ncommand=sleep 300\nstartsecs=0\nautorestart=true\n""")
    subprocess.run([shutil.which("supervisord") or "/usr/bin/supervisord", "-c", str(config)], check=True)
    path = str(tmp_path / "s.sock")
    wait_for(lambda: os.path.exists(path) and processes(path)[0].state == "RUNNING")
    yield path
    connect(path).supervisor.shutdown()


def wait_for(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if condition():
                return
        except OSError:
            pass
        assert time.monotonic() < deadline, "supervisord did not get there"
        time.sleep(0.05)


def test_a_killed_program_is_counted_once_it_is_back(supervised):
    [before] = processes(supervised)
    os.kill(before.pid, signal.SIGKILL)
    wait_for(
        lambda: processes(supervised)[0].pid not in (before.pid, 0) and processes(supervised)[0].state == "RUNNING"
    )
    [after] = processes(supervised)
    assert (after.name, after.restarts, after.uptime < 5) == ("sleeper", 1, True)


@pytest.mark.parametrize("lang", LANGS)
def test_the_check_page_says_when_nothing_is_supervised(monkeypatch, lang):
    monkeypatch.delenv(SOCKET_ENV, raising=False)
    at = open_page("check", **({"lang": lang} if lang != "zh" else {}))
    assert t("check_processes", lang) in [plain(h.value) for h in at.subheader]
    assert t("processes_unsupervised", lang) in [plain(c.value) for c in at.caption]


def test_the_check_page_lists_the_supervised_processes_and_a_silent_publisher(monkeypatch, supervised, tmp_path):
    monkeypatch.setenv(SOCKET_ENV, supervised)
    monkeypatch.setenv("KPI_SITE_DIR", str(tmp_path / "site"))  # no status.json: no heartbeat at all
    at = open_page("check", lang="en")
    [table] = [df.value for df in at.dataframe if t("col_process", "en") in df.value.columns]
    assert table[t("col_process", "en")].tolist() == ["sleeper"] and table[t("col_state", "en")].tolist() == ["RUNNING"]
    assert any(t("publisher_stale", "en", at="—", written="—", s=30) == plain(w.value) for w in at.warning)
