"""Build once per dataset: what every viewer of a page sees alike (tiles, charts, figure lists, tables).

Why: each new viewer's run would otherwise rebuild the same objects, and under load that work is what every
viewer waits for. A staff edit gives a new Dataset and so a fresh memo: nothing stale is ever shown. The key is
the builder itself and its arguments, so no module hand-types a key. Builders never mutate what they return.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from datetime import date
from typing import TypeVar

from kpi.data.dataset import Dataset

T = TypeVar("T")


def per_dataset(build: Callable[..., T]) -> Callable[..., T]:
    """`build(dataset, *args)`, computed once per dataset and arguments (which must be hashable)."""

    @functools.wraps(build)
    def once(dataset: Dataset, *args: Hashable) -> T:
        return dataset.memo((build, *args), lambda: build(dataset, *args))

    return once


def per_day(build: Callable[..., T]) -> Callable[..., T]:
    """`build(dataset, as_of, *args)`, kept for today's date only: a what-if date from the URL is computed each
    time, so URLs cannot fill memory."""

    @functools.wraps(build)
    def once(dataset: Dataset, as_of: date, *args: Hashable) -> T:
        if as_of != date.today():
            return build(dataset, as_of, *args)
        return dataset.memo((build, as_of, *args), lambda: build(dataset, as_of, *args))

    return once
