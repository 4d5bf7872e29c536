"""Pure functions over plain data: no Flask, no session, no database."""
