"""Text from YAML is data: escape it before Streamlit's Markdown (labels, help, headings) sees it; HTML blocks use
components/views/html.py."""

from __future__ import annotations

import re

# Every ASCII punctuation mark CommonMark lets us escape, which covers emphasis, links, `:red[...]`
# colour directives, `:material/...:` icons, `$...$` maths and raw HTML.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|:~<>$&])")


def escape_markdown(text: str) -> str:
    """Make text render literally in st.markdown, st.metric labels and help tooltips."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
