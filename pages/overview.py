"""Overview, for the public and for leaders: what the latest report says the year achieved, theme by theme, then the
plan year's commitments and how they stand."""

from components.frame import show_view

show_view()  # the view: components/views/overview.py
