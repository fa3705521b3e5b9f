"""A report's text: read from its file, and navigated as readers do (parts, chapters, sections, clauses, the
paragraph around a quote).

Why reading lives here: the loader and `python -m kpi draft` must read a report file the same way (UTF-8 with
or without BOM, LF or CRLF), so a text the draft read is the text every quote is checked against. Why the layout
and the clause split too: the draft proposes data clause by clause, and the completeness check
(kpi/statements.py) asks of the same clauses whether the data holds them; one split, so both see one report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
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
        raise ReportTextError(line, column, f"文件不是 UTF-8 编码（字节 0x{raw[exc.start]:02x}）；GBK 等编码请另存为 UTF-8",
                              f"the file is not UTF-8 (byte 0x{raw[exc.start]:02x}); if it is GBK, save it as UTF-8") from None
    return _checked_lines(text.replace("\r\n", "\n"))


def _line_column(raw: bytes, index: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset."""
    line_start = raw.rfind(b"\n", 0, index) + 1
    return raw.count(b"\n", 0, index) + 1, len(raw[line_start:index].decode("utf-8", "replace")) + 1


def _checked_lines(text: str) -> str:
    """The text, unless a NUL byte (a binary file) or a lone CR (old Mac line ends) is in it."""
    for char, zh, en in (("\x00", "文件含有空字节，不是文本文件", "the file holds NUL bytes: it is not a text file"),
                         ("\r", "行尾只有 CR（旧 Mac 格式）；请以 LF 或 CRLF 换行保存", "lines end with a lone CR; save with LF or CRLF")):
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


# ── The layout of a report, line by line ───────────────────────────────────────────────────────────────

FRONT, REVIEW, TASKS, GLOSSARY = "front", "第一部分", "第二部分", "glossary"
PART_NUMBER = re.compile(r"^第([一二三四五六七八九十])部分")
SECTION_NUMBER = re.compile(r"^[(（]([一二三四五六七八九十]+)[)）]")
_NUMBERED_LABEL = re.compile(r"^[一二三四五六七八九十]+(\(|$)")
LIST_NUMBER = re.compile(r"^\s*(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|[0-9]+[.．、](?![0-9]))")
_WORD_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_CLAUSE = re.compile(r"[^,，;；。！？]+")  # a clause: the text between two of these marks


@dataclass(frozen=True)
class Paragraph:
    """One line of the report with the part and the section label its figures cite."""

    start: int
    end: int
    part: str  # FRONT, REVIEW, TASKS or GLOSSARY
    section: str  # as indicators.yaml writes it: 第一部分 一(二); "" outside the two parts
    guessed: bool  # the label is not numbered in the text (a closing paragraph): check it


def words_of(text: str) -> str:
    """Only the Chinese characters and letters of a text (names and phrases compared without punctuation)."""
    return "".join(_WORD_CHARS.findall(text))


def report_structure(text: str, named_sections: Iterable[str] = ()) -> list[Paragraph]:
    """Each non-empty line of the report with its part and section label.

    Why `named_sections`: a closing paragraph after the last numbered section (政府自身建设) has no
    number to cite; the data names it, so a label the data already uses wins over a guess.
    """
    named = tuple(label for label in named_sections if not _NUMBERED_LABEL.match(label.split(" ", 1)[-1]))
    paragraphs, part, heading, chapter, section, offset = [], FRONT, "", "", "", 0
    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        if PART_NUMBER.match(stripped) or stripped.endswith("名词解释"):
            part = GLOSSARY if stripped.endswith("名词解释") else PART_NUMBER.match(stripped)[0]
            heading, chapter, section = stripped.replace(" ", "")[len(part):], "", ""
        elif part in (REVIEW, TASKS) and (m := CHAPTER.match(stripped)):
            heading, chapter, section = "", m[1], ""
        elif part in (REVIEW, TASKS) and (m := SECTION_NUMBER.match(stripped)):
            section = m[1]
        elif part in (REVIEW, TASKS) and section:
            chapter, section = "", ""  # a paragraph after the numbered sections stands outside them
        paragraphs.append(Paragraph(start, start + len(line), part, *_label(part, heading, chapter, section, stripped, named)))
    return paragraphs


def _label(part: str, heading: str, chapter: str, section: str, line: str, named: tuple[str, ...]) -> tuple[str, bool]:
    """The section label of a line, and whether it had to be guessed.

    Before the first chapter a part's paragraphs take the part's heading (第一部分 2023年工作回顾); after
    the numbered sections they take a label the data uses, else the last words of their first sentence.
    """
    if part not in (REVIEW, TASKS):
        return "", False
    if chapter:
        return f"{part} {chapter}({section})" if section else f"{part} {chapter}", False
    if section:  # a part numbered in sections without chapters: 第二部分 (二), never the part's heading
        return f"{part} ({section})", False
    if heading:
        return f"{part} {heading}", False
    first = re.split(r"[。！？]", line, maxsplit=1)[0]
    known = [name.split(" ", 1)[1] for name in named if name.startswith(part + " ") and name.split(" ", 1)[1] in first]
    if known:
        return f"{part} {max(known, key=len)}", False
    words = words_of(first)
    return f"{part} {words[-6:] or '正文'}", True


@dataclass(frozen=True)
class Clause:
    """A clause of part one or part two: its words as the report writes them, where they stand, and what kind of
    line holds them."""

    start: int  # its span in the report's text, list number (一、 (二) 1.) and spaces left out
    end: int
    text: str
    part: str  # REVIEW or TASKS
    section: str
    heading: bool  # it stands in a part's, a chapter's or a section's heading (一、…; (一)跑出城市更新加速度。)
    chapter: bool  # it stands in a chapter's heading line (一、坚持人民城市理念,推动区域高质量发展)


def clauses(text: str, named_sections: Iterable[str] = ()) -> Iterator[Clause]:
    """Every clause (text between , ， ; ； 。 ！ ？) of part one and part two with at least four characters.

    Why four: a clause that says something has a verb and its object (推进 + 建设); shorter runs are the
    scraps punctuation leaves (a list number, 等).
    """
    for paragraph in report_structure(text, named_sections):
        if paragraph.part not in (REVIEW, TASKS):
            continue
        line = text[paragraph.start:paragraph.end]
        stripped = line.strip()
        chapter = bool(CHAPTER.match(stripped))
        # A part's heading line is all heading; a section's title is the line's first sentence, (一)…。
        title_end = 0 if not SECTION_NUMBER.match(stripped) else min((i for i in (line.find(m) for m in "。！？") if i >= 0),
                                                                     default=len(line))
        whole_heading = chapter or bool(PART_NUMBER.match(stripped))
        for m in _CLAUSE.finditer(line):
            lead = LIST_NUMBER.match(m[0])
            begin = m.start() + (lead.end() if lead else 0)
            words = line[begin:m.end()].strip()
            if len(words_of(words)) < 4:
                continue
            begin = line.index(words, begin)
            yield Clause(paragraph.start + begin, paragraph.start + begin + len(words), words, paragraph.part,
                         paragraph.section, whole_heading or m.start() < title_end, chapter)
