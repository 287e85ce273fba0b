"""Server-rendered SVG bar charts of the report, with hidden figures drawn as such.

Each chart is an image with a title and a description; the same figures are in the
table beside it, which is what assistive technology reads. A hidden figure has no
bar: a hatched band with the word "hidden" stands in its place, so nobody reads a
short bar as a small number.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

BAR_HEIGHT = 26
GAP = 10
LABEL_WIDTH = 200
CHART_WIDTH = 480


def bar_chart(
    bars: Sequence[tuple[str, float | None, str]],
    *,
    title: str,
    description: str,
    chart_id: str,
    top: float | None = None,
) -> SafeString:
    """Return a horizontal bar chart; each bar is (label, value or None, shown text).

    ``top`` is the value of a full bar (the largest value when not given).
    """
    largest = top or max((v for _l, v, _t in bars if v is not None), default=0) or 1
    plot = CHART_WIDTH - LABEL_WIDTH - 60
    height = max(1, len(bars)) * (BAR_HEIGHT + GAP) + GAP
    hidden_text = _("hidden")
    rows = []
    for index, (label, value, text) in enumerate(bars):
        y = GAP + index * (BAR_HEIGHT + GAP)
        short = label if len(label) <= 26 else label[:25] + "…"
        text_y = round(y + BAR_HEIGHT * 0.68)
        if value is None:
            bar = format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" class="chart-hidden" '
                'fill="url(#{}-hatch)"></rect>'
                '<text x="{}" y="{}" class="chart-value">{}</text>',
                LABEL_WIDTH,
                y,
                plot // 3,
                BAR_HEIGHT,
                chart_id,
                LABEL_WIDTH + plot // 3 + 6,
                text_y,
                hidden_text,
            )
        else:
            width = max(2, round(plot * value / largest)) if value else 0
            bar = format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" class="chart-bar"></rect>'
                '<text x="{}" y="{}" class="chart-value">{}</text>',
                LABEL_WIDTH,
                y,
                width,
                BAR_HEIGHT,
                LABEL_WIDTH + width + 6,
                text_y,
                text,
            )
        rows.append((LABEL_WIDTH - 8, text_y, short, bar))
    body = format_html_join(
        "\n",
        '<text x="{}" y="{}" text-anchor="end" class="chart-label">{}</text>{}',
        rows,
    )
    return format_html(
        '<svg class="bar-chart" viewBox="0 0 {} {}" role="img" '
        'aria-labelledby="{}-title {}-desc" preserveAspectRatio="xMinYMin meet">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>'
        '<defs><pattern id="{}-hatch" width="8" height="8" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<line x1="0" y1="0" x2="0" y2="8" class="chart-hatch"></line>'
        "</pattern></defs>{}</svg>",
        CHART_WIDTH,
        height,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        description,
        chart_id,
        body,
    )
