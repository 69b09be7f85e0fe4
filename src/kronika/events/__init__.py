"""Event extraction: predicates (lexicon), their arguments (actors by syntax), and modality.

The spaCy component that ties them together is kronika.pipeline.events ("kronika_events").
"""
