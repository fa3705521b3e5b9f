"""The validated data and what pages ask of it: a figure's series, the plan years, how old the figures are.

Why queries only: `load_dataset` (kpi/data/loading.py) is the one way to get a Dataset, so every Dataset has passed
every check; what is asked of it here can rely on that (every report known, every reference resolved).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from kpi.data.model import (
    ExclusionsFile,
    GlossaryFile,
    Indicator,
    IndicatorsFile,
    Milestone,
    Report,
    Source,
    Target,
    Term,
    ThemedItem,
)
from kpi.data.series import Observation, observations, report_order
from kpi.periods import is_full_year, parse_period

T = TypeVar("T")


@dataclass(frozen=True)
class Vintage:
    """How old the figures are: the newest report, and the periods its figures cover."""

    report: Report
    periods: Counter[str]  # period → how many figures of that report cover it

    @property
    def main(self) -> str:
        """The period most of the newest report's figures cover, whole years first: what pages need not repeat."""
        return max(self.periods, key=lambda p: (is_full_year(p), self.periods[p]))


@dataclass(frozen=True)
class Dataset:
    """Everything the app shows, validated."""

    content: IndicatorsFile
    glossary: GlossaryFile
    report_texts: dict[str, str]  # report id → its text
    lines: dict[str, int] = field(default_factory=dict)  # item id → its line in indicators.yaml, for staff
    exclusions: ExclusionsFile | None = None  # None: the data directory has no exclusions.yaml
    exclusion_lines: dict[tuple[str, int], int] = field(default_factory=dict)  # ("numbers", 3) → its line, for staff
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()` once for this dataset: what pages derive from it (charts, tables) is the same for every
        viewer until staff save an edit, which gives a new Dataset and so a fresh memo. Callers never mutate
        what they get back."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    @cached_property
    def reports(self) -> dict[str, Report]:
        """Report id → report, oldest first."""
        return {r.id: r for r in sorted(self.content.reports, key=report_order)}

    @cached_property
    def latest_report(self) -> Report:
        return list(self.reports.values())[-1]

    @cached_property
    def indicators(self) -> dict[str, Indicator]:
        return {i.id: i for i in self.content.indicators}

    @cached_property
    def renamed(self) -> dict[str, str]:
        """Former id → the item's id now: each former id belongs to one item (a rule checks it)."""
        return {old: item.id for _, _, item in themed_items(self.content) for old in getattr(item, "former_ids", ())}

    def current_id(self, item_id: str) -> str:
        """The id an address names, as the item is called now: an old link opens the renamed item."""
        return self.renamed.get(item_id, item_id)

    @cached_property
    def terms(self) -> dict[str, Term]:
        return {t.id: t for t in self.glossary.terms}

    @cached_property
    def _series(self) -> dict[str, list[Observation]]:
        return {i.id: observations(i, self.reports) for i in self.content.indicators}

    def theme_indicators(self, theme: str) -> list[Indicator]:
        return [i for i in self.content.indicators if i.theme == theme]

    def series(self, indicator: Indicator) -> list[Observation]:
        """The figure's periods in time order, each as the newest report states it."""
        return self._series[indicator.id]

    def latest(self, indicator: Indicator) -> Observation:
        return self._series[indicator.id][-1]

    def previous(self, indicator: Indicator) -> Observation | None:
        """The period before the latest (for the change on a tile), if any."""
        series = self._series[indicator.id]
        return series[-2] if len(series) > 1 else None

    def baseline(self, target: Target) -> Observation | None:
        """The baseline figure of the year before the target's plan year (what the target builds on)."""
        if target.baseline is None:
            return None
        year = self.plan_year(target) - 1
        same_year = [o for o in self._series[target.baseline] if parse_period(o.period)[1].year == year]
        return same_year[-1] if same_year else None

    def plan_year(self, item: Target | Milestone) -> int:
        """Targets and milestones belong to the year their report plans for (every report is known once loaded)."""
        year = self.content.plan_year(item)
        assert year is not None, "validation refuses an item whose report is unknown"
        return year

    @cached_property
    def plan_years(self) -> list[int]:
        """Every plan year that has targets or milestones, in order."""
        items: list[Target | Milestone] = [*self.content.targets, *self.content.milestones]
        return sorted({self.plan_year(item) for item in items})

    def planned(self, year: int) -> tuple[list[Target], list[Milestone]]:
        """The targets and milestones set for one plan year."""
        return (
            [x for x in self.content.targets if self.plan_year(x) == year],
            [x for x in self.content.milestones if self.plan_year(x) == year],
        )

    @cached_property
    def vintage(self) -> Vintage:
        """The newest report that states a figure. Why not simply the newest report: staff paste a new report's
        entry before its figures, and the header must not name a report whose figures are not in yet."""
        stated = Counter((v.source.report, v.period) for i in self.content.indicators for v in i.values)
        report = [r for r in self.reports.values() if any(rid == r.id for rid, _ in stated)][-1]
        return Vintage(report, Counter({period: n for (rid, period), n in stated.items() if rid == report.id}))


def sourced(content: IndicatorsFile) -> Iterator[tuple[tuple, Source, float | str | None]]:
    """(location, source, the number or the words it must hold) of every sentence the indicators file quotes."""
    for index, indicator in enumerate(content.indicators):
        for number, value in enumerate(indicator.values):
            yield ("indicators", index, "values", number), value.source, value.words.zh if value.words else value.value
    for group in ("targets", "milestones"):
        for index, item in enumerate(getattr(content, group)):
            yield (group, index), item.source, getattr(item, "value", None)
            if item.outcome is not None and item.outcome.source is not None:
                yield (group, index, "outcome"), item.outcome.source, getattr(item.outcome, "value", None)
    for index, result in enumerate(content.results):
        yield ("results", index), result.source, None


def themed_items(content: IndicatorsFile) -> Iterator[tuple[str, int, ThemedItem]]:
    """(list, index, item) of every item that has an id and a theme: figures, programmes, breakdowns, targets,
    milestones, results in words."""
    for group in ("indicators", "programmes", "breakdowns", "targets", "milestones", "results"):
        for index, item in enumerate(getattr(content, group)):
            yield group, index, item
