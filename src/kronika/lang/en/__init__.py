"""English language pack: data/ holds the lexicons."""
