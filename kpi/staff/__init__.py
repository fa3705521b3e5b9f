"""Who is staff: a password per person, and the sessions that prove who is signed in (issue 28).

Streamlit-free, so the sign-in server (components/signin.py), every Streamlit process (components/staff.py) and
`python -m kpi staff` read the same files the same way.

- passwords.py — the password file: one scrypt hash a line, read on each check, written atomically;
- sessions.py — signed sessions kept server-side in sqlite, ended by sign-out, idleness, age or a new password;
- command.py — `python -m kpi staff add|remove|list`.
"""
