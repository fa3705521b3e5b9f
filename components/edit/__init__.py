"""The editing page's Streamlit glue (/edit, staff only): its frame and the parts it offers. The work itself — the forms,
the check, the save, the history — is kpi/edit/, so `python -m kpi` does the same."""
