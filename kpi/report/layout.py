"""A report's layout line by line (its part, its section label) and its clauses.

Why one split: the draft proposes data clause by clause, and the completeness check (kpi/report/statements.py)
asks of the same clauses whether the data holds them; one split, so both see one report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kpi.report.numbers import every_number_in, numbers_in
from kpi.report.text import CHAPTER

FRONT, REVIEW, TASKS, GLOSSARY = "front", "第一部分", "第二部分", "glossary"
PART_NUMBER = re.compile(r"^第([一二三四五六七八九十])部分")
SECTION_NUMBER = re.compile(r"^[(（]([一二三四五六七八九十]+)[)）]")
_NUMBERED_LABEL = re.compile(r"^[一二三四五六七八九十]+(\(|$)")
LIST_NUMBER = re.compile(r"^\s*(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|[0-9]+[.．、](?![0-9]))")
_WORD_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z]")
CLAUSE = re.compile(r"[^,，;；。！？]+")  # a clause: the text between two of these marks


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
        glossary = stripped.endswith("名词解释")
        if (numbered := PART_NUMBER.match(stripped)) or glossary:
            part = numbered[0] if numbered and not glossary else GLOSSARY
            heading, chapter, section = stripped.replace(" ", "")[len(part) :], "", ""
        elif part in (REVIEW, TASKS) and (m := CHAPTER.match(stripped)):
            heading, chapter, section = "", m[1], ""
        elif part in (REVIEW, TASKS) and (m := SECTION_NUMBER.match(stripped)):
            section = m[1]
        elif part in (REVIEW, TASKS) and section:
            chapter, section = "", ""  # a paragraph after the numbered sections stands outside them
        paragraphs.append(
            Paragraph(start, start + len(line), part, *_label(part, heading, chapter, section, stripped, named))
        )
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
        line = text[paragraph.start : paragraph.end]
        stripped = line.strip()
        chapter = bool(CHAPTER.match(stripped))
        # A part's heading line is all heading; a section's title is the line's first sentence, (一)…。
        title_end = (
            0
            if not SECTION_NUMBER.match(stripped)
            else min((i for i in (line.find(m) for m in "。！？") if i >= 0), default=len(line))
        )
        whole_heading = chapter or bool(PART_NUMBER.match(stripped))
        for m in CLAUSE.finditer(line):
            lead = LIST_NUMBER.match(m[0])
            begin = m.start() + (lead.end() if lead else 0)
            words = line[begin : m.end()].strip()
            if len(words_of(words)) < 4:
                continue
            begin = line.index(words, begin)
            yield Clause(
                paragraph.start + begin,
                paragraph.start + begin + len(words),
                words,
                paragraph.part,
                paragraph.section,
                whole_heading or m.start() < title_end,
                chapter,
            )


def clauses_holding(quote: str, value: float | str | None) -> list[str]:
    """The clauses of a quote holding the value (a number, or the words of a result), each narrowed to the value's own
    part of a list; the whole quote when the value is None or not found."""
    if isinstance(value, str):
        places = [m.start() for m in re.finditer(re.escape(value), quote)]
    else:
        places = [start for start, _, number in every_number_in(quote) if number == value] if value is not None else []
    if not places:
        return [quote]
    return [
        _own_phrase(m.group(), place - m.start())
        for place in places
        for m in CLAUSE.finditer(quote)
        if m.start() <= place < m.end()
    ]


def _own_phrase(clause: str, place: int) -> str:
    """The figure's own part of a clause that lists several with 、 (3台老化电梯更换、173套…探测器安装): from after the
    part holding the figure before it to before the part holding the figure after it."""
    parts, offset = [], 0
    for part in clause.split("、"):
        parts.append((offset, part))
        offset += len(part) + 1
    mine = max(n for n, (at, _) in enumerate(parts) if at <= place)
    counted = [n for n, (_, part) in enumerate(parts) if n != mine and any(numbers_in(part))]
    first = max((n + 1 for n in counted if n < mine), default=0)
    last = min((n - 1 for n in counted if n > mine), default=len(parts) - 1)
    return "、".join(part for _, part in parts[first : last + 1])
