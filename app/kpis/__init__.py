"""KPIs: their stored definitions, their monthly counts and the SQL that makes them.

Shared by the survey loader, the response store and the board, so none of them reaches
into another's package to count a KPI.
"""
