"""`make bench`: measure what respondents and the server feel, print it as tables."""
