"""Documented input limits: an input over them is reported and skipped rather than exhausting memory."""
MAX_FILE_BYTES = 200 * 1024 * 1024      # one input file after decompression (a WARC or JSONL batch can be large)
MAX_RECORD_CHARS = 1_000_000            # one article's text; longer texts are not news articles
MIN_RECORD_CHARS = 1                    # after stripping whitespace
MIN_HTML_WORDS = 10                     # an HTML page whose extracted main text is shorter holds no article
