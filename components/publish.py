"""The public pages as static files: every public view, in both languages, written from the same views Streamlit shows.

    python -m components.publish [--site DIR] [--base-url URL]          once, by hand (e.g. to copy to a CDN)
    python -m components.publish --watch [--site DIR] [--base-url URL]  again on every good edit and every new day

Why static files: most of the public opens a shared link on a phone on a slow network; nginx answers it from a file
(components/views/routes.py says which addresses), before any script, also while Streamlit restarts.

Which data: the app's (kpi/data/good.py decides for both). The files are read once, as one snapshot (their bytes,
the stamp before and after, the digest that is their version), and parsed from those bytes. Their own data is
written when it validates, no page has raised with it, and it does not drop a large share of the public items
(unless staff confirmed that version on the data-check page); else the last good copy (kpi/data/snapshot.py) is.
Every page is drawn before anything is written: if one raises with the files' data, that version is marked broken
on disk for every process, as a page raising in Streamlit would, and the site is written from the last good copy
instead. Why again each day: a target's status depends on the date it is judged on, and each page says that date.

Watching (`--watch`): each pass (every half second) polls the files (kpi/data/reading.py `Settling`) and writes
from a version only once it has stayed the same for a second, read twice that far apart (five seconds when it
drops public items: kpi/data/good.py): a file saved in place (an SFTP upload, an editor that truncates then
writes) is not written halfway. The version written is the one
read before loading, so a save that lands while the pages are being written is seen on the next pass and written
in turn: the loop ends only with a write from files that did not change since. Each pass refreshes status.json's
`heartbeat`, also when nothing is written.

Layout of DIR (default .state/site): builds/<date>-<version>/… the pages (each with a .gz beside it, for nginx's
gzip_static), current → builds/… (switched in one step: a reader sees the old site or the new, never half),
status.json (what was written, from which data, what the files' version is and why the pages are behind it, what
is held back, and the heartbeat: for the data-check page).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import logging
import os
import shutil
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape as xml_escape

from PIL import Image as PillowImage

from components import link_preview
from components.open_data import data_files
from components.views.document import FAVICON as FAVICON_NAME
from components.views.document import Address, Image, document
from components.views.missing import not_found_page
from components.views.page import Viewer
from components.views.routes import public_view, static_pages, viewer
from kpi.data import good
from kpi.data.dataset import Dataset
from kpi.data.files import REPO_ROOT, data_dir
from kpi.data.reading import Contents, Settling
from kpi.data.snapshot import last_good_version, load_copy, point
from kpi.edit import history
from kpi.site import ASSETS, NOT_FOUND_KINDS, STAFF_PATHS, address, not_found_file, page_file
from kpi.texts import LANGS, t, text

LOG = logging.getLogger(__name__)
SITE_ENV, BASE_URL_ENV = "KPI_SITE_DIR", "KPI_PUBLIC_URL"
CURRENT, BUILDS, STATUS = "current", "builds", "status.json"
FAVICON = Path(__file__).with_name(FAVICON_NAME)
KEEP_BUILDS = 2  # the current site and the one before it (a reader may still be reading it)


def site_dir() -> Path:
    """$KPI_SITE_DIR when set, else .state/site in the repository (ignored by git)."""
    return Path(os.environ.get(SITE_ENV) or REPO_ROOT / ".state" / "site")


__all__ = ["page_file", "publish", "write_site"]  # page_file: kpi/site.py's, where nginx's maps read it too


def hashed_name(source: Path) -> str:
    """`plots.3f2a9c01b7d4.js`: the name a script or image is written under, which changes with its content, so
    nginx and a CDN may keep it for a year (`immutable`) and a new build is never served an old copy."""
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:12]
    stem, dot, suffix = source.name.partition(".")
    return f"{stem}.{digest}{dot}{suffix}"


def static_assets() -> dict[Path, str]:
    """Each script and image every build carries, and the content-hashed name it is written under."""
    return {source: hashed_name(source) for source in (FAVICON,)}


PageFile = tuple[
    str, "str | bytes"
]  # a file of the site, by its name under the build: a page's text, a download's bytes


def pages(
    dataset: Dataset, today: date, base: str, assets: dict[str, str] | None = None, previous: Path | None = None
) -> Iterator[PageFile]:
    """(file name, content) of every static page, not-found page, download, preview image and the whole data (/data/),
    drawn as the public sees them today; `assets`: the names the images are written under; an image the last build has, in `previous`, is
    copied (components/link_preview.py)."""
    downloads: dict[str, Callable[[], bytes]] = {}
    previews: dict[str, link_preview.Preview] = {}
    drawing = link_preview.fonts_installed()
    report = dataset.vintage.report
    published = report.published.isoformat()
    source = {lang: f"{text(report.title, lang)} · {t('published_on', lang, date=published)}" for lang in LANGS}
    if not drawing:
        LOG.warning("no preview images: the CJK fonts are missing (apt-get install fonts-noto-cjk)")
    for path, params in static_pages(dataset, today):
        view = public_view(dataset, path)
        for lang in LANGS:
            page = view.render(dataset, viewer(lang, params, today), params)
            if page.found:
                preview = link_preview.preview_of(page, lang, source[lang]) if drawing else None
                image = Image(f"{link_preview.FOLDER}/{preview.file_name}", preview.alt) if preview else None
                known = Address(path, view.canonical(dataset, params))
                yield page_file(path, lang, params), document(dataset, page, known, lang, today, base, assets, image)
                downloads.update({d.file_name: d.build for d in page.downloads})
                previews.update({preview.file_name: preview} if preview else {})
    for kind in NOT_FOUND_KINDS:
        for lang in LANGS:
            page = not_found_page(Viewer(lang, today), kind)
            yield not_found_file(kind, lang), document(dataset, page, None, lang, today, base, assets)
    for name, build in downloads.items():
        yield f"{ASSETS}/{name}", build()
    for name, preview in previews.items():
        yield f"{ASSETS}/{link_preview.FOLDER}/{name}", link_preview.image_bytes(preview, previous)
    yield from data_files(dataset, today, base, assets)  # /data/: the whole data, as of the same day


def sitemap(dataset: Dataset, today: date, base: str) -> str:
    """sitemap.xml: every public page in both languages at its public address, each with its language versions and
    the day it was written (each page says the date its targets are judged on, so each is new every day). A former
    id's page is left out: it names its item's address now."""
    urls = []
    for path, params in static_pages(dataset, today):
        if public_view(dataset, path).canonical(dataset, params) != params:
            continue
        versions = "".join(
            f'<xhtml:link rel="alternate" hreflang="{tag}" href="{xml_escape(address(path, {**params, "lang": lang}, base))}"/>'
            for lang, tag in (("zh", "zh-CN"), ("en", "en"), ("zh", "x-default"))
        )
        for lang in LANGS:
            loc = xml_escape(address(path, {**params, "lang": lang}, base))
            urls.append(f"<url><loc>{loc}</loc><lastmod>{today.isoformat()}</lastmod>{versions}</url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' + "\n".join(urls) + "\n</urlset>\n"
    )


def robots(base: str) -> str:
    """robots.txt: the sitemap's address; the staff's pages, Streamlit's own paths and the interactive queries (search,
    meeting mode) kept out: they are Streamlit's, built for a person, and each costs a process's time."""
    root = urlsplit(base).path.rstrip("/")
    kept_out = [*(f"/{path}" for path in sorted(STAFF_PATHS)), "/staff/", "/_stcore/", "/static/", "/media/"]
    kept_out += [f"/*{sep}{name}=" for name in ("q", "mode", "rotate") for sep in "?&"]
    lines = ["User-agent: *", *(f"Disallow: {root}{path}" for path in kept_out), "", f"Sitemap: {base}/sitemap.xml"]
    return "\n".join(lines) + "\n"


def favicon_ico() -> bytes:
    """favicon.ico, from the tab's PNG: what a browser and a crawler ask for at /favicon.ico, whatever the page says."""
    out = io.BytesIO()
    PillowImage.open(FAVICON).save(out, format="ICO", sizes=[(16, 16), (32, 32), (48, 48)])
    return out.getvalue()


def write_site(dataset: Dataset, folder: Path, today: date, base: str) -> int:
    """Draw every page first (nothing is written if one raises), then write them, each compressed beside itself, with
    the images under content-hashed names, robots.txt, sitemap.xml and favicon.ico. The preview images the current
    build beside `folder` has are copied, not drawn."""
    assets = static_assets()
    previous = folder.parent.parent / CURRENT / ASSETS / link_preview.FOLDER  # site/current, from site/builds/…
    drawn = list(pages(dataset, today, base, {source.name: name for source, name in assets.items()}, previous))
    drawn += [
        ("robots.txt", robots(base)),
        ("sitemap.xml", sitemap(dataset, today, base)),
        ("favicon.ico", favicon_ico()),
    ]
    drawn += [(f"{ASSETS}/{name}", source.read_bytes()) for source, name in assets.items()]
    for name, content in drawn:
        raw = content.encode("utf-8") if isinstance(content, str) else content
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(raw)
        if not name.endswith((".png", ".ico")):  # already compressed
            target.with_name(target.name + ".gz").write_bytes(gzip.compress(raw, 9, mtime=0))
    return len(drawn)


SETTLING, FAILED = (
    "settling",
    "failed",
)  # behind, besides kpi/data/good.py's reasons: not settled yet; nothing could be written
EVERY_S = 0.5  # a pass of the watcher


@dataclass(frozen=True)
class Status:
    """What the last attempt wrote, from which data, and, beside it, the files' own version and why the pages are
    behind it (for the data-check page, and for whoever watches the publisher: `heartbeat`)."""

    written: str  # when (ISO, with its zone); "" when nothing could be written
    date: str  # the date the pages judge progress on
    version: str  # of the data the pages show
    fresh: bool  # the files' own data, not the last good copy
    files: int
    error: str = ""  # why the files' own data is not shown (a page raised with it, it fails validation, it is held)
    base: str = ""  # the public address its links are written for
    files_version: str = ""  # the files' version as last read (kpi/data/reading.py): the pages are current when equal
    behind: str = (
        ""  # why the pages do not show the files' version: "" (they do), settling, invalid, unsteady, broken, held
    )
    held: dict | None = None  # the files' version held back: {"version", "dropped", "total"} (kpi/data/good.py Held)
    heartbeat: str = (
        ""  # the publisher's last pass (ISO, with its zone): refreshed every pass, even when nothing changes
    )


@dataclass(frozen=True)
class Candidate:
    """Data the site may be written from."""

    dataset: Dataset
    version: str
    fresh: bool


def candidates(directory: Path, choice: good.Choice, saved: Callable[[str], Dataset | None]) -> list[Candidate]:
    """The chosen data, then (when that is the files' own) the last good copy, should a page raise with the files'."""
    found = (
        [Candidate(choice.dataset, choice.version, choice.fresh)]
        if choice.dataset is not None and choice.version is not None  # data chosen has a version
        else []
    )
    last = last_good_version(directory)
    if choice.fresh and last and last != choice.version:
        copy = saved(last)
        if copy is not None:
            found.append(Candidate(copy, last, False))
    return found


def reason(choice: good.Choice) -> str:
    """Why the files' own data is not written, for staff (the data-check page says it in their language)."""
    if choice.why == good.INVALID:
        return f"{len(choice.reading.errors)} data error(s): python -m kpi validate"
    if choice.why == good.BROKEN:
        return "a page raised with these files (see the data-check page)"
    if choice.why == good.HELD and choice.held:
        return f"held back: it would drop {choice.held.dropped} of {choice.held.total} items (confirm it on the data-check page)"
    return "the files kept changing while they were read" if choice.why == good.UNSTEADY else ""


def publish(
    directory: Path,
    site: Path,
    today: date,
    base: str = "",
    reading: good.Reading | None = None,
    saved: Callable[[str], Dataset | None] | None = None,
) -> Status:
    """Write the site from the data kpi/data/good.py chooses (see the module's docstring) and switch to it in one step;
    nothing is rewritten when the site already shows that data as of that day. `reading`: the files as read (read
    now when not given); `saved(version)`: a last good copy, loaded (the watcher keeps the one it compares with)."""
    reading = reading or good.read(directory)
    saved = saved or (lambda version: load_copy(directory, version))
    choice = good.choose(directory, reading, saved)
    why, behind, shown = reason(choice), choice.why, read_status(site)
    for candidate in candidates(directory, choice, saved):
        if (
            shown
            and shown.written
            and (shown.version, shown.date, shown.base) == (candidate.version, today.isoformat(), base)
            and (site / CURRENT).exists()
        ):
            status = replace(shown, fresh=candidate.fresh, error="" if candidate.fresh else why)
            break
        build = site / BUILDS / f"{today.isoformat()}-{candidate.version[:16]}-{uuid.uuid4().hex[:8]}"
        build.mkdir(parents=True)
        try:
            count = write_site(candidate.dataset, build, today, base)
        except Exception as exc:  # noqa: BLE001 — a page that raises must never stop the public pages
            shutil.rmtree(build, ignore_errors=True)
            LOG.error("static pages not written from data version %s", candidate.version, exc_info=exc)
            why = f"{type(exc).__name__}: {exc}"[:500]
            if candidate.fresh:
                good.mark_broken(
                    directory, candidate.version
                )  # as a page raising in Streamlit would: for every process
                behind = good.BROKEN
            continue
        point(site, CURRENT, f"{BUILDS}/{build.name}")
        _prune(site / BUILDS, keep=build.name)
        if candidate.fresh:
            good.remember(directory, reading)
        status = Status(
            _now(), today.isoformat(), candidate.version, candidate.fresh, count, "" if candidate.fresh else why, base
        )
        break
    else:
        status = Status("", today.isoformat(), "", False, 0, why or "no data", base)
        behind = behind or FAILED
    status = replace(
        status,
        files_version=reading.version,
        behind="" if status.version == reading.version else behind,
        held=asdict(choice.held) if choice.held else None,
        heartbeat=_now(),
    )
    write_status(site, status)
    return status


def _now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def write_status(site: Path, status: Status) -> None:
    """status.json, replaced in one step: the data-check page never reads half of it."""
    site.mkdir(parents=True, exist_ok=True)
    staging = site / f".{STATUS}.{uuid.uuid4().hex}"
    staging.write_text(json.dumps(asdict(status), ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(staging, site / STATUS)


def _prune(builds: Path, keep: str) -> None:
    """Remove all but the newest builds (a reader of the one before may still be on it)."""
    older = sorted((b for b in builds.iterdir() if b.name != keep), key=lambda b: b.stat().st_mtime, reverse=True)
    for old in older[KEEP_BUILDS - 1 :]:
        shutil.rmtree(old, ignore_errors=True)


def read_status(site: Path) -> Status | None:
    """What the publisher last did, for the data-check page; None before its first run."""
    try:
        return Status(**json.loads((site / STATUS).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


@dataclass
class Watcher:
    """The publisher's loop, one pass at a time (`tick`): poll the files, write when a new version has settled (or the
    marks on disk or the date changed), and refresh the heartbeat."""

    directory: Path
    site: Path
    base: str = ""
    settling: Settling = field(default_factory=Settling)
    now: Callable[[], datetime] = lambda: datetime.now().astimezone()
    written: tuple | None = None  # (files' version, marks on disk, date) of the last publish
    status: Status | None = None
    copies: dict[str, Dataset | None] = field(default_factory=dict)  # last good copies loaded, by version (the newest)
    parsed: good.Reading | None = None  # the files as last parsed
    # Commit what changed outside the editing page (by hand on the server, `kpi apply`) to the data's history once it is
    # published from the files, as the server (kpi/edit/history.py): the deploy's publisher does, a one-off run not.
    history: bool = False

    def tick(self, today: date) -> Status:
        """One pass; the status as status.json now says it."""
        contents, settled = self.settling.poll(self.directory)
        settled = settled and not self._removal_too_young(contents)
        if settled and self._key(contents, today) != self.written:
            self.status = publish(self.directory, self.site, today, self.base, self._parse(contents), self._saved)
            self.written = self._key(contents, today)  # after: publishing may have saved the last good copy
            self.settling.doubt()  # a save during the writing is found at the next pass, even one that kept the stamp
            LOG.info(
                "static pages: %s files from %s (%s)%s",
                self.status.files,
                self.status.version[:12] or "nothing",
                "the files" if self.status.fresh else "the last good copy",
                f"; {self.status.error}" if self.status.error else "",
            )
            if self.history and self.status.fresh:
                self._record()
        return self._beat(contents, settled)

    def _record(self) -> None:
        """Outside changes into the history; a history that cannot be written is logged, never stops the pages."""
        try:
            commit = history.record_outside_changes(self.directory)
        except (history.GitError, OSError) as exc:
            LOG.warning("outside changes not recorded in the history: %s", exc)
            return
        if commit:
            LOG.info("outside changes recorded in the history as %s", commit[:7])

    def _parse(self, contents: Contents) -> good.Reading:
        """The files parsed, once per version (each pass asks while a removal waits)."""
        if self.parsed is None or self.parsed.version != contents.digest:
            self.parsed = good.parse(contents)
        return self.parsed

    def _removal_too_young(self, contents: Contents) -> bool:
        """Files that drop public items wait REMOVAL_QUIET_S unchanged (kpi/data/good.py: a file cut short looks alike)."""
        if self.settling.age() >= good.REMOVAL_QUIET_S:
            return False
        found = good.compared(self.directory, self._parse(contents), self._saved)
        return bool(found and found[0])

    def _saved(self, version: str) -> Dataset | None:
        """A last good copy, loaded once: each new version of the files is compared with the same one."""
        if version not in self.copies:
            self.copies = {version: load_copy(self.directory, version)}
        return self.copies[version]

    def _key(self, contents: Contents, today: date) -> tuple:
        return contents.digest, good.marks(self.directory, contents.digest), today

    def _beat(self, contents: Contents, settled: bool) -> Status:
        """status.json with this pass's heartbeat, and, while the files settle, their version and why the pages wait."""
        status = self.status or read_status(self.site) or Status("", "", "", False, 0)
        if not settled:
            current = status.version == contents.digest
            status = replace(status, files_version=contents.digest, behind="" if current else SETTLING, held=None)
        self.status = replace(status, heartbeat=self.now().isoformat(timespec="seconds"))
        write_status(self.site, self.status)
        return self.status


def watch(directory: Path, site: Path, base: str, every: float = EVERY_S) -> None:
    """Publish now, then again whenever the files settle on a new version, the marks on disk (last good copy, broken,
    confirmed) or the date change; refresh the heartbeat every pass."""
    try:  # the deploy creates the data's history when missing, with the files as they are
        history.ensure_repository(directory)
    except (history.GitError, OSError) as exc:
        LOG.warning("the data's history could not be created: %s", exc)
    watcher = Watcher(directory, site, base, history=True)
    while True:
        watcher.tick(date.today())
        time.sleep(every)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m components.publish", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--site", type=Path, default=None, help="the folder to write (default: $KPI_SITE_DIR or .state/site)"
    )
    parser.add_argument(
        "--base-url",
        default=os.environ.get(BASE_URL_ENV, ""),
        help="the site's public address, for canonical links (default: $KPI_PUBLIC_URL)",
    )
    parser.add_argument(
        "--watch", action="store_true", help="keep running: publish again on every change and every new day"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s publish: %(message)s")
    site = (args.site or site_dir()).resolve()
    site.mkdir(parents=True, exist_ok=True)
    if args.watch:
        watch(data_dir(), site, args.base_url)
    status = publish(data_dir(), site, date.today(), args.base_url)
    print(f"{status.files} files in {site / CURRENT}" + (f" ({status.error})" if status.error else ""))
    return 0 if status.written else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
