"""The outcomes sweep: every minute, on every consumer, what is due goes out once.

One sweep, in this order: consent changed elsewhere is logged and acted on, awards
and hires get their schedules, due surveys and rating requests are sent (each moved
to sent in the transaction that records its mail), reminders go, the unanswered
close. Everything is a conditional ``UPDATE`` on a row, so two consumers sweeping at
once, or a sweep killed and run again, send each mail once.
"""

from __future__ import annotations

from skillpath.common.queue import sweep
from skillpath.outcomes.services.consent import follow_up_consent_reconcile
from skillpath.outcomes.services.followups import follow_ups_schedule, follow_ups_send
from skillpath.outcomes.services.ratings import ratings_schedule, ratings_send


@sweep
def outcomes_sweep() -> int:
    """Schedule and send what is due; return how many mails were queued."""
    follow_up_consent_reconcile()
    follow_ups_schedule()
    ratings_schedule()
    return follow_ups_send() + ratings_send()
