"""The JSON Schema files editors use: up to date, and they accept exactly what the loader accepts."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from kpi.data.files import REPO_ROOT
from kpi.data.model import ExclusionsFile, GlossaryFile, IndicatorsFile
from kpi.data.schema import SCHEMA_DIR, render_schemas


def test_committed_schemas_are_current():
    stale = [
        name
        for name, text in render_schemas().items()
        if (REPO_ROOT / SCHEMA_DIR / name).read_text(encoding="utf-8") != text
    ]
    assert stale == [], "run `python -m kpi schema` and commit the result"


@pytest.mark.parametrize(
    ("data_file", "schema_file"),
    [
        ("indicators.yaml", "indicators.schema.json"),
        ("glossary.yaml", "glossary.schema.json"),
        ("exclusions.yaml", "exclusions.schema.json"),
    ],
)
def test_data_files_point_at_their_schema_and_pass_it(data_file, schema_file):
    text = (REPO_ROOT / data_file).read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=./{SCHEMA_DIR}/{schema_file}\n")
    data = json.loads(json.dumps(yaml.safe_load(text), default=str))  # dates as editors see them: text
    jsonschema.validate(data, json.loads((REPO_ROOT / SCHEMA_DIR / schema_file).read_text(encoding="utf-8")))


def test_schema_refuses_an_unknown_field():
    schema = IndicatorsFile.model_json_schema()
    data = json.loads(
        json.dumps(yaml.safe_load((REPO_ROOT / "indicators.yaml").read_text(encoding="utf-8")), default=str)
    )
    data["indicators"][0]["valeu"] = 1
    with pytest.raises(jsonschema.ValidationError, match="valeu"):
        jsonschema.validate(data, schema)


@pytest.mark.parametrize("model", [IndicatorsFile, GlossaryFile, ExclusionsFile])
def test_every_field_is_described(model):
    # Descriptions become the hover text in editors: none may be missing.
    def fields(m, seen):
        for name, info in m.model_fields.items():
            yield m.__name__, name, info.description
            for arg in getattr(info.annotation, "__args__", ()) + (info.annotation,):
                inner = getattr(arg, "__args__", (arg,))[0] if getattr(arg, "__args__", None) else arg
                if isinstance(inner, type) and hasattr(inner, "model_fields") and inner not in seen:
                    seen.add(inner)
                    yield from fields(inner, seen)

    assert [(m, f) for m, f, d in fields(model, set()) if not d] == []


def test_round_trip(dataset):
    dumped = dataset.content.model_dump(mode="json")
    assert IndicatorsFile.model_validate(json.loads(json.dumps(dumped))) == dataset.content
