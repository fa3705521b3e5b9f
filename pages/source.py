"""The reports themselves, part by part (?report= picks one; the newest by default): the source of every figure."""

from components.frame import show_view

show_view()  # the view: components/views/report.py
