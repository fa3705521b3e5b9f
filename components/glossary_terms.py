"""The glossary: find the terms a piece of report text uses, so a figure can explain them where it stands, and show
every term as one block of text (each with its own link, for ?term=)."""

from __future__ import annotations

from components.html import esc, link
from components.once import per_dataset
from kpi.data.dataset import Dataset
from kpi.data.model import GlossaryFile, Indicator, Term
from kpi.texts import t, text


def indicator_text(indicator: Indicator) -> str:
    """The Chinese text of a figure a term can appear in: its name and quotes."""
    return indicator.name.zh + "".join(v.source.quote for v in indicator.values)


def terms_in(text: str, glossary: GlossaryFile) -> list[Term]:
    """Terms whose forms appear in the text, in glossary order."""
    return [term for term in glossary.terms if any(form in text for form in term.forms)]


@per_dataset
def indicators_using(dataset: Dataset, term_id: str) -> list[Indicator]:
    """Figures whose name or quote uses the term."""
    term = dataset.terms[term_id]
    return [i for i in dataset.content.indicators if any(form in indicator_text(i) for form in term.forms)]


def term_anchor(term_id: str) -> str:
    """The id of a term's block on the glossary page."""
    return f"term-{term_id}"


@per_dataset
def term_block(dataset: Dataset, term_id: str, lang: str) -> str:
    """A term: its name in both languages, its definition (the report's words, and in English the translation too),
    where the report uses it, and the figures that use it."""
    term = dataset.terms[term_id]
    lang_param = "en" if lang == "en" else ""
    lines = [f"<p>{esc(text(term.definition, lang))}</p>"]
    if lang == "en":
        lines.append(f'<p class="kb-src" lang="zh-CN">{esc(term.definition.zh)}</p>')
    forms = "、".join(term.forms) if term.forms else t("not_in_body", lang)
    lines.append(f"<p><b>{esc(t('appears_as', lang))}</b>: {esc(forms)}</p>" if term.forms else f'<p class="kb-src">{esc(forms)}</p>')
    users = indicators_using(dataset, term_id)
    if users:
        names = " · ".join(link("indicator", esc(text(i.name, lang)), id=i.id, lang=lang_param) for i in users)
        lines.append(f"<p><b>{esc(t('used_by', lang))}</b>: {names}</p>")
    lines.append(f'<p class="kb-src">{link("glossary", esc(t("term_link", lang)), term=term.id, lang=lang_param)}</p>')
    return (f'<section class="kb-card" id="{term_anchor(term.id)}"><h3>{esc(term.term.zh)} · {esc(term.term.en)}</h3>'
            + "".join(lines) + "</section>")
