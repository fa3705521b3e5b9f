"""Start the dashboard server (what `scripts/run` and the browser tests use).

Why not plain `streamlit run app.py`: when a `pages/` folder exists, a freshly started Streamlit serves
the first request in its legacy multipage mode, before any session has run app.py's st.navigation. A
shared link to a theme page (/economy, whose URL comes from the YAML, not from a file name) then shows
"Page not found" over the right page. app.py always defines the navigation, so the legacy mode is
switched off before the server starts. (Page files also bounce a cold request through app.py, see
components/frame.py, for servers started without this script.)
"""

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web.cli import main

PagesManager.uses_pages_directory = False  # read once, when the first session starts

if __name__ == "__main__":
    app = Path(__file__).resolve().parent.parent / "app.py"
    sys.exit(main(["run", str(app), *sys.argv[1:]]))
