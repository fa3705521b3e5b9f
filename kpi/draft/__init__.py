"""The new report's tools: `python -m kpi draft` proposes its data, `python -m kpi apply` puts the reviewed draft in.

Why a package apart from the core: the dashboard and `validate` never need it. The core (kpi/*.py, kpi/data/,
kpi/report/) does not import it; only the command line registers its commands, and the editing page's glue reaches
review.py (tests/test_imports.py checks both).

- report_numbers.py — every number of a report's text, read and classified (on the layout and clauses kpi/report/layout.py reads);
- draft.py — those numbers matched to the kept indicators, targets and milestones;
- mentions.py — what the report says in words of the plan year it closes (an outcome for every open item);
- naming.py — whether a clause names an item: key phrase, the reports' short forms (abbreviations.yaml), a
  distinctive part of its name, a figure of its indicator;
- terms.py — its glossary terms that glossary.yaml lacks;
- writer.py — the draft as YAML a person reviews;
- apply.py, layout.py — the reviewed draft inserted into the data files, every other byte kept;
- command.py — the `draft` and `apply` commands;
- review.py — the editing page's New report: the same draft reviewed entry by entry in the browser, and applied as
  one Change.
"""
