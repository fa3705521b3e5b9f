"""Write a large synthetic data directory (never shipped as data): how the loader and pages scale.

    .venv/bin/python scripts/synthetic_data.py /tmp/kpi-synthetic [--indicators 10000] [--themes 40]

The default is issue 11's scale: 10,000 indicators across 40 themes, with targets, milestones and a
few glossary terms, and a report text in source/ that holds every quote verbatim (the loader checks
each quote against it, and each value against its quote). Only `documents` knows the shape of
indicators.yaml and glossary.yaml: adapt it when the data model changes.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

REPORT_ID = "report_synthetic"
REPORT_FILE = "source/synthetic_report.txt"
UNITS = [("家", "enterprises"), ("个", "items"), ("人次", "person-visits"), ("万元", "yuan"), ("%", "%")]
PART_ONE, PART_TWO = "第一部分 2023年工作回顾", "第二部分 2024年主要任务"
GLOSSARY_HEADING = "《东明路街道办事处工作报告》名词解释"


@dataclass(frozen=True)
class Figure:
    """One synthetic indicator (or target, milestone): its ids, words, number and the sentence stating it."""

    id: str
    theme: str
    name: str
    unit: tuple[str, str]
    value: float
    quote: str
    key: bool = False


@dataclass(frozen=True)
class Synthetic:
    """A whole synthetic data set, independent of the YAML layout."""

    themes: list[str]
    indicators: list[Figure]
    targets: list[Figure]
    milestones: list[Figure]
    terms: list[tuple[str, str]]  # (term, definition)


def generate(indicators: int, themes: int, targets: int, milestones: int, seed: int = 11) -> Synthetic:
    """Deterministic figures spread evenly over the themes; every sentence is unique."""
    rng = random.Random(seed)
    theme_ids = [f"theme{t:02d}" for t in range(1, themes + 1)]

    def figure(kind: str, number: int, verb: str) -> Figure:
        theme = theme_ids[number % themes]
        unit = UNITS[number % len(UNITS)]
        value = float(rng.randint(1, 9999)) if unit[0] != "%" else round(rng.uniform(1, 99), 1)
        name = f"{kind}{number:05d}"
        quote = f"{theme}{name}{verb}{value:g}{unit[0]}。"
        return Figure(f"{theme}.{kind}{number:05d}", theme, name, unit, value, quote, key=number < themes * 4)

    return Synthetic(
        theme_ids,
        [figure("figure", n, "完成") for n in range(indicators)],
        [figure("target", n, "计划完成") for n in range(targets)],
        [figure("milestone", n, "建成第") for n in range(milestones)],
        [(f"术语{n}", f"术语{n}是用于测试的名词解释第{n}条。") for n in range(5)],
    )


def report_text(data: Synthetic) -> str:
    """The report: part one quotes every figure, part two every target and milestone, then the glossary."""
    lines = [
        "合成测试报告（不是真实数据）",
        PART_ONE,
        *(f.quote for f in data.indicators),
        PART_TWO,
        *(f.quote for f in (*data.targets, *data.milestones)),
        GLOSSARY_HEADING,
        *(f"{n}. {term}:{definition}" for n, (term, definition) in enumerate(data.terms, 1)),
    ]
    return "\n".join(lines) + "\n"


def documents(data: Synthetic) -> tuple[dict, dict]:
    """indicators.yaml and glossary.yaml as data, in the shape kpi/model.py defines (adapt with the model)."""

    def text(zh: str, en: str) -> dict:
        return {"zh": zh, "en": en}

    def source(figure: Figure, part: str) -> dict:
        return {"report": REPORT_ID, "section": f"{part} 一(一)", "quote": figure.quote}

    indicators = {
        "reports": [
            {
                "id": REPORT_ID,
                "title": text("合成测试报告", "Synthetic test report"),
                "publisher": text("测试", "Test"),
                "published": date(2024, 1, 29),
                "url": "https://example.org/synthetic",
                "file": REPORT_FILE,
                "reviews": 2023,
                "plans": 2024,
            }
        ],
        "themes": [
            {"id": t, "name": text(f"主题{t[5:]}", f"Theme {t[5:]}"), "icon": ":material/insights:"}
            for t in data.themes
        ],
        "indicators": [
            {
                "id": f.id,
                "theme": f.theme,
                "name": text(f.name, f.name),
                "unit": text(*f.unit),
                "direction": "higher",
                "key": f.key,
                "values": [{"period": "2023", "value": f.value, "source": source(f, "第一部分")}],
            }
            for f in data.indicators
        ],
        "targets": [
            {
                "id": f.id,
                "theme": f.theme,
                "name": text(f.name, f.name),
                "value": f.value,
                "unit": text(*f.unit),
                "comparison": "at_least",
                "source": source(f, "第二部分"),
                "progress": [{"date": date(2024, 3, 31), "value": round(f.value / 4, 1)}],
            }
            for f in data.targets
        ],
        "milestones": [
            {
                "id": f.id,
                "theme": f.theme,
                "name": text(f.name, f.name),
                "source": source(f, "第二部分"),
                "progress": [{"date": date(2024, 4, 15), "status": "in_progress"}],
            }
            for f in data.milestones
        ],
    }
    glossary = {
        "terms": [
            {
                "id": f"term{n}",
                "report": REPORT_ID,
                "term": text(term, f"Term {n}"),
                "definition": text(definition, f"Definition {n}."),
                "forms": [term],
            }
            for n, (term, definition) in enumerate(data.terms)
        ]
    }
    return indicators, glossary


def write(directory: Path, data: Synthetic) -> None:
    """The data directory: the two YAML files and the report text."""
    (directory / "source").mkdir(parents=True, exist_ok=True)
    (directory / REPORT_FILE).write_text(report_text(data), encoding="utf-8")
    for name, document in zip(("indicators.yaml", "glossary.yaml"), documents(data)):
        text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, default_flow_style=None, width=200)
        (directory / name).write_text("# Synthetic data for benchmarks: not real figures.\n" + text, encoding="utf-8")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path, help="where to write (created if missing)")
    parser.add_argument("--indicators", type=int, default=10_000)
    parser.add_argument("--themes", type=int, default=40)
    parser.add_argument("--targets", type=int, default=200)
    parser.add_argument("--milestones", type=int, default=200)
    args = parser.parse_args(argv)
    write(args.directory, generate(args.indicators, args.themes, args.targets, args.milestones))
    sizes = ", ".join(
        f"{p.relative_to(args.directory)} {p.stat().st_size / 2**20:.2f} MiB"
        for p in sorted(args.directory.rglob("*"))
        if p.is_file()
    )
    print(f"wrote {args.directory}: {sizes}")


if __name__ == "__main__":
    main(sys.argv[1:])
