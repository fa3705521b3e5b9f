"""The staff's password file: one line per person, `NAME:$scrypt$ln=15,r=8,p=1$<salt>$<hash>`.

Why scrypt from hashlib: it is memory-hard (32 MiB and about 0.15 s a try at ln=15), so a stolen file or a brute
force over the sign-in form is slow, and the standard library has it: no new dependency. The cost is written on
each line, so a line keeps working when the default rises, and tests may write cheap lines.

Names: ASCII letters, digits, `.`, `_`, `-`, Chinese characters (CJK unified ideographs, extension A) and the
middle dot of transliterated names (`·`); 1–40 characters, starting with a letter, a digit or a Chinese
character (so a name is never read as an option, and never holds the `:` that ends it). Staff are Chinese, and
the name is the author of their saved edits, so 张伟 is a name; the sign-in server percent-encodes it in the
X-Kpi-User header (headers carry Latin-1 only).

Passwords are compared as NFC (one input method's é and another's are one password) and must be at least
MIN_LENGTH characters. The file is read on each check, but parsed again only when its stat changes, so a reset
or a removal counts at once in every process.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kpi.texts import CatalogueError

NAME = re.compile(r"[A-Za-z0-9\u3400-\u4dbf\u4e00-\u9fff][A-Za-z0-9._\-\u00b7\u3400-\u4dbf\u4e00-\u9fff]{0,39}")
MIN_LENGTH = 12
MAX_LENGTH = 1024  # longer input is refused unhashed: scrypt would only cost the server time
SALT_BYTES, HASH_BYTES = 16, 32
MAX_MEMORY = 256 * 2**20  # a line asking scrypt for more is not a password of ours
_HASH = re.compile(r"\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)")


@dataclass(frozen=True)
class Cost:
    """scrypt's parameters: N = 2**ln, block size r, parallelism p."""

    ln: int = 15
    r: int = 8
    p: int = 1

    def memory(self) -> int:
        """The bytes scrypt needs (128·r·N for its table, 128·r·p for its blocks), plus room for OpenSSL's own."""
        return 128 * self.r * (2**self.ln + self.p) + 2**20


DEFAULT_COST = Cost()


class PasswordError(CatalogueError, ValueError):
    """A new password or name that may not be used: a catalogue message, in either language."""


def valid_name(name: str) -> bool:
    """Whether `name` may stand in the file (see the module's docstring)."""
    return NAME.fullmatch(name) is not None


def check_new_password(password: str) -> None:
    """Refuse a password too short to resist guessing, or one that cannot be typed in the sign-in form."""
    if len(password) < MIN_LENGTH:
        raise PasswordError("staff_password_short", n=MIN_LENGTH)
    if len(password) > MAX_LENGTH or any(c in password for c in "\r\n\0"):
        raise PasswordError("staff_password_unusable", n=MAX_LENGTH)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))


def _scrypt(password: str, salt: bytes, cost: Cost) -> bytes:
    """The hash of the password as typed, NFC-normalised."""
    secret = unicodedata.normalize("NFC", password).encode("utf-8")
    return hashlib.scrypt(secret, salt=salt, n=2**cost.ln, r=cost.r, p=cost.p, maxmem=cost.memory(), dklen=HASH_BYTES)


def hash_password(password: str, cost: Cost = DEFAULT_COST) -> str:
    """`$scrypt$ln=15,r=8,p=1$<salt>$<hash>` with a new random salt (so a reset to the same password is a new line)."""
    salt = secrets.token_bytes(SALT_BYTES)
    return f"$scrypt$ln={cost.ln},r={cost.r},p={cost.p}${_b64(salt)}${_b64(_scrypt(password, salt, cost))}"


def parse_hash(encoded: str) -> tuple[Cost, bytes, bytes] | None:
    """The cost, salt and hash of a line's hash field; None for anything else, or a cost the server should not pay."""
    match = _HASH.fullmatch(encoded)
    if match is None:
        return None
    cost = Cost(*(int(part) for part in match.group(1, 2, 3)))
    if not (1 <= cost.ln <= 20 and cost.r >= 1 and cost.p >= 1) or cost.memory() > MAX_MEMORY:
        return None
    try:
        return cost, _unb64(match.group(4)), _unb64(match.group(5))
    except ValueError:
        return None


def password_matches(password: str, encoded: str) -> bool:
    """Whether the password gives this hash, compared in constant time."""
    parsed = parse_hash(encoded)
    if parsed is None or len(password) > MAX_LENGTH:
        return False
    cost, salt, expected = parsed
    return hmac.compare_digest(_scrypt(password, salt, cost), expected)


def fingerprint(name: str, encoded: str) -> str:
    """What a session remembers of its person's line: any reset (new salt) or removal changes or loses it."""
    return hashlib.sha256(f"{name}:{encoded}".encode()).hexdigest()[:32]


@dataclass(frozen=True)
class Listing:
    """The file as read: each person's hash field, the lines that are neither a person nor a comment, every line."""

    hashes: dict[str, str] = field(default_factory=dict)
    bad_lines: tuple[int, ...] = ()
    lines: tuple[str, ...] = ()


def parse_listing(text: str) -> Listing:
    """Read the file's text; blank lines and `#` comments are kept, a malformed line is noted by its number."""
    hashes: dict[str, str] = {}
    bad: list[int] = []
    lines = tuple(text.splitlines())
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, _, encoded = line.partition(":")
        if valid_name(name) and parse_hash(encoded) is not None and name not in hashes:
            hashes[name] = encoded
        else:
            bad.append(number)
    return Listing(hashes, tuple(bad), lines)


class PasswordFile:
    """The password file at `path`: checked on each sign-in, reparsed only when it changed, written atomically."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._cached: tuple[tuple[int, int, int] | None, Listing] = (None, Listing())

    def read(self) -> Listing:
        """The current listing; a missing file lists nobody (no one can sign in, nothing breaks)."""
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return Listing()
        key = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        stamp, listing = self._cached
        if stamp != key:
            listing = parse_listing(self.path.read_text(encoding="utf-8", errors="replace"))
            self._cached = (key, listing)  # one assignment: threads see the old pair or the new one
        return listing

    def fingerprint(self, name: str) -> str | None:
        """The fingerprint of `name`'s line now, or None when the name is not in the file."""
        encoded = self.read().hashes.get(name)
        return None if encoded is None else fingerprint(name, encoded)

    def check(self, name: str, password: str) -> str | None:
        """The line's fingerprint when the password is right, else None.

        Why a dummy hash for an unknown name: the answer then takes as long as for a wrong password, so the
        time of a refusal does not tell which names exist. The dummy costs what the file's first line costs."""
        if len(password) > MAX_LENGTH:  # refused unhashed, whoever is named
            return None
        hashes = self.read().hashes
        encoded = hashes.get(name)
        if encoded is None:
            cost = next((parsed[0] for parsed in map(parse_hash, hashes.values()) if parsed), DEFAULT_COST)
            _scrypt(password, b"\0" * SALT_BYTES, cost)
            return None
        return fingerprint(name, encoded) if password_matches(password, encoded) else None

    def set(self, name: str, password: str, cost: Cost = DEFAULT_COST) -> bool:
        """Add `name` or reset their password (every other line kept as it is); True when it was a reset."""
        if not valid_name(name):
            raise PasswordError("staff_bad_name", name=name)
        check_new_password(password)
        line = f"{name}:{hash_password(password, cost)}"
        lines = list(self._fresh_lines())
        found = [i for i, old in enumerate(lines) if old.partition(":")[0] == name]
        for i in found:
            lines[i] = line
        self._write(lines if found else [*lines, line])
        return bool(found)

    def remove(self, name: str) -> bool:
        """Remove `name`'s line; False when they were not in the file (nothing written)."""
        lines = self._fresh_lines()
        kept = [line for line in lines if line.partition(":")[0] != name]
        if len(kept) == len(lines):
            return False
        self._write(kept)
        return True

    def _fresh_lines(self) -> tuple[str, ...]:
        """The file's lines as they are now (not the cache: a write starts from the disk)."""
        try:
            return tuple(self.path.read_text(encoding="utf-8").splitlines())
        except FileNotFoundError:
            return ()

    def _write(self, lines: list[str]) -> None:
        """Replace the file in one step: a reader sees the old file or the new one, never half of it; mode 0600."""
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write("".join(f"{line}\n" for line in lines))
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temporary, 0o600)
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
