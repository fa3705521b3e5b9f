"""Targets and milestones of one plan year (?year=): how they stand, every item (filtered by ?status= and ?theme=,
searched by ?q=), and how a target's status was worked out (?target=, brought into view)."""

from components.frame import show_view

show_view()  # the view: components/views/targets.py
