"""Checks every reader applies to the records it makes, so that all formats fail the same way."""
from __future__ import annotations

from kronika.errors import Problem
from kronika.records import Record
from kronika.readers.limits import MAX_RECORD_CHARS


def checked(rec: Record) -> Record | Problem:
    """The record itself, or a Problem saying why it cannot be analysed."""
    if not isinstance(rec.text, str) or not rec.text.strip():
        return Problem(rec.where or rec.id, "no text to analyse (empty)")
    if len(rec.text) > MAX_RECORD_CHARS:
        return Problem(rec.where or rec.id, f"text of {len(rec.text):,} characters is over the limit of "
                                            f"{MAX_RECORD_CHARS:,}")
    if "\x00" in rec.text:
        return Problem(rec.where or rec.id, "text contains NUL bytes (binary data?)")
    return rec
