"""Find the glossary terms a piece of report text uses, so a figure can explain them where it stands."""

from __future__ import annotations

from kpi.dataset import Dataset
from kpi.model import GlossaryFile, Indicator, Term


def indicator_text(indicator: Indicator) -> str:
    """The Chinese text of a figure a term can appear in: its name and quotes."""
    return indicator.name.zh + "".join(v.source.quote for v in indicator.values)


def terms_in(text: str, glossary: GlossaryFile) -> list[Term]:
    """Terms whose forms appear in the text, in glossary order."""
    return [term for term in glossary.terms if any(form in text for form in term.forms)]


def indicators_using(term: Term, dataset: Dataset) -> list[Indicator]:
    """Figures whose name or quote uses the term (found once per dataset: every viewer asks the same)."""
    return dataset.memo(("indicators_using", term.id), lambda: [
        i for i in dataset.content.indicators if any(form in indicator_text(i) for form in term.forms)])
