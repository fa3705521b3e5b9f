"""`python -m kpi validate [DIR]`, `python -m kpi draft REPORT.txt --report ID [--out FILE]` and
`python -m kpi schema`: the staff's check, the new report's draft and the schema writer.

Exit codes: 0 clean, 1 data or input errors, 2 usage errors (argparse), 3 an internal bug (never a traceback).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from kpi.dataset import REPO_ROOT, Dataset, data_dir, load_dataset
from kpi.draft_command import add_draft_command
from kpi.errors import DataErrors
from kpi.schema import write_schemas


def summary(dataset: Dataset, lang: str) -> str:
    """One line: what the data holds, counted per theme."""
    content = dataset.content
    per_theme = Counter(i.theme for i in content.indicators)
    names = {t.id: (t.name.zh if lang == "zh" else t.name.en) for t in content.themes}
    themes = ", ".join(f"{names[t.id]} {per_theme[t.id]}" for t in content.themes)
    counts = (len(content.reports), ", ".join(dataset.reports), len(content.indicators), themes, len(content.targets),
              len(content.milestones), len(content.programmes), len(dataset.glossary.terms))
    if lang == "zh":
        return "数据有效：{} 份报告（{}），{} 项指标（{}），{} 个数值目标，{} 个事项，{} 个多年项目，{} 个名词。".format(*counts)
    return ("Data valid: {} report(s) ({}), {} indicators ({}), {} targets, {} milestones, {} programmes, "
            "{} glossary terms.").format(*counts)


def _validate(args: argparse.Namespace) -> int:
    try:
        dataset = load_dataset(Path(args.dir) if args.dir else data_dir())
    except DataErrors as exc:
        for error in exc.errors:
            print(error.format(args.lang))
        count = len(exc.errors)
        print(f"共 {count} 个错误。" if args.lang == "zh" else f"{count} error(s).", file=sys.stderr)
        return 1
    print(summary(dataset, args.lang))
    return 0


def _schema(args: argparse.Namespace) -> int:
    for path in write_schemas(Path(args.root)):
        print(path)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kpi", description="东明路街道绩效看板数据工具 / dashboard data tool")
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="检查数据 / check the data files")
    validate.add_argument("dir", nargs="?", help="数据目录（默认：$KPI_DATA_DIR 或仓库根目录）/ data directory")
    validate.add_argument("--lang", choices=("zh", "en"), default="zh", help="消息语言 / message language")
    validate.set_defaults(run=_validate)
    schema = commands.add_parser("schema", help="生成 JSON Schema / write the JSON Schema files")
    schema.add_argument("--root", default=str(REPO_ROOT), help=argparse.SUPPRESS)
    schema.set_defaults(run=_schema)
    add_draft_command(commands)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except Exception as exc:  # a bug in this tool, not in the data: say so without a traceback
        print(f"内部错误 / internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 3
