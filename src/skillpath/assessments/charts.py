"""Draw the gap chart: required against demonstrated level, per competency, as SVG.

The SVG is built on the server from plain numbers, escaped, and shown with an
accessible table of the same data next to it (the chart itself is ``aria-hidden``
only if the page gives the table; here it carries a title and description).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

ROW = 46
LABEL_WIDTH = 190
BAR_WIDTH = 210
PAD = 12


@dataclass(frozen=True)
class ChartRow:
    label: str
    required_level: int
    demonstrated_level: int


def _short(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def gap_chart(
    rows: Sequence[ChartRow], *, max_level: int, chart_id: str = "gap-chart"
) -> SafeString:
    """Return an SVG bar chart of demonstrated levels with the required level marked."""
    top = max(1, max_level, *(r.required_level for r in rows), 1)
    height = PAD * 2 + ROW * max(1, len(rows)) + 24
    width = LABEL_WIDTH + BAR_WIDTH + PAD * 2
    scale = BAR_WIDTH / top
    title = _("Required and demonstrated level, by competency")
    description = _(
        "Filled bars show the level demonstrated; the dark line marks the level required."
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="gap-chart" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    for level in range(top + 1):
        x = LABEL_WIDTH + level * scale
        parts.append(
            f'<line x1="{x:.1f}" y1="{PAD}" x2="{x:.1f}" y2="{height - 24}" '
            f'stroke="#c5ced8" stroke-width="1"/>'
            f'<text x="{x:.1f}" y="{height - 8}" font-size="12" text-anchor="middle" '
            f'fill="#4a5360">{level}</text>'
        )
    for index, row in enumerate(rows):
        y = PAD + index * ROW
        met = row.demonstrated_level >= row.required_level
        colour = "#1d6b2f" if met else "#8a4b00"
        bar = max(0.0, row.demonstrated_level * scale)
        required_x = LABEL_WIDTH + row.required_level * scale
        parts.append(
            f'<text x="0" y="{y + 24}" font-size="13" fill="#1b1f24">'
            f"{escape(_short(row.label))}</text>"
            f'<rect x="{LABEL_WIDTH}" y="{y + 10}" width="{bar:.1f}" height="20" '
            f'fill="{colour}" rx="3"/>'
            f'<line x1="{required_x:.1f}" y1="{y + 4}" x2="{required_x:.1f}" '
            f'y2="{y + 36}" stroke="#1b1f24" stroke-width="3"/>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every text above is escaped)  # nosec B308 B703
