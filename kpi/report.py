"""The report's text as readers navigate it: its parts, chapters and the paragraph around a quote."""

from __future__ import annotations

import re
from dataclasses import dataclass

PART = re.compile(r"^(第[一二]部分 .+|《东明路街道办事处工作报告》名词解释)$")
CHAPTER = re.compile(r"^[一二三四五六七八九十]+、")


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
    return report[line_start:start], quote, report[start + len(quote):line_end]


_SENTENCE_END = "。！？\n"


def sentence_span(report: str, quote: str) -> tuple[int, int] | None:
    """(start, end) of the sentence(s) holding the quote, or None when the quote is not in the report."""
    start = report.find(quote)
    if start < 0:
        return None
    before = max(report.rfind(mark, 0, start) for mark in _SENTENCE_END) + 1
    after = min((i for i in (report.find(mark, start + max(len(quote) - 1, 0)) for mark in _SENTENCE_END) if i >= 0),
                default=len(report) - 1)
    return before, after + 1


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
