"""Every number of a report's text: where it stands, what it counts, and whether it is a figure at all.

Why a module of its own: drafting a new report (kpi/draft/draft.py) starts from the text alone. On the report's
layout as kpi/report/layout.py reads it (第一部分 review / 第二部分 tasks / 名词解释, chapters 一、 and sections (一)), it
reads each number with its unit, qualifier (余 近 约 超) and period hints (截至2023年11月, 2024年), and
sorts out the numbers that are not measurements with the reasons exclusions.yaml uses.
It never looks at indicators.yaml: matching numbers to indicators is the draft's job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import get_args

from kpi.data.model import NumberReason
from kpi.report.layout import FRONT, GLOSSARY, LIST_NUMBER, REVIEW, TASKS, Paragraph, report_structure, words_of
from kpi.report.layout import PART_NUMBER as _PART
from kpi.report.layout import SECTION_NUMBER as _SECTION
from kpi.report.numbers import NUMBER
from kpi.report.numerals import NUMERAL_RUN, chinese_number
from kpi.report.text import CHAPTER

# Why a number is not a figure: the reasons exclusions.yaml gives (kpi/data/model.py), one list for both.
REASONS: tuple[str, ...] = get_args(NumberReason)

_REVIEW_YEAR = re.compile(r"^第一部分\s*(\d{4})年")
_PLAN_YEAR = re.compile(r"^第二部分\s*(\d{4})年")
_PUBLISHED = re.compile(r"发布时间\s*\|\s*(\d{4}-\d{2}-\d{2})")

# Numbers written together with others: one token each, never a figure.
_COMPOUNDS = (
    ("plan_period", re.compile(r"[(（]?\d{4}\s*[-—–~至]\s*\d{4}年?[)）]?")),
    ("date", re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{4}年\d{1,2}月(?:\d{1,2}日)?|(?<![0-9.])\d{4}年度?")),
    ("name", re.compile(r"\d+(?:[+＋](?:\d+|[A-Za-z]))+|(?<![0-9.])\d{2}-\d{2}(?![0-9])")),
)
# The measure words and units the reports write after a number, longest first so 人次 wins over 人.
_UNIT_WORDS = sorted(
    """平方米 平方公里 公里 千米 人次 户次 家次 件次 场次 个班次 个百分点 课时 大类 周年 小时 分钟
    % ％ 美元 元 米 个 家 场 人 件 台 座 次 份 客 户 间 起 条 处 块 所 项 名 期 套 栋 张 批 轮 类 种 支 位 辆 吨 亩 岁
    届 倍 篇 本 幅 棵 株 只 部 组 队 宗 笔 单 道 层 段 床 册 级 天""".split(),
    key=len,
    reverse=True,
)
_UNIT = re.compile(r"(余|多)?(万|亿)?(余|多)?(" + "|".join(map(re.escape, _UNIT_WORDS)) + r")?(以上)?")
# Measure words after which a number written in words counts something (两期, 三个): not 级, 大, 方面.
_CN_MEASURES = set("个期项座家名次场台件处户间所套栋条份张批轮类种支位人起块米")
_ORDINAL_AFTER = ("周年", "届")
_DURATIONS = ("小时", "分钟", "天", "日", "岁")
_COUNTED_NOUNS = (("住宅小区", "个小区"), ("小区", "个小区"), ("居民区", "个居民区"))
_QUOTES = (("“", "”"), ("《", "》"), ("「", "」"), ('"', '"'))
_SUB_BREAKS = "、,，;；:：。！？!?\n"
_CLAUSE_BREAKS = ",，;；:：。！？!?\n"
_SENTENCE_BREAKS = "。！？!?\n"
_HINT = re.compile(r"(截至|截止)?(\d{4})年度?(?:(\d{1,2})月底?)?")
_NOT_ABOUT = set("签预合公规制节")  # 签约40台 is "signed 40", not "about 40"


@dataclass(frozen=True)
class Figure:
    """A number of the report with everything the text says about it."""

    start: int  # where its digits (or words) start in the text
    end: int  # where the whole token ends: digits, qualifier, unit
    value: float
    written: str  # as the text writes it: 3300余万元
    unit: str  # the unit the draft writes: 万元, 个小区
    units: tuple[str, ...]  # every unit an indicator may use for it (个小区 counts as 个 too)
    qualifier: str  # exact / more_than / nearly / about / over
    notes: tuple[str, ...]  # 以上, 累计, 日均, 全年, 共: words a reviewer should see
    period: str
    kind: str  # result (part one), target (part two) or skipped
    reason: str  # why it was skipped, one of REASONS; "" for results and targets
    section: str
    guessed_section: bool
    quote: str  # the sentence that holds it, verbatim
    near: str  # the words of its phrase (between 、 or commas), the number removed
    clause: str  # the words of its clause (between commas)
    sentence_words: str  # the words of its sentence


def report_years(text: str) -> tuple[int | None, int | None]:
    """(the year part one reviews, the year part two plans), from the part headings."""
    lines = [line.strip() for line in text.splitlines()]
    reviews = next((int(m[1]) for line in lines if (m := _REVIEW_YEAR.match(line))), None)
    plans = next((int(m[1]) for line in lines if (m := _PLAN_YEAR.match(line))), None)
    return reviews, plans


def published_date(text: str) -> str | None:
    """The publication date the front matter gives (发布时间 | 2024-01-29), if any."""
    match = _PUBLISHED.search(text.split("\n第一部分", 1)[0])
    return match[1] if match else None


def find_figures(text: str, reviews: int, named_sections: Iterable[str] = ()) -> list[Figure]:
    """Every number of the report (Arabic digits and counts written in words), in text order, classified."""
    figures = []
    for paragraph in report_structure(text, named_sections):
        line = text[paragraph.start : paragraph.end]
        for start, end, value, reason in _tokens(line):
            figures.append(
                _figure(text, paragraph, paragraph.start + start, paragraph.start + end, value, reason, reviews)
            )
    return figures


def _tokens(line: str) -> Iterator[tuple[int, int, float, str]]:
    """(start, end, value, reason or "") of each number in one line: compounds first, then single numbers."""
    taken: list[tuple[int, int]] = []
    found = []
    for reason, pattern in _COMPOUNDS:
        for m in pattern.finditer(line):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                taken.append(m.span())
                first = NUMBER.search(m[0])
                assert first is not None, "every compound's pattern begins with digits"
                found.append((m.start(), m.end(), float(first[0]), reason))
    for m in NUMBER.finditer(line):
        if not any(a <= m.start() < b for a, b in taken):
            found.append((m.start(), m.end(), float(m[0]), ""))
    marker = _PART.match(line) or CHAPTER.match(line) or _SECTION.match(line)
    for m in NUMERAL_RUN.finditer(line, marker.end() if marker else 0):
        value = chinese_number(m[0])
        if m[0] != "一" and _counted_in_words(line, m.start(), m.end(), value):
            found.append((m.start(), m.end(), float(value or 0), "" if value else "name"))
    return iter(sorted(found))


def _counted_in_words(line: str, start: int, end: int, value: int | None) -> bool:
    """Whether a run of numeral characters is a number here: a count (两期), an ordinal (第五次) or in a name."""
    if value is None or line[start:end][0] in "百千":
        return _inside_quotes(line, start) and value is None  # 十四五 in quotes is a name; 百个 is a phrase
    after = line[end : end + 1]
    return after in _CN_MEASURES or after == "届" or line[start - 1 : start] == "第" or _inside_quotes(line, start)


def _inside_quotes(line: str, index: int) -> bool:
    """Whether a position stands between an opening and a closing quote mark (“…”, 《…》)."""
    before = line[:index]
    for opening, closing in _QUOTES:
        inside = before.count(opening) % 2 == 1 if opening == closing else before.rfind(opening) > before.rfind(closing)
        if inside:
            return True
    return False


def _figure(text: str, paragraph: Paragraph, start: int, end: int, value: float, reason: str, reviews: int) -> Figure:
    """Read one number's unit, qualifier and period, and decide what it is."""
    unit_match = _UNIT.match(text, end) if not reason else None
    token_end = unit_match.end() if unit_match else end
    unit, units = _unit(text, start, unit_match)
    qualifier, prefix = _qualifier(text, start, unit_match)
    token_start = start - prefix
    sentence = _span(text, start, token_end, _SENTENCE_BREAKS)
    reason = "glossary" if paragraph.part == GLOSSARY else reason or _reason(text, paragraph, start, token_end, unit)
    kind = "skipped" if reason else ("result" if paragraph.part == REVIEW else "target")
    near, clause = _span(text, start, token_end, _SUB_BREAKS), _span(text, start, token_end, _CLAUSE_BREAKS)
    return Figure(
        start,
        token_end,
        value,
        text[token_start:token_end],
        unit,
        units,
        qualifier,
        _notes(text, clause[0], start, unit_match),
        _period(text, sentence[0], start, reviews),
        kind,
        reason,
        paragraph.section,
        paragraph.guessed,
        _quote(text, sentence),
        _words(text, near, token_start, token_end),
        _words(text, clause, token_start, token_end),
        _words(text, sentence, token_start, token_end),
    )


def _unit(text: str, start: int, match: re.Match | None) -> tuple[str, tuple[str, ...]]:
    """The unit as written (万元, 个), and the forms an indicator may use (个小区 when 小区 stands beside 个).

    Why both sides: the report writes 30个住宅小区 and also 改造小区12个; either way 12 estates are counted.
    """
    if match is None or not (match[2] or match[4]):
        return "", ()
    unit = (match[2] or "") + (match[4] or "")
    if unit == "％":
        unit = "%"
    for noun, counted in _COUNTED_NOUNS:
        if unit == "个" and (text.startswith(noun, match.end()) or text.endswith(noun, 0, start)):
            return (counted, (counted, unit)) if counted == "个小区" else (unit, (unit, counted))
    return unit, (unit,)


def _qualifier(text: str, start: int, match: re.Match | None) -> tuple[str, int]:
    """(qualifier, characters it takes before the number): 余/多 after → more_than; 近, 约, 超(过) before."""
    if match is not None and (match[1] or match[3]):
        return "more_than", 0
    before = text[max(0, start - 2) : start]
    if text[max(0, start - 3) : start] == "不超过":
        return "exact", 0  # a cap (at most), not "over": the target's comparison says it
    if before.endswith("近"):
        return "nearly", 1
    if before.endswith("约") and before[:1] not in _NOT_ABOUT:
        return "about", 1
    if before == "超过":
        return "over", 2
    return ("over", 1) if before.endswith("超") else ("exact", 0)


def _reason(text: str, paragraph: Paragraph, start: int, end: int, unit: str) -> str:
    """Why a single number is not a figure, or "" when it is one."""
    line = text[paragraph.start : paragraph.end]
    before, after = text[max(paragraph.start, start - 1) : start], text[end : end + 12]
    if paragraph.part == FRONT:
        return "not_a_measurement"
    if before == "第" or unit in _ORDINAL_AFTER:
        return "ordinal"
    if (
        _inside_quotes(line, start - paragraph.start)
        or re.match(r"\d{5,}", text[start:end])
        and after.startswith(("市民", "热线", "电话"))
    ):
        return "name"
    if (
        unit in _DURATIONS
    ):  # 24小时: how long a service or watch runs, in a system's name or not (one reason for one kind)
        return "not_a_measurement"
    if not unit:
        return "not_a_measurement"
    if paragraph.part == TASKS and not re.match(r"[0-9]", text[start]):
        return "not_a_measurement"  # part two writes its numeric targets in digits; 五项行动 describes a plan
    return ""


def _notes(text: str, clause_start: int, start: int, match: re.Match | None) -> tuple[str, ...]:
    """Words near the number a reviewer should weigh: 以上 (at least), 累计, 日均 (per day), 全年, 共 (in all)."""
    before = text[clause_start:start]
    notes = ["以上"] if match is not None and match[5] else []
    notes += [word for word in ("累计", "日均", "全年") if word in before]
    return tuple(notes + ["共"] * (text[start - 1 : start] == "共"))


def _period(text: str, sentence_start: int, start: int, reviews: int) -> str:
    """The period a result covers: the last year hint before it in its sentence (截至2023年11月 → 2023-01..2023-11)."""
    hints = [
        m
        for m in _HINT.finditer(text, sentence_start, start)
        if int(m[2]) <= reviews and not _inside_quotes(text[sentence_start : m.start()], m.start() - sentence_start)
    ]
    if not hints:
        return str(reviews)
    last = hints[-1]
    if last[1] and last[3] and int(last[3]) < 12:
        return f"{last[2]}-01..{last[2]}-{int(last[3]):02d}"
    return last[2]


def _span(text: str, start: int, end: int, breaks: str) -> tuple[int, int]:
    """(start, end) of the stretch of text around [start, end) between two break characters."""
    left = max(text.rfind(mark, 0, start) for mark in breaks) + 1
    right = min((i for i in (text.find(mark, end) for mark in breaks) if i >= 0), default=len(text))
    return left, right + (1 if right < len(text) and text[right] in "。！？!?" else 0)


def _quote(text: str, span: tuple[int, int]) -> str:
    """The sentence, verbatim, without a leading section number such as (二)."""
    sentence = text[span[0] : span[1]]
    return sentence[m.end() :] if (m := _SECTION.match(sentence)) else sentence


def _words(text: str, span: tuple[int, int], start: int, end: int) -> str:
    """The Chinese words of a stretch of text with the number itself and a leading list number taken out.

    Why the list number: (二)完成加梯签约40台 is about lifts, not about 二; a name proposed from it must not
    read 二完成加梯签约.
    """
    return words_of(LIST_NUMBER.sub("", text[span[0] : start]) + text[end : span[1]])


def bigrams(words: str) -> set[str]:
    """Pairs of neighbouring characters: how Chinese phrases are compared without a word list."""
    return {words[i : i + 2] for i in range(len(words) - 1)} or ({words} if words else set())
