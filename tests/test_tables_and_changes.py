"""CSV downloads that Excel opens, and change arrows where a figure has a previous period."""

from __future__ import annotations

from components.frame import Frame
from components.tables import csv_bytes, figures_frame
from kpi.dataset import REPO_ROOT, load_dataset
from tests.apptest_helpers import open_page, plain

DATASET = load_dataset(REPO_ROOT)


def test_csv_is_utf8_with_bom_and_keeps_chinese():
    frame = Frame(lang="zh", dataset=DATASET, as_of=None, page="economy", pages={}, shared={})
    data = csv_bytes(figures_frame(DATASET.theme_indicators("economy"), frame))
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("指标,数值,数字,单位,限定词,期间,章节,原文")
    assert "引进企业,139家,139.0,家,,截至2023年11月,第一部分 一(二)," in text


def test_a_second_period_gives_a_change_arrow_with_words(shipped_dir, monkeypatch):
    # Next year's report arrives (its text appended to the report copy) and staff add its value.
    report = shipped_dir / "source" / "000_c9a0b06722f75ec0.txt"
    report.write_text(report.read_text(encoding="utf-8") + "2024年,引进企业150家。\n", encoding="utf-8")
    path = shipped_dir / "indicators.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = "    value: 139\n"
    new_value = ("  - period: 2024\n    value: 150\n    source:\n      section: 第一部分 一(二)\n"
                 "      quote: 2024年,引进企业150家。\n")
    start = text.index(anchor)
    end = text.index("\n- id:", start) + 1
    path.write_text(text[:end - 1] + new_value + text[end - 1:], encoding="utf-8")
    monkeypatch.setenv("KPI_DATA_DIR", str(shipped_dir))
    at = open_page("economy")
    tile = next(m for m in at.metric if plain(m.label) == "引进企业")  # a full year now: no period in the label
    assert (tile.value, tile.delta, tile.proto.delta_description) == ("150家", "11", "较上期")
    unchanged = next(m for m in at.metric if plain(m.label).startswith("吸引内资"))
    assert not unchanged.delta


def test_detail_links_keep_the_shared_view():
    # LinkColumn links open a new tab (a new session): the sticky view state must travel in the URL.
    at = open_page("economy", lang="en", as_of="2024-06-30")
    links = at.dataframe[-1].value["Details and source"]
    assert links.iloc[0] == "indicator?id=economy.enterprises_attracted&lang=en&as_of=2024-06-30"
