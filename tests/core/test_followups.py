"""The follow-up schedule: every point once, merged when close, on the right days."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from skillpath.core.followups import (
    MERGE_WITHIN_DAYS,
    add_months,
    quarter_end,
    schedule,
    step_due,
)

award_days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 12, 31))
KINDS = {"month_3", "month_6", "month_12", "quarter_2", "quarter_4"}


@given(award_days)
def test_every_point_is_in_exactly_one_survey(awarded_on: dt.date) -> None:
    kinds = [kind for survey in schedule(awarded_on) for kind in survey.kinds]
    assert sorted(kinds) == sorted(KINDS)


@given(award_days)
def test_surveys_are_after_the_award_in_order_and_apart(awarded_on: dt.date) -> None:
    surveys = schedule(awarded_on)
    assert all(s.due_on > awarded_on for s in surveys)
    for earlier, later in zip(surveys, surveys[1:], strict=False):
        assert (later.due_on - earlier.due_on).days > MERGE_WITHIN_DAYS


@given(award_days)
def test_a_survey_is_due_on_its_earliest_point_and_covers_only_close_ones(
    awarded_on: dt.date,
) -> None:
    point = {
        "month_3": add_months(awarded_on, 3),
        "month_6": add_months(awarded_on, 6),
        "month_12": add_months(awarded_on, 12),
        "quarter_2": quarter_end(awarded_on, 2),
        "quarter_4": quarter_end(awarded_on, 4),
    }
    for survey in schedule(awarded_on):
        days = [point[kind] for kind in survey.kinds]
        assert survey.due_on == min(days)
        assert all(0 <= (d - survey.due_on).days <= MERGE_WITHIN_DAYS for d in days)


@given(award_days, st.integers(min_value=0, max_value=40))
def test_months_keep_the_day_or_end_the_month(day: dt.date, months: int) -> None:
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day == day.day or (
        moved.day < day.day and (moved + dt.timedelta(days=1)).day == 1
    )


@given(award_days, st.integers(min_value=1, max_value=8))
def test_quarter_end_is_the_last_day_of_a_later_quarter(
    day: dt.date, quarters: int
) -> None:
    end = quarter_end(day, quarters)
    assert end.month in (3, 6, 9, 12)
    assert (end + dt.timedelta(days=1)).day == 1
    quarter_index = lambda d: d.year * 4 + (d.month - 1) // 3  # noqa: E731
    assert quarter_index(end) - quarter_index(day) == quarters


def test_award_at_a_quarter_end_merges_the_quarter_points_into_the_month_ones() -> None:
    surveys = schedule(dt.date(2026, 3, 31))
    assert [(s.due_on, s.kinds) for s in surveys] == [
        (dt.date(2026, 6, 30), ("month_3",)),
        (dt.date(2026, 9, 30), ("month_6", "quarter_2")),
        (dt.date(2027, 3, 31), ("month_12", "quarter_4")),
    ]


def test_award_early_in_a_quarter_keeps_five_surveys() -> None:
    surveys = schedule(dt.date(2026, 1, 5))
    assert [s.due_on for s in surveys] == [
        dt.date(2026, 4, 5),
        dt.date(2026, 7, 5),
        dt.date(2026, 9, 30),
        dt.date(2027, 1, 5),
        dt.date(2027, 3, 31),
    ]


def test_steps_remind_at_7_and_14_days_and_close_at_28() -> None:
    sent = dt.date(2026, 11, 1)
    on = lambda days: sent + dt.timedelta(days=days)  # noqa: E731
    assert step_due(sent, 0, on(6)) == ""
    assert step_due(sent, 0, on(7)) == "remind"
    assert step_due(sent, 1, on(13)) == ""
    assert step_due(sent, 1, on(14)) == "remind"
    assert step_due(sent, 2, on(27)) == ""
    assert step_due(sent, 2, on(28)) == "close"
    assert step_due(sent, 0, on(30)) == "close"  # a consumer down for weeks
