"""The adapter between standings, the catalogue and the core planner (no database)."""

from __future__ import annotations

from skillpath.common.cycle import CompetencyStanding, StandingStatus
from skillpath.learning.planning import CatalogueEntry, Settings, compute


def _entry(module_id: int, teaches: dict[str, int], **fields) -> CatalogueEntry:  # type: ignore[no-untyped-def]
    values = {
        "hours": 10.0,
        "cost": 100.0,
        "language": "en",
        "format": "self_paced",
        "province": "",
        "name": f"Module {module_id}",
        "requires": {},
        "requires_modules": (),
        **fields,
    }
    return CatalogueEntry(id=module_id, teaches=teaches, **values)


def _gap(competency: int, required: int, shown: int = 0) -> CompetencyStanding:
    return CompetencyStanding(
        competency_id=competency,
        required_level=required,
        demonstrated_level=shown,
        status=StandingStatus.DEMONSTRATED if shown >= required else StandingStatus.GAP,
    )


def test_online_modules_suit_every_province_in_person_ones_only_theirs() -> None:
    catalogue = [
        _entry(1, {"1": 2}, format="in_person", province="QC", hours=2),
        _entry(2, {"1": 2}, format="self_paced", province="QC", hours=5),
    ]
    result = compute(
        standings=[_gap(1, 2)],
        modules=catalogue,
        completed=set(),
        settings=Settings(region="AB"),
    )
    assert result.modules == ["2"]


def test_a_completed_prerequisite_counts_but_never_closes_an_open_gap() -> None:
    catalogue = [
        _entry(1, {"1": 2, "9": 1}, hours=1),  # completed; "9" is not assessed
        _entry(2, {"1": 2}, requires_modules=("1",), requires={"9": 1}, hours=8),
    ]
    result = compute(
        standings=[_gap(1, 2)],
        modules=catalogue,
        completed={1},
        settings=Settings(),
    )
    assert result.modules == ["1", "2"]  # 1 is free: only 2 is new work
    assert result.hours == 8


def test_a_module_whose_prerequisite_is_gone_is_left_out() -> None:
    catalogue = [_entry(2, {"1": 2}, requires_modules=("7",))]
    result = compute(
        standings=[_gap(1, 2)], modules=catalogue, completed=set(), settings=Settings()
    )
    assert result.modules == [] and result.blocked[0].reason == "not_taught"


def test_nothing_to_plan_when_everything_is_demonstrated() -> None:
    result = compute(
        standings=[_gap(1, 2, shown=2)],
        modules=[_entry(1, {"1": 2})],
        completed=set(),
        settings=Settings(),
    )
    assert result.modules == [] and result.blocked == []
