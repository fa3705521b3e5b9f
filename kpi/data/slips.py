"""Slips of the hand that break a YAML file, found at their own line: a full-width colon, a Tab, no space after a colon.

Why: the parser stops where it can no longer read, which is often lines below the slip (`value： 20` is read as a
word without a colon, and the parser says "could not find expected ':'" where the next key starts), and it says so
in English. Staff type in Notepad with a Chinese input method, where these three slips are the usual ones; named
at their line with the corrected line, each is a one-key fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

# A key as this data writes keys (`value`, `not_mentioned_in`), after the indent and any list dashes.
_KEY = r"^(?P<indent>[ \t]*(?:-[ \t]+)*)(?P<key>[A-Za-z_][A-Za-z0-9_]*)"
_FULL_WIDTH_COLON = re.compile(_KEY + r"[ \t]*(?P<colon>：)[ \t]*(?P<rest>.*)$")
_NO_SPACE = re.compile(_KEY + r"(?P<colon>:)(?P<rest>[^\s:].*)$")
_SHOWN = 30  # characters of the corrected line the message shows


class Slip(NamedTuple):
    """One slip: its 1-based line and column, its message code and the values the message names."""

    line: int
    column: int
    code: str
    params: dict[str, str]


def slips(text: str) -> Iterator[Slip]:
    """Every line of the text with one of the three slips, in order (a line's first slip only)."""
    for number, line in enumerate(text.split("\n"), start=1):
        slip = line_slip(line, number)
        if slip is not None:
            yield slip


def line_slip(line: str, number: int) -> Slip | None:
    """The slip on one line, if any: a Tab in the indent first (it is what the parser trips on), then the colons."""
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    if "\t" in indent:
        return Slip(number, indent.index("\t") + 1, "tab_indent", {})
    for code, pattern in (("yaml_full_width_colon", _FULL_WIDTH_COLON), ("yaml_no_space", _NO_SPACE)):
        found = pattern.match(line)
        if found:
            fixed = f"{found['key']}: {found['rest']}".rstrip()
            fixed = fixed if len(fixed) <= _SHOWN else fixed[: _SHOWN - 1] + "…"  # the start of the line says which
            return Slip(number, found.start("colon") + 1, code, {"key": found["key"], "fixed": fixed})
    return None


def slip_between(text: str, first: int, last: int) -> Slip | None:
    """The first slip on lines `first`..`last` (1-based): where the parser began the thing it could not finish, up to
    where it stopped."""
    lines = text.split("\n")[max(first, 1) - 1 : last]
    return next((s for n, line in enumerate(lines, start=max(first, 1)) if (s := line_slip(line, n))), None)
