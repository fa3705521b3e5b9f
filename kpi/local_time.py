"""Times as staff read them: in Shanghai time, labelled so, whatever zone the server keeps.

Why: the server runs in UTC, and a heartbeat at 12:43 is 20:43 on the staff member's clock; a time without its
zone reads as local and is eight hours wrong. Every time the data-check page shows goes through here.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from kpi.texts import t

SHANGHAI = ZoneInfo("Asia/Shanghai")


def shanghai_time(moment: datetime | str | None, lang: str) -> str:
    """`2026-12-08 00:54:50（上海时间）`: an aware time, a naive one (the server's own clock) or an ISO text with its
    zone, in Shanghai time; "—" when there is none or it cannot be read."""
    if isinstance(moment, str):
        try:
            moment = datetime.fromisoformat(moment)
        except ValueError:
            moment = None
    if moment is None:
        return "—"
    local = (moment if moment.tzinfo else moment.astimezone()).astimezone(SHANGHAI)
    return t("shanghai_time", lang, time=local.strftime("%Y-%m-%d %H:%M:%S"))


def file_time(nanoseconds: int, lang: str) -> str:
    """A file's modification time (st_mtime_ns, as kpi/data/files.py's data_stamp gives it) in Shanghai time."""
    return shanghai_time(datetime.fromtimestamp(nanoseconds / 1e9, tz=UTC), lang)
