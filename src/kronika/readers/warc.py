"""WARC archives: every HTML response becomes a record, identified by its WARC-Record-ID."""
from __future__ import annotations

import io
from collections.abc import Iterator

from kronika.errors import Problem
from kronika.records import Record
from kronika.readers.decoding import decode, looks_binary
from kronika.readers.html import html_to_record


def read_warc(data: bytes, where: str) -> Iterator[Record | Problem]:
    """Non-HTML responses (images, scripts) are skipped silently: they are not articles, and not errors either."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        for rec in ArchiveIterator(io.BytesIO(data)):
            if rec.rec_type != "response" or rec.http_headers is None:
                continue
            ctype = (rec.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in ctype:
                continue
            n += 1
            uri = rec.rec_headers.get_header("WARC-Target-URI")
            rid = rec.rec_headers.get_header("WARC-Record-ID") or f"{where}#{n}"
            rid = rid.strip("<>").removeprefix("urn:uuid:")
            at = f"{where} (record {n}, {uri or rid})"
            payload = rec.content_stream().read()
            if looks_binary(payload):
                yield Problem(at, "response body is binary, not HTML")
                continue
            yield html_to_record(decode(payload), rid, at, url=uri)
    except ArchiveLoadFailed as exc:
        yield Problem(where, f"not a valid WARC file ({str(exc).splitlines()[0][:120]})")
