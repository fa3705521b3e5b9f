"""The shipped data against the report: verbatim quotes, complete coverage, every theme filled."""

from __future__ import annotations

import hashlib
import re
from collections import Counter

import pytest
import yaml

from kpi.dataset import REPO_ROOT
from kpi.numbers import number_in_text, numbers_in

REPORT = REPO_ROOT / "source" / "000_c9a0b06722f75ec0.txt"
EXCLUSIONS = [e for e in yaml.safe_load((REPO_ROOT / "exclusions.yaml").read_text(encoding="utf-8"))["numbers"]
              if e["report"] == "report_2023"]
REASONS = {"date", "plan_period", "ordinal", "name", "not_a_measurement", "glossary"}


def spans(text: str, part: str) -> list[tuple[int, int]]:
    """Every (start, end) where part stands in text."""
    found, start = [], text.find(part)
    while start >= 0:
        found.append((start, start + len(part)))
        start = text.find(part, start + 1)
    return found


def sourced_figures(dataset) -> list[tuple[str, str, float]]:
    """(id, quote, value) of every curated number: indicator values and targets."""
    figures = [(i.id, v.source.quote, v.value) for i in dataset.content.indicators for v in i.values]
    return figures + [(t.id, t.source.quote, t.value) for t in dataset.content.targets]


def test_report_copy_is_the_published_text():
    assert REPORT.read_text(encoding="utf-8").startswith("东明路街道办事处2023年工作报告\n")
    assert "发布时间 | 2024-01-29" in REPORT.read_text(encoding="utf-8")
    assert hashlib.sha256(REPORT.read_bytes()).hexdigest() == "a65453362989b813bb7ed407b4e93a88f1f5440804da7cb244d9d8777887b07b"


def test_every_quote_stands_verbatim_in_the_report(dataset):
    quotes = [q for _, q, _ in sourced_figures(dataset)] + [m.source.quote for m in dataset.content.milestones]
    missing = [q for q in quotes if q not in dataset.report_texts["report_2023"]]
    assert not missing


def test_every_figure_stands_in_its_own_quote(dataset):
    # A rank or a zero stands in its quote as the report's words (全区第一, 零有效差评); every other figure as its number.
    worded = {(i.id, v.source.quote): v.words.zh for i in dataset.content.indicators for v in i.values if v.words}
    assert [(id_, v) for id_, q, v in sourced_figures(dataset)
            if not (worded[id_, q] in q if (id_, q) in worded else number_in_text(v, q))] == []


def test_every_number_of_the_report_is_curated_or_excluded_with_a_reason(dataset):
    text = dataset.report_texts["report_2023"]
    curated = [(span, value) for _, quote, value in sourced_figures(dataset) for span in spans(text, quote)]
    excluded = [span for e in EXCLUSIONS for span in spans(text, e["text"])]
    unaccounted = [
        text[max(0, start - 12): end + 4]
        for start, end, value in numbers_in(text)
        if not any(a <= start and end <= b for (a, b), v in curated if v == value)
        and not any(a <= start and end <= b for a, b in excluded)
    ]
    assert unaccounted == []


@pytest.mark.parametrize("exclusion", EXCLUSIONS, ids=lambda e: e["text"])
def test_each_exclusion_is_real_and_explained(dataset, exclusion):
    assert exclusion["reason"] in REASONS
    assert exclusion["text"] in dataset.report_texts["report_2023"]
    assert list(numbers_in(exclusion["text"])), "an exclusion must contain a number"


@pytest.mark.parametrize(("qualifier", "pattern"), [
    ("more_than", r"[0-9.]+万?余"), ("nearly", r"近[0-9]"), ("about", r"(?<!签)约[0-9]"), ("over", r"超[0-9]"),
])
def test_qualifiers_are_kept(dataset, qualifier, pattern):
    # As many 余/近/约/超 figures in part one as the report writes (签约 is "signed", not 约).
    # None lost, none invented.
    part_one = dataset.report_texts["report_2023"].split("第二部分 2024年主要任务")[0]
    curated = Counter(v.qualifier for i in dataset.content.indicators for v in i.values)
    assert curated[qualifier] == len(re.findall(pattern, part_one))


def test_every_theme_has_figures_and_key_figures(dataset):
    for theme in dataset.content.themes:
        figures = dataset.theme_indicators(theme.id)
        assert figures, theme.id
        assert 1 <= sum(i.key for i in figures) <= 4, theme.id


def test_the_four_first_themes_lead(dataset):
    assert [t.id for t in dataset.content.themes][:4] == ["economy", "housing", "elderly", "safety"]


@pytest.mark.parametrize(("indicator", "value", "qualifier", "period"), [
    ("economy.enterprises_attracted", 139, "exact", "2023-01..2023-11"),
    ("economy.domestic_investment_attracted", 3.45, "exact", "2023-01..2023-11"),
    ("city.hotline_work_orders", 6000, "nearly", "2023"),
    ("city.joint_platform_resolution_rate", 99.23, "exact", "2023"),
    ("livelihood.practical_projects_funds", 3300, "more_than", "2023"),
    ("city.market_parking_area_renovated", 700, "about", "2023"),
])
def test_spot_figures_keep_qualifier_and_period(dataset, indicator, value, qualifier, period):
    [entry] = dataset.indicators[indicator].values
    assert (entry.value, entry.qualifier, entry.period) == (value, qualifier, period)


def test_targets_milestones_and_programmes(dataset):
    content = dataset.content
    peace = next(t for t in content.targets if t.id == "safety.new_peace_houses_2024")
    assert (peace.value, peace.comparison, peace.baseline) == (49, "at_least", "safety.peace_houses_built")
    assert (len(content.targets), len(content.milestones)) == (10, 145)
    # The shipped data invents no progress.
    assert all(not t.progress and t.override is None for t in content.targets)
    assert all(not m.progress and m.override is None for m in content.milestones)


def stated(dataset, indicator_id: str) -> float:
    """The 2023 report's figure for an indicator."""
    [value] = [v.value for v in dataset.indicators[indicator_id].values if v.source.report == "report_2023"]
    return value


def test_programmes_are_only_wholes_and_parts_one_sentence_states(dataset):
    # 43 tasks, 10 of them done; 14 estates, 9 basically completed and 5 under way. "加梯签约40台、竣工16台"
    # are two separate 2023 counts (lifts completed in 2023 were largely signed earlier): no programme.
    programmes = {p.id: (stated(dataset, p.total), [(part.state, stated(dataset, part.indicator)) for part in p.parts])
                  for p in dataset.content.programmes}
    assert programmes == {
        "livelihood.life_circle_programme": (43, [("done", 10)]),
        "housing.estate_renewal_programme": (14, [("basically_done", 9), ("under_way", 5)]),
    }


def test_glossary_has_the_22_terms_verbatim(dataset):
    glossary = dataset.report_texts["report_2023"].split("《东明路街道办事处工作报告》名词解释")[1]
    terms = dataset.glossary.terms
    assert len(terms) == 22
    for number, term in enumerate(terms, start=1):
        assert f"{number}. {term.term.zh}:{term.definition.zh}" in glossary


def test_glossary_forms_stand_in_the_report_body(dataset):
    body = dataset.report_texts["report_2023"].split("《东明路街道办事处工作报告》名词解释")[0]
    for term in dataset.glossary.terms:
        assert all(form in body for form in term.forms), term.id
    assert sum(bool(t.forms) for t in dataset.glossary.terms) >= 21
