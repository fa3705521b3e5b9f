"""The data model of indicators.yaml, glossary.yaml and exclusions.yaml (pydantic v2).

Why strict: staff edit these files by hand. An unknown key is an error (a typo in `value` must not
silently drop a figure), numbers must be real finite numbers (not "一百", not .inf), and closed
vocabularies are Literals so a wrong word lists the allowed ones. Every field carries a description;
it becomes the JSON Schema that editors use to validate while typing.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, Strict, model_validator
from pydantic_core import PydanticCustomError

from kpi.periods import parse_period
from kpi.status import MilestoneStatus, TargetStatus

Qualifier = Literal["exact", "more_than", "nearly", "about", "over"]
Direction = Literal["higher", "lower", "none"]
Comparison = Literal["at_least", "at_most", "exactly"]
MilestoneState = Literal["not_started", "in_progress", "done"]
MilestoneOutcomeState = Literal["done", "not_done"]
ProgrammeState = Literal["done", "basically_done", "under_way"]

Number = Annotated[float, Strict(), Field(allow_inf_nan=False)]


def _not_blank(text: str) -> str:
    # " " passes min_length but shows as nothing, and Streamlit refuses a blank page title (every page stops).
    if not text.strip():
        raise PydanticCustomError("string_blank", "must not be empty or only spaces")
    return text


NonEmpty = Annotated[str, Strict(), Field(min_length=1), AfterValidator(_not_blank)]
ItemId = Annotated[
    str, Strict(), Field(pattern=r"^[a-z][a-z0-9_]*\.[a-z0-9_]+$", examples=["economy.enterprises_attracted"])
]
# Ids show in shared links and in downloaded CSVs, so a renamed item keeps its old ids and old links still open it.
FormerIds = Annotated[
    list[ItemId], Field(description="曾用编号：改名后旧链接仍能打开 / Ids it had before: old links still open it")
]
ThemeId = Annotated[str, Strict(), Field(pattern=r"^[a-z][a-z0-9_]*$", examples=["economy"])]
ReportId = Annotated[str, Strict(), Field(pattern=r"^[a-z][a-z0-9_]*$", examples=["report_2023"])]
Year = Annotated[int, Strict(), Field(ge=1990, le=2100, examples=[2023])]
Section = Annotated[str, Strict(), Field(pattern=r"^第[一二]部分 \S+$", examples=["第一部分 一(二)"])]


def _check_period(text: str) -> str:
    try:
        parse_period(text)
    except ValueError:
        raise PydanticCustomError("period_format", "period must look like 2023 or 2023-01..2023-11") from None
    return text


def _year_as_text(value: object) -> object:
    # `period: 2023` without quotes is an int in YAML; it means the year, so accept it as text.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


Period = Annotated[
    str,
    BeforeValidator(_year_as_text, json_schema_input_type=str | int),
    Strict(),
    AfterValidator(_check_period),
    Field(examples=["2023", "2023-01..2023-11"]),
]


class StrictModel(BaseModel):
    """Base: unknown fields are errors, objects are immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(StrictModel):
    """A visible string in both languages."""

    zh: NonEmpty = Field(description="中文 / Chinese")
    en: NonEmpty = Field(description="英文 / English")


class Source(StrictModel):
    """Where a figure comes from: which report, where in it, and its sentence."""

    report: ReportId = Field(description="报告编号（见 reports）/ Id of the report, from `reports`")
    section: Section = Field(description="章节，如 第一部分 一(二) / Part, chapter and section of the report")
    quote: NonEmpty = Field(description="报告原文（逐字引用，须与报告完全一致）/ The sentence of the report, verbatim")


NoteKind = Literal["period", "cumulative", "scope"]


class ValueNote(StrictModel):
    """What a reader must know not to misread a figure: a doubt about its period, a 累计 with no 全年, a scope
    other than the name suggests. Shown on the pages, so it says only what the report's text supports."""

    kind: NoteKind = Field(description="period 期间存疑 / cumulative 累计未写全年 / scope 范围不同")
    short: Text = Field(description="数字卡片上的一句短话 / One short line for the tile")
    text: Text = Field(description="指标页上的完整说明 / The whole note, on the figure's page")


class Value(StrictModel):
    """One figure for one period."""

    period: Period = Field(description="期间：2023 或 2023-01..2023-11 / Period: a year or a month span")
    value: Number = Field(description="数值（报告原单位，如 3.45 亿元写 3.45）/ The number, in the report's unit")
    qualifier: Qualifier = Field(
        "exact", description="限定词：exact 准确 / more_than 余 / nearly 近 / about 约 / over 超"
    )
    words: Text | None = Field(
        None,
        description="结果为名次、零或文字时，报告的原话（如 全区第一；中文须出现在引文中），显示时代替数字 / "
        "The result in the report's words when it is a rank, a zero or words (全区第一); shown instead of the number",
    )
    source: Source = Field(description="出处 / Source in the report")
    note: ValueNote | None = Field(
        None, description="数值说明（页面显示，防止误读）/ A note the pages show, so the figure is not misread"
    )


class NameOmission(StrictModel):
    """A limiting word of the quoted clause (kpi/vocabulary.yaml, `limiting`) that the item's names leave out, and why."""

    word: NonEmpty = Field(
        description="限定词（见 kpi/vocabulary.yaml 的 limiting），如 推进 / The limiting word, e.g. 推进"
    )
    reason: Text = Field(
        description="理由：为什么名称不写这个词（如它限定的是引文中另一个分句）/ "
        "Why the names leave it out (e.g. it limits another clause of the quote)"
    )


NameOmits = Annotated[
    list[NameOmission],
    Field(
        description="名称中不写的限定词及理由（引文分句含 kpi/vocabulary.yaml 的限定词而名称不含时必填）/ "
        "Limiting words of the quoted clause the names leave out, each with its reason"
    ),
]


ThemeReason = Annotated[
    Text | None,
    Field(
        description="主题与报告章节不同时的理由（该章节的事项多在别的主题下时必填）/ "
        "Why the item's theme is not one of its section's (required when the section's items sit elsewhere)"
    ),
]


class Theme(StrictModel):
    """A page of the dashboard; the order in the file is the order of the pages."""

    id: ThemeId = Field(description="主题编号（英文小写）/ Theme id (lowercase ASCII)")
    name: Text = Field(description="主题名称 / Theme name")
    icon: NonEmpty = Field(description="图标，如 :material/trending_up: / Material icon")


class Indicator(StrictModel):
    """A figure of the report, with one value per period."""

    id: ItemId = Field(description="编号：主题.名称，如 economy.enterprises_attracted / Stable id")
    former_ids: FormerIds = []
    theme: ThemeId = Field(description="所属主题编号 / Theme id")
    name: Text = Field(description="指标名称（简短）/ Short name")
    name_omits: NameOmits = []
    theme_reason: ThemeReason = None
    unit: Text = Field(description="单位；英文写基本单位（万、亿由程序换算）/ Unit; English without 万/亿")
    direction: Direction = Field("none", description="期望方向：higher 越高越好 / lower 越低越好 / none")
    key: bool = Field(False, description="是否为重点指标（领导首屏）/ Key figure shown first")
    values: list[Value] = Field(min_length=1, description="各期数值 / Values by period")

    @model_validator(mode="after")
    def _periods_unique(self) -> Indicator:
        # A later report may restate a period (kept beside the first statement); one report states it once.
        stated = [(v.period, v.source.report) for v in self.values]
        if len(stated) != len(set(stated)):
            raise PydanticCustomError("duplicate_period", "a period appears twice with the same report")
        return self


MonthSpan = Annotated[str, Strict(), Field(pattern=r"^(0[1-9]|1[0-2])\.\.(0[1-9]|1[0-2])$", examples=["07..08"])]
DoneWhen = Literal["continued", "taken_further", "finished"]


class Due(StrictModel):
    """When a target or milestone is judged, in the report's words: a season of its plan year, or the year's end.

    Why: a summer programme measured against a straight line over the year is "lagging" all spring, and an award
    decided at the year's end has no pace. Until it is due, its status says so instead.
    """

    season: MonthSpan | None = Field(
        None, description="计划年度内的月份，如 07..08（暑期）/ Months of the plan year, e.g. 07..08 (summer)"
    )
    year_end: bool = Field(False, description="只在年底评定（如创建示范）/ Judged at the year's end only (awards)")
    words: NonEmpty = Field(
        description="报告中说明时间的原话（须出现在引文中，如 暑托班）/ The report's words that fix it, from the quote"
    )

    @model_validator(mode="after")
    def _season_or_year_end(self) -> Due:
        if (self.season is None) == (not self.year_end):
            raise PydanticCustomError("due_one", "due is either a season or year_end: true")
        if self.season is not None and self.season[:2] > self.season[-2:]:
            raise PydanticCustomError("due_season_order", "a season runs forward within the year, e.g. 07..08")
        return self


class TargetOverride(StrictModel):
    """A target status set by hand; the reason is required and shown beside it."""

    status: TargetStatus = Field(description="人工指定的状态 / Status set by hand")
    reason: Text = Field(description="理由 / Why the computed status is overridden")


class MilestoneOverride(StrictModel):
    """A milestone status set by hand; the reason is required and shown beside it."""

    status: MilestoneStatus = Field(description="人工指定的状态 / Status set by hand")
    reason: Text = Field(description="理由 / Why the computed status is overridden")


class ProgressEntry(StrictModel):
    """Progress on a numeric target: the cumulative value reached by a date."""

    date: dt.date = Field(description="日期 YYYY-MM-DD / Date of the figure")
    value: Number = Field(description="截至该日的累计完成值 / Cumulative value reached by that date")
    unit: NonEmpty | None = Field(
        None, description="单位（可选，须与目标单位一致）/ Optional unit, must match the target's"
    )
    note: Text | None = Field(None, description="说明（可选）/ Optional note")


class MilestoneEntry(StrictModel):
    """Progress on a milestone: its state from a date on."""

    date: dt.date = Field(description="日期 YYYY-MM-DD / Date")
    status: MilestoneState = Field(description="not_started 未开始 / in_progress 推进中 / done 已完成")
    note: Text | None = Field(None, description="说明（可选）/ Optional note")


class TargetOutcome(StrictModel):
    """What the following report says the target came to: its figure with the sentence, or that it says nothing of it."""

    value: Number | None = Field(None, description="实际完成值 / The value reached")
    qualifier: Qualifier = Field("exact", description="限定词 / Qualifier, as the report writes it")
    source: Source | None = Field(None, description="出处（下一年度报告）/ Source in the following report")
    not_mentioned_in: ReportId | None = Field(
        None,
        description="下一年度报告未提及此目标时，写该报告编号（不写 value 和 source）/ "
        "When the following report does not mention the target: that report's id (no value, no source)",
    )

    @model_validator(mode="after")
    def _stated_or_not_mentioned(self) -> TargetOutcome:
        if self.not_mentioned_in is not None and (self.value is not None or self.source is not None):
            raise PydanticCustomError("outcome_both", "an outcome is either stated (value and source) or not mentioned")
        if self.not_mentioned_in is None and (self.value is None or self.source is None):
            raise PydanticCustomError(
                "outcome_target_incomplete", "an outcome needs value and source, or not_mentioned_in"
            )
        return self


class MilestoneOutcome(StrictModel):
    """Whether a milestone was done (from the following report's sentence or a staff note), or that the report is silent."""

    status: MilestoneOutcomeState | None = Field(None, description="done 已完成 / not_done 未完成")
    source: Source | None = Field(None, description="出处（下一年度报告）/ Source in the following report")
    note: Text | None = Field(None, description="说明（无原文出处时必填）/ Note, required when there is no source")
    not_mentioned_in: ReportId | None = Field(
        None,
        description="下一年度报告未提及此事项时，写该报告编号（不写 status、source、note）/ "
        "When the following report does not mention the milestone: that report's id (nothing else)",
    )

    @model_validator(mode="after")
    def _sourced_or_explained(self) -> MilestoneOutcome:
        stated = (self.status, self.source, self.note)
        if self.not_mentioned_in is not None and any(x is not None for x in stated):
            raise PydanticCustomError(
                "outcome_both", "an outcome is either stated (status and source) or not mentioned"
            )
        if self.not_mentioned_in is None and self.status is None:
            raise PydanticCustomError("outcome_milestone_incomplete", "an outcome needs status, or not_mentioned_in")
        if self.status is not None and self.source is None and self.note is None:
            raise PydanticCustomError("outcome_unsupported", "an outcome needs a source or a note")
        return self


class Target(StrictModel):
    """A numeric task of part two; its plan year is the one its report sets."""

    id: ItemId = Field(description="编号 / Stable id")
    former_ids: FormerIds = []
    theme: ThemeId = Field(description="所属主题编号 / Theme id")
    name: Text = Field(description="目标名称 / Short name")
    name_omits: NameOmits = []
    theme_reason: ThemeReason = None
    value: Number = Field(description="目标值 / Target value")
    unit: Text = Field(description="单位 / Unit")
    comparison: Comparison = Field(description="at_least 不少于 / at_most 不超过 / exactly 等于")
    qualifier: Qualifier = Field("exact", description="限定词，如 约 写 about / Qualifier of the target")
    baseline: ItemId | None = Field(
        None, description="上一年实绩的指标编号（可选）/ Indicator id of last year's actual"
    )
    baseline_note: Text | None = Field(
        None, description="基数与目标口径不同时的说明 / Caveat when the baseline counts something else"
    )
    source: Source = Field(description="出处 / Source in the report")
    progress: list[ProgressEntry] = Field([], description="进展记录（由工作人员添加）/ Progress entries")
    outcome: TargetOutcome | None = Field(
        None, description="结果（来自下一年度报告）/ Outcome, from the following report"
    )
    due: Due | None = Field(None, description="何时评定（季节或年底，须有原文依据）/ When it is judged, per the report")
    override: TargetOverride | None = Field(None, description="人工状态（须写理由）/ Manual status with reason")


class Milestone(StrictModel):
    """A concrete non-numeric commitment of part two; its plan year is the one its report sets."""

    id: ItemId = Field(description="编号 / Stable id")
    former_ids: FormerIds = []
    theme: ThemeId = Field(description="所属主题编号 / Theme id")
    name: Text = Field(description="事项名称 / Short name")
    name_omits: NameOmits = []
    theme_reason: ThemeReason = None
    source: Source = Field(description="出处 / Source in the report")
    progress: list[MilestoneEntry] = Field([], description="进展记录（由工作人员添加）/ Progress entries")
    outcome: MilestoneOutcome | None = Field(
        None, description="结果（来自下一年度报告）/ Outcome, from the following report"
    )
    due: Due | None = Field(None, description="何时评定（季节或年底，须有原文依据）/ When it is judged, per the report")
    done_when: DoneWhen | None = Field(
        None,
        description="下一份报告说什么算完成（不写时按引文动词判断：持续… continued，深化… taken_further）/ "
        "What the next report must say for done; by default read off the quote's verb",
    )
    override: MilestoneOverride | None = Field(None, description="人工状态（须写理由）/ Manual status with reason")


class Result(StrictModel):
    """A result of the year the report states in words, with no number: an honour received or a deed it names as done
    (入选, 获评, 成功创建, 通过…验收). Shown with its name and sentence; it has no figure to chart."""

    id: ItemId = Field(description="编号 / Stable id")
    former_ids: FormerIds = []
    theme: ThemeId = Field(description="所属主题编号 / Theme id")
    name: Text = Field(description="结果名称（说出它是什么荣誉或成果）/ Short name: which honour or result")
    name_omits: NameOmits = []
    theme_reason: ThemeReason = None
    source: Source = Field(description="出处（第一部分的原句）/ Source: the sentence of part one")


class ProgrammePart(StrictModel):
    """One part of a programme's total, in the state the report gives it."""

    indicator: ItemId = Field(description="指标编号 / Indicator id of this part")
    state: ProgrammeState = Field(description="done 已完成 / basically_done 基本完成 / under_way 推进中")


class Programme(StrictModel):
    """A whole and its parts, drawn only where one sentence of the report states both."""

    id: ItemId = Field(description="编号 / Stable id")
    theme: ThemeId = Field(description="所属主题编号 / Theme id")
    name: Text = Field(description="项目名称 / Name")
    total: ItemId = Field(description="总量指标编号 / Indicator id of the total")
    parts: list[ProgrammePart] = Field(
        min_length=1, description="组成部分（须与总量出自同一句原文）/ Parts, stated in the total's sentence"
    )


class Breakdown(StrictModel):
    """Counts one sentence of the report gives side by side, in one unit: a breakdown the report itself makes."""

    id: ItemId = Field(description="编号 / Stable id")
    theme: ThemeId = Field(description="所属主题编号 / Theme id")
    question: Text = Field(description="图表回答的问题（作标题）/ The question its chart answers (the title)")
    parts: list[ItemId] = Field(
        min_length=2, description="各部分的指标编号（同一句原文、同一单位）/ Indicator ids, one sentence, one unit"
    )


# Everything with an id and a theme (kpi/data/dataset.py themed_items walks them).
ThemedItem = Indicator | Programme | Breakdown | Target | Milestone | Result


class Heading(StrictModel):
    """A section heading of a report, so pages can group figures under the report's own words."""

    section: Section = Field(description="章节，如 第一部分 一(二) / Part, chapter and section")
    title: Text = Field(
        description="小标题（中文与报告原文一致，如 经济发展稳中有进）/ Title (Chinese as the report writes it)"
    )


class Report(StrictModel):
    """One annual work report: part one reviews a year, part two sets the next year's tasks."""

    id: ReportId = Field(description="报告编号，如 report_2023 / Report id")
    title: Text = Field(description="报告名称 / Title")
    publisher: Text = Field(description="发布机构 / Publisher")
    published: dt.date = Field(description="发布日期 / Publication date")
    url: Annotated[str, Strict(), Field(pattern=r"^https?://\S+$", examples=["https://www.pudong.gov.cn/…"])] = Field(
        description="原文网址（http:// 或 https:// 开头）/ Address of the original, http(s) only"
    )
    file: NonEmpty = Field(
        description="报告文本，须在 source/ 下，如 source/report.txt / The report's text, under source/"
    )
    reviews: Year = Field(description="第一部分回顾的年份 / The year part one reviews")
    plans: Year = Field(description="第二部分部署任务的年份 / The year part two sets tasks for")
    headings: list[Heading] = Field(
        [], description="小标题的英文（可选；缺少时显示章节号）/ Section headings in English (optional)"
    )


class IndicatorsFile(StrictModel):
    """indicators.yaml."""

    reports: list[Report] = Field(min_length=1, description="报告（每年一份）/ The reports, one a year")
    themes: list[Theme] = Field(min_length=1, description="主题（页面）/ Themes (pages)")
    indicators: list[Indicator] = Field(min_length=1, description="指标 / Figures")
    programmes: list[Programme] = Field([], description="多年项目进度 / Multi-year programmes")
    breakdowns: list[Breakdown] = Field([], description="原文给出的分项 / Breakdowns the report gives")
    targets: list[Target] = Field([], description="数值目标 / Numeric targets")
    milestones: list[Milestone] = Field([], description="事项 / Milestones")
    results: list[Result] = Field([], description="文字表述的成果（荣誉、验收等，无数字）/ Results in words, no number")

    def plan_year(self, item: Target | Milestone) -> int | None:
        """The year a target or milestone is set for: the year its report plans (None for an unknown report).

        Why here: the pages, the status engine and the new report's draft all ask which year an item belongs
        to; one answer, read off the reports of this file.
        """
        return next((report.plans for report in self.reports if report.id == item.source.report), None)


class Term(StrictModel):
    """A term of the report's glossary (名词解释)."""

    id: Annotated[str, Strict(), Field(pattern=r"^[a-z][a-z0-9_]*$")] = Field(description="编号 / Stable id")
    report: ReportId = Field(description="出自哪份报告的名词解释 / Id of the report whose glossary defines it")
    term: Text = Field(description="名词 / Term")
    definition: Text = Field(description="解释（中文逐字引用）/ Definition (Chinese verbatim)")
    forms: list[NonEmpty] = Field([], description="正文中出现的写法 / Forms in which the term appears in the text")


class GlossaryFile(StrictModel):
    """glossary.yaml."""

    terms: list[Term] = Field(min_length=1, description="名词 / Terms")


# Why a number of a report is no figure (python -m kpi draft skips numbers with the same reasons).
NumberReason = Literal["date", "plan_period", "ordinal", "name", "not_a_measurement", "glossary"]
# Why a statement of a report (kpi/report/statements.py: a clause of part two, a rank, zero or result in words of
# part one) is no figure, target or milestone.
StatementReason = Literal[
    "heading", "framing", "attitude", "means", "no_deliverable", "internal", "under_way", "event", "unsized_change"
]


class NumberExclusion(StrictModel):
    """A number of a report that is not a figure (a date, a name…), listed so the completeness check passes it."""

    report: ReportId = Field(description="报告编号（见 indicators.yaml 的 reports）/ Id of the report")
    text: NonEmpty = Field(
        description="报告原文片段（逐字一致，含该数字；同一片段在报告中各处都算）/ "
        "Words of the report, verbatim, holding the number (every place they stand counts)"
    )
    reason: NumberReason = Field(
        description="date 日期 / plan_period 规划期 / ordinal 序数 / name 名称中的数字 / "
        "not_a_measurement 不是计量 / glossary 名词解释"
    )
    note: Text | None = Field(None, description="说明（可选）/ Optional note")


class StatementExclusion(StrictModel):
    """A statement of a report that the data does not hold as a figure, target or milestone, and why."""

    report: ReportId = Field(description="报告编号（见 indicators.yaml 的 reports）/ Id of the report")
    text: NonEmpty = Field(
        description="报告原文（逐字一致，须包含整个分句；可写整句，排除其中各分句）/ "
        "Words of the report, verbatim, holding the whole clause (a sentence excludes each of its clauses)"
    )
    reason: StatementReason = Field(
        description="heading 小标题或引领句 / framing 部分的开头与结尾 / attitude 要求与态度 / means 已收录事项的做法或目的 / "
        "no_deliverable 只说加大力度或提升品质 / internal 无名称的内部制度 / under_way 工作在推进、未说结果 / "
        "event 一次性工作已完成、无可计数 / unsized_change 说了变化、未给大小"
    )
    note: Text | None = Field(None, description="说明（可选）/ Optional note")


class ExclusionsFile(StrictModel):
    """exclusions.yaml: what the completeness check lets pass, each with its reason."""

    numbers: list[NumberExclusion] = Field([], description="不是指标的数字 / Numbers that are no figure")
    statements: list[StatementExclusion] = Field([], description="未收录的表述 / Statements not kept as data")
