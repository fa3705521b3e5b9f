"""Checks on a data file as written, before the model reads it: review marks, misplaced pastes, ids used twice.

Why before the model: these are mistakes of the hand, and the model would report each one as its symptoms.
Value lines pasted at column 0 under `indicators:` read as an indicator without id, name, unit… (eight
messages, none saying "indent"); an indicator pasted twice into `milestones:` reads as a milestone with
unknown fields. Each check here says the mistake once, in its own words, and names the place whose model
errors are only its consequences (`covers`), so the loader leaves those out.

The four review marks are what `python -m kpi draft` leaves for a person: `null` (a value to fill), the prefix
`待译 to translate:` (English to write), `TODO` inside an id (an id to choose) and the prefix `待定 to decide:`
(an outcome to decide: the report names the item but does not say whether it was done). Data that still holds
one is not reviewed yet, so it is not valid, wherever the mark stands.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from kpi.data.yaml_reader import Position, locate

TRANSLATE_MARK = "待译 to translate:"
DECIDE_MARK = "待定 to decide:"
TODO_MARK = "TODO"
_ID_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)?$")  # an id, a baseline, a part: never a quote
Loc = tuple[str | int, ...]

# (list, the key of an entry's own list, keys that only an entry of that list has): lines of an entry pasted
# at column 0 land in the outer list as an item with those keys and no id.
_PASTED = (
    ("indicators", "values", {"period", "value", "source", "words"}),
    ("targets", "progress", {"date"}),
    ("milestones", "progress", {"date"}),
)


@dataclass(frozen=True)
class Finding:
    """One mistake: where, which message, its values, and the places whose model errors it explains."""

    loc: Loc
    code: str
    params: dict = field(default_factory=dict)
    covers: tuple[Loc, ...] = ()  # model errors at or under these places are this mistake's consequences


def file_checks(data: object, root: Position | None, id_groups: tuple[tuple[str, ...], ...]) -> list[Finding]:
    """Every mistake of the hand in one file. `id_groups`: lists whose items share one set of ids."""
    return [*review_marks(data), *pasted_entries(data, root), *repeated_ids(data, root, id_groups)]


def covered(loc: Loc, findings: list[Finding]) -> bool:
    """Whether a model error at `loc` is the consequence of a mistake already said."""
    return any(loc[: len(place)] == place for finding in findings for place in finding.covers)


def review_marks(data: object, loc: Loc = ()) -> Iterator[Finding]:
    """Each of the four review marks still in the data."""
    children = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in children:
        here = (*loc, key)
        if value is None:
            yield Finding(here, "review_null", covers=(here,))
        elif isinstance(value, str) and value.startswith(TRANSLATE_MARK):
            yield Finding(here, "review_translate", covers=(here,))
        elif isinstance(value, str) and value.startswith(DECIDE_MARK):
            yield Finding(here, "review_decide", covers=(here,))
        elif isinstance(value, str) and TODO_MARK in value and _ID_LIKE.match(value):
            yield Finding(here, "review_todo_id", {"input": value}, covers=(here,))
        else:
            yield from review_marks(value, here)


def pasted_entries(data: object, root: Position | None) -> Iterator[Finding]:
    """Entries pasted at column 0 right after an item, where they belong under that item's own list: said once a run."""
    if not isinstance(data, dict):
        return
    for outer, inner, keys in _PASTED:
        items = data.get(outer)
        if not isinstance(items, list):
            continue
        for owner, run in _pasted_runs(items, keys):
            spaces = _indent(root, (outer, owner, inner), (outer, run[0]))
            yield Finding(
                (outer, run[0]),
                "pasted_entry",
                {"id": items[owner]["id"], "list": inner, "spaces": spaces},
                tuple((outer, index) for index in run),
            )


def _pasted_runs(items: list, keys: set[str]) -> Iterator[tuple[int, list[int]]]:
    """(index of an item with an id, the indexes of the pasted entries right after it), for each such run."""
    owner, run = None, []
    for index, item in enumerate([*items, None]):
        if isinstance(item, dict) and "id" not in item and keys & set(item):
            run.append(index)
            continue
        if owner is not None and run:
            yield owner, run
        owner = index if isinstance(item, dict) and isinstance(item.get("id"), str) else None
        run = []


def _indent(root: Position | None, owner_list: Loc, pasted: Loc) -> int:
    """How many spaces to add: where the owner's own entries start, less where the pasted one starts."""
    target = (
        locate(root, (*owner_list, 0))[1] if _has_entries(root, owner_list) else locate(root, owner_list[:2])[1] + 2
    )
    return max(target - locate(root, pasted)[1], 1)


def _has_entries(root: Position | None, loc: Loc) -> bool:
    """Whether the list at `loc` exists and has a first entry written as its own lines."""
    node = root
    for part in loc:
        children = node[2] if node else None
        if isinstance(children, dict) and part in children:
            node = children[part][2]
        elif isinstance(children, list) and isinstance(part, int) and part < len(children):
            node = children[part]
        else:
            return False
    return node is not None and isinstance(node[2], list) and len(node[2]) > 0


def repeated_ids(data: object, root: Position | None, id_groups: tuple[tuple[str, ...], ...]) -> Iterator[Finding]:
    """An id used twice: said once, at the second use, naming the line of the first; nothing else about that item."""
    if not isinstance(data, dict):
        return
    for groups in id_groups:
        first: dict[str, int] = {}
        for group in groups:
            items = data.get(group)
            for index, item in enumerate(items if isinstance(items, list) else []):
                item_id = item.get("id") if isinstance(item, dict) else None
                if not isinstance(item_id, str):
                    continue
                if item_id in first:
                    yield Finding(
                        (group, index, "id"),
                        "duplicate_id",
                        {"id": item_id, "first": first[item_id]},
                        ((group, index),),
                    )
                first.setdefault(item_id, locate(root, (group, index, "id"))[0])
