"""Turn bytes into text: BOMs, UTF-16/32, UTF-8 and Latin-1/Windows-1252 files all read correctly.

Detection order, and why:
1. a byte-order mark says the encoding outright (UTF-32 marks are checked before UTF-16,
   because ``FF FE 00 00`` also starts with the UTF-16-LE mark);
2. UTF-16 without a mark shows as NUL bytes in every other position of ASCII-heavy text;
3. everything else is UTF-8, and any byte that is not valid UTF-8 is read as Windows-1252
   (Latin-1 for the five bytes cp1252 leaves undefined), so a Latin-1 file and a UTF-8 file
   with one stray cp1252 byte both come out right.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BOM_OF = {name: bom for bom, name in _BOMS}

#: magic numbers of common binary formats, so the message can say what the file is
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (also .docx/.xlsx)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "Zstandard archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"DUCK", "DuckDB database"),
    (b"PAR1", "Parquet file"),
    (b"\x7fELF", "ELF executable"),
)

#: share of NUL bytes in odd (even) positions that marks BOM-less UTF-16-LE (-BE)
UTF16_NUL_SHARE = 0.4
#: share of control, private-use or replacement characters above which decoded text is garbage
MAX_JUNK_SHARE = 0.05
#: how much of the data the sniffers look at
SNIFF_BYTES = 8192

_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1c\x1d\x1e\x85")


def detect_encoding(sample: bytes) -> str:
    """The codec to read data starting with ``sample``; ``utf-8`` means UTF-8 with cp1252 fallback."""
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    return _utf16_without_bom(sample) or "utf-8"


def bom_length(sample: bytes) -> int:
    """Length of the byte-order mark opening ``sample`` (0 if none)."""
    for bom, _ in _BOMS:
        if sample.startswith(bom):
            return len(bom)
    return 0


def magic_kind(data: bytes) -> str | None:
    """The binary format whose magic number opens ``data``, if any."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def binary_kind(data: bytes) -> str | None:
    """What kind of binary file ``data`` starts, or ``None`` if it may be text."""
    kind = magic_kind(data)
    if kind is not None:
        return kind
    if detect_encoding(data[:SNIFF_BYTES]) != "utf-8":
        return None
    sample = data[:SNIFF_BYTES]
    if b"\x00" in sample:
        return "binary file"
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return "binary file" if sample and controls / len(sample) > MAX_JUNK_SHARE else None


def decode_bytes(data: bytes, encoding: str | None = None) -> str | None:
    """Decode ``data`` (BOM dropped); ``None`` when the result is not plausible text."""
    text = decode_lenient(data, encoding)
    return text if looks_like_text(text) else None


def decode_lenient(data: bytes, encoding: str | None = None) -> str:
    """Decode ``data`` (BOM dropped) whatever it holds; undecodable units become U+FFFD."""
    encoding = encoding or detect_encoding(data[:SNIFF_BYTES])
    bom = _BOM_OF.get(encoding, b"")
    body = data[len(bom) :] if bom and data.startswith(bom) else data
    return decode_utf8_or_cp1252(body) if encoding == "utf-8" else body.decode(encoding, "replace")


def decode_utf8_or_cp1252(data: bytes) -> str:
    """UTF-8, reading each byte that is not valid UTF-8 as Windows-1252 (or Latin-1)."""
    text = data.decode("utf-8", "surrogateescape")
    if not _ESCAPED_BYTE.search(text):
        return text
    return _ESCAPED_BYTE.sub(_cp1252_char, text)


def looks_like_text(text: str) -> bool:
    """False when too many characters are controls, private-use or U+FFFD (decoded binary)."""
    sample = text[:SNIFF_BYTES]
    if not sample:
        return True
    junk = sum(1 for char in sample if _is_junk(char))
    return junk / len(sample) <= MAX_JUNK_SHARE


def _is_junk(char: str) -> bool:
    if char in _TEXT_CONTROLS:
        return False
    # unassigned code points (Cn) are not junk: a newer Unicode may have assigned them
    return char == "\ufffd" or unicodedata.category(char) in ("Cc", "Co", "Cs")


def _cp1252_char(match: re.Match[str]) -> str:
    byte = bytes([ord(match.group()) - 0xDC00])
    try:
        return byte.decode("cp1252")
    except UnicodeDecodeError:
        return byte.decode("latin-1")


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by its pattern of NUL bytes in ASCII-heavy text."""
    sample = data[:1000]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > UTF16_NUL_SHARE * half and even < 0.05 * half:
        return "utf-16-le"
    if even > UTF16_NUL_SHARE * half and odd < 0.05 * half:
        return "utf-16-be"
    return None
