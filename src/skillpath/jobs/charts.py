"""Server-rendered SVG bar charts (the page also shows the same data as a table)."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

BAR_HEIGHT = 26
GAP = 10
LABEL_WIDTH = 190
CHART_WIDTH = 480


def bar_chart(
    bars: Sequence[tuple[str, int]], *, title: str, description: str, chart_id: str
) -> SafeString:
    """Return a horizontal bar chart as inline SVG, labelled for screen readers.

    The SVG is an image with a title and description; the numbers are in the table
    the page places next to it, which is what assistive technology reads.
    """
    top = max((value for _label, value in bars), default=0) or 1
    plot = CHART_WIDTH - LABEL_WIDTH - 50
    height = max(1, len(bars)) * (BAR_HEIGHT + GAP) + GAP
    rows = []
    for index, (label, value) in enumerate(bars):
        y = GAP + index * (BAR_HEIGHT + GAP)
        width = max(2, round(plot * value / top))
        short = label if len(label) <= 24 else label[:23] + "…"
        rows.append(
            (
                LABEL_WIDTH - 8,
                round(y + BAR_HEIGHT * 0.68),
                short,
                LABEL_WIDTH,
                y,
                width,
                BAR_HEIGHT,
                LABEL_WIDTH + width + 6,
                round(y + BAR_HEIGHT * 0.68),
                value,
            )
        )
    body = format_html_join(
        "\n",
        '<text x="{}" y="{}" text-anchor="end" class="chart-label">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" class="chart-bar"></rect>'
        '<text x="{}" y="{}" class="chart-value">{}</text>',
        rows,
    )
    return format_html(
        '<svg class="bar-chart" viewBox="0 0 {} {}" role="img" '
        'aria-labelledby="{}-title {}-desc" preserveAspectRatio="xMinYMin meet">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>{}</svg>',
        CHART_WIDTH,
        height,
        chart_id,
        chart_id,
        chart_id,
        title,
        chart_id,
        description,
        body,
    )
