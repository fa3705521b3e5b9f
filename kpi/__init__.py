"""The Streamlit-free core of the dashboard: data model, loading, validation, formatting, progress."""
