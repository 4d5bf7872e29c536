"""Keeping answers only as long as promised: retention periods, the purge, withdrawal codes.

Shared: the respond blueprint gives a withdrawal code and states the periods on the privacy
page, the manage blueprint sets periods and withdraws a response, `flask data purge` deletes
what is due. KPI month counts outlive the answers they were made from (see purge.py).
"""
