"""Staff edits of the data files: what a change is, the one writer of YAML text, the forms, the check before
anything is written, saving (no lost update, atomic, signed) and the history (git). Streamlit-free, so the
editing page and `python -m kpi` do the same."""
