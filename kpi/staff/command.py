"""`python -m kpi staff add NAME FILE`, `python -m kpi staff remove NAME FILE`, `python -m kpi staff list FILE`:
the password file of the staff who may sign in (kpi/staff/passwords.py).

`add` adds a person or resets their password (which ends their open sessions). The password is read from the
terminal, twice and unseen; when standard input is not a terminal (a script, a pipe), from its first line, so
`printf '%s\\n' "$PASSWORD" | python -m kpi staff add 张伟 staff.passwords` works. Exit codes as `validate`:
0 done, 1 a problem with the input or the file (a message, nothing written), 2 a usage error (a bad name too).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from kpi.staff.passwords import PasswordError, PasswordFile, valid_name
from kpi.texts import t


def add_staff_command(commands: argparse._SubParsersAction) -> None:
    """Register `staff` and its three actions beside `validate`."""
    lang = argparse.ArgumentParser(add_help=False)
    lang.add_argument("--lang", choices=("zh", "en"), default="zh", help="消息语言 / message language")
    staff = commands.add_parser("staff", help="工作人员的登录密码 / who may sign in as staff")
    actions = staff.add_subparsers(dest="action", required=True)
    add = actions.add_parser(
        "add", parents=[lang], help="添加工作人员或重设密码 / add a staff member or reset a password"
    )
    add.add_argument("name", metavar="NAME", type=_name, help="姓名 / name")
    add.add_argument("file", metavar="FILE", type=Path, help="密码文件 / the password file")
    add.set_defaults(run=run_add)
    remove = actions.add_parser("remove", parents=[lang], help="删除工作人员 / remove a staff member")
    remove.add_argument("name", metavar="NAME", help="姓名 / name")
    remove.add_argument("file", metavar="FILE", type=Path, help="密码文件 / the password file")
    remove.set_defaults(run=run_remove)
    listing = actions.add_parser("list", parents=[lang], help="列出工作人员 / list the staff")
    listing.add_argument("file", metavar="FILE", type=Path, help="密码文件 / the password file")
    listing.set_defaults(run=run_list)


def _name(text: str) -> str:
    """A name the file can hold; anything else is a usage error (exit 2), said in both languages."""
    if not valid_name(text):
        raise argparse.ArgumentTypeError(
            f"{t('staff_bad_name', 'zh', name=text)} / {t('staff_bad_name', 'en', name=text)}"
        )
    return text


def run_add(args: argparse.Namespace) -> int:
    """Read the password, write the line; say whether it was added or reset."""
    try:
        password = read_password(args.name, args.lang)
        reset = PasswordFile(args.file).set(args.name, password)
    except PasswordError as exc:
        print(exc.text(args.lang), file=sys.stderr)
        return 1
    except OSError as exc:
        print(t("draft_unwritable", args.lang, path=exc.filename or args.file, reason=exc.strerror), file=sys.stderr)
        return 1
    print(t("staff_reset" if reset else "staff_added", args.lang, name=args.name, file=args.file))
    return 0


def read_password(name: str, lang: str) -> str:
    """Twice, unseen, from a terminal; else the first line of standard input (its line break dropped)."""
    if sys.stdin.isatty():
        first = getpass.getpass(t("staff_prompt", lang, name=name))
        if getpass.getpass(t("staff_prompt_again", lang)) != first:
            raise PasswordError("staff_mismatch")
        return first
    line = sys.stdin.readline()
    if not line:
        raise PasswordError("staff_no_password")
    return line.removesuffix("\n").removesuffix("\r")


def run_remove(args: argparse.Namespace) -> int:
    """Remove the person's line; a missing file or name is an input error, nothing written."""
    if not args.file.is_file():
        print(t("staff_no_file", args.lang, file=args.file), file=sys.stderr)
        return 1
    try:
        removed = PasswordFile(args.file).remove(args.name)
    except OSError as exc:
        print(t("draft_unwritable", args.lang, path=exc.filename or args.file, reason=exc.strerror), file=sys.stderr)
        return 1
    if not removed:
        print(t("staff_not_found", args.lang, name=args.name, file=args.file), file=sys.stderr)
        return 1
    print(t("staff_removed", args.lang, name=args.name, file=args.file))
    return 0


def run_list(args: argparse.Namespace) -> int:
    """The names, one a line (never a hash); lines nobody can sign in with are named on standard error."""
    if not args.file.is_file():
        print(t("staff_no_file", args.lang, file=args.file), file=sys.stderr)
        return 1
    listing = PasswordFile(args.file).read()
    for name in listing.hashes:
        print(name)
    for line in listing.bad_lines:
        print(t("staff_bad_line", args.lang, file=args.file, line=line), file=sys.stderr)
    if not listing.hashes:
        print(t("staff_none", args.lang, file=args.file), file=sys.stderr)
    return 0
