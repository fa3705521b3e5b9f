from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpi.data.model import (
    Due,
    Indicator,
    IndicatorsFile,
    Milestone,
    MilestoneEntry,
    MilestoneOutcome,
    MilestoneOverride,
    ProgressEntry,
    Report,
    Source,
    Target,
    TargetOutcome,
    TargetOverride,
    Text,
    Theme,
    Value,
)
from kpi.progress import assess_all, assess_milestone, assess_target, elapsed_share, threshold
from kpi.status import STATUSES

SOURCE = Source(report="report_2023", section="第二部分 五(二)", quote="新建49座社区平安屋")
REASON = Text(zh="数据口径调整", en="Definition changed")


def entry(day: date, value: float) -> ProgressEntry:
    return ProgressEntry(date=day, value=value)


def target(value: float = 49, comparison: str = "at_least", entries: tuple = (), **extra) -> Target:
    """A target; entries are (date, value) pairs."""
    return Target(
        id="safety.posts",
        theme="safety",
        name=Text(zh="甲", en="A"),
        value=value,
        unit=Text(zh="座", en="posts"),
        comparison=comparison,
        source=SOURCE,
        progress=[entry(d, v) for d, v in entries],
        **extra,
    )


def milestone(entries: tuple = (), **extra) -> Milestone:
    """A milestone; entries are (date, state) pairs."""
    return Milestone(
        id="safety.law_centre",
        theme="safety",
        name=Text(zh="乙", en="B"),
        source=SOURCE,
        progress=[MilestoneEntry(date=d, status=s) for d, s in entries],
        **extra,
    )


# The status table lists a target's judged statuses from worst to best: "more progress never gives a worse status".
TARGET_ORDER = [s.id for s in STATUSES if s.targets and not s.neutral]


def rank(status: str) -> int:
    return TARGET_ORDER.index(status)


# elapsed_share ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "as_of", "share"),
    [
        ("2024", date(2023, 12, 31), 0.0),
        ("2024", date(2024, 1, 1), 1 / 366),
        ("2024", date(2024, 6, 30), 182 / 366),
        ("2024", date(2024, 12, 31), 1.0),
        ("2024", date(2025, 3, 1), 1.0),
        ("2023", date(2023, 1, 1), 1 / 365),
        ("2024-01..2024-02", date(2024, 1, 30), 0.5),
        ("2024-07..2024-12", date(2024, 6, 1), 0.0),
    ],
    ids=[
        "day before start",
        "first day",
        "mid year",
        "last day",
        "after the end",
        "non-leap year first day",
        "month span half way",
        "month span not started",
    ],
)
def test_elapsed_share_counts_days_up_to_the_end_of_as_of(period, as_of, share):
    assert elapsed_share(period, as_of) == pytest.approx(share)


# assess_target: one worked example -----------------------------------------------------------------------


def test_worked_example_explains_its_status():
    result = assess_target(target(49, entries=[(date(2024, 3, 31), 20)]), "2024", date(2024, 6, 30))
    assert result.status == result.computed == "needs_acceleration"
    assert result.as_of == date(2024, 6, 30)
    assert result.latest == entry(date(2024, 3, 31), 20)
    assert result.reached == 20
    assert result.expected == pytest.approx(182 / 366)
    assert result.percent == pytest.approx(20 / 49 * 100)
    assert result.pace == pytest.approx((20 / 49) / (182 / 366))
    assert result.pace == pytest.approx(0.82, abs=0.005)
    assert result.ignored_later == 0
    assert result.override_reason is None


# assess_target: edge cases --------------------------------------------------------------------------------

MID = date(2024, 6, 30)
AFTER = date(2025, 1, 15)
HALF = "2024-01..2024-02"  # 60 days; on 2024-01-30 exactly half has elapsed
HALF_DAY = date(2024, 1, 30)

TARGET_CASES = [
    # id, comparison, value, entries, as_of, period, status
    ("at_least no entry", "at_least", 49, [], MID, "2024", "not_reported"),
    ("at_least no entry after the period", "at_least", 49, [], AFTER, "2024", "outcome_missing"),
    ("at_least only a future entry", "at_least", 49, [(date(2024, 9, 1), 49)], MID, "2024", "not_reported"),
    ("at_least reached early", "at_least", 49, [(date(2024, 2, 1), 49)], MID, "2024", "achieved"),
    ("at_least above target", "at_least", 49, [(date(2024, 2, 1), 60)], MID, "2024", "achieved"),
    ("at_least achieved stays after the period", "at_least", 49, [(date(2024, 12, 1), 50)], AFTER, "2024", "achieved"),
    ("at_least short at the year end", "at_least", 49, [(date(2024, 12, 31), 48)], AFTER, "2024", "missed"),
    ("at_least short mid-year, year over", "at_least", 49, [(date(2024, 9, 30), 48)], AFTER, "2024", "outcome_missing"),
    (
        "at_least short on the last day",
        "at_least",
        49,
        [(date(2024, 12, 31), 48)],
        date(2024, 12, 31),
        "2024",
        "on_track",
    ),
    ("at_least entry on as_of counts", "at_least", 49, [(MID, 49)], MID, "2024", "achieved"),
    ("at_least pace exactly 0.95", "at_least", 100, [(HALF_DAY, 47.5)], HALF_DAY, HALF, "on_track"),
    ("at_least pace just under 0.95", "at_least", 100, [(HALF_DAY, 47.4)], HALF_DAY, HALF, "needs_acceleration"),
    ("at_least pace exactly 0.60", "at_least", 100, [(HALF_DAY, 30)], HALF_DAY, HALF, "needs_acceleration"),
    ("at_least pace just under 0.60", "at_least", 100, [(HALF_DAY, 29.9)], HALF_DAY, HALF, "lagging"),
    ("at_least nothing done yet", "at_least", 100, [(HALF_DAY, 0)], HALF_DAY, HALF, "lagging"),
    ("exactly reached", "exactly", 10, [(date(2024, 5, 1), 10)], MID, "2024", "achieved"),
    ("exactly short after the period", "exactly", 10, [(date(2025, 1, 5), 9)], AFTER, "2024", "missed"),
    ("exactly short during the period", "exactly", 100, [(HALF_DAY, 30)], HALF_DAY, HALF, "needs_acceleration"),
    ("at_most no entry", "at_most", 100, [], MID, "2024", "not_reported"),
    ("at_most nothing used yet", "at_most", 100, [(HALF_DAY, 0)], HALF_DAY, HALF, "on_track"),
    ("at_most pace exactly 0.95", "at_most", 190, [(HALF_DAY, 100)], HALF_DAY, HALF, "on_track"),
    ("at_most pace exactly 0.60", "at_most", 120, [(HALF_DAY, 100)], HALF_DAY, HALF, "needs_acceleration"),
    ("at_most under ceiling but fast", "at_most", 100, [(HALF_DAY, 90)], HALF_DAY, HALF, "lagging"),
    ("at_most at the ceiling during", "at_most", 100, [(HALF_DAY, 100)], HALF_DAY, HALF, "lagging"),
    ("at_most over the ceiling during", "at_most", 100, [(HALF_DAY, 101)], HALF_DAY, HALF, "lagging"),
    ("at_most over the ceiling after", "at_most", 100, [(date(2024, 12, 31), 101)], AFTER, "2024", "missed"),
    ("at_most at the ceiling after", "at_most", 100, [(date(2024, 12, 31), 100)], AFTER, "2024", "achieved"),
    ("at_most under the ceiling after", "at_most", 100, [(date(2024, 12, 31), 10)], AFTER, "2024", "achieved"),
    ("at_most zero target, none used, during", "at_most", 0, [(date(2024, 3, 1), 0)], MID, "2024", "on_track"),
    ("at_most zero target, none used, after", "at_most", 0, [(date(2024, 3, 1), 0)], AFTER, "2024", "outcome_missing"),
    ("at_most zero target, none used at year end", "at_most", 0, [(date(2024, 12, 31), 0)], AFTER, "2024", "achieved"),
    ("at_most zero target, some used, during", "at_most", 0, [(date(2024, 3, 1), 1)], MID, "2024", "lagging"),
    ("at_most zero target, some used, after", "at_most", 0, [(date(2024, 3, 1), 1)], AFTER, "2024", "missed"),
]


@pytest.mark.parametrize(
    ("comparison", "value", "entries", "as_of", "period", "status"),
    [case[1:] for case in TARGET_CASES],
    ids=[case[0] for case in TARGET_CASES],
)
def test_target_status(comparison, value, entries, as_of, period, status):
    result = assess_target(target(value, comparison, entries), period, as_of)
    assert (result.status, result.computed) == (status, status)


@pytest.mark.parametrize("as_of", [MID, AFTER], ids=["during", "after"])
def test_not_reported_has_no_numbers(as_of):
    result = assess_target(target(49), "2024", as_of)
    assert (result.latest, result.reached, result.percent, result.pace) == (None, None, None, None)


def test_entries_after_as_of_are_ignored_and_counted():
    entries = [(date(2024, 3, 31), 20), (date(2024, 9, 30), 40), (date(2024, 12, 31), 49)]
    result = assess_target(target(49, entries=entries), "2024", MID)
    assert result.latest == entry(date(2024, 3, 31), 20)
    assert result.ignored_later == 2
    assert result.status == "needs_acceleration"


def test_latest_entry_is_the_newest_by_date_not_by_position_or_size():
    # The May figure corrects April's downwards; the newest date wins even though it is smaller.
    entries = [(date(2024, 5, 31), 25), (date(2024, 2, 29), 10), (date(2024, 4, 30), 30)]
    result = assess_target(target(49, entries=entries), "2024", MID)
    assert result.latest == entry(date(2024, 5, 31), 25)
    assert result.reached == 25


def test_value_above_target_gives_percent_over_100():
    result = assess_target(target(40, entries=[(date(2024, 3, 1), 50)]), "2024", MID)
    assert result.status == "achieved"
    assert result.percent == pytest.approx(125)


def test_zero_target_has_no_percent():
    result = assess_target(target(0, "at_most", [(date(2024, 3, 1), 0)]), "2024", MID)
    assert result.percent is None
    assert result.pace == float("inf")


def test_at_most_pace_is_allowance_over_use():
    result = assess_target(target(100, "at_most", [(HALF_DAY, 40)]), HALF, HALF_DAY)
    assert result.pace == pytest.approx(50 / 40)
    assert result.percent == pytest.approx(40)


@pytest.mark.parametrize("status", ["achieved", "lagging", "not_reported"])
def test_override_replaces_status_but_keeps_computed(status):
    override = TargetOverride(status=status, reason=REASON)
    result = assess_target(target(49, entries=[(date(2024, 3, 31), 20)], override=override), "2024", MID)
    assert result.status == status
    assert result.computed == "needs_acceleration"
    assert result.override_reason == REASON
    assert result.percent == pytest.approx(20 / 49 * 100)


# outcomes and approximate targets ------------------------------------------------------------------------

NEXT_REPORT = Source(report="report_2024", section="第一部分 五(一)", quote="新建平安屋50座")


@pytest.mark.parametrize(
    ("value", "as_of", "status"),
    [
        (50, AFTER, "achieved"),
        (40, AFTER, "missed"),
        (40, MID, "not_reported"),
    ],
    ids=["reached", "short", "not counted before the year ends"],
)
def test_the_following_reports_outcome_decides_after_the_year(value, as_of, status):
    outcome = TargetOutcome(value=value, source=NEXT_REPORT)
    result = assess_target(target(49, outcome=outcome), "2024", as_of)
    assert result.status == status
    assert result.final == (value if as_of == AFTER else None)


def test_an_outcome_overrules_staff_entries():
    outcome = TargetOutcome(value=48, source=NEXT_REPORT)
    result = assess_target(target(49, entries=[(date(2024, 12, 31), 52)], outcome=outcome), "2024", AFTER)
    assert (result.status, result.reached) == ("missed", 48)


@pytest.mark.parametrize(
    ("comparison", "reached", "status"),
    [
        ("at_least", 9, "achieved"),
        ("at_least", 8.9, "missed"),
        ("at_most", 11, "achieved"),
        ("at_most", 11.1, "missed"),
    ],
)
def test_about_ten_is_judged_with_a_ten_percent_tolerance(comparison, reached, status):
    approximate = target(10, comparison, [(date(2024, 12, 31), reached)], qualifier="about")
    assert threshold(approximate) == pytest.approx(9 if comparison == "at_least" else 11)
    assert assess_target(approximate, "2024", AFTER).status == status


def test_an_exact_target_has_no_tolerance():
    assert assess_target(target(10, entries=[(date(2024, 12, 31), 9)]), "2024", AFTER).status == "missed"


@pytest.mark.parametrize(("outcome", "status"), [("done", "done"), ("not_done", "not_done")])
def test_a_milestone_outcome_decides_after_the_year(outcome, status):
    result = assess_milestone(
        milestone([(date(2024, 3, 1), "in_progress")], outcome=MilestoneOutcome(status=outcome, source=NEXT_REPORT)),
        "2024",
        AFTER,
    )
    assert result.status == status
    assert (
        assess_milestone(milestone(outcome=MilestoneOutcome(status=outcome, source=NEXT_REPORT)), "2024", MID).status
        == "not_reported"
    )


def test_a_report_that_does_not_mention_an_item_closes_it_as_not_mentioned():
    silent = {"not_mentioned_in": "report_2024"}
    reached = [(date(2024, 6, 30), 52)]  # staff entries do not outweigh the report's silence
    assert (
        assess_target(target(49, entries=reached, outcome=TargetOutcome(**silent)), "2024", AFTER).status
        == "not_mentioned"
    )
    assert assess_milestone(milestone(outcome=MilestoneOutcome(**silent)), "2024", AFTER).status == "not_mentioned"
    assert assess_milestone(milestone(outcome=MilestoneOutcome(**silent)), "2024", MID).status == "not_reported"


# assess_milestone -----------------------------------------------------------------------------------------

MILESTONE_CASES = [
    # id, entries, as_of, status
    ("no entry", [], MID, "not_reported"),
    ("no entry after the period", [], AFTER, "outcome_missing"),
    ("only a future entry", [(date(2024, 9, 1), "done")], MID, "not_reported"),
    ("not started", [(date(2024, 2, 1), "not_started")], MID, "not_started"),
    ("in progress", [(date(2024, 2, 1), "not_started"), (date(2024, 4, 1), "in_progress")], MID, "in_progress"),
    ("done", [(date(2024, 2, 1), "in_progress"), (date(2024, 5, 1), "done")], MID, "done"),
    ("latest by date, not position", [(date(2024, 5, 1), "done"), (date(2024, 2, 1), "in_progress")], MID, "done"),
    ("future done ignored", [(date(2024, 2, 1), "in_progress"), (date(2024, 9, 1), "done")], MID, "in_progress"),
    ("in progress on the last day", [(date(2024, 2, 1), "in_progress")], date(2024, 12, 31), "in_progress"),
    ("in progress, year over", [(date(2024, 2, 1), "in_progress")], AFTER, "outcome_missing"),
    ("in progress at the year end", [(date(2024, 12, 31), "in_progress")], AFTER, "not_done"),
    ("not started, year over", [(date(2024, 2, 1), "not_started")], AFTER, "outcome_missing"),
    ("done stays done after the period", [(date(2024, 11, 1), "done")], AFTER, "done"),
    ("done late still counts", [(date(2024, 6, 1), "in_progress"), (date(2025, 1, 10), "done")], AFTER, "done"),
]


@pytest.mark.parametrize(
    ("entries", "as_of", "status"), [case[1:] for case in MILESTONE_CASES], ids=[case[0] for case in MILESTONE_CASES]
)
def test_milestone_status(entries, as_of, status):
    result = assess_milestone(milestone(entries), "2024", as_of)
    assert (result.status, result.computed) == (status, status)
    assert result.as_of == as_of


def test_milestone_reports_latest_and_ignored_entries():
    entries = [(date(2024, 2, 1), "not_started"), (date(2024, 4, 1), "in_progress"), (date(2024, 9, 1), "done")]
    result = assess_milestone(milestone(entries), "2024", MID)
    assert result.latest == MilestoneEntry(date=date(2024, 4, 1), status="in_progress")
    assert result.ignored_later == 1
    assert result.override_reason is None


def test_milestone_override_replaces_status_but_keeps_computed():
    override = MilestoneOverride(status="done", reason=REASON)
    result = assess_milestone(milestone([(date(2024, 2, 1), "in_progress")], override=override), "2024", AFTER)
    assert (result.status, result.computed, result.override_reason) == ("done", "outcome_missing", REASON)


# assess_all -----------------------------------------------------------------------------------------------


def test_assess_all_covers_every_target_and_milestone():
    content = IndicatorsFile(
        reports=[
            Report(
                id="report_2023",
                title=Text(zh="报告", en="Report"),
                publisher=Text(zh="区政府", en="Government"),
                published=date(2024, 1, 10),
                url="https://example.org",
                file="source/report.md",
                reviews=2023,
                plans=2024,
            )
        ],
        themes=[Theme(id="safety", name=Text(zh="平安", en="Safety"), icon=":material/shield:")],
        indicators=[
            Indicator(
                id="safety.cases",
                theme="safety",
                name=Text(zh="案件", en="Cases"),
                unit=Text(zh="件", en="cases"),
                values=[Value(period="2023", value=1, source=SOURCE)],
            )
        ],
        targets=[
            target(49, entries=[(date(2024, 3, 31), 20)]),
            target(10, "at_most").model_copy(update={"id": "safety.fires"}),
        ],
        milestones=[milestone([(date(2024, 2, 1), "done")]), milestone().model_copy(update={"id": "safety.patrols"})],
    )
    result = assess_all(content, MID)
    assert set(result) == {"safety.posts", "safety.fires", "safety.law_centre", "safety.patrols"}
    assert result["safety.posts"] == assess_target(content.targets[0], "2024", MID)
    assert result["safety.fires"].status == "not_reported"
    assert result["safety.law_centre"].status == "done"
    assert result["safety.patrols"].status == "not_reported"


# properties -----------------------------------------------------------------------------------------------

FAST = settings(max_examples=200, deadline=None)
PERIODS = st.sampled_from(["2024", "2025", "2024-01..2024-06", "2024-07..2025-06", "2025-03..2025-03"])
DAYS = st.dates(min_value=date(2024, 1, 1), max_value=date(2025, 12, 31))
AMOUNTS = st.floats(min_value=0, max_value=1000, allow_nan=False, allow_infinity=False)
POSITIVE = st.floats(min_value=0.001, max_value=1000, allow_nan=False, allow_infinity=False)


@st.composite
def reached_pair(draw):
    """Two reached values, smaller first."""
    a, b = draw(AMOUNTS), draw(AMOUNTS)
    return min(a, b), max(a, b)


def status_with(comparison, value, period, reached, as_of):
    return assess_target(target(value, comparison, [(as_of, reached)]), period, as_of)


@FAST
@given(
    period=PERIODS, as_of=DAYS, value=AMOUNTS, pair=reached_pair(), comparison=st.sampled_from(["at_least", "exactly"])
)
def test_more_progress_never_gives_a_worse_status(period, as_of, value, pair, comparison):
    smaller, larger = (status_with(comparison, value, period, r, as_of).status for r in pair)
    assert rank(larger) >= rank(smaller)


@FAST
@given(period=PERIODS, as_of=DAYS, value=AMOUNTS, pair=reached_pair())
def test_at_most_less_use_never_gives_a_worse_status(period, as_of, value, pair):
    smaller, larger = (status_with("at_most", value, period, r, as_of).status for r in pair)
    assert rank(smaller) >= rank(larger)


@FAST
@given(period=PERIODS, as_of=DAYS, value=POSITIVE, reached=POSITIVE)
def test_at_most_pace_mirrors_at_least_pace(period, as_of, value, reached):
    at_least = status_with("at_least", value, period, reached, as_of)
    at_most = status_with("at_most", value, period, reached, as_of)
    if at_least.expected > 0:
        assert at_most.pace == pytest.approx(1 / at_least.pace)


@FAST
@given(
    period=PERIODS,
    comparison=st.sampled_from(["at_least", "at_most", "exactly"]),
    value=AMOUNTS,
    entries=st.lists(st.tuples(DAYS, AMOUNTS), max_size=4),
    as_of=st.dates(min_value=date(2024, 1, 1), max_value=date(2025, 12, 30)),
    later=st.integers(min_value=1, max_value=365),
    later_value=AMOUNTS,
)
def test_a_future_entry_changes_nothing_but_ignored_later(
    period, comparison, value, entries, as_of, later, later_value
):
    before = assess_target(target(value, comparison, entries), period, as_of)
    future = (min(as_of + timedelta(days=later), date(2025, 12, 31)), later_value)
    after = assess_target(target(value, comparison, [*entries, future]), period, as_of)
    assert (after.status, after.percent, after.pace, after.latest) == (
        before.status,
        before.percent,
        before.pace,
        before.latest,
    )
    assert after.ignored_later == before.ignored_later + 1


@FAST
@given(
    period=PERIODS,
    comparison=st.sampled_from(["at_least", "at_most", "exactly"]),
    value=POSITIVE,
    reached=AMOUNTS,
    day=DAYS,
    as_of=DAYS,
)
def test_percent_is_reached_over_target(period, comparison, value, reached, day, as_of):
    result = assess_target(target(value, comparison, [(day, reached)]), period, as_of)
    if day <= as_of:
        assert result.percent == pytest.approx(reached / value * 100)
    else:
        assert result.percent is None


# ── Pace that fits: an item the report ties to a season or the year's end (kpi/pace.py) ───────────────
SUMMER = Due(season="07..08", words="暑托班")
AWARD = Due(year_end=True, words="创建")


@pytest.mark.parametrize(
    ("as_of", "entries", "expected"),
    [
        (date(2024, 5, 31), (), "not_due"),  # spring: no class has run, and none should have
        (date(2024, 6, 30), ((date(2024, 6, 1), 0),), "not_due"),  # a zero reported before the season is no lag
        (date(2024, 7, 31), ((date(2024, 7, 31), 1),), "on_track"),  # half the season, half the sessions
        (date(2024, 8, 31), ((date(2024, 8, 31), 1),), "lagging"),  # the season is over: a real status
        (date(2024, 9, 30), ((date(2024, 8, 31), 0),), "lagging"),
        (date(2024, 6, 30), ((date(2024, 6, 1), 2),), "achieved"),  # reached early is reached
    ],
)
def test_a_summer_target_is_not_due_before_july_and_judged_over_its_season(as_of, entries, expected):
    a = assess_target(target(2, entries=entries, due=SUMMER), "2024", as_of)
    assert a.status == expected and a.due == date(2024, 7, 1)


def test_without_a_season_the_same_target_lags_all_spring():
    """What the season changes: on 31 May 2024 a straight line over the year expects 41 % of it."""
    assert assess_target(target(2, entries=((date(2024, 5, 1), 0),)), "2024", date(2024, 5, 31)).status == "lagging"


@pytest.mark.parametrize(
    ("as_of", "entries", "expected"),
    [
        (date(2024, 11, 30), ((date(2024, 6, 1), 1),), "not_due"),  # an award is decided at the year's end
        (date(2024, 12, 31), (), "not_due"),
        (date(2025, 1, 31), (), "outcome_missing"),  # the year is over: its outcome is what counts
        (date(2025, 1, 31), ((date(2024, 12, 31), 3),), "achieved"),
        (date(2025, 1, 31), ((date(2024, 12, 31), 1),), "missed"),
    ],
)
def test_an_award_is_not_due_until_the_year_is_over(as_of, entries, expected):
    assert assess_target(target(3, entries=entries, due=AWARD), "2024", as_of).status == expected


@pytest.mark.parametrize(
    ("as_of", "entries", "expected"),
    [
        (date(2024, 6, 30), (), "not_due"),
        (date(2024, 6, 30), ((date(2024, 3, 1), "not_started"),), "not_due"),
        (date(2024, 6, 30), ((date(2024, 6, 1), "in_progress"),), "in_progress"),  # work reported is shown
        (date(2024, 7, 1), (), "not_reported"),  # due, and nothing said
        (date(2024, 8, 31), ((date(2024, 8, 31), "done"),), "done"),
    ],
)
def test_a_seasonal_milestone_is_not_due_before_its_season(as_of, entries, expected):
    assert assess_milestone(milestone(entries, due=SUMMER), "2024", as_of).status == expected
