"""The look of the HTML blocks (components/html.py), and the few sizes the theme cannot set.

Only layout, sizes and colours live here, and nothing from the YAML goes into these rules. Meeting mode scales
the same rules up for a projector: text a room can read, tables and captions at 20 px and more.
"""

from __future__ import annotations

import streamlit as st

_BLOCKS = """
.kb { color: #0E1620; line-height: 1.45; }
.kb-top h1 { font-size: 1.75rem; font-weight: 700; margin: .25rem 0 .35rem; padding: 0; }
.kb-top .kb-vintage { color: #4A5563; font-size: .875rem; margin: 0 0 .5rem; }
.kb h2 { font-size: 1.55rem; font-weight: 700; margin: 1rem 0 .6rem; padding: 0; }
.kb a { color: #1F5A96; }
.kb h3 { font-size: 1.05rem; font-weight: 600; margin: 0 0 .35rem; padding: 0; }
.kb-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(17.5rem, 1fr)); gap: .75rem; }
.kb-card { border: 1px solid #D5DBE1; border-radius: .5rem; padding: .6rem .85rem .4rem; }
.kb-fig { border-top: 1px solid #E6EAEF; }
.kb-fig:first-of-type { border-top: 0; }
.kb-list .kb-fig:first-of-type { border-top: 1px solid #E6EAEF; }
.kb-fig > summary { cursor: pointer; list-style: none; display: flex; flex-wrap: wrap; align-items: baseline;
  column-gap: .55rem; padding: .3rem 0; }
.kb-fig > summary::-webkit-details-marker { display: none; }
.kb-fig > summary::after { content: "›"; color: #4A5563; margin-left: auto; padding-left: .4rem; }
.kb-fig[open] > summary::after { content: "⌄"; }
.kb-val { font-size: 1.3rem; font-weight: 700; color: #1F5A96; white-space: nowrap; }
.kb-name { flex: 1 1 8rem; }
.kb-per, .kb-src, .kb-note, .kb-sub, .kb-key { color: #4A5563; font-size: .85rem; }
.kb-per { white-space: nowrap; }
.kb-quote { margin: 0 0 .5rem; padding: .4rem .65rem; background: #F2F5F8; border-left: 3px solid #1F5A96;
  font-size: .92rem; }
.kb-src { display: block; margin-top: .2rem; }
.kb-charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 30rem), 1fr)); gap: 1.5rem 2rem;
  margin: .5rem 0 1rem; }
.kb-chart { margin: 0; }
.kb-chart figcaption { font-size: 1.1rem; font-weight: 600; margin-bottom: .4rem; }
.kb-row { margin: .45rem 0 .7rem; }
.kb-head { display: flex; justify-content: space-between; align-items: baseline; gap: .75rem; }
.kb-label { font-size: .95rem; }
.kb-track { position: relative; height: .9rem; margin: .15rem 0; background: #E6EAEF; border-radius: 2px; }
.kb-fill { position: absolute; top: 0; bottom: 0; }
.kb-axis { position: absolute; left: 50%; top: -.2rem; bottom: -.2rem; border-left: 1px solid #5B6B7F; }
.kb-tick { position: absolute; top: -.3rem; bottom: -.3rem; width: 4px; margin-left: -2px; background: #1F5A96; }
.kb-expected { position: absolute; top: -.3rem; bottom: -.3rem; border-left: 2px dashed #4A5563; }
.kb-num { font-weight: 600; white-space: nowrap; }
.kb-keys { display: flex; flex-wrap: wrap; gap: .2rem 1rem; margin-bottom: .3rem; }
.kb-key { display: inline-flex; align-items: center; gap: .35rem; }
.kb-box, .kb-tick-key { display: inline-block; width: .8rem; height: .8rem; }
.kb-key .kb-tick { position: static; display: inline-block; height: 1rem; margin: 0; }
.kb-data > summary { cursor: pointer; color: #1F5A96; font-size: .9rem; margin-top: .3rem; }
.kb-scroll { overflow-x: auto; max-width: 100%; }
.kb-table { border-collapse: collapse; font-size: .88rem; margin: .4rem 0; }
.kb-table th, .kb-table td { border-bottom: 1px solid #E6EAEF; padding: .25rem .6rem .25rem 0; text-align: left;
  vertical-align: top; }
.kb-table .kb-r { text-align: right; }
.kb-status { white-space: nowrap; }
.kb-red { color: #B3261E; } .kb-orange { color: #8A5300; } .kb-blue { color: #1F5A96; } .kb-green { color: #2E7D5B; }
.kb-gray { color: #4A5563; }
.kb-statuses { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; margin: .2rem 0 .6rem; }
.kb-statuses a { text-decoration: none; }
.kb-terms { display: grid; gap: .75rem; }
.kb-card p { margin: .3rem 0; }
.kb-list { margin-bottom: .5rem; }
.kb-list h3 { margin-top: .6rem; }
"""

# A phone's tile is ~360 px wide: the longest English values ("16.19 million US dollars") fit at 1.4rem. Streamlit's own
# header band is hidden (the page's menu is ours), so the title starts near the top of a phone's screen.
_SCREEN = """
[data-testid="stHeader"] { display: none; }
[data-testid="stMainBlockContainer"] { padding-top: 1.25rem; }
[data-testid="stMetricLabel"] * { white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
@media (max-width: 640px) {
  [data-testid="stMetricValue"] { font-size: 1.4rem; }
  [data-testid="stMainBlockContainer"] { padding-top: .75rem; }
}
"""

# Meeting mode: read from the back of a room.
_MEETING = """
[data-testid="stHeader"] { display: none; }
[data-testid="stMainBlockContainer"] { padding-top: 1rem; }
[data-testid="stMetricValue"] { font-size: 3.2rem; }
[data-testid="stMetricLabel"] p { font-size: 1.35rem; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { font-size: 1.25rem; }
.kb { font-size: 1.45rem; }
.kb-top .kb-vintage { font-size: 1.25rem; }
.kb-top h1 { font-size: 2.2rem; }
.kb h3 { font-size: 1.6rem; }
.kb-val { font-size: 2.1rem; }
.kb-per, .kb-src, .kb-note, .kb-sub, .kb-key, .kb-table, .kb-label { font-size: 1.3rem; }
.kb-chart figcaption { font-size: 1.7rem; }
.kb-track { height: 1.4rem; }
.kb-grid { grid-template-columns: repeat(auto-fill, minmax(24rem, 1fr)); }
.kb-charts { grid-template-columns: 1fr; }
.kb-data { display: none; }
h2, h3 { font-size: 2.1rem !important; }
"""


def page_style(meeting: bool) -> None:
    """One style element a run: the blocks' look, then the screen's or the projector's sizes."""
    st.html(f"<style>{_BLOCKS}{_MEETING if meeting else _SCREEN}</style>")
