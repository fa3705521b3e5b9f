"""Which theme icons the app can show: what Streamlit accepts as a page icon, read from Streamlit's own lists.

Why Streamlit's lists and not a copy: a theme's icon goes to `st.Page(icon=...)`, which raises for anything
but one emoji or `:material/NAME:` with a NAME from the Material Symbols set the installed Streamlit ships,
and that raise stops every page. The installed (pinned) Streamlit is the only authority that cannot go
stale: its `material_icon_names.py` and `emojis.py` are read here as data, with `ast`, so nothing of
Streamlit is imported or run (kpi never imports streamlit) and nothing needs regenerating when the pin
moves. tests/kpi/data/test_icons.py checks this rule against `streamlit.string_util.validate_icon_or_emoji`.

Stricter than Streamlit on purpose: it also takes "spinner" and a blank icon, but a theme's icon is also
written before its name in headings, where "spinner" would read as a word and a blank as nothing.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from importlib.util import find_spec
from pathlib import Path

_MATERIAL = re.compile(r":material/([^\s:/]+):")
_VARIATION_SELECTOR = "\ufe0f"  # Streamlit drops it before looking an emoji up; so do we


def streamlit_file(name: str) -> Path:
    """A file of the installed Streamlit package, found without importing the package."""
    spec = find_spec("streamlit")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("Streamlit is not installed: pip install -r requirements.txt")
    return Path(next(iter(spec.submodule_search_locations))) / name


@cache
def streamlit_names(module: str, variable: str) -> frozenset[str]:
    """The set literal `variable = {...}` of Streamlit's `module.py` (e.g. ALL_MATERIAL_ICONS), read, not run."""
    tree = ast.parse(streamlit_file(f"{module}.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(target, "id", None) == variable for target in node.targets):
            return frozenset(ast.literal_eval(node.value))
    raise RuntimeError(f"streamlit/{module}.py has no {variable} any more: update kpi/data/icons.py")


def is_valid_icon(icon: str) -> bool:
    """One emoji (🏠) or `:material/NAME:` with a NAME Streamlit ships (surrounding spaces allowed, as Streamlit allows)."""
    icon = icon.strip()
    if match := _MATERIAL.fullmatch(icon):
        return match[1] in streamlit_names("material_icon_names", "ALL_MATERIAL_ICONS")
    # ASCII is never an emoji: the emoji list is read only for an icon that could be one.
    return not icon.isascii() and icon.replace(_VARIATION_SELECTOR, "") in streamlit_names("emojis", "ALL_EMOJIS")
