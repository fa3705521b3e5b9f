"""The password file (kpi/staff/passwords.py): hashes that round-trip, names that cannot be probed, atomic writes."""

from __future__ import annotations

import hashlib
import re
import stat
import unicodedata

import pytest

from kpi.staff import passwords
from kpi.staff.passwords import (
    DEFAULT_COST,
    MIN_LENGTH,
    Cost,
    PasswordError,
    PasswordFile,
    check_new_password,
    hash_password,
    parse_hash,
    parse_listing,
    password_matches,
    valid_name,
)

CHEAP = Cost(ln=4)  # the shipped default stays ln=15 (see test_the_shipped_cost_is_scrypt_ln_15)
PASSWORD = "东明路 correct horse"


@pytest.fixture
def file(tmp_path) -> PasswordFile:
    path = tmp_path / "staff.passwords"
    path.write_text("# staff of the subdistrict office\n", encoding="utf-8")
    found = PasswordFile(path)
    found.set("wang.li", "wang's long password", CHEAP)
    found.set("张伟", PASSWORD, CHEAP)
    return found


def test_the_shipped_cost_is_scrypt_ln_15_and_the_line_has_its_documented_shape():
    assert DEFAULT_COST == Cost(ln=15, r=8, p=1)
    encoded = hash_password(PASSWORD)
    assert re.fullmatch(r"\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}", encoded)
    assert password_matches(PASSWORD, encoded)


@pytest.mark.parametrize(
    "password", [PASSWORD, "x" * MIN_LENGTH, "密码密码密码密码密码密码", "with spaces and: colons $"]
)
def test_a_hash_round_trips_and_refuses_any_other_password(password):
    encoded = hash_password(password, CHEAP)
    assert password_matches(password, encoded)
    assert not password_matches(password + "!", encoded) and not password_matches(password[:-1], encoded)


def test_each_hash_has_its_own_salt():
    assert hash_password(PASSWORD, CHEAP) != hash_password(PASSWORD, CHEAP)


def test_a_password_typed_composed_or_decomposed_is_one_password():
    encoded = hash_password("café au lait 咖啡", CHEAP)
    assert password_matches(unicodedata.normalize("NFD", "café au lait 咖啡"), encoded)


@pytest.mark.parametrize(
    "encoded",
    [
        "",
        "plain",
        "$apr1$abc$def",
        "$scrypt$ln=4,r=8,p=1$!!$AAAA",
        "$scrypt$ln=4,r=8,p=1$AAAA",
        "$scrypt$ln=25,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAA",  # 4 GiB a try: not a line of ours
        "$scrypt$ln=0,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAA",
    ],
)
def test_what_is_not_a_usable_hash_matches_nothing(encoded):
    assert parse_hash(encoded) is None and not password_matches(PASSWORD, encoded)


@pytest.mark.parametrize(
    ("name", "valid"),
    [
        ("wang.li", True),
        ("Li_Na-2", True),
        ("张伟", True),
        ("欧阳·娜娜", True),
        ("a", True),
        ("x" * 40, True),
        ("", False),
        ("x" * 41, False),
        ("-rf", False),
        (".hidden", False),
        ("wang li", False),
        ("a:b", False),
        ("a\nb", False),
        ("wang@example.org", False),
        ("Ωmega", False),
    ],
)
def test_names_the_file_can_hold(name, valid):
    assert valid_name(name) is valid


def test_a_short_password_is_refused_in_both_languages():
    with pytest.raises(PasswordError) as refused:
        check_new_password("x" * (MIN_LENGTH - 1))
    assert refused.value.text("zh") == "密码至少需要 12 个字符；未作任何改动。"
    assert refused.value.text("en") == "A password needs at least 12 characters; nothing was changed."


@pytest.mark.parametrize("password", ["a long password\nwith a break", "x" * 1025])
def test_a_password_the_form_cannot_send_is_refused(password):
    with pytest.raises(PasswordError, match="line break"):
        check_new_password(password)


def test_the_right_password_gives_the_lines_fingerprint_and_any_other_none(file):
    assert file.check("张伟", PASSWORD) == file.fingerprint("张伟")
    assert file.check("张伟", PASSWORD + " ") is None
    assert file.check("wang.li", PASSWORD) is None  # another person's password
    assert file.check("nobody", PASSWORD) is None
    assert file.check("张伟", "x" * 5000) is None


def test_a_wrong_name_costs_the_same_scrypt_as_a_wrong_password(file, monkeypatch):
    costs = []
    real = hashlib.scrypt

    def counted(*args, **kwargs):
        costs.append((kwargs["n"], kwargs["r"], kwargs["p"]))
        return real(*args, **kwargs)

    monkeypatch.setattr(passwords.hashlib, "scrypt", counted)
    file.check("张伟", "a wrong password")
    file.check("nobody at all", "a wrong password")
    assert costs == [(2**CHEAP.ln, CHEAP.r, CHEAP.p)] * 2


def test_a_reset_changes_the_hash_and_the_fingerprint_and_keeps_every_other_line(file):
    before = file.path.read_text(encoding="utf-8")
    fingerprint = file.fingerprint("张伟")
    assert file.set("张伟", PASSWORD, CHEAP) is True  # the same password: a new salt, so a new line
    after = file.path.read_text(encoding="utf-8").splitlines()
    assert after[0] == "# staff of the subdistrict office" and after[1] == before.splitlines()[1]
    assert after[2] != before.splitlines()[2] and len(after) == 3
    assert file.fingerprint("张伟") not in (None, fingerprint)


def test_adding_appends_and_removing_deletes_only_that_line(file):
    assert file.set("li.na", "li na's long password", CHEAP) is False
    assert list(file.read().hashes) == ["wang.li", "张伟", "li.na"]
    assert file.remove("wang.li") is True and file.remove("wang.li") is False
    assert list(file.read().hashes) == ["张伟", "li.na"] and file.fingerprint("wang.li") is None


def test_the_file_is_written_atomically_with_mode_0600(file):
    file.path.chmod(0o644)
    file.set("张伟", PASSWORD, CHEAP)
    assert stat.S_IMODE(file.path.stat().st_mode) == 0o600
    assert [p.name for p in file.path.parent.iterdir()] == [file.path.name]  # no temporary file left


def test_a_change_by_another_process_counts_at_the_next_check(file):
    other = PasswordFile(file.path)
    assert other.check("张伟", PASSWORD)
    file.set("张伟", "a brand new long password", CHEAP)
    assert other.check("张伟", PASSWORD) is None and other.check("张伟", "a brand new long password")


def test_an_unchanged_file_is_parsed_once(file, monkeypatch):
    file.read()
    parsed = []
    monkeypatch.setattr(passwords, "parse_listing", lambda text: parsed.append(text) or parse_listing(text))
    file.read()
    file.check("张伟", PASSWORD)
    assert parsed == []


def test_malformed_lines_are_listed_by_number_and_let_nobody_in(tmp_path):
    listing = parse_listing("# comment\n\nwang.li:$apr1$x$y\nno colon\n张伟:" + hash_password(PASSWORD, CHEAP) + "\n")
    assert list(listing.hashes) == ["张伟"] and listing.bad_lines == (3, 4)


def test_a_missing_file_lists_nobody(tmp_path):
    missing = PasswordFile(tmp_path / "none")
    assert missing.read().hashes == {} and missing.check("张伟", PASSWORD) is None


def test_a_bad_name_is_never_written(file):
    with pytest.raises(PasswordError):
        file.set("a:b", PASSWORD, CHEAP)
    assert "a:b" not in file.path.read_text(encoding="utf-8")
