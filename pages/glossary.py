"""The reports' glossary terms, searchable in Chinese and English (?q=); ?term= brings one into view."""

from components.frame import show_view

show_view()  # the view: components/views/glossary.py
