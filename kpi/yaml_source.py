"""Read a staff-edited YAML file safely, keeping the position of every node for error messages.

Why not yaml.safe_load: it silently keeps the last of two equal keys, expands alias bombs, and throws
away line numbers. Here each file is checked in cheap passes before anything is built:
size → encoding → events (aliases, depth) → nodes (tags, duplicate keys) → Python objects.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kpi.errors import DataError, DataErrors, make_error

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32
_PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}


def read_yaml(path: Path, name: str) -> tuple[object, Node | None]:
    """The file's data and its node tree; raises DataErrors listing every problem found."""
    text = _read_text(path, name)
    _raise_if(_event_errors(text, name))
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        _raise_if(_node_errors(root, name) if root is not None else [])
        return (loader.construct_document(root) if root is not None else None), root
    except yaml.MarkedYAMLError as exc:
        raise DataErrors([_syntax_error(exc, name)]) from None
    finally:
        loader.dispose()


def locate(root: Node | None, loc: tuple[str | int, ...]) -> tuple[int, int]:
    """(line, column), 1-based, of the field at `loc`; a missing field points at its parent."""
    if root is None:
        return 1, 1
    node, mark = root, root.start_mark
    for part in loc:
        if isinstance(node, MappingNode):
            match = next(((k, v) for k, v in node.value if k.value == part), None)
            if match is None:
                break
            mark, node = match[0].start_mark, match[1]
        elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
            mark = node.start_mark
        else:
            break
    return mark.line + 1, mark.column + 1


def _raise_if(errors: list[DataError]) -> None:
    if errors:
        raise DataErrors(errors)


def _read_text(path: Path, name: str) -> str:
    if not path.is_file():
        raise DataErrors([make_error(name, 1, 1, "", "file_missing")])
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DataErrors([make_error(name, 1, 1, "", "file_too_large", size=size, limit=MAX_BYTES)])
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")  # Notepad may add a byte-order mark
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataErrors([make_error(name, line, 1, "", "not_utf8")]) from None
    return text.replace("\r\n", "\n")


def _event_errors(text: str, name: str) -> list[DataError]:
    """Aliases and excessive nesting, found before any node is built (so bombs cost nothing)."""
    errors, depth = [], 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            mark = event.start_mark
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                errors.append(make_error(name, mark.line + 1, mark.column + 1, "", "yaml_alias"))
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return errors + [make_error(name, mark.line + 1, mark.column + 1, "", "yaml_too_deep", limit=MAX_DEPTH)]
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        errors.append(_syntax_error(exc, name))
    return errors


def _node_errors(root: Node, name: str) -> list[DataError]:
    """Object-building tags and duplicate keys, anywhere in the tree."""
    errors, stack = [], [root]
    while stack:
        node = stack.pop()
        mark = node.start_mark
        if node.tag not in _PLAIN_TAGS:
            errors.append(make_error(name, mark.line + 1, mark.column + 1, "", "yaml_tag", tag=node.tag))
        if isinstance(node, MappingNode):
            seen: dict[object, int] = {}
            for key, value in node.value:
                if isinstance(key, ScalarNode) and key.value in seen:
                    km = key.start_mark
                    errors.append(make_error(name, km.line + 1, km.column + 1, "", "yaml_duplicate_key",
                                             key=key.value, first=seen[key.value]))
                elif isinstance(key, ScalarNode):
                    seen[key.value] = key.start_mark.line + 1
                stack += [key, value]
        elif isinstance(node, SequenceNode):
            stack += node.value
    return errors


def _syntax_error(exc: yaml.MarkedYAMLError, name: str) -> DataError:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return make_error(name, line, column, "", "yaml_syntax", problem=exc.problem or exc.context or "")
