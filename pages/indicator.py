"""One figure and where it came from: every period as bars and a table, each statement in its paragraph (?id=)."""

from components.frame import show_view

show_view()  # the view: components/views/indicator.py
