"""Polish language pack: data/ holds the lexicons; the Python here is only what is truly Polish-specific."""
