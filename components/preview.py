"""A change's public pages before it is saved: whether every one renders, and which ones it changes.

Why here and not in kpi/: the pages are components/views, and kpi/ never imports them; kpi/edit/check.py takes
`render_problems` as its hook, so a check refuses data that would break a page, as the publisher would.

Why every page is drawn as the publisher draws it (components/publish.py: each public path, each of its static
variants, both languages, the whole document, and each download): a preview must show the public page exactly,
and "every page renders" must mean the pages the public will get.

Why a memo of digests: the editing page asks, for the data as it is and for the data with the change, which pages
differ. A dataset is drawn once (Dataset.memo: a new save gives a new Dataset), and only a digest of each page is
kept, so the app's current data costs a few kilobytes held, not the 10 MB of its pages, and a check draws only the
new data (the ≤ 2 s goal). The page itself is drawn again when the editor shows it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date

from components.views.document import Address, document
from components.views.routes import View, public_paths, variants_of, view_for, viewer
from kpi.data.dataset import Dataset
from kpi.site import address
from kpi.texts import LANGS


@dataclass(frozen=True, order=True)
class PageRef:
    """A public page: its path ("" is the overview), its parameters (in kpi/site.py's order), its language."""

    path: str
    params: tuple[tuple[str, str], ...]
    lang: str

    @property
    def url(self) -> str:
        """`/economy?lang=en&figures=true`: its address, in its one spelling (kpi/site.py)."""
        return address(self.path, {**dict(self.params), "lang": self.lang})


@dataclass(frozen=True)
class Drawn:
    """Every public page of a dataset as a digest, and what failed to draw (each page and download said once)."""

    digests: dict[PageRef, bytes] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def render_problems(dataset: Dataset) -> list[str]:
    """Each public page (both languages) or download that raises, in one line: "/economy?lang=en: KeyError: 'x'".
    Empty when every one renders: kpi/edit/check.py's `render` hook."""
    return drawn(dataset, date.today()).problems


def changed_pages(before: Dataset, after: Dataset, today: date) -> list[PageRef]:
    """The public pages whose document differs between the two datasets, added and removed ones included."""
    old, new = drawn(before, today).digests, drawn(after, today).digests
    return sorted(ref for ref in old.keys() | new.keys() if old.get(ref) != new.get(ref))


def drawn(dataset: Dataset, today: date) -> Drawn:
    """Every public page of the dataset drawn once for that day (kept in the dataset's memo)."""
    return dataset.memo(("preview.drawn", today), lambda: _draw(dataset, today))


def _draw(dataset: Dataset, today: date) -> Drawn:
    """Draw each page and build each download, catching each failure on its own so one page never hides another."""
    result = Drawn()
    downloads: dict[str, Callable[[], bytes]] = {}
    for ref, view, params in page_refs(dataset, today, result.problems):
        try:
            page = view.render(dataset, viewer(ref.lang, params, today), params)
            if page.found:
                html = document(dataset, page, Address(ref.path, params), ref.lang, today)
                result.digests[ref] = hashlib.blake2b(html.encode("utf-8"), digest_size=16).digest()
                downloads.update({d.file_name: d.build for d in page.downloads})
        except Exception as exc:  # noqa: BLE001 — say which page, and draw the others
            result.problems.append(f"{ref.url}: {type(exc).__name__}: {exc}")
    for name, build in downloads.items():
        try:
            build()
        except Exception as exc:  # noqa: BLE001
            result.problems.append(f"/assets/{name}: {type(exc).__name__}: {exc}")
    return result


def page_refs(dataset: Dataset, today: date, problems: list[str]) -> Iterator[tuple[PageRef, View, dict[str, str]]]:
    """Each public page the publisher writes, with its view and the parameters it is drawn with; a view whose list
    of pages raises is added to `problems`.

    The as-of copies of the targets pages (the plan year on its quarter ends) are left out: they are the same view
    drawn for other dates, as many again as every other page together, and they change whenever their plan year's
    page does. Should one still raise, the publisher keeps the last good site (its build is drawn whole first)."""
    for path in public_paths(dataset):
        view = view_for(dataset, path)
        assert view is not None, f"/{path} is a public path, so it has a public view"
        try:
            variants = variants_of(dataset, path, today)
        except Exception as exc:  # noqa: BLE001
            problems.append(f"/{path}: {type(exc).__name__}: {exc}")
            continue
        for params in variants:
            if params.get("as_of"):  # a plan year's page on another of its dates: see below
                continue
            for lang in LANGS:
                yield PageRef(path, tuple(params.items()), lang), view, params
