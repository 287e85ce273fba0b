"""Who reads the outcome report, and that no page cell or CSV row shows 1 to 9."""

from __future__ import annotations

import csv
import io
import random
import re

import pytest
from django.test import Client

from skillpath.accounts import testing
from skillpath.outcomes.models import FollowUpState
from skillpath.outcomes.testing import Person, Rating, Survey, report_world
from skillpath.outcomes.tests.worlds import KNOWN

pytestmark = pytest.mark.django_db

SMALL = set(range(1, 10))
COUNT_CELL = re.compile(r'<td class="n">([^<]*)</td>')
OUT_OF = re.compile(r"\((?:of|n =) ([\d,\u202f\xa0 ]+)\)")


def _number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def assert_no_small_figures(page: str) -> None:
    """Fail if a count cell, or a rate's or median's count, is 1 to 9 people."""
    counts = COUNT_CELL.findall(page)
    assert counts, "no count cell found"
    for cell in counts:
        if "hidden" in cell:
            continue
        assert _number(cell) not in SMALL, cell
    for out_of in OUT_OF.findall(page):
        assert _number(out_of) not in SMALL, out_of


def assert_no_small_rows(text: str) -> None:
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows
    for row in rows:
        if row["out_of"]:
            assert int(row["out_of"]) not in SMALL, row
        if row["table"] == "employer ratings" and row["measure"] != "ratings":
            continue  # mean ratings (1 to 5) are not counts
        value = row["value"]
        counted = row["table"] != "figures" and "rate" not in row["measure"]
        if counted and value != "hidden":
            assert int(value) not in SMALL, row


def random_people(seed: int, n: int) -> list[Person]:
    chooser = random.Random(seed)
    people = []
    for _ in range(n):
        stage = chooser.choice(["assessed", "plan", "credential", "applied", "hired"])
        surveys = tuple(
            Survey(
                kinds=kinds,
                state=chooser.choice(
                    [
                        FollowUpState.ANSWERED,
                        FollowUpState.ANSWERED,
                        FollowUpState.DECLINED,
                        FollowUpState.BOUNCED,
                        FollowUpState.NO_ANSWER,
                    ]
                ),
                employed=chooser.random() < 0.7,
                in_field=chooser.choice([True, False, None]),
                same_employer=chooser.choice([True, False, None]),
            )
            for kinds in (("month_3",), ("month_6", "quarter_2"), ("quarter_4",))
            if chooser.random() < 0.8
        )
        people.append(
            Person(
                stage=stage,
                province=chooser.choice(["ON", "QC", "AB", "NB", "BC"]),
                groups=tuple(  # type: ignore[arg-type]
                    chooser.choice(["", "yes", "no"]) for _ in range(5)
                ),
                days_to_award=chooser.randint(5, 200),
                surveys=surveys,
                ratings=(Rating(overall=chooser.randint(1, 5), scores=((3, 4),)),)
                if chooser.random() < 0.5
                else (),
            )
        )
    return people


def test_only_coordinators_of_the_issuing_college_read_the_report(
    client: Client,
) -> None:
    world = report_world(KNOWN[:12])
    slug = world.credentials[0].slug
    url = f"/outcomes/reports/{slug}/"
    client.force_login(testing.coordinator())  # another college's coordinator
    assert client.get(url).status_code == 404
    assert client.get(url + "?format=csv").status_code == 404
    overview = client.get("/outcomes/reports/")
    assert overview.status_code == 200
    assert world.credentials[0].title not in overview.content.decode()
    client.force_login(testing.learner())
    assert client.get(url).status_code == 403
    assert client.get("/outcomes/reports/").status_code == 403
    client.force_login(testing.employer())
    assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302  # to the sign-in page
    client.force_login(world.coordinator)
    page = client.get(url)
    assert page.status_code == 200
    assert world.credentials[0].title in page.content.decode()


def test_report_page_shows_hidden_cells_and_charts_and_no_small_count(
    client: Client,
) -> None:
    nb = Person(stage="assessed", province="NB")
    world = report_world([*KNOWN, nb, nb, nb])
    client.force_login(world.coordinator)
    page = client.get(
        f"/outcomes/reports/{world.credentials[0].slug}/?by=province"
    ).content.decode()
    assert 'role="img"' in page and '<title id="funnel-chart-title">' in page
    assert 'class="hidden-cell"' in page
    assert "New Brunswick" in page
    assert_no_small_figures(page)
    overview = client.get("/outcomes/reports/").content.decode()
    assert world.credentials[0].title in overview
    assert_no_small_figures(overview)


def test_csv_is_the_protected_table_with_formulas_defused(client: Client) -> None:
    nb = Person(stage="assessed", province="NB")
    world = report_world([*KNOWN, nb, nb, nb])
    world.credentials[0].title_en = "=HYPERLINK(1)"
    world.credentials[0].save()
    client.force_login(world.coordinator)
    response = client.get("/outcomes/reports/?by=credential&format=csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode()
    assert "'=HYPERLINK(1)" in text and ",=HYPERLINK" not in text
    assert_no_small_rows(text)
    by_province = client.get("/outcomes/reports/?by=province&format=csv")
    rows = list(csv.DictReader(io.StringIO(by_province.content.decode())))
    nb_rows = [
        r for r in rows if r["group"] == "New Brunswick" and r["table"] == "funnel"
    ]
    assert nb_rows and any(r["value"] == "hidden" for r in nb_rows)
    assert_no_small_rows(by_province.content.decode())


@pytest.mark.parametrize("seed", [1, 2])
def test_no_breakdown_of_a_random_world_shows_one_to_nine_people(
    client: Client, seed: int
) -> None:
    world = report_world(random_people(seed, 150))
    client.force_login(world.coordinator)
    slug = world.credentials[0].slug
    for by in (
        "credential",
        "organisation",
        "cohort",
        "province",
        "newcomer",
        "indigenous",
        "woman",
        "youth",
        "disability",
    ):
        page = client.get(f"/outcomes/reports/{slug}/?by={by}").content.decode()
        assert_no_small_figures(page)
        assert_no_small_rows(
            client.get(f"/outcomes/reports/{slug}/?by={by}&format=csv").content.decode()
        )
