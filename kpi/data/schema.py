"""JSON Schema files generated from the model, for editors that validate YAML while typing."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from kpi.data.model import ExclusionsFile, GlossaryFile, IndicatorsFile

SCHEMA_DIR = "schema"
SCHEMAS: dict[str, type[BaseModel]] = {
    "indicators.schema.json": IndicatorsFile,
    "glossary.schema.json": GlossaryFile,
    "exclusions.schema.json": ExclusionsFile,
}


def render_schemas() -> dict[str, str]:
    """File name → JSON text, deterministic so a stale committed copy shows up as a diff."""
    return {
        name: json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2) + "\n"
        for name, model in SCHEMAS.items()
    }


def write_schemas(root: Path) -> list[Path]:
    """Write the schema files under root/schema and return their paths."""
    (root / SCHEMA_DIR).mkdir(exist_ok=True)
    paths = []
    for name, text in render_schemas().items():
        path = root / SCHEMA_DIR / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
