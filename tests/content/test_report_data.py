"""The shipped data against the report: verbatim quotes, complete coverage, every theme filled."""

from __future__ import annotations

import hashlib
import re
from collections import Counter

import pytest

from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.report.numbers import number_in_text
from kpi.report.statements import KINDS, check_all

REPORT = REPO_ROOT / "source" / "000_c9a0b06722f75ec0.txt"
DATASET = load_dataset(REPO_ROOT)


def sourced_figures(dataset) -> list[tuple[str, str, float]]:
    """(id, quote, value) of every curated number: indicator values and targets."""
    figures = [(i.id, v.source.quote, v.value) for i in dataset.content.indicators for v in i.values]
    return figures + [(t.id, t.source.quote, t.value) for t in dataset.content.targets]


def test_report_copy_is_the_published_text():
    assert REPORT.read_text(encoding="utf-8").startswith("东明路街道办事处2023年工作报告\n")
    assert "发布时间 | 2024-01-29" in REPORT.read_text(encoding="utf-8")
    assert (
        hashlib.sha256(REPORT.read_bytes()).hexdigest()
        == "a65453362989b813bb7ed407b4e93a88f1f5440804da7cb244d9d8777887b07b"
    )


def test_every_quote_stands_verbatim_in_the_report(dataset):
    quotes = [q for _, q, _ in sourced_figures(dataset)] + [m.source.quote for m in dataset.content.milestones]
    missing = [q for q in quotes if q not in dataset.report_texts["report_2023"]]
    assert not missing


def test_every_figure_stands_in_its_own_quote(dataset):
    # A rank or a zero stands in its quote as the report's words (全区第一, 零有效差评); every other figure as its number.
    worded = {(i.id, v.source.quote): v.words.zh for i in dataset.content.indicators for v in i.values if v.words}
    assert [
        (id_, v)
        for id_, q, v in sourced_figures(dataset)
        if not (worded[id_, q] in q if (id_, q) in worded else number_in_text(v, q))
    ] == []


@pytest.mark.parametrize("report", DATASET.reports)
def test_every_statement_of_each_report_is_curated_or_excluded_with_a_reason(report, capsys):
    # Every Arabic number, every clause of part two and every rank, zero or result in words of part one
    # (kpi/report/statements.py says exactly which): quoted by the data or listed in exclusions.yaml with a reason.
    [check] = [c for c in check_all(DATASET) if c.report == report]
    with capsys.disabled():
        print(f"\n{closing_note(DATASET, check)}")
    assert [(s.kind, s.section, s.text) for s in check.missing] == []


@pytest.mark.parametrize("report", DATASET.reports)
def test_no_exclusion_is_stale(report):
    # An exclusion that holds no statement left uncurated (the data quotes it now, or the text moved) is deleted.
    [check] = [c for c in check_all(DATASET) if c.report == report]
    entries = {group: getattr(DATASET.exclusions, group) for group in ("numbers", "statements")}
    assert [entries[group][index].text for group, index in check.stale] == []


def closing_note(dataset, check) -> str:
    """How many statements the check found in one report, per kind: curated, and excluded per reason."""
    lines = [f"{check.report}: found / curated / excluded (by reason)"]
    for kind in KINDS:
        found = [s for s in check.found if s.kind == kind]
        reasons = Counter(
            getattr(dataset.exclusions, group)[index].reason for s, group, index in check.excluded if s.kind == kind
        )
        lines.append(
            f"  {kind}: {len(found)} / {sum(s.kind == kind for s in check.curated)} / {sum(reasons.values())} "
            f"({', '.join(f'{r} {n}' for r, n in reasons.most_common())})"
        )
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("qualifier", "pattern"),
    [
        ("more_than", r"[0-9.]+万?余"),
        ("nearly", r"近[0-9]"),
        ("about", r"(?<!签)约[0-9]"),
        ("over", r"超[0-9]"),
    ],
)
def test_qualifiers_are_kept(dataset, qualifier, pattern):
    # As many 余/近/约/超 figures in part one as the report writes (签约 is "signed", not 约).
    # None lost, none invented.
    # A result in words keeps its qualifier in its words (超额完成年度目标 is over 100 %).
    part_one = dataset.report_texts["report_2023"].split("第二部分 2024年主要任务")[0]
    curated = Counter(v.qualifier for i in dataset.content.indicators for v in i.values if not v.words)
    assert curated[qualifier] == len(re.findall(pattern, part_one))


def test_every_theme_has_figures_and_key_figures(dataset):
    for theme in dataset.content.themes:
        figures = dataset.theme_indicators(theme.id)
        assert figures, theme.id
        assert 1 <= sum(i.key for i in figures) <= 4, theme.id


def test_the_four_first_themes_lead(dataset):
    assert [t.id for t in dataset.content.themes][:4] == ["economy", "housing", "elderly", "safety"]


@pytest.mark.parametrize(
    ("indicator", "value", "qualifier", "period"),
    [
        ("economy.enterprises_attracted", 139, "exact", "2023-01..2023-11"),
        ("economy.domestic_investment_attracted", 3.45, "exact", "2023-01..2023-11"),
        ("city.hotline_work_orders", 6000, "nearly", "2023"),
        ("city.joint_platform_resolution_rate", 99.23, "exact", "2023"),
        ("livelihood.practical_projects_funds", 3300, "more_than", "2023"),
        ("city.market_parking_area_renovated", 700, "about", "2023"),
    ],
)
def test_spot_figures_keep_qualifier_and_period(dataset, indicator, value, qualifier, period):
    [entry] = dataset.indicators[indicator].values
    assert (entry.value, entry.qualifier, entry.period) == (value, qualifier, period)


def test_targets_milestones_and_programmes(dataset):
    content = dataset.content
    peace = next(t for t in content.targets if t.id == "safety.new_safety_posts_2024")
    assert (peace.value, peace.comparison, peace.baseline) == (49, "at_least", "safety.safety_posts_built")
    assert (len(content.targets), len(content.milestones)) == (10, 150)
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
    programmes = {
        p.id: (stated(dataset, p.total), [(part.state, stated(dataset, part.indicator)) for part in p.parts])
        for p in dataset.content.programmes
    }
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
