"""The reviewed words of kpi/vocabulary.yaml: one English rendering per recurring term, and the words that limit a
sentence (部分, 大幅, 启动, 困难…) with their accepted English renderings.

Why one file with two sections: both are the same review of how the data's names render the report, and the
limiting words are checked by `validate` (kpi/data/rules.py), the translation pairs by the content tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")
KINDS = ("scope", "degree", "stage", "who")


def normal(text: str) -> str:
    """Case and hyphens do not matter: "Multi-storey" contains "multi storey"."""
    return " ".join(text.lower().replace("-", " ").split())


@dataclass(frozen=True)
class LimitingWord:
    """A word the report limits a sentence with, and the English that renders it."""

    zh: str
    kind: str  # one of KINDS
    en: tuple[str, ...]
    not_in: tuple[str, ...] = ()  # longer words holding it where it limits nothing (基本生活: basic living)

    def stands_in(self, text: str) -> bool:
        """Whether the word stands in the Chinese text, other than inside one of `not_in`."""
        covered = [(m.start(), m.end()) for word in self.not_in for m in re.finditer(re.escape(word), text)]
        return any(
            not any(a <= m.start() and m.end() <= b for a, b in covered) for m in re.finditer(re.escape(self.zh), text)
        )

    def rendered_in(self, english: str) -> bool:
        """Whether the English holds one of the renderings at the start of a word (start also in started)."""
        english = normal(english)
        return any(re.search(rf"(?<![a-z']){re.escape(normal(rendering))}", english) for rendering in self.en)


_DATA = yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8"))
TERMS: list[dict] = _DATA["terms"]  # {zh, en, not_en?}: one English name per thing
LIMITING: tuple[LimitingWord, ...] = tuple(
    LimitingWord(entry["zh"], kind, tuple(entry["en"]), tuple(entry.get("not_in", ())))
    for kind, entries in _DATA["limiting"].items()
    for entry in entries
)
