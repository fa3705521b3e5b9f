"""The look of the HTML blocks (components/views/html.py), and the few sizes the theme cannot set.

Only layout, sizes and colours live here, and nothing from the YAML goes into these rules. Meeting mode scales
the same rules up for a projector: text a room can read, tables and captions at 20 px and more.
"""

from __future__ import annotations

import streamlit as st

_BLOCKS = """
.kb { color: #0E1620; line-height: 1.45; }
/* Chevrons are drawn, not typed: a glyph the system's CJK font lacks would make the browser fetch a web font to look
   for it. Closed they point right (a menu: down); open, down (a menu: up). */
.kb-menu > summary::after, .kb-tile > summary::after, .kb-fig > summary::after { content: ""; display: inline-block;
  width: .45em; height: .45em; border-right: 2px solid #4A5563; border-bottom: 2px solid #4A5563;
  transform: rotate(-45deg); flex: none; }
.kb-nav { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem .5rem; }
.kb-nav a { text-decoration: none; color: #0E1620; }
.kb-nav-link, .kb-menu > summary, .kb-lang a { display: inline-block; padding: .3rem .7rem; border-radius: .5rem;
  border: 1px solid transparent; line-height: 1.4; }
.kb-nav-link:hover, .kb-menu > summary:hover, .kb-menu-list a:hover { background: #F2F5F8; }
.kb-nav-link[aria-current], .kb-menu-list a[aria-current] { background: #E6EEF7; font-weight: 600; }
.kb-menu { position: relative; }
.kb-menu > summary { cursor: pointer; list-style: none; border-color: #D5DBE1; }
.kb-menu > summary::-webkit-details-marker { display: none; }
.kb-menu > summary::after { transform: translateY(-.15em) rotate(45deg); margin-left: .45em; }
.kb-menu[open] > summary::after { transform: translateY(.1em) rotate(-135deg); }
.kb-menu-list { position: absolute; z-index: 1000; top: calc(100% + .25rem); left: 0; min-width: 14rem; max-width: 90vw;
  background: #fff; border: 1px solid #D5DBE1; border-radius: .5rem; box-shadow: 0 4px 16px rgba(14, 22, 32, .12);
  padding: .35rem; display: flex; flex-direction: column; }
.kb-menu-list a { padding: .35rem .6rem; border-radius: .35rem; }
.kb-share .kb-menu-list { width: min(28rem, 90vw); }
.kb-share .kb-menu-list p { margin: .2rem .3rem .4rem; font-size: .85rem; color: #4A5563; }
.kb-share code { display: block; padding: .4rem; background: #F2F5F8; border-radius: .35rem; word-break: break-all;
  font-size: .8rem; }
.kb-lang { margin-left: auto; display: inline-flex; border: 1px solid #D5DBE1; border-radius: .5rem; overflow: hidden; }
.kb-lang a { border-radius: 0; padding: .3rem .75rem; }
.kb-lang a[aria-current] { background: #E6EEF7; color: #1F5A96; font-weight: 600; }
.kb h2.kb-page { font-size: 2rem; margin: 1.25rem 0 .75rem; padding-bottom: .4rem; border-bottom: 1px solid #5B6B7F; }
.kb-tiles { display: grid; grid-template-columns: repeat(var(--kb-columns, 3), minmax(0, 1fr)); gap: .75rem; margin: 0 0 .5rem; }
.kb-tile { border: 1px solid #D5DBE1; border-radius: .5rem; padding: .7rem 1rem; }
.kb-tile > summary { list-style: none; cursor: pointer; display: flex; flex-direction: column; gap: .1rem; position: relative; }
.kb-tile > summary::-webkit-details-marker { display: none; }
.kb-tile > summary::after { position: absolute; top: .35em; right: .2em; }
.kb-tile[open] > summary::after { transform: rotate(45deg); }
.kb-tile-label { font-size: .9rem; padding-right: 1rem; }
.kb-tile-value { font-size: 2.25rem; line-height: 1.25; }
.kb-delta { font-size: .9rem; }
.kb-better { color: #2E7D5B; } .kb-worse { color: #B3261E; } .kb-neutral { color: #4A5563; }
.kb-since { color: #4A5563; }
.kb-tile .kb-quote { margin-top: .5rem; }
.kb-report h3 { margin: 1.25rem 0 .5rem; }
.kb-chapter { border-top: 1px solid #E6EAEF; padding: .4rem 0; }
.kb-chapter > summary { cursor: pointer; font-weight: 600; }
.kb-report p { margin: .4rem 0; }
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
.kb-fig > summary::after { margin-left: auto; align-self: center; }
.kb-fig[open] > summary::after { transform: rotate(45deg); }
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
.kb-table td { min-width: 5.5em; }
.kb-table td.kb-long { min-width: 16em; }  /* on a phone the table scrolls sideways rather than squeezing a column to a letter */
.kb-status { white-space: nowrap; }
.kb-red { color: #B3261E; } .kb-orange { color: #8A5300; } .kb-blue { color: #1F5A96; } .kb-green { color: #2E7D5B; }
.kb-gray { color: #4A5563; }
.kb-statuses { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; margin: .2rem 0 .6rem; }
.kb-statuses a { text-decoration: none; }
.kb-filter { align-items: baseline; gap: .3rem .9rem; }
.kb-filter a { padding: .1rem .45rem; border-radius: .35rem; }
.kb-filter a[aria-current] { background: #E6EEF7; font-weight: 600; }
.kb-terms { display: grid; gap: .75rem; }
.kb-card p { margin: .3rem 0; }
.kb-list { margin-bottom: .5rem; }
.kb-list h3 { margin-top: .6rem; }
"""

# A phone's tile is ~360 px wide: the longest English values ("16.19 million US dollars") fit at 1.6rem. Streamlit's own
# header band is hidden (the page's menu is ours), so the title starts near the top of a phone's screen.
_SCREEN = """
[data-testid="stHeader"] { display: none; }
[data-testid="stMainBlockContainer"] { padding-top: 1.25rem; }
@media (max-width: 640px) {
  .kb-tiles { grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); }
  .kb-tile-value { font-size: 1.6rem; }
  .kb-nav { position: relative; }
  .kb-menu { position: static; }
  .kb-menu-list { left: 0; right: 0; min-width: 0; max-width: none; }
  .kb-share .kb-menu-list { width: auto; }
  [data-testid="stMainBlockContainer"] { padding-top: .75rem; }
}
"""

# Meeting mode: read from the back of a room.
_MEETING = """
[data-testid="stHeader"] { display: none; }
[data-testid="stMainBlockContainer"] { padding-top: 1rem; }
.kb-tile-value { font-size: 3.2rem; }
.kb-tile-label, .kb-delta { font-size: 1.35rem; }
.kb h2.kb-page { font-size: 2.4rem; }
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
