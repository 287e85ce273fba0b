"""The report's figures on a world built by hand: exact counts, rates, RR1, medians."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from skillpath.common.protected_tables import Rate
from skillpath.outcomes.selectors.reports import outcome_report
from skillpath.outcomes.testing import Person, report_world
from skillpath.outcomes.tests.worlds import ASSESSED, KNOWN, known_world

pytestmark = pytest.mark.django_db


def _line(lines, label):  # type: ignore[no-untyped-def]
    return next(line for line in lines if line.row.label == label)


def test_funnel_counts_each_learner_once_at_the_furthest_stage() -> None:
    world = known_world()
    report = outcome_report(world.credentials)
    everyone = report.breakdown("credential").funnel_lines[-1]
    assert everyone.row.cells == (10, 10, 11, 10, 12)
    assert everyone.row.total == 53
    assert everyone.reached == (53, 43, 33, 22, 12)
    assert everyone.attainment == Rate(33, 53)
    by_province = report.breakdown("province").funnel_lines
    assert _line(by_province, "Ontario").row.cells == (0, 10, 0, 10, 12)
    assert _line(by_province, "Quebec").row.cells == (10, 0, 11, 0, 0)
    by_woman = report.breakdown("woman").funnel_lines
    assert _line(by_woman, "Yes").row.cells == (0, 0, 0, 0, 12)
    assert _line(by_woman, "Not said").row.total == 31


def test_time_hours_cost_and_wages_are_medians_and_means_of_holders() -> None:
    report = outcome_report(known_world().credentials)
    figures = report.breakdown("credential").figures[-1]
    # 12 holders at 30 days, 10 at 40, 11 at 60: the 17th of 33 is 40.
    assert figures.days_to_credential.count == 33
    assert figures.days_to_credential.value == 40
    # Full program 120 h: 12 x 100 + 10 x 65 + 11 x 120 saved, over 33.
    assert figures.hours_saved.value == pytest.approx(3170 / 33)
    assert figures.plan_cost.value == pytest.approx(7300 / 33)
    # Baseline of the employed: 12 at 18 $/h, 10 at 52,000 $/year = 25 $/h.
    assert figures.wage_before.count == 22
    assert figures.wage_before.value == 18.0
    # Q2: 41,600 $ a year / 2,080 h = 20 $/h.
    assert figures.wage_after.count == 12
    assert figures.wage_after.value == 20.0


def test_response_rate_is_rr1_over_answered_declined_bounced_and_no_answer() -> None:
    report = outcome_report(known_world().credentials)
    kinds = {entry.kind: entry for entry in report.breakdown("credential").follow_ups}
    month_3 = kinds["month_3"].lines[-1]
    assert month_3.row.cells == (12, 0, 0, 0, 11, 10)
    assert month_3.response_rate == Rate(12, 33)
    assert month_3.employment == Rate(12, 12)
    assert month_3.in_field == Rate(12, 12)
    # One survey covered month 6 and Q2: it counts in both.
    assert kinds["month_6"].lines[-1].row.total == 12
    assert kinds["quarter_2"].lines[-1].response_rate == Rate(12, 12)
    assert kinds["month_12"].lines[-1].row.total == 0


def test_retention_satisfaction_and_competency_ratings() -> None:
    report = outcome_report(known_world().credentials)
    summary = report.breakdown("credential")
    assert summary.retention_lines[-1].rate == Rate(12, 12)
    satisfaction = summary.satisfaction_lines[-1]
    assert satisfaction.row.cells == (12, 0, 12)
    assert satisfaction.rate == Rate(12, 12)
    assert satisfaction.response_rate == Rate(12, 24)
    ratings = {line.competency: line for line in report.competencies}
    first, second = sorted(ratings)
    assert ratings[first].ratings == 12
    assert (ratings[first].preparation, ratings[first].performance) == (4, 5)
    assert (ratings[second].preparation, ratings[second].performance) == (3, 4)


def test_a_small_group_is_hidden_with_enough_others_that_it_cannot_be_worked_out() -> (
    None
):
    nb = Person(stage="assessed", province="NB")
    report = outcome_report(report_world([*KNOWN, nb, nb, nb]).credentials)
    lines = report.breakdown("province").funnel_lines
    new_brunswick = _line(lines, "New Brunswick")
    assert new_brunswick.row.cells[0] is None
    assert new_brunswick.row.total is None
    hidden = sum(value is None for line in lines for value in line.row.cells)
    assert hidden >= 4  # the 3, and its complements in its row and column
    # Hidden cells make the rates and the reached counts that use them hidden.
    assert new_brunswick.attainment is None
    assert _line(lines, "All").reached[0] in (None, 56)


def test_median_over_fewer_than_ten_people_is_hidden() -> None:
    report = outcome_report(report_world([ASSESSED] * 3 + [KNOWN[0]] * 9).credentials)
    figures = report.breakdown("credential").figures[-1]
    assert figures.days_to_credential.count == 9
    assert not figures.days_to_credential.shown
    assert figures.wage_after.shown_count is None


def test_the_report_runs_a_fixed_number_of_queries_whatever_the_learners() -> None:
    small = report_world(KNOWN[:20])
    with CaptureQueriesContext(connection) as few:
        outcome_report(small.credentials)
    large = report_world(KNOWN * 3)
    with CaptureQueriesContext(connection) as many:
        outcome_report(large.credentials)
    assert len(few.captured_queries) == len(many.captured_queries) <= 15
