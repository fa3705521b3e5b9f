"""A theme page — one view for every theme in indicators.yaml: key tiles, charts, then every figure under the
report's own section headings; on request (?figures=true) the table of every figure, and its CSV."""

from components.frame import show_view

show_view()  # the view: components/views/theme.py
