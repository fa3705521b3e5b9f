"""`python -m kpi staff add|remove|list` (kpi/staff/command.py), run as an administrator runs it: a new process,
the password on standard input; exit codes and messages in both languages."""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
from pathlib import Path

import pytest

from kpi.data.files import REPO_ROOT
from kpi.staff import command
from kpi.staff.passwords import PasswordError, PasswordFile

PASSWORD = "东明路 correct horse"


def staff(*args: str, password: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kpi", "staff", *args],
        cwd=REPO_ROOT,
        input=password,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def test_add_reset_list_and_remove(tmp_path):
    path = tmp_path / "staff.passwords"
    added = staff("add", "张伟", str(path), password=PASSWORD + "\n")
    assert (added.returncode, added.stdout) == (0, f"已添加 张伟（{path}）。\n"), added.stderr
    assert PasswordFile(path).check("张伟", PASSWORD)
    first = path.read_text(encoding="utf-8")
    reset = staff("add", "张伟", str(path), "--lang", "en", password=PASSWORD)  # no line break: the line still counts
    assert (reset.returncode, reset.stdout) == (
        0,
        f"Reset the password of 张伟 in {path}; their open sessions have ended.\n",
    )
    assert path.read_text(encoding="utf-8") != first and PasswordFile(path).check("张伟", PASSWORD)
    staff("add", "wang.li", str(path), password="wang's long password\n")
    listed = staff("list", str(path))
    assert (listed.returncode, listed.stdout, listed.stderr) == (0, "张伟\nwang.li\n", "")
    removed = staff("remove", "张伟", str(path), "--lang", "en")
    assert (removed.returncode, removed.stdout) == (0, f"Removed 张伟 from {path}; their open sessions have ended.\n")
    assert list(PasswordFile(path).read().hashes) == ["wang.li"]


@pytest.mark.parametrize(
    ("args", "password", "message"),
    [
        (("add", "wang.li"), "too short\n", "A password needs at least 12 characters; nothing was changed.\n"),
        (("add", "wang.li"), "", "No password on standard input; nothing was changed.\n"),
        (("remove", "nobody"), None, "nobody is not in {file}; nothing was changed.\n"),
    ],
)
def test_input_errors_exit_1_with_a_message_and_write_nothing(tmp_path, args, password, message):
    path = tmp_path / "staff.passwords"
    path.write_text("# nobody yet\n", encoding="utf-8")
    result = staff(*args, str(path), "--lang", "en", password=password)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", message.format(file=path))
    assert path.read_text(encoding="utf-8") == "# nobody yet\n"


@pytest.mark.parametrize("action", [("list",), ("remove", "张伟")])
def test_a_missing_file_is_an_input_error(tmp_path, action):
    result = staff(*action, str(tmp_path / "none"))
    assert (result.returncode, result.stderr) == (1, f"{tmp_path / 'none'}: 找不到密码文件\n")


def test_a_bad_name_is_a_usage_error_in_both_languages(tmp_path):
    result = staff("add", "wang li", str(tmp_path / "staff.passwords"), password=PASSWORD)
    assert (
        result.returncode == 2 and "姓名不可用：wang li" in result.stderr and "unusable name: wang li" in result.stderr
    )
    assert not (tmp_path / "staff.passwords").exists()


def test_list_names_unreadable_lines_and_never_prints_a_hash(tmp_path):
    path = tmp_path / "staff.passwords"
    staff("add", "张伟", str(path), password=PASSWORD)
    with path.open("a", encoding="utf-8") as out:
        out.write("wang.li:$apr1$old$htpasswd\n")
    result = staff("list", str(path), "--lang", "en")
    assert result.returncode == 0 and result.stdout == "张伟\n" and "$" not in result.stdout
    assert result.stderr == f"{path}:2: unreadable line (expected NAME:$scrypt$…); nobody signs in with it\n"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_the_password_is_asked_twice_unseen(monkeypatch):
    answers = iter([PASSWORD, PASSWORD, PASSWORD, "something else"])
    prompts = []
    monkeypatch.setattr(command.sys, "stdin", Terminal())
    monkeypatch.setattr(command.getpass, "getpass", lambda prompt: prompts.append(prompt) or next(answers))
    assert command.read_password("张伟", "en") == PASSWORD
    assert prompts == ["New password for 张伟: ", "Once more: "]
    with pytest.raises(PasswordError, match="The two passwords differ"):
        command.read_password("张伟", "en")


def test_the_command_is_registered_beside_validate():
    parser = argparse.ArgumentParser()
    command.add_staff_command(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["staff", "list", "f", "--lang", "en"])
    assert (args.run, args.file, args.lang) == (command.run_list, Path("f"), "en")
