"""The one writer of YAML text: lines put into indicators.yaml and glossary.yaml, every other byte kept.

Why text and not load-and-dump (nor ruamel.yaml): staff read these files in Notepad and in diffs. A dump rewrites
quoting, wrapping and blank lines across 3,000 lines; a round-trip library keeps most of it but not all (it
re-indents some lists and moves comments that stand between items) and would be one more dependency. Here an
edit is lines inserted after the located last line of a list or an item, at its indentation, or one scalar's
text replaced where it stands (kpi/edit/layout.py says where each part of a file is); the rest of the file is
untouched, so a diff shows only the lines the change needs. `python -m kpi apply` (kpi/draft/apply.py) and the
editing page's forms (kpi/edit/forms.py) both write through here.

What a text is: the file's bytes decoded as UTF-8, nothing taken away: a byte-order mark Notepad wrote stays its
first character, Windows line ends stay "\\r\\n", and every line written here gets the file's own line end.

Why the renderers are so careful: what staff type (a note with a colon, a quote mark, a `#`, a leading `-`, a new
line) must read back as exactly what they typed, and in the files' own style: plain where YAML reads it as the same
text, single quotes where not, double quotes with escapes only for what single quotes cannot hold.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from kpi.data.errors import DataError, make_error
from kpi.edit.layout import Node, layout

BOM = "\ufeff"

# ── A data file's text ─────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class DataText:
    """A data file as bytes on disk say it: its text, and whether it starts with a byte-order mark."""

    text: str
    bom: bool

    @classmethod
    def read(cls, path: Path) -> DataText:
        raw = path.read_bytes()
        bom = raw.startswith(b"\xef\xbb\xbf")
        return cls(raw[3 if bom else 0 :].decode("utf-8"), bom)

    @classmethod
    def of(cls, text: str) -> DataText:
        """A file's whole text (as a Change holds it) parted into its body and its byte-order mark."""
        return cls(text.removeprefix(BOM), text.startswith(BOM))

    def encoded(self, text: str) -> bytes:
        return (b"\xef\xbb\xbf" if self.bom else b"") + text.encode("utf-8")

    def whole(self, text: str) -> str:
        """A new body with this file's byte-order mark put back: the text a Change holds."""
        return (BOM if self.bom else "") + text


# ── Lines into a file ──────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Insertion:
    """Lines going into a data file after one of its lines."""

    file: str
    after: int  # 0-based line of the data file
    depth: int  # at the same line, an insertion into an item (deeper) goes before one at the end of its list
    lines: list[str]
    origins: list[int | None]  # 0-based line of the source each line came from (None: a line written here)
    shift: int  # columns the source's lines moved right (negative: left)


def merge(text: str, insertions: list[Insertion]) -> tuple[str, list[tuple[str, int, int] | None]]:
    """The file with the insertions made, and where each of its lines came from: ("data", line, 0) or
    ("draft", line, columns moved); None for a line written here (a blank line, a list's key)."""
    lines = text.split("\n")
    end = line_end(text)  # a CRLF file gets CRLF lines
    after: dict[int, list[tuple[int, int, Insertion]]] = {}
    for order, insertion in enumerate(insertions):
        after.setdefault(insertion.after, []).append((-insertion.depth, order, insertion))
    out: list[str] = []
    origins: list[tuple[str, int, int] | None] = []
    for number, line in enumerate(lines):
        out.append(line)
        origins.append(("data", number, 0))
        for _, _, insertion in sorted(after.get(number, []), key=lambda x: x[:2]):
            out += [added + end for added in insertion.lines]
            origins += [None if o is None else ("draft", o, insertion.shift) for o in insertion.origins]
    return "\n".join(out), origins


def line_end(text: str) -> str:
    """What ends a line of this text besides "\\n": "\\r" in a Windows file."""
    return "\r" if "\r\n" in text else ""


def separated(lines: list[str], target: Node) -> bool:
    """Whether a list's items stand apart with a blank line before each (the top-level lists do): new ones follow suit."""
    return len(target.items) > 0 and target.items[-1].line > 0 and not lines[target.items[-1].line - 1].strip()


def shifted(line: str, shift: int) -> str:
    """A line moved `shift` columns right, or left (never past its first character) when negative."""
    return " " * shift + line if shift >= 0 else line[min(-shift, len(line) - len(line.lstrip(" "))) :]


# ── Blocks copied from another YAML file (a draft) ─────────────────────────────────────────────────


def block(clean: list[str | None], first: int, last: int, shift: int) -> tuple[list[str], list[int]]:
    """Lines first..last of a source file that hold content (`clean`: kpi/edit/layout.py content_lines), moved."""
    lines: list[str] = []
    origins: list[int] = []
    for number in range(first, last + 1):
        line = clean[number]
        if line is not None:
            lines.append(shifted(line, shift))
            origins.append(number)
    return lines, origins


def dash_line(clean: list[str | None], item: Node, dash: int) -> int:
    """The line of an item's `-` (its first key may stand on the next line)."""
    line = item.line
    while line > 0 and not (clean[line] or "")[dash:].startswith("-"):
        line -= 1
    return line


def items_block(
    items: Node, clean: list[str | None], column: int, separate: bool = False
) -> tuple[list[str], list[int | None]]:
    """The lines of each item of a source list, without comments, moved to `column`; a blank line before each if asked."""
    body: list[str] = []
    origins: list[int | None] = []
    for item in items.items:
        if separate:
            body.append("")
            origins.append(None)
        lines, where = block(clean, dash_line(clean, item, items.column), item.last_line, column - items.column)
        body += lines
        origins += where
    return body, origins


def items_into_list(
    items: Node, target: Node, clean: list[str | None], file: str, lines: list[str], depth: int, field: str
) -> Insertion | DataError:
    """A source list's items after the last item of a list of the data file, at its indentation."""
    if target.flow or not target.items:
        return make_error(file, target.line + 1, target.column + 1, field, "apply_flow_list")
    body, origins = items_block(items, clean, target.column, separated(lines, target))
    return Insertion(file, target.last_line, depth, body, origins, target.column - items.column)


def items_as_new_list(key: str, items: Node, clean: list[str | None], file: str, lines: list[str]) -> Insertion:
    """A source list's items as a new top-level list `key:` at the end of the data file."""
    body, origins = items_block(items, clean, 0)
    last = max((n for n, line in enumerate(lines) if line.strip()), default=0)
    return Insertion(file, last, 0, ["", f"{key}:", *body], [None, None, *origins], -items.column)


def keys_into_item(
    entry: Node, names: tuple[str, ...], item: Node, clean: list[str | None], file: str, field: str
) -> Insertion | DataError:
    """Some keys of a source mapping (with their values' lines) as the last keys of an item of the data file."""
    if item.flow:
        return make_error(file, item.line + 1, item.column + 1, field, "apply_flow_list")
    keys = [entry.keys[key] for key in names if key in entry.keys]
    shift = item.column - keys[0][1]
    body: list[str] = []
    origins: list[int | None] = []
    for line, _, value in keys:
        lines, where = block(clean, line, value.last_line, shift)
        body += lines
        origins += where
    return Insertion(file, item.last_line, 2, body, origins, shift)


# ── The forms' edits: lines they render, into the text as it is ───────────────────────────────────

Path_ = tuple[str | int, ...]  # keys and list indexes from the file's top, as Node.get takes them


class NoPlace(Exception):
    """The file is written so that the edit has no place in it (a list on one line, an item gone): nothing changed."""

    def __init__(self, error: DataError):
        super().__init__(error.format("en"))
        self.error = error


@dataclass(frozen=True)
class _Text:
    """A file's text taken apart for one edit: its byte-order mark, its lines, their line end and its layout."""

    original: DataText
    lines: list[str]
    end: str
    root: Node | None

    @classmethod
    def of(cls, text: str) -> _Text:
        original = DataText.of(text)
        return cls(original, original.text.split("\n"), line_end(original.text), layout_of(text))

    def node(self, file: str, path: Path_) -> Node:
        """The value at `path`; NoPlace when the file has none there."""
        node = self.root.get(*path) if self.root is not None else None
        if node is None:
            raise NoPlace(make_error(file, 1, 1, dotted(path), "edit_no_place"))
        return node

    def joined(self, lines: list[str]) -> str:
        return self.original.whole("\n".join(lines))

    def inserted(self, after: int, new: list[str]) -> str:
        """The text with `new` lines (each given the file's line end) after line `after`."""
        text, _ = merge(self.original.text, [Insertion("", after, 0, new, [None] * len(new), 0)])
        return self.original.whole(text)


def dotted(path: Path_) -> str:
    """`targets[3].progress`: a path as a field name in a message."""
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path).lstrip(".")


@functools.lru_cache(maxsize=1)
def layout_of(text: str) -> Node | None:
    """Where each part of a file's whole text stands (its byte-order mark aside). Read-only: never change a node.

    Why remembered, and only the last: a form asks several questions of the same text (where is the item, what is
    its last entry, where does the new one go); the 10,000-indicator file takes seconds to lay out, and one layout
    of it holds tens of megabytes, so only the last text's is kept.
    """
    return layout(DataText.of(text).text)


def index_of(text: str, group: str, item_id: str) -> int | None:
    """The index, in the text as it is, of the item of the top-level list `group` whose `id` is `item_id`."""
    root = layout_of(text)
    items = root.get(group) if root is not None else None
    return next((n for n, item in enumerate(items.items if items else []) if item.scalar("id") == item_id), None)


def add_list_item(text: str, file: str, item: Path_, key: str, entry: list[str]) -> str:
    """An entry (a list item's lines written at column 0, `- date: …`) at the end of the list `key` of a mapping,
    at that list's indentation; `key:` is created as the mapping's last key when it has none (or only `key: []`)."""
    parsed = _Text.of(text)
    mapping = _block_mapping(parsed, file, item)
    if key not in mapping.keys:
        column = mapping.column + list_offset(parsed.root)
        return parsed.inserted(mapping.last_line, [" " * mapping.column + f"{key}:", *_indented(entry, column)])
    key_line, key_column, target = mapping.keys[key]
    if target.flow and not target.items and target.line == target.last_line:  # `progress: []`: the first entry
        lines = list(parsed.lines)
        lines[target.line] = lines[target.line][: target.column].rstrip(" ") + lines[target.line][target.end_column :]
        new = [line + parsed.end for line in _indented(entry, key_column + list_offset(parsed.root))]
        return parsed.joined(lines[: target.line + 1] + new + lines[target.line + 1 :])
    if target.kind != "sequence" or target.flow or not target.items:
        raise NoPlace(make_error(file, target.line + 1, target.column + 1, dotted((*item, key)), "apply_flow_list"))
    blank = [""] if separated(parsed.lines, target) else []
    return parsed.inserted(target.last_line, blank + _indented(entry, target.column))


def append_item(text: str, file: str, group: str, entry: list[str]) -> str:
    """An entry (lines at column 0, `- id: …`) at the end of the top-level list `group`, or a new list at the file's end."""
    parsed = _Text.of(text)
    target = parsed.root.get(group) if parsed.root is not None else None
    if target is None:
        last = max((n for n, line in enumerate(parsed.lines) if line.strip()), default=0)
        return parsed.inserted(last, ["", f"{group}:", *entry])
    if target.kind != "sequence" or target.flow or not target.items:
        raise NoPlace(make_error(file, target.line + 1, target.column + 1, group, "apply_flow_list"))
    blank = [""] if separated(parsed.lines, target) else []
    return parsed.inserted(target.last_line, blank + _indented(entry, target.column))


def add_key(text: str, file: str, item: Path_, key_lines: list[str]) -> str:
    """A key with its value (lines written at column 0: `outcome:`, `  value: 52`…) as the last key of a mapping."""
    parsed = _Text.of(text)
    mapping = _block_mapping(parsed, file, item)
    return parsed.inserted(mapping.last_line, _indented(key_lines, mapping.column))


def set_scalar(text: str, file: str, path: Path_, rendered: str) -> str:
    """One scalar's text replaced where it stands (`value: 139` → `value: 140`; `{zh: 甲, en: A}` → `{zh: 乙, en: A}`)."""
    parsed = _Text.of(text)
    node = parsed.node(file, path)
    if node.kind != "scalar":
        raise NoPlace(make_error(file, node.line + 1, node.column + 1, dotted(path), "edit_no_place"))
    return parsed.joined(_spliced(parsed.lines, node, rendered))


def set_key(text: str, file: str, mapping_path: Path_, key: str, rendered: str, after: str) -> str:
    """A scalar key set: its text replaced when the mapping has it, else a line `key: …` after the key `after`."""
    parsed = _Text.of(text)
    mapping = _block_mapping(parsed, file, mapping_path)
    if key in mapping.keys:
        return set_scalar(text, file, (*mapping_path, key), rendered)
    line = mapping.keys[after][2].last_line if after in mapping.keys else mapping.last_line
    return parsed.inserted(line, [" " * mapping.column + f"{key}: {rendered}"])


def remove_key(text: str, file: str, mapping_path: Path_, key: str) -> str:
    """A key and its value taken out of a mapping, whole lines, when it stands on lines of its own (no-op when absent)."""
    parsed = _Text.of(text)
    mapping = _block_mapping(parsed, file, mapping_path)
    if key not in mapping.keys:
        return text
    key_line, key_column, value = mapping.keys[key]
    if parsed.lines[key_line][:key_column].strip() or key_line == mapping.line:
        raise NoPlace(make_error(file, key_line + 1, key_column + 1, dotted((*mapping_path, key)), "edit_no_place"))
    return parsed.joined(parsed.lines[:key_line] + parsed.lines[value.last_line + 1 :])


def set_list(text: str, file: str, mapping_path: Path_, key: str, rendered: list[str]) -> str:
    """A list of scalars replaced by `rendered` items in its own style ([a, b] or one `- a` a line); added as the
    mapping's last key when absent; the key taken out when the new list is empty."""
    parsed = _Text.of(text)
    mapping = _block_mapping(parsed, file, mapping_path)
    if not rendered:
        return remove_key(text, file, mapping_path, key)
    if key not in mapping.keys:
        return add_key(
            text,
            file,
            mapping_path,
            [f"{key}:", *_indented([f"- {item}" for item in rendered], list_offset(parsed.root))],
        )
    _, _, target = mapping.keys[key]
    if target.kind != "sequence":
        raise NoPlace(
            make_error(file, target.line + 1, target.column + 1, dotted((*mapping_path, key)), "edit_no_place")
        )
    if target.flow:
        return parsed.joined(_spliced(parsed.lines, target, "[" + ", ".join(rendered) + "]"))
    first = target.items[0].line
    new = [" " * target.column + f"- {item}" + parsed.end for item in rendered]
    return parsed.joined(parsed.lines[:first] + new + parsed.lines[target.last_line + 1 :])


def _block_mapping(parsed: _Text, file: str, path: Path_) -> Node:
    """The mapping at `path`, written one key a line (keys can be added to it); NoPlace otherwise."""
    node = parsed.node(file, path)
    if node.kind != "mapping" or node.flow:
        raise NoPlace(make_error(file, node.line + 1, node.column + 1, dotted(path), "apply_flow_list"))
    return node


def _spliced(lines: list[str], node: Node, rendered: str) -> list[str]:
    """The lines with the node's text (from its first character to its last, over several lines if it spans them)
    replaced by `rendered`; what stood before and after it on its lines (a key, a comma, a comment) kept."""
    head, tail = lines[node.line][: node.column], lines[node.last_line][node.end_column :]
    return lines[: node.line] + [head + rendered + tail] + lines[node.last_line + 1 :]


def _indented(lines: list[str], column: int) -> list[str]:
    """Lines written at column 0 moved to `column` (blank lines stay blank)."""
    return [" " * column + line if line else line for line in lines]


def list_offset(root: Node | None) -> int:
    """How far this file indents a list under its key: 0 when it writes `values:` then `- period:` under the `v`
    (the data files' style), 2 when the dash stands two columns right. The first list in the file decides."""
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop(0)
        for key_line, key_column, value in node.keys.values():
            if value.kind == "sequence" and not value.flow and value.line > key_line:
                return value.column - key_column
            stack.append(value)
        stack += node.items
    return 0


# ── Values as the files write them ─────────────────────────────────────────────────────────────────

_RESOLVER = Resolver()
_STR = "tag:yaml.org,2002:str"
_PRINTABLE = re.compile("[\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_UNQUOTABLE = "\x85\u2028\u2029\ufeff\t"  # printable to YAML, yet read as a line break (or skipped, or a Tab)
_START = set("-?:,[]{}#&*!|>'\"%@`")  # a plain scalar may not start with an indicator
_INSIDE = set(":#'\"")  # nor hold, here, what would end it or read as a quote or a comment
_FLOW = set(",[]{}")  # nor, inside {…} or […], what ends a flow item
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}


def render_text(text: str, flow: bool = False) -> str:
    """A string as a scalar that reads back as exactly it: plain, else 'single-quoted', else "double-quoted".

    `flow`: for a place inside {…} or […], where a comma or a bracket would end a plain scalar. A lone surrogate
    (no character at all) cannot stand in a UTF-8 file: ValueError.
    """
    if any("\ud800" <= c <= "\udfff" for c in text):
        raise ValueError(f"not text: {text!r}")
    if _plain(text, flow):
        return text
    if all(_PRINTABLE.match(c) and c not in _UNQUOTABLE and c not in "\n\r" for c in text):
        return "'" + text.replace("'", "''") + "'"
    return '"' + "".join(_escaped(c) for c in text) + '"'


def _plain(text: str, flow: bool) -> bool:
    if (
        not text
        or text != text.strip()
        or text[0] in _START
        or any(c in _INSIDE or (flow and c in _FLOW) for c in text)
    ):
        return False
    if not all(_PRINTABLE.match(c) and c not in _UNQUOTABLE and c not in "\n\r" for c in text):
        return False
    return _RESOLVER.resolve(ScalarNode, text, (True, False)) == _STR  # "yes", "null", "30", "2024-06-30" are no text


def _escaped(c: str) -> str:
    if c in _ESCAPES:
        return _ESCAPES[c]
    if _PRINTABLE.match(c) and c not in _UNQUOTABLE:
        return c
    code = ord(c)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def render_number(value: float) -> str:
    """A finite number as the files write it: 30 (never 30.0), 3.45, 0.00001 (YAML reads 1e-05 as text)."""
    if isinstance(value, bool) or not math.isfinite(value):
        raise ValueError(f"not a finite number: {value!r}")
    if float(value).is_integer():
        return str(int(value))
    return format(Decimal(repr(float(value))), "f")


def render_date(value: dt.date) -> str:
    """A date as YAML reads it back as a date: 2024-06-30."""
    return value.isoformat()


def render_bilingual(zh: str, en: str) -> str:
    """A Text on one line, as the files write names and notes: {zh: 第二季度新建10座, en: 10 built in the second quarter}."""
    return f"{{zh: {render_text(zh, flow=True)}, en: {render_text(en, flow=True)}}}"


def render_scalar(value: object, flow: bool = False) -> str:
    """Any value the forms write: a date, a number, or text."""
    if isinstance(value, dt.date):
        return render_date(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return render_number(value)
    if isinstance(value, str):
        return render_text(value, flow)
    raise TypeError(f"the forms write no {type(value).__name__}")
