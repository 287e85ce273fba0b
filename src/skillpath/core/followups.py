"""When to ask a credential holder about their job, and when to remind or stop.

Pure date arithmetic, no Django. A holder is asked 3, 6 and 12 months after the
award (the colleges' follow-up points) and at the end of the 2nd and 4th calendar
quarter after the award's quarter (the WIOA employment indicators). Two points that
fall within :data:`MERGE_WITHIN_DAYS` days of each other are one survey, on the
earlier date, covering both.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

__all__ = [
    "LINK_VALID_DAYS",
    "MERGE_WITHIN_DAYS",
    "NO_ANSWER_AFTER_DAYS",
    "REMINDER_AFTER_DAYS",
    "Survey",
    "add_months",
    "quarter_end",
    "schedule",
    "step_due",
]

#: Two follow-up points this close (in days) are asked in one survey.
MERGE_WITHIN_DAYS = 14
#: Days after the first mail when the 1st and the 2nd reminder go.
REMINDER_AFTER_DAYS = (7, 14)
#: Days after the first mail with no answer after which the survey is closed.
NO_ANSWER_AFTER_DAYS = 28
#: Days after the first mail during which its link opens the survey.
LINK_VALID_DAYS = 30

MONTH_POINTS = (("month_3", 3), ("month_6", 6), ("month_12", 12))
QUARTER_POINTS = (("quarter_2", 2), ("quarter_4", 4))


@dataclass(frozen=True)
class Survey:
    """One survey to send: its due date and the follow-up points it covers."""

    due_on: dt.date
    kinds: tuple[str, ...]


def add_months(day: dt.date, months: int) -> dt.date:
    """Return ``day`` moved ``months`` calendar months on (31 Jan + 1 = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def quarter_end(day: dt.date, quarters_after: int) -> dt.date:
    """Return the last day of the calendar quarter ``quarters_after`` after ``day``'s."""
    index = day.year * 4 + (day.month - 1) // 3 + quarters_after
    year, quarter = divmod(index, 4)
    month = quarter * 3 + 3
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def schedule(awarded_on: dt.date) -> list[Survey]:
    """Return the surveys for an award made on ``awarded_on``, earliest first.

    Every follow-up point is in exactly one survey; a survey is due on the earliest
    of its points, and the points it covers lie within ``MERGE_WITHIN_DAYS`` of it;
    two surveys are more than ``MERGE_WITHIN_DAYS`` apart.
    """
    points = sorted(
        [(add_months(awarded_on, n), kind) for kind, n in MONTH_POINTS]
        + [(quarter_end(awarded_on, n), kind) for kind, n in QUARTER_POINTS]
    )
    surveys: list[Survey] = []
    for due_on, kind in points:
        last = surveys[-1] if surveys else None
        if last and (due_on - last.due_on).days <= MERGE_WITHIN_DAYS:
            surveys[-1] = Survey(last.due_on, (*last.kinds, kind))
        else:
            surveys.append(Survey(due_on, (kind,)))
    return surveys


def step_due(sent_on: dt.date, reminders_sent: int, today: dt.date) -> str:
    """Return what a sent, unanswered survey needs today.

    ``"close"`` once ``NO_ANSWER_AFTER_DAYS`` have passed since ``sent_on``,
    ``"remind"`` when the next reminder's day has come, else ``""``.
    """
    waited = (today - sent_on).days
    if waited >= NO_ANSWER_AFTER_DAYS:
        return "close"
    if (
        reminders_sent < len(REMINDER_AFTER_DAYS)
        and waited >= REMINDER_AFTER_DAYS[reminders_sent]
    ):
        return "remind"
    return ""
