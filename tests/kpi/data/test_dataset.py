"""What pages ask of the data (kpi/data/dataset.py), on the minimal data set (tests/data/minimal)."""

from __future__ import annotations

from collections import Counter

import pytest

from kpi.data.dataset import Dataset, Vintage, sourced, themed_items
from kpi.data.loading import load_dataset
from tests.conftest import MINIMAL


@pytest.fixture(scope="module")
def minimal() -> Dataset:
    return load_dataset(MINIMAL)


def test_a_figure_has_its_series_latest_and_no_previous_with_one_period(minimal):
    indicator = minimal.indicators["economy.enterprises_attracted"]
    assert [o.period for o in minimal.series(indicator)] == ["2023-01..2023-11"]
    assert minimal.latest(indicator).value.value == 139 and minimal.previous(indicator) is None


def test_a_targets_baseline_is_its_figure_of_the_year_before_the_plan_year(minimal):
    [target] = minimal.content.targets
    assert minimal.plan_year(target) == 2024 and minimal.baseline(target).value.value == 13
    assert minimal.baseline(target.model_copy(update={"baseline": None})) is None


def test_plan_years_and_what_each_plans(minimal):
    assert minimal.plan_years == [2024]
    targets, milestones = minimal.planned(2024)
    assert ([t.id for t in targets], [m.id for m in milestones]) == (
        ["safety.new_safety_posts_2024"],
        ["economy.lingzhao_complex"],
    )
    assert minimal.planned(2025) == ([], [])


def test_the_vintage_is_the_newest_report_that_states_a_figure(minimal):
    assert minimal.vintage.report.id == minimal.latest_report.id == "report_2023"
    assert minimal.vintage.periods == Counter({"2023": 4, "2023-01..2023-11": 2})


@pytest.mark.parametrize(
    ("periods", "main"),
    [
        ({"2023": 1, "2023-01..2023-11": 5}, "2023"),  # a whole year first, even when fewer figures cover it
        ({"2023-01..2023-11": 5, "2023-01..2023-06": 1}, "2023-01..2023-11"),
        ({"2022": 2, "2023": 3}, "2023"),
    ],
)
def test_the_main_period_is_a_whole_year_covered_by_most_figures(minimal, periods, main):
    assert Vintage(minimal.latest_report, Counter(periods)).main == main


def test_a_derived_value_is_computed_once_per_dataset(minimal):
    calls = []
    first = minimal.memo(("test", 1), lambda: calls.append(1) or ["chart"])
    assert minimal.memo(("test", 1), lambda: calls.append(1) or ["other"]) is first and calls == [1]


def test_the_items_with_a_theme_and_the_quoted_sentences(minimal):
    assert [(group, item.id) for group, _, item in themed_items(minimal.content)][-3:] == [
        ("programmes", "economy.task_programme"),
        ("targets", "safety.new_safety_posts_2024"),
        ("milestones", "economy.lingzhao_complex"),
    ]
    quoted = list(sourced(minimal.content))
    assert quoted[0][0] == ("indicators", 0, "values", 0) and quoted[0][2] == 139
    assert [(loc, value) for loc, _, value in quoted[-2:]] == [(("targets", 0), 49), (("milestones", 0), None)]
    assert minimal.lines["economy.lingzhao_complex"] == 109


def test_an_old_id_names_the_renamed_item_and_any_other_id_stays_itself(minimal_dir):
    path = minimal_dir / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = "- id: safety.new_safety_posts_2024\n"
    text = text.replace(anchor, anchor + "  former_ids: [safety.peace_houses_2024, safety.houses_2024]\n", 1)
    path.write_text(
        text.replace(
            "- id: economy.domestic_investment\n",
            "- id: economy.domestic_investment\n  former_ids: [economy.investment]\n",
            1,
        ),
        encoding="utf-8",
    )
    dataset = load_dataset(minimal_dir)
    assert dataset.renamed == {
        "economy.investment": "economy.domestic_investment",
        "safety.peace_houses_2024": "safety.new_safety_posts_2024",
        "safety.houses_2024": "safety.new_safety_posts_2024",
    }
    assert [
        dataset.current_id(i)
        for i in ("economy.investment", "safety.houses_2024", "economy.domestic_investment", "nope")
    ] == ["economy.domestic_investment", "safety.new_safety_posts_2024", "economy.domestic_investment", "nope"]
