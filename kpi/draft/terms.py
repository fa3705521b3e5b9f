"""The new report's glossary (名词解释): the terms it defines that glossary.yaml does not hold yet.

Why: each report ends with its glossary, and a term the dashboard explains must quote its definition from the
report that gives it. A term already in glossary.yaml (from any report) is not proposed again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kpi.report.layout import GLOSSARY, report_structure

_ENTRY = re.compile(r"^\s*[0-9]+\s*[.．、]\s*(?P<term>[^:：]+?)\s*[:：]\s*(?P<definition>.+?)\s*$")


@dataclass(frozen=True)
class NewTerm:
    """A term of the report's glossary, proposed for glossary.yaml."""

    item_id: str  # a placeholder with TODO: a person chooses the id
    term: str
    definition: str  # verbatim, as the report gives it
    forms: tuple[str, ...]  # the term itself, when the report's text uses it outside the glossary


def glossary_entries(text: str) -> tuple[list[tuple[str, str]], str]:
    """(term, definition) of each numbered line of the report's glossary, in order; and the text outside it."""
    entries, body = [], []
    for paragraph in report_structure(text):
        line = text[paragraph.start : paragraph.end]
        match = _ENTRY.match(line) if paragraph.part == GLOSSARY else None
        if match:
            entries.append((match["term"], match["definition"]))
        elif paragraph.part != GLOSSARY:
            body.append(line)
    return entries, "\n".join(body)


def new_terms(text: str, kept: Iterable[str], year: int) -> list[NewTerm]:
    """The glossary's terms not yet kept (`kept`: every term glossary.yaml holds), with placeholder ids."""
    known = set(kept)
    entries, body = glossary_entries(text)
    fresh = [(term, definition) for term, definition in entries if term not in known]
    return [
        NewTerm(f"TODO_{year}_{number}", term, definition, (term,) if term in body else ())
        for number, (term, definition) in enumerate(fresh, start=1)
    ]
