"""What every staff edit produces before anything is written: new texts of some data files, and what they were
made from.

Why one type for every kind of edit (a form, a file edited in the browser, an applied draft, an undo): the check,
the diff, the preview, the save and the history then treat them alike, and "no lost update" has one rule: a change
is saved on the texts it was made from, or made again on the files as they are now (`remake`), or merged with
what changed meanwhile; never written over it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

# A data file (relative to the data directory: "indicators.yaml", "source/report_2024.txt") → its text, or None when
# the file does not exist.
Texts = Mapping[str, str | None]


@dataclass(frozen=True)
class Change:
    """New texts for some data files, made from known texts of them."""

    summary: str  # the history's line for it: "targets[safety.new_safety_posts_2024]: progress 2024-06-30 = 30"
    texts: dict[str, str | None]  # each file it changes → its new text (None: the file is removed)
    base: dict[str, str | None]  # the same files → the text the change was made from (None: the file did not exist)
    # For a form: the same change made again on the files as they are now (another save came first). None for an
    # edit of a whole file, which is merged line by line instead.
    remake: Callable[[Texts], Change] | None = None

    @property
    def files(self) -> list[str]:
        """The files it changes, in a stable order."""
        return sorted(self.texts)

    def changes_anything(self) -> bool:
        """Whether any file's new text differs from its base (a form that sets what is there changes nothing)."""
        return any(self.texts[name] != self.base.get(name) for name in self.texts)
