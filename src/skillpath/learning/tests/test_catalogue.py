"""The catalogue: providers offer, coordinators curate, learners see reviewed only."""

from __future__ import annotations

import pytest

from skillpath.accounts import testing
from skillpath.accounts.models import OrganisationKind, Role
from skillpath.learning import access, selectors
from skillpath.learning.exceptions import InvalidModule
from skillpath.learning.models import ModuleStatus
from skillpath.learning.services import catalogue
from skillpath.learning.tests import helpers as h

pytestmark = pytest.mark.django_db


def test_a_new_module_waits_for_review_and_a_change_sends_it_back() -> None:
    comp = h.competency()
    module = h.module(teaches={comp: 2}, approved=False)
    assert module.status == ModuleStatus.PENDING
    assert module not in selectors.modules_offered()
    module = catalogue.module_review(
        module=module, reviewer=testing.coordinator(), approve=True
    )
    assert module in selectors.modules_offered()
    module = catalogue.module_update(module=module, changed_by=None, hours=12)
    assert module.status == ModuleStatus.PENDING
    assert module not in selectors.modules_offered()


def test_an_unchanged_save_keeps_the_review() -> None:
    module = h.module(teaches={h.competency(): 1})
    module = catalogue.module_update(module=module, changed_by=None, hours=module.hours)
    assert module.status == ModuleStatus.APPROVED


def test_sending_a_module_back_needs_a_note() -> None:
    module = h.module(teaches={h.competency(): 1}, approved=False)
    with pytest.raises(InvalidModule, match="note"):
        catalogue.module_review(
            module=module, reviewer=testing.coordinator(), approve=False
        )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"hours": 0}, "hours above 0"),
        ({"cost": -1}, "negative"),
        ({"teaches": {}}, "which competency"),
    ],
)
def test_invalid_modules_are_refused(changes: dict, message: str) -> None:  # type: ignore[type-arg]
    comp = h.competency()
    with pytest.raises(InvalidModule, match=message):
        h.module(**{"teaches": {comp: 2}, **changes})


def test_a_module_that_requires_what_it_teaches_is_refused() -> None:
    comp = h.competency()
    with pytest.raises(InvalidModule, match="teach nothing"):
        h.module(teaches={comp: 2}, requires={comp: 2})


def test_catalogue_filters() -> None:
    comp, other = h.competency(), h.competency()
    online = h.module(teaches={comp: 1}, title_en="Online primer", cost=0)
    live = h.module(
        teaches={other: 2},
        format="in_person",
        language="fr",
        province="QC",
        cost=300,
        title_en="Atelier",
    )
    offered = selectors.modules_offered
    assert list(offered(selectors.CatalogueFilters(query="primer"))) == [online]
    assert list(offered(selectors.CatalogueFilters(language="fr"))) == [live]
    assert list(offered(selectors.CatalogueFilters(format="in_person"))) == [live]
    assert list(offered(selectors.CatalogueFilters(competency=comp.pk))) == [online]
    assert online in offered(selectors.CatalogueFilters(province="AB"))
    assert live not in offered(selectors.CatalogueFilters(province="AB"))
    assert list(offered(selectors.CatalogueFilters(max_cost=100))) == [online]


def test_who_offers_and_who_reviews() -> None:
    provider = h.provider()
    employer_org = testing.organisation(OrganisationKind.EMPLOYER)
    agency = testing.organisation(OrganisationKind.COMMUNITY_AGENCY)
    module = h.module(teaches={h.competency(): 1}, provider_org=provider)
    assert access.can_manage_module(h.provider_staff(provider), module)
    assert not access.can_manage_module(h.provider_staff(h.provider()), module)
    assert access.is_provider(testing.employer(employer_org))
    assert not access.is_provider(testing.learner())
    assert access.can_review_modules(testing.coordinator(agency))
    assert not access.can_review_modules(testing.member(Role.ASSESSOR))
    assert not access.can_review_modules(h.provider_staff(provider))
