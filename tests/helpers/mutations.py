"""Edits staff might make to the shipped YAML, as Hypothesis strategies: one or two changes to the data tree.

Why a tree and not the text: every kind of edit the issue names (a string, a number, an id, an icon, a
period, a list emptied or an item duplicated, a key removed) is one small operation on the parsed data,
and Hypothesis shrinks it to the smallest edit that still fails. The tree is written back as YAML, so the
loader reads it exactly as it reads a staff member's file.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from kpi.data.files import GLOSSARY, INDICATORS, REPO_ROOT
from kpi.data.yaml_reader import read_yaml
from kpi.site import RESERVED_PATHS

Path_ = tuple[str | int, ...]

STRINGS = [
    "",
    " ",
    "\u3000",
    "x" * 3000,
    "<script>alert(1)</script>",
    "**粗** [链接](http://x) `c` $1$ #h",
    ":material/home:",
    "a\nb",
    "😀",
    "{zh} {0} %s",
    "中文",
    "Economy",
    "economy",
    "\\",
    "---",
    "'",
    "ab:cd #e",
    "report_2024",
]
NUMBERS = [0, -1, 0.5, 1e-9, 3.14159, 49, 100, 1e15, 1e300, 1.7976931348623157e308, 2**63, 10**30, 2023, 2024, 2025]
PERIODS = [
    "2023",
    "2024",
    "2022",
    "2023-01..2023-12",
    "2023-01..2023-06",
    "2022-12..2023-11",
    "2023-06..2023-01",
    "2023-13",
    2023,
    "2023-1..2023-11",
]
DATES = [
    date(2023, 12, 31),
    date(2024, 1, 1),
    date(2024, 6, 30),
    date(2024, 12, 31),
    date(2025, 1, 1),
    date(2099, 1, 1),
    date(1990, 1, 1),
    "2024-02-30",
    "2024/03/31",
]
ICONS = [
    "culture",
    ":material/no_such_icon:",
    ":material/home:",
    "🏠",
    "🏠🏠",
    "❤️",
    ":smile:",
    "spinner",
    "",
    " ",
    "https://example.org/icon.png",
    ":material/Home:",
    ":material/home",
    "material/home",
    "🇨🇳",
    " :material/park: ",
    "👨‍👩‍👧",
    ":material/home:x",
    "#",
    "**",
]
IDS = sorted(RESERVED_PATHS) + [
    "overview",
    "start-up",
    "economy",
    "housing",
    "new_theme",
    "Economy",
    "x" * 200,
    "_x",
    "",
]
STATES = ["not_started", "in_progress", "done", "finished"]
# A second report, as staff paste it before its figures (its text: a copy of the shipped one, see data_files).
NEXT_REPORT_FILE = "source/next.txt"
NEXT_REPORT = {
    "id": "report_2024",
    "title": {"zh": "下一份报告", "en": "The next report"},
    "publisher": {"zh": "街道", "en": "Office"},
    "published": date(2025, 1, 22),
    "url": "https://example.org/next",
    "file": NEXT_REPORT_FILE,
    "reviews": 2024,
    "plans": 2025,
}


def read_tree(name: str, root: Path = REPO_ROOT) -> Any:
    return read_yaml(root / name, name)[0]


SHIPPED = {INDICATORS: read_tree(INDICATORS), GLOSSARY: read_tree(GLOSSARY)}


def dump_tree(tree: Any) -> str:
    """The tree as YAML text, as staff's file would hold it (the editing tests save it as a change's text)."""
    return yaml.dump(tree, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=4096)


def write_tree(tree: Any, path: Path) -> None:
    path.write_text(dump_tree(tree), encoding="utf-8")


def without_outcome(directory: Path, item_id: str) -> Path:
    """The target or milestone `item_id` of the data in `directory` with its progress, outcome and override taken out.

    Why: tests that explain a plan year over with nothing entered must not depend on what staff enter in the
    shipped data one day."""
    tree = read_tree(INDICATORS, directory)
    item = next(x for group in ("targets", "milestones") for x in tree[group] if x["id"] == item_id)
    for key in ("progress", "outcome", "override"):
        item.pop(key, None)
    write_tree(tree, directory / INDICATORS)
    return directory


def write_data(trees: dict[str, Any], directory: Path) -> None:
    """A data directory: the edited files, the shipped report texts, and the next report's text."""
    shutil.copytree(REPO_ROOT / "source", directory / "source")
    [report] = [r for r in SHIPPED[INDICATORS]["reports"]]
    shutil.copy(REPO_ROOT / report["file"], directory / NEXT_REPORT_FILE)
    for name, tree in trees.items():
        write_tree(tree, directory / name)


def walk(node: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    """Every (path, value) of the tree, the root included."""
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, (*path, index))


def get(tree: Any, path: Path_) -> Any:
    for part in path:
        tree = tree[part]
    return tree


def paths(file: str, test: Callable[[Path_, Any], bool]) -> list[Path_]:
    return [path for path, value in walk(SHIPPED[file]) if path and test(path, value)]


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def regions(test: Callable[[Path_, Any], bool]) -> list[list[tuple[str, Path_]]]:
    """The matching paths, grouped by file and top-level list (reports, themes, indicators… terms).

    Why groups: Hypothesis first picks a group, then a path in it, so the twelve themes and one report are
    edited as often as the two thousand lines of indicators, not once in a thousand draws."""
    groups: dict[tuple[str, str | int], list[tuple[str, Path_]]] = {}
    for file in SHIPPED:
        for path in paths(file, test):
            groups.setdefault((file, path[0]), []).append((file, path))
    return list(groups.values())


STRING_PATHS = regions(lambda p, v: isinstance(v, str) and p[-1] != "period")
NUMBER_PATHS = regions(lambda p, v: _is_number(v) and p[-1] != "period")
PERIOD_PATHS = paths(INDICATORS, lambda p, v: p[-1] == "period")
DATE_PATHS = paths(INDICATORS, lambda p, v: isinstance(v, date))
LIST_PATHS = regions(lambda p, v: isinstance(v, list) and bool(v))
KEY_PATHS = regions(lambda p, v: True)  # a key, or an item of a list
THEMES = [theme["id"] for theme in SHIPPED[INDICATORS]["themes"]]
RENAMEABLE = THEMES + [item["id"] for group in ("indicators", "targets") for item in SHIPPED[INDICATORS][group]]
PLANNED = [(group, n) for group in ("targets", "milestones") for n in range(len(SHIPPED[INDICATORS][group]))]


@dataclass(frozen=True)
class Edit:
    """One change: `kind` at `path` of `file`, to `new` (a repr that reads as the edit in a failure report)."""

    kind: str
    file: str
    path: Path_
    new: Any = None

    def apply(self, trees: dict[str, Any]) -> None:
        tree = trees[self.file]
        if self.kind == "rename":  # an id, and every reference to it, as a careful editor renames it
            old = get(tree, self.path)
            for file in trees:
                for path, value in list(walk(trees[file])):
                    if value == old and path:
                        _set(trees[file], path, self.new)
            return
        if self.kind == "remove":
            del get(tree, self.path[:-1])[self.path[-1]]
        elif self.kind == "empty":
            _set(tree, self.path, [])
        elif self.kind == "duplicate":
            items = get(tree, self.path)
            items.insert(self.new + 1, copy.deepcopy(items[self.new]))
        elif self.kind == "append":
            get(tree, self.path).setdefault("progress", []).append(self.new)
        elif self.kind in ("new_report", "new_theme"):
            get(tree, self.path).append(copy.deepcopy(self.new))
        elif self.kind == "add_key":
            get(tree, self.path)[self.new[0]] = self.new[1]
        else:
            _set(tree, self.path, self.new)


def _set(tree: Any, path: Path_, value: Any) -> None:
    get(tree, path[:-1])[path[-1]] = value


def _in_region(groups: list[list[tuple[str, Path_]]]) -> st.SearchStrategy[tuple[str, Path_]]:
    return st.sampled_from(groups).flatmap(st.sampled_from)


def _progress_entry(kind: str) -> st.SearchStrategy[dict]:
    dates = st.sampled_from(DATES[:6])
    note = st.sampled_from([None, {"zh": "说明", "en": "note"}, {"zh": " ", "en": "x"}])
    if kind == "targets":
        entry = st.fixed_dictionaries(
            {"date": dates, "value": st.sampled_from(NUMBERS + [10, 30, 48, 60])}, optional={"note": note}
        )
    else:
        entry = st.fixed_dictionaries({"date": dates, "status": st.sampled_from(STATES)}, optional={"note": note})
    return entry.map(lambda e: {k: v for k, v in e.items() if v is not None})


def _override(kind: str) -> st.SearchStrategy[tuple[str, dict]]:
    statuses = (
        ["achieved", "missed", "on_track", "lagging"] if kind == "targets" else ["done", "not_done", "in_progress"]
    )
    return st.sampled_from(statuses).map(
        lambda s: ("override", {"status": s, "reason": {"zh": "人工认定", "en": "Set by hand"}})
    )


@st.composite
def edits(draw: st.DrawFn) -> Edit:
    kind = draw(
        st.sampled_from(
            [
                "string",
                "number",
                "rename",
                "icon",
                "period",
                "date",
                "empty",
                "duplicate",
                "remove",
                "progress",
                "override",
                "new_report",
            ]
        )
    )
    if kind == "string":
        file, path = draw(_in_region(STRING_PATHS))
        return Edit("set", file, path, draw(st.sampled_from(STRINGS) | st.text(max_size=12)))
    if kind == "number":
        file, path = draw(_in_region(NUMBER_PATHS))
        return Edit("set", file, path, draw(st.sampled_from(NUMBERS)))
    if kind == "rename":
        old = draw(st.sampled_from(RENAMEABLE))
        [path] = [p for p, v in walk(SHIPPED[INDICATORS]) if v == old and p[-1] == "id"]
        return Edit(
            "rename",
            INDICATORS,
            path,
            draw(
                st.sampled_from(IDS)
                if old in THEMES
                else st.sampled_from([old.split(".")[0] + ".renamed", "economy.enterprises_attracted", "x.y", "bad id"])
            ),
        )
    if kind == "icon":
        return Edit(
            "set",
            INDICATORS,
            ("themes", draw(st.sampled_from(range(len(THEMES)))), "icon"),
            draw(st.sampled_from(ICONS)),
        )
    if kind == "period":
        return Edit("set", INDICATORS, draw(st.sampled_from(PERIOD_PATHS)), draw(st.sampled_from(PERIODS)))
    if kind == "date":
        return Edit("set", INDICATORS, draw(st.sampled_from(DATE_PATHS)), draw(st.sampled_from(DATES)))
    if kind in ("empty", "duplicate"):
        file, path = draw(_in_region(LIST_PATHS))
        index = draw(st.integers(0, len(get(SHIPPED[file], path)) - 1))
        return Edit(kind, file, path, index if kind == "duplicate" else None)
    if kind == "remove":
        file, path = draw(_in_region(KEY_PATHS))
        return Edit("remove", file, path)
    if kind == "new_report":
        return Edit("new_report", INDICATORS, ("reports",), NEXT_REPORT)
    group, index = draw(st.sampled_from(PLANNED))
    if kind == "progress":
        return Edit("append", INDICATORS, (group, index), draw(_progress_entry(group)))
    return Edit("add_key", INDICATORS, (group, index), draw(_override(group)))


def edited(changes: list[Edit]) -> dict[str, Any]:
    """The shipped trees with the changes applied in order (a change may no longer apply after another: skipped)."""
    trees = copy.deepcopy(SHIPPED)
    for change in changes:
        try:
            change.apply(trees)
        except (KeyError, IndexError, TypeError, AttributeError):
            pass
    return trees
