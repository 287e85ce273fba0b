"""Employer demand: reports, their rules, and the coordinators' dashboard."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from skillpath.accounts import testing
from skillpath.frameworks import testing as framework_factories
from skillpath.jobs import selectors, services
from skillpath.jobs.exceptions import InvalidDemand, NotAllowed
from skillpath.jobs.models import DemandReport, DemandStatus, Urgency

pytestmark = pytest.mark.django_db


def _report(employer: object, **fields: object) -> DemandReport:
    org = employer.memberships.get().organisation  # type: ignore[attr-defined]
    values = {
        "job_title": "Shipper",
        "openings": 3,
        "region": "MB",
        "noc_code": "14400",
    }
    values.update(fields)
    return services.demand_report_create(employer=org, reported_by=employer, **values)  # type: ignore[arg-type]


def test_an_employer_reports_demand_for_their_organisation_only() -> None:
    employer = testing.employer()
    report = _report(employer, wage_min=Decimal("21.50"), wage_max=Decimal("25"))
    assert report.openings == 3 and report.status == DemandStatus.OPEN
    other = testing.organisation("employer")
    with pytest.raises(NotAllowed):
        services.demand_report_create(
            employer=other, reported_by=employer, job_title="x", openings=1, region="MB"
        )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"openings": 0}, "at least one opening"),
        ({"noc_code": "123"}, "five digits"),
        (
            {"wage_min": Decimal("30"), "wage_max": Decimal("20")},
            "lowest wage is higher",
        ),
        ({"region": "XX"}, "province or territory"),
        ({"job_title": "  "}, "Name the role"),
    ],
)
def test_bad_reports_are_refused_with_a_reason(fields: dict, message: str) -> None:
    with pytest.raises(InvalidDemand, match=message):
        _report(testing.employer(), **fields)
    assert not DemandReport.objects.exists()


def test_the_summary_groups_by_noc_weighs_urgency_and_lists_profiles() -> None:
    _report(testing.employer(), openings=4, urgency=Urgency.NOW, wage_min=Decimal("20"))
    _report(testing.employer(), openings=2, region="ON", wage_max=Decimal("26"))
    _report(
        testing.employer(),
        job_title="Cyber analyst",
        noc_code="21220",
        openings=5,
        urgency=Urgency.LATER,
    )
    closed = _report(testing.employer(), openings=50)
    services.demand_report_close(
        report=closed, closed_by=closed.reported_by, status=DemandStatus.FILLED
    )
    world = framework_factories.profile_world()
    world.profile.noc_code = "21220"
    world.profile.save()
    rows = selectors.demand_summary()
    assert [(row.noc_code, row.openings, row.priority) for row in rows] == [
        ("14400", 6, 16),
        ("21220", 5, 5),
    ]
    shippers, cyber = rows
    assert shippers.employer_count == 2 and shippers.urgent_openings == 4
    assert shippers.region_list == [("MB", 4), ("ON", 2)]
    assert (shippers.hourly_min, shippers.hourly_max) == (Decimal("20"), Decimal("26"))
    assert shippers.worth_building and not cyber.worth_building
    assert [row.noc_code for row in selectors.demand_summary(region="ON")] == ["14400"]


def test_the_dashboard_shows_a_chart_and_a_table_to_coordinators_only() -> None:
    employer = testing.employer()
    _report(employer, openings=7)
    client = Client()
    client.force_login(testing.coordinator())
    page = client.get(reverse("jobs:demand_dashboard")).content.decode()
    assert '<svg class="bar-chart"' in page and 'role="img"' in page
    assert "<caption>Open demand by role" in page and "Worth building" in page
    assert "?noc=14400&amp;title=Shipper" in page
    client.force_login(employer)
    assert client.get(reverse("jobs:demand_dashboard")).status_code == 403


def test_the_employer_page_reports_and_updates_demand() -> None:
    employer = testing.employer()
    client = Client()
    client.force_login(employer)
    response = client.post(
        reverse("jobs:demand"),
        {
            "employer": employer.memberships.get().organisation_id,
            "job_title": "Warehouse shipper",
            "noc_code": "14400",
            "openings": "3",
            "region": "MB",
            "city": "Winnipeg",
            "urgency": "now",
            "wage_min": "20",
            "wage_max": "24",
            "wage_unit": "hour",
            "notes": "Night shifts.",
        },
    )
    assert response.status_code == 303
    report = DemandReport.objects.get()
    page = client.get(reverse("jobs:demand")).content.decode()
    assert "Warehouse shipper" in page and "Winnipeg" in page
    client.post(reverse("jobs:demand_status", args=[report.pk]), {"status": "filled"})
    report.refresh_from_db()
    assert report.status == DemandStatus.FILLED
    stranger = Client()
    stranger.force_login(testing.employer())
    assert (
        stranger.get(reverse("jobs:demand_edit", args=[report.pk])).status_code == 403
    )


def test_the_demand_reports_api_bounds_its_paging() -> None:
    employer = testing.employer()
    _report(employer)
    client = Client()
    client.force_login(employer)
    page = client.get("/api/v1/demand-reports", {"page": 1, "page_size": 5})
    assert page.status_code == 200 and page.json()["count"] == 1
    for query in ({"page": 2**70}, {"page": 10**12}, {"page_size": 10**6}):
        response = client.get("/api/v1/demand-reports", query)
        assert response.status_code == 422, query
        error = response.json()["error"]
        assert error["code"] == "invalid_input"
        assert error["details"][0]["field"].endswith(next(iter(query)))
