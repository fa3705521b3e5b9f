"""`python -m kpi history [--limit N] [--show COMMIT]` and `python -m kpi undo COMMIT [--author NAME]`: the data's
history from the server's terminal, as the editing page's History shows it.

Why `history` records first: a change made on the server since the last save (by hand, `kpi apply`) belongs in the
list, so it is committed as the server when it validates (kpi/edit/history.py), and named as not recorded when it
does not. Why the command line's author is the server's user (`--author` to name someone else): whoever has the
server's shell is who changed the data.

`undo` checks like any change (every rule of `validate`; the pages are the editing page's check, since kpi/ cannot
draw them: the publisher still refuses data that breaks a page) and says what it did, or lists the errors, or
what overlapped. Exit codes as `validate`: 0 done, 1 refused (nothing written), 2 a usage error.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from kpi.data.files import data_dir
from kpi.edit.history import (
    SERVER,
    Author,
    Conflict,
    Entry,
    UnknownCommit,
    diff,
    ensure_repository,
    entry,
    log,
    outside_changes,
    record_outside_changes,
    undo,
)
from kpi.edit.save import Refused, save
from kpi.texts import t


def add_history_command(commands: argparse._SubParsersAction) -> None:
    """Register `history` beside `validate`."""
    history = commands.add_parser("history", help="数据的修改历史 / the data's history of changes")
    history.add_argument("--limit", type=_positive, default=20, metavar="N", help="列出最近 N 条 / list the newest N")
    history.add_argument("--show", metavar="COMMIT", help="显示一次提交的改动 / show what one commit changed")
    history.add_argument(
        "--data", dest="dir", metavar="DIR", help="数据目录（默认：$KPI_DATA_DIR 或仓库根目录）/ data directory"
    )
    history.add_argument("--lang", choices=("zh", "en"), default="zh", help="消息语言 / message language")
    history.set_defaults(run=run_history)


def add_undo_command(commands: argparse._SubParsersAction) -> None:
    """Register `undo` beside `history`."""
    command = commands.add_parser("undo", help="撤销一次提交的改动 / undo what one commit changed")
    command.add_argument("commit", metavar="COMMIT", help="提交编号（见 history）/ the commit's id (see history)")
    command.add_argument(
        "--author",
        type=_author,
        default=None,
        metavar="NAME",
        help="记录的作者（默认：服务器上的用户名）/ who the history names (default: the server's user)",
    )
    command.add_argument(
        "--data", dest="dir", metavar="DIR", help="数据目录（默认：$KPI_DATA_DIR 或仓库根目录）/ data directory"
    )
    command.add_argument("--lang", choices=("zh", "en"), default="zh", help="消息语言 / message language")
    command.set_defaults(run=run_undo)


def run_history(args: argparse.Namespace) -> int:
    """The newest changes, one line each; with --show, one commit and its diff."""
    directory = _directory(args)
    if directory is None:
        return 1
    ensure_repository(directory)
    record_outside_changes(directory)
    unrecorded = outside_changes(directory)
    if unrecorded:
        print(t("history_unrecorded", args.lang, files=", ".join(unrecorded)), file=sys.stderr)
    if args.show:
        try:
            shown = entry(directory, args.show)
            print(entry_line(shown, args.lang))
            print(diff(directory, shown.commit), end="")
        except UnknownCommit:
            print(t("history_unknown_commit", args.lang, commit=args.show), file=sys.stderr)
            return 1
        return 0
    for item in log(directory, args.limit):
        print(entry_line(item, args.lang))
    return 0


def run_undo(args: argparse.Namespace) -> int:
    """Undo a commit: checked and saved like any change, by the server's user unless --author names someone."""
    directory = _directory(args)
    if directory is None:
        return 1
    ensure_repository(directory)
    author = args.author or server_user()
    try:
        undone = entry(directory, args.commit)
        saved = save(directory, undo(directory, undone.commit), author)
    except UnknownCommit:
        print(t("history_unknown_commit", args.lang, commit=args.commit), file=sys.stderr)
        return 1
    except Refused as exc:
        for error in exc.errors:
            print(error.format(args.lang))
        print(t("undo_refused", args.lang, n=len(exc.errors)), file=sys.stderr)
        return 1
    except Conflict as exc:
        print(t("undo_conflict", args.lang, undone=undone.short, files=", ".join(exc.files)), file=sys.stderr)
        print("".join(exc.meanwhile.values()), end="")
        return 1
    if saved.commit is None:
        print(t("undo_nothing", args.lang, undone=undone.short))
        return 0
    print(t("undo_done", args.lang, undone=undone.short, commit=saved.commit[:7], files=", ".join(saved.files)))
    return 0


def entry_line(item: Entry, lang: str) -> str:
    """`abc1234  2026-12-07 10:31  王芳: targets[…]: progress 2024-06-30 = 30 (indicators.yaml)`, in local time."""
    return t(
        "history_entry",
        lang,
        commit=item.short,
        when=item.when.astimezone().strftime("%Y-%m-%d %H:%M"),
        author=item.author,
        summary=item.summary,
        files=", ".join(item.files) or "–",
    )


def server_user() -> Author:
    """The server's user, as the command line's author (`server` when the system cannot say who)."""
    try:
        return Author(getpass.getuser())
    except (KeyError, OSError, ValueError):
        return SERVER


def _directory(args: argparse.Namespace) -> Path | None:
    """The data directory given or the default; a missing one is said, not a traceback."""
    directory = Path(args.dir) if args.dir else data_dir()
    if not directory.is_dir():
        print(t("draft_no_data_dir", args.lang, directory=directory), file=sys.stderr)
        return None
    return directory


def _author(name: str) -> Author:
    """An author as git can record it; anything else is a usage error (exit 2)."""
    try:
        return Author(name)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"作者名不能为空，也不能含 < > 或换行 / an author's name cannot be empty or hold <, > "
            f"or a line break: {name!r}"
        ) from None


def _positive(text: str) -> int:
    """A count of at least one."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"应为正整数 / must be a whole number above 0: {text!r}")
    return int(text)
