"""Two Streamlit processes behind nginx (scripts/deploy): deep links, a dead process, a staff edit under load."""

from __future__ import annotations

import gzip
import os
import re
import signal
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from kpi.data.files import REPO_ROOT
from scripts.deploy import cluster as deploy
from scripts.load import run_viewers, sustain
from tests.browser.server import free_port, load
from tests.browser.test_live_edits import NAME_LINE, edit
from tests.browser.waiting import wait_until
from tests.conftest import copy_data_dir

SECRET = "a-test-secret-shared-by-every-process"


def start_cluster(tmp_path: Path, data_dir: Path | None = None) -> deploy.Cluster:
    """Two freshly started processes and nginx, with their own run and state directories."""
    environ = {**os.environ, deploy.SECRET_ENV: SECRET, "KPI_STATE_DIR": str(tmp_path / "state")}
    return deploy.start(free_port(), (free_port(), free_port()), tmp_path / "run", data_dir, environ=environ)


@pytest.fixture
def cluster(tmp_path):
    running = start_cluster(tmp_path)
    yield running
    deploy.stop(running.run_dir)


def upstreams(run_dir: Path, path: str = "/_stcore/stream") -> list[list[str]]:
    """For each logged request to `path`, the processes nginx tried, in order (the last one answered)."""
    lines = (run_dir / "access.log").read_text().splitlines()
    return [re.search(r"upstream=(.*)$", line)[1].split(", ") for line in lines if f" {path}" in line]


def test_the_generated_config_is_valid_nginx(tmp_path):
    (tmp_path / "tmp").mkdir()
    config = tmp_path / "nginx.conf"
    config.write_text(deploy.nginx_config(free_port(), [8601, 8602], tmp_path), encoding="utf-8")
    result = subprocess.run([deploy.nginx_binary(), "-t", "-p", str(tmp_path), "-c", str(config), "-e",
                             str(tmp_path / "error.log")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "{{" not in config.read_text()


def test_a_first_visit_is_compressed_cached_and_free_of_the_unused_font(cluster):
    # An interactive view (meeting mode): Streamlit's page, as nginx passes it on.
    request = urllib.request.Request(cluster.url + "/?mode=meeting", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as page:
        assert page.headers["Content-Encoding"] == "gzip"
        html = gzip.decompress(page.read()).decode("utf-8")
    assert 'rel="preload"' not in html  # the Latin web font this dashboard never draws with
    script = re.search(r'src="\./(static/js/index\.[^"]+\.js)"', html)[1]
    for encoding in ("br", "gzip"):
        for attempt in ("MISS", "HIT"):
            request = urllib.request.Request(f"{cluster.url}/{script}", headers={"Accept-Encoding": encoding})
            with urllib.request.urlopen(request, timeout=10) as response:
                assert response.headers["Content-Encoding"] == encoding
                assert "immutable" in response.headers["Cache-Control"]
                if encoding == "br" and attempt == "HIT":  # the second request came from nginx's cache
                    assert response.headers["X-Cache-Status"] == "HIT"


def test_a_generated_cookie_secret_is_announced(capsys):
    assert deploy.cookie_secret({deploy.SECRET_ENV: "given"}) == "given"
    assert len(deploy.cookie_secret({})) == 64
    assert deploy.SECRET_ENV in capsys.readouterr().err


def test_a_cold_deep_link_through_nginx_opens_the_right_page(browser, cluster):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    load(page, f"{cluster.url}/economy?lang=en&as_of=2024-06-30")  # the first request these processes see (a what-if: Streamlit's)
    expect(page.get_by_role("heading", name="Economy").first).to_be_visible()
    assert page.get_by_text("Page not found").count() == 0
    assert page.locator('[data-testid="stException"]').count() == 0
    route = next(c["value"] for c in context.cookies() if c["name"] == deploy.ROUTE_COOKIE)
    served = {line.rsplit("upstream=", 1)[1] for line in (cluster.run_dir / "access.log").read_text().splitlines()
              if f"route={route} " in line}
    assert len(served) == 1  # sticky: the page, its assets and its websocket all went to one process
    context.close()


def environment(pid: int) -> dict[str, str]:
    """A running process's environment variables."""
    pairs = Path(f"/proc/{pid}/environ").read_bytes().decode().split("\0")
    return dict(pair.split("=", 1) for pair in pairs if "=" in pair)


def test_new_viewers_are_spread_over_processes_that_share_secret_and_data(cluster):
    result = run_viewers(cluster.url, 20)
    assert result["errors"] == 0, result["first_error"]
    assert {tried[-1] for tried in upstreams(cluster.run_dir)} == {f"127.0.0.1:{p}" for p in cluster.processes}
    shared = [(env[deploy.SECRET_ENV], env["KPI_DATA_DIR"]) for env in map(environment, cluster.processes.values())]
    assert shared == [(SECRET, str(REPO_ROOT))] * 2


def test_killing_one_process_under_load_loses_no_new_viewer(cluster):
    visits = []
    load_thread = threading.Thread(target=lambda: visits.extend(sustain(cluster.url, 8, 12.0)))
    load_thread.start()
    dead, live = list(cluster.processes.items())
    wait_until(lambda: len(upstreams(cluster.run_dir)) >= 10, what="some viewers served by both processes")
    os.kill(dead[1], signal.SIGKILL)
    killed_at = time.monotonic()
    load_thread.join()
    after = [v for v in visits if v.started > killed_at]
    assert len(after) >= 10, "too few viewers arrived after the kill to show anything"
    assert [v.error for v in after if v.error] == []
    assert [tried[-1] for tried in upstreams(cluster.run_dir)[-5:]] == [f"127.0.0.1:{live[0]}"] * 5


def test_a_staff_edit_during_load_shows_on_every_process(browser, tmp_path):
    data = copy_data_dir(REPO_ROOT, tmp_path)
    running = start_cluster(tmp_path, data)
    try:
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        visits = []
        load_thread = threading.Thread(target=lambda: visits.extend(sustain(running.url, 6, 10.0, "economy")))
        load_thread.start()
        wait_until(lambda: len(upstreams(running.run_dir)) >= 6, what="some viewers served")
        edit(data / "indicators.yaml", NAME_LINE, NAME_LINE.replace("引进企业", "新引进企业"))
        for port in running.processes:  # the next page load on each process shows the edit
            load(page, f"http://127.0.0.1:{port}/economy")
            # wait: under load the tiles' code arrives after the script has finished (skeletons until then)
            expect(page.get_by_text("新引进企业").filter(visible=True).first).to_be_visible(timeout=30_000)
        load_thread.join()
        assert len(visits) >= 10 and [v.error for v in visits if v.error] == []
        page.close()
    finally:
        deploy.stop(running.run_dir)


def test_stop_ends_every_process(tmp_path):
    running = start_cluster(tmp_path)
    deploy.stop(running.run_dir)
    assert not [pid for pid in running.processes.values() if deploy.alive(pid)]
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{running.url}/_stcore/health", timeout=2)
