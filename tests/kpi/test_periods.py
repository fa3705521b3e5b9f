from datetime import date

import pytest

from kpi.periods import is_full_year, months, parse_period, period_label


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("2023", (date(2023, 1, 1), date(2023, 12, 31))),
        ("2023-01..2023-11", (date(2023, 1, 1), date(2023, 11, 30))),
        ("2024-02..2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2023-07..2024-06", (date(2023, 7, 1), date(2024, 6, 30))),
    ],
)
def test_parse_period(text, bounds):
    assert parse_period(text) == bounds


@pytest.mark.parametrize(
    "text", ["23", "2023年", "2023-1..2023-11", "2023-11..2023-01", "2023-00..2023-03", "2023-01..2023-13", ""]
)
def test_malformed_periods_are_refused(text):
    with pytest.raises(ValueError):
        parse_period(text)


@pytest.mark.parametrize(
    ("text", "zh", "en", "full"),
    [
        ("2023", "2023", "2023", True),
        ("2023-01..2023-12", "2023", "2023", True),
        ("2023-01..2023-11", "截至2023年11月", "Jan–Nov 2023", False),
        ("2023-07..2024-06", "2023年7月—2024年6月", "Jul 2023–Jun 2024", False),
    ],
)
def test_period_labels(text, zh, en, full):
    assert (period_label(text, "zh"), period_label(text, "en"), is_full_year(text)) == (zh, en, full)


@pytest.mark.parametrize(
    ("text", "count"), [("2023", 12), ("2023-01..2023-11", 11), ("2023-07..2024-06", 12), ("2024-02..2024-02", 1)]
)
def test_months(text, count):
    assert months(text) == count
