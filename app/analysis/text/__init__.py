"""Read free-text comments: language, sentiment, themes, safeguarding and personal data."""
