"""kronika's pipeline stages: one registered spaCy component per concern (see factories.py)."""
