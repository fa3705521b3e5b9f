"""Where a piece of text stands in a report, every time it stands there."""

from __future__ import annotations


def spans(text: str, part: str) -> list[tuple[int, int]]:
    """Every (start, end) where part stands in text."""
    found, start = [], text.find(part)
    while start >= 0:
        found.append((start, start + len(part)))
        start = text.find(part, start + 1)
    return found
