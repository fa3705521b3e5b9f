"""The data model of indicators.yaml and glossary.yaml (pydantic v2).

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

Qualifier = Literal["exact", "more_than", "nearly", "about", "over"]
Direction = Literal["higher", "lower", "none"]
Comparison = Literal["at_least", "at_most", "exactly"]
MilestoneState = Literal["not_started", "in_progress", "done"]
TargetStatus = Literal["achieved", "on_track", "needs_acceleration", "lagging", "not_reported", "overdue"]
MilestoneStatus = Literal["not_started", "in_progress", "done", "overdue", "not_reported"]

Number = Annotated[float, Strict(), Field(allow_inf_nan=False)]
NonEmpty = Annotated[str, Strict(), Field(min_length=1)]
ItemId = Annotated[str, Strict(), Field(pattern=r"^[a-z][a-z0-9_]*\.[a-z0-9_]+$", examples=["economy.enterprises_attracted"])]
ThemeId = Annotated[str, Strict(), Field(pattern=r"^[a-z][a-z0-9_]*$", examples=["economy"])]
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


Period = Annotated[str, BeforeValidator(_year_as_text, json_schema_input_type=str | int), Strict(), AfterValidator(_check_period),
                   Field(examples=["2023", "2023-01..2023-11"])]


class StrictModel(BaseModel):
    """Base: unknown fields are errors, objects are immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(StrictModel):
    """A visible string in both languages."""

    zh: NonEmpty = Field(description="中文 / Chinese")
    en: NonEmpty = Field(description="英文 / English")


class Source(StrictModel):
    """Where a figure comes from in the report."""

    section: Section = Field(description="章节，如 第一部分 一(二) / Part, chapter and section of the report")
    quote: NonEmpty = Field(description="报告原文（逐字引用，须与报告完全一致）/ The sentence of the report, verbatim")


class Value(StrictModel):
    """One figure for one period."""

    period: Period = Field(description="期间：2023 或 2023-01..2023-11 / Period: a year or a month span")
    value: Number = Field(description="数值（报告原单位，如 3.45 亿元写 3.45）/ The number, in the report's unit")
    qualifier: Qualifier = Field("exact", description="限定词：exact 准确 / more_than 余 / nearly 近 / about 约 / over 超")
    source: Source = Field(description="出处 / Source in the report")


class Theme(StrictModel):
    """A page of the dashboard; the order in the file is the order of the pages."""

    id: ThemeId = Field(description="主题编号（英文小写）/ Theme id (lowercase ASCII)")
    name: Text = Field(description="主题名称 / Theme name")
    icon: NonEmpty = Field(description="图标，如 :material/trending_up: / Material icon")


class Indicator(StrictModel):
    """A figure of the report, with one value per period."""

    id: ItemId = Field(description="编号：主题.名称，如 economy.enterprises_attracted / Stable id")
    theme: ThemeId = Field(description="所属主题编号 / Theme id")
    name: Text = Field(description="指标名称（简短）/ Short name")
    unit: Text = Field(description="单位；英文写基本单位（万、亿由程序换算）/ Unit; English without 万/亿")
    direction: Direction = Field("none", description="期望方向：higher 越高越好 / lower 越低越好 / none")
    key: bool = Field(False, description="是否为重点指标（领导首屏）/ Key figure shown first")
    values: list[Value] = Field(min_length=1, description="各期数值 / Values by period")

    @model_validator(mode="after")
    def _periods_unique(self) -> Indicator:
        periods = [v.period for v in self.values]
        if len(periods) != len(set(periods)):
            raise PydanticCustomError("duplicate_period", "each period may appear only once")
        return self

    def _by_period(self) -> list[Value]:
        return sorted(self.values, key=lambda v: parse_period(v.period)[1])

    def latest(self) -> Value:
        """The value of the most recent period."""
        return self._by_period()[-1]

    def previous(self) -> Value | None:
        """The value of the period before the latest, if any (for change arrows)."""
        ordered = self._by_period()
        return ordered[-2] if len(ordered) > 1 else None


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
    unit: NonEmpty | None = Field(None, description="单位（可选，须与目标单位一致）/ Optional unit, must match the target's")
    note: Text | None = Field(None, description="说明（可选）/ Optional note")


class MilestoneEntry(StrictModel):
    """Progress on a milestone: its state from a date on."""

    date: dt.date = Field(description="日期 YYYY-MM-DD / Date")
    status: MilestoneState = Field(description="not_started 未开始 / in_progress 推进中 / done 已完成")
    note: Text | None = Field(None, description="说明（可选）/ Optional note")


class Target(StrictModel):
    """A numeric task of part two (2024)."""

    id: ItemId = Field(description="编号 / Stable id")
    theme: ThemeId = Field(description="所属主题编号 / Theme id")
    name: Text = Field(description="目标名称 / Short name")
    value: Number = Field(description="目标值 / Target value")
    unit: Text = Field(description="单位 / Unit")
    comparison: Comparison = Field(description="at_least 不少于 / at_most 不超过 / exactly 等于")
    qualifier: Qualifier = Field("exact", description="限定词，如 约 写 about / Qualifier of the target")
    period: Period = Field("2024", description="目标期间 / Period of the target")
    baseline: ItemId | None = Field(None, description="2023年基数的指标编号（可选）/ Indicator id of the baseline")
    source: Source = Field(description="出处 / Source in the report")
    progress: list[ProgressEntry] = Field([], description="进展记录（由工作人员添加）/ Progress entries")
    override: TargetOverride | None = Field(None, description="人工状态（须写理由）/ Manual status with reason")


class Milestone(StrictModel):
    """A concrete non-numeric commitment of part two (2024)."""

    id: ItemId = Field(description="编号 / Stable id")
    theme: ThemeId = Field(description="所属主题编号 / Theme id")
    name: Text = Field(description="事项名称 / Short name")
    period: Period = Field("2024", description="计划期间 / Period")
    source: Source = Field(description="出处 / Source in the report")
    progress: list[MilestoneEntry] = Field([], description="进展记录（由工作人员添加）/ Progress entries")
    override: MilestoneOverride | None = Field(None, description="人工状态（须写理由）/ Manual status with reason")


class Programme(StrictModel):
    """A multi-year programme whose progress the report states, built from indicators."""

    id: ItemId = Field(description="编号 / Stable id")
    theme: ThemeId = Field(description="所属主题编号 / Theme id")
    name: Text = Field(description="项目名称 / Name")
    total: ItemId = Field(description="总量指标编号 / Indicator id of the total")
    done: ItemId = Field(description="已完成指标编号 / Indicator id of the part done")
    in_progress: ItemId | None = Field(None, description="推进中指标编号（可选）/ Indicator id of the part under way")


class Report(StrictModel):
    """The document the figures come from."""

    title: Text = Field(description="报告名称 / Title")
    publisher: Text = Field(description="发布机构 / Publisher")
    published: dt.date = Field(description="发布日期 / Publication date")
    url: NonEmpty = Field(description="原文网址 / Address of the original")
    file: NonEmpty = Field(description="仓库内的报告文本（相对数据目录）/ The report's text in the repo")


class IndicatorsFile(StrictModel):
    """indicators.yaml."""

    report: Report = Field(description="报告 / The source report")
    themes: list[Theme] = Field(min_length=1, description="主题（页面）/ Themes (pages)")
    indicators: list[Indicator] = Field(min_length=1, description="指标 / Figures")
    programmes: list[Programme] = Field([], description="多年项目进度 / Multi-year programmes")
    targets: list[Target] = Field([], description="2024年数值目标 / Numeric targets")
    milestones: list[Milestone] = Field([], description="2024年事项 / Milestones")


class Term(StrictModel):
    """A term of the report's glossary (名词解释)."""

    id: Annotated[str, Strict(), Field(pattern=r"^[a-z][a-z0-9_]*$")] = Field(description="编号 / Stable id")
    term: Text = Field(description="名词 / Term")
    definition: Text = Field(description="解释（中文逐字引用）/ Definition (Chinese verbatim)")
    forms: list[NonEmpty] = Field([], description="正文中出现的写法 / Forms in which the term appears in the text")


class GlossaryFile(StrictModel):
    """glossary.yaml."""

    terms: list[Term] = Field(min_length=1, description="名词 / Terms")
