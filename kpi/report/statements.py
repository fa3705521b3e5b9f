"""What a report states that the data must account for, and whether it does: the completeness check.

Why: "every figure of the report, not a sample" is the product's promise. A report states more than its Arabic
numbers: part two promises work clause by clause, and part one gives some results as a rank, a zero or in words.
Each such statement is either curated (indicators.yaml quotes it) or excluded with a reason (exclusions.yaml);
whatever is neither is listed for staff on the data-check page, and the tests fail on it. Nothing is left out
silently, and the rule below says exactly what "each statement" is, so it can be checked.

What the check finds in each report (clauses as kpi.report.layout.clauses splits them: the text between , ， ; ；
。 ！ ？, four characters or more, without its list number):
- number — every Arabic number of the whole text, front matter and glossary included, and every count part one
  writes in numerals (kpi.report.numerals.numerals_in: 两级, 十二景, 百个; not 一 alone, an ordinal 第三届, an
  estate's name 凌五, a label 一、 or a run that is no one number, 十四五).
- commitment — every clause of part two, except headings (the part's heading, a chapter's 一、…, a section's title
  (一)….). The check does not guess which clauses promise a deliverable or a change: a duty or attitude (坚持…,
  牢固树立…), a topic sentence or the way work is done is listed too, and a person excludes it with its reason.
  A heading is left out because it names a field of work, whose work the sentences under it state.
- rank, zero, words — a clause of part one (headings left out) stating a result whose level the report gives in
  words where a number could stand:
    rank:  全区第一, 全区前三 (全区 / 全市 / 全国, then 第… or 前…);
    zero:  零 and a word (零增长, 零有效差评; not 零的突破, which means "a first", nor 零星 or 零售), or 未发生;
    words: a completion (全部 / 全面 / 圆满 / 超额 / 基本 / 顺利 / 高质量 完成, 顺利收官, 全覆盖) or the size of a change
           (大幅 / 显著 增长, 提升, 提高, 下降, 减少).
    honour: an honour received or a deed passed, stated as the year's result with or without a count (入选, 获评,
           荣获, 被评为, 成功创建, 通过…验收). Where no number says it, nothing else would: it is kept as a result in
           words (indicators.yaml `results`) or excluded with its reason.
  Other deeds done (建成, 举办, 成立) are not results in words: their counts are numbers the first rule finds. So "in
  words" never grows into every sentence.

Curated (quotes of the same report: indicator values, targets, milestones and outcomes):
- a number, when a quote holding its place gives a figure, target or outcome of that value (as the quote check does);
- a commitment, when a quote of that report (in part two: a target's or a milestone's) overlaps the clause: holds it,
  lies inside it, or shares part of it (milestones quote fragments of clauses, and a fragment may cross a comma);
- a result of part one, when a quote holding the clause gives a figure whose words (全区第一) or number (9个小区基本
  完成) stand in the clause, or a milestone's outcome quotes it.
Excluded: an entry of exclusions.yaml for that report whose text, wherever it stands, holds the whole number (in
`numbers:`) or the whole clause (in `statements:`). An entry that covers nothing left uncurated is stale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from kpi.data.dataset import Dataset, sourced
from kpi.data.model import ExclusionsFile, IndicatorsFile
from kpi.report.layout import CLAUSE, REVIEW, TASKS, Paragraph, clauses, report_structure
from kpi.report.numbers import every_number_in, numbers_in, value_of

Kind = Literal["number", "commitment", "rank", "zero", "words", "honour"]
KINDS: tuple[Kind, ...] = ("commitment", "rank", "zero", "words", "honour", "number")
RANK = re.compile(r"全[区市国](?:第[一二三四五六七八九十]+|前[二三四五六七八九十]+)")
ZERO = re.compile(r"(?<![一二三四五六七八九十百千万])零(?!的突破|星|散|售|钱|碎)[\u4e00-\u9fff]|未发生")
IN_WORDS = re.compile(
    r"(?:全部|全面|圆满|超额|基本|顺利|高质量)完成|顺利收官|全覆盖|(?:大幅|显著)(?:增长|提升|提高|下降|减少)"
)
HONOUR = re.compile(r"入选|获评|荣获|被评为|成功创建|通过[^,，;；。]*验收")
_RESULT_KINDS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("rank", RANK),
    ("zero", ZERO),
    ("words", IN_WORDS),
    ("honour", HONOUR),
)


@dataclass(frozen=True)
class Statement:
    """A number or a clause of a report the data must account for."""

    kind: Kind
    start: int  # its place in the report's text: the number's digits, or the clause
    end: int
    text: str  # the clause (for a number, the clause it stands in: what a person reads to judge it)
    part: str  # kpi.report.layout FRONT, REVIEW, TASKS or GLOSSARY
    section: str  # 第二部分 一(二); "" in the front matter and the glossary
    line: int  # its line in the report's file


@dataclass(frozen=True)
class ReportCheck:
    """One report's statements, each curated, excluded (with the index of its exclusion) or missing."""

    report: str
    found: tuple[Statement, ...]
    curated: tuple[Statement, ...]
    excluded: tuple[tuple[Statement, str, int], ...]  # (statement, "numbers" or "statements", index in that list)
    missing: tuple[Statement, ...]
    stale: tuple[tuple[str, int], ...]  # exclusions ("numbers" or "statements", index) that cover nothing missing


def find_statements(text: str, named_sections: set[str] | frozenset[str] = frozenset()) -> list[Statement]:
    """Every number, clause of part two and worded result of part one, in the order of the text."""
    paragraphs = report_structure(text, named_sections)
    found = [statement for paragraph in paragraphs for statement in _numbers(text, paragraph)]
    for clause in clauses(text, named_sections):
        kind = None if clause.heading else "commitment" if clause.part == TASKS else result_kind(clause.text)
        if kind is not None:
            found.append(
                Statement(
                    kind,
                    clause.start,
                    clause.end,
                    clause.text,
                    clause.part,
                    clause.section,
                    text.count("\n", 0, clause.start) + 1,
                )
            )
    return sorted(found, key=lambda s: (s.start, s.kind != "number"))


def result_kind(clause: str) -> Kind | None:
    """rank, zero, words or honour when a clause of part one states a result so; None for every other clause."""
    for kind, pattern in _RESULT_KINDS:
        if pattern.search(clause):
            return kind
    return None


def _numbers(text: str, paragraph: Paragraph) -> list[Statement]:
    """The numbers of one line, each with the clause it stands in: Arabic ones everywhere, and in part one the counts
    written in numerals (五级, 十二景)."""
    line = text[paragraph.start : paragraph.end]
    found = []
    for start, end, _ in every_number_in(line) if paragraph.part == REVIEW else numbers_in(line):
        clause = next(m for m in CLAUSE.finditer(line) if m.start() <= start < m.end())
        found.append(
            Statement(
                "number",
                paragraph.start + start,
                paragraph.start + end,
                clause[0].strip(),
                paragraph.part,
                paragraph.section,
                text.count("\n", 0, paragraph.start) + 1,
            )
        )
    return found


def check_report(content: IndicatorsFile, exclusions: ExclusionsFile | None, report: str, text: str) -> ReportCheck:
    """Sort one report's statements into curated, excluded and missing, and find the stale exclusions."""
    quotes = [
        (a, a + len(source.quote), value)
        for _, source, value in sourced(content)
        if source.report == report
        for a in _places(text, source.quote)
    ]
    found = find_statements(text, frozenset(source.section for _, source, _ in sourced(content)))
    curated = [s for s in found if _curated(s, quotes, text)]
    entries = [
        (group, index, a, a + len(entry.text))
        for group in ("numbers", "statements")
        for index, entry in enumerate(getattr(exclusions, group) if exclusions else [])
        if entry.report == report
        for a in _places(text, entry.text)
    ]
    excluded, missing = [], []
    for statement in (s for s in found if s not in curated):
        group = _group(statement)
        cover = next(
            ((g, i) for g, i, a, b in entries if g == group and a <= statement.start and statement.end <= b), None
        )
        if cover:
            excluded.append((statement, *cover))
        else:
            missing.append(statement)
    # Stale: an entry holding no statement left uncurated (one that another entry also holds still counts).
    used = {
        (group, index)
        for group, index, a, b in entries
        for statement, _, _ in excluded
        if group == _group(statement) and a <= statement.start and statement.end <= b
    }
    stale = [
        (group, index)
        for group in ("numbers", "statements")
        for index, entry in enumerate(getattr(exclusions, group) if exclusions else [])
        if entry.report == report and (group, index) not in used
    ]
    return ReportCheck(report, tuple(found), tuple(curated), tuple(excluded), tuple(missing), tuple(stale))


def _group(statement: Statement) -> str:
    """The list of exclusions.yaml that can exclude the statement."""
    return "numbers" if statement.kind == "number" else "statements"


def _curated(statement: Statement, quotes: list[tuple[int, int, float | str | None]], text: str) -> bool:
    """Whether a quote of the report accounts for the statement (the rules in the module's docstring)."""
    s, e = statement.start, statement.end
    if statement.kind == "number":
        value = value_of(text[s:e])
        return any(a <= s and e <= b and isinstance(v, float) and v == value for a, b, v in quotes)
    if statement.kind == "commitment":
        return any(a < e and s < b for a, b, _ in quotes)
    digits = {number for _, _, number in numbers_in(statement.text)}
    return any(
        (a <= s and e <= b and (isinstance(v, str) and v in statement.text or isinstance(v, float) and v in digits))
        or (v is None and a < e and s < b)
        for a, b, v in quotes
    )


def _places(text: str, part: str) -> list[int]:
    """Every start of `part` in `text`: a quote or an exclusion counts wherever it stands."""
    found, start = [], text.find(part)
    while start >= 0:
        found.append(start)
        start = text.find(part, start + 1)
    return found


def check_all(dataset: Dataset) -> list[ReportCheck]:
    """Every report's check, oldest report first (computed once per dataset)."""
    return dataset.memo(
        "completeness",
        lambda: [
            check_report(dataset.content, dataset.exclusions, report, dataset.report_texts[report])
            for report in dataset.reports
            if report in dataset.report_texts
        ],
    )
