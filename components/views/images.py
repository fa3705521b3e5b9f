"""A chart as an image file: the bars a page draws in HTML, drawn again in SVG and written by the publisher beside the
static pages, offered there as a plain link.

Why SVG drawn here: a reader takes a chart into a slide or a report, and a static page offers it with no script and no
screenshot. The interactive chart's PNG needs plotly.js in a browser; bars and words need no renderer at publish time:
one small text file, sharp at any size, its numbers as the report writes them, its source under the bars so the image
keeps it wherever it goes. Why from the HTML bars (components/views/charts.py: bar_row, bar_fill, tick, the key): one
drawing of each chart, so the image can never say other than the page; what it reads is this code's own markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from markupsafe import Markup, escape

from components.views.charts import Chart, theme_charts
from components.views.history import history_bars
from components.views.once import per_dataset
from components.views.plots import FONT
from components.views.style import palette
from kpi.data.dataset import Dataset
from kpi.texts import t, text

SVG_MIME = "image/svg+xml"
WIDTH, MARGIN, LINE = 720, 16, 20
TRACK = WIDTH - 2 * MARGIN


@dataclass
class Bar:
    """One row of a chart: its name and number, the stretches filled (left, width in percent, colour), the marks across
    it (percent, dashed or not), and the words under it."""

    label: str = ""
    number: str = ""
    fills: list[tuple[float, float, str]] = field(default_factory=list)
    ticks: list[tuple[float, bool]] = field(default_factory=list)
    axis: bool = False
    sub: str = ""


class _Bars(HTMLParser):
    """The rows and the key of a chart's HTML bars."""

    def __init__(self) -> None:
        super().__init__()
        self.bars: list[Bar] = []
        self.keys: list[tuple[str, str]] = []  # (label, colour)
        self._field = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        css, style = set((found.get("class") or "").split()), found.get("style") or ""
        if tag == "i" and self._field == "kb-key":  # a key's swatch (a box, or a target's tick)
            self.keys[-1] = ("", _colour(style))
        elif "kb-row" in css:
            self.bars.append(Bar())
        elif "kb-fill" in css:
            self.bars[-1].fills.append((_number(style, "left"), _number(style, "width"), _colour(style)))
        elif css & {"kb-tick", "kb-expected"}:
            self.bars[-1].ticks.append((_number(style, "left"), "kb-expected" in css))
        elif "kb-axis" in css:
            self.bars[-1].axis = True
        elif "kb-key" in css:
            self.keys.append(("", ""))
        self._field = next((name for name in ("kb-label", "kb-num", "kb-sub", "kb-key") if name in css), self._field)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("span", "div"):
            self._field = ""

    def handle_data(self, data: str) -> None:
        if self._field == "kb-key" and self.keys:
            self.keys[-1] = (self.keys[-1][0] + data, self.keys[-1][1])
        elif self._field and self.bars:
            name = {"kb-label": "label", "kb-num": "number", "kb-sub": "sub"}[self._field]
            setattr(self.bars[-1], name, getattr(self.bars[-1], name) + data)


def _number(style: str, name: str) -> float:
    match = re.search(rf"{name}:\s*([-\d.]+)%", style)
    return float(match.group(1)) if match else 0.0


def _colour(style: str) -> str:
    """A palette colour named as style.css names it (var(--kb-done)), as its hex value."""
    match = re.search(r"var\(--kb-([a-z-]+)\)", style)
    return palette().get(match.group(1), palette()["primary"]) if match else palette()["primary"]


def _width(words: str, size: int) -> float:
    """About how wide a line is: a Chinese character is a square, a Latin letter a little over half one."""
    return sum(size if ord(c) > 0x2E80 else size * 0.56 for c in words)


def wrapped(words: str, size: int, width: float) -> list[str]:
    """The words in lines that fit the width (an image cannot wrap by itself; nothing is cut off)."""
    lines, line = [], ""
    for token in re.findall(r"[\u2e80-\uffff]|\S+\s*|\s+", words):
        if line and _width(line + token.rstrip(), size) > width:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    return [*lines, line.rstrip()] if line.strip() else lines


class _Canvas:
    """Shapes written top to bottom; `y` is where the next one starts."""

    def __init__(self) -> None:
        self.shapes: list[str] = []
        self.y = MARGIN

    def words(self, words: str, size: int, bold: bool = False, x: float = MARGIN, width: float = TRACK) -> None:
        colour = palette()["text" if bold else "muted"]
        weight = ' font-weight="bold"' if bold else ""
        for line in wrapped(words, size, width):
            self.y += round(size * 1.4)
            self.shapes.append(
                f'<text x="{x}" y="{self.y - round(size * 0.35)}" font-size="{size}" fill="{colour}"'
                f"{weight}>{escape(line)}</text>"
            )

    def bar(self, bar: Bar) -> None:
        number = _width(bar.number, 15) + 12 if bar.number else 0
        top = self.y
        self.words(bar.label, 15, width=TRACK - number)
        if bar.number:
            self.shapes.append(
                f'<text x="{WIDTH - MARGIN}" y="{top + 16}" font-size="15" font-weight="bold" text-anchor="end" '
                f'fill="{palette()["text"]}">{escape(bar.number)}</text>'
            )
        y = self.y + 4
        self.shapes.append(f'<rect x="{MARGIN}" y="{y}" width="{TRACK}" height="14" fill="{palette()["line-soft"]}"/>')
        for left, width, colour in bar.fills:
            x = MARGIN + TRACK * left / 100
            self.shapes.append(
                f'<rect x="{x:.1f}" y="{y}" width="{TRACK * width / 100:.1f}" height="14" fill="{colour}"/>'
            )
        marks = [(50.0, False)] if bar.axis else []
        for at, dashed in [*marks, *bar.ticks]:
            x = MARGIN + TRACK * at / 100
            dash = ' stroke-dasharray="3 2"' if dashed else ""
            self.shapes.append(
                f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y - 4}" y2="{y + 18}" stroke="{palette()["text"]}" '
                f'stroke-width="2"{dash}/>'
            )
        self.y = y + 18
        if bar.sub:
            self.words(bar.sub, 13)
        self.y += 10

    def key(self, keys: list[tuple[str, str]]) -> None:
        x: float = MARGIN
        self.y += 6
        for label, colour in keys:
            if x > MARGIN and x + 20 + _width(label, 13) > WIDTH - MARGIN:
                x, self.y = MARGIN, self.y + 20
            self.shapes.append(f'<rect x="{x}" y="{self.y}" width="12" height="12" fill="{colour}"/>')
            self.shapes.append(
                f'<text x="{x + 16}" y="{self.y + 11}" font-size="13" fill="{palette()["muted"]}">{escape(label)}</text>'
            )
            x += 16 + _width(label, 13) + 18
        self.y += 26

    def svg(self, title: str) -> bytes:
        height = round(self.y + MARGIN)
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
            f'font-family="{FONT}" role="img"><title>{escape(title)}</title>'
            f'<rect width="100%" height="100%" fill="#FFFFFF"/>{"".join(self.shapes)}</svg>\n'
        ).encode()


def bars_svg(title: str, question: str, body: Markup, source: str) -> bytes:
    """A chart's HTML bars (and key) as an SVG image, under its title and question and over its source."""
    parsed = _Bars()
    parsed.feed(str(body))
    canvas = _Canvas()
    canvas.words(title, 20, bold=True)
    if question:
        canvas.words(question, 15)
    if parsed.keys:
        canvas.key(parsed.keys)
    canvas.y += 8
    for bar in parsed.bars:
        canvas.bar(bar)
    canvas.words(source, 13)
    return canvas.svg(title)


def source_words(dataset: Dataset, lang: str) -> str:
    """The newest report, named as a caption names it: the image keeps where its numbers come from."""
    report = dataset.latest_report
    return f"{t('col_report', lang)}{'：' if lang == 'zh' else ': '}{text(report.title, lang)} ({report.published})"


@per_dataset
def history_svg(dataset: Dataset, indicator_id: str, lang: str) -> bytes:
    """A figure's periods, as its page's bars draw them."""
    name = text(dataset.indicators[indicator_id].name, lang)
    return bars_svg(
        name, t("history_question", lang), history_bars(dataset, indicator_id, lang), source_words(dataset, lang)
    )


@per_dataset
def theme_chart_svg(dataset: Dataset, theme: str, n: int, lang: str) -> bytes:
    """A theme's chart `n` (in page order), as the page draws it."""
    chart: Chart = theme_charts(dataset, theme, lang)[n]
    name = next(text(x.name, lang) for x in dataset.content.themes if x.id == theme)
    return bars_svg(chart.title, name, chart.body, source_words(dataset, lang))
