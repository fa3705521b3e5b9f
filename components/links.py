"""Links between pages that keep the shared view (language, meeting mode) in the URL."""

from __future__ import annotations

from urllib.parse import urlencode

from components.frame import Frame


def shared_params(frame: Frame) -> dict[str, str]:
    """Query parameters every link carries so a shared view stays itself."""
    params = {"lang": frame.lang} if frame.lang != "zh" else {}
    return params | ({"mode": "meeting"} if frame.meeting else {})


def page_url(frame: Frame, url_path: str, **params: str) -> str:
    """A relative URL to another page, e.g. `indicator?id=economy.x&lang=en`."""
    query = urlencode(params | shared_params(frame))
    return f"{url_path}?{query}" if query else url_path
