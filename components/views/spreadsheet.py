"""A table as a CSV file a spreadsheet opens right: UTF-8 with a byte-order mark, one row per line.

Why the mark: Excel on Windows reads a CSV without one in the machine's code page (GBK on a Chinese PC, cp1252 on an
English one), and the Chinese of every name and sentence turns to mojibake; with it, Excel reads UTF-8. Every table a
page offers as CSV (a theme's figures, a plan year's targets, a figure's periods) is written here, one way.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

CSV_MIME = "text/csv"


def csv_bytes(header: Sequence[object], rows: Iterable[Sequence[object]]) -> bytes:
    """The header (in the page's language) and the rows, quoted where a cell needs it, as UTF-8 with a BOM."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")
