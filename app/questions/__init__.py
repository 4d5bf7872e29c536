"""A question's form and words, shared by the respondent journey and paper entry."""
