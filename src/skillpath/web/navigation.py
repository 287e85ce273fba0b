"""The site's navigation: which links each role sees.

The web layer sits above every app, so the one list of the site's pages lives here, in
the order people see it; a link appears to people holding one of its roles.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

ANYONE = "anyone"
SIGNED_IN = "signed_in"


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    roles: tuple[str, ...]


NAV_ITEMS: tuple[NavItem, ...] = (
    NavItem(_("Dashboard"), "web:dashboard", (SIGNED_IN,)),
    NavItem(_("My profile"), "accounts:profile", ("learner",)),
    NavItem(_("Approvals"), "accounts:approvals", ("coordinator", "administrator")),
    NavItem(_("Candidates"), "jobs:candidates", ("employer",)),
    NavItem(_("My credentials"), "credentials:wallet", ("learner",)),
    # Jobs: the search for everyone; applications, postings, postings on profiles.
    NavItem(_("Jobs"), "jobs:postings", (ANYONE,)),
    NavItem(_("My applications"), "jobs:applications", ("learner",)),
    NavItem(_("Job postings"), "jobs:employer_postings", ("employer",)),
    NavItem(_("Applications received"), "jobs:employer_applications", ("employer",)),
    NavItem(_("Jobs on our profiles"), "jobs:coordinator_postings", ("coordinator",)),
    NavItem(_("Credentials issued"), "credentials:awards_issued", ("coordinator",)),
    NavItem(_("Verify a credential"), "credentials:verify", (ANYONE,)),
    # The supply side of the cycle: credentials, demand, frameworks and profiles.
    NavItem(_("Micro-credentials"), "credentials:catalogue", (ANYONE,)),
    NavItem(_("Hard-to-fill roles"), "jobs:demand", ("employer",)),
    NavItem(_("Profiles to review"), "frameworks:reviews", ("employer",)),
    NavItem(_("Demand"), "jobs:demand_dashboard", ("coordinator",)),
    NavItem(_("Job profiles"), "frameworks:profiles", ("coordinator",)),
    NavItem(_("Credential definitions"), "credentials:manage", ("coordinator",)),
    NavItem(_("Frameworks"), "frameworks:list", ("coordinator", "assessor")),
    # Learning.
    NavItem(_("My learning"), "learning:home", ("learner",)),
    NavItem(_("Modules"), "learning:catalogue", (ANYONE,)),
    NavItem(
        _("Modules I offer"),
        "learning:provider_modules",
        ("administrator", "coordinator", "employer"),
    ),
    NavItem(_("Review modules"), "learning:review", ("coordinator",)),
    NavItem(_("Learning reports"), "learning:reports", ("coordinator",)),
    NavItem(_("Outcomes"), "outcomes:reports", ("coordinator",)),
    NavItem(_("API tokens"), "accounts:tokens", (SIGNED_IN,)),
    # Assessment.
    NavItem(_("My assessments"), "assessments:mine", ("learner",)),
    NavItem(_("Assessment queue"), "assessments:queue", ("assessor",)),
    NavItem(_("Item bank"), "assessments:bank", ("coordinator",)),
)
