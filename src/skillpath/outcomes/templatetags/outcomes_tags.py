"""Show a protected report's figures: a number, or "hidden" with why."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from skillpath.common.protected_tables import Rate, Statistic

register = template.Library()


def _hidden() -> SafeString:
    return format_html(
        '<abbr class="hidden-cell" title="{}">{}</abbr>',
        _(
            "Hidden: fewer than 10 people, or a figure that would let someone "
            "work out such a small group."
        ),
        _("hidden"),
    )


@register.filter
def count(value: int | None) -> SafeString | str:
    """Return the count, or the hidden marker."""
    if value is None:
        return _hidden()
    return number_format(value, force_grouping=True)


@register.filter
def rate(value: Rate | None) -> SafeString | str:
    """Return "85 % (of 40)", or the hidden marker."""
    if value is None:
        return _hidden()
    return format_html(
        '{}<span class="out-of"> {}</span>',
        _("%(percent)s %%") % {"percent": value.percent},
        _("(of %(count)s)")
        % {"count": number_format(value.denominator, force_grouping=True)},
    )


@register.filter
def statistic(value: Statistic, places: int = 0) -> SafeString | str:
    """Return "30 (n = 40)", or the hidden marker."""
    if not value.shown or value.value is None:
        return _hidden()
    return format_html(
        '{}<span class="out-of"> {}</span>',
        number_format(round(value.value, places), places),
        _("(n = %(count)s)")
        % {"count": number_format(value.count, force_grouping=True)},
    )


@register.filter
def mean(value: Decimal | None) -> SafeString | str:
    """Return a mean rating to one decimal, or the hidden marker."""
    if value is None:
        return _hidden()
    return number_format(round(value, 1), 1)
