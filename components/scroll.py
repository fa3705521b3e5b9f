"""Bring an item a shared link names (?target=, ?term=) into view once the page has drawn."""

from __future__ import annotations

import json

import streamlit as st

# Waits for the run to finish (what is drawn above the item moves it) and for the item, then scrolls once; a rerun
# sends the same element, which the browser keeps, so the reader is not pulled back while reading.
_SCRIPT = """<script>
(() => {{
  const id = {anchor}, until = performance.now() + 15000;
  const step = () => {{
    const doc = window.parent.document;
    const done = doc.querySelector('[data-testid="stApp"][data-test-script-state="notRunning"]');
    const item = doc.getElementById(id);
    if (done && item) {{ item.scrollIntoView({{block: "start"}}); return; }}
    if (performance.now() < until) setTimeout(step, 100);
  }};
  step();
}})();
</script>"""


def scroll_into_view(anchor: str) -> None:
    """Scroll to the element whose id is `anchor` (a heading's anchor, or an id in an HTML block)."""
    st.html(_SCRIPT.format(anchor=json.dumps(anchor)), unsafe_allow_javascript=True)
