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
    also_en: tuple[str, ...] = ()  # a stage phrase's modifier (持续 of 持续推动): one of these must stand too

    def stands_in(self, text: str) -> bool:
        """Whether the word stands in the Chinese text, other than inside one of `not_in`."""
        covered = [(m.start(), m.end()) for word in self.not_in for m in re.finditer(re.escape(word), text)]
        return any(
            not any(a <= m.start() and m.end() <= b for a, b in covered) for m in re.finditer(re.escape(self.zh), text)
        )

    def rendered_in(self, english: str) -> bool:
        """Whether the English holds one of the renderings at the start of a word (start also in started)."""
        english = normal(english)

        def one_of(renderings: tuple[str, ...]) -> bool:
            return any(re.search(rf"(?<![a-z'])({re.escape(normal(r))})", english) for r in renderings)

        return one_of(self.en) and (not self.also_en or one_of(self.also_en))

    @property
    def renderings(self) -> str:
        """The accepted English, as a message lists it: "start / launch", or "keep… + push / advance" for a phrase."""
        heads = " / ".join(self.en)
        return f"({' / '.join(self.also_en)}) + ({heads})" if self.also_en else heads


@dataclass(frozen=True)
class StageSeed:
    """The seed words stage phrases are made of (kpi/report/stages.py reads the phrases out of a report's text)."""

    heads: tuple[LimitingWord, ...]  # limit alone: 推进, 启动, 力争
    verbs: tuple[LimitingWord, ...]  # say delivery alone, limit after a modifier: 建设 in 加快建设
    modifiers: tuple[LimitingWord, ...]  # 持续, 加快, 协调 before a head or a verb


_DATA = yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8"))
TERMS: list[dict] = _DATA["terms"]  # {zh, en, not_en?}: one English name per thing
LIMITING: tuple[LimitingWord, ...] = tuple(
    LimitingWord(entry["zh"], kind, tuple(entry["en"]), tuple(entry.get("not_in", ())))
    for kind, entries in _DATA["limiting"].items()
    for entry in entries
)


def _seed_words(group: str) -> tuple[LimitingWord, ...]:
    return tuple(
        LimitingWord(entry["zh"], "stage", tuple(entry["en"]), tuple(entry.get("not_in", ())))
        for entry in _DATA["stage_phrases"][group]
    )


STAGE_SEED = StageSeed(_seed_words("heads"), _seed_words("verbs"), _seed_words("modifiers"))

# Where a Chinese name holds the verb, its id holds none of these words (督促整改 is urged, not rectified).
ID_VERBS: dict[str, tuple[str, ...]] = {entry["zh"]: tuple(entry["not_in_id"]) for entry in _DATA["id_verbs"]}
# A milestone quoting one of these is a round held every year: its id says its plan year.
RECURRING: tuple[str, ...] = tuple(_DATA["recurring"])


def id_words(item_id: str) -> str:
    """An item id's words as text (city.shop_signs_self_rectification_urged → "shop signs self rectification urged")."""
    return item_id.split(".", 1)[-1].replace("_", " ")


def words_in(words: str, phrase: str) -> bool:
    """Whether a phrase starts a word of the text, any ending allowed ("peace house" in "new peace houses")."""
    return re.search(rf"(?<![a-z0-9]){re.escape(normal(phrase))}", normal(words)) is not None
