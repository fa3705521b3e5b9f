"""Where each part of a YAML file stands as text: first and last line of every mapping, list and value.

Why: `python -m kpi apply` and the editing page's forms write lines into indicators.yaml and glossary.yaml
(kpi/edit/yaml_text.py) instead of loading and dumping them, so every byte they do not change stays as staff
wrote it (comments, blank lines, quoting, key order). For that they need the line each item ends on, the column
its list is indented to and the exact span of a scalar, which the loader's position tree
(kpi/data/yaml_reader.py, start positions only) does not keep. The file is parsed once more, here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Protocol, cast

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NO_KEYS: Mapping = MappingProxyType({})  # a scalar's: shared, and read-only so no one can fill it by mistake
_KINDS = {yaml.MappingStartEvent: "mapping", yaml.SequenceStartEvent: "sequence"}
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_SCALARS = (yaml.ScalarEvent, yaml.AliasEvent)


@dataclass(slots=True)
class Node:
    """A value of the file: where it starts and ends, its children, and a scalar's text."""

    line: int  # 0-based
    column: int  # 0-based; for a block list, the column of its first `-`
    last_line: int  # 0-based line of its last character (comments and blank lines after it not counted)
    flow: bool = False  # written on one line, in [...] or {...}
    keys: Mapping[str, tuple[int, int, Node]] = field(default_factory=dict)  # key → (key line, key column, value)
    items: Sequence[Node] = field(default_factory=list)
    kind: str = "scalar"  # "mapping", "sequence" or "scalar"
    value: str | None = None  # a scalar's text as YAML reads it, before its type is resolved ('2024' and 2024 alike)
    style: str | None = None  # a scalar's style: None plain, "'" or '"' quoted, "|" or ">" a block
    end_column: int = 0  # 0-based column just after its last character, on last_line

    def get(self, *path: str | int) -> Node | None:
        """The value at `path` (keys and list indexes), or None when there is none."""
        node: Node | None = self
        for part in path:
            if node is None:
                return None
            if isinstance(part, int):
                node = node.items[part] if 0 <= part < len(node.items) else None
            else:
                node = node.keys[part][2] if part in node.keys else None
        return node

    def scalar(self, key: str) -> str | None:
        """The text of the scalar under `key` of this mapping (None when there is none, or it is no scalar)."""
        child = self.get(key)
        return child.value if child is not None else None


class _Mark(Protocol):
    """A position in the text: yaml.Mark from the Python parser, yaml._yaml.Mark from libyaml's; both have these."""

    line: int  # 0-based
    column: int  # 0-based


@dataclass(slots=True)
class _Open:
    """A collection being read: its node, its children as they come, and the key waiting for its value.

    Why `keys` and `items` beside the node's: they are the same dict and list, held here with their mutable
    types, so the node shows its readers only read-only ones (a scalar's are shared).
    """

    node: Node
    mapping: bool
    keys: dict[str, tuple[int, int, Node]]
    items: list[Node]
    key: tuple[str, int, int] | None = None


def layout(text: str) -> Node | None:
    """The file's top value with every child located; None for an empty file.

    Why so plain a loop: the 10,000-indicator file has 435,000 events; each costs a few microseconds here.
    """
    lines = text.split("\n")
    stack: list[_Open] = []
    top: Node | None = None
    for event in yaml.parse(text, Loader=_LOADER):
        kind = type(event)
        # The casts: the parser sets both marks on every event it reads from a text (the stubs say `| None` for
        # events built by hand).
        if kind in _SCALARS:
            start = cast(_Mark, event.start_mark)
            if stack and stack[-1].mapping and stack[-1].key is None:
                stack[-1].key = (str(getattr(event, "value", "")), start.line, start.column)
                continue
            node = Node(
                start.line,
                start.column,
                start.line,
                False,
                _NO_KEYS,
                (),
                "scalar",
                getattr(event, "value", None),
                getattr(event, "style", None) or None,
            )
            top = _attach(stack, _end_at(node, lines, cast(_Mark, event.end_mark))) or top
        elif kind in _KINDS:
            start = cast(_Mark, event.start_mark)
            keys: dict[str, tuple[int, int, Node]] = {}
            items: list[Node] = []
            flow = bool(cast(yaml.CollectionStartEvent, event).flow_style)  # `kind` is one of its subclasses
            node = Node(start.line, start.column, start.line, flow, keys, items, _KINDS[kind])
            stack.append(_Open(node, kind is yaml.MappingStartEvent, keys, items))
        elif kind in _ENDS:
            node = stack.pop().node
            if node.flow:
                _end_at(node, lines, cast(_Mark, event.end_mark))
            top = _attach(stack, node) or top
    return top


def _attach(stack: list[_Open], node: Node) -> Node | None:
    """Put a finished value into its parent (returned when it is the file's top value)."""
    if not stack:
        return node
    parent = stack[-1]
    if parent.mapping:
        assert parent.key is not None, "a key is a scalar: the loader refuses a list or a mapping as a key"
        key, line, column = parent.key
        parent.keys[key] = (line, column, node)
        parent.key = None
    else:
        parent.items.append(node)
    if node.last_line >= parent.node.last_line:
        parent.node.last_line, parent.node.end_column = node.last_line, node.end_column
    return None


def _end_at(node: Node, lines: list[str], end: _Mark) -> Node:
    """The node with its last line and the column after its last character set from the parser's end mark."""
    node.last_line = _last_line(lines, node.line, end)
    node.end_column = end.column if end.line == node.last_line else len(lines[node.last_line].rstrip("\r"))
    return node


def _last_line(lines: list[str], first: int, end: _Mark) -> int:
    """The line of a value's last character: a block scalar's end mark stands at the start of the next line."""
    line = end.line - 1 if end.column == 0 and end.line > first else end.line
    while line > first and not lines[line].strip():
        line -= 1
    return line


def content_lines(text: str) -> list[str | None]:
    """Each line of the file without its comment, trailing spaces and line end; None for a line with no content.

    Why tokens: a `#` inside a quoted string is text, not a comment; only the scanner knows where each token
    ends. A line inside a value that spans lines (a long quoted string) is kept whole.
    """
    lines = text.split("\n")
    ends: dict[int, int] = {}
    spanned: set[int] = set()
    for token in yaml.scan(text, Loader=_LOADER):
        start, end = token.start_mark, token.end_mark
        if start.index == end.index:
            continue  # zero-width markers (block start and end, implicit keys)
        if end.column > 0:
            ends[end.line] = max(ends.get(end.line, 0), end.column)
        spanned.update(range(start.line, end.line))
    return [
        lines[n].rstrip() if n in spanned else lines[n][: ends[n]].rstrip() if n in ends else None
        for n in range(len(lines))
    ]
