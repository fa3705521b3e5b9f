"""The data model (kpi/data/model.py): what a field accepts, and that it stands without the UI's catalogue."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pydantic import ValidationError

from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.data.model import MilestoneOutcome, Source, TargetOutcome, Text, Value


def test_the_model_imports_neither_the_ui_catalogue_nor_streamlit():
    code = "import sys, kpi.data.model; print(sorted(m for m in ('kpi.texts', 'streamlit') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr


REASON = Text(zh="数据口径调整", en="Definition changed")

NEXT_REPORT = Source(report="report_2024", section="第一部分 五(一)", quote="新建平安屋50座")


@pytest.mark.parametrize(
    "outcome",
    [
        {"value": 50},
        {"source": NEXT_REPORT},
        {"value": 50, "source": NEXT_REPORT, "not_mentioned_in": "report_2024"},
        {},
    ],
)
def test_a_target_outcome_is_stated_or_not_mentioned(outcome):
    with pytest.raises(ValidationError):
        TargetOutcome(**outcome)


@pytest.mark.parametrize("outcome", [{"status": "done", "not_mentioned_in": "report_2024"}, {}, {"note": REASON}])
def test_a_milestone_outcome_is_stated_or_not_mentioned(outcome):
    with pytest.raises(ValidationError):
        MilestoneOutcome(**outcome)


def test_unquoted_year_is_a_period(minimal_dir):
    indicator = load_dataset(minimal_dir).indicators["economy.enterprise_visits"]
    assert indicator.values[0].period == "2023"


SOURCE = {"report": "report_2023", "section": "第一部分 一(二)", "quote": "引进企业139家"}


@pytest.mark.parametrize(
    ("period", "accepted"),
    [
        (2023, "2023"),
        ("2023", "2023"),
        ("2023-01..2023-11", "2023-01..2023-11"),
        ("2023年", None),
        ("2023-11..2023-01", None),
        ("2023-00..2023-11", None),
        (True, None),
        (2023.0, None),
    ],
)
def test_a_period_is_a_year_or_a_span_of_months(period, accepted):
    data = {"period": period, "value": 139, "source": SOURCE}
    if accepted is None:
        with pytest.raises(ValidationError):
            Value.model_validate(data)
    else:
        assert Value.model_validate(data).period == accepted


@pytest.mark.parametrize(
    ("value", "accepted"), [(139, True), (3.45, True), ("139", False), (float("inf"), False), (True, False)]
)
def test_a_value_is_a_real_finite_number(value, accepted):
    data = {"period": "2023", "value": value, "source": SOURCE}
    if accepted:
        assert Value.model_validate(data).value == value
    else:
        with pytest.raises(ValidationError):
            Value.model_validate(data)


@pytest.mark.parametrize("text", ["", " ", "\u3000"])
def test_a_visible_text_is_never_blank(text):
    with pytest.raises(ValidationError):
        Text(zh=text, en="x")


def test_an_unknown_key_is_an_error_and_a_loaded_item_is_frozen():
    with pytest.raises(ValidationError):
        Text(zh="甲", en="A", fr="Un")
    text = Text(zh="甲", en="A")
    with pytest.raises(ValidationError):
        text.zh = "乙"


def test_a_plan_year_is_the_year_its_report_plans(dataset):
    target = dataset.content.targets[0]
    assert dataset.content.plan_year(target) == dataset.reports[target.source.report].plans
    unknown = target.model_copy(update={"source": target.source.model_copy(update={"report": "report_1999"})})
    assert dataset.content.plan_year(unknown) is None
