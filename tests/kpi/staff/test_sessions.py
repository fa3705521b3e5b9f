"""Sessions (kpi/staff/sessions.py): signed, server-side, ended by sign-out, idleness, age and a new password;
shared by every process that opens the directory. The clock is a list the tests move, never a sleep."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kpi.staff.passwords import Cost, PasswordFile
from kpi.staff.sessions import (
    ABSOLUTE_S,
    DATABASE,
    IDLE_S,
    KEY_FILE,
    SWEEP_S,
    TOUCH_S,
    Sessions,
    load_key,
    sessions_from_environment,
    user_from_header,
    user_header,
)

CHEAP = Cost(ln=4)
PASSWORD = "东明路 correct horse"


class Clock:
    """Seconds that move only when a test says so."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def password_file(tmp_path) -> PasswordFile:
    found = PasswordFile(tmp_path / "staff.passwords")
    found.set("张伟", PASSWORD, CHEAP)
    found.set("wang.li", "wang's long password", CHEAP)
    return found


@pytest.fixture
def sessions(tmp_path, password_file, clock) -> Sessions:
    return Sessions(tmp_path / "sessions", password_file.path, now=clock)


def rows(sessions: Sessions) -> list[tuple]:
    with sqlite3.connect(sessions.directory / DATABASE) as db:
        return db.execute("SELECT name, created, seen FROM sessions ORDER BY created").fetchall()


def test_a_right_password_starts_a_session_that_names_its_person(sessions):
    cookie = sessions.start("张伟", PASSWORD)
    assert cookie is not None and sessions.verify(cookie) == "张伟"
    assert sessions.start("wang.li", "wang's long password") != cookie


@pytest.mark.parametrize(
    ("name", "password"), [("张伟", "a wrong password"), ("nobody", PASSWORD), ("wang.li", PASSWORD)]
)
def test_a_wrong_name_or_password_starts_nothing(sessions, name, password):
    assert sessions.start(name, password) is None and rows(sessions) == []


def test_sign_out_ends_the_session_and_only_it(sessions):
    mine, other = sessions.start("张伟", PASSWORD), sessions.start("张伟", PASSWORD)
    sessions.end(mine)
    assert sessions.verify(mine) is None and sessions.verify(other) == "张伟"
    sessions.end(mine)  # twice, or a cookie that is not ours: nothing happens
    sessions.end("forged.cookie")
    sessions.end(None)


def test_a_session_ends_after_a_working_day_idle(sessions, clock):
    cookie = sessions.start("张伟", PASSWORD)
    for _ in range(3):  # used every seven hours, it lasts
        clock.advance(IDLE_S - 3600)
        assert sessions.verify(cookie) == "张伟"
    clock.advance(IDLE_S)
    assert sessions.verify(cookie) is None
    clock.advance(-IDLE_S)  # and it is gone, not only refused
    assert sessions.verify(cookie) is None and rows(sessions) == []


def test_a_session_ends_after_a_week_however_busy(sessions, clock):
    cookie = sessions.start("张伟", PASSWORD)
    while clock.now + 3600 < 1_800_000_000.0 + ABSOLUTE_S:
        clock.advance(3600)
        assert sessions.verify(cookie) == "张伟"
    clock.advance(3600)
    assert sessions.verify(cookie) is None


def test_last_seen_is_written_at_most_once_a_minute(sessions, clock):
    cookie = sessions.start("张伟", PASSWORD)
    started = clock.now
    clock.advance(TOUCH_S - 1)
    sessions.verify(cookie)
    assert rows(sessions) == [("张伟", started, started)]
    clock.advance(1)
    sessions.verify(cookie)
    assert rows(sessions) == [("张伟", started, started + TOUCH_S)]


def test_a_reset_password_ends_that_persons_sessions_only(sessions, password_file):
    mine, theirs = sessions.start("张伟", PASSWORD), sessions.start("wang.li", "wang's long password")
    password_file.set("张伟", PASSWORD, CHEAP)  # even to the same password
    assert sessions.verify(mine) is None and sessions.verify(theirs) == "wang.li"
    assert sessions.verify(sessions.start("张伟", PASSWORD)) == "张伟"


def test_removal_ends_the_persons_sessions(sessions, password_file):
    cookie = sessions.start("张伟", PASSWORD)
    password_file.remove("张伟")
    assert sessions.verify(cookie) is None
    password_file.set("张伟", PASSWORD, CHEAP)  # added back: the old session stays ended
    assert sessions.verify(cookie) is None


def tampered(cookie: str) -> str:
    """The cookie with one character of its token changed."""
    return ("B" if cookie[0] == "A" else "A") + cookie[1:]


@pytest.mark.parametrize(
    "forge",
    [
        lambda cookie: tampered(cookie),
        lambda cookie: cookie.split(".")[0] + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        lambda cookie: cookie.split(".")[0],
        lambda cookie: "." + cookie.split(".")[1],
        lambda cookie: cookie + "x",
        lambda cookie: cookie + "." + cookie,
        lambda cookie: cookie[:-1] + "é",
        lambda cookie: cookie * 3,
        lambda cookie: "",
        lambda cookie: None,
    ],
)
def test_a_forged_or_tampered_cookie_names_nobody(sessions, forge):
    cookie = sessions.start("张伟", PASSWORD)
    assert sessions.verify(forge(cookie)) is None and sessions.verify(cookie) == "张伟"


def test_a_cookie_signed_with_another_key_names_nobody(tmp_path, sessions, password_file, clock):
    elsewhere = Sessions(tmp_path / "elsewhere", password_file.path, now=clock)
    assert sessions.verify(elsewhere.start("张伟", PASSWORD)) is None


def test_two_processes_on_one_directory_agree(tmp_path, sessions, password_file, clock):
    other = Sessions(sessions.directory, password_file.path, now=clock)
    cookie = sessions.start("张伟", PASSWORD)
    assert other.verify(cookie) == "张伟"
    other.end(cookie)
    assert sessions.verify(cookie) is None


def test_a_session_started_by_another_process_is_known_here(tmp_path, password_file):
    code = (
        "import sys; from kpi.staff.sessions import Sessions; "
        "print(Sessions(sys.argv[1], sys.argv[2]).start('张伟', sys.argv[3]))"
    )
    started = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "shared"), str(password_file.path), PASSWORD],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=True,
    )
    here = Sessions(tmp_path / "shared", password_file.path)
    assert here.verify(started.stdout.strip()) == "张伟"


def test_processes_starting_at_once_make_one_key(tmp_path):
    path = tmp_path / KEY_FILE
    keys, barrier = [], threading.Barrier(8)

    def start() -> None:
        barrier.wait()
        keys.append(load_key(path))

    threads = [threading.Thread(target=start) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(keys)) == 1 and [p.name for p in tmp_path.iterdir()] == [KEY_FILE]


def test_the_key_and_the_database_are_for_the_server_only(sessions):
    for name in (KEY_FILE, DATABASE):
        assert stat.S_IMODE((sessions.directory / name).stat().st_mode) == 0o600
    assert stat.S_IMODE(sessions.directory.stat().st_mode) == 0o700


def test_a_damaged_key_is_refused_not_replaced(tmp_path, password_file):
    (tmp_path / "damaged").mkdir()
    (tmp_path / "damaged" / KEY_FILE).write_bytes(b"short")
    with pytest.raises(ValueError, match="not a session key"):
        Sessions(tmp_path / "damaged", password_file.path)


def test_the_database_holds_no_token_and_is_in_wal_mode(sessions):
    cookie = sessions.start("张伟", PASSWORD)
    token = cookie.split(".")[0].encode()
    stored = b"".join(p.read_bytes() for p in Path(sessions.directory).glob(DATABASE + "*"))
    assert token not in stored
    with sqlite3.connect(sessions.directory / DATABASE) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_expired_rows_are_deleted_now_and_then(sessions, clock):
    sessions.start("张伟", PASSWORD)
    clock.advance(IDLE_S + SWEEP_S)
    sessions.start("wang.li", "wang's long password")
    assert [name for name, _, _ in rows(sessions)] == ["wang.li"]


@pytest.mark.parametrize(
    ("name", "header"),
    [
        ("wang.li", "wang.li"),
        ("Li_Na-2", "Li_Na-2"),
        ("张伟", "%E5%BC%A0%E4%BC%9F"),
        ("欧阳·娜娜", "%E6%AC%A7%E9%98%B3%C2%B7%E5%A8%9C%E5%A8%9C"),
    ],
)
def test_a_name_travels_in_a_latin_1_header_and_back(name, header):
    assert user_header(name) == header and header.isascii() and user_from_header(header) == name


@pytest.mark.parametrize("header", [None, "", "%FF%FE", "wang li", "a%3Ab", "%0Aadmin", "x" * 41])
def test_a_header_that_carries_no_name_names_nobody(header):
    assert user_from_header(header) is None


def test_the_deploy_configures_the_sessions_by_environment(tmp_path, password_file):
    assert sessions_from_environment({}) is None
    assert sessions_from_environment({"KPI_SESSIONS_DIR": str(tmp_path / "s")}) is None
    found = sessions_from_environment(
        {"KPI_SESSIONS_DIR": str(tmp_path / "s"), "KPI_STAFF_FILE": str(password_file.path)}
    )
    assert found.directory == tmp_path / "s" and found.verify(found.start("张伟", PASSWORD)) == "张伟"
