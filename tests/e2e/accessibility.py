"""Run axe-core's WCAG 2.1 A and AA rules on a page and describe what fails."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
_axe = Axe()


def wcag_violations(page: Page) -> list[str]:
    """Return one line per WCAG 2.1 AA violation on the page (empty when it passes)."""
    results = _axe.run(page, options=WCAG_21_AA)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results.response["violations"]
    ]
