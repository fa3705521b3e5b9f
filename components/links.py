"""Links to other pages that keep the shared view (language, as-of date, meeting mode) in the URL."""

from __future__ import annotations

from urllib.parse import urlencode

from components.frame import Frame


def page_url(frame: Frame, url_path: str, **params: str) -> str:
    """A relative URL to another page, e.g. `indicator?id=economy.x&lang=en` (it may open in a new tab)."""
    query = urlencode(params | frame.shared)
    return f"{url_path}?{query}" if query else url_path
