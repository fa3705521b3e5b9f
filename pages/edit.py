"""Edit, for staff: update the figures from the browser — forms for the frequent changes, the file for the rest, a new
report — each change checked against the whole data, shown as a diff and as the public pages it changes, saved by its
author (a git commit) and undoable."""

from components.edit.files import file_part
from components.edit.forms import figure_part, outcome_part, progress_part, term_part
from components.edit.history import history_part
from components.edit.page import edit_page
from components.edit.report import report_part

edit_page(
    {
        "progress": progress_part,
        "outcome": outcome_part,
        "figure": figure_part,
        "term": term_part,
        "report": report_part,
        "file": file_part,
        "history": history_part,
    }
)
