"""`python -m kpi validate [DIR]`, `python -m kpi draft REPORT.txt --report ID [--out FILE]`,
`python -m kpi apply DRAFT`, `python -m kpi history`, `python -m kpi undo COMMIT`, `python -m kpi staff add|remove|list`
and `python -m kpi schema`: the staff's check, the new report's draft, putting the reviewed draft into the data, the
data's history and undoing one of its changes, the staff's passwords, and the schema writer.

Why this module imports kpi.draft: it is the one bridge from the core to the draft tools (it registers their
commands); nothing else in kpi/ does (tests/test_imports.py checks it).

Exit codes: 0 clean, 1 data or input errors, 2 usage errors (argparse), 3 an internal bug (never a traceback).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from kpi.data.dataset import Dataset
from kpi.data.errors import DataErrors
from kpi.data.files import REPO_ROOT, data_dir
from kpi.data.loading import load_dataset
from kpi.data.schema import write_schemas
from kpi.draft.command import add_apply_command, add_draft_command
from kpi.edit.command import add_history_command, add_undo_command
from kpi.staff.command import add_staff_command
from kpi.texts import t, text


def summary(dataset: Dataset, lang: str) -> str:
    """One line: what the data holds, counted per theme."""
    content = dataset.content
    per_theme = Counter(i.theme for i in content.indicators)
    themes = ", ".join(f"{text(theme.name, lang)} {per_theme[theme.id]}" for theme in content.themes)
    return t(
        "cli_valid",
        lang,
        reports=len(content.reports),
        report_ids=", ".join(dataset.reports),
        figure_count=len(content.indicators),
        themes=themes,
        targets=len(content.targets),
        milestones=len(content.milestones),
        results=len(content.results),
        programmes=len(content.programmes),
        terms=len(dataset.glossary.terms),
    )


def _validate(args: argparse.Namespace) -> int:
    try:
        dataset = load_dataset(Path(args.dir) if args.dir else data_dir())
    except DataErrors as exc:
        for error in exc.errors:
            print(error.format(args.lang))
        print(t("cli_errors", args.lang, n=len(exc.errors)), file=sys.stderr)
        return 1
    print(summary(dataset, args.lang))
    return 0


def _schema(args: argparse.Namespace) -> int:
    for path in write_schemas(Path(args.root)):
        print(path)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kpi", description="东明路街道绩效看板数据工具 / dashboard data tool"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="检查数据 / check the data files")
    validate.add_argument("dir", nargs="?", help="数据目录（默认：$KPI_DATA_DIR 或仓库根目录）/ data directory")
    validate.add_argument("--lang", choices=("zh", "en"), default="zh", help="消息语言 / message language")
    validate.set_defaults(run=_validate)
    schema = commands.add_parser("schema", help="生成 JSON Schema / write the JSON Schema files")
    schema.add_argument("--root", default=str(REPO_ROOT), help=argparse.SUPPRESS)
    schema.set_defaults(run=_schema)
    add_draft_command(commands)
    add_apply_command(commands)
    add_history_command(commands)
    add_undo_command(commands)
    add_staff_command(commands)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except Exception as exc:  # a bug in this tool, not in the data: say so without a traceback
        error = f"{type(exc).__name__}: {exc}"
        print(
            f"{t('cli_internal_error', 'zh', error=error)} / {t('cli_internal_error', 'en', error=error)}",
            file=sys.stderr,
        )
        return 3
