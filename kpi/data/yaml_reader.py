"""Read a staff-edited YAML file safely, keeping the position of every value for error messages.

Why not yaml.safe_load: it silently keeps the last of two equal keys, expands alias bombs, and throws
away line numbers. Why not yaml.compose and a constructor: building a node tree for every value is slow
(9 s for 10,000 indicators). Here one pass over libyaml's events builds the Python data and, beside it,
a tree of positions; anchors, aliases, object tags, duplicate keys and excessive nesting are refused on
the way, all of them reported at once. Plain scalars are resolved exactly as yaml.SafeLoader does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from kpi.data.errors import DataError, DataErrors, make_error, show_input
from kpi.data.slips import slip_between

MAX_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 32
_STR = "tag:yaml.org,2002:str"
_PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it: 20× faster events
_RESOLVER, _CONSTRUCTOR = Resolver(), SafeConstructor()

# A value's position: (line, column, children), 0-based; children is None for a scalar, a dict
# key → (key line, key column, position of the value) for a mapping, a list of positions for a sequence.
Position = tuple[int, int, Any]


def read_yaml(source: bytes | Path, name: str) -> tuple[object, Position | None]:
    """The file's data and its positions, from its bytes as read (kpi/data/reading.py) or from its path; raises
    DataErrors listing every problem found."""
    builder = _Builder(name)
    text = _decode(source if isinstance(source, bytes) else read_file(source, name), name)
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            builder.take(event)
    except _TooDeep:
        pass  # said once; nothing after it is worth reading
    except yaml.MarkedYAMLError as exc:
        builder.errors.append(_syntax_error(exc, name, text))
    if builder.errors:
        raise DataErrors(builder.errors)
    return builder.data, builder.position


def locate(root: Position | None, loc: tuple[str | int, ...]) -> tuple[int, int]:
    """(line, column), 1-based, of the field at `loc`; a missing field points at its parent."""
    if root is None:
        return 1, 1
    line, column, children = root
    for part in loc:
        if isinstance(children, dict) and part in children:
            line, column, (_, _, children) = children[part]  # the key's position: where an editor should jump
        elif isinstance(children, list) and isinstance(part, int) and 0 <= part < len(children):
            line, column, children = children[part]
        else:
            break
    return line + 1, column + 1


def _start(event: yaml.Event) -> yaml.Mark:
    """Where an event starts. The parser marks every event it reads; the stubs allow None for events built by hand."""
    return cast(yaml.Mark, event.start_mark)


class _Builder:
    """Turns parse events into data and positions, collecting every problem on the way."""

    def __init__(self, name: str):
        self.name = name
        self.errors: list[DataError] = []
        self.data: object = None
        self.position: Position | None = None
        self.stack: list[list] = []  # open collections: [container, children, pending key, its position, start mark]
        self.documents = 0

    def take(self, event: yaml.Event) -> None:
        mark = _start(event)
        if getattr(event, "anchor", None) or isinstance(event, yaml.AliasEvent):
            self._error(mark, "yaml_alias")
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self._error(mark, "yaml_syntax", problem="expected a single document in the file")
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            self._check_tag(event.tag, mark)
            if len(self.stack) >= MAX_DEPTH:
                self._error(mark, "yaml_too_deep", limit=MAX_DEPTH)
                raise _TooDeep
            mapping = isinstance(event, yaml.MappingStartEvent)
            self.stack.append([{} if mapping else [], {} if mapping else [], _NO_KEY, None, mark])
        elif isinstance(event, yaml.CollectionEndEvent):
            container, children, _, _, start = self.stack.pop()
            self._add(container, (start.line, start.column, children), start)
        elif isinstance(event, yaml.ScalarEvent):
            self._add(self._scalar(event), (mark.line, mark.column, None), mark)
        elif isinstance(event, yaml.AliasEvent):
            self._add(None, (mark.line, mark.column, None), mark)

    def _add(self, value: object, position: Position, mark: yaml.Mark) -> None:
        if not self.stack:
            self.data, self.position = value, position
            return
        frame = self.stack[-1]
        container, children, key = frame[0], frame[1], frame[2]
        if isinstance(container, list):
            container.append(value)
            children.append(position)
        elif key is _NO_KEY:
            if isinstance(value, dict | list):
                self._error(mark, "yaml_syntax", problem="a key must be plain text, not a list or a group")
                value = repr(value)
            frame[2], frame[3] = value, position
        else:
            if key in container:
                self._error_at(frame[3], "yaml_duplicate_key", key=key, first=children[key][0] + 1)
            else:
                container[key] = value
                children[key] = (frame[3][0], frame[3][1], position)
            frame[2] = _NO_KEY

    def _scalar(self, event: yaml.ScalarEvent) -> object:
        tag = event.tag if event.tag not in (None, "!") else _RESOLVER.resolve(ScalarNode, event.value, event.implicit)
        if tag == _STR:
            return event.value
        if not self._check_tag(tag, _start(event)):
            return event.value
        node = ScalarNode(tag, event.value, _start(event), cast(yaml.Mark, event.end_mark), event.style)
        try:
            return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
        except ValueError:  # looks like a date but the calendar has no such day (2024-02-30, 2024-13-01)
            self._error(_start(event), "yaml_no_such_date", input=show_input(event.value))
            return event.value

    def _check_tag(self, tag: str | None, mark: yaml.Mark) -> bool:
        """Object-building tags (`!!python/object`…) are refused: this file is data, never code."""
        if tag is None or tag in _PLAIN_TAGS:
            return True
        self._error(mark, "yaml_tag", tag=tag)
        return False

    def _error(self, mark: yaml.Mark, code: str, **params: object) -> None:
        self.errors.append(make_error(self.name, mark.line + 1, mark.column + 1, "", code, **params))

    def _error_at(self, position: Position, code: str, **params: object) -> None:
        self.errors.append(make_error(self.name, position[0] + 1, position[1] + 1, "", code, **params))


_NO_KEY = object()  # a mapping waiting for its next key


class _TooDeep(Exception):
    """Stops the pass: nesting this deep is an attack or an accident."""


def read_file(path: Path, name: str) -> bytes:
    """The bytes of a file that exists and is not too large to read."""
    if not path.is_file():
        raise DataErrors([make_error(name, 1, 1, "", "file_missing")])
    too_large(name, path.stat().st_size)
    return path.read_bytes()


def too_large(name: str, size: int) -> None:
    """Raise the located error for a file over MAX_BYTES: it is refused before anything reads it."""
    if size > MAX_BYTES:
        raise DataErrors([make_error(name, 1, 1, "", "file_too_large", size=size, limit=MAX_BYTES)])


def _decode(raw: bytes, name: str) -> str:
    too_large(name, len(raw))
    try:
        text = raw.decode("utf-8-sig")  # Notepad may add a byte-order mark
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataErrors([make_error(name, line, 1, "", "not_utf8")]) from None
    return text.replace("\r\n", "\n")


def _syntax_error(exc: yaml.MarkedYAMLError, name: str, text: str) -> DataError:
    """The slip that broke the file, at its own line and in words (kpi/data/slips.py), when one stands between where
    the parser began what it could not finish and where it stopped; else the parser's own words, where it stopped.

    Why not where it stopped: `value： 20` reads as a word without a colon, and the parser stops at the next key."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    began = exc.context_mark.line + 1 if exc.context_mark else line
    slip = slip_between(text, min(began, line), line)
    if slip is not None:
        return make_error(name, slip.line, slip.column, "", slip.code, **slip.params)
    return make_error(name, line, column, "", "yaml_syntax", problem=exc.problem or exc.context or "")
