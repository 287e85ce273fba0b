"""Say, in the learner's language, why the planner could not close a gap."""

from __future__ import annotations

from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _

RELAXED = {
    "language": lambda: _("allow other languages"),
    "format": lambda: _("allow other formats"),
    "region": lambda: _("allow modules taught in other provinces"),
    "max_cost": lambda: _("raise the most you can pay"),
}
CONSTRAINT_NAMES = {
    "language": lambda: _("your languages"),
    "format": lambda: _("your formats"),
    "region": lambda: _("your province"),
    "max_cost": lambda: _("the most you can pay"),
}


def _level(value: Any) -> str:
    number = float(value)
    return str(int(number)) if number.is_integer() else str(number)


def blocked_text(gap: dict[str, Any], name: str) -> dict[str, str]:
    """Return ``message`` and ``suggestion`` for a blocked gap stored on a plan."""
    target = _("%(competency)s to level %(level)s") % {
        "competency": name,
        "level": _level(gap.get("level", 0)),
    }
    reason = gap.get("reason", "")
    constraints = ", ".join(
        str(CONSTRAINT_NAMES[c]()) for c in gap.get("constraints", []) if c in RELAXED
    )
    options = [
        (" " + str(_("and")) + " ").join(str(RELAXED[n]()) for n in option)
        for option in gap.get("relax", [])
    ]
    relax = (" " + str(_("or")) + " ").join(options)
    if reason == "not_taught":
        message = _("No module in the catalogue teaches %(target)s yet.") % {
            "target": target
        }
        suggestion = _(
            "Your coordinator has been told what to add. You can still re-assess "
            "this competency when you are ready."
        )
    elif reason == "excluded":
        message = _("No module that fits %(constraints)s teaches %(target)s.") % {
            "constraints": constraints,
            "target": target,
        }
        suggestion = _("To close this gap, %(relax)s.") % {"relax": relax}
    elif reason == "prerequisites" and relax:
        message = _(
            "The modules that teach %(target)s need something first that no module "
            "fitting %(constraints)s teaches."
        ) % {"target": target, "constraints": constraints}
        suggestion = _("To close this gap, %(relax)s.") % {"relax": relax}
    elif reason == "prerequisites":
        message = _(
            "The modules that teach %(target)s have requirements no plan can meet."
        ) % {"target": target}
        suggestion = _("Your coordinator has been told to review these modules.")
    else:
        budget = gap.get("min_budget") or 0
        message = _(
            "Closing %(target)s along with your other gaps costs more than the most "
            "you can pay."
        ) % {"target": target}
        suggestion = _(
            "Raise the most you can pay to $%(amount)s to close every gap."
        ) % {"amount": number_format(budget, decimal_pos=2, use_l10n=True)}
    return {"message": str(message), "suggestion": str(suggestion)}
