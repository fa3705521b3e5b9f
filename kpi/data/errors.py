"""Data errors as staff read them: file, line, column, field, and a plain message in zh or en.

Why a message dictionary: pydantic's English ("Input should be a valid number") means nothing to a
non-programmer in Notepad. kpi/data/messages.yaml maps each error code to Chinese and English text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from kpi.texts import text

_CATALOG = yaml.safe_load((Path(__file__).with_name("messages.yaml")).read_text(encoding="utf-8"))
EXAMPLES: dict[str, str] = _CATALOG.pop("examples")


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in a data file, located for a person with a text editor."""

    file: str
    line: int
    column: int
    field: str
    code: str
    zh: str
    en: str

    def format(self, lang: str = "zh") -> str:
        """`FILE:LINE:COL: field: message`, the form compilers use, so editors can jump to it."""
        where = f"{self.field}: " if self.field else ""
        return f"{self.file}:{self.line}:{self.column}: {where}{text((self.zh, self.en), lang)}"


class DataErrors(Exception):
    """All the problems found in one load, never just the first."""

    def __init__(self, errors: list[DataError]):
        self.errors = sorted(set(errors))
        super().__init__("\n".join(e.format("en") for e in self.errors))


def show_input(value: object, limit: int = 40) -> str:
    """The offending value as the file has it, quoted and cut short."""
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def make_error(file: str, line: int, column: int, field: str, code: str, **params: object) -> DataError:
    """Build an error from the catalog; unknown codes fall back to a generic message."""
    template = _CATALOG.get(code, _CATALOG["invalid"])
    params.setdefault("field", field.rsplit(".", 1)[-1] if field else "")
    params.setdefault("example", EXAMPLES.get(str(params["field"]), ""))
    params.setdefault("input", "")
    params.setdefault("detail", code)
    return DataError(file, line, column, field, code, template["zh"].format(**params), template["en"].format(**params))
