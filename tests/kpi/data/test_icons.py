"""A theme's icon is checked against what the installed Streamlit accepts, without importing Streamlit in kpi."""

from __future__ import annotations

import subprocess
import sys

import pytest
from streamlit.emojis import ALL_EMOJIS
from streamlit.errors import StreamlitAPIException
from streamlit.material_icon_names import ALL_MATERIAL_ICONS
from streamlit.string_util import validate_icon_or_emoji

from kpi.data.files import REPO_ROOT
from kpi.data.icons import is_valid_icon, streamlit_names

# Streamlit accepts these too, but a theme's icon also stands before its name in headings (see kpi/data/icons.py).
STRICTER = ["spinner", " "]
BAD = [
    "culture",
    ":material/no_such_icon:",
    ":smile:",
    ":material/Home:",
    ":material/home",
    "material/home",
    "**",
    ":material/home:x",
    ":material/home/x:",
    ":MATERIAL/home:",
    "https://example.org/icon.png",
    "🏠🏠",
    ":🏠:",
    "家",
    "A",
]
GOOD = [":material/home:", " :material/park: ", "🏠", "❤️", "❤", "🇨🇳", "👨‍👩‍👧", "1️⃣"]


def streamlit_accepts(icon: str) -> bool:
    try:
        return validate_icon_or_emoji(icon) != ""  # "" is Streamlit's "no icon"
    except StreamlitAPIException:
        return False


def test_the_lists_are_streamlits_own():
    assert streamlit_names("material_icon_names", "ALL_MATERIAL_ICONS") == ALL_MATERIAL_ICONS
    assert streamlit_names("emojis", "ALL_EMOJIS") == ALL_EMOJIS


@pytest.mark.parametrize("icon", GOOD + BAD)
def test_the_rule_agrees_with_streamlit(icon):
    assert is_valid_icon(icon) == streamlit_accepts(icon)


def test_every_icon_streamlit_ships_is_accepted():
    icons = [f":material/{name}:" for name in ALL_MATERIAL_ICONS] + sorted(ALL_EMOJIS)
    assert [icon for icon in icons if not is_valid_icon(icon)] == []
    assert [icon for icon in icons if not streamlit_accepts(icon)] == []


@pytest.mark.parametrize("icon", STRICTER)
def test_stricter_than_streamlit_where_a_heading_would_show_it(icon):
    assert not is_valid_icon(icon)


def test_checking_icons_does_not_import_streamlit():
    code = (
        "import sys, kpi.data.icons as icons; assert icons.is_valid_icon('🏠') and icons.is_valid_icon(':material/home:'); "
        "print('streamlit' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr
