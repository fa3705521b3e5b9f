"""The public pages as static files: every public view, in both languages, written from the same views Streamlit shows.

    python -m components.publish [--site DIR] [--base-url URL]          once, by hand (e.g. to copy to a CDN)
    python -m components.publish --watch [--site DIR] [--base-url URL]  again on every good edit and every new day

Why static files: most of the public opens a shared link on a phone on a slow network; nginx answers it from a file
(components/views/routes.py says which addresses), before any script, also while Streamlit restarts.

Which data: the rule the app keeps (components/data.py). The files' own data when it validates and no page has
raised with it; else the last good copy (kpi/snapshot.py). Every page is drawn before anything is written: if one
raises with the files' data, that data is marked broken for every process, as a page raising in Streamlit would,
and the site is written from the last good copy instead. Why again each day: a target's status depends on the date
it is judged on, and each page says that date.

Layout of DIR (default .state/site): builds/<date>-<version>/… the pages (each with a .gz beside it, for nginx's
gzip_static), current → builds/… (switched in one step: a reader sees the old site or the new, never half),
status.json (what was written, from which data, and why not, for the data-check page).
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import shutil
import sys
import time
import uuid
from collections.abc import Iterator
from importlib.util import find_spec
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime
from pathlib import Path

from components.views.document import PLOTLY, PLOTS, Address, document
from components.views.page import Viewer
from components.views.routes import STATIC_PARAMS, public_paths, view_for
from kpi.data.dataset import Dataset
from kpi.data.files import data_dir, data_stamp, REPO_ROOT
from kpi.data.loading import load_dataset
from kpi.data.errors import DataErrors
from kpi.data.snapshot import discard, files_version, is_broken, last_good_version, load_last_good, point, save_last_good, snapshot_files
from kpi.texts import LANGS

LOG = logging.getLogger(__name__)
SITE_ENV, BASE_URL_ENV = "KPI_SITE_DIR", "KPI_PUBLIC_URL"
CURRENT, BUILDS, STATUS = "current", "builds", "status.json"
FAVICON = Path(__file__).with_name("favicon.png")
PLOTS_JS = Path(__file__).parent / "views" / PLOTS
KEEP_BUILDS = 2  # the current site and the one before it (a reader may still be reading it)


def site_dir() -> Path:
    """$KPI_SITE_DIR when set, else .state/site in the repository (ignored by git)."""
    return Path(os.environ.get(SITE_ENV) or REPO_ROOT / ".state" / "site")


def page_file(path: str, lang: str, params: dict[str, str]) -> str:
    """`economy/en.html`, `targets/zh~status=achieved.html`: the file nginx looks for (the parameters in
    STATIC_PARAMS order, empty ones left out; scripts/deploy/nginx.conf.template builds the same name)."""
    named = "".join(f"~{key}={params[key]}" for key in STATIC_PARAMS if params.get(key))
    return f"{path or 'index'}/{lang}{named}.html"


def pages(dataset: Dataset, today: date, base: str) -> Iterator[tuple[str, str | bytes]]:
    """(file name, content) of every static page and download, drawn as the public sees them today."""
    downloads: dict[str, object] = {}
    for path in public_paths(dataset):
        view = view_for(dataset, path)
        for params in view.variants(dataset, today):
            for lang in LANGS:
                page = view.render(dataset, Viewer(lang, today), params)
                if page.found:
                    yield page_file(path, lang, params), document(dataset, page, Address(path, params), lang, today, base)
                    downloads.update({d.file_name: d.build for d in page.downloads})
    for name, build in downloads.items():
        yield f"assets/{name}", build()


def write_site(dataset: Dataset, folder: Path, today: date, base: str) -> int:
    """Draw every page first (nothing is written if one raises), then write them, each compressed beside itself."""
    drawn = list(pages(dataset, today, base))
    for name, content in drawn:
        raw = content.encode("utf-8") if isinstance(content, str) else content
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(raw)
        target.with_name(target.name + ".gz").write_bytes(gzip.compress(raw, 9, mtime=0))
    for source in (FAVICON, PLOTS_JS, plotly_js()):
        target = folder / "assets" / source.name
        target.parent.mkdir(exist_ok=True)
        shutil.copy(source, target)
        if source.suffix == ".js":
            target.with_name(target.name + ".gz").write_bytes(gzip.compress(source.read_bytes(), 9, mtime=0))
    return len(drawn)


def plotly_js() -> Path:
    """plotly.js as the installed plotly package ships it: the figure and target pages' charts, from our own server."""
    return Path(find_spec("plotly").submodule_search_locations[0]) / "package_data" / PLOTLY


@dataclass(frozen=True)
class Status:
    """What the last attempt wrote, from which data, and the error that kept the files' own data out, if any."""

    written: str  # when (ISO, with its zone); "" when nothing could be written
    date: str  # the date the pages judge progress on
    version: str  # of the data the pages show
    fresh: bool  # the files' own data, not the last good copy
    files: int
    error: str = ""  # why the files' own data is not shown (a page raised with it, or it fails validation)
    base: str = ""  # the public address its links are written for


@dataclass(frozen=True)
class Candidate:
    """Data the site may be written from."""

    dataset: Dataset
    version: str
    fresh: bool
    stamp: tuple = ()


def candidates(directory: Path) -> tuple[list[Candidate], str]:
    """The files' own data when it validates and is not marked broken, then the last good copy; and why the files'
    data is not among them."""
    found, why, stamp = [], "", data_stamp(directory)
    try:
        dataset = load_dataset(directory)
        version = files_version(directory, snapshot_files(dataset), stamp)
        if is_broken(directory, version):
            why = "a page raised with these files (see the data-check page)"
        else:
            found.append(Candidate(dataset, version, True, stamp))
    except DataErrors as exc:
        why = f"{len(exc.errors)} data error(s): python -m kpi validate"
    saved_version = last_good_version(directory)
    if saved_version and not (found and found[0].version == saved_version):
        saved = load_last_good(directory)
        if saved is not None:
            found.append(Candidate(saved, saved_version, False))
    return found, why


def publish(directory: Path, site: Path, today: date, base: str = "") -> Status:
    """Write the site from the best data there is (see the module's docstring) and switch to it in one step; nothing is
    rewritten when the site already shows that data as of that day."""
    found, why = candidates(directory)
    shown = read_status(site)
    for candidate in found:
        if shown and shown.written and (shown.version, shown.date, shown.base) == (candidate.version, today.isoformat(), base) \
                and (site / CURRENT).exists():
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
                discard(directory, candidate.version)  # as a page raising in Streamlit would: never the last good data
            continue
        point(site, CURRENT, f"{BUILDS}/{build.name}")
        _prune(site / BUILDS, keep=build.name)
        if candidate.fresh:
            save_last_good(directory, snapshot_files(candidate.dataset), candidate.stamp)
        status = Status(datetime.now().astimezone().isoformat(timespec="seconds"), today.isoformat(), candidate.version,
                        candidate.fresh, count, "" if candidate.fresh else why, base)
        break
    else:
        status = Status("", today.isoformat(), "", False, 0, why or "no data", base)
    (site / STATUS).write_text(json.dumps(asdict(status), ensure_ascii=False, indent=1), encoding="utf-8")
    return status


def _prune(builds: Path, keep: str) -> None:
    """Remove all but the newest builds (a reader of the one before may still be on it)."""
    older = sorted((b for b in builds.iterdir() if b.name != keep), key=lambda b: b.stat().st_mtime, reverse=True)
    for old in older[KEEP_BUILDS - 1:]:
        shutil.rmtree(old, ignore_errors=True)


def read_status(site: Path) -> Status | None:
    """What the publisher last did, for the data-check page; None before its first run."""
    try:
        return Status(**json.loads((site / STATUS).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def watch(directory: Path, site: Path, base: str, every: float = 1.0) -> None:
    """Publish now, then again whenever the files, the last good copy or the date change (checked every `every` s)."""
    seen = None
    while True:
        key = (data_stamp(directory), last_good_version(directory), date.today())
        if key != seen:
            status = publish(directory, site, key[2], base)
            LOG.info("static pages: %s files from %s (%s)%s", status.files, status.version[:12] or "nothing",
                     "the files" if status.fresh else "the last good copy", f"; {status.error}" if status.error else "")
            seen = (data_stamp(directory), last_good_version(directory), key[2])  # publishing may save a last good copy
        time.sleep(every)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m components.publish", description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=None, help="the folder to write (default: $KPI_SITE_DIR or .state/site)")
    parser.add_argument("--base-url", default=os.environ.get(BASE_URL_ENV, ""),
                        help="the site's public address, for canonical links (default: $KPI_PUBLIC_URL)")
    parser.add_argument("--watch", action="store_true", help="keep running: publish again on every change and every new day")
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
