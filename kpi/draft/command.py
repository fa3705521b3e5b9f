"""`python -m kpi draft REPORT.txt --report ID [--out FILE] [--data DIR]`: the new report's data, drafted for review;
`python -m kpi apply DRAFT [--data DIR]`: the reviewed draft put into the data files.

Exit codes as `validate`: 0 done, 1 a problem with the report, the draft or the data (located messages, no
traceback; nothing written), 2 a usage error. The draft goes to FILE, or to standard output without --out;
the summary goes to standard output with --out, else to standard error (so a redirected draft stays clean
YAML). apply prints its located messages on standard output and its closing line on standard error when it
refuses, like validate; when it writes, its closing line says what it put in.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TextIO

from kpi.data.errors import DataErrors
from kpi.data.files import SOURCE_DIR, data_dir
from kpi.data.loading import load_dataset
from kpi.data.model import IndicatorsFile
from kpi.draft.apply import Applied, ApplyError, apply_draft
from kpi.draft.draft import Draft, Progress, ReportFacts, draft_report, summary
from kpi.draft.report_numbers import published_date, report_years
from kpi.draft.writer import render_draft
from kpi.report.text import ReportTextError, decode_report
from kpi.texts import CatalogueError, counted, t

_REPORT_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class DraftInputError(CatalogueError):
    """A problem with the command's input (file, directory, report years): a catalogue message and its values."""


def add_draft_command(commands: argparse._SubParsersAction) -> None:
    """Register `draft` beside `validate` and `schema`."""
    draft = commands.add_parser("draft", help="起草新报告的数据 / draft the figures of a new report")
    draft.add_argument("text", metavar="REPORT.txt", help="新报告的文本（UTF-8）/ the new report's text (UTF-8)")
    draft.add_argument(
        "--report",
        dest="report_id",
        metavar="ID",
        required=True,
        type=_report_id,
        help="报告编号，如 report_2024 / report id, e.g. report_2024",
    )
    draft.add_argument(
        "--out", metavar="FILE", help="草稿文件（默认输出到屏幕）/ draft file (default: standard output)"
    )
    draft.add_argument(
        "--data", dest="dir", metavar="DIR", help="数据目录（默认：$KPI_DATA_DIR 或仓库根目录）/ data directory"
    )
    draft.add_argument("--lang", choices=("zh", "en"), default="zh", help="消息语言 / message language")
    draft.add_argument(
        "--progress", action="store_true", help="显示进度条 / show a progress bar (default: on a terminal)"
    )
    draft.set_defaults(run=run_draft)


def add_apply_command(commands: argparse._SubParsersAction) -> None:
    """Register `apply` beside `draft`."""
    apply = commands.add_parser("apply", help="把核对过的草稿写入数据文件 / put a reviewed draft into the data files")
    apply.add_argument("draft", metavar="DRAFT.yaml", help="核对过的草稿 / the reviewed draft")
    apply.add_argument(
        "--data", dest="dir", metavar="DIR", help="数据目录（默认：$KPI_DATA_DIR 或仓库根目录）/ data directory"
    )
    apply.add_argument("--lang", choices=("zh", "en"), default="zh", help="消息语言 / message language")
    apply.set_defaults(run=run_apply)


def run_apply(args: argparse.Namespace) -> int:
    """Apply the draft; refusals and errors are located messages, exit 1, and nothing written."""
    try:
        directory = _data_directory(args.dir)
        applied = apply_draft(Path(args.draft), args.draft, directory)
    except ApplyError as exc:
        for error in exc.errors:
            print(error.format(args.lang))
        marks = len([e for e in exc.errors if e.code.startswith("review_")])
        print(t(exc.key, args.lang, n=marks if exc.key == "apply_marks" else len(exc.errors)), file=sys.stderr)
        return 1
    except DraftInputError as exc:
        print(exc.text(args.lang), file=sys.stderr)
        return 1
    except OSError as exc:
        print(t("draft_unwritable", args.lang, path=exc.filename or args.dir, reason=exc.strerror), file=sys.stderr)
        return 1
    print(applied_line(applied, args.lang))
    return 0


def applied_line(applied: Applied, lang: str) -> str:
    """ "report_2024: 32 values into 32 figures, 1 new figure, 141 outcomes, 3 targets. Written to …"."""
    return t(
        "apply_done",
        lang,
        report=applied.report,
        parts=applied_parts(applied.counts, lang),
        files=", ".join(applied.files),
    )


def applied_parts(counts: dict[str, int], lang: str) -> str:
    """ "32 values into 32 figures, 1 new figure, 141 outcomes": what a draft puts in, as apply and the page say it."""
    parts = (
        [
            t(
                "apply_values",
                lang,
                values=counted("apply_n_values", lang, counts["values"]),
                figures=counted("apply_n_figures", lang, counts["figures"]),
            )
        ]
        if counts["values"]
        else []
    )
    parts += [
        counted(f"apply_n_{kind}", lang, counts[kind])
        for kind in ("new_indicators", "outcomes", "targets", "milestones", "terms")
        if counts[kind]
    ]
    return t("apply_separator", lang).join(parts) or t("apply_report_only", lang)


def _report_id(text: str) -> str:
    """Report ids as the data requires them; anything else is a usage error (exit 2)."""
    if not _REPORT_ID.match(text):
        raise argparse.ArgumentTypeError(
            f"报告编号应为小写字母、数字和下划线，如 report_2024 / "
            f"a report id is lowercase letters, digits and _, like report_2024: {text!r}"
        )
    return text


def run_draft(args: argparse.Namespace) -> int:
    """Load the data and the report, draft, write, summarise; input problems exit 1 with a message."""
    try:
        path = Path(args.text)
        text = _read_report(path)
        directory = _data_directory(args.dir)
        dataset = load_dataset(directory)
        content = dataset.content
        facts = report_facts(args.report_id, text, content)
        progress = progress_bar(sys.stderr) if args.progress or sys.stderr.isatty() else None
        draft = draft_report(content, facts, progress, [term.term.zh for term in dataset.glossary.terms])
        _write(draft, content, path, directory, args)
    except DataErrors as exc:
        for error in exc.errors:
            print(error.format(args.lang))
        print(t("draft_data_errors", args.lang), file=sys.stderr)
        return 1
    except ReportTextError as exc:
        print(exc.format(args.text, args.lang), file=sys.stderr)
        return 1
    except DraftInputError as exc:
        print(exc.text(args.lang), file=sys.stderr)
        return 1
    return 0


def _data_directory(given: str | None) -> Path:
    """The data directory given or the default; a missing one is an input error, not a traceback."""
    directory = Path(given) if given else data_dir()
    if not directory.is_dir():
        raise DraftInputError("draft_no_data_dir", directory=directory)
    return directory


def _read_report(path: Path) -> str:
    """The report's text; a missing or unreadable file is an input error, a wrong encoding a located one."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DraftInputError("draft_no_report_file", path=path) from None
    except OSError as exc:
        raise DraftInputError("draft_unreadable", path=path, reason=exc.strerror) from None
    return decode_report(raw)


def report_facts(report_id: str, text: str, content: IndicatorsFile) -> ReportFacts:
    """The report's years from its part headings, else from its entry in the data."""
    reviews, plans = report_years(text)
    listed = next((r for r in content.reports if r.id == report_id), None)
    reviews = reviews or (listed.reviews if listed else None)
    if reviews is None:
        raise DraftInputError("draft_no_review_heading")
    plans = plans or (listed.plans if listed else None) or reviews + 1
    return ReportFacts(report_id, text, reviews, plans)


def _write(draft: Draft, content: IndicatorsFile, path: Path, directory: Path, args: argparse.Namespace) -> None:
    """The draft to --out (summary on stdout) or to stdout (summary on stderr)."""
    file, inside = _source_name(path, directory)
    text = draft_text(draft, content, file, f"python -m kpi draft {args.text} --report {args.report_id}")
    hint = "" if inside else "\n" + t("draft_copy_report", args.lang, file=file)
    if args.out is None:
        sys.stdout.write(text)
        print(summary(draft, args.lang) + hint, file=sys.stderr)
        return
    try:
        Path(args.out).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise DraftInputError("draft_unwritable", path=args.out, reason=exc.strerror) from None
    print(t("draft_written", args.lang, path=args.out) + summary(draft, args.lang) + hint)


def draft_text(draft: Draft, content: IndicatorsFile, file: str, command: str) -> str:
    """The draft file as `kpi draft` writes it (and the editing page shows it): `file` is the report's source/NAME,
    `command` the line its header says made it."""
    return render_draft(draft, content, file, command, summary(draft, "zh"), published_date(draft.report.text))


def _source_name(path: Path, directory: Path) -> tuple[str, bool]:
    """`source/NAME` as the report entry writes it, and whether the file is already there."""
    source = (directory / SOURCE_DIR).resolve()
    resolved = path.resolve()
    if resolved.is_relative_to(source):
        return f"{SOURCE_DIR}/{resolved.relative_to(source).as_posix()}", True
    return f"{SOURCE_DIR}/{path.name}", False


def progress_bar(stream: TextIO, width: int = 30) -> Progress:
    """A one-line bar, `起草 draft [#########.....] 90/139`, redrawn in place on the stream."""

    def show(done: int, total: int) -> None:
        """Redraw the bar; end the line when done."""
        filled = width * done // max(total, 1)
        stream.write(f"\r起草 draft [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        stream.write("\n" if done >= total else "")
        stream.flush()

    return show
