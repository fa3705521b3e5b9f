"""Edit indicators.yaml the way staff do in a text editor: paste lines at the end of an item or a list.

Why text, not load-and-dump: the README tells staff to paste lines; a test that performs those steps must
paste them too, keeping every comment and line of the file as it was.
"""

from __future__ import annotations

import re


def _item_end(lines: list[str], start: int) -> int:
    """The index just after the item that starts at `start` (a `- id:` line): its lines are indented."""
    end = start + 1
    while end < len(lines) and lines[end].startswith("  "):
        end += 1
    return end


def append_to_item(text: str, item_id: str, block: str) -> str:
    """`block` (indented as the item's own keys, two spaces) pasted at the end of the item with that id."""
    lines = text.split("\n")
    [start] = [i for i, line in enumerate(lines) if line == f"- id: {item_id}"]
    end = _item_end(lines, start)
    return "\n".join(lines[:end] + block.rstrip("\n").split("\n") + lines[end:])


def append_to_list(text: str, key: str, block: str) -> str:
    """`block` (list items starting with `- `) pasted at the end of the top-level list `key:`."""
    lines = text.split("\n")
    [start] = [i for i, line in enumerate(lines) if line == f"{key}:"]
    end = start + 1
    while end < len(lines) and not re.match(r"^[a-z_]+:", lines[end]):
        end += 1
    while lines[end - 1] == "":
        end -= 1
    return "\n".join(lines[:end] + [""] + block.rstrip("\n").split("\n") + lines[end:])
