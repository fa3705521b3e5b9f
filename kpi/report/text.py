"""A report's text: read from its file, and navigated as readers do (parts, chapters, sections, the sentence and
the paragraph around a quote).

Why reading lives here: the loader and `python -m kpi draft` must read a report file the same way (UTF-8 with
or without BOM, LF or CRLF), so a text the draft read is the text every quote is checked against. Its layout
line by line and its clauses are kpi/report/layout.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kpi.texts import text as in_language

PART = re.compile(r"^(第[一二]部分 .+|《东明路街道办事处工作报告》名词解释)$")
CHAPTER = re.compile(r"^([一二三四五六七八九十]+)、")


@dataclass(frozen=True)
class Chapter:
    """A heading and the paragraphs under it (one paragraph per line in the report)."""

    heading: str
    paragraphs: list[str]


@dataclass(frozen=True)
class Part:
    heading: str
    chapters: list[Chapter]


def report_parts(report: str) -> list[Part]:
    """The front matter, part one, part two and the glossary, each split into chapters."""
    parts = [Part("", [Chapter("", [])])]
    for line in (ln.strip() for ln in report.splitlines()):
        if not line:
            continue
        if PART.match(line):
            parts.append(Part(line, [Chapter("", [])]))
        elif CHAPTER.match(line):
            parts[-1].chapters.append(Chapter(line, []))
        else:
            parts[-1].chapters[-1].paragraphs.append(line)
    return [Part(p.heading, [c for c in p.chapters if c.heading or c.paragraphs]) for p in parts]


def paragraph_around(report: str, quote: str) -> tuple[str, str, str]:
    """(text before, the quote, text after) within the quote's paragraph; empty when not found."""
    start = report.find(quote)
    if start < 0:
        return "", "", ""
    line_start = report.rfind("\n", 0, start) + 1
    line_end = report.find("\n", start + len(quote))
    line_end = len(report) if line_end < 0 else line_end
    return report[line_start:start], quote, report[start + len(quote) : line_end]


_SENTENCE_END = "。！？\n"


def sentence_span(report: str, quote: str) -> tuple[int, int] | None:
    """(start, end) of the sentence(s) holding the quote, or None when the quote is not in the report."""
    start = report.find(quote)
    if start < 0:
        return None
    before = max(report.rfind(mark, 0, start) for mark in _SENTENCE_END) + 1
    after = min(
        (i for i in (report.find(mark, start + max(len(quote) - 1, 0)) for mark in _SENTENCE_END) if i >= 0),
        default=len(report) - 1,
    )
    return before, after + 1


@dataclass(frozen=True)
class ReportTextError(ValueError):
    """A report file that is not UTF-8 text with LF or CRLF line ends, located for a text editor."""

    line: int
    column: int
    zh: str
    en: str

    def format(self, name: str, lang: str = "zh") -> str:
        """`FILE:LINE:COL: message`, as `validate` writes its errors."""
        return f"{name}:{self.line}:{self.column}: {in_language((self.zh, self.en), lang)}"


def decode_report(raw: bytes) -> str:
    """The report's text: UTF-8 with or without BOM, LF or CRLF; anything else is a located error."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReportTextError(1, 1, "文件是 UTF-16 编码；请另存为 UTF-8", "the file is UTF-16; save it as UTF-8")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _line_column(raw, exc.start)
        raise ReportTextError(
            line,
            column,
            f"文件不是 UTF-8 编码（字节 0x{raw[exc.start]:02x}）；GBK 等编码请另存为 UTF-8",
            f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x}); if it is GBK, save it as UTF-8",
        ) from None
    return _checked_lines(text.replace("\r\n", "\n"))


def _line_column(raw: bytes, index: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset."""
    line_start = raw.rfind(b"\n", 0, index) + 1
    return raw.count(b"\n", 0, index) + 1, len(raw[line_start:index].decode("utf-8", "replace")) + 1


def _checked_lines(text: str) -> str:
    """The text, unless a NUL byte (a binary file) or a lone CR (old Mac line ends) is in it."""
    for char, zh, en in (
        ("\x00", "文件含有空字节，不是文本文件", "the file holds NUL bytes: it is not a text file"),
        (
            "\r",
            "行尾只有 CR（旧 Mac 格式）；请以 LF 或 CRLF 换行保存",
            "lines end with a lone CR; save with LF or CRLF",
        ),
    ):
        if char in text:
            index = text.index(char)
            raise ReportTextError(text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index), zh, en)
    return text


_SECTION = re.compile(r"^\(([一二三四五六七八九十]+)\)([^。！？]+)")
NUMBERED = re.compile(r"^[一二三四五六七八九十]+\([一二三四五六七八九十]+\)$")  # 一(二): a chapter's numbered section


def section_titles(report: str) -> dict[str, str]:
    """Each numbered section's label and title as the report writes it: {"第一部分 一(二)": "经济发展稳中有进"}."""
    titles, part, chapter = {}, "", ""
    for line in (ln.strip() for ln in report.splitlines()):
        if m := re.match(r"^(第[一二]部分) ", line):
            part, chapter = m[1], ""
        elif m := CHAPTER.match(line):
            chapter = m[0][:-1]
        elif part and chapter and (m := _SECTION.match(line)):
            titles[f"{part} {chapter}({m[1]})"] = m[2]
    return titles
