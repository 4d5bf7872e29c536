"""Staff accounts: passwords, sign-in sessions, throttling, two-step sign-in, one-time links.

A shared package: blueprints (manage's sign-in, people's pages) and the CLI use it; it
imports no blueprint, and records what people do through app/audit.py.
"""
