"""Keep Python's full garbage collections short while many viewers arrive at once.

Why: Streamlit's collection after every run is off (.streamlit/config.toml), so Python's own full collections
come when its allocation counts say, inside whichever burst of viewers is being served, and each one walked
every object the server holds: about 170,000 once Streamlit, pandas and pyarrow are loaded, ~110 ms in which
no viewer is served (docs/performance.md). Modules, classes and functions live as long as the process, so
once loaded they are moved out of the collector's walk (gc.freeze). Modules load on first use, so this runs
again after any run that loaded new ones: a handful of times in a process's life.
"""

from __future__ import annotations

import gc
import sys

_modules_frozen = 0


def freeze_what_is_loaded() -> None:
    """After a run: if it loaded modules, collect once and freeze everything alive (cheap when nothing is new)."""
    global _modules_frozen
    if len(sys.modules) == _modules_frozen:
        return
    _modules_frozen = len(sys.modules)
    gc.collect()  # garbage frozen now would never be collected
    gc.freeze()
