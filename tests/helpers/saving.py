"""What the tests of checking, saving and the history share: a form-like change, whole-file edits, and a look at
the data directory (its bytes and times, its history) to say that nothing was written.

Why a form here: the forms themselves (kpi/edit/forms.py) are another piece of work; a save only needs what every
form gives, a Change with `remake`. Adding a glossary term to the minimal data is one (its definition and form
are words of the minimal report, as the rules ask).
"""

from __future__ import annotations

from pathlib import Path

from kpi.data.files import GLOSSARY, INDICATORS
from kpi.edit.change import Change, Texts
from kpi.edit.check import read_texts
from kpi.edit.history import git

# Terms the minimal report's text supports: (id, Chinese term, its definition in the report's words).
TERMS = [("enterprises", "引进企业", "引进企业139家"), ("task_list", "任务清单", "制定43项任务清单")]


def add_term(texts: Texts, term_id: str, zh: str, definition: str) -> Change:
    """A glossary term appended to glossary.yaml, as a form would: made again on the texts of the moment."""
    base = texts[GLOSSARY]
    entry = (
        f"- id: {term_id}\n  report: report_2023\n  term: {{zh: {zh}, en: {term_id}}}\n"
        f"  definition: {{zh: {definition}, en: {term_id}}}\n  forms: [{zh}]\n"
    )
    return Change(
        f"terms[{term_id}]: added",
        {GLOSSARY: base.rstrip("\n") + "\n" + entry},
        {GLOSSARY: base},
        remake=lambda now: add_term(now, term_id, zh, definition),
    )


def edited(directory: Path, old: str, new: str, file: str = INDICATORS, summary: str = "edited by hand") -> Change:
    """A whole-file edit of the file as it is now: `old` replaced by `new` once."""
    text = read_texts(directory, [file])[file]
    assert old in text, f"test case does not match the data: {old!r}"
    return Change(summary, {file: text.replace(old, new, 1)}, {file: text})


def snapshot(directory: Path) -> dict[str, tuple[bytes, int]]:
    """Every file of the data directory (not the history) with its bytes and modification time."""
    return {
        str(p.relative_to(directory)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(directory.rglob("*"))
        if p.is_file() and ".history.git" not in p.relative_to(directory).parts
    }


def head(directory: Path) -> str:
    """The history's newest commit."""
    return git(directory, "rev-parse", "HEAD").stdout.decode().strip()


def commits(directory: Path) -> int:
    return int(git(directory, "rev-list", "--count", "HEAD").stdout)
