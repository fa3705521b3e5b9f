"""A report's text as one block: its parts, each chapter a tap away, the sentence every figure quotes."""

from __future__ import annotations

from components.html import details, esc
from components.once import per_dataset
from kpi.data.dataset import Dataset
from kpi.report.text import report_parts
from kpi.texts import t, text


@per_dataset
def report_html(dataset: Dataset, report_id: str, lang: str) -> str:
    """Title, publisher, date and the original's address, then each part with its chapters (closed until tapped)."""
    report = dataset.reports[report_id]
    original = f'<a href="{esc(report.url)}" rel="noopener">{esc(t("original", lang))}</a>'  # the model allows http(s) only
    lines = [f'<h2 class="kb-page">{esc(text(report.title, lang))}</h2>',
             f'<p>{esc(text(report.publisher, lang))} · {esc(t("published_on", lang, date=report.published.isoformat()))} · {original}</p>']
    if lang == "en":
        lines.append(f'<p class="kb-note">{esc(t("quote_note", lang))}</p>')
    for part in report_parts(dataset.report_texts[report_id])[1:]:
        lines.append(f"<h3>{esc(part.heading)}</h3>")
        for chapter in part.chapters:
            paragraphs = "".join(f'<p lang="zh-CN">{esc(paragraph)}</p>' for paragraph in chapter.paragraphs)
            lines.append(details(esc(chapter.heading), paragraphs, "kb-chapter") if chapter.heading else paragraphs)
    return f'<div class="kb kb-report">{"".join(lines)}</div>'
