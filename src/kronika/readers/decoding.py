"""Bytes to text: gzip, byte-order marks, UTF-8, legacy Central European code pages, binary detection.

charset-normalizer does the guessing for non-UTF-8 input; the code here only decides when a guess is needed and
refuses data that is not text at all, so that a binary file is reported instead of analysed as gibberish.
"""
from __future__ import annotations

import gzip
import zlib

from charset_normalizer import from_bytes

from kronika.errors import KronikaError
from kronika.readers.limits import MAX_FILE_BYTES

GZIP_MAGIC = b"\x1f\x8b"
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def gunzip_if_needed(data: bytes) -> bytes:
    """Decompress gzip data (detected by its magic bytes, not the file name), within the size limit."""
    if not data.startswith(GZIP_MAGIC):
        return data
    try:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(data, MAX_FILE_BYTES + 1)
        if len(out) > MAX_FILE_BYTES:
            raise KronikaError(f"decompressed size is over the limit of {MAX_FILE_BYTES // 2**20} MiB")
        if not d.eof:
            raise KronikaError("corrupt gzip data: the stream is truncated")
        return out
    except (zlib.error, gzip.BadGzipFile, EOFError) as exc:
        raise KronikaError(f"corrupt gzip data: {exc}") from None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB mean this is not a text file."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(head) > 0.05


def decode(data: bytes) -> str:
    """Decode bytes to text: BOM, then strict UTF-8, then a charset-normalizer guess (cp1250, ISO-8859-2, ...)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace")
    if looks_binary(data):
        raise KronikaError("binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=["cp1250", "iso8859_2", "cp1252", "iso8859_1", "cp1251", "koi8_r"]).best()
    if best is None:
        best = from_bytes(data).best()
    if best is None:
        raise KronikaError("not valid UTF-8 and no other text encoding fits")
    return str(best)
