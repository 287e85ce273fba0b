"""Check the description of a job (a baseline or a survey answer) the same way."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from skillpath.jobs.noc import is_noc_2021
from skillpath.outcomes.exceptions import InvalidAnswer
from skillpath.outcomes.models import WageUnit


def _decimal(value: Any, field: str) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise InvalidAnswer(_("Write a number."), field=field) from None
    if not number.is_finite():
        raise InvalidAnswer(_("Write a number."), field=field)
    return number


def job_fields(
    *,
    employed: bool,
    noc_code: str,
    wage: Any,
    wage_unit: str,
    hours_per_week: Any,
) -> dict[str, Any]:
    """Return the job's fields checked and tidied; raise ``InvalidAnswer`` naming one.

    Without a job, the job's fields are left empty whatever was sent.
    """
    if not employed:
        return {
            "employed": False,
            "noc_code": "",
            "wage": None,
            "wage_unit": "",
            "hours_per_week": None,
        }
    noc_code = (noc_code or "").strip()
    if noc_code and not is_noc_2021(noc_code):
        raise InvalidAnswer(
            _(
                "%(code)s is not a NOC 2021 code: five digits, e.g. 42202; "
                "leave it empty if you do not know it."
            )
            % {"code": noc_code},
            field="noc_code",
        )
    wage_value = _decimal(wage, "wage")
    if wage_value is not None and wage_value < 0:
        raise InvalidAnswer(_("A wage cannot be negative."), field="wage")
    if wage_value is not None and wage_value >= Decimal("100000000"):
        raise InvalidAnswer(_("This wage is too large."), field="wage")
    if wage_value is not None and wage_unit not in WageUnit.values:
        raise InvalidAnswer(
            _("Say whether the wage is per hour or per year."), field="wage_unit"
        )
    hours = _decimal(hours_per_week, "hours_per_week")
    if hours is not None and not (0 < hours <= 168):
        raise InvalidAnswer(
            _("Hours per week are more than 0 and at most 168."),
            field="hours_per_week",
        )
    return {
        "employed": True,
        "noc_code": noc_code,
        "wage": wage_value.quantize(Decimal("0.01"))
        if wage_value is not None
        else None,
        "wage_unit": wage_unit if wage_value is not None else "",
        "hours_per_week": hours.quantize(Decimal("0.1")) if hours is not None else None,
    }
