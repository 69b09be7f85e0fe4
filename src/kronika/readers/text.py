"""Plain-text articles: one file, one record."""
from __future__ import annotations

from collections.abc import Iterator

from kronika.errors import Problem
from kronika.records import Record
from kronika.readers.validate import checked


def read_text(text: str, where: str, record_id: str) -> Iterator[Record | Problem]:
    """A whole text file is one article; its title and byline are found later by the metadata stage."""
    yield checked(Record(id=record_id, text=text, where=where))
