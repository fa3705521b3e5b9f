"""Times in Shanghai time, labelled, from whatever zone they were taken in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from kpi.local_time import file_time, shanghai_time


@pytest.mark.parametrize(
    ("moment", "zh", "en"),
    [
        (
            datetime(2026, 12, 7, 12, 43, tzinfo=UTC),
            "2026-12-07 20:43:00（上海时间）",
            "2026-12-07 20:43:00 (Shanghai time)",
        ),
        ("2026-12-07T12:43:05+00:00", "2026-12-07 20:43:05（上海时间）", "2026-12-07 20:43:05 (Shanghai time)"),
        ("2026-12-07T20:43:05+08:00", "2026-12-07 20:43:05（上海时间）", "2026-12-07 20:43:05 (Shanghai time)"),
        ("2026-12-07T23:30:00-05:00", "2026-12-08 12:30:00（上海时间）", "2026-12-08 12:30:00 (Shanghai time)"),
        ("", "—", "—"),
        ("not a time", "—", "—"),
        (None, "—", "—"),
    ],
)
def test_a_time_is_said_in_shanghai_time(moment, zh, en):
    assert (shanghai_time(moment, "zh"), shanghai_time(moment, "en")) == (zh, en)


def test_a_naive_time_is_the_servers_clock():
    server = datetime(2026, 12, 7, 12, 43)
    offset = server.astimezone().utcoffset() or timedelta(0)
    expected = (server - offset + timedelta(hours=8)).strftime("%Y-%m-%d %H:%M:%S")
    assert shanghai_time(server, "en") == f"{expected} (Shanghai time)"
    assert shanghai_time(server.replace(tzinfo=timezone(offset)), "en") == f"{expected} (Shanghai time)"


def test_a_files_time():
    stamp = int(datetime(2026, 12, 7, 16, 54, 50, tzinfo=UTC).timestamp() * 1e9)
    assert file_time(stamp, "zh") == "2026-12-08 00:54:50（上海时间）"
