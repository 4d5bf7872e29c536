""" "You said, we did" reports: built from the answers with disclosure control, kept as snapshots.

Shared by the staff area (which publishes) and the public pages (which show a snapshot).
"""
