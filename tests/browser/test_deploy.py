"""Two Streamlit processes behind nginx under supervisord (scripts/deploy): deep links, dead processes brought back,
restarts that refuse no one, logs that rotate, and the shipped configuration checked by gixy and systemd-analyze."""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from kpi.data.files import REPO_ROOT
from scripts import probe_deploy as probe
from scripts.deploy import cluster as deploy
from scripts.load import run_viewers, sustain
from tests.browser.server import free_port, load
from tests.browser.test_live_edits import NAME_LINE, edit
from tests.browser.waiting import wait_until
from tests.conftest import copy_data_dir

SECRET = "a-test-secret-shared-by-every-process"
BACK_WITHIN_S = 5.0  # issue 28: a dead Streamlit process or publisher is back within this


def start_cluster(tmp_path: Path, data_dir: Path | None = None, **options: object) -> deploy.Cluster:
    """Two freshly started processes and nginx, with their own run and state directories."""
    environ = {**os.environ, deploy.SECRET_ENV: SECRET, "KPI_STATE_DIR": str(tmp_path / "state")}
    chosen = deploy.Options(free_port(), (free_port(), free_port()), free_port(), data_dir=data_dir, **options)
    return deploy.start(chosen, tmp_path / "run", environ)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    running = start_cluster(tmp_path_factory.mktemp("deploy"))
    yield running
    deploy.stop(running.run_dir)


def upstreams(run_dir: Path, path: str = "/_stcore/stream") -> list[list[str]]:
    """For each logged request to `path`, the processes nginx tried, in order (the last one answered)."""
    lines = (run_dir / "logs" / "nginx.log").read_text().splitlines()
    return [re.search(r"upstream=(.*)$", line)[1].split(", ") for line in lines if f" {path}" in line]


def test_the_generated_config_is_valid_nginx(tmp_path):
    deploy.configure(
        deploy.Options(free_port(), (8601, 8602), staff_networks=("10.20.0.0/16",), trusted_proxies=("127.0.0.1/32",)),
        tmp_path,
    )
    result = subprocess.run(
        [deploy.nginx_binary(), "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"), "-e", "stderr"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "{{" not in (tmp_path / "nginx.conf").read_text()
    assert {oct(path.stat().st_mode & 0o777) for path in tmp_path.glob("*.conf")} == {"0o600"}  # they hold secrets


def gixy_findings(config: Path) -> list[dict]:
    """gixy's findings (its JSON report) on a written configuration."""
    result = subprocess.run(
        [str(Path(sys.executable).parent / "gixy"), "-f", "json", str(config)], capture_output=True, text=True
    )
    assert result.stdout.strip().startswith("["), result.stderr
    return json.loads(result.stdout)


def test_gixy_finds_nothing_the_template_does_not_explain(tmp_path):
    deploy.configure(
        deploy.Options(
            free_port(),
            (8601, 8602),
            public_url="https://dongming.example.org",
            staff_networks=("10.20.0.0/16",),
            trusted_proxies=("127.0.0.1/32",),
        ),
        tmp_path,
    )
    explained = set(re.findall(r"gixy: (\w+)", deploy.TEMPLATE.read_text(encoding="utf-8")))
    findings = gixy_findings(tmp_path / "nginx.conf")
    assert [(f["plugin"], f["summary"]) for f in findings if f["plugin"] not in explained] == []


def test_the_systemd_unit_verifies(tmp_path):
    unit = tmp_path / "dongming-dashboard.service"
    text = (deploy.DEPLOY_DIR / "dongming-dashboard.service").read_text(encoding="utf-8")
    unit.write_text(text.replace("/srv/dongming-dashboard", str(REPO_ROOT)), encoding="utf-8")
    result = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True, text=True)
    assert result.returncode == 0 and "dongming-dashboard" not in result.stderr, result.stderr


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


def test_a_generated_cookie_secret_is_announced_and_kept(capsys, tmp_path):
    assert deploy.cookie_secret({deploy.SECRET_ENV: "given"}, tmp_path / "kept") == "given"
    made = deploy.cookie_secret({}, tmp_path / "kept")
    assert len(made) == 64 and deploy.SECRET_ENV in capsys.readouterr().err
    assert deploy.cookie_secret({}, tmp_path / "kept") == made  # the same after a restart: viewers' cookies stay valid
    assert oct((tmp_path / "kept").stat().st_mode & 0o777) == "0o600"


def test_a_cold_deep_link_through_nginx_opens_the_right_page(browser, cluster):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    load(page, f"{cluster.url}/economy?lang=en&as_of=2024-06-30")  # a what-if: Streamlit's
    expect(page.get_by_role("heading", name="Economy").first).to_be_visible()
    assert page.get_by_text("Page not found").count() == 0
    assert page.locator('[data-testid="stException"]').count() == 0
    route = next(c["value"] for c in context.cookies() if c["name"] == deploy.ROUTE_COOKIE)
    wait_until(lambda: f"route={route} " in (cluster.run_dir / "logs" / "nginx.log").read_text(), 10, "the log written")
    served = {
        line.rsplit("upstream=", 1)[1]
        for line in (cluster.run_dir / "logs" / "nginx.log").read_text().splitlines()
        if f"route={route} " in line and "upstream=-" not in line
    }
    assert len(served) == 1  # sticky: the page, its assets and its websocket all went to one process
    context.close()


def environment(pid: int) -> dict[str, str]:
    """A running process's environment variables."""
    pairs = Path(f"/proc/{pid}/environ").read_bytes().decode().split("\0")
    return dict(pair.split("=", 1) for pair in pairs if "=" in pair)


def test_new_viewers_are_spread_over_processes_that_share_secrets_and_data(cluster):
    result = run_viewers(cluster.url, 20)
    assert result["errors"] == 0, result["first_error"]
    both = {f"127.0.0.1:{p}" for p in cluster.processes}
    wait_until(lambda: {tried[-1] for tried in upstreams(cluster.run_dir)} >= both, 10, "both processes in the log")
    pids = [info["pid"] for name, info in deploy.programs(cluster.run_dir).items() if name.startswith("streamlit-")]
    envs = list(map(environment, pids))
    shared = {(env[deploy.SECRET_ENV], env["KPI_DATA_DIR"], env[deploy.PROXY_SECRET_ENV]) for env in envs}
    assert shared == {(SECRET, str(REPO_ROOT), (cluster.run_dir / "proxy-secret").read_text())}
    assert {env[deploy.SESSIONS_DIR_ENV] for env in envs} == {str(cluster.run_dir / "sessions")}


def test_a_killed_streamlit_process_is_back_within_5_s_and_no_new_viewer_is_lost(cluster):
    visits = []
    load_thread = threading.Thread(target=lambda: visits.extend(sustain(cluster.url, 8, 12.0)))
    load_thread.start()
    wait_until(lambda: len(upstreams(cluster.run_dir)) >= 10, what="some viewers served by both processes")
    port = next(iter(cluster.processes))
    killed_at = probe.kill_streamlit(cluster.run_dir, port)
    seconds = probe.seconds_until_healthy(port, killed_at)
    load_thread.join()
    print(f"streamlit-{port} healthy again {seconds:.2f} s after SIGKILL")
    assert seconds <= BACK_WITHIN_S
    after = [v for v in visits if v.started > killed_at]
    assert len(after) >= 10, "too few viewers arrived after the kill to show anything"
    assert [v.error for v in after if v.error] == []
    assert deploy.programs(cluster.run_dir)[f"streamlit-{port}"]["statename"] == "RUNNING"


def test_a_killed_publisher_is_back_writing_within_5_s(cluster):
    seconds = probe.seconds_until_publisher_writes_after_kill(cluster.run_dir)
    print(f"publisher writing again {seconds:.2f} s after SIGKILL")
    assert seconds <= BACK_WITHIN_S


def test_restart_under_load_refuses_no_one_and_start_refuses_a_running_deploy(cluster):
    before = {name: info["pid"] for name, info in deploy.programs(cluster.run_dir).items()}
    readers, took = probe.restart_under_load(cluster.run_dir, cluster.url, 30)
    print(f"restart took {took:.1f} s under 30 readers: {dict(readers.counts)}")
    assert readers.failures == [] and readers.counts["ok"] > 300
    after = {name: info["pid"] for name, info in deploy.programs(cluster.run_dir).items()}
    assert after[deploy.NGINX] == before[deploy.NGINX]  # reloaded, never stopped
    assert [
        name
        for name in before
        if name.startswith("streamlit-") or name == deploy.PUBLISHER
        if after[name] == before[name]
    ] == []
    with pytest.raises(deploy.AlreadyRunning, match="restart"):
        deploy.start(deploy.Options(free_port(), (free_port(),)), cluster.run_dir)


def test_while_the_sign_in_server_is_down_the_public_still_connects_and_staff_pages_ask_to_sign_in(cluster):
    server = deploy.supervisor(cluster.run_dir).supervisor
    server.stopProcess(deploy.SIGN_IN)
    try:
        assert probe.upgrade(cluster.url, cluster.url) == 101  # nginx's session check fails open to "nobody"
        assert probe.request(cluster.url + "/check").status == 302
    finally:
        server.startProcess(deploy.SIGN_IN)


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


def test_every_log_rotates_at_its_size(tmp_path):
    running = start_cluster(tmp_path, log_max_bytes=4096, log_backups=2)
    try:
        for _ in range(200):
            probe.request(running.url + "/targets?q=x")  # each logged by nginx, to supervisord's pipe
        logs = running.run_dir / "logs"
        wait_until(lambda: (logs / "nginx.log.1").exists(), 10, "nginx's access log rotated")
        for _ in range(400):
            probe.request(running.url + "/targets?q=x")
        assert (logs / "nginx.log.2").exists() and not (logs / "nginx.log.3").exists()  # two backups kept, no more
        # supervisord rolls a log over once a write has taken it past the size: one read of the pipe (≤ 128 KB) over.
        assert all(path.stat().st_size <= 4096 + 128 * 1024 for path in logs.glob("nginx.log*"))
        assert "GET /targets?q=x" in (logs / "nginx.log.2").read_text()
    finally:
        deploy.stop(running.run_dir)


def test_stop_ends_every_process(tmp_path):
    running = start_cluster(tmp_path)
    pids = [info["pid"] for info in deploy.programs(running.run_dir).values() if info["pid"]]
    deploy.stop(running.run_dir)
    assert not [pid for pid in pids if deploy.alive(pid)]
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{running.url}/_stcore/health", timeout=2)
    assert not deploy.running(running.run_dir)
