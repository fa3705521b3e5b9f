"""One data file read into its model, with every problem located: the YAML reader, the file checks, the model.

Why its own module: the loader parses each file here, and the cross-file rules (kpi/data/rules.py) locate their
errors through the ParsedFile it returns; both import it, and neither imports the other's runner.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from kpi.data.errors import DataError, make_error, show_input
from kpi.data.file_checks import covered, file_checks
from kpi.data.yaml_reader import Position, locate, read_yaml

Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class ParsedFile(Generic[Model]):
    """A file's validated model with its node tree, for locating later cross-file errors."""

    name: str
    model: Model
    root: Position | None

    def error(self, loc: tuple[str | int, ...], code: str, **params: object) -> DataError:
        line, column = locate(self.root, loc)
        return make_error(self.name, line, column, field_path(loc, self.model), code, **params)

    def line(self, loc: tuple[str | int, ...]) -> int:
        return locate(self.root, loc)[0]


def parse_file(
    source: bytes | Path, name: str, model: type[Model], id_groups: tuple[tuple[str, ...], ...] = ()
) -> tuple[ParsedFile[Model] | None, list[DataError]]:
    """The file read into its model (None when the model refuses it) and every problem found on the way; `source` is
    its bytes as read (kpi/data/reading.py), or its path.

    A file that is not YAML at all raises DataErrors. Mistakes of the hand (kpi/data/file_checks.py) are said in
    their own words, and the model's errors they explain are left out.
    """
    data, root = read_yaml(source, name)
    findings = file_checks(data, root, id_groups)
    errors = [make_error(name, *locate(root, f.loc), field_path(f.loc, data), f.code, **f.params) for f in findings]
    try:
        return ParsedFile(name, model.model_validate(data), root), errors
    except ValidationError as exc:
        return None, errors + [
            _from_pydantic(err, name, root, data) for err in exc.errors() if not covered(tuple(err["loc"]), findings)
        ]


def _from_pydantic(err: ErrorDetails, name: str, root: Position | None, data: object) -> DataError:
    loc = tuple(err["loc"])
    line, column = locate(root, loc)
    ctx = {k: v for k, v in (err.get("ctx") or {}).items() if k in ("expected", "min_length", "ge", "le")}
    if "expected" in ctx:  # pydantic's "'a', 'b' or 'c'" reads as English; "'a' / 'b' / 'c'" reads in both
        ctx["expected"] = str(ctx["expected"]).replace(" or ", ", ").replace(", ", " / ")
    return make_error(
        name,
        line,
        column,
        field_path(loc, data),
        err["type"],
        input=show_input(err.get("input")),
        detail=err["msg"],
        **ctx,
    )


def field_path(loc: tuple[str | int, ...], data: object) -> str:
    """`indicators[economy.x].values[0].value`: list items named by their id when they have one.

    `data` is the raw YAML data (dicts and lists) or the validated model; either names the items.
    """
    text, node = "", data
    for part in loc:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            label = item.get("id") if isinstance(item, dict) else getattr(item, "id", None)
            text, node = f"{text}[{label if isinstance(label, str) else part}]", item
        else:
            child = node.get(part) if isinstance(node, dict) else getattr(node, str(part), None)
            text, node = f"{text}.{part}" if text else str(part), child
    return text
