"""Finding quotes and their speakers (used by pipeline/quotes.py)."""
