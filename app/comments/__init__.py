"""Free-text answers: read as they arrive, safeguarding alerts raised, themes kept.

Shared by the response store, the staff pages and the commands; the reading itself is
pure and lives in app.analysis.text.
"""
