"""Tests of the learning planner: exact against brute force, valid, explained."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

import numpy as np
import pytest

from skillpath.core.planner import Catalogue, Module, Plan, plan

# --- an independent brute force -------------------------------------------------


def _passes(module: Module, rules: Mapping[str, object]) -> bool:
    languages = rules.get("languages")
    formats = rules.get("formats")
    region = rules.get("region")
    max_cost = rules.get("max_cost")
    return (
        (languages is None or module.language is None or module.language in languages)  # type: ignore[operator]
        and (formats is None or module.format is None or module.format in formats)  # type: ignore[operator]
        and (region is None or module.region is None or module.region == region)
        and (max_cost is None or module.cost <= max_cost)  # type: ignore[operator]
    )


def _order(
    current: Mapping[str, int], chosen: Sequence[Module]
) -> tuple[list[Module], dict[str, int]] | None:
    """Return the chosen modules in an order meeting every prerequisite, or None."""
    levels = dict(current)
    done: set[str] = set()
    order: list[Module] = []
    waiting = list(chosen)
    while waiting:
        ready = [
            m
            for m in waiting
            if all(levels.get(c, 0) >= lvl for c, lvl in m.requires.items())
            and all(k in done for k in m.requires_modules)
        ]
        if not ready:
            return None
        for m in ready:
            order.append(m)
            done.add(m.id)
            for c, lvl in m.teaches.items():
                levels[c] = max(levels.get(c, 0), lvl)
        waiting = [m for m in waiting if m.id not in done]
    return order, levels


def _brute_force(
    current: Mapping[str, int],
    required: Mapping[str, int],
    modules: Sequence[Module],
    weights: tuple[float, float],
    rules: Mapping[str, object],
) -> tuple[int, float]:
    """Return the most gaps any orderable plan closes, and its least objective."""
    usable = [m for m in modules if _passes(m, rules)]
    gaps = {c: lvl for c, lvl in required.items() if lvl > current.get(c, 0)}
    max_cost = rules.get("max_cost")
    best = (-1, 0.0)
    for size in range(len(usable) + 1):
        for chosen in itertools.combinations(usable, size):
            cost = sum(m.cost for m in chosen)
            if max_cost is not None and cost > max_cost + 1e-9:  # type: ignore[operator]
                continue
            ordered = _order(current, chosen)
            if ordered is None:
                continue
            levels = ordered[1]
            closed = sum(levels.get(c, 0) >= lvl for c, lvl in gaps.items())
            value = weights[0] * sum(m.hours for m in chosen) + weights[1] * cost
            if closed > best[0] or (closed == best[0] and value < best[1] - 1e-9):
                best = (closed, value)
    return best


def _random_case(
    rng: np.random.Generator, size: int
) -> tuple[dict[str, int], dict[str, int], list[Module], dict[str, object]]:
    competencies = [f"c{i}" for i in range(int(rng.integers(2, 6)))]
    ids = [f"m{i}" for i in range(size)]
    modules = []
    for i, module_id in enumerate(ids):
        taught = rng.choice(competencies, size=int(rng.integers(1, 3)), replace=False)
        teaches = {str(c): int(rng.integers(1, 4)) for c in taught}
        requires: dict[str, int] = {}
        for _ in range(int(rng.integers(0, 3))):
            requires[str(rng.choice(competencies))] = int(rng.integers(1, 4))
        others = [k for k in ids if k != module_id]
        requires_modules: tuple[str, ...] = ()
        if others and rng.random() < 0.2:
            requires_modules = (str(rng.choice(others)),)
        modules.append(
            Module(
                id=module_id,
                hours=float(rng.integers(1, 9)) / 2,
                cost=float(rng.integers(0, 6)) * 20,
                teaches=teaches,
                requires=requires,
                requires_modules=requires_modules,
                language=[None, "en", "fr"][int(rng.integers(0, 3))],
                format=[None, "online", "classroom"][int(rng.integers(0, 3))],
                region=[None, "qc", "on"][int(rng.integers(0, 3))],
            )
        )
        del i
    current = {c: int(rng.integers(0, 2)) for c in competencies if rng.random() < 0.6}
    required = {
        str(c): int(rng.integers(1, 4))
        for c in rng.choice(
            competencies,
            size=int(rng.integers(1, min(4, len(competencies)) + 1)),
            replace=False,
        )
    }
    rules: dict[str, object] = {}
    if rng.random() < 0.3:
        rules["languages"] = {"fr"}
    if rng.random() < 0.2:
        rules["formats"] = {"online"}
    if rng.random() < 0.2:
        rules["region"] = "qc"
    if rng.random() < 0.5:
        rules["max_cost"] = float(rng.integers(0, 12)) * 20
    return current, required, modules, rules


def _assert_valid(
    result: Plan,
    current: Mapping[str, int],
    required: Mapping[str, int],
    modules: Sequence[Module],
    rules: Mapping[str, object],
) -> None:
    """Assert the plan's order, constraints, totals and reported gaps hold."""
    by_id = {m.id: m for m in modules}
    taken = [by_id[i] for i in result.modules]
    assert len(set(result.modules)) == len(result.modules)
    assert all(_passes(m, rules) for m in taken)
    levels = dict(current)
    for step, module in zip(result.steps, taken, strict=True):
        assert step.module == module.id
        assert all(levels.get(c, 0) >= lvl for c, lvl in module.requires.items())
        assert all(
            k in result.modules[: result.modules.index(module.id)]
            for k in module.requires_modules
        )
        for c, (before, after) in step.raises.items():
            assert before == levels.get(c, 0) and after == module.teaches[c] > before
        for c, lvl in module.teaches.items():
            levels[c] = max(levels.get(c, 0), lvl)
    assert result.hours == pytest.approx(sum(m.hours for m in taken))
    assert result.cost == pytest.approx(sum(m.cost for m in taken))
    if rules.get("max_cost") is not None:
        assert result.cost <= rules["max_cost"] + 1e-9  # type: ignore[operator]
    for c, lvl in required.items():
        if lvl > current.get(c, 0):
            assert (levels.get(c, 0) >= lvl) != (c in result.unmet)
    assert result.unmet == {gap.competency: gap.level for gap in result.blocked}


# --- exactness ----------------------------------------------------------------


@pytest.mark.parametrize("objective", ["hours", "cost", ("mix", 0.3)])
def test_plan_total_equals_brute_force_optimum_on_random_catalogues(
    objective: str | tuple[str, float],
) -> None:
    rng = np.random.default_rng(20240611)
    weights = {"hours": (1.0, 0.0), "cost": (0.0, 1.0)}.get(str(objective), (0.3, 0.7))
    for _ in range(150):
        current, required, modules, rules = _random_case(rng, int(rng.integers(1, 10)))
        result = plan(current, required, modules, objective, **rules)  # type: ignore[arg-type]
        closed, value = _brute_force(current, required, modules, weights, rules)
        gaps = sum(lvl > current.get(c, 0) for c, lvl in required.items())
        assert gaps - len(result.unmet) == closed
        assert result.objective == pytest.approx(value, abs=1e-7)
        _assert_valid(result, current, required, modules, rules)


def test_plan_is_exact_on_larger_catalogues_with_many_prerequisites() -> None:
    rng = np.random.default_rng(7)
    for _ in range(12):
        current, required, modules, rules = _random_case(rng, 13)
        result = plan(current, required, modules, **rules)  # type: ignore[arg-type]
        closed, value = _brute_force(current, required, modules, (1.0, 0.0), rules)
        gaps = sum(lvl > current.get(c, 0) for c, lvl in required.items())
        assert gaps - len(result.unmet) == closed
        assert result.hours == pytest.approx(value)
        _assert_valid(result, current, required, modules, rules)


def _cyclic_case(
    rng: np.random.Generator,
) -> tuple[dict[str, int], list[Module], dict[str, object]]:
    """Return a case where modules teach one competency and require another."""
    competencies = [f"c{i}" for i in range(int(rng.integers(2, 5)))]
    modules = []
    for i in range(int(rng.integers(2, 11))):
        taught, needed = rng.choice(competencies, size=2, replace=False)
        requires = {str(needed): int(rng.integers(1, 3))} if rng.random() < 0.7 else {}
        modules.append(
            Module(
                id=f"m{i}",
                hours=float(rng.integers(1, 6)),
                cost=float(rng.integers(0, 5)) * 10,
                teaches={str(taught): int(rng.integers(1, 4))},
                requires=requires,
            )
        )
    required = {c: int(rng.integers(1, 4)) for c in competencies if rng.random() < 0.7}
    rules: dict[str, object] = {"max_cost": 30.0} if rng.random() < 0.3 else {}
    return required, modules, rules


def test_plan_is_exact_when_prerequisites_across_competencies_form_cycles() -> None:
    rng = np.random.default_rng(12)
    for _ in range(300):
        required, modules, rules = _cyclic_case(rng)
        result = plan({}, required, modules, **rules)  # type: ignore[arg-type]
        closed, value = _brute_force({}, required, modules, (1.0, 0.0), rules)
        assert len(required) - len(result.unmet) == closed
        assert result.hours == pytest.approx(value)
        _assert_valid(result, {}, required, modules, rules)


def test_contract_example() -> None:
    modules = [
        Module(
            id="m1",
            hours=6.0,
            cost=120.0,
            teaches={"c1": 2},
            requires={},
            requires_modules=(),
        ),
        Module(id="m2", hours=3.0, cost=80.0, teaches={"c2": 3}, requires={"c1": 2}),
        Module(id="m3", hours=12.0, cost=40.0, teaches={"c2": 3}),
    ]
    result = plan(
        current={"c1": 0, "c2": 1},
        required={"c1": 2, "c2": 3},
        modules=modules,
        objective="hours",
    )
    assert result.modules == ["m1", "m2"]
    assert (result.hours, result.cost, result.unmet) == (9.0, 200.0, {})
    assert result.steps[0].closes == {"c1": (0, 2)}
    assert result.steps[0].prepares == ("m2",)
    assert result.steps[1].closes == {"c2": (1, 3)}
    by_cost = plan({"c1": 0, "c2": 1}, {"c1": 2, "c2": 3}, modules, objective="cost")
    assert by_cost.modules == ["m1", "m3"] and by_cost.cost == 160.0


def test_weights_mapping_objective_is_a_weighted_sum() -> None:
    modules = [
        Module(id="slow", hours=10.0, cost=0.0, teaches={"c": 1}),
        Module(id="dear", hours=1.0, cost=100.0, teaches={"c": 1}),
    ]
    cheap_hours = plan({}, {"c": 1}, modules, {"hours": 1.0, "cost": 0.1})
    assert cheap_hours.modules == ["slow"] and cheap_hours.objective == 10.0
    assert plan({}, {"c": 1}, modules, {"hours": 1.0, "cost": 0.01}).modules == ["dear"]


def test_catalogue_compiled_once_serves_many_learners() -> None:
    catalogue = Catalogue([Module(id="m", hours=2.0, teaches={"c": 3})])
    assert plan({}, {"c": 2}, catalogue).modules == ["m"]
    assert plan({"c": 1}, {"c": 3}, catalogue).steps[0].closes == {"c": (1, 3)}


# --- prerequisites --------------------------------------------------------------


def test_modules_requiring_each_other_circularly_are_not_a_plan() -> None:
    modules = [
        Module(id="A", hours=1.0, teaches={"c1": 2}, requires={"c2": 1}),
        Module(id="B", hours=1.0, teaches={"c2": 2}, requires={"c1": 1}),
    ]
    result = plan({}, {"c1": 2, "c2": 2}, modules)
    assert result.modules == []
    assert result.unmet == {"c1": 2, "c2": 2}
    assert {gap.reason for gap in result.blocked} == {"prerequisites"}
    assert "circular" in result.blocked[0].message


def test_circular_pair_is_broken_by_a_dearer_outside_module() -> None:
    modules = [
        Module(id="A", hours=1.0, teaches={"c1": 2}, requires={"c2": 1}),
        Module(id="B", hours=1.0, teaches={"c2": 2}, requires={"c1": 1}),
        Module(id="C", hours=5.0, teaches={"c1": 1}),
    ]
    result = plan({}, {"c1": 2, "c2": 2}, modules)
    assert result.modules == ["C", "B", "A"]
    assert result.hours == 7.0 and result.unmet == {}


def test_longer_cycle_through_requires_modules_is_cut() -> None:
    modules = [
        Module(id="A", hours=1.0, teaches={"c1": 1}, requires_modules=("C",)),
        Module(id="B", hours=1.0, teaches={"c2": 1}, requires={"c1": 1}),
        Module(id="C", hours=1.0, teaches={"c3": 1}, requires={"c2": 1}),
        Module(id="D", hours=4.0, teaches={"c2": 1}),
    ]
    result = plan({}, {"c1": 1, "c2": 1}, modules)
    assert result.modules == ["D", "C", "A"]
    assert result.hours == 6.0


def test_modules_naming_each_other_as_prerequisite_cannot_be_taken() -> None:
    modules = [
        Module(id="A", hours=1.0, teaches={"c": 1}, requires_modules=("B",)),
        Module(id="B", hours=1.0, teaches={"d": 1}, requires_modules=("A",)),
    ]
    result = plan({}, {"c": 1}, modules)
    assert result.modules == [] and result.blocked[0].reason == "prerequisites"


def test_a_module_cannot_meet_its_own_prerequisite() -> None:
    modules = [Module(id="A", hours=1.0, teaches={"c": 3}, requires={"c": 2})]
    assert plan({}, {"c": 3}, modules).unmet == {"c": 3}
    assert plan({"c": 2}, {"c": 3}, modules).modules == ["A"]


def test_prerequisite_chain_is_planned_in_order() -> None:
    modules = [
        Module(id="advanced", hours=3.0, teaches={"c": 3}, requires={"c": 2}),
        Module(id="middle", hours=2.0, teaches={"c": 2}, requires={"c": 1}),
        Module(id="intro", hours=1.0, teaches={"c": 1}),
        Module(id="lab", hours=1.0, teaches={"d": 1}, requires_modules=("advanced",)),
    ]
    result = plan({}, {"c": 3, "d": 1}, modules)
    assert result.modules == ["intro", "middle", "advanced", "lab"]
    assert plan({"c": 1}, {"c": 3}, modules).modules == ["middle", "advanced"]


# --- constraints and explanations -----------------------------------------------


def _care_catalogue() -> list[Module]:
    return [
        Module(
            id="ic-en",
            hours=8.0,
            cost=100.0,
            teaches={"ic": 3},
            language="en",
            format="online",
            region="on",
        ),
        Module(id="hand", hours=2.0, cost=10.0, teaches={"hy": 2}, language="fr"),
        Module(id="lift", hours=5.0, cost=300.0, teaches={"pt": 2}),
    ]


def test_gap_blocked_by_language_is_named_and_the_rest_is_planned() -> None:
    names = {"ic": "Infection control", "fr": "French"}
    result = plan(
        {}, {"ic": 3, "hy": 2}, _care_catalogue(), languages={"fr"}, names=names
    )
    assert result.modules == ["hand"]
    assert result.unmet == {"ic": 3}
    (gap,) = result.blocked
    assert (gap.competency, gap.level, gap.reason) == ("ic", 3, "excluded")
    assert gap.constraints == ("language",)
    assert gap.message == "Nothing teaches Infection control to level 3 in French."
    assert gap.suggestion == "Allow other languages."


def test_gap_blocked_by_several_constraints_lists_each_way_out() -> None:
    result = plan(
        {},
        {"ic": 3},
        _care_catalogue(),
        languages="fr",
        formats="classroom",
        region="qc",
    )
    (gap,) = result.blocked
    assert gap.constraints == ("language", "format", "region")
    assert gap.relax == (("language", "format", "region"),)
    assert (
        gap.message
        == "Nothing teaches ic to level 3 in fr in the classroom format in qc."
    )


def test_gap_blocked_by_module_price_names_the_maximum_cost() -> None:
    result = plan({}, {"pt": 2, "hy": 1}, _care_catalogue(), max_cost=200.0)
    assert result.modules == ["hand"]
    (gap,) = result.blocked
    assert (gap.reason, gap.constraints) == ("excluded", ("max_cost",))
    assert (
        gap.message == "Nothing teaches pt to level 2 within the maximum cost of 200."
    )


def test_gap_never_taught_says_so() -> None:
    result = plan({}, {"xx": 1}, _care_catalogue(), names={"xx": "Welding"})
    (gap,) = result.blocked
    assert (gap.reason, gap.constraints) == ("not_taught", ())
    assert gap.message == "Nothing in the catalogue teaches Welding to level 1."


def test_prerequisite_only_in_another_language_blocks_the_gap() -> None:
    modules = [
        Module(id="adv", hours=1.0, teaches={"c": 2}, requires={"b": 1}, language="fr"),
        Module(id="base", hours=1.0, teaches={"b": 1}, language="en"),
    ]
    result = plan({}, {"c": 2}, modules, languages={"fr"})
    (gap,) = result.blocked
    assert (gap.reason, gap.constraints) == ("prerequisites", ("language",))
    assert gap.suggestion == "Allow other languages."


def test_budget_closes_the_most_gaps_and_names_the_budget_needed() -> None:
    modules = [
        Module(id="a", hours=1.0, cost=60.0, teaches={"a": 1}),
        Module(id="b", hours=1.0, cost=60.0, teaches={"b": 1}),
        Module(id="c", hours=9.0, cost=30.0, teaches={"c": 1}),
    ]
    result = plan({}, {"a": 1, "b": 1, "c": 1}, modules, max_cost=100.0)
    assert len(result.modules) == 2 and "c" in result.modules
    (gap,) = result.blocked
    assert (gap.reason, gap.constraints, gap.min_budget) == (
        "budget",
        ("max_cost",),
        150.0,
    )
    assert gap.suggestion == "Raise the maximum cost to 150 to close every gap."


def test_alternative_relaxations_are_each_offered() -> None:
    modules = [
        Module(id="en", hours=1.0, teaches={"c": 1}, language="en", region="qc"),
        Module(id="on", hours=1.0, teaches={"c": 1}, language="fr", region="on"),
    ]
    (gap,) = plan({}, {"c": 1}, modules, languages="fr", region="qc").blocked
    assert gap.relax == (("language",), ("region",))
    assert gap.suggestion == "Allow other languages, or allow other regions."


# --- edges and bad input ----------------------------------------------------------


def test_nothing_to_learn_returns_an_empty_plan() -> None:
    result = plan({"c": 3}, {"c": 2}, _care_catalogue())
    assert (result.modules, result.steps, result.hours, result.cost) == (
        [],
        [],
        0.0,
        0.0,
    )
    assert result.unmet == {} and result.blocked == []
    assert plan({}, {}, []).modules == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"objective": "speed"}, "Unknown objective"),
        ({"objective": ("mix", 2.0)}, "between 0 and 1"),
        ({"objective": {"hours": -1.0}}, "Unknown objective"),
        ({"modules": [Module(id="m", hours=-1.0)]}, "hours is -1.0"),
        ({"modules": [Module(id="m", hours=1.0, cost=float("nan"))]}, "cost is nan"),
        (
            {"modules": [Module(id="m", hours=1.0, requires_modules=("ghost",))]},
            "unknown module 'ghost'",
        ),
        (
            {"modules": [Module(id="m", hours=1.0, requires_modules=("m",))]},
            "requires itself",
        ),
        (
            {"modules": [Module(id="m", hours=1.0), Module(id="m", hours=2.0)]},
            "share the id",
        ),
        (
            {"modules": [Module(id="m", hours=1.0, teaches={"c": -2})]},
            "levels are numbers",
        ),
        ({"required": {"c": -1}}, "Required competency 'c'"),
        ({"current": {"c": "two"}}, "Current competency 'c' has level 'two'"),
        ({"modules": [Module(id="m", hours=None)]}, "hours is None"),  # type: ignore[arg-type]
        ({"max_cost": -5.0}, "max_cost"),
    ],
)
def test_bad_input_raises_value_error_with_a_clear_message(
    kwargs: dict[str, object], message: str
) -> None:
    arguments: dict[str, object] = {"current": {}, "required": {"c": 1}, "modules": []}
    arguments.update(kwargs)
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        plan(**arguments)  # type: ignore[arg-type]


def test_plan_on_a_thousand_modules_is_exact_and_valid() -> None:
    rng = np.random.default_rng(3)
    competencies = [f"c{i}" for i in range(60)]
    modules = []
    for i in range(1000):
        c = str(rng.choice(competencies))
        level = int(rng.integers(1, 5))
        requires = {c: level - 1} if level > 1 and rng.random() < 0.7 else {}
        if rng.random() < 0.3:
            requires[str(rng.choice(competencies))] = int(rng.integers(1, 3))
        modules.append(
            Module(
                id=f"m{i}",
                hours=float(rng.integers(2, 40)),
                teaches={c: level},
                requires=requires,
            )
        )
    required = {c: int(rng.integers(2, 5)) for c in competencies[:40]}
    result = plan({}, required, modules)
    _assert_valid(result, {}, required, modules, {})
    assert len(result.unmet) < len(required)


def test_free_modules_that_serve_no_purpose_are_left_out() -> None:
    modules = [
        Module(id="long", hours=9.0, cost=0.0, teaches={"c": 2}),
        Module(id="short", hours=2.0, cost=0.0, teaches={"c": 2}),
        Module(id="paid", hours=1.0, cost=50.0, teaches={"d": 1}),
    ]
    result = plan({}, {"c": 2, "d": 1}, modules, objective="cost")
    assert result.modules == ["short", "paid"]


def test_module_named_as_prerequisite_but_out_of_region_blocks_the_gap() -> None:
    modules = [
        Module(id="lab", hours=2.0, teaches={"c": 2}, requires_modules=("theory",)),
        Module(id="theory", hours=3.0, teaches={"t": 1}, region="on"),
    ]
    names = {"c": "Wound care", "qc": "Quebec"}
    (gap,) = plan({}, {"c": 2}, modules, region="qc", names=names).blocked
    assert (gap.reason, gap.constraints) == ("prerequisites", ("region",))
    assert gap.message == (
        "The modules that teach Wound care to level 2 have prerequisites that "
        "nothing teaches in Quebec."
    )
    assert gap.suggestion == "Allow other regions."
    assert plan({}, {"c": 2}, modules, region="on").modules == ["theory", "lab"]


def test_zero_budget_plans_only_free_modules() -> None:
    modules = [
        Module(id="free", hours=4.0, cost=0.0, teaches={"a": 1}),
        Module(id="paid", hours=1.0, cost=10.0, teaches={"a": 1, "b": 1}),
    ]
    result = plan({}, {"a": 1, "b": 1}, modules, max_cost=0)
    assert result.modules == ["free"]
    assert result.blocked[0].message == (
        "Nothing teaches b to level 1 within the maximum cost of 0."
    )


def test_steps_say_what_each_module_raises_and_prepares() -> None:
    modules = [
        Module(id="base", hours=1.0, teaches={"p": 2}),
        Module(id="top", hours=1.0, teaches={"c": 3}, requires={"p": 2}),
    ]
    first, second = plan({"c": 1}, {"c": 3}, modules).steps
    assert (first.closes, first.raises, first.prepares) == ({}, {"p": (0, 2)}, ("top",))
    assert (second.closes, second.prepares) == ({"c": (1, 3)}, ())


def test_format_constraint_names_the_format_in_the_message() -> None:
    modules = [Module(id="m", hours=1.0, teaches={"c": 1}, format="classroom")]
    names = {"online": "online", "self": "self-paced"}
    (gap,) = plan(
        {}, {"c": 1}, modules, formats={"online", "self"}, names=names
    ).blocked
    assert (
        gap.message
        == "Nothing teaches c to level 1 in the online or self-paced format."
    )
    assert gap.suggestion == "Allow other formats."
