"""Readers turn inputs (files, folders, stdin; text, JSON Lines, HTML, WARC, feeds; gzipped or not) into Records.

Every reader yields `Record | Problem`: a bad record is a value, not an exception, so that one bad line never costs
the rest of a batch. The format is chosen by file extension, and by sniffing the content when the extension says
nothing.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from kronika.errors import KronikaError, Problem
from kronika.records import Record
from kronika.readers.decoding import decode, gunzip_if_needed, looks_binary
from kronika.readers.feeds import read_feed
from kronika.readers.html import read_html
from kronika.readers.jsonl import read_jsonl
from kronika.readers.limits import MAX_FILE_BYTES
from kronika.readers.text import read_text
from kronika.readers.warc import read_warc

__all__ = ["iter_records", "read_bytes", "FORMATS"]

_BY_SUFFIX = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".html": "html", ".htm": "html",
              ".xhtml": "html", ".warc": "warc", ".rss": "feed", ".atom": "feed", ".xml": "feed", ".txt": "text",
              ".text": "text", ".md": "text"}
FORMATS = ("auto", "text", "jsonl", "html", "warc", "feed")


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if head.startswith(b"warc/"):
        return "warc"
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"<"):
        if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
            return "feed"
        return "html"
    return "text"


def _format_of(name: str, data: bytes) -> str:
    p = Path(name.lower())
    suffixes = [s for s in p.suffixes if s != ".gz"]
    fmt = _BY_SUFFIX.get(suffixes[-1]) if suffixes else None
    if fmt == "feed" and _sniff(data) != "feed":    # .xml is not always a feed
        fmt = None
    return fmt or _sniff(data)


def _stem_id(name: str) -> str:
    """A file's record id: its path as given, without compression and format suffixes (stable across runs)."""
    p = name
    for suf in (".gz",) + tuple(_BY_SUFFIX):
        if p.lower().endswith(suf):
            p = p[: -len(suf)]
    return p or name


def read_bytes(data: bytes, name: str, fmt: str = "auto") -> Iterator[Record | Problem]:
    """Records from one input's bytes; `name` is used in messages and for ids."""
    try:
        data = gunzip_if_needed(data)
    except KronikaError as exc:
        yield Problem(name, str(exc))
        return
    if not data.strip():
        yield Problem(name, "empty input")
        return
    if len(data) > MAX_FILE_BYTES:
        yield Problem(name, f"input of {len(data) // 2**20} MiB is over the limit of {MAX_FILE_BYTES // 2**20} MiB")
        return
    fmt = _format_of(name, data) if fmt == "auto" else fmt
    if fmt == "warc":
        yield from read_warc(data, name)
        return
    if fmt == "feed":
        yield from read_feed(data, name)
        return
    if looks_binary(data):
        yield Problem(name, "binary data, not text")
        return
    try:
        text = decode(data)
    except KronikaError as exc:
        yield Problem(name, str(exc))
        return
    if fmt == "jsonl":
        yield from read_jsonl(text, name)
    elif fmt == "html":
        yield from read_html(text, name, _stem_id(name))
    else:
        yield from read_text(text, name, _stem_id(name))


def _files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not any(part.startswith(".")
                                                                         for part in p.relative_to(folder).parts))


def iter_records(paths: Iterable[str], fmt: str = "auto") -> Iterator[Record | Problem]:
    """Records from every path in order: '-' is stdin, a folder is read recursively in sorted order."""
    for raw in paths:
        if raw == "-":
            yield from read_bytes(sys.stdin.buffer.read(), "<stdin>", fmt)
            continue
        path = Path(raw)
        if not path.exists():
            yield Problem(raw, "no such file or folder")
            continue
        files = _files_under(path) if path.is_dir() else [path]
        if path.is_dir() and not files:
            yield Problem(raw, "folder has no files")
        for f in files:
            try:
                if f.stat().st_size > MAX_FILE_BYTES:
                    yield Problem(str(f), f"file is over the limit of {MAX_FILE_BYTES // 2**20} MiB")
                    continue
                data = f.read_bytes()
            except OSError as exc:
                yield Problem(str(f), f"cannot read ({exc.strerror})")
                continue
            yield from read_bytes(data, str(f), fmt)
