"""Sync: a focus group's responses go from a laptop to the central server once, completely.

bundle.py (pure) builds, signs and reads bundles; keys.py holds the sync key; export.py
gathers an event's responses; importer.py stores a bundle's responses in one transaction;
cli.py is `flask sync`, and push.py sends a bundle to the server's API.
"""
