"""Each OpenAPI schema name stands for one shape.

ninja names a component after its class, so two ``LevelOut`` classes in two apps
became one schema and the docs showed a module's levels with a scale's fields.
"""

from __future__ import annotations

from collections import Counter

import pytest
from django.test import Client
from ninja import Schema

pytestmark = pytest.mark.django_db


def _subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found.append(sub)
        found.extend(_subclasses(sub))
    return found


def test_no_two_api_schemas_share_a_name(client: Client) -> None:
    client.get("/api/v1/openapi.json")  # every router is loaded
    ours = {
        cls
        for cls in _subclasses(Schema)
        if cls.__module__.startswith("skillpath.") and ".tests" not in cls.__module__
    }
    twice = [name for name, n in Counter(c.__name__ for c in ours).items() if n > 1]
    assert twice == []


def _resolve(schemas: dict, holder: dict) -> dict:  # type: ignore[type-arg]
    items = holder.get("items", holder)
    return schemas[items["$ref"].rsplit("/", 1)[-1]]


def test_every_level_schema_keeps_its_own_fields(client: Client) -> None:
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    module = schemas["ModuleOut"]["properties"]
    assert "competency_id" in _resolve(schemas, module["teaches"])["properties"]
    framework = schemas["FrameworkDetailOut"]["properties"]
    assert "descriptor_en" in _resolve(schemas, framework["levels"])["properties"]
    requirement = schemas["CredentialRequirementOut"]["properties"]
    assert set(_resolve(schemas, requirement["levels"])["properties"]) == {
        "level",
        "label_en",
        "label_fr",
    }
    assert "LevelOut" not in schemas
