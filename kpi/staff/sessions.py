"""Signed-in staff: one session per sign-in, signed, kept server-side, and ended by sign-out, idleness, age, or a
new password.

Why server-side (sqlite in the sessions directory) and not a signed cookie alone: a sign-out, a reset password or
a removed person must end a session at once, in the sign-in server and in every Streamlit process, which all open
the same database. Why signed as well: a cookie that was not made here is refused without touching the database.

- The cookie is `<token>.<mac>`: 32 random bytes, and their HMAC-SHA256 under the key file in the directory
  (created once, mode 0600, by a hard link so two processes starting at once end up with the same key).
- The database keeps only sha256(token): a copy of it signs nobody in.
- Idle expiry IDLE_S (a working day), absolute ABSOLUTE_S (a week); last-seen is written at most once per TOUCH_S,
  so a page's requests cost reads, not writes. Expired rows are deleted about once per SWEEP_S.
- A session remembers the fingerprint of its person's line in the password file (passwords.fingerprint): a reset
  or a removal changes it, and the session is refused from then on.

Time comes from `now` (seconds, like time.time), so tests move the clock instead of sleeping.

Who is signed in travels from the sign-in server to the app in the X-Kpi-User header (nginx copies it from the
server's answer to its auth_request): the name percent-encoded as UTF-8, since a header carries Latin-1 only
(`wang.li` stays `wang.li`, 张伟 is `%E5%BC%A0%E4%BC%9F`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import closing, contextmanager
from pathlib import Path
from urllib.parse import quote, unquote

from kpi.staff.passwords import PasswordFile, valid_name

COOKIE = "kpi_session"
USER_HEADER = "X-Kpi-User"
STAFF_FILE_ENV, SESSIONS_DIR_ENV = "KPI_STAFF_FILE", "KPI_SESSIONS_DIR"
IDLE_S = 8 * 3600
ABSOLUTE_S = 7 * 24 * 3600
TOUCH_S = 60
SWEEP_S = 3600
BUSY_S = 5.0  # how long a process waits for another's write before giving up
DATABASE, KEY_FILE = "sessions.sqlite3", "session.key"
KEY_BYTES = 32
MAX_COOKIE = 200  # a real cookie is 87 characters; anything longer is not ours

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    token_sha256 TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    created REAL NOT NULL,
    seen REAL NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sessions_by_seen ON sessions (seen);
"""


class Sessions:
    """The sessions kept in `directory`, for the people of `password_file`."""

    def __init__(self, directory: Path, password_file: Path, now: Callable[[], float] = time.time):
        self.directory = Path(directory)
        self.passwords = PasswordFile(password_file)
        self.now = now
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._key = load_key(self.directory / KEY_FILE)
        self._swept = float("-inf")
        _create_database(self.directory / DATABASE)

    def start(self, name: str, password: str) -> str | None:
        """A new session's cookie value for the right name and password; None otherwise (the same time either way)."""
        fingerprint = self.passwords.check(name, password)
        if fingerprint is None:
            return None
        token, now = secrets.token_urlsafe(KEY_BYTES), self.now()
        with self._database() as db:
            db.execute("INSERT INTO sessions VALUES (?, ?, ?, ?, ?)", (_digest(token), name, fingerprint, now, now))
            self._sweep(db, now)
        return f"{token}.{self._sign(token)}"

    def verify(self, cookie: str | None) -> str | None:
        """The name of the cookie's signed-in person, or None; a session found expired or revoked is deleted."""
        token = self._token(cookie)
        if token is None:
            return None
        now = self.now()
        with self._database() as db:
            row = db.execute(
                "SELECT name, fingerprint, created, seen FROM sessions WHERE token_sha256 = ?", (_digest(token),)
            ).fetchone()
            if row is None:
                return None
            name, fingerprint, created, seen = row
            if not self._alive(name, fingerprint, created, seen, now):
                db.execute("DELETE FROM sessions WHERE token_sha256 = ?", (_digest(token),))
                return None
            if now - seen >= TOUCH_S:
                db.execute("UPDATE sessions SET seen = ? WHERE token_sha256 = ?", (now, _digest(token)))
            self._sweep(db, now)
        return name

    def end(self, cookie: str | None) -> None:
        """End the cookie's session (sign-out); a cookie that is not ours, or already ended, is fine."""
        token = self._token(cookie)
        if token is not None:
            with self._database() as db:
                db.execute("DELETE FROM sessions WHERE token_sha256 = ?", (_digest(token),))

    def _alive(self, name: str, fingerprint: str, created: float, seen: float, now: float) -> bool:
        """Not idle too long, not too old, and the person's password line is the one they signed in with."""
        fresh = now - seen < IDLE_S and now - created < ABSOLUTE_S
        return fresh and self.passwords.fingerprint(name) == fingerprint

    def _sweep(self, db: sqlite3.Connection, now: float) -> None:
        """Delete expired rows, at most once per SWEEP_S in this process (revoked ones go when next presented)."""
        if now - self._swept >= SWEEP_S:
            self._swept = now
            db.execute("DELETE FROM sessions WHERE seen <= ? OR created <= ?", (now - IDLE_S, now - ABSOLUTE_S))

    def _sign(self, token: str) -> str:
        mac = hmac.new(self._key, token.encode("ascii"), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(mac).decode("ascii").rstrip("=")

    def _token(self, cookie: str | None) -> str | None:
        """The token of a cookie this directory's key signed; None for anything else."""
        if not cookie or len(cookie) > MAX_COOKIE or not cookie.isascii():
            return None
        token, dot, mac = cookie.rpartition(".")
        return token if dot and token and hmac.compare_digest(mac, self._sign(token)) else None

    @contextmanager
    def _database(self) -> Iterator[sqlite3.Connection]:
        """A connection for one operation, in autocommit: cheap to open, safe in any thread or forked process."""
        with closing(sqlite3.connect(self.directory / DATABASE, timeout=BUSY_S, isolation_level=None)) as db:
            db.execute("PRAGMA synchronous = NORMAL")  # with WAL: safe from corruption, one fsync per checkpoint
            yield db


def sessions_from_environment(environ: Mapping[str, str]) -> Sessions | None:
    """The sessions the deploy configured (KPI_SESSIONS_DIR, KPI_STAFF_FILE), or None when either is not set."""
    directory, password_file = environ.get(SESSIONS_DIR_ENV), environ.get(STAFF_FILE_ENV)
    return Sessions(Path(directory), Path(password_file)) if directory and password_file else None


def user_header(name: str) -> str:
    """The X-Kpi-User value for a name: percent-encoded UTF-8 (ASCII names as they are)."""
    return quote(name, safe="")


def user_from_header(value: str | None) -> str | None:
    """The name an X-Kpi-User value carries; None when empty or not a name the password file could hold."""
    try:
        name = unquote(value or "", errors="strict")
    except UnicodeDecodeError:
        return None
    return name if valid_name(name) else None


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def load_key(path: Path) -> bytes:
    """The signing key, made on first use: written to a temporary file (0600), then hard-linked into place.

    Why a link: it fails when the key exists, so of two processes starting at once one key wins and both read it;
    a reader never sees a half-written key."""
    if not path.exists():
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(secrets.token_bytes(KEY_BYTES))
                out.flush()
                os.fsync(out.fileno())
            try:
                os.link(temporary, path)
            except FileExistsError:
                pass
        finally:
            os.unlink(temporary)
    key = path.read_bytes()
    if len(key) != KEY_BYTES:
        raise ValueError(f"{path}: not a session key ({len(key)} bytes, {KEY_BYTES} expected)")
    return key


def _create_database(path: Path) -> None:
    """The file with mode 0600 (sqlite gives its -wal and -shm files the same), in WAL mode, with its table."""
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    with closing(sqlite3.connect(path, timeout=BUSY_S, isolation_level=None)) as db:
        db.execute("PRAGMA journal_mode = WAL")  # readers never wait for a writer; kept in the file once set
        db.executescript(SCHEMA)
